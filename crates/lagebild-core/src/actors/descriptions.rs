//! Definite descriptions that refer back to a state: "the Middle Eastern
//! nation", "das Land", "des westafrikanischen Staates", "der Golfstaat",
//! "the kingdom". Each becomes one more mention of the state it means, so
//! that events take that state as their source or target.
//!
//! A description is a determiner ("the", "das", or the article inside "im"),
//! lower-case modifiers, and a state noun (`data/gazetteer/state_descriptions.json`).
//! A region's adjective among the modifiers ("West African", "osteuropäisch"),
//! a German compound ("Golfstaat", "Inselstaat") or a kind of state ("the
//! kingdom", "the island nation") narrows the states it may mean to the
//! members listed in `data/gazetteer/regions.json`.
//!
//! It means a state that fits and was mentioned before it in its own
//! sentence or in the [`WINDOW`] sentences before: of those, the ones in its
//! own sentence if there are any; of them, the one the article has mentioned
//! most often so far (its topic), then the one mentioned last, then the one
//! that last sentence names by its name rather than by an adjective ("Deutsche
//! Soldaten sind in Mali. … das Land"). Two states that tie on all three
//! leave the description ambiguous ("Russia and Ukraine met. The country
//! …"); it stays unresolved then. When no fitting state is mentioned there,
//! it means the article's topic: the state mentioned most often so far, at
//! least three times and more often than any other ("the nation" in a report
//! on a US election); else it stays unresolved. Generic uses ("a
//! country", "other nations", "Länder wie …"), the other side ("the
//! neighbouring country"), idioms ("auf dem Land"), a noun before a name
//! ("die Republik Moldau") and German "Land" where a federal state is near
//! ("das Land Berlin", "Bund und Länder") are left alone. A
//! description adds a mention only: no alias, no new actor.

mod lexicon;

use super::{Collector, FormRole};
use crate::model::{ActorKind, Language, Span};
use crate::sentence_words::SentenceWords;
use crate::syntax::Syntax;
use crate::text::{self, Word};
use lexicon::Lexicon;
use rustc_hash::FxHashMap as HashMap;

/// How many sentences before its own a description looks back for its state.
pub(crate) const WINDOW: usize = 3;

/// How many modifiers may stand between the determiner and the noun.
const MAX_MODIFIERS: usize = 4;

/// A description found in a sentence.
#[derive(Debug, Clone, PartialEq)]
struct Description {
    /// From the determiner (or the word after a contraction) to the noun.
    span: Span,
    /// Regions and kinds the state must belong to.
    constraints: Vec<usize>,
}

/// Whether only white space stands between two words.
fn adjacent(text: &str, left: &Word, right: &Word) -> bool {
    text.get(left.span.1..right.span.0).is_some_and(|gap| gap.chars().all(char::is_whitespace))
}

/// How far before its noun a description is looked for, in bytes: room for
/// the determiner and [`MAX_MODIFIERS`] long German adjectives.
const LOOKBACK_BYTES: usize = 240;

/// The descriptions of a text, in text order, each with the index of its
/// sentence. The nouns are found among the sentences' words
/// (`sentence_words`); only the few words before each are looked at.
fn find(
    text: &str,
    sentences: &[Span],
    sentence_words: &SentenceWords,
    lexicon: &Lexicon,
    syntax: &Syntax,
) -> Vec<(usize, Description)> {
    let mut out = Vec::new();
    // Per sentence, once looked at: whether it speaks of federal states.
    let mut federal: HashMap<usize, bool> = HashMap::default();
    for found in lexicon.nouns(sentence_words.all()) {
        let end = found.1;
        if !text::word_ends_at(text, end) {
            continue;
        }
        let Some(index) = sentences.partition_point(|s| s.0 <= found.0).checked_sub(1) else {
            continue;
        };
        let Some(&sentence) = sentences.get(index).filter(|s| end <= s.1) else { continue };
        let from = lookback_start(text, found.0.saturating_sub(LOOKBACK_BYTES).max(sentence.0));
        let Some(before) = text.get(from..end) else { continue };
        let words = text::words(before, from);
        let Some((at, word)) = words.iter().enumerate().next_back().filter(|(_, w)| w.span.1 == end) else {
            continue;
        };
        let Some((head, mut constraints)) = lexicon.head(word.text) else { continue };
        if head.federal_sense && federal_context(text, sentences, index, lexicon, &mut federal) {
            continue;
        }
        let Some((start, modifiers)) = opening(text, &words, at, lexicon) else { continue };
        let Some(more) = lexicon.constraints_of(modifiers, syntax) else { continue };
        constraints.extend(more);
        constraints.extend(head.kind);
        if head.needs_region && constraints.is_empty() {
            continue;
        }
        let next = word_after(text, end, sentence);
        if next.is_some_and(|next| lexicon.excluded_after.contains(&next.to_lowercase()))
            || head.takes_name && next.is_some_and(text::is_capitalised)
        {
            continue;
        }
        out.push((index, Description { span: Span(start, end), constraints }));
    }
    out
}

