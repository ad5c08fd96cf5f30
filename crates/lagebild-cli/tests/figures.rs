//! Integration tests of `lagebild render` and `lagebild export` on the
//! bundled sample dossier: every figure in both formats and every export
//! format is written where asked, and bad arguments give one line and exit
//! code 1, never a panic. (The files' contents are read back in detail by
//! the tests of the lagebild-export crate.)

use std::path::PathBuf;
use std::process::Output;

mod common;
use common::{lagebild, workspace};

fn samples() -> Vec<String> {
    ["nordkorea-2024-de.txt", "north-korea-2024-en.txt"]
        .iter()
        .map(|f| workspace().join("samples").join(f).to_string_lossy().into_owned())
        .collect()
}

/// A fresh folder for this test's output.
fn out_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lagebild-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn run(args: &[&str], files: &[String]) -> Output {
    let all: Vec<&str> = args.iter().copied().chain(files.iter().map(String::as_str)).collect();
    lagebild(&all)
}

fn assert_one_line_failure(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line, got: {stderr}");
    assert!(stderr.starts_with("lagebild: ") && !stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn render_writes_every_figure_as_svg_and_png() {
    let dir = out_dir("render");
    for kind in ["timeline", "network", "escalation"] {
        for format in ["svg", "png"] {
            let out_file = dir.join(format!("{kind}.{format}"));
            let out = run(
                &["render", "--kind", kind, "--format", format, "-o", &out_file.to_string_lossy()],
                &samples(),
            );
            assert!(out.status.success(), "{kind} {format}: {}", String::from_utf8_lossy(&out.stderr));
            let bytes = std::fs::read(&out_file).unwrap_or_else(|e| panic!("{kind} {format}: {e}"));
            if format == "png" {
                assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{kind}: a PNG signature");
                let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
                assert_eq!(width, 2400, "{kind}: print width");
            } else {
                let svg = String::from_utf8_lossy(&bytes);
                assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{kind}");
                assert!(svg.contains("Nordkorea") && svg.contains("Quellen: "), "{kind}: labels in German");
            }
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn render_takes_a_pair_and_the_label_language() {
    let out = run(
        &[
            "render",
            "--kind",
            "escalation",
            "--format",
            "svg",
            "--labels",
            "en",
            "--pair",
            "russia,North Korea",
            "-o",
            "-",
        ],
        &samples(),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let svg = String::from_utf8_lossy(&out.stdout);
    assert!(svg.contains("Escalation over time") && svg.contains("Russia and North Korea"), "{svg}");
}

#[test]
fn export_writes_every_format() {
    let dir = out_dir("export");
    for (format, start) in [
        ("csv", "id,date,start,end,precision"),
        ("json", "{"),
        ("graphml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml"),
        ("gexf", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf"),
        ("html", "<!DOCTYPE html>"),
    ] {
        let out_file = dir.join(format!("dossier.{format}"));
        let out = run(&["export", "--format", format, "-o", &out_file.to_string_lossy()], &samples());
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        let text = std::fs::read_to_string(&out_file).unwrap_or_else(|e| panic!("{format}: {e}"));
        assert!(text.starts_with(start), "{format}: {}", &text[..text.len().min(200)]);
        if format == "json" {
            let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            assert_eq!(value["schema"], "lagebild-dossier/1");
            assert_eq!(value["articles"].as_array().map(Vec::len), Some(2));
            assert!(value["events"].as_array().is_some_and(|e| !e.is_empty()));
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn bad_arguments_and_files_give_one_line() {
    let cases: [(&[&str], &str); 5] = [
        (
            &["render", "--kind", "escalation", "--format", "svg", "--pair", "russia,atlantis", "-o", "-"],
            "atlantis",
        ),
        (&["render", "--kind", "escalation", "--format", "svg", "--pair", "russia", "-o", "-"], "A,B"),
        (&["render", "--kind", "network", "--format", "png", "--scale", "40", "-o", "-"], "--scale"),
        (&["export", "--format", "csv", "-o", "/nonexistent/folder/out.csv"], "cannot write"),
        (&["export", "--format", "csv", "-o", "-", "/nonexistent/article.txt"], "cannot read"),
    ];
    for (args, expected) in cases {
        let out = run(args, &samples());
        let stderr = assert_one_line_failure(&out);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}
