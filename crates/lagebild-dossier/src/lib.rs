//! Lagebild's dossier file: many articles, the engine's analysis of each,
//! and the analyst's corrections, in one `.lagebild` file.
//!
//! ```no_run
//! use lagebild_dossier::{Dossier, Edit, Source};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let mut dossier = Dossier::create("korea.lagebild")?;
//! let text = std::fs::read_to_string("article.txt")?;
//! let briefing = lagebild_core::analyse_text(&text, &lagebild_core::Options::default())?;
//! dossier.add_article("article.txt", Source::Text(text), &briefing)?;
//! dossier.edit(Edit::RenameActor { actor: "north_korea".into(), name: "DPRK".into() })?;
//! let corrected = dossier.corrected_briefings()?; // what the merge and the views take
//! dossier.undo()?;
//! # Ok(()) }
//! ```
//!
//! # The file
//! A dossier is an SQLite database used as an application file format:
//! `PRAGMA application_id` is [`APPLICATION_ID`] (the bytes `LGBD`) and
//! `PRAGMA user_version` the format version ([`FORMAT_VERSION`]). The
//! schema is built by the numbered SQL files in `data/migrations/`, applied
//! in order in one transaction when a dossier of an older format is opened.
//! Its tables:
//!
//! | table | holds |
//! | --- | --- |
//! | `article` | name; the original exactly as given (`source`, text or bytes) and its SHA-256; language; when it was imported and analysed; the engine's [`lagebild_core::Briefing`] as JSON (spans in UTF-8 bytes), its SHA-256 and the engine version; a `removed` mark |
//! | `correction` | the analyst's corrections ([`Correction`] as JSON), apart from the machine output; the article each concerns, or none for the whole dossier |
//! | `audit` | every change: time (UTC), kind, one sentence, the changed thing before and after as JSON |
//! | `history` | the undo and redo stacks: per step, the operation that reverses it |
//!
//! # Safety
//! - **Every change is one transaction**, committed before the method that
//!   makes it returns, with write-ahead logging and `synchronous = FULL`.
//!   So there is nothing to save and no autosave to schedule: a crash or a
//!   `kill -9` at any moment loses no change that was confirmed, and a
//!   power cut none that reached the disk. `tests/dossier/crash.rs` kills
//!   a writer in a loop to check exactly that.
//! - **Opening checks before it writes**: the header (SQLite's, whole, not
//!   cut off), then through a read-only connection the application id, the
//!   format version, `PRAGMA integrity_check`, every article against its
//!   checksums, and every correction and undo step readable. A file that
//!   fails is left byte for byte as it was, and the [`Error`] says what is
//!   wrong in one line. Connections refuse to write the schema table and
//!   do not trust functions in a foreign schema.
//! - **One writer**: an open dossier holds an exclusive lock; a second
//!   window gets [`Error::InUse`].
//! - **Save as** writes a compacted copy (`VACUUM INTO`) to a temporary
//!   file beside the target, checks it like an opened file, syncs it to
//!   disk and renames it over the target: the target holds either its old
//!   contents or the whole new dossier. A save killed half-way may leave a
//!   hidden `.NAME.PID-N.tmp` file beside the target, which can be deleted.
//!
//! # Corrections
//! Corrections are stored apart from the engine's output, so analysing the
//! articles again ([`Dossier::reanalyse`]) keeps them; they apply in the
//! order they were made. The interface names events by their ids in the
//! corrected briefing ([`Edit`]); the stored [`Correction`] names them by
//! keys that survive a re-analysis ([`EventKey`], [`MentionKey`]): the
//! trigger's and the sentence's text, found again where the text moved.
//! Re-analysis is not an undo step (undo covers the analyst's changes); the
//! audit log records it. A correction that no longer finds its event,
//! mention or actor is kept and reported as an [`Orphan`], never dropped;
//! it applies again should a later analysis match it, and the analyst may
//! remove it ([`Dossier::remove_correction`]).
//!
//! # Limits
//! - The write-ahead log (`NAME.lagebild-wal`) lives beside the file while
//!   it is open; copy a dossier when it is closed, or with save as.
//! - SQLite's locking needs a local disk; a dossier on a network share
//!   may not lock reliably.
//! - A removed article stays in the file while its removal can be undone
//!   (up to [`UNDO_DEPTH`] steps back).
//! - Checking a dossier on open reads all of it: time grows with its size.

mod articles;
mod corrections;
mod dossier;
mod editing;
mod error;
mod history;
mod inspect;
mod model;
mod recent;
mod schema;
#[cfg(test)]
mod testing;

pub use articles::{analyse_again, ENGINE_VERSION};
pub use corrections::{ActorInfo, Correction, Edit, EventChange, EventKey, MentionKey, NewEvent};
pub use dossier::Dossier;
pub use error::{Error, Result};
pub use history::UNDO_DEPTH;
pub use model::*;
pub use recent::{RecentFiles, DEFAULT_LIMIT, RECENT_FILE};
pub use schema::{APPLICATION_ID, FORMAT_VERSION};

/// Hex SHA-256 of some bytes: the checksums of the file format.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn sha256_of_nothing_is_the_known_one() {
        assert_eq!(
            super::sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
