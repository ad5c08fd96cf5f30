//! What the engine's lexicons and gazetteers cost: the memory they hold once
//! loaded and the time loading takes. Not a criterion benchmark: each figure
//! is a first use, which happens once per process.
//!
//! ```sh
//! cargo bench -p lagebild-core --bench lexicons
//! ```
//!
//! The data files are embedded in the binary and parsed lazily, each on the
//! first call that needs it. The steps below make those first calls one
//! stage at a time on the bundled sample dossier (`samples/*.txt`, the
//! articles the app analyses when it opens), in a fresh process, and for each step report
//! the heap it leaves behind (a counting allocator: the data now held by the
//! engine's statics), the highest heap during it, and its time cold (with
//! loading) and warm (the same call again; the difference is the loading).

use lagebild_core::{prepare, Language, Options, Prepared};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The system allocator, counting the bytes live and the highest count.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed unchanged to the system allocator; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One step's figures.
struct Step {
    name: &'static str,
    loads: &'static str,
    retained: usize,
    peak: usize,
    cold_ms: f64,
    warm_ms: f64,
}

/// Runs `call` twice and measures the first (cold) and second (warm) run.
fn step(name: &'static str, loads: &'static str, call: impl Fn() -> usize) -> Step {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let started = Instant::now();
    let found = std::hint::black_box(call());
    let cold_ms = started.elapsed().as_secs_f64() * 1e3;
    let retained = LIVE.load(Ordering::Relaxed).saturating_sub(before);
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    let started = Instant::now();
    let again = std::hint::black_box(call());
    let warm_ms = started.elapsed().as_secs_f64() * 1e3;
    assert_eq!(found, again, "{name}: the warm call found something else than the cold one");
    Step { name, loads, retained, peak, cold_ms, warm_ms }
}

fn prepared(text: &str) -> Option<Prepared> {
    prepare(text, &Options::default()).ok()
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// The resident set of this process, where the system tells (Linux).
fn resident_bytes() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// The size of the data files the binary embeds.
fn embedded_bytes(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .map(|p| {
            if p.is_dir() {
                embedded_bytes(&p)
            } else {
                std::fs::metadata(&p).map_or(0, |m| m.len() as usize)
            }
        })
        .sum()
}

/// The articles of the sample dossier (`samples/*.txt`), as the app analyses them when it opens.
fn sample_dossier(folder: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect()
}

fn main() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let samples = sample_dossier(&manifest.join("../../samples"));
    if samples.is_empty() {
        eprintln!("skipped: the sample dossier (samples/*.txt) is not there");
        return;
    }
    let all = || samples.iter().filter_map(|t| prepared(t));
    let resident_at_start = resident_bytes();
    let steps = [
        step(
            "prepare",
            "language profiles, abbreviations, syntax words, date vocabulary and rules (for date lines)",
            || all().count(),
        ),
        step(
            "actors",
            "gazetteers (states, organisations, people, groups, roles) and their automata",
            || all().map(|p| p.actors().len()).sum(),
        ),
        step("dates", "no new file: what the date rules keep after their first full use", || {
            all().map(|p| p.dates().len()).sum()
        }),
        step("whole pipeline", "event triggers and types", || all().map(|p| p.analyse().events.len()).sum()),
    ];
    let resident_at_end = resident_bytes();
    let languages: Vec<Language> = all().map(|p| p.language()).collect();
    assert!(languages.contains(&Language::De) && languages.contains(&Language::En), "{languages:?}");

    let size: usize = samples.iter().map(String::len).sum();
    println!(
        "Lexicon memory and loading: first use in a fresh process, on the {} articles of the sample dossier ({:.1} kB, German and English)",
        samples.len(),
        size as f64 / 1e3
    );
    println!(
        "{:<16} {:>12} {:>10} {:>9} {:>9} {:>9}   loads",
        "step", "retained MB", "peak MB", "cold ms", "warm ms", "load ms"
    );
    for s in &steps {
        println!(
            "{:<16} {:>12.2} {:>10.2} {:>9.2} {:>9.2} {:>9.2}   {}",
            s.name,
            mb(s.retained),
            mb(s.peak),
            s.cold_ms,
            s.warm_ms,
            s.cold_ms - s.warm_ms,
            s.loads
        );
    }
    let retained: usize = steps.iter().map(|s| s.retained).sum();
    let cold: f64 = steps.iter().map(|s| s.cold_ms).sum();
    let warm: f64 = steps.iter().map(|s| s.warm_ms).sum();
    println!(
        "{:<16} {:>12.2} {:>10} {:>9.2} {:>9.2} {:>9.2}",
        "all",
        mb(retained),
        "",
        cold,
        warm,
        cold - warm
    );
    println!("embedded data files: {:.2} MB", mb(embedded_bytes(&manifest.join("data"))));
    if let (Some(start), Some(end)) = (resident_at_start, resident_at_end) {
        println!("resident set: {:.1} MB before the first step, {:.1} MB after the last", mb(start), mb(end));
    }
}
