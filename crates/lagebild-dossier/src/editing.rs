//! Corrections on an open dossier: making, listing and removing them,
//! applying them to the engine's briefings, undo and redo, and reading the
//! audit log.

use crate::corrections::{self, apply, Correction, Edit, Outcome};
use crate::error::{Error, Result};
use crate::history::{self, CorrectionRow, Direction, Op};
use crate::schema::NOW;
use crate::{
    ArticleId, AuditEntry, Corrected, CorrectedArticle, CorrectionId, CorrectionInfo, Dossier, HistoryState,
    Orphan,
};
use rusqlite::{params, TransactionBehavior};
use std::collections::HashMap;

impl Dossier {
    /// Every article's briefing with the corrections applied, and the
    /// corrections that found nothing to apply to. Corrections apply in the
    /// order they were made. The briefings' `relations` and `escalation`
    /// are left empty: they are derived from the events, and
    /// `lagebild_core::dossier::merge` derives them from the corrected ones.
    pub fn corrected_briefings(&self) -> Result<Corrected> {
        let machine = self.machine_briefings()?;
        let corrections = self.correction_rows()?;
        let mut per_article: HashMap<ArticleId, Vec<&CorrectionRow>> = HashMap::new();
        for row in &corrections {
            if let Some(article) = row.article {
                per_article.entry(article).or_default().push(row);
            }
        }
        let everywhere: Vec<&CorrectionRow> = corrections.iter().filter(|r| r.article.is_none()).collect();
        let mut applied_somewhere: HashMap<CorrectionId, bool> =
            everywhere.iter().map(|r| (r.id, false)).collect();
        let mut orphans = Vec::new();
        let mut articles = Vec::with_capacity(machine.len());
        for (id, name, mut briefing) in machine {
            let mine = per_article.remove(&id).unwrap_or_default();
            let mut due: Vec<&CorrectionRow> = mine.into_iter().chain(everywhere.iter().copied()).collect();
            due.sort_by_key(|r| r.id);
            for row in due {
                match apply(&mut briefing, row.id, &row.body) {
                    Outcome::Applied => {
                        applied_somewhere.insert(row.id, true);
                    }
                    Outcome::NotHere => {}
                    Outcome::Partly(why) | Outcome::Orphaned(why) => orphans.push(orphan(row, why)),
                }
            }
            briefing.relations.clear();
            briefing.escalation.clear();
            articles.push(CorrectedArticle { id, name, briefing });
        }
        for row in everywhere {
            if applied_somewhere.get(&row.id) == Some(&false) {
                orphans.push(orphan(row, "no article has this actor any more".into()));
            }
        }
        orphans.sort_by_key(|o| o.correction);
        Ok(Corrected { articles, orphans })
    }

    /// Makes a correction: checks it against the dossier as corrected so
    /// far, stores it with an audit line and an undo step, all in one
    /// transaction.
    pub fn edit(&mut self, edit: Edit) -> Result<CorrectionId> {
        let view = self.corrected_briefings()?.articles;
        let built = corrections::build(&edit, &view)?;
        let body = serde_json::to_string(&built.correction)
            .map_err(|e| Error::BadEdit(format!("the correction cannot be stored: {e}")))?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            &format!("INSERT INTO correction (article_id, body, made_at) VALUES (?1, ?2, {NOW})"),
            params![built.article.map(|a| a.0), body],
        )?;
        let id = CorrectionId(tx.last_insert_rowid());
        let after = corrections::after(&view, built.article, id, &built.correction);
        let what = built.correction.describe();
        let audit =
            history::audit(&tx, built.correction.action(), &what, built.before.as_ref(), after.as_ref())?;
        history::record(&tx, &what, &Op::DeleteCorrection { id, article: built.article }, audit)?;
        tx.commit()?;
        Ok(id)
    }

    /// Removes a correction (to bring back what it hid, or to drop an
    /// orphan); undo brings it back.
    pub fn remove_correction(&mut self, id: CorrectionId) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let row = history::read_correction(&tx, id)?.ok_or(Error::UnknownCorrection(id.0))?;
        let reverse = Op::DeleteCorrection { id, article: row.article }.execute(&tx)?;
        let what = format!("withdraw the correction \"{}\"", row.body.describe());
        let before = serde_json::to_value(&row.body).ok();
        let audit = history::audit(&tx, "remove_correction", &what, before.as_ref(), None)?;
        history::record(&tx, &what, &reverse, audit)?;
        tx.commit()?;
        Ok(())
    }

    /// The corrections of the articles present, in the order they apply.
    pub fn corrections(&self) -> Result<Vec<CorrectionInfo>> {
        Ok(self
            .correction_rows()?
            .into_iter()
            .map(|row| CorrectionInfo {
                id: row.id,
                article: row.article,
                what: row.body.describe(),
                made_at: row.made_at,
            })
            .collect())
    }

    /// Takes back the last change; returns what it was, or `None` when
    /// there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<String>> {
        self.step(Direction::Undo)
    }

    /// Makes the last undone change again; returns what it was, or `None`
    /// when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<String>> {
        self.step(Direction::Redo)
    }

    fn step(&mut self, direction: Direction) -> Result<Option<String>> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let label = history::step(&tx, direction)?;
        tx.commit()?;
        Ok(label)
    }

    /// What undo and redo would do now.
    pub fn history(&self) -> Result<HistoryState> {
        let (undo, redo) = history::tops(&self.conn)?;
        Ok(HistoryState { undo, redo })
    }

    /// The audit log, oldest first.
    pub fn audit_log(&self) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare("SELECT at, action, what, before, after FROM audit ORDER BY id")?;
        let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
        let rows = stmt
            .query_map([], |row| {
                Ok(AuditEntry {
                    at: row.get(0)?,
                    action: row.get(1)?,
                    what: row.get(2)?,
                    before: parse(row.get(3)?),
                    after: parse(row.get(4)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The stored corrections of dossier-wide scope or of articles present, in order.
    fn correction_rows(&self) -> Result<Vec<CorrectionRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.article_id, c.body, c.made_at FROM correction c
             LEFT JOIN article a ON a.id = c.article_id
             WHERE c.article_id IS NULL OR a.removed = 0 ORDER BY c.id",
        )?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, Option<i64>>(1)?,
                    row.get::<_, String>(2)?,
                    row.get(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(id, article, body, made_at)| {
                let body: Correction = serde_json::from_str(&body)
                    .map_err(|e| self.damaged(format!("correction {id} cannot be read: {e}")))?;
                Ok(CorrectionRow { id: CorrectionId(id), article: article.map(ArticleId), body, made_at })
            })
            .collect()
    }
}

fn orphan(row: &CorrectionRow, why: String) -> Orphan {
    Orphan { correction: row.id, article: row.article, what: row.body.describe(), why }
}
