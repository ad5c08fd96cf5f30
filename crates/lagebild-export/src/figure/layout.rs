//! Where the network's nodes and labels go.
//!
//! Nodes: a force layout (Fruchterman–Reingold) started from a circle in
//! the given order, with a fixed number of steps and no randomness, so the
//! same dossier always gives the same picture. Labels: each tries positions
//! around its node, nearest first, and takes the first that touches no node,
//! no other label and stays inside the plot; the largest nodes choose first.

use super::sketch::{boxes_overlap, Align, Bounds, Point, Segment};
use crate::font;

/// Steps of the force layout.
const STEPS: usize = 500;

/// Positions in the unit square for `n` nodes joined by weighted `edges`
/// (index pairs), spread to fill the square.
pub fn force(n: usize, edges: &[(usize, usize, f64)]) -> Vec<(f64, f64)> {
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![(0.5, 0.5)];
    }
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let angle = std::f64::consts::TAU * i as f64 / n as f64;
            (0.5 + 0.4 * angle.cos(), 0.5 + 0.4 * angle.sin())
        })
        .collect();
    let k = 0.9 * (1.0 / n as f64).sqrt();
    let mut temperature = 0.1;
    for _ in 0..STEPS {
        let mut shift = vec![(0.0, 0.0); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let dist = (dx * dx + dy * dy).sqrt().max(1e-3);
                let push = k * k / dist;
                let (fx, fy) = (dx / dist * push, dy / dist * push);
                shift[i] = (shift[i].0 + fx, shift[i].1 + fy);
                shift[j] = (shift[j].0 - fx, shift[j].1 - fy);
            }
        }
        for &(i, j, weight) in edges {
            let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
            let dist = (dx * dx + dy * dy).sqrt().max(1e-3);
            let pull = dist * dist / k * (1.0 + weight).ln().max(0.5);
            let (fx, fy) = (dx / dist * pull, dy / dist * pull);
            shift[i] = (shift[i].0 - fx, shift[i].1 - fy);
            shift[j] = (shift[j].0 + fx, shift[j].1 + fy);
        }
        for (p, s) in pos.iter_mut().zip(&shift) {
            // A weak pull to the centre keeps separate groups in view.
            let (sx, sy) = (s.0 + (0.5 - p.0) * k * 0.8, s.1 + (0.5 - p.1) * k * 0.8);
            let len = (sx * sx + sy * sy).sqrt().max(1e-9);
            let step = len.min(temperature);
            *p = (p.0 + sx / len * step, p.1 + sy / len * step);
        }
        temperature = (temperature * 0.99).max(0.002);
    }
    spread(&pos)
}

/// Scales positions so that they span the unit square.
fn spread(pos: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let (min_x, max_x) = pos.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
    let (min_y, max_y) = pos.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    let scale = |v: f64, lo: f64, hi: f64| if hi - lo < 1e-9 { 0.5 } else { (v - lo) / (hi - lo) };
    pos.iter().map(|p| (scale(p.0, min_x, max_x), scale(p.1, min_y, max_y))).collect()
}

/// A node as the label placement sees it.
#[derive(Debug, Clone, Copy)]
pub struct Disc {
    /// Centre.
    pub centre: (f64, f64),
    /// Radius.
    pub radius: f64,
}

/// A placed label: anchor and alignment, as a sketch label takes them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    /// The anchor point.
    pub at: (f64, f64),
    /// How the text sits on it.
    pub align: Align,
}

/// The box of a text of `width` and `height` placed at `p`.
fn label_box(p: Placement, width: f64, height: f64) -> Bounds {
    let left = match p.align {
        Align::Left => p.at.0,
        Align::Centre => p.at.0 - width / 2.0,
        Align::Right => p.at.0 - width,
    };
    (left, p.at.1 - height / 2.0, left + width, p.at.1 + height / 2.0)
}

fn candidates(disc: Disc, height: f64) -> Vec<Placement> {
    let (x, y) = disc.centre;
    let mut out = Vec::new();
    for ring in [0.0, 10.0, 22.0, 36.0] {
        let r = disc.radius + 5.0 + ring;
        let diagonal = r * 0.75;
        out.extend([
            Placement { at: (x + r, y), align: Align::Left },
            Placement { at: (x - r, y), align: Align::Right },
            Placement { at: (x, y + r + height / 2.0), align: Align::Centre },
            Placement { at: (x, y - r - height / 2.0), align: Align::Centre },
            Placement { at: (x + diagonal, y - diagonal - height / 2.0), align: Align::Left },
            Placement { at: (x + diagonal, y + diagonal + height / 2.0), align: Align::Left },
            Placement { at: (x - diagonal, y - diagonal - height / 2.0), align: Align::Right },
            Placement { at: (x - diagonal, y + diagonal + height / 2.0), align: Align::Right },
        ]);
    }
    out
}

fn overlap_area(a: Bounds, b: Bounds) -> f64 {
    let w = (a.2.min(b.2) - a.0.max(b.0)).max(0.0);
    let h = (a.3.min(b.3) - a.1.max(b.1)).max(0.0);
    w * h
}

/// Whether the segment from `a` to `b` passes through the box (left, top,
/// right, bottom): the segment clipped to the box's slabs (Liang–Barsky)
/// leaves something.
fn crosses(a: Point, b: Point, r: Bounds) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    for (p, q) in [(-dx, a.0 - r.0), (dx, r.2 - a.0), (-dy, a.1 - r.1), (dy, r.3 - a.1)] {
        if p.abs() < 1e-12 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                lo = lo.max(t);
            } else {
                hi = hi.min(t);
            }
        }
    }
    lo <= hi
}

