//! The workbench: the one open dossier file (`lagebild_dossier::Dossier`)
//! and every operation of the UI's `Backend` interface on it, without Tauri
//! (the commands in `crate::dossier_commands` are thin wrappers), so it can
//! be tested on its own.
//!
//! - **Start**: the first operation opens the dossier open when the app was
//!   last closed (the first of the recent files that opens) or, the first
//!   time, a new dossier holding the bundled sample articles.
//! - **Unsaved dossiers** (the sample, or one made with "new") live in a
//!   file in the app's data folder ([`Places`]) until "save as" moves them;
//!   they are listed first among the recent files while open, so they are
//!   opened again at the next start, but the UI's recent list leaves them
//!   out. "New" discards the unsaved dossier.
//! - **Saving**: every change is committed by the dossier file before the
//!   operation returns; there is nothing else to save.
//! - **Views**: each change answers with the new [`DossierView`]; the view
//!   is kept until the next change ([`Snapshot`]).

pub mod contract;
mod corrections;
pub mod error;
mod exports;
mod marks;
mod offsets;
mod places;
mod view;

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use lagebild_core::{Briefing, Language, Options};
use lagebild_dossier::{Dossier, Source};

use contract::{
    ArticleSummary, ArticleText, AuditEntry, Correction, DataFormat, DossierFile, DossierView, ExportScope,
    FigureRequest, RecentDossier,
};
use corrections::Plan;
use error::{Result, WorkbenchCode, WorkbenchError};
pub use exports::write as write_export;
pub use places::Places;
use view::{Article, Snapshot};

/// The sample articles: (name, text).
pub type Samples = Vec<(String, String)>;

/// The file extension of dossiers.
pub const EXTENSION: &str = "lagebild";

/// The open dossier and what the UI needs of it.
#[derive(Debug)]
pub struct Workbench {
    places: Places,
    samples: Samples,
    open: Option<Dossier>,
    revision: u64,
    cache: Option<Snapshot>,
}

impl Workbench {
    /// A workbench keeping its files in `places`, with `samples` for the
    /// first start. Nothing is opened until the first operation.
    pub fn new(places: Places, samples: Samples) -> Workbench {
        Workbench { places, samples, open: None, revision: 0, cache: None }
    }

    // ---- the dossier and its files

    /// The open dossier's view.
    pub fn view(&mut self) -> Result<DossierView> {
        Ok(self.snapshot()?.view.clone())
    }

    /// Discards the unsaved dossier, if any, and starts an empty one.
    pub fn new_dossier(&mut self) -> Result<DossierView> {
        self.close();
        let dossier = self.fresh_unsaved()?;
        self.switch_to(dossier)
    }

    /// Opens the dossier at `path` (after the file's checks) in place of the open one.
    pub fn open(&mut self, path: &Path) -> Result<DossierView> {
        if self.open.as_ref().is_some_and(|d| same_file(d.path(), path)) {
            return self.view();
        }
        let dossier = Dossier::open(path)?;
        self.switch_to(dossier)
    }

    /// Saves the dossier as `path` (`.lagebild` added when it has no
    /// extension) and goes on working there.
    pub fn save_as(&mut self, path: &Path) -> Result<DossierView> {
        let target = with_extension(path);
        let current = self.dossier()?.path().to_path_buf();
        let was_unsaved = self.places.is_unsaved(&current);
        self.dossier()?.save_as(&target)?;
        let mut recent = self.places.recent()?;
        if was_unsaved {
            if let Err(error) = self.places.delete_unsaved() {
                eprintln!("lagebild-app: {}", error.message);
            }
            remember(recent.remove(&self.places.unsaved()));
        }
        remember(recent.add(&target));
        self.changed();
        self.view()
    }

    /// The dossiers opened or saved lately, newest first; files that are gone, and the unsaved dossier, left out.
    pub fn recent_dossiers(&self) -> Result<Vec<RecentDossier>> {
        let recent = self.places.recent()?;
        Ok(recent
            .paths()
            .iter()
            .filter(|p| !self.places.is_unsaved(p))
            .filter_map(|p| {
                let changed = std::fs::metadata(p).and_then(|m| m.modified()).ok()?;
                Some(RecentDossier {
                    path: p.display().to_string(),
                    name: file_name(p),
                    opened_at: iso_time(changed),
                })
            })
            .collect())
    }

