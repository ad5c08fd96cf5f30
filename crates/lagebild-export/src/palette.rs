//! The figures' colours, read from `data/palette.json` (Okabe-Ito, the same
//! values as the UI's `ui/src/lib/palette.ts`; a test keeps them equal).

use crate::data::data_file;
use lagebild_core::{ActorKind, Quad};
use serde::Deserialize;

/// An sRGB colour with opacity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
    /// Opacity, 0 (clear) to 1 (solid).
    pub alpha: f64,
}

impl Colour {
    /// A solid colour from `#RRGGBB`; black when the text is not one.
    pub fn hex(text: &str) -> Colour {
        let byte = |at: usize| text.get(at..at + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0);
        Colour { r: byte(1), g: byte(3), b: byte(5), alpha: 1.0 }
    }

    /// The same colour at another opacity.
    pub fn with_alpha(self, alpha: f64) -> Colour {
        Colour { alpha, ..self }
    }
}

/// Cooperation or conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Polarity {
    /// Verbal or material cooperation.
    Cooperation,
    /// Verbal or material conflict.
    Conflict,
}

impl Polarity {
    /// The polarity of a CAMEO quad class.
    pub fn of(quad: Quad) -> Polarity {
        if quad.is_cooperation() {
            Polarity::Cooperation
        } else {
            Polarity::Conflict
        }
    }
}

#[derive(Deserialize)]
struct PaletteFile {
    polarity: PolarityColours,
    kind: KindColours,
    ui: UiColours,
}

/// The colours of cooperation and conflict, as written in the data file.
#[derive(Deserialize)]
pub(crate) struct PolarityColours {
    pub(crate) cooperation: String,
    pub(crate) conflict: String,
}

/// The colour of each kind of actor, as written in the data file.
#[derive(Deserialize)]
pub(crate) struct KindColours {
    pub(crate) state: String,
    pub(crate) organization: String,
    pub(crate) person: String,
    pub(crate) group: String,
}

/// Ink, lines and surfaces, as written in the data file.
#[derive(Deserialize)]
pub(crate) struct UiColours {
    pub(crate) ink: String,
    pub(crate) muted: String,
    pub(crate) line: String,
    pub(crate) surface: String,
    pub(crate) canvas: String,
    pub(crate) member: String,
}

data_file!(fn palette_file() -> PaletteFile = "palette.json");

/// The colour of cooperation or conflict.
pub fn polarity(polarity: Polarity) -> Colour {
    let p = &palette_file().polarity;
    Colour::hex(match polarity {
        Polarity::Cooperation => &p.cooperation,
        Polarity::Conflict => &p.conflict,
    })
}

/// The colour of a kind of actor.
pub fn kind(kind: ActorKind) -> Colour {
    let k = &palette_file().kind;
    Colour::hex(match kind {
        ActorKind::State => &k.state,
        ActorKind::Organization => &k.organization,
        ActorKind::Person => &k.person,
        ActorKind::Group => &k.group,
    })
}

/// Text and marks that are not data.
pub fn ink() -> Colour {
    Colour::hex(&palette_file().ui.ink)
}

/// Secondary text: notes, axis labels, the source line.
pub fn muted() -> Colour {
    Colour::hex(&palette_file().ui.muted)
}

/// Grid lines and rules.
pub fn line() -> Colour {
    Colour::hex(&palette_file().ui.line)
}

/// The paper.
pub fn surface() -> Colour {
    Colour::hex(&palette_file().ui.surface)
}

/// Bands behind alternate lanes.
pub fn canvas() -> Colour {
    Colour::hex(&palette_file().ui.canvas)
}

/// The link from a person or body to the actor it acts for.
pub fn member() -> Colour {
    Colour::hex(&palette_file().ui.member)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every colour of the data file with the name the UI's palette gives it.
    fn named_colours() -> Vec<(&'static str, &'static str)> {
        let p = palette_file();
        vec![
            ("cooperation", p.polarity.cooperation.as_str()),
            ("conflict", p.polarity.conflict.as_str()),
            ("state", p.kind.state.as_str()),
            ("organization", p.kind.organization.as_str()),
            ("person", p.kind.person.as_str()),
            ("group", p.kind.group.as_str()),
            ("ink", p.ui.ink.as_str()),
            ("muted", p.ui.muted.as_str()),
            ("line", p.ui.line.as_str()),
            ("surface", p.ui.surface.as_str()),
            ("canvas", p.ui.canvas.as_str()),
            ("member", p.ui.member.as_str()),
        ]
    }

    #[test]
    fn the_figures_and_the_ui_use_the_same_colours() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/palette.ts");
        let ui = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (name, hex) in named_colours() {
            let entry = format!("{name}: \"{hex}\"");
            assert!(ui.contains(&entry), "palette.ts has no `{entry}`: the figures and the UI disagree");
        }
    }

    #[test]
    fn colours_read_from_hex() {
        assert_eq!(Colour::hex("#D55E00"), Colour { r: 0xD5, g: 0x5E, b: 0, alpha: 1.0 });
        assert_eq!(Colour::hex("nonsense"), Colour { r: 0, g: 0, b: 0, alpha: 1.0 });
        assert_eq!(polarity(Polarity::of(Quad::VerbalConflict)), Colour::hex("#D55E00"));
        assert_eq!(kind(ActorKind::State), Colour::hex("#009E73"));
    }
}
