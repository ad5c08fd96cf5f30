//! Applying one correction to one article's briefing.
//!
//! Rules worth knowing:
//! - setting an event's date clears its `time_span` and `when_inferred`
//!   (the date is the analyst's now, not read from the text) and derives
//!   the precision from the date's form unless the change gives one;
//! - changing an event's type sets its quad class (unless the change gives
//!   one) and its intensity from the engine's table;
//! - hiding an actor takes it out of every event; an event left with no
//!   actor at all is hidden with it;
//! - merging renames the actor where the target is absent, and joins their
//!   mentions and aliases where both are present;
//! - splitting moves the named mentions, and the actor's place in every
//!   event whose sentence holds one of them; the old actor goes when
//!   nothing refers to it any more.

use super::classes::class_of;
use super::locate;
use super::{ActorInfo, Correction, EventChange, MentionKey};
use crate::CorrectionId;
use lagebild_core::{Actor, Briefing, Event, Span};

/// What applying a correction to one article did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// It changed the article.
    Applied,
    /// It changed the article, but not all of it found its target.
    Partly(String),
    /// A dossier-wide correction whose actor this article does not have.
    NotHere,
    /// An article's correction that finds nothing to apply to, and why.
    Orphaned(String),
}

/// Applies `correction` (stored under `id`) to `briefing`.
pub(crate) fn apply(briefing: &mut Briefing, id: CorrectionId, correction: &Correction) -> Outcome {
    match correction {
        Correction::EditEvent { event, change, actors } => match locate::event(briefing, event) {
            Ok(at) => {
                change_event(&mut briefing.events[at], change);
                bring_in(briefing, actors);
                Outcome::Applied
            }
            Err(why) => Outcome::Orphaned(why),
        },
        Correction::HideEvent { event } => match locate::event(briefing, event) {
            Ok(at) => {
                briefing.events.remove(at);
                Outcome::Applied
            }
            Err(why) => Outcome::Orphaned(why),
        },
        Correction::AddEvent { event, sentence, actors } => add_event(briefing, id, event, sentence, actors),
        Correction::HideActor { actor } => hide_actor(briefing, actor),
        Correction::RenameActor { actor, name } => {
            match briefing.actors.iter_mut().find(|a| a.id == *actor) {
                Some(found) => {
                    found.name.clone_from(name);
                    Outcome::Applied
                }
                None => Outcome::NotHere,
            }
        }
        Correction::MergeActors { from, into } => merge_actors(briefing, from, into),
        Correction::SplitActor { actor, mentions, new } => split_actor(briefing, actor, mentions, new),
    }
}

fn change_event(event: &mut Event, change: &EventChange) {
    if let Some(when) = &change.when {
        event.when.clone_from(when);
        event.precision = when.as_deref().and_then(super::date_precision);
        event.when_inferred = false;
        event.time_span = None;
        if when.is_none() {
            event.when_modifier = None;
        }
    }
    if let Some(precision) = change.precision {
        event.precision = precision;
    }
    if let Some(modifier) = change.when_modifier {
        event.when_modifier = modifier;
    }
    if let Some(sources) = &change.sources {
        event.sources.clone_from(sources);
    }
    if let Some(targets) = &change.targets {
        event.targets.clone_from(targets);
    }
    if let Some(mutual) = change.mutual {
        event.mutual = mutual;
    }
    if let Some(event_type) = change.event_type {
        event.event_type = event_type;
        if let Some((quad, intensity)) = class_of(event_type) {
            event.quad = quad;
            event.intensity = intensity;
        }
    }
    if let Some(quad) = change.quad {
        event.quad = quad;
    }
    if let Some(modality) = change.modality {
        event.modality = modality;
    }
}

/// Adds to the article the actors its events now refer to but it lacks.
fn bring_in(briefing: &mut Briefing, actors: &[ActorInfo]) {
    for info in actors {
        let referred =
            briefing.events.iter().any(|e| e.sources.contains(&info.id) || e.targets.contains(&info.id));
        if referred && !briefing.actors.iter().any(|a| a.id == info.id) {
            briefing.actors.push(actor_from(info, Vec::new(), Vec::new()));
        }
    }
}

