//! People who are not in the gazetteer, found by the role before their name
//! ("UN-Generalsekretär Antonio Guterres", "Außenamtssprecher Vedant Patel",
//! "President Joe Biden", "der ukrainische Präsident Wolodymyr Selenskyj").
//!
//! The person acts for the actor the role names: an organisation or state in
//! the compound's first part ("UN-", "US-"), or a state adjective or name just
//! before the role ("ukrainische", "Russia's"). Their surname alone later in
//! the text is a mention of them too. Roles come from
//! `data/gazetteer/roles.json`.

use super::gazetteer::{FormRole, Gazetteer};
use super::tails::{tail, TwoWidthTails};
use super::Collector;
use crate::lexicon::data_file;
use crate::model::{ActorKind, Language, Span};
use crate::sentence_words::{Sentence, SentenceWords};
use crate::syntax::Syntax;
use crate::text::{self, Word};

#[derive(Debug, serde::Deserialize)]
struct RoleEntry {
    #[serde(default)]
    de: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

#[derive(Debug, serde::Deserialize)]
struct Roles {
    roles: Vec<RoleEntry>,
}

data_file!(fn roles() -> Roles = "gazetteer/roles.json");

/// Role phrases of a language, as lower-case word sequences, longest first,
/// with an index to the phrases that may start at a word.
struct RolePhrases {
    phrases: Vec<Vec<String>>,
    /// Phrases of several words, by their first word.
    by_first_word: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// What each ending of a role word tells (see [`role_ending`]); a word
    /// whose ending is not here starts no role.
    by_ending: rustc_hash::FxHashMap<String, Ending>,
    /// How every one-word phrase and every first word of a longer one
    /// ends: a word that ends otherwise starts no role.
    role_tails: TwoWidthTails,
    /// One-word phrases of at least [`ROLE_ENDING_CHARS`] characters and
    /// [`ROLE_TAIL_BYTES`] bytes, by their last bytes: a word ends with one
    /// only if it ends with the same bytes.
    singles_by_tail: rustc_hash::FxHashMap<[u8; ROLE_TAIL_BYTES], Vec<usize>>,
    /// The length of the shortest first word of a phrase, in bytes: a
    /// shorter word starts no role.
    shortest_first: usize,
    /// Every word of every phrase.
    words: rustc_hash::FxHashSet<String>,
}

/// What the ending of a word tells about the roles that may start at it.
#[derive(Default)]
struct Ending {
    /// One-word phrases with this ending that `singles_by_tail` does not
    /// hold, in phrase order.
    short_singles: Vec<usize>,
    /// Whether the first word of a phrase of several words ends so.
    starts_phrase: bool,
}

/// How many final bytes of a one-word phrase [`RolePhrases::singles_by_tail`] keys on.
const ROLE_TAIL_BYTES: usize = 5;

/// The last [`ROLE_TAIL_BYTES`] bytes of a word, if it has that many.
fn role_tail(word: &str) -> Option<[u8; ROLE_TAIL_BYTES]> {
    tail(word.as_bytes())
}

impl RolePhrases {
    fn new(phrases: Vec<Vec<String>>) -> RolePhrases {
        let mut by_first_word: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        let mut by_ending: rustc_hash::FxHashMap<String, Ending> = Default::default();
        let mut singles_by_tail: rustc_hash::FxHashMap<[u8; ROLE_TAIL_BYTES], Vec<usize>> =
            Default::default();
        for (k, phrase) in phrases.iter().enumerate() {
            for word in phrase {
                by_ending.entry(role_ending(word).to_string()).or_default();
            }
            match phrase.as_slice() {
                [single] => match role_tail(single).filter(|_| single.chars().count() >= ROLE_ENDING_CHARS) {
                    Some(tail) => singles_by_tail.entry(tail).or_default().push(k),
                    None => {
                        by_ending.entry(role_ending(single).to_string()).or_default().short_singles.push(k)
                    }
                },
                [first, ..] => {
                    by_first_word.entry(first.clone()).or_default().push(k);
                    by_ending.entry(role_ending(first).to_string()).or_default().starts_phrase = true;
                }
                [] => {}
            }
        }
        // A word too short for a tail passes its test: a phrase's first word
        // shorter than [`super::tails::TAIL_BYTES`], which the test cannot
        // hold, must be the whole word (a one-word phrase that short ends
        // the word only when the word is as short).
        let mut role_tails = TwoWidthTails::default();
        for first in phrases.iter().filter_map(|phrase| phrase.first()) {
            role_tails.add(first);
        }
        let shortest_first = phrases.iter().filter_map(|p| p.first()).map(String::len).min().unwrap_or(0);
        let words = phrases.iter().flatten().cloned().collect();
        RolePhrases { phrases, by_first_word, by_ending, role_tails, singles_by_tail, shortest_first, words }
    }

