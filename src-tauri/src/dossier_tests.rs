//! The dossier commands driven as the UI drives them: through the invoke
//! handler and the capability of the mock app, with the workbench's files
//! in a scratch folder of each test's own.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use lagebild_core::ErrorCode;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use tauri::test::{mock_builder, MockRuntime};
use tauri::{Manager, WebviewWindow};

use crate::tests::{invoke, main_window, ok};
use crate::workbench::contract::{
    ArticleSummary, ArticleText, AuditEntry, DossierView, ExportResult, Origin, RecentDossier, ViewEvent,
};
use crate::workbench::error::{Code, WorkbenchCode, WorkbenchError};
use crate::workbench::Places;

/// An article with dated events: an attack and a condemnation.
const BERLIN: &str = "Berlin, 3. März 2024\n\nRussland griff am Montag die Ukraine an. \
                      Die NATO verurteilte den Angriff am Dienstag.";

/// A fresh, empty folder for one test, deleted when dropped.
fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("lagebild-app-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn places(dir: &Path) -> Places {
    Places { data: dir.join("data"), config: dir.join("config") }
}

/// The mock app with the workbench's files under `dir`, and its window.
fn app_in(dir: &Path) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = crate::build_in(mock_builder(), tauri::generate_context!(), Some(places(dir)))
        .expect("the app builds");
    main_window(app)
}

