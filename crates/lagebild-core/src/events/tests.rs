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

/// Whether one of `got` is a `kind` event of exactly these sources and targets.
fn has(got: &[Summary], kind: EventType, sources: &[&str], targets: &[&str]) -> bool {
    got.iter().any(|e| e.0 == kind && e.1 == s(sources) && e.2 == s(targets))
}

/// Checks that each text gives a `kind` event of these sources and targets.
fn each_gives(texts: &[(&str, Language)], kind: EventType, sources: &[&str], targets: &[&str]) {
    for &(text, language) in texts {
        let got = events(text, language);
        assert!(has(&got, kind, sources, targets), "{text}: {got:?}");
    }
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

#[test]
fn a_speaker_disapproves_of_the_conflict_they_report() {
    let got = events(
        "Am 3. November hatte UN-Generalsekretär Antonio Guterres betont, dass der nordkoreanische \
         Truppenaufmarsch eine gefährliche Eskalation darstelle.",
        Language::De,
    );
    let said: Vec<_> = got.iter().filter(|e| e.0 == EventType::Disapprove).collect();
    assert_eq!(said.len(), 1, "{got:?}");
    assert_eq!((&said[0].1, &said[0].2), (&s(&["antonio_guterres"]), &s(&["north_korea"])));
    assert_eq!(said[0].3.as_deref(), Some("2024-11-03"));
}

#[test]
fn saying_something_peaceful_or_without_a_speaker_is_no_event() {
    let calm = events("Scholz sagte, Deutschland und Frankreich würden zusammenarbeiten.", Language::De);
    assert!(calm.iter().all(|e| e.0 != EventType::Disapprove), "{calm:?}");
    let nobody = events("Observers said Ukraine could soon fight North Korean units.", Language::En);
    assert!(nobody.iter().all(|e| e.0 != EventType::Disapprove), "{nobody:?}");
}

#[test]
fn a_truncated_compound_does_not_end_the_clause() {
    let got = events(
        "Bis dahin hatte Nordkorea die Invasion Russlands durch Waffen- und Munitionslieferungen unterstützt.",
        Language::De,
    );
    assert!(got.iter().any(|e| e.1 == s(&["north_korea"]) && e.2 == s(&["russia"])), "{got:?}");
}

#[test]
fn the_sources_own_state_is_not_its_target() {
    let got = events("US President Donald Trump withdrew the US from the treaty with Iran.", Language::En);
    assert_eq!(got[0].1, s(&["donald_trump"]));
    assert_eq!(got[0].2, s(&["iran"]));
}

#[test]
fn an_adjective_before_a_named_actor_only_qualifies_it() {
    let got = events(
        "Die malische Militärjunta hat mit der russischen Söldnertruppe Wagner zusammengearbeitet.",
        Language::De,
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((&got[0].1, &got[0].2), (&s(&["mali_junta"]), &s(&["wagner"])));
}

#[test]
fn a_withdrawal_targets_the_state_it_leaves() {
    let got = events("Bis Mai 2024 soll der Abzug der Bundeswehr aus Mali abgeschlossen sein.", Language::De);
    // Mali is no enemy here, so the withdrawal reduces help (see `partners`).
    assert!(got.iter().any(|e| e.0 == EventType::Sanction && e.2 == s(&["mali"])), "{got:?}");
}

#[test]
fn an_attributive_participle_is_no_act() {
    let got = events("The EU sanctioned Iran over alleged plots against dissidents.", Language::En);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0, &got[0].1, &got[0].2), (EventType::Sanction, &s(&["eu"]), &s(&["iran"])));
}

#[test]
fn the_main_clause_after_a_subordinate_one_has_its_own_subject() {
    let got = events(
        "Während sich die Opposition bisher zurückgehalten hat, fordert die Ukraine seit gestern den \
         Rücktritt von Wladimir Putin.",
        Language::De,
    );
    let demand: Vec<_> = got.iter().filter(|e| e.0 == EventType::Demand).collect();
    assert_eq!(demand.len(), 1, "{got:?}");
    assert_eq!((&demand[0].1, &demand[0].2), (&s(&["ukraine"]), &s(&["vladimir_putin"])));
}

#[test]
fn an_english_word_after_a_possessive_is_a_noun() {
    // "attack" after "Monday's" is the reported attack, not Reuters attacking.
    let got = events("Reuters reported Monday's attack by the Taliban.", Language::En);
    assert!(got.iter().all(|e| !e.1.contains(&"reuters".to_string())), "{got:?}");
}

