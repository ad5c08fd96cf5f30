//! The dossier as files for other tools: the events as CSV and JSON, the
//! network as GraphML and GEXF (for Gephi), and a one-page HTML briefing.

mod gexf;
mod graphml;
mod html;
mod markup;
mod table;

use crate::error::Error;
use crate::figure::FigureOptions;
use lagebild_core::dossier::Dossier;
use serde::Serialize;

/// The schema tag of the JSON export.
pub const DOSSIER_SCHEMA: &str = "lagebild-dossier/1";

/// The format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One row per event.
    Csv,
    /// The whole dossier.
    Json,
    /// The network for graph tools.
    Graphml,
    /// The network for Gephi.
    Gexf,
    /// A one-page briefing with the figures and the cited sentences.
    Html,
}

#[derive(Serialize)]
struct Tagged<'d> {
    schema: &'static str,
    #[serde(flatten)]
    dossier: &'d Dossier,
}

/// Writes the dossier in a format; `options` choose the language and the
/// escalation pair of the HTML briefing's figures.
pub fn export(dossier: &Dossier, format: ExportFormat, options: &FigureOptions) -> Result<Vec<u8>, Error> {
    Ok(match format {
        ExportFormat::Csv => table::csv(dossier)?,
        ExportFormat::Json => {
            let mut json = serde_json::to_vec_pretty(&Tagged { schema: DOSSIER_SCHEMA, dossier })?;
            json.push(b'\n');
            json
        }
        ExportFormat::Graphml => graphml::graphml(dossier).into_bytes(),
        ExportFormat::Gexf => gexf::gexf(dossier).into_bytes(),
        ExportFormat::Html => html::html(dossier, options)?.into_bytes(),
    })
}
