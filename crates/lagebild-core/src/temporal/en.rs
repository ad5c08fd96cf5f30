//! English date expressions: "October 24, 2024", "24 October", "Oct. 24",
//! "early 2020", "the mid-1980s", "last Tuesday", "earlier this month", "two
//! days ago", "the following week", "for three weeks", "every Monday".

use super::grammar::{amount, build, group, modifier, shift, Build};
#[cfg(test)]
use super::{compiled, Rules, Vocabulary};
use super::{Expr, Unit};
#[cfg(test)]
use crate::model::Language;

/// The rules of full calendar dates (day, month, year); the only ones run
/// for dates written this language's way in a text of the other language.
pub(super) const CALENDAR: &[(&str, Build)] = &[
    build::ISO_DATE,
    // (Monday,) October 24(th)(, 2024)
    (
        r"\b(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{4})\b)?",
        build::day_of_month,
    ),
    // (Monday,) (the) 24(th) (of) October( 2024)
    (
        r"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>\d{4}))?\b",
        build::day_of_month,
    ),
];

/// The other rules.
pub(super) const OTHERS: &[(&str, Build)] = &[
    // (early) October (2024)
    (r"\b(?:(?P<mod>{MOD})[\s-]+)?(?P<mon>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>\d{4}))?\b", build::month_of_year),
    // (late) (the) autumn (of) 2023, in the summer: "fall" and "spring" are
    // common words, so a season needs a year or a determiner.
    (
        r"\b(?:(?P<mod>{MOD})[\s-]+)?(?P<det>the\s+|this\s+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b",
        |c, m| {
            (c.name("y").is_some() || c.name("det").is_some()).then_some(()).and_then(|_| build::season(c, m))
        },
    ),
    // the (mid-)1980s, the '90s
    (r"\b(?:the\s+)?(?:(?P<mod>{MOD})[\s-]+)?['’]?(?P<dec>\d{2,4})s\b", build::decade_of),
    // (since|in|early) 2014
    (
        r"\b(?:(?P<signal>{SINCE}|{BEFORE}|in|by|from|during)\s+|(?P<pre>the\s+year|(?P<mod>{MOD}))[\s-]+)?(?P<y>1[5-9]\d\d|20\d\d)\b(?P<post>\s*[,.;:)!?]|\s*$)?",
        build::year_of,
    ),
    // yesterday, today, the day after tomorrow
    (r"\b(?P<rel>{RELDAY})\b", |c, m| {
        let key = group(c, "rel")?.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        Some((Expr::DaysFromPublished(*m.vocabulary.relative_days.get(&key)?), None))
    }),
    // (last) Tuesday (night)
    (r"\b(?:(?P<shift>{PREV}|{NEXT}|{CUR})\s+)?(?P<wd>{WEEKDAY})(?:\s+(?:{DAYPART}))?\b", build::weekday),
    // (earlier) this month, last week, next year
    (
        r"\b(?:(?P<mod>{MOD})\s+|(?:earlier|later)\s+)?(?P<shift>{PREV}|{NEXT}|{CUR})\s+(?P<u>{UNIT})\b",
        |c, m| {
            let (_, unit) = amount(c, m)?;
            if c.get(0)?.as_str().to_lowercase().starts_with("the ") {
                return None;
            }
            let expr = match unit {
                Unit::Day | Unit::Decade => return None,
                _ => Expr::PublishedPeriod { unit, shift: shift(c, m) },
            };
            Some((expr, modifier(c, m)))
        },
    ),
    // earlier in the month, later in the year
    (r"\b(?:earlier|later)\s+in\s+the\s+(?P<u>{UNIT})\b", |c, m| {
        let (_, unit) = amount(c, m)?;
        matches!(unit, Unit::Week | Unit::Month | Unit::Year)
            .then_some((Expr::PublishedPeriod { unit, shift: 0 }, None))
    }),
    // two days ago
    (r"\b(?P<n>{NUM})\s+(?P<u>{UNIT})\s+ago\b", build::ago),
    // a month earlier, two days later
    (r"\b(?P<n>{NUM})\s+(?P<u>{UNIT})\s+(?P<dir>{BEFORE_PREV}|later|afterwards)\b", build::from_previous),
    // the following week, the previous day, the next day
    (r"\bthe\s+(?P<shift>{PREV}|{NEXT})\s+(?P<u>{UNIT})\b", |c, m| {
        let (_, unit) = amount(c, m)?;
        Some((Expr::FromPrevious { n: shift(c, m), unit }, None))
    }),
    // the same day, that day
    (r"\b(?:on\s+)?(?:the\s+(?:{SAME})|that(?:\s+(?:{SAME}))?)\s+(?P<u>{UNIT})\b", build::same_as_previous),
    // for three weeks; a decade, five years, a two-day (visit)
    (r"\bfor\s+(?:the\s+(?:past|last)\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT})\b", build::duration),
    (r"\b(?P<n>{NUM})[\s-]+(?P<u>{UNIT})\b", build::duration),
    // every Monday, each week, on Mondays
    (r"\b(?:{EVERY})\s+(?:{WEEKDAY}|{UNIT})\b", build::set),
    (r"\bon\s+(?P<wd>{WEEKDAY})s\b", build::set),
];

#[cfg(test)]
#[test]
fn every_rule_compiles() {
    assert_eq!(compiled(Language::En, Rules::All).len(), CALENDAR.len() + OTHERS.len());
    assert_eq!(compiled(Language::En, Rules::Calendar).len(), CALENDAR.len());
}

#[cfg(test)]
#[test]
fn the_set_of_rules_agrees_with_each_rule() {
    for sentence in [
        "On Monday, October 24, 2024, he spoke.",
        "Two days ago, in early 2020, the mid-1980s.",
        "Every Monday and last week, in the mayhem of 1999,and after.",
        "Nothing happened.",
    ] {
        assert!(
            compiled(Language::En, Rules::All).set_agrees(sentence, Vocabulary::get(Language::En)),
            "{sentence}"
        );
    }
    // "May" in "mayhem", "Jun" in "junta": no rule to run.
    assert!(compiled(Language::En, Rules::All).picked("The mayhem of the junta.").is_empty());
}