#[test]
fn a_serial_comma_keeps_a_list_of_names_together() {
    let got =
        events("Deutsche Bahn, Deutsche Telekom, Daimler, and Siemens pulled out of Iran.", Language::En);
    assert_eq!(got[0].1, s(&["deutsche_bahn", "deutsche_telekom", "siemens"]));
    assert_eq!(got[0].2, s(&["iran"]));
}

#[test]
fn a_deployment_without_a_destination_goes_to_the_articles_theatre() {
    let got = events(
        "Die Bundeswehr ist seit 2013 in Mali. Die Lage in Mali ist gefährlich. Frankreich hat seinen Einsatz beendet.",
        Language::De,
    );
    assert!(got.iter().any(|e| e.1 == s(&["france"]) && e.2 == s(&["mali"])), "{got:?}");
    // The theatre is no target of its own forces.
    assert!(got.iter().all(|e| !(e.1 == s(&["bundeswehr"]) && e.2 == s(&["germany"]))), "{got:?}");
}

#[test]
fn what_a_meeting_was_about_does_not_meet_in_turn() {
    let got = events(
        "NATO ambassadors met in emergency session today to discuss tension between Greece and Turkey.",
        Language::En,
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, s(&["nato"]));
    let met_with = crate::pipeline::analyse_text(
        "The Taliban met on Monday with Zalmay Khalilzad in Qatar.",
        &crate::pipeline::Options { published: None, language: Some(Language::En) },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(met_with.events.iter().any(|e| e.mutual), "{:?}", met_with.events);
}

#[test]
fn an_act_named_as_a_time_is_not_the_subjects() {
    let got = events(
        "Die US-Regierung hatte Georgien nach dem kurzen Krieg mit Russland als Demokratie bezeichnet.",
        Language::De,
    );
    assert!(
        got.iter().all(|e| !e.1.contains(&"united_states".to_string()) || e.0 != EventType::Fight),
        "{got:?}"
    );
}

#[test]
fn a_bracketed_aside_does_not_cut_the_clause_it_interrupts() {
    let got = events(
        "Die Gruppe der Acht führenden Industrienationen (G8) schloss am 24. März Russland aus ihrer Gruppe aus.",
        Language::De,
    );
    assert!(
        got.iter().any(|e| e.0 == EventType::Sanction && e.1 == s(&["g8"]) && e.2 == s(&["russia"])),
        "{got:?}"
    );
    // What the brackets hold is still a clause of its own.
    let got = events("Russland (das die Ukraine angriff) traf sich mit China.", Language::De);
    assert!(got.iter().any(|e| e.0 == EventType::Consult && e.1.contains(&"russia".to_string())), "{got:?}");
    assert!(!got.iter().any(|e| e.2.contains(&"china".to_string()) && e.0 == EventType::Fight), "{got:?}");
}

#[test]
fn a_denied_recognition_is_a_rejection_by_everyone_listed() {
    let got = events(
        "Weder die G8, noch die EU oder die Ukraine erkennen die Annexion durch Russland an.",
        Language::De,
    );
    assert!(
        got.iter().any(|e| e.0 == EventType::Reject
            && e.1 == s(&["g8", "eu", "ukraine"])
            && e.4 == Modality::Asserted),
        "{got:?}"
    );
    let got = events("Serbia did not recognise Kosovo.", Language::En);
    assert_eq!(got, [(EventType::Reject, s(&["serbia"]), s(&["kosovo"]), None, Modality::Asserted)]);
    // A denial of another act stays a negated act.
    let got = events("Russland griff die Ukraine nicht an.", Language::De);
    assert!(got.iter().all(|e| e.4 == Modality::Negated), "{got:?}");
}

#[test]
fn a_reaction_to_this_development_targets_who_acted_before() {
    let got = events(
        "Am 18. März annektierte Russland die Krim. Weder die EU noch die Ukraine erkennen diese Entwicklung an.",
        Language::De,
    );
    assert!(
        got.iter().any(|e| e.0 == EventType::Reject && e.1 == s(&["eu", "ukraine"]) && e.2 == s(&["russia"])),
        "{got:?}"
    );
    let got = events("Iran seized a tanker. Britain condemned the move on Friday.", Language::En);
    assert!(got.iter().any(|e| e.1 == s(&["united_kingdom"]) && e.2 == s(&["iran"])), "{got:?}");
    // Too far back, the act is no longer what "the move" names.
    let got = events(
        "Iran seized a tanker. It was sunny. The port was busy. Ships waited. Britain condemned the move.",
        Language::En,
    );
    assert!(got.iter().all(|e| !e.2.contains(&"iran".to_string())), "{got:?}");
}

#[test]
fn a_german_verb_in_second_place_is_not_clause_final() {
    // Both named before the verb act together; neither is the other's target.
    let got = events(
        "Der SPD-Vorsitzende Franz Müntefering und Brandenburgs Ministerpräsident Matthias Platzeck \
         schlossen am Montag eine Koalition mit der Linkspartei aus.",
        Language::De,
    );
    assert!(got.iter().all(|e| e.2.is_empty()), "{got:?}");
    let got =
        events("Sie sahen die Raketen, die Nordkorea Russland zur Verfügung gestellt hatte.", Language::De);
    assert_eq!(got, [(EventType::Aid, s(&["north_korea"]), s(&["russia"]), None, Modality::Asserted)]);
}

#[test]
fn an_act_named_again_takes_the_participants_of_its_first_telling() {
    let got = events(
        "Bis dahin hatte Nordkorea die Invasion Russlands unterstützt. Der Konflikt, der mit der Invasion in der Ukraine \
         begonnen hat, wird global.",
        Language::De,
    );
    assert!(
        got.iter().any(|e| e.0 == EventType::Fight && e.1 == s(&["russia"]) && e.2 == s(&["ukraine"])),
        "{got:?}"
    );
    // Without an earlier telling nobody is guessed.
    let got = events("Der Konflikt, der mit der Invasion begonnen hat, wird global.", Language::De);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn the_parties_of_a_mutual_noun_follow_between() {
    let got = events(
        "Zuletzt hatte es wiederholt Streit zwischen den Militärmachthabern in Mali und der UN-Mission MINUSMA gegeben.",
        Language::De,
    );
    assert!(
        got.iter()
            .any(|e| e.0 == EventType::Disapprove && e.1 == s(&["mali_junta"]) && e.2 == s(&["minusma"])),
        "{got:?}"
    );
}

#[test]
fn troops_in_a_partners_country_help_it_and_their_withdrawal_reduces_that_help() {
    let got = events(
        "Die Bundeswehr ist seit 2013 in Mali im Einsatz. Deutschland kündigte den Abzug aus Mali an.",
        Language::De,
    );
    assert!(got.iter().any(|e| e.0 == EventType::Aid && e.2 == s(&["mali"])), "{got:?}");
    assert!(got.iter().any(|e| e.0 == EventType::Sanction && e.2 == s(&["mali"])), "{got:?}");
    // Against a state it attacked, a withdrawal is a retreat.
    let got = events(
        "Russia attacked Ukraine in February. In April Russia withdrew its troops from Ukraine.",
        Language::En,
    );
    assert!(got.iter().any(|e| e.0 == EventType::Retreat && e.2 == s(&["ukraine"])), "{got:?}");
    assert!(got.iter().all(|e| e.0 != EventType::Sanction), "{got:?}");
}

#[test]
fn a_coordinated_clause_without_a_subject_shares_the_one_before() {
    let got = events(
        "Die Bundeswehr ist in Mali stationiert. Die Bundesregierung will den Einsatz deutscher Soldaten im \
         westafrikanischen Mali zunächst fortsetzen, aber im Sommer 2023 mit dem Abzug beginnen.",
        Language::De,
    );
    assert!(
        got.iter().any(|e| e.0 == EventType::Sanction && e.1 == s(&["germany"]) && e.2 == s(&["mali"])),
        "{got:?}"
    );
    // A subordinate clause does not share it.
    let got = events("Deutschland blieb in Mali, während der Abzug aus Niger begann.", Language::De);
    assert!(got.iter().all(|e| !(e.2 == s(&["niger"]) && e.1 == s(&["germany"]))), "{got:?}");
}

#[test]
fn an_opening_prepositional_phrase_ends_at_its_comma() {
    let got = events(
        "With the US encouraging companies to cease trading in Iran, German firms including Deutsche Bahn and \
         Siemens have announced plans to pull out of Iran.",
        Language::En,
    );
    assert!(
        got.iter().all(|e| !(e.1.contains(&"deutsche_bahn".to_string()) && e.0 == EventType::Request)),
        "{got:?}"
    );
    assert!(got.iter().any(|e| e.1 == s(&["deutsche_bahn", "siemens"]) && e.2 == s(&["iran"])), "{got:?}");
}

#[test]
fn an_actor_after_an_english_verb_is_its_object_not_its_subject() {
    let got = events("Tribal elders have demanded the resignation of the Nigerian president.", Language::En);
    assert!(got.iter().all(|e| !e.1.contains(&"nigeria".to_string())), "{got:?}");
    // German puts the subject after the verb when a time comes first.
    let got = events("Am Montag griff Russland die Ukraine an.", Language::De);
    assert!(got.iter().any(|e| e.1 == s(&["russia"]) && e.2 == s(&["ukraine"])), "{got:?}");
}

#[test]
fn a_claim_of_responsibility_names_who_carried_out_the_act() {
    let got = events(
        "A car bombing killed five soldiers in Afghanistan on Monday. The Taliban have claimed responsibility.",
        Language::En,
    );
    assert!(
        got.iter().any(|e| e.0 == EventType::Assault && e.1 == s(&["taliban"]) && e.2 == s(&["afghanistan"])),
        "{got:?}"
    );
    let got = events(
        "Am Montag wurde eine Kaserne in Mali angegriffen. Zu dem Anschlag bekannte sich die Terrormiliz Islamischer \
         Staat.",
        Language::De,
    );
    assert!(got.iter().any(|e| e.1 == s(&["isis"]) && e.2 == s(&["mali"])), "{got:?}");
    let got = events(
        "Two bombings killed 20 people in the Philippines on Sunday. The Islamic State, which is linked to the Abu \
         Sayyaf Group, claimed responsibility.",
        Language::En,
    );
    assert!(got.iter().any(|e| e.1 == s(&["isis"]) && e.2 == s(&["philippines"])), "{got:?}");
    // Far from the act, a claim is of the act the article leads with.
    let got = events(
        "A car bombing killed five soldiers in Afghanistan on Monday. Officials counted the dead. The base was \
         closed. Roads were blocked. The Taliban have claimed responsibility.",
        Language::En,
    );
    assert!(got.iter().any(|e| e.1 == s(&["taliban"]) && e.2 == s(&["afghanistan"])), "{got:?}");
    // Without an act told before, a claim is no event of its own.
    assert!(events("The Taliban have claimed responsibility.", Language::En).is_empty());
}

#[test]
fn an_announced_act_is_the_announcers_own() {
    let got = events("The European Union announced new sanctions against Russia.", Language::En);
    assert_eq!(got, [(EventType::Sanction, s(&["eu"]), s(&["russia"]), None, Modality::Reported)]);
    // Far from the announcing word, or after a word that only reports,
    // the act is not the speaker's.
    let far = events(
        "The European Union announced that it would study in the coming months whether sanctions against Russia work.",
        Language::En,
    );
    assert!(far.iter().all(|e| e.0 != EventType::Sanction || e.1.is_empty()), "{far:?}");
    let told = events("Reuters reported new sanctions against Russia.", Language::En);
    assert!(told.iter().all(|e| !e.1.contains(&"reuters".to_string())), "{told:?}");
}

#[test]
fn a_second_main_clause_brings_its_own_subject() {
    let got = events(
        "Frankreich beendete seinen Einsatz in Mali und Großbritannien kündigte einen Truppenabzug an.",
        Language::De,
    );
    assert!(got.iter().any(|e| e.0 == EventType::Retreat && e.1 == s(&["united_kingdom"])), "{got:?}");
    assert!(!got.iter().any(|e| e.0 == EventType::Retreat && e.1.contains(&"france".to_string())), "{got:?}");
    // Subjects joined by "and", without a word of a first clause between
    // them, are one subject.
    let joined =
        events("Satellite images show Belarus and Russia during a deployment of troops.", Language::En);
    assert!(joined.iter().any(|e| e.0 == EventType::Mobilize && e.1 == s(&["belarus"])), "{joined:?}");
    // Nor does a name that only continues a list of objects open a clause.
    let listed =
        events("Poland watched Belarus and Russia with concern during a deployment of troops.", Language::En);
    assert!(!listed.iter().any(|e| e.1 == s(&["russia"])), "{listed:?}");
}

#[test]
fn a_military_operation_against_a_state_is_force() {
    let texts = [
        ("Frankreich begann am Samstag eine Militäroperation gegen Libyen.", Language::De),
        ("Frankreich plant militärische Operationen gegen Libyen.", Language::De),
        ("France launched a military operation against Libya on Saturday.", Language::En),
    ];
    each_gives(&texts, EventType::Fight, &["france"], &["libya"]);
}

#[test]
fn the_preposition_before_a_title_governs_the_name_after_it() {
    // "with President Obama" is a partner, not the meeting's own agent.
    let met = events("Morocco held a meeting with President Obama.", Language::En);
    assert!(
        met.iter()
            .any(|e| e.0 == EventType::Consult && e.1 == s(&["morocco"]) && e.2 == s(&["barack_obama"])),
        "{met:?}"
    );
    // "by President Obama" is the agent of a passive.
    let criticised = events("Russia was criticised by President Obama.", Language::En);
    assert!(
        criticised.iter().any(|e| e.1 == s(&["barack_obama"]) && e.2 == s(&["russia"])),
        "{criticised:?}"
    );
    // After punctuation a title opens its own phrase: no preposition before it.
    let held = events(
        "He had been in office: Attorney General Eric Holder refused to turn over documents.",
        Language::En,
    );
    assert!(held.iter().any(|e| e.0 == EventType::Reject && e.1 == s(&["eric_holder"])), "{held:?}");
}

#[test]
fn a_german_participle_before_its_noun_takes_its_agent_with_von() {
    let got = events(
        "Nach einem von Präsident Putin unterstützten Referendum kam es zur Eingliederung der Krim.",
        Language::De,
    );
    assert!(got.iter().any(|e| e.0 == EventType::Support && e.1 == s(&["vladimir_putin"])), "{got:?}");
    // A participle that ends its clause is no adjective: "von" there names a place.
    let criticised = events(
        "Menschenrechtler haben die Zustände im Gefängnis von Brazzaville mehrmals kritisiert.",
        Language::De,
    );
    assert!(!criticised.iter().any(|e| e.1 == s(&["republic_of_congo"])), "{criticised:?}");
}

#[test]
fn an_act_between_two_parties_is_theirs_each_on_the_other() {
    // (type, sources, targets, mutual) of every event.
    let read = |text: &str, language| -> Vec<(EventType, Vec<String>, Vec<String>, bool)> {
        let options = Options { published: None, language: Some(language) };
        let briefing = analyse_text(text, &options).unwrap_or_else(|e| panic!("{e}"));
        briefing.events.into_iter().map(|e| (e.event_type, e.sources, e.targets, e.mutual)).collect()
    };
    let between = |got: &[(EventType, Vec<String>, Vec<String>, bool)], first: &str, second: &str| {
        got.iter().any(|e| e.0 == EventType::Fight && e.1 == s(&[first]) && e.2 == s(&[second]) && e.3)
    };
    // No agent at all.
    let fighting = read("Fighting between Armenia and Azerbaijan broke out.", Language::En);
    assert!(between(&fighting, "armenia", "azerbaijan"), "{fighting:?}");
    let kaempfe = read("Heftige Kämpfe zwischen Armenien und Aserbaidschan brachen aus.", Language::De);
    assert!(between(&kaempfe, "armenia", "azerbaijan"), "{kaempfe:?}");
    // "between" right after the act: the clause's subject is not its agent.
    let condemned = read("The United States condemned fighting between Sudan and South Sudan.", Language::En);
    assert!(between(&condemned, "sudan", "south_sudan"), "{condemned:?}");
    // An act with its own agent keeps it.
    let invasion = read("Russia's invasion between Ukraine and Belarus failed.", Language::En);
    assert!(invasion.iter().all(|e| e.1 == s(&["russia"]) && !e.3), "{invasion:?}");
    let attacked = read("The United States attacked positions between Sudan and South Sudan.", Language::En);
    assert!(
        attacked.iter().any(|e| e.0 == EventType::Assault && e.1 == s(&["united_states"]) && !e.3),
        "{attacked:?}"
    );
}

#[test]
fn a_telephone_call_is_a_consultation_in_english_as_in_german() {
    let texts = [
        ("Am Dienstag telefonierte Außenminister Sergei Lawrow mit Antony Blinken.", Language::De),
        ("On Tuesday Foreign Minister Sergei Lavrov telephoned Antony Blinken.", Language::En),
        ("On Tuesday Foreign Minister Sergei Lavrov held a phone call with Antony Blinken.", Language::En),
    ];
    each_gives(&texts, EventType::Consult, &["sergey_lavrov"], &["antony_blinken"]);
}

#[test]
fn a_demand_is_made_of_the_subject_of_its_content_clause() {
    let got = events("Frankreich forderte am Montag, dass Russland seine Truppen abzieht.", Language::De);
    assert!(has(&got, EventType::Demand, &["france"], &["russia"]), "{got:?}");
    // A name in the demand's own clause is its target; the content clause
    // is not read then.
    let own = events("Die EU forderte von Serbien, dass Ungarn die Grenze öffnet.", Language::De);
    assert!(own.iter().any(|e| e.0 == EventType::Demand && e.2 == s(&["serbia"])), "{own:?}");
    // Only a content clause counts, not any clause after the demand.
    let relative = events("Frankreich forderte Reformen, die Russland ablehnt.", Language::De);
    assert!(relative.iter().all(|e| e.0 != EventType::Demand || e.2.is_empty()), "{relative:?}");
}
