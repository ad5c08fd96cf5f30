//! Lagebild's engine: article text in, a [`Briefing`] out.
//!
//! A briefing holds the actors an article names (states, organisations,
//! people, groups), the date expressions it uses and the events it reports
//! (who did what to whom, and when), each with spans back into the text.
//! The engine reads German and English, needs no network and never reads the
//! clock: the reference date is the article's publication date, found in the
//! text or given in [`Options`].
//!
//! ```
//! let text = "Moskau, 3. März 2024\n\nRussland griff am Montag die Ukraine an.";
//! let briefing = lagebild_core::analyse_text(text, &lagebild_core::Options::default()).unwrap();
//! assert_eq!(briefing.language, lagebild_core::Language::De);
//! ```
//!
//! The pipeline runs in stages, each in its own module: [`ingest`] (bytes to
//! clean text and metadata), `language`, `sentences`, `actors`, `temporal`,
//! `events`. [`dossier`] merges the briefings of many articles into one view.

#![cfg_attr(not(test), deny(clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

mod actors;
pub mod bindings;
pub(crate) mod bits;
pub mod dossier;
mod error;
mod events;
mod header;
mod html;
pub mod ingest;
mod language;
#[doc(hidden)]
pub mod lexicon;
mod model;
mod pipeline;
mod relations;
mod sentence_words;
mod sentences;
mod syntax;
mod temporal;
mod text;

pub use error::Error;
pub use model::*;
pub use pipeline::{analyse_bytes, analyse_text, parse_date_argument, prepare, Options, Prepared};
