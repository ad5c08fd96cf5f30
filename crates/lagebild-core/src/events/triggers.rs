//! Trigger words as data: `data/events/LANG.json` (the words) and
//! `data/events/types.json` (each PLOVER type's quad class and intensity).
//! The form syntax is described in the data files' `_source`.

use super::tokens::Token;
use crate::bits::{self, PairSet};
use crate::lexicon::data_file;
use crate::model::{EventType, Language, Quad};
use smallvec::SmallVec;
use std::collections::HashMap;
use std::sync::OnceLock;

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
    /// A verb of saying: an event only through what is said (see `events::speech_event`).
    #[serde(default)]
    pub speech: bool,
    /// The type the act takes when it is denied ("erkennen … nicht an": a
    /// rejection); the denial is then what is asserted.
    #[serde(default)]
    pub refused_as: Option<EventType>,
    /// The type the act takes when its source has not used force against
    /// its target (see `events::partners`).
    #[serde(default)]
    pub among_partners: Option<EventType>,
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

/// The shortest first part of a compound: "Luft-angriff", "Waffen-lieferung",
/// but not "V-ermittlung" (Vermittlung) or "An-forderung" (Anforderung).
const MIN_COMPOUND_PREFIX: usize = 3;

/// Whether what stands before a compound head makes a compound: nothing, or
/// a word of its own.
fn is_compound_prefix(rest: &str) -> bool {
    rest.is_empty() || rest.chars().count() >= MIN_COMPOUND_PREFIX
}

/// One word of a form, compiled from the form syntax.
#[derive(Debug)]
enum Pattern {
    /// `word`
    Exact(String),
    /// `stem*`
    Prefix(String),
    /// `*head`
    Suffix(String),
    /// `*head*`
    Head(String),
}

impl Pattern {
    fn parse(pattern: &str) -> Pattern {
        match (pattern.strip_prefix('*'), pattern.strip_suffix('*')) {
            (Some(inner), Some(_)) => Pattern::Head(inner.trim_end_matches('*').to_string()),
            (Some(head), None) => Pattern::Suffix(head.to_string()),
            (None, Some(stem)) => Pattern::Prefix(stem.to_string()),
            (None, None) => Pattern::Exact(pattern.to_string()),
        }
    }

    /// Whether a lower-case word matches.
    fn matches(&self, lower: &str) -> bool {
        match self {
            Pattern::Exact(word) => lower == word,
            Pattern::Prefix(stem) => lower.starts_with(stem.as_str()),
            Pattern::Suffix(head) => lower.strip_suffix(head.as_str()).is_some_and(is_compound_prefix),
            Pattern::Head(head) => (0..=MAX_INFLECTION).any(|cut| {
                lower.len() >= head.len() + cut
                    && lower.is_char_boundary(lower.len() - cut)
                    && lower[..lower.len() - cut].strip_suffix(head.as_str()).is_some_and(is_compound_prefix)
            }),
        }
    }
}

/// A form ready to match: its words' patterns and what it is.
#[derive(Debug)]
struct CompiledForm {
    entry: &'static Entry,
    parts: Vec<Pattern>,
    listed_noun: bool,
    compound_head: bool,
}

fn compile(language: Language) -> Vec<CompiledForm> {
    let mut out = Vec::new();
    for entry in entries(language) {
        let forms = entry.forms.iter().map(|f| (f, false)).chain(entry.nouns.iter().map(|f| (f, true)));
        for (form, listed_noun) in forms {
            let parts = form.split(' ').map(Pattern::parse).collect();
            out.push(CompiledForm { entry, parts, listed_noun, compound_head: form.starts_with('*') });
        }
    }
    out
}

/// The bytes of keys in a trie: a word walked along it meets every key that
/// is a prefix of it, in one step per byte. Most words of a text begin no
/// key at all, so the trie first asks its [`Beginnings`] and walks only the
/// words that pass.
struct Trie {
    /// The node each byte leads to from the root (0: none; the root is node 0).
    root: Box<[u32; 256]>,
    /// The children of every node, by byte.
    children: Vec<Vec<(u8, u32)>>,
    /// The forms whose key ends at a node.
    forms: Vec<Vec<usize>>,
    beginnings: Beginnings,
}

impl Default for Trie {
    fn default() -> Trie {
        Trie {
            root: Box::new([0; 256]),
            children: vec![Vec::new()],
            forms: vec![Vec::new()],
            beginnings: Beginnings::default(),
        }
    }
}

