//! The timeline: dated events on a calendar axis, one lane per actor.
//!
//! An event is drawn in the lane of each of its actors: a filled mark where
//! the actor acts, an open one where it is acted upon, joined by a thin line.
//! A date to the day is a dot; a date to the month or year is a hatched bar
//! over the whole period, so an approximate date never looks precise. The
//! colour says cooperation or conflict; a "!" marks an event whose date
//! other sources give differently. Marks that would touch are stacked
//! within their lane. Undated events are counted in a note.

use super::axis;
use super::frame::{bold, text, Area, Frame, Key, MARGIN, SMALL, WIDTH};
use super::sketch::{fit, hatch, Align, Shape, Sketch, Stroke};
use super::Context;
use crate::font;
use crate::palette::{self, Polarity};
use chrono::{Days, Months, NaiveDate};
use lagebild_core::dossier::{DossierEvent, Period};
use lagebild_core::Precision;

/// At most this many lanes; the actors with the most dated events get them.
const MAX_LANES: usize = 12;
/// Vertical distance between stacked marks in a lane.
const SLOT: f64 = 20.0;
/// Space above and below the marks of a lane.
const LANE_PAD: f64 = 8.0;
/// Radius of a dot.
const DOT: f64 = 5.5;
/// Height of a bar.
const BAR: f64 = 11.0;
/// Size of the event labels beside the marks.
const LABEL_SIZE: f64 = 11.0;
/// Size of the actor names of the lanes.
const LANE_LABEL_SIZE: f64 = 13.0;
/// Width of the lane names' column, at most.
const MAX_LANE_LABEL: f64 = 210.0;
/// Length of the bar of a period that lies wholly outside the plot.
const STUB: f64 = 24.0;

/// An event with a calendar date.
struct Dated<'d> {
    event: &'d DossierEvent,
    period: Period,
}

/// One mark of an event in one lane.
struct Mark {
    /// Index into the dated events.
    event: usize,
    /// Whether the lane's actor acts (else it is acted upon).
    acting: bool,
    /// The mark's own horizontal extent.
    x: (f64, f64),
    /// Whether the period runs on past the plot's left or right edge.
    clipped: (bool, bool),
    /// Whether the label goes left of the mark (near the plot's right edge).
    label_left: bool,
    /// The extent with its label and flag, used to keep marks apart.
    room: (f64, f64),
    /// The row within the lane.
    slot: usize,
}

/// A lane with its marks.
struct Lane {
    marks: Vec<Mark>,
    top: f64,
    height: f64,
}

/// Maps calendar days to x positions.
struct TimeScale {
    start: NaiveDate,
    days: f64,
    plot: (f64, f64),
}

impl TimeScale {
    fn x(&self, date: NaiveDate) -> f64 {
        let offset = (date - self.start).num_days() as f64;
        self.plot.0 + offset / self.days * (self.plot.1 - self.plot.0)
    }

    /// The horizontal extent of a period — a day's centre ± the dot, or the
    /// whole month or year — cut to the plot, and whether it was cut on the
    /// left and right. A period wholly outside becomes a stub at that edge.
    fn extent(&self, period: &Period) -> ((f64, f64), (bool, bool)) {
        let first = self.x(period.first);
        let after = self.x(period.last + Days::new(1));
        let (left, right) = self.plot;
        if period.precision == Precision::Day {
            let centre = (first + after) / 2.0;
            return ((centre - DOT, centre + DOT), (false, false));
        }
        if after <= left {
            return ((left, left + STUB), (true, false));
        }
        if first >= right {
            return ((right - STUB, right), (false, true));
        }
        let (x0, x1) = (first.max(left), after.min(right));
        let widen = (8.0 - (x1 - x0)).max(0.0) / 2.0;
        ((x0 - widen, x1 + widen), (first < left, after > right))
    }
}

