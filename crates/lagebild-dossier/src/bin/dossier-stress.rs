//! A writer for the crash-safety test (`tests/dossier/crash.rs`), which
//! kills it at random moments. It applies numbered changes to a dossier in
//! a loop and prints each number on its own line only after the change was
//! committed, so every printed number is a change the dossier confirmed.
//!
//! ```text
//! dossier-stress edit DOSSIER FIRST          change N renames actor `russia` to "edit N";
//!                                            every tenth change adds an article "article N" instead
//! dossier-stress save DOSSIER TARGET FIRST   change N renames as above in DOSSIER, then saves
//!                                            DOSSIER as TARGET; N is printed after the save
//! ```

use lagebild_dossier::{Dossier, Edit, Result, Source};
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["edit", dossier, first] => first_number(first).and_then(|n| edit_loop(dossier, n)),
        ["save", dossier, target, first] => first_number(first).and_then(|n| save_loop(dossier, target, n)),
        _ => Err("usage: dossier-stress edit DOSSIER FIRST | save DOSSIER TARGET FIRST".to_string()),
    };
    if let Err(message) = outcome {
        eprintln!("dossier-stress: {message}");
        std::process::exit(1);
    }
}

fn first_number(text: &str) -> Result<u64, String> {
    text.parse().map_err(|_| format!("{text:?} is not a number"))
}

/// Change `n`: a rename of `russia`, or on every tenth an added article.
fn change(dossier: &mut Dossier, n: u64) -> Result<()> {
    if n.is_multiple_of(10) {
        let first = dossier.corrected_briefings()?.articles.into_iter().next();
        let Some(first) = first else {
            return Err(lagebild_dossier::Error::BadEdit("no article to copy".into()));
        };
        let text = first.briefing.text.clone();
        let mut briefing = first.briefing;
        briefing.actors.iter_mut().filter(|a| a.id == "russia").for_each(|a| a.name = "Russia".into());
        dossier.add_article(&format!("article {n}"), Source::Text(text), &briefing)?;
    } else {
        dossier.edit(Edit::RenameActor { actor: "russia".into(), name: format!("edit {n}") })?;
    }
    Ok(())
}

fn confirm(n: u64) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{n}").and_then(|()| out.flush()).map_err(|e| e.to_string())
}

fn edit_loop(path: &str, first: u64) -> Result<(), String> {
    let mut dossier = Dossier::open(path).map_err(|e| e.to_string())?;
    for n in first.. {
        change(&mut dossier, n).map_err(|e| e.to_string())?;
        confirm(n)?;
    }
    Ok(())
}

fn save_loop(path: &str, target: &str, first: u64) -> Result<(), String> {
    for n in first.. {
        let mut dossier = Dossier::open(path).map_err(|e| e.to_string())?;
        change(&mut dossier, n).map_err(|e| e.to_string())?;
        dossier.save_as(target).map_err(|e| e.to_string())?;
        confirm(n)?;
    }
    Ok(())
}
