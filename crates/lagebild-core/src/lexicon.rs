//! Loading the data files under `data/`, embedded at compile time. Every
//! lexicon and gazetteer is read through [`parse`], once, on first use.

use serde::de::DeserializeOwned;

/// Parses an embedded data file. The files are part of the build and checked
/// by `tests::every_data_file_parses`, so a failure here is a packaging bug,
/// not bad input: it stops with the file's name and the parser's message.
#[doc(hidden)]
#[allow(clippy::panic)]
pub fn parse<T: DeserializeOwned>(name: &str, json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|err| panic!("data file {name} is malformed: {err}"))
}

/// Embeds and parses `data/NAME` once, into a `static` of type `T`. The
/// path is relative to the calling crate's `data/` folder, so other crates
/// of the workspace use it for their own data files.
#[macro_export]
macro_rules! embedded_data_file {
    ($vis:vis fn $fn_name:ident() -> $ty:ty = $path:literal) => {
        $vis fn $fn_name() -> &'static $ty {
            static CELL: std::sync::OnceLock<$ty> = std::sync::OnceLock::new();
            CELL.get_or_init(|| {
                $crate::lexicon::parse($path, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $path)))
            })
        }
    };
}
pub(crate) use crate::embedded_data_file as data_file;
