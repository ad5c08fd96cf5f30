//! Writers killed with SIGKILL at random moments. After each kill the
//! dossier opens (which runs the integrity check and every other check),
//! holds every change the writer confirmed and nothing beyond the change
//! it was making; a save killed half-way leaves the target holding either
//! the previous save or the new one, whole.
//!
//! The writer is the `dossier-stress` binary of this crate. Set
//! `LAGEBILD_CRASH_SEED` to replay a run's kill moments.

#![cfg(unix)]

use crate::common::{dossier_with, scratch, ENGLISH};
use lagebild_dossier::Dossier;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// How many times each test kills its writer.
const KILLS: usize = 30;

/// A small xorshift generator: the kill moments need no more.
struct Moments(u64);

impl Moments {
    fn new() -> Moments {
        let seed =
            std::env::var("LAGEBILD_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            });
        println!("kill moments from LAGEBILD_CRASH_SEED={seed}");
        Moments(seed | 1)
    }

    /// The next kill: every other round after the start (5 to 200 ms), the
    /// others after the first confirmed change (0 to 100 ms).
    fn next(&mut self, round: usize) -> Kill {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        if round.is_multiple_of(2) {
            Kill::AfterStart(Duration::from_millis(5 + self.0 % 196))
        } else {
            Kill::AfterFirst(Duration::from_millis(self.0 % 101))
        }
    }
}

/// When a round's kill comes.
#[derive(Clone, Copy)]
enum Kill {
    /// `delay` after the start: sometimes while the writer opens the dossier.
    AfterStart(Duration),
    /// `delay` after its first confirmed change: surely while it writes,
    /// however slow the machine.
    AfterFirst(Duration),
}

/// Runs the writer with `args`, kills it, and returns the numbers it confirmed.
fn run_and_kill(args: &[&str], kill: Kill) -> Vec<u64> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier-stress"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the writer starts");
    let stdout = child.stdout.take().expect("piped");
    let (sender, numbers) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = sender.send(line.parse::<u64>().expect("a number"));
        }
    });
    let mut confirmed = Vec::new();
    let delay = match kill {
        Kill::AfterStart(delay) => delay,
        Kill::AfterFirst(delay) => {
            // A writer that stops before its first change ends the wait.
            confirmed.extend(numbers.recv_timeout(Duration::from_secs(60)));
            delay
        }
    };
    std::thread::sleep(delay);
    if let Some(status) = child.try_wait().expect("status") {
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().expect("piped"), &mut stderr).ok();
        panic!("the writer stopped by itself ({status}): {stderr}");
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    reader.join().expect("reader");
    confirmed.extend(numbers.try_iter());
    confirmed
}

/// The numbers of the changes in the dossier at `path`, in order, after
/// opening it with every check; also checks the corrected state agrees.
fn changes_in(path: &Path) -> Vec<u64> {
    let dossier = Dossier::open(path).unwrap_or_else(|e| panic!("reopening after a kill: {e}"));
    let mut numbers = Vec::new();
    let mut last_rename = None;
    for entry in dossier.audit_log().unwrap() {
        let name = entry.after.as_ref().and_then(|a| a["name"].as_str()).unwrap_or_default().to_string();
        let number = |prefix: &str| name.strip_prefix(prefix).map(|n| n.parse::<u64>().expect("numbered"));
        match entry.action.as_str() {
            "rename_actor" => {
                let n = number("edit ").expect("a numbered rename");
                numbers.push(n);
                last_rename = Some(name.clone());
            }
            "add_article" if name != ENGLISH => numbers.push(number("article ").expect("a numbered article")),
            _ => {}
        }
    }
    let articles = dossier.articles().unwrap().len();
    assert_eq!(articles, 1 + numbers.iter().filter(|n| n.is_multiple_of(10)).count());
    assert_eq!(
        dossier.corrections().unwrap().len(),
        numbers.iter().filter(|n| !n.is_multiple_of(10)).count()
    );
    let corrected = dossier.corrected_briefings().unwrap();
    let russia =
        corrected.articles[0].briefing.actors.iter().find(|a| a.id == "russia").map(|a| a.name.clone());
    assert_eq!(russia, last_rename.or(Some("Russia".into())));
    dossier.close().unwrap();
    let conn = rusqlite::Connection::open(path).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    numbers
}

