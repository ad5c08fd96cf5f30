//! The words of the figures and the HTML briefing in German and English,
//! read from `data/strings.json`, and the formatting of dates and counts
//! in each language.

use crate::data::data_file;
use lagebild_core::dossier::Period;
use lagebild_core::{ActorKind, EventType, Language, Modality, Precision, Quad};
use serde::Deserialize;
use std::collections::HashMap;

/// The wording of one language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Strings {
    pub months: [String; 12],
    pub date_day: String,
    pub date_month: String,
    pub decimal: String,
    pub sources: String,
    pub cooperation: String,
    pub conflict: String,
    pub no_date: String,
    pub articles_one: String,
    pub articles_many: String,
    pub events_one: String,
    pub events_many: String,
    pub timeline_title: String,
    pub legend_period: String,
    pub legend_source: String,
    pub legend_target: String,
    pub legend_disputed: String,
    pub undated_one: String,
    pub undated_many: String,
    pub hidden_lanes_one: String,
    pub hidden_lanes_many: String,
    pub no_dated_events: String,
    pub network_title: String,
    pub legend_width: String,
    pub legend_size: String,
    pub legend_member: String,
    pub isolated_one: String,
    pub isolated_many: String,
    pub no_relations: String,
    pub escalation_title: String,
    pub panel_dossier: String,
    pub panel_pair: String,
    pub axis_index: String,
    pub legend_raises: String,
    pub legend_lowers: String,
    pub legend_net: String,
    pub escalation_note: String,
    pub no_pair: String,
    pub html_title: String,
    pub html_made: String,
    pub html_articles: String,
    pub html_figures: String,
    pub html_events: String,
    pub html_disputed: String,
    pub html_disputed_intro: String,
    pub html_versus: String,
    pub col_date: String,
    pub col_actors: String,
    pub col_event: String,
    pub col_evidence: String,
    kinds: HashMap<ActorKind, String>,
    quads: HashMap<Quad, String>,
    modalities: HashMap<String, String>,
    types: HashMap<EventType, String>,
}

#[derive(Deserialize)]
struct StringsFile {
    en: Strings,
    de: Strings,
}

data_file!(fn strings_file() -> StringsFile = "strings.json");

/// The wording of a language.
pub fn strings(language: Language) -> &'static Strings {
    match language {
        Language::De => &strings_file().de,
        Language::En => &strings_file().en,
    }
}

/// Fills `{name}` placeholders of a template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

impl Strings {
    /// A count with its noun: the `_one` template for 1, else the `_many` one.
    pub fn count(&self, n: usize, one: &str, many: &str) -> String {
        fill(if n == 1 { one } else { many }, &[("n", &n.to_string())])
    }

    /// A TIMEX value as the reader writes it: "24. Okt. 2024", "Okt. 2024",
    /// "2024"; a value that is not a calendar date is shown as it is.
    pub fn date(&self, value: &str) -> String {
        let Some(period) = Period::parse(value) else { return value.to_string() };
        let year = period.first.format("%Y").to_string();
        let month = self.month(period.first.format("%m").to_string().parse().unwrap_or(1));
        match period.precision {
            Precision::Day => {
                let day = period.first.format("%-d").to_string();
                fill(&self.date_day, &[("day", &day), ("month", month), ("year", &year)])
            }
            Precision::Month => fill(&self.date_month, &[("month", month), ("year", &year)]),
            _ => year,
        }
    }

    /// A figure's value: whole numbers plain, others with up to two
    /// decimals, in the language's decimal mark, with a true minus sign.
    pub fn number(&self, value: f64) -> String {
        let text = if (value - value.round()).abs() < 0.005 {
            format!("{}", value.round() as i64)
        } else {
            let fixed = format!("{value:.2}");
            fixed.trim_end_matches('0').replace('.', &self.decimal)
        };
        text.replace('-', "\u{2212}")
    }

    /// The short name of a month, 1–12.
    pub fn month(&self, month: u32) -> &str {
        let index = (month.clamp(1, 12) - 1) as usize;
        &self.months[index]
    }

    /// The name of a kind of actor.
    pub fn kind(&self, kind: ActorKind) -> &str {
        self.kinds.get(&kind).map_or("", String::as_str)
    }

    /// The name of a quad class.
    pub fn quad(&self, quad: Quad) -> &str {
        self.quads.get(&quad).map_or("", String::as_str)
    }

    /// The name of an event type.
    pub fn event_type(&self, event_type: EventType) -> &str {
        self.types.get(&event_type).map_or("", String::as_str)
    }

    /// How a claim is told.
    pub fn modality(&self, modality: Modality) -> &str {
        let key = serde_json::to_value(modality).ok().and_then(|v| v.as_str().map(str::to_string));
        key.and_then(|k| self.modalities.get(&k)).map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_name_every_type_kind_quad_and_modality() {
        for language in [Language::De, Language::En] {
            let s = strings(language);
            assert_eq!(s.types.len(), 20, "{language:?}: the 20 PLOVER types");
            assert_eq!(s.kinds.len(), 4, "{language:?}");
            assert_eq!(s.quads.len(), 4, "{language:?}");
            for m in [
                Modality::Asserted,
                Modality::Reported,
                Modality::Speculative,
                Modality::Negated,
                Modality::Planned,
            ] {
                assert!(!s.modality(m).is_empty(), "{language:?}: {m:?}");
            }
        }
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let de = strings(Language::De);
        let en = strings(Language::En);
        assert_eq!(de.date("2024-10-04"), "4. Okt. 2024");
        assert_eq!(en.date("2024-10-04"), "4 Oct 2024");
        assert_eq!(de.date("2024-03"), "März 2024");
        assert_eq!(en.date("2023"), "2023");
        assert_eq!(en.date("2024-SU"), "2024-SU");
        assert_eq!(de.number(14.4), "14,4");
        assert_eq!(en.number(-6.0), "\u{2212}6");
        assert_eq!(en.number(-0.0), "0");
        assert_eq!(de.number(-0.25), "\u{2212}0,25");
        assert_eq!(en.number(7.5), "7.5");
    }

    #[test]
    fn counts_take_the_right_noun() {
        let de = strings(Language::De);
        assert_eq!(de.count(1, &de.events_one, &de.events_many), "1 Ereignis");
        assert_eq!(de.count(3, &de.events_one, &de.events_many), "3 Ereignisse");
        assert_eq!(de.event_type(EventType::Disapprove), "Kritik");
        assert_eq!(strings(Language::En).kind(ActorKind::Organization), "Organisation");
    }
}