/// How the keys of a trie begin, as sets of 65,536 bits: the first two
/// bytes of every key; the keys of two bytes as they are, the keys of three
/// and the first four bytes of longer ones hashed. A word that begins none
/// of them is a prefix of no key and need not be walked; a hash collision
/// only lets a word through.
#[derive(Default)]
struct Beginnings {
    /// The first two bytes of the keys: most words are turned away by this
    /// one look.
    pairs: PairSet,
    /// By the length of the beginning, from two bytes to [`BEGINNING`]; a
    /// set without beginnings is empty and lets no word through.
    sets: [PairSet; 3],
    /// Whether a key is shorter than two bytes (then every word may begin one).
    tiny_keys: bool,
}

/// The longest beginning kept of a key, in bytes.
const BEGINNING: usize = 4;

/// The place of a beginning of three or four bytes (read little-endian)
/// in its set.
fn hashed(beginning: u32) -> usize {
    bits::hashed(beginning, PairSet::BITS_LOG2)
}

impl Beginnings {
    /// Whether the place is in set `set`.
    fn holds(&self, set: usize, place: usize) -> bool {
        self.sets.get(set).is_some_and(|bits| bits.contains(place))
    }

    /// Adds a key's beginning (a key shorter than two bytes lets every word pass).
    fn add(&mut self, key: impl Iterator<Item = u8>) {
        let beginning: SmallVec<[u8; BEGINNING]> = key.take(BEGINNING).collect();
        let value = beginning.iter().rev().fold(0_u32, |value, &byte| value << 8 | u32::from(byte));
        let (set, place) = match beginning.len() {
            0 | 1 => {
                self.tiny_keys = true;
                return;
            }
            2 => (0, value as usize),
            length => (length - 2, hashed(value)),
        };
        if let Some(bits) = self.sets.get_mut(set) {
            bits.insert(place);
        }
        self.pairs.insert((value & 0xFFFF) as usize);
    }

    /// Whether a word may begin with one of the keys.
    #[inline]
    fn may_begin(&self, mut bytes: impl Iterator<Item = u8>) -> bool {
        if self.tiny_keys {
            return true;
        }
        let (Some(a), Some(b)) = (bytes.next(), bytes.next()) else { return false };
        let mut beginning = u32::from(a) | u32::from(b) << 8;
        if !self.pairs.contains(beginning as usize) {
            return false;
        }
        if self.holds(0, beginning as usize) {
            return true;
        }
        let Some(c) = bytes.next() else { return false };
        beginning |= u32::from(c) << 16;
        if self.holds(1, hashed(beginning)) {
            return true;
        }
        bytes.next().is_some_and(|d| self.holds(2, hashed(beginning | u32::from(d) << 24)))
    }
}

impl Trie {
    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        let child = if node == 0 {
            self.root[usize::from(byte)]
        } else {
            let children = self.children.get(node as usize)?;
            children.iter().find(|(b, _)| *b == byte).map_or(0, |(_, child)| *child)
        };
        (child != 0).then_some(child)
    }

    fn insert(&mut self, key: impl Iterator<Item = u8> + Clone, form: usize) {
        self.beginnings.add(key.clone());
        let mut node = 0;
        for byte in key {
            node = match self.child(node, byte) {
                Some(child) => child,
                None => {
                    let fresh = u32::try_from(self.forms.len()).unwrap_or(u32::MAX);
                    self.forms.push(Vec::new());
                    self.children.push(Vec::new());
                    if node == 0 {
                        self.root[usize::from(byte)] = fresh;
                    } else if let Some(children) = self.children.get_mut(node as usize) {
                        children.push((byte, fresh));
                    }
                    fresh
                }
            };
        }
        if let Some(forms) = self.forms.get_mut(node as usize) {
            forms.push(form);
        }
    }

    /// Adds the forms of every key that is a prefix of `bytes` (the empty
    /// one included) to `out`.
    fn walk(&self, bytes: impl Iterator<Item = u8> + Clone, out: &mut SmallVec<[usize; 16]>) {
        if !self.beginnings.may_begin(bytes.clone()) {
            return;
        }
        let mut collect = |node: u32| {
            if let Some(forms) = self.forms.get(node as usize).filter(|forms| !forms.is_empty()) {
                out.extend_from_slice(forms);
            }
        };
        let mut node = 0;
        collect(node);
        for byte in bytes {
            let Some(child) = self.child(node, byte) else { return };
            node = child;
            collect(node);
        }
    }
}

/// The compiled forms of a language, with their first words' keys in two
/// tries: literal beginnings (`word`, `stem*`) forwards and compound heads
/// (`*head`, `*head*`) backwards, so that a word is tried only against the
/// forms whose first word could match it.
struct Compiled {
    forms: Vec<CompiledForm>,
    starts: Trie,
    heads: Trie,
}