/// Checks that `numbers` are 1, 2, … without a gap and returns the last.
fn contiguous(numbers: &[u64], what: &str) -> u64 {
    let expected: Vec<u64> = (1..=numbers.len() as u64).collect();
    assert_eq!(numbers, expected, "{what}: changes missing or out of order");
    numbers.len() as u64
}

#[test]
fn killed_writers_lose_no_confirmed_change() {
    let dir = scratch("crash-edit");
    let path = dir.join("d.lagebild");
    dossier_with(&path, &[ENGLISH]).close().unwrap();
    let path_arg = path.to_string_lossy().into_owned();
    let mut moments = Moments::new();
    let (mut next, mut confirmed_total) = (1u64, 0usize);
    for round in 0..KILLS {
        let confirmed = run_and_kill(&["edit", &path_arg, &next.to_string()], moments.next(round));
        let expected: Vec<u64> = (next..next + confirmed.len() as u64).collect();
        assert_eq!(confirmed, expected, "round {round}: the writer skipped a number");
        confirmed_total += confirmed.len();
        let last_confirmed = next - 1 + confirmed.len() as u64;
        let present = contiguous(&changes_in(&path), "after a kill");
        assert!(
            present == last_confirmed || present == last_confirmed + 1,
            "round {round}: {present} changes in the file, {last_confirmed} confirmed"
        );
        next = present + 1;
    }
    println!("{KILLS} kills, {confirmed_total} confirmed changes, {} in the file", next - 1);
    assert!(confirmed_total >= KILLS / 2, "too few changes confirmed to mean anything: {confirmed_total}");
}

#[test]
fn a_killed_save_leaves_the_old_or_the_new_dossier() {
    let dir = scratch("crash-save");
    let source = dir.join("source.lagebild");
    let target = dir.join("target.lagebild");
    dossier_with(&source, &[ENGLISH]).close().unwrap();
    let (source_arg, target_arg) =
        (source.to_string_lossy().into_owned(), target.to_string_lossy().into_owned());
    let mut moments = Moments::new();
    let (mut next, mut saves, mut leftovers) = (1u64, 0usize, 0usize);
    // The number of changes the target held after the previous round.
    let mut target_held: Option<u64> = None;
    for round in 0..KILLS {
        let confirmed =
            run_and_kill(&["save", &source_arg, &target_arg, &next.to_string()], moments.next(round));
        saves += confirmed.len();
        let last_confirmed = next - 1 + confirmed.len() as u64;
        let in_source = contiguous(&changes_in(&source), "source");
        assert!(in_source == last_confirmed || in_source == last_confirmed + 1, "round {round}");
        // Old: the last save that completed before the kill and was
        // confirmed (or the one before this round); new: the one under way.
        let old = confirmed.last().copied().or(target_held);
        if target.exists() {
            let in_target = contiguous(&changes_in(&target), "target");
            assert!(
                Some(in_target) == old || in_target == in_source,
                "round {round}: the target holds {in_target} changes, neither the old save ({old:?}) nor the new ({in_source})"
            );
            target_held = Some(in_target);
        } else {
            assert_eq!(old, None, "round {round}: a confirmed save vanished");
        }
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            if entry.file_name().to_string_lossy().ends_with(".tmp") {
                leftovers += 1;
                std::fs::remove_file(entry.path()).unwrap();
            }
        }
        next = in_source + 1;
    }
    println!("{KILLS} kills, {saves} confirmed saves, {leftovers} temporary files left by killed saves");
    assert!(saves >= KILLS / 2, "too few saves confirmed to mean anything: {saves}");
}
