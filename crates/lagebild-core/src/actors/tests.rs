//! Recognition tests on short German and English passages.

use super::*;
use crate::sentences;

fn recognise_text(text: &str, language: Language) -> Recognised {
    recognise(text, &sentences::split(text, language), language)
}

fn ids(r: &Recognised) -> Vec<&str> {
    r.actors.iter().map(|a| a.id.as_str()).collect()
}

#[test]
fn german_forms_resolve_to_one_actor() {
    let r = recognise_text(
        "Nordkoreas Truppen kämpfen für Russland. Die nordkoreanischen Soldaten kamen aus Nordkorea.",
        Language::De,
    );
    let north_korea = r.actors.iter().find(|a| a.id == "north_korea").map(|a| a.mentions.len());
    assert_eq!(north_korea, Some(3));
    assert!(ids(&r).contains(&"russia"));
}

#[test]
fn a_capital_after_a_locative_is_a_place() {
    let r = recognise_text("Sie hatten sich in Pjöngjang getroffen.", Language::De);
    assert!(!ids(&r).contains(&"north_korea"), "{:?}", ids(&r));
    let r = recognise_text("Pjöngjang erklärte, es sei bereit.", Language::De);
    assert!(ids(&r).contains(&"north_korea"));
}

#[test]
fn people_by_role_get_their_affiliation() {
    let text = "UN-Generalsekretär Antonio Guterres warnte. Guterres sagte, es sei gefährlich.";
    let r = recognise_text(text, Language::De);
    let person = r.actors.iter().find(|a| a.kind == ActorKind::Person && a.name == "Antonio Guterres");
    let person = person.map(|p| (p.member_of.clone(), p.mentions.len()));
    assert_eq!(person, Some((Some("un".to_string()), 2)));
}

#[test]
fn surnames_count_after_the_full_name() {
    let r = recognise_text("Kim sagte nichts.", Language::De);
    assert!(!ids(&r).contains(&"kim_jong_un"));
    let r = recognise_text("Kim Jong-un reiste ab. Kim sagte nichts.", Language::De);
    let kim =
        r.actors.iter().find(|a| a.id == "kim_jong_un").map(|a| (a.mentions.len(), a.member_of.clone()));
    assert_eq!(kim, Some((2, Some("north_korea".to_string()))));
}

#[test]
fn slugs_are_stable_ids() {
    assert_eq!(people::slug("António Guterres"), "antonio_guterres");
    assert_eq!(people::slug("Steffen Hebestreit"), "steffen_hebestreit");
    assert_eq!(people::slug("Recep Tayyip Erdoğan"), "recep_tayyip_erdogan");
}

#[test]
fn a_role_can_name_its_country_before_the_name() {
    let r = recognise_text("US Ambassador to Germany Richard Grenell said it was right.", Language::En);
    let person = r.actors.iter().find(|a| a.name == "Richard Grenell").map(|a| a.member_of.clone());
    assert_eq!(person, Some(Some("united_states".to_string())));
    let r = recognise_text("Der Sondergesandte der Arabischen Liga Karim Haddad warnte.", Language::De);
    let person = r.actors.iter().find(|a| a.name == "Karim Haddad").map(|a| a.member_of.clone());
    assert_eq!(person, Some(Some("arab_league".to_string())));
}

#[test]
fn unknown_organisations_by_their_head_noun() {
    let r = recognise_text("The Federal Aviation Office of Germany has suspended the permit.", Language::En);
    let office =
        r.actors.iter().find(|a| a.name == "Federal Aviation Office").map(|a| (a.kind, a.member_of.clone()));
    assert_eq!(office, Some((ActorKind::Organization, Some("germany".to_string()))));
    let r = recognise_text(
        "Die georgische Wahlkommission wies das zurück. Ihrer Gruppe gehört er an.",
        Language::De,
    );
    let names: Vec<(&str, Option<&str>)> = r
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Organization)
        .map(|a| (a.name.as_str(), a.member_of.as_deref()))
        .collect();
    assert_eq!(names, [("Wahlkommission", Some("georgia"))]);
}