impl Compiled {
    fn new(forms: Vec<CompiledForm>) -> Compiled {
        let mut starts = Trie::default();
        let mut heads = Trie::default();
        for (k, form) in forms.iter().enumerate() {
            match form.parts.first() {
                Some(Pattern::Exact(word) | Pattern::Prefix(word)) => starts.insert(word.bytes(), k),
                Some(Pattern::Suffix(head) | Pattern::Head(head)) => heads.insert(head.bytes().rev(), k),
                None => starts.insert(std::iter::empty(), k),
            }
        }
        Compiled { forms, starts, heads }
    }

    /// Whether a lower-case word may match the first word of a form (of a
    /// compound head's form only where `heads`): most words are turned away
    /// here, before any walk.
    #[inline]
    fn may_match(&self, lower: &str, heads: bool) -> bool {
        let bytes = lower.as_bytes();
        self.starts.beginnings.may_begin(bytes.iter().copied())
            || heads
                && (0..=MAX_INFLECTION.min(bytes.len())).any(|cut| {
                    self.heads.beginnings.may_begin(bytes[..bytes.len() - cut].iter().rev().copied())
                })
    }

    /// The forms whose first word matches a lower-case word (of a compound
    /// head's form only where `heads`), in the lexicon's order.
    fn candidates(&self, lower: &str, heads: bool) -> SmallVec<[usize; 16]> {
        let bytes = lower.as_bytes();
        let mut out: SmallVec<[usize; 16]> = SmallVec::new();
        self.starts.walk(bytes.iter().copied(), &mut out);
        // A compound head may be followed by an inflection ("Angriff-en").
        let cuts = if heads { MAX_INFLECTION.min(bytes.len()) + 1 } else { 0 };
        for cut in 0..cuts {
            self.heads.walk(bytes[..bytes.len() - cut].iter().rev().copied(), &mut out);
        }
        if !out.is_empty() {
            out.retain(|k| self.forms[*k].parts.first().is_some_and(|p| p.matches(lower)));
            out.sort_unstable();
            out.dedup();
        }
        out
    }
}

