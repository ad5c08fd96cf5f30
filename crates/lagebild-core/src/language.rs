//! Language detection for German and English by counting function words
//! (data/languages.json). Ties and texts with no function word fall back to
//! English when the text is pure ASCII and to German otherwise.

use crate::lexicon::data_file;
use crate::model::Language;
use crate::sentence_words::ArticleWords;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

#[derive(serde::Deserialize)]
struct Languages {
    stopwords: std::collections::HashMap<String, Vec<String>>,
}

data_file!(fn languages() -> Languages = "languages.json");

fn stopwords(code: &str) -> impl Iterator<Item = &'static str> {
    languages().stopwords.get(code).into_iter().flatten().map(String::as_str)
}

/// Which languages a function word belongs to.
#[derive(Debug, Clone, Copy, Default)]
struct Belongs {
    de: bool,
    en: bool,
}

/// The German and the English function words, and the length in bytes of
/// the longest of them (collected once).
struct FunctionWords {
    words: HashMap<&'static str, Belongs>,
    longest: usize,
}

fn function_words() -> &'static FunctionWords {
    static WORDS: OnceLock<FunctionWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: HashMap<&'static str, Belongs> = HashMap::default();
        for word in stopwords("de") {
            words.entry(word).or_default().de = true;
        }
        for word in stopwords("en") {
            words.entry(word).or_default().en = true;
        }
        let longest = words.keys().map(|w| w.len()).max().unwrap_or(0);
        FunctionWords { words, longest }
    })
}

/// The languages a word of the text belongs to as a function word, given
/// its lower-case form.
fn belongs(words: &FunctionWords, lower: &str) -> Belongs {
    if lower.len() > words.longest {
        return Belongs::default();
    }
    words.words.get(lower).copied().unwrap_or_default()
}

/// The language the text is written in.
#[cfg(test)]
pub fn detect(text: &str) -> Language {
    detect_in(text, &ArticleWords::cut(text))
}

/// The language `text` is written in, told from its words (`words`, cut
/// from it) in lower case.
pub fn detect_in(text: &str, words: &ArticleWords) -> Language {
    let function_words = function_words();
    let (mut de_hits, mut en_hits) = (0usize, 0usize);
    for word in words.lower_forms(text).take(5_000) {
        let Belongs { de, en } = belongs(function_words, word);
        de_hits += usize::from(de);
        en_hits += usize::from(en);
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
        assert_eq!(detect("DIE Truppen FÜR die Ukraine, THE troops"), Language::De);
        assert_eq!(detect("The troops, ÜBER DIE Grenze"), Language::De);
    }

    #[test]
    fn a_function_word_counts_in_any_case() {
        let words = function_words();
        for (text, de, en) in [
            ("DER", true, false),
            ("Für", true, false),
            ("ÜBER", true, false),
            ("The", false, true),
            ("Bundesregierung", false, false),
            ("ÜBERALL", false, false),
        ] {
            let cut = ArticleWords::cut(text);
            let found: Vec<Belongs> = cut.lower_forms(text).map(|w| belongs(words, w)).collect();
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found.first().map(|b| (b.de, b.en)), Some((de, en)), "{text}");
        }
    }
}
