//! Criterion benchmarks of the engine's stages on public German and English
//! news (see `support`): the date tagger alone, actor recognition alone
//! with the full gazetteer, and the whole pipeline. Each reports MB/s
//! (10^6 bytes of article text a second); the pipeline also articles/s.
//!
//! ```sh
//! cargo bench -p lagebild-core --bench stages
//! cargo bench -p lagebild-core --bench stages -- dates   # one group
//! ```
//!
//! The stages alone include the shared first stages (cleaning, language,
//! sentences, header) that every analysis runs: what a caller pays to get
//! the dates or the actors of a raw text. `prepare` times those alone.
//! Before timing, each set is analysed once and what the stage finds is
//! counted and checked to be non-empty, so a benchmark that silently
//! measures nothing fails instead.

mod support;

/// The allocator of the shipped binaries (the CLI, the app), so that the
/// figures here are the ones an analyst gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use lagebild_core::{analyse_text, prepare, Options};
use std::hint::black_box;
use std::time::Duration;
use support::TextSet;

/// What a stage finds in a whole set; a set where it finds nothing stops the run.
fn count(set: &TextSet, stage: &str, found: impl Fn(&str) -> usize) {
    let total: usize = set.texts.iter().map(|t| found(t)).sum();
    eprintln!("{stage}/{}: {total} found", set.describe());
    assert!(total > 0, "{stage} found nothing in {}: the benchmark would measure nothing", set.name);
}

fn dates(text: &str) -> usize {
    prepare(text, &Options::default()).map_or(0, |p| p.dates().len())
}

fn actors(text: &str) -> usize {
    prepare(text, &Options::default()).map_or(0, |p| p.actors().len())
}

fn events(text: &str) -> usize {
    analyse_text(text, &Options::default()).map_or(0, |b| b.events.len())
}

fn prepared(text: &str) -> usize {
    usize::from(prepare(text, &Options::default()).is_ok())
}

/// Each sample runs over a whole set (tens to hundreds of milliseconds), so
/// few samples, each timed as is (flat sampling).
fn settle(group: &mut BenchmarkGroup<'_, WallTime>) {
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
}

/// One group: `run` over every article of each set, throughput in bytes.
fn group(c: &mut Criterion, name: &str, sets: &[TextSet], run: fn(&str) -> usize) {
    if sets.is_empty() {
        eprintln!("{name}: skipped, no corpus found");
        return;
    }
    let mut group = c.benchmark_group(name);
    settle(&mut group);
    for set in sets {
        count(set, name, run);
        group.throughput(Throughput::BytesDecimal(set.bytes()));
        group.bench_with_input(BenchmarkId::from_parameter(set.name), set, |b, set| {
            b.iter(|| set.texts.iter().map(|t| run(black_box(t))).sum::<usize>())
        });
    }
    group.finish();
}

fn stages(c: &mut Criterion) {
    let news = support::news();
    let mut date_sets = news.clone();
    date_sets.extend(support::timex());
    group(c, "prepare", &news, prepared);
    group(c, "dates", &date_sets, dates);
    group(c, "actors", &news, actors);
    group(c, "pipeline", &news, events);

    // The same pipeline runs again counted in articles, for articles/s.
    if news.is_empty() {
        return;
    }
    let mut group = c.benchmark_group("pipeline-articles");
    settle(&mut group);
    for set in &news {
        group.throughput(Throughput::Elements(set.texts.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(set.name), set, |b, set| {
            b.iter(|| set.texts.iter().map(|t| events(black_box(t))).sum::<usize>())
        });
    }
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
