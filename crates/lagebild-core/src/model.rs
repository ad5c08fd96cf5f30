//! The data model: what the engine produces for one article (`Briefing`) and
//! the pieces it is made of. These types are serialised as the JSON that
//! `lagebild extract` prints and are the typed contract with the UI (the
//! TypeScript declarations in `ui/src/lib/bindings.ts` are generated from
//! them, see `crate::bindings`).
//!
//! # Offsets
//! Every [`Span`] is a half-open range `[start, end)` into [`Briefing::text`].
//! Which unit the numbers count is stated once, in [`Briefing::offsets`]:
//! the engine and the CLI count UTF-8 bytes; the desktop shell converts a
//! briefing to UTF-16 code units (what JavaScript strings index) exactly once,
//! with [`Briefing::into_utf16_offsets`], before it crosses the bridge.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The schema tag written into every briefing.
pub const SCHEMA: &str = "lagebild/1";

/// A half-open range `[start, end)` into the briefing text, serialised as a
/// two-element array. The unit is given by [`Briefing::offsets`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
pub struct Span(pub usize, pub usize);

impl Span {
    /// The first offset inside the span.
    pub fn start(&self) -> usize {
        self.0
    }
    /// The first offset after the span.
    pub fn end(&self) -> usize {
        self.1
    }
    /// Whether `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.0 <= other.0 && other.1 <= self.1
    }
    /// Whether the two spans share at least one offset.
    pub fn overlaps(&self, other: Span) -> bool {
        self.0 < other.1 && other.0 < self.1
    }
}

/// The unit that the spans of a briefing count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OffsetUnit {
    /// UTF-8 bytes (the engine's and the CLI's unit).
    Utf8,
    /// UTF-16 code units (what the web UI receives).
    Utf16,
}

/// The languages the engine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// German.
    De,
    /// English.
    En,
}

impl Language {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::De => "de",
            Language::En => "en",
        }
    }
}

/// Where the publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PublishedSource {
    /// A date line, byline or dateline in the text.
    Text,
    /// Given by the caller (`--published`), overriding the text.
    Given,
}

/// One analysed article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Briefing {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The unit of every span in this briefing.
    pub offsets: OffsetUnit,
    /// The article's language.
    pub language: Language,
    /// The headline, when one was found.
    pub title: Option<String>,
    /// The author, when a byline names one.
    pub author: Option<String>,
    /// Publication date, `YYYY-MM-DD`; the anchor for relative dates.
    pub published: Option<String>,
    /// Where `published` came from.
    pub published_source: Option<PublishedSource>,
    /// The cleaned article text that every span points into.
    pub text: String,
    /// The sentences, in order.
    pub sentences: Vec<Span>,
    /// States, organisations, people and groups.
    pub actors: Vec<Actor>,
    /// Every date expression found, dated or not.
    pub dates: Vec<DateMention>,
    /// Who did what to whom, and when.
    pub events: Vec<Event>,
    /// What the events add up to per directed actor pair.
    pub relations: Vec<Relation>,
    /// The escalation index per month, for the whole article.
    pub escalation: Vec<EscalationPoint>,
}

/// What kind of actor a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A sovereign state (or a government acting for it).
    State,
    /// An international body, alliance, government body, armed force, company, party …
    Organization,
    /// A named person.
    Person,
    /// A vague collective ("the international community").
    Group,
}

/// One actor and where the article mentions it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Actor {
    /// Stable lower_snake_case id, the same across articles and languages.
    pub id: String,
    /// Canonical English name.
    pub name: String,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// The forms the article uses for it, in base form where known.
    pub aliases: Vec<String>,
    /// The actor a person or sub-body acts for.
    pub member_of: Option<String>,
    /// Where it is mentioned.
    pub mentions: Vec<Span>,
}

/// The kind of a temporal expression (TIMEX3 types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TimexKind {
    /// A calendar date or period ("24. Oktober", "im Juni", "2022").
    Date,
    /// A length of time ("drei Wochen lang"); never on the timeline.
    Duration,
    /// A recurrence ("jeden Montag"); never on the timeline.
    Set,
}

/// How fine a date value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A decade or century.
    Decade,
    /// A year.
    Year,
    /// A season or quarter.
    Season,
    /// A month.
    Month,
    /// A week.
    Week,
    /// A day.
    Day,
}

