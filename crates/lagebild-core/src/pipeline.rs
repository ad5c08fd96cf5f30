//! The pipeline: ingest → language → sentences → header → actors → dates →
//! events. Each stage lives in its own module; this one only wires them.

use crate::error::Error;
use crate::model::*;
use crate::{actors, events, header, ingest, language, relations, sentences, temporal};
use chrono::NaiveDate;

/// What the caller knows about an article beforehand.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The publication date; overrides a date line in the text.
    pub published: Option<NaiveDate>,
    /// The language; detected when absent.
    pub language: Option<Language>,
}

/// Parses a `YYYY-MM-DD` argument.
pub fn parse_date_argument(s: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| Error::BadDate { given: s.to_string() })
}

/// Analyses raw bytes (a file as read from disk): decodes them, then runs
/// [`analyse_text`].
pub fn analyse_bytes(bytes: &[u8], options: &Options) -> Result<Briefing, Error> {
    let text = ingest::decode(bytes)?;
    analyse_text(&text, options)
}

/// Analyses a text. Spans in the result count UTF-8 bytes of `Briefing::text`.
pub fn analyse_text(text: &str, options: &Options) -> Result<Briefing, Error> {
    let text = ingest::clean(text)?;
    let language = options.language.unwrap_or_else(|| language::detect(&text));
    let sentences = sentences::split(&text, language);
    let header = header::read(&text, language);
    let (published, published_source) = match (options.published, header.published) {
        (Some(given), _) => (Some(given), Some(PublishedSource::Given)),
        (None, Some(found)) => (Some(found), Some(PublishedSource::Text)),
        (None, None) => (None, None),
    };
    let recognised = actors::recognise(&text, &sentences, language);
    let dates = temporal::tag(&text, &sentences, language, published);
    let events = events::extract(&text, &sentences, language, &recognised, &dates);
    let relations = relations::relations(&events);
    let escalation = relations::escalation(&events);
    Ok(Briefing {
        schema: SCHEMA.into(),
        offsets: OffsetUnit::Utf8,
        language,
        title: header.title,
        author: header.author,
        published: published.map(|d| d.format("%Y-%m-%d").to_string()),
        published_source,
        sentences,
        actors: recognised.actors,
        dates: dates.into_iter().map(|t| t.mention).collect(),
        events,
        relations,
        escalation,
        text,
    })
}