/// Where to start reading words at or after `at` without cutting one: `at`
/// itself when a word starts there, else the next white space.
fn lookback_start(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    if text::word_starts_at(text, at) {
        return at;
    }
    let rest = text.get(at..).unwrap_or("");
    rest.find(char::is_whitespace).map_or(text.len(), |gap| at + gap)
}

/// The word right after `end` when only white space parts them, within the sentence.
fn word_after(text: &str, end: usize, sentence: Span) -> Option<&str> {
    let rest = text.get(end..sentence.1)?;
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return None;
    }
    trimmed.split(|c: char| !c.is_alphanumeric()).next().filter(|w| !w.is_empty())
}

/// Whether the sentence `index` or one of the [`WINDOW`] before it names a
/// federal state or the federal order ("Kärnten", "Bund und Länder"): then
/// German "Land" may mean one of its states. `seen` keeps what each sentence
/// was found to say.
fn federal_context(
    text: &str,
    sentences: &[Span],
    index: usize,
    lexicon: &Lexicon,
    seen: &mut HashMap<usize, bool>,
) -> bool {
    (index.saturating_sub(WINDOW)..=index).any(|i| {
        *seen.entry(i).or_insert_with(|| {
            let sentence = sentences.get(i).and_then(|s| text.get(s.0..s.1).map(|t| (s.0, t)));
            sentence.is_some_and(|(at, t)| {
                text::words(t, at).iter().any(|w| lexicon.subnational.contains(w.text))
            })
        })
    })
}

/// Where the description whose noun is word `at` starts, and its modifiers:
/// walks back over at most [`MAX_MODIFIERS`] words to a determiner. `None`
/// when there is none, or an idiom's word stands before it ("auf dem Land").
fn opening<'w, 't>(
    text: &str,
    words: &'w [Word<'t>],
    at: usize,
    lexicon: &Lexicon,
) -> Option<(usize, &'w [Word<'t>])> {
    for back in 1..=MAX_MODIFIERS + 1 {
        let index = at.checked_sub(back)?;
        let word = words.get(index)?;
        let next = words.get(index + 1)?;
        if !adjacent(text, word, next) {
            return None;
        }
        let lower = word.text.to_lowercase();
        let modifiers = words.get(index + 1..at)?;
        if lexicon.contractions.contains(&lower) {
            return Some((next.span.0, modifiers));
        }
        if lexicon.determiners.contains(&lower) {
            let idiom = index
                .checked_sub(1)
                .and_then(|i| words.get(i))
                .is_some_and(|before| lexicon.excluded_before.contains(&before.text.to_lowercase()));
            return (!idiom).then_some((word.span.0, modifiers));
        }
    }
    None
}

/// Adds a mention of the state each description of the text refers to.
pub(super) fn resolve(
    text: &str,
    sentences: &[Span],
    sentence_words: &SentenceWords,
    language: Language,
    collector: &mut Collector,
) {
    let lexicon = Lexicon::get(language);
    let syntax = Syntax::get(language);
    // How often each actor was mentioned before the description at hand,
    // counted as the descriptions go, so that every mention is counted once.
    let mut salience: HashMap<usize, usize> = HashMap::default();
    let mut counted_to = 0;
    for (index, description) in find(text, sentences, sentence_words, lexicon, syntax) {
        for m in collector.starting_in(counted_to..description.span.0) {
            *salience.entry(m.actor).or_default() += 1;
        }
        counted_to = description.span.0;
        if collector.overlapping(description.span).is_some() || names_follow(text, &description, collector) {
            continue;
        }
        let Some(actor) = antecedent(collector, sentences, index, &description, lexicon, &salience) else {
            continue;
        };
        let place = super::after_preposition(text, description.span.0, syntax, &[&syntax.locative]);
        collector.refer(actor, description.span, FormRole::Name, place);
    }
}

