//! Words and their byte offsets: the one tokeniser every stage uses.

use crate::model::Span;

/// A word of the text: letters and digits, with inner hyphens, apostrophes
/// and dots between digits ("Kim Jong-un", "Russia's", "12.000") kept inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'t> {
    /// The word as written.
    pub text: &'t str,
    /// Where it stands, in bytes.
    pub span: Span,
}

/// The words of `text`, with offsets shifted by `base`.
pub fn words(text: &str, base: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        let joins = start.is_some()
            && matches!(c, '-' | '\'' | '’' | '.' | ',')
            && chars.peek().is_some_and(|&(_, next)| next.is_alphanumeric())
            && (c != '.' && c != ','
                || is_digit_before(text, i) && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit()));
        if joins {
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Word { text: &text[s..i], span: Span(base + s, base + i) });
        }
    }
    if let Some(s) = start {
        out.push(Word { text: &text[s..], span: Span(base + s, base + text.len()) });
    }
    out
}

fn is_digit_before(text: &str, i: usize) -> bool {
    text[..i].chars().next_back().is_some_and(|c| c.is_ascii_digit())
}

/// Whether the word starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `text[at..]` starts a word (no letter or digit right before it).
pub fn word_starts_at(text: &str, at: usize) -> bool {
    !text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Whether a word ends at `at` (no letter or digit right after it).
pub fn word_ends_at(text: &str, at: usize) -> bool {
    !text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_joiners_and_offsets() {
        let text = "Kim Jong-un's 12.000 Soldaten, 3. Juni.";
        let got: Vec<&str> = words(text, 0).iter().map(|w| w.text).collect();
        assert_eq!(got, ["Kim", "Jong-un's", "12.000", "Soldaten", "3", "Juni"]);
        let w = words(text, 10);
        assert_eq!(w[1].span, Span(14, 23));
    }
}
