//! Acts named again: a definite noun without participants of its own ("der
//! lokale Konflikt, der mit der Invasion in der Ukraine begann") is the act
//! told earlier in the article with its participants ("die Invasion
//! Russlands", "Russia's invasion of Ukraine"), so it takes theirs.

use crate::model::EventType;

/// An act named by a noun, with who took part in it.
struct Told {
    event_type: EventType,
    word: String,
    sources: Vec<String>,
    targets: Vec<String>,
}

/// The acts an article has named by nouns so far, in the order told.
#[derive(Default)]
pub(super) struct ToldActs {
    acts: Vec<Told>,
}

/// The shortest noun that may stand for an act told before: shorter words
/// are too often the start of another one.
const MIN_WORD_BYTES: usize = 4;

/// How many letters of inflection two namings of one act may differ by
/// ("Invasion", "Invasionen"; "Angriff", "Angriffs").
const MAX_INFLECTION_BYTES: usize = 3;

impl ToldActs {
    /// Remembers an act named by the noun `trigger`, when someone is known to
    /// have carried it out.
    pub fn remember(&mut self, event_type: EventType, trigger: &str, sources: &[String], targets: &[String]) {
        if sources.is_empty() {
            return;
        }
        self.acts.push(Told {
            event_type,
            word: trigger.to_lowercase(),
            sources: sources.to_vec(),
            targets: targets.to_vec(),
        });
    }

    /// The sources and targets of the latest act of this type named by the
    /// same noun.
    pub fn participants(&self, event_type: EventType, trigger: &str) -> Option<(&[String], &[String])> {
        let word = trigger.to_lowercase();
        self.acts
            .iter()
            .rev()
            .find(|told| told.event_type == event_type && same_noun(&told.word, &word))
            .map(|told| (told.sources.as_slice(), told.targets.as_slice()))
    }
}

/// Whether two lower-case nouns are inflections of one word.
fn same_noun(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= MIN_WORD_BYTES
        && long.starts_with(short)
        && long.len() - short.len() <= MAX_INFLECTION_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_latest_act_of_the_same_noun_and_type_is_found() {
        let mut told = ToldActs::default();
        told.remember(EventType::Fight, "Invasion", &ids(&["russia"]), &ids(&["ukraine"]));
        told.remember(EventType::Fight, "Invasion", &ids(&["iraq"]), &ids(&["kuwait"]));
        told.remember(EventType::Assault, "Angriff", &ids(&["ukraine"]), &[]);
        let (sources, targets) = told.participants(EventType::Fight, "Invasionen").unwrap_or_default();
        assert_eq!((sources, targets), (&ids(&["iraq"])[..], &ids(&["kuwait"])[..]));
        assert!(told.participants(EventType::Fight, "Angriff").is_none());
        assert!(told.participants(EventType::Assault, "Angriffe").is_some());
        assert!(told.participants(EventType::Assault, "Angriffswelle").is_none());
    }

    #[test]
    fn an_act_without_a_known_actor_is_not_remembered() {
        let mut told = ToldActs::default();
        told.remember(EventType::Fight, "Invasion", &[], &ids(&["ukraine"]));
        assert!(told.participants(EventType::Fight, "Invasion").is_none());
    }
}
