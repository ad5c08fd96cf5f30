//! Helpers the CLI's integration test binaries share: where the workspace is,
//! and running the built `lagebild`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the `lagebild` binary of this build with `args`.
pub fn lagebild(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lagebild"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run lagebild: {e}"))
}
