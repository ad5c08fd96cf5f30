//! The dossier's errors. Each says in one line what is wrong and what to do,
//! and has a stable [`Error::code`] the interface can switch on.

use crate::ArticleId;
use std::path::PathBuf;

/// Why a dossier could not be opened, saved or changed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file does not exist.
    #[error("{path}: no such file: check the name, or pick the dossier again")]
    NotFound {
        /// The path asked for.
        path: PathBuf,
    },
    /// The path names a directory or something else that is not a file.
    #[error("{path} is not a file: pick a .lagebild file")]
    NotAFile {
        /// The path asked for.
        path: PathBuf,
    },
    /// The file exists but cannot be read or written.
    #[error("{path} cannot be used ({source}): check that it is readable and writable")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// `create` was asked for a path that already holds a file.
    #[error("{path} already exists: choose another name, or open it instead")]
    AlreadyExists {
        /// The path asked for.
        path: PathBuf,
    },
    /// The file is not an SQLite database at all.
    #[error("{path} is not a Lagebild dossier ({why}): open a .lagebild file")]
    NotSqlite {
        /// The file.
        path: PathBuf,
        /// What it looks like instead.
        why: &'static str,
    },
    /// An SQLite database, but not one Lagebild wrote.
    #[error("{path} is a database of another program, not a Lagebild dossier: open a .lagebild file")]
    ForeignDatabase {
        /// The file.
        path: PathBuf,
    },
    /// A dossier in a format newer than this build reads.
    #[error(
        "{path} was saved by a newer Lagebild (file format {found}, this version reads up to {supported}): update Lagebild to open it"
    )]
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// The file's format version.
        found: i64,
        /// The newest version this build reads.
        supported: i64,
    },
    /// The file is shorter than its own header says: cut off in a copy or
    /// a download.
    #[error(
        "{path} is cut off ({actual} of {expected} bytes): it was probably not copied completely; copy it again from where it came from"
    )]
    Truncated {
        /// The file.
        path: PathBuf,
        /// Its size.
        actual: u64,
        /// The size its header announces.
        expected: u64,
    },
    /// The file's structure or contents are damaged.
    #[error("{path} is damaged ({detail}); it was left as it is: open an earlier copy")]
    Damaged {
        /// The file.
        path: PathBuf,
        /// The first problem found.
        detail: String,
    },
    /// Another Lagebild window or program has the file open.
    #[error("{path} is open in another Lagebild window or program: close it there first")]
    InUse {
        /// The file.
        path: PathBuf,
    },
    /// A save-as target is still in use, or was left half-written by a crash.
    #[error(
        "{path} cannot be replaced: it is open elsewhere or was not closed properly; open and close it in Lagebild, or choose another name"
    )]
    TargetInUse {
        /// The target.
        path: PathBuf,
    },
    /// No article with this id in the dossier.
    #[error("there is no article {0} in this dossier: reload the dossier")]
    UnknownArticle(ArticleId),
    /// No event with this id in the article (as corrected).
    #[error("article {article} has no event {event}: reload the dossier")]
    UnknownEvent {
        /// The article.
        article: ArticleId,
        /// The event id asked for.
        event: String,
    },
    /// No actor with this id in the dossier (as corrected).
    #[error("there is no actor {0:?} in this dossier: pick one of its actors")]
    UnknownActor(String),
    /// No correction with this id.
    #[error("there is no correction {0} in this dossier: reload the dossier")]
    UnknownCorrection(i64),
    /// An edit that cannot be applied as asked.
    #[error("this change cannot be made: {0}")]
    BadEdit(String),
    /// The recent-files list could not be read or written.
    #[error("the list of recent dossiers ({path}) cannot be used: {detail}")]
    RecentFiles {
        /// The list's file.
        path: PathBuf,
        /// What went wrong.
        detail: String,
    },
    /// An SQLite failure on a dossier that passed its checks (a full disk,
    /// a file removed underneath, …).
    #[error("the dossier could not be read or written ({0}): check the disk, then reopen it")]
    Database(#[from] rusqlite::Error),
}

impl Error {
    /// A stable, machine-readable name of the error for the interface.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound { .. } => "not_found",
            Error::NotAFile { .. } => "not_a_file",
            Error::Io { .. } => "io",
            Error::AlreadyExists { .. } => "already_exists",
            Error::NotSqlite { .. } => "not_sqlite",
            Error::ForeignDatabase { .. } => "foreign_database",
            Error::NewerFormat { .. } => "newer_format",
            Error::Truncated { .. } => "truncated",
            Error::Damaged { .. } => "damaged",
            Error::InUse { .. } => "in_use",
            Error::TargetInUse { .. } => "target_in_use",
            Error::UnknownArticle(_) => "unknown_article",
            Error::UnknownEvent { .. } => "unknown_event",
            Error::UnknownActor(_) => "unknown_actor",
            Error::UnknownCorrection(_) => "unknown_correction",
            Error::BadEdit(_) => "bad_edit",
            Error::RecentFiles { .. } => "recent_files",
            Error::Database(_) => "database",
        }
    }

    /// An I/O error on `path`, told apart into the cases the analyst can act on.
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Error {
        let path = path.to_path_buf();
        match source.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound { path },
            std::io::ErrorKind::AlreadyExists => Error::AlreadyExists { path },
            _ => Error::Io { path, source },
        }
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
