//! Paints a [`Sketch`] with plotters: as SVG text, or as a PNG at a print
//! scale. The PNG is drawn at twice its final size and shrunk, which smooths
//! the edges of lines and circles (the bitmap backend draws them without
//! anti-aliasing).

use super::sketch::{Align, Shape, Sketch, Stroke};
use crate::error::Error;
use crate::font;
use crate::palette::{self, Colour};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws at this many times the PNG's size before shrinking it.
const OVERSAMPLE: u32 = 2;

/// Pixels per inch written into the PNG (a 2400 px wide figure prints 20 cm wide).
const PNG_DPI: u32 = 300;

/// The figure as an SVG document.
pub fn svg(sketch: &Sketch) -> Result<String, Error> {
    let (w, h) = size(sketch, 1.0);
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
        paint(&area, sketch, 1.0, true)?;
        area.present().map_err(drawing)?;
    }
    Ok(out)
}

/// The figure as a PNG, `scale` pixels per figure unit.
pub fn png(sketch: &Sketch, scale: f64) -> Result<Vec<u8>, Error> {
    let (w, h) = size(sketch, scale);
    let (big_w, big_h) = (w * OVERSAMPLE, h * OVERSAMPLE);
    let paper = palette::surface();
    let mut big: Vec<u8> = [paper.r, paper.g, paper.b].repeat(big_w as usize * big_h as usize);
    {
        let area = BitMapBackend::with_buffer(&mut big, (big_w, big_h)).into_drawing_area();
        paint(&area, sketch, scale * f64::from(OVERSAMPLE), false)?;
        area.present().map_err(drawing)?;
    }
    let small = shrink(&big, big_w as usize, big_h as usize, OVERSAMPLE as usize);
    encode_png(&small, w, h)
}

fn size(sketch: &Sketch, scale: f64) -> (u32, u32) {
    let px = |v: f64| (v * scale).ceil().max(1.0) as u32;
    (px(sketch.width), px(sketch.height))
}

fn drawing<E: std::error::Error + Send + Sync>(err: DrawingAreaErrorKind<E>) -> Error {
    Error::Drawing(err.to_string())
}

fn rgba(c: Colour) -> RGBAColor {
    RGBAColor(c.r, c.g, c.b, c.alpha)
}

/// Paints the shapes; `fill` paints the paper first (a bitmap comes with it).
fn paint<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    sketch: &Sketch,
    scale: f64,
    fill: bool,
) -> Result<(), Error>
where
    DB::ErrorType: 'static,
{
    if fill {
        area.fill(&rgba(palette::surface())).map_err(drawing)?;
    }
    let px = |v: f64| (v * scale).round() as i32;
    let pt = |(x, y): (f64, f64)| (px(x), px(y));
    let width = |w: f64| ((w * scale).round() as u32).max(1);
    let style =
        |s: &Stroke| ShapeStyle { color: rgba(s.colour), filled: false, stroke_width: width(s.width) };
    for shape in &sketch.shapes {
        match shape {
            Shape::Rect { corners, fill, stroke } => {
                let (a, b) = (pt(corners.0), pt(corners.1));
                if let Some(fill) = fill {
                    area.draw(&Rectangle::new([a, b], rgba(*fill).filled())).map_err(drawing)?;
                }
                if let Some(s) = stroke {
                    let (x0, y0, x1, y1) = (corners.0 .0, corners.0 .1, corners.1 .0, corners.1 .1);
                    let outline = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];
                    draw_line(area, &outline.map(pt), s, style(s), scale)?;
                }
            }
            Shape::Line { points, stroke } => {
                let points: Vec<(i32, i32)> = points.iter().copied().map(pt).collect();
                draw_line(area, &points, stroke, style(stroke), scale)?;
            }
            Shape::Circle { centre, radius, fill, stroke } => {
                let r = ((radius * scale).round() as i32).max(1);
                if let Some(fill) = fill {
                    area.draw(&Circle::new(pt(*centre), r, rgba(*fill).filled())).map_err(drawing)?;
                }
                if let Some(s) = stroke {
                    area.draw(&Circle::new(pt(*centre), r, style(s))).map_err(drawing)?;
                }
            }
            Shape::Polygon { points, fill } => {
                let points: Vec<(i32, i32)> = points.iter().copied().map(pt).collect();
                area.draw(&Polygon::new(points, rgba(*fill).filled())).map_err(drawing)?;
            }
            Shape::Text(label) => {
                let h = match label.align {
                    Align::Left => HPos::Left,
                    Align::Centre => HPos::Center,
                    Align::Right => HPos::Right,
                };
                let text_style = font::font(label.size * scale, label.bold)
                    .color(&rgba(label.colour))
                    .pos(Pos::new(h, VPos::Center));
                area.draw_text(&label.text, &text_style, pt(label.at)).map_err(drawing)?;
            }
        }
    }
    Ok(())
}

fn draw_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[(i32, i32)],
    stroke: &Stroke,
    style: ShapeStyle,
    scale: f64,
) -> Result<(), Error>
where
    DB::ErrorType: 'static,
{
    match stroke.dash {
        None => area.draw(&PathElement::new(points.to_vec(), style)).map_err(drawing),
        Some((dash, gap)) => {
            let dash = ((dash * scale).round() as u32).max(1);
            let gap = ((gap * scale).round() as u32).max(1);
            area.draw(&DashedPathElement::new(points.iter().copied(), dash, gap, style)).map_err(drawing)
        }
    }
}

/// Averages `factor` × `factor` blocks of an RGB image.
fn shrink(big: &[u8], w: usize, h: usize, factor: usize) -> Vec<u8> {
    let (sw, sh) = (w / factor, h / factor);
    let area = (factor * factor) as u32;
    let mut out = Vec::with_capacity(sw * sh * 3);
    let mut sums = vec![0u32; sw * 3];
    for block in big.chunks_exact(w * 3 * factor).take(sh) {
        sums.iter_mut().for_each(|s| *s = 0);
        for row in block.chunks_exact(w * 3) {
            for (x, pixel) in row.chunks_exact(3).take(sw * factor).enumerate() {
                let at = (x / factor) * 3;
                sums[at] += u32::from(pixel[0]);
                sums[at + 1] += u32::from(pixel[1]);
                sums[at + 2] += u32::from(pixel[2]);
            }
        }
        out.extend(sums.iter().map(|&s| ((s + area / 2) / area) as u8));
    }
    out
}

fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let per_metre = (f64::from(PNG_DPI) / 0.0254).round() as u32;
        encoder.set_pixel_dims(Some(png::PixelDimensions {
            xppu: per_metre,
            yppu: per_metre,
            unit: png::Unit::Meter,
        }));
        let mut writer = encoder.write_header()?;
        writer.write_image_data(rgb)?;
        writer.finish()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shrinking_averages_blocks() {
        // A 2×2 image: one white, three black pixels → one grey pixel.
        let big = [255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        assert_eq!(shrink(&big, 2, 2, 2), [64, 64, 64]);
    }
}
