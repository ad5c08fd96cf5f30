//! A sentence's words with their lower case, read from the article's one
//! cut ([`SentenceWords`]): every rule compares lower-case words, and none
//! has to cut or lower-case a word again.

use crate::model::Span;
use crate::sentence_words::Sentence;
#[cfg(test)]
use crate::sentence_words::SentenceWords;

/// A word of a sentence as written and in lower case.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Where it stands in the article, in bytes.
    pub span: Span,
    lower: &'a str,
}

impl<'a> Token<'a> {
    /// The word in lower case.
    pub fn lower(&self) -> &'a str {
        self.lower
    }
}

/// The words of a sentence.
pub(super) fn of<'a>(sentence: &Sentence<'a, '_>) -> Vec<Token<'a>> {
    sentence
        .words
        .iter()
        .enumerate()
        .map(|(i, word)| Token { text: word.text, span: word.span, lower: sentence.lower(i) })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

    #[test]
    fn tokens_are_the_words_with_their_lower_case() {
        let article = "Die UNO warnt Köln. ÄRGER in İstanbul, ΟΔΟΣ";
        let second = article.find("ÄRGER").unwrap_or_default();
        let sentences = [Span(0, second - 1), Span(second, article.len())];
        let cut = SentenceWords::cut(article, &sentences);
        let tokens: Vec<Token> = cut.sentences().flat_map(|s| of(&s)).collect();
        let words = text::words(article, 0);
        assert_eq!(tokens.len(), words.len());
        for (token, word) in tokens.iter().zip(&words) {
            assert_eq!((token.text, token.span), (word.text, word.span));
            assert_eq!(token.lower(), text::lower(word.text));
        }
    }
}
