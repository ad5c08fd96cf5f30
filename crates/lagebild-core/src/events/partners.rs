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

/// Who has used force against whom, each side as the actor it acts for at
/// the top: (source, target) pairs.
pub(super) struct Hostilities(Vec<(String, String)>);

impl Hostilities {
    /// The hostilities `told` (the events of the article up to and
    /// including the sentence at hand) show.
    pub fn among<'e>(told: impl Iterator<Item = &'e Event>, actors: &[Actor]) -> Hostilities {
        let mut pairs = Vec::new();
        for e in told.filter(|e| FORCE.contains(&e.event_type)) {
            for source in side(actors, &e.sources) {
                for target in side(actors, &e.targets) {
                    pairs.push((source.to_string(), target.to_string()));
                }
            }
        }
        Hostilities(pairs)
    }

    fn between(&self, sources: &[&str], targets: &[&str]) -> bool {
        self.0.iter().any(|(s, t)| sources.contains(&s.as_str()) && targets.contains(&t.as_str()))
    }
}

/// Gives `event` the type `partner_type` unless `hostilities` show its
/// source using force against its target. The new type is never one of
/// force, so retyping leaves the hostilities as they are.
pub(super) fn retype(
    event: &mut Event,
    partner_type: EventType,
    hostilities: &Hostilities,
    actors: &[Actor],
) {
    if event.targets.is_empty() || event.sources.is_empty() {
        return;
    }
    if !hostilities.between(&side(actors, &event.sources), &side(actors, &event.targets)) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn no_trigger_turns_into_force_among_partners() {
        // `retype` relies on it: hostilities read once per sentence stay true.
        for language in [Language::De, Language::En] {
            for entry in triggers::entries(language) {
                assert!(entry.among_partners.is_none_or(|t| !FORCE.contains(&t)), "{entry:?}");
            }
        }
    }
}