fn compiled(language: Language) -> &'static Compiled {
    static DE: OnceLock<Compiled> = OnceLock::new();
    static EN: OnceLock<Compiled> = OnceLock::new();
    match language {
        Language::De => DE.get_or_init(|| Compiled::new(compile(Language::De))),
        Language::En => EN.get_or_init(|| Compiled::new(compile(Language::En))),
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

/// An English participle after an article or a preposition ("a disputed
/// area", "over disputed waters", "the banned airline") describes a noun, it
/// does not report an act.
fn is_attributive_participle(language: Language, words: &[Token], i: usize) -> bool {
    let syntax = crate::syntax::Syntax::get(language);
    let before = i.checked_sub(1).map(|j| words[j].lower());
    language == Language::En
        && words[i].lower().ends_with("ed")
        && before.is_some_and(|w| {
            syntax.articles.contains(w)
                || [
                    &syntax.locative,
                    &syntax.target,
                    &syntax.with,
                    &syntax.destination,
                    &syntax.of,
                    &syntax.other_prepositions,
                ]
                .iter()
                .any(|class| class.contains(w))
        })
}

/// Whether an English word stands right after a determiner or a possessive
/// ("the attack", "Monday's attack"): then it is a noun, whatever else it
/// could be.
fn after_determiner(words: &[Token], i: usize) -> bool {
    let syntax = crate::syntax::Syntax::get(Language::En);
    i.checked_sub(1).map(|j| words[j].lower()).is_some_and(|before| {
        syntax.determiners.contains(before) || before.ends_with("'s") || before.ends_with("’s")
    })
}

/// The triggers that start at word `i` of a sentence's words, longest first.
/// Most words start none and are turned away here, before any other work.
#[inline]
pub(super) fn at(language: Language, words: &[Token], i: usize) -> Vec<Hit> {
    let compiled = compiled(language);
    let heads = may_be_compound_noun(language, &words[i]);
    if !compiled.may_match(words[i].lower(), heads) {
        return Vec::new();
    }
    matching(compiled, language, words, i, heads)
}

/// Whether a word may be matched by a compound head's form (`*angriff*`):
/// in German such a form names a noun, and a noun is capitalised.
fn may_be_compound_noun(language: Language, word: &Token) -> bool {
    language != Language::De || crate::text::is_capitalised(word.text)
}

/// The triggers of the forms whose first word may match word `i`.
#[inline(never)]
fn matching(compiled: &Compiled, language: Language, words: &[Token], i: usize, heads: bool) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    let candidates = compiled.candidates(words[i].lower(), heads);
    if candidates.is_empty() || is_attributive_participle(language, words, i) {
        return hits;
    }
    for form in candidates.into_iter().map(|k| &compiled.forms[k]) {
        let n = form.parts.len();
        if i + n > words.len() {
            continue;
        }
        if form.compound_head && !heads {
            continue;
        }
        if let Some(last) = hits.last_mut().filter(|h| std::ptr::eq(h.entry, form.entry)) {
            // A listed noun of the same entry makes the hit a noun ("withdrawal", not "withdr*").
            if form.listed_noun
                && last.words == n
                && form.parts.iter().zip(&words[i..]).all(|(p, w)| p.matches(w.lower()))
            {
                last.nominal = true;
            }
            continue;
        }
        if form.parts.iter().zip(&words[i..]).all(|(p, w)| p.matches(w.lower())) {
            let nominal = match language {
                Language::En => {
                    form.listed_noun
                        || lexicon(language)
                            .noun_suffixes
                            .iter()
                            .any(|x| words[i].lower().ends_with(x.as_str()))
                        || after_determiner(words, i)
                }
                Language::De => {
                    n == 1 && crate::text::is_capitalised(words[i].text) && (i > 0 || form.compound_head)
                }
            };
            hits.push(Hit { entry: form.entry, words: n, nominal });
        }
    }
    hits.sort_by_key(|h| std::cmp::Reverse(h.words));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_matches(pattern: &str, word: &str) -> bool {
        Pattern::parse(pattern).matches(&word.to_lowercase())
    }

    #[test]
    fn the_form_syntax() {
        assert!(word_matches("kritisier*", "kritisierte"));
        assert!(word_matches("*lieferung*", "Waffenlieferungen"));
        assert!(!word_matches("*lieferung*", "Lieferungsketten"));
        assert!(!word_matches("*ermittlung*", "Vermittlung"));
        assert!(word_matches("*angriff*", "Luftangriffe"));
        assert!(word_matches("*angriff*", "Angriff"));
        assert!(word_matches("met", "Met"));
        assert!(!word_matches("met", "metal"));
    }

    #[test]
    fn a_walk_meets_every_key_that_begins_the_word() {
        // With the empty key (every word is walked), with keys shorter than
        // a beginning, and with long keys only (then the beginnings turn
        // most words away before the walk).
        let with_empty = ["", "an", "angriff", "angst", "b", "ver", "verurteil", "ü"];
        let with_short = ["an", "angriff", "angst", "ver", "verurteil", "zoll", "ü"];
        let long_only = ["angriff", "angst", "verurteil", "zoll", "übung"];
        for keys in [&with_empty[..], &with_short[..], &long_only[..]] {
            let mut trie = Trie::default();
            for (k, key) in keys.iter().enumerate() {
                trie.insert(key.bytes(), k);
            }
            for word in [
                "angriffe",
                "angst",
                "an",
                "a",
                "ver",
                "verurteilte",
                "zol",
                "zoll",
                "zolles",
                "übung",
                "ü",
                "zeit",
                "b",
                "",
            ] {
                let mut found: SmallVec<[usize; 16]> = SmallVec::new();
                trie.walk(word.bytes(), &mut found);
                let expected: Vec<usize> = (0..keys.len()).filter(|&k| word.starts_with(keys[k])).collect();
                assert_eq!(found.to_vec(), expected, "{word}");
            }
        }
    }

    #[test]
    fn candidates_come_in_the_lexicons_order_once_each() {
        for language in [Language::De, Language::En] {
            for word in ["angriffen", "kritisierte", "aaaa", "attacked", "withdrawal", "a", ""] {
                let found = compiled(language).candidates(word, true);
                assert!(found.windows(2).all(|pair| pair[0] < pair[1]), "{word}: {found:?}");
            }
        }
    }

    #[test]
    fn only_words_without_candidates_are_turned_away() {
        for language in [Language::De, Language::En] {
            let compiled = compiled(language);
            let keys = compiled.forms.iter().filter_map(|f| match f.parts.first() {
                Some(Pattern::Exact(w) | Pattern::Prefix(w) | Pattern::Suffix(w) | Pattern::Head(w)) => {
                    Some(w)
                }
                None => None,
            });
            let mut words: Vec<String> =
                ["", "a", "in", "an", "die", "zeit", "und", "the", "of"].map(String::from).to_vec();
            for key in keys {
                words.extend([
                    key.clone(),
                    format!("{key}en"),
                    format!("luft{key}"),
                    format!("{key}s"),
                    key.chars().skip(1).collect(),
                ]);
            }
            for word in &words {
                for heads in [true, false] {
                    let found = compiled.candidates(word, heads);
                    assert!(compiled.may_match(word, heads) || found.is_empty(), "{word}: {found:?}");
                }
            }
            assert!(words.iter().filter(|w| !compiled.candidates(w, true).is_empty()).count() > 100);
        }
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
