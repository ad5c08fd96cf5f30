//! English date expressions: "October 24, 2024", "24 October", "Oct. 24",
//! "early 2020", "the mid-1980s", "last Tuesday", "earlier this month", "two
//! days ago", "the following week", "for three weeks", "every Monday".

use super::grammar::{
    self, amount, bare_year_is_date, capitalised, day, decade, direction, group, int, modifier,
    month, shift, year, Build, Rule,
};
use super::{Expr, Found, Unit, Vocabulary};
use crate::model::{DateModifier, Language};
use std::sync::OnceLock;

const RULES: &[(&str, Build)] = &[
    // 2024-10-24
    (r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", |c, _| {
        Some((
            Expr::Calendar {
                year: int(c, "y"),
                month: int(c, "m").filter(|m| (1..=12).contains(m))?,
                day: Some(day(c, "d")?),
            },
            None,
        ))
    }),
    // (Monday,) October 24(th)(, 2024)
    (
        r"\b(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{4})\b)?",
        |c, m| {
            capitalised(c, "mon").then_some(())?;
            Some((
                Expr::Calendar {
                    year: year(c, "y"),
                    month: month(c, m, false)?,
                    day: Some(day(c, "d")?),
                },
                None,
            ))
        },
    ),
    // (Monday,) (the) 24(th) (of) October( 2024)
    (
        r"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH})\.?(?:,?\s+(?P<y>\d{4}))?\b",
        |c, m| {
            capitalised(c, "mon").then_some(())?;
            Some((
                Expr::Calendar {
                    year: year(c, "y"),
                    month: month(c, m, false)?,
                    day: Some(day(c, "d")?),
                },
                None,
            ))
        },
    ),
    // (early) October (2024)
    (
        r"\b(?:(?P<mod>{MOD})[\s-]+)?(?P<mon>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>\d{4}))?\b",
        |c, m| {
            let alone = c.name("y").is_none() && c.name("mod").is_none();
            Some((
                Expr::Calendar {
                    year: year(c, "y"),
                    month: month(c, m, alone)?,
                    day: None,
                },
                modifier(c, m),
            ))
        },
    ),
    // (late) (the) autumn (of) 2023, in the summer
    (
        r"\b(?:(?P<mod>{MOD})[\s-]+)?(?P<det>the\s+|this\s+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b",
        |c, m| {
            (c.name("y").is_some() || c.name("det").is_some()).then_some(())?;
            Some((
                Expr::Season {
                    year: year(c, "y"),
                    season: m.vocabulary.season(group(c, "s")?)?,
                },
                modifier(c, m),
            ))
        },
    ),
    // the (mid-)1980s, the '90s
    (
        r"\b(?:the\s+)?(?:(?P<mod>{MOD})[\s-]+)?['’]?(?P<dec>\d{2,4})s\b",
        |c, m| Some((Expr::Decade(decade(c)?), modifier(c, m))),
    ),
    // (since|in|early) 2014
    (
        r"\b(?:(?P<pre>{SINCE}|{BEFORE}|in|by|from|during|the\s+year|(?P<mod>{MOD}))[\s-]+)?(?P<y>1[5-9]\d\d|20\d\d)\b(?P<post>\s*[,.;:)!?]|\s*$)?",
        |c, m| {
            bare_year_is_date(c, m).then_some(())?;
            let pre = group(c, "pre").map(str::to_lowercase).unwrap_or_default();
            let modifier = modifier(c, m).or_else(|| match pre.as_str() {
                p if m.vocabulary.since.iter().any(|s| s == p) => Some(DateModifier::After),
                p if m.vocabulary.before.iter().any(|s| s == p) => Some(DateModifier::Before),
                _ => None,
            });
            Some((Expr::Year(int(c, "y")?), modifier))
        },
    ),
    // yesterday, today, the day after tomorrow
    (r"\b(?P<rel>{RELDAY})\b", |c, m| {
        let key = group(c, "rel")?
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        Some((
            Expr::DaysFromPublished(*m.vocabulary.relative_days.get(&key)?),
            None,
        ))
    }),
    // (last) Tuesday (night)
    (
        r"\b(?:(?P<shift>{PREV}|{NEXT}|{CUR})\s+)?(?P<wd>{WEEKDAY})(?:\s+(?:{DAYPART}))?\b",
        |c, m| {
            capitalised(c, "wd").then_some(())?;
            Some((
                Expr::Weekday {
                    weekday: m.vocabulary.weekday(group(c, "wd")?)?,
                    direction: direction(c, m),
                },
                None,
            ))
        },
    ),
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
                _ => Expr::PublishedPeriod {
                    unit,
                    shift: shift(c, m),
                },
            };
            Some((expr, modifier(c, m)))
        },
    ),
    // earlier in the month, later in the year
    (
        r"\b(?:earlier|later)\s+in\s+the\s+(?P<u>{UNIT})\b",
        |c, m| {
            let (_, unit) = amount(c, m)?;
            matches!(unit, Unit::Week | Unit::Month | Unit::Year)
                .then_some((Expr::PublishedPeriod { unit, shift: 0 }, None))
        },
    ),
    // two days ago
    (r"\b(?P<n>{NUM})\s+(?P<u>{UNIT})\s+ago\b", |c, m| {
        let (n, unit) = amount(c, m)?;
        Some((Expr::Ago { n, unit }, None))
    }),
    // a month earlier, two days later
    (
        r"\b(?P<n>{NUM})\s+(?P<u>{UNIT})\s+(?P<dir>{BEFORE_PREV}|later|afterwards)\b",
        |c, m| {
            let (n, unit) = amount(c, m)?;
            let earlier = m
                .vocabulary
                .before_previous
                .contains(&group(c, "dir")?.to_lowercase());
            let n = i32::try_from(n).ok()?;
            Some((
                Expr::FromPrevious {
                    n: if earlier { -n } else { n },
                    unit,
                },
                None,
            ))
        },
    ),
    // the following week, the previous day, the next day
    (
        r"\bthe\s+(?P<shift>{PREV}|{NEXT})\s+(?P<u>{UNIT})\b",
        |c, m| {
            let (_, unit) = amount(c, m)?;
            Some((
                Expr::FromPrevious {
                    n: shift(c, m),
                    unit,
                },
                None,
            ))
        },
    ),
    // the same day, that day
    (
        r"\b(?:on\s+)?(?:the\s+(?:{SAME})|that(?:\s+(?:{SAME}))?)\s+(?P<u>{UNIT})\b",
        |c, m| {
            let (_, unit) = amount(c, m)?;
            Some((Expr::FromPrevious { n: 0, unit }, None))
        },
    ),
    // for three weeks, a three-week-long
    (
        r"\bfor\s+(?:the\s+(?:past|last)\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT})\b",
        |c, m| {
            let (n, unit) = amount(c, m)?;
            Some((Expr::Duration { n, unit }, None))
        },
    ),
    // every Monday, each week, on Mondays
    (r"\b(?:{EVERY})\s+(?:{WEEKDAY}|{UNIT})\b", |_, _| {
        Some((Expr::Set, None))
    }),
    (r"\bon\s+(?P<wd>{WEEKDAY})s\b", |_, _| {
        Some((Expr::Set, None))
    }),
];

fn rules() -> &'static [Rule] {
    static RULES_EN: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES_EN.get_or_init(|| grammar::compile(Vocabulary::get(Language::En), RULES))
}

/// The English date expressions of one sentence.
pub fn find(sentence: &str, base: usize) -> Vec<Found> {
    grammar::run(rules(), Vocabulary::get(Language::En), sentence, base)
}

#[cfg(test)]
#[test]
fn every_rule_compiles() {
    assert_eq!(rules().len(), RULES.len());
}
