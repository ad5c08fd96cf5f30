//! The data files under `data/` (palette and wording), embedded at compile
//! time and parsed once, on first use.

use serde::de::DeserializeOwned;

/// Parses an embedded data file. The files are part of the build and a test
/// parses each of them, so a failure here is a packaging bug, not bad input:
/// it stops with the file's name and the parser's message.
#[allow(clippy::panic)]
pub(crate) fn parse<T: DeserializeOwned>(name: &str, json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|err| panic!("data file {name} is malformed: {err}"))
}

/// Embeds and parses `data/NAME` once, into a `static` of type `T`.
macro_rules! data_file {
    ($vis:vis fn $fn_name:ident() -> $ty:ty = $path:literal) => {
        $vis fn $fn_name() -> &'static $ty {
            static CELL: std::sync::OnceLock<$ty> = std::sync::OnceLock::new();
            CELL.get_or_init(|| {
                $crate::data::parse($path, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $path)))
            })
        }
    };
}
pub(crate) use data_file;