    /// The phrases that may start at a lower-case word, in order (longest
    /// first), into `picked` (as indices). Only a word whose ending some role
    /// word has can start one; a one-word phrase must end the word, and
    /// the first word of a longer one must be the word.
    fn candidates(&self, lower: &str, picked: &mut Vec<usize>) {
        picked.clear();
        if lower.len() < self.shortest_first || !self.role_tails.may_end(lower) {
            return;
        }
        let Some(ending) = self.by_ending.get(role_ending(lower)) else { return };
        if ending.starts_phrase {
            picked.extend(self.by_first_word.get(lower).into_iter().flatten());
        }
        picked.extend(&ending.short_singles);
        picked
            .extend(role_tail(lower).and_then(|tail| self.singles_by_tail.get(&tail)).into_iter().flatten());
        picked.sort_unstable();
    }
}

/// Whether a lower-case word is a word of a role ("president", "secretary",
/// "außenminister"), or a compound that ends in one after a hyphen
/// ("us-präsident"): part of a title before a name.
pub(crate) fn is_role_word(language: Language, lower: &str) -> bool {
    let words = &role_phrases(language).words;
    words.contains(lower) || lower.rsplit_once('-').is_some_and(|(_, last)| words.contains(last))
}

/// The role phrases of a language (built once).
fn role_phrases(language: Language) -> &'static RolePhrases {
    static DE: std::sync::OnceLock<RolePhrases> = std::sync::OnceLock::new();
    static EN: std::sync::OnceLock<RolePhrases> = std::sync::OnceLock::new();
    match language {
        Language::De => DE.get_or_init(|| RolePhrases::new(build_role_phrases(Language::De))),
        Language::En => EN.get_or_init(|| RolePhrases::new(build_role_phrases(Language::En))),
    }
}

/// How many final characters of a role word the quick test compares.
const ROLE_ENDING_CHARS: usize = 3;

/// The last [`ROLE_ENDING_CHARS`] characters of a word (the whole word when shorter).
fn role_ending(word: &str) -> &str {
    word.char_indices().rev().nth(ROLE_ENDING_CHARS - 1).map_or(word, |(at, _)| &word[at..])
}

fn build_role_phrases(language: Language) -> Vec<Vec<String>> {
    let mut phrases: Vec<Vec<String>> = roles()
        .roles
        .iter()
        .flat_map(|r| match language {
            Language::De => r.de.iter(),
            Language::En => r.en.iter(),
        })
        .map(|p| text::words(p, 0).iter().map(|w| w.text.to_lowercase()).collect::<Vec<_>>())
        .filter(|p: &Vec<String>| !p.is_empty())
        .collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    phrases
}

/// How many words from `i` on form a role, and the compound prefix ("UN") if any.
/// `picked` is room for the candidate phrases.
///
/// Every word of a role ends as some role word does, and a one-word role
/// ends its word: only phrases that fit the word's ending are tried.
fn role_at<'t>(
    sentence: Sentence<'_, 't>,
    i: usize,
    phrases: &RolePhrases,
    language: Language,
    picked: &mut Vec<usize>,
) -> Option<(usize, Option<&'t str>)> {
    let words = sentence.words;
    phrases.candidates(sentence.lower(i), picked);
    for phrase in picked.iter().filter_map(|&k| phrases.phrases.get(k)) {
        let n = phrase.len();
        if i + n > words.len() || !(i..i + n - 1).zip(phrase).all(|(k, p)| sentence.lower(k) == p) {
            continue;
        }
        let last = words[i + n - 1].text;
        let last_lower = sentence.lower(i + n - 1);
        let role = &phrase[n - 1];
        if last_lower == role {
            return Some((n, None));
        }
        let Some(prefix_lower) = last_lower.strip_suffix(role.as_str()) else { continue };
        // The prefix as written; only where lower-casing kept the byte lengths.
        let prefix = (last_lower.len() == last.len()).then(|| &last[..prefix_lower.len()]);
        // German compounds: "UN-Generalsekretär", "Außenamtssprecher".
        if language == Language::De && n == 1 && prefix_lower.len() > 1 {
            return Some((1, prefix.and_then(|p| p.strip_suffix('-'))));
        }
        if prefix_lower.ends_with('-') {
            return Some((n, prefix.and_then(|p| p.strip_suffix('-'))));
        }
    }
    None
}

