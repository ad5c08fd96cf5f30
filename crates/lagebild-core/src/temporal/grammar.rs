//! The machinery the language files share: rules as regular expressions with
//! named slots filled from the vocabulary, run over one sentence, the longest
//! match winning where two overlap. One pass of all the rules together tells
//! which of them match the sentence at all; only those are run one by one.

use super::vocabulary::{alternation, Vocabulary};
use super::{Direction, Expr, Found, Unit};
use crate::model::{DateModifier, Span};
use regex::{Regex, RegexSet};

/// What a rule makes of its match: the expression and its modifier.
pub(crate) type Build = fn(&Groups, &Match) -> Option<(Expr, Option<DateModifier>)>;

/// One pattern and how to read it.
#[derive(Clone)]
pub(crate) struct Rule {
    pub regex: Regex,
    pub build: Build,
    /// The named groups of the regex and their indices.
    names: Vec<(String, usize)>,
}

/// A rule's match and its groups. A group is found by name in the rule's
/// short list of names rather than the regex's own map, which hashes the
/// name each time.
pub(crate) struct Groups<'h, 'r> {
    captures: regex::Captures<'h>,
    names: &'r [(String, usize)],
}

impl<'h> Groups<'h, '_> {
    /// The group named `name`, where it took part in the match.
    pub fn name(&self, name: &str) -> Option<regex::Match<'h>> {
        let &(_, index) = self.names.iter().find(|(n, _)| n == name)?;
        self.captures.get(index)
    }

    /// Group `index` (0: the whole match), where it took part in the match.
    pub fn get(&self, index: usize) -> Option<regex::Match<'h>> {
        self.captures.get(index)
    }
}

/// The compiled rules of a language.
pub(crate) struct Grammar {
    rules: Vec<Rule>,
    /// All the rules at once, in the same order, each wrapped in
    /// [`bounded`]: which of them match a sentence as whole words somewhere.
    /// A rule that does not cannot give a candidate in [`run`], so it is
    /// skipped. `None` when the set is too large to build: then every rule
    /// is run.
    any: Option<RegexSet>,
}

#[cfg(test)]
impl Grammar {
    /// How many rules compiled.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether the set of all rules was built, and running only the rules
    /// it picks finds in `sentence` what running every rule finds.
    pub fn set_agrees(&self, sentence: &str, vocabulary: &Vocabulary) -> bool {
        let every_rule = Grammar { rules: self.rules.clone(), any: None };
        self.any.is_some() && run(self, vocabulary, sentence, 0) == run(&every_rule, vocabulary, sentence, 0)
    }

    /// Which rules the set picks for `sentence`.
    pub fn picked(&self, sentence: &str) -> Vec<usize> {
        self.any.as_ref().map_or_else(Vec::new, |any| any.matches(sentence).into_iter().collect())
    }
}

/// The context a rule's builder sees.
pub(crate) struct Match<'a> {
    pub vocabulary: &'a Vocabulary,
    /// The sentence text before the match.
    pub before: &'a str,
    /// The sentence text after the match.
    pub after: &'a str,
}

/// The keys of a vocabulary table.
fn keys<V>(map: &std::collections::HashMap<String, V>) -> impl Iterator<Item = &String> {
    map.keys()
}

/// Compiles the rules of `tables`, in order, replacing `{SLOT}`s with
/// alternations from the vocabulary.
/// A rule that does not compile is a bug in the rule table, caught by the
/// language files' tests; it is left out rather than stopping the engine.
pub(crate) fn compile(vocabulary: &Vocabulary, tables: &[&[(&str, Build)]]) -> Grammar {
    let slots: Vec<(&str, String)> = vec![
        ("{MONTH}", alternation(keys(&vocabulary.months))),
        ("{WEEKDAY}", alternation(keys(&vocabulary.weekdays))),
        ("{DAYPART}", alternation(&vocabulary.day_parts)),
        ("{SEASON}", alternation(keys(&vocabulary.seasons))),
        ("{NUM}", format!("(?:\\d{{1,3}}|{})", alternation(keys(&vocabulary.numbers)))),
        ("{UNIT}", alternation(keys(&vocabulary.units))),
        ("{MOD}", alternation(keys(&vocabulary.part_modifiers))),
        ("{RELDAY}", alternation(keys(&vocabulary.relative_days))),
        ("{PREV}", alternation(&vocabulary.previous)),
        ("{NEXT}", alternation(&vocabulary.next)),
        ("{CUR}", alternation(&vocabulary.current)),
        ("{BEFORE_PREV}", alternation(&vocabulary.before_previous)),
        ("{AFTER_PREV}", alternation(&vocabulary.after_previous)),
        ("{SAME}", alternation(&vocabulary.same)),
        ("{SINCE}", alternation(&vocabulary.since)),
        ("{BEFORE}", alternation(&vocabulary.before)),
        ("{EVERY}", alternation(&vocabulary.every)),
    ];
    let mut compiled = Vec::new();
    let mut sources = Vec::new();
    for (pattern, build) in tables.iter().copied().flatten() {
        // The boundaries of a whole match are checked in `run`; inner ones
        // (after digits) are ASCII. A Unicode `\b` would keep the fast
        // automaton off any text with an umlaut.
        let outer = pattern.strip_prefix(r"\b").unwrap_or(pattern);
        let outer = outer.strip_suffix(r"\b").unwrap_or(outer);
        let mut source = format!("(?i){}", outer.replace(r"\b", r"(?-u:\b)"));
        for (slot, alternation) in &slots {
            source = source.replace(slot, alternation);
        }
        if let Ok(regex) = Regex::new(&source) {
            let names = regex
                .capture_names()
                .enumerate()
                .filter_map(|(index, name)| Some((name?.to_string(), index)))
                .collect();
            compiled.push(Rule { regex, build: *build, names });
            sources.push(bounded(&source));
        }
    }
    let any = RegexSet::new(&sources).ok();
    Grammar { rules: compiled, any }
}