fn actor_from(info: &ActorInfo, aliases: Vec<String>, mentions: Vec<Span>) -> Actor {
    Actor {
        id: info.id.clone(),
        name: info.name.clone(),
        kind: info.kind,
        aliases,
        member_of: info.member_of.clone(),
        mentions,
    }
}

fn add_event(
    briefing: &mut Briefing,
    id: CorrectionId,
    event: &Event,
    sentence: &str,
    actors: &[ActorInfo],
) -> Outcome {
    let Some(sentence_span) = locate::passage(&briefing.text, event.sentence_span, sentence) else {
        return Outcome::Orphaned("its sentence is no longer in the article".into());
    };
    let Some(trigger_span) = locate::shifted(event.trigger_span, event.sentence_span, sentence_span)
        .filter(|t| briefing.text.get(t.start()..t.end()) == Some(event.trigger.as_str()))
    else {
        return Outcome::Orphaned(format!("{:?} is no longer in its sentence", event.trigger));
    };
    let mut added = event.clone();
    added.id = format!("m{}", id.0);
    added.sentence_span = sentence_span;
    added.trigger_span = trigger_span;
    let at = briefing.events.partition_point(|e| e.trigger_span.start() <= trigger_span.start());
    briefing.events.insert(at, added);
    bring_in(briefing, actors);
    Outcome::Applied
}

fn refers_to(briefing: &Briefing, actor: &str) -> bool {
    briefing.actors.iter().any(|a| a.id == actor)
        || briefing.events.iter().any(|e| e.sources.iter().chain(&e.targets).any(|x| x == actor))
}

fn hide_actor(briefing: &mut Briefing, actor: &str) -> Outcome {
    if !refers_to(briefing, actor) {
        return Outcome::NotHere;
    }
    briefing.actors.retain(|a| a.id != actor);
    briefing.events.retain_mut(|event| {
        let had = !event.sources.is_empty() || !event.targets.is_empty();
        event.sources.retain(|x| x != actor);
        event.targets.retain(|x| x != actor);
        !had || !event.sources.is_empty() || !event.targets.is_empty()
    });
    for other in &mut briefing.actors {
        if other.member_of.as_deref() == Some(actor) {
            other.member_of = None;
        }
    }
    Outcome::Applied
}

