//! Troops sent to a country help it unless they are fighting it: a
//! deployment in a partner's country is aid ("Die Bundeswehr ist seit 2013
//! in Mali im Einsatz"), a withdrawal from it reduces that help ("der Abzug
//! aus Mali", "firms pull out of Iran"). Against a state the source has
//! attacked or invaded in the article, the same words keep their own type:
//! force posture, retreat. Which triggers this concerns is data
//! (`among_partners` in `data/events/LANG.json`).

use crate::model::{Actor, Event, EventType};

use super::triggers;

/// Types that show the source has used force against the target.
const FORCE: [EventType; 2] = [EventType::Assault, EventType::Fight];

/// Gives `event` the type `partner_type` unless one of `told` (the events
/// of the article up to and including its sentence) shows its source using
/// force against its target.
pub(super) fn retype<'e>(
    event: &mut Event,
    partner_type: EventType,
    mut told: impl Iterator<Item = &'e Event>,
    actors: &[Actor],
) {
    if event.targets.is_empty() || event.sources.is_empty() {
        return;
    }
    let sources = side(actors, &event.sources);
    let targets = side(actors, &event.targets);
    let enemies = told.any(|e| {
        FORCE.contains(&e.event_type)
            && side(actors, &e.sources).iter().any(|s| sources.contains(s))
            && side(actors, &e.targets).iter().any(|t| targets.contains(t))
    });
    if !enemies {
        event.event_type = partner_type;
        (event.quad, event.intensity) = triggers::class_of(partner_type);
    }
}

/// The actors that `ids` act for at the top.
fn side<'a>(actors: &'a [Actor], ids: &'a [String]) -> Vec<&'a str> {
    ids.iter().map(|id| top(actors, id)).collect()
}

/// The actor an id acts for at the top ("bundeswehr" → "germany").
fn top<'a>(actors: &'a [Actor], id: &'a str) -> &'a str {
    let mut current = id;
    for _ in 0..actors.len() {
        let parent = actors.iter().find(|a| a.id == current).and_then(|a| a.member_of.as_deref());
        match parent {
            Some(parent) if parent != current => current = parent,
            _ => break,
        }
    }
    current
}
