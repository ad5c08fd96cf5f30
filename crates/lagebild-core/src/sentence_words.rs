//! The words of an article's sentences, cut once and lower-cased once for
//! every stage that reads them word by word (the people and organisation
//! finders, the event rules).
//!
//! A word already in lower case is its own lower-case form; the others live
//! in one buffer, so that a capitalised word costs no allocation of its own.
//! Each form is what [`crate::text::lower`] gives.
//!
//! The words are cut once for the whole article ([`ArticleWords`], which
//! the language is also told from); each sentence takes the words inside its
//! span. Cutting is local, so those are the words the sentence alone would
//! give, unless a word runs across one of its ends ("3.4" or "x-y" split by
//! the sentence splitter): such a sentence is cut on its own.

use crate::model::Span;
use crate::text::{self, Word};
use std::ops::Range;

/// The words of every sentence of a text, with their lower-case forms.
pub(crate) struct SentenceWords<'t> {
    words: Vec<Word<'t>>,
    /// Where each word's lower-case form stands.
    lower: Vec<Lower>,
    lowered: String,
    /// Each sentence's words: a range of `words`.
    sentences: Vec<Range<usize>>,
}

/// The words of a whole text by their offsets, with their lower-case
/// forms: owned, so that the prepared article can keep them beside its text.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArticleWords {
    spans: Vec<Span>,
    /// Where each word's lower-case form stands.
    lower: Vec<Lower>,
    lowered: String,
}

impl ArticleWords {
    /// Cuts the words of `text` and lower-cases them.
    pub fn cut(text: &str) -> ArticleWords {
        let capacity = text.len() / 6 + 1;
        let mut cut = ArticleWords {
            spans: Vec::with_capacity(capacity),
            lower: Vec::with_capacity(capacity),
            // Room for a capitalised word in four bytes of text, so that
            // the buffer rarely grows.
            lowered: String::with_capacity(text.len() / 4),
        };
        let mut words = text::word_iter(text, 0);
        while let Some(word) = words.next() {
            cut.spans.push(word.span);
            // What the tokeniser saw of the word spares a second look at
            // its bytes when it is ASCII.
            let lower = if words.last_is_ascii_lower() {
                Lower::SAME
            } else if words.last_is_ascii() {
                let start = cut.lowered.len();
                text::push_lower_ascii(&mut cut.lowered, word.text);
                Lower::lowered(start, cut.lowered.len())
            } else {
                lower_form(&mut cut.lowered, word.text)
            };
            cut.lower.push(lower);
        }
        cut
    }

    /// The words lying inside `span`, by their indices: the words `span`'s
    /// text alone gives, unless a word runs across one of its ends; then
    /// `None`.
    fn inside(&self, span: Span) -> Option<Range<usize>> {
        let first = self.spans.partition_point(|w| w.1 <= span.0);
        let end = first + self.spans.get(first..)?.partition_point(|w| w.1 <= span.1);
        self.unless_across_an_end(span, first..end)
    }

    /// The words `inside` (those that end inside `span`), `None` when the
    /// first of them starts before `span` or the word after them starts
    /// inside it: a word runs across one of its ends.
    fn unless_across_an_end(&self, span: Span, inside: Range<usize>) -> Option<Range<usize>> {
        let across_an_end = self.spans.get(inside.start).is_some_and(|w| w.0 < span.0)
            || self.spans.get(inside.end).is_some_and(|w| w.0 < span.1);
        (!across_an_end).then_some(inside)
    }

    /// What [`ArticleWords::inside`] gives, found by walking on from word
    /// `from` when every word before it ends before `span` starts (as when
    /// `from` is where the last sentence's words end); a search otherwise.
    fn inside_after(&self, span: Span, from: usize) -> Option<Range<usize>> {
        let before_ends = from.checked_sub(1).map_or(Some(0), |last| self.spans.get(last).map(|w| w.1));
        if before_ends.is_none_or(|end| end > span.0) {
            return self.inside(span);
        }
        let mut first = from;
        while self.spans.get(first).is_some_and(|w| w.1 <= span.0) {
            first += 1;
        }
        let mut end = first;
        while self.spans.get(end).is_some_and(|w| w.1 <= span.1) {
            end += 1;
        }
        self.unless_across_an_end(span, first..end)
    }

