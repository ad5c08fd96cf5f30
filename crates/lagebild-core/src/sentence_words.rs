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
            lowered: String::new(),
        };
        for word in text::word_iter(text, 0) {
            cut.spans.push(word.span);
            cut.lower.push(lower_form(&mut cut.lowered, word.text));
        }
        cut
    }

    /// The lower-case form of each word of `text` (the text the words were
    /// cut from), in text order.
    pub fn lower_forms<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.spans.iter().zip(&self.lower).map(move |(span, lower)| {
            let form = match lower {
                Lower::Same => text.get(span.0..span.1),
                Lower::Lowered(range) => self.lowered.get(range.clone()),
            };
            form.unwrap_or("")
        })
    }
}

/// Where a word's lower-case form stands.
#[derive(Debug, Clone)]
enum Lower {
    /// The word is in lower case already.
    Same,
    /// In the buffer of lower-case forms.
    Lowered(Range<usize>),
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
        let spans = &article.spans;
        // The first article word not ending before the sentence.
        let mut next = 0;
        for sentence in sentences {
            let start = words.len();
            while spans.get(next).is_some_and(|w| w.1 <= sentence.0) {
                next += 1;
            }
            let first = next;
            while spans.get(next).is_some_and(|w| w.1 <= sentence.1) {
                next += 1;
            }
            let across_an_end = spans.get(first).is_some_and(|w| w.0 < sentence.0)
                || spans.get(next).is_some_and(|w| w.0 < sentence.1);
            if across_an_end {
                let sentence_text = text.get(sentence.0..sentence.1).unwrap_or("");
                for word in text::word_iter(sentence_text, sentence.0) {
                    words.push(word);
                    lower.push(lower_form(&mut lowered, word.text));
                }
            } else {
                let forms = article.lower.get(first..next).unwrap_or_default();
                for (span, form) in spans.get(first..next).unwrap_or_default().iter().zip(forms) {
                    words.push(Word { text: text.get(span.0..span.1).unwrap_or(""), span: *span });
                    lower.push(form.clone());
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
        let lower = match self.lower.get(i) {
            Some(Lower::Same) => self.words.get(i).map(|w| w.text),
            Some(Lower::Lowered(range)) => self.lowered.get(range.clone()),
            None => None,
        };
        lower.unwrap_or("")
    }
}

/// Where the lower-case form of `word` stands: the word itself, or a form
/// appended to `lowered`.
fn lower_form(lowered: &mut String, word: &str) -> Lower {
    if text::is_ascii_lower(word) {
        return Lower::Same;
    }
    let start = lowered.len();
    push_lower(lowered, word);
    Lower::Lowered(start..lowered.len())
}

/// Appends `word` in lower case, as [`text::lower`] has it: ASCII by byte,
/// the rest as `str::to_lowercase` (which treats a final sigma apart).
fn push_lower(out: &mut String, word: &str) {
    let start = out.len();
    if word.is_ascii() {
        out.push_str(word);
        if let Some(pushed) = out.get_mut(start..) {
            pushed.make_ascii_lowercase();
        }
    } else if word.contains('Σ') {
        out.push_str(&word.to_lowercase());
    } else {
        for c in word.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
