//! The three figures of a dossier — timeline, network, escalation — laid
//! out as a [`sketch::Sketch`] in the dossier's language and painted as SVG
//! or PNG by [`paint`].

mod axis;
mod escalation;
mod frame;
mod layout;
mod network;
mod paint;
pub(crate) mod sketch;
mod timeline;

use crate::error::Error;
use crate::strings::{strings, Strings};
use lagebild_core::dossier::{Dossier, DossierActor};
use lagebild_core::Language;

/// Which figure to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// Dated events on a calendar axis, one lane per actor.
    Timeline,
    /// Actors and what they did to each other.
    Network,
    /// The monthly escalation index, for the dossier and one actor pair.
    Escalation,
}

/// The file format of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureFormat {
    /// Scalable vector graphics, text kept as text.
    Svg,
    /// A bitmap at print scale.
    Png,
}

/// How to draw a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureOptions {
    /// PNG pixels per figure unit; figures are 1200 units wide, so 2 gives
    /// 2400 px.
    pub png_scale: f64,
    /// The language of the labels; the dossier's when absent.
    pub language: Option<Language>,
    /// The actor pair of the escalation chart (ids or names); when absent,
    /// the pair with the most dated events.
    pub pair: Option<(String, String)>,
}

impl Default for FigureOptions {
    fn default() -> Self {
        FigureOptions { png_scale: 2.0, language: None, pair: None }
    }
}

/// What the figure modules draw from.
pub(crate) struct Context<'d> {
    /// The dossier.
    pub dossier: &'d Dossier,
    /// The wording of the figure's language.
    pub strings: &'static Strings,
    /// The figure's language.
    pub language: Language,
}

impl Context<'_> {
    /// The actor with an id, if the dossier has it.
    pub fn actor(&self, id: &str) -> Option<&DossierActor> {
        self.dossier.actors.iter().find(|a| a.id == id)
    }

    /// The name of an actor in the figure's language (its id when unknown).
    pub fn label(&self, id: &str) -> String {
        match (self.actor(id), self.language) {
            (Some(actor), Language::En) => actor.name.clone(),
            (Some(actor), Language::De) if self.dossier.language == Language::De => actor.label.clone(),
            (Some(actor), Language::De) => actor.name.clone(),
            (None, _) => id.to_string(),
        }
    }

    /// "2 articles · 27 events", the start of every subtitle.
    pub fn counts(&self) -> String {
        let s = self.strings;
        format!(
            "{} · {}",
            s.count(self.dossier.articles.len(), &s.articles_one, &s.articles_many),
            s.count(self.dossier.events.len(), &s.events_one, &s.events_many)
        )
    }
}

/// Lays out a figure without painting it.
pub(crate) fn sketch(
    dossier: &Dossier,
    figure: Figure,
    options: &FigureOptions,
) -> Result<sketch::Sketch, Error> {
    let language = options.language.unwrap_or(dossier.language);
    let context = Context { dossier, strings: strings(language), language };
    Ok(match figure {
        Figure::Timeline => timeline::sketch(&context),
        Figure::Network => network::sketch(&context),
        Figure::Escalation => escalation::sketch(&context, options.pair.as_ref())?,
    })
}

