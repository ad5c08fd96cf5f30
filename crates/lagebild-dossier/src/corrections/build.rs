//! Turning an analyst's [`Edit`] into a stored [`Correction`]: checking it
//! against the dossier as the analyst sees it (the corrected articles),
//! keying what it changes so the key survives a re-analysis, and noting
//! the changed thing before and after for the audit log.

use super::apply::{apply, Outcome};
use super::classes::class_of;
use super::{key_for, locate, ActorInfo, Correction, Edit, MentionKey, NewEvent};
use crate::error::{Error, Result};
use crate::{ArticleId, CorrectedArticle, CorrectionId};
use lagebild_core::{Actor, Briefing, Event, Span};
use serde_json::{json, Value};

/// A checked edit, ready to store.
#[derive(Debug)]
pub(crate) struct Built {
    /// The article it concerns, if not the whole dossier.
    pub article: Option<ArticleId>,
    /// What to store.
    pub correction: Correction,
    /// The changed thing before the change, for the audit log.
    pub before: Option<Value>,
}

/// The longest actor name accepted.
const NAME_LIMIT: usize = 200;

/// Checks `edit` against `view` and makes the correction to store.
pub(crate) fn build(edit: &Edit, view: &[CorrectedArticle]) -> Result<Built> {
    match edit {
        Edit::EditEvent { article, event, change } => {
            let b = briefing(view, *article)?;
            let found = find_event(b, *article, event)?;
            if change.is_empty() {
                return Err(Error::BadEdit("the change sets no field".into()));
            }
            let mut change = change.clone();
            if let Some(Some(when)) = &mut change.when {
                *when = check_date(when)?;
            }
            let sources = change.sources.as_ref().unwrap_or(&found.sources);
            let targets = change.targets.as_ref().unwrap_or(&found.targets);
            let actors = actors_for(view, b, sources, targets)?;
            let correction = Correction::EditEvent { event: key_for(&b.text, found), change, actors };
            Ok(Built { article: Some(*article), correction, before: Some(json!(found)) })
        }
        Edit::HideEvent { article, event } => {
            let b = briefing(view, *article)?;
            let found = find_event(b, *article, event)?;
            let correction = Correction::HideEvent { event: key_for(&b.text, found) };
            Ok(Built { article: Some(*article), correction, before: Some(json!(found)) })
        }
        Edit::AddEvent { article, event } => {
            let b = briefing(view, *article)?;
            let correction = new_event(view, b, event)?;
            Ok(Built { article: Some(*article), correction, before: None })
        }
        Edit::HideActor { actor } => {
            let info = find_actor(view, actor)?;
            Ok(Built {
                article: None,
                correction: Correction::HideActor { actor: actor.clone() },
                before: Some(json!(info)),
            })
        }
        Edit::RenameActor { actor, name } => {
            let info = find_actor(view, actor)?;
            let name = check_name(name)?;
            if name == info.name {
                return Err(Error::BadEdit(format!("{actor} is already called {name:?}")));
            }
            let correction = Correction::RenameActor { actor: actor.clone(), name };
            Ok(Built { article: None, correction, before: Some(json!(info)) })
        }
        Edit::MergeActors { from, into } => {
            if from == into {
                return Err(Error::BadEdit(format!("{from} cannot be merged into itself")));
            }
            let gone = find_actor(view, from)?;
            let kept = find_actor(view, into)?;
            let before = json!([gone, kept]);
            Ok(Built {
                article: None,
                correction: Correction::MergeActors { from: from.clone(), into: kept },
                before: Some(before),
            })
        }
        Edit::SplitActor { article, actor, mentions, name, kind } => {
            let b = briefing(view, *article)?;
            let old = b
                .actors
                .iter()
                .find(|a| a.id == *actor)
                .ok_or_else(|| Error::BadEdit(format!("{actor} is not in article {article}")))?;
            if mentions.is_empty() {
                return Err(Error::BadEdit("name at least one mention to move".into()));
            }
            let mut keys = Vec::with_capacity(mentions.len());
            for span in mentions {
                if !old.mentions.contains(span) {
                    return Err(Error::BadEdit(format!("{span:?} is not a mention of {actor}")));
                }
                keys.push(MentionKey {
                    span: *span,
                    text: text_at(&b.text, *span, "the mention")?.to_string(),
                });
            }
            let name = check_name(name)?;
            let id = slug(&name);
            if id.is_empty() {
                return Err(Error::BadEdit(format!("{name:?} has no letters or digits to make an id of")));
            }
            if id == *actor {
                return Err(Error::BadEdit(format!("the new actor needs another name than {actor}")));
            }
            // A name that is already an actor's joins the mentions to it.
            let new = find_actor(view, &id).unwrap_or(ActorInfo { id, name, kind: *kind, member_of: None });
            let correction = Correction::SplitActor { actor: actor.clone(), mentions: keys, new };
            Ok(Built { article: Some(*article), correction, before: Some(json!(info_of(old))) })
        }
    }
}