    // ---- articles

    /// One article's text and corrected analysis (UTF-16).
    pub fn article(&mut self, key: &str) -> Result<ArticleText> {
        let article = self.snapshot()?.article(key)?;
        Ok(ArticleText { summary: article.summary.clone(), briefing: article.utf16.clone() })
    }

    /// Adds an analysed article (the engine's briefing, UTF-8 spans).
    pub fn add_article(&mut self, name: &str, source: Source, briefing: &Briefing) -> Result<ArticleSummary> {
        let id = self.dossier()?.add_article(name, source, briefing)?;
        self.changed();
        Ok(self.snapshot()?.article(&view::article_key(id))?.summary.clone())
    }

    /// Removes an article (undo brings it back).
    pub fn remove_article(&mut self, key: &str) -> Result<DossierView> {
        let id = self.snapshot()?.article(key)?.id;
        self.dossier()?.remove_article(id)?;
        self.changed();
        self.view()
    }

    // ---- corrections, history, audit

    /// Applies one correction: all its edits or none.
    pub fn correct(&mut self, correction: &Correction) -> Result<DossierView> {
        let plan = corrections::plan(correction, self.snapshot()?)?;
        let dossier = self.dossier()?;
        let mut made = 0;
        let outcome = match plan {
            Plan::Edit(edits) => edits.into_iter().try_for_each(|edit| {
                dossier.edit(edit)?;
                made += 1;
                Ok::<(), lagebild_dossier::Error>(())
            }),
            Plan::Withdraw(ids) => ids.into_iter().try_for_each(|id| {
                dossier.remove_correction(id)?;
                made += 1;
                Ok(())
            }),
        };
        if outcome.is_err() {
            // A later report refused what an earlier one took: take those back.
            for _ in 0..made {
                if let Err(error) = dossier.undo() {
                    eprintln!("lagebild-app: could not take back a partial correction: {error}");
                }
            }
        }
        self.changed();
        outcome?;
        self.view()
    }

    /// Takes back the latest step.
    pub fn undo(&mut self) -> Result<DossierView> {
        if self.dossier()?.undo()?.is_none() {
            return Err(WorkbenchError::new(WorkbenchCode::NothingToUndo, "there is nothing to undo"));
        }
        self.changed();
        self.view()
    }

    /// Makes the latest undone step again.
    pub fn redo(&mut self) -> Result<DossierView> {
        if self.dossier()?.redo()?.is_none() {
            return Err(WorkbenchError::new(WorkbenchCode::NothingToRedo, "there is nothing to redo"));
        }
        self.changed();
        self.view()
    }

    /// Every change, oldest first.
    pub fn audit_log(&mut self) -> Result<Vec<AuditEntry>> {
        Ok(self.snapshot()?.audit_entries())
    }

    // ---- exports

    /// The open dossier's articles, for an export made without holding the workbench.
    pub fn export_source(&mut self) -> Result<ExportSource> {
        let stem = self.stem()?;
        Ok(ExportSource { articles: self.snapshot()?.articles.clone(), stem })
    }

    /// The name of the dossier's file without `.lagebild`, or `dossier` while unsaved.
    pub fn stem(&mut self) -> Result<String> {
        let path = self.dossier()?.path().to_path_buf();
        if self.places.is_unsaved(&path) {
            return Ok("dossier".to_owned());
        }
        Ok(path.file_stem().map_or_else(|| "dossier".to_owned(), |s| s.to_string_lossy().into_owned()))
    }

    // ---- inside

    /// The open dossier, opened on first use.
    fn dossier(&mut self) -> Result<&mut Dossier> {
        if self.open.is_none() {
            let dossier = self.start()?;
            self.open = Some(dossier);
            self.changed();
        }
        self.open.as_mut().ok_or_else(|| WorkbenchError::internal("no dossier is open"))
    }

    /// The open dossier's view and what it was made from, read once per change.
    fn snapshot(&mut self) -> Result<&Snapshot> {
        self.dossier()?;
        if self.cache.is_none() {
            let file = self.file()?;
            let dossier = self.open.as_ref().ok_or_else(|| WorkbenchError::internal("no dossier is open"))?;
            self.cache = Some(Snapshot::read(dossier, file, self.revision)?);
        }
        self.cache.as_ref().ok_or_else(|| WorkbenchError::internal("the dossier view is missing"))
    }

