//! German date expressions: "24. Oktober 2024", "24.10.", "Anfang August",
//! "im Herbst 2023", "Ende der 1990er Jahre", "Montagabend", "vor zwei
//! Jahren", "einen Monat zuvor", "am selben Tag", "drei Wochen lang",
//! "jeden Montag".

use super::grammar::{amount, build, capitalised, group, modifier, shift, Build};
#[cfg(test)]
use super::{compiled, Rules, Vocabulary};
use super::{Expr, Unit};
#[cfg(test)]
use crate::model::Language;

/// The rules of full calendar dates (day, month, year); the only ones run
/// for dates written this language's way in a text of the other language.
pub(super) const CALENDAR: &[(&str, Build)] = &[
    build::ISO_DATE,
    // 24.10.2024, 24.10.24, 24.10.
    (r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.(?:\s?(?P<y>\d{4}|\d{2})\b)?", build::numeric_date),
    // (Montag,) 24. Oktober (2024)
    (
        r"\b(?:{WEEKDAY},?\s+(?:de[nm]\s+)?)?(?P<d>\d{1,2})\.\s*(?P<mon>{MONTH})(?:\s+(?P<y>\d{4}))?\b",
        build::day_of_month,
    ),
];

/// The other rules.
pub(super) const OTHERS: &[(&str, Build)] = &[
    // (Anfang) August (2024)
    (r"\b(?:(?P<mod>{MOD})\s+(?:de[sr]\s+)?)?(?P<mon>{MONTH})(?:\s+(?P<y>\d{4}))?\b", build::month_of_year),
    // (Ende des) Herbst(es) (2023): German nouns are capitalised.
    (r"\b(?:(?P<mod>{MOD})\s+(?:de[sr]\s+)?)?(?P<s>{SEASON})(?:es|s)?(?:\s+(?P<y>\d{4}))?\b", |c, m| {
        capitalised(c, "s").then_some(())?;
        build::season(c, m)
    }),
    // (Ende der) 1990er (Jahre)
    (r"\b(?:(?P<mod>{MOD})\s+der\s+)?(?P<dec>\d{2,4})er(?:\s+|-)Jahre(?:n)?\b", build::decade_of),
    // (seit|im Jahr|Mitte) 2014
    (
        r"\b(?:(?P<signal>{SINCE}|{BEFORE})\s+|(?P<pre>(?P<mod>{MOD})\s+(?:des\s+Jahres\s+)?|im\s+Jahre?\s+|Jahre?s?\s+))?(?P<y>1[5-9]\d\d|20\d\d)\b(?P<post>\s*[,.;:)!?]|\s*$)?",
        build::year_of,
    ),
    // gestern, heute Abend, übermorgen
    (r"\b(?P<rel>{RELDAY})(?:\s+(?P<part>{DAYPART}))?\b", |c, m| {
        let word = group(c, "rel")?;
        // "Morgen" with a capital is the noun (morning), not tomorrow.
        if word.to_lowercase() == "morgen" && word != "morgen" {
            return None;
        }
        Some((Expr::DaysFromPublished(*m.vocabulary.relative_days.get(&word.to_lowercase())?), None))
    }),
    // (am vergangenen) Montag(abend)
    (r"\b(?:(?P<shift>{PREV}|{NEXT}|{CUR})\s+)?(?P<wd>{WEEKDAY}(?:{DAYPART})?)\b", build::weekday),
    // (Ende) vergangene(n) Woche / letzten Monats / diesen Jahres; am folgenden Tag
    (r"\b(?:(?P<mod>{MOD})\s+)?(?P<shift>{PREV}|{NEXT}|{CUR})\s+(?P<u>{UNIT})\b", |c, m| {
        let (_, unit) = amount(c, m)?;
        let expr = match unit {
            Unit::Day => Expr::FromPrevious { n: shift(c, m), unit },
            Unit::Decade => return None,
            _ => Expr::PublishedPeriod { unit, shift: shift(c, m) },
        };
        Some((expr, modifier(c, m)))
    }),
    // Ende des Jahres, Anfang desselben Jahres: the story's year
    (r"\b(?P<mod>{MOD})\s+des(?:selben)?\s+(?:gleichen\s+)?(?P<u>Jahres)\b", |c, m| {
        build::same_as_previous(c, m).map(|(expr, _)| (expr, modifier(c, m)))
    }),
    // vor zwei Jahren
    (r"\bvor\s+(?P<n>{NUM})\s+(?P<u>{UNIT})\b", build::ago),
    // einen Monat zuvor, zwei Tage später
    (r"\b(?P<n>{NUM})\s+(?P<u>{UNIT})\s+(?P<dir>{BEFORE_PREV}|{AFTER_PREV})\b", build::from_previous),
    // am selben Tag
    (r"\b(?:am|im|in\s+der)\s+(?:{SAME})\s+(?P<u>{UNIT})\b", build::same_as_previous),
    // drei Wochen lang; 15 Tage, seit zwei Jahren (as a length)
    (r"\b(?P<n>{NUM})\s+(?P<u>{UNIT})\s+lang\b", build::duration),
    (r"\b(?P<n>{NUM})\s+(?P<u>{UNIT})\b", build::duration),
    // jeden Montag, jede Woche, montags
    (r"\b(?:{EVERY})\s+(?:{WEEKDAY}|{UNIT})\b", build::set),
    (r"\b(?P<wd>{WEEKDAY})s\b", |c, m| (!capitalised(c, "wd")).then_some(()).and_then(|_| build::set(c, m))),
];

#[cfg(test)]
#[test]
fn every_rule_compiles() {
    assert_eq!(compiled(Language::De, Rules::All).len(), CALENDAR.len() + OTHERS.len());
    assert_eq!(compiled(Language::De, Rules::Calendar).len(), CALENDAR.len());
}

#[cfg(test)]
#[test]
fn the_set_of_rules_agrees_with_each_rule() {
    for sentence in [
        "Am 24.10.2024 und am 3.11. sprach er.",
        "Seit 2014 kämpfen sie, vor zwei Jahren begann die Offensive.",
        "Am vergangenen Montagabend, Anfang August.",
        "Im Kriegsjahr 1939,und im Mai2020 flog das Flugzeug über Mainz.",
        "Nichts davon geschah.",
    ] {
        assert!(
            compiled(Language::De, Rules::All).set_agrees(sentence, Vocabulary::get(Language::De)),
            "{sentence}"
        );
    }
    // "Aug" in "Flugzeug" and "Augen", "Mai" in "Mainz": no rule to run.
    assert!(compiled(Language::De, Rules::All).picked("Das Flugzeug über Mainz vor Augen.").is_empty());
}
