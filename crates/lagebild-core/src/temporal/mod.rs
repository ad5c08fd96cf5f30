//! Temporal tagging: finding date expressions and normalising them to
//! TIMEX3-style values against the publication date and the last date the
//! text spoke of.
//!
//! Each language is a plug-in file (`de.rs`, `en.rs`) of the rules that turn
//! the words of one sentence into [`Expr`]s; the vocabulary each uses (month
//! and weekday names, seasons, number words, relative words) lives in
//! `data/temporal/LANG.json`. Resolution (this file) is shared: it never reads
//! the clock and never invents a day the text does not give.

mod de;
mod en;
mod grammar;
mod vocabulary;

use crate::model::{DateAnchor, DateMention, DateModifier, Language, Precision, Span, TimexKind};
use crate::sentence_words::ArticleWords;
use chrono::{Datelike, Duration, Months, NaiveDate};
use grammar::Grammar;
use std::sync::OnceLock;
pub(crate) use vocabulary::Vocabulary;

/// A unit of calendar time as texts count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

impl Unit {
    fn from_code(code: &str) -> Option<Unit> {
        Some(match code {
            "D" => Unit::Day,
            "W" => Unit::Week,
            "M" => Unit::Month,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            _ => return None,
        })
    }
    fn precision(self) -> Precision {
        match self {
            Unit::Day => Precision::Day,
            Unit::Week => Precision::Week,
            Unit::Month => Precision::Month,
            Unit::Year => Precision::Year,
            Unit::Decade => Precision::Decade,
        }
    }
    fn duration_code(self) -> &'static str {
        match self {
            Unit::Day => "D",
            Unit::Week => "W",
            Unit::Month => "M",
            Unit::Year => "Y",
            Unit::Decade => "DE",
        }
    }
}

/// Which way a weekday or a year-less date is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Follow the tense of the sentence (past unless it speaks of the future).
    Tense,
    /// Strictly before the reference ("last Monday").
    Past,
    /// Strictly after the reference ("next Monday").
    Future,
    /// In the reference's own period ("this week").
    Current,
}

/// A date expression as the text says it, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A calendar date, maybe without year or day.
    Calendar { year: Option<i32>, month: u32, day: Option<u32> },
    /// A year alone.
    Year(i32),
    /// A season, maybe without year: "SP", "SU", "FA", "WI".
    Season { year: Option<i32>, season: &'static str },
    /// A decade: 199 for the 1990s.
    Decade(i32),
    /// Days relative to the publication date ("gestern").
    DaysFromPublished(i64),
    /// A weekday (1 = Monday).
    Weekday { weekday: u32, direction: Direction },
    /// The week, month or year containing the publication date, shifted.
    PublishedPeriod { unit: Unit, shift: i32 },
    /// `n` units before the publication date ("vor zwei Jahren").
    Ago { n: u32, unit: Unit },
    /// `n` units from the last date the text spoke of; negative is earlier.
    FromPrevious { n: i32, unit: Unit },
    /// A length of time.
    Duration { n: u32, unit: Unit },
    /// A recurrence.
    Set,
}

/// A date expression found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Where it stands in the text.
    pub span: Span,
    /// What it says.
    pub expr: Expr,
    /// Its modifier.
    pub modifier: Option<DateModifier>,
}

/// A resolved date: the first day of the period and how wide it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub start: NaiveDate,
    pub precision: Precision,
}

impl Point {
    /// The TIMEX3-style value.
    pub fn value(self) -> String {
        let d = self.start;
        match self.precision {
            Precision::Day => d.format("%Y-%m-%d").to_string(),
            Precision::Week => format!("{}-W{:02}", d.iso_week().year(), d.iso_week().week()),
            Precision::Month => d.format("%Y-%m").to_string(),
            Precision::Season => format!("{}-{}", d.year(), season_code(d.month())),
            Precision::Year => d.year().to_string(),
            Precision::Decade => (d.year() / 10).to_string(),
        }
    }