#[test]
fn a_name_with_its_role_after_a_comma() {
    let r = recognise_text(
        "The Taliban met on Monday with Zalmay Khalilzad, a US peace envoy, in Qatar.",
        Language::En,
    );
    let envoy = r.actors.iter().find(|a| a.name == "Zalmay Khalilzad").map(|a| a.member_of.clone());
    assert_eq!(envoy, Some(Some("united_states".to_string())));
}

#[test]
fn a_government_is_its_state_and_a_junta_acts_for_it() {
    let r = recognise_text(
        "Die Bundesregierung kritisierte die malische Regierung. Die malische Militärjunta schwieg.",
        Language::De,
    );
    assert_eq!(ids(&r), ["germany", "mali", "mali_junta"]);
    let junta = r.actors.iter().find(|a| a.id == "mali_junta").and_then(|a| a.member_of.clone());
    assert_eq!(junta.as_deref(), Some("mali"));
    let r = recognise_text("The Malian government expelled the French ambassador.", Language::En);
    assert!(ids(&r).contains(&"mali"), "{:?}", ids(&r));
}

#[test]
fn a_shorter_form_is_taken_when_the_longest_ends_inside_a_word() {
    let r = recognise_text("Der nordkoreanische Truppenaufmarsch ist gefährlich.", Language::De);
    assert_eq!(ids(&r), ["north_korea"]);
}

#[test]
fn an_organisation_named_after_a_common_noun() {
    let r = recognise_text(
        "Die georgische Partei „Neue Rechte“ verlangt den Rücktritt. Die Söldnertruppe Wagner kämpft.",
        Language::De,
    );
    assert!(ids(&r).contains(&"neue_rechte") && ids(&r).contains(&"wagner"), "{:?}", ids(&r));
    let r = recognise_text("The news network RTHK withdrew its reporters.", Language::En);
    assert_eq!(ids(&r), ["rthk"]);
}

#[test]
fn a_compound_of_an_actor_and_its_forces_names_the_actor() {
    let r =
        recognise_text("Rund 1200 Bundeswehrsoldaten sind in Mali. Natotruppen kamen hinzu.", Language::De);
    assert!(ids(&r).contains(&"bundeswehr") && ids(&r).contains(&"nato"), "{:?}", ids(&r));
}

#[test]
fn an_introduced_or_generic_name_counts_again_later() {
    let r = recognise_text(
        "Die Partei „Neue Rechte“ tagte. Später forderte die „Neue Rechte“ Neuwahlen. Germany banned \
         Mahan Air. Mahan denied it.",
        Language::De,
    );
    let mentions = |id: &str| r.actors.iter().find(|a| a.id == id).map(|a| a.mentions.len());
    assert_eq!(mentions("neue_rechte"), Some(2));
    let r = recognise_text("Germany banned Mahan Air. Later Mahan denied it.", Language::En);
    assert_eq!(r.actors.iter().find(|a| a.id == "mahan_air").map(|a| a.mentions.len()), Some(2));
}

#[test]
fn a_noun_of_rule_before_a_state_or_its_seat_names_its_government() {
    let r = recognise_text(
        "Die Regierung in Kiew widersprach. Es gab Streit mit den Militärmachthabern in Mali.",
        Language::De,
    );
    assert_eq!(ids(&r), ["ukraine", "mali_junta", "mali"]);
    let r = recognise_text("The government of Mali expelled the envoy.", Language::En);
    assert_eq!(ids(&r), ["mali"]);
}

#[test]
fn a_group_opening_a_sentence_or_headline_is_found() {
    let r = recognise_text("Police shoot teenage protester as demonstrations continue.", Language::En);
    assert_eq!(ids(&r), ["police", "protesters"]);
}
