//! The network: actors as circles (colour by kind, size by mentions), linked
//! by lines whose width counts the events between them and whose colour says
//! cooperation or conflict; a pair with both gets one line of each, side by
//! side. A dashed grey line joins a person or body to the actor it acts for.
//! Actors without any relation are counted in a note, not drawn.

use super::frame::{Area, Frame, Key};
use super::layout::{self, Disc};
use super::sketch::{Label, Segment, Shape, Sketch, Stroke};
use super::Context;
use crate::graph::{pairs, Pair};
use crate::palette::{self, Polarity};
use lagebild_core::dossier::DossierActor;
use lagebild_core::ActorKind;

/// Height of the plot.
const PLOT_HEIGHT: f64 = 640.0;
/// Size of the actor names.
const LABEL_SIZE: f64 = 13.0;
/// Room kept free at the plot's sides for labels.
const SIDE_ROOM: f64 = 150.0;
/// Room kept free above and below.
const END_ROOM: f64 = 40.0;

/// The width of a line standing for `n` events.
fn line_width(n: usize) -> f64 {
    (1.5 + 2.0 * (n.max(1) - 1) as f64).min(12.0)
}

/// The radius of a node with `mentions` mentions.
fn radius(mentions: u32) -> f64 {
    (7.0 + 3.0 * f64::from(mentions).sqrt()).min(28.0)
}

/// Lays out the network.
pub(super) fn sketch(cx: &Context) -> Sketch {
    let s = cx.strings;
    let pairs = pairs(cx.dossier);
    let nodes = nodes(cx, &pairs);
    let memberships: Vec<(usize, usize)> = nodes
        .iter()
        .enumerate()
        .filter_map(|(i, actor)| {
            let parent = actor.member_of.as_deref()?;
            nodes.iter().position(|n| n.id == parent).map(|j| (i, j))
        })
        .collect();
    let subtitle = cx.counts();
    let mut frame = Frame::new(&s.network_title, &subtitle);
    let mut legend: Vec<(Key, String)> = Vec::new();
    for kind in [ActorKind::State, ActorKind::Organization, ActorKind::Person, ActorKind::Group] {
        if nodes.iter().any(|n| n.kind == kind) {
            legend.push((Key::Swatch(palette::kind(kind)), s.kind(kind).to_string()));
        }
    }
    legend.push((
        Key::Line(Stroke::solid(palette::polarity(Polarity::Cooperation), 3.0)),
        s.cooperation.clone(),
    ));
    legend.push((Key::Line(Stroke::solid(palette::polarity(Polarity::Conflict), 3.0)), s.conflict.clone()));
    if !memberships.is_empty() {
        legend.push((Key::Line(Stroke::dashed(palette::member(), 1.5)), s.legend_member.clone()));
    }
    let widest = pairs.iter().map(Pair::events).max().unwrap_or(1);
    let width_entry = format!("{} (1–{widest})", s.legend_width);
    legend.push((Key::Line(Stroke::solid(palette::muted(), line_width(widest.min(3)))), width_entry));
    legend.push((Key::Swatch(palette::muted()), s.legend_size.clone()));
    frame.legend(&legend);
    if nodes.is_empty() {
        frame.note(&s.no_relations);
        return frame.finish(cx.dossier, s);
    }
    frame.space(4.0);
    let area = frame.take(PLOT_HEIGHT);
    let index = |id: &str| nodes.iter().position(|n| n.id == id);
    let mut edges: Vec<(usize, usize, f64)> =
        pairs.iter().filter_map(|p| Some((index(&p.a)?, index(&p.b)?, p.events() as f64))).collect();
    edges.extend(memberships.iter().map(|&(i, j)| (i, j, 2.0)));
    let inner = Area {
        left: area.left + SIDE_ROOM,
        top: area.top + END_ROOM,
        right: area.right - SIDE_ROOM,
        bottom: area.bottom - END_ROOM,
    };
    let discs: Vec<Disc> = layout::force(nodes.len(), &edges)
        .into_iter()
        .zip(&nodes)
        .map(|((x, y), actor)| Disc {
            centre: (inner.left + x * inner.width(), inner.top + y * inner.height()),
            radius: radius(actor.mentions),
        })
        .collect();

    for &(i, j) in &memberships {
        let points = vec![discs[i].centre, discs[j].centre];
        frame.shapes.push(Shape::Line { points, stroke: Stroke::dashed(palette::member(), 1.5) });
    }
    for pair in &pairs {
        if let (Some(i), Some(j)) = (index(&pair.a), index(&pair.b)) {
            draw_pair(&mut frame.shapes, pair, discs[i].centre, discs[j].centre);
        }
    }
    for (disc, actor) in discs.iter().zip(&nodes) {
        frame.shapes.push(Shape::Circle {
            centre: disc.centre,
            radius: disc.radius,
            fill: Some(palette::kind(actor.kind)),
            stroke: Some(Stroke::solid(palette::surface(), 2.0)),
        });
    }
    let names: Vec<String> = nodes.iter().map(|n| cx.label(&n.id)).collect();
    let bounds = (area.left, area.top, area.right, area.bottom);
    let mut lines: Vec<Segment> =
        memberships.iter().map(|&(i, j)| (discs[i].centre, discs[j].centre)).collect();
    for pair in &pairs {
        if let (Some(i), Some(j)) = (index(&pair.a), index(&pair.b)) {
            lines.push((discs[i].centre, discs[j].centre));
        }
    }
    let placements = layout::place_labels(&discs, &names, LABEL_SIZE, bounds, &lines);
    for (place, name) in placements.iter().zip(&names) {
        let label = Label {
            at: place.at,
            text: name.clone(),
            size: LABEL_SIZE,
            bold: false,
            colour: palette::ink(),
            align: place.align,
        };
        let (l, t, r, b) = label.bounds();
        let halo = ((l - 2.0, t - 1.0), (r + 2.0, b + 1.0));
        frame.shapes.push(Shape::Rect {
            corners: halo,
            fill: Some(palette::surface().with_alpha(0.8)),
            stroke: None,
        });
        frame.shapes.push(Shape::Text(label));
    }

    frame.space(6.0);
    let isolated = cx.dossier.actors.len() - nodes.len();
    if isolated > 0 {
        frame.note(&s.count(isolated, &s.isolated_one, &s.isolated_many));
    }
    frame.finish(cx.dossier, s)
}

