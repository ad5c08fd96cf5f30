//! The function words that decide roles in a clause, per language, read from
//! `data/syntax/LANG.json`: locative and agentive prepositions, reporting,
//! hedging and negation words, relative pronouns, clause breaks.

use crate::lexicon::data_file;
use crate::model::Language;
// Looked up for nearly every word: a fast hash for short keys.
use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashSet as HashSet;

/// Function-word classes of one language (all lower case except `not_names`).
#[derive(Debug, serde::Deserialize)]
pub(crate) struct Syntax {
    /// The language the words are of.
    pub language: Language,
    pub articles: HashSet<String>,
    pub locative: HashSet<String>,
    /// Prepositions of direction ("nach", "to"): a capital after them is a
    /// place, a state after them a recipient.
    pub destination: HashSet<String>,
    pub agent: HashSet<String>,
    /// Words that make a following actor the owner ("of", "der").
    pub of: HashSet<String>,
    pub target: HashSet<String>,
    pub with: HashSet<String>,
    /// Words and phrases of reporting ("laut", "according to").
    pub reporting: Phrases,
    /// Reporting words by which a speaker tells of an act of its own when
    /// the act is their object ("The EU announced sanctions"): a subset of
    /// `reporting`.
    pub announcing: HashSet<String>,
    pub speculative: HashSet<String>,
    pub negation: HashSet<String>,
    pub planned: HashSet<String>,
    pub relative_pronouns: HashSet<String>,
    /// Words that open a content clause ("dass", "that"): its events are
    /// what someone says, not dated by the saying.
    pub complementizers: HashSet<String>,
    pub clause_breaks: HashSet<String>,
    pub passive_auxiliaries: HashSet<String>,
    pub name_particles: HashSet<String>,
    /// Words that introduce a byline ("Von", "By"), lower case.
    pub author_prefixes: Vec<String>,
    /// Words a date line may hold beside the date ("Stand", "Updated").
    pub date_line_words: HashSet<String>,
    /// Capitalised function words that never start or continue a name.
    pub not_names: HashSet<String>,
    /// Endings of lower-case adjectives that may stand between a preposition
    /// and a name ("im westafrikanischen Mali", "in northern Syria").
    pub adjective_endings: Vec<String>,
    /// Prepositions of origin ("aus", "from"): the place left behind.
    pub origin: HashSet<String>,
    /// Prepositions no other class holds ("over", "despite").
    pub other_prepositions: HashSet<String>,
    /// Endings of nouns of action ("Aufweichung", "easing", "withdrawal").
    pub action_noun_endings: Vec<String>,
    /// Words that open a noun phrase ("the", "its"): a word after them is a noun.
    pub determiners: HashSet<String>,
    /// Prepositions that make an act a point in time ("nach dem Krieg").
    pub time_prepositions: HashSet<String>,
    /// Clause breaks that join two main clauses ("und", "aber", "but"),
    /// unlike subordinating ones ("während", "because").
    pub coordinators: HashSet<String>,
    /// Prepositions whose phrase, opening a sentence, ends at the first
    /// comma ("With the US encouraging firms to leave Iran, German firms …").
    pub opening_prepositions: HashSet<String>,
    /// Conjunctions that join the names of a list ("und", "weder … noch", "nor").
    pub list_joiners: HashSet<String>,
    /// Negations that deny the whole clause from its start ("Weder die G8
    /// noch die EU erkennen … an"), however far from the verb.
    pub clause_negation: HashSet<String>,
    /// The preposition before the parties of a mutual act ("Streit zwischen
    /// X und Y").
    pub between: HashSet<String>,
    /// Phrases that say who was behind an act ("claimed responsibility",
    /// "ascribed to").
    pub responsibility: Responsibility,
    /// Noun phrases that name an act told before ("diese Entwicklung", "the move").
    pub act_anaphors: ActAnaphors,
}

/// Phrases of claiming an act: the claimant is their subject ("The Taliban
/// claimed responsibility") or the object after them ("ascribed to the
/// Taliban"). Lower case.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct Responsibility {
    pub claimed_by_subject: Phrases,
    pub claimed_by_object: Phrases,
}

/// A determiner and a noun of acting in general: together they point back
/// to the act told just before.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct ActAnaphors {
    pub determiners: HashSet<String>,
    pub nouns: HashSet<String>,
}

/// Lower-case phrases, looked for in a lower-case text with one automaton
/// that finds them all in one pass over it.
#[derive(Debug, serde::Deserialize)]
#[serde(try_from = "Vec<String>")]
pub(crate) struct Phrases {
    listed: Vec<String>,
    automaton: AhoCorasick,
}

impl TryFrom<Vec<String>> for Phrases {
    type Error = aho_corasick::BuildError;

