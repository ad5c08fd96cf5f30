//! `lagebild eval`: measures the engine against public annotated corpora.
//!
//! `eval events` scores the engine's first event per sentence against the
//! PLOVER and PETRARCH gold sentences (`events`).
//!
//! `eval timex` scores the engine's date expressions against the TIMEX gold
//! of WikiWarsDE and TempEval-3. Reading the corpora (`markup`, `timeml`,
//! `corpus`), scoring (`score`), grouping the errors (`errors`) and running
//! and printing (`timex`) each live in their own module.

mod corpus;
mod errors;
mod events;
mod markup;
mod score;
mod timeml;
mod timex;

use anyhow::Result;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: EvalCommand,
}

#[derive(clap::Subcommand)]
enum EvalCommand {
    /// Score the engine's dates against TIMEX gold (TempEval-3 metrics: strict and relaxed
    /// span P/R/F1, value accuracy, value F1).
    Timex(timex::Args),
    /// Score the engine's first event per sentence against the PLOVER and PETRARCH gold
    /// sentences (coverage, event type, quad class, source, target).
    Events(events::Args),
}

pub fn run(args: &Args) -> Result<ExitCode> {
    match &args.command {
        EvalCommand::Timex(args) => timex::run(args),
        EvalCommand::Events(args) => events::run(args),
    }
}

/// Says, in one line, that the corpora folder is missing, and gives the exit
/// code for it; `None` when the folder is there.
fn missing_corpora(dir: &std::path::Path) -> Option<ExitCode> {
    if dir.is_dir() {
        return None;
    }
    eprintln!("lagebild: the corpora folder {} does not exist; give it with --corpora DIR", dir.display());
    Some(ExitCode::from(2))
}
