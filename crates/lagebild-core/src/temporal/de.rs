//! German date expressions: "24. Oktober 2024", "24.10.", "Anfang August",
//! "im Herbst 2023", "Ende der 1990er Jahre", "Montagabend", "vor zwei
//! Jahren", "einen Monat zuvor", "am selben Tag", "drei Wochen lang",
//! "jeden Montag".

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
    // 24.10.2024, 24.10.24, 24.10.
    (
        r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.(?:\s?(?P<y>\d{4}|\d{2})\b)?",
        |c, _| {
            Some((
                Expr::Calendar {
                    year: year(c, "y"),
                    month: int(c, "m").filter(|m| (1..=12).contains(m))?,
                    day: Some(day(c, "d")?),
                },
                None,
            ))
        },
    ),
    // (Montag,) 24. Oktober (2024)
    (
        r"\b(?:{WEEKDAY},?\s+(?:de[nm]\s+)?)?(?P<d>\d{1,2})\.\s*(?P<mon>{MONTH})\.?(?:\s+(?P<y>\d{4}))?\b",
        |c, m| {
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
    // (Anfang) August (2024)
    (
        r"\b(?:(?P<mod>{MOD})\s+(?:de[sr]\s+)?)?(?P<mon>{MONTH})(?:\s+(?P<y>\d{4}))?\b",
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
    // (Ende des) Herbst(es) (2023)
    (
        r"\b(?:(?P<mod>{MOD})\s+(?:de[sr]\s+)?)?(?P<s>{SEASON})(?:es|s)?(?:\s+(?P<y>\d{4}))?\b",
        |c, m| {
            capitalised(c, "s").then_some(())?;
            Some((
                Expr::Season {
                    year: year(c, "y"),
                    season: m.vocabulary.season(group(c, "s")?)?,
                },
                modifier(c, m),
            ))
        },
    ),
    // (Ende der) 1990er (Jahre)
    (
        r"\b(?:(?P<mod>{MOD})\s+der\s+)?(?P<dec>\d{2,4})er(?:\s+|-)Jahre(?:n)?\b",
        |c, m| Some((Expr::Decade(decade(c)?), modifier(c, m))),
    ),
    // (seit|im Jahr|Mitte) 2014
    (
        r"\b(?:(?P<pre>{SINCE}|{BEFORE}|im\s+Jahre?|Jahre?|(?P<mod>{MOD}))\s+)?(?P<y>1[5-9]\d\d|20\d\d)\b(?P<post>\s*[,.;:)!?]|\s*$)?",
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
    // gestern, heute Abend, übermorgen
    (
        r"\b(?P<rel>{RELDAY})(?:\s+(?P<part>{DAYPART}))?\b",
        |c, m| {
            let word = group(c, "rel")?;
            // "Morgen" with a capital is the noun (morning), not tomorrow.
            if word.to_lowercase() == "morgen" && word != "morgen" {
                return None;
            }
            Some((
                Expr::DaysFromPublished(*m.vocabulary.relative_days.get(&word.to_lowercase())?),
                None,
            ))
        },
    ),
    // (am vergangenen) Montag(abend)
    (
        r"\b(?:(?P<shift>{PREV}|{NEXT}|{CUR})\s+)?(?P<wd>{WEEKDAY}(?:{DAYPART})?)\b",
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
    // (Ende) vergangene(n) Woche / letzten Monats / diesen Jahres; am folgenden Tag
    (
        r"\b(?:(?P<mod>{MOD})\s+)?(?P<shift>{PREV}|{NEXT}|{CUR})\s+(?P<u>{UNIT})\b",
        |c, m| {
            let (_, unit) = amount(c, m)?;
            let expr = match unit {
                Unit::Day => Expr::FromPrevious {
                    n: shift(c, m),
                    unit,
                },
                Unit::Decade => return None,
                _ => Expr::PublishedPeriod {
                    unit,
                    shift: shift(c, m),
                },
            };
            Some((expr, modifier(c, m)))
        },
    ),
    // vor zwei Jahren
    (r"\bvor\s+(?P<n>{NUM})\s+(?P<u>{UNIT})\b", |c, m| {
        let (n, unit) = amount(c, m)?;
        Some((Expr::Ago { n, unit }, None))
    }),
    // einen Monat zuvor, zwei Tage später
    (
        r"\b(?P<n>{NUM})\s+(?P<u>{UNIT})\s+(?P<dir>{BEFORE_PREV}|{AFTER_PREV})\b",
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
    // am selben Tag
    (
        r"\b(?:am|im|in\s+der)\s+(?:{SAME})\s+(?P<u>{UNIT})\b",
        |c, m| {
            let (_, unit) = amount(c, m)?;
            Some((Expr::FromPrevious { n: 0, unit }, None))
        },
    ),
    // drei Wochen lang
    (r"\b(?P<n>{NUM})\s+(?P<u>{UNIT})\s+lang\b", |c, m| {
        let (n, unit) = amount(c, m)?;
        Some((Expr::Duration { n, unit }, None))
    }),
    // jeden Montag, jede Woche, montags
    (r"\b(?:{EVERY})\s+(?:{WEEKDAY}|{UNIT})\b", |_, _| {
        Some((Expr::Set, None))
    }),
    (r"\b(?P<wd>{WEEKDAY})s\b", |c, _| {
        (!capitalised(c, "wd")).then_some((Expr::Set, None))
    }),
];

fn rules() -> &'static [Rule] {
    static RULES_DE: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES_DE.get_or_init(|| grammar::compile(Vocabulary::get(Language::De), RULES))
}

/// The German date expressions of one sentence.
pub fn find(sentence: &str, base: usize) -> Vec<Found> {
    grammar::run(rules(), Vocabulary::get(Language::De), sentence, base)
}

#[cfg(test)]
#[test]
fn every_rule_compiles() {
    assert_eq!(rules().len(), RULES.len());
}
