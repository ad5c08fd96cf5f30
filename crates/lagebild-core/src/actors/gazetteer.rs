//! The gazetteer: every known actor and the surface forms that name it in one
//! language, compiled into one automaton. Read from `data/gazetteer/*.json`
//! (states, organisations, companies, people, groups; sources noted in each
//! file).
//!
//! German inflection is generated here, once, for all entries: the genitive
//! `-s` of names and seats ("Russlands", "Kiews"), the adjective endings
//! (`nordkoreanisch` → -e, -en, -er, -es, -em), and the weak `-en` of group
//! adjectives ("der internationalen Gemeinschaft").

use super::tails::TailBits;
use crate::bits::{self, BitSet, PairSet};
use crate::lexicon::data_file;
use crate::model::{ActorKind, Language, Span};
use crate::text;
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::sync::OnceLock;

/// Names of one entry, per language.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ByLanguage {
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub de: Vec<String>,
}

impl ByLanguage {
    /// The words of `language`.
    pub(crate) fn get(&self, language: Language) -> &[String] {
        match language {
            Language::De => &self.de,
            Language::En => &self.en,
        }
    }
}

#[derive(Debug, Deserialize)]
struct StateEntry {
    id: String,
    name: String,
    #[serde(default)]
    names: ByLanguage,
    #[serde(default)]
    adjectives: ByLanguage,
    #[serde(default)]
    demonyms: ByLanguage,
    #[serde(default)]
    seats: ByLanguage,
}

#[derive(Debug, Deserialize)]
struct OrganizationEntry {
    id: String,
    name: String,
    #[serde(default)]
    kind: Option<ActorKind>,
    #[serde(default)]
    names: ByLanguage,
    #[serde(default)]
    adjectives: ByLanguage,
    #[serde(default)]
    member_of: Option<String>,
}

#[derive(Debug, Deserialize)]
struct PersonEntry {
    id: String,
    name: String,
    #[serde(default)]
    member_of: Option<String>,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    short: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GroupEntry {
    id: String,
    name: String,
    #[serde(default)]
    names: ByLanguage,
}

#[derive(Debug, Deserialize)]
struct States {
    states: Vec<StateEntry>,
}
#[derive(Debug, Deserialize)]
struct Organizations {
    organizations: Vec<OrganizationEntry>,
}
#[derive(Debug, Deserialize)]
struct People {
    people: Vec<PersonEntry>,
}
#[derive(Debug, Deserialize)]
struct Groups {
    groups: Vec<GroupEntry>,
}

/// How far back from a state's name [`Gazetteer::ruler_before`] looks for a
/// noun of rule and its link.
const RULER_WINDOW_BYTES: usize = 48;

/// Nouns that name a state's government or military rulers after its adjective.
#[derive(Debug, Deserialize)]
struct Governments {
    government: ByLanguage,
    junta: ByLanguage,
    /// Prepositions joining such a noun to a state's name or seat after it.
    links: ByLanguage,
}

/// Compound endings that make a name into its forces ("Bundeswehrsoldaten").
#[derive(Debug, Deserialize)]
struct CompoundTails {
    #[serde(flatten)]
    tails: ByLanguage,
}

data_file!(fn compound_tails() -> CompoundTails = "gazetteer/compound_tails.json");
data_file!(fn states() -> States = "gazetteer/states.json");
data_file!(fn governments() -> Governments = "gazetteer/governments.json");
data_file!(fn organizations() -> Organizations = "gazetteer/organizations.json");
data_file!(fn companies() -> Organizations = "gazetteer/companies.json");
data_file!(fn people() -> People = "gazetteer/people.json");
data_file!(fn groups() -> Groups = "gazetteer/groups.json");

/// A known actor.
#[derive(Debug, Clone)]
pub(crate) struct Known {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub member_of: Option<String>,
}

/// How a surface form names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormRole {
    /// A name ("Nordkorea", "Europäische Union", "Kim Jong-un").
    Name,
    /// An adjective ("nordkoreanische").
    Adjective,
    /// A people noun ("Nordkoreaner").
    Demonym,
    /// A capital or seat used for the government ("Pjöngjang", "Kreml").
    Seat,
    /// A person's surname alone ("Kim"): counts once the full name has appeared.
    Short,
}

/// One surface form.
#[derive(Debug, Clone)]
pub(crate) struct Form {
    /// Index into [`Gazetteer::actors`].
    pub actor: usize,
    /// The base form to report as an alias.
    pub base: String,
    pub role: FormRole,
}

