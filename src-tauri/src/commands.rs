//! The commands the web UI invokes. They are thin: every analysis is the
//! engine's (`lagebild_core`); the shell only
//!
//! * runs it off the main thread (a blocking task of Tauri's async runtime),
//! * catches a panic inside the engine and turns it into an [`ApiError`] with
//!   code `internal`, so a bad article never takes the app down, and
//! * converts every briefing to UTF-16 offsets, exactly once, before it
//!   crosses the bridge (JavaScript strings index UTF-16 code units).

use std::panic::{catch_unwind, AssertUnwindSafe};

use lagebild_core::{ApiError, AppInfo, Briefing, Document, ErrorCode, Options};

/// The bundled sample dossier.
mod samples {
    include!(concat!(env!("OUT_DIR"), "/samples.rs"));
}

/// The product name the UI shows.
pub const PRODUCT_NAME: &str = "Lagebild";

/// The sample dossier: each `samples/*.txt` of the repository (embedded at
/// compile time), analysed with default options, named by its file stem.
#[tauri::command]
pub async fn sample_dossier() -> Result<Vec<Document>, ApiError> {
    off_main_thread(|| {
        samples::SAMPLES
            .iter()
            .map(|(name, text)| {
                let briefing = analyse(|| lagebild_core::analyse_text(text, &Options::default()))?;
                Ok(Document { name: (*name).to_owned(), briefing })
            })
            .collect()
    })
    .await
}

/// Analyses a text the analyst pasted. `name` is what the UI calls the
/// document; the engine does not need it.
#[tauri::command]
pub async fn analyse_text(name: String, text: String) -> Result<Briefing, ApiError> {
    let _ = name;
    off_main_thread(move || analyse(|| lagebild_core::analyse_text(&text, &Options::default()))).await
}

/// Analyses the bytes of a file the analyst opened or dropped; the engine
/// decodes them and rejects binary data.
#[tauri::command]
pub async fn analyse_file(name: String, bytes: Vec<u8>) -> Result<Briefing, ApiError> {
    let _ = name;
    off_main_thread(move || analyse(|| lagebild_core::analyse_bytes(&bytes, &Options::default()))).await
}

/// Name and version for the About dialog.
#[tauri::command]
pub fn app_info() -> AppInfo {
    AppInfo { name: PRODUCT_NAME.to_owned(), version: env!("CARGO_PKG_VERSION").to_owned() }
}

/// Runs one engine call: catches a panic, maps the engine's error, converts
/// the briefing to UTF-16 offsets.
pub fn analyse<F>(run: F) -> Result<Briefing, ApiError>
where
    F: FnOnce() -> Result<Briefing, lagebild_core::Error>,
{
    // The closure only borrows its input; nothing it touches is observed
    // after a panic, so asserting unwind safety is sound.
    match catch_unwind(AssertUnwindSafe(|| run().map(Briefing::into_utf16_offsets))) {
        Ok(Ok(briefing)) => Ok(briefing),
        Ok(Err(error)) => Err(error.to_api()),
        Err(payload) => Err(internal(&panic_text(payload.as_ref()))),
    }
}

/// Runs `work` on a blocking thread of Tauri's async runtime; a panic there
/// becomes an `internal` error.
pub async fn off_main_thread<T, F>(work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
{
    match tauri::async_runtime::spawn_blocking(work).await {
        Ok(result) => result,
        // Only reachable if `work` panicked outside `analyse`.
        Err(join) => Err(internal(&join.to_string())),
    }
}

fn internal(detail: &str) -> ApiError {
    ApiError {
        code: ErrorCode::Internal,
        message: format!(
            "the analysis failed inside Lagebild ({detail}); this is a bug: please report it together with the article"
        ),
    }
}

/// The message of a caught panic.
pub(crate) fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_owned()
    }
}

/// The names of the sample documents, in dossier order.
pub fn sample_names() -> impl Iterator<Item = &'static str> {
    samples::SAMPLES.iter().map(|(name, _)| *name)
}

/// The sample documents as (name, text), what a first dossier starts with.
pub fn sample_texts() -> Vec<(String, String)> {
    samples::SAMPLES.iter().map(|(name, text)| ((*name).to_owned(), (*text).to_owned())).collect()
}
