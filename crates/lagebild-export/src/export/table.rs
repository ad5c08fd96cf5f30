//! The events as CSV: one row per dossier event, dates in ISO 8601 with the
//! period they cover, codes as in the JSON, and every cited sentence with
//! the article it comes from.

use crate::error::Error;
use lagebild_core::dossier::{Dossier, Period};
use serde::Serialize;

/// The columns, in order.
pub const COLUMNS: [&str; 18] = [
    "id",
    "date",
    "start",
    "end",
    "precision",
    "modifier",
    "date_disputed_by",
    "source_ids",
    "sources",
    "target_ids",
    "targets",
    "mutual",
    "type",
    "quad",
    "intensity",
    "modality",
    "articles",
    "evidence",
];

/// The serialised name of a code ("month", "verbal_conflict"); empty for none.
pub fn code<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The events of the dossier as CSV.
pub fn csv(dossier: &Dossier) -> Result<Vec<u8>, Error> {
    let name = |id: &String| {
        dossier.actors.iter().find(|a| a.id == *id).map_or_else(|| id.clone(), |a| a.name.clone())
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for event in &dossier.events {
        let period = event.when.as_deref().and_then(Period::parse);
        let mut articles: Vec<&str> = Vec::new();
        for report in &event.reports {
            if !articles.contains(&report.article.as_str()) {
                articles.push(&report.article);
            }
        }
        let evidence: Vec<String> =
            event.reports.iter().map(|r| format!("[{}] {}", r.article, r.sentence)).collect();
        writer.write_record([
            event.id.clone(),
            event.when.clone().unwrap_or_default(),
            period.map(|p| p.first.to_string()).unwrap_or_default(),
            period.map(|p| p.last.to_string()).unwrap_or_default(),
            event.precision.as_ref().map(code).unwrap_or_default(),
            event.when_modifier.as_ref().map(code).unwrap_or_default(),
            event.conflicts_with.join("; "),
            event.sources.join("; "),
            event.sources.iter().map(name).collect::<Vec<_>>().join("; "),
            event.targets.join("; "),
            event.targets.iter().map(name).collect::<Vec<_>>().join("; "),
            event.mutual.to_string(),
            code(&event.event_type),
            code(&event.quad),
            format!("{}", event.intensity),
            code(&event.modality),
            articles.join("; "),
            evidence.join("\n"),
        ])?;
    }
    writer.flush().map_err(csv::Error::from)?;
    writer.into_inner().map_err(|e| Error::Csv(csv::Error::from(e.into_error())))
}