    fn try_from(listed: Vec<String>) -> Result<Phrases, Self::Error> {
        // Leftmost-first over the phrases from the shortest: the first match
        // is the one that starts first and, of those, the shortest.
        let mut by_length: Vec<&String> = listed.iter().collect();
        by_length.sort_by_key(|phrase| phrase.len());
        let automaton = AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(by_length)?;
        Ok(Phrases { automaton, listed })
    }
}

impl Phrases {
    /// Whether a lower-case word is one of the phrases.
    pub fn is_listed(&self, word: &str) -> bool {
        self.listed.iter().any(|phrase| phrase == word)
    }

    /// Whether one of the phrases occurs in a lower-case text.
    pub fn occur_in(&self, lower: &str) -> bool {
        self.automaton.is_match(lower)
    }

    /// Where the first of the phrases occurs in a lower-case text (start
    /// and end in bytes; of two starting together, the shorter).
    pub fn first_in(&self, lower: &str) -> Option<(usize, usize)> {
        self.automaton.find(lower).map(|found| (found.start(), found.end()))
    }
}

data_file!(fn german() -> Syntax = "syntax/de.json");
data_file!(fn english() -> Syntax = "syntax/en.json");

impl Syntax {
    /// The function words of a language.
    pub fn get(language: Language) -> &'static Syntax {
        match language {
            Language::De => german(),
            Language::En => english(),
        }
    }

    /// Whether a lower-case word is a determiner, preposition, conjunction or
    /// other function word: not a noun, verb or adjective of its own.
    pub fn is_function_word(&self, lower: &str) -> bool {
        [
            &self.articles,
            &self.determiners,
            &self.of,
            &self.locative,
            &self.destination,
            &self.origin,
            &self.agent,
            &self.target,
            &self.with,
            &self.other_prepositions,
            &self.time_prepositions,
            &self.clause_breaks,
            &self.relative_pronouns,
            &self.complementizers,
            &self.negation,
            &self.passive_auxiliaries,
        ]
        .iter()
        .any(|class| class.contains(lower))
    }

    /// Whether a lower-case word ends like an adjective of the language.
    pub fn looks_adjectival(&self, lower: &str) -> bool {
        ends_with_one_of(&self.adjective_endings, lower)
    }

    /// Whether a lower-case noun ends like a noun of action.
    pub fn looks_nominalised(&self, lower: &str) -> bool {
        ends_with_one_of(&self.action_noun_endings, lower)
    }

    /// Whether `word` (any case) is in `class`.
    pub fn is(class: &HashSet<String>, word: &str) -> bool {
        class.contains(&word.to_lowercase())
    }
}

/// The shortest stem a word must keep before an ending that classes it.
const MIN_STEM_BYTES: usize = 3;

/// Whether a lower-case word ends in one of `endings` after a stem of at
/// least [`MIN_STEM_BYTES`].
fn ends_with_one_of(endings: &[String], lower: &str) -> bool {
    endings.iter().any(|e| lower.len() >= e.len() + MIN_STEM_BYTES && lower.ends_with(e.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_has_its_own_words() {
        for language in [Language::De, Language::En] {
            assert_eq!(Syntax::get(language).language, language);
        }
    }

    #[test]
    fn phrases_are_lower_case_as_the_text_they_are_looked_for_in() {
        for language in [Language::De, Language::En] {
            let syntax = Syntax::get(language);
            let responsibility = &syntax.responsibility;
            let all =
                [&syntax.reporting, &responsibility.claimed_by_subject, &responsibility.claimed_by_object];
            for phrase in all.iter().flat_map(|phrases| &phrases.listed) {
                assert_eq!(phrase, &phrase.to_lowercase(), "{language:?}");
            }
        }
    }

    #[test]
    fn announcing_words_are_reporting_words() {
        for language in [Language::De, Language::En] {
            let syntax = Syntax::get(language);
            for word in &syntax.announcing {
                assert!(syntax.reporting.is_listed(word), "{language:?}: {word}");
            }
        }
    }

    fn phrases(listed: &[&str]) -> Phrases {
        Phrases::try_from(listed.iter().map(|p| p.to_string()).collect::<Vec<_>>())
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_first_phrase_is_the_one_that_starts_first_then_the_shorter() {
        let claims = phrases(&["responsibility", "claimed responsibility", "claimed"]);
        let text = "the group claimed responsibility for the attack";
        assert_eq!(claims.first_in(text), Some((10, 17)));
        assert_eq!(claims.first_in("the group denied it"), None);
    }

    #[test]
    fn phrases_occur_inside_a_text_but_are_listed_only_as_a_whole() {
        let reporting = phrases(&["laut", "according to"]);
        assert!(reporting.occur_in("die armee hat, laut agenturen, angegriffen"));
        assert!(!reporting.occur_in("the army attacked"));
        assert!(reporting.is_listed("laut"));
        assert!(!reporting.is_listed("according"));
    }
}
