//! The engine never panics, whatever it is given: random bytes, random
//! mixtures of the characters news text is made of, and hand-picked hostile
//! shapes. A refusal (`Err`) is a fine answer; a panic is a bug. Every span
//! of an accepted briefing must lie on character boundaries of its text.

use lagebild_core::{analyse_bytes, analyse_text, Briefing, Language, Options, Span};

/// A small deterministic generator (xorshift), so that a failure repeats.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces news text is made of, and some it should not be.
const PIECES: &[&str] = &[
    "Nordkorea",
    "Russland",
    "die EU",
    "UN-Generalsekretär",
    "Antonio Guterres",
    "Kim",
    "am",
    "3.",
    "November",
    "24.10.",
    "1.9.39",
    "2024",
    "seit",
    "vor zwei Jahren",
    "einen Monat zuvor",
    "kritisierte",
    "griff",
    "an",
    "the",
    "United States",
    "attacked",
    "on Monday",
    "last week",
    "Dr.",
    "z. B.",
    "„",
    "“",
    "\"",
    "(",
    ")",
    "-",
    "–",
    ",",
    ".",
    ".",
    "!",
    "?",
    "…",
    ":",
    ";",
    "\n",
    "\n\n",
    " ",
    " ",
    "    ",
    "\t",
    "Ä",
    "ß",
    "İ",
    "ﬁ",
    "😀",
    "\u{200B}",
    "\u{202E}",
    "e\u{301}",
    "\u{FEFF}",
    "0",
    "99999999999999999999",
    "-1",
    "'s",
    "’",
    "a",
];

fn check_spans(briefing: &Briefing) {
    let text = &briefing.text;
    let ok = |s: &Span| {
        s.0 <= s.1 && s.1 <= text.len() && text.is_char_boundary(s.0) && text.is_char_boundary(s.1)
    };
    assert!(briefing.sentences.iter().all(ok), "sentence span off a boundary");
    assert!(briefing.actors.iter().flat_map(|a| &a.mentions).all(ok), "mention span off a boundary");
    assert!(briefing.dates.iter().map(|d| &d.span).all(ok), "date span off a boundary");
    for e in &briefing.events {
        assert!(
            ok(&e.trigger_span) && ok(&e.sentence_span) && e.time_span.as_ref().is_none_or(ok),
            "event span"
        );
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut random = Random(0x5EED_1234_ABCD_0001);
    for _ in 0..300 {
        let len = random.below(400);
        let bytes: Vec<u8> = (0..len).map(|_| random.next() as u8).collect();
        if let Ok(briefing) = analyse_bytes(&bytes, &Options::default()) {
            check_spans(&briefing);
        }
    }
}

#[test]
fn random_news_shaped_text_never_panics() {
    let mut random = Random(0x0DDB_A11C_0FFE_E042);
    for round in 0..400 {
        let pieces = random.below(120);
        let text: String = (0..pieces)
            .map(|_| PIECES[random.below(PIECES.len())])
            .collect::<Vec<_>>()
            .join(if round % 2 == 0 { " " } else { "" });
        let language = [None, Some(Language::De), Some(Language::En)][round % 3];
        let options = Options { published: chrono::NaiveDate::from_ymd_opt(2024, 11, 21), language };
        if let Ok(briefing) = analyse_text(&text, &options) {
            check_spans(&briefing);
        }
    }
}

#[test]
fn hostile_shapes_never_panic() {
    let long_word = "a".repeat(20_000);
    let many_dots = ".".repeat(10_000);
    let no_stop = "Russland kritisierte die Ukraine und ".repeat(2_000);
    let deep_html = "<div>".repeat(5_000) + "Text" + &"</div>".repeat(5_000);
    let cases: Vec<&str> = vec![
        "",
        " ",
        "\n\n\n",
        ".",
        "..",
        "1.",
        "31.12.",
        "99.99.9999",
        "Am 31. Februar 2024 geschah nichts.",
        "On February 30 nothing happened.",
        "Jahr 0000.",
        &long_word,
        &many_dots,
        &no_stop,
        &deep_html,
        "<script>alert(1)</script> Russland griff an.",
        "Dr. Dr. Dr. Dr.",
        "UN-UN-UN-Generalsekretär X",
        "„“„“„“",
        "Kim Kim Kim Jong-un Kim",
        "Der Präsident Der Präsident",
        "vor 99999999999 Jahren",
        "seit 1500 und bis 2099",
        "the 10s",
        "the '00s",
        "Ende der 0er Jahre",
    ];
    for text in cases {
        for language in [Language::De, Language::En] {
            let options = Options {
                published: chrono::NaiveDate::from_ymd_opt(2024, 11, 21),
                language: Some(language),
            };
            if let Ok(briefing) = analyse_text(text, &options) {
                check_spans(&briefing);
            }
        }
    }
}
