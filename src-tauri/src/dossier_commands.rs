//! The dossier commands the UI's `ui/src/lib/backend/tauri.ts` calls, one
//! per operation of its `Backend` interface, with the argument names and
//! result shapes of `contract.ts`. They are thin: each runs one
//! [`Workbench`] operation off the main thread, with the one open dossier
//! behind a mutex in Tauri's managed state ([`SharedWorkbench`]).
//!
//! - A `path` of `null` asks the analyst with the system's file dialog,
//!   opened from here (the webview has no dialog permission); cancelling it
//!   answers `null` and changes nothing.
//! - Every command answers `Result<_, WorkbenchError>`: `{code, message}`
//!   with a one-line message. A panic anywhere below is caught and answered
//!   as `internal`; the app and the dossier go on (each change to the file
//!   is a transaction, so a panic leaves no half change behind).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use lagebild_core::{Briefing, Language, Options};
use lagebild_dossier::Source;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::commands::panic_text;
use crate::workbench::contract::{
    ArticleSummary, ArticleText, AuditEntry, Correction, DataFormat, DossierView, ExportResult, ExportScope,
    FigureFormat, FigureRequest, ImportSource, RecentDossier,
};
use crate::workbench::error::{Result, WorkbenchError};
use crate::workbench::{write_export, Workbench, EXTENSION};

/// The workbench in Tauri's managed state.
#[derive(Clone)]
pub struct SharedWorkbench(Arc<Mutex<Workbench>>);

impl SharedWorkbench {
    /// Shares `workbench` between the commands.
    pub fn new(workbench: Workbench) -> SharedWorkbench {
        SharedWorkbench(Arc::new(Mutex::new(workbench)))
    }

    /// Closes the open dossier, folding its journal into the file; for
    /// when the app quits.
    pub fn close(&self) {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).close();
    }

    /// Runs `work` on the workbench, off the main thread.
    async fn run<T, F>(&self, work: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Workbench) -> Result<T> + Send + 'static,
    {
        let shared = Arc::clone(&self.0);
        blocking(move || {
            // A panic while the lock was held poisons it; the dossier file is
            // consistent all the same (every change is a transaction).
            let mut workbench = shared.lock().unwrap_or_else(PoisonError::into_inner);
            work(&mut workbench)
        })
        .await
    }
}

/// The workbench the app manages.
fn shared<R: Runtime>(app: &AppHandle<R>) -> Result<SharedWorkbench> {
    app.try_state::<SharedWorkbench>()
        .map(|state| state.inner().clone())
        .ok_or_else(|| WorkbenchError::internal("the workbench was not set up"))
}

/// Runs `work` on a blocking thread of Tauri's async runtime; a panic becomes `internal`.
async fn blocking<T, F>(work: F) -> Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T> + Send + 'static,
{
    let caught = tauri::async_runtime::spawn_blocking(move || catch_unwind(AssertUnwindSafe(work))).await;
    match caught {
        Ok(Ok(result)) => result,
        Ok(Err(payload)) => Err(bug(&panic_text(payload.as_ref()))),
        Err(join) => Err(bug(&join.to_string())),
    }
}

fn bug(detail: &str) -> WorkbenchError {
    WorkbenchError::internal(format!(
        "the operation failed inside Lagebild ({detail}); this is a bug: please report it"
    ))
}

/// The open dossier.
#[tauri::command]
pub async fn dossier_view<R: Runtime>(app: AppHandle<R>) -> Result<DossierView> {
    shared(&app)?.run(|wb| wb.view()).await
}

/// Discards the unsaved dossier and starts an empty one.
#[tauri::command]
pub async fn new_dossier<R: Runtime>(app: AppHandle<R>) -> Result<DossierView> {
    shared(&app)?.run(|wb| wb.new_dossier()).await
}

/// Opens a `.lagebild` file; `path` null asks with the file dialog.
#[tauri::command]
pub async fn open_dossier<R: Runtime>(
    app: AppHandle<R>,
    path: Option<String>,
) -> Result<Option<DossierView>> {
    let Some(path) = given_or_asked(&app, path, Ask::Open).await? else { return Ok(None) };
    shared(&app)?.run(move |wb| wb.open(&path)).await.map(Some)
}

/// Saves the dossier under a new name and goes on there; `path` null asks.
#[tauri::command]
pub async fn save_dossier_as<R: Runtime>(
    app: AppHandle<R>,
    path: Option<String>,
) -> Result<Option<DossierView>> {
    let stem = shared(&app)?.run(|wb| wb.stem()).await?;
    let question =
        Ask::Save { name: format!("{stem}.{EXTENSION}"), filter: ("Lagebild dossier", &[EXTENSION]) };
    let Some(path) = given_or_asked(&app, path, question).await? else { return Ok(None) };
    shared(&app)?.run(move |wb| wb.save_as(&path)).await.map(Some)
}

/// The dossiers opened or saved lately.
#[tauri::command]
pub async fn recent_dossiers<R: Runtime>(app: AppHandle<R>) -> Result<Vec<RecentDossier>> {
    shared(&app)?.run(|wb| wb.recent_dossiers()).await
}

/// One article's text and corrected analysis.
#[tauri::command]
pub async fn dossier_article<R: Runtime>(app: AppHandle<R>, id: String) -> Result<ArticleText> {
    shared(&app)?.run(move |wb| wb.article(&id)).await
}

