//! The UI's [`Correction`] as changes to the dossier file: one
//! `lagebild_dossier::Edit` per article report it concerns (the file keys
//! corrections to one article's events, the view merges reports of one
//! act), with UTF-16 spans turned into UTF-8 bytes and dates checked first;
//! or, to show a hidden event or actor again, the corrections that hide it,
//! to withdraw.

use lagebild_core::dossier::Period;
use lagebild_core::{ErrorCode, Precision, Span};
use lagebild_dossier::{ArticleId, CorrectionId, Edit, EventChange};

use super::contract::{Correction, NewEvent, ViewEvent};
use super::error::{Result, WorkbenchError};
use super::offsets::utf16_to_utf8;
use super::view::{article_id, Article, Snapshot};

/// What the dossier file is to do for one correction.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    /// Make these edits, in order; all or none.
    Edit(Vec<Edit>),
    /// Withdraw these corrections, in order; all or none.
    Withdraw(Vec<CorrectionId>),
}

/// What `correction` asks of the dossier the snapshot shows.
pub fn plan(correction: &Correction, snapshot: &Snapshot) -> Result<Plan> {
    match correction {
        Correction::EditEvent { event, patch } => {
            let event = snapshot.event(event)?;
            if event.hidden {
                return Err(WorkbenchError::invalid(
                    "the event is hidden: show it again before correcting it",
                ));
            }
            let change = checked_change(patch)?;
            let edits = reports(event)?
                .into_iter()
                .map(|(article, event)| Edit::EditEvent { article, event, change: change.clone() })
                .collect();
            Ok(Plan::Edit(edits))
        }
        Correction::HideEvent { event, hidden: true } => {
            let event = snapshot.event(event)?;
            if event.hidden {
                return Err(WorkbenchError::invalid("the event is hidden already"));
            }
            let edits = reports(event)?
                .into_iter()
                .map(|(article, event)| Edit::HideEvent { article, event })
                .collect();
            Ok(Plan::Edit(edits))
        }
        Correction::HideEvent { event, hidden: false } => {
            let event = snapshot.event(event)?;
            if !event.hidden {
                return Err(WorkbenchError::invalid("the event is not hidden"));
            }
            let mut withdraw = Vec::new();
            for (article, id) in reports(event)? {
                let hidden =
                    snapshot.marks.hidden_events.iter().find(|h| h.article == article && h.event.id == id);
                withdraw.extend(hidden.map(|h| h.correction));
            }
            if withdraw.is_empty() {
                return Err(WorkbenchError::not_found("the correction that hides this event is gone"));
            }
            Ok(Plan::Withdraw(withdraw))
        }
        Correction::AddEvent { event } => {
            let article = snapshot.article(&event.article)?;
            Ok(Plan::Edit(vec![Edit::AddEvent { article: article.id, event: new_event(article, event)? }]))
        }
        Correction::RenameActor { actor, name } => {
            Ok(Plan::Edit(vec![Edit::RenameActor { actor: actor.clone(), name: name.clone() }]))
        }
        Correction::HideActor { actor, hidden: true } => {
            Ok(Plan::Edit(vec![Edit::HideActor { actor: actor.clone() }]))
        }
        Correction::HideActor { actor, hidden: false } => {
            match snapshot.marks.hidden_actors.iter().find(|h| h.info.id == *actor) {
                Some(hidden) => Ok(Plan::Withdraw(vec![hidden.correction])),
                None => Err(WorkbenchError::invalid(format!("{actor} is not hidden"))),
            }
        }
        Correction::MergeActors { into, from } => {
            Ok(Plan::Edit(vec![Edit::MergeActors { from: from.clone(), into: into.clone() }]))
        }
        Correction::SplitActor { article, actor, mentions, name, kind } => {
            let article = snapshot.article(article)?;
            let mentions =
                mentions.iter().map(|m| bytes(article, *m, "a mention")).collect::<Result<Vec<Span>>>()?;
            Ok(Plan::Edit(vec![Edit::SplitActor {
                article: article.id,
                actor: actor.clone(),
                mentions,
                name: name.clone(),
                kind: *kind,
            }]))
        }
    }
}

/// Each report of a view event as (article, event id in that article).
fn reports(event: &ViewEvent) -> Result<Vec<(ArticleId, String)>> {
    if event.reports.is_empty() {
        return Err(WorkbenchError::not_found(format!("event {:?} has no report", event.id)));
    }
    event
        .reports
        .iter()
        .map(|r| match article_id(&r.article) {
            Some(article) => Ok((article, r.event.clone())),
            None => {
                Err(WorkbenchError::not_found(format!("there is no article {:?} in this dossier", r.article)))
            }
        })
        .collect()
}

