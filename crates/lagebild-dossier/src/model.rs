//! The values the dossier hands out and takes in, apart from corrections
//! (see `corrections`): ids, an article's original, what is known about an
//! article, the corrected analyses, and the records of history and audit.

use lagebild_core::Briefing;
use serde::{Deserialize, Serialize};

/// An article's id in its dossier. Ids are never reused, not even after
/// the article is removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub i64);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A correction's id. Corrections apply in the order of their ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CorrectionId(pub i64);

/// An article as the analyst gave it, kept so it can be analysed again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Text, pasted or already decoded.
    Text(String),
    /// A file's bytes, exactly as read (any encoding the engine reads).
    Bytes(Vec<u8>),
}

impl Source {
    /// The bytes as stored: a text's UTF-8, or the file's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Source::Text(text) => text.as_bytes(),
            Source::Bytes(bytes) => bytes,
        }
    }

    /// The name of the kind, as stored in the file.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Source::Text(_) => "text",
            Source::Bytes(_) => "bytes",
        }
    }

    /// Rebuilds a source from its stored kind and bytes.
    pub(crate) fn from_stored(kind: &str, bytes: Vec<u8>) -> Option<Source> {
        match kind {
            "text" => String::from_utf8(bytes).ok().map(Source::Text),
            "bytes" => Some(Source::Bytes(bytes)),
            _ => None,
        }
    }
}

/// What the dossier knows about one article, without its text or analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleInfo {
    /// Its id.
    pub id: ArticleId,
    /// The file name or the name the analyst gave it.
    pub name: String,
    /// `text` (pasted or decoded) or `bytes` (a file as read).
    pub source_kind: String,
    /// The original's size in bytes.
    pub size: u64,
    /// Hex SHA-256 of the original: the same file imported twice has the same hash.
    pub content_hash: String,
    /// The language of the analysis, `de` or `en`.
    pub language: String,
    /// When it was added (ISO 8601, UTC).
    pub imported_at: String,
    /// When it was last analysed (ISO 8601, UTC).
    pub analysed_at: String,
    /// The engine version of that analysis.
    pub engine: String,
}

/// One article's analysis with the analyst's corrections applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorrectedArticle {
    /// The article.
    pub id: ArticleId,
    /// Its name.
    pub name: String,
    /// The engine's briefing with every correction that matched applied.
    /// Events added by hand have the id `m` + the correction's id.
    pub briefing: Briefing,
}

/// A correction that no longer matches what the engine found, typically
/// after a re-analysis by a newer engine. It stays in the dossier (and
/// applies again if a later analysis matches it) until the analyst removes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Orphan {
    /// The correction.
    pub correction: CorrectionId,
    /// The article it concerns, if not the whole dossier.
    pub article: Option<ArticleId>,
    /// What the correction does.
    pub what: String,
    /// Why it does not apply.
    pub why: String,
}

/// Every article's corrected analysis, and the corrections that did not apply.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Corrected {
    /// The articles, in the order they were added.
    pub articles: Vec<CorrectedArticle>,
    /// Corrections kept but not applied.
    pub orphans: Vec<Orphan>,
}

/// One stored correction, for a list the analyst can review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CorrectionInfo {
    /// Its id.
    pub id: CorrectionId,
    /// The article it concerns, if not the whole dossier.
    pub article: Option<ArticleId>,
    /// What it does, in one sentence.
    pub what: String,
    /// When it was made (ISO 8601, UTC).
    pub made_at: String,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    /// When (ISO 8601, UTC).
    pub at: String,
    /// The kind of change: `add_article`, `rename_actor`, `undo`, …
    pub action: String,
    /// What changed, in one sentence.
    pub what: String,
    /// The thing before the change; `None` when it did not exist.
    pub before: Option<serde_json::Value>,
    /// The thing after the change; `None` when it is gone.
    pub after: Option<serde_json::Value>,
}

/// What undo and redo would do now, for the Edit menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryState {
    /// The step undo would take back.
    pub undo: Option<String>,
    /// The step redo would make again.
    pub redo: Option<String>,
}

/// What a re-analysis did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reanalysis {
    /// How many articles got a new analysis.
    pub analysed: usize,
    /// The articles whose analysis failed and kept the old one: id, name and message.
    pub failed: Vec<(ArticleId, String, String)>,
    /// The corrections that no longer match afterwards.
    pub orphans: Vec<Orphan>,
}
