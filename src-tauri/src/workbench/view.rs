//! The dossier as the views draw it ([`DossierView`]), read from the open
//! dossier file: every article's corrected analysis, converted to UTF-16
//! once, merged by the engine's rules (`lagebild_core::dossier::merge`);
//! each event named after its first report (`a3:e7`), so that it keeps its
//! name while other articles come and go; hidden events and actors added
//! back, marked; events in time order, undated ones last.
//!
//! A [`Snapshot`] keeps what the view was made from, for the corrections
//! that name its events and spans.

use std::collections::HashMap;

use lagebild_core::dossier::{merge, Dossier as Merged, DossierEvent, Period};
use lagebild_core::{Briefing, Document, EscalationPoint, Event, OffsetUnit};
use lagebild_dossier::{ArticleId, ArticleInfo, AuditEntry as DossierAuditEntry, CorrectedArticle, Dossier};

use super::contract::{
    ArticleSummary, AuditEntry, DossierFile, DossierView, HistoryState, HistoryStep, Report, ViewActor,
    ViewEvent,
};
use super::error::{Result, WorkbenchError};
use super::marks::Marks;

/// The id the UI knows an article by: `a` and its number in the file.
pub fn article_key(id: ArticleId) -> String {
    format!("a{}", id.0)
}

/// The article an id of [`article_key`]'s form names.
pub fn article_id(key: &str) -> Option<ArticleId> {
    key.strip_prefix('a').and_then(|n| n.parse().ok()).map(ArticleId)
}

/// One article as the view was made from it.
#[derive(Debug, Clone)]
pub struct Article {
    /// Its id in the file.
    pub id: ArticleId,
    /// What the article list shows.
    pub summary: ArticleSummary,
    /// The corrected analysis, spans in UTF-8 bytes (as corrections take them).
    pub utf8: Briefing,
    /// The same in UTF-16 code units (as the UI takes it).
    pub utf16: Briefing,
}

/// The view and what it was made from.
#[derive(Debug)]
pub struct Snapshot {
    /// The articles, in the order they were added.
    pub articles: Vec<Article>,
    /// What the corrections in force touched.
    pub marks: Marks,
    /// The view.
    pub view: DossierView,
    /// The audit log as the file keeps it.
    pub audit: Vec<DossierAuditEntry>,
}

impl Snapshot {
    /// Reads the dossier and makes its view.
    pub fn read(dossier: &Dossier, file: DossierFile, revision: u64) -> Result<Snapshot> {
        let corrected = dossier.corrected_briefings()?.articles;
        let infos = dossier.articles()?;
        let audit = dossier.audit_log()?;
        let marks = Marks::read(&dossier.corrections()?, &audit, &corrected);
        let articles = corrected.into_iter().map(|a| article(a, &infos)).collect::<Vec<_>>();
        let history = dossier.history()?;
        let history = HistoryState {
            undo: history.undo.map(|label| step(label, &audit)),
            redo: history.redo.map(|label| step(label, &audit)),
        };
        let view = build(&articles, &marks, file, revision, history);
        Ok(Snapshot { articles, marks, view, audit })
    }

    /// The article with this id.
    pub fn article(&self, key: &str) -> Result<&Article> {
        article_id(key)
            .and_then(|id| self.articles.iter().find(|a| a.id == id))
            .ok_or_else(|| WorkbenchError::not_found(format!("there is no article {key:?} in this dossier")))
    }

    /// The view event with this id, or the one with a report `ARTICLE:EVENT` of this name.
    pub fn event(&self, id: &str) -> Result<&ViewEvent> {
        let events = &self.view.events;
        events
            .iter()
            .find(|e| e.id == id)
            .or_else(|| events.iter().find(|e| e.reports.iter().any(|r| report_key(r) == id)))
            .ok_or_else(|| WorkbenchError::not_found(format!("there is no event {id:?} in this dossier")))
    }

    /// The audit log as the UI shows it.
    pub fn audit_entries(&self) -> Vec<AuditEntry> {
        self.audit
            .iter()
            .enumerate()
            .map(|(i, e)| AuditEntry {
                seq: i + 1,
                at: e.at.clone(),
                action: ui_action(&e.action, &e.what),
                subject: e.what.clone(),
                before: e.before.clone().unwrap_or_default(),
                after: e.after.clone().unwrap_or_default(),
            })
            .collect()
    }
}

