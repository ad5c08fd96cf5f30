//! The network as GraphML: every actor a node, every directed relation an
//! edge with its event counts per quad class, total intensity and the ids of
//! the events behind it. Keys follow the GraphML primer, so Gephi, yEd,
//! Cytoscape and NetworkX read the attributes by name.

use super::markup::escape;
use super::table::code;
use crate::graph::{polarity_code, relation_events, relation_polarity};
use lagebild_core::dossier::Dossier;
use std::fmt::Write;

/// Attribute keys: (id, for, type).
const KEYS: [(&str, &str, &str); 13] = [
    ("label", "node", "string"),
    ("name", "node", "string"),
    ("kind", "node", "string"),
    ("mentions", "node", "int"),
    ("articles", "node", "string"),
    ("member_of", "node", "string"),
    ("weight", "edge", "double"),
    ("verbal_cooperation", "edge", "int"),
    ("material_cooperation", "edge", "int"),
    ("verbal_conflict", "edge", "int"),
    ("material_conflict", "edge", "int"),
    ("intensity", "edge", "double"),
    ("polarity", "edge", "string"),
];

fn data(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", escape(value));
}

/// The dossier's network as a GraphML document.
pub fn graphml(dossier: &Dossier) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, domain, kind) in KEYS {
        let _ =
            writeln!(out, "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{id}\" attr.type=\"{kind}\"/>");
    }
    let _ = writeln!(out, "  <key id=\"events\" for=\"edge\" attr.name=\"events\" attr.type=\"string\"/>");
    let _ = writeln!(out, "  <graph id=\"lagebild\" edgedefault=\"directed\">");
    for actor in &dossier.actors {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(&actor.id));
        data(&mut out, "label", &actor.label);
        data(&mut out, "name", &actor.name);
        data(&mut out, "kind", &code(&actor.kind));
        data(&mut out, "mentions", &actor.mentions.to_string());
        data(&mut out, "articles", &actor.articles.join("; "));
        if let Some(parent) = &actor.member_of {
            data(&mut out, "member_of", parent);
        }
        let _ = writeln!(out, "    </node>");
    }
    for (i, relation) in dossier.relations.iter().enumerate() {
        let c = &relation.counts;
        let _ = writeln!(
            out,
            "    <edge id=\"r{}\" source=\"{}\" target=\"{}\">",
            i + 1,
            escape(&relation.source),
            escape(&relation.target)
        );
        data(&mut out, "weight", &relation_events(c).to_string());
        data(&mut out, "verbal_cooperation", &c.verbal_cooperation.to_string());
        data(&mut out, "material_cooperation", &c.material_cooperation.to_string());
        data(&mut out, "verbal_conflict", &c.verbal_conflict.to_string());
        data(&mut out, "material_conflict", &c.material_conflict.to_string());
        data(&mut out, "intensity", &relation.intensity.to_string());
        data(&mut out, "polarity", polarity_code(relation_polarity(c)));
        data(&mut out, "events", &relation.events.join("; "));
        let _ = writeln!(out, "    </edge>");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
