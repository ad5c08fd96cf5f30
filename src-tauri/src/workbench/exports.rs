//! Data exports and figures of the open dossier as the analyst sees it: the
//! corrected articles under their own names, merged, holding only the
//! events the scope lets through (the period, and unconfirmed events or
//! not), written by `lagebild_export`; and the file names offered for them.

use std::collections::HashSet;
use std::path::Path;

use lagebild_core::dossier::{merge, Dossier as Merged, DossierEvent, Period};
use lagebild_core::{Document, Language, Modality, Precision};
use lagebild_export::{ExportFormat, Figure, FigureOptions};

use super::contract::{DataFormat, ExportResult, ExportScope, FigureFormat, FigureKind, FigureRequest};
use super::error::{Result, WorkbenchError};
use super::view::Article;

/// The bytes of a data export.
pub fn data(
    articles: &[Article],
    format: DataFormat,
    scope: &ExportScope,
    language: Language,
) -> Result<Vec<u8>> {
    let dossier = scoped(articles, scope)?;
    let format = match format {
        DataFormat::Csv => ExportFormat::Csv,
        DataFormat::Json => ExportFormat::Json,
        DataFormat::Graphml => ExportFormat::Graphml,
        DataFormat::Gexf => ExportFormat::Gexf,
        DataFormat::Html => ExportFormat::Html,
    };
    let options = FigureOptions { language: Some(language), ..FigureOptions::default() };
    Ok(lagebild_export::export(&dossier, format, &options)?)
}

/// The bytes of a figure.
pub fn figure(articles: &[Article], request: &FigureRequest) -> Result<Vec<u8>> {
    let dossier = scoped(articles, &request.scope)?;
    let figure = match request.kind {
        FigureKind::Timeline => Figure::Timeline,
        FigureKind::Network => Figure::Network,
        FigureKind::Escalation => Figure::Escalation,
    };
    let format = match request.format {
        FigureFormat::Svg => lagebild_export::FigureFormat::Svg,
        FigureFormat::Png => lagebild_export::FigureFormat::Png,
    };
    let options = FigureOptions {
        language: Some(request.language),
        pair: request.pair.clone(),
        ..FigureOptions::default()
    };
    Ok(lagebild_export::render(&dossier, figure, format, &options)?)
}

/// The file name offered for a data export of the dossier called `stem`.
pub fn data_file_name(stem: &str, format: DataFormat) -> String {
    match format {
        DataFormat::Csv => format!("{stem}.csv"),
        DataFormat::Json => format!("{stem}.json"),
        DataFormat::Graphml => format!("{stem}.graphml"),
        DataFormat::Gexf => format!("{stem}.gexf"),
        DataFormat::Html => format!("{stem}-briefing.html"),
    }
}

/// The file name offered for a figure of the dossier called `stem`.
pub fn figure_file_name(stem: &str, request: &FigureRequest) -> String {
    let kind = match request.kind {
        FigureKind::Timeline => "timeline",
        FigureKind::Network => "network",
        FigureKind::Escalation => "escalation",
    };
    let extension = match request.format {
        FigureFormat::Svg => "svg",
        FigureFormat::Png => "png",
    };
    format!("{stem}-{kind}.{extension}")
}

/// Writes an export to `path`.
pub fn write(path: &Path, bytes: &[u8]) -> Result<ExportResult> {
    std::fs::write(path, bytes).map_err(|e| {
        WorkbenchError::io(format!("{} cannot be written ({e}): choose another place", path.display()))
    })?;
    Ok(ExportResult { path: path.display().to_string(), bytes: bytes.len() as u64 })
}

/// The merged dossier holding what `scope` lets through. Events are
/// chosen as the views show them (merged), then the articles keep only
/// the reports of those and are merged again under their own names.
fn scoped(articles: &[Article], scope: &ExportScope) -> Result<Merged> {
    let period = match &scope.period {
        None => None,
        Some((from, to)) => Some((day(from)?, day(to)?)),
    };
    if let Some((from, to)) = period {
        if to.last < from.first {
            return Err(WorkbenchError::invalid("the period ends before it starts"));
        }
    }
    let keyed: Vec<Document> =
        articles.iter().map(|a| Document { name: a.summary.id.clone(), briefing: a.utf8.clone() }).collect();
    let kept: HashSet<(String, String)> = merge(&keyed)
        .events
        .iter()
        .filter(|e| passes(e, scope.include_unconfirmed, period))
        .flat_map(|e| e.reports.iter().map(|r| (r.article.clone(), r.event.clone())))
        .collect();
    let named: Vec<Document> = articles
        .iter()
        .map(|a| {
            let mut briefing = a.utf8.clone();
            briefing.events.retain(|e| kept.contains(&(a.summary.id.clone(), e.id.clone())));
            Document { name: a.summary.name.clone(), briefing }
        })
        .collect();
    Ok(merge(&named))
}

/// A day of the scope's period.
fn day(value: &str) -> Result<Period> {
    Period::parse(value)
        .filter(|p| p.precision == Precision::Day)
        .ok_or_else(|| WorkbenchError::invalid(format!("{value:?} is not a day: write YYYY-MM-DD")))
}

/// Whether a merged event is in the scope: told as fact (or unconfirmed
/// ones are wanted), and dated to a time that meets the period, if any.
fn passes(event: &DossierEvent, include_unconfirmed: bool, period: Option<(Period, Period)>) -> bool {
    let confirmed = matches!(event.modality, Modality::Asserted | Modality::Reported);
    if !confirmed && !include_unconfirmed {
        return false;
    }
    match period {
        None => true,
        Some((from, to)) => event
            .when
            .as_deref()
            .and_then(Period::parse)
            .is_some_and(|p| p.first <= to.last && p.last >= from.first),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn file_names_follow_the_dossier() {
        assert_eq!(data_file_name("korea", DataFormat::Html), "korea-briefing.html");
        assert_eq!(data_file_name("korea", DataFormat::Gexf), "korea.gexf");
        let request = FigureRequest {
            kind: FigureKind::Network,
            format: FigureFormat::Png,
            scope: ExportScope { period: None, include_unconfirmed: false },
            pair: None,
            language: Language::De,
        };
        assert_eq!(figure_file_name("korea", &request), "korea-network.png");
    }

    #[test]
    fn a_period_is_two_days_in_order() {
        let scope = |from: &str, to: &str| ExportScope {
            period: Some((from.to_owned(), to.to_owned())),
            include_unconfirmed: false,
        };
        assert!(scoped(&[], &scope("2024-10-01", "2024-10-31")).is_ok());
        assert!(scoped(&[], &scope("2024-10", "2024-10-31")).is_err());
        assert!(scoped(&[], &scope("2024-10-31", "2024-10-01")).is_err());
    }
}
