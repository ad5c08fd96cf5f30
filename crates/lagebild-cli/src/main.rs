//! `lagebild`: the engine on the command line. Thin: parse arguments, call
//! the engine, print, map errors to one line and an exit code.

#![cfg_attr(not(test), deny(clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

mod bench;
mod eval;
mod export;
mod extract;
mod input;
mod read;
mod render;

/// mimalloc rather than the platform's allocator: the engine makes many small,
/// short-lived allocations (words, spans, candidate lists), and mimalloc serves
/// them faster (about 5 to 8 % of the whole pipeline's time on Linux).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "lagebild",
    version,
    about = "Turn news articles into briefings: actors, dated events, who did what to whom."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and print (or write) their briefings as JSON.
    Extract(extract::Args),
    /// Measure the engine against public annotated corpora.
    Eval(eval::Args),
    /// Time the engine on articles, serial and parallel, and check both give the same briefings.
    Bench(bench::Args),
    /// Draw a figure (timeline, network, escalation) of the articles as SVG or PNG.
    Render(render::Args),
    /// Write the articles' events, network or a briefing page (CSV, JSON, GraphML, GEXF, HTML).
    Export(export::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Bench(args) => bench::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Export(args) => export::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("lagebild: {err:#}");
            ExitCode::from(1)
        }
    }
}
