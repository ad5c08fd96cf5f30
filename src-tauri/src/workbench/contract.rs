//! The values the dossier commands send and take, field for field the types
//! of the UI's `ui/src/lib/backend/contract.ts` (snake_case names, spans in
//! UTF-16 code units). The engine's types (`Briefing`, `Relation`, …) come
//! from `lagebild_core` as they are; the types here add what the workbench
//! adds: article ids, the file, the history, what the analyst changed.

use lagebild_core::{
    ActorKind, Briefing, DateModifier, EscalationPoint, EventType, Language, Modality, Precision, Quad,
    Relation, Span,
};
use lagebild_dossier::EventChange;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Where the open dossier lives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierFile {
    /// The `.lagebild` file, or `None` while the dossier was never saved.
    pub path: Option<String>,
    /// The file name without its folder; `None` while never saved.
    pub name: Option<String>,
    /// Whether this is the bundled sample dossier, not yet saved anywhere.
    pub sample: bool,
}

/// One article of the dossier, without its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    /// `a` and the article's number in the file (`a1`, `a2`, …), never reused.
    pub id: String,
    /// The name it was imported under.
    pub name: String,
    /// Its headline, when the engine found one.
    pub title: Option<String>,
    /// Its language.
    pub language: Language,
    /// Its publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// When it was imported, ISO 8601 in UTC.
    pub added_at: String,
    /// Actors of its corrected analysis.
    pub actor_count: usize,
    /// Events of its corrected analysis.
    pub event_count: usize,
}

/// An article with its text and corrected analysis, for the article pane.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleText {
    /// The article.
    pub summary: ArticleSummary,
    /// Its corrected briefing, in UTF-16 offsets.
    pub briefing: Briefing,
}

/// One article's report of a dossier event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The article's id.
    pub article: String,
    /// The event's id in that article's corrected briefing.
    pub event: String,
    /// The date this article gives.
    pub when: Option<String>,
    /// How fine that date is.
    pub precision: Option<Precision>,
    /// How this article tells it.
    pub modality: Modality,
    /// The sentence (UTF-16).
    pub sentence_span: Span,
    /// The sentence's text.
    pub sentence: String,
    /// The words that signal the event.
    pub trigger: String,
    /// Where they stand (UTF-16).
    pub trigger_span: Span,
}

/// Where an event or actor of the view comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// As the engine found it.
    Machine,
    /// Changed by the analyst.
    Corrected,
    /// Added by the analyst.
    Manual,
}

/// An event of the dossier as the views draw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewEvent {
    /// `ARTICLE:EVENT` of its first report: it stays while that report does.
    pub id: String,
    /// The finest date its reports give.
    pub when: Option<String>,
    /// How fine `when` is.
    pub precision: Option<Precision>,
    /// The modifier of the report that gave `when`.
    pub when_modifier: Option<DateModifier>,
    /// Those who act.
    pub sources: Vec<String>,
    /// Those acted upon.
    pub targets: Vec<String>,
    /// Either direction holds.
    pub mutual: bool,
    /// The PLOVER type.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// The CAMEO quad class.
    pub quad: Quad,
    /// The Goldstein intensity of the type.
    pub intensity: f32,
    /// The most factual modality among its reports.
    pub modality: Modality,
    /// Events of the same act whose sources give an incompatible date.
    pub conflicts_with: Vec<String>,
    /// The trigger of its first report.
    pub trigger: String,
    /// Every report, in article order.
    pub reports: Vec<Report>,
    /// Machine, corrected or added by hand.
    pub origin: Origin,
    /// Hidden by the analyst as noise.
    pub hidden: bool,
}

/// An actor of the dossier after the analyst's corrections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewActor {
    /// The stable id.
    pub id: String,
    /// The name (the analyst's, when renamed).
    pub name: String,
    /// What kind of actor.
    pub kind: ActorKind,
    /// Every form the articles use.
    pub aliases: Vec<String>,
    /// The actor it acts for.
    pub member_of: Option<String>,
    /// Mentions in all articles.
    pub mentions: u32,
    /// The ids of the articles that mention it.
    pub articles: Vec<String>,
    /// Machine, corrected or added by hand (split off).
    pub origin: Origin,
    /// Hidden by the analyst as noise.
    pub hidden: bool,
}

