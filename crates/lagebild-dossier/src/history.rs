//! Undo, redo and the audit log.
//!
//! Every change the analyst makes is one step. The step stores the
//! operation that takes it back ([`Op`]) on the undo stack; undoing runs
//! that operation and puts the one that takes *it* back on the redo stack,
//! and so on. A new change empties the redo stack. The stacks live in the
//! dossier file, so undo survives closing and reopening it; the undo stack
//! keeps the last [`UNDO_DEPTH`] steps.
//!
//! A removed article stays in the file, marked removed, for as long as a
//! step on either stack refers to it; then it is deleted for good.
//!
//! Every change, undo and redo also writes a line to the audit log, with
//! the changed thing before and after.

use crate::corrections::Correction;
use crate::error::{Error, Result};
use crate::schema::NOW;
use crate::{ArticleId, CorrectionId};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How many steps undo can go back.
pub const UNDO_DEPTH: i64 = 500;

/// A correction row, as an undo step keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct CorrectionRow {
    pub id: CorrectionId,
    pub article: Option<ArticleId>,
    pub body: Correction,
    pub made_at: String,
}

/// A change to the dossier that an undo or redo step carries out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub(crate) enum Op {
    /// Marks an article removed, or brings it back.
    SetArticleRemoved { article: ArticleId, removed: bool },
    /// Puts a correction (back) in place, under its old id.
    InsertCorrection { correction: Box<CorrectionRow> },
    /// Deletes a correction.
    DeleteCorrection { id: CorrectionId, article: Option<ArticleId> },
}

impl Op {
    /// The article the operation concerns, if any.
    fn article(&self) -> Option<ArticleId> {
        match self {
            Op::SetArticleRemoved { article, .. } => Some(*article),
            Op::InsertCorrection { correction } => correction.article,
            Op::DeleteCorrection { article, .. } => *article,
        }
    }

    /// Carries out the operation and returns the one that takes it back.
    pub(crate) fn execute(&self, conn: &Connection) -> Result<Op> {
        match self {
            Op::SetArticleRemoved { article, removed } => {
                let changed = conn.execute(
                    "UPDATE article SET removed = ?1 WHERE id = ?2 AND removed = ?3",
                    params![removed, article.0, !removed],
                )?;
                if changed != 1 {
                    return Err(misfit(&format!("article {article} is not where the step expects it")));
                }
                Ok(Op::SetArticleRemoved { article: *article, removed: !removed })
            }
            Op::InsertCorrection { correction } => {
                let body = serde_json::to_string(&correction.body).map_err(|e| misfit(&e.to_string()))?;
                conn.execute(
                    "INSERT INTO correction (id, article_id, body, made_at) VALUES (?1, ?2, ?3, ?4)",
                    params![correction.id.0, correction.article.map(|a| a.0), body, correction.made_at],
                )?;
                Ok(Op::DeleteCorrection { id: correction.id, article: correction.article })
            }
            Op::DeleteCorrection { id, .. } => {
                let correction = read_correction(conn, *id)?.ok_or(Error::UnknownCorrection(id.0))?;
                conn.execute("DELETE FROM correction WHERE id = ?1", [id.0])?;
                Ok(Op::InsertCorrection { correction: Box::new(correction) })
            }
        }
    }
}

fn misfit(detail: &str) -> Error {
    Error::BadEdit(format!("the step does not fit the dossier ({detail})"))
}

/// Reads one correction row.
pub(crate) fn read_correction(conn: &Connection, id: CorrectionId) -> Result<Option<CorrectionRow>> {
    let row = conn
        .query_row("SELECT article_id, body, made_at FROM correction WHERE id = ?1", [id.0], |row| {
            Ok((row.get::<_, Option<i64>>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?))
        })
        .optional()?;
    let Some((article, body, made_at)) = row else { return Ok(None) };
    let body = serde_json::from_str(&body).map_err(|e| misfit(&format!("correction {}: {e}", id.0)))?;
    Ok(Some(CorrectionRow { id, article: article.map(ArticleId), body, made_at }))
}

