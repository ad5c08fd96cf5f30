//! The words of state descriptions, compiled once per language: the
//! determiners, state nouns and excluded words of
//! `data/gazetteer/state_descriptions.json`, and the regions and kinds of
//! `data/gazetteer/regions.json` with the adjectives, German compound parts
//! and modifiers that name them.

use crate::actors::endings::Endings;
use crate::actors::gazetteer::ByLanguage;
use crate::bits::{self, PairSet};
use crate::lexicon::data_file;
use crate::model::{Language, Span};
use crate::syntax::Syntax;
use crate::text::{self, Word};
use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
struct RegionEntry {
    #[serde(default)]
    adjectives: ByLanguage,
    #[serde(default)]
    compounds: ByLanguage,
    members: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct KindEntry {
    id: String,
    #[serde(default)]
    modifiers: ByLanguage,
    #[serde(default)]
    compounds: ByLanguage,
    members: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Regions {
    regions: Vec<RegionEntry>,
    kinds: Vec<KindEntry>,
}

#[derive(Debug, Deserialize)]
struct HeadEntry {
    forms: Vec<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    needs_region: bool,
    #[serde(default)]
    federal_sense: bool,
    #[serde(default)]
    takes_name: bool,
}

#[derive(Debug, Deserialize)]
struct Subnational {
    names: Vec<String>,
    words: Vec<String>,
}

/// The words of descriptions in one language, as the data file has them.
#[derive(Debug, Deserialize)]
struct DescriptionWords {
    determiners: Vec<String>,
    contractions: Vec<String>,
    heads: Vec<HeadEntry>,
    excluded_modifiers: Vec<String>,
    excluded_before: Vec<String>,
    excluded_after: Vec<String>,
    subnational: Subnational,
}

#[derive(Debug, Deserialize)]
pub(super) struct Descriptions {
    en: DescriptionWords,
    de: DescriptionWords,
}

data_file!(pub(super) fn regions() -> Regions = "gazetteer/regions.json");
data_file!(pub(super) fn descriptions() -> Descriptions = "gazetteer/state_descriptions.json");

/// A state noun.
#[derive(Debug, Clone, Copy)]
pub(super) struct Head {
    /// The kind it names ("kingdom"): index into [`Lexicon::members`].
    pub kind: Option<usize>,
    /// Whether it refers only with a region or kind before it.
    pub needs_region: bool,
    /// Whether it may also name a federal state (German "Land").
    pub federal_sense: bool,
    /// Whether a capitalised word right after it is a name in apposition
    /// ("die Republik Moldau"), so that it is no description.
    pub takes_name: bool,
}

/// The compiled description words of one language.
pub(super) struct Lexicon {
    language: Language,
    pub determiners: HashSet<String>,
    pub contractions: HashSet<String>,
    /// Head nouns as written.
    pub heads: HashMap<String, Head>,
    /// German heads as the end of a compound, lower case ("staat" in "Golfstaat").
    compound_heads: Vec<(String, Head)>,
    excluded_modifiers: HashSet<String>,
    pub excluded_before: HashSet<String>,
    pub excluded_after: HashSet<String>,
    pub subnational: HashSet<String>,
    /// English region adjectives and kind words as word sequences ("Middle",
    /// "Eastern"; "island").
    adjective_phrases: Vec<(Vec<String>, usize)>,
    /// German region adjective and kind word stems ("westafrikanisch", "jüdisch").
    adjective_stems: HashMap<String, Vec<usize>>,
    /// German first parts of compounds ("Golf", "Insel").
    compounds: HashMap<String, Vec<usize>>,
    /// Each region's or kind's member state ids.
    pub members: Vec<HashSet<String>>,
    /// Finds the nouns, also as the end of a compound, in any case.
    finder: Option<AhoCorasick>,
    /// The nouns as written and in lower case: a word that ends with none
    /// of them ends with no head (see [`Lexicon::nouns`]).
    noun_endings: Endings,
    /// The length of the shortest noun, in bytes.
    shortest_noun: usize,
    /// How the words [`Lexicon::head`] takes start: the first two bytes of
    /// the nouns and of the first parts of compounds.
    head_starts: PairBits,
}

/// The German adjective endings, longest first.
const GERMAN_ADJECTIVE_ENDINGS: [&str; 5] = ["en", "em", "er", "es", "e"];

impl Lexicon {
    pub fn get(language: Language) -> &'static Lexicon {
        static DE: OnceLock<Lexicon> = OnceLock::new();
        static EN: OnceLock<Lexicon> = OnceLock::new();
        match language {
            Language::De => DE.get_or_init(|| Lexicon::build(Language::De)),
            Language::En => EN.get_or_init(|| Lexicon::build(Language::En)),
        }
    }

    fn build(language: Language) -> Lexicon {
        let words = match language {
            Language::De => &descriptions().de,
            Language::En => &descriptions().en,
        };
        let set = |list: &[String]| list.iter().map(|w| w.to_lowercase()).collect::<HashSet<String>>();
        let mut lexicon = Lexicon {
            language,
            determiners: set(&words.determiners),
            contractions: set(&words.contractions),
            heads: HashMap::default(),
            compound_heads: Vec::new(),
            excluded_modifiers: set(&words.excluded_modifiers),
            excluded_before: set(&words.excluded_before),
            excluded_after: set(&words.excluded_after),
            subnational: words.subnational.names.iter().chain(&words.subnational.words).cloned().collect(),
            adjective_phrases: Vec::new(),
            adjective_stems: HashMap::default(),
            compounds: HashMap::default(),
            members: Vec::new(),
            finder: None,
            noun_endings: Endings::new(Vec::new()),
            shortest_noun: 0,
            head_starts: PairBits::default(),
        };
        for region in &regions().regions {
            let index = lexicon.add_members(&region.members);
            lexicon.add_adjectives(region.adjectives.get(language), index);
            for prefix in region.compounds.get(language) {
                lexicon.compounds.entry(prefix.clone()).or_default().push(index);
            }
        }
        let mut kinds = HashMap::default();
        for kind in &regions().kinds {
            let index = lexicon.add_members(&kind.members);
            kinds.insert(kind.id.as_str(), index);
            // Words that name a kind work like a region's adjectives
            // ("the island nation", "the Jewish state", "der jüdische Staat").
            lexicon.add_adjectives(kind.modifiers.get(language), index);
            for prefix in kind.compounds.get(language) {
                lexicon.compounds.entry(prefix.clone()).or_default().push(index);
            }
        }
        for entry in &words.heads {
            // A head whose kind regions.json lacks would mean any state: it is
            // left out (`tests::every_head_kind_is_known` guards the data).
            let kind = match &entry.kind {
                Some(id) => match kinds.get(id.as_str()) {
                    Some(&index) => Some(index),
                    None => continue,
                },
                None => None,
            };
            let head = Head {
                kind,
                needs_region: entry.needs_region,
                federal_sense: entry.federal_sense,
                takes_name: entry.takes_name,
            };
            for form in &entry.forms {
                lexicon.heads.insert(form.clone(), head);
                if language == Language::De {
                    lexicon.compound_heads.push((form.to_lowercase(), head));
                }
            }
        }
        let mut nouns: Vec<String> = lexicon.heads.keys().map(|form| form.to_lowercase()).collect();
        nouns.sort();
        nouns.dedup();
        lexicon.noun_endings = Endings::new(lexicon.heads.keys().chain(&nouns).cloned().collect());
        lexicon.shortest_noun = nouns.iter().map(String::len).min().unwrap_or(0);
        for start in lexicon.heads.keys().chain(lexicon.compounds.keys()) {
            lexicon.head_starts.add(start.as_bytes());
        }
        // The nouns are embedded data; should they not build, no description
        // is found (`tests::every_head_kind_is_known` guards them).
        lexicon.finder = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&nouns)
            .ok();
        lexicon
    }

