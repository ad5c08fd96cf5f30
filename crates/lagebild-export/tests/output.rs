//! The files this crate writes, read back the way other programs read them:
//! PNGs decoded, SVGs and the network formats parsed as XML, the CSV with a
//! CSV reader, the JSON with a JSON parser. The dossiers are the bundled
//! samples and, when it is beside the repository, the seed article.

use lagebild_core::dossier::{merge, Dossier, Period};
use lagebild_core::{analyse_bytes, Document, Language, Options};
use lagebild_export::{export, render, ExportFormat, Figure, FigureFormat, FigureOptions, DOSSIER_SCHEMA};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `.txt` articles of a folder, analysed and merged; `None` when the
/// folder is not there.
fn dossier_of_folder(dir: &Path) -> Option<Dossier> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let documents: Vec<Document> = files
        .iter()
        .map(|file| {
            let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let briefing = analyse_bytes(&bytes, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
            let name = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            Document { name, briefing }
        })
        .collect();
    (!documents.is_empty()).then(|| merge(&documents))
}

fn samples() -> Dossier {
    dossier_of_folder(&workspace().join("samples"))
        .unwrap_or_else(|| panic!("the samples are part of the repository"))
}

/// The seed dossier when the shared folder is beside the repository.
fn seed() -> Option<Dossier> {
    let seed = dossier_of_folder(&workspace().join("../shared/seed"));
    if seed.is_none() {
        eprintln!("skipped: the seed article is not beside this checkout");
    }
    seed
}

/// The dossiers to test on: the samples, and the seed when present.
fn dossiers() -> Vec<(&'static str, Dossier)> {
    let mut out = vec![("samples", samples())];
    out.extend(seed().map(|d| ("seed", d)));
    out
}

/// The texts of an SVG's `text` elements, trimmed.
fn svg_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("the SVG does not parse: {e}"));
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert_eq!(doc.root_element().tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(|t| t.trim().to_string())
        .collect()
}

/// The actors a network figure must name: every one in a relation.
fn related_actors(dossier: &Dossier) -> BTreeSet<String> {
    let ids: BTreeSet<&str> =
        dossier.relations.iter().flat_map(|r| [r.source.as_str(), r.target.as_str()]).collect();
    dossier.actors.iter().filter(|a| ids.contains(a.id.as_str())).map(|a| a.label.clone()).collect()
}

#[test]
fn svg_figures_parse_and_name_their_actors() {
    for (name, dossier) in dossiers() {
        for (figure, title) in [
            (Figure::Timeline, "Zeitleiste der Ereignisse"),
            (Figure::Network, "Wer tat wem was"),
            (Figure::Escalation, "Eskalation im Zeitverlauf"),
        ] {
            let svg = render(&dossier, figure, FigureFormat::Svg, &FigureOptions::default())
                .unwrap_or_else(|e| panic!("{name} {figure:?}: {e}"));
            let texts = svg_texts(&String::from_utf8_lossy(&svg));
            assert!(texts.contains(&title.to_string()), "{name} {figure:?}: no title in {texts:?}");
            assert!(texts.iter().any(|t| t.starts_with("Quellen: ")), "{name} {figure:?}: no source line");
            if figure == Figure::Network {
                let actors = related_actors(&dossier);
                assert!(actors.contains("Nordkorea") && actors.contains("Russland"), "{name}: {actors:?}");
                for actor in actors {
                    assert!(texts.contains(&actor), "{name}: the network does not name {actor}: {texts:?}");
                }
            }
            if figure == Figure::Timeline {
                for actor in ["Nordkorea", "Russland"] {
                    assert!(
                        texts.contains(&actor.to_string()),
                        "{name}: the timeline has no lane for {actor}"
                    );
                }
            }
        }
    }
}