/// A rule's source for the set that picks the rules to run: the rule with
/// no ASCII letter or digit right before it, nor right after it (where the
/// rule has no trailing `post` group, whose start is the end [`run`]
/// checks). [`run`] takes only matches with no letter or digit on either
/// side, so a rule that gives one also matches this way; the rest, which
/// match only inside words ("Aug" in "Flugzeug"), are not run.
fn bounded(source: &str) -> String {
    const NOT_ALPHANUMERIC: &str = "[^0-9A-Za-z]";
    let after =
        if source.contains("(?P<post>") { String::new() } else { format!("(?:$|{NOT_ALPHANUMERIC})") };
    format!("(?:^|{NOT_ALPHANUMERIC})(?:{source}){after}")
}

/// Runs the rules over a sentence; overlapping matches keep the longest.
pub(crate) fn run(grammar: &Grammar, vocabulary: &Vocabulary, sentence: &str, base: usize) -> Vec<Found> {
    let mut candidates = Vec::new();
    // Most sentences hold no date: a search that stops at the first rule
    // matching tells them apart more cheaply than asking which rules match.
    if grammar.any.as_ref().is_some_and(|any| !any.is_match(sentence)) {
        return Vec::new();
    }
    let matching = grammar.any.as_ref().map(|any| any.matches(sentence));
    for (k, rule) in grammar.rules.iter().enumerate() {
        if matching.as_ref().is_some_and(|m| !m.matched(k)) {
            continue;
        }
        let mut from = 0;
        while let Some(captures) = rule.regex.captures_at(sentence, from) {
            let caps = Groups { captures, names: &rule.names };
            let Some(whole) = caps.get(0) else { break };
            // A trailing `post` group is context (punctuation after a year), not part of the expression.
            let end = caps.name("post").map_or(whole.end(), |post| post.start());
            let bounded = crate::text::word_starts_at(sentence, whole.start())
                && crate::text::word_ends_at(sentence, end);
            // A match inside a word is retried one character later, so that
            // "Kriegsjahr 1939" still yields "1939".
            from = if bounded {
                whole.end().max(whole.start() + 1)
            } else {
                whole.start() + sentence[whole.start()..].chars().next().map_or(1, char::len_utf8)
            };
            while from < sentence.len() && !sentence.is_char_boundary(from) {
                from += 1;
            }
            if !bounded {
                continue;
            }
            let context = Match { vocabulary, before: &sentence[..whole.start()], after: &sentence[end..] };
            // A leading `signal` group ("seit", "since") is context too: TIMEX
            // spans leave the preposition out; it becomes the modifier.
            let start = caps.name("signal").map_or(whole.start(), |signal| {
                signal.end() + sentence[signal.end()..].len() - sentence[signal.end()..].trim_start().len()
            });
            let hedged = context
                .before
                .split_whitespace()
                .last()
                .is_some_and(|w| vocabulary.approx.contains(&w.trim_end_matches('.').to_lowercase()));
            if let Some((expr, modifier)) = (rule.build)(&caps, &context) {
                let modifier = modifier.or(hedged.then_some(DateModifier::Approx));
                candidates.push((start, end, expr, modifier));
            }
            if from > sentence.len() {
                break;
            }
        }
    }
    candidates.sort_by(|a, b| a.0.cmp(&b.0).then((b.1 - b.0).cmp(&(a.1 - a.0))));
    let mut out: Vec<Found> = Vec::new();
    for (start, end, expr, modifier) in candidates {
        if out.last().is_some_and(|last| last.span.1 > base + start) {
            continue;
        }
        out.push(Found { span: Span(base + start, base + end), expr, modifier });
    }
    out
}