/// Draws a figure of the dossier: the bytes of an SVG or PNG file.
pub fn render(
    dossier: &Dossier,
    figure: Figure,
    format: FigureFormat,
    options: &FigureOptions,
) -> Result<Vec<u8>, Error> {
    let sketch = sketch(dossier, figure, options)?;
    match format {
        FigureFormat::Svg => Ok(paint::svg(&sketch)?.into_bytes()),
        FigureFormat::Png => paint::png(&sketch, options.png_scale.clamp(0.5, 4.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::sketch::{boxes_overlap, Shape};
    use super::*;
    use crate::test_dossier::{dossier_of, samples, seed};
    use lagebild_core::EventType;

    const ALL: [Figure; 3] = [Figure::Timeline, Figure::Network, Figure::Escalation];

    fn texts(sketch: &sketch::Sketch) -> Vec<String> {
        sketch.labels().map(|l| l.text.clone()).collect()
    }

    #[test]
    fn no_two_labels_of_the_sample_figures_overlap_and_all_stay_on_the_page() {
        for dossier in std::iter::once(samples()).chain(seed()) {
            labels_keep_apart(&dossier);
        }
    }

    fn labels_keep_apart(dossier: &Dossier) {
        for figure in ALL {
            let sketch = sketch(dossier, figure, &FigureOptions::default()).unwrap_or_else(|e| panic!("{e}"));
            let labels: Vec<_> = sketch.labels().collect();
            assert!(labels.len() > 10, "{figure:?}");
            for (i, a) in labels.iter().enumerate() {
                let (l, t, r, b) = a.bounds();
                assert!(
                    l >= 0.0 && t >= 0.0 && r <= sketch.width && b <= sketch.height,
                    "{figure:?}: {:?} off the page",
                    a.text
                );
                for other in labels.iter().skip(i + 1) {
                    assert!(
                        !boxes_overlap(a.bounds(), other.bounds(), -0.5),
                        "{figure:?}: {:?} overlaps {:?}",
                        a.text,
                        other.text
                    );
                }
            }
        }
    }

    #[test]
    fn network_labels_cover_no_node() {
        let dossier = samples();
        let sketch =
            sketch(&dossier, Figure::Network, &FigureOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        let nodes: Vec<(f64, f64, f64, f64)> = sketch
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Circle { centre, radius, .. } if *radius > 6.5 => {
                    Some((centre.0 - radius, centre.1 - radius, centre.0 + radius, centre.1 + radius))
                }
                _ => None,
            })
            .collect();
        assert!(nodes.len() >= 4, "the sample network has nodes");
        for label in sketch.labels() {
            for node in &nodes {
                assert!(!boxes_overlap(label.bounds(), *node, -0.5), "{:?} covers a node", label.text);
            }
        }
    }

    #[test]
    fn the_sample_figures_speak_the_dossiers_language_or_the_one_asked_for() {
        let dossier = samples();
        assert_eq!(dossier.language, Language::De, "the German article comes first on a tie");
        let german =
            sketch(&dossier, Figure::Timeline, &FigureOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        let german = texts(&german);
        assert!(german.contains(&"Zeitleiste der Ereignisse".to_string()));
        assert!(
            german.contains(&"Nordkorea".to_string()) && german.contains(&"Russland".to_string()),
            "{german:?}"
        );
        assert!(german.iter().any(|t| t.starts_with("Quellen: ")));
        let english = FigureOptions { language: Some(Language::En), ..FigureOptions::default() };
        let english = texts(&sketch(&dossier, Figure::Network, &english).unwrap_or_else(|e| panic!("{e}")));
        assert!(english.contains(&"Who did what to whom".to_string()));
        assert!(english.contains(&"North Korea".to_string()), "{english:?}");
        assert!(english.iter().any(|t| t.starts_with("Sources: ")));
    }

    #[test]
    fn the_escalation_pair_is_named_or_the_busiest() {
        let dossier = dossier_of(&[
            ("e1", "2024-06-19", "a", "b", EventType::Consult),
            ("e2", "2024-07-02", "a", "c", EventType::Assault),
            ("e3", "2024-08-02", "c", "a", EventType::Assault),
        ]);
        let busiest = texts(
            &sketch(&dossier, Figure::Escalation, &FigureOptions::default())
                .unwrap_or_else(|e| panic!("{e}")),
        );
        assert!(busiest.contains(&"A and C".to_string()), "{busiest:?}");
        let named = FigureOptions { pair: Some(("B".into(), "a".into())), ..FigureOptions::default() };
        let named = texts(&sketch(&dossier, Figure::Escalation, &named).unwrap_or_else(|e| panic!("{e}")));
        assert!(named.contains(&"B and A".to_string()), "{named:?}");
        let unknown = FigureOptions { pair: Some(("a".into(), "nobody".into())), ..FigureOptions::default() };
        let Err(err) = sketch(&dossier, Figure::Escalation, &unknown) else {
            panic!("an unknown actor was drawn")
        };
        assert!(err.to_string().contains("\"nobody\"") && err.to_string().contains("a, b, c"), "{err}");
    }

    #[test]
    fn an_empty_dossier_still_gives_figures_that_say_so() {
        let dossier = lagebild_core::dossier::merge(&[]);
        let en = FigureOptions { language: Some(Language::En), ..FigureOptions::default() };
        for (figure, note) in [
            (Figure::Timeline, "No dated events."),
            (Figure::Network, "No relations between actors."),
            (Figure::Escalation, "No dated events."),
        ] {
            let texts = texts(&sketch(&dossier, figure, &en).unwrap_or_else(|e| panic!("{e}")));
            assert!(texts.contains(&note.to_string()), "{figure:?}: {texts:?}");
            assert!(render(&dossier, figure, FigureFormat::Png, &en).is_ok());
        }
    }

    #[test]
    fn a_disputed_date_is_flagged_in_the_timeline() {
        let mut dossier = dossier_of(&[("e1", "2024-10-24", "a", "b", EventType::Assault)]);
        dossier.events[0].conflicts_with = vec!["d9".into()];
        let texts = texts(
            &sketch(&dossier, Figure::Timeline, &FigureOptions::default()).unwrap_or_else(|e| panic!("{e}")),
        );
        assert!(
            texts.contains(&"!".to_string()) && texts.contains(&"sources give other dates".to_string()),
            "{texts:?}"
        );
    }

    #[test]
    fn the_same_dossier_gives_the_same_figure() {
        let dossier = samples();
        for figure in ALL {
            let a =
                render(&dossier, figure, FigureFormat::Svg, &FigureOptions::default()).unwrap_or_default();
            let b =
                render(&dossier, figure, FigureFormat::Svg, &FigureOptions::default()).unwrap_or_default();
            assert!(!a.is_empty() && a == b, "{figure:?}");
        }
    }
}