#[test]
fn png_figures_decode_at_print_size_and_are_not_blank() {
    let dossier = samples();
    for figure in [Figure::Timeline, Figure::Network, Figure::Escalation] {
        let bytes = render(&dossier, figure, FigureFormat::Png, &FigureOptions::default())
            .unwrap_or_else(|e| panic!("{figure:?}: {e}"));
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap_or_else(|e| panic!("{figure:?}: not a PNG: {e}"));
        let mut pixels = vec![0; reader.output_buffer_size().unwrap_or(0)];
        let info = reader.next_frame(&mut pixels).unwrap_or_else(|e| panic!("{figure:?}: {e}"));
        assert_eq!(info.width, 2400, "{figure:?}: 2× the 1200-unit figure");
        assert!(info.height > 1000, "{figure:?}: {} px high", info.height);
        assert_eq!(info.color_type, png::ColorType::Rgb);
        let rgb = &pixels[..info.buffer_size()];
        let inked = rgb.chunks(3).filter(|p| p.iter().any(|&c| c < 200)).count();
        let share = inked as f64 / (info.width as f64 * info.height as f64);
        assert!(share > 0.01, "{figure:?}: only {:.2} % of the pixels carry ink", share * 100.0);
        let colours: BTreeSet<&[u8]> = rgb.chunks(3).collect();
        assert!(colours.len() > 50, "{figure:?}: {} colours: text and marks are missing", colours.len());
        // The palette's conflict and cooperation colours are there.
        for wanted in [[0xD5, 0x5E, 0x00], [0x00, 0x72, 0xB2]] {
            assert!(colours.contains(&wanted[..]), "{figure:?}: no pixel of {wanted:02X?}");
        }
    }
}

#[test]
fn the_scale_sets_the_png_size() {
    let dossier = samples();
    let options = FigureOptions { png_scale: 1.0, ..FigureOptions::default() };
    let bytes = render(&dossier, Figure::Network, FigureFormat::Png, &options).unwrap_or_default();
    let reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reader.info().width, 1200);
}

#[test]
fn csv_has_a_row_per_event_with_iso_dates_and_evidence() {
    for (name, dossier) in dossiers() {
        let bytes =
            export(&dossier, ExportFormat::Csv, &FigureOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let headers = reader.headers().unwrap_or_else(|e| panic!("{e}")).clone();
        let column = |n: &str| headers.iter().position(|h| h == n).unwrap_or_else(|| panic!("no column {n}"));
        let rows: Vec<csv::StringRecord> =
            reader.records().map(|r| r.unwrap_or_else(|e| panic!("{e}"))).collect();
        assert_eq!(rows.len(), dossier.events.len(), "{name}: one row per event");
        for (row, event) in rows.iter().zip(&dossier.events) {
            assert_eq!(&row[column("id")], event.id);
            let date = &row[column("date")];
            if !date.is_empty() {
                let period = Period::parse(date).unwrap_or_else(|| panic!("{name}: {date} is not ISO"));
                assert_eq!(row[column("start")], period.first.to_string());
                assert_eq!(row[column("end")], period.last.to_string());
                assert!(!row[column("precision")].is_empty());
            }
            for required in ["type", "quad", "modality", "articles", "evidence"] {
                assert!(!row[column(required)].is_empty(), "{name} {}: empty {required}", event.id);
            }
            assert!(row[column("evidence")].starts_with('['), "{name}: evidence names its article");
        }
    }
}

#[test]
fn json_is_the_tagged_dossier() {
    let dossier = samples();
    let bytes = export(&dossier, ExportFormat::Json, &FigureOptions::default()).unwrap_or_default();
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(value["schema"], DOSSIER_SCHEMA);
    assert_eq!(value["events"].as_array().map(Vec::len), Some(dossier.events.len()));
    assert_eq!(value["articles"].as_array().map(Vec::len), Some(2));
    let back: Dossier = serde_json::from_value(value).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, dossier, "the JSON reads back as the same dossier");
}

/// Node ids and (source, target) edges of a parsed graph document.
fn graph_of(doc: &roxmltree::Document) -> (BTreeSet<String>, Vec<(String, String)>) {
    let nodes = doc
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .filter_map(|n| n.attribute("id"))
        .map(str::to_string)
        .collect();
    let edges = doc
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .map(|n| {
            (n.attribute("source").unwrap_or("").to_string(), n.attribute("target").unwrap_or("").to_string())
        })
        .collect();
    (nodes, edges)
}

