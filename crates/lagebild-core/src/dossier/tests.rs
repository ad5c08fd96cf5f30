//! Tests of the dossier merge: one per rule of the module docs.

use super::*;
use crate::model::{Actor, Briefing, SCHEMA};

/// An event of `source` towards `target` on `when`; its sentence is the
/// whole text of the article it goes into.
fn event(id: &str, when: Option<&str>, source: &str, target: &str, event_type: EventType) -> Event {
    let precision = when.and_then(Period::parse).map(|p| p.precision);
    let (quad, intensity) = match event_type {
        EventType::Consult => (Quad::VerbalCooperation, 1.0),
        EventType::Aid => (Quad::MaterialCooperation, 7.0),
        EventType::Accuse => (Quad::VerbalConflict, -2.0),
        _ => (Quad::MaterialConflict, -10.0),
    };
    Event {
        id: id.into(),
        when: when.map(str::to_string),
        precision,
        when_modifier: None,
        when_inferred: false,
        sources: vec![source.into()],
        targets: vec![target.into()],
        mutual: event_type == EventType::Consult,
        event_type,
        quad,
        intensity,
        modality: Modality::Asserted,
        trigger: String::new(),
        trigger_span: Span(0, 0),
        time_span: None,
        sentence_span: Span(0, 0),
    }
}

fn actor(id: &str, mentions: usize, alias: &str) -> Actor {
    Actor {
        id: id.into(),
        name: id.to_uppercase(),
        kind: ActorKind::State,
        aliases: vec![alias.into()],
        member_of: None,
        mentions: vec![Span(0, 1); mentions],
    }
}

fn document(name: &str, language: Language, events: Vec<Event>) -> Document {
    let text = format!("Sentence of {name}.");
    let whole = Span(0, text.len());
    Document {
        name: name.into(),
        briefing: Briefing {
            schema: SCHEMA.into(),
            offsets: OffsetUnit::Utf8,
            language,
            title: Some(format!("Title of {name}")),
            author: None,
            published: Some("2024-11-21".into()),
            published_source: None,
            sentences: vec![whole],
            actors: vec![actor("a", 2, "Alpha"), actor("b", 1, "Beta")],
            dates: vec![],
            events: events.into_iter().map(|e| Event { sentence_span: whole, ..e }).collect(),
            relations: vec![],
            escalation: vec![],
            text,
        },
    }
}

fn en(name: &str, events: Vec<Event>) -> Document {
    document(name, Language::En, events)
}

/// The dossier's events as (when, number of reports).
fn shape(dossier: &Dossier) -> Vec<(Option<&str>, usize)> {
    dossier.events.iter().map(|e| (e.when.as_deref(), e.reports.len())).collect()
}

#[test]
fn actors_merge_by_id_with_their_counts_and_articles() {
    let mut second = en("two", vec![]);
    second.briefing.actors[0].aliases = vec!["Alfa".into()];
    second.briefing.actors.push(actor("c", 3, "Gamma"));
    let dossier = merge(&[en("one", vec![]), second]);
    let got: Vec<(&str, u32, usize)> =
        dossier.actors.iter().map(|a| (a.id.as_str(), a.mentions, a.articles.len())).collect();
    assert_eq!(got, [("a", 4, 2), ("b", 2, 2), ("c", 3, 1)]);
    assert_eq!(dossier.actors[0].aliases, ["Alpha", "Alfa"]);
    assert_eq!(dossier.actors[2].articles, ["two"]);
}

#[test]
fn german_dossiers_label_actors_as_german_articles_name_them() {
    let mut german = document("de", Language::De, vec![]);
    german.briefing.actors[0].aliases = vec!["nordkoreanisch".into(), "Nordkorea".into()];
    german.briefing.actors[1].aliases = vec!["beta-artig".into()];
    let english = en("en", vec![]);
    let dossier = merge(&[english.clone(), german.clone(), german.clone()]);
    let labels: Vec<&str> = dossier.actors.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(labels, ["Nordkorea", "B"], "no capitalised German form: the canonical name");
    let dossier = merge(&[english, german]);
    assert_eq!(dossier.actors[0].label, "A", "an English dossier shows the canonical names");
}

