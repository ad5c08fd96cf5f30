//! A small hand-made briefing for the unit tests, independent of what the
//! engine happens to find.

use crate::corrections::EventKey;
use lagebild_core::*;

/// "North Korea sent troops to Russia. Russia attacked Ukraine on 3 March."
/// with three actors and two events (e1: north_korea AID russia, e2:
/// russia ASSAULT ukraine).
pub(crate) fn briefing() -> Briefing {
    let text = "North Korea sent troops to Russia. Russia attacked Ukraine on 3 March.".to_string();
    let at = |word: &str, nth: usize| {
        let start = text.match_indices(word).nth(nth).map_or(0, |(i, _)| i);
        Span(start, start + word.len())
    };
    let first = Span(0, at("Russia", 0).end() + 1);
    let second = Span(first.end() + 1, text.len());
    let actor = |id: &str, name: &str, mentions: Vec<Span>| Actor {
        id: id.into(),
        name: name.into(),
        kind: ActorKind::State,
        aliases: vec![name.into()],
        member_of: None,
        mentions,
    };
    let event =
        |id: &str, source: &str, target: &str, trigger: Span, sentence: Span, event_type, quad| Event {
            id: id.into(),
            when: None,
            precision: None,
            when_modifier: None,
            when_inferred: false,
            sources: vec![source.into()],
            targets: vec![target.into()],
            mutual: false,
            event_type,
            quad,
            intensity: 0.0,
            modality: Modality::Asserted,
            trigger: text[trigger.start()..trigger.end()].to_string(),
            trigger_span: trigger,
            time_span: Some(at("3 March", 0)),
            sentence_span: sentence,
        };
    Briefing {
        schema: SCHEMA.into(),
        offsets: OffsetUnit::Utf8,
        language: Language::En,
        title: None,
        author: None,
        published: Some("2024-11-21".into()),
        published_source: Some(PublishedSource::Given),
        sentences: vec![first, second],
        actors: vec![
            actor("north_korea", "North Korea", vec![at("North Korea", 0)]),
            actor("russia", "Russia", vec![at("Russia", 0), at("Russia", 1)]),
            actor("ukraine", "Ukraine", vec![at("Ukraine", 0)]),
        ],
        dates: vec![],
        events: vec![
            event(
                "e1",
                "north_korea",
                "russia",
                at("sent", 0),
                first,
                EventType::Aid,
                Quad::MaterialCooperation,
            ),
            event(
                "e2",
                "russia",
                "ukraine",
                at("attacked", 0),
                second,
                EventType::Assault,
                Quad::MaterialConflict,
            ),
        ],
        relations: vec![],
        escalation: vec![],
        text,
    }
}

/// The key of event `id` of `b`.
pub(crate) fn key_of(b: &Briefing, id: &str) -> EventKey {
    let event = b.events.iter().find(|e| e.id == id).cloned().unwrap_or_else(|| b.events[0].clone());
    crate::corrections::key_for(&b.text, &event)
}

/// `b` with `prefix` put before its text and every span moved to match.
pub(crate) fn shift(b: &Briefing, prefix: &str) -> Briefing {
    let mut out = b.clone();
    let n = prefix.len();
    let by = |s: &mut Span| *s = Span(s.start() + n, s.end() + n);
    out.text = format!("{prefix}{}", b.text);
    out.sentences.iter_mut().for_each(by);
    out.actors.iter_mut().for_each(|a| a.mentions.iter_mut().for_each(by));
    for e in &mut out.events {
        by(&mut e.trigger_span);
        by(&mut e.sentence_span);
        if let Some(t) = e.time_span.as_mut() {
            by(t);
        }
    }
    out
}

/// A fresh, empty folder for one test.
pub(crate) fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lagebild-dossier-unit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::create_dir_all(&dir);
    dir
}