/// A TIMEX3-style modifier on a date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DateModifier {
    /// "Anfang August", "early 2020".
    Start,
    /// "Mitte Juni".
    Mid,
    /// "Ende August".
    End,
    /// "around", "etwa".
    Approx,
    /// "before", "vor dem".
    Before,
    /// "since 2014", "seit 2014": a start, not a point.
    After,
}

/// How a date value was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DateAnchor {
    /// The text states the whole value ("24. Oktober 2024").
    Stated,
    /// Completed or resolved against the publication date ("gestern", "24. Oktober").
    Published,
    /// Resolved against the last date the text spoke of ("einen Monat zuvor").
    Previous,
}

/// One temporal expression in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DateMention {
    /// Where it stands.
    pub span: Span,
    /// Date, duration or set.
    pub kind: TimexKind,
    /// TIMEX3-style value: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-SU` (season),
    /// `197` (decade); for durations `P3W` and the like. Null when unresolved.
    pub value: Option<String>,
    /// How fine the value is.
    pub precision: Option<Precision>,
    /// START, MID, END, APPROX, BEFORE, AFTER.
    pub modifier: Option<DateModifier>,
    /// Whether the value was stated or inferred, and from what.
    pub anchor: DateAnchor,
}

/// PLOVER event types (2021 manual). Their quad class and intensity are
/// data: `data/events/types.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(missing_docs)]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Request,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Investigate,
    Demand,
    Disapprove,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Mobilize,
    Sanction,
    Coerce,
    Assault,
    Fight,
}

/// The CAMEO quad class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Quad {
    VerbalCooperation,
    MaterialCooperation,
    VerbalConflict,
    MaterialConflict,
}

impl Quad {
    /// Whether the class is cooperative (else conflictual).
    pub fn is_cooperation(self) -> bool {
        matches!(self, Quad::VerbalCooperation | Quad::MaterialCooperation)
    }
}

/// What kind of claim the text makes about an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Stated as fact by the author.
    Asserted,
    /// Attributed to someone else ("laut", "according to").
    Reported,
    /// Possible or suspected ("könnte", "soll", "may").
    Speculative,
    /// Said not to have happened ("did not attack").
    Negated,
    /// Announced or scheduled for later.
    Planned,
}

/// Who did what to whom, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Event {
    /// `e1`, `e2`, … in text order.
    pub id: String,
    /// TIMEX3-style date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), null when undated.
    pub when: Option<String>,
    /// How fine `when` is.
    pub precision: Option<Precision>,
    /// The date's modifier (START for "Anfang August").
    pub when_modifier: Option<DateModifier>,
    /// Whether `when` was inferred rather than stated in full.
    pub when_inferred: bool,
    /// Actor ids of those who act.
    pub sources: Vec<String>,
    /// Actor ids of those acted upon.
    pub targets: Vec<String>,
    /// A symmetric act (meeting, treaty): either direction holds.
    pub mutual: bool,
    /// The PLOVER type.
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub event_type: EventType,
    /// The CAMEO quad class of `type`.
    pub quad: Quad,
    /// Goldstein-scale intensity, -10 (most conflictual) to +10.
    pub intensity: f32,
    /// Asserted, reported, speculative, negated or planned.
    pub modality: Modality,
    /// The word or phrase that signals the event.
    pub trigger: String,
    /// Where the trigger stands.
    pub trigger_span: Span,
    /// Where the governing date expression stands, if any.
    pub time_span: Option<Span>,
    /// The sentence the event was read from.
    pub sentence_span: Span,
}

impl Briefing {
    /// Rewrites every span from UTF-8 byte offsets to UTF-16 code units.
    /// Does nothing when the briefing already counts UTF-16.
    pub fn into_utf16_offsets(mut self) -> Briefing {
        if self.offsets == OffsetUnit::Utf16 {
            return self;
        }
        let table = Utf16Table::new(&self.text);
        let conv = |s: &mut Span| *s = Span(table.at(s.0), table.at(s.1));
        self.sentences.iter_mut().for_each(conv);
        for actor in &mut self.actors {
            actor.mentions.iter_mut().for_each(conv);
        }
        for date in &mut self.dates {
            conv(&mut date.span);
        }
        for event in &mut self.events {
            conv(&mut event.trigger_span);
            conv(&mut event.sentence_span);
            if let Some(t) = event.time_span.as_mut() {
                conv(t);
            }
        }
        self.offsets = OffsetUnit::Utf16;
        self
    }
}