    /// Where a state noun may stand in `words` (the words of a text, in
    /// text order), also inside a word: of what the automaton finds run over
    /// the whole text, at least every match where a run of letters ends
    /// whose text [`Lexicon::head`] can take. The caller checks where it ends
    /// and what the word is.
    ///
    /// The nouns are letters only, so no match runs across two words, and
    /// the automaton is run over the few words where such a match can end:
    /// [`Lexicon::head`] takes a word that ends with a noun as written or, in
    /// German, in lower case; and a run of letters ends inside a word only
    /// before a hyphen or an apostrophe ("Landes-", "country's"; a dot or
    /// comma joins only digits), where the run, the word's first, must
    /// start as a noun or the first part of a compound does (see
    /// [`Lexicon::may_start_head`]).
    pub fn nouns(&self, words: &[Word]) -> Vec<Span> {
        let mut out = Vec::new();
        let Some(finder) = &self.finder else { return out };
        for word in words {
            let bytes = word.text.as_bytes();
            let may_hold = |bytes: &[u8]| {
                self.noun_endings.any(word.text, |_, _| true)
                    || self.may_start_head(bytes) && has_joiner_after(bytes, self.shortest_noun)
            };
            if bytes.len() < self.shortest_noun || !may_hold(bytes) {
                continue;
            }
            let base = word.span.0;
            out.extend(finder.find_iter(word.text).map(|m| Span(base + m.start(), base + m.end())));
        }
        out
    }