/// A step that undo or redo would take.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryStep {
    /// What kind of change (an `AuditAction` of the contract).
    pub action: String,
    /// What it was about, in words.
    pub subject: String,
}

/// What undo and redo would do next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryState {
    /// The step undo takes back.
    pub undo: Option<HistoryStep>,
    /// The step redo makes again.
    pub redo: Option<HistoryStep>,
}

/// The whole dossier as the views draw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierView {
    /// Where it lives.
    pub file: DossierFile,
    /// Goes up with every change.
    pub revision: u64,
    /// The language most articles are in.
    pub language: Language,
    /// The articles, in the order they were added.
    pub articles: Vec<ArticleSummary>,
    /// The actors, hidden ones marked.
    pub actors: Vec<ViewActor>,
    /// The events in time order, undated ones last; hidden ones marked.
    pub events: Vec<ViewEvent>,
    /// Per directed actor pair, over the events neither hidden nor without actors.
    pub relations: Vec<Relation>,
    /// The escalation index per month, over the same events.
    pub escalation: Vec<EscalationPoint>,
    /// What undo and redo would do.
    pub history: HistoryState,
}

/// A new event the analyst adds from a sentence of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewEvent {
    /// The article's id.
    pub article: String,
    /// The sentence it is read from (UTF-16).
    pub sentence_span: Span,
    /// The words that signal it, inside the sentence (UTF-16).
    pub trigger_span: Span,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or `None`.
    #[serde(default)]
    pub when: Option<String>,
    /// Must fit `when`; derived from it when absent.
    #[serde(default)]
    pub precision: Option<Precision>,
    /// The date's modifier.
    #[serde(default)]
    pub when_modifier: Option<DateModifier>,
    /// Those who act.
    pub sources: Vec<String>,
    /// Those acted upon.
    #[serde(default)]
    pub targets: Vec<String>,
    /// Either direction holds.
    #[serde(default)]
    pub mutual: bool,
    /// The PLOVER type.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// The quad class; the type's own when absent.
    #[serde(default)]
    pub quad: Option<Quad>,
    /// What kind of claim the text makes.
    pub modality: Modality,
}

/// One correction as the UI sends it. Events are named by their id in the
/// current view (or by a report's `ARTICLE:EVENT`); an event correction
/// applies to every report of the event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
    /// Change some fields of an event. The patch's fields are those of
    /// `lagebild_dossier::EventChange`: absent stays, `null` clears.
    EditEvent {
        /// The view event.
        event: String,
        /// The fields to change.
        patch: EventChange,
    },
    /// Hide an event, or (`hidden: false`) show a hidden one again.
    HideEvent {
        /// The view event.
        event: String,
        /// Hide or show.
        hidden: bool,
    },
    /// Add an event by hand.
    AddEvent {
        /// The event.
        event: NewEvent,
    },
    /// Rename an actor everywhere.
    RenameActor {
        /// The actor's id.
        actor: String,
        /// The new name.
        name: String,
    },
    /// Hide an actor, or (`hidden: false`) show it again.
    HideActor {
        /// The actor's id.
        actor: String,
        /// Hide or show.
        hidden: bool,
    },
    /// `from` becomes `into` everywhere.
    MergeActors {
        /// The actor that stays.
        into: String,
        /// The actor that goes.
        from: String,
    },
    /// Move some mentions of an actor in one article to a new actor.
    SplitActor {
        /// The article's id.
        article: String,
        /// The actor's id.
        actor: String,
        /// The mentions to move (UTF-16 spans of the article's briefing).
        mentions: Vec<Span>,
        /// The new actor's name.
        name: String,
        /// The new actor's kind.
        kind: ActorKind,
    },
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// 1, 2, … in the order of the changes.
    pub seq: usize,
    /// When, ISO 8601 in UTC.
    pub at: String,
    /// The kind of change (an `AuditAction` of the contract).
    pub action: String,
    /// What it was about, in words.
    pub subject: String,
    /// The changed thing before; `null` when it did not exist.
    pub before: Value,
    /// The changed thing after; `null` when it is gone.
    pub after: Value,
}