/// Puts `to` in place of `from` in a list of actor ids, once.
fn replace_id(ids: &mut Vec<String>, from: &str, to: &str) {
    if !ids.iter().any(|x| x == from) {
        return;
    }
    let mut seen = Vec::with_capacity(ids.len());
    for id in ids.drain(..) {
        let id = if id == from { to.to_string() } else { id };
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    *ids = seen;
}

fn merge_actors(briefing: &mut Briefing, from: &str, into: &ActorInfo) -> Outcome {
    if !refers_to(briefing, from) {
        return Outcome::NotHere;
    }
    if let Some(at) = briefing.actors.iter().position(|a| a.id == from) {
        let gone = briefing.actors.remove(at);
        match briefing.actors.iter_mut().find(|a| a.id == into.id) {
            Some(kept) => {
                kept.mentions.extend(gone.mentions);
                kept.mentions.sort();
                kept.mentions.dedup();
                for alias in gone.aliases {
                    if !kept.aliases.contains(&alias) {
                        kept.aliases.push(alias);
                    }
                }
            }
            None => briefing.actors.insert(at, actor_from(into, gone.aliases, gone.mentions)),
        }
    }
    for event in &mut briefing.events {
        replace_id(&mut event.sources, from, &into.id);
        replace_id(&mut event.targets, from, &into.id);
    }
    for actor in &mut briefing.actors {
        if actor.member_of.as_deref() == Some(from) && actor.id != into.id {
            actor.member_of = Some(into.id.clone());
        }
    }
    bring_in(briefing, std::slice::from_ref(into));
    Outcome::Applied
}

fn split_actor(briefing: &mut Briefing, actor: &str, mentions: &[MentionKey], new: &ActorInfo) -> Outcome {
    let Some(at) = briefing.actors.iter().position(|a| a.id == actor) else {
        return Outcome::Orphaned(format!("{actor} is no longer in the article"));
    };
    let mut moved: Vec<Span> = mentions
        .iter()
        .filter_map(|key| locate::mention(&briefing.text, &briefing.actors[at].mentions, key))
        .collect();
    moved.sort();
    moved.dedup();
    if moved.is_empty() {
        return Outcome::Orphaned(format!("none of the mentions of {actor} it moves are found any more"));
    }
    briefing.actors[at].mentions.retain(|m| !moved.contains(m));
    let mut aliases: Vec<String> = Vec::new();
    for m in &moved {
        if let Some(text) = briefing.text.get(m.start()..m.end()) {
            if !aliases.iter().any(|a| a == text) {
                aliases.push(text.to_string());
            }
        }
    }
    match briefing.actors.iter_mut().find(|a| a.id == new.id) {
        Some(existing) => {
            existing.mentions.extend(&moved);
            existing.mentions.sort();
            existing.mentions.dedup();
            aliases.retain(|a| !existing.aliases.contains(a));
            existing.aliases.extend(aliases);
        }
        None => briefing.actors.push(actor_from(new, aliases, moved.clone())),
    }
    for event in &mut briefing.events {
        if moved.iter().any(|m| event.sentence_span.contains(*m)) {
            replace_id(&mut event.sources, actor, &new.id);
            replace_id(&mut event.targets, actor, &new.id);
        }
    }
    let still_used = briefing.events.iter().any(|e| e.sources.iter().chain(&e.targets).any(|x| x == actor));
    if briefing.actors.iter().any(|a| a.id == actor && a.mentions.is_empty()) && !still_used {
        briefing.actors.retain(|a| a.id != actor);
    }
    if moved.len() < mentions.len() {
        return Outcome::Partly(format!(
            "{} of its {} mentions are found any more",
            moved.len(),
            mentions.len()
        ));
    }
    Outcome::Applied
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::corrections::EventKey;
    use crate::testing::{briefing, key_of};
    use lagebild_core::{ActorKind, EventType, Modality, Precision, Quad};

    fn info(id: &str, name: &str) -> ActorInfo {
        ActorInfo { id: id.into(), name: name.into(), kind: ActorKind::State, member_of: None }
    }

    #[test]
    fn an_event_edit_sets_date_type_and_actors() {
        let mut b = briefing();
        let key = key_of(&b, "e1");
        let change = EventChange {
            when: Some(Some("2024-10".into())),
            sources: Some(vec!["china".into()]),
            event_type: Some(EventType::Accuse),
            ..EventChange::default()
        };
        let outcome = apply(
            &mut b,
            CorrectionId(1),
            &Correction::EditEvent { event: key, change, actors: vec![info("china", "China")] },
        );
        assert_eq!(outcome, Outcome::Applied);
        let e = &b.events[0];
        assert_eq!((e.when.as_deref(), e.precision), (Some("2024-10"), Some(Precision::Month)));
        assert_eq!((e.event_type, e.quad), (EventType::Accuse, Quad::VerbalConflict));
        assert!(e.time_span.is_none() && !e.when_inferred);
        assert_eq!(e.sources, ["china"]);
        let china = b.actors.iter().find(|a| a.id == "china").expect("China brought in");
        assert!(china.mentions.is_empty());
    }

    #[test]
    fn an_event_is_found_after_the_text_moved() {
        let mut b = briefing();
        let key = key_of(&b, "e2");
        // A newer engine keeps a header line the old one dropped.
        let moved = crate::testing::shift(&b, "Berlin, 1. November 2024\n\n");
        b = moved;
        let outcome = apply(&mut b, CorrectionId(1), &Correction::HideEvent { event: key });
        assert_eq!(outcome, Outcome::Applied);
        assert_eq!(b.events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["e1"]);
    }

    #[test]
    fn an_event_the_engine_no_longer_finds_is_an_orphan() {
        let mut b = briefing();
        let key = EventKey { trigger: "bombed".into(), ..key_of(&b, "e1") };
        let outcome = apply(&mut b, CorrectionId(1), &Correction::HideEvent { event: key });
        assert!(matches!(outcome, Outcome::Orphaned(_)), "{outcome:?}");
        assert_eq!(b.events.len(), 2);
    }

    #[test]
    fn hiding_an_actor_hides_events_left_without_actors() {
        let mut b = briefing();
        apply(&mut b, CorrectionId(1), &Correction::HideActor { actor: "russia".into() });
        assert!(b.actors.iter().all(|a| a.id != "russia"));
        // e1: north_korea → russia keeps North Korea; e2: russia → ukraine keeps Ukraine.
        assert_eq!(b.events.len(), 2);
        apply(&mut b, CorrectionId(2), &Correction::HideActor { actor: "ukraine".into() });
        assert_eq!(b.events.len(), 1);
        let outcome = apply(&mut b, CorrectionId(3), &Correction::HideActor { actor: "ukraine".into() });
        assert_eq!(outcome, Outcome::NotHere);
    }

    #[test]
    fn merging_renames_or_joins() {
        let mut b = briefing();
        apply(
            &mut b,
            CorrectionId(1),
            &Correction::MergeActors { from: "north_korea".into(), into: info("dprk", "DPRK") },
        );
        let dprk = b.actors.iter().find(|a| a.id == "dprk").expect("renamed");
        assert_eq!(dprk.name, "DPRK");
        assert_eq!(b.events[0].sources, ["dprk"]);
        let mentions_before: usize = b.actors.iter().map(|a| a.mentions.len()).sum();
        apply(
            &mut b,
            CorrectionId(2),
            &Correction::MergeActors { from: "ukraine".into(), into: info("russia", "Russia") },
        );
        let russia = b.actors.iter().find(|a| a.id == "russia").expect("kept");
        assert_eq!(russia.mentions.len(), 3);
        assert_eq!(b.actors.iter().map(|a| a.mentions.len()).sum::<usize>(), mentions_before);
        assert_eq!(b.events[1].targets, ["russia"]);
    }

    #[test]
    fn splitting_moves_mentions_and_their_events() {
        let mut b = briefing();
        let russia = b.actors.iter().find(|a| a.id == "russia").unwrap();
        let second = russia.mentions[1];
        let key = MentionKey { span: second, text: b.text[second.start()..second.end()].to_string() };
        let outcome = apply(
            &mut b,
            CorrectionId(1),
            &Correction::SplitActor {
                actor: "russia".into(),
                mentions: vec![key.clone()],
                new: info("moscow", "Moscow"),
            },
        );
        assert_eq!(outcome, Outcome::Applied);
        assert_eq!(b.events[0].targets, ["russia"], "the first sentence keeps Russia");
        assert_eq!(b.events[1].sources, ["moscow"], "the second sentence's mention moved");
        let missing = MentionKey { span: Span(0, 2), text: "xx".into() };
        let outcome = apply(
            &mut b,
            CorrectionId(2),
            &Correction::SplitActor {
                actor: "russia".into(),
                mentions: vec![missing],
                new: info("moscow", "Moscow"),
            },
        );
        assert!(matches!(outcome, Outcome::Orphaned(_)));
    }

    #[test]
    fn an_added_event_takes_its_id_from_the_correction() {
        let mut b = briefing();
        let mut event = b.events[1].clone();
        event.event_type = EventType::Threaten;
        event.modality = Modality::Planned;
        let sentence = b.text[event.sentence_span.start()..event.sentence_span.end()].to_string();
        let outcome =
            apply(&mut b, CorrectionId(7), &Correction::AddEvent { event, sentence, actors: vec![] });
        assert_eq!(outcome, Outcome::Applied);
        assert_eq!(b.events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["e1", "e2", "m7"]);
    }
}
