//! One pass of `lagebild bench` over the articles, serial or in parallel,
//! through the whole pipeline or one stage, and the fingerprints that let
//! two passes be compared.

use super::articles::Article;
use anyhow::{bail, Result};
use lagebild_core::{analyse_bytes, ingest, prepare, Actor, Briefing, DateMention};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Barrier, Mutex};
use std::time::{Duration, Instant};

/// What a pass runs on each article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Stage {
    /// The whole pipeline: bytes in, briefing out.
    All,
    /// Decoding, cleaning, language, sentences, header, then the date tagger.
    Dates,
    /// Decoding, cleaning, language, sentences, header, then actor recognition.
    Actors,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::All => "all",
            Stage::Dates => "dates",
            Stage::Actors => "actors",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Stage::All => "whole pipeline",
            Stage::Dates => "date tagger alone",
            Stage::Actors => "actor recognition alone",
        }
    }
}

/// What a stage gives for one article.
pub enum Output {
    Briefing(Box<Briefing>),
    Dates(Vec<DateMention>),
    Actors(Vec<Actor>),
}

pub type Analysed = Result<Output, lagebild_core::Error>;

/// What one pass gives for one article: the result's fingerprint and a few
/// counts, or the engine's error message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub fingerprint: u64,
    pub dates: usize,
    pub actors: usize,
    pub events: usize,
    pub refused: bool,
}

/// Runs `stage` on one article.
pub fn analyse(article: &Article, stage: Stage) -> Analysed {
    let options = &article.options;
    Ok(match stage {
        Stage::All => Output::Briefing(Box::new(analyse_bytes(&article.bytes, options)?)),
        Stage::Dates => Output::Dates(prepare(&ingest::decode(&article.bytes)?, options)?.dates()),
        Stage::Actors => Output::Actors(prepare(&ingest::decode(&article.bytes)?, options)?.actors()),
    })
}

/// One pass on the calling thread.
pub fn serial(articles: &[Article], stage: Stage) -> Vec<Analysed> {
    articles.iter().map(|a| analyse(a, stage)).collect()
}

/// `passes` passes on the same `threads` threads, each thread taking the
/// next article not yet taken, each pass timed on its own. The threads
/// outlive a pass, as an application's workers do, so that what they build
/// on first use (the regex crate's caches, kept per thread) is built once,
/// not in every pass. Each pass's results come back in article order, with
/// its time.
pub fn parallel_passes(
    articles: &[Article],
    stage: Stage,
    threads: usize,
    passes: usize,
) -> Result<Vec<(Vec<Analysed>, Duration)>> {
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, Analysed)>> = Mutex::new(Vec::with_capacity(articles.len()));
    // The threads and this one meet before each pass and after it.
    let meet = Barrier::new(threads + 1);
    let worker = || {
        for _ in 0..passes {
            meet.wait();
            let mut mine = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(article) = articles.get(i) else { break };
                // A panic loses the article (the pass then fails) but not the
                // thread, which must still meet the others.
                let analysed = std::panic::catch_unwind(AssertUnwindSafe(|| analyse(article, stage)));
                mine.extend(analysed.ok().map(|analysed| (i, analysed)));
            }
            if let Ok(mut done) = done.lock() {
                done.extend(mine);
            }
            meet.wait();
        }
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
        let mut out = Vec::with_capacity(passes);
        for _ in 0..passes {
            next.store(0, Ordering::Relaxed);
            let started = Instant::now();
            meet.wait();
            meet.wait();
            let took = started.elapsed();
            let mut finished =
                std::mem::take(&mut *done.lock().map_err(|_| anyhow::anyhow!("a worker panicked"))?);
            finished.sort_unstable_by_key(|(i, _)| *i);
            if finished.len() != articles.len() {
                bail!(
                    "the worker threads lost articles (the engine panicked?): {} of {} analysed",
                    finished.len(),
                    articles.len()
                );
            }
            out.push((finished.into_iter().map(|(_, analysed)| analysed).collect(), took));
        }
        if handles.into_iter().any(|h| h.join().is_err()) {
            bail!("the engine panicked on a worker thread");
        }
        Ok(out)
    })
}

