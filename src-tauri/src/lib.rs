//! Lagebild's desktop shell: a Tauri 2 window around the Svelte UI
//! (`ui/`), with thin commands around the engine (`lagebild_core`) and the
//! dossier file (`lagebild_dossier`, through [`workbench`]).
//!
//! [`run`] starts the real app. [`build`] is generic over the Tauri runtime so
//! that the unit tests below can drive the commands with
//! `tauri::test::mock_builder()`, through the same invoke handler and
//! capabilities as the real app; [`build_in`] lets them keep the
//! workbench's files in a folder of their own.

#![cfg_attr(not(test), deny(clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

pub mod commands;
pub mod dossier_commands;
pub mod navigation;
pub mod workbench;

use tauri::Manager;

/// Registers the commands on `builder` and builds the app with `context`;
/// the workbench keeps its files in the app's data and config folders.
pub fn build<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    context: tauri::Context<R>,
) -> tauri::Result<tauri::App<R>> {
    build_in(builder, context, None)
}

/// [`build`], with the workbench's files in `places` when given.
pub fn build_in<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    context: tauri::Context<R>,
    places: Option<workbench::Places>,
) -> tauri::Result<tauri::App<R>> {
    let app = builder
        .plugin(navigation::guard())
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![
            commands::sample_dossier,
            commands::analyse_text,
            commands::analyse_file,
            commands::app_info,
            dossier_commands::dossier_view,
            dossier_commands::new_dossier,
            dossier_commands::open_dossier,
            dossier_commands::save_dossier_as,
            dossier_commands::recent_dossiers,
            dossier_commands::dossier_article,
            dossier_commands::import_article,
            dossier_commands::remove_article,
            dossier_commands::correct,
            dossier_commands::undo,
            dossier_commands::redo,
            dossier_commands::audit_log,
            dossier_commands::export_data,
            dossier_commands::render_figure,
        ])
        .build(context)?;
    // Managed before any window can invoke a command; nothing is opened yet.
    let places = match places {
        Some(places) => places,
        None => workbench::Places { data: app.path().app_data_dir()?, config: app.path().app_config_dir()? },
    };
    let workbench = workbench::Workbench::new(places, commands::sample_texts());
    app.manage(dossier_commands::SharedWorkbench::new(workbench));
    Ok(app)
}

