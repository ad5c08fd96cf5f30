//! Descriptions that refer back to a state, in German and English: with and
//! without a region, the window, ambiguity, idioms and generic uses.

use super::*;
use crate::actors::{recognise, Recognised};
use crate::model::Actor;
use crate::sentences;

fn recognise_text(text: &str, language: Language) -> Recognised {
    recognise(text, &sentences::split(text, language), language)
}

/// The text of every mention that is not in the text under its actor's
/// name, with the actor's id: what the descriptions added.
fn referred(text: &str, language: Language) -> Vec<(String, String)> {
    let r = recognise_text(text, language);
    let mut out = Vec::new();
    for m in &r.mentions {
        let Some(actor) = r.actors.get(m.actor) else { continue };
        let surface = text.get(m.span.0..m.span.1).unwrap_or("");
        if !named_by(actor, surface) {
            out.push((surface.to_string(), actor.id.clone()));
        }
    }
    out
}

fn named_by(actor: &Actor, surface: &str) -> bool {
    let surface = surface.to_lowercase();
    actor.aliases.iter().map(|a| a.to_lowercase()).any(|a| surface.starts_with(&a) || a.starts_with(&surface))
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(s, id)| (s.to_string(), id.to_string())).collect()
}

#[test]
fn german_cases_of_land_refer_to_the_state_named_before() {
    let got = referred(
        "Mali hat seit 2012 drei Militärputsche erlebt. Seit dem jüngsten Putsch wird das Land von \
         einer Übergangsregierung geführt. Die Lage des Landes ist ernst. Mit dem Land verhandelt \
         niemand. Im ganzen Land gibt es Proteste.",
        Language::De,
    );
    assert_eq!(
        got,
        pairs(&[("das Land", "mali"), ("des Landes", "mali"), ("dem Land", "mali"), ("ganzen Land", "mali")])
    );
}

#[test]
fn a_region_adjective_picks_the_state_of_that_region() {
    let got = referred(
        "Die Bundesregierung lobte Mali und Russland. Der westafrikanische Staat kündigte Wahlen an.",
        Language::De,
    );
    assert_eq!(got, pairs(&[("Der westafrikanische Staat", "mali")]));
    let got = referred(
        "With the US urging firms to stop trading in Iran, German firms have announced plans to pull \
         out of the Middle Eastern nation.",
        Language::En,
    );
    assert_eq!(got, pairs(&[("the Middle Eastern nation", "iran")]));
    let got = referred(
        "Germany banned Iranian airline Mahan Air from flying in the European nation.",
        Language::En,
    );
    assert_eq!(got, pairs(&[("the European nation", "germany")]));
}

#[test]
fn a_region_no_state_before_belongs_to_refers_to_nothing() {
    let got = referred("Russland verlegte Truppen. Der westafrikanische Staat protestierte.", Language::De);
    assert_eq!(got, pairs(&[]));
}

#[test]
fn compounds_and_kinds_narrow_the_state() {
    let got =
        referred("Katar und Iran sprachen miteinander. Der Golfstaat vermittelt seither.", Language::De);
    assert_eq!(got, pairs(&[("Der Golfstaat", "qatar")]));
    let got = referred("Japan and China held talks. The island nation then imposed tariffs.", Language::En);
    assert_eq!(got, pairs(&[("The island nation", "japan")]));
    let got = referred("Qatar and Iran held talks. The Gulf state will mediate.", Language::En);
    assert_eq!(got, pairs(&[("The Gulf state", "qatar")]));
    let got = referred("Israel and Iran traded threats. The Jewish state then struck.", Language::En);
    assert_eq!(got, pairs(&[("The Jewish state", "israel")]));
    let got = referred("Israel und Iran drohten einander. Der jüdische Staat griff an.", Language::De);
    assert_eq!(got, pairs(&[("Der jüdische Staat", "israel")]));
    let got = referred("Saudi Arabia and Iran resumed ties. The kingdom's envoy arrived.", Language::En);
    assert_eq!(got, pairs(&[("The kingdom", "saudi_arabia")]));
}

#[test]
fn english_descriptions_without_a_region() {
    let got = referred(
        "Fighting resumed in Sudan on Monday. The army said the country would hold elections. \
         Aid groups left the war-torn nation.",
        Language::En,
    );
    assert_eq!(got, pairs(&[("the country", "sudan"), ("the war-torn nation", "sudan")]));
}

