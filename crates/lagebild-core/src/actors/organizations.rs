//! Organisations the gazetteer does not know, found by the head noun that
//! ends their name ("Federal Aviation Office", "City University Student
//! Union", "Verteidigungsministerium", "Bundesamt für Verfassungsschutz").
//! Head nouns are data: `data/gazetteer/organization_heads.json`.
//!
//! An organisation acts for the state or body named right before it ("die
//! georgische Wahlkommission", "Russia's Defence Ministry", "US-Außenministerium")
//! or in an "of" phrase after it ("the Ministry of Defence of Ukraine").

use super::endings::Endings;
use super::gazetteer::{FormRole, Gazetteer};
use super::people::slug;
use super::tails::TailBits;
use super::Collector;
use crate::lexicon::data_file;
use crate::model::{ActorKind, Language, Span};
use crate::sentence_words::{Sentence, SentenceWords};
use crate::syntax::Syntax;
use crate::text::{self, Word};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

#[derive(Debug, serde::Deserialize)]
struct Heads {
    words: Vec<String>,
    suffixes: Vec<String>,
    /// Common nouns followed by an organisation's own name.
    introducers: Vec<String>,
    /// Endings that do not tell an organisation apart ("Air", "AG").
    generic_endings: Vec<String>,
}

#[derive(Debug, serde::Deserialize)]
struct OrganizationHeads {
    de: Heads,
    en: Heads,
}

data_file!(fn heads() -> OrganizationHeads = "gazetteer/organization_heads.json");

fn heads_of(language: Language) -> &'static Heads {
    match language {
        Language::De => &heads().de,
        Language::En => &heads().en,
    }
}

/// The head nouns and introducers of a language, indexed for looking words up.
struct HeadIndex {
    heads: &'static Heads,
    /// `heads.words`, for exact lookups.
    words: FxHashSet<&'static str>,
    /// The last bytes of `heads.words`, a quick test before the look-up.
    word_tails: TailBits,
    /// `heads.suffixes`, by ending.
    suffixes: Endings,
    /// `heads.introducers` in lower case, by ending, at the data's indices.
    lowered_introducers: Endings,
}

impl HeadIndex {
    /// The index of a language (built once).
    fn get(language: Language) -> &'static HeadIndex {
        static DE: OnceLock<HeadIndex> = OnceLock::new();
        static EN: OnceLock<HeadIndex> = OnceLock::new();
        let build = || {
            let heads = heads_of(language);
            // A word too short for the bit set passes it.
            let mut word_tails = TailBits::default();
            for word in &heads.words {
                word_tails.add(word);
            }
            HeadIndex {
                heads,
                words: heads.words.iter().map(String::as_str).collect(),
                word_tails,
                suffixes: Endings::new(heads.suffixes.clone()),
                lowered_introducers: Endings::new(
                    heads.introducers.iter().map(|h| h.to_lowercase()).collect(),
                ),
            }
        };
        match language {
            Language::De => DE.get_or_init(build),
            Language::En => EN.get_or_init(build),
        }
    }
}

/// Name endings that do not tell an organisation apart ("Mahan Air").
pub(super) fn generic_endings(language: Language) -> &'static [String] {
    &heads_of(language).generic_endings
}

/// The longest organisation name, in words.
const MAX_NAME_WORDS: usize = 6;

/// Finds organisations by their head noun and adds them; `sentence_words`
/// holds the words of each sentence.
pub(super) fn find(
    text: &str,
    sentence_words: &SentenceWords,
    language: Language,
    gazetteer: &Gazetteer,
    collector: &mut Collector,
) {
    let heads = HeadIndex::get(language);
    let syntax = Syntax::get(language);
    let mut shorts = Vec::new();
    for sentence in sentence_words.sentences() {
        let words = sentence.words;
        for (i, word) in words.iter().enumerate() {
            let Some(first) = name_start(text, sentence, i, heads, syntax) else { continue };
            let mut last = i;
            // "Ministry of Defence", "Bundesamt für Verfassungsschutz".
            if let (Some(link), Some(next)) = (words.get(i + 1), words.get(i + 2)) {
                let linking = matches!(link.text, "of" | "for" | "für" | "des" | "der");
                let known = collector.overlapping(next.span).is_some();
                if linking && !known && text::is_capitalised(next.text) && joined_by_space(text, word, link) {
                    last = i + 2;
                }
            }
            let span = Span(words[first].span.0, words[last].span.1);
            if collector.overlapping(span).is_some() {
                continue;
            }
            let name = text[span.0..span.1].to_string();
            let member_of = owner(text, words, first, last, gazetteer, collector, syntax);
            // A lone compound is a common noun ("die Nachrichtenagentur")
            // unless it says whose it is ("das russische Verteidigungsministerium").
            if first == last && member_of.is_none() {
                continue;
            }
            let actor = collector.actor(&slug(&name), &name, ActorKind::Organization, member_of);
            collector.mention(actor, span, &name, FormRole::Name, false);
            if let Some(short) = without_generic_ending(&name, language) {
                shorts.push((actor, short.to_string()));
            }
        }
    }
    // "Mahan" after "Mahan Air", as a person's surname after the full name.
    for (actor, short) in shorts {
        mention_everywhere(text, collector, actor, &short, FormRole::Short);
    }
}

/// A name without a generic ending ("Mahan Air" → "Mahan").
pub(super) fn without_generic_ending(name: &str, language: Language) -> Option<&str> {
    let (rest, last) = name.rsplit_once(' ')?;
    (generic_endings(language).iter().any(|e| e == last) && rest.len() >= 3).then_some(rest)
}