fn report_key(report: &Report) -> String {
    format!("{}:{}", report.article, report.event)
}

fn article(corrected: CorrectedArticle, infos: &[ArticleInfo]) -> Article {
    let b = corrected.briefing;
    let added_at =
        infos.iter().find(|i| i.id == corrected.id).map(|i| i.imported_at.clone()).unwrap_or_default();
    let summary = ArticleSummary {
        id: article_key(corrected.id),
        name: corrected.name,
        title: b.title.clone(),
        language: b.language,
        published: b.published.clone(),
        added_at,
        actor_count: b.actors.len(),
        event_count: b.events.len(),
    };
    let utf16 = b.clone().into_utf16_offsets();
    Article { id: corrected.id, summary, utf8: b, utf16 }
}

/// The audit log's kind of change as the UI names it.
pub fn ui_action(action: &str, what: &str) -> String {
    match action {
        "add_article" => "import_article".to_owned(),
        // The shell withdraws a correction only to show a hidden thing again.
        "remove_correction" if what.contains("\"hide actor ") => "hide_actor".to_owned(),
        "remove_correction" => "hide_event".to_owned(),
        other => other.to_owned(),
    }
}

/// The undo or redo step labelled `label`: its kind from the audit line that made it.
fn step(label: String, audit: &[DossierAuditEntry]) -> HistoryStep {
    let made = audit.iter().rev().find(|e| e.what == label && e.action != "undo" && e.action != "redo");
    let action = made.map_or_else(|| ui_action("", &label), |e| ui_action(&e.action, &e.what));
    HistoryStep { action, subject: label }
}

fn build(
    articles: &[Article],
    marks: &Marks,
    file: DossierFile,
    revision: u64,
    history: HistoryState,
) -> DossierView {
    let shown: Vec<Document> =
        articles.iter().map(|a| Document { name: a.summary.id.clone(), briefing: a.utf16.clone() }).collect();
    let merged = merge(&shown);
    let (mut events, names) = view_events(&merged, &shown, marks, false);
    events.extend(hidden_events(articles, marks));
    // Stable: merge order among events of one start day.
    events.sort_by_key(|e| {
        let start = e.when.as_deref().and_then(Period::parse).map(|p| p.first);
        (start.is_none(), start)
    });
    let rename = |ids: &mut Vec<String>| {
        for id in ids.iter_mut() {
            if let Some(name) = names.get(id) {
                id.clone_from(name);
            }
        }
    };
    let rename_points =
        |points: &mut Vec<EscalationPoint>| points.iter_mut().for_each(|p| rename(&mut p.events));
    let mut relations = merged.relations.clone();
    for relation in &mut relations {
        rename(&mut relation.events);
        rename_points(&mut relation.escalation);
    }
    let mut escalation = merged.escalation.clone();
    rename_points(&mut escalation);
    DossierView {
        file,
        revision,
        language: merged.language,
        articles: articles.iter().map(|a| a.summary.clone()).collect(),
        actors: view_actors(&merged, marks),
        events,
        relations,
        escalation,
        history,
    }
}

/// The merged events as view events, and the view id of each merged id.
fn view_events(
    merged: &Merged,
    documents: &[Document],
    marks: &Marks,
    hidden: bool,
) -> (Vec<ViewEvent>, HashMap<String, String>) {
    let mut lookup: HashMap<(&str, &str), &Event> = HashMap::new();
    for d in documents {
        for e in &d.briefing.events {
            lookup.insert((d.name.as_str(), e.id.as_str()), e);
        }
    }
    let names: HashMap<String, String> = merged
        .events
        .iter()
        .map(|e| {
            let name =
                e.reports.first().map_or_else(|| e.id.clone(), |r| format!("{}:{}", r.article, r.event));
            (e.id.clone(), name)
        })
        .collect();
    let events = merged.events.iter().map(|e| view_event(e, &names, &lookup, marks, hidden)).collect();
    (events, names)
}