/// Lays out the timeline.
pub(super) fn sketch(cx: &Context) -> Sketch {
    let s = cx.strings;
    let dated: Vec<Dated> = cx
        .dossier
        .events
        .iter()
        .filter_map(|event| {
            event.when.as_deref().and_then(Period::parse).map(|period| Dated { event, period })
        })
        .collect();
    let undated = cx.dossier.events.len() - dated.len();
    let (first, last) = span(&dated);
    let mut subtitle = cx.counts();
    if let (Some(first), Some(last)) = (first, last) {
        let month = |d: NaiveDate| s.date(&d.format("%Y-%m").to_string());
        subtitle = format!("{subtitle} · {} – {}", month(first), month(last));
    }
    let mut frame = Frame::new(&s.timeline_title, &subtitle);
    let mut legend = vec![
        (Key::Swatch(palette::polarity(Polarity::Cooperation)), s.cooperation.clone()),
        (Key::Swatch(palette::polarity(Polarity::Conflict)), s.conflict.clone()),
        (Key::Dot(palette::ink()), s.legend_source.clone()),
        (Key::Ring(palette::ink()), s.legend_target.clone()),
        (Key::Bar(palette::muted()), s.legend_period.clone()),
    ];
    if dated.iter().any(|d| !d.event.conflicts_with.is_empty()) {
        legend.push((Key::Glyph("!".into()), s.legend_disputed.clone()));
    }
    frame.legend(&legend);
    let (Some(first), Some(last)) = (first, last) else {
        frame.note(&s.no_dated_events);
        frame.note(&s.count(undated, &s.undated_one, &s.undated_many));
        return frame.finish(cx.dossier, s);
    };

    let (actors, hidden) = choose_lanes(cx, &dated);
    let names: Vec<String> = actors.iter().map(|id| cx.label(id)).collect();
    let label_width =
        names.iter().map(|n| font::width(n, LANE_LABEL_SIZE, false)).fold(0.0, f64::max).min(MAX_LANE_LABEL);
    let months = padded_months(first, last);
    let plot_left = MARGIN + label_width + 16.0;
    let plot_right = WIDTH - MARGIN - 4.0;
    let start = months.first().copied().unwrap_or(first);
    let end = months.last().and_then(|m| m.checked_add_months(Months::new(1))).unwrap_or(last);
    let scale =
        TimeScale { start, days: (end - start).num_days().max(1) as f64, plot: (plot_left, plot_right) };

    let mut lanes: Vec<Lane> = actors
        .iter()
        .map(|actor| Lane { marks: marks_of(cx, actor, &dated, &scale), top: 0.0, height: 0.0 })
        .collect();
    let slots: Vec<usize> = lanes.iter_mut().map(|lane| stack(&mut lane.marks)).collect();
    let total: f64 = slots.iter().map(|&n| lane_height(n)).sum();
    frame.space(6.0);
    let area = frame.take(total);
    let mut y = area.top;
    for (lane, n) in lanes.iter_mut().zip(&slots) {
        lane.top = y;
        lane.height = lane_height(*n);
        y += lane.height;
    }

    let plot = Area { left: plot_left, top: area.top, right: plot_right, bottom: area.bottom };
    draw_bands(&mut frame.shapes, &lanes, plot);
    let axis_height = draw_axis(&mut frame.shapes, cx, &months, &scale, plot);
    frame.space(axis_height);
    draw_connectors(&mut frame.shapes, &lanes, &dated);
    for lane in &lanes {
        for mark in &lane.marks {
            draw_mark(&mut frame.shapes, cx, lane, mark, &dated[mark.event]);
        }
    }
    for (lane, name) in lanes.iter().zip(&names) {
        let at = (plot_left - 12.0, lane.top + lane.height / 2.0);
        let name = fit(name, LANE_LABEL_SIZE, false, label_width);
        frame.shapes.push(text(at, &name, LANE_LABEL_SIZE, palette::ink(), Align::Right));
    }

    frame.space(8.0);
    if undated > 0 {
        frame.note(&s.count(undated, &s.undated_one, &s.undated_many));
    }
    if hidden > 0 {
        frame.note(&s.count(hidden, &s.hidden_lanes_one, &s.hidden_lanes_many));
    }
    frame.finish(cx.dossier, s)
}

/// The days the axis covers: those of the events dated to the day or month
/// when there are any (a year-only date does not stretch the axis over a
/// whole year; its bar is cut at the edge), else those of all.
fn span(dated: &[Dated]) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let fine: Vec<&Dated> = dated.iter().filter(|d| d.period.precision >= Precision::Month).collect();
    let chosen: Vec<&Dated> = if fine.is_empty() { dated.iter().collect() } else { fine };
    (chosen.iter().map(|d| d.period.first).min(), chosen.iter().map(|d| d.period.last).max())
}

/// The actors with the most dated events (ties in the dossier's order), and
/// how many more actors have dated events but no lane.
fn choose_lanes(cx: &Context, dated: &[Dated]) -> (Vec<String>, usize) {
    let mut counted: Vec<(usize, usize, &str)> = cx
        .dossier
        .actors
        .iter()
        .enumerate()
        .map(|(order, actor)| {
            let n = dated.iter().filter(|d| takes_part(d.event, &actor.id)).count();
            (n, order, actor.id.as_str())
        })
        .filter(|(n, _, _)| *n > 0)
        .collect();
    counted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let hidden = counted.len().saturating_sub(MAX_LANES);
    (counted.into_iter().take(MAX_LANES).map(|(_, _, id)| id.to_string()).collect(), hidden)
}

