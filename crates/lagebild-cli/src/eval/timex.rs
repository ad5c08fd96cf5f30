//! `lagebild eval timex`: runs the engine over each document of a temporal
//! gold corpus, with the document's creation time as publication date and
//! the corpus language, scores the dates it finds and prints a table (or
//! JSON) per corpus, optionally with the most common errors.

use super::corpus::Corpus;
use super::errors::{Errors, Group};
use super::score::{score, Counts, Expr};
use super::timeml;
use anyhow::{bail, Context, Result};
use lagebild_core::{analyse_text, parse_date_argument, Options};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Args {
    /// The corpus to score against (repeat or separate with commas for several).
    #[arg(long, value_enum, required = true, value_delimiter = ',', value_name = "NAME")]
    corpus: Vec<Corpus>,
    /// The folder that holds the corpora.
    #[arg(long, value_name = "DIR", default_value = "../shared/corpora")]
    corpora: PathBuf,
    /// Print the results as JSON.
    #[arg(long)]
    json: bool,
    /// Also list the N most common errors of each kind, with examples.
    #[arg(long, value_name = "N", default_value_t = 0)]
    errors: usize,
}

/// The outcome for one corpus.
struct Report {
    corpus: Corpus,
    documents: usize,
    counts: Counts,
    /// Documents the engine refused (scored as finding nothing).
    refused: usize,
    /// How the creation times were obtained.
    dct_note: String,
    total: Duration,
    engine: Duration,
    errors: Errors,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    if let Some(code) = super::missing_corpora(&args.corpora) {
        return Ok(code);
    }
    let mut reports = Vec::new();
    for &corpus in &args.corpus {
        if !args.corpora.join(corpus.folder()).is_dir() {
            eprintln!(
                "lagebild: corpus {} not found: {} does not exist",
                corpus.name(),
                args.corpora.join(corpus.folder()).display()
            );
            return Ok(ExitCode::from(2));
        }
        reports.push(evaluate(corpus, &args.corpora)?);
    }
    if args.json {
        let all: Vec<Value> = reports.iter().map(|r| to_json(r, args.errors)).collect();
        println!("{}", serde_json::to_string_pretty(&all)?);
    } else {
        for report in &reports {
            print!("{}", table(report));
            if args.errors > 0 {
                print!("{}", error_lists(report, args.errors));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn evaluate(corpus: Corpus, corpora: &Path) -> Result<Report> {
    let started = Instant::now();
    let files = corpus.files(corpora)?;
    if files.is_empty() {
        bail!("corpus {} has no documents in {}", corpus.name(), corpora.join(corpus.folder()).display());
    }
    let mut report = Report {
        corpus,
        documents: files.len(),
        counts: Counts::default(),
        refused: 0,
        dct_note: String::new(),
        total: Duration::ZERO,
        engine: Duration::ZERO,
        errors: Errors::default(),
    };
    let (mut stated, mut fallback, mut none) = (0, 0, 0);
    for file in &files {
        let raw = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
        let doc = timeml::read(&raw).with_context(|| file.display().to_string())?;
        let dct = match (&doc.dct, corpus.fallback_dct()) {
            (Some(d), _) => {
                stated += 1;
                Some(d.as_str())
            }
            (None, Some(d)) => {
                fallback += 1;
                Some(d)
            }
            (None, None) => {
                none += 1;
                None
            }
        };
        let options = Options {
            published: dct
                .map(parse_date_argument)
                .transpose()
                .with_context(|| file.display().to_string())?,
            language: Some(corpus.language()),
        };
        let engine_started = Instant::now();
        let analysed = analyse_text(&doc.text, &options);
        report.engine += engine_started.elapsed();
        let found: Vec<Expr> = match analysed {
            Ok(briefing) => {
                if briefing.text != doc.text {
                    bail!(
                        "{}: the engine changed the text, so its offsets cannot be compared",
                        file.display()
                    );
                }
                // Both texts are identical, so the engine's UTF-8 byte
                // offsets are offsets into the document text as they stand.
                briefing
                    .dates
                    .into_iter()
                    .map(|d| Expr { start: d.span.start(), end: d.span.end(), value: d.value })
                    .collect()
            }
            Err(err) => {
                eprintln!("lagebild: {}: {err}", file.display());
                report.refused += 1;
                Vec::new()
            }
        };
        let (counts, outcomes) = score(&doc.timexes, &found);
        report.counts.add(&counts);
        report.errors.add(&doc.text, &doc.timexes, &found, &outcomes);
    }
    report.dct_note = match (stated, fallback, none) {
        (_, 0, 0) => "creation time from each file".into(),
        (0, _, 0) => format!("creation time {} for all", corpus.fallback_dct().unwrap_or("?")),
        _ => format!("creation time: {stated} from the file, {fallback} default, {none} none"),
    };
    report.total = started.elapsed();
    Ok(report)
}

fn language_name(corpus: Corpus) -> &'static str {
    match corpus.language() {
        lagebild_core::Language::De => "German",
        lagebild_core::Language::En => "English",
    }
}

fn table(r: &Report) -> String {
    let c = &r.counts;
    let (s, x) = (c.strict(), c.relaxed());
    let mut out = format!(
        "{}: {} documents ({}, {}), {} gold, {} predicted, {:.2} s (engine {:.2} s)\n",
        r.corpus.name(),
        r.documents,
        language_name(r.corpus),
        r.dct_note,
        c.gold,
        c.predicted,
        r.total.as_secs_f64(),
        r.engine.as_secs_f64()
    );
    if r.refused > 0 {
        out += &format!("  {} documents refused by the engine (scored as finding nothing)\n", r.refused);
    }
    out += &format!("  {:<8} {:>6} {:>6} {:>6}\n", "", "P", "R", "F1");
    out += &format!("  {:<8} {:>6.3} {:>6.3} {:>6.3}\n", "strict", s.p, s.r, s.f1);
    out += &format!("  {:<8} {:>6.3} {:>6.3} {:>6.3}\n", "relaxed", x.p, x.r, x.f1);
    out += &format!(
        "  value accuracy {:.3} ({} of {} relaxed matches), value F1 {:.3}\n\n",
        c.value_accuracy(),
        c.value_correct,
        c.relaxed_gold,
        c.value_f1()
    );
    out
}

fn error_lists(r: &Report, n: usize) -> String {
    let mut out = String::new();
    for (_, title, groups) in r.errors.top(n) {
        out += &format!("  {} — {title}:\n", r.corpus.name());
        if groups.is_empty() {
            out += "    (none)\n";
        }
        for g in groups {
            out += &format!("    {:>5}  {}: {}\n", g.count, g.key, g.examples.join("; "));
        }
    }
    out.push('\n');
    out
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn to_json(r: &Report, n: usize) -> Value {
    let c = &r.counts;
    let prf = |p: super::score::Prf| json!({ "p": round(p.p), "r": round(p.r), "f1": round(p.f1) });
    let groups = |gs: Vec<Group>| -> Value {
        gs.into_iter().map(|g| json!({ "kind": g.key, "count": g.count, "examples": g.examples })).collect()
    };
    let mut value = json!({
        "corpus": r.corpus.name(),
        "language": r.corpus.language().code(),
        "documents": r.documents,
        "refused": r.refused,
        "creation_time": r.dct_note,
        "gold": c.gold,
        "predicted": c.predicted,
        "strict": prf(c.strict()),
        "relaxed": prf(c.relaxed()),
        "value_accuracy": round(c.value_accuracy()),
        "value_f1": round(c.value_f1()),
        "counts": {
            "strict_gold": c.strict_gold,
            "strict_predicted": c.strict_predicted,
            "relaxed_gold": c.relaxed_gold,
            "relaxed_predicted": c.relaxed_predicted,
            "value_correct": c.value_correct,
        },
        "seconds": round(r.total.as_secs_f64()),
        "engine_seconds": round(r.engine.as_secs_f64()),
    });
    if n > 0 {
        let lists: serde_json::Map<String, Value> =
            r.errors.top(n).into_iter().map(|(id, _, gs)| (id.to_string(), groups(gs))).collect();
        value["errors"] = Value::Object(lists);
    }
    value
}