/// Starts the desktop app and returns when its last window is closed.
pub fn run() {
    match build(tauri::Builder::default(), tauri::generate_context!()) {
        Ok(app) => app.run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                if let Some(workbench) = handle.try_state::<dossier_commands::SharedWorkbench>() {
                    workbench.close();
                }
            }
        }),
        Err(error) => {
            eprintln!("lagebild-app: could not start: {error}");
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod dossier_tests;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use lagebild_core::{ApiError, AppInfo, Briefing, Document, ErrorCode, OffsetUnit};
    use serde::de::DeserializeOwned;
    use serde_json::{json, Value};
    use tauri::test::{mock_builder, MockRuntime, INVOKE_KEY};
    use tauri::webview::InvokeRequest;
    use tauri::{Manager, WebviewWindow};

    /// The mock app with the real config (so the "main" window and its
    /// capability exist) and that window.
    fn app() -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
        main_window(super::build(mock_builder(), tauri::generate_context!()).expect("the app builds"))
    }

    /// The app's "main" window, made when the mock runtime did not make it.
    pub(crate) fn main_window(
        app: tauri::App<MockRuntime>,
    ) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
        let window = match app.get_webview_window("main") {
            Some(window) => window,
            None => {
                tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window")
            }
        };
        (app, window)
    }

    /// Invokes `cmd` the way the UI's `invoke(cmd, args)` does.
    pub(crate) fn invoke(
        window: &WebviewWindow<MockRuntime>,
        cmd: &str,
        args: Value,
    ) -> Result<Value, Value> {
        let url = if cfg!(windows) { "http://tauri.localhost" } else { "tauri://localhost" };
        tauri::test::get_ipc_response(
            window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: tauri::ipc::CallbackFn(0),
                error: tauri::ipc::CallbackFn(1),
                url: url.parse().unwrap(),
                body: tauri::ipc::InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().unwrap())
    }

    pub(crate) fn ok<T: DeserializeOwned>(result: Result<Value, Value>) -> T {
        serde_json::from_value(result.expect("the command succeeds"))
            .expect("the reply has the contract's shape")
    }

    pub(crate) fn err(result: Result<Value, Value>) -> ApiError {
        serde_json::from_value(result.expect_err("the command fails")).expect("the error is an ApiError")
    }

    /// Every span of a briefing lies inside its text, counted in UTF-16 units.
    fn assert_utf16(briefing: &Briefing) {
        assert_eq!(briefing.offsets, OffsetUnit::Utf16);
        let units = briefing.text.encode_utf16().count();
        let spans = briefing
            .sentences
            .iter()
            .chain(briefing.actors.iter().flat_map(|a| a.mentions.iter()))
            .chain(briefing.dates.iter().map(|d| &d.span))
            .chain(briefing.events.iter().flat_map(|e| [&e.trigger_span, &e.sentence_span]));
        for span in spans {
            assert!(span.start() <= span.end() && span.end() <= units, "{span:?} outside 0..{units}");
        }
    }

    #[test]
    fn sample_dossier_is_the_samples_folder_in_utf16() {
        let (_app, window) = app();
        let documents: Vec<Document> = ok(invoke(&window, "sample_dossier", json!({})));
        let names: Vec<&str> = documents.iter().map(|d| d.name.as_str()).collect();
        let expected: Vec<&str> = super::commands::sample_names().collect();
        assert_eq!(names, expected);
        assert!(!documents.is_empty(), "samples/*.txt holds no article");
        for document in &documents {
            assert!(!document.briefing.text.trim().is_empty(), "{} is empty", document.name);
            assert_utf16(&document.briefing);
        }
    }

    #[test]
    fn non_ascii_text_gets_utf16_offsets_that_mark_the_same_text() {
        let (_app, window) = app();
        let text = "Pjöngjang, 3. März 2024\n\nNordkorea 😀 schickte am Montag Truppen nach Russland. Kim Jong Un traf Putin.";
        let shell: Briefing = ok(invoke(&window, "analyse_text", json!({"name": "x", "text": text})));
        assert_utf16(&shell);
        // The same analysis in the engine's UTF-8 offsets: every span must
        // cover the same characters in both units.
        let engine = lagebild_core::analyse_text(text, &Default::default()).unwrap();
        assert_eq!(engine.text, shell.text);
        let units: Vec<u16> = shell.text.encode_utf16().collect();
        let pairs = engine.sentences.iter().zip(&shell.sentences).chain(
            engine.actors.iter().zip(&shell.actors).flat_map(|(a, b)| a.mentions.iter().zip(&b.mentions)),
        );
        for (utf8, utf16) in pairs {
            let by_bytes = &engine.text[utf8.start()..utf8.end()];
            let by_units = String::from_utf16(&units[utf16.start()..utf16.end()]).unwrap();
            assert_eq!(by_bytes, by_units);
        }
    }

    #[test]
    fn empty_text_is_an_empty_error() {
        let (_app, window) = app();
        let error = err(invoke(&window, "analyse_text", json!({"name": "leer.txt", "text": "  \n\t "})));
        assert_eq!(error.code, ErrorCode::Empty);
        assert!(!error.message.is_empty());
    }

    #[test]
    fn binary_bytes_are_a_binary_error() {
        let (_app, window) = app();
        let png =
            [0x89u8, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R', 0, 0];
        let error = err(invoke(&window, "analyse_file", json!({"name": "bild.png", "bytes": png})));
        assert_eq!(error.code, ErrorCode::Binary);
    }

    #[test]
    fn text_file_bytes_are_analysed() {
        let (_app, window) = app();
        let bytes = "Berlin, 1. Juni 2024\n\nDeutschland unterstützt die Ukraine.".as_bytes();
        let briefing: Briefing =
            ok(invoke(&window, "analyse_file", json!({"name": "a.txt", "bytes": bytes})));
        assert_utf16(&briefing);
        assert!(briefing.text.contains("Ukraine"));
    }

    #[test]
    fn app_info_names_the_product_and_version() {
        let (_app, window) = app();
        let info: AppInfo = ok(invoke(&window, "app_info", json!({})));
        assert_eq!(info.name, "Lagebild");
        assert_eq!(info.version, env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn unknown_commands_are_refused() {
        let (_app, window) = app();
        assert!(invoke(&window, "no_such_command", json!({})).is_err());
    }

    #[test]
    fn a_panic_in_the_engine_is_an_internal_error_and_the_app_goes_on() {
        let (_app, window) = app();
        let error = super::commands::analyse(|| panic!("boom")).expect_err("a panic is an error");
        assert_eq!(error.code, ErrorCode::Internal);
        assert!(error.message.contains("boom"), "{}", error.message);
        assert_eq!(error.message.lines().count(), 1, "{}", error.message);
        // The same app answers the next analysis.
        let briefing: Briefing =
            ok(invoke(&window, "analyse_text", json!({"name": "x", "text": "Russland griff an."})));
        assert!(briefing.text.contains("Russland"));
    }

    #[test]
    fn a_panic_off_the_main_thread_is_an_internal_error() {
        let result: Result<(), ApiError> =
            tauri::async_runtime::block_on(super::commands::off_main_thread(|| panic!("outside the engine")));
        assert_eq!(result.expect_err("a panic is an error").code, ErrorCode::Internal);
    }

    #[test]
    fn bad_input_through_the_shell_is_a_message_not_a_crash() {
        let (_app, window) = app();
        let cases = [
            ("analyse_file", json!({"name": "a.pdf", "bytes": b"%PDF-1.7 ...".to_vec()}), ErrorCode::Binary),
            (
                "analyse_file",
                json!({"name": "a.txt", "bytes": [0x47, 0x72, 0xC3, 0xBC, 0xFF, 0x20, 0xC3, 0xA4]}),
                ErrorCode::Encoding,
            ),
            (
                "analyse_text",
                json!({"name": "a", "text": "<html><script>alert(1)</script></html>"}),
                ErrorCode::Empty,
            ),
            ("analyse_text", json!({"name": "a", "text": "x\n".repeat(25_000)}), ErrorCode::TooLarge),
        ];
        for (command, args, code) in cases {
            let error = err(invoke(&window, command, args));
            assert_eq!(error.code, code, "{}", error.message);
            assert_eq!(error.message.lines().count(), 1, "{}", error.message);
        }
        let page = "<!DOCTYPE html><p>Russland griff an.<script>window.x = 1</script></p>";
        let briefing: Briefing = ok(invoke(&window, "analyse_text", json!({"name": "p", "text": page})));
        assert_eq!(briefing.text, "Russland griff an.");
    }

    #[test]
    fn core_plugins_and_unknown_plugins_are_refused() {
        let (_app, window) = app();
        for command in [
            "plugin:app|version",
            "plugin:event|listen",
            "plugin:window|title",
            "plugin:webview|print",
            "plugin:fs|read_file",
            "plugin:dialog|open",
            "plugin:dialog|save",
            "plugin:dialog|message",
        ] {
            assert!(invoke(&window, command, json!({})).is_err(), "{command} is allowed");
        }
    }

    /// The policy the webview gets: nothing remote, no inline or evaluated
    /// script, no frames, objects, workers or forms.
    #[test]
    fn the_content_security_policy_is_strict() {
        let config: Value = serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
        for key in ["csp", "devCsp"] {
            let csp = &config["app"]["security"][key];
            let directive = |name: &str| csp[name].as_str().unwrap_or_else(|| panic!("{key} has no {name}"));
            assert_eq!(directive("default-src"), "'self'");
            assert_eq!(directive("script-src"), "'self'", "{key}: scripts only from the app");
            for name in [
                "object-src",
                "frame-src",
                "child-src",
                "worker-src",
                "base-uri",
                "form-action",
                "frame-ancestors",
                "media-src",
            ] {
                assert_eq!(directive(name), "'none'", "{key}: {name}");
            }
            for (name, value) in csp.as_object().unwrap() {
                let value = value.as_str().unwrap();
                assert!(!value.contains("unsafe-eval") && !value.contains('*'), "{key}: {name} {value}");
                for source in value.split_whitespace().filter(|s| s.contains("://")) {
                    let local = ["http://ipc.localhost", "http://127.0.0.1:1420", "ws://127.0.0.1:1420"];
                    assert!(local.contains(&source), "{key}: {name} allows {source}");
                    assert!(
                        key == "devCsp" || source == "http://ipc.localhost",
                        "{key}: {name} allows {source}"
                    );
                }
            }
            // Styles: 'unsafe-inline' because cytoscape and vis-timeline add
            // <style> elements at run time (src-tauri/README.md, Security).
            assert_eq!(directive("style-src"), "'self' 'unsafe-inline'");
        }
        assert_eq!(config["app"]["withGlobalTauri"], false);
    }
}
