//! Integration tests of the dossier file, in one binary: its life cycle
//! and corrections (`lifecycle`), hostile and damaged files (`hostile`),
//! and writers killed at random moments (`crash`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod crash;
mod hostile;
mod lifecycle;