/// The compiled gazetteer of one language.
pub(crate) struct Gazetteer {
    language: Language,
    pub actors: Vec<Known>,
    pub forms: Vec<Form>,
    /// Every surface form, at its index in `forms`.
    automaton: NFA,
    /// How surface forms start.
    starts: Starts,
    by_id: FxHashMap<String, usize>,
}

const GERMAN_ADJECTIVE_ENDINGS: [&str; 5] = ["e", "en", "er", "es", "em"];

impl Gazetteer {
    /// The gazetteer for a language (built once).
    pub fn get(language: Language) -> &'static Gazetteer {
        static DE: OnceLock<Gazetteer> = OnceLock::new();
        static EN: OnceLock<Gazetteer> = OnceLock::new();
        match language {
            Language::De => DE.get_or_init(|| Gazetteer::build(Language::De)),
            Language::En => EN.get_or_init(|| Gazetteer::build(Language::En)),
        }
    }

    /// The index of an actor id.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Every form that stands as whole words in `text`, left to right, the
    /// longest first: where the longest form at a place ends inside a word
    /// ("nordkoreanische Truppen|aufmarsch"), a shorter one that ends at a
    /// word's end is taken instead ("nordkoreanische").
    ///
    /// Only places where a word may start are tried: the automaton is walked
    /// from each of them, not run over the whole text.
    pub fn find_words(&self, text: &str) -> Vec<(usize, Span)> {
        let mut out = Vec::new();
        let mut forms = Vec::new();
        let bytes = text.as_bytes();
        // Forms found up to here are taken; places before `at` are not tried.
        let mut at = 0;
        let mut place = 0;
        while place < bytes.len() {
            // Here no letter or digit stands right before `place`.
            let word_end = letters_end(text, place);
            if place >= at && self.may_take(text, place, word_end) {
                self.forms_at(bytes, place, &mut forms);
                if let Some(end) = self.take_longest(text, place, &forms, &mut out) {
                    at = end;
                }
            }
            // Over the word and the character after it.
            let Some((len, _)) = char_info(text, word_end) else { break };
            place = word_end + len;
        }
        out
    }

    /// Whether a form may be taken at `place`, where the letters and digits
    /// run to `word_end`: a form may start there, and either its first word
    /// may be that word or the word may end in a compound tail. A form whose
    /// first word is shorter than the text's word goes on with a character
    /// that is no letter or digit where the text has one, or ends inside the
    /// word, which is taken only before a compound tail; one whose first word
    /// is longer does not fit at all.
    fn may_take(&self, text: &str, place: usize, word_end: usize) -> bool {
        if !self.starts.may_start(text.as_bytes(), place) {
            return false;
        }
        let word = text.get(place..word_end).unwrap_or_default();
        self.starts.may_be_first_word(word) || self.starts.compound_tails.may_end_ignoring_ascii_case(word)
    }

    /// Of the forms that start at `start` (`forms`, shortest first), the
    /// longest that ends at a word's end, or before a compound tail: added
    /// to `out`; returns where it ends.
    fn take_longest(
        &self,
        text: &str,
        start: usize,
        forms: &[(usize, usize)],
        out: &mut Vec<(usize, Span)>,
    ) -> Option<usize> {
        // A form that ends at a word's end has no compound tail after it:
        // the tail is looked for only where the word goes on.
        for &(pattern, end) in forms.iter().rev() {
            if text::word_ends_at(text, end) {
                out.push((pattern, Span(start, end)));
                return Some(end);
            }
            if let Some(word_end) = self.compound_end(text, end) {
                out.push((pattern, Span(start, word_end)));
                return Some(word_end);
            }
        }
        None
    }

    /// The forms that start at `start`, as (pattern, end), shortest first:
    /// the matches an anchored leftmost-longest search meets on its way.
    fn forms_at(&self, haystack: &[u8], start: usize, forms: &mut Vec<(usize, usize)>) {
        forms.clear();
        let Ok(mut state) = self.automaton.start_state(Anchored::Yes) else { return };
        for (offset, &byte) in haystack.get(start..).unwrap_or_default().iter().enumerate() {
            state = self.automaton.next_state(Anchored::Yes, state, byte);
            if !self.automaton.is_special(state) {
                continue;
            }
            if self.automaton.is_dead(state) {
                return;
            }
            if self.automaton.is_match(state) {
                let pattern = self.automaton.match_pattern(state, 0);
                // A match carried over from a later start is not one here.
                if self.automaton.pattern_len(pattern) == offset + 1 {
                    forms.push((pattern.as_usize(), start + offset + 1));
                }
            }
        }
    }

    /// Where a compound ends when the rest of the word after a form is one
    /// of the language's compound tails ("Bundeswehr|soldaten").
    fn compound_end(&self, text: &str, form_end: usize) -> Option<usize> {
        let rest = &text[form_end..];
        let word_len = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        let tail = rest[..word_len].to_lowercase();
        let tails = compound_tails().tails.get(self.language);
        let fits = |t: &str| tails.iter().any(|x| x == t);
        (fits(&tail) || tail.strip_prefix('s').is_some_and(fits)).then_some(form_end + word_len)
    }

    /// A noun of rule and its link right before a state's name or seat at
    /// `at` ("die Regierung in |Kiew", "den Militärmachthabern in |Mali",
    /// "the government of |Mali"): where the noun starts and whether it names
    /// a junta rather than the government.
    pub fn ruler_before(&self, text: &str, at: usize) -> Option<(usize, bool)> {
        let rule = governments();
        let links = rule.links.get(self.language);
        // The last word before `at` must be a link: a look at the bytes
        // before it turns most names away without cutting words.
        let before = text.get(..at)?.trim_end_matches(|c: char| !c.is_alphanumeric());
        let ends_with_link = |link: &String| {
            before
                .len()
                .checked_sub(link.len())
                .and_then(|start| before.as_bytes().get(start..))
                .is_some_and(|tail| tail.eq_ignore_ascii_case(link.as_bytes()))
        };
        if !links.iter().any(ends_with_link) {
            return None;
        }
        let mut from = at.saturating_sub(RULER_WINDOW_BYTES);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let words = crate::text::words(text.get(from..at)?, from);
        let [.., noun, link] = words.as_slice() else { return None };
        if !links.iter().any(|l| l.eq_ignore_ascii_case(link.text)) {
            return None;
        }
        let is = |nouns: &ByLanguage| nouns.get(self.language).iter().any(|n| n == noun.text);
        if is(&rule.junta) {
            Some((noun.span.0, true))
        } else {
            is(&rule.government).then_some((noun.span.0, false))
        }
    }

    /// The form that is exactly `surface`, if one is.
    pub fn lookup(&self, surface: &str) -> Option<&Form> {
        let mut forms = Vec::new();
        self.forms_at(surface.as_bytes(), 0, &mut forms);
        let &(pattern, end) = forms.last()?;
        (end == surface.len()).then(|| self.forms.get(pattern)).flatten()
    }

    fn build(language: Language) -> Gazetteer {
        let mut builder = Builder { language, actors: Vec::new(), surfaces: Vec::new(), forms: Vec::new() };
        for s in &states().states {
            let actor = builder.actor(&s.id, &s.name, ActorKind::State, None);
            builder.names(actor, &s.names, FormRole::Name);
            builder.adjectives(actor, &s.adjectives);
            builder.names(actor, &s.demonyms, FormRole::Demonym);
            builder.names(actor, &s.seats, FormRole::Seat);
            builder.governed(actor, &s.adjectives, &governments().government);
            let junta = builder.actor(
                &format!("{}_junta", s.id),
                &format!("{} military junta", s.name),
                ActorKind::Organization,
                Some(s.id.clone()),
            );
            builder.governed(junta, &s.adjectives, &governments().junta);
        }
        for o in organizations().organizations.iter().chain(&companies().organizations) {
            let actor =
                builder.actor(&o.id, &o.name, o.kind.unwrap_or(ActorKind::Organization), o.member_of.clone());
            builder.names(actor, &o.names, FormRole::Name);
            builder.adjectives(actor, &o.adjectives);
            builder.generic_shorts(actor, &o.names);
        }
        for p in &people().people {
            let actor = builder.actor(&p.id, &p.name, ActorKind::Person, p.member_of.clone());
            for name in &p.names {
                builder.name(actor, name, FormRole::Name);
            }
            for short in &p.short {
                builder.name(actor, short, FormRole::Short);
            }
        }
        for g in &groups().groups {
            let actor = builder.actor(&g.id, &g.name, ActorKind::Group, None);
            for name in g.names.get(language) {
                builder.group_name(actor, name);
            }
        }
        builder.finish()
    }
}

