//! Integration tests of the `lagebild` command: golden JSON for the bundled
//! sample dossier, and one-line errors (never a panic) for bad input.
//!
//! `UPDATE_GOLDEN=1 cargo test -p lagebild-cli` rewrites the golden files and
//! the UI's fixture (`ui/src/lib/backend/fixture.json`, the sample dossier
//! with UTF-16 offsets) after a deliberate change of the engine's output.

use lagebild_core::{analyse_bytes, Document, Options};
use std::path::{Path, PathBuf};

mod common;
use common::{lagebild, workspace};

fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(workspace().join("samples"))
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn compare_or_update(path: &Path, fresh: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_default();
        }
        std::fs::write(path, fresh).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == fresh, "{} differs from the engine's output: check the change, then run UPDATE_GOLDEN=1 cargo test -p lagebild-cli", path.display());
}

#[test]
fn golden_json_for_the_sample_dossier() {
    let files = samples();
    assert_eq!(files.len(), 2, "the sample dossier has a German and an English text");
    for file in &files {
        let out = lagebild(&["extract", &file.to_string_lossy()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let json = String::from_utf8_lossy(&out.stdout).into_owned();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(value["schema"], "lagebild/1");
        assert!(value["events"].as_array().is_some_and(|e| !e.is_empty()), "{stem}: no events");
        compare_or_update(&workspace().join(format!("crates/lagebild-cli/tests/golden/{stem}.json")), &json);
    }
}

#[test]
fn the_ui_fixture_is_the_sample_dossier() {
    let documents: Vec<Document> = samples()
        .iter()
        .map(|file| {
            let bytes = std::fs::read(file).unwrap_or_default();
            let briefing = analyse_bytes(&bytes, &Options::default())
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let name = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            Document { name, briefing: briefing.into_utf16_offsets() }
        })
        .collect();
    let json = serde_json::to_string_pretty(&documents).unwrap_or_default() + "\n";
    compare_or_update(&workspace().join("ui/src/lib/backend/fixture.json"), &json);
}

#[test]
fn the_seed_article_reads_as_german_with_its_date() {
    let seed = workspace().join("../shared/seed/diplo-news-nordkorea-2024-11-21.txt");
    if !seed.exists() {
        eprintln!("skipped: {} is not here (a fresh clone has no shared folder)", seed.display());
        return;
    }
    let out = lagebild(&["extract", &seed.to_string_lossy()]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(value["language"], "de");
    assert_eq!(value["published"], "2024-11-21");
    let actors: Vec<&str> =
        value["actors"].as_array().into_iter().flatten().filter_map(|a| a["id"].as_str()).collect();
    for id in ["north_korea", "russia", "eu", "un"] {
        assert!(actors.contains(&id), "{id} missing from {actors:?}");
    }
}

/// Each bad input gives a one-line message naming the problem, exit 1, no panic.
#[test]
fn bad_input_gives_one_line_and_a_failure_code() {
    let dir = std::env::temp_dir().join(format!("lagebild-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n\t ", "empty"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary"),
        ("report.txt", b"%PDF-1.4\n1 0 obj", "PDF"),
        ("broken.txt", b"Gr\xc3\xbc\xc3e aus \xff Kiew", "UTF-8"),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap_or_default();
        let out = lagebild(&["extract", &path.to_string_lossy()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{name}: {stderr}");
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
    let missing = dir.join("gone.txt");
    let out = lagebild(&["extract", &missing.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    let out = lagebild(&["extract", &dir.to_string_lossy()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a folder"));
    let sample = &samples()[0];
    let out = lagebild(&["extract", "--published", "21.11.2024", &sample.to_string_lossy()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
    std::fs::remove_dir_all(&dir).unwrap_or_default();
}

#[test]
fn out_dir_writes_one_json_per_article_and_survives_a_bad_one() {
    let dir = std::env::temp_dir().join(format!("lagebild-cli-out-{}", std::process::id()));
    let bad = std::env::temp_dir().join(format!("lagebild-cli-bad-{}.txt", std::process::id()));
    std::fs::write(&bad, b"").unwrap_or_default();
    let mut args = vec![
        "extract".to_string(),
        "--out".into(),
        dir.to_string_lossy().into_owned(),
        bad.to_string_lossy().into_owned(),
    ];
    args.extend(samples().iter().map(|p| p.to_string_lossy().into_owned()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = lagebild(&refs);
    assert_eq!(out.status.code(), Some(1), "the empty file fails the run");
    for sample in samples() {
        let stem = sample.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        assert!(dir.join(format!("{stem}.json")).exists(), "{stem}.json was not written");
    }
    std::fs::remove_dir_all(&dir).unwrap_or_default();
    std::fs::remove_file(&bad).unwrap_or_default();
}