    /// The lower-case form of each word of `text` (the text the words were
    /// cut from), in text order.
    pub fn lower_forms<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.lower_forms_of(text, 0..self.spans.len())
    }

    /// The lower-case forms of the words of `text` inside `span`: those of
    /// the words `span`'s text alone gives. `None` when a word runs across
    /// one of its ends.
    pub fn lower_forms_in<'a>(
        &'a self,
        text: &'a str,
        span: Span,
    ) -> Option<impl Iterator<Item = &'a str> + 'a> {
        self.inside(span).map(|inside| self.lower_forms_of(text, inside))
    }

    /// The lower-case forms of the words `indices`.
    fn lower_forms_of<'a>(
        &'a self,
        text: &'a str,
        indices: Range<usize>,
    ) -> impl Iterator<Item = &'a str> + 'a {
        let spans = self.spans.get(indices.clone()).unwrap_or_default();
        let forms = self.lower.get(indices).unwrap_or_default();
        spans.iter().zip(forms).map(move |(span, &lower)| {
            // The word's own text is sliced only when it is its form.
            if lower.is_same() {
                text.get(span.0..span.1).unwrap_or("")
            } else {
                lower.form("", &self.lowered)
            }
        })
    }

    /// The words of the text, in text order (offsets only).
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }
}

/// Where a word's lower-case form stands: in the buffer of lower-case forms,
/// from `start` to `end`; where the two are equal (no form is empty), the
/// word itself, in lower case already. Offsets of 32 bits keep it to 8 bytes,
/// written twice for every word of an article: the engine's texts are at
/// most [`crate::ingest::MAX_BYTES`] long, their lower case at most three
/// times that.
#[derive(Debug, Clone, Copy)]
struct Lower {
    start: u32,
    end: u32,
}

impl Lower {
    /// The word is its own lower-case form.
    const SAME: Lower = Lower { start: 0, end: 0 };

    /// The form in the buffer from `start` to `end`.
    fn lowered(start: usize, end: usize) -> Lower {
        let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        Lower { start: offset(start), end: offset(end) }
    }

    /// Whether the word is its own lower-case form.
    fn is_same(self) -> bool {
        self.start == self.end
    }

    /// The lower-case form of `word`, whose forms are kept in `lowered`.
    fn form<'a>(self, word: &'a str, lowered: &'a str) -> &'a str {
        if self.is_same() {
            return word;
        }
        lowered.get(self.start as usize..self.end as usize).unwrap_or("")
    }
}

/// The words of one sentence.
#[derive(Clone, Copy)]
pub(crate) struct Sentence<'a, 't> {
    pub words: &'a [Word<'t>],
    lower: &'a [Lower],
    lowered: &'a str,
}

impl<'t> SentenceWords<'t> {
    /// Cuts the words of each sentence of `text`.
    pub fn cut(text: &'t str, sentences: &[Span]) -> SentenceWords<'t> {
        SentenceWords::from_article(text, sentences, &ArticleWords::cut(text))
    }

    /// The words of each sentence of `text`, taken from the words of the
    /// whole text (`article`, cut from `text`): what [`SentenceWords::cut`]
    /// gives.
    pub fn from_article(text: &'t str, sentences: &[Span], article: &ArticleWords) -> SentenceWords<'t> {
        let mut words = Vec::with_capacity(article.spans.len());
        let mut lower = Vec::with_capacity(article.spans.len());
        let mut lowered = article.lowered.clone();
        let mut ranges = Vec::with_capacity(sentences.len());
        // Where the words after the last sentence start: sentences in text
        // order are found by walking on from there.
        let mut walked = 0;
        for sentence in sentences {
            let start = words.len();
            if let Some(inside) = article.inside_after(*sentence, walked) {
                walked = inside.end;
                let spans = article.spans.get(inside.clone()).unwrap_or_default();
                words.extend(
                    spans.iter().map(|&span| Word { text: text.get(span.0..span.1).unwrap_or(""), span }),
                );
                lower.extend_from_slice(article.lower.get(inside).unwrap_or_default());
            } else {
                let sentence_text = text.get(sentence.0..sentence.1).unwrap_or("");
                for word in text::word_iter(sentence_text, sentence.0) {
                    words.push(word);
                    lower.push(lower_form(&mut lowered, word.text));
                }
            }
            ranges.push(start..words.len());
        }
        SentenceWords { words, lower, lowered, sentences: ranges }
    }

    /// The sentences, in text order.
    pub fn sentences(&self) -> impl Iterator<Item = Sentence<'_, 't>> + '_ {
        self.sentences.iter().map(|range| Sentence {
            words: self.words.get(range.clone()).unwrap_or_default(),
            lower: self.lower.get(range.clone()).unwrap_or_default(),
            lowered: &self.lowered,
        })
    }

    /// Every word of the text, in text order.
    pub fn all(&self) -> &[Word<'t>] {
        &self.words
    }
}

impl<'a> Sentence<'a, '_> {
    /// The lower-case form of word `i` (empty past the end).
    pub fn lower(&self, i: usize) -> &'a str {
        match (self.lower.get(i), self.words.get(i)) {
            (Some(lower), Some(word)) => lower.form(word.text, self.lowered),
            _ => "",
        }
    }
}