/// A UTF-16 span of the article's text as bytes.
fn bytes(article: &Article, span: Span, what: &str) -> Result<Span> {
    utf16_to_utf8(&article.utf8.text, span).ok_or_else(|| {
        WorkbenchError::invalid(format!("{what} {span:?} is not a passage of {:?}", article.summary.name))
    })
}

/// The precision a date value has; a `bad_date` error for anything but a day, month or year.
fn precision_of(when: &str) -> Result<Precision> {
    Period::parse(when).map(|p| p.precision).ok_or_else(|| {
        WorkbenchError::engine(
            ErrorCode::BadDate,
            format!("{when:?} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY"),
        )
    })
}

/// Checks a date and the precision given with it.
fn check_date(when: Option<&str>, precision: Option<Precision>) -> Result<()> {
    match (when, precision) {
        (None, Some(_)) => Err(WorkbenchError::invalid("an undated event has no precision")),
        (None, None) => Ok(()),
        (Some(when), given) => {
            let found = precision_of(when)?;
            match given {
                Some(given) if given != found => Err(WorkbenchError::invalid(
                    format!("{when:?} is a {found:?}, not a {given:?}").to_lowercase(),
                )),
                _ => Ok(()),
            }
        }
    }
}

/// The patch as the dossier file takes it, checked the way the UI's
/// contract says: a bad date is `bad_date`; a new date derives its
/// precision and drops the old modifier unless the patch gives them.
fn checked_change(patch: &EventChange) -> Result<EventChange> {
    if patch.is_empty() {
        return Err(WorkbenchError::invalid("the correction changes nothing"));
    }
    let mut change = patch.clone();
    match &change.when {
        Some(Some(when)) => {
            check_date(Some(when), change.precision.flatten())?;
            if change.precision == Some(None) {
                change.precision = None;
            }
            if change.when_modifier.is_none() {
                change.when_modifier = Some(None);
            }
        }
        Some(None) => {
            if change.when_modifier.flatten().is_some() {
                return Err(WorkbenchError::invalid("an undated event takes no date modifier"));
            }
            check_date(None, change.precision.flatten())?;
        }
        None => {}
    }
    for ids in [&mut change.sources, &mut change.targets].into_iter().flatten() {
        let mut seen = Vec::with_capacity(ids.len());
        ids.retain(|id| {
            !seen.contains(id) && {
                seen.push(id.clone());
                true
            }
        });
    }
    Ok(change)
}

/// A new event as the dossier file takes it.
fn new_event(article: &Article, event: &NewEvent) -> Result<lagebild_dossier::NewEvent> {
    check_date(event.when.as_deref(), event.precision)?;
    if event.when.is_none() && event.when_modifier.is_some() {
        return Err(WorkbenchError::invalid("an undated event takes no date modifier"));
    }
    Ok(lagebild_dossier::NewEvent {
        when: event.when.clone(),
        precision: event.precision,
        when_modifier: event.when_modifier,
        sources: event.sources.clone(),
        targets: event.targets.clone(),
        mutual: event.mutual,
        event_type: event.event_type,
        quad: event.quad,
        modality: event.modality,
        trigger_span: bytes(article, event.trigger_span, "the trigger")?,
        sentence_span: bytes(article, event.sentence_span, "the sentence")?,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::workbench::error::{Code, WorkbenchCode};

    fn change(json: serde_json::Value) -> EventChange {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn a_new_date_derives_its_precision_and_drops_the_modifier() {
        let checked =
            checked_change(&change(serde_json::json!({"when": "2024-10", "precision": null}))).unwrap();
        assert_eq!(checked.when, Some(Some("2024-10".into())));
        assert_eq!(checked.precision, None);
        assert_eq!(checked.when_modifier, Some(None));
    }

    #[test]
    fn bad_patches_get_the_contracts_codes() {
        let cases = [
            (serde_json::json!({}), Code::Workbench(WorkbenchCode::Invalid)),
            (serde_json::json!({"when": "gestern"}), Code::Engine(ErrorCode::BadDate)),
            (serde_json::json!({"when": "2024-02-30"}), Code::Engine(ErrorCode::BadDate)),
            (
                serde_json::json!({"when": "2024-10", "precision": "day"}),
                Code::Workbench(WorkbenchCode::Invalid),
            ),
            (
                serde_json::json!({"when": null, "when_modifier": "MID"}),
                Code::Workbench(WorkbenchCode::Invalid),
            ),
        ];
        for (patch, code) in cases {
            let error = checked_change(&change(patch.clone())).unwrap_err();
            assert_eq!(error.code, code, "{patch}: {}", error.message);
        }
    }

    #[test]
    fn repeated_actors_are_named_once() {
        let checked =
            checked_change(&change(serde_json::json!({"sources": ["eu", "un", "eu"], "targets": ["ru"]})))
                .unwrap();
        assert_eq!(checked.sources, Some(vec!["eu".to_owned(), "un".to_owned()]));
    }
}
