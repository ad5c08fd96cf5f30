//! The analyst's corrections: what the interface asks for ([`Edit`], which
//! names events by their id in the corrected briefing) and what the
//! dossier stores ([`Correction`], which names them by keys that survive a
//! re-analysis).
//!
//! # Keys
//! An event is keyed by its trigger's text and span, its sentence's text
//! and span, its type and its actors ([`EventKey`]); a mention by its span
//! and text ([`MentionKey`]). When the text has moved (a newer engine
//! cleans the article differently), the key finds the same sentence by its
//! text, nearest to where it was, and the trigger at the same place in it.
//! Several events on one trigger are told apart by type, then by actors.
//! A key that finds nothing makes its correction an orphan: kept, reported,
//! and applied again should a later analysis match it.
//!
//! Corrections that introduce an actor into an article (an event's new
//! source, a merge target, a split-off actor) carry that actor's name and
//! kind, so they do not depend on other articles.

mod apply;
mod build;
mod classes;
mod locate;

pub(crate) use apply::{apply, Outcome};
pub(crate) use build::{after, build};

use lagebild_core::{ActorKind, DateModifier, Event, EventType, Modality, Precision, Quad, Span};
use serde::{Deserialize, Deserializer, Serialize};

/// A change the analyst makes, as the interface sends it. Spans count
/// UTF-8 bytes of the article's text, as the stored briefings do. In JSON
/// the field `edit` names the variant: `{"edit": "rename_actor", "actor":
/// "north_korea", "name": "DPRK"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// Change some fields of an event.
    EditEvent {
        /// The article.
        article: crate::ArticleId,
        /// The event's id in the corrected briefing.
        event: String,
        /// The fields to change.
        change: EventChange,
    },
    /// Hide an event (noise, or wrongly read).
    HideEvent {
        /// The article.
        article: crate::ArticleId,
        /// The event's id in the corrected briefing.
        event: String,
    },
    /// Add an event the engine missed, with its evidence.
    AddEvent {
        /// The article.
        article: crate::ArticleId,
        /// The event.
        event: NewEvent,
    },
    /// Hide an actor everywhere (noise); events keep their other actors.
    HideActor {
        /// The actor's id.
        actor: String,
    },
    /// Give an actor another name everywhere.
    RenameActor {
        /// The actor's id.
        actor: String,
        /// The new name.
        name: String,
    },
    /// Make two actors one, everywhere: `from` becomes `into`.
    MergeActors {
        /// The actor that disappears.
        from: String,
        /// The actor that stays.
        into: String,
    },
    /// Move some of an actor's mentions in one article to a new actor.
    /// Events whose sentence holds a moved mention move with it.
    SplitActor {
        /// The article.
        article: crate::ArticleId,
        /// The actor's id.
        actor: String,
        /// The mentions to move: spans from the actor's `mentions`.
        mentions: Vec<Span>,
        /// The new actor's name; its id is made from it.
        name: String,
        /// The new actor's kind.
        kind: ActorKind,
    },
}

/// The fields of an event to change; absent fields stay as they are.
/// For the three date fields, `null` clears the value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventChange {
    /// The date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`); `null` makes the event undated.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub when: Option<Option<String>>,
    /// The date's precision; derived from the date's form when not given.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub precision: Option<Option<Precision>>,
    /// The date's modifier.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub when_modifier: Option<Option<DateModifier>>,
    /// The actors who act.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<String>>,
    /// The actors acted upon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<String>>,
    /// Whether either direction holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mutual: Option<bool>,
    /// The PLOVER type; the quad class and intensity follow it unless `quad` is given.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub event_type: Option<EventType>,
    /// The quad class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quad: Option<Quad>,
    /// Asserted, reported, speculative, negated or planned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<Modality>,
}

/// Reads a field that is present (perhaps as `null`) as `Some`.
fn present<'de, T: Deserialize<'de>, D: Deserializer<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

impl EventChange {
    /// Whether the change changes nothing.
    pub fn is_empty(&self) -> bool {
        *self == EventChange::default()
    }
}