#[test]
fn a_description_looks_back_three_sentences_or_to_the_articles_topic() {
    let within = referred("Mali wählt. Eins. Zwei. Das Land ist ruhig.", Language::De);
    assert_eq!(within, pairs(&[("Das Land", "mali")]));
    let beyond = referred("Mali wählt. Eins. Zwei. Drei. Das Land ist ruhig.", Language::De);
    assert_eq!(beyond, pairs(&[]));
    // Beyond the window, only the article's topic: a state mentioned three
    // times and more often than any other.
    let topic =
        referred("Mali wählt. Mali hofft. Mali bangt. Eins. Zwei. Drei. Das Land ist ruhig.", Language::De);
    assert_eq!(topic, pairs(&[("Das Land", "mali")]));
    let no_topic = referred(
        "Mali wählt. Mali hofft. Mali bangt. Niger, Niger und Niger auch. Eins. Zwei. Drei. Das Land ist ruhig.",
        Language::De,
    );
    assert_eq!(no_topic, pairs(&[]));
    assert_eq!(WINDOW, 3);
}

#[test]
fn two_states_named_alike_leave_the_description_ambiguous() {
    let got = referred("Russia and Ukraine met in Istanbul. The country wants peace.", Language::En);
    assert_eq!(got, pairs(&[]));
    let got = referred("Frankreich kritisierte Deutschland. Das Land reagierte nicht.", Language::De);
    assert_eq!(got, pairs(&[]));
}

#[test]
fn a_state_named_by_its_name_wins_over_one_named_by_an_adjective() {
    let got = referred(
        "Deutsche Soldaten sind seit 2013 in Mali. Die Mission soll das Land stabilisieren.",
        Language::De,
    );
    assert_eq!(got, pairs(&[("das Land", "mali")]));
}

#[test]
fn the_articles_topic_wins_and_its_own_sentence_comes_first() {
    let got = referred(
        "Mali wählt. Mali ist arm. Frankreich und Mali verhandeln. Das Land will Hilfe.",
        Language::De,
    );
    assert_eq!(got, pairs(&[("Das Land", "mali")]));
    let got = referred("Mali wählt. Mali ist arm. Frankreich sagte, das Land wolle helfen.", Language::De);
    assert_eq!(got, pairs(&[("das Land", "france")]));
}

#[test]
fn idioms_federal_states_and_names_in_apposition_are_left_alone() {
    for text in [
        "Mali ist arm. Viele Familien leben auf dem Land.",
        "Mali ist arm. Viele Familien leben auf dem flachen Land.",
        "Deutschland investiert. Das Land Berlin zahlt mit.",
        "Deutschland investiert. Bund und Länder einigten sich, das Land zahlt mit.",
        "Österreich investiert. In Kärnten wird gebaut. Die Strategie des Landes sieht das vor.",
        "China verfolgt Uiguren. Sie wollen die frühere Republik Ostturkestan wiederherstellen.",
    ] {
        assert_eq!(referred(text, Language::De), pairs(&[]), "{text}");
    }
}

#[test]
fn generic_and_other_uses_are_left_alone() {
    for text in [
        "Mali is poor. A country needs peace.",
        "Mali is poor. Every country needs peace.",
        "Mali is poor. Other nations sent aid.",
        "Mali is poor. The neighbouring country sent aid.",
        "Mali declared a state of emergency.",
        "Mali is poor. The state must help.",
        "Mali is poor. The Islamic State claimed the attack.",
        "Mali is poor. The country of origin matters.",
        "Mali ist arm. Länder wie Niger helfen.",
        "Mali ist arm. Ein anderes Land hilft.",
        "Mali ist arm. Das andere Land hilft.",
        "Mali ist arm. Der Staat muss helfen.",
        "Mali ist arm. Dieses Jahr wird besser.",
    ] {
        let language = if text.contains(" ist ") { Language::De } else { Language::En };
        assert_eq!(referred(text, language), pairs(&[]), "{text}");
    }
}

#[test]
fn a_description_adds_a_mention_but_no_alias_and_no_actor() {
    let text = "Mali hat gewählt. Das Land ist ruhig.";
    let r = recognise_text(text, Language::De);
    assert_eq!(r.actors.len(), 1);
    let mali = r.actors.iter().find(|a| a.id == "mali").map(|a| (a.mentions.len(), a.aliases.clone()));
    assert_eq!(mali, Some((2, vec!["Mali".to_string()])));
}

#[test]
fn a_description_after_a_locative_is_a_place() {
    let r = recognise_text(
        "Mali hat gewählt. Der Einsatz von Bodentruppen in dem Land ist ausgeschlossen.",
        Language::De,
    );
    let places: Vec<bool> = r.mentions.iter().map(|m| m.place).collect();
    assert_eq!(places, [false, true]);
}

#[test]
fn an_event_takes_the_described_state_as_its_target() {
    let options = crate::pipeline::Options {
        published: chrono::NaiveDate::from_ymd_opt(2024, 11, 21),
        language: Some(Language::En),
    };
    let briefing = crate::pipeline::analyse_text(
        "Mali expelled the French ambassador on Monday. On Tuesday, Russia pledged to send troops to the \
         African nation.",
        &options,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let to_mali = briefing.events.iter().any(|e| e.sources == ["russia"] && e.targets == ["mali"]);
    assert!(to_mali, "{:?}", briefing.events);
}