/// The actors with a relation, and the actors they act for, in the
/// dossier's order.
fn nodes<'d>(cx: &Context<'d>, pairs: &[Pair]) -> Vec<&'d DossierActor> {
    let linked = |id: &str| pairs.iter().any(|p| p.a == id || p.b == id);
    let parent_of_linked =
        |id: &str| cx.dossier.actors.iter().any(|a| linked(&a.id) && a.member_of.as_deref() == Some(id));
    cx.dossier.actors.iter().filter(|a| linked(&a.id) || parent_of_linked(&a.id)).collect()
}

/// One line per polarity between two nodes, offset side by side when both.
fn draw_pair(shapes: &mut Vec<Shape>, pair: &Pair, a: (f64, f64), b: (f64, f64)) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt().max(1e-6);
    let normal = (-dy / len, dx / len);
    let lines: Vec<(Polarity, usize)> =
        [(Polarity::Cooperation, pair.cooperation), (Polarity::Conflict, pair.conflict)]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .collect();
    let both = lines.len() == 2;
    for (k, (polarity, n)) in lines.into_iter().enumerate() {
        let width = line_width(n);
        let offset = if both { (if k == 0 { -1.0 } else { 1.0 }) * (width / 2.0 + 1.5) } else { 0.0 };
        let shift = (normal.0 * offset, normal.1 * offset);
        let points = vec![(a.0 + shift.0, a.1 + shift.1), (b.0 + shift.0, b.1 + shift.1)];
        shapes.push(Shape::Line {
            points,
            stroke: Stroke::solid(palette::polarity(polarity).with_alpha(0.85), width),
        });
    }
}
