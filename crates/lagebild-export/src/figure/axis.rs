//! Calendar axes shared by the timeline and the escalation chart: the months
//! a span covers, and which of them get a label so that labels never crowd.

use crate::strings::Strings;
use chrono::{Datelike, Months, NaiveDate};

/// The first days of the months from the one holding `first` to the one
/// holding `last`, both included.
pub fn months(first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut month = first.with_day(1).unwrap_or(first);
    while month <= last {
        out.push(month);
        match month.checked_add_months(Months::new(1)) {
            Some(next) => month = next,
            None => break,
        }
    }
    out
}

/// A month label: the month's name, and the year under January and under
/// the first labelled month.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Index into the months.
    pub index: usize,
    /// The month's short name.
    pub month: String,
    /// The year, where it is shown.
    pub year: Option<String>,
}

/// Labels every `step`-th month (1, 2, 3, 6 or 12, the smallest that gives
/// each label `min_gap` units) on an axis `width` units wide.
pub fn ticks(months: &[NaiveDate], width: f64, min_gap: f64, strings: &Strings) -> Vec<Tick> {
    let per_month = width / months.len().max(1) as f64;
    let step = [1, 2, 3, 6, 12].into_iter().find(|&s| per_month * s as f64 >= min_gap).unwrap_or(12);
    let mut out: Vec<Tick> = Vec::new();
    for (index, month) in months.iter().enumerate() {
        if (month.month0() as usize) % step != 0 {
            continue;
        }
        let year = (out.is_empty() || month.month() == 1).then(|| month.year().to_string());
        let name = if step == 12 { String::new() } else { strings.month(month.month()).to_string() };
        out.push(Tick { index, month: name, year });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::strings;
    use lagebild_core::Language;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn months_cover_the_span() {
        let m = months(day(2023, 11, 20), day(2024, 2, 3));
        assert_eq!(m, [day(2023, 11, 1), day(2023, 12, 1), day(2024, 1, 1), day(2024, 2, 1)]);
    }

    #[test]
    fn crowded_axes_label_fewer_months() {
        let m = months(day(2023, 1, 1), day(2024, 12, 31));
        let en = strings(Language::En);
        let roomy = ticks(&m, 2400.0, 60.0, en);
        assert_eq!(roomy.len(), 24);
        assert_eq!(roomy[0].year.as_deref(), Some("2023"));
        assert_eq!(roomy[1].year, None);
        let tight = ticks(&m, 600.0, 60.0, en);
        assert_eq!(
            tight.iter().map(|t| t.month.as_str()).collect::<Vec<_>>(),
            ["Jan", "Apr", "Jul", "Oct", "Jan", "Apr", "Jul", "Oct"]
        );
        assert_eq!(tight[4].year.as_deref(), Some("2024"));
    }
}
