//! Words and their byte offsets: the one tokeniser every stage uses.

use crate::model::Span;
use std::borrow::Cow;

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
    // Room for words of six bytes with their space, so that the vector
    // rarely grows.
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    out.extend(word_iter(text, base));
    out
}

/// The words of `text` one by one, with offsets shifted by `base`: what
/// [`words`] gives, for callers that stop early or only count.
pub fn word_iter(text: &str, base: usize) -> Words<'_> {
    Words { text, base, at: 0, seen: 0 }
}

/// The iterator of [`word_iter`].
pub struct Words<'t> {
    text: &'t str,
    base: usize,
    /// Where the search for the next word starts (a char boundary).
    at: usize,
    /// What the last word was seen to hold: [`LOWER_OR_DIGIT`],
    /// [`CAPITAL`] and [`OTHER`] bits.
    seen: u8,
}

/// A word holds an ASCII small letter or digit.
const LOWER_OR_DIGIT: u8 = 1;
/// A word holds an ASCII capital.
const CAPITAL: u8 = 2;
/// A word holds a character beyond ASCII.
const OTHER: u8 = 4;

impl Words<'_> {
    /// Whether the last word given is ASCII without capitals (its own lower
    /// case), as seen while it was cut. `false` before the first word.
    pub fn last_is_ascii_lower(&self) -> bool {
        self.seen == LOWER_OR_DIGIT
    }

    /// Whether the last word given is all ASCII, as seen while it was cut.
    pub fn last_is_ascii(&self) -> bool {
        self.seen & OTHER == 0
    }
}

impl<'t> Iterator for Words<'t> {
    type Item = Word<'t>;

    fn next(&mut self) -> Option<Word<'t>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut at = self.at;
        let start = loop {
            // ASCII that is not a letter or digit is skipped byte by byte.
            match bytes.get(at) {
                Some(&b) if is_ascii_alphanumeric(b) => break at,
                Some(b) if b.is_ascii() => at += 1,
                Some(_) => {
                    let (c, len) = char_at(text, at)?;
                    if is_letter_or_digit(c) {
                        break at;
                    }
                    at += len;
                }
                None => {
                    self.at = at;
                    return None;
                }
            }
        };
        let mut previous = '\0';
        let mut end = start;
        let mut seen = 0;
        loop {
            // ASCII letters and digits run on byte by byte.
            let run = end;
            while let Some(&class) = bytes.get(end).map(|&b| &ASCII_CLASS[usize::from(b)]) {
                if class == 0 {
                    break;
                }
                seen |= class;
                end += 1;
            }
            if end > run {
                previous = bytes.get(end - 1).map_or(previous, |&b| char::from(b));
            }
            // Any other ASCII character but a joiner ends the word.
            if bytes.get(end).is_some_and(|b| b.is_ascii() && !matches!(b, b'-' | b'\'' | b'.' | b',')) {
                break;
            }
            let Some((c, len)) = char_at(text, end) else { break };
            if !is_letter_or_digit(c) && !joins(text, previous, c, end + len) {
                break;
            }
            if !c.is_ascii() {
                seen |= OTHER;
            }
            previous = c;
            end += len;
        }
        self.seen = seen;
        self.at = end;
        Some(Word { text: &text[start..end], span: Span(self.base + start, self.base + end) })
    }
}

/// Which bytes are ASCII letters and digits, and of those which capitals:
/// [`LOWER_OR_DIGIT`], [`CAPITAL`], or `0` for any other byte.
const ASCII_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_uppercase() {
            CAPITAL
        } else if byte.is_ascii_alphanumeric() {
            LOWER_OR_DIGIT
        } else {
            0
        };
        b += 1;
    }
    table
};

/// `u8::is_ascii_alphanumeric`, by the table.
#[inline]
pub(crate) fn is_ascii_alphanumeric(b: u8) -> bool {
    ASCII_CLASS[usize::from(b)] != 0
}

/// `char::is_alphanumeric`, with the Latin-1 letters (umlauts, accents,
/// "ß") answered without the Unicode tables.
pub fn is_letter_or_digit(c: char) -> bool {
    match c {
        '\u{C0}'..='\u{FF}' => c != '×' && c != '÷',
        _ => c.is_alphanumeric(),
    }
}

/// The character at byte `at` and its length; ASCII without decoding.
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
        Some(_) => text[at..].chars().next().map(|c| (c, c.len_utf8())),
        None => None,
    }
}

/// Whether `c`, between `previous` (the last character of a word) and the
/// text from `next_at` on, keeps the word going: an inner hyphen or
/// apostrophe before a letter or digit, a dot or comma between digits.
fn joins(text: &str, previous: char, c: char, next_at: usize) -> bool {
    if !matches!(c, '-' | '\'' | '’' | '.' | ',') {
        return false;
    }
    let Some((next, _)) = char_at(text, next_at) else { return false };
    match c {
        '.' | ',' => previous.is_ascii_digit() && next.is_ascii_digit(),
        _ => is_letter_or_digit(next),
    }
}

/// A word in lower case, borrowed when it is already (the common case of
/// ASCII words without capitals), so that lookups need not allocate.
pub fn lower(word: &str) -> Cow<'_, str> {
    if is_ascii_lower(word) {
        Cow::Borrowed(word)
    } else if word.is_ascii() {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The lower case of a Latin-1 character (ASCII included), without the
/// Unicode tables: the capitals "A" to "Z" and "À" to "Þ" (but "×") have
/// their small letter 32 code points on, and every other character below
/// U+0100 is its own lower case. `None` for a character beyond Latin-1.
pub fn latin_1_lower(c: char) -> Option<char> {
    match c {
        'A'..='Z' | 'À'..='Þ' if c != '×' => char::from_u32(u32::from(c) + 32),
        '\0'..='\u{FF}' => Some(c),
        _ => None,
    }
}

/// A text in lower case, exactly as [`str::to_lowercase`] gives it (see
/// [`push_lower_text`]).
pub fn lower_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_lower_text(&mut out, text);
    out
}