/// Finds role-introduced people and adds them, with their short mentions;
/// `sentence_words` holds the words of each sentence.
pub(super) fn find(
    text: &str,
    sentence_words: &SentenceWords,
    language: Language,
    gazetteer: &Gazetteer,
    collector: &mut Collector,
) {
    let phrases = role_phrases(language);
    let syntax = Syntax::get(language);
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut picked = Vec::new();
    for sentence in sentence_words.sentences() {
        let words = sentence.words;
        let mut i = 0;
        while i < words.len() {
            let Some((n, prefix)) = role_at(sentence, i, phrases, language, &mut picked) else {
                i += 1;
                continue;
            };
            let role_start = words[i].span.0;
            // "Ambassador to Germany Richard Grenell", "Generalsekretär der Nato Mark Rutte".
            let (skipped, of_actor) = known_phrase_after(words, i + n, syntax, collector);
            let start = i + n + skipped;
            let name_words = name_after(text, words, start, syntax);
            if name_words.is_empty() {
                apposition(text, words, i, n, syntax, collector, &mut found);
                i += n;
                continue;
            }
            let span =
                without_possessive(text, Span(name_words[0].span.0, name_words[name_words.len() - 1].span.1));
            i = start + name_words.len();
            if collector.overlapping(span).is_some() {
                continue;
            }
            let name = text[span.0..span.1].to_string();
            // A role word is not a name ("Governor General"), and a surname
            // alone may be someone the text already named in full.
            if name_words.len() == 1 {
                let name_lower = name.to_lowercase();
                if phrases.phrases.iter().any(|p| p.len() == 1 && p[0] == name_lower) {
                    continue;
                }
            }
            let named_before = collector.drafts.iter().position(|d| {
                d.kind == ActorKind::Person && d.name.rsplit(' ').next() == Some(name.as_str())
            });
            if let (1, Some(actor)) = (name_words.len(), named_before) {
                collector.mention(actor, span, &name, FormRole::Short, false);
                continue;
            }
            // A known person named by surname after a role ("Außenministerin Baerbock").
            let known =
                gazetteer.lookup(&name).filter(|f| gazetteer.actors[f.actor].kind == ActorKind::Person);
            if let Some(form) = known {
                let actor = collector.known(gazetteer, form.actor);
                collector.mention(actor, span, &name, form.role, false);
                continue;
            }
            let member_of = of_actor.or_else(|| affiliation(text, prefix, role_start, gazetteer, collector));
            let actor = collector.actor(&slug(&name), &name, ActorKind::Person, member_of);
            collector.mention(actor, span, &name, FormRole::Name, false);
            if name_words.len() > 1 {
                found.push((actor, name_words[name_words.len() - 1].text.to_string()));
            }
        }
    }
    for (actor, surname) in found {
        for word in sentence_words.all() {
            if word.text == surname || word.text.strip_suffix('s') == Some(surname.as_str()) {
                collector.mention(actor, word.span, &surname, FormRole::Short, false);
            }
        }
    }
}

/// A name's span without a possessive ending ("Klobuchar's" → "Klobuchar").
fn without_possessive(text: &str, span: Span) -> Span {
    let name = &text[span.0..span.1];
    match name.strip_suffix("'s").or_else(|| name.strip_suffix("’s")) {
        Some(stem) if !stem.is_empty() => Span(span.0, span.0 + stem.len()),
        _ => span,
    }
}

/// A name before a comma and its role after it: "Zalmay Khalilzad, a US
/// peace envoy", "Steffen Seibert, spokesman for the government". Between
/// the comma and the role stand only an article, lower-case words and known
/// actors (whose the role is); the name has at least two capitalised words.
fn apposition(
    text: &str,
    words: &[Word],
    role: usize,
    role_len: usize,
    syntax: &Syntax,
    collector: &mut Collector,
    found: &mut Vec<(usize, String)>,
) {
    let mut owner = None;
    let mut k = role;
    let comma_after = loop {
        if k == 0 || role - k > 4 {
            return;
        }
        let previous = &words[k - 1];
        if text[previous.span.1..words[k].span.0].contains(',') {
            break k - 1;
        }
        let lower = previous.text.to_lowercase();
        let known = collector.overlapping(previous.span);
        match known {
            Some(m) => owner = Some(collector.drafts[m.actor].id.clone()),
            None if syntax.articles.contains(&lower) || !text::is_capitalised(previous.text) => {}
            None => return,
        }
        k -= 1;
    };
    let mut first = comma_after;
    while first > 0 && comma_after - first < 3 {
        let previous = &words[first - 1];
        let joined = text[previous.span.1..words[first].span.0].chars().all(char::is_whitespace);
        if !joined || !text::is_capitalised(previous.text) || syntax.not_names.contains(previous.text) {
            break;
        }
        first -= 1;
    }
    let name_words = &words[first..=comma_after];
    let span = Span(name_words[0].span.0, name_words[name_words.len() - 1].span.1);
    let capitalised = name_words.iter().all(|w| text::is_capitalised(w.text));
    if name_words.len() < 2 || !capitalised || collector.overlapping(span).is_some() {
        return;
    }
    let owner = owner.or_else(|| known_phrase_after(words, role + role_len, syntax, collector).1);
    let name = text[span.0..span.1].to_string();
    let actor = collector.actor(&slug(&name), &name, ActorKind::Person, owner);
    collector.mention(actor, span, &name, FormRole::Name, false);
    found.push((actor, name_words[name_words.len() - 1].text.to_string()));
}

