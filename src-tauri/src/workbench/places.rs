//! Where the workbench keeps its own files: a dossier that was never saved
//! lives in the app's data folder (`unsaved.lagebild`) until "save as"
//! moves it; the list of recent dossiers lives in the app's config folder.

use std::path::{Path, PathBuf};

use lagebild_dossier::{RecentFiles, DEFAULT_LIMIT, RECENT_FILE};

use super::error::{Result, WorkbenchError};

/// The file name of the unsaved dossier.
const UNSAVED: &str = "unsaved.lagebild";

/// The app's folders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    /// The app's data folder: the unsaved dossier.
    pub data: PathBuf,
    /// The app's config folder: the recent-files list.
    pub config: PathBuf,
}

impl Places {
    /// The unsaved dossier's file.
    pub fn unsaved(&self) -> PathBuf {
        self.data.join(UNSAVED)
    }

    /// Whether `path` is the unsaved dossier's file.
    pub fn is_unsaved(&self, path: &Path) -> bool {
        path == self.unsaved()
    }

    /// Makes the data folder if it is missing.
    pub fn make_data_folder(&self) -> Result<()> {
        std::fs::create_dir_all(&self.data).map_err(|e| {
            WorkbenchError::io(format!("{} cannot be made ({e}): check the disk", self.data.display()))
        })
    }

    /// Deletes the unsaved dossier's file and its journals.
    pub fn delete_unsaved(&self) -> Result<()> {
        let file = self.unsaved();
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = file.clone().into_os_string();
            name.push(suffix);
            match std::fs::remove_file(&name) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(WorkbenchError::io(format!(
                        "{} cannot be deleted ({e}): check the folder's permissions",
                        PathBuf::from(name).display()
                    )))
                }
            }
        }
        Ok(())
    }

    /// The recent-files list. A damaged list is started anew (it only
    /// names files; nothing else is lost).
    pub fn recent(&self) -> Result<RecentFiles> {
        match RecentFiles::load(&self.config, DEFAULT_LIMIT) {
            Ok(list) => Ok(list),
            Err(error) => {
                eprintln!("lagebild-app: {error}; starting a new list");
                let _ = std::fs::remove_file(self.config.join(RECENT_FILE));
                Ok(RecentFiles::load(&self.config, DEFAULT_LIMIT)?)
            }
        }
    }
}