/// An event the analyst adds by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewEvent {
    /// The date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), if any.
    #[serde(default)]
    pub when: Option<String>,
    /// The date's precision; derived from the date's form when not given.
    #[serde(default)]
    pub precision: Option<Precision>,
    /// The date's modifier.
    #[serde(default)]
    pub when_modifier: Option<DateModifier>,
    /// The actors who act.
    pub sources: Vec<String>,
    /// The actors acted upon.
    pub targets: Vec<String>,
    /// Whether either direction holds.
    #[serde(default)]
    pub mutual: bool,
    /// The PLOVER type.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// The quad class; the type's own when not given.
    #[serde(default)]
    pub quad: Option<Quad>,
    /// What kind of claim the text makes.
    pub modality: Modality,
    /// The words that signal the event.
    pub trigger_span: Span,
    /// The evidence: the sentence it is read from.
    pub sentence_span: Span,
}

/// A correction as stored. Which article it concerns (if not the whole
/// dossier) is stored beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Correction {
    /// Change some fields of an event.
    EditEvent {
        /// The event.
        event: EventKey,
        /// The fields to change.
        change: EventChange,
        /// The actors the change brings into the event.
        actors: Vec<ActorInfo>,
    },
    /// Hide an event.
    HideEvent {
        /// The event.
        event: EventKey,
    },
    /// Add an event.
    AddEvent {
        /// The event; its `trigger` is the text at its trigger span, its id
        /// is given when it is applied.
        event: Event,
        /// The text of its evidence sentence, to find it again.
        sentence: String,
        /// Its actors.
        actors: Vec<ActorInfo>,
    },
    /// Hide an actor in every article.
    HideActor {
        /// The actor's id.
        actor: String,
    },
    /// Rename an actor in every article.
    RenameActor {
        /// The actor's id.
        actor: String,
        /// The new name.
        name: String,
    },
    /// Make `from` into `into` in every article.
    MergeActors {
        /// The actor that disappears.
        from: String,
        /// The actor that stays.
        into: ActorInfo,
    },
    /// Move mentions of an actor in one article to another actor.
    SplitActor {
        /// The actor's id.
        actor: String,
        /// The mentions to move.
        mentions: Vec<MentionKey>,
        /// The actor they move to.
        new: ActorInfo,
    },
}

/// What finds an event again after a re-analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventKey {
    /// The text at the trigger span.
    pub trigger: String,
    /// Where the trigger stood.
    pub trigger_span: Span,
    /// The text of the sentence.
    pub sentence: String,
    /// Where the sentence stood.
    pub sentence_span: Span,
    /// The type it had.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// Its sources, to tell apart events on one trigger.
    pub sources: Vec<String>,
    /// Its targets, likewise.
    pub targets: Vec<String>,
}

/// What finds a mention again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionKey {
    /// Where it stood.
    pub span: Span,
    /// Its text.
    pub text: String,
}

/// What an article needs to know of an actor a correction brings into it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorInfo {
    /// The stable id.
    pub id: String,
    /// The name.
    pub name: String,
    /// The kind.
    pub kind: ActorKind,
    /// The actor it acts for.
    pub member_of: Option<String>,
}

impl Correction {
    /// The correction's kind, as in its JSON.
    pub(crate) fn action(&self) -> &'static str {
        match self {
            Correction::EditEvent { .. } => "edit_event",
            Correction::HideEvent { .. } => "hide_event",
            Correction::AddEvent { .. } => "add_event",
            Correction::HideActor { .. } => "hide_actor",
            Correction::RenameActor { .. } => "rename_actor",
            Correction::MergeActors { .. } => "merge_actors",
            Correction::SplitActor { .. } => "split_actor",
        }
    }

    /// What it does, in one sentence.
    pub fn describe(&self) -> String {
        match self {
            Correction::EditEvent { event, change, .. } => {
                format!("change {} of event {}", changed_fields(change), describe_key(event))
            }
            Correction::HideEvent { event } => format!("hide event {}", describe_key(event)),
            Correction::AddEvent { event, .. } => {
                format!("add event {:?} ({})", event.trigger, type_name(event.event_type))
            }
            Correction::HideActor { actor } => format!("hide actor {actor}"),
            Correction::RenameActor { actor, name } => format!("rename actor {actor} to {name:?}"),
            Correction::MergeActors { from, into } => format!("merge actor {from} into {}", into.id),
            Correction::SplitActor { actor, mentions, new } => {
                format!("move {} mention(s) of {actor} to {}", mentions.len(), new.id)
            }
        }
    }
}

