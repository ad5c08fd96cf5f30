//! `lagebild extract`: one article to stdout, or many into a folder.

use anyhow::{bail, Context, Result};
use lagebild_core::{analyse_bytes, parse_date_argument, Briefing, Language, Options};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Offsets in the printed JSON.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Offsets {
    /// UTF-8 bytes (the engine's unit).
    Utf8,
    /// UTF-16 code units (what JavaScript indexes).
    Utf16,
}

#[derive(clap::Args)]
pub struct Args {
    /// Publication date (YYYY-MM-DD); overrides a date line in the text.
    #[arg(long)]
    published: Option<String>,
    /// Language of the articles; detected when absent.
    #[arg(long, value_parser = ["de", "en"])]
    lang: Option<String>,
    /// Write DIR/NAME.json for each NAME.txt instead of printing.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The unit of the spans in the JSON.
    #[arg(long, value_enum, default_value = "utf8")]
    offsets: Offsets,
    /// Print compact JSON on one line.
    #[arg(long)]
    compact: bool,
    /// The articles: plain text (UTF-8, UTF-16 with BOM or Windows-1252) or saved web pages (HTML).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let options = Options {
        published: args.published.as_deref().map(parse_date_argument).transpose()?,
        language: args.lang.as_deref().map(|l| if l == "de" { Language::De } else { Language::En }),
    };
    let Some(dir) = &args.out else {
        if args.files.len() > 1 {
            bail!("several files need --out DIR, so that each gets its own JSON file");
        }
        let Some(file) = args.files.first() else {
            bail!("name the article file to analyse");
        };
        let briefing = analyse_file(file, &options, args.offsets)?;
        println!("{}", to_json(&briefing, args.compact)?);
        return Ok(ExitCode::SUCCESS);
    };
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the output folder {}", dir.display()))?;
    let mut failed = 0;
    for file in &args.files {
        let stem = file.file_stem().map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
        let target = dir.join(format!("{stem}.json"));
        let outcome = analyse_file(file, &options, args.offsets)
            .and_then(|b| to_json(&b, args.compact))
            .and_then(|json| {
                std::fs::write(&target, json + "\n")
                    .with_context(|| format!("cannot write {}", target.display()))
            });
        if let Err(err) = outcome {
            eprintln!("lagebild: {err:#}");
            failed += 1;
        }
    }
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub(crate) fn analyse_file(path: &Path, options: &Options, offsets: Offsets) -> Result<Briefing> {
    let bytes = crate::read::article_bytes(path)?;
    let briefing = analyse_bytes(&bytes, options).with_context(|| path.display().to_string())?;
    Ok(match offsets {
        Offsets::Utf8 => briefing,
        Offsets::Utf16 => briefing.into_utf16_offsets(),
    })
}

fn to_json(briefing: &Briefing, compact: bool) -> Result<String> {
    Ok(if compact { serde_json::to_string(briefing)? } else { serde_json::to_string_pretty(briefing)? })
}
