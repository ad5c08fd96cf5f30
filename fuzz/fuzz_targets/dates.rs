//! The date grammar: a text, a language and a reference date in, resolved
//! date mentions out (the engine's date stage alone, after cleaning and
//! sentence splitting); never a panic, every span on the text.
//!
//! Input layout: byte 0 picks the language (even: German, odd: English),
//! bytes 1–2 pick the reference date (a day from 1900-01-01 on, or none for
//! 0xFFFF), the rest is the text (UTF-8; other inputs are skipped).
#![no_main]

use chrono::{Days, NaiveDate};
use lagebild_core::{prepare, Language, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let [pick, high, low, rest @ ..] = bytes else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let language = if pick % 2 == 0 { Language::De } else { Language::En };
    let day = u16::from_be_bytes([*high, *low]);
    let published = NaiveDate::from_ymd_opt(1900, 1, 1)
        .filter(|_| day != u16::MAX)
        .and_then(|start| start.checked_add_days(Days::new(u64::from(day))));
    let Ok(prepared) = prepare(text, &Options { published, language: Some(language) }) else {
        return;
    };
    let text = prepared.text();
    for mention in prepared.dates() {
        let (start, end) = (mention.span.0, mention.span.1);
        assert!(start <= end && end <= text.len(), "date span outside the text");
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "date span off a character boundary"
        );
    }
});