fn describe_key(key: &EventKey) -> String {
    format!("{:?} ({})", key.trigger, type_name(key.event_type))
}

/// The names of the fields a change sets.
fn changed_fields(change: &EventChange) -> String {
    let fields = [
        ("date", change.when.is_some()),
        ("precision", change.precision.is_some()),
        ("modifier", change.when_modifier.is_some()),
        ("sources", change.sources.is_some()),
        ("targets", change.targets.is_some()),
        ("direction", change.mutual.is_some()),
        ("type", change.event_type.is_some()),
        ("quad", change.quad.is_some()),
        ("modality", change.modality.is_some()),
    ];
    let names: Vec<&str> = fields.iter().filter(|(_, set)| *set).map(|(name, _)| *name).collect();
    names.join(", ")
}

/// The precision of a date value an event may carry (`YYYY-MM-DD`,
/// `YYYY-MM` or `YYYY`, a real calendar day, month or year); `None` for
/// anything else.
pub(crate) fn date_precision(value: &str) -> Option<Precision> {
    lagebild_core::dossier::Period::parse(value).map(|period| period.precision)
}

/// The key of `event`, an event of an article whose text is `text`.
pub(crate) fn key_for(text: &str, event: &Event) -> EventKey {
    let slice = |s: Span| text.get(s.start()..s.end()).unwrap_or_default().to_string();
    EventKey {
        trigger: slice(event.trigger_span),
        trigger_span: event.trigger_span,
        sentence: slice(event.sentence_span),
        sentence_span: event.sentence_span,
        event_type: event.event_type,
        sources: event.sources.clone(),
        targets: event.targets.clone(),
    }
}

/// A type's PLOVER name (`ACCUSE`).
pub(crate) fn type_name(event_type: EventType) -> String {
    serde_json::to_value(event_type).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn a_change_tells_absent_from_null() {
        let change: EventChange = serde_json::from_str(r#"{"when": null, "type": "ACCUSE"}"#).unwrap();
        assert_eq!(change.when, Some(None));
        assert_eq!(change.precision, None);
        assert_eq!(change.event_type, Some(EventType::Accuse));
        let round: EventChange = serde_json::from_str(&serde_json::to_string(&change).unwrap()).unwrap();
        assert_eq!(round, change);
        assert!(EventChange::default().is_empty());
    }

    #[test]
    fn days_months_and_years_are_dates() {
        let cases = [
            ("2024-10-24", Some(Precision::Day)),
            ("2023-02-29", None),
            ("2024-10", Some(Precision::Month)),
            ("2024-13", None),
            ("2024", Some(Precision::Year)),
            ("24", None),
            ("2024-10-24T10:00", None),
            ("yesterday", None),
        ];
        for (value, expected) in cases {
            assert_eq!(date_precision(value), expected, "{value:?}");
        }
    }

    #[test]
    fn edits_read_from_the_interface_json() {
        let edit: Edit =
            serde_json::from_str(r#"{"edit": "rename_actor", "actor": "north_korea", "name": "DPRK"}"#)
                .unwrap();
        assert_eq!(edit, Edit::RenameActor { actor: "north_korea".into(), name: "DPRK".into() });
        let edit: Edit = serde_json::from_str(
            r#"{"edit": "edit_event", "article": 3, "event": "e2", "change": {"when": "2024-10"}}"#,
        )
        .unwrap();
        let Edit::EditEvent { article, change, .. } = edit else { panic!("not an event edit") };
        assert_eq!(article, crate::ArticleId(3));
        assert_eq!(change.when, Some(Some("2024-10".into())));
    }
}