/// Whether a name stands right after the description ("das Land Mali", "the
/// country Mali"): then the name is the mention, the noun only its apposition.
fn names_follow(text: &str, description: &Description, collector: &Collector) -> bool {
    let rest = text.get(description.span.1..).unwrap_or("");
    let gap = rest.len() - rest.trim_start().len();
    if gap == 0 || rest.trim_start().starts_with(|c: char| !c.is_alphanumeric()) {
        return false;
    }
    let next = description.span.1 + gap;
    collector.starting_in(next..next + 1).next().is_some()
}

/// How many mentions before a description [`antecedent`] looks at, at most:
/// bounds the work on a long sentence dense with names.
const MAX_CANDIDATES: usize = 64;

/// A state that a description may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    /// Mentions of it before the description.
    salience: usize,
    /// The sentence of its last mention in the window, counted from 1.
    sentence: usize,
    /// Whether that sentence names it by its name.
    named: bool,
}

/// The state a description refers to: of the fitting states mentioned in
/// the window, those earlier in its own sentence if there are any; of them
/// the one mentioned most often before, then most recently, then by its name
/// rather than an adjective. Two states that tie on all three leave the
/// description ambiguous. With none in the window, the article's [`topic`].
fn antecedent(
    collector: &Collector,
    sentences: &[Span],
    sentence: usize,
    description: &Description,
    lexicon: &Lexicon,
    salience: &HashMap<usize, usize>,
) -> Option<usize> {
    let from = sentences.get(sentence.saturating_sub(WINDOW))?.0;
    let fitting = |actor: usize| {
        collector
            .drafts
            .get(actor)
            .is_some_and(|d| d.kind == ActorKind::State && lexicon.fits(&description.constraints, &d.id))
    };
    let mut ranks: Vec<(usize, Rank)> = Vec::new();
    for m in collector.starting_in(from..description.span.0).rev().take(MAX_CANDIDATES) {
        if !fitting(m.actor) {
            continue;
        }
        let in_sentence = sentences.partition_point(|s| s.0 <= m.span.0);
        let named = m.role == FormRole::Name;
        match ranks.iter_mut().find(|(actor, _)| *actor == m.actor) {
            Some((_, rank)) => rank.named |= named && rank.sentence == in_sentence,
            None => {
                let rank = Rank {
                    salience: salience.get(&m.actor).copied().unwrap_or(0),
                    sentence: in_sentence,
                    named,
                };
                ranks.push((m.actor, rank));
            }
        }
    }
    let own = sentence + 1;
    if ranks.iter().any(|(_, r)| r.sentence == own) {
        ranks.retain(|(_, r)| r.sentence == own);
    }
    if ranks.is_empty() {
        return topic(salience, &fitting);
    }
    ranks.sort_by_key(|&(_, rank)| std::cmp::Reverse(rank));
    match ranks.as_slice() {
        [(only, _)] => Some(*only),
        [(first, best), (_, second), ..] if best > second => Some(*first),
        _ => None,
    }
}

/// How often a state must have been mentioned to be the article's topic.
const TOPIC_MENTIONS: usize = 3;

/// The article's topic so far: the fitting state mentioned most often, at
/// least [`TOPIC_MENTIONS`] times and more often than any other.
fn topic(salience: &HashMap<usize, usize>, fitting: &impl Fn(usize) -> bool) -> Option<usize> {
    let mut counts: Vec<(usize, usize)> =
        salience.iter().filter(|(actor, _)| fitting(**actor)).map(|(&actor, &n)| (n, actor)).collect();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    match counts.as_slice() {
        [(n, actor)] if *n >= TOPIC_MENTIONS => Some(*actor),
        [(n, actor), (m, _), ..] if *n >= TOPIC_MENTIONS && n > m => Some(*actor),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
