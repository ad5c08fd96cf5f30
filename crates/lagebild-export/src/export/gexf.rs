//! The network as GEXF 1.3, Gephi's own format: every actor a node coloured
//! and sized as in the figure, every directed relation an edge weighted by
//! its number of events and coloured by what it mostly is.

use super::markup::escape;
use super::table::code;
use crate::graph::{polarity_code, relation_events, relation_polarity};
use crate::palette::{self, Colour};
use lagebild_core::dossier::Dossier;
use std::fmt::Write;

/// Node attributes: (id, type).
const NODE_ATTRIBUTES: [(&str, &str); 4] =
    [("kind", "string"), ("mentions", "integer"), ("articles", "string"), ("member_of", "string")];

/// Edge attributes: (id, type).
const EDGE_ATTRIBUTES: [(&str, &str); 7] = [
    ("verbal_cooperation", "integer"),
    ("material_cooperation", "integer"),
    ("verbal_conflict", "integer"),
    ("material_conflict", "integer"),
    ("intensity", "double"),
    ("polarity", "string"),
    ("events", "string"),
];

fn declare(out: &mut String, class: &str, attributes: &[(&str, &str)]) {
    let _ = writeln!(out, "    <attributes class=\"{class}\">");
    for (id, kind) in attributes {
        let _ = writeln!(out, "      <attribute id=\"{id}\" title=\"{id}\" type=\"{kind}\"/>");
    }
    let _ = writeln!(out, "    </attributes>");
}

fn values(out: &mut String, pairs: &[(&str, String)]) {
    let _ = writeln!(out, "        <attvalues>");
    for (id, value) in pairs {
        let _ = writeln!(out, "          <attvalue for=\"{id}\" value=\"{}\"/>", escape(value));
    }
    let _ = writeln!(out, "        </attvalues>");
}

fn colour(out: &mut String, c: Colour) {
    let _ = writeln!(out, "        <viz:color r=\"{}\" g=\"{}\" b=\"{}\"/>", c.r, c.g, c.b);
}

/// The dossier's network as a GEXF document.
pub fn gexf(dossier: &Dossier) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
    );
    let articles: Vec<&str> = dossier.articles.iter().map(|a| a.name.as_str()).collect();
    let _ = writeln!(out, "  <meta>");
    let _ = writeln!(out, "    <creator>Lagebild</creator>");
    let _ = writeln!(out, "    <description>{}</description>", escape(&articles.join("; ")));
    let _ = writeln!(out, "  </meta>");
    let _ = writeln!(out, "  <graph mode=\"static\" defaultedgetype=\"directed\">");
    declare(&mut out, "node", &NODE_ATTRIBUTES);
    declare(&mut out, "edge", &EDGE_ATTRIBUTES);
    let _ = writeln!(out, "    <nodes>");
    for actor in &dossier.actors {
        let _ = writeln!(out, "      <node id=\"{}\" label=\"{}\">", escape(&actor.id), escape(&actor.label));
        values(
            &mut out,
            &[
                ("kind", code(&actor.kind)),
                ("mentions", actor.mentions.to_string()),
                ("articles", actor.articles.join("; ")),
                ("member_of", actor.member_of.clone().unwrap_or_default()),
            ],
        );
        colour(&mut out, palette::kind(actor.kind));
        let _ =
            writeln!(out, "        <viz:size value=\"{}\"/>", 5.0 + 2.0 * f64::from(actor.mentions).sqrt());
        let _ = writeln!(out, "      </node>");
    }
    let _ = writeln!(out, "    </nodes>");
    let _ = writeln!(out, "    <edges>");
    for (i, relation) in dossier.relations.iter().enumerate() {
        let c = &relation.counts;
        let _ = writeln!(
            out,
            "      <edge id=\"r{}\" source=\"{}\" target=\"{}\" weight=\"{}\">",
            i + 1,
            escape(&relation.source),
            escape(&relation.target),
            relation_events(c)
        );
        let polarity = relation_polarity(c);
        values(
            &mut out,
            &[
                ("verbal_cooperation", c.verbal_cooperation.to_string()),
                ("material_cooperation", c.material_cooperation.to_string()),
                ("verbal_conflict", c.verbal_conflict.to_string()),
                ("material_conflict", c.material_conflict.to_string()),
                ("intensity", relation.intensity.to_string()),
                ("polarity", polarity_code(polarity).to_string()),
                ("events", relation.events.join("; ")),
            ],
        );
        let shade = polarity.map_or_else(palette::muted, palette::polarity);
        colour(&mut out, shade);
        let _ = writeln!(out, "      </edge>");
    }
    let _ = writeln!(out, "    </edges>");
    out.push_str("  </graph>\n</gexf>\n");
    out
}