/// The thing `correction` (stored as `id`) changed, as it is afterwards.
pub(crate) fn after(
    view: &[CorrectedArticle],
    article: Option<ArticleId>,
    id: CorrectionId,
    correction: &Correction,
) -> Option<Value> {
    let mut candidates = view.iter().filter(|a| article.is_none_or(|wanted| a.id == wanted));
    let (mut b, at) = candidates.find_map(|a| {
        let mut b = a.briefing.clone();
        let at = match correction {
            Correction::EditEvent { event, .. } => locate::event(&b, event).ok(),
            _ => None,
        };
        matches!(apply(&mut b, id, correction), Outcome::Applied | Outcome::Partly(_)).then_some((b, at))
    })?;
    match correction {
        Correction::EditEvent { .. } => at.and_then(|i| b.events.get(i)).map(|e| json!(e)),
        Correction::AddEvent { .. } => {
            let added = format!("m{}", id.0);
            b.events.iter().find(|e| e.id == added).map(|e| json!(e))
        }
        Correction::HideEvent { .. } | Correction::HideActor { .. } => None,
        Correction::RenameActor { actor, .. } => {
            b.actors.iter().find(|a| a.id == *actor).map(|a| json!(info_of(a)))
        }
        Correction::MergeActors { into, .. } => {
            b.actors.iter().find(|a| a.id == into.id).map(|a| json!(info_of(a)))
        }
        Correction::SplitActor { new, .. } => {
            let i = b.actors.iter().position(|a| a.id == new.id)?;
            Some(json!(info_of(&b.actors.swap_remove(i))))
        }
    }
}

fn briefing(view: &[CorrectedArticle], article: ArticleId) -> Result<&Briefing> {
    view.iter().find(|a| a.id == article).map(|a| &a.briefing).ok_or(Error::UnknownArticle(article))
}

fn find_event<'b>(b: &'b Briefing, article: ArticleId, id: &str) -> Result<&'b Event> {
    b.events.iter().find(|e| e.id == id).ok_or_else(|| Error::UnknownEvent { article, event: id.to_string() })
}

fn info_of(actor: &Actor) -> ActorInfo {
    ActorInfo {
        id: actor.id.clone(),
        name: actor.name.clone(),
        kind: actor.kind,
        member_of: actor.member_of.clone(),
    }
}

/// The actor `id` as the dossier shows it (from the first article that has it).
fn find_actor(view: &[CorrectedArticle], id: &str) -> Result<ActorInfo> {
    view.iter()
        .flat_map(|a| &a.briefing.actors)
        .find(|a| a.id == id)
        .map(info_of)
        .ok_or_else(|| Error::UnknownActor(id.to_string()))
}

