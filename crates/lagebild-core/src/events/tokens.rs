//! The article in lower case, made once, and each sentence's words with
//! their lower case read from it: every rule compares lower-case words, and
//! none has to lower-case a word or a sentence again.

use crate::model::Span;
use crate::text;
use std::borrow::Cow;

/// A word of a sentence as written and in lower case.
#[derive(Debug, Clone)]
pub(super) struct Token<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Where it stands in the article, in bytes.
    pub span: Span,
    /// The word in lower case.
    pub lower: Cow<'a, str>,
}

impl Token<'_> {
    /// The word in lower case.
    pub fn lower(&self) -> &str {
        &self.lower
    }
}

/// An article with its lower-case copy, when the copy keeps the article's
/// offsets (see [`text::lower_keeping_offsets`]).
pub(super) struct Lowered<'t> {
    text: &'t str,
    lower: Option<String>,
}

impl<'t> Lowered<'t> {
    pub fn new(text: &'t str) -> Lowered<'t> {
        Lowered { text, lower: text::lower_keeping_offsets(text) }
    }

    /// A span of the article in lower case.
    pub fn slice(&self, span: Span) -> Cow<'_, str> {
        match self.lower.as_deref().and_then(|lower| lower.get(span.0..span.1)) {
            Some(lower) => Cow::Borrowed(lower),
            None => Cow::Owned(self.text[span.0..span.1].to_lowercase()),
        }
    }

    /// The words of a sentence of the article.
    pub fn tokens(&self, sentence: Span) -> Vec<Token<'_>> {
        let mut out = Vec::with_capacity((sentence.1 - sentence.0) / 6 + 1);
        for word in text::word_iter(&self.text[sentence.0..sentence.1], sentence.0) {
            let lower = match self.lower.as_deref() {
                Some(lower) => Cow::Borrowed(&lower[word.span.0..word.span.1]),
                None => text::lower(word.text),
            };
            out.push(Token { text: word.text, span: word.span, lower });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_their_lower_case_with_or_without_a_copy() {
        for article in ["Die UNO warnt Köln. Ärger ÜBERALL", "İstanbul: Die UNO warnt Köln"] {
            let lowered = Lowered::new(article);
            let tokens = lowered.tokens(Span(0, article.len()));
            let words = text::words(article, 0);
            assert_eq!(tokens.len(), words.len());
            for (token, word) in tokens.iter().zip(&words) {
                assert_eq!((token.text, token.span), (word.text, word.span));
                assert_eq!(token.lower(), word.text.to_lowercase());
            }
            assert_eq!(lowered.slice(Span(0, article.len())), article.to_lowercase());
        }
    }
}
