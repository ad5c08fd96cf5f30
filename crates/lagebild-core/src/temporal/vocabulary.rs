//! The calendar vocabulary of one language, read from `data/temporal/LANG.json`.

use crate::lexicon::data_file;
use crate::model::{DateModifier, Language};
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::collections::HashMap;

/// Month and weekday names, number words and relative words of one language.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct Vocabulary {
    pub months: HashMap<String, u32>,
    pub weekdays: HashMap<String, u32>,
    pub day_parts: Vec<String>,
    pub seasons: HashMap<String, String>,
    pub numbers: HashMap<String, u32>,
    pub units: HashMap<String, String>,
    pub part_modifiers: HashMap<String, String>,
    pub relative_days: HashMap<String, i64>,
    pub previous: Vec<String>,
    pub next: Vec<String>,
    pub current: Vec<String>,
    pub before_previous: Vec<String>,
    pub after_previous: Vec<String>,
    pub same: Vec<String>,
    pub since: Vec<String>,
    pub before: Vec<String>,
    pub approx: Vec<String>,
    pub every: Vec<String>,
    pub future_markers: WordSet,
    /// Month names that are also common words ("May", "March"): alone,
    /// they count only after a preposition or with a year or day.
    pub ambiguous_months: Vec<String>,
    /// Whether a bare four-digit number before a lower-case word is a year
    /// (German, where counted nouns are capitalised: "1939 kein Angriff"
    /// but "2000 Soldaten").
    #[serde(default)]
    pub year_before_lowercase: bool,
}

/// A word list of the vocabulary that is asked about every word of a
/// sentence: one hash probe instead of a comparison with each entry.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(from = "Vec<String>")]
pub(crate) struct WordSet {
    words: FxHashSet<String>,
    /// Bit `n` is set when an entry is `n` bytes long (bit 63: 63 or more).
    lengths: u64,
}

impl From<Vec<String>> for WordSet {
    fn from(list: Vec<String>) -> WordSet {
        let lengths = list.iter().fold(0, |bits, word| bits | WordSet::length_bit(word));
        WordSet { words: list.into_iter().collect(), lengths }
    }
}

impl WordSet {
    fn length_bit(word: &str) -> u64 {
        1 << word.len().min(63)
    }

    /// Whether the set holds the key of a word: what [`Vocabulary::lists`]
    /// answers for the same entries.
    pub fn holds(&self, word: &str) -> bool {
        if keeps_length_as_key(word) && self.lengths & WordSet::length_bit(word) == 0 {
            return false;
        }
        self.words.contains(Vocabulary::key(word).as_ref())
    }

    /// Whether the set holds `key`, a word's key already (for a word of the
    /// tokeniser, which has no space and no final dot, its lower case).
    pub fn holds_key(&self, key: &str) -> bool {
        self.lengths & WordSet::length_bit(key) != 0 && self.words.contains(key)
    }
}

/// Whether a word's key (see [`Vocabulary::key`]) is as long as the word: a
/// single ASCII word without a final dot.
fn keeps_length_as_key(word: &str) -> bool {
    word.is_ascii() && !word.ends_with('.') && !word.contains(char::is_whitespace)
}

data_file!(fn german() -> Vocabulary = "temporal/de.json");
data_file!(fn english() -> Vocabulary = "temporal/en.json");

/// A regex alternation of words, longest first, so that "Sept" wins over "Sep".
pub(crate) fn alternation<'a>(words: impl IntoIterator<Item = &'a String>) -> String {
    let mut words: Vec<&String> = words.into_iter().collect();
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    words.dedup();
    let escaped: Vec<String> =
        words.iter().map(|w| regex::escape(w).replace("\\ ", "\\s+").replace(' ', "\\s+")).collect();
    format!("(?:{})", escaped.join("|"))
}

