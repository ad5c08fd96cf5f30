//! Integration tests of `lagebild eval timex` and `lagebild bench`: the date
//! evaluation runs over TE3-Platinum when the shared corpora lie beside the
//! repository (and says "skipped" otherwise); a missing corpora folder, a
//! malformed document and missing articles give one line and a non-zero
//! exit, never a panic; the benchmark over the sample dossier finds the
//! serial and parallel results identical, also for one stage alone and for
//! article lists. Nothing here uses the network.

use std::process::Output;

mod common;
use common::{lagebild, workspace};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Exits non-zero with exactly one line on stderr and no panic.
fn assert_one_line_failure(out: &Output, code: i32) {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("lagebild: ") && !stderr.contains("panicked"), "{stderr}");
}

#[test]
fn timex_eval_on_tempeval3_platinum() {
    let corpora = workspace().join("../shared/corpora");
    if !corpora.join("tempeval3-en/te3-platinum").is_dir() {
        println!("skipped: {} is not there", corpora.display());
        return;
    }
    let corpora = corpora.to_string_lossy().into_owned();
    let out = lagebild(&["eval", "timex", "--corpus", "tempeval3-platinum", "--corpora", &corpora]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.contains("F1") && stdout.contains("value accuracy"), "{stdout}");
    assert!(stdout.contains("20 documents") && stdout.contains("138 gold"), "{stdout}");

    let out = lagebild(&["eval", "timex", "--corpus", "tempeval3-platinum", "--corpora", &corpora, "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let f1 = json[0]["relaxed"]["f1"].as_f64().unwrap_or(-1.0);
    assert!((0.0..=1.0).contains(&f1), "{json}");
}

#[test]
fn timex_eval_without_corpora_says_so_and_exits_2() {
    let out = lagebild(&["eval", "timex", "--corpus", "wikiwars-de", "--corpora", "/nonexistent/corpora"]);
    assert_one_line_failure(&out, 2);
    assert!(text(&out.stderr).contains("/nonexistent/corpora"));
}

#[test]
fn timex_eval_on_malformed_markup_gives_one_line() {
    let dir = std::env::temp_dir().join(format!("lagebild-eval-test-{}", std::process::id()));
    let folder = dir.join("tempeval3-en/te3-platinum");
    std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(folder.join("broken.tml"), "<TimeML><TEXT>On <TIMEX3 value=\"2013\">2013</TEXT></TimeML>")
        .unwrap_or_else(|e| panic!("{e}"));
    let corpora = dir.to_string_lossy().into_owned();
    let out = lagebild(&["eval", "timex", "--corpus", "tempeval3-platinum", "--corpora", &corpora]);
    std::fs::remove_dir_all(&dir).unwrap_or_default();
    assert_one_line_failure(&out, 1);
    assert!(text(&out.stderr).contains("broken.tml") && text(&out.stderr).contains("line 1"));
}

#[test]
fn bench_on_the_samples_finds_identical_results() {
    let samples = workspace().join("samples").to_string_lossy().into_owned();
    let out = lagebild(&["bench", "--threads", "2", &samples]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.contains("MB/s") && stdout.contains("results identical: yes"), "{stdout}");
}

#[test]
fn bench_times_one_stage_alone_and_reports_json() {
    let samples = workspace().join("samples").to_string_lossy().into_owned();
    let whole = lagebild(&["bench", "--json", "--threads", "2", &samples]);
    assert!(whole.status.success(), "{}", text(&whole.stderr));
    let whole: serde_json::Value = serde_json::from_slice(&whole.stdout).unwrap_or_default();
    for (stage, counted, zero) in [("dates", "dates", "actors"), ("actors", "actors", "dates")] {
        let out = lagebild(&["bench", "--json", "--stage", stage, "--threads", "2", &samples]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        assert_eq!(json["stage"], stage, "{json}");
        assert_eq!(json["identical"], true, "{json}");
        assert!(json["serial"]["mb_per_s"].as_f64().unwrap_or(0.0) > 0.0, "{json}");
        for run in ["serial", "parallel"] {
            let (mean, best) = (&json[run]["mb_per_s"], &json[run]["best_mb_per_s"]);
            assert!(best.as_f64().unwrap_or(0.0) >= mean.as_f64().unwrap_or(f64::MAX), "{json}");
        }
        assert_eq!(json[counted], whole[counted], "{stage}: {json} against {whole}");
        assert!(json[counted].as_u64().unwrap_or(0) > 0 && json[zero] == 0, "{json}");
    }
}

#[test]
fn bench_reads_article_lists_with_a_date_and_language_each() {
    let dir = std::env::temp_dir().join(format!("lagebild-bench-list-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let list = dir.join("articles.jsonl");
    let lines = [
        r#"{"name": "de", "text": "Russland griff gestern die Ukraine an.", "published": "2024-03-04", "language": "de"}"#,
        r#"{"name": "en", "text": "France condemned the attack two days ago.", "published": "2024-03-04", "language": "en"}"#,
    ];
    std::fs::write(&list, lines.join("\n")).unwrap_or_else(|e| panic!("{e}"));
    let list = list.to_string_lossy().into_owned();
    let out = lagebild(&["bench", "--stage", "dates", "--json", &list]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!((json["articles"].as_u64(), json["dates"].as_u64()), (Some(2), Some(2)), "{json}");

    std::fs::write(dir.join("broken.jsonl"), "{\"text\": \"x\", \"language\": \"fr\"}")
        .unwrap_or_else(|e| panic!("{e}"));
    let out = lagebild(&["bench", &dir.join("broken.jsonl").to_string_lossy()]);
    assert_one_line_failure(&out, 1);
    assert!(text(&out.stderr).contains("line 1"), "{}", text(&out.stderr));
}

#[test]
fn bench_on_missing_articles_gives_one_line() {
    assert_one_line_failure(&lagebild(&["bench", "/nonexistent/article.txt"]), 1);
    assert_one_line_failure(&lagebild(&["bench", "--corpus", "wikinews-de", "--corpora", "/nonexistent"]), 2);
}

#[test]
fn events_eval_on_plover_and_petrarch() {
    let corpora = workspace().join("../shared/corpora");
    if !corpora.join("plover-gsr-en/PLOVER_GSR_CAMEO.txt").is_file()
        || !corpora.join("petrarch-validation-en/PETR2_GSR_validation.xml").is_file()
    {
        println!("skipped: the PLOVER/PETRARCH corpora are not in {}", corpora.display());
        return;
    }
    let corpora = corpora.to_string_lossy().into_owned();
    let args =
        ["eval", "events", "--corpus", "plover-gsr,petrarch-validation", "--corpora", &corpora, "--json"];
    let out = lagebild(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(json[0]["sentences"], 322, "{json}");
    assert_eq!(json[1]["sentences"], 66, "{json}");
    for report in json.as_array().into_iter().flatten() {
        for key in ["coverage", "type_accuracy", "quad_accuracy", "source_accuracy", "target_accuracy"] {
            let x = report[key].as_f64().unwrap_or(-1.0);
            assert!((0.0..=1.0).contains(&x), "{key}: {report}");
        }
    }
}

#[test]
fn events_eval_without_corpora_says_so_and_exits_2() {
    let out = lagebild(&["eval", "events", "--corpus", "plover-gsr", "--corpora", "/nonexistent/corpora"]);
    assert_one_line_failure(&out, 2);
    assert!(text(&out.stderr).contains("/nonexistent/corpora"));
}
