//! The articles of a dossier: adding, removing, listing and analysing
//! them again. Each article keeps its original exactly as given and the
//! engine's briefing of it, each with a checksum.

use crate::error::{Error, Result};
use crate::history::{self, Op};
use crate::schema::NOW;
use crate::{sha256_hex, ArticleId, ArticleInfo, Dossier, Reanalysis, Source};
use lagebild_core::{Briefing, OffsetUnit, Options, PublishedSource};
use rusqlite::{params, OptionalExtension, TransactionBehavior};
use serde_json::json;

/// The version of the engine this build links; stored with every analysis.
/// The workspace versions the engine and this crate together.
pub const ENGINE_VERSION: &str = concat!("lagebild-core ", env!("CARGO_PKG_VERSION"));

/// The longest article name accepted.
const NAME_LIMIT: usize = 500;

impl Dossier {
    /// Adds an article: its original and the engine's briefing of it (with
    /// spans in UTF-8 bytes, as the engine makes it).
    pub fn add_article(&mut self, name: &str, source: Source, briefing: &Briefing) -> Result<ArticleId> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > NAME_LIMIT || name.chars().any(char::is_control) {
            return Err(Error::BadEdit(format!(
                "an article's name has 1 to {NAME_LIMIT} characters on one line"
            )));
        }
        let json = briefing_json(briefing)?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            &format!(
                "INSERT INTO article (name, source_kind, source, source_sha256, language, imported_at, analysed_at,
                                      engine, briefing, briefing_sha256)
                 VALUES (?1, ?2, ?3, ?4, ?5, {NOW}, {NOW}, ?6, ?7, ?8)"
            ),
            params![
                name,
                source.kind(),
                source.as_bytes(),
                sha256_hex(source.as_bytes()),
                briefing.language.code(),
                ENGINE_VERSION,
                json,
                sha256_hex(json.as_bytes())
            ],
        )?;
        let id = ArticleId(tx.last_insert_rowid());
        let info = info_of(&tx, id)?.ok_or(Error::UnknownArticle(id))?;
        let what = format!("add article {name:?}");
        let audit = history::audit(&tx, "add_article", &what, None, Some(&json!(info)))?;
        history::record(&tx, &what, &Op::SetArticleRemoved { article: id, removed: true }, audit)?;
        tx.commit()?;
        Ok(id)
    }

    /// Removes an article with its corrections (undo brings both back).
    pub fn remove_article(&mut self, id: ArticleId) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let info = info_of(&tx, id)?.ok_or(Error::UnknownArticle(id))?;
        let reverse = Op::SetArticleRemoved { article: id, removed: true }.execute(&tx)?;
        let what = format!("remove article {:?}", info.name);
        let audit = history::audit(&tx, "remove_article", &what, Some(&json!(info)), None)?;
        history::record(&tx, &what, &reverse, audit)?;
        tx.commit()?;
        Ok(())
    }

    /// The articles, in the order they were added.
    pub fn articles(&self) -> Result<Vec<ArticleInfo>> {
        let mut stmt = self.conn.prepare(&format!("{INFO} WHERE removed = 0 ORDER BY id"))?;
        let rows = stmt.query_map([], info_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// An article's original, as it was given.
    pub fn source(&self, id: ArticleId) -> Result<Source> {
        let (kind, bytes): (String, Vec<u8>) = self
            .conn
            .query_row(
                "SELECT source_kind, source FROM article WHERE id = ?1 AND removed = 0",
                [id.0],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?
            .ok_or(Error::UnknownArticle(id))?;
        Source::from_stored(&kind, bytes)
            .ok_or_else(|| self.damaged(format!("the original of article {id} cannot be read")))
    }

    /// The engine's briefings of the articles (without corrections), in order.
    pub(crate) fn machine_briefings(&self) -> Result<Vec<(ArticleId, String, Briefing)>> {
        let mut stmt =
            self.conn.prepare("SELECT id, name, briefing FROM article WHERE removed = 0 ORDER BY id")?;
        let rows = stmt
            .query_map([], |row| {
                Ok((ArticleId(row.get(0)?), row.get::<_, String>(1)?, row.get::<_, String>(2)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(id, name, json)| match serde_json::from_str(&json) {
                Ok(briefing) => Ok((id, name, briefing)),
                Err(e) => Err(self.damaged(format!("the analysis of article {name:?} cannot be read: {e}"))),
            })
            .collect()
    }

    /// Analyses every article again with `analyse` (given the original and
    /// the previous briefing; [`analyse_again`] is the usual choice), in one
    /// transaction. Corrections are kept and apply to the new analyses; an
    /// article whose analysis fails keeps its old one and is reported.
    pub fn reanalyse<E: std::fmt::Display>(
        &mut self,
        mut analyse: impl FnMut(&Source, &Briefing) -> Result<Briefing, E>,
    ) -> Result<Reanalysis> {
        let previous = self.machine_briefings()?;
        let mut fresh = Vec::with_capacity(previous.len());
        let mut failed = Vec::new();
        for (id, name, old) in &previous {
            let source = self.source(*id)?;
            match analyse(&source, old) {
                Ok(new) if new.offsets == OffsetUnit::Utf8 => fresh.push((*id, briefing_json(&new)?, new)),
                Ok(_) => {
                    failed.push((*id, name.clone(), "the analysis counts UTF-16 offsets, not UTF-8".into()))
                }
                Err(e) => failed.push((*id, name.clone(), e.to_string())),
            }
        }
        let engines: Vec<String> = {
            let mut stmt = self.conn.prepare("SELECT DISTINCT engine FROM article WHERE removed = 0")?;
            let engines = stmt.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
            engines
        };
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (id, json, briefing) in &fresh {
            tx.execute(
                &format!(
                    "UPDATE article SET briefing = ?1, briefing_sha256 = ?2, language = ?3, engine = ?4,
                     analysed_at = {NOW} WHERE id = ?5"
                ),
                params![json, sha256_hex(json.as_bytes()), briefing.language.code(), ENGINE_VERSION, id.0],
            )?;
        }
        let what = format!("analyse {} article(s) again with {ENGINE_VERSION}", fresh.len());
        let failures: Vec<_> =
            failed.iter().map(|(id, name, why)| json!({"article": id, "name": name, "error": why})).collect();
        history::audit(
            &tx,
            "reanalyse",
            &what,
            Some(&json!({ "engines": engines })),
            Some(&json!({ "engine": ENGINE_VERSION, "failed": failures })),
        )?;
        tx.commit()?;
        let orphans = self.corrected_briefings()?.orphans;
        Ok(Reanalysis { analysed: fresh.len(), failed, orphans })
    }

    pub(crate) fn damaged(&self, detail: String) -> Error {
        Error::Damaged { path: self.path.clone(), detail }
    }
}

/// Analyses an article again the way it was analysed first: with the
/// publication date the analyst gave, if any, and in the same language.
pub fn analyse_again(source: &Source, previous: &Briefing) -> Result<Briefing, lagebild_core::Error> {
    let published = match (previous.published_source, previous.published.as_deref()) {
        (Some(PublishedSource::Given), Some(date)) => Some(lagebild_core::parse_date_argument(date)?),
        _ => None,
    };
    let options = Options { published, language: Some(previous.language) };
    match source {
        Source::Text(text) => lagebild_core::analyse_text(text, &options),
        Source::Bytes(bytes) => lagebild_core::analyse_bytes(bytes, &options),
    }
}

fn briefing_json(briefing: &Briefing) -> Result<String> {
    if briefing.offsets != OffsetUnit::Utf8 {
        return Err(Error::BadEdit(
            "store the engine's briefing (spans in UTF-8 bytes), not one converted for the interface".into(),
        ));
    }
    serde_json::to_string(briefing).map_err(|e| Error::BadEdit(format!("the briefing cannot be stored: {e}")))
}

const INFO: &str =
    "SELECT id, name, source_kind, length(source), source_sha256, language, imported_at, analysed_at, engine
                    FROM article";

fn info_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleInfo> {
    Ok(ArticleInfo {
        id: ArticleId(row.get(0)?),
        name: row.get(1)?,
        source_kind: row.get(2)?,
        size: u64::try_from(row.get::<_, i64>(3)?).unwrap_or_default(),
        content_hash: row.get(4)?,
        language: row.get(5)?,
        imported_at: row.get(6)?,
        analysed_at: row.get(7)?,
        engine: row.get(8)?,
    })
}

/// What is known of an article that is not removed.
fn info_of(conn: &rusqlite::Connection, id: ArticleId) -> Result<Option<ArticleInfo>> {
    Ok(conn.query_row(&format!("{INFO} WHERE id = ?1 AND removed = 0"), [id.0], info_row).optional()?)
}
