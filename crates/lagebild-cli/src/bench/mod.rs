//! `lagebild bench`: how fast the engine reads articles (bytes in, result
//! out), first on one thread, then in parallel over articles, and whether
//! both runs give the same results. `--stage` times one stage alone (the
//! date tagger or actor recognition, after the shared cleaning, language and
//! sentence stages) instead of the whole pipeline, so that other taggers can
//! be compared with it on the same texts. Each article's result is
//! fingerprinted (a hash of its JSON), so the benchmark is also a check that
//! the engine is deterministic and thread-safe.

mod articles;
mod passes;

use anyhow::{bail, Result};
use articles::{read_path, read_wikinews, Article};
use passes::{differences, fingerprints, parallel_passes, serial, timed_pass, Outcome, Stage};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// A bundled corpus of articles to time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BenchCorpus {
    /// The 998 German Wikinews articles of the quotation-attribution corpus
    /// (`originalText` of wikinews-de-quotation-attribution/*.jsonl).
    #[value(name = "wikinews-de")]
    WikinewsDe,
}

#[derive(clap::Args)]
pub struct Args {
    /// Threads for the parallel run [default: the available parallelism].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Timed passes over all articles, serial and parallel each; the figures are per pass.
    #[arg(long, value_name = "R", default_value_t = 1)]
    repeat: usize,
    /// What to time: the whole pipeline, or one stage alone.
    #[arg(long, value_enum, default_value_t = Stage::All)]
    stage: Stage,
    /// Print the figures as one JSON object.
    #[arg(long)]
    json: bool,
    /// Also time the articles of a bundled corpus.
    #[arg(long, value_enum, value_name = "NAME")]
    corpus: Option<BenchCorpus>,
    /// The folder that holds the corpora (for --corpus).
    #[arg(long, value_name = "DIR", default_value = "../shared/corpora")]
    corpora: PathBuf,
    /// Article files (.txt), folders of them, or article lists (.jsonl: one
    /// {"text", "name", "published", "language"} object a line).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
}

/// The timing of one run (serial or parallel), per pass.
struct Run {
    label: String,
    threads: usize,
    /// The mean time of a pass.
    seconds: f64,
    /// The quickest pass: on a shared machine the one least slowed by
    /// others, and the steadier figure to compare builds by.
    best_seconds: f64,
}

impl Run {
    fn new(label: String, threads: usize, passes: &[Duration]) -> Run {
        let total: Duration = passes.iter().sum();
        let best = passes.iter().min().copied().unwrap_or_default();
        Run {
            label,
            threads,
            seconds: total.as_secs_f64() / passes.len().max(1) as f64,
            best_seconds: best.as_secs_f64(),
        }
    }
}

