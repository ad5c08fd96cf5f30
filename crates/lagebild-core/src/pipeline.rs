//! The pipeline: ingest → language → sentences → actors → dates → events.
use crate::error::Error;
use crate::model::*;

/// What the caller knows about an article beforehand.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The publication date; overrides a date line in the text.
    pub published: Option<chrono::NaiveDate>,
    /// The language; detected when absent.
    pub language: Option<Language>,
}

/// Parses a `YYYY-MM-DD` argument.
pub fn parse_date_argument(s: &str) -> Result<chrono::NaiveDate, Error> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| Error::BadDate { given: s.to_string() })
}

/// Analyses raw bytes (a file as read from disk).
pub fn analyse_bytes(bytes: &[u8], options: &Options) -> Result<Briefing, Error> {
    let text = crate::ingest::decode(bytes)?;
    analyse_text(&text, options)
}

/// Analyses a text.
pub fn analyse_text(text: &str, options: &Options) -> Result<Briefing, Error> {
    let text = crate::ingest::clean(text)?;
    Ok(Briefing {
        schema: SCHEMA.into(),
        offsets: OffsetUnit::Utf8,
        language: options.language.unwrap_or(Language::En),
        title: None,
        author: None,
        published: options.published.map(|d| d.to_string()),
        published_source: options.published.map(|_| PublishedSource::Given),
        sentences: vec![],
        actors: vec![],
        dates: vec![],
        events: vec![],
        text,
    })
}