impl Vocabulary {
    /// The vocabulary of a language.
    pub fn get(language: Language) -> &'static Vocabulary {
        match language {
            Language::De => german(),
            Language::En => english(),
        }
    }

    /// The form a word or phrase is listed under: lower case, without a
    /// final dot, single spaces. A single word without a dot (the common
    /// case) needs no new string when it is lower case already.
    fn key(word: &str) -> Cow<'_, str> {
        if !word.ends_with('.') && !word.contains(char::is_whitespace) {
            return crate::text::lower(word);
        }
        Cow::Owned(word.trim_end_matches('.').split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
    }

    /// Whether a list holds the key of a word.
    fn lists(list: &[String], word: &str) -> bool {
        // When no entry has the length of such a word's key, it needs no
        // lower-casing to be ruled out.
        if keeps_length_as_key(word) && !list.iter().any(|listed| listed.len() == word.len()) {
            return false;
        }
        let key = Self::key(word);
        list.iter().any(|listed| *listed == key)
    }

    /// The month (1–12) a name or abbreviation stands for.
    pub fn month(&self, word: &str) -> Option<u32> {
        self.months.get(Self::key(word).as_ref()).copied()
    }

    /// The weekday (1 = Monday) a name stands for, also as the first part of
    /// a compound with a part of the day ("Montagabend").
    pub fn weekday(&self, word: &str) -> Option<u32> {
        let key = Self::key(word);
        self.weekdays.get(key.as_ref()).copied().or_else(|| {
            self.day_parts
                .iter()
                .find_map(|part| key.strip_suffix(part.as_str()).and_then(|w| self.weekdays.get(w).copied()))
        })
    }

    /// A number given in digits or as a word.
    pub fn number(&self, word: &str) -> Option<u32> {
        word.parse().ok().or_else(|| self.numbers.get(Self::key(word).as_ref()).copied())
    }

    /// The unit a word names.
    pub fn unit(&self, word: &str) -> Option<super::Unit> {
        self.units.get(Self::key(word).as_ref()).and_then(|code| super::Unit::from_code(code))
    }

    /// The season code ("SU") a word names.
    pub fn season(&self, word: &str) -> Option<&'static str> {
        let code = self
            .seasons
            .get(Self::key(word).trim_end_matches('s'))
            .or_else(|| self.seasons.get(Self::key(word).as_ref()))?;
        ["SP", "SU", "FA", "WI"].into_iter().find(|c| c == code)
    }

    /// The modifier a word such as "Anfang" or "late" gives.
    pub fn modifier(&self, word: &str) -> Option<DateModifier> {
        let code = self.part_modifiers.get(Self::key(word).as_ref())?;
        Some(match code.as_str() {
            "START" => DateModifier::Start,
            "MID" => DateModifier::Mid,
            "END" => DateModifier::End,
            _ => return None,
        })
    }

    /// Whether the word shifts into the past ("vergangene", "last").
    pub fn is_previous(&self, word: &str) -> bool {
        Self::lists(&self.previous, word)
    }

    /// Whether the word shifts into the future ("kommende", "next").
    pub fn is_next(&self, word: &str) -> bool {
        Self::lists(&self.next, word)
    }

    /// Whether the word marks a future or scheduled event.
    pub fn is_future_marker(&self, word: &str) -> bool {
        self.future_markers.holds(word)
    }

    /// [`Vocabulary::is_future_marker`] for a word of the tokeniser given in
    /// lower case.
    pub fn is_future_marker_lower(&self, lower: &str) -> bool {
        self.future_markers.holds_key(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_set_answers_as_the_list_does() {
        let list: Vec<String> =
            ["wird", "geplant", "next week", "soon.", "übermorgen"].map(String::from).to_vec();
        let set = WordSet::from(list.clone());
        let long = "x".repeat(70);
        for word in
            ["wird", "WIRD", "Geplant", "geplan", "next  week", "Next week.", "soon", "Übermorgen", &long]
        {
            assert_eq!(set.holds(word), Vocabulary::lists(&list, word), "{word}");
        }
        assert!(set.holds("Wird") && set.holds("next week") && !set.holds("soon"));
    }
}
