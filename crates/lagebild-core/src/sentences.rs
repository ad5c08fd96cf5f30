//! Sentence splitting for German and English news text.
//!
//! A blank line always ends a sentence. A single line break ends one too,
//! unless the text is hard-wrapped (wire copy wrapped at a fixed width, where
//! a line break is a space and an indented line starts a paragraph). Inside a
//! line, `.`, `!`, `?` and `…` end a sentence when the next word starts with a
//! capital, a digit or a quote, except after an abbreviation from
//! `data/abbreviations.json`, an initial, or a day number before a month name
//! ("am 3. November").

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::lexicon::data_file;
use crate::model::{Language, Span};
use crate::temporal::Vocabulary;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

#[derive(serde::Deserialize)]
struct Abbreviations {
    abbreviations: FxHashSet<String>,
}

data_file!(fn abbreviations() -> Abbreviations = "abbreviations.json");

/// The longest sentence the engine reads, in bytes; longer runs without a
/// full stop are cut at a word boundary so that later stages stay fast.
pub const MAX_SENTENCE_BYTES: usize = 4_000;

/// The most sentences the engine analyses in one article (a long article
/// has a few hundred); a text with more is refused, since the later stages
/// compare each sentence with the article's other mentions.
pub const MAX_SENTENCES: usize = 20_000;

/// The sentences of `text`, as trimmed spans in text order.
pub fn split(text: &str, language: Language) -> Vec<Span> {
    // Room for sentences of a hundred bytes, so that the list rarely grows.
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    // The sentence marks of the whole text, taken block by block.
    let mut marks = SentenceMarks::new(text).peekable();
    let mut split_block = |block: Span| {
        let body = text.get(block.0..block.1).unwrap_or("");
        let mut start = 0;
        while let Some((at, c)) = marks.next_if(|&(at, _)| at < block.1) {
            let i = at - block.0;
            // Let closing quotes and brackets stay with the sentence they close.
            let after = i + c.len_utf8();
            let rest = body.get(after..).unwrap_or("");
            let closers = rest
                .find(|c: char| !matches!(c, '"' | '“' | '”' | '»' | '«' | '\'' | '’' | ')' | ']'))
                .unwrap_or(rest.len());
            let end = after + closers;
            if ends_sentence(body, i, c, end, language) {
                push_trimmed(text, block.0 + start, block.0 + end, &mut out);
                start = end;
            }
        }
        push_trimmed(text, block.0 + start, block.1, &mut out);
    };
    if is_hard_wrapped(text) {
        blocks_of_wrapped(text).into_iter().for_each(split_block);
    } else {
        // Every line break ends a sentence: each line is a block.
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
            split_block(Span(start, end + 1));
            start = end + 1;
        }
        if text.len() > start {
            split_block(Span(start, text.len()));
        }
    }
    out
}

/// The paragraph-like blocks of hard-wrapped text: the pieces between
/// blank lines, before indented lines and around lines that follow a blank
/// one.
fn blocks_of_wrapped(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut offset = 0;
    let mut previous_blank = false;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        let blank = content.trim().is_empty();
        let indented = content.starts_with(' ') || content.starts_with('\t');
        let breaks_before = blank || previous_blank || indented;
        if breaks_before && offset > start {
            out.push(Span(start, offset));
            start = offset;
        }
        previous_blank = blank;
        offset += line.len();
    }
    if offset > start {
        out.push(Span(start, offset));
    }
    out
}

/// The widest line hard-wrapped text may have, in characters.
const WIDEST_WRAPPED_LINE: usize = 100;

/// Whether most lines are cut at one width, as in wire copy. Decided as
/// soon as a line is wider than wrapped lines are (a paragraph on one line).
fn is_hard_wrapped(text: &str) -> bool {
    let mut lengths = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if crate::text::has_more_chars_than(line, WIDEST_WRAPPED_LINE) {
            return false;
        }
        let n = line.chars().count();
        if n > 0 {
            lengths.push(n);
        }
    }
    if lengths.len() < 6 {
        return false;
    }
    let widest = lengths.iter().copied().max().unwrap_or(0);
    if widest < 40 {
        return false;
    }
    let near_width = lengths.iter().filter(|&&n| n + 20 >= widest).count();
    near_width * 2 > lengths.len()
}

