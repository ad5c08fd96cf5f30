//! Trigger words as data: `data/events/LANG.json` (the words) and
//! `data/events/types.json` (each PLOVER type's quad class and intensity).
//! The form syntax is described in the data files' `_source`.

use crate::lexicon::data_file;
use crate::model::{EventType, Language, Quad};
use crate::text::Word;
use std::collections::HashMap;

#[derive(Debug, serde::Deserialize)]
struct TypeInfo {
    quad: Quad,
    intensity: f32,
}

#[derive(Debug, serde::Deserialize)]
struct Types {
    types: HashMap<EventType, TypeInfo>,
}

/// One trigger entry.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct Entry {
    #[serde(default)]
    forms: Vec<String>,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(rename = "type")]
    pub event_type: EventType,
    #[serde(default)]
    pub particle: Option<String>,
    #[serde(default)]
    pub requires: Vec<String>,
    #[serde(default)]
    pub excludes: Vec<String>,
    #[serde(default)]
    pub mutual: bool,
    #[serde(default)]
    pub light: bool,
}

#[derive(Debug, serde::Deserialize)]
struct Triggers {
    triggers: Vec<Entry>,
    #[serde(default)]
    noun_suffixes: Vec<String>,
}

data_file!(fn types() -> Types = "events/types.json");
data_file!(fn german() -> Triggers = "events/de.json");
data_file!(fn english() -> Triggers = "events/en.json");

/// The quad class and Goldstein intensity of a type.
pub(crate) fn class_of(event_type: EventType) -> (Quad, f32) {
    types().types.get(&event_type).map_or((Quad::VerbalCooperation, 0.0), |t| (t.quad, t.intensity))
}

fn lexicon(language: Language) -> &'static Triggers {
    match language {
        Language::De => german(),
        Language::En => english(),
    }
}

/// The trigger entries of a language.
pub(crate) fn entries(language: Language) -> &'static [Entry] {
    &lexicon(language).triggers
}

/// The longest compound inflection a `*head*` form allows.
const MAX_INFLECTION: usize = 3;

/// Whether one word matches one pattern of the form syntax.
fn word_matches(pattern: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    match (pattern.strip_prefix('*'), pattern.strip_suffix('*')) {
        (Some(inner), Some(_)) => {
            let head = inner.trim_end_matches('*');
            lower.rfind(head).is_some_and(|at| lower.len() - at - head.len() <= MAX_INFLECTION)
        }
        (Some(head), None) => lower.ends_with(head),
        (None, Some(stem)) => lower.starts_with(stem),
        (None, None) => lower == pattern,
    }
}

/// A trigger found at a word: the entry and how many words it spans.
pub(crate) struct Hit {
    pub entry: &'static Entry,
    pub words: usize,
    /// Whether the trigger is a noun (a capitalised German word inside a
    /// sentence or a compound head, or an English form listed as a noun).
    pub nominal: bool,
}

/// An English participle between an article and its noun ("a disputed
/// area", "the banned airline") describes, it does not report an act.
fn is_attributive_participle(language: Language, words: &[Word], i: usize) -> bool {
    let syntax = crate::syntax::Syntax::get(language);
    language == Language::En
        && words[i].text.to_lowercase().ends_with("ed")
        && i > 0
        && syntax.articles.contains(&words[i - 1].text.to_lowercase())
}

/// The triggers that start at word `i`, longest first.
pub(crate) fn at(language: Language, words: &[Word], i: usize) -> Vec<Hit> {
    let mut hits = Vec::new();
    if is_attributive_participle(language, words, i) {
        return hits;
    }
    for entry in entries(language) {
        let forms = entry.forms.iter().map(|f| (f, false)).chain(entry.nouns.iter().map(|f| (f, true)));
        for (form, listed_noun) in forms {
            let parts: Vec<&str> = form.split(' ').collect();
            if i + parts.len() > words.len() {
                continue;
            }
            if parts.iter().zip(&words[i..]).all(|(p, w)| word_matches(p, w.text)) {
                let nominal = match language {
                    Language::En => {
                        listed_noun
                            || lexicon(language)
                                .noun_suffixes
                                .iter()
                                .any(|x| words[i].text.to_lowercase().ends_with(x.as_str()))
                    }
                    Language::De => {
                        parts.len() == 1
                            && crate::text::is_capitalised(words[i].text)
                            && (i > 0 || form.starts_with('*'))
                    }
                };
                hits.push(Hit { entry, words: parts.len(), nominal });
                break;
            }
        }
    }
    hits.sort_by_key(|h| std::cmp::Reverse(h.words));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_syntax() {
        assert!(word_matches("kritisier*", "kritisierte"));
        assert!(word_matches("*lieferung*", "Waffenlieferungen"));
        assert!(!word_matches("*lieferung*", "Lieferungsketten"));
        assert!(word_matches("*angriff*", "Angriff"));
        assert!(word_matches("met", "Met"));
        assert!(!word_matches("met", "metal"));
    }

    #[test]
    fn every_type_has_a_class() {
        for language in [Language::De, Language::En] {
            for entry in entries(language) {
                assert!(types().types.contains_key(&entry.event_type), "{:?}", entry.event_type);
            }
        }
    }
}
