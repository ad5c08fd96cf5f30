//! The `lagebild-app` binary: the Lagebild desktop app.

// No console window next to the app in Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    lagebild_app::run();
}