pub fn run(args: &Args) -> Result<ExitCode> {
    if args.paths.is_empty() && args.corpus.is_none() {
        bail!("nothing to time: give article files or folders, or --corpus wikinews-de");
    }
    if args.repeat == 0 {
        bail!("--repeat must be at least 1");
    }
    let threads = match args.threads {
        Some(0) => bail!("--threads must be at least 1"),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut articles = Vec::new();
    for path in &args.paths {
        read_path(path, &mut articles)?;
    }
    if let Some(BenchCorpus::WikinewsDe) = args.corpus {
        if !args.corpora.is_dir() {
            eprintln!(
                "lagebild: the corpora folder {} does not exist; give it with --corpora DIR",
                args.corpora.display()
            );
            return Ok(ExitCode::from(2));
        }
        read_wikinews(&args.corpora.join("wikinews-de-quotation-attribution"), &mut articles)?;
    }
    if articles.is_empty() {
        bail!("no .txt articles found in the paths given");
    }
    let stage = args.stage;

    // The warm-up pass: its results are the reference, its per-article
    // times name the slowest articles. The engine's one-time set-up (its
    // lexicons and patterns) is paid before, so it lands on no article.
    let _ = passes::analyse(&articles[0], stage);
    let (warm_up, took) = timed_pass(&articles, stage);
    let reference = fingerprints(warm_up);
    let mut serial_times = Vec::with_capacity(args.repeat);
    let mut parallel_times = Vec::with_capacity(args.repeat);
    let mut differing: Vec<usize> = Vec::new();
    for _ in 0..args.repeat {
        let started = Instant::now();
        let results = serial(&articles, stage);
        serial_times.push(started.elapsed());
        differing.extend(differences(&reference, &fingerprints(results)));
    }
    // The parallel threads are warmed up by one untimed pass of their own,
    // as the serial run is by the warm-up pass.
    for (results, took) in parallel_passes(&articles, stage, threads, args.repeat + 1)?.into_iter().skip(1) {
        parallel_times.push(took);
        differing.extend(differences(&reference, &fingerprints(results)));
    }
    let runs = [
        Run::new("serial, 1 thread".to_string(), 1, &serial_times),
        Run::new(
            format!("parallel, {threads} thread{}", if threads == 1 { "" } else { "s" }),
            threads,
            &parallel_times,
        ),
    ];
    differing.sort_unstable();
    differing.dedup();
    let summary = Summary::new(&articles, &reference, &took, stage, args.repeat, runs, differing);
    if args.json {
        println!("{}", summary.json());
    } else {
        summary.print();
    }
    Ok(if summary.identical() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// What a benchmark run found, ready to print.
struct Summary {
    stage: Stage,
    articles: usize,
    bytes: usize,
    repeat: usize,
    runs: [Run; 2],
    refused: usize,
    dates: usize,
    actors: usize,
    events: usize,
    fingerprint: u64,
    /// The articles whose results differ between passes, by name.
    differing: Vec<String>,
    /// The three slowest articles of the warm-up, with their size and time.
    slowest: Vec<String>,
}

impl Summary {
    fn new(
        articles: &[Article],
        reference: &[Outcome],
        took: &[Duration],
        stage: Stage,
        repeat: usize,
        runs: [Run; 2],
        differing: Vec<usize>,
    ) -> Summary {
        let mut order: Vec<usize> = (0..articles.len()).collect();
        order.sort_by(|&a, &b| took[b].cmp(&took[a]));
        let slowest = order
            .iter()
            .take(3)
            .map(|&i| {
                let kb = articles[i].bytes.len() as f64 / 1e3;
                format!("{} ({kb:.1} kB, {:.0} ms)", articles[i].name, took[i].as_secs_f64() * 1e3)
            })
            .collect();
        let mut total = DefaultHasher::new();
        reference.iter().for_each(|o| o.fingerprint.hash(&mut total));
        Summary {
            stage,
            articles: articles.len(),
            bytes: articles.iter().map(|a| a.bytes.len()).sum(),
            repeat,
            runs,
            refused: reference.iter().filter(|o| o.refused).count(),
            dates: reference.iter().map(|o| o.dates).sum(),
            actors: reference.iter().map(|o| o.actors).sum(),
            events: reference.iter().map(|o| o.events).sum(),
            fingerprint: total.finish(),
            differing: differing.iter().map(|&i| articles[i].name.clone()).collect(),
            slowest,
        }
    }

    fn identical(&self) -> bool {
        self.differing.is_empty()
    }

    fn megabytes(&self) -> f64 {
        self.bytes as f64 / 1e6
    }

    fn print(&self) {
        let (n, mb) = (self.articles, self.megabytes());
        println!(
            "bench ({}): {n} articles, {mb:.3} MB (10^6 bytes), warmed up once, {} timed pass{} per run",
            self.stage.description(),
            self.repeat,
            if self.repeat == 1 { "" } else { "es" }
        );
        println!(
            "{:<22} {:>8} {:>8} {:>9} {:>8} {:>11} {:>12}",
            "run", "articles", "MB", "seconds", "MB/s", "articles/s", "best MB/s"
        );
        for run in &self.runs {
            let secs = run.seconds.max(1e-9);
            println!(
                "{:<22} {n:>8} {mb:>8.3} {:>9.3} {:>8.3} {:>11.1} {:>12.3}",
                run.label,
                run.seconds,
                mb / secs,
                n as f64 / secs,
                mb / run.best_seconds.max(1e-9)
            );
        }
        println!("parallel/serial speed: {:.2}x", self.runs[0].seconds / self.runs[1].seconds.max(1e-9));
        println!("slowest in the warm-up: {}", self.slowest.join(", "));
        if let Some(first) = self.differing.first() {
            println!(
                "results identical: NO, {} of {n} articles differ between runs (first: {first})",
                self.differing.len()
            );
        } else {
            println!(
                "results identical: yes ({} analysed, {} refused, {} dates, {} actors, {} events, fingerprint {:016x})",
                n - self.refused,
                self.refused,
                self.dates,
                self.actors,
                self.events,
                self.fingerprint
            );
        }
    }

    fn json(&self) -> serde_json::Value {
        let runs: Vec<serde_json::Value> = self
            .runs
            .iter()
            .map(|run| {
                let secs = run.seconds.max(1e-9);
                serde_json::json!({
                    "threads": run.threads,
                    "seconds": run.seconds,
                    "mb_per_s": self.megabytes() / secs,
                    "articles_per_s": self.articles as f64 / secs,
                    "best_seconds": run.best_seconds,
                    "best_mb_per_s": self.megabytes() / run.best_seconds.max(1e-9),
                })
            })
            .collect();
        serde_json::json!({
            "stage": self.stage.name(),
            "articles": self.articles,
            "bytes": self.bytes,
            "repeat": self.repeat,
            "serial": runs[0],
            "parallel": runs[1],
            "identical": self.identical(),
            "differing": self.differing,
            "refused": self.refused,
            "dates": self.dates,
            "actors": self.actors,
            "events": self.events,
            "fingerprint": format!("{:016x}", self.fingerprint),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_gives_the_mean_pass_and_the_quickest() {
        let passes = [Duration::from_millis(300), Duration::from_millis(100), Duration::from_millis(200)];
        let run = Run::new("serial".to_string(), 1, &passes);
        assert!((run.seconds - 0.2).abs() < 1e-9, "{}", run.seconds);
        assert!((run.best_seconds - 0.1).abs() < 1e-9, "{}", run.best_seconds);
    }
}
