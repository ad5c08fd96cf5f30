//! Language detection for German and English by counting function words
//! (data/languages.json). Ties and texts with no function word fall back to
//! English when the text is pure ASCII and to German otherwise.

use crate::lexicon::data_file;
use crate::model::Language;
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
    /// Keyed by the words' bytes, so that a word lower-cased on the stack
    /// needs no check that it is text.
    words: HashMap<&'static [u8], Belongs>,
    longest: usize,
}

fn function_words() -> &'static FunctionWords {
    static WORDS: OnceLock<FunctionWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: HashMap<&'static [u8], Belongs> = HashMap::default();
        for word in stopwords("de") {
            words.entry(word.as_bytes()).or_default().de = true;
        }
        for word in stopwords("en") {
            words.entry(word.as_bytes()).or_default().en = true;
        }
        let longest = words.keys().map(|w| w.len()).max().unwrap_or(0);
        FunctionWords { words, longest }
    })
}

/// The longest ASCII word lower-cased on the stack rather than in a new
/// string; longer ones (when the lists have such) take the general path.
const STACK_WORD: usize = 16;

/// The languages a word of the text belongs to as a function word.
fn belongs(words: &FunctionWords, word: &str) -> Belongs {
    let whole_word = || words.words.get(crate::text::lower(word).as_bytes()).copied().unwrap_or_default();
    let mut buffer = [0u8; STACK_WORD];
    if words.longest > STACK_WORD {
        return whole_word();
    }
    if word.is_ascii() {
        // An ASCII word keeps its length in lower case: one longer than
        // every function word is none of them.
        let Some(lower) = buffer.get_mut(..word.len()).filter(|_| word.len() <= words.longest) else {
            return Belongs::default();
        };
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return words.words.get(&*lower).copied().unwrap_or_default();
    }
    // Other words are lower-cased character by character, as `to_lowercase`
    // does, until they grow longer than every function word. A capital
    // sigma, whose lower case depends on its neighbours, is left to
    // `to_lowercase` itself.
    let mut length = 0;
    for c in word.chars() {
        if c == 'Σ' {
            return whole_word();
        }
        for lower in c.to_lowercase() {
            let end = length + lower.len_utf8();
            let Some(slot) = buffer.get_mut(length..end).filter(|_| end <= words.longest) else {
                return Belongs::default();
            };
            lower.encode_utf8(slot);
            length = end;
        }
    }
    buffer.get(..length).and_then(|lower| words.words.get(lower)).copied().unwrap_or_default()
}

/// The language the text is written in.
pub fn detect(text: &str) -> Language {
    let words = function_words();
    let (mut de_hits, mut en_hits) = (0usize, 0usize);
    for word in crate::text::word_iter(text, 0).take(5_000) {
        let Belongs { de, en } = belongs(words, word.text);
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
        for (word, de, en) in
            [("DER", true, false), ("Für", true, false), ("ÜBER", true, false), ("The", false, true)]
        {
            let found = belongs(words, word);
            assert_eq!((found.de, found.en), (de, en), "{word}");
        }
        for word in [
            "FÜR",
            "Über",
            "\u{212A}",
            "DIE\u{130}",
            "ΣDIE",
            "Straße",
            "STRAẞE",
            "wählen",
            "ÜBERALL",
            "für-die",
        ] {
            let expected = words.words.get(crate::text::lower(word).as_bytes()).copied().unwrap_or_default();
            let found = belongs(words, word);
            assert_eq!((found.de, found.en), (expected.de, expected.en), "{word}");
        }
        let none = belongs(words, "Bundesregierung");
        assert!(!none.de && !none.en);
    }
}
