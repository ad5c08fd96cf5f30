//! The escalation chart: the monthly escalation index (see the core's
//! `relations` module) for the whole dossier and for one pair of actors, in
//! two panels over the same months. Each month's bar is split into what
//! raised the index (conflict, upwards) and what lowered it (cooperation,
//! downwards); a dark line joins the net values.

use super::axis;
use super::frame::{bold, text, Area, Frame, Key, SMALL};
use super::sketch::{Align, Label, Shape, Sketch, Stroke};
use super::Context;
use crate::error::Error;
use crate::graph::pairs;
use crate::palette::{self, Polarity};
use chrono::NaiveDate;
use lagebild_core::dossier::{pair_escalation, Period};
use lagebild_core::EscalationPoint;

/// Height of a panel's plot.
const PLOT_HEIGHT: f64 = 220.0;
/// Room left of the plot for the index values.
const GUTTER: f64 = 48.0;
/// Size of the panel titles.
const PANEL_TITLE: f64 = 14.5;

/// One month's contributions.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Month {
    raised: f64,
    lowered: f64,
    net: f64,
    any: bool,
}

/// Lays out the chart; `pair` names the actors of the second panel.
pub(super) fn sketch(cx: &Context, pair: Option<&(String, String)>) -> Result<Sketch, Error> {
    let s = cx.strings;
    let pair = match pair {
        Some((a, b)) => Some((resolve(cx, a)?, resolve(cx, b)?)),
        None => busiest_pair(cx),
    };
    let months = months_of(&cx.dossier.escalation);
    let mut subtitle = cx.counts();
    if let (Some(first), Some(last)) = (months.first(), months.last()) {
        let month = |d: &NaiveDate| s.date(&d.format("%Y-%m").to_string());
        subtitle = format!("{subtitle} · {} – {}", month(first), month(last));
    }
    let mut frame = Frame::new(&s.escalation_title, &subtitle);
    frame.legend(&[
        (Key::Swatch(palette::polarity(Polarity::Conflict)), s.legend_raises.clone()),
        (Key::Swatch(palette::polarity(Polarity::Cooperation)), s.legend_lowers.clone()),
        (Key::Line(Stroke::solid(palette::ink(), 2.0)), s.legend_net.clone()),
    ]);
    if months.is_empty() {
        frame.note(&s.no_dated_events);
        return Ok(frame.finish(cx.dossier, s));
    }
    panel(&mut frame, cx, &s.panel_dossier, &cx.dossier.escalation, &months);
    match &pair {
        Some((a, b)) => {
            let title = crate::strings::fill(&s.panel_pair, &[("a", &cx.label(a)), ("b", &cx.label(b))]);
            let series = pair_escalation(cx.dossier, a, b);
            panel(&mut frame, cx, &title, &series, &months);
        }
        None => {
            frame.space(10.0);
            frame.note(&s.no_pair);
        }
    }
    frame.space(6.0);
    frame.note(&s.escalation_note);
    Ok(frame.finish(cx.dossier, s))
}

/// An actor by id, English name or label, ignoring case.
fn resolve(cx: &Context, given: &str) -> Result<String, Error> {
    let wanted = given.trim().to_lowercase();
    cx.dossier
        .actors
        .iter()
        .find(|a| [&a.id, &a.name, &a.label].iter().any(|n| n.to_lowercase() == wanted))
        .map(|a| a.id.clone())
        .ok_or_else(|| Error::UnknownActor {
            given: given.to_string(),
            known: cx.dossier.actors.iter().map(|a| a.id.as_str()).collect::<Vec<_>>().join(", "),
        })
}

/// The pair with the most events in its monthly series (the first such).
fn busiest_pair(cx: &Context) -> Option<(String, String)> {
    let mut best: Option<(usize, (String, String))> = None;
    for pair in pairs(cx.dossier) {
        let n: usize = pair_escalation(cx.dossier, &pair.a, &pair.b).iter().map(|p| p.events.len()).sum();
        if n > 0 && best.as_ref().is_none_or(|(m, _)| n > *m) {
            best = Some((n, (pair.a, pair.b)));
        }
    }
    best.map(|(_, pair)| pair)
}

/// The months from the first to the last of a series.
fn months_of(series: &[EscalationPoint]) -> Vec<NaiveDate> {
    let firsts: Vec<NaiveDate> =
        series.iter().filter_map(|p| Period::parse(&p.period)).map(|p| p.first).collect();
    match (firsts.iter().min(), firsts.iter().max()) {
        (Some(first), Some(last)) => axis::months(*first, *last),
        _ => Vec::new(),
    }
}

/// Each month's contributions, split by the sign of each event's share.
fn contributions(cx: &Context, series: &[EscalationPoint], months: &[NaiveDate]) -> Vec<Month> {
    let mut out = vec![Month::default(); months.len()];
    for point in series {
        let Some(at) = months.iter().position(|m| m.format("%Y-%m").to_string() == point.period) else {
            continue;
        };
        let month = &mut out[at];
        month.any = true;
        month.net = f64::from(point.index);
        for id in &point.events {
            let Some(event) = cx.dossier.events.iter().find(|e| e.id == *id) else { continue };
            let share = -f64::from(event.intensity);
            if share >= 0.0 {
                month.raised += share;
            } else {
                month.lowered += share;
            }
        }
    }
    out
}

/// A round step for about four intervals over `span`.
fn nice_step(span: f64) -> f64 {
    let raw = (span / 4.0).max(1e-9);
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude)
}