/// What a label crossing a line costs, against the overlap area of a box.
const CROSSING_COST: f64 = 40.0;

/// Places one label per disc (same order), `size` high, inside `bounds`
/// (left, top, right, bottom), avoiding nodes and other labels first and
/// the `lines` (the drawn edges) second.
pub fn place_labels(
    discs: &[Disc],
    texts: &[String],
    size: f64,
    bounds: Bounds,
    lines: &[Segment],
) -> Vec<Placement> {
    let height = size * 1.25;
    let widths: Vec<f64> = texts.iter().map(|t| font::width(t, size, false) + 4.0).collect();
    let disc_boxes: Vec<Bounds> = discs
        .iter()
        .map(|d| (d.centre.0 - d.radius, d.centre.1 - d.radius, d.centre.0 + d.radius, d.centre.1 + d.radius))
        .collect();
    let mut order: Vec<usize> = (0..discs.len()).collect();
    order.sort_by(|&a, &b| discs[b].radius.total_cmp(&discs[a].radius).then(a.cmp(&b)));
    let mut placed: Vec<Option<(Placement, Bounds)>> = vec![None; discs.len()];
    for &i in &order {
        let mut best: Option<(f64, Placement, Bounds)> = None;
        for candidate in candidates(discs[i], height) {
            let b = label_box(candidate, widths[i], height);
            let outside = b.0 < bounds.0 || b.1 < bounds.1 || b.2 > bounds.2 || b.3 > bounds.3;
            let mut cost = if outside { 1e6 } else { 0.0 };
            cost += disc_boxes
                .iter()
                .map(|d| overlap_area(b, *d) + if boxes_overlap(b, *d, 2.0) { 1.0 } else { 0.0 })
                .sum::<f64>();
            cost += placed
                .iter()
                .flatten()
                .map(|(_, o)| overlap_area(b, *o) + if boxes_overlap(b, *o, 2.0) { 1.0 } else { 0.0 })
                .sum::<f64>();
            cost += lines.iter().filter(|(p, q)| crosses(*p, *q, b)).count() as f64 * CROSSING_COST;
            if best.as_ref().is_none_or(|(c, _, _)| cost < *c) {
                best = Some((cost, candidate, b));
            }
            if cost == 0.0 {
                break;
            }
        }
        placed[i] = best.map(|(_, p, b)| (p, b));
    }
    placed
        .into_iter()
        .zip(discs)
        .map(|(p, d)| p.map_or(Placement { at: d.centre, align: Align::Centre }, |(p, _)| p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_deterministic_and_fills_the_square() {
        let edges = [(0, 1, 3.0), (1, 2, 1.0), (2, 0, 1.0), (3, 4, 1.0)];
        let a = force(6, &edges);
        let b = force(6, &edges);
        assert_eq!(a, b);
        assert!(a.iter().all(|&(x, y)| (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y)));
        let dist = |i: usize, j: usize| ((a[i].0 - a[j].0).powi(2) + (a[i].1 - a[j].1).powi(2)).sqrt();
        for i in 0..6 {
            for j in (i + 1)..6 {
                assert!(dist(i, j) > 0.05, "nodes {i} and {j} sit on each other");
            }
        }
        assert!(dist(0, 1) < dist(0, 5), "linked nodes sit closer than unlinked ones");
    }

    #[test]
    fn segments_crossing_boxes() {
        let r = (10.0, 10.0, 20.0, 20.0);
        assert!(crosses((0.0, 15.0), (30.0, 15.0), r));
        assert!(crosses((0.0, 0.0), (30.0, 30.0), r));
        assert!(!crosses((0.0, 0.0), (30.0, 5.0), r));
        assert!(!crosses((0.0, 15.0), (5.0, 15.0), r), "stops short");
    }

    #[test]
    fn labels_prefer_a_side_no_line_crosses() {
        let discs = [Disc { centre: (100.0, 100.0), radius: 10.0 }];
        let texts = ["Nordkorea".to_string()];
        let through_right = [((100.0, 100.0), (300.0, 100.0))];
        let placed = place_labels(&discs, &texts, 13.0, (0.0, 0.0, 400.0, 200.0), &through_right);
        assert_eq!(placed[0].align, Align::Right, "the line runs to the right, so the label goes left");
    }

    #[test]
    fn labels_avoid_nodes_and_each_other() {
        // A crowded row of nodes with long names.
        let discs: Vec<Disc> =
            (0..8).map(|i| Disc { centre: (100.0 + 60.0 * i as f64, 200.0), radius: 12.0 }).collect();
        let texts: Vec<String> = (0..8).map(|i| format!("Actor number {i}")).collect();
        let bounds = (0.0, 0.0, 700.0, 400.0);
        let placed = place_labels(&discs, &texts, 13.0, bounds, &[]);
        let boxes: Vec<_> = placed
            .iter()
            .zip(&texts)
            .map(|(p, t)| label_box(*p, font::width(t, 13.0, false), 13.0))
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            for (j, b) in boxes.iter().enumerate().skip(i + 1) {
                assert!(!boxes_overlap(*a, *b, 0.0), "labels {i} and {j} overlap");
            }
            for d in &discs {
                let disc = (
                    d.centre.0 - d.radius,
                    d.centre.1 - d.radius,
                    d.centre.0 + d.radius,
                    d.centre.1 + d.radius,
                );
                assert!(!boxes_overlap(*a, disc, 0.0), "label {i} covers a node");
            }
        }
    }
}