/// Where the lower-case form of `word` stands: the word itself, or a form
/// appended to `lowered`.
fn lower_form(lowered: &mut String, word: &str) -> Lower {
    if is_own_lower_case(word) {
        return Lower::SAME;
    }
    let start = lowered.len();
    text::push_lower_text(lowered, word);
    Lower::lowered(start, lowered.len())
}

/// Whether `word` is its own lower case by a look at its characters:
/// Latin-1 without its capitals (so "für" and "straße" too, not only
/// ASCII). A word with other characters is left to
/// [`text::push_lower_text`], which may find it unchanged too.
fn is_own_lower_case(word: &str) -> bool {
    word.chars().all(|c| text::latin_1_lower(c) == Some(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walking_on_finds_the_words_a_search_finds() {
        let text = "Ein Satz. Noch 3.4 Sätze x-y hier. Ende";
        let article = ArticleWords::cut(text);
        for a in 0..=text.len() {
            for b in a..=text.len() {
                let span = Span(a, b);
                for from in 0..=article.spans().len() {
                    assert_eq!(
                        article.inside_after(span, from),
                        article.inside(span),
                        "{a}..{b} from {from}"
                    );
                }
            }
        }
    }

    #[test]
    fn lower_forms_are_the_tokeniser_s_lower_case() {
        let text = "Der US-Präsident Joe BIDEN sagte. ΟΔΟΣ Σ İstanbul ǅemal straße";
        let second = text.find("ΟΔΟΣ").unwrap_or_default();
        let sentences = [Span(0, second - 1), Span(second, text.len())];
        let cut = SentenceWords::cut(text, &sentences);
        let mut got = Vec::new();
        for sentence in cut.sentences() {
            for (i, word) in sentence.words.iter().enumerate() {
                assert_eq!(sentence.lower(i), text::lower(word.text), "{}", word.text);
                got.push(word.text);
            }
            assert_eq!(sentence.lower(sentence.words.len()), "");
        }
        let expected: Vec<&str> = text::words(text, 0).iter().map(|w| w.text).collect();
        assert_eq!(got, expected);
        assert_eq!(cut.all().len(), expected.len());
    }

    #[test]
    fn latin_1_is_lower_cased_as_unicode_says() {
        for c in '\0'..='\u{17F}' {
            let mut lowered = String::new();
            text::push_lower_text(&mut lowered, &format!("x{c}"));
            assert_eq!(lowered, format!("x{c}").to_lowercase(), "{c:?}");
        }
    }

    #[test]
    fn a_word_of_its_own_lower_case_is_told_by_its_bytes() {
        for c in '\0'..='\u{17F}' {
            let word = format!("x{c}y");
            if is_own_lower_case(&word) {
                assert_eq!(word.to_lowercase(), word, "{c:?}");
            }
        }
        for word in ["für", "straße", "ärger", "×", "12,5"] {
            assert!(is_own_lower_case(word), "{word}");
        }
        for word in ["Für", "ÄRGER", "Öl", "İ", "ǅemal"] {
            assert!(!is_own_lower_case(word), "{word}");
        }
    }

    #[test]
    fn a_sentence_end_inside_a_word_cuts_the_sentence_alone() {
        // Ends inside "3.4", inside "x-y" and after it, at the text's end.
        let text = "Um 3.4 Uhr kam x-y. Dann 5 Leute";
        let at = |s: &str| text.find(s).unwrap_or_default();
        let sentences = [Span(0, at(".4") + 1), Span(at("4 Uhr"), at("-y")), Span(at("y."), text.len())];
        let cut = SentenceWords::cut(text, &sentences);
        for (sentence, span) in cut.sentences().zip(sentences) {
            let alone: Vec<Word> = text::words(&text[span.0..span.1], span.0);
            assert_eq!(sentence.words, alone.as_slice());
            for (i, word) in sentence.words.iter().enumerate() {
                assert_eq!(sentence.lower(i), text::lower(word.text));
            }
        }
        assert_eq!(cut.all().len(), 10);
    }

    #[test]
    fn a_word_s_lower_case_place_takes_eight_bytes_and_tells_its_own_form() {
        assert_eq!(std::mem::size_of::<Lower>(), 8);
        let text = "Der UNO-Chef sprach mit İlham Aliyev über ÄRGER";
        let cut = ArticleWords::cut(text);
        let forms: Vec<&str> = cut.lower_forms(text).collect();
        let expected: Vec<String> =
            text::words(text, 0).iter().map(|w| text::lower(w.text).into_owned()).collect();
        assert_eq!(forms, expected);
        assert!(cut.lower.iter().any(|l| l.is_same()) && cut.lower.iter().any(|l| !l.is_same()));
        assert_eq!(Lower::lowered(3, 9).form("", "abcdefghijk"), "defghi");
        assert_eq!(Lower::SAME.form("wort", "abc"), "wort");
    }
}