/// The text of a named group.
pub(crate) fn group<'c>(caps: &'c Groups, name: &str) -> Option<&'c str> {
    caps.name(name).map(|m| m.as_str())
}

/// A named group parsed as a number.
pub(crate) fn int<T: std::str::FromStr>(caps: &Groups, name: &str) -> Option<T> {
    group(caps, name).and_then(|s| s.parse().ok())
}

/// Two-digit years up to this one are read as 20xx, later ones as 19xx.
const TWO_DIGIT_CENTURY_CUTOFF: i32 = 30;

/// A four-digit year, or a two-digit one read as 20xx up to the cutoff and
/// 19xx after it ("24.10.24" is 2024, "1.9.39" is 1939).
pub(crate) fn year(caps: &Groups, name: &str) -> Option<i32> {
    let y: i32 = int(caps, name)?;
    Some(match (group(caps, name)?.len(), y) {
        (2, y) if y <= TWO_DIGIT_CENTURY_CUTOFF => 2000 + y,
        (2, y) => 1900 + y,
        (_, y) => y,
    })
}

/// A day of the month, checked.
pub(crate) fn day(caps: &Groups, name: &str) -> Option<u32> {
    int(caps, name).filter(|d| (1..=31).contains(d))
}

/// Whether the word starts with an upper-case letter.
pub(crate) fn capitalised(caps: &Groups, name: &str) -> bool {
    group(caps, name).is_some_and(crate::text::is_capitalised)
}

/// The month of group `mon`, refusing abbreviations and ambiguous names that
/// stand alone (without a day, a year or a modifier).
pub(crate) fn month(caps: &Groups, m: &Match, alone: bool) -> Option<u32> {
    let word = group(caps, "mon")?;
    let month = m.vocabulary.month(word)?;
    if !alone {
        return Some(month);
    }
    let key = word.trim_end_matches('.').to_lowercase();
    let abbreviation = m
        .vocabulary
        .months
        .iter()
        .any(|(other, &n)| n == month && other.len() > key.len() && other.starts_with(&key));
    let ambiguous = m.vocabulary.ambiguous_months.contains(&key);
    let after_preposition = m.before.split_whitespace().last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "in" | "since"
                | "until"
                | "by"
                | "of"
                | "from"
                | "early"
                | "mid"
                | "late"
                | "im"
                | "seit"
                | "bis"
                | "ab"
        )
    });
    (crate::text::is_capitalised(word) && !abbreviation && (!ambiguous || after_preposition)).then_some(month)
}

/// The modifier of group `mod`.
pub(crate) fn modifier(caps: &Groups, m: &Match) -> Option<DateModifier> {
    group(caps, "mod").and_then(|w| m.vocabulary.modifier(w))
}

/// The shift of group `shift`: -1 for "last", +1 for "next", 0 otherwise.
pub(crate) fn shift(caps: &Groups, m: &Match) -> i32 {
    match group(caps, "shift") {
        Some(w) if m.vocabulary.is_previous(w) => -1,
        Some(w) if m.vocabulary.is_next(w) => 1,
        _ => 0,
    }
}

/// The direction a weekday takes from group `shift`.
pub(crate) fn direction(caps: &Groups, m: &Match) -> Direction {
    match (group(caps, "shift"), shift(caps, m)) {
        (None, _) => Direction::Tense,
        (Some(_), -1) => Direction::Past,
        (Some(_), 1) => Direction::Future,
        _ => Direction::Current,
    }
}

/// Group `n` as a number (digits or a number word) and group `u` as a unit.
pub(crate) fn amount(caps: &Groups, m: &Match) -> Option<(u32, Unit)> {
    let n = group(caps, "n").map_or(Some(1), |w| m.vocabulary.number(w))?;
    let unit = m.vocabulary.unit(group(caps, "u")?)?;
    Some((n, unit))
}

/// A decade from group `dec` ("1990", "90" → 199).
pub(crate) fn decade(caps: &Groups) -> Option<i32> {
    let digits = group(caps, "dec")?;
    let value: i32 = digits.parse().ok()?;
    match digits.len() {
        4 if value % 10 == 0 => Some(value / 10),
        2 if value % 10 == 0 => Some(190 + value / 10),
        _ => None,
    }
}

/// Whether a bare four-digit number reads as a year: after a preposition, at
/// the start of the sentence, or before punctuation.
pub(crate) fn bare_year_is_date(caps: &Groups, m: &Match) -> bool {
    let next = m.after.trim_start().chars().next();
    let before_lowercase = m.vocabulary.year_before_lowercase
        && m.after.starts_with(char::is_whitespace)
        && next.is_some_and(char::is_lowercase);
    let range =
        m.after.starts_with(['–', '-', '/']) && m.after.chars().nth(1).is_some_and(|c| c.is_ascii_digit());
    caps.name("pre").is_some()
        || caps.name("signal").is_some()
        || caps.name("post").is_some()
        || m.before.trim().is_empty()
        || before_lowercase
        || range
}

