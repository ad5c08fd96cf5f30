//! `lagebild export`: the dossier the articles make, as CSV, JSON, GraphML,
//! GEXF or a one-page HTML briefing.

use crate::input::{write_output, Input};
use anyhow::Result;
use lagebild_export::{export, ExportFormat};
use std::path::PathBuf;
use std::process::ExitCode;

/// The file format.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// The events, one row each.
    Csv,
    /// The whole merged dossier.
    Json,
    /// The actor network for graph tools.
    Graphml,
    /// The actor network for Gephi.
    Gexf,
    /// A one-page briefing with the figures and the cited sentences.
    Html,
}

#[derive(clap::Args)]
pub struct Args {
    /// The file format.
    #[arg(long, value_enum)]
    format: Format,
    /// Where to write it (- for standard output).
    #[arg(short = 'o', long = "out", value_name = "OUT")]
    out: PathBuf,
    #[command(flatten)]
    input: Input,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let options = args.input.figure_options(lagebild_export::FigureOptions::default().png_scale)?;
    let dossier = args.input.dossier()?;
    let format = match args.format {
        Format::Csv => ExportFormat::Csv,
        Format::Json => ExportFormat::Json,
        Format::Graphml => ExportFormat::Graphml,
        Format::Gexf => ExportFormat::Gexf,
        Format::Html => ExportFormat::Html,
    };
    let bytes = export(&dossier, format, &options)?;
    write_output(&args.out, &bytes)?;
    Ok(ExitCode::SUCCESS)
}