/// One panel: its title, the index scale, the bars and the net line.
fn panel(frame: &mut Frame, cx: &Context, title: &str, series: &[EscalationPoint], months: &[NaiveDate]) {
    frame.space(12.0);
    let head = frame.take(26.0);
    frame.shapes.push(bold((head.left, head.top + 13.0), title, PANEL_TITLE, palette::ink(), Align::Left));
    let caption_at = (head.right, head.top + 13.0);
    frame.shapes.push(text(caption_at, &cx.strings.axis_index, SMALL, palette::muted(), Align::Right));
    frame.space(8.0);
    let whole = frame.take(PLOT_HEIGHT);
    let plot = Area { left: whole.left + GUTTER, ..whole };
    let data = contributions(cx, series, months);
    let top = data.iter().map(|m| m.raised.max(m.net)).fold(0.0, f64::max);
    let bottom = data.iter().map(|m| m.lowered.min(m.net)).fold(0.0, f64::min);
    let (top, bottom) = if top - bottom < 1e-9 { (1.0, -1.0) } else { (top, bottom) };
    // Head room, so that no value sits on the plot's edge.
    let room = (top - bottom) * 0.14;
    let (top, bottom) =
        (if top > 0.0 { top + room } else { top }, if bottom < 0.0 { bottom - room } else { bottom });
    let step = nice_step(top - bottom);
    let (lo, hi) = ((bottom / step).floor() * step, (top / step).ceil() * step);
    let y = |v: f64| plot.bottom - (v - lo) / (hi - lo) * plot.height();

    let grid = Stroke::solid(palette::line(), 1.0);
    let mut value = lo;
    while value <= hi + step / 2.0 {
        let at = y(value);
        frame.shapes.push(Shape::Line { points: vec![(plot.left, at), (plot.right, at)], stroke: grid });
        let label = cx.strings.number(value);
        frame.shapes.push(text((plot.left - 8.0, at), &label, SMALL, palette::muted(), Align::Right));
        value += step;
    }
    let band = plot.width() / months.len() as f64;
    let bar = (band * 0.6).min(46.0);
    let centre = |i: usize| plot.left + band * (i as f64 + 0.5);
    let conflict = palette::polarity(Polarity::Conflict);
    let cooperation = palette::polarity(Polarity::Cooperation);
    for (i, m) in data.iter().enumerate() {
        let (l, r) = (centre(i) - bar / 2.0, centre(i) + bar / 2.0);
        if m.raised > 0.0 {
            frame.shapes.push(Shape::Rect {
                corners: ((l, y(m.raised)), (r, y(0.0))),
                fill: Some(conflict),
                stroke: None,
            });
        }
        if m.lowered < 0.0 {
            let corners = ((l, y(0.0)), (r, y(m.lowered)));
            frame.shapes.push(Shape::Rect { corners, fill: Some(cooperation), stroke: None });
        }
    }
    let zero = Stroke::solid(palette::ink(), 1.2);
    frame.shapes.push(Shape::Line { points: vec![(plot.left, y(0.0)), (plot.right, y(0.0))], stroke: zero });
    let mut run: Vec<(f64, f64)> = Vec::new();
    let net_line = Stroke::solid(palette::ink(), 2.0);
    for (i, m) in data.iter().enumerate() {
        if m.any {
            run.push((centre(i), y(m.net)));
        } else if !run.is_empty() {
            frame.shapes.push(Shape::Line { points: std::mem::take(&mut run), stroke: net_line });
        }
    }
    if run.len() > 1 {
        frame.shapes.push(Shape::Line { points: run, stroke: net_line });
    }
    for (i, m) in data.iter().enumerate().filter(|(_, m)| m.any) {
        let at = (centre(i), y(m.net));
        frame.shapes.push(Shape::Circle {
            centre: at,
            radius: 4.0,
            fill: Some(palette::ink()),
            stroke: Some(Stroke::solid(palette::surface(), 1.5)),
        });
        if band >= 34.0 {
            // Above a rise and below a fall, unless that leaves the plot.
            let above = (m.net >= 0.0 && at.1 - 22.0 >= plot.top) || at.1 + 22.0 > plot.bottom;
            let label_y = if above { at.1 - 14.0 } else { at.1 + 14.0 };
            let label = Label {
                at: (at.0, label_y),
                text: cx.strings.number(m.net),
                size: SMALL - 1.0,
                bold: true,
                colour: palette::ink(),
                align: Align::Centre,
            };
            let (l, t, r, b) = label.bounds();
            let halo = ((l - 3.0, t - 1.0), (r + 3.0, b + 1.0));
            frame.shapes.push(Shape::Rect {
                corners: halo,
                fill: Some(palette::surface().with_alpha(0.85)),
                stroke: None,
            });
            frame.shapes.push(Shape::Text(label));
        }
    }
    for tick in axis::ticks(months, plot.width(), 64.0, cx.strings) {
        let x = centre(tick.index);
        frame.shapes.push(text((x, plot.bottom + 14.0), &tick.month, SMALL, palette::muted(), Align::Centre));
        if let Some(year) = &tick.year {
            frame.shapes.push(bold((x, plot.bottom + 30.0), year, SMALL, palette::muted(), Align::Centre));
        }
    }
    frame.space(40.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(20.0), 5.0);
        assert_eq!(nice_step(9.0), 2.5);
        assert_eq!(nice_step(0.3), 0.1);
    }
}
