//! The words of an article's sentences, cut once and lower-cased once for
//! every stage that reads them word by word (the people and organisation
//! finders, the event rules).
//!
//! A word already in lower case is its own lower-case form; the others live
//! in one buffer, so that a capitalised word costs no allocation of its own.
//! Each form is what [`crate::text::lower`] gives.

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

/// Where a word's lower-case form stands.
#[derive(Clone)]
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
        let mut words = Vec::with_capacity(text.len() / 6 + 1);
        let mut ranges = Vec::with_capacity(sentences.len());
        for sentence in sentences {
            let start = words.len();
            if let Some(sentence_text) = text.get(sentence.0..sentence.1) {
                words.extend(text::word_iter(sentence_text, sentence.0));
            }
            ranges.push(start..words.len());
        }
        let mut lowered = String::new();
        let lower = words
            .iter()
            .map(|w| {
                if text::is_ascii_lower(w.text) {
                    return Lower::Same;
                }
                let start = lowered.len();
                push_lower(&mut lowered, w.text);
                Lower::Lowered(start..lowered.len())
            })
            .collect();
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
}
