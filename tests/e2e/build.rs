//! Sets `cfg(lagebild_e2e)` when `LAGEBILD_E2E=1`, so that the end-to-end
//! test runs only then and is reported as ignored (with its reason) in a
//! plain `cargo test --workspace`, which must stay headless-safe.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(lagebild_e2e)");
    println!("cargo::rerun-if-env-changed=LAGEBILD_E2E");
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var("LAGEBILD_E2E").as_deref() == Ok("1") {
        println!("cargo::rustc-cfg=lagebild_e2e");
    }
}
