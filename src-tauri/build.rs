//! Build script of the desktop shell.
//!
//! 1. Runs `tauri-build`: embeds the config and capabilities, and generates
//!    an `allow-…`/`deny-…` permission for each app command, so the
//!    capability in `capabilities/` can grant exactly the commands the UI
//!    uses.
//! 2. Writes `$OUT_DIR/samples.rs`: the sample dossier, i.e. every
//!    `samples/*.txt` at the repository root, embedded with `include_str!`
//!    and sorted by file name. No samples folder means an empty dossier.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The app commands (see `src/commands.rs` and `src/dossier_commands.rs`);
/// each gets a permission.
const COMMANDS: &[&str] = &[
    "sample_dossier",
    "analyse_text",
    "analyse_file",
    "app_info",
    // The dossier commands (see `src/dossier_commands.rs`).
    "dossier_view",
    "new_dossier",
    "open_dossier",
    "save_dossier_as",
    "recent_dossiers",
    "dossier_article",
    "import_article",
    "remove_article",
    "correct",
    "undo",
    "redo",
    "audit_log",
    "export_data",
    "render_figure",
];

fn main() {
    if let Err(e) = write_samples() {
        panic!("could not embed the sample dossier: {e}");
    }
    let attributes =
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {e:#}");
    }
}

fn write_samples() -> Result<(), Box<dyn std::error::Error>> {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let samples = manifest_dir.join("..").join("samples");
    // A directory: cargo reruns when any file in it changes, appears or goes.
    println!("cargo:rerun-if-changed={}", samples.display());

    let mut files: Vec<PathBuf> = match std::fs::read_dir(&samples) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();

    let mut code = String::from("/// `(file stem, text)` of every `samples/*.txt`, sorted by file name.\n");
    code.push_str("pub const SAMPLES: &[(&str, &str)] = &[\n");
    for file in &files {
        let stem = stem(file)?;
        let path = std::fs::canonicalize(file)?;
        writeln!(code, "    ({stem:?}, include_str!({:?})),", path.display().to_string())?;
    }
    code.push_str("];\n");

    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("samples.rs");
    std::fs::write(out, code)?;
    Ok(())
}

fn stem(file: &Path) -> Result<String, String> {
    file.file_stem()
        .and_then(|s| s.to_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("{} has no UTF-8 file name", file.display()))
}
