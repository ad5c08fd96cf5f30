//! Small dossiers for the unit tests, made from one-line event descriptions.

use lagebild_core::dossier::{merge, Dossier, Period};
use lagebild_core::*;

/// An event: id, date, source, target, type.
pub type Line<'a> = (&'a str, &'a str, &'a str, &'a str, EventType);

fn quad_and_intensity(event_type: EventType) -> (Quad, f32, bool) {
    match event_type {
        EventType::Consult => (Quad::VerbalCooperation, 1.0, true),
        EventType::Agree => (Quad::VerbalCooperation, 4.0, true),
        EventType::Aid => (Quad::MaterialCooperation, 7.0, false),
        EventType::Accuse => (Quad::VerbalConflict, -2.0, false),
        _ => (Quad::MaterialConflict, -10.0, false),
    }
}

/// The bundled sample dossier (a German and an English article), analysed
/// and merged.
pub fn samples() -> Dossier {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    folder(&dir).unwrap_or_else(|| panic!("{}: no articles", dir.display()))
}

/// The seed article beside the repository, when it is there.
pub fn seed() -> Option<Dossier> {
    folder(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed"))
}

/// The `.txt` articles of a folder, analysed and merged.
fn folder(dir: &std::path::Path) -> Option<Dossier> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let documents: Vec<Document> = files
        .iter()
        .map(|file| {
            let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let briefing = analyse_bytes(&bytes, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
            let name = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            Document { name, briefing }
        })
        .collect();
    (!documents.is_empty()).then(|| merge(&documents))
}

/// One English article, "test", holding the events; each event's sentence
/// names its actors.
pub fn dossier_of(lines: &[Line]) -> Dossier {
    let mut text = String::from("Test article.\n\n");
    let mut events = Vec::new();
    let mut actors: Vec<Actor> = Vec::new();
    let mut sentences = Vec::new();
    for (id, when, source, target, event_type) in lines {
        let start = text.len();
        text.push_str(&format!("{source} did {event_type:?} to {target} <&> on {when}. "));
        let span = Span(start, text.len() - 1);
        sentences.push(span);
        for actor in [source, target] {
            if !actors.iter().any(|a| a.id == *actor) {
                actors.push(Actor {
                    id: actor.to_string(),
                    name: actor.to_uppercase(),
                    kind: ActorKind::State,
                    aliases: vec![],
                    member_of: None,
                    mentions: vec![span],
                });
            }
        }
        let (quad, intensity, mutual) = quad_and_intensity(*event_type);
        let period = Period::parse(when);
        events.push(Event {
            id: id.to_string(),
            when: period.map(|_| when.to_string()),
            precision: period.map(|p| p.precision),
            when_modifier: None,
            when_inferred: false,
            sources: vec![source.to_string()],
            targets: vec![target.to_string()],
            mutual,
            event_type: *event_type,
            quad,
            intensity,
            modality: Modality::Asserted,
            trigger: String::new(),
            trigger_span: span,
            time_span: None,
            sentence_span: span,
        });
    }
    let briefing = Briefing {
        schema: SCHEMA.into(),
        offsets: OffsetUnit::Utf8,
        language: Language::En,
        title: Some("A test <article> & more".into()),
        author: None,
        published: Some("2024-11-21".into()),
        published_source: None,
        sentences,
        actors,
        dates: vec![],
        events,
        relations: vec![],
        escalation: vec![],
        text,
    };
    merge(&[Document { name: "test".into(), briefing }])
}
