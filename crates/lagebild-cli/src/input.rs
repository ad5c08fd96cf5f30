//! The articles a figure or an export is made from: each analysed by the
//! engine, then merged into one dossier.

use crate::extract::{analyse_file, Offsets};
use anyhow::Result;
use lagebild_core::dossier::{merge, Dossier};
use lagebild_core::{Document, Language, Options};
use std::path::{Path, PathBuf};

/// The arguments both `render` and `export` take.
#[derive(clap::Args)]
pub struct Input {
    /// Language of the labels and headings; the language most articles are written in when absent.
    #[arg(long, value_parser = ["de", "en"])]
    pub labels: Option<String>,
    /// The actor pair of the escalation chart, as two ids or names: --pair north_korea,russia.
    /// The pair with the most dated events when absent.
    #[arg(long, value_name = "A,B")]
    pub pair: Option<String>,
    /// The articles (plain text; UTF-8, UTF-16 with BOM or Windows-1252).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

impl Input {
    /// The articles analysed and merged; the first article that cannot be
    /// read or analysed stops it with its name.
    pub fn dossier(&self) -> Result<Dossier> {
        let documents: Vec<Document> = self
            .files
            .iter()
            .map(|file| {
                let briefing = analyse_file(file, &Options::default(), Offsets::Utf8)?;
                Ok(Document { name: article_name(file), briefing })
            })
            .collect::<Result<_>>()?;
        Ok(merge(&documents))
    }

    /// The figure options these arguments ask for.
    pub fn figure_options(&self, png_scale: f64) -> Result<lagebild_export::FigureOptions> {
        let pair = match &self.pair {
            None => None,
            Some(given) => match given.split_once(',') {
                Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                    Some((a.trim().to_string(), b.trim().to_string()))
                }
                _ => anyhow::bail!(
                    "--pair {given:?} is not two actors: write it as A,B, e.g. north_korea,russia"
                ),
            },
        };
        let language = self.labels.as_deref().map(|l| if l == "de" { Language::De } else { Language::En });
        Ok(lagebild_export::FigureOptions { png_scale, language, pair })
    }
}

/// An article's name in the dossier: its file name without the extension.
fn article_name(file: &Path) -> String {
    file.file_stem().map_or_else(|| file.display().to_string(), |s| s.to_string_lossy().into_owned())
}

/// Writes the output to a file, or to standard output for `-`.
pub fn write_output(out: &Path, bytes: &[u8]) -> Result<()> {
    use anyhow::Context;
    use std::io::Write;
    if out == Path::new("-") {
        return std::io::stdout().write_all(bytes).context("cannot write to standard output");
    }
    std::fs::write(out, bytes).with_context(|| format!("cannot write {}", out.display()))
}
