//! Reading an article file for the engine, with a one-line message for
//! each way that can fail: no such file, a folder, a device or pipe, no
//! permission, a lock held by another program, a file over the size limit.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use anyhow::{bail, Result};
use lagebild_core::ingest::MAX_FILE_BYTES;
use std::io::{ErrorKind, Read};
use std::path::Path;

/// The bytes of the article file at `path`.
pub fn article_bytes(path: &Path) -> Result<Vec<u8>> {
    let shown = path.display();
    let metadata = std::fs::metadata(path).map_err(|err| cannot_read(path, &err))?;
    if metadata.is_dir() {
        bail!("{shown} is a folder, not a file: name the article files inside it");
    }
    if !metadata.is_file() {
        bail!("{shown} is not a regular file (a device, pipe or socket): save the article as a file and name that");
    }
    let too_large = |size: u64| {
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        lagebild_core::Error::FileTooLarge { size, limit: MAX_FILE_BYTES }
    };
    if metadata.len() > MAX_FILE_BYTES as u64 {
        bail!("{shown}: {}", too_large(metadata.len()));
    }
    let file = std::fs::File::open(path).map_err(|err| cannot_read(path, &err))?;
    let mut bytes = Vec::new();
    // One byte over the limit tells a file that grew since it was measured.
    file.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(|err| cannot_read(path, &err))?;
    if bytes.len() > MAX_FILE_BYTES {
        bail!("{shown}: {}", too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Windows' codes for a file another program holds open without sharing it
/// (ERROR_SHARING_VIOLATION) or has locked a part of (ERROR_LOCK_VIOLATION).
const WINDOWS_LOCKED: [i32; 2] = [32, 33];

fn cannot_read(path: &Path, err: &std::io::Error) -> anyhow::Error {
    let shown = path.display();
    match err.kind() {
        ErrorKind::NotFound => anyhow::anyhow!("cannot read {shown}: there is no such file: check its name and folder"),
        ErrorKind::PermissionDenied => anyhow::anyhow!(
            "cannot read {shown}: permission denied: give yourself read access (e.g. chmod u+r) or copy the article elsewhere"
        ),
        _ if cfg!(windows) && err.raw_os_error().is_some_and(|code| WINDOWS_LOCKED.contains(&code)) => {
            anyhow::anyhow!("cannot read {shown}: another program has locked it: close it there and try again")
        }
        _ => anyhow::anyhow!("cannot read {shown}: {err}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_is_wrong() {
        let dir = std::env::temp_dir().join(format!("lagebild-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_default();
        let message =
            |path: &Path| article_bytes(path).map(|_| String::new()).unwrap_or_else(|e| e.to_string());
        assert!(message(&dir.join("gone.txt")).contains("no such file"));
        assert!(message(&dir).contains("is a folder"));
        let file = dir.join("a.txt");
        std::fs::write(&file, "Text").unwrap_or_default();
        assert_eq!(article_bytes(&file).ok(), Some(b"Text".to_vec()));
        #[cfg(unix)]
        assert!(message(Path::new("/dev/null")).contains("not a regular file"));
        std::fs::remove_dir_all(&dir).unwrap_or_default();
    }
}