struct Builder {
    language: Language,
    actors: Vec<Known>,
    surfaces: Vec<String>,
    forms: Vec<Form>,
}

impl Builder {
    fn actor(&mut self, id: &str, name: &str, kind: ActorKind, member_of: Option<String>) -> usize {
        self.actors.push(Known { id: id.to_string(), name: name.to_string(), kind, member_of });
        self.actors.len() - 1
    }

    fn push(&mut self, actor: usize, surface: String, base: &str, role: FormRole) {
        if surface.trim().is_empty() {
            return;
        }
        self.surfaces.push(surface);
        self.forms.push(Form { actor, base: base.to_string(), role });
    }

    /// Names of the entry's language, plus its English names: German texts use
    /// "USA", "NATO" and English spellings of people too.
    fn names(&mut self, actor: usize, names: &ByLanguage, role: FormRole) {
        let mut all: Vec<&String> = names.get(self.language).iter().collect();
        if self.language == Language::De && role == FormRole::Name {
            all.extend(names.en.iter().filter(|n| is_abbreviation(n)));
        }
        for name in all {
            self.name(actor, name, role);
        }
    }

    fn name(&mut self, actor: usize, name: &str, role: FormRole) {
        self.push(actor, name.to_string(), name, role);
        if self.language == Language::De && !name.ends_with(['s', 'ß', 'x', 'z']) && !is_abbreviation(name) {
            self.push(actor, format!("{name}s"), name, role);
        }
    }

