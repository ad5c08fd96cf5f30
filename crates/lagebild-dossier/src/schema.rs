//! The fixed points of the file format: the application id that marks a
//! dossier, the schema migrations (ordered SQL files under
//! `data/migrations/`), and how every connection to a dossier is set up.

use crate::error::Result;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, TransactionBehavior};

/// `PRAGMA application_id` of every dossier: the bytes `LGBD`.
pub const APPLICATION_ID: i32 = 0x4C47_4244;

/// One schema step: the `user_version` it brings the file to and its SQL.
struct Migration {
    version: i64,
    sql: &'static str,
}

/// Every migration, oldest first. A file's number is its version; the unit
/// test below checks that this list and the folder agree.
const MIGRATIONS: &[Migration] =
    &[Migration { version: 1, sql: include_str!("../data/migrations/0001_initial.sql") }];

/// The file format version this build writes and the newest it reads
/// (`PRAGMA user_version`).
pub const FORMAT_VERSION: i64 = MIGRATIONS.len() as i64;

/// The SQL expression for "now" in the format every time column uses.
pub(crate) const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// Hardens a connection against hostile schemas: no triggers or views
/// that call functions with side effects, no writes to the schema table.
pub(crate) fn harden(conn: &Connection) -> Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    Ok(())
}

/// Sets up a read-write connection: exclusive locking (one Lagebild at a
/// time per file, and no shared-memory file beside it), write-ahead
/// logging, a sync to disk at every commit, foreign keys enforced.
///
/// Locking mode must be set before the first access to the file.
pub(crate) fn configure(conn: &Connection) -> Result<()> {
    harden(conn)?;
    conn.execute_batch("PRAGMA locking_mode = EXCLUSIVE; PRAGMA foreign_keys = ON;")?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get::<_, String>(0))?;
    conn.execute_batch("PRAGMA synchronous = FULL;")?;
    // Take the write lock now rather than at the first edit, so a second
    // window fails at once with "in use".
    conn.execute_batch("BEGIN IMMEDIATE; COMMIT;")?;
    Ok(())
}

/// The file's format version.
pub(crate) fn format_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Brings the schema up to [`FORMAT_VERSION`] in one transaction; an empty
/// database also gets the application id. A file already current is left alone.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let current = format_version(conn)?;
    if current >= FORMAT_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if current == 0 {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    for migration in MIGRATIONS.iter().filter(|m| m.version > current) {
        tx.execute_batch(migration.sql)?;
    }
    tx.pragma_update(None, "user_version", FORMAT_VERSION)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_the_numbered_files_of_the_folder_in_order() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/migrations");
        let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "sql"))
            .collect();
        files.sort();
        assert_eq!(files.len(), MIGRATIONS.len());
        for (i, (file, migration)) in files.iter().zip(MIGRATIONS).enumerate() {
            let name = file.file_name().unwrap().to_string_lossy();
            assert!(name.starts_with(&format!("{:04}_", i + 1)), "{name}");
            assert_eq!(migration.version, i as i64 + 1);
            assert_eq!(std::fs::read_to_string(file).unwrap(), migration.sql, "{name}");
        }
    }

    #[test]
    fn migration_sets_identity_and_version_once() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
        assert_eq!(id, APPLICATION_ID);
        assert_eq!(format_version(&conn).unwrap(), FORMAT_VERSION);
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('article', 'correction', 'audit', 'history')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 4);
    }
}