/// Writes a line to the audit log and returns its id.
pub(crate) fn audit(
    conn: &Connection,
    action: &str,
    what: &str,
    before: Option<&Value>,
    after: Option<&Value>,
) -> Result<i64> {
    let json = |v: Option<&Value>| v.map(Value::to_string);
    conn.execute(
        &format!("INSERT INTO audit (at, action, what, before, after) VALUES ({NOW}, ?1, ?2, ?3, ?4)"),
        params![action, what, json(before), json(after)],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Records a new step whose undo is `reverse`: empties the redo stack,
/// keeps the undo stack to its depth, and deletes removed articles no
/// step refers to any more.
pub(crate) fn record(conn: &Connection, label: &str, reverse: &Op, audit_id: i64) -> Result<()> {
    conn.execute("DELETE FROM history WHERE stack = 'redo'", [])?;
    push(conn, "undo", label, reverse, audit_id)?;
    conn.execute(
        "DELETE FROM history WHERE stack = 'undo' AND id NOT IN
           (SELECT id FROM history WHERE stack = 'undo' ORDER BY id DESC LIMIT ?1)",
        [UNDO_DEPTH],
    )?;
    let unreferenced = "SELECT id FROM article WHERE removed = 1
           AND id NOT IN (SELECT article FROM history WHERE article IS NOT NULL)";
    conn.execute(&format!("DELETE FROM correction WHERE article_id IN ({unreferenced})"), [])?;
    conn.execute(&format!("DELETE FROM article WHERE id IN ({unreferenced})"), [])?;
    Ok(())
}

fn push(conn: &Connection, stack: &str, label: &str, op: &Op, audit_id: i64) -> Result<()> {
    let json = serde_json::to_string(op).map_err(|e| misfit(&e.to_string()))?;
    conn.execute(
        "INSERT INTO history (stack, label, op, audit_id, article) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![stack, label, json, audit_id, op.article().map(|a| a.0)],
    )?;
    Ok(())
}

/// Undo or redo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Undo,
    Redo,
}

impl Direction {
    fn stacks(self) -> (&'static str, &'static str) {
        match self {
            Direction::Undo => ("undo", "redo"),
            Direction::Redo => ("redo", "undo"),
        }
    }
}

/// Takes the top step of one stack, carries it out, and moves it to the
/// other; returns its label, or `None` when the stack is empty.
pub(crate) fn step(conn: &Connection, direction: Direction) -> Result<Option<String>> {
    let (from, to) = direction.stacks();
    let top = conn
        .query_row(
            "SELECT id, label, op, audit_id FROM history WHERE stack = ?1 ORDER BY id DESC LIMIT 1",
            [from],
            |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, i64>(3)?,
                ))
            },
        )
        .optional()?;
    let Some((id, label, op, audit_id)) = top else { return Ok(None) };
    let op: Op = serde_json::from_str(&op).map_err(|e| misfit(&e.to_string()))?;
    let reverse = op.execute(conn)?;
    conn.execute("DELETE FROM history WHERE id = ?1", [id])?;
    push(conn, to, &label, &reverse, audit_id)?;
    let (before, after) =
        conn.query_row("SELECT before, after FROM audit WHERE id = ?1", [audit_id], |row| {
            Ok((row.get::<_, Option<String>>(0)?, row.get::<_, Option<String>>(1)?))
        })?;
    let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str::<Value>(&s).ok());
    let (before, after) = match direction {
        Direction::Undo => (parse(after), parse(before)),
        Direction::Redo => (parse(before), parse(after)),
    };
    let action = match direction {
        Direction::Undo => "undo",
        Direction::Redo => "redo",
    };
    audit(conn, action, &format!("{action}: {label}"), before.as_ref(), after.as_ref())?;
    Ok(Some(label))
}

/// The labels of the steps undo and redo would take.
pub(crate) fn tops(conn: &Connection) -> Result<(Option<String>, Option<String>)> {
    let top = |stack: &str| -> Result<Option<String>> {
        Ok(conn
            .query_row(
                "SELECT label FROM history WHERE stack = ?1 ORDER BY id DESC LIMIT 1",
                [stack],
                |row| row.get(0),
            )
            .optional()?)
    };
    Ok((top("undo")?, top("redo")?))
}