/// A prepositional phrase naming a known actor right after a role ("to
/// Germany", "der Nato"): how many words it takes, and the actor when the
/// phrase says whose role it is ("of", "der", "des").
fn known_phrase_after(
    words: &[Word],
    from: usize,
    syntax: &Syntax,
    collector: &Collector,
) -> (usize, Option<String>) {
    let Some(preposition) = words.get(from) else { return (0, None) };
    let lower = preposition.text.to_lowercase();
    let possessive = syntax.of.contains(&lower);
    if !possessive && !syntax.destination.contains(&lower) && !syntax.locative.contains(&lower) {
        return (0, None);
    }
    let mut at = from + 1;
    if words.get(at).is_some_and(|w| syntax.articles.contains(&w.text.to_lowercase())) {
        at += 1;
    }
    let Some(mention) = words.get(at).and_then(|w| collector.starting_in(w.span.0..w.span.0 + 1).next())
    else {
        return (0, None);
    };
    let end = words.iter().position(|w| w.span.1 >= mention.span.1).unwrap_or(at);
    let actor = possessive.then(|| collector.drafts[mention.actor].id.clone());
    (end + 1 - from, actor)
}

/// The capitalised words of a name right after a role (at most four,
/// with particles such as "von" inside).
fn name_after<'t>(text: &str, words: &[Word<'t>], from: usize, syntax: &Syntax) -> Vec<Word<'t>> {
    let mut out: Vec<Word<'t>> = Vec::new();
    for word in words.iter().skip(from).take(5) {
        if let Some(last) = out.last().or(if from > 0 { words.get(from - 1) } else { None }) {
            let gap = &text[last.span.1..word.span.0];
            if !gap.chars().all(char::is_whitespace) {
                break;
            }
        }
        let particle = Syntax::is(&syntax.name_particles, word.text) && !text::is_capitalised(word.text);
        if particle && !out.is_empty() {
            out.push(*word);
            continue;
        }
        if !text::is_capitalised(word.text)
            || syntax.not_names.contains(word.text)
            || word.text.chars().all(|c| c.is_uppercase())
        {
            break;
        }
        out.push(*word);
        if out.len() == 4 {
            break;
        }
    }
    while out.last().is_some_and(|w| !text::is_capitalised(w.text)) {
        out.pop();
    }
    out
}

/// The actor a role names: its compound prefix, else a known actor mentioned
/// in the three words before the role.
fn affiliation(
    text: &str,
    prefix: Option<&str>,
    role_start: usize,
    gazetteer: &Gazetteer,
    collector: &mut Collector,
) -> Option<String> {
    if let Some(form) = prefix.and_then(|p| gazetteer.lookup(p)) {
        return Some(gazetteer.actors[form.actor].id.clone());
    }
    let window_start = text[..role_start]
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(2)
        .map_or(0, |(i, _)| i);
    let sentence_break = text[window_start..role_start]
        .rfind(['.', '!', '?', '\n'])
        .map_or(window_start, |i| window_start + i + 1);
    collector
        .mentions
        .iter()
        .rev()
        .find(|m| m.span.0 >= sentence_break && m.span.1 <= role_start && !m.place)
        .map(|m| collector.drafts[m.actor].id.clone())
        .filter(|id| collector.drafts.iter().any(|d| d.id == *id && d.kind != ActorKind::Person))
}

/// A stable id from a name: lower snake case, accents folded.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let folded = match c {
            'ä' | 'Ä' => "ae",
            'ö' | 'Ö' => "oe",
            'ü' | 'Ü' => "ue",
            'ß' => "ss",
            'á' | 'à' | 'â' | 'ã' | 'å' | 'Á' | 'À' | 'Â' => "a",
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => "e",
            'í' | 'ì' | 'î' | 'ï' => "i",
            'ó' | 'ò' | 'ô' | 'õ' | 'ø' | 'Ó' => "o",
            'ú' | 'ù' | 'û' => "u",
            'ç' | 'č' | 'ć' => "c",
            'ñ' | 'ń' => "n",
            'š' | 'ś' | 'ş' => "s",
            'ž' | 'ź' | 'ż' => "z",
            'ğ' => "g",
            'ı' => "i",
            _ => "",
        };
        if !folded.is_empty() {
            out.push_str(folded);
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}
