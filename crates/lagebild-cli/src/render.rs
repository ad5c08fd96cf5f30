//! `lagebild render`: a figure of the dossier the articles make, as SVG or PNG.

use crate::input::{write_output, Input};
use anyhow::{bail, Result};
use lagebild_export::{render, Figure, FigureFormat};
use std::path::PathBuf;
use std::process::ExitCode;

/// Which figure.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    /// Dated events on a calendar axis, one lane per actor.
    Timeline,
    /// Actors and what they did to each other.
    Network,
    /// The monthly escalation index, for all events and one actor pair.
    Escalation,
}

/// The file format.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// Vector graphics, text kept as text.
    Svg,
    /// A bitmap at print scale (2400 px wide by default).
    Png,
}

#[derive(clap::Args)]
pub struct Args {
    /// Which figure to draw.
    #[arg(long, value_enum)]
    kind: Kind,
    /// The file format.
    #[arg(long, value_enum)]
    format: Format,
    /// Where to write the figure (- for standard output).
    #[arg(short = 'o', long = "out", value_name = "OUT")]
    out: PathBuf,
    /// PNG pixels per figure unit; figures are 1200 units wide.
    #[arg(long, default_value_t = 2.0)]
    scale: f64,
    #[command(flatten)]
    input: Input,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    if !(0.5..=4.0).contains(&args.scale) {
        bail!("--scale {} is out of range: give a value from 0.5 to 4", args.scale);
    }
    let options = args.input.figure_options(args.scale)?;
    let dossier = args.input.dossier()?;
    let figure = match args.kind {
        Kind::Timeline => Figure::Timeline,
        Kind::Network => Figure::Network,
        Kind::Escalation => Figure::Escalation,
    };
    let format = match args.format {
        Format::Svg => FigureFormat::Svg,
        Format::Png => FigureFormat::Png,
    };
    let bytes = render(&dossier, figure, format, &options)?;
    write_output(&args.out, &bytes)?;
    Ok(ExitCode::SUCCESS)
}