    /// Whether a word may start with a word [`Lexicon::head`] takes. A
    /// description looks back [`super::LOOKBACK_BYTES`] at most, so in a
    /// longer word it may start inside: such a word always may.
    fn may_start_head(&self, word: &[u8]) -> bool {
        word.len() > super::LOOKBACK_BYTES || self.head_starts.may_start(word)
    }

    fn add_members(&mut self, members: &[String]) -> usize {
        self.members.push(members.iter().cloned().collect());
        self.members.len() - 1
    }

    fn add_adjectives(&mut self, adjectives: &[String], index: usize) {
        for adjective in adjectives {
            match self.language {
                Language::En => {
                    let phrase = adjective.split_whitespace().map(str::to_string).collect();
                    self.adjective_phrases.push((phrase, index));
                }
                Language::De => self.adjective_stems.entry(adjective.to_lowercase()).or_default().push(index),
            }
        }
    }

    /// The head a word is, if it is one: the noun itself ("Land", "country's")
    /// or, in German, a compound whose first part names a region or kind
    /// ("Golfstaat"); then also the constraints of that first part.
    pub fn head(&self, word: &str) -> Option<(Head, Vec<usize>)> {
        let word = strip_possessive(word);
        if let Some(&head) = self.heads.get(word) {
            // English nouns are lower case: "the Islamic State" is a name.
            let fits_case = self.language == Language::De || !text::is_capitalised(word);
            return fits_case.then(|| (head, Vec::new()));
        }
        if self.language != Language::De || !text::is_capitalised(word) {
            return None;
        }
        self.compound_heads.iter().find_map(|(tail, head)| {
            let prefix = word.strip_suffix(tail.as_str())?;
            let constraints = self.compounds.get(prefix)?;
            Some((*head, constraints.clone()))
        })
    }

    /// The constraints the modifiers put on the state, or `None` when one of
    /// them rules the description out (an excluded or unknown capitalised
    /// word, a number, a function word: "the resident of another country",
    /// "this country", "sein Land").
    pub fn constraints_of(&self, modifiers: &[Word], syntax: &Syntax) -> Option<Vec<usize>> {
        let mut out = Vec::new();
        let mut covered = vec![false; modifiers.len()];
        if self.language == Language::En {
            let mut at = 0;
            while at < modifiers.len() {
                let longest = self
                    .adjective_phrases
                    .iter()
                    .filter(|(phrase, _)| {
                        modifiers.get(at..at + phrase.len()).is_some_and(|words| {
                            words.iter().zip(phrase).all(|(w, p)| strip_possessive(w.text) == p)
                        })
                    })
                    .max_by_key(|(phrase, _)| phrase.len());
                match longest {
                    Some((phrase, index)) => {
                        out.push(*index);
                        covered.iter_mut().skip(at).take(phrase.len()).for_each(|c| *c = true);
                        at += phrase.len();
                    }
                    None => at += 1,
                }
            }
        }
        for (word, covered) in modifiers.iter().zip(covered) {
            if covered {
                continue;
            }
            if text::is_capitalised(word.text) || word.text.chars().any(|c| c.is_ascii_digit()) {
                return None;
            }
            let lower = word.text.to_lowercase();
            if self.excluded_modifiers.contains(&lower) || syntax.is_function_word(&lower) {
                return None;
            }
            if self.language == Language::De {
                let stem = german_stem(&lower);
                if self.excluded_modifiers.contains(stem) {
                    return None;
                }
                if let Some(indices) = self.adjective_stems.get(stem) {
                    out.extend(indices);
                }
            }
        }
        Some(out)
    }

