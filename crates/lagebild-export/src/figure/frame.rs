//! What every figure has around its plot: a title and a subtitle, a legend,
//! notes, and the source line naming the articles and their dates.

use super::sketch::{hatch, wrap, Align, Label, Shape, Sketch, Stroke};
use crate::font;
use crate::palette::{self, Colour};
use crate::strings::Strings;
use lagebild_core::dossier::Dossier;

/// The width of every figure, in figure units (SVG pixels).
pub const WIDTH: f64 = 1200.0;
/// The space left and right of the content.
pub const MARGIN: f64 = 40.0;

const TITLE_SIZE: f64 = 22.0;
const SUBTITLE_SIZE: f64 = 13.5;
/// The size of legend entries, notes and axis labels.
pub const SMALL: f64 = 12.0;
const SOURCE_SIZE: f64 = 11.0;

/// The mark a legend entry shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    /// A filled dot.
    Dot(Colour),
    /// A ring.
    Ring(Colour),
    /// A hatched bar.
    Bar(Colour),
    /// A line.
    Line(Stroke),
    /// A filled square.
    Swatch(Colour),
    /// A short bold text, such as "!".
    Glyph(String),
}

/// A rectangle of the figure: (left, top, right, bottom).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl Area {
    /// Its width.
    pub fn width(&self) -> f64 {
        self.right - self.left
    }
    /// Its height.
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
}

/// A figure under construction, filled from the top down.
pub struct Frame {
    /// The marks so far.
    pub shapes: Vec<Shape>,
    /// Where the next part starts.
    y: f64,
}

/// A text mark.
pub fn text(at: (f64, f64), text: &str, size: f64, colour: Colour, align: Align) -> Shape {
    Shape::Text(Label { at, text: text.to_string(), size, bold: false, colour, align })
}

/// A bold text mark.
pub fn bold(at: (f64, f64), text: &str, size: f64, colour: Colour, align: Align) -> Shape {
    Shape::Text(Label { at, text: text.to_string(), size, bold: true, colour, align })
}

impl Frame {
    /// A figure with its title and subtitle.
    pub fn new(title: &str, subtitle: &str) -> Frame {
        let shapes = vec![
            bold((MARGIN, 36.0), title, TITLE_SIZE, palette::ink(), Align::Left),
            text((MARGIN, 64.0), subtitle, SUBTITLE_SIZE, palette::muted(), Align::Left),
        ];
        Frame { shapes, y: 84.0 }
    }

    /// The full width between the margins, `height` tall, below what is there.
    pub fn take(&mut self, height: f64) -> Area {
        let area = Area { left: MARGIN, top: self.y, right: WIDTH - MARGIN, bottom: self.y + height };
        self.y += height;
        area
    }

    /// Leaves a gap.
    pub fn space(&mut self, height: f64) {
        self.y += height;
    }

    /// A row of legend entries, wrapped onto more rows when needed.
    pub fn legend(&mut self, entries: &[(Key, String)]) {
        const ROW: f64 = 22.0;
        const KEY_WIDTH: f64 = 24.0;
        let mut x = MARGIN;
        let mut y = self.y + ROW / 2.0;
        for (key, label) in entries {
            let w = KEY_WIDTH + 6.0 + font::width(label, SMALL, false);
            if x > MARGIN && x + w > WIDTH - MARGIN {
                x = MARGIN;
                y += ROW;
            }
            self.shapes.extend(key_marks(key, (x + KEY_WIDTH / 2.0, y)));
            self.shapes.push(text((x + KEY_WIDTH + 6.0, y), label, SMALL, palette::ink(), Align::Left));
            x += w + 22.0;
        }
        self.y = y + ROW / 2.0 + 8.0;
    }

    /// A note in small muted type, wrapped to the width.
    pub fn note(&mut self, note: &str) {
        for line in wrap(note, SMALL, WIDTH - 2.0 * MARGIN) {
            self.y += SMALL * 1.5;
            self.shapes.push(text(
                (MARGIN, self.y - SMALL * 0.75),
                &line,
                SMALL,
                palette::muted(),
                Align::Left,
            ));
        }
    }

    /// The source line under the figure, then the finished figure.
    pub fn finish(mut self, dossier: &Dossier, strings: &Strings) -> Sketch {
        self.y += 14.0;
        let rule = Stroke::solid(palette::line(), 1.0);
        self.shapes
            .push(Shape::Line { points: vec![(MARGIN, self.y), (WIDTH - MARGIN, self.y)], stroke: rule });
        self.y += 6.0;
        for line in wrap(&source_line(dossier, strings), SOURCE_SIZE, WIDTH - 2.0 * MARGIN) {
            self.y += SOURCE_SIZE * 1.5;
            let at = (MARGIN, self.y - SOURCE_SIZE * 0.75);
            self.shapes.push(text(at, &line, SOURCE_SIZE, palette::muted(), Align::Left));
        }
        Sketch { width: WIDTH, height: self.y + 20.0, shapes: self.shapes }
    }
}

/// "Sources: Title (22 Nov 2024); …", each article by its headline (or its
/// name when it has none) and its publication date.
pub fn source_line(dossier: &Dossier, strings: &Strings) -> String {
    let articles: Vec<String> = dossier
        .articles
        .iter()
        .map(|a| {
            let name = a.title.as_deref().unwrap_or(&a.name);
            let date = a.published.as_deref().map_or_else(|| strings.no_date.clone(), |d| strings.date(d));
            format!("{name} ({date})")
        })
        .collect();
    format!("{}: {}", strings.sources, articles.join("; "))
}

/// The marks of a legend key centred on `at`.
pub fn key_marks(key: &Key, at: (f64, f64)) -> Vec<Shape> {
    let (x, y) = at;
    match key {
        Key::Dot(c) => vec![Shape::Circle { centre: at, radius: 5.5, fill: Some(*c), stroke: None }],
        Key::Ring(c) => vec![Shape::Circle {
            centre: at,
            radius: 5.0,
            fill: Some(palette::surface()),
            stroke: Some(Stroke::solid(*c, 2.0)),
        }],
        Key::Bar(c) => {
            let corners = ((x - 11.0, y - 5.0), (x + 11.0, y + 5.0));
            let mut marks = vec![Shape::Rect { corners, fill: Some(c.with_alpha(0.15)), stroke: None }];
            marks.extend(hatch(corners, 5.0, Stroke::solid(c.with_alpha(0.8), 1.0)));
            marks.push(Shape::Rect { corners, fill: None, stroke: Some(Stroke::solid(*c, 1.0)) });
            marks
        }
        Key::Line(stroke) => {
            vec![Shape::Line { points: vec![(x - 11.0, y), (x + 11.0, y)], stroke: *stroke }]
        }
        Key::Swatch(c) => vec![Shape::Circle { centre: at, radius: 6.5, fill: Some(*c), stroke: None }],
        Key::Glyph(g) => vec![bold(at, g, SMALL + 2.0, palette::ink(), Align::Centre)],
    }
}
