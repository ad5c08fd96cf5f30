//! The temporal gold corpora `lagebild eval timex` knows: where each lies
//! under the corpora folder, which files hold documents, their language and,
//! where the files give none, the document creation time.

use anyhow::{Context, Result};
use lagebild_core::Language;
use std::path::{Path, PathBuf};

/// A corpus with gold temporal expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Corpus {
    /// WikiWarsDE: 22 German Wikipedia war narratives, TIMEX2 gold.
    #[value(name = "wikiwars-de")]
    WikiwarsDe,
    /// TempEval-3 Platinum: the 20 English test documents, TIMEX3 gold.
    #[value(name = "tempeval3-platinum")]
    Tempeval3Platinum,
    /// TimeBank 1.2 as cleaned for TempEval-3 (183 English documents).
    #[value(name = "timebank")]
    Timebank,
    /// AQUAINT as cleaned for TempEval-3 (73 English documents).
    #[value(name = "aquaint")]
    Aquaint,
}

impl Corpus {
    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Corpus::WikiwarsDe => "wikiwars-de",
            Corpus::Tempeval3Platinum => "tempeval3-platinum",
            Corpus::Timebank => "timebank",
            Corpus::Aquaint => "aquaint",
        }
    }

    /// The folder of documents, relative to the corpora folder.
    pub fn folder(self) -> &'static str {
        match self {
            Corpus::WikiwarsDe => "wikiwars-de/WikiWarsDE_20110412/keyinline",
            Corpus::Tempeval3Platinum => "tempeval3-en/te3-platinum",
            Corpus::Timebank => "tempeval3-en/TBAQ-cleaned/TimeBank",
            Corpus::Aquaint => "tempeval3-en/TBAQ-cleaned/AQUAINT",
        }
    }

    /// How document file names end.
    fn suffix(self) -> &'static str {
        match self {
            Corpus::WikiwarsDe => ".key.xml",
            _ => ".tml",
        }
    }

    /// The language of the documents.
    pub fn language(self) -> Language {
        match self {
            Corpus::WikiwarsDe => Language::De,
            _ => Language::En,
        }
    }

    /// The creation time to use when a document states none: WikiWarsDE's
    /// readme and PROVENANCE name the download day, 2011-02-16.
    pub fn fallback_dct(self) -> Option<&'static str> {
        match self {
            Corpus::WikiwarsDe => Some("2011-02-16"),
            _ => None,
        }
    }

    /// The document files, sorted by name.
    pub fn files(self, corpora: &Path) -> Result<Vec<PathBuf>> {
        let dir = corpora.join(self.folder());
        let entries = std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))?;
        let mut files = Vec::new();
        for entry in entries {
            let path = entry.with_context(|| format!("cannot list {}", dir.display()))?.path();
            if path.file_name().is_some_and(|n| n.to_string_lossy().ends_with(self.suffix())) {
                files.push(path);
            }
        }
        files.sort();
        Ok(files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    #[test]
    fn command_line_names_match() {
        for corpus in Corpus::value_variants() {
            let value = corpus.to_possible_value().map(|v| v.get_name().to_string());
            assert_eq!(value.as_deref(), Some(corpus.name()));
        }
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_panic() {
        let Err(err) = Corpus::Aquaint.files(Path::new("/nonexistent/corpora")) else {
            panic!("a missing folder was listed")
        };
        assert!(format!("{err:#}").contains("AQUAINT"));
    }
}