/// Analyses a pasted text or a file's bytes and adds it; the engine's
/// refusals come back with its codes (`empty`, `binary`, `encoding`, …).
#[tauri::command]
pub async fn import_article<R: Runtime>(app: AppHandle<R>, source: ImportSource) -> Result<ArticleSummary> {
    // The analysis runs without holding the workbench.
    let (name, source, briefing) = blocking(move || {
        let options = Options::default();
        let (name, source, analysed) = match source {
            ImportSource::Text { name, text } => {
                let analysed = engine(|| lagebild_core::analyse_text(&text, &options));
                (name, Source::Text(text), analysed)
            }
            ImportSource::File { name, bytes } => {
                let analysed = engine(|| lagebild_core::analyse_bytes(&bytes, &options));
                (name, Source::Bytes(bytes), analysed)
            }
        };
        Ok((name, source, analysed?))
    })
    .await?;
    shared(&app)?.run(move |wb| wb.add_article(&name, source, &briefing)).await
}

/// One engine call, its error as the UI's (the briefing keeps UTF-8 spans, as the dossier stores them).
fn engine(run: impl FnOnce() -> Result<Briefing, lagebild_core::Error>) -> Result<Briefing> {
    run().map_err(|error| error.to_api().into())
}

/// Removes an article.
#[tauri::command]
pub async fn remove_article<R: Runtime>(app: AppHandle<R>, id: String) -> Result<DossierView> {
    shared(&app)?.run(move |wb| wb.remove_article(&id)).await
}

/// Applies one correction.
#[tauri::command]
pub async fn correct<R: Runtime>(app: AppHandle<R>, correction: Correction) -> Result<DossierView> {
    shared(&app)?.run(move |wb| wb.correct(&correction)).await
}

/// Takes back the latest step.
#[tauri::command]
pub async fn undo<R: Runtime>(app: AppHandle<R>) -> Result<DossierView> {
    shared(&app)?.run(|wb| wb.undo()).await
}

/// Makes the latest undone step again.
#[tauri::command]
pub async fn redo<R: Runtime>(app: AppHandle<R>) -> Result<DossierView> {
    shared(&app)?.run(|wb| wb.redo()).await
}

/// Every change, oldest first.
#[tauri::command]
pub async fn audit_log<R: Runtime>(app: AppHandle<R>) -> Result<Vec<AuditEntry>> {
    shared(&app)?.run(|wb| wb.audit_log()).await
}

/// Writes the events, network or briefing; `path` null asks.
#[tauri::command]
pub async fn export_data<R: Runtime>(
    app: AppHandle<R>,
    format: DataFormat,
    scope: ExportScope,
    language: Language,
    path: Option<String>,
) -> Result<Option<ExportResult>> {
    let source = shared(&app)?.run(|wb| wb.export_source()).await?;
    let filter = match format {
        DataFormat::Csv => ("CSV", &["csv"][..]),
        DataFormat::Json => ("JSON", &["json"][..]),
        DataFormat::Graphml => ("GraphML", &["graphml"][..]),
        DataFormat::Gexf => ("GEXF", &["gexf"][..]),
        DataFormat::Html => ("HTML", &["html"][..]),
    };
    let question = Ask::Save { name: source.data_file_name(format), filter };
    let Some(path) = given_or_asked(&app, path, question).await? else { return Ok(None) };
    blocking(move || write_export(&path, &source.data(format, &scope, language)?)).await.map(Some)
}

/// Draws a figure and writes it; `path` null asks.
#[tauri::command]
pub async fn render_figure<R: Runtime>(
    app: AppHandle<R>,
    request: FigureRequest,
    path: Option<String>,
) -> Result<Option<ExportResult>> {
    let source = shared(&app)?.run(|wb| wb.export_source()).await?;
    let filter = match request.format {
        FigureFormat::Svg => ("SVG", &["svg"][..]),
        FigureFormat::Png => ("PNG", &["png"][..]),
    };
    let question = Ask::Save { name: source.figure_file_name(&request), filter };
    let Some(path) = given_or_asked(&app, path, question).await? else { return Ok(None) };
    blocking(move || write_export(&path, &source.figure(&request)?)).await.map(Some)
}

/// A question for the system's file dialog.
enum Ask {
    /// Which dossier to open.
    Open,
    /// Where to save, offering a file name, with one filter.
    Save { name: String, filter: (&'static str, &'static [&'static str]) },
}

/// The path the UI gave, or else the one the analyst picks in the file
/// dialog; `None` when they cancel it.
async fn given_or_asked<R: Runtime>(
    app: &AppHandle<R>,
    given: Option<String>,
    question: Ask,
) -> Result<Option<PathBuf>> {
    match given {
        Some(path) => Ok(Some(PathBuf::from(path))),
        None => ask(app, question).await,
    }
}

/// Shows the file dialog (it blocks, so off the main thread); `None` when cancelled.
async fn ask<R: Runtime>(app: &AppHandle<R>, question: Ask) -> Result<Option<PathBuf>> {
    let dialog = app.dialog().file();
    let chosen = match question {
        Ask::Open => {
            let dialog = dialog.add_filter("Lagebild dossier", &[EXTENSION]);
            blocking(move || Ok(dialog.blocking_pick_file())).await?
        }
        Ask::Save { name, filter } => {
            let dialog = dialog.set_file_name(name).add_filter(filter.0, filter.1);
            blocking(move || Ok(dialog.blocking_save_file())).await?
        }
    };
    chosen
        .map(|path| {
            path.into_path()
                .map_err(|e| WorkbenchError::io(format!("the chosen file is not a local file ({e})")))
        })
        .transpose()
}
