//! What kind of claim an event is: negated ("griff nicht an"), speculative
//! ("könnte", "may"), planned, reported ("laut", "according to") or
//! asserted. Read from the words of the trigger's clause, which are looked up
//! once each in one table of the function words that matter here.

use super::tokens::Token;
use super::Trigger;
use crate::model::{Language, Modality};
use crate::syntax::Syntax;
use rustc_hash::FxHashMap;
use std::cell::OnceCell;
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

/// What decides the modality of a sentence's events: the sentence (its
/// lower case made by `lower_sentence` when the reporting phrases are looked
/// for), its words and their clauses. The facts that hold for the whole
/// sentence are read once, when the first event asks (`known`).
pub(super) struct Reader<'s, 'w, L: Fn() -> &'s str> {
    pub sentence: &'s str,
    pub lower_sentence: L,
    pub words: &'w [Token<'s>],
    pub clauses: &'w [usize],
    pub language: Language,
    pub syntax: &'static Syntax,
    pub known: Known,
}

/// The facts of a sentence a [`Reader`] has read so far.
#[derive(Default)]
pub(super) struct Known {
    /// Each word's classes.
    word_classes: OnceCell<Vec<u8>>,
    /// Whether the sentence speaks of the future.
    future: OnceCell<bool>,
    /// Whether it reports what someone said.
    reported: OnceCell<bool>,
}

impl<'s, L: Fn() -> &'s str> Reader<'s, '_, L> {
    /// The modality of a trigger's event.
    pub fn of(&self, trigger: &Trigger) -> Modality {
        let word_classes = self.known.word_classes.get_or_init(|| {
            let table = classes(self.language);
            self.words.iter().map(|w| table.of(w.lower())).collect()
        });
        let clause_words =
            || word_classes.iter().enumerate().filter(|&(i, _)| self.clauses.get(i) == Some(&trigger.clause));
        let in_clause = |class: u8| clause_words().any(|(_, classes)| classes & class != 0);
        let negated = clause_words().any(|(i, &classes)| {
            let near = i.abs_diff(trigger.word) <= NEGATION_REACH
                || i < trigger.word && classes & CLAUSE_NEGATION != 0;
            let not_only =
                self.words.get(i + 1).is_some_and(|n| matches!(n.lower(), "nur" | "only" | "allein"));
            near && !not_only && classes & NEGATION != 0
        });
        if negated {
            return Modality::Negated;
        }
        if in_clause(SPECULATIVE) {
            return Modality::Speculative;
        }
        let future = || {
            *self.known.future.get_or_init(|| crate::temporal::speaks_of_future(self.language, self.sentence))
        };
        if in_clause(PLANNED) && future() {
            return Modality::Planned;
        }
        if *self.known.reported.get_or_init(|| self.syntax.reporting.occur_in((self.lower_sentence)())) {
            return Modality::Reported;
        }
        Modality::Asserted
    }
}