/// The `.`, `!`, `?` and `…` of a text with their offsets, in text order.
/// The first three are found by a vectorised search for their bytes, the
/// ellipsis by a search of its own: no other character holds their bytes.
struct SentenceMarks<'t> {
    bytes: &'t [u8],
    /// Where the search for the next `.`, `!` or `?` goes on.
    at: usize,
    /// The next ellipsis at or after `at`, if any.
    ellipsis: Option<usize>,
}

const ELLIPSIS: &str = "…";

/// The search for [`ELLIPSIS`], built once.
fn ellipsis_finder() -> &'static memchr::memmem::Finder<'static> {
    static FINDER: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    FINDER.get_or_init(|| memchr::memmem::Finder::new(ELLIPSIS))
}

impl<'t> SentenceMarks<'t> {
    fn new(text: &'t str) -> SentenceMarks<'t> {
        let bytes = text.as_bytes();
        SentenceMarks { bytes, at: 0, ellipsis: ellipsis_finder().find(bytes) }
    }
}

impl Iterator for SentenceMarks<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        let rest = self.bytes.get(self.at..)?;
        let stop = memchr::memchr3(b'.', b'!', b'?', rest).map(|k| self.at + k);
        match (stop, self.ellipsis) {
            (_, Some(ellipsis)) if stop.is_none_or(|stop| ellipsis < stop) => {
                self.at = ellipsis + ELLIPSIS.len();
                let after = self.bytes.get(self.at..).unwrap_or_default();
                self.ellipsis = ellipsis_finder().find(after).map(|k| self.at + k);
                Some((ellipsis, '…'))
            }
            (Some(stop), _) => {
                self.at = stop + 1;
                self.bytes.get(stop).map(|&b| (stop, char::from(b)))
            }
            (None, _) => {
                self.at = self.bytes.len();
                None
            }
        }
    }
}

fn ends_sentence(body: &str, at: usize, mark: char, end: usize, language: Language) -> bool {
    let rest = &body[end..];
    if !rest.starts_with(char::is_whitespace) {
        return mark == '.' && is_missing_space(body, at, rest);
    }
    let next_word = rest.split_whitespace().next().unwrap_or("");
    let Some(first) = next_word.chars().next() else {
        return true;
    };
    let opens = first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '„' | '“' | '»' | '«' | '\'' | '(' | '‚');
    if !opens {
        return false;
    }
    if mark != '.' {
        return true;
    }
    let before = &body[..at];
    let last_word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if last_word.is_empty() {
        return true;
    }
    if abbreviations().abbreviations.contains(last_word) {
        return false;
    }
    let single_initial = last_word.chars().count() == 1 && last_word.chars().all(char::is_uppercase);
    if single_initial {
        return false;
    }
    let day_number = last_word.len() <= 2 && last_word.chars().all(|c| c.is_ascii_digit());
    // Only a day number needs the next word looked up.
    let month_follows = || {
        Vocabulary::get(language).month(next_word.trim_end_matches(|c: char| !c.is_alphanumeric())).is_some()
    };
    !(day_number
        && (month_follows()
            || language == Language::De && next_word.chars().all(|c| c.is_ascii_digit() || c == '.')))
}

