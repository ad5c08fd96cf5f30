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

/// The German and the English function words (collected once): those of up
/// to [`SHORT`] bytes, nearly all, in a small open-addressed table keyed by
/// their bytes packed into a number, the others in a hash map; and the
/// length in bytes of the longest of them.
struct FunctionWords {
    /// At least twice as many slots as words, a power of two; `0` marks an
    /// empty slot.
    short: Vec<(u64, Belongs)>,
    long: HashMap<&'static str, Belongs>,
    longest: usize,
}

/// The longest function word kept in the packed table, in bytes: seven
/// bytes and the length fill a `u64`.
const SHORT: usize = 7;

/// A word of one to [`SHORT`] bytes packed into a number: its bytes and, in
/// the top byte, its length (so that no word packs to zero, the empty slot).
fn packed(word: &[u8]) -> Option<u64> {
    if word.len() > SHORT || word.is_empty() {
        return None;
    }
    let mut key = (word.len() as u64) << 56;
    for (i, &b) in word.iter().enumerate() {
        key |= u64::from(b) << (8 * i);
    }
    Some(key)
}

impl FunctionWords {
    fn new(words: &HashMap<&'static str, Belongs>) -> FunctionWords {
        let slots = (2 * words.len()).next_power_of_two().max(64);
        let mut table = FunctionWords {
            short: vec![(0, Belongs::default()); slots],
            long: HashMap::default(),
            longest: 0,
        };
        for (&word, &belongs) in words {
            table.longest = table.longest.max(word.len());
            let Some(key) = packed(word.as_bytes()) else {
                table.long.insert(word, belongs);
                continue;
            };
            let mut at = table.slot(key);
            while let Some(slot) = table.short.get_mut(at) {
                if slot.0 == 0 {
                    *slot = (key, belongs);
                    break;
                }
                at = (at + 1) & (slots - 1);
            }
        }
        table
    }

    /// The first slot to probe for a packed word.
    fn slot(&self, key: u64) -> usize {
        crate::bits::hashed_wide(key, self.short.len().trailing_zeros())
    }

    /// The languages a word of the text belongs to as a function word,
    /// given its lower-case form.
    fn belongs(&self, lower: &str) -> Belongs {
        if lower.len() > self.longest {
            return Belongs::default();
        }
        let Some(key) = packed(lower.as_bytes()) else {
            return self.long.get(lower).copied().unwrap_or_default();
        };
        let mut at = self.slot(key);
        // At most half the slots are taken, so an empty one ends every probe.
        while let Some(&(k, belongs)) = self.short.get(at) {
            if k == key {
                return belongs;
            }
            if k == 0 {
                break;
            }
            at = (at + 1) & (self.short.len() - 1);
        }
        Belongs::default()
    }
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
        FunctionWords::new(&words)
    })
}

/// The language the text is written in.
#[cfg(test)]
pub fn detect(text: &str) -> Language {
    detect_in(text, &ArticleWords::cut(text))
}

/// How many words of a text at most are counted.
const MOST_WORDS_READ: usize = 5_000;

/// Every how many words the count looks whether one language's lead is
/// already beyond reach.
const LEAD_LOOK_EVERY: usize = 16;

/// The language `text` is written in, told from its words (`words`, cut
/// from it) in lower case.
pub fn detect_in(text: &str, words: &ArticleWords) -> Language {
    let function_words = function_words();
    let (mut de_hits, mut en_hits) = (0usize, 0usize);
    let read = words.spans().len().min(MOST_WORDS_READ);
    for (i, word) in words.lower_forms(text).take(read).enumerate() {
        // Each word moves the lead by at most one, so a lead greater than
        // the words left to read decides the count already.
        if i % LEAD_LOOK_EVERY == 0 && de_hits.abs_diff(en_hits) > read - i {
            break;
        }
        let Belongs { de, en } = function_words.belongs(word);
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
    fn a_lead_beyond_reach_gives_what_the_whole_count_gives() {
        let words = function_words();
        let whole_count = |text: &str| {
            let cut = ArticleWords::cut(text);
            let (mut de, mut en) = (0, 0);
            for word in cut.lower_forms(text).take(MOST_WORDS_READ) {
                de += usize::from(words.belongs(word).de);
                en += usize::from(words.belongs(word).en);
            }
            match de.cmp(&en) {
                std::cmp::Ordering::Greater => Language::De,
                std::cmp::Ordering::Less => Language::En,
                std::cmp::Ordering::Equal if text.is_ascii() => Language::En,
                std::cmp::Ordering::Equal => Language::De,
            }
        };
        for (de, en, other) in
            [(40, 39, 0), (40, 40, 0), (39, 40, 3), (60, 20, 0), (20, 60, 10), (5_000, 4_990, 0)]
        {
            let text = format!("{} {} {}", "der ".repeat(de), "Truppe ".repeat(other), "the ".repeat(en));
            assert_eq!(detect(&text), whole_count(&text), "{de} {en} {other}");
        }
    }

    #[test]
    fn every_function_word_is_found_in_its_languages_and_no_other_word() {
        let words = function_words();
        let listed = |code: &str, w: &str| stopwords(code).any(|s| s == w);
        let others = ["", "a", "ab", "dies", "werdenx", "überall", "zwischen", "x-y", "1", "über1"];
        for word in stopwords("de").chain(stopwords("en")).chain(others) {
            let found = words.belongs(word);
            assert_eq!((found.de, found.en), (listed("de", word), listed("en", word)), "{word}");
        }
        assert!(words.short.iter().any(|&(k, _)| k == 0), "the table has an empty slot");
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
            let found: Vec<Belongs> = cut.lower_forms(text).map(|w| words.belongs(w)).collect();
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found.first().map(|b| (b.de, b.en)), Some((de, en)), "{text}");
        }
    }
}
