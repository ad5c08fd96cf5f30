//! Hostile and damaged files: each gives its own typed error with a
//! one-line message, and leaves the file byte for byte as it was (and
//! nothing new beside it).

use crate::common::{dossier_with, file_hash, listing, sample_text, scratch, ENGLISH};
use lagebild_dossier::{Dossier, Edit, APPLICATION_ID, FORMAT_VERSION};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// A closed, good dossier with the English sample and one correction.
fn good(dir: &Path) -> PathBuf {
    let path = dir.join("good.lagebild");
    let mut dossier = dossier_with(&path, &[ENGLISH]);
    dossier.edit(Edit::RenameActor { actor: "russia".into(), name: "Russian Federation".into() }).unwrap();
    dossier.close().unwrap();
    path
}

fn write(dir: &Path, bytes: &[u8]) -> PathBuf {
    let path = dir.join("hostile.lagebild");
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A good dossier changed through a plain SQLite connection.
fn altered(dir: &Path, sql: &str) -> PathBuf {
    let path = good(dir);
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(sql).unwrap();
    conn.close().unwrap();
    path
}

/// A good dossier with `count` bytes inverted at `at`.
fn flipped(dir: &Path, at: impl Fn(&[u8]) -> usize, count: usize) -> PathBuf {
    let path = good(dir);
    let mut bytes = std::fs::read(&path).unwrap();
    let start = at(&bytes);
    for b in &mut bytes[start..start + count] {
        *b ^= 0xFF;
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn page_size(bytes: &[u8]) -> usize {
    usize::from(u16::from_be_bytes([bytes[16], bytes[17]]))
}

type Make = fn(&Path) -> PathBuf;

#[test]
fn hostile_files_are_refused_and_left_untouched() {
    let cases: Vec<(&str, Make, &str)> = vec![
        ("an empty file", |d| write(d, b""), "not_sqlite"),
        ("a text file", |d| write(d, b"North Korea sent troops.\n"), "not_sqlite"),
        ("a PNG image", |d| write(d, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01"), "not_sqlite"),
        ("a PDF", |d| write(d, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), "not_sqlite"),
        ("cut off inside the magic string", |d| write(d, b"SQLite fo"), "truncated"),
        (
            "cut off inside the header",
            |d| {
                let bytes = std::fs::read(good(d)).unwrap();
                write(d, &bytes[..60])
            },
            "truncated",
        ),
        (
            "cut off at half its pages",
            |d| {
                let bytes = std::fs::read(good(d)).unwrap();
                let half = bytes.len() / page_size(&bytes) / 2 * page_size(&bytes);
                write(d, &bytes[..half])
            },
            "truncated",
        ),
        (
            "cut off inside a page",
            |d| {
                let bytes = std::fs::read(good(d)).unwrap();
                write(d, &bytes[..bytes.len() - 100])
            },
            "truncated",
        ),
        (
            "bytes flipped in the middle of an article",
            |d| {
                let needle = sample_text(ENGLISH);
                let needle = &needle.as_bytes()[700..740];
                flipped(d, |bytes| bytes.windows(needle.len()).position(|w| w == needle).unwrap(), 16)
            },
            "damaged",
        ),
        ("bytes flipped in a page header", |d| flipped(d, page_size, 8), "damaged"),
        (
            "a header with an impossible page size",
            |d| {
                let mut bytes = std::fs::read(good(d)).unwrap();
                bytes[16..18].copy_from_slice(&[0x03, 0x00]);
                write(d, &bytes)
            },
            "damaged",
        ),
        (
            "a database of another program",
            |d| {
                let path = d.join("other.db");
                let conn = Connection::open(&path).unwrap();
                conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello');")
                    .unwrap();
                conn.close().unwrap();
                path
            },
            "foreign_database",
        ),
        (
            "a dossier under another application id",
            |d| altered(d, "PRAGMA application_id = 1234567;"),
            "foreign_database",
        ),
        (
            "our application id but no schema",
            |d| {
                let path = d.join("bare.lagebild");
                let conn = Connection::open(&path).unwrap();
                conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
                conn.execute_batch("CREATE TABLE x (y);").unwrap();
                conn.close().unwrap();
                path
            },
            "damaged",
        ),
        (
            "a newer format",
            |d| altered(d, &format!("PRAGMA user_version = {};", FORMAT_VERSION + 1)),
            "newer_format",
        ),
        (
            "an index that disagrees with its table (integrity check fails)",
            |d| {
                altered(
                    d,
                    "PRAGMA writable_schema = ON;
                     UPDATE sqlite_schema SET sql = 'CREATE INDEX correction_by_article ON correction (made_at)'
                      WHERE name = 'correction_by_article';",
                )
            },
            "damaged",
        ),
        (
            "a correction that cannot be read",
            |d| altered(d, "UPDATE correction SET body = '{\"kind\": 7}';"),
            "damaged",
        ),
        (
            "an analysis that does not match its checksum",
            |d| altered(d, "UPDATE article SET briefing = '{}';"),
            "damaged",
        ),
        ("a folder", |d| d.to_path_buf(), "not_a_file"),
        ("a missing file", |d| d.join("missing.lagebild"), "not_found"),
    ];
    for (i, (name, make, code)) in cases.into_iter().enumerate() {
        let dir = scratch(&format!("hostile-{i}"));
        let path = make(&dir);
        let before = path.is_file().then(|| file_hash(&path));
        let files_before = listing(&dir);
        let err = Dossier::open(&path).expect_err(name);
        let message = err.to_string();
        assert_eq!(err.code(), code, "{name}: {message}");
        assert_eq!(message.lines().count(), 1, "{name}: {message}");
        assert_eq!(path.is_file().then(|| file_hash(&path)), before, "{name}: the file changed");
        assert_eq!(listing(&dir), files_before, "{name}: files appeared or vanished");
        println!("{name}: {message}");
    }
}

#[test]
fn a_dossier_open_elsewhere_is_refused_and_works_once_closed() {
    let dir = scratch("in-use");
    let path = dir.join("busy.lagebild");
    let first = dossier_with(&path, &[ENGLISH]);
    let err = Dossier::open(&path).expect_err("opened twice");
    assert_eq!(err.code(), "in_use", "{err}");
    drop(first);
    Dossier::open(&path).unwrap();
}

#[test]
fn a_read_only_dossier_says_so() {
    let dir = scratch("read-only");
    let path = good(&dir);
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions.clone()).unwrap();
    let outcome = Dossier::open(&path);
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&path, permissions).unwrap();
    // Root may write anyway; everyone else gets a clear refusal.
    if let Err(err) = outcome {
        assert_eq!(err.code(), "io", "{err}");
        assert_eq!(err.to_string().lines().count(), 1);
    }
}