/// A full stop with no space after it ("Wahl.Unterdessen"), between a word
/// ending in a lower-case letter and a capitalised word: a typing slip, not
/// an abbreviation ("z.B.") or a domain ("diplo.news").
fn is_missing_space(body: &str, at: usize, rest: &str) -> bool {
    let before = body[..at].chars().next_back();
    let next_word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    let last_word = body[..at].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    before.is_some_and(char::is_lowercase)
        && next_word.chars().count() >= 2
        && next_word.chars().next().is_some_and(char::is_uppercase)
        && next_word.chars().skip(1).all(char::is_lowercase)
        && last_word.chars().count() >= 2
        && !abbreviations().abbreviations.contains(last_word)
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail >= piece.len() {
        return;
    }
    let (mut s, e) = (start + lead, end - trail);
    while e - s > MAX_SENTENCE_BYTES {
        let mut cut = s + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[s..cut].rfind(char::is_whitespace).map_or(cut, |w| s + w);
        let cut = if cut <= s { s + MAX_SENTENCE_BYTES.min(e - s) } else { cut };
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        out.push(Span(s, cut));
        s = cut + text[cut..].len() - text[cut..].trim_start().len();
    }
    if e > s {
        out.push(Span(s, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, language: Language) -> Vec<&str> {
        split(text, language).into_iter().map(|s| &text[s.0..s.1]).collect()
    }

    #[test]
    fn splits_german_news_prose() {
        let text = "Am 3. November warnte Guterres. Dr. Park sagte, z. B. am 24.10. sei es so! Dann: „Nein.“ Danach kam er.Er ging, z.B. auf diplo.news.";
        assert_eq!(
            texts(text, Language::De),
            [
                "Am 3. November warnte Guterres.",
                "Dr. Park sagte, z. B. am 24.10. sei es so!",
                "Dann: „Nein.“",
                "Danach kam er.",
                "Er ging, z.B. auf diplo.news."
            ]
        );
    }

    #[test]
    fn header_lines_are_sentences_of_their_own() {
        let text =
            "Titel der Seite\nVon Yong-han Park, Seoul\nNovember 21, 2024\n\nErster Satz. Zweiter Satz.";
        assert_eq!(
            texts(text, Language::De),
            [
                "Titel der Seite",
                "Von Yong-han Park, Seoul",
                "November 21, 2024",
                "Erster Satz.",
                "Zweiter Satz."
            ]
        );
    }

    #[test]
    fn hard_wrapped_wire_copy_joins_lines() {
        let text = "NATO ambassadors met in emergency session today to discuss the\n\
                    tension between members Greece and Turkey over a disputed area\n\
                    of the Aegean Sea, Greek diplomatic sources said in Athens on\n\
                    the day of the meeting, which was called after statements by\n\
                    both countries that they were prepared to back rival teams.\n    \
                    They said no information had yet emerged from the meeting in\n\
                    Brussels, and that the talks would go on through the evening.\n";
        let got = texts(text, Language::En);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].ends_with("rival teams."));
    }

    #[test]
    fn a_line_wider_than_wrapped_lines_means_text_is_not_wrapped() {
        let wrapped = format!("{}\n", "x".repeat(60)).repeat(8);
        assert!(is_hard_wrapped(&wrapped));
        assert!(!is_hard_wrapped(&format!("{wrapped}{}\n", "ü".repeat(101))));
        assert!(is_hard_wrapped(&format!("{wrapped}{}\n", "ü".repeat(70))));
    }

    #[test]
    fn every_sentence_mark_is_found_among_other_characters() {
        let text = "Ä.ö!…?x…ü";
        let expected: Vec<(usize, char)> =
            text.char_indices().filter(|(_, c)| matches!(c, '.' | '!' | '?' | '…')).collect();
        assert_eq!(SentenceMarks::new(text).collect::<Vec<_>>(), expected);
        assert_eq!(
            texts("Er kam… Sie ging! Wer? Niemand.", Language::De),
            ["Er kam…", "Sie ging!", "Wer?", "Niemand."]
        );
    }

    #[test]
    fn very_long_runs_are_cut() {
        let text = "wort ".repeat(5_000);
        let spans = split(&text, Language::De);
        assert!(spans.len() > 1);
        assert!(spans.iter().all(|s| s.1 - s.0 <= MAX_SENTENCE_BYTES));
    }
}