/// Appends `text` in lower case, exactly as [`str::to_lowercase`] gives it,
/// but without the Unicode tables for ASCII and Latin-1 (the letters of
/// German and English text): runs of ASCII are lowered in one sweep, only
/// other characters are looked up, and a text with a capital sigma, whose
/// lower case depends on its place in a word, is left to the standard
/// library.
pub fn push_lower_text(out: &mut String, text: &str) {
    let start = out.len();
    if text.is_ascii() {
        // The common case, told by a test that reads a word of bytes at once.
        push_lower_ascii(out, text);
        return;
    }
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let (run, after) = rest.split_at(ascii);
        push_lower_ascii(out, run);
        let mut chars = after.chars();
        let Some(c) = chars.next() else { break };
        match (c, latin_1_lower(c)) {
            (_, Some(lower)) => out.push(lower),
            ('Σ', None) => {
                out.truncate(start);
                out.push_str(&text.to_lowercase());
                return;
            }
            (_, None) => out.extend(c.to_lowercase()),
        }
        rest = chars.as_str();
    }
}

/// Appends `text` with its ASCII capitals lowered: for an ASCII text, what
/// [`push_lower_text`] gives.
pub fn push_lower_ascii(out: &mut String, text: &str) {
    let start = out.len();
    out.push_str(text);
    if let Some(pushed) = out.get_mut(start..) {
        pushed.make_ascii_lowercase();
    }
}

/// Whether a word is ASCII without capitals: its own lower case.
pub fn is_ascii_lower(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// Whether `text` has more than `n` characters: told by its length in
/// bytes unless that lies between one and four bytes a character.
pub fn has_more_chars_than(text: &str, n: usize) -> bool {
    text.len() > n && (text.len() > 4 * n || text.chars().nth(n).is_some())
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

    #[test]
    fn joiners_only_join_inside_a_word() {
        let text = "-Ab- 1.2, 3,4. x'-y ’s Straße–Ost 5.a a.5 é’é";
        let got: Vec<&str> = words(text, 0).iter().map(|w| w.text).collect();
        assert_eq!(got, ["Ab", "1.2", "3,4", "x", "y", "s", "Straße", "Ost", "5", "a", "a", "5", "é’é"]);
        assert_eq!(word_iter(text, 0).count(), got.len());
    }

    #[test]
    fn the_tokeniser_tells_ascii_and_lower_case_words() {
        let text = "Der US-Präsident sagte: x-y 3.4 Kim's MÜLLER straße Ab’c 12 ΟΔΟΣ é";
        let mut words = word_iter(text, 0);
        assert!(!words.last_is_ascii_lower());
        let mut count = 0;
        while let Some(word) = words.next() {
            assert_eq!(words.last_is_ascii_lower(), is_ascii_lower(word.text), "{}", word.text);
            assert_eq!(words.last_is_ascii(), word.text.is_ascii(), "{}", word.text);
            count += 1;
        }
        assert_eq!(count, 12);
    }

    #[test]
    fn the_ascii_table_agrees_with_the_standard_library() {
        for b in 0..=u8::MAX {
            assert_eq!(is_ascii_alphanumeric(b), b.is_ascii_alphanumeric(), "{b}");
        }
    }

    #[test]
    fn latin_1_letters_are_letters_as_unicode_says() {
        for c in ('\0'..='\u{2FF}').chain(['€', 'Ж', '中', '٣']) {
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn ascii_lower_is_ascii_without_capitals() {
        assert!(is_ascii_lower("angriff") && is_ascii_lower("g7-gipfel"));
        assert!(!is_ascii_lower("Angriff") && !is_ascii_lower("übung"));
    }

    #[test]
    fn characters_are_counted_past_a_limit_as_the_standard_library_counts() {
        for line in ["", "abc", "äöü", "ab€", "a😀b", "€€€€€€€€€", "xxxxxxxxxxxxx"] {
            for n in 0..12 {
                assert_eq!(has_more_chars_than(line, n), line.chars().count() > n, "{line} {n}");
            }
        }
    }

    #[test]
    fn latin_1_lower_is_the_standard_lower_case() {
        for c in '\0'..='\u{FF}' {
            assert_eq!(latin_1_lower(c).map(String::from), Some(c.to_lowercase().collect()), "{c:?}");
        }
        assert_eq!(latin_1_lower('Ā'), None);
    }

    #[test]
    fn lower_text_is_the_standard_lower_case() {
        let every_char: String =
            ('\0'..='\u{3FF}').chain(['€', 'İ', 'ẞ', 'K', 'Ж', '中', '„', '–']).collect();
        for text in [
            every_char.as_str(),
            "Die UNO WARNT: „Österreichs Ärger“ – ÇA VA? İstanbul, ΟΔΟΣ Σ ΣΑ",
            "Plain ASCII, 12.000 Soldaten.",
            "",
        ] {
            assert_eq!(lower_text(text), text.to_lowercase(), "{text}");
        }
    }

    #[test]
    fn lower_borrows_what_is_lower_case_already() {
        assert!(matches!(lower("angriff"), Cow::Borrowed("angriff")));
        assert_eq!(lower("NATO"), "nato");
        assert_eq!(lower("Übung"), "übung");
        assert_eq!(lower("straße"), "straße");
    }
}