    /// The point an event takes: day, month or year, coarsened where the
    /// expression is a season (its year) or a week (its month when the whole
    /// week lies in one month). Decades put nothing on a timeline.
    pub fn event_point(self) -> Option<Point> {
        Some(match self.precision {
            Precision::Day | Precision::Month | Precision::Year => self,
            Precision::Season => Point { start: self.start, precision: Precision::Year },
            Precision::Week => {
                let end = self.start + Duration::days(6);
                let precision =
                    if end.month() == self.start.month() { Precision::Month } else { Precision::Year };
                Point { start: self.start, precision }
            }
            Precision::Decade => return None,
        })
    }
}

fn season_code(month: u32) -> &'static str {
    match month {
        3..=5 => "SP",
        6..=8 => "SU",
        9..=11 => "FA",
        _ => "WI",
    }
}

fn season_start(year: i32, season: &str) -> Option<NaiveDate> {
    let month = match season {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    };
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// A tagged date expression with its resolution, for the later stages.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    pub mention: DateMention,
    pub point: Option<Point>,
}

/// Which of a language's date rules run: all, or those of full calendar
/// dates alone (`CALENDAR` in the language files).
#[derive(Debug, Clone, Copy)]
enum Rules {
    All,
    Calendar,
}

/// The rules of a language, compiled once: all of them, and the calendar
/// rules alone.
fn compiled(language: Language, rules: Rules) -> &'static Grammar {
    static GERMAN: [OnceLock<Grammar>; 2] = [const { OnceLock::new() }; 2];
    static ENGLISH: [OnceLock<Grammar>; 2] = [const { OnceLock::new() }; 2];
    let ([all, calendar_alone], calendar, others) = match language {
        Language::De => (&GERMAN, de::CALENDAR, de::OTHERS),
        Language::En => (&ENGLISH, en::CALENDAR, en::OTHERS),
    };
    let vocabulary = Vocabulary::get(language);
    match rules {
        Rules::All => all.get_or_init(|| grammar::compile(vocabulary, &[calendar, others])),
        Rules::Calendar => calendar_alone.get_or_init(|| grammar::compile(vocabulary, &[calendar])),
    }
}

/// Finds the date expressions of `language` in one sentence by `rules`.
fn find_by(language: Language, rules: Rules, sentence: &str, base: usize) -> Vec<Found> {
    grammar::run(compiled(language, rules), Vocabulary::get(language), sentence, base)
}

/// Finds the date expressions in one sentence.
pub fn find(language: Language, sentence: &str, base: usize) -> Vec<Found> {
    find_by(language, Rules::All, sentence, base)
}

/// Finds the date expressions of a sentence in its language, plus full
/// calendar dates written the other language's way ("November 21, 2024" on
/// a German page); where two overlap, the longer wins.
fn find_with_foreign_dates(language: Language, sentence: &str, base: usize) -> Vec<Found> {
    let other = match language {
        Language::De => Language::En,
        Language::En => Language::De,
    };
    let mut all = find(language, sentence, base);
    // Only full dates are taken from the other language, so only its rules
    // for them are run; a full date has its day and its year in digits,
    // apart: a sentence without two numbers is spared.
    let foreign =
        if has_two_numbers(sentence) { find_by(other, Rules::Calendar, sentence, base) } else { Vec::new() };
    let foreign =
        foreign.into_iter().filter(|f| matches!(f.expr, Expr::Calendar { year: Some(_), day: Some(_), .. }));
    for f in foreign {
        let overlapping: Vec<usize> = (0..all.len()).filter(|&i| all[i].span.overlaps(f.span)).collect();
        let longer = overlapping.iter().all(|&i| all[i].span.1 - all[i].span.0 < f.span.1 - f.span.0);
        if longer {
            for i in overlapping.into_iter().rev() {
                all.remove(i);
            }
            all.push(f);
        }
    }
    all.sort_by_key(|f| f.span);
    all
}