/// Analyses every article once, in order, timing each.
pub fn timed_pass(articles: &[Article], stage: Stage) -> (Vec<Analysed>, Vec<Duration>) {
    articles
        .iter()
        .map(|a| {
            let started = Instant::now();
            let analysed = analyse(a, stage);
            (analysed, started.elapsed())
        })
        .unzip()
}

fn fingerprint(analysed: &Analysed) -> Outcome {
    let mut hasher = DefaultHasher::new();
    // Serialising the engine's types cannot fail (no maps with non-string
    // keys); an error would still give a stable fingerprint.
    let json = |r: serde_json::Result<String>| r.unwrap_or_else(|e| e.to_string());
    let (text, dates, actors, events) = match analysed {
        Ok(Output::Briefing(b)) => {
            (json(serde_json::to_string(b)), b.dates.len(), b.actors.len(), b.events.len())
        }
        Ok(Output::Dates(dates)) => (json(serde_json::to_string(dates)), dates.len(), 0, 0),
        Ok(Output::Actors(actors)) => (json(serde_json::to_string(actors)), 0, actors.len(), 0),
        Err(err) => {
            err.to_string().hash(&mut hasher);
            return Outcome { fingerprint: hasher.finish(), dates: 0, actors: 0, events: 0, refused: true };
        }
    };
    text.hash(&mut hasher);
    Outcome { fingerprint: hasher.finish(), dates, actors, events, refused: false }
}

pub fn fingerprints(results: Vec<Analysed>) -> Vec<Outcome> {
    results.iter().map(fingerprint).collect()
}

/// The indices at which two passes disagree.
pub fn differences(reference: &[Outcome], other: &[Outcome]) -> Vec<usize> {
    (0..reference.len().max(other.len())).filter(|&i| reference.get(i) != other.get(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lagebild_core::Options;

    fn articles() -> Vec<Article> {
        [
            "Berlin, 3. März 2024\n\nRussland griff am Montag die Ukraine an. Die NATO verurteilte den Angriff.",
            "London, 4 March 2024\n\nFrance condemned the attack on Tuesday.",
            "",
            "Kiew meldete gestern neue Angriffe.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Article { name: format!("a{i}"), bytes: t.as_bytes().to_vec(), options: Options::default() })
        .collect()
    }

    #[test]
    fn parallel_results_come_back_in_order_and_equal_the_serial_ones() {
        let articles = articles();
        for stage in [Stage::All, Stage::Dates, Stage::Actors] {
            let (warm_up, _) = timed_pass(&articles, stage);
            let reference = fingerprints(warm_up);
            assert!(reference[2].refused, "the empty article is refused");
            for threads in [1, 2, 3, 8] {
                let passes = parallel_passes(&articles, stage, threads, 2).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(passes.len(), 2);
                for (results, _) in passes {
                    assert!(
                        differences(&reference, &fingerprints(results)).is_empty(),
                        "{stage:?}, {threads} threads"
                    );
                }
            }
        }
    }

    #[test]
    fn a_stage_alone_finds_what_the_pipeline_finds() {
        let articles = articles();
        let whole = fingerprints(serial(&articles, Stage::All));
        let dates = fingerprints(serial(&articles, Stage::Dates));
        let actors = fingerprints(serial(&articles, Stage::Actors));
        for i in 0..articles.len() {
            assert_eq!(whole[i].dates, dates[i].dates, "article {i}");
            assert_eq!(whole[i].actors, actors[i].actors, "article {i}");
            assert_eq!((dates[i].actors, dates[i].events, actors[i].dates), (0, 0, 0), "article {i}");
        }
        assert!(whole[0].dates > 0 && whole[0].actors > 0 && whole[0].events > 0);
    }

    #[test]
    fn differences_are_found() {
        let a = Outcome { fingerprint: 1, dates: 0, actors: 0, events: 0, refused: false };
        let b = Outcome { fingerprint: 2, ..a.clone() };
        assert_eq!(differences(&[a.clone(), a.clone()], &[a.clone(), b]), [1]);
        assert_eq!(differences(std::slice::from_ref(&a), &[]), [0]);
    }
}