/// A text to import: pasted, or a file's bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportSource {
    /// Pasted text.
    Text {
        /// What to call the article.
        name: String,
        /// The text.
        text: String,
    },
    /// A file's bytes, in any encoding the engine reads.
    File {
        /// The file's name.
        name: String,
        /// Its bytes (an array of numbers in JSON).
        bytes: Vec<u8>,
    },
}

/// The data exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataFormat {
    /// Events, one row each.
    Csv,
    /// The merged dossier.
    Json,
    /// The network for graph tools.
    Graphml,
    /// The network for Gephi.
    Gexf,
    /// A one-page briefing.
    Html,
}

/// The figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// Dated events on a calendar axis.
    Timeline,
    /// Actors and what they did to each other.
    Network,
    /// The monthly escalation index.
    Escalation,
}

/// The figures' file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureFormat {
    /// Vector graphics.
    Svg,
    /// A bitmap at print scale.
    Png,
}

/// What an export holds: what the analyst sees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportScope {
    /// Only events overlapping these two days (inclusive); `None` for all.
    pub period: Option<(String, String)>,
    /// Also speculative, negated and planned events.
    pub include_unconfirmed: bool,
}

/// A figure to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureRequest {
    /// Which figure.
    pub kind: FigureKind,
    /// SVG or PNG.
    pub format: FigureFormat,
    /// Which events.
    pub scope: ExportScope,
    /// For the escalation chart: also this pair's series.
    pub pair: Option<(String, String)>,
    /// The labels' language.
    pub language: Language,
}

/// A file an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportResult {
    /// Where.
    pub path: String,
    /// How many bytes.
    pub bytes: u64,
}

/// An entry of the recent-files list, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecentDossier {
    /// The file.
    pub path: String,
    /// Its name without the folder.
    pub name: String,
    /// When it was last changed, ISO 8601 in UTC (the list keeps no times
    /// of its own; a dossier changes whenever it is worked on).
    pub opened_at: String,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn corrections_read_the_uis_json() {
        let c: Correction = serde_json::from_value(
            json!({"op": "edit_event", "event": "a1:e2", "patch": {"when": null, "type": "ACCUSE"}}),
        )
        .unwrap();
        let Correction::EditEvent { event, patch } = c else { panic!("not an event edit") };
        assert_eq!(event, "a1:e2");
        assert_eq!(patch.when, Some(None));
        assert_eq!(patch.event_type, Some(EventType::Accuse));
        let c: Correction =
            serde_json::from_value(json!({"op": "merge_actors", "into": "dprk", "from": "north_korea"}))
                .unwrap();
        assert_eq!(c, Correction::MergeActors { into: "dprk".into(), from: "north_korea".into() });
    }

    #[test]
    fn import_sources_read_text_and_bytes() {
        let s: ImportSource =
            serde_json::from_value(json!({"kind": "file", "name": "a.txt", "bytes": [72, 105]})).unwrap();
        assert_eq!(s, ImportSource::File { name: "a.txt".into(), bytes: b"Hi".to_vec() });
        let s: ImportSource =
            serde_json::from_value(json!({"kind": "text", "name": "b", "text": "x"})).unwrap();
        assert_eq!(s, ImportSource::Text { name: "b".into(), text: "x".into() });
    }

    #[test]
    fn scopes_and_figure_requests_read_the_uis_json() {
        let r: FigureRequest = serde_json::from_value(json!({
            "kind": "escalation", "format": "svg",
            "scope": {"period": ["2024-10-01", "2024-10-31"], "include_unconfirmed": false},
            "pair": ["north_korea", "russia"], "language": "de"
        }))
        .unwrap();
        assert_eq!(r.kind, FigureKind::Escalation);
        assert_eq!(r.scope.period, Some(("2024-10-01".into(), "2024-10-31".into())));
        assert_eq!(r.pair, Some(("north_korea".into(), "russia".into())));
    }
}
