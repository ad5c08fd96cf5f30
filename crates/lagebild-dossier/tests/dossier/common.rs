//! Fixtures: scratch folders, the bundled sample articles analysed by the
//! engine, and file hashes.

use lagebild_core::{Briefing, Options};
use lagebild_dossier::{Dossier, Source};
use sha2::Digest;
use std::path::{Path, PathBuf};

/// A fresh, empty folder for one test, under Cargo's temporary folder.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dossier-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The English sample article.
pub const ENGLISH: &str = "north-korea-2024-en.txt";
/// The German sample article.
pub const GERMAN: &str = "nordkorea-2024-de.txt";

/// A sample article's text.
pub fn sample_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The engine's briefing of a text.
pub fn analyse(text: &str) -> Briefing {
    lagebild_core::analyse_text(text, &Options::default()).unwrap()
}

/// A new dossier at `path` with the sample article `name`.
pub fn dossier_with(path: &Path, names: &[&str]) -> Dossier {
    let mut dossier = Dossier::create(path).unwrap();
    for name in names {
        let text = sample_text(name);
        let briefing = analyse(&text);
        dossier.add_article(name, Source::Text(text), &briefing).unwrap();
    }
    dossier
}

/// Hex SHA-256 of a file.
pub fn file_hash(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The names in a folder, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
