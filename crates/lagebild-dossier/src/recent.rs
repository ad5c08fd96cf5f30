//! The list of recently opened dossiers, newest first, kept as a small
//! JSON file in a folder the caller chooses (the app passes its config
//! folder). The file is replaced whole at each change, through a
//! temporary file and a rename, so it is never half-written.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The list's file name inside the chosen folder.
pub const RECENT_FILE: &str = "recent-dossiers.json";

/// How many paths the list keeps unless told otherwise.
pub const DEFAULT_LIMIT: usize = 10;

#[derive(Serialize, Deserialize)]
struct Stored {
    paths: Vec<PathBuf>,
}

/// The recently opened dossiers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentFiles {
    file: PathBuf,
    limit: usize,
    paths: Vec<PathBuf>,
}

impl RecentFiles {
    /// Reads the list from `folder`; an absent list is an empty one.
    pub fn load(folder: &Path, limit: usize) -> Result<RecentFiles> {
        let file = folder.join(RECENT_FILE);
        let fail = |detail: String| Error::RecentFiles { path: file.clone(), detail };
        let mut paths = match std::fs::read(&file) {
            Ok(bytes) => {
                serde_json::from_slice::<Stored>(&bytes)
                    .map_err(|e| {
                        fail(format!("it is not a list of paths ({e}); delete it to start a new one"))
                    })?
                    .paths
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(fail(e.to_string())),
        };
        paths.truncate(limit);
        Ok(RecentFiles { file, limit, paths })
    }

    /// The paths, newest first.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// Puts `path` first (once), drops the oldest beyond the limit, and saves.
    pub fn add(&mut self, path: &Path) -> Result<()> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.paths.retain(|p| *p != path);
        self.paths.insert(0, path);
        self.paths.truncate(self.limit);
        self.save()
    }

    /// Takes `path` off the list (a file that is gone) and saves.
    pub fn remove(&mut self, path: &Path) -> Result<()> {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.paths.retain(|p| *p != absolute && p != path);
        self.save()
    }

    fn save(&self) -> Result<()> {
        let fail = |detail: String| Error::RecentFiles { path: self.file.clone(), detail };
        let json = serde_json::to_vec_pretty(&Stored { paths: self.paths.clone() })
            .map_err(|e| fail(format!("a path cannot be written as text ({e})")))?;
        if let Some(folder) = self.file.parent() {
            std::fs::create_dir_all(folder).map_err(|e| fail(e.to_string()))?;
        }
        let temp = self.file.with_extension(format!("json.{}.tmp", std::process::id()));
        std::fs::write(&temp, json).and_then(|()| std::fs::rename(&temp, &self.file)).map_err(|e| {
            let _ = std::fs::remove_file(&temp);
            fail(e.to_string())
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::testing::scratch_dir;

    #[test]
    fn newest_first_once_and_no_more_than_the_limit() {
        let dir = scratch_dir("recent");
        let mut recent = RecentFiles::load(&dir, 3).unwrap();
        assert!(recent.paths().is_empty());
        for name in ["a", "b", "c", "a", "d"] {
            recent.add(&dir.join(format!("{name}.lagebild"))).unwrap();
        }
        let names = |r: &RecentFiles| -> Vec<String> {
            r.paths().iter().map(|p| p.file_stem().unwrap().to_string_lossy().into_owned()).collect()
        };
        assert_eq!(names(&recent), ["d", "a", "c"]);
        let again = RecentFiles::load(&dir, 3).unwrap();
        assert_eq!(again, recent);
        recent.remove(&dir.join("a.lagebild")).unwrap();
        assert_eq!(names(&RecentFiles::load(&dir, 3).unwrap()), ["d", "c"]);
    }

    #[test]
    fn a_damaged_list_is_reported_not_guessed() {
        let dir = scratch_dir("recent-damaged");
        std::fs::write(dir.join(RECENT_FILE), b"{not json").unwrap();
        let err = RecentFiles::load(&dir, 3).unwrap_err();
        assert_eq!(err.code(), "recent_files");
        assert_eq!(err.to_string().lines().count(), 1);
    }
}
