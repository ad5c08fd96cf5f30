//! Checks a file before anything opens it for writing: that it is a whole
//! SQLite database, that Lagebild wrote it in a format this build reads,
//! and that its structure and contents are intact. The checks read the
//! file's header with plain file I/O and the rest through a read-only
//! connection, so a file that fails them is left exactly as it was.

use crate::dossier::sidecar;
use crate::error::{Error, Result};
use crate::history::Op;
use crate::schema::{self, APPLICATION_ID, FORMAT_VERSION};
use crate::{sha256_hex, Correction};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The first 16 bytes of every SQLite database.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// The size of the database header.
const HEADER_LEN: usize = 100;

/// Runs every check on the file at `path`.
pub(crate) fn inspect(path: &Path) -> Result<()> {
    check_header(path)?;
    let read_only = open_read_only(path)?;
    check_identity(path, &read_only.conn)?;
    check_integrity(path, &read_only.conn)?;
    check_contents(path, &read_only.conn)?;
    Ok(())
}

/// The header: SQLite's magic string, a sane page size, and a file at
/// least as long as the header says (unless a log beside it completes it).
fn check_header(path: &Path) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::NotAFile { path: path.to_path_buf() });
    }
    let len = meta.len();
    let mut header = Vec::with_capacity(HEADER_LEN);
    std::fs::File::open(path)
        .and_then(|file| file.take(HEADER_LEN as u64).read_to_end(&mut header))
        .map_err(|e| Error::io(path, e))?;
    if header.is_empty() {
        return Err(Error::NotSqlite { path: path.to_path_buf(), why: "the file is empty" });
    }
    // A file that stops inside the magic string is a cut-off database.
    if !header.starts_with(SQLITE_MAGIC) && !SQLITE_MAGIC.starts_with(&header) {
        return Err(Error::NotSqlite { path: path.to_path_buf(), why: "it is not an SQLite database" });
    }
    if header.len() < HEADER_LEN {
        return Err(Error::Truncated { path: path.to_path_buf(), actual: len, expected: HEADER_LEN as u64 });
    }
    let be32 = |at: usize| u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        _ => {
            return Err(Error::Damaged {
                path: path.to_path_buf(),
                detail: "its header gives an impossible page size".into(),
            })
        }
    };
    // With a write-ahead log beside it (left by a crash), the file may be
    // mid-checkpoint: shorter than its header says until SQLite finishes
    // from the log. The integrity check judges it then.
    if sidecar(path, "-wal").exists() {
        return Ok(());
    }
    // The page count in the header is valid when the change counter equals
    // the "version valid for" number (SQLite 3.7.0 and later).
    let page_count = u64::from(be32(28));
    if be32(24) == be32(92) && page_count > 0 && len < page_count * page_size {
        return Err(Error::Truncated {
            path: path.to_path_buf(),
            actual: len,
            expected: page_count * page_size,
        });
    }
    if len % page_size != 0 {
        let expected = len.div_ceil(page_size) * page_size;
        return Err(Error::Truncated { path: path.to_path_buf(), actual: len, expected });
    }
    Ok(())
}

/// A read-only connection that leaves the folder as it found it.
///
/// Without a write-ahead log beside it (a dossier closed cleanly, or any
/// other file) the file is read as immutable: no locks, no side files. With
/// one (a dossier open elsewhere, or left by a crash) SQLite must read the
/// log too, which needs a shared-memory file; side files created here are
/// deleted afterwards. A dossier open in another Lagebild is locked, and
/// reading it fails as busy.
fn open_read_only(path: &Path) -> Result<ReadOnly> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let side_files = ["-wal", "-shm"].map(|suffix| sidecar(path, suffix));
    let has_log = side_files[0].exists();
    let made = RemoveOnDrop(side_files.into_iter().filter(|f| !f.exists()).collect());
    let conn = match immutable_uri(path) {
        Some(uri) if !has_log => Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI),
        _ => Connection::open_with_flags(path, flags),
    }
    .map_err(|e| classify(path, e))?;
    schema::harden(&conn)?;
    Ok(ReadOnly { conn, _made: made })
}

/// A read-only connection and the side files it made, which go after the
/// connection is closed (fields drop in order).
struct ReadOnly {
    conn: Connection,
    _made: RemoveOnDrop,
}

/// Files to delete when dropped.
struct RemoveOnDrop(Vec<PathBuf>);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        for path in &self.0 {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// An SQLite URI that opens `path` read-only and immutable, when the path
/// can be written as one.
fn immutable_uri(path: &Path) -> Option<String> {
    let absolute = std::path::absolute(path).ok()?;
    let text = absolute.to_str()?.replace('\\', "/");
    let mut uri = String::from(if text.starts_with('/') { "file:" } else { "file:/" });
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                uri.push(byte as char)
            }
            other => uri.push_str(&format!("%{other:02X}")),
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    Some(uri)
}