    fn changed(&mut self) {
        self.revision += 1;
        self.cache = None;
    }

    /// Closes the open dossier (the app is quitting); the next operation opens it again.
    pub fn close(&mut self) {
        if let Some(dossier) = self.open.take() {
            if let Err(error) = dossier.close() {
                eprintln!("lagebild-app: {error}");
            }
        }
        self.changed();
    }

    /// Makes `dossier` the open one, first among the recent files.
    fn switch_to(&mut self, dossier: Dossier) -> Result<DossierView> {
        remember(self.places.recent()?.add(dossier.path()));
        self.close();
        self.open = Some(dossier);
        self.view()
    }

    /// The dossier to open at start (see the module docs).
    fn start(&self) -> Result<Dossier> {
        for path in self.places.recent()?.paths() {
            match Dossier::open(path) {
                Ok(dossier) => return Ok(dossier),
                Err(error) => eprintln!("lagebild-app: not reopened: {error}"),
            }
        }
        let mut dossier = self.fresh_unsaved()?;
        for (name, text) in &self.samples {
            let briefing = lagebild_core::analyse_text(text, &Options::default()).map_err(|e| e.to_api())?;
            dossier.add_article(name, Source::Text(text.clone()), &briefing)?;
        }
        remember(self.places.recent()?.add(dossier.path()));
        Ok(dossier)
    }

    /// A new, empty unsaved dossier in place of the old one, unless that is
    /// open in another window.
    fn fresh_unsaved(&self) -> Result<Dossier> {
        self.places.make_data_folder()?;
        let file = self.places.unsaved();
        if file.exists() {
            match Dossier::open(&file) {
                Err(error @ lagebild_dossier::Error::InUse { .. }) => return Err(error.into()),
                Ok(old) => drop(old),
                // A damaged unsaved dossier is replaced.
                Err(_) => {}
            }
            self.places.delete_unsaved()?;
        }
        Ok(Dossier::create(&file)?)
    }

    /// Where the open dossier lives.
    fn file(&self) -> Result<DossierFile> {
        let dossier = self.open.as_ref().ok_or_else(|| WorkbenchError::internal("no dossier is open"))?;
        let path = dossier.path();
        if !self.places.is_unsaved(path) {
            return Ok(DossierFile {
                path: Some(path.display().to_string()),
                name: Some(file_name(path)),
                sample: false,
            });
        }
        let names: Vec<String> = dossier.articles()?.into_iter().map(|a| a.name).collect();
        let sample = !names.is_empty() && names.iter().eq(self.samples.iter().map(|(name, _)| name));
        Ok(DossierFile { path: None, name: None, sample })
    }
}

/// What an export is made of, taken out of the workbench.
#[derive(Debug, Clone)]
pub struct ExportSource {
    articles: Vec<Article>,
    /// The name of the dossier's file without `.lagebild`, or `dossier`.
    pub stem: String,
}

impl ExportSource {
    /// A data export's bytes.
    pub fn data(&self, format: DataFormat, scope: &ExportScope, language: Language) -> Result<Vec<u8>> {
        exports::data(&self.articles, format, scope, language)
    }

    /// A figure's bytes.
    pub fn figure(&self, request: &FigureRequest) -> Result<Vec<u8>> {
        exports::figure(&self.articles, request)
    }

    /// The file name offered for a data export.
    pub fn data_file_name(&self, format: DataFormat) -> String {
        exports::data_file_name(&self.stem, format)
    }

    /// The file name offered for a figure.
    pub fn figure_file_name(&self, request: &FigureRequest) -> String {
        exports::figure_file_name(&self.stem, request)
    }
}

/// The recent-files list only helps: a failure to update it is reported, not fatal.
fn remember(outcome: lagebild_dossier::Result<()>) {
    if let Err(error) = outcome {
        eprintln!("lagebild-app: {error}");
    }
}

/// `path`, with `.lagebild` added when it has no extension.
fn with_extension(path: &Path) -> PathBuf {
    if path.extension().is_some() {
        path.to_path_buf()
    } else {
        path.with_extension(EXTENSION)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Whether two paths name one file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn iso_time(time: SystemTime) -> String {
    chrono::DateTime::<chrono::Utc>::from(time).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
