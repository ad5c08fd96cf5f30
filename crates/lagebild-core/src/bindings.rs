//! The TypeScript declarations of the model, generated from the Rust types
//! with ts-rs. The committed copy lives in `ui/src/lib/bindings.ts`; the test
//! below fails when it is stale, and `UPDATE_BINDINGS=1 cargo test -p
//! lagebild-core bindings` rewrites it.

use crate::dossier::{
    DateClaim, DateConflict, Dossier, DossierActor, DossierArticle, DossierEvent, EventReport,
};
use crate::model::*;
use ts_rs::{Config, TS};

/// Where the committed declarations live, relative to the workspace root.
pub const BINDINGS_PATH: &str = "ui/src/lib/bindings.ts";

/// The whole declaration file, one `export type` per model type.
pub fn typescript() -> String {
    // Offsets and counts are far below 2^53, so plain numbers are exact.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        Span::decl(&cfg),
        OffsetUnit::decl(&cfg),
        Language::decl(&cfg),
        PublishedSource::decl(&cfg),
        Briefing::decl(&cfg),
        ActorKind::decl(&cfg),
        Actor::decl(&cfg),
        TimexKind::decl(&cfg),
        Precision::decl(&cfg),
        DateModifier::decl(&cfg),
        DateAnchor::decl(&cfg),
        DateMention::decl(&cfg),
        EventType::decl(&cfg),
        Quad::decl(&cfg),
        Modality::decl(&cfg),
        Event::decl(&cfg),
        QuadCounts::decl(&cfg),
        Relation::decl(&cfg),
        EscalationPoint::decl(&cfg),
        Document::decl(&cfg),
        Dossier::decl(&cfg),
        DossierArticle::decl(&cfg),
        DossierActor::decl(&cfg),
        DossierEvent::decl(&cfg),
        EventReport::decl(&cfg),
        DateConflict::decl(&cfg),
        DateClaim::decl(&cfg),
        AppInfo::decl(&cfg),
        ErrorCode::decl(&cfg),
        ApiError::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from crates/lagebild-core/src/model.rs by ts-rs. Do not edit:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p lagebild-core bindings` instead.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn bindings_are_committed_and_fresh() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(BINDINGS_PATH);
        let fresh = typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).unwrap_or_else(|e| panic!("writing {path:?}: {e}"));
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "{BINDINGS_PATH} is stale: run `UPDATE_BINDINGS=1 cargo test -p lagebild-core bindings`"
        );
    }
}
