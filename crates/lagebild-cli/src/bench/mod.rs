//! `lagebild bench`: how fast the engine reads articles end to end (bytes
//! in, briefing out), first on one thread, then in parallel over articles,
//! and whether both runs give the same briefings. Each article's briefing is
//! fingerprinted (a hash of its JSON), so the benchmark is also a check that
//! the engine is deterministic and thread-safe.

use anyhow::{bail, Context, Result};
use lagebild_core::{analyse_bytes, Briefing, Options};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
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
    /// Also time the articles of a bundled corpus.
    #[arg(long, value_enum, value_name = "NAME")]
    corpus: Option<BenchCorpus>,
    /// The folder that holds the corpora (for --corpus).
    #[arg(long, value_name = "DIR", default_value = "../shared/corpora")]
    corpora: PathBuf,
    /// Article files (.txt) or folders of them.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
}

/// One article as read from disk.
struct Article {
    name: String,
    bytes: Vec<u8>,
}

/// What one pass gives for one article: the briefing's fingerprint and a few
/// counts, or the engine's error message.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    fingerprint: u64,
    dates: usize,
    events: usize,
    refused: bool,
}

type Analysed = Result<Briefing, lagebild_core::Error>;

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
    let bytes: usize = articles.iter().map(|a| a.bytes.len()).sum();
    let mb = bytes as f64 / 1e6;

    // The warm-up pass: its results are the reference, its per-article
    // times name the slowest articles. The engine's one-time set-up (its
    // lexicons and patterns) is paid before, so it lands on no article.
    let _ = analyse(&articles[0]);
    let (warm_up, took) = timed_pass(&articles);
    let reference = fingerprints(warm_up);
    let mut serial_time = Duration::ZERO;
    let mut parallel_time = Duration::ZERO;
    let mut differing: Vec<usize> = Vec::new();
    for _ in 0..args.repeat {
        let started = Instant::now();
        let results = serial(&articles);
        serial_time += started.elapsed();
        differing.extend(differences(&reference, &fingerprints(results)));
    }
    for _ in 0..args.repeat {
        let started = Instant::now();
        let results = parallel(&articles, threads)?;
        parallel_time += started.elapsed();
        differing.extend(differences(&reference, &fingerprints(results)));
    }
    let serial_secs = serial_time.as_secs_f64() / args.repeat as f64;
    let parallel_secs = parallel_time.as_secs_f64() / args.repeat as f64;

    let n = articles.len();
    println!(
        "bench: {n} articles, {mb:.3} MB (10^6 bytes), warmed up once, {} timed pass{} per run",
        args.repeat,
        if args.repeat == 1 { "" } else { "es" }
    );
    println!(
        "{:<22} {:>8} {:>8} {:>9} {:>8} {:>11}",
        "run", "articles", "MB", "seconds", "MB/s", "articles/s"
    );
    for (label, secs) in [
        ("serial, 1 thread".to_string(), serial_secs),
        (format!("parallel, {threads} thread{}", if threads == 1 { "" } else { "s" }), parallel_secs),
    ] {
        println!(
            "{label:<22} {n:>8} {mb:>8.3} {secs:>9.3} {:>8.3} {:>11.1}",
            mb / secs.max(1e-9),
            n as f64 / secs.max(1e-9)
        );
    }
    println!("parallel/serial speed: {:.2}x", serial_secs / parallel_secs.max(1e-9));
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| took[b].cmp(&took[a]));
    let slowest: Vec<String> = order
        .iter()
        .take(3)
        .map(|&i| {
            let kb = articles[i].bytes.len() as f64 / 1e3;
            format!("{} ({kb:.1} kB, {:.0} ms)", articles[i].name, took[i].as_secs_f64() * 1e3)
        })
        .collect();
    println!("slowest in the warm-up: {}", slowest.join(", "));

    let refused = reference.iter().filter(|o| o.refused).count();
    let dates: usize = reference.iter().map(|o| o.dates).sum();
    let events: usize = reference.iter().map(|o| o.events).sum();
    let mut total = DefaultHasher::new();
    reference.iter().for_each(|o| o.fingerprint.hash(&mut total));
    differing.sort_unstable();
    differing.dedup();
    if let Some(&first) = differing.first() {
        println!(
            "results identical: NO, {} of {n} articles differ between runs (first: {})",
            differing.len(),
            articles[first].name
        );
        return Ok(ExitCode::from(1));
    }
    println!(
        "results identical: yes ({} briefings, {refused} refused, {dates} dates, {events} events, fingerprint {:016x})",
        n - refused,
        total.finish()
    );
    Ok(ExitCode::SUCCESS)
}

/// Reads a file, or the `.txt` files of a folder (sorted by name).
fn read_path(path: &Path, articles: &mut Vec<Article>) -> Result<()> {
    if path.is_dir() {
        let entries = std::fs::read_dir(path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut files = Vec::new();
        for entry in entries {
            let file = entry.with_context(|| format!("cannot list {}", path.display()))?.path();
            if file.is_file() && file.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")) {
                files.push(file);
            }
        }
        files.sort();
        for file in files {
            read_file(&file, articles)?;
        }
        Ok(())
    } else {
        read_file(path, articles)
    }
}

fn read_file(path: &Path, articles: &mut Vec<Article>) -> Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    articles.push(Article { name: path.display().to_string(), bytes });
    Ok(())
}

