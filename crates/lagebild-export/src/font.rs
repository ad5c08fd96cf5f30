//! The bundled typeface (DejaVu Sans, see `fonts/README.md`): registered
//! with plotters once, so no system font service is needed, and used to
//! measure text while laying out a figure.

use plotters::style::{register_font, FontDesc, FontFamily, FontStyle};
use std::sync::Once;

/// The family name the figures ask for. In an SVG it is written as the CSS
/// `font-family`, so a viewer with DejaVu Sans uses it and others fall back
/// to a sans-serif face of similar width.
pub const FAMILY: &str = "DejaVu Sans, Verdana, sans-serif";

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Registers the bundled faces with plotters (once per process).
pub fn register() {
    static DONE: Once = Once::new();
    DONE.call_once(|| {
        // The files are part of the build and a test draws with them; a
        // failure would only leave the text undrawn.
        let _ = register_font(FAMILY, FontStyle::Normal, REGULAR);
        let _ = register_font(FAMILY, FontStyle::Bold, BOLD);
    });
}

/// The plotters font of a size (in the figure's units) and weight.
pub fn font(size: f64, bold: bool) -> FontDesc<'static> {
    register();
    let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
    FontDesc::new(FontFamily::Name(FAMILY), size, style)
}

/// The width of a text in the figure's units.
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    // Measured at a large size, where rounding to whole pixels is negligible.
    const PROBE: f64 = 200.0;
    font(PROBE, bold)
        .box_size(text)
        .map_or(0.6 * size * text.chars().count() as f64, |(w, _)| f64::from(w) * size / PROBE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_with_the_bundled_face() {
        let narrow = width("iiii", 12.0, false);
        let wide = width("WWWW", 12.0, false);
        assert!(narrow > 5.0 && wide > 3.0 * narrow, "{narrow} {wide}");
        assert!(width("Nordkorea", 12.0, true) > width("Nordkorea", 12.0, false));
        assert!((width("Nordkorea", 24.0, false) - 2.0 * width("Nordkorea", 12.0, false)).abs() < 0.5);
    }
}
