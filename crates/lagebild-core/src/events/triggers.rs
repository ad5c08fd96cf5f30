//! Trigger words as data: `data/events/LANG.json` (the words) and
//! `data/events/types.json` (each PLOVER type's quad class and intensity).
//! The form syntax is described in the data files' `_source`.

use crate::lexicon::data_file;
use crate::model::{EventType, Language, Quad};
use crate::text::Word;
use rustc_hash::FxHashMap;
use smallvec::SmallVec;
use std::borrow::Cow;
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

/// The compiled forms of a language, with an index from a word's first or
/// last two bytes to the forms whose first part could match it, so that a
/// word is tried against a handful of forms instead of all of them.
struct Compiled {
    forms: Vec<CompiledForm>,
    /// Forms whose first part starts with a literal, by its first two bytes.
    by_start: FxHashMap<[u8; 2], Vec<usize>>,
    /// Forms whose first part ends with a compound head, by the head's last two bytes.
    by_end: FxHashMap<[u8; 2], Vec<usize>>,
    /// Forms too short to index: tried at every word.
    always: Vec<usize>,
}

fn two(bytes: &[u8]) -> Option<[u8; 2]> {
    Some([*bytes.first()?, *bytes.get(1)?])
}

impl Compiled {
    fn new(forms: Vec<CompiledForm>) -> Compiled {
        let mut compiled = Compiled {
            forms: Vec::new(),
            by_start: FxHashMap::default(),
            by_end: FxHashMap::default(),
            always: Vec::new(),
        };
        for (k, form) in forms.iter().enumerate() {
            let key = match form.parts.first() {
                Some(Pattern::Exact(word) | Pattern::Prefix(word)) => two(word.as_bytes()).map(|k| (true, k)),
                Some(Pattern::Suffix(head) | Pattern::Head(head)) => {
                    head.len().checked_sub(2).and_then(|at| two(&head.as_bytes()[at..])).map(|k| (false, k))
                }
                None => None,
            };
            match key {
                Some((true, k2)) => compiled.by_start.entry(k2).or_default().push(k),
                Some((false, k2)) => compiled.by_end.entry(k2).or_default().push(k),
                None => compiled.always.push(k),
            }
        }
        compiled.forms = forms;
        compiled
    }

    /// The forms that may match at a word, in the lexicon's order (a word
    /// has a few dozen at most: they stay on the stack).
    fn candidates(&self, lower: &str) -> SmallVec<[usize; 32]> {
        let bytes = lower.as_bytes();
        let mut out: SmallVec<[usize; 32]> = SmallVec::from_slice(&self.always);
        // Each list is in the lexicon's order already: only several need sorting.
        let mut lists = usize::from(!self.always.is_empty());
        if let Some(start) = two(bytes).and_then(|k| self.by_start.get(&k)) {
            out.extend_from_slice(start);
            lists += 1;
        }
        for cut in 0..=MAX_INFLECTION {
            let end = bytes.len().checked_sub(cut + 2).and_then(|at| two(&bytes[at..]));
            if let Some(forms) = end.and_then(|k| self.by_end.get(&k)) {
                out.extend_from_slice(forms);
                lists += 1;
            }
        }
        if lists > 1 {
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
fn is_attributive_participle(language: Language, lower: &[Cow<str>], i: usize) -> bool {
    let syntax = crate::syntax::Syntax::get(language);
    let before = i.checked_sub(1).map(|j| lower[j].as_ref());
    language == Language::En
        && lower[i].ends_with("ed")
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
fn after_determiner(lower: &[Cow<str>], i: usize) -> bool {
    let syntax = crate::syntax::Syntax::get(Language::En);
    i.checked_sub(1).map(|j| lower[j].as_ref()).is_some_and(|before| {
        syntax.determiners.contains(before) || before.ends_with("'s") || before.ends_with("’s")
    })
}

/// The triggers that start at word `i`, longest first. `lower` holds the
/// sentence's words in lower case (see [`crate::text::lower`]), `words` as
/// written.
pub(crate) fn at(language: Language, words: &[Word], lower: &[Cow<str>], i: usize) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    if is_attributive_participle(language, lower, i) {
        return hits;
    }
    let compiled = compiled(language);
    for form in compiled.candidates(&lower[i]).into_iter().map(|k| &compiled.forms[k]) {
        let n = form.parts.len();
        if i + n > lower.len() {
            continue;
        }
        if let Some(last) = hits.last_mut().filter(|h| std::ptr::eq(h.entry, form.entry)) {
            // A listed noun of the same entry makes the hit a noun ("withdrawal", not "withdr*").
            if form.listed_noun
                && last.words == n
                && form.parts.iter().zip(&lower[i..]).all(|(p, w)| p.matches(w))
            {
                last.nominal = true;
            }
            continue;
        }
        // A German compound head ("*angriff*") names a noun: it must be capitalised.
        let noun_only = language == Language::De && form.compound_head;
        if noun_only && !crate::text::is_capitalised(words[i].text) {
            continue;
        }
        if form.parts.iter().zip(&lower[i..]).all(|(p, w)| p.matches(w)) {
            let nominal = match language {
                Language::En => {
                    form.listed_noun
                        || lexicon(language).noun_suffixes.iter().any(|x| lower[i].ends_with(x.as_str()))
                        || after_determiner(lower, i)
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
    fn candidates_come_in_the_lexicons_order_once_each() {
        for language in [Language::De, Language::En] {
            for word in ["angriffen", "kritisierte", "aaaa", "attacked", "withdrawal", "a", ""] {
                let found = compiled(language).candidates(word);
                assert!(found.windows(2).all(|pair| pair[0] < pair[1]), "{word}: {found:?}");
            }
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