    fn adjectives(&mut self, actor: usize, adjectives: &ByLanguage) {
        for stem in adjectives.get(self.language) {
            match self.language {
                Language::De => {
                    for ending in GERMAN_ADJECTIVE_ENDINGS {
                        self.push(actor, format!("{stem}{ending}"), stem, FormRole::Adjective);
                        self.push(actor, capitalise(&format!("{stem}{ending}")), stem, FormRole::Adjective);
                    }
                }
                Language::En => self.push(actor, stem.clone(), stem, FormRole::Adjective),
            }
        }
    }

    /// "Mahan" for "Mahan Air": a name without its generic ending, counted
    /// once the full name has appeared.
    fn generic_shorts(&mut self, actor: usize, names: &ByLanguage) {
        let shorts: Vec<String> = names
            .get(self.language)
            .iter()
            .filter_map(|name| super::organizations::without_generic_ending(name, self.language))
            .map(str::to_string)
            .collect();
        for short in shorts {
            self.name(actor, &short, FormRole::Short);
        }
    }

    /// A state's adjective before a noun of rule: "die malische Regierung",
    /// "der malischen Militärjunta", "the Malian government".
    fn governed(&mut self, actor: usize, adjectives: &ByLanguage, nouns: &ByLanguage) {
        for stem in adjectives.get(self.language) {
            for noun in nouns.get(self.language) {
                match self.language {
                    Language::De => {
                        let base = format!("{stem}e {noun}");
                        for ending in ["e", "en"] {
                            let phrase = format!("{stem}{ending} {noun}");
                            self.push(actor, capitalise(&phrase), &base, FormRole::Name);
                            self.push(actor, phrase, &base, FormRole::Name);
                        }
                    }
                    Language::En => {
                        let phrase = format!("{stem} {noun}");
                        self.push(actor, phrase.clone(), &phrase, FormRole::Name);
                    }
                }
            }
        }
    }

    fn group_name(&mut self, actor: usize, name: &str) {
        self.push(actor, name.to_string(), name, FormRole::Name);
        // At the start of a sentence or headline: "Police shoot …".
        if name.starts_with(char::is_lowercase) {
            self.push(actor, capitalise(name), name, FormRole::Name);
        }
        if self.language == Language::De {
            if let Some((first, rest)) = name.split_once(' ') {
                if first.ends_with('e') && first.starts_with(char::is_lowercase) {
                    self.push(actor, format!("{first}n {rest}"), name, FormRole::Name);
                }
            }
        }
    }

    fn finish(self) -> Gazetteer {
        let by_id = self.actors.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        let automaton = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&self.surfaces)
            .unwrap_or_else(|err| unbuildable(&err));
        let starts = Starts::new(&self.surfaces, compound_tails().tails.get(self.language));
        Gazetteer {
            language: self.language,
            actors: self.actors,
            forms: self.forms,
            automaton,
            starts,
            by_id,
        }
    }
}

/// The gazetteer is built from the embedded data files only, so an automaton
/// that does not build is a packaging bug, like a malformed data file (see
/// `lexicon::parse`): it stops with the reason.
#[allow(clippy::panic)]
fn unbuildable(err: &aho_corasick::BuildError) -> NFA {
    panic!("the gazetteer's automaton does not build: {err}")
}