/// Checks that an event keeps an actor and names only known ones, and
/// returns those it brings into the article.
fn actors_for(
    view: &[CorrectedArticle],
    b: &Briefing,
    sources: &[String],
    targets: &[String],
) -> Result<Vec<ActorInfo>> {
    if sources.is_empty() && targets.is_empty() {
        return Err(Error::BadEdit("an event needs at least one actor".into()));
    }
    let mut brought = Vec::new();
    for id in sources.iter().chain(targets) {
        if !b.actors.iter().any(|a| a.id == *id) && !brought.iter().any(|a: &ActorInfo| a.id == *id) {
            brought.push(find_actor(view, id)?);
        }
    }
    Ok(brought)
}

/// The date value, trimmed, if it is one an event may carry.
fn check_date(value: &str) -> Result<String> {
    match super::date_precision(value) {
        Some(_) => Ok(value.trim().to_string()),
        None => Err(Error::BadEdit(format!("{value:?} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY"))),
    }
}

fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_LIMIT || name.chars().any(char::is_control) {
        return Err(Error::BadEdit(format!("a name has 1 to {NAME_LIMIT} characters on one line")));
    }
    Ok(name.to_string())
}

/// The text at `span`, which must be a non-empty stretch of whole characters.
fn text_at<'t>(text: &'t str, span: Span, what: &str) -> Result<&'t str> {
    text.get(span.start()..span.end())
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| Error::BadEdit(format!("{what} {span:?} is not a passage of the article's text")))
}

fn new_event(view: &[CorrectedArticle], b: &Briefing, event: &NewEvent) -> Result<Correction> {
    let sentence = text_at(&b.text, event.sentence_span, "the evidence sentence")?.to_string();
    let trigger = text_at(&b.text, event.trigger_span, "the trigger")?.to_string();
    if !event.sentence_span.contains(event.trigger_span) {
        return Err(Error::BadEdit("the trigger must lie inside the evidence sentence".into()));
    }
    let when = event.when.as_deref().map(check_date).transpose()?;
    let actors = actors_for(view, b, &event.sources, &event.targets)?;
    let (quad, intensity) = class_of(event.event_type)
        .ok_or_else(|| Error::BadEdit("the engine has no class for this event type".into()))?;
    let event = Event {
        id: String::new(),
        precision: event.precision.or_else(|| when.as_deref().and_then(super::date_precision)),
        when,
        when_modifier: event.when_modifier,
        when_inferred: false,
        sources: event.sources.clone(),
        targets: event.targets.clone(),
        mutual: event.mutual,
        event_type: event.event_type,
        quad: event.quad.unwrap_or(quad),
        intensity,
        modality: event.modality,
        trigger,
        trigger_span: event.trigger_span,
        time_span: None,
        sentence_span: event.sentence_span,
    };
    Ok(Correction::AddEvent { event, sentence, actors })
}

