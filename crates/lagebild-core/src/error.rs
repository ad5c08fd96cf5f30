//! The engine's errors. Each maps to an [`ErrorCode`] the UI switches on and
//! carries a message that says what is wrong and what to do.

use crate::model::{ApiError, ErrorCode};

/// Why an article could not be analysed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input holds nothing but white space.
    #[error("the article is empty: give a text with at least one sentence")]
    Empty,
    /// The input is binary data.
    #[error(
        "this is not text but binary data ({what}): save the article as plain text (.txt) and try again"
    )]
    Binary {
        /// What the data looks like ("a PDF", "NUL bytes" …).
        what: String,
    },
    /// The input is not valid in any encoding the engine reads.
    #[error(
        "the text is not valid UTF-8 (first bad byte at offset {offset}): save it as UTF-8 and try again"
    )]
    Encoding {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The input is an HTML page without article text.
    #[error(
        "the page holds no article text, only markup, scripts or page furniture: copy the article's text into a .txt file and try again"
    )]
    NoArticleText,
    /// The text is longer than the engine analyses.
    #[error(
        "the article is {size} bytes, more than the limit of {limit} bytes: split it into smaller articles"
    )]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The file is larger than the engine reads.
    #[error(
        "the file is {size} bytes, more than the limit of {limit} bytes: save the article alone, as plain text, or split it"
    )]
    FileTooLarge {
        /// Size of the file in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The text has more sentences than the engine analyses.
    #[error(
        "the article has {count} sentences, more than the limit of {limit}: split it into smaller articles"
    )]
    TooManySentences {
        /// How many sentences the text has.
        count: usize,
        /// The limit.
        limit: usize,
    },
    /// A publication date argument is not a calendar date.
    #[error("{given:?} is not a date: write it as YYYY-MM-DD, e.g. 2024-11-21")]
    BadDate {
        /// What was given.
        given: String,
    },
}

impl Error {
    /// The code the UI switches on.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Empty | Error::NoArticleText => ErrorCode::Empty,
            Error::Binary { .. } => ErrorCode::Binary,
            Error::Encoding { .. } => ErrorCode::Encoding,
            Error::TooLarge { .. } | Error::FileTooLarge { .. } | Error::TooManySentences { .. } => {
                ErrorCode::TooLarge
            }
            Error::BadDate { .. } => ErrorCode::BadDate,
        }
    }

    /// The error as it crosses to the UI.
    pub fn to_api(&self) -> ApiError {
        ApiError { code: self.code(), message: self.to_string() }
    }
}