fn takes_part(event: &DossierEvent, actor: &str) -> bool {
    event.sources.iter().chain(&event.targets).any(|a| a == actor)
}

/// The months to show: those of the events, widened to at least three.
fn padded_months(first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    let mut months = axis::months(first, last);
    if months.len() < 3 {
        let before = first.checked_sub_months(Months::new(1)).unwrap_or(first);
        let after = last.checked_add_months(Months::new(1)).unwrap_or(last);
        months = axis::months(before, after);
    }
    months
}

/// The label beside an acting mark: the event type in the figure's
/// language, with the date when the bar had to be cut.
fn event_label(cx: &Context, dated: &Dated) -> String {
    let kind = cx.strings.event_type(dated.event.event_type);
    match &dated.event.when {
        Some(when) if dated.period.precision < Precision::Month => {
            format!("{kind} ({})", cx.strings.date(when))
        }
        _ => kind.to_string(),
    }
}

fn marks_of(cx: &Context, actor: &str, dated: &[Dated], scale: &TimeScale) -> Vec<Mark> {
    let mut marks = Vec::new();
    for (index, d) in dated.iter().enumerate() {
        let acting = d.event.sources.iter().any(|a| a == actor);
        if !acting && !d.event.targets.iter().any(|a| a == actor) {
            continue;
        }
        let (x, clipped) = scale.extent(&d.period);
        let mut room =
            (x.0 - 3.0 - if clipped.0 { 8.0 } else { 0.0 }, x.1 + 3.0 + if clipped.1 { 8.0 } else { 0.0 });
        let mut label_left = false;
        if acting {
            let width = font::width(&event_label(cx, d), LABEL_SIZE, false) + 11.0;
            label_left = room.1 + width > WIDTH - 4.0;
            if label_left {
                room.0 -= width;
            } else {
                room.1 += width;
            }
        }
        if !d.event.conflicts_with.is_empty() {
            if label_left {
                room.1 += 14.0;
            } else {
                room.0 -= 14.0;
            }
        }
        marks.push(Mark { event: index, acting, x, clipped, label_left, room, slot: 0 });
    }
    marks
}

/// Puts each mark in the first row where it touches nothing; the number of rows.
fn stack(marks: &mut [Mark]) -> usize {
    marks.sort_by(|a, b| a.room.0.total_cmp(&b.room.0));
    let mut row_ends: Vec<f64> = Vec::new();
    for mark in marks.iter_mut() {
        match row_ends.iter().position(|&end| end <= mark.room.0) {
            Some(row) => {
                mark.slot = row;
                row_ends[row] = mark.room.1;
            }
            None => {
                mark.slot = row_ends.len();
                row_ends.push(mark.room.1);
            }
        }
    }
    row_ends.len().max(1)
}

fn lane_height(rows: usize) -> f64 {
    2.0 * LANE_PAD + rows as f64 * SLOT
}

fn mark_y(lane: &Lane, mark: &Mark) -> f64 {
    lane.top + LANE_PAD + mark.slot as f64 * SLOT + SLOT / 2.0
}

fn draw_bands(shapes: &mut Vec<Shape>, lanes: &[Lane], plot: Area) {
    for (i, lane) in lanes.iter().enumerate() {
        if i % 2 == 0 {
            let corners = ((MARGIN, lane.top), (plot.right, lane.top + lane.height));
            shapes.push(Shape::Rect { corners, fill: Some(palette::canvas()), stroke: None });
        }
    }
}