/// Builders shared by the language files: what a match means is the same in
/// German and English once the slots are read; only the patterns differ.
pub(crate) mod build {
    use super::*;
    use crate::model::DateModifier;

    type Built = Option<(Expr, Option<DateModifier>)>;

    /// Groups `y`, `m` (a month number) and `d`.
    pub(crate) fn numeric_date(c: &Groups, _: &Match) -> Built {
        let month = int(c, "m").filter(|m| (1..=12).contains(m))?;
        Some((Expr::Calendar { year: year(c, "y"), month, day: Some(day(c, "d")?) }, None))
    }

    /// Groups `d`, `mon` (a month name) and `y`.
    pub(crate) fn day_of_month(c: &Groups, m: &Match) -> Built {
        capitalised(c, "mon").then_some(())?;
        Some((
            Expr::Calendar { year: year(c, "y"), month: month(c, m, false)?, day: Some(day(c, "d")?) },
            None,
        ))
    }

    /// Groups `mod`, `mon` and `y`: a month, alone only when unambiguous.
    pub(crate) fn month_of_year(c: &Groups, m: &Match) -> Built {
        let alone = c.name("y").is_none() && c.name("mod").is_none();
        Some((Expr::Calendar { year: year(c, "y"), month: month(c, m, alone)?, day: None }, modifier(c, m)))
    }

    /// Groups `mod`, `s` (a season) and `y`.
    pub(crate) fn season(c: &Groups, m: &Match) -> Built {
        Some((
            Expr::Season { year: year(c, "y"), season: m.vocabulary.season(group(c, "s")?)? },
            modifier(c, m),
        ))
    }

    /// Groups `mod` and `dec`.
    pub(crate) fn decade_of(c: &Groups, m: &Match) -> Built {
        Some((Expr::Decade(decade(c)?), modifier(c, m)))
    }

    /// Groups `signal`, `pre`, `mod`, `y` and `post`: "seit 2014" is a start,
    /// "vor 2014" an end.
    pub(crate) fn year_of(c: &Groups, m: &Match) -> Built {
        bare_year_is_date(c, m).then_some(())?;
        let signal = group(c, "signal").map(str::to_lowercase).unwrap_or_default();
        let modifier = modifier(c, m).or_else(|| match signal.as_str() {
            p if m.vocabulary.since.iter().any(|s| s == p) => Some(DateModifier::After),
            p if m.vocabulary.before.iter().any(|s| s == p) => Some(DateModifier::Before),
            _ => None,
        });
        Some((Expr::Year(int(c, "y")?), modifier))
    }

    /// Groups `shift` and `wd`.
    pub(crate) fn weekday(c: &Groups, m: &Match) -> Built {
        capitalised(c, "wd").then_some(())?;
        let weekday = m.vocabulary.weekday(group(c, "wd")?)?;
        Some((Expr::Weekday { weekday, direction: direction(c, m) }, None))
    }

    /// Groups `n` and `u`, counted back from the publication date.
    pub(crate) fn ago(c: &Groups, m: &Match) -> Built {
        let (n, unit) = amount(c, m)?;
        Some((Expr::Ago { n, unit }, None))
    }

    /// Groups `n`, `u` and `dir` ("zuvor", "later"), from the last date.
    pub(crate) fn from_previous(c: &Groups, m: &Match) -> Built {
        let (n, unit) = amount(c, m)?;
        let earlier = m.vocabulary.before_previous.contains(&group(c, "dir")?.to_lowercase());
        let n = i32::try_from(n).ok()?;
        Some((Expr::FromPrevious { n: if earlier { -n } else { n }, unit }, None))
    }

    /// Group `u`: the same day, week … as the last date.
    pub(crate) fn same_as_previous(c: &Groups, m: &Match) -> Built {
        let (_, unit) = amount(c, m)?;
        Some((Expr::FromPrevious { n: 0, unit }, None))
    }

    /// Groups `n` and `u`: a length of time.
    pub(crate) fn duration(c: &Groups, m: &Match) -> Built {
        let (n, unit) = amount(c, m)?;
        Some((Expr::Duration { n, unit }, None))
    }

    /// A recurrence.
    pub(crate) fn set(_: &Groups, _: &Match) -> Built {
        Some((Expr::Set, None))
    }

    /// The ISO 8601 date rule, the same in every language.
    pub(crate) const ISO_DATE: (&str, Build) = (r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", numeric_date);
}
