//! Lagebild's figures and exports: a merged [`Dossier`] in, the files an
//! analyst hands on out.
//!
//! - [`render`] draws the timeline, the network or the escalation chart with
//!   plotters, as SVG or as PNG at print scale, labelled in the dossier's
//!   language (German or English wording from `data/strings.json`), with a
//!   source line naming the articles and their dates. The colours are the
//!   UI's Okabe–Ito palette (`data/palette.json`); the text is set in the
//!   bundled DejaVu Sans, so no system font service is needed.
//! - [`export`] writes the events as CSV or JSON, the network as GraphML or
//!   GEXF, or a one-page HTML briefing with the figures and the cited
//!   sentences.
//!
//! ```
//! use lagebild_core::{analyse_text, dossier::merge, Document, Options};
//! use lagebild_export::{render, Figure, FigureFormat, FigureOptions};
//!
//! let text = "Berlin, 3. März 2024\n\nRussland griff am Montag die Ukraine an.";
//! let briefing = analyse_text(text, &Options::default()).unwrap();
//! let dossier = merge(&[Document { name: "beispiel".into(), briefing }]);
//! let svg = render(&dossier, Figure::Timeline, FigureFormat::Svg, &FigureOptions::default()).unwrap();
//! assert!(String::from_utf8(svg).unwrap().contains("Zeitleiste"));
//! ```
//!
//! [`Dossier`]: lagebild_core::dossier::Dossier

mod data;
mod error;
mod export;
mod figure;
mod font;
mod graph;
mod palette;
mod strings;
#[cfg(test)]
mod test_dossier;

pub use error::Error;
pub use export::{export, ExportFormat, DOSSIER_SCHEMA};
pub use figure::{render, Figure, FigureFormat, FigureOptions};