/// Grid lines at the labelled months and the labels under the lanes; the
/// height the labels take.
fn draw_axis(
    shapes: &mut Vec<Shape>,
    cx: &Context,
    months: &[NaiveDate],
    scale: &TimeScale,
    plot: Area,
) -> f64 {
    let grid = Stroke::solid(palette::line(), 1.0);
    let ticks = axis::ticks(months, plot.width(), 64.0, cx.strings);
    let monthly = ticks.len() == months.len();
    for tick in &ticks {
        let Some(month) = months.get(tick.index) else { continue };
        let x = scale.x(*month);
        shapes.push(Shape::Line { points: vec![(x, plot.top), (x, plot.bottom + 6.0)], stroke: grid });
        let next = month.checked_add_months(Months::new(1)).unwrap_or(*month);
        let (at, align) =
            if monthly { ((x + scale.x(next)) / 2.0, Align::Centre) } else { (x + 4.0, Align::Left) };
        shapes.push(text((at, plot.bottom + 16.0), &tick.month, SMALL, palette::muted(), align));
        if let Some(year) = &tick.year {
            shapes.push(bold((at, plot.bottom + 32.0), year, SMALL, palette::muted(), align));
        }
    }
    let axis = Stroke::solid(palette::muted(), 1.0);
    shapes.push(Shape::Line {
        points: vec![(plot.left, plot.bottom), (plot.right, plot.bottom)],
        stroke: axis,
    });
    44.0
}

/// The lines that join an event's acting mark to its acted-upon marks.
fn draw_connectors(shapes: &mut Vec<Shape>, lanes: &[Lane], dated: &[Dated]) {
    for (index, d) in dated.iter().enumerate() {
        let ends: Vec<(f64, f64, bool)> = lanes
            .iter()
            .flat_map(|lane| lane.marks.iter().map(move |m| (lane, m)))
            .filter(|(_, m)| m.event == index)
            .map(|(lane, m)| ((m.x.0 + m.x.1) / 2.0, mark_y(lane, m), m.acting))
            .collect();
        let colour = palette::polarity(Polarity::of(d.event.quad)).with_alpha(0.45);
        for &(x, y, acting) in &ends {
            if acting {
                continue;
            }
            for &(sx, sy, _) in ends.iter().filter(|e| e.2) {
                let points = vec![(sx, sy), (x, y)];
                shapes.push(Shape::Line { points, stroke: Stroke::solid(colour, 1.5) });
            }
        }
    }
}

fn draw_mark(shapes: &mut Vec<Shape>, cx: &Context, lane: &Lane, mark: &Mark, dated: &Dated) {
    let event = dated.event;
    let colour = palette::polarity(Polarity::of(event.quad));
    let y = mark_y(lane, mark);
    let (x0, x1) = mark.x;
    if dated.period.precision == Precision::Day {
        let centre = ((x0 + x1) / 2.0, y);
        shapes.push(if mark.acting {
            Shape::Circle {
                centre,
                radius: DOT,
                fill: Some(colour),
                stroke: Some(Stroke::solid(palette::surface(), 1.0)),
            }
        } else {
            Shape::Circle {
                centre,
                radius: DOT - 1.0,
                fill: Some(palette::surface()),
                stroke: Some(Stroke::solid(colour, 2.0)),
            }
        });
    } else {
        let corners = ((x0, y - BAR / 2.0), (x1, y + BAR / 2.0));
        let (fill, hatching, outline) = if mark.acting {
            (colour.with_alpha(0.15), colour.with_alpha(0.8), Stroke::solid(colour, 1.2))
        } else {
            (palette::surface(), colour.with_alpha(0.35), Stroke::dashed(colour, 1.2))
        };
        shapes.push(Shape::Rect { corners, fill: Some(fill), stroke: None });
        shapes.extend(hatch(corners, 5.0, Stroke::solid(hatching, 1.0)));
        shapes.push(Shape::Rect { corners, fill: None, stroke: Some(outline) });
        if mark.clipped.0 {
            shapes.push(Shape::Polygon {
                points: vec![(x0 - 8.0, y), (x0 - 1.0, y - 5.0), (x0 - 1.0, y + 5.0)],
                fill: colour,
            });
        }
        if mark.clipped.1 {
            shapes.push(Shape::Polygon {
                points: vec![(x1 + 8.0, y), (x1 + 1.0, y - 5.0), (x1 + 1.0, y + 5.0)],
                fill: colour,
            });
        }
    }
    let (before, after) =
        (x0 - if mark.clipped.0 { 8.0 } else { 0.0 }, x1 + if mark.clipped.1 { 8.0 } else { 0.0 });
    if mark.acting {
        let label = event_label(cx, dated);
        let (at, align) =
            if mark.label_left { (before - 5.0, Align::Right) } else { (after + 5.0, Align::Left) };
        shapes.push(text((at, y), &label, LABEL_SIZE, palette::ink(), align));
    }
    if !event.conflicts_with.is_empty() {
        let at = if mark.label_left { after + 7.0 } else { before - 7.0 };
        shapes.push(bold((at, y), "!", LABEL_SIZE + 2.0, palette::ink(), Align::Centre));
    }
}