#[test]
fn the_same_act_on_the_same_day_is_one_event_with_both_sources() {
    let dossier = merge(&[
        en("one", vec![event("e1", Some("2024-10-24"), "a", "b", EventType::Assault)]),
        en("two", vec![event("e4", Some("2024-10-24"), "a", "b", EventType::Assault)]),
    ]);
    assert_eq!(shape(&dossier), [(Some("2024-10-24"), 2)]);
    let reports = &dossier.events[0].reports;
    assert_eq!((reports[0].article.as_str(), reports[0].event.as_str()), ("one", "e1"));
    assert_eq!((reports[1].article.as_str(), reports[1].event.as_str()), ("two", "e4"));
    assert_eq!(reports[1].sentence, "Sentence of two.");
    assert!(dossier.conflicts.is_empty());
}

#[test]
fn a_month_and_a_day_inside_it_merge_to_the_day() {
    let dossier = merge(&[
        en("one", vec![event("e1", Some("2024-10"), "a", "b", EventType::Aid)]),
        en("two", vec![event("e1", Some("2024-10-24"), "a", "b", EventType::Aid)]),
        en("three", vec![event("e1", Some("2024"), "a", "b", EventType::Aid)]),
    ]);
    assert_eq!(shape(&dossier), [(Some("2024-10-24"), 3)]);
    assert_eq!(dossier.events[0].precision, Some(Precision::Day));
    let dates: Vec<Option<&str>> = dossier.events[0].reports.iter().map(|r| r.when.as_deref()).collect();
    assert_eq!(dates, [Some("2024-10"), Some("2024-10-24"), Some("2024")], "each report keeps its own date");
}

#[test]
fn participants_and_type_must_agree_and_mutual_acts_read_both_ways() {
    let table = [
        ("mutual act, reversed", EventType::Consult, ("b", "a"), 1),
        ("directed act, reversed", EventType::Assault, ("b", "a"), 2),
        ("other target", EventType::Assault, ("a", "c"), 2),
    ];
    for (name, event_type, (source, target), expected) in table {
        let dossier = merge(&[
            en("one", vec![event("e1", Some("2024-06-19"), "a", "b", event_type)]),
            en("two", vec![event("e1", Some("2024-06-19"), source, target, event_type)]),
        ]);
        assert_eq!(dossier.events.len(), expected, "{name}");
    }
    let other_type = merge(&[
        en("one", vec![event("e1", Some("2024-06-19"), "a", "b", EventType::Assault)]),
        en("two", vec![event("e1", Some("2024-06-19"), "a", "b", EventType::Accuse)]),
    ]);
    assert_eq!(other_type.events.len(), 2, "other type");
}

#[test]
fn near_dates_from_different_articles_are_flagged_not_chosen() {
    let dossier = merge(&[
        en("one", vec![event("e1", Some("2024-10-27"), "a", "b", EventType::Assault)]),
        en("two", vec![event("e1", Some("2024-10-24"), "a", "b", EventType::Assault)]),
    ]);
    assert_eq!(shape(&dossier), [(Some("2024-10-27"), 1), (Some("2024-10-24"), 1)]);
    assert_eq!(dossier.conflicts.len(), 1);
    let claims: Vec<(&str, &str, &[String])> = dossier.conflicts[0]
        .claims
        .iter()
        .map(|c| (c.event.as_str(), c.when.as_str(), c.articles.as_slice()))
        .collect();
    assert_eq!(
        claims,
        [("d2", "2024-10-24", &["two".to_string()][..]), ("d1", "2024-10-27", &["one".to_string()][..])]
    );
    assert_eq!(dossier.events[0].conflicts_with, ["d2"]);
    assert_eq!(dossier.events[1].conflicts_with, ["d1"]);
}

#[test]
fn dates_that_are_not_a_conflict() {
    let one_article = merge(&[en(
        "one",
        vec![
            event("e1", Some("2024-10-24"), "a", "b", EventType::Assault),
            event("e2", Some("2024-10-27"), "a", "b", EventType::Assault),
        ],
    )]);
    assert_eq!(one_article.events.len(), 2);
    assert!(one_article.conflicts.is_empty(), "one article giving both dates tells two events");

    let far_apart = merge(&[
        en("one", vec![event("e1", Some("2024-08"), "a", "b", EventType::Aid)]),
        en("two", vec![event("e1", Some("2024-10"), "a", "b", EventType::Aid)]),
    ]);
    assert_eq!(far_apart.events.len(), 2);
    assert!(far_apart.conflicts.is_empty(), "a month between them: two deliveries");

    let adjacent_months = merge(&[
        en("one", vec![event("e1", Some("2024-09"), "a", "b", EventType::Aid)]),
        en("two", vec![event("e1", Some("2024-10"), "a", "b", EventType::Aid)]),
    ]);
    assert_eq!(adjacent_months.conflicts.len(), 1, "September against October is a disagreement");
}

