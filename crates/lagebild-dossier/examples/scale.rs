//! How the dossier file scales: analyses every `.txt` article in a folder,
//! puts them all in one new `.lagebild` file, then times what the app does
//! with it (open with all checks, corrected briefings, merging, one
//! correction, undo, save as) and reports the file's size.
//!
//! ```text
//! cargo run --release -p lagebild-dossier --example scale -- FOLDER [LIMIT]
//! ```

use lagebild_core::{analyse_bytes, dossier::merge, Document, Options};
use lagebild_dossier::{Dossier, Edit, Source};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(folder) = args.first() else {
        eprintln!("usage: scale FOLDER [LIMIT]   (a folder of .txt articles)");
        std::process::exit(2);
    };
    let limit = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(usize::MAX);
    if let Err(message) = run(Path::new(folder), limit) {
        eprintln!("scale: {message}");
        std::process::exit(1);
    }
}

/// The time `step` takes, printed as one row.
fn timed<T>(what: &str, step: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    let started = Instant::now();
    let out = step()?;
    println!("| {what} | {:.3} |", started.elapsed().as_secs_f64());
    Ok(out)
}

fn run(folder: &Path, limit: usize) -> Result<(), String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| format!("cannot read {}: {e}", folder.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.truncate(limit);
    let work = std::env::temp_dir().join(format!("lagebild-scale-{}", std::process::id()));
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let path = work.join("scale.lagebild");
    println!("| step ({} articles) | seconds |\n| --- | --- |", files.len());
    let options = Options::default();
    let analysed = timed("analyse every article", || {
        let mut out = Vec::new();
        for file in &files {
            let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
            if let Ok(briefing) = analyse_bytes(&bytes, &options) {
                out.push((file.display().to_string(), bytes, briefing));
            }
        }
        Ok(out)
    })?;
    timed("add them to a new dossier (one transaction each)", || {
        let mut dossier = Dossier::create(&path).map_err(|e| e.to_string())?;
        for (name, bytes, briefing) in &analysed {
            dossier.add_article(name, Source::Bytes(bytes.clone()), briefing).map_err(|e| e.to_string())?;
        }
        dossier.close().map_err(|e| e.to_string())
    })?;
    let mut dossier = timed("open with every check", || Dossier::open(&path).map_err(|e| e.to_string()))?;
    let corrected =
        timed("corrected briefings", || dossier.corrected_briefings().map_err(|e| e.to_string()))?;
    let documents: Vec<Document> =
        corrected.articles.into_iter().map(|a| Document { name: a.name, briefing: a.briefing }).collect();
    let merged = timed("merge into one view", || Ok(merge(&documents)))?;
    timed("one correction (rename an actor)", || {
        let actor = merged.actors.first().map(|a| a.id.clone()).unwrap_or_default();
        dossier.edit(Edit::RenameActor { actor, name: "renamed".into() }).map_err(|e| e.to_string())
    })?;
    timed("undo it", || dossier.undo().map_err(|e| e.to_string()))?;
    let copy = work.join("copy.lagebild");
    timed("save as", || dossier.save_as(&copy).map_err(|e| e.to_string()))?;
    let size = std::fs::metadata(&copy).map(|m| m.len()).unwrap_or(0);
    println!(
        "\n{} articles, {} merged events, {} actors; file {:.1} MB",
        documents.len(),
        merged.events.len(),
        merged.actors.len(),
        size as f64 / 1e6
    );
    drop(dossier);
    std::fs::remove_dir_all(&work).map_err(|e| e.to_string())
}
