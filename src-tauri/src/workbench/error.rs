//! What every dossier command rejects with: `{code, message}`, the
//! `WorkbenchError` of the UI's contract (`ui/src/lib/backend/contract.ts`).
//! The code is one of the engine's [`ErrorCode`]s or one of the workbench's
//! own ([`WorkbenchCode`]); the message is one line for the analyst.

use lagebild_core::{ApiError, ErrorCode};
use serde::{Deserialize, Serialize};

/// The workbench's codes on top of the engine's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkbenchCode {
    /// The article, event, actor or correction named does not exist.
    NotFound,
    /// A correction or request that cannot be carried out as asked.
    Invalid,
    /// Undo with an empty history.
    NothingToUndo,
    /// Redo with nothing undone.
    NothingToRedo,
    /// A file could not be read or written.
    Io,
}

/// An engine code or a workbench code; both serialise as their bare name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Code {
    /// A code of the engine (`empty`, `binary`, `unreadable`, `internal`, …).
    Engine(ErrorCode),
    /// A code of the workbench (`not_found`, `invalid`, `io`, …).
    Workbench(WorkbenchCode),
}

/// An error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct WorkbenchError {
    /// What went wrong, for the program.
    pub code: Code,
    /// What went wrong and what to do, for the analyst, on one line.
    pub message: String,
}

impl WorkbenchError {
    /// An error with a workbench code.
    pub fn new(code: WorkbenchCode, message: impl Into<String>) -> WorkbenchError {
        WorkbenchError { code: Code::Workbench(code), message: one_line(&message.into()) }
    }

    /// An error with an engine code.
    pub fn engine(code: ErrorCode, message: impl Into<String>) -> WorkbenchError {
        WorkbenchError { code: Code::Engine(code), message: one_line(&message.into()) }
    }

    /// `not_found`.
    pub fn not_found(message: impl Into<String>) -> WorkbenchError {
        WorkbenchError::new(WorkbenchCode::NotFound, message)
    }

    /// `invalid`.
    pub fn invalid(message: impl Into<String>) -> WorkbenchError {
        WorkbenchError::new(WorkbenchCode::Invalid, message)
    }

    /// `io`.
    pub fn io(message: impl Into<String>) -> WorkbenchError {
        WorkbenchError::new(WorkbenchCode::Io, message)
    }

    /// `internal`: a failure that is a bug.
    pub fn internal(message: impl Into<String>) -> WorkbenchError {
        WorkbenchError::engine(ErrorCode::Internal, message)
    }
}

/// The message on one line.
fn one_line(message: &str) -> String {
    let flat = message.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.is_empty() {
        "Something went wrong.".to_owned()
    } else {
        flat
    }
}

impl From<ApiError> for WorkbenchError {
    fn from(error: ApiError) -> WorkbenchError {
        WorkbenchError::engine(error.code, error.message)
    }
}

impl From<lagebild_dossier::Error> for WorkbenchError {
    fn from(error: lagebild_dossier::Error) -> WorkbenchError {
        use lagebild_dossier::Error as E;
        let message = error.to_string();
        match error {
            E::NotFound { .. }
            | E::NotAFile { .. }
            | E::Io { .. }
            | E::AlreadyExists { .. }
            | E::InUse { .. }
            | E::TargetInUse { .. }
            | E::RecentFiles { .. }
            | E::Database(_) => WorkbenchError::io(message),
            E::NotSqlite { .. }
            | E::ForeignDatabase { .. }
            | E::NewerFormat { .. }
            | E::Truncated { .. }
            | E::Damaged { .. } => WorkbenchError::engine(ErrorCode::Unreadable, message),
            E::UnknownArticle(_) | E::UnknownEvent { .. } | E::UnknownActor(_) | E::UnknownCorrection(_) => {
                WorkbenchError::not_found(message)
            }
            E::BadEdit(_) => WorkbenchError::invalid(message),
        }
    }
}

impl From<lagebild_export::Error> for WorkbenchError {
    fn from(error: lagebild_export::Error) -> WorkbenchError {
        match error {
            lagebild_export::Error::UnknownActor { .. } => WorkbenchError::invalid(error.to_string()),
            other => WorkbenchError::internal(other.to_string()),
        }
    }
}

/// The result of a workbench operation.
pub type Result<T, E = WorkbenchError> = std::result::Result<T, E>;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn codes_serialise_as_their_bare_names() {
        let engine = WorkbenchError::engine(ErrorCode::Binary, "a picture");
        assert_eq!(serde_json::to_value(&engine).unwrap(), json!({"code": "binary", "message": "a picture"}));
        let own = WorkbenchError::new(WorkbenchCode::NothingToUndo, "there is\nnothing to undo");
        assert_eq!(
            serde_json::to_value(&own).unwrap(),
            json!({"code": "nothing_to_undo", "message": "there is nothing to undo"})
        );
        let back: WorkbenchError = serde_json::from_value(json!({"code": "io", "message": "x"})).unwrap();
        assert_eq!(back.code, Code::Workbench(WorkbenchCode::Io));
    }

    #[test]
    fn dossier_errors_get_the_codes_the_ui_switches_on() {
        let missing: WorkbenchError =
            lagebild_dossier::Error::NotFound { path: "gone.lagebild".into() }.into();
        assert_eq!(missing.code, Code::Workbench(WorkbenchCode::Io));
        assert!(missing.message.contains("gone.lagebild"), "{}", missing.message);
        let foreign: WorkbenchError = lagebild_dossier::Error::ForeignDatabase { path: "x.db".into() }.into();
        assert_eq!(foreign.code, Code::Engine(ErrorCode::Unreadable));
        let bad: WorkbenchError = lagebild_dossier::Error::BadEdit("no".into()).into();
        assert_eq!(bad.code, Code::Workbench(WorkbenchCode::Invalid));
        let actor: WorkbenchError = lagebild_dossier::Error::UnknownActor("atlantis".into()).into();
        assert_eq!(actor.code, Code::Workbench(WorkbenchCode::NotFound));
    }
}