fn view_event(
    e: &DossierEvent,
    names: &HashMap<String, String>,
    lookup: &HashMap<(&str, &str), &Event>,
    marks: &Marks,
    hidden: bool,
) -> ViewEvent {
    let reports: Vec<Report> = e
        .reports
        .iter()
        .map(|r| {
            let event = lookup.get(&(r.article.as_str(), r.event.as_str()));
            Report {
                article: r.article.clone(),
                event: r.event.clone(),
                when: r.when.clone(),
                precision: r.precision,
                modality: r.modality,
                sentence_span: r.sentence_span,
                sentence: r.sentence.clone(),
                trigger: event.map(|x| x.trigger.clone()).unwrap_or_default(),
                trigger_span: event.map_or(r.sentence_span, |x| x.trigger_span),
            }
        })
        .collect();
    let origin = reports
        .iter()
        .filter_map(|r| article_id(&r.article).map(|a| marks.event_origin(a, &r.event)))
        .max_by_key(|o| match o {
            super::contract::Origin::Machine => 0,
            super::contract::Origin::Corrected => 1,
            super::contract::Origin::Manual => 2,
        })
        .unwrap_or(super::contract::Origin::Machine);
    let id = names.get(&e.id).cloned().unwrap_or_else(|| e.id.clone());
    ViewEvent {
        id,
        when: e.when.clone(),
        precision: e.precision,
        when_modifier: e.when_modifier,
        sources: e.sources.clone(),
        targets: e.targets.clone(),
        mutual: e.mutual,
        event_type: e.event_type,
        quad: e.quad,
        intensity: e.intensity,
        modality: e.modality,
        conflicts_with: e
            .conflicts_with
            .iter()
            .map(|c| names.get(c).cloned().unwrap_or_else(|| c.clone()))
            .collect(),
        trigger: reports.first().map(|r| r.trigger.clone()).unwrap_or_default(),
        reports,
        origin,
        hidden,
    }
}

/// The hidden events, merged among themselves (a hidden event never joins
/// a shown one), in UTF-16 like the rest.
fn hidden_events(articles: &[Article], marks: &Marks) -> Vec<ViewEvent> {
    let documents: Vec<Document> = articles
        .iter()
        .filter_map(|a| {
            let events: Vec<Event> =
                marks.hidden_events.iter().filter(|h| h.article == a.id).map(|h| h.event.clone()).collect();
            if events.is_empty() {
                return None;
            }
            let briefing = Briefing { events, offsets: OffsetUnit::Utf8, ..a.utf8.clone() };
            Some(Document { name: a.summary.id.clone(), briefing: briefing.into_utf16_offsets() })
        })
        .collect();
    if documents.is_empty() {
        return Vec::new();
    }
    view_events(&merge(&documents), &documents, marks, true).0
}

fn view_actors(merged: &Merged, marks: &Marks) -> Vec<ViewActor> {
    let mut actors: Vec<ViewActor> = merged
        .actors
        .iter()
        .map(|a| ViewActor {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind,
            aliases: a.aliases.clone(),
            member_of: a.member_of.clone(),
            mentions: a.mentions,
            articles: a.articles.clone(),
            origin: marks.actor_origin(&a.id),
            hidden: false,
        })
        .collect();
    for h in &marks.hidden_actors {
        if actors.iter().any(|a| a.id == h.info.id) {
            continue;
        }
        actors.push(ViewActor {
            id: h.info.id.clone(),
            name: h.info.name.clone(),
            kind: h.info.kind,
            aliases: Vec::new(),
            member_of: h.info.member_of.clone(),
            mentions: 0,
            articles: Vec::new(),
            origin: marks.actor_origin(&h.info.id),
            hidden: true,
        });
    }
    actors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_ids_go_both_ways() {
        assert_eq!(article_key(ArticleId(12)), "a12");
        assert_eq!(article_id("a12"), Some(ArticleId(12)));
        for bad in ["12", "a", "ax", "b1", "a-1x"] {
            assert_eq!(article_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn withdrawn_hides_are_told_apart_by_what_they_hid() {
        assert_eq!(ui_action("add_article", "add article \"x\""), "import_article");
        assert_eq!(
            ui_action("remove_correction", "withdraw the correction \"hide actor north_korea\""),
            "hide_actor"
        );
        assert_eq!(
            ui_action("remove_correction", "withdraw the correction \"hide event \"traf\" (CONSULT)\""),
            "hide_event"
        );
        assert_eq!(ui_action("edit_event", "change date of event"), "edit_event");
    }
}