#[test]
fn a_coarse_date_that_fits_two_events_is_not_guessed() {
    let dossier = merge(&[
        en("one", vec![event("e1", Some("2024-10-03"), "a", "b", EventType::Assault)]),
        en("two", vec![event("e1", Some("2024-10-29"), "a", "b", EventType::Assault)]),
        en("three", vec![event("e1", Some("2024-10"), "a", "b", EventType::Assault)]),
    ]);
    assert_eq!(shape(&dossier), [(Some("2024-10-03"), 1), (Some("2024-10-29"), 1), (Some("2024-10"), 1)]);
    assert!(dossier.conflicts.is_empty(), "26 days apart is beyond the window");
}

#[test]
fn undated_reports_merge_with_each_other_only() {
    let dossier = merge(&[
        en("one", vec![event("e1", None, "a", "b", EventType::Aid)]),
        en("two", vec![event("e1", None, "a", "b", EventType::Aid)]),
        en("three", vec![event("e1", Some("2024-10"), "a", "b", EventType::Aid)]),
    ]);
    assert_eq!(shape(&dossier), [(None, 2), (Some("2024-10"), 1)]);
}

#[test]
fn negation_keeps_acts_apart_and_the_most_factual_telling_wins() {
    let told = |modality| Event { modality, ..event("e1", Some("2024-10-24"), "a", "b", EventType::Assault) };
    let dossier = merge(&[
        en("one", vec![told(Modality::Speculative)]),
        en("two", vec![told(Modality::Reported)]),
        en("three", vec![told(Modality::Negated)]),
    ]);
    assert_eq!(shape(&dossier), [(Some("2024-10-24"), 2), (Some("2024-10-24"), 1)]);
    assert_eq!(dossier.events[0].modality, Modality::Reported);
    assert_eq!(dossier.events[1].modality, Modality::Negated);
}

#[test]
fn relations_and_escalation_count_a_merged_event_once() {
    let dossier = merge(&[
        en("one", vec![event("e1", Some("2024-10-24"), "a", "b", EventType::Assault)]),
        en(
            "two",
            vec![
                event("e1", Some("2024-10"), "a", "b", EventType::Assault),
                event("e2", Some("2024-11-02"), "b", "a", EventType::Accuse),
            ],
        ),
    ]);
    let escalation: Vec<(&str, f32)> =
        dossier.escalation.iter().map(|p| (p.period.as_str(), p.index)).collect();
    assert_eq!(escalation, [("2024-10", 10.0), ("2024-11", 2.0)]);
    assert_eq!(dossier.relations.len(), 2);
    assert_eq!(dossier.relations[0].events, ["d1"]);
    assert_eq!(dossier.relations[0].counts.material_conflict, 1);

    let series = pair_escalation(&dossier, "b", "a");
    let pair: Vec<(&str, f32)> = series.iter().map(|p| (p.period.as_str(), p.index)).collect();
    assert_eq!(pair, [("2024-10", 10.0), ("2024-11", 2.0)], "both directions of the pair");
    assert!(pair_escalation(&dossier, "a", "c").is_empty());
}

#[test]
fn the_language_is_the_majority_and_the_first_breaks_a_tie() {
    let de = |name| document(name, Language::De, vec![]);
    assert_eq!(merge(&[en("one", vec![]), de("two"), de("three")]).language, Language::De);
    assert_eq!(merge(&[de("one"), en("two", vec![])]).language, Language::De);
    assert_eq!(merge(&[en("one", vec![]), de("two")]).language, Language::En);
    assert_eq!(merge(&[]).language, Language::En);
}

#[test]
fn sentences_are_cut_in_the_briefings_own_unit() {
    let text = "Kim 😀 traf Putin.";
    let putin = Span(text.find("Putin").unwrap_or_default(), text.len());
    assert_eq!(span_text(text, OffsetUnit::Utf8, putin), "Putin.");
    // "Kim " is 4 units, the emoji 2, " traf " 6.
    assert_eq!(span_text(text, OffsetUnit::Utf16, Span(12, 18)), "Putin.");
    assert_eq!(span_text(text, OffsetUnit::Utf8, Span(5, 500)), "", "a span past the end");
}
