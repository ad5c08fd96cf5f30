//! What kind of claim an event is: negated ("griff nicht an"), speculative
//! ("könnte", "may"), planned, reported ("laut", "according to") or
//! asserted. Read from the words of the trigger's clause, which are looked up
//! once each in one table of the function words that matter here.

use super::tokens::Token;
use super::Trigger;
use crate::model::{Language, Modality};
use crate::syntax::Syntax;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The classes of [`Syntax`] a word of the clause can belong to, as bits.
const NEGATION: u8 = 1;
const CLAUSE_NEGATION: u8 = 2;
const SPECULATIVE: u8 = 4;
const PLANNED: u8 = 8;

/// How far from the trigger, in words, a negation denies it.
const NEGATION_REACH: usize = 4;

/// The words of the four classes, each with the classes it belongs to.
struct Classes {
    words: FxHashMap<String, u8>,
    /// The longest of the words, in bytes: a longer word is in no class.
    longest: usize,
}

impl Classes {
    fn of(&self, lower: &str) -> u8 {
        if lower.len() > self.longest {
            return 0;
        }
        self.words.get(lower).copied().unwrap_or(0)
    }
}

fn classes(language: Language) -> &'static Classes {
    static DE: OnceLock<Classes> = OnceLock::new();
    static EN: OnceLock<Classes> = OnceLock::new();
    let build = || {
        let syntax = Syntax::get(language);
        let mut words: FxHashMap<String, u8> = FxHashMap::default();
        let sets = [
            (&syntax.negation, NEGATION),
            (&syntax.clause_negation, CLAUSE_NEGATION),
            (&syntax.speculative, SPECULATIVE),
            (&syntax.planned, PLANNED),
        ];
        for (set, class) in sets {
            for word in set {
                *words.entry(word.clone()).or_default() |= class;
            }
        }
        let longest = words.keys().map(String::len).max().unwrap_or(0);
        Classes { words, longest }
    };
    match language {
        Language::De => DE.get_or_init(build),
        Language::En => EN.get_or_init(build),
    }
}

/// The modality of a trigger's event. The lower-case sentence is made only
/// when the reporting phrases are looked for.
pub(super) fn of<'s>(
    sentence: &str,
    lower_sentence: impl FnOnce() -> &'s str,
    words: &[Token],
    clauses: &[usize],
    trigger: &Trigger,
    language: Language,
    syntax: &Syntax,
) -> Modality {
    let table = classes(language);
    let clause_words: Vec<(usize, u8)> = words
        .iter()
        .enumerate()
        .filter(|(i, _)| clauses[*i] == trigger.clause)
        .map(|(i, w)| (i, table.of(w.lower())))
        .collect();
    let in_clause = |class: u8| clause_words.iter().any(|(_, classes)| classes & class != 0);
    let negated = clause_words.iter().any(|&(i, classes)| {
        let near =
            i.abs_diff(trigger.word) <= NEGATION_REACH || i < trigger.word && classes & CLAUSE_NEGATION != 0;
        let not_only = words.get(i + 1).is_some_and(|n| matches!(n.lower(), "nur" | "only" | "allein"));
        near && !not_only && classes & NEGATION != 0
    });
    if negated {
        return Modality::Negated;
    }
    if in_clause(SPECULATIVE) {
        return Modality::Speculative;
    }
    if in_clause(PLANNED) && crate::temporal::speaks_of_future(language, sentence) {
        return Modality::Planned;
    }
    if syntax.reporting.occur_in(lower_sentence()) {
        return Modality::Reported;
    }
    Modality::Asserted
}