/// A lower_snake_case id made from a name: German letters spelt out,
/// anything that is not a letter or digit a single underscore.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(c),
            _ if !out.is_empty() && !out.ends_with('_') => out.push('_'),
            _ => {}
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::corrections::EventChange;
    use crate::testing::briefing;
    use lagebild_core::{ActorKind, EventType, Modality};

    fn view() -> Vec<CorrectedArticle> {
        vec![CorrectedArticle { id: ArticleId(1), name: "a".into(), briefing: briefing() }]
    }

    #[test]
    fn slugs_are_lower_snake_case() {
        assert_eq!(slug("Kim Yo-jong"), "kim_yo_jong");
        assert_eq!(slug("  Außenministerium Österreich! "), "aussenministerium_oesterreich");
        assert_eq!(slug("?!"), "");
    }

    #[test]
    fn bad_edits_are_refused_with_a_reason() {
        let v = view();
        let cases: Vec<(Edit, &str)> = vec![
            (Edit::HideEvent { article: ArticleId(9), event: "e1".into() }, "unknown_article"),
            (Edit::HideEvent { article: ArticleId(1), event: "e9".into() }, "unknown_event"),
            (
                Edit::EditEvent { article: ArticleId(1), event: "e1".into(), change: EventChange::default() },
                "bad_edit",
            ),
            (
                Edit::EditEvent {
                    article: ArticleId(1),
                    event: "e1".into(),
                    change: EventChange { when: Some(Some("2024-13-01".into())), ..EventChange::default() },
                },
                "bad_edit",
            ),
            (
                Edit::EditEvent {
                    article: ArticleId(1),
                    event: "e1".into(),
                    change: EventChange { sources: Some(vec!["atlantis".into()]), ..EventChange::default() },
                },
                "unknown_actor",
            ),
            (
                Edit::EditEvent {
                    article: ArticleId(1),
                    event: "e1".into(),
                    change: EventChange {
                        sources: Some(vec![]),
                        targets: Some(vec![]),
                        ..EventChange::default()
                    },
                },
                "bad_edit",
            ),
            (Edit::HideActor { actor: "atlantis".into() }, "unknown_actor"),
            (Edit::RenameActor { actor: "russia".into(), name: "  ".into() }, "bad_edit"),
            (Edit::RenameActor { actor: "russia".into(), name: "Russia".into() }, "bad_edit"),
            (Edit::MergeActors { from: "russia".into(), into: "russia".into() }, "bad_edit"),
            (
                Edit::SplitActor {
                    article: ArticleId(1),
                    actor: "russia".into(),
                    mentions: vec![Span(0, 5)],
                    name: "Moscow".into(),
                    kind: ActorKind::State,
                },
                "bad_edit",
            ),
            (
                Edit::SplitActor {
                    article: ArticleId(1),
                    actor: "russia".into(),
                    mentions: vec![],
                    name: "Moscow".into(),
                    kind: ActorKind::State,
                },
                "bad_edit",
            ),
            (
                Edit::AddEvent {
                    article: ArticleId(1),
                    event: NewEvent {
                        when: None,
                        precision: None,
                        when_modifier: None,
                        sources: vec!["russia".into()],
                        targets: vec![],
                        mutual: false,
                        event_type: EventType::Threaten,
                        quad: None,
                        modality: Modality::Asserted,
                        trigger_span: Span(0, 5),
                        sentence_span: Span(35, 500),
                    },
                },
                "bad_edit",
            ),
        ];
        for (edit, code) in cases {
            let err = build(&edit, &v).expect_err(&format!("{edit:?} was accepted"));
            assert_eq!(err.code(), code, "{edit:?}: {err}");
            assert_eq!(err.to_string().lines().count(), 1);
        }
    }

    #[test]
    fn an_edit_keys_its_event_and_records_before_and_after() {
        let v = view();
        let edit = Edit::EditEvent {
            article: ArticleId(1),
            event: "e2".into(),
            change: EventChange { modality: Some(Modality::Speculative), ..EventChange::default() },
        };
        let built = build(&edit, &v).unwrap();
        let Correction::EditEvent { event, .. } = &built.correction else { panic!("not an event edit") };
        assert_eq!(event.trigger, "attacked");
        assert_eq!(built.before.as_ref().and_then(|b| b["modality"].as_str()), Some("asserted"));
        let after = after(&v, built.article, CorrectionId(1), &built.correction).unwrap();
        assert_eq!(after["modality"], "speculative");
    }

    #[test]
    fn a_split_onto_an_existing_name_joins_that_actor() {
        let v = view();
        let russia = v[0].briefing.actors[1].mentions[1];
        let edit = Edit::SplitActor {
            article: ArticleId(1),
            actor: "russia".into(),
            mentions: vec![russia],
            name: "Ukraine".into(),
            kind: ActorKind::Person,
        };
        let built = build(&edit, &v).unwrap();
        let Correction::SplitActor { new, .. } = built.correction else { panic!("not a split") };
        assert_eq!((new.id.as_str(), new.kind), ("ukraine", ActorKind::State));
    }
}
