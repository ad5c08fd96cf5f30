//! The pipeline: ingest → language → sentences → header → actors → dates →
//! events. Each stage lives in its own module; this one only wires them.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::error::Error;
use crate::model::*;
use crate::sentence_words::{ArticleWords, SentenceWords};
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
    prepare(text, options).map(Prepared::analyse)
}

/// Runs the stages every analysis shares (cleaning, language, sentences,
/// header) and returns the article ready for the analysing ones. Its
/// [`Prepared::dates`] and [`Prepared::actors`] run one stage alone, for
/// benchmarks and comparisons with other taggers; [`Prepared::analyse`] runs
/// them all, exactly as [`analyse_text`] does.
pub fn prepare(text: &str, options: &Options) -> Result<Prepared, Error> {
    let text = ingest::clean(text)?;
    // The words are cut once: the language is told from them, and the
    // sentences take theirs from them.
    let words = ArticleWords::cut(&text);
    let language = options.language.unwrap_or_else(|| language::detect_in(&text, &words));
    let sentences = sentences::split(&text, language);
    if sentences.len() > sentences::MAX_SENTENCES {
        return Err(Error::TooManySentences { count: sentences.len(), limit: sentences::MAX_SENTENCES });
    }
    let header = header::read(&text, language);
    let (published, published_source) = match (options.published, header.published) {
        (Some(given), _) => (Some(given), Some(PublishedSource::Given)),
        (None, Some(found)) => (Some(found), Some(PublishedSource::Text)),
        (None, None) => (None, None),
    };
    Ok(Prepared { text, words, language, sentences, header, published, published_source })
}

/// An article after the shared first stages: its clean text, its words,
/// language, sentences, header and the publication date the dates are resolved against.
#[derive(Debug, Clone)]
pub struct Prepared {
    text: String,
    /// The words of the text, lower-cased.
    words: ArticleWords,
    language: Language,
    sentences: Vec<Span>,
    header: header::Header,
    published: Option<NaiveDate>,
    published_source: Option<PublishedSource>,
}

impl Prepared {
    /// The cleaned text all spans point into.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The language, given or detected.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The date stage alone: the same date expressions as `Briefing::dates`.
    pub fn dates(&self) -> Vec<DateMention> {
        self.tag_dates().into_iter().map(|t| t.mention).collect()
    }

    /// The actor stage alone: the same actors as `Briefing::actors`.
    pub fn actors(&self) -> Vec<Actor> {
        self.recognise_actors().actors
    }

    fn tag_dates(&self) -> Vec<temporal::Tagged> {
        temporal::tag(&self.text, &self.words, &self.sentences, self.language, self.published)
    }

    fn recognise_actors(&self) -> actors::Recognised {
        actors::recognise(&self.text, &self.sentences, self.language)
    }

    /// Runs the analysing stages (actors, dates, events, relations) and
    /// gives the briefing.
    pub fn analyse(self) -> Briefing {
        // The words of each sentence, cut and lower-cased once for actors and events.
        let words = SentenceWords::from_article(&self.text, &self.sentences, &self.words);
        let recognised = actors::recognise_in(&self.text, &self.sentences, &words, self.language);
        let dates = self.tag_dates();
        let events = events::extract(&self.text, &self.sentences, &words, self.language, &recognised, &dates);
        let relations = relations::relations(&events);
        let escalation = relations::escalation(&events);
        Briefing {
            schema: SCHEMA.into(),
            offsets: OffsetUnit::Utf8,
            language: self.language,
            title: self.header.title,
            author: self.header.author,
            published: self.published.map(|d| d.format("%Y-%m-%d").to_string()),
            published_source: self.published_source,
            sentences: self.sentences,
            actors: recognised.actors,
            dates: dates.into_iter().map(|t| t.mention).collect(),
            events,
            relations,
            escalation,
            text: self.text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLES: [&str; 2] = [
        "Berlin, 3. März 2024\n\nRussland griff am Montag die Ukraine an. Die NATO verurteilte den Angriff \
         zwei Tage später. UN-Generalsekretär Antonio Guterres warnte im Juni vor einer Eskalation.",
        "London, 4 March 2024\n\nFrance condemned the attack on Tuesday. President Joe Biden met \
         NATO leaders two days later; Biden warned Russia in early April.",
    ];

    #[test]
    fn each_stage_alone_gives_what_the_whole_pipeline_gives() {
        for article in ARTICLES {
            let prepared = prepare(article, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
            let (dates, actors) = (prepared.dates(), prepared.actors());
            let briefing = prepared.analyse();
            assert!(!dates.is_empty() && !actors.is_empty(), "{article}");
            assert_eq!(dates, briefing.dates, "{article}");
            assert_eq!(actors, briefing.actors, "{article}");
            let whole = analyse_text(article, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(whole, briefing, "{article}");
        }
    }

    #[test]
    fn preparation_refuses_what_analysis_refuses() {
        assert!(prepare(" \n\t", &Options::default()).is_err());
        assert!(analyse_text(" \n\t", &Options::default()).is_err());
    }

    #[test]
    fn the_given_date_and_language_win() {
        let options =
            Options { published: parse_date_argument("2020-01-02").ok(), language: Some(Language::En) };
        let prepared = prepare(ARTICLES[0], &options).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(prepared.language(), Language::En);
        let briefing = prepared.analyse();
        assert_eq!(briefing.published.as_deref(), Some("2020-01-02"));
        assert_eq!(briefing.published_source, Some(PublishedSource::Given));
    }
}
