//! HTML input: the article text of a saved web page.
//!
//! The page is read by html5ever's tokenizer alone, without its tree
//! builder: no document tree is built, so time and memory stay linear in the
//! size of the page however deep or broken its nesting. What is kept is the
//! text, with character references decoded, white space collapsed as a
//! browser shows it, and a blank line wherever a block element (paragraph,
//! heading, list item …) starts or ends. What is dropped: scripts, styles,
//! frames and other raw-text elements, the page furniture around the
//! article (navigation, asides, and banners outside the article), comments,
//! and every attribute, so no link target or event handler survives. Which
//! element is which is in `data/html.json`.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::lexicon::data_file;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// How the tokenizer reads the content of a raw-text element.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum RawText {
    Script,
    Rawtext,
    Rcdata,
    Plaintext,
}

#[derive(serde::Deserialize)]
struct Elements {
    raw_text: HashMap<String, RawText>,
    dropped: HashSet<String>,
    banners: HashSet<String>,
    articles: HashSet<String>,
    blocks: HashSet<String>,
    lines: HashSet<String>,
    cells: HashSet<String>,
    preformatted: HashSet<String>,
}

data_file!(fn elements() -> Elements = "html.json");

/// Whether a text is an HTML page or fragment rather than plain text: it
/// starts (after white space) with a doctype, a comment, an XML declaration
/// or a start tag such as `<html>` or `<p class="lead">`.
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let opening: String = head.chars().take(14).collect::<String>().to_ascii_lowercase();
    if ["<!doctype html", "<!--", "<?xml"].iter().any(|p| opening.starts_with(p)) {
        return true;
    }
    let Some(rest) = head.strip_prefix('<') else {
        return false;
    };
    let name_end = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
    let after_name = rest[name_end..].chars().next();
    rest.starts_with(|c: char| c.is_ascii_alphabetic())
        && after_name.is_some_and(|c| c.is_whitespace() || c == '>' || c == '/')
}

/// The article text of an HTML page. Lines end in `\n`; paragraphs are
/// separated by a blank line.
pub fn to_text(html: &str) -> String {
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(TextSink::default(), TokenizerOpts::default());
    // The sink never asks to pause for a script, so one feed reads it all.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.state.take().out
}

/// The separator owed before the next piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
enum Break {
    #[default]
    None,
    Space,
    Line,
    Paragraph,
}

#[derive(Default)]
struct State {
    out: String,
    pending: Break,
    /// Inside a raw-text element whose content is dropped.
    in_raw_text: bool,
    /// Open dropped elements, by name (a count each, so that broken nesting
    /// costs no search).
    dropped: HashMap<String, usize>,
    dropped_open: usize,
    articles_open: usize,
    preformatted_open: usize,
}

#[derive(Default)]
struct TextSink {
    state: RefCell<State>,
}

impl State {
    fn owe(&mut self, separator: Break) {
        self.pending = self.pending.max(separator);
    }

    fn text(&mut self, chars: &str) {
        if self.in_raw_text || self.dropped_open > 0 {
            return;
        }
        for c in chars.chars() {
            if c == '\0' {
                continue;
            }
            if self.preformatted_open == 0 && c.is_whitespace() {
                self.owe(Break::Space);
                continue;
            }
            if self.preformatted_open > 0 && c == '\n' {
                self.owe(Break::Line);
                continue;
            }
            self.flush();
            self.out.push(c);
        }
    }

    fn flush(&mut self) {
        if !self.out.is_empty() {
            match self.pending {
                Break::None => {}
                Break::Space => self.out.push(' '),
                Break::Line => self.out.push('\n'),
                Break::Paragraph => self.out.push_str("\n\n"),
            }
        }
        self.pending = Break::None;
    }

    fn open_dropped(&mut self, name: &str) {
        *self.dropped.entry(name.to_string()).or_default() += 1;
        self.dropped_open += 1;
    }

    /// Closes a dropped element of this name; false when none is open.
    fn close_dropped(&mut self, name: &str) -> bool {
        match self.dropped.get_mut(name) {
            Some(open) if *open > 0 => {
                *open -= 1;
                self.dropped_open -= 1;
                true
            }
            _ => false,
        }
    }