/// How surface forms start, and how the words end that a form may end
/// inside: quick tests of whether a form may be taken at a place, before the
/// automaton is walked from there.
struct Starts {
    /// Bytes that are a whole form.
    single: [bool; 256],
    /// The first two bytes of longer forms (see [`bits::pair`]).
    pairs: PairSet,
    /// The first word of every form (its letters and digits up to the first
    /// other character: "Kim" of "Kim Jong-un"), by its length and its first two
    /// and last two bytes, hashed into a bit set.
    first_words: BitSet<{ (1 << FIRST_WORD_BITS_LOG2) / 64 }>,
    /// The compound tails, by their last bytes.
    compound_tails: TailBits,
}

/// How many bits [`Starts::first_words`] has, as a power of two.
const FIRST_WORD_BITS_LOG2: u32 = 16;

impl Starts {
    fn new(surfaces: &[String], compound_tails: &[String]) -> Starts {
        let mut tails = TailBits::default();
        if !compound_tails.iter().all(|tail| tails.add(tail)) {
            tails = TailBits::everything();
        }
        let mut starts = Starts {
            single: [false; 256],
            pairs: PairSet::empty(),
            first_words: BitSet::empty(),
            compound_tails: tails,
        };
        for surface in surfaces {
            starts
                .first_words
                .insert(first_word_bit(surface.get(..letters_end(surface, 0)).unwrap_or_default()));
            match surface.as_bytes() {
                [first] => starts.single[usize::from(*first)] = true,
                [first, second, ..] => starts.pairs.insert(bits::pair(*first, *second)),
                [] => {}
            }
        }
        starts
    }

    /// Whether a form may start at `at`.
    fn may_start(&self, bytes: &[u8], at: usize) -> bool {
        let Some(&first) = bytes.get(at) else { return false };
        if self.single[usize::from(first)] {
            return true;
        }
        let Some(&second) = bytes.get(at + 1) else { return false };
        self.pairs.contains(bits::pair(first, second))
    }
}

impl Starts {
    /// Whether `word` may be the first word of a form.
    fn may_be_first_word(&self, word: &str) -> bool {
        self.first_words.contains(first_word_bit(word))
    }
}

/// The bit of a first word in [`Starts::first_words`]: its length and its
/// first two and last two bytes mixed by a multiplicative hash.
fn first_word_bit(word: &str) -> usize {
    let bytes = word.as_bytes();
    let byte = |at: Option<usize>| u64::from(at.and_then(|at| bytes.get(at)).copied().unwrap_or(0));
    let len = bytes.len();
    let key = (len as u64) << 32
        | byte(Some(0)) << 24
        | byte(Some(1)) << 16
        | byte(len.checked_sub(2)) << 8
        | byte(len.checked_sub(1));
    bits::hashed_wide(key, FIRST_WORD_BITS_LOG2)
}

/// Where the letters and digits from `place` on end (`place` when none stands there).
#[inline(always)]
fn letters_end(text: &str, mut place: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits byte by byte, the rest by character.
        let rest = bytes.get(place..).unwrap_or_default();
        place += rest.iter().take_while(|&&byte| crate::text::is_ascii_alphanumeric(byte)).count();
        match bytes.get(place) {
            Some(byte) if !byte.is_ascii() => match char_info(text, place) {
                Some((len, true)) => place += len,
                _ => return place,
            },
            _ => return place,
        }
    }
}

/// The length of the character at `place` and whether it is a letter or digit.
fn char_info(text: &str, place: usize) -> Option<(usize, bool)> {
    let byte = *text.as_bytes().get(place)?;
    if byte.is_ascii() {
        return Some((1, byte.is_ascii_alphanumeric()));
    }
    let c = text.get(place..)?.chars().next()?;
    Some((c.len_utf8(), text::is_letter_or_digit(c)))
}

/// "USA", "NATO", "EU", "U.S.": written in capitals.
pub(crate) fn is_abbreviation(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        Gazetteer::get(Language::De).find_words(text).iter().map(|(_, span)| &text[span.0..span.1]).collect()
    }

    #[test]
    fn forms_are_found_as_whole_words_only() {
        assert_eq!(found("Mali und Nordkorea. Tomali, Malix"), ["Mali", "Nordkorea"]);
        assert_eq!(found("(Mali)"), ["Mali"]);
    }

    #[test]
    fn lookup_takes_a_whole_form_only() {
        let gazetteer = Gazetteer::get(Language::De);
        let name = |surface| gazetteer.lookup(surface).map(|f| gazetteer.actors[f.actor].id.as_str());
        assert_eq!(name("Nordkorea"), Some("north_korea"));
        assert_eq!(name("Nordkoreas"), Some("north_korea"));
        assert_eq!(name("Nordkore"), None);
        assert_eq!(name("Nordkoreax"), None);
        assert_eq!(name(""), None);
    }
}
