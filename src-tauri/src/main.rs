//! The `lagebild-app` binary: the Lagebild desktop app.

// No console window next to the app in Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// The engine's allocator, as in the `lagebild` command (see its `main`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    lagebild_app::run();
}