/// Maps UTF-8 byte offsets of one text to UTF-16 code-unit offsets.
struct Utf16Table {
    /// `(byte offset, utf16 offset)` at every char boundary, plus the end.
    marks: Vec<(usize, usize)>,
}

impl Utf16Table {
    fn new(text: &str) -> Self {
        let mut marks = Vec::with_capacity(text.len() + 1);
        let mut units = 0;
        for (byte, ch) in text.char_indices() {
            marks.push((byte, units));
            units += ch.len_utf16();
        }
        marks.push((text.len(), units));
        Utf16Table { marks }
    }

    /// The UTF-16 offset of a byte offset; a byte inside a character maps to
    /// the start of that character.
    fn at(&self, byte: usize) -> usize {
        match self.marks.binary_search_by_key(&byte, |m| m.0) {
            Ok(i) => self.marks[i].1,
            Err(i) => self.marks[i.saturating_sub(1)].1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_conversion_counts_code_units() {
        let text = "Pjöngjang 😀 Kim".to_string();
        let kim = text.find("Kim").unwrap_or_default();
        let briefing = Briefing {
            schema: SCHEMA.into(),
            offsets: OffsetUnit::Utf8,
            language: Language::De,
            title: None,
            author: None,
            published: None,
            published_source: None,
            sentences: vec![Span(0, text.len())],
            actors: vec![Actor {
                id: "kim".into(),
                name: "Kim".into(),
                kind: ActorKind::Person,
                aliases: vec![],
                member_of: None,
                mentions: vec![Span(kim, kim + 3)],
            }],
            dates: vec![],
            events: vec![],
            relations: vec![],
            escalation: vec![],
            text,
        };
        let converted = briefing.into_utf16_offsets();
        // "Pjöngjang " is 10 units, the emoji 2, the space 1.
        assert_eq!(converted.actors[0].mentions[0], Span(13, 16));
        assert_eq!(converted.sentences[0], Span(0, 16));
        assert_eq!(converted.offsets, OffsetUnit::Utf16);
    }
}

/// How many events of each quad class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuadCounts {
    /// Statements of support, appeals, meetings, agreements.
    pub verbal_cooperation: u32,
    /// Aid, deliveries, troops sent to help.
    pub material_cooperation: u32,
    /// Criticism, demands, threats.
    pub verbal_conflict: u32,
    /// Force, sanctions, attacks.
    pub material_conflict: u32,
}

/// What the events between two actors add up to, in one direction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Relation {
    /// The actor acting.
    pub source: String,
    /// The actor acted upon.
    pub target: String,
    /// Events per quad class.
    pub counts: QuadCounts,
    /// The sum of the events' Goldstein intensities.
    pub intensity: f32,
    /// The events behind these figures (asserted or reported ones only).
    pub events: Vec<String>,
    /// The pair's escalation index per month.
    pub escalation: Vec<EscalationPoint>,
}

/// The escalation index of one month: the sum of the negated intensities
/// of its events told as fact, so conflict raises it and cooperation lowers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EscalationPoint {
    /// The month, `YYYY-MM`.
    pub period: String,
    /// The index.
    pub index: f32,
    /// The events it is made of.
    pub events: Vec<String>,
}

/// One article of a dossier: the name it was opened under and its analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Document {
    /// File name or a name the analyst gave it.
    pub name: String,
    /// The analysis.
    pub briefing: Briefing,
}

/// What the UI shows in its About dialog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AppInfo {
    /// The product name.
    pub name: String,
    /// The version, `MAJOR.MINOR.PATCH`.
    pub version: String,
}

/// Machine-readable error codes the UI switches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Nothing but white space.
    Empty,
    /// Binary data (an image, a PDF, an executable …), not text.
    Binary,
    /// Bytes that are not valid text in any encoding the engine reads.
    Encoding,
    /// Over the documented size limit.
    TooLarge,
    /// A date argument that is not `YYYY-MM-DD`.
    BadDate,
    /// The file could not be read.
    Unreadable,
    /// A failure inside the engine that should not happen.
    Internal,
}

/// An error as the UI receives it: a code to switch on and a sentence to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ApiError {
    /// What went wrong, for the program.
    pub code: ErrorCode,
    /// What went wrong and what to do, for the analyst.
    pub message: String,
}
