//! Language detection for German and English by counting function words
//! (data/languages.json). Ties and texts with no function word fall back to
//! English when the text is pure ASCII and to German otherwise.

use crate::lexicon::data_file;
use crate::model::Language;
use rustc_hash::FxHashSet as HashSet;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(serde::Deserialize)]
struct Languages {
    stopwords: HashMap<String, Vec<String>>,
}

data_file!(fn languages() -> Languages = "languages.json");

fn stopwords(code: &str) -> HashSet<&'static str> {
    languages().stopwords.get(code).map(|v| v.iter().map(String::as_str).collect()).unwrap_or_default()
}

/// The German and the English function words, and the length in bytes of
/// the longest of them (collected once).
struct FunctionWords {
    de: HashSet<&'static str>,
    en: HashSet<&'static str>,
    longest: usize,
}

fn function_words() -> &'static FunctionWords {
    static WORDS: OnceLock<FunctionWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let (de, en) = (stopwords("de"), stopwords("en"));
        let longest = de.iter().chain(&en).map(|w| w.len()).max().unwrap_or(0);
        FunctionWords { de, en, longest }
    })
}

/// The language the text is written in.
pub fn detect(text: &str) -> Language {
    let FunctionWords { de, en, longest } = function_words();
    let (mut de_hits, mut en_hits) = (0usize, 0usize);
    for word in crate::text::word_iter(text, 0).take(5_000) {
        // An ASCII word keeps its length in lower case: one longer than
        // every function word is none of them.
        if word.text.len() > *longest && word.text.is_ascii() {
            continue;
        }
        let lower = crate::text::lower(word.text);
        de_hits += usize::from(de.contains(lower.as_ref()));
        en_hits += usize::from(en.contains(lower.as_ref()));
    }
    match de_hits.cmp(&en_hits) {
        std::cmp::Ordering::Greater => Language::De,
        std::cmp::Ordering::Less => Language::En,
        std::cmp::Ordering::Equal if text.is_ascii() => Language::En,
        std::cmp::Ordering::Equal => Language::De,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_german_from_english() {
        assert_eq!(detect("Die Europäische Union kritisierte die Stationierung der Truppen."), Language::De);
        assert_eq!(detect("The European Union condemned the deployment of the troops."), Language::En);
        assert_eq!(detect("NATO"), Language::En);
        assert_eq!(detect("Pjöngjang"), Language::De);
    }
}