    /// Handles a tag; returns the raw-text mode the tokenizer must switch to.
    fn tag(&mut self, tag: &Tag) -> Option<RawText> {
        let elements = elements();
        let name: &str = &tag.name;
        match tag.kind {
            TagKind::StartTag => {
                if let Some(&kind) = elements.raw_text.get(name) {
                    self.in_raw_text = true;
                    self.owe(Break::Space);
                    return Some(kind);
                }
                let banner = elements.banners.contains(name) && self.articles_open == 0;
                if (elements.dropped.contains(name) || banner) && !tag.self_closing {
                    self.open_dropped(name);
                    return None;
                }
                if elements.articles.contains(name) {
                    self.articles_open += 1;
                }
                if elements.preformatted.contains(name) {
                    self.preformatted_open += 1;
                }
                self.separate(name);
            }
            TagKind::EndTag => {
                if self.in_raw_text {
                    // In raw text the tokenizer only ends on the matching end tag.
                    self.in_raw_text = false;
                    return None;
                }
                if self.close_dropped(name) {
                    return None;
                }
                if matches!(name, "body" | "html") {
                    // A page that ends leaves no furniture open.
                    self.dropped.clear();
                    self.dropped_open = 0;
                }
                if elements.articles.contains(name) {
                    self.articles_open = self.articles_open.saturating_sub(1);
                }
                if elements.preformatted.contains(name) {
                    self.preformatted_open = self.preformatted_open.saturating_sub(1);
                }
                self.separate(name);
            }
        }
        None
    }

    fn separate(&mut self, name: &str) {
        let elements = elements();
        if elements.blocks.contains(name) {
            self.owe(Break::Paragraph);
        } else if elements.lines.contains(name) {
            self.owe(Break::Line);
        } else if elements.cells.contains(name) {
            self.owe(Break::Space);
        }
    }
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::CharacterTokens(chars) => state.text(&chars),
            Token::TagToken(tag) => match state.tag(&tag) {
                Some(RawText::Script) => return TokenSinkResult::RawData(RawKind::ScriptData),
                Some(RawText::Rawtext) => return TokenSinkResult::RawData(RawKind::Rawtext),
                Some(RawText::Rcdata) => return TokenSinkResult::RawData(RawKind::Rcdata),
                Some(RawText::Plaintext) => return TokenSinkResult::Plaintext,
                None => {}
            },
            Token::DoctypeToken(_)
            | Token::CommentToken(_)
            | Token::NullCharacterToken
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_pages_from_plain_text() {
        for page in [
            "<!DOCTYPE html><p>x",
            "  <html lang=de>",
            "<p>Text</p>",
            "<!-- saved -->",
            "<br/>",
            "\u{FEFF}<div>",
        ] {
            assert!(looks_like_html(page), "{page:?}");
        }
        for text in ["Berlin, 3. März", "<3 Grüße", "< p>", "<<<", "", "a <p> b", "<Reuters-Meldung"] {
            assert!(!looks_like_html(text), "{text:?}");
        }
    }

    #[test]
    fn keeps_the_article_and_drops_the_rest() {
        let page = r#"<!DOCTYPE html><html><head><title>Seite</title>
            <style>p { color: red }</style><script>window.hacked = "</p>";</script></head>
            <body onload="alert(1)"><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
            <header><div>Newsletter</div></header>
            <article><header><h1>Gr&uuml;&szlig;e aus Kiew</h1><p>Von Anna M&uuml;ller</p></header>
            <p>Russland   griff
               am Montag die <a href="javascript:alert(1)">Ukraine</a> an.<img src=x onerror="alert(1)"></p>
            <p>&bdquo;Wir&nbsp;bleiben&ldquo;, sagte sie.<br>Zweite Zeile.</p>
            <iframe src="https://example.org"><p>Fallback</p></iframe>
            <aside>Mehr zum Thema</aside><noscript>Bitte JavaScript</noscript></article>
            <footer>&copy; Zeitung</footer></body></html>"#;
        assert_eq!(
            to_text(page),
            "Grüße aus Kiew\n\nVon Anna Müller\n\nRussland griff am Montag die Ukraine an.\n\n\
             „Wir bleiben“, sagte sie.\nZweite Zeile."
        );
    }

    #[test]
    fn survives_deep_and_broken_nesting() {
        let deep = "<div>".repeat(100_000) + "Text" + &"</div>".repeat(100_000);
        assert_eq!(to_text(&deep), "Text");
        let broken = "<p><b><i>Eins</b></i><table><td>Zwei<td>Drei</tr></p><div><span>Vier";
        assert_eq!(to_text(broken), "Eins\n\nZwei Drei\n\nVier");
        // An aside never closed ends with the page, not with the article.
        let open_aside = "<body><aside>Werbung<p>mehr</body><p>Nachtrag";
        assert_eq!(to_text(open_aside), "Nachtrag");
    }

    #[test]
    fn keeps_preformatted_lines() {
        assert_eq!(to_text("<pre>a  b\nc</pre><p>d   e</p>"), "a  b\nc\n\nd e");
    }
}