    /// Whether a state id fits every constraint.
    pub fn fits(&self, constraints: &[usize], id: &str) -> bool {
        constraints.iter().all(|&c| self.members.get(c).is_some_and(|m| m.contains(id)))
    }
}

/// The first two bytes of words, as a bit set (see [`bits::pair`]).
#[derive(Default)]
struct PairBits {
    bits: PairSet,
    /// Whether a word of fewer than two bytes was added: then every word may start so.
    any: bool,
}

impl PairBits {
    fn add(&mut self, word: &[u8]) {
        match word {
            [first, second, ..] => self.bits.insert(bits::pair(*first, *second)),
            _ => self.any = true,
        }
    }

    /// Whether `word` starts as an added word does.
    fn may_start(&self, word: &[u8]) -> bool {
        let [first, second, ..] = word else { return self.any };
        self.any || self.bits.contains(bits::pair(*first, *second))
    }
}

/// Whether a word has a hyphen or an apostrophe ("’" by its first byte)
/// inside, at `from` or later.
fn has_joiner_after(word: &[u8], from: usize) -> bool {
    let inner = word.get(from..word.len().saturating_sub(1)).unwrap_or_default();
    inner.iter().any(|&b| matches!(b, b'-' | b'\'' | 0xE2))
}

/// "country's" → "country".
pub(super) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

/// A German adjective without its ending ("westafrikanischen" → "westafrikanisch").
fn german_stem(lower: &str) -> &str {
    GERMAN_ADJECTIVE_ENDINGS.iter().find_map(|e| lower.strip_suffix(e)).unwrap_or(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_head_kind_is_known() {
        let kinds: HashSet<&str> = regions().kinds.iter().map(|k| k.id.as_str()).collect();
        for words in [&descriptions().en, &descriptions().de] {
            for head in &words.heads {
                assert!(head.kind.as_deref().is_none_or(|k| kinds.contains(k)), "{:?}", head.kind);
            }
        }
        for language in [Language::De, Language::En] {
            let lexicon = Lexicon::get(language);
            assert!(!lexicon.heads.is_empty() && !lexicon.members.is_empty() && lexicon.finder.is_some());
        }
    }

    #[test]
    fn nouns_are_found_in_the_words_as_in_the_whole_text() {
        let text = "Das LAND, des Landes-Chefs Landstaat; the country's Nation-state, \
                    Deutschland und Emiratstaat im KÖNIGREICH Königreichs. 3.Land x'land 'Staat’s'";
        for language in [Language::De, Language::En] {
            let lexicon = Lexicon::get(language);
            let Some(finder) = &lexicon.finder else { panic!("no finder") };
            let whole: Vec<Span> = finder
                .find_iter(text)
                .map(|m| Span(m.start(), m.end()))
                .filter(|span| text::word_ends_at(text, span.1))
                .collect();
            let words = text::words(text, 0);
            let head = |span: &Span| {
                let word = text::words(&text[..span.1], 0).last().map_or("", |w| w.text);
                text::word_ends_at(text, span.1) && lexicon.head(word).is_some()
            };
            let in_words: Vec<Span> = lexicon.nouns(&words).into_iter().filter(head).collect();
            assert_eq!(in_words, whole.iter().copied().filter(head).collect::<Vec<_>>(), "{language:?}");
            assert!(whole.len() >= 3, "{whole:?}");
        }
    }

    #[test]
    fn every_member_is_a_known_state() {
        let gazetteer = crate::actors::gazetteer::Gazetteer::get(Language::En);
        let members =
            regions().regions.iter().map(|r| &r.members).chain(regions().kinds.iter().map(|k| &k.members));
        for id in members.flatten() {
            assert!(gazetteer.index(id).is_some(), "{id}");
        }
    }
}