/// Ours, and in a format this build reads.
fn check_identity(path: &Path, conn: &Connection) -> Result<()> {
    let application_id: i32 =
        conn.pragma_query_value(None, "application_id", |row| row.get(0)).map_err(|e| classify(path, e))?;
    if application_id != APPLICATION_ID {
        return Err(Error::ForeignDatabase { path: path.to_path_buf() });
    }
    let found = schema::format_version(conn).map_err(|e| classify(path, e))?;
    if found > FORMAT_VERSION {
        return Err(Error::NewerFormat { path: path.to_path_buf(), found, supported: FORMAT_VERSION });
    }
    if found < 1 {
        return Err(Error::Damaged { path: path.to_path_buf(), detail: "it has no tables".into() });
    }
    Ok(())
}

/// SQLite's own check of every page and index.
fn check_integrity(path: &Path, conn: &Connection) -> Result<()> {
    let first: String =
        conn.query_row("PRAGMA integrity_check(1)", [], |row| row.get(0)).map_err(|e| classify(path, e))?;
    if first != "ok" {
        return Err(Error::Damaged { path: path.to_path_buf(), detail: one_line(&first) });
    }
    Ok(())
}

/// What SQLite cannot check: each article against its checksums, and each
/// correction and history step readable.
fn check_contents(path: &Path, conn: &Connection) -> Result<()> {
    let damaged = |detail: String| Error::Damaged { path: path.to_path_buf(), detail };
    let rows = conn
        .prepare("SELECT name, source, source_sha256, briefing, briefing_sha256 FROM article")
        .and_then(|mut stmt| {
            stmt.query_map([], |row| {
                let name: String = row.get(0)?;
                let source_ok = sha256_hex(row.get_ref(1)?.as_bytes()?) == row.get::<_, String>(2)?;
                let briefing_ok = sha256_hex(row.get_ref(3)?.as_bytes()?) == row.get::<_, String>(4)?;
                Ok((name, source_ok, briefing_ok))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(|e| classify(path, e))?;
    if let Some((name, source_ok, _)) =
        rows.iter().find(|(_, source_ok, briefing_ok)| !(source_ok & briefing_ok))
    {
        let part = if *source_ok { "its analysis" } else { "its text" };
        return Err(damaged(format!("{part} of article {name:?} does not match its checksum")));
    }
    let bodies = |sql: &str| -> Result<Vec<(i64, String)>> {
        conn.prepare(sql)
            .and_then(|mut stmt| stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect())
            .map_err(|e| classify(path, e))
    };
    for (id, body) in bodies("SELECT id, body FROM correction")? {
        serde_json::from_str::<Correction>(&body)
            .map_err(|e| damaged(format!("correction {id} cannot be read: {e}")))?;
    }
    for (id, op) in bodies("SELECT id, op FROM history")? {
        serde_json::from_str::<Op>(&op)
            .map_err(|e| damaged(format!("undo step {id} cannot be read: {e}")))?;
    }
    conn.query_row("SELECT count(*) FROM audit", [], |row| row.get::<_, i64>(0))
        .map_err(|e| classify(path, e))?;
    Ok(())
}

/// Tells SQLite's failures on a file under inspection apart: busy means
/// another program holds it; anything else means the file is not what a
/// dossier should be.
pub(crate) fn classify(path: &Path, error: rusqlite::Error) -> Error {
    let path = path.to_path_buf();
    match error.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::InUse { path },
        Some(ErrorCode::NotADatabase) => Error::Damaged { path, detail: "its header is damaged".into() },
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => Error::Io {
            path,
            source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "cannot be opened"),
        },
        Some(_) => {
            let detail = match &error {
                rusqlite::Error::SqliteFailure(_, Some(message)) => one_line(message),
                other => one_line(&other.to_string()),
            };
            Error::Damaged { path, detail }
        }
        None => Error::Database(error),
    }
}

/// SQLite's report as one line, without its banner.
fn one_line(report: &str) -> String {
    let lines: Vec<&str> = report
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("*** in database"))
        .collect();
    lines.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_become_one_line() {
        let report =
            "*** in database main ***\nTree 2 page 2: btreeInitPage() returns error code 11\nrow 3 missing";
        assert_eq!(one_line(report), "Tree 2 page 2: btreeInitPage() returns error code 11; row 3 missing");
    }

    #[cfg(unix)]
    #[test]
    fn uris_escape_what_is_not_plain() {
        let uri = immutable_uri(Path::new("/home/analyst/a b?c#d%.lagebild")).unwrap_or_default();
        assert_eq!(uri, "file:/home/analyst/a%20b%3Fc%23d%25.lagebild?mode=ro&immutable=1");
    }
}