/// Reads the `originalText` of every line of train, dev and test.jsonl.
fn read_wikinews(dir: &Path, articles: &mut Vec<Article>) -> Result<()> {
    for split in ["train", "dev", "test"] {
        let file = dir.join(format!("{split}.jsonl"));
        let content =
            std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
        for (i, line) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let record: serde_json::Value = serde_json::from_str(line)
                .with_context(|| format!("{} line {}: not JSON", file.display(), i + 1))?;
            let Some(text) = record["originalText"].as_str() else {
                bail!("{} line {}: no originalText", file.display(), i + 1);
            };
            let name = format!("{split}.jsonl:{}", i + 1);
            articles.push(Article { name, bytes: text.as_bytes().to_vec() });
        }
    }
    Ok(())
}

fn analyse(article: &Article) -> Analysed {
    analyse_bytes(&article.bytes, &Options::default())
}

/// One pass on the calling thread.
fn serial(articles: &[Article]) -> Vec<Analysed> {
    articles.iter().map(analyse).collect()
}

/// One pass on `threads` threads, each taking the next article not yet
/// taken; the results come back in article order.
fn parallel(articles: &[Article], threads: usize) -> Result<Vec<Analysed>> {
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Analysed>> = (0..articles.len()).map(|_| None).collect();
    let worker = || {
        let mut mine = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(article) = articles.get(i) else { break };
            mine.push((i, analyse(article)));
        }
        mine
    };
    let finished = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
        handles.into_iter().map(|h| h.join()).collect::<Vec<_>>()
    });
    for outcome in finished {
        let Ok(mine) = outcome else { bail!("the engine panicked on a worker thread") };
        for (i, analysed) in mine {
            slots[i] = Some(analysed);
        }
    }
    let results: Vec<Analysed> = slots.into_iter().flatten().collect();
    if results.len() != articles.len() {
        bail!("a worker thread lost articles: {} of {} analysed", results.len(), articles.len());
    }
    Ok(results)
}

fn fingerprint(analysed: &Analysed) -> Outcome {
    let mut hasher = DefaultHasher::new();
    match analysed {
        Ok(briefing) => {
            // Serialising a briefing cannot fail (no maps with non-string
            // keys); an error would still give a stable fingerprint.
            serde_json::to_string(briefing).unwrap_or_else(|e| e.to_string()).hash(&mut hasher);
            Outcome {
                fingerprint: hasher.finish(),
                dates: briefing.dates.len(),
                events: briefing.events.len(),
                refused: false,
            }
        }
        Err(err) => {
            err.to_string().hash(&mut hasher);
            Outcome { fingerprint: hasher.finish(), dates: 0, events: 0, refused: true }
        }
    }
}

/// Analyses every article once, in order, timing each.
fn timed_pass(articles: &[Article]) -> (Vec<Analysed>, Vec<Duration>) {
    articles
        .iter()
        .map(|a| {
            let started = Instant::now();
            let analysed = analyse(a);
            (analysed, started.elapsed())
        })
        .unzip()
}

fn fingerprints(results: Vec<Analysed>) -> Vec<Outcome> {
    results.iter().map(fingerprint).collect()
}

/// The indices at which two passes disagree.
fn differences(reference: &[Outcome], other: &[Outcome]) -> Vec<usize> {
    (0..reference.len().max(other.len())).filter(|&i| reference.get(i) != other.get(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn articles() -> Vec<Article> {
        [
            "Berlin, 3. März 2024\n\nRussland griff am Montag die Ukraine an. Die NATO verurteilte den Angriff.",
            "London, 4 March 2024\n\nFrance condemned the attack on Tuesday.",
            "",
            "Kiew meldete gestern neue Angriffe.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Article { name: format!("a{i}"), bytes: t.as_bytes().to_vec() })
        .collect()
    }

    #[test]
    fn parallel_results_come_back_in_order_and_equal_the_serial_ones() {
        let articles = articles();
        let (warm_up, _) = timed_pass(&articles);
        let reference = fingerprints(warm_up);
        assert!(reference[2].refused, "the empty article is refused");
        for threads in [1, 2, 3, 8] {
            let results = parallel(&articles, threads).unwrap_or_else(|e| panic!("{e}"));
            assert!(differences(&reference, &fingerprints(results)).is_empty(), "{threads} threads");
        }
    }

    #[test]
    fn differences_are_found() {
        let a = Outcome { fingerprint: 1, dates: 0, events: 0, refused: false };
        let b = Outcome { fingerprint: 2, ..a.clone() };
        assert_eq!(differences(&[a.clone(), a.clone()], &[a.clone(), b]), [1]);
        assert_eq!(differences(std::slice::from_ref(&a), &[]), [0]);
    }

    #[test]
    fn reads_folders_of_txt_and_reports_missing_files() {
        let mut found = Vec::new();
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
        read_path(&samples, &mut found).unwrap_or_else(|e| panic!("{e}"));
        assert!(!found.is_empty() && found.iter().all(|a| a.name.ends_with(".txt")));
        let Err(err) = read_path(Path::new("/nonexistent/article.txt"), &mut found) else {
            panic!("a missing file was read")
        };
        assert!(err.to_string().contains("cannot read"));
    }
}