/// Finds organisations named right after a common noun that introduces
/// them ("die konservative georgische Partei „Neue Rechte“", "the news
/// network RTHK", "der russischen Söldnertruppe Wagner"): up to four
/// capitalised words, in quotes or not, that name no known actor.
pub(super) fn find_introduced(
    text: &str,
    sentence_words: &SentenceWords,
    language: Language,
    collector: &mut Collector,
) {
    let heads = HeadIndex::get(language);
    let syntax = Syntax::get(language);
    let mut named = Vec::new();
    for sentence in sentence_words.sentences() {
        let words = sentence.words;
        for (i, word) in words.iter().enumerate() {
            if !introduces(word.text, sentence.lower(i), heads, language) {
                continue;
            }
            let mut last = None;
            for (k, next) in words.iter().enumerate().skip(i + 1).take(4) {
                let gap = &text[words[k - 1].span.1..next.span.0];
                let quotes_only = gap.chars().all(|c| c.is_whitespace() || is_quote(c));
                let usable = text::is_capitalised(next.text)
                    && !syntax.not_names.contains(next.text)
                    && collector.overlapping(next.span).is_none();
                if !quotes_only || !usable || (k > i + 1 && gap.chars().any(is_quote)) {
                    break;
                }
                last = Some(k);
            }
            let Some(last) = last else { continue };
            let span = Span(words[i + 1].span.0, words[last].span.1);
            let name = text[span.0..span.1].to_string();
            let actor = collector.actor(&slug(&name), &name, ActorKind::Organization, None);
            collector.mention(actor, span, &name, FormRole::Name, false);
            named.push((actor, name));
        }
    }
    // Once introduced, the name alone names it ("die „Neue Rechte“").
    for (actor, name) in named {
        mention_everywhere(text, collector, actor, &name, FormRole::Name);
    }
}

/// Every whole-word occurrence of `name` as a mention of `actor`.
fn mention_everywhere(text: &str, collector: &mut Collector, actor: usize, name: &str, role: FormRole) {
    for (at, _) in text.match_indices(name) {
        let span = Span(at, at + name.len());
        if text::word_starts_at(text, span.0) && text::word_ends_at(text, span.1) {
            collector.mention(actor, span, name, role, false);
        }
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '„' | '“' | '”' | '»' | '«' | '\'' | '‚' | '‘' | '’')
}

/// Whether a word is an introducing noun: German nouns are capitalised and
/// may be compounds ("Söldnertruppe"), English ones are lower case. `lower`
/// is the word in lower case.
fn introduces(word: &str, lower: &str, heads: &HeadIndex, language: Language) -> bool {
    match language {
        Language::De => {
            if !text::is_capitalised(word) {
                return false;
            }
            heads.lowered_introducers.any(lower, |index, _| {
                heads.heads.introducers.get(index).is_some_and(|h| word == h || word.len() > h.len() + 3)
            })
        }
        Language::En => heads
            .lowered_introducers
            .any(lower, |index, _| heads.heads.introducers.get(index).is_some_and(|h| word == h)),
    }
}

fn joined_by_space(text: &str, a: &Word, b: &Word) -> bool {
    text[a.span.1..b.span.0].chars().all(char::is_whitespace)
}

/// The first word of an organisation name ending at word `i`, if word `i`
/// is a head noun: the capitalised words before it, or the word itself when
/// it is a German compound ending in a head ("Verteidigungsministerium").
fn name_start(text: &str, sentence: Sentence, i: usize, heads: &HeadIndex, syntax: &Syntax) -> Option<usize> {
    let words = sentence.words;
    let word = words[i];
    if !text::is_capitalised(word.text) {
        return None;
    }
    let lower = sentence.lower(i);
    let compound = heads.suffixes.any(lower, |_, s| lower.len() >= s.len() + 4);
    let head = heads.word_tails.may_end(word.text) && heads.words.contains(word.text);
    if !head && !compound {
        return None;
    }
    let mut first = i;
    while first > 0 && i - first < MAX_NAME_WORDS - 1 {
        let previous = words[first - 1];
        let capitalised = text::is_capitalised(previous.text) && !syntax.not_names.contains(previous.text);
        if !capitalised || !joined_by_space(text, &previous, &words[first]) {
            break;
        }
        first -= 1;
    }
    // A head alone is a common noun ("the Council"); a compound is a name.
    (first < i || compound).then_some(first)
}

/// The actor an organisation acts for: a mention right before it, a compound
/// prefix ("US-"), or an actor in the "of" phrase that ends its name.
fn owner(
    text: &str,
    words: &[Word],
    first: usize,
    last: usize,
    gazetteer: &Gazetteer,
    collector: &Collector,
    syntax: &Syntax,
) -> Option<String> {
    let start = words[first].span.0;
    let end = words[last].span.1;
    let id_of = |m: &super::MentionRef| collector.drafts[m.actor].id.clone();
    let window_start = if first >= 2 { words[first - 2].span.0 } else { start.saturating_sub(1) };
    let before = collector.starting_in(window_start..start).rev().find(|m| m.span.1 <= start);
    if let Some(m) = before {
        let gap = &text[m.span.1..start];
        let close = gap.trim().is_empty()
            || gap.trim() == "'s"
            || gap.trim() == "’s"
            || syntax.articles.contains(&gap.trim().to_lowercase());
        if close {
            return Some(id_of(m));
        }
    }
    let first_word = words[first].text;
    if let Some((prefix, _)) = first_word.split_once('-') {
        if let Some(form) = gazetteer.lookup(prefix) {
            return Some(gazetteer.actors[form.actor].id.clone());
        }
    }
    collector.starting_in(end..end + 13).next().map(id_of).filter(|_| {
        text.get(end..end + 4).is_some_and(|after| {
            after.starts_with(" of ") || after.starts_with(" des") || after.starts_with(" der")
        })
    })
}
