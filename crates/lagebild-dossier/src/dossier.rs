//! An open dossier file: creating, opening and saving it under another
//! name. What is inside (articles, corrections, history) is handled by the
//! `articles`, `editing` and `history` modules.

use crate::error::{Error, Result};
use crate::inspect::{self, inspect};
use crate::schema::{configure, migrate};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// One open `.lagebild` file. Every change is committed to the file before
/// the method that makes it returns; there is nothing to save. The file is
/// locked while open: a second `open` of it, here or in another process,
/// fails with [`Error::InUse`].
#[derive(Debug)]
pub struct Dossier {
    pub(crate) path: PathBuf,
    pub(crate) conn: Connection,
}

impl Dossier {
    /// Creates a new, empty dossier at `path`, which must not exist yet.
    /// The file appears whole or not at all.
    pub fn create(path: impl AsRef<Path>) -> Result<Dossier> {
        let path = path.as_ref();
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(Error::AlreadyExists { path: path.to_path_buf() });
        }
        let temp = Temp::beside(path)?;
        let made = (|| -> Result<()> {
            let mut conn = connect(&temp.0)?;
            migrate(&mut conn)?;
            close(conn)?;
            sync_file(&temp.0)
        })();
        made?;
        place_new(&temp.0, path)?;
        temp.forget();
        sync_parent(path)?;
        Dossier::open(path)
    }

    /// Opens the dossier at `path` after checking it (see the crate docs):
    /// a file that fails a check is left untouched. A dossier of an older
    /// format is migrated to the current one.
    pub fn open(path: impl AsRef<Path>) -> Result<Dossier> {
        let path = path.as_ref();
        inspect(path)?;
        let mut conn = connect(path)?;
        migrate(&mut conn)?;
        Ok(Dossier { path: path.to_path_buf(), conn })
    }

    /// The file this dossier lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the dossier to `target` and goes on with the copy there (the
    /// old file stays as it was). The copy is written to a temporary file
    /// beside the target, checked, synced to disk and then renamed over
    /// the target, so the target holds either its old contents or the
    /// whole new dossier, whatever happens. Saving to the file itself only
    /// folds the write-ahead log into it.
    pub fn save_as(&mut self, target: impl AsRef<Path>) -> Result<()> {
        let target = target.as_ref();
        if same_file(&self.path, target) {
            self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
            return Ok(());
        }
        if target.is_dir() {
            return Err(Error::NotAFile { path: target.to_path_buf() });
        }
        // A journal beside the target belongs to whoever has it open, or to
        // a crashed session: it must not meet a different database.
        if ["-wal", "-journal"].iter().any(|suffix| sidecar(target, suffix).exists()) {
            return Err(Error::TargetInUse { path: target.to_path_buf() });
        }
        let temp = Temp::beside(target)?;
        self.write_copy(&temp.0)?;
        std::fs::rename(&temp.0, target).map_err(|e| Error::io(target, e))?;
        temp.forget();
        sync_parent(target)?;
        self.conn = connect(target)?;
        self.path = target.to_path_buf();
        Ok(())
    }

    /// Writes a checked, synced copy of the dossier to the empty file `to`.
    fn write_copy(&self, to: &Path) -> Result<()> {
        let name = to.to_str().ok_or_else(|| Error::Io {
            path: to.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "the path is not valid Unicode"),
        })?;
        self.conn.execute("VACUUM INTO ?1", [name])?;
        // Switch the copy to write-ahead logging now, so opening it later
        // writes nothing.
        close(connect(to)?)?;
        inspect(to)?;
        sync_file(to)
    }

    /// Closes the dossier, folding the write-ahead log into the file.
    /// Dropping a dossier does the same but cannot report a failure.
    pub fn close(self) -> Result<()> {
        close(self.conn)
    }
}

/// Opens `path` (which must exist) for reading and writing and sets the
/// connection up; failures that mean "someone else has it" or "it cannot
/// be written" get their own errors.
pub(crate) fn connect(path: &Path) -> Result<Connection> {
    let classify = |error: rusqlite::Error| {
        let path = path.to_path_buf();
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::InUse { path },
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => Error::Io {
                path,
                source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "it cannot be written"),
            },
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => inspect::classify(&path, error),
            _ => Error::Database(error),
        }
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(classify)?;
    configure(&conn).map_err(|e| match e {
        Error::Database(inner) => classify(inner),
        other => other,
    })?;
    Ok(conn)
}

fn close(conn: Connection) -> Result<()> {
    conn.close().map_err(|(_, e)| Error::Database(e))
}

/// Whether two paths name the same file (the second need not exist).
fn same_file(a: &Path, b: &Path) -> bool {
    let canonical = |p: &Path| -> Option<PathBuf> {
        if let Ok(c) = p.canonicalize() {
            return Some(c);
        }
        let parent = match p.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.canonicalize().ok()?,
            _ => std::env::current_dir().ok()?,
        };
        Some(parent.join(p.file_name()?))
    };
    matches!((canonical(a), canonical(b)), (Some(x), Some(y)) if x == y)
}

/// `path` with `suffix` appended to its file name (SQLite's `-wal` etc.).
pub(crate) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A new, empty, hidden file beside a target, deleted when dropped unless
/// it was renamed into place first.
struct Temp(PathBuf);

impl Temp {
    fn beside(target: &Path) -> Result<Temp> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let name = target.file_name().ok_or_else(|| Error::NotAFile { path: target.to_path_buf() })?;
        let dir = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".{}.{}-{n}.tmp", name.to_string_lossy(), std::process::id()));
        OpenOptions::new().write(true).create_new(true).open(&path).map_err(|e| Error::io(target, e))?;
        Ok(Temp(path))
    }

    /// Keeps the file: it has been renamed to its final name.
    fn forget(self) {
        std::mem::forget(self);
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-journal"] {
            let _ = std::fs::remove_file(sidecar(&self.0, suffix));
        }
    }
}

/// Moves a finished file to `path` unless something appeared there meanwhile.
fn place_new(from: &Path, path: &Path) -> Result<()> {
    match std::fs::hard_link(from, path) {
        Ok(()) => std::fs::remove_file(from).map_err(|e| Error::io(from, e)),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Error::AlreadyExists { path: path.to_path_buf() })
        }
        // File systems without hard links: a plain rename after a check.
        Err(_) if std::fs::symlink_metadata(path).is_err() => {
            std::fs::rename(from, path).map_err(|e| Error::io(path, e))
        }
        Err(e) => Err(Error::io(path, e)),
    }
}

fn sync_file(path: &Path) -> Result<()> {
    File::open(path).and_then(|f| f.sync_all()).map_err(|e| Error::io(path, e))
}

/// Makes a rename in the parent folder durable (Unix; elsewhere the rename
/// itself is).
fn sync_parent(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let parent = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        File::open(parent).and_then(|dir| dir.sync_all()).map_err(|e| Error::io(parent, e))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}