/// Whether the text holds two runs of ASCII digits with something between.
fn has_two_numbers(text: &str) -> bool {
    // The first run is found, then its end, then a digit after it: three
    // plain searches rather than a state kept at every byte.
    let bytes = text.as_bytes();
    let Some(first) = first_digit(bytes) else { return false };
    let after_first = bytes.get(first..).unwrap_or_default();
    let Some(end) = after_first.iter().position(|b| !b.is_ascii_digit()) else { return false };
    first_digit(after_first.get(end..).unwrap_or_default()).is_some()
}

/// Where the first ASCII digit of `bytes` stands. Eight bytes are tested at
/// a time: a byte is a digit when it differs from `b'0'` by less than ten,
/// which the borrow of a subtraction shows in its top bit (exactly so for
/// the lowest such byte of the eight).
fn first_digit(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in chunks.by_ref() {
        let mut eight = [0; 8];
        eight.copy_from_slice(chunk);
        let offset = u64::from_le_bytes(eight) ^ (ONES * u64::from(b'0'));
        let below_ten = offset.wrapping_sub(ONES * 10) & !offset & (ONES * 0x80);
        if below_ten != 0 {
            return Some(at + (below_ten.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks.remainder().iter().position(u8::is_ascii_digit).map(|i| at + i)
}

/// Whether the sentence speaks of the future (scheduled, planned).
pub fn speaks_of_future(language: Language, sentence: &str) -> bool {
    let vocabulary = Vocabulary::get(language);
    crate::text::word_iter(sentence, 0).any(|w| vocabulary.is_future_marker(w.text))
}

/// Whether a sentence of `text` (the span `sentence`) speaks of the future,
/// read from the words of the text (`words`, cut from it) in lower case:
/// what [`speaks_of_future`] says of the sentence's text.
fn sentence_speaks_of_future(language: Language, text: &str, words: &ArticleWords, sentence: Span) -> bool {
    let vocabulary = Vocabulary::get(language);
    match words.lower_forms_in(text, sentence) {
        Some(mut lower) => lower.any(|w| vocabulary.is_future_marker_lower(w)),
        None => speaks_of_future(language, text.get(sentence.0..sentence.1).unwrap_or("")),
    }
}

/// Tags every sentence and resolves the expressions in text order; `words`
/// are the words of `text`.
pub fn tag(
    text: &str,
    words: &ArticleWords,
    sentences: &[Span],
    language: Language,
    published: Option<NaiveDate>,
) -> Vec<Tagged> {
    let mut out = Vec::new();
    // Whether the text is news matters only to a date without a year: it is
    // read when the first such date comes.
    let mut news = None;
    let mut context = Reference { published, previous: None, story: None, future: false, news: false };
    for sentence in sentences {
        let body = &text[sentence.0..sentence.1];
        let found = find_with_foreign_dates(language, body, sentence.0);
        // The tense matters only to a sentence with a date expression.
        if found.is_empty() {
            continue;
        }
        context.future = sentence_speaks_of_future(language, text, words, *sentence);
        for found in found {
            if matches!(found.expr, Expr::Calendar { year: None, .. }) {
                context.news = *news.get_or_insert_with(|| reports_on_its_own_time(text, words, published));
            }
            let resolved = resolve(&found.expr, &context);
            let point = resolved.map(|(p, _)| p);
            let mention = mention(&found, resolved);
            if let Some((point, anchor)) = resolved {
                context.previous = Some(point);
                // "seit 2013" opens a state that lasts until now: the story
                // stays where it was.
                if anchor == DateAnchor::Stated && mention.modifier != Some(DateModifier::After) {
                    context.story = Some(point);
                }
            }
            out.push(Tagged { mention, point });
        }
    }
    out
}

fn mention(found: &Found, resolved: Option<(Point, DateAnchor)>) -> DateMention {
    let (kind, value, precision, anchor) = match (&found.expr, resolved) {
        (Expr::Duration { n, unit }, _) => {
            (TimexKind::Duration, Some(format!("P{n}{}", unit.duration_code())), None, DateAnchor::Stated)
        }
        (Expr::Set, _) => (TimexKind::Set, None, None, DateAnchor::Stated),
        (_, Some((point, anchor))) => (TimexKind::Date, Some(point.value()), Some(point.precision), anchor),
        (_, None) => (TimexKind::Date, None, None, DateAnchor::Published),
    };
    DateMention { span: found.span, kind, value, precision, modifier: found.modifier, anchor }
}

/// Whether a text is news about its own time: it has a publication date and
/// at least a third of the years it states lie near it (two years before to
/// three after: news look back briefly and ahead to plans). A history (of
/// 1940, written in 2011) states mostly years long past.
fn reports_on_its_own_time(text: &str, words: &ArticleWords, published: Option<NaiveDate>) -> bool {
    let Some(published) = published else { return false };
    let years: Vec<i32> = words
        .spans()
        .iter()
        .filter_map(|w| text.get(w.0..w.1))
        .filter(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|w| w.parse::<i32>().ok())
        .filter(|y| (1000..=2200).contains(y))
        .collect();
    let recent = years.iter().filter(|&&y| (-2..=3).contains(&(y - published.year()))).count();
    years.is_empty() || recent * 3 >= years.len()
}

/// What a date expression is resolved against.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reference {
    /// The publication date.
    pub published: Option<NaiveDate>,
    /// The last date the text spoke of ("einen Monat zuvor" counts from it).
    pub previous: Option<Point>,
    /// The last date the text stated in full: the story's own time, which
    /// gives a year to "am 27. Mai" in a history of 1940.
    pub story: Option<Point>,
    /// Whether the sentence speaks of the future.
    pub future: bool,
    /// Whether the text reports on its own time (news) rather than telling a
    /// history: then a day or month without a year belongs to the year
    /// around the publication, not to the year the text spoke of last.
    pub news: bool,
}

/// Resolves an expression; `None` when it needs a reference the text lacks.
pub fn resolve(expr: &Expr, reference: &Reference) -> Option<(Point, DateAnchor)> {
    let Reference { published, previous, story, future, news } = *reference;
    let point = |start: NaiveDate, precision| Point { start, precision };
    match *expr {
        Expr::Calendar { year, month, day } => {
            let (year, anchor) = match year {
                Some(year) => (year, DateAnchor::Stated),
                None => {
                    let story_time = if news { None } else { previous };
                    (
                        story_year(month, day.unwrap_or(1), published, story_time, future)?,
                        DateAnchor::Published,
                    )
                }
            };
            let start = NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1))?;
            Some((point(start, if day.is_some() { Precision::Day } else { Precision::Month }), anchor))
        }
        Expr::Year(year) => {
            Some((point(NaiveDate::from_ymd_opt(year, 1, 1)?, Precision::Year), DateAnchor::Stated))
        }
        Expr::Season { year: Some(year), season } => {
            Some((point(season_start(year, season)?, Precision::Season), DateAnchor::Stated))
        }
        Expr::Season { year: None, season } => {
            // The story's own time when it lies before the publication.
            let reference =
                story.map(|p| p.start).filter(|d| published.is_none_or(|p| *d <= p)).or(published)?;
            let this_year = season_start(reference.year(), season)?;
            let start = match (future, this_year > reference) {
                (false, true) => season_start(reference.year() - 1, season)?,
                (true, false) => season_start(reference.year() + 1, season)?,
                _ => this_year,
            };
            Some((point(start, Precision::Season), DateAnchor::Published))
        }
        Expr::Decade(decade) => {
            Some((point(NaiveDate::from_ymd_opt(decade * 10, 1, 1)?, Precision::Decade), DateAnchor::Stated))
        }
        Expr::DaysFromPublished(days) => {
            Some((point(published? + Duration::days(days), Precision::Day), DateAnchor::Published))
        }
        Expr::Weekday { weekday, direction } => {
            let reference = published?;
            let today = reference.weekday().number_from_monday();
            let back = i64::from((today + 7 - weekday) % 7);
            let ahead = i64::from((weekday + 7 - today) % 7);
            let days = match direction {
                Direction::Past => -(if back == 0 { 7 } else { back }),
                Direction::Future => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                Direction::Current => ahead - if ahead > 0 && back < ahead { 7 } else { 0 },
                Direction::Tense if future => ahead,
                Direction::Tense => -back,
            };
            Some((point(reference + Duration::days(days), Precision::Day), DateAnchor::Published))
        }
        Expr::PublishedPeriod { unit, shift } => {
            let start = shift_by(period_start(published?, unit), unit, shift)?;
            Some((point(start, unit.precision()), DateAnchor::Published))
        }
        Expr::Ago { n, unit } => {
            let start = shift_by(published?, unit, -i32::try_from(n).ok()?)?;
            Some((point(period_start(start, unit), unit.precision()), DateAnchor::Published))
        }
        Expr::FromPrevious { n, unit } => {
            let (reference, anchor) = match previous {
                Some(p) => (p, DateAnchor::Previous),
                None => (point(published?, Precision::Day), DateAnchor::Published),
            };
            // A shift by a unit coarser than the reference keeps the unit's
            // precision; one finer than the reference cannot be finer than it.
            let precision = reference.precision.min(unit.precision());
            let start = shift_by(reference.start, unit, n)?;
            let start = period_start(start, precision_unit(precision));
            Some((point(start, precision), anchor))
        }
        Expr::Duration { .. } | Expr::Set => None,
    }
}

fn precision_unit(precision: Precision) -> Unit {
    match precision {
        Precision::Day => Unit::Day,
        Precision::Week => Unit::Week,
        Precision::Month | Precision::Season => Unit::Month,
        Precision::Year => Unit::Year,
        Precision::Decade => Unit::Decade,
    }
}

/// The year of a date the text gives without one: the story's own year (that
/// of the last date it spoke of) when the date fits the tense there, else the
/// year nearest the publication in the sentence's tense.
fn story_year(
    month: u32,
    day: u32,
    published: Option<NaiveDate>,
    story: Option<Point>,
    future: bool,
) -> Option<i32> {
    let in_story_year = story.zip(published).and_then(|(p, published)| {
        let date = NaiveDate::from_ymd_opt(p.start.year(), month, day)?;
        (future || date <= published).then_some(p.start.year())
    });
    match in_story_year {
        Some(year) => Some(year),
        None => year_for(published.or(story.map(|p| p.start))?, month, day, future),
    }
}

/// The year that puts month/day nearest the reference in the sentence's tense.
fn year_for(reference: NaiveDate, month: u32, day: u32, future: bool) -> Option<i32> {
    let this_year = NaiveDate::from_ymd_opt(reference.year(), month, day.min(28))?;
    let same_month = month == reference.month();
    Some(match (future, this_year > reference && !same_month, this_year < reference && !same_month) {
        (false, true, _) => reference.year() - 1,
        (true, _, true) => reference.year() + 1,
        _ => reference.year(),
    })
}

fn period_start(date: NaiveDate, unit: Unit) -> NaiveDate {
    let first = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(date);
    match unit {
        Unit::Day => date,
        Unit::Week => date - Duration::days(i64::from(date.weekday().num_days_from_monday())),
        Unit::Month => first(date.year(), date.month()),
        Unit::Year => first(date.year(), 1),
        Unit::Decade => first(date.year() - date.year().rem_euclid(10), 1),
    }
}

fn shift_by(date: NaiveDate, unit: Unit, n: i32) -> Option<NaiveDate> {
    let months = |m: i32| {
        let magnitude = Months::new(m.unsigned_abs());
        if m >= 0 {
            date.checked_add_months(magnitude)
        } else {
            date.checked_sub_months(magnitude)
        }
    };
    match unit {
        Unit::Day => date.checked_add_signed(Duration::days(i64::from(n))),
        Unit::Week => date.checked_add_signed(Duration::weeks(i64::from(n))),
        Unit::Month => months(n),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
    }
}

#[cfg(test)]
mod tests;
