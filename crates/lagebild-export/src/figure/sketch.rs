//! A figure as a list of shapes in its own units (1 unit = 1 px of the SVG,
//! `scale` px of the PNG), made by the figure modules and painted by
//! `paint`. Keeping layout apart from the drawing backend lets tests look at
//! where every label went.

use crate::font;
use crate::palette::Colour;

/// A point (x, y) in figure units.
pub type Point = (f64, f64);

/// A box: (left, top, right, bottom).
pub type Bounds = (f64, f64, f64, f64);

/// A straight line from one point to another.
pub type Segment = (Point, Point);

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Its colour.
    pub colour: Colour,
    /// Its width.
    pub width: f64,
    /// Dash and gap lengths, for a dashed line.
    pub dash: Option<(f64, f64)>,
}

impl Stroke {
    /// A solid line.
    pub fn solid(colour: Colour, width: f64) -> Stroke {
        Stroke { colour, width, dash: None }
    }

    /// A dashed line.
    pub fn dashed(colour: Colour, width: f64) -> Stroke {
        Stroke { colour, width, dash: Some((4.0 * width.max(1.0), 3.0 * width.max(1.0))) }
    }
}

/// Where a text's anchor point lies on the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Left edge, vertical middle.
    Left,
    /// Horizontal centre, vertical middle.
    Centre,
    /// Right edge, vertical middle.
    Right,
}

/// A line of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The anchor point.
    pub at: (f64, f64),
    /// What it says.
    pub text: String,
    /// Font size.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
    /// Its colour.
    pub colour: Colour,
    /// How it sits on the anchor point.
    pub align: Align,
}

impl Label {
    /// The box the text covers: (left, top, right, bottom).
    pub fn bounds(&self) -> Bounds {
        let w = font::width(&self.text, self.size, self.bold);
        let h = self.size;
        let left = match self.align {
            Align::Left => self.at.0,
            Align::Centre => self.at.0 - w / 2.0,
            Align::Right => self.at.0 - w,
        };
        (left, self.at.1 - h / 2.0, left + w, self.at.1 + h / 2.0)
    }
}

/// One mark of a figure.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// An axis-parallel rectangle from (x0, y0) to (x1, y1).
    Rect {
        /// Top left and bottom right corners.
        corners: ((f64, f64), (f64, f64)),
        /// Fill colour, if filled.
        fill: Option<Colour>,
        /// Outline, if any.
        stroke: Option<Stroke>,
    },
    /// A polyline.
    Line {
        /// Its points.
        points: Vec<(f64, f64)>,
        /// How it is drawn.
        stroke: Stroke,
    },
    /// A circle.
    Circle {
        /// Its centre.
        centre: (f64, f64),
        /// Its radius.
        radius: f64,
        /// Fill colour, if filled.
        fill: Option<Colour>,
        /// Outline, if any.
        stroke: Option<Stroke>,
    },
    /// A filled polygon.
    Polygon {
        /// Its corners.
        points: Vec<(f64, f64)>,
        /// Fill colour.
        fill: Colour,
    },
    /// A line of text.
    Text(Label),
}

/// A whole figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Sketch {
    /// Width in figure units.
    pub width: f64,
    /// Height in figure units.
    pub height: f64,
    /// The marks, painted in order.
    pub shapes: Vec<Shape>,
}

#[cfg(test)]
impl Sketch {
    /// Every text of the figure.
    pub fn labels(&self) -> impl Iterator<Item = &Label> {
        self.shapes.iter().filter_map(|s| match s {
            Shape::Text(label) => Some(label),
            _ => None,
        })
    }
}

/// Whether two boxes (left, top, right, bottom) overlap, with `margin` to spare.
pub fn boxes_overlap(a: Bounds, b: Bounds, margin: f64) -> bool {
    a.0 < b.2 + margin && b.0 < a.2 + margin && a.1 < b.3 + margin && b.1 < a.3 + margin
}

/// Splits a text into lines no wider than `width` at `size`, breaking at spaces.
pub fn wrap(text: &str, size: f64, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if !line.is_empty() && font::width(&candidate, size, false) > width {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Shortens a text with an ellipsis until it fits `width`.
pub fn fit(text: &str, size: f64, bold: bool, width: f64) -> String {
    if font::width(text, size, bold) <= width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if font::width(&candidate, size, bold) <= width {
            return candidate;
        }
    }
    "…".to_string()
}

/// Diagonal lines ("/") that fill a rectangle, `spacing` apart.
pub fn hatch(corners: ((f64, f64), (f64, f64)), spacing: f64, stroke: Stroke) -> Vec<Shape> {
    let ((x0, y0), (x1, y1)) = corners;
    let mut out = Vec::new();
    // Along one line x + y is constant; step that sum across the rectangle.
    let mut sum = x0 + y0 + spacing / 2.0;
    while sum < x1 + y1 {
        let lo = x0.max(sum - y1);
        let hi = x1.min(sum - y0);
        if hi - lo > 0.5 {
            out.push(Shape::Line { points: vec![(lo, sum - lo), (hi, sum - hi)], stroke });
        }
        sum += spacing;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let text = "Quellen: Nordkoreas Soldaten im Krieg gegen die Ukraine (22. Nov. 2024); North Korean troops in Russia's war (22 Nov 2024)";
        let lines = wrap(text, 11.0, 300.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| font::width(l, 11.0, false) <= 300.0));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn fitting_cuts_with_an_ellipsis() {
        assert_eq!(fit("Russia", 12.0, false, 500.0), "Russia");
        let cut = fit("Korean Central News Agency", 12.0, false, 80.0);
        assert!(cut.ends_with('…') && font::width(&cut, 12.0, false) <= 80.0, "{cut}");
    }

    #[test]
    fn hatching_stays_inside_its_rectangle() {
        let lines = hatch(((10.0, 20.0), (60.0, 32.0)), 6.0, Stroke::solid(Colour::hex("#000000"), 1.0));
        assert!(lines.len() > 5);
        for line in &lines {
            let Shape::Line { points, .. } = line else { panic!("only lines") };
            for &(x, y) in points {
                assert!((10.0..=60.0).contains(&x) && (20.0..=32.0).contains(&y), "({x}, {y})");
            }
        }
    }

    #[test]
    fn overlap_of_boxes() {
        assert!(boxes_overlap((0.0, 0.0, 10.0, 10.0), (5.0, 5.0, 15.0, 15.0), 0.0));
        assert!(!boxes_overlap((0.0, 0.0, 10.0, 10.0), (12.0, 0.0, 20.0, 10.0), 1.0));
        assert!(boxes_overlap((0.0, 0.0, 10.0, 10.0), (12.0, 0.0, 20.0, 10.0), 3.0));
    }
}
