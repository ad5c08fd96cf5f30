//! The data files under `data/` (palette and wording), embedded at compile
//! time and parsed once, on first use, by the engine's own loader.

pub(crate) use lagebild_core::embedded_data_file as data_file;
