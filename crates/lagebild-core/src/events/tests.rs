//! Event extraction on single sentences: roles, passive, nouns, coordination,
//! dates and modality.

use crate::model::{EventType, Language, Modality};
use crate::pipeline::{analyse_text, Options};

/// What a test checks of an event: type, sources, targets, date, modality.
type Summary = (EventType, Vec<String>, Vec<String>, Option<String>, Modality);

/// The summary of every event in `text`.
fn events(text: &str, language: Language) -> Vec<Summary> {
    let options =
        Options { published: chrono::NaiveDate::from_ymd_opt(2024, 11, 21), language: Some(language) };
    let briefing = analyse_text(text, &options).unwrap_or_else(|e| panic!("{e}"));
    briefing.events.into_iter().map(|e| (e.event_type, e.sources, e.targets, e.when, e.modality)).collect()
}

fn s(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|i| i.to_string()).collect()
}

#[test]
fn german_inverted_subject_and_adjectival_target() {
    let got = events(
        "Am 24. Oktober kritisierte die Europäische Union die Stationierung nordkoreanischer Truppen.",
        Language::De,
    );
    assert_eq!(
        got,
        [(
            EventType::Disapprove,
            s(&["eu"]),
            s(&["north_korea"]),
            Some("2024-10-24".into()),
            Modality::Asserted
        )]
    );
}

#[test]
fn german_verb_final_relative_clause() {
    let got =
        events("Sie sahen die Raketen, die Nordkorea Russland zur Verfügung gestellt hatte.", Language::De);
    assert_eq!(got, [(EventType::Aid, s(&["north_korea"]), s(&["russia"]), None, Modality::Asserted)]);
}

#[test]
fn german_noun_with_adjectival_agent_and_prepositional_target() {
    let got = events(
        "Im August brachte der ukrainische Angriff auf russisches Gebiet Russland in Not.",
        Language::De,
    );
    assert!(
        got.iter().any(|e| e.0 == EventType::Assault && e.1 == s(&["ukraine"]) && e.2 == s(&["russia"])),
        "{got:?}"
    );
}

#[test]
fn english_passive_takes_the_agent_as_source() {
    let got = events("On Monday, Kyiv was attacked by Russia.", Language::En);
    assert_eq!(
        got,
        [(
            EventType::Assault,
            s(&["russia"]),
            s(&["ukraine"]),
            Some("2024-11-18".into()),
            Modality::Asserted
        )]
    );
}

#[test]
fn coordination_and_mutual_acts() {
    let got =
        events("Two days later, the United States, Japan and South Korea criticised Russia.", Language::En);
    assert_eq!(got[0].1, s(&["united_states", "japan", "south_korea"]));
    let got = events("Russland und Nordkorea unterzeichneten im Juni einen Vertrag.", Language::De);
    assert_eq!(
        got,
        [(EventType::Agree, s(&["russia"]), s(&["north_korea"]), Some("2024-06".into()), Modality::Asserted)]
    );
}

#[test]
fn modality_flags_hedged_and_negated_events() {
    let got = events("Russland könnte die Ukraine angreifen.", Language::De);
    assert_eq!(got[0].4, Modality::Speculative);
    let got = events("Russia did not attack Ukraine.", Language::En);
    assert_eq!(got[0].4, Modality::Negated);
}

#[test]
fn the_same_event_told_twice_is_one_event() {
    let got = events("Russland griff die Ukraine an. Russland griff die Ukraine an.", Language::De);
    assert_eq!(got.len(), 1);
}

#[test]
fn force_used_in_a_state_is_aimed_at_it() {
    let got = events("Im März flogen russische Kampfjets Luftangriffe in Syrien.", Language::De);
    assert!(
        got.iter().any(|e| e.0 == EventType::Assault && e.1 == s(&["russia"]) && e.2 == s(&["syria"])),
        "{got:?}"
    );
}

#[test]
fn actor_names_do_not_part_a_verb_from_its_object() {
    let got = events(
        "Zwei Tage später kritisierten die USA, Japan und Südkorea die Zusammenarbeit zwischen Pjöngjang und Moskau.",
        Language::De,
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, EventType::Disapprove);
    assert_eq!(got[0].1, s(&["united_states", "japan", "south_korea"]));
    assert_eq!(got[0].2, s(&["north_korea", "russia"]));
}