fn call<T: DeserializeOwned>(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> T {
    let reply = invoke(window, cmd, args);
    match reply {
        Ok(value) => serde_json::from_value(value.clone())
            .unwrap_or_else(|e| panic!("{cmd}: the reply {value} is not of the contract's shape: {e}")),
        Err(error) => panic!("{cmd} failed: {error}"),
    }
}

fn refused(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> WorkbenchError {
    let error: WorkbenchError = match invoke(window, cmd, args) {
        Ok(value) => panic!("{cmd} succeeded: {value}"),
        Err(error) => serde_json::from_value(error.clone())
            .unwrap_or_else(|e| panic!("{cmd}: the error {error} is not {{code, message}}: {e}")),
    };
    assert_eq!(error.message.lines().count(), 1, "{cmd}: {}", error.message);
    assert!(!error.message.is_empty());
    error
}

fn view(window: &WebviewWindow<MockRuntime>) -> DossierView {
    call(window, "dossier_view", json!({}))
}

fn import_text(window: &WebviewWindow<MockRuntime>, name: &str, text: &str) -> ArticleSummary {
    call(window, "import_article", json!({"source": {"kind": "text", "name": name, "text": text}}))
}

/// The view's event of the attack ("griff … an") that article `article` reports.
fn attack_in(view: &DossierView, article: &str) -> ViewEvent {
    view.events
        .iter()
        .find(|e| e.reports.iter().any(|r| r.article == article && r.trigger.contains("griff")))
        .cloned()
        .unwrap_or_else(|| panic!("no attack reported by {article}: {:#?}", view.events))
}

#[test]
fn the_first_start_opens_the_sample_dossier_unsaved() {
    let dir = scratch("first-start");
    let (_app, window) = app_in(&dir);
    let first = view(&window);
    assert!(first.file.sample, "{:?}", first.file);
    assert_eq!((first.file.path.as_deref(), first.file.name.as_deref()), (None, None));
    let names: Vec<&str> = first.articles.iter().map(|a| a.name.as_str()).collect();
    let samples: Vec<&str> = crate::commands::sample_names().collect();
    assert_eq!(names, samples);
    assert!(first.events.iter().all(|e| !e.hidden && e.origin == Origin::Machine));
    // It lives in the data folder; the UI's recent list leaves it out.
    assert!(dir.join("data").join("unsaved.lagebild").is_file());
    let recent: Vec<RecentDossier> = call(&window, "recent_dossiers", json!({}));
    assert!(recent.is_empty(), "{recent:?}");
    // An article's spans count UTF-16 units of its text.
    let article: ArticleText = call(&window, "dossier_article", json!({"id": first.articles[0].id}));
    let units = article.briefing.text.encode_utf16().count();
    assert!(article.briefing.events.iter().all(|e| e.sentence_span.end() <= units));
}

/// Import (one article refused with the engine's code), correct an event,
/// undo and redo, save as, reopen in a new app, export and draw.
#[test]
fn corrections_survive_save_as_and_a_restart() {
    let dir = scratch("round-trip");
    let saved = dir.join("out").join("korea.lagebild");
    std::fs::create_dir_all(saved.parent().unwrap()).unwrap();
    let corrected_id;
    {
        let (app, window) = app_in(&dir);
        let before = view(&window);
        let added = import_text(&window, "berlin.txt", BERLIN);
        assert_eq!(added.name, "berlin.txt");
        assert!(added.event_count >= 1, "{added:?}");
        let png = [0x89u8, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R'];
        let bad = refused(
            &window,
            "import_article",
            json!({"source": {"kind": "file", "name": "bild.png", "bytes": png}}),
        );
        assert_eq!(bad.code, Code::Engine(ErrorCode::Binary), "{}", bad.message);

        let imported = view(&window);
        assert_eq!(imported.articles.len(), before.articles.len() + 1);
        assert!(imported.revision > before.revision);
        let attack = attack_in(&imported, &added.id);
        assert_eq!(imported.history.undo.as_ref().map(|s| s.action.as_str()), Some("import_article"));

        let corrected: DossierView = call(
            &window,
            "correct",
            json!({"correction": {"op": "edit_event", "event": attack.id, "patch": {"when": "2024-05"}}}),
        );
        let event = attack_in(&corrected, &added.id);
        assert_eq!((event.when.as_deref(), event.origin), (Some("2024-05"), Origin::Corrected));
        assert_eq!(corrected.history.undo.as_ref().map(|s| s.action.as_str()), Some("edit_event"));

        let undone: DossierView = call(&window, "undo", json!({}));
        assert_eq!(attack_in(&undone, &added.id).when, attack.when);
        assert_eq!(undone.history.redo.as_ref().map(|s| s.action.as_str()), Some("edit_event"));
        let redone: DossierView = call(&window, "redo", json!({}));
        assert_eq!(attack_in(&redone, &added.id).when.as_deref(), Some("2024-05"));
        let nothing = refused(&window, "redo", json!({}));
        assert_eq!(nothing.code, Code::Workbench(WorkbenchCode::NothingToRedo));

        let at: DossierView = call(&window, "save_dossier_as", json!({"path": saved.display().to_string()}));
        assert_eq!(at.file.name.as_deref(), Some("korea.lagebild"));
        assert!(!at.file.sample);
        assert!(!dir.join("data").join("unsaved.lagebild").exists(), "the unsaved copy is left behind");
        let recent: Vec<RecentDossier> = call(&window, "recent_dossiers", json!({}));
        assert_eq!(recent.first().map(|r| r.name.as_str()), Some("korea.lagebild"));
        corrected_id = event.id;
        // What the app does when it quits.
        app.state::<crate::dossier_commands::SharedWorkbench>().close();
    }
    // A new app on the same folders opens the saved dossier with the correction.
    let (_app, window) = app_in(&dir);
    let reopened = view(&window);
    assert_eq!(reopened.file.path.as_deref(), Some(saved.display().to_string().as_str()));
    let event = reopened.events.iter().find(|e| e.id == corrected_id).expect("the corrected event is there");
    assert_eq!((event.when.as_deref(), event.origin), (Some("2024-05"), Origin::Corrected));
    let audit: Vec<AuditEntry> = call(&window, "audit_log", json!({}));
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.ends_with(&["import_article", "edit_event", "undo", "redo"]), "{actions:?}");
    assert!(audit.iter().enumerate().all(|(i, e)| e.seq == i + 1));

    let csv = dir.join("out").join("events.csv");
    let scope = json!({"period": null, "include_unconfirmed": true});
    let written: ExportResult = call(
        &window,
        "export_data",
        json!({"format": "csv", "scope": scope, "language": "de", "path": csv.display().to_string()}),
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(written.bytes, text.len() as u64);
    assert!(text.starts_with("id,date,"), "{text}");
    assert!(text.lines().any(|l| l.contains("2024-05") && l.contains("berlin.txt")), "{text}");

    let svg = dir.join("out").join("timeline.svg");
    let request =
        json!({"kind": "timeline", "format": "svg", "scope": scope, "pair": null, "language": "de"});
    let drawn: ExportResult =
        call(&window, "render_figure", json!({"request": request, "path": svg.display().to_string()}));
    let figure = std::fs::read_to_string(&svg).unwrap();
    assert_eq!(drawn.bytes, figure.len() as u64);
    assert!(figure.contains("<svg") && figure.contains("Zeitleiste"), "{}", &figure[..figure.len().min(300)]);
}

#[test]
fn a_correction_of_a_merged_event_applies_to_every_report() {
    let dir = scratch("merged");
    let (_app, window) = app_in(&dir);
    let first = import_text(&window, "one.txt", BERLIN);
    let second = import_text(&window, "two.txt", BERLIN);
    let merged = attack_in(&view(&window), &first.id);
    let articles: Vec<&str> = merged.reports.iter().map(|r| r.article.as_str()).collect();
    assert!(articles.contains(&first.id.as_str()) && articles.contains(&second.id.as_str()), "{articles:?}");

    let corrected: DossierView = call(
        &window,
        "correct",
        json!({"correction": {"op": "edit_event", "event": merged.id, "patch": {"modality": "speculative"}}}),
    );
    let event = attack_in(&corrected, &first.id);
    assert_eq!(event.reports.len(), merged.reports.len(), "the reports stay together");
    for id in [&first.id, &second.id] {
        let article: ArticleText = call(&window, "dossier_article", json!({"id": id}));
        let report = event.reports.iter().find(|r| r.article == *id).unwrap();
        let own = article.briefing.events.iter().find(|e| e.id == report.event).unwrap();
        assert_eq!(serde_json::to_value(own.modality).unwrap(), "speculative", "{id}");
    }
    // A refused correction changes nothing.
    let bad = refused(
        &window,
        "correct",
        json!({"correction": {"op": "edit_event", "event": merged.id, "patch": {"when": "2024-13"}}}),
    );
    assert_eq!(bad.code, Code::Engine(ErrorCode::BadDate));
    let gone = refused(
        &window,
        "correct",
        json!({"correction": {"op": "hide_event", "event": "a99:e1", "hidden": true}}),
    );
    assert_eq!(gone.code, Code::Workbench(WorkbenchCode::NotFound));
    assert_eq!(attack_in(&view(&window), &first.id).modality, event.modality);
}

#[test]
fn hidden_events_and_actors_stay_in_the_view_and_can_be_shown_again() {
    let dir = scratch("hidden");
    let (_app, window) = app_in(&dir);
    let added = import_text(&window, "berlin.txt", BERLIN);
    let attack = attack_in(&view(&window), &added.id);

    let hidden: DossierView = call(
        &window,
        "correct",
        json!({"correction": {"op": "hide_event", "event": attack.id, "hidden": true}}),
    );
    let marked = hidden.events.iter().find(|e| e.id == attack.id).expect("a hidden event stays in the view");
    assert!(marked.hidden);
    assert!(!hidden.relations.iter().any(|r| r.events.contains(&attack.id)), "hidden events count nowhere");
    let shown: DossierView = call(
        &window,
        "correct",
        json!({"correction": {"op": "hide_event", "event": attack.id, "hidden": false}}),
    );
    assert!(shown.events.iter().any(|e| e.id == attack.id && !e.hidden));

    let hid: DossierView = call(
        &window,
        "correct",
        json!({"correction": {"op": "hide_actor", "actor": "nato", "hidden": true}}),
    );
    assert!(hid.actors.iter().any(|a| a.id == "nato" && a.hidden), "{:?}", hid.actors);
    assert!(hid.events.iter().filter(|e| !e.hidden).all(|e| !e.sources.contains(&"nato".to_owned())));
    let back: DossierView = call(
        &window,
        "correct",
        json!({"correction": {"op": "hide_actor", "actor": "nato", "hidden": false}}),
    );
    assert!(back.actors.iter().any(|a| a.id == "nato" && !a.hidden));
    assert_eq!(back.history.undo.as_ref().map(|s| s.action.as_str()), Some("hide_actor"));
    let again = refused(
        &window,
        "correct",
        json!({"correction": {"op": "hide_actor", "actor": "nato", "hidden": false}}),
    );
    assert_eq!(again.code, Code::Workbench(WorkbenchCode::Invalid));
}

#[test]
fn spans_from_the_ui_count_utf16_units() {
    let dir = scratch("spans");
    let (_app, window) = app_in(&dir);
    let text = "Pjöngjang 😀, 3. März 2024\n\nNordkorea schickte am Montag Truppen nach Russland. Kim Jong Un traf Putin.";
    let added = import_text(&window, "kim.txt", text);
    let article: ArticleText = call(&window, "dossier_article", json!({"id": added.id}));
    let units: Vec<u16> = article.briefing.text.encode_utf16().collect();
    let sentence = article.briefing.sentences.last().copied().expect("sentences");
    let words = String::from_utf16(&units[sentence.start()..sentence.end()]).unwrap();
    assert!(words.contains("traf"), "{words}");
    let offset = words.find("traf").map(|b| words[..b].encode_utf16().count()).unwrap();
    let trigger = [sentence.start() + offset, sentence.start() + offset + 4];
    let event = json!({
        "article": added.id, "sentence_span": [sentence.start(), sentence.end()], "trigger_span": trigger,
        "when": "2024-03", "precision": null, "when_modifier": null, "sources": ["north_korea"], "targets": [],
        "mutual": false, "type": "CONSULT", "quad": null, "modality": "asserted"
    });
    let after: DossierView =
        call(&window, "correct", json!({"correction": {"op": "add_event", "event": event}}));
    let manual = after.events.iter().find(|e| e.origin == Origin::Manual).expect("the added event");
    assert_eq!(manual.trigger, "traf");
    assert_eq!(manual.reports[0].trigger_span.start(), trigger[0]);
    // A span that ends inside the emoji's surrogate pair is refused.
    let emoji = article.briefing.text.encode_utf16().position(|u| (0xD800..0xDC00).contains(&u)).unwrap();
    let bad = json!({
        "article": added.id, "sentence_span": [0, emoji + 1], "trigger_span": [0, 3], "when": null,
        "precision": null, "when_modifier": null, "sources": ["north_korea"], "targets": [], "mutual": false,
        "type": "CONSULT", "quad": null, "modality": "asserted"
    });
    let error = refused(&window, "correct", json!({"correction": {"op": "add_event", "event": bad}}));
    assert_eq!(error.code, Code::Workbench(WorkbenchCode::Invalid), "{}", error.message);
}

#[test]
fn files_that_are_not_dossiers_are_refused_and_the_open_one_stays() {
    let dir = scratch("bad-files");
    let (_app, window) = app_in(&dir);
    let empty: DossierView = call(&window, "new_dossier", json!({}));
    assert!(empty.articles.is_empty() && !empty.file.sample);
    let nothing = refused(&window, "undo", json!({}));
    assert_eq!(nothing.code, Code::Workbench(WorkbenchCode::NothingToUndo));

    let text = dir.join("notes.lagebild");
    std::fs::write(&text, "not a database, just words").unwrap();
    let unreadable = refused(&window, "open_dossier", json!({"path": text.display().to_string()}));
    assert_eq!(unreadable.code, Code::Engine(ErrorCode::Unreadable), "{}", unreadable.message);
    let missing =
        refused(&window, "open_dossier", json!({"path": dir.join("gone.lagebild").display().to_string()}));
    assert_eq!(missing.code, Code::Workbench(WorkbenchCode::Io), "{}", missing.message);
    assert_eq!(std::fs::read_to_string(&text).unwrap(), "not a database, just words");

    let still = view(&window);
    assert_eq!(still.file, empty.file);
    let article = refused(&window, "dossier_article", json!({"id": "a42"}));
    assert_eq!(article.code, Code::Workbench(WorkbenchCode::NotFound));
    let removed = refused(&window, "remove_article", json!({"id": "nonsense"}));
    assert_eq!(removed.code, Code::Workbench(WorkbenchCode::NotFound));
    let bad_scope = json!({"period": ["2024-10", "2024-10-31"], "include_unconfirmed": false});
    let out = dir.join("x.csv").display().to_string();
    let scope_error = refused(
        &window,
        "export_data",
        json!({"format": "csv", "scope": bad_scope, "language": "en", "path": out}),
    );
    assert_eq!(scope_error.code, Code::Workbench(WorkbenchCode::Invalid));
}

#[test]
fn an_article_removed_comes_back_with_undo() {
    let dir = scratch("remove");
    let (_app, window) = app_in(&dir);
    let added = import_text(&window, "berlin.txt", BERLIN);
    let removed: DossierView = call(&window, "remove_article", json!({"id": added.id}));
    assert!(!removed.articles.iter().any(|a| a.id == added.id));
    assert_eq!(removed.history.undo.as_ref().map(|s| s.action.as_str()), Some("remove_article"));
    let back: DossierView = call(&window, "undo", json!({}));
    assert!(back.articles.iter().any(|a| a.id == added.id));
    let _: Value = ok(invoke(&window, "dossier_view", json!({})));
}

/// Every command the UI's table (`ui/src/lib/backend/tauri.ts`) names is
/// registered and granted by the capability: invoked without its
/// arguments, each fails on them or answers, never "not found" or "not
/// allowed".
#[test]
fn every_command_of_the_uis_table_exists_and_is_allowed() {
    let source = include_str!("../../ui/src/lib/backend/tauri.ts");
    let start = source.find("export const commands = {").expect("the table");
    let table = &source[start..start + source[start..].find("} as const").expect("the table's end")];
    let names: Vec<&str> = table
        .lines()
        .filter_map(|line| line.split_once(": \"").and_then(|(_, rest)| rest.split('"').next()))
        .collect();
    assert_eq!(names.len(), 18, "{names:?}");
    let dir = scratch("table");
    let (_app, window) = app_in(&dir);
    // A path that cannot be opened or written, so that no dialog is asked for.
    let nowhere = dir.join("no-such-folder").join("x.lagebild").display().to_string();
    for name in names {
        if let Err(Value::String(message)) = invoke(&window, name, json!({"path": nowhere, "id": "a0"})) {
            assert!(!message.contains("not found") && !message.contains("not allowed"), "{name}: {message}");
        }
    }
}
