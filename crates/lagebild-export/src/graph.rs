//! The actor network of a dossier as the figure draws it: who is linked to
//! whom by how many cooperative and conflictual events, regardless of
//! direction. The directed relations themselves are the dossier's
//! (`Dossier::relations`); the GraphML and GEXF exports write those.

use crate::palette::Polarity;
use lagebild_core::dossier::Dossier;
use lagebild_core::QuadCounts;
use std::collections::BTreeSet;

/// Two actors and the events between them, in either direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// One actor's id.
    pub a: String,
    /// The other actor's id.
    pub b: String,
    /// How many cooperative events link them.
    pub cooperation: usize,
    /// How many conflictual events link them.
    pub conflict: usize,
}

impl Pair {
    /// All events between the two.
    pub fn events(&self) -> usize {
        self.cooperation + self.conflict
    }
}

/// What a directed relation mostly is: cooperation or conflict, or neither
/// (`None`) when its cooperative and conflictual events are as many.
pub fn relation_polarity(counts: &QuadCounts) -> Option<Polarity> {
    let cooperation = counts.verbal_cooperation + counts.material_cooperation;
    let conflict = counts.verbal_conflict + counts.material_conflict;
    match cooperation.cmp(&conflict) {
        std::cmp::Ordering::Greater => Some(Polarity::Cooperation),
        std::cmp::Ordering::Less => Some(Polarity::Conflict),
        std::cmp::Ordering::Equal => None,
    }
}

/// The name the exports write for a relation's polarity.
pub fn polarity_code(polarity: Option<Polarity>) -> &'static str {
    match polarity {
        Some(Polarity::Cooperation) => "cooperation",
        Some(Polarity::Conflict) => "conflict",
        None => "mixed",
    }
}

/// How many events stand behind a directed relation.
pub fn relation_events(counts: &QuadCounts) -> u32 {
    counts.verbal_cooperation
        + counts.material_cooperation
        + counts.verbal_conflict
        + counts.material_conflict
}

/// The polarity of a dossier event, by id.
pub fn polarity_of(dossier: &Dossier, event: &str) -> Option<Polarity> {
    dossier.events.iter().find(|e| e.id == event).map(|e| Polarity::of(e.quad))
}

/// The undirected pairs of the dossier's relations, in order of first
/// relation; a mutual event, which stands in both directions, counts once.
pub fn pairs(dossier: &Dossier) -> Vec<Pair> {
    let mut keys: Vec<(String, String)> = Vec::new();
    let mut events: Vec<BTreeSet<&str>> = Vec::new();
    for relation in &dossier.relations {
        let key = if relation.source <= relation.target {
            (relation.source.clone(), relation.target.clone())
        } else {
            (relation.target.clone(), relation.source.clone())
        };
        let at = match keys.iter().position(|k| *k == key) {
            Some(at) => at,
            None => {
                keys.push(key);
                events.push(BTreeSet::new());
                keys.len() - 1
            }
        };
        events[at].extend(relation.events.iter().map(String::as_str));
    }
    keys.into_iter()
        .zip(events)
        .map(|((a, b), ids)| {
            let polarities: Vec<Polarity> = ids.iter().filter_map(|id| polarity_of(dossier, id)).collect();
            let cooperation = polarities.iter().filter(|p| **p == Polarity::Cooperation).count();
            Pair { a, b, cooperation, conflict: polarities.len() - cooperation }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dossier::dossier_of;
    use lagebild_core::EventType;

    #[test]
    fn pairs_count_each_event_once_in_either_direction() {
        let dossier = dossier_of(&[
            ("e1", "2024-06-19", "a", "b", EventType::Consult),
            ("e2", "2024-06-20", "b", "a", EventType::Accuse),
            ("e3", "2024-06-21", "a", "c", EventType::Assault),
        ]);
        let found = pairs(&dossier);
        let got: Vec<(&str, &str, usize, usize)> =
            found.iter().map(|p| (p.a.as_str(), p.b.as_str(), p.cooperation, p.conflict)).collect();
        assert_eq!(got, [("a", "b", 1, 1), ("a", "c", 0, 1)]);
    }
}
