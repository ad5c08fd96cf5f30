//! Calendar periods of event dates: the days a TIMEX3-style value such as
//! `2024-10-24`, `2024-10` or `2024` covers, so that dates of different
//! precision can be compared (is one inside the other? how far apart are
//! they?) and drawn on a date axis.

use crate::model::Precision;
use chrono::{Datelike, Months, NaiveDate};

/// The days a date value covers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// The first day.
    pub first: NaiveDate,
    /// The last day.
    pub last: NaiveDate,
    /// How fine the value was.
    pub precision: Precision,
}

impl Period {
    /// Reads a day (`YYYY-MM-DD`), month (`YYYY-MM`) or year (`YYYY`): the
    /// values events carry. Anything else gives `None`.
    pub fn parse(value: &str) -> Option<Period> {
        let parts: Vec<&str> = value.trim().split('-').collect();
        let number = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
        };
        match parts.as_slice() {
            [y, m, d] => {
                let day = NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?)?;
                Some(Period { first: day, last: day, precision: Precision::Day })
            }
            [y, m] => {
                let first = NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, 1)?;
                let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
                Some(Period { first, last, precision: Precision::Month })
            }
            [y] => {
                let year = number(y, 4)? as i32;
                let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
                let last = NaiveDate::from_ymd_opt(year, 12, 31)?;
                Some(Period { first, last, precision: Precision::Year })
            }
            _ => None,
        }
    }

    /// How many days the period covers.
    pub fn days(&self) -> i64 {
        (self.last - self.first).num_days() + 1
    }

    /// Whether `other` lies wholly inside this period.
    pub fn contains(&self, other: &Period) -> bool {
        self.first <= other.first && other.last <= self.last
    }

    /// Whether one period lies inside the other: the two values can describe
    /// the same moment (`2024-10` and `2024-10-24`).
    pub fn compatible(&self, other: &Period) -> bool {
        self.contains(other) || other.contains(self)
    }

    /// Days between the end of the earlier period and the start of the later
    /// one (1 for adjacent days); zero or less when the two overlap.
    pub fn gap_days(&self, other: &Period) -> i64 {
        let after = (other.first - self.last).num_days();
        let before = (self.first - other.last).num_days();
        after.max(before)
    }

    /// The month (`YYYY-MM`) the period starts in.
    pub fn month(&self) -> String {
        format!("{:04}-{:02}", self.first.year(), self.first.month())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn values_become_their_days() {
        let cases = [
            ("2024-10-24", day(2024, 10, 24), day(2024, 10, 24), Precision::Day),
            ("2024-02", day(2024, 2, 1), day(2024, 2, 29), Precision::Month),
            ("2024-12", day(2024, 12, 1), day(2024, 12, 31), Precision::Month),
            ("2023", day(2023, 1, 1), day(2023, 12, 31), Precision::Year),
        ];
        for (value, first, last, precision) in cases {
            assert_eq!(Period::parse(value), Some(Period { first, last, precision }), "{value}");
        }
    }

    #[test]
    fn other_shapes_are_not_periods() {
        for value in ["", "2024-W05", "2024-SU", "197", "2024-13", "2024-02-30", "24-10-01", "PRESENT_REF"] {
            assert_eq!(Period::parse(value), None, "{value}");
        }
    }

    #[test]
    fn containment_and_gaps() {
        let month = Period::parse("2024-10");
        let day = Period::parse("2024-10-24");
        let later = Period::parse("2024-11-02");
        let (Some(month), Some(day), Some(later)) = (month, day, later) else {
            panic!("the test values parse");
        };
        assert!(month.compatible(&day) && day.compatible(&month));
        assert!(!day.compatible(&later));
        assert_eq!(day.gap_days(&later), 9);
        assert_eq!(later.gap_days(&day), 9);
        assert_eq!(month.gap_days(&later), 2);
        assert!(month.gap_days(&day) <= 0);
        assert_eq!(month.days(), 31);
        assert_eq!(day.month(), "2024-10");
    }
}