#[test]
fn graphml_holds_every_actor_and_relation() {
    for (name, dossier) in dossiers() {
        let bytes = export(&dossier, ExportFormat::Graphml, &FigureOptions::default()).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "graphml");
        assert_eq!(root.tag_name().namespace(), Some("http://graphml.graphdrawing.org/xmlns"));
        let keys: BTreeSet<&str> =
            doc.descendants().filter(|n| n.has_tag_name("key")).filter_map(|n| n.attribute("id")).collect();
        for data in doc.descendants().filter(|n| n.has_tag_name("data")) {
            assert!(
                keys.contains(data.attribute("key").unwrap_or("")),
                "{name}: data with an undeclared key"
            );
        }
        let (nodes, edges) = graph_of(&doc);
        assert_eq!(nodes.len(), dossier.actors.len(), "{name}");
        assert_eq!(edges.len(), dossier.relations.len(), "{name}");
        assert!(!edges.is_empty(), "{name}: the network has edges");
        assert!(
            edges.iter().all(|(s, t)| nodes.contains(s) && nodes.contains(t)),
            "{name}: an edge to nowhere"
        );
    }
}

#[test]
fn gexf_holds_every_actor_and_relation_with_declared_attributes() {
    for (name, dossier) in dossiers() {
        let bytes = export(&dossier, ExportFormat::Gexf, &FigureOptions::default()).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let root = doc.root_element();
        assert_eq!((root.tag_name().name(), root.attribute("version")), ("gexf", Some("1.3")));
        assert_eq!(root.tag_name().namespace(), Some("http://gexf.net/1.3"));
        let graph = root.children().find(|n| n.has_tag_name("graph")).unwrap_or_else(|| panic!("no graph"));
        assert_eq!(graph.attribute("defaultedgetype"), Some("directed"));
        let declared: BTreeSet<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("attribute"))
            .filter_map(|n| n.attribute("id"))
            .collect();
        for value in doc.descendants().filter(|n| n.has_tag_name("attvalue")) {
            assert!(declared.contains(value.attribute("for").unwrap_or("")), "{name}: undeclared attribute");
        }
        let colours = doc.descendants().filter(|n| n.tag_name().name() == "color").count();
        assert!(
            colours > 0
                && doc
                    .descendants()
                    .filter(|n| n.tag_name().name() == "color")
                    .all(|n| n.tag_name().namespace() == Some("http://gexf.net/1.3/viz"))
        );
        let (nodes, edges) = graph_of(&doc);
        assert_eq!(nodes.len(), dossier.actors.len(), "{name}");
        assert_eq!(edges.len(), dossier.relations.len(), "{name}");
        assert!(
            edges.iter().all(|(s, t)| nodes.contains(s) && nodes.contains(t)),
            "{name}: an edge to nowhere"
        );
        let weights: Vec<f64> = doc
            .descendants()
            .filter(|n| n.has_tag_name("edge"))
            .map(|n| n.attribute("weight").and_then(|w| w.parse().ok()).unwrap_or(0.0))
            .collect();
        assert!(weights.iter().all(|&w| w >= 1.0), "{name}: every edge stands for at least one event");
    }
}

#[test]
fn the_html_briefing_has_the_figures_and_every_cited_sentence_and_no_script() {
    let dossier = samples();
    let bytes =
        export(&dossier, ExportFormat::Html, &FigureOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let html = String::from_utf8_lossy(&bytes);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"de\">"));
    assert_eq!(html.matches("<svg").count(), 3, "timeline, network, escalation");
    assert!(!html.to_lowercase().contains("<script"), "no scripts");
    assert!(html.contains("default-src 'none'"), "a policy that forbids scripts");
    for event in &dossier.events {
        for report in &event.reports {
            let escaped = report
                .sentence
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
                .replace('\'', "&#39;");
            assert!(html.contains(&escaped), "the sentence of {} is missing", event.id);
        }
    }
    // Each inline figure is well-formed XML in its own right.
    for figure in html.split("<figure>\n").skip(1) {
        let svg = figure.split("\n</figure>").next().unwrap_or_default();
        assert!(!svg_texts(svg).is_empty());
    }
}

#[test]
fn english_labels_on_request() {
    let dossier = samples();
    let options = FigureOptions { language: Some(Language::En), ..FigureOptions::default() };
    let svg = render(&dossier, Figure::Escalation, FigureFormat::Svg, &options).unwrap_or_default();
    let texts = svg_texts(&String::from_utf8_lossy(&svg));
    assert!(
        texts.contains(&"Escalation over time".to_string()) && texts.contains(&"All events".to_string()),
        "{texts:?}"
    );
    let html = export(&dossier, ExportFormat::Html, &options).unwrap_or_default();
    assert!(String::from_utf8_lossy(&html).contains("<html lang=\"en\">"));
}
