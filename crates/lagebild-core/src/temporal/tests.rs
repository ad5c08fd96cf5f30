//! Table-driven tests of tagging and resolution, with the reference date
//! pinned so that every relative expression has one right answer.

use super::*;
use crate::model::Span;

fn values(language: Language, text: &str, published: &str) -> Vec<(String, Option<String>)> {
    let published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    tag(text, &ArticleWords::cut(text), &[Span(0, text.len())], language, published)
        .into_iter()
        .map(|t| (text[t.mention.span.0..t.mention.span.1].to_string(), t.mention.value))
        .collect()
}

/// A test case: text, publication date, and the expected (span, value) pairs.
type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

fn check(language: Language, cases: &[Case]) {
    for (text, published, expected) in cases {
        let got = values(language, text, published);
        let want: Vec<(String, Option<String>)> = expected
            .iter()
            .map(|(span, value)| (span.to_string(), (!value.is_empty()).then(|| value.to_string())))
            .collect();
        assert_eq!(got, want, "{text:?} published {published}");
    }
}

#[test]
fn german_expressions() {
    check(
        Language::De,
        &[
            ("Schon 24. Oktober kritisierte die EU.", "2024-11-21", &[("24. Oktober", "2024-10-24")]),
            (
                "Am 24.10.2024 und am 3.11. sprach er.",
                "2024-11-21",
                &[("24.10.2024", "2024-10-24"), ("3.11.", "2024-11-03")],
            ),
            ("Bereits Anfang August waren Offiziere dort.", "2024-11-21", &[("Anfang August", "2024-08")]),
            ("Sie trafen sich im Juni in Pjöngjang.", "2024-11-21", &[("Juni", "2024-06")]),
            ("Im Dezember griffen sie an.", "2024-11-21", &[("Dezember", "2023-12")]),
            ("Im Dezember werden sie verhandeln.", "2024-11-21", &[("Dezember", "2024-12")]),
            ("Im Herbst 2023 begann es.", "2024-11-21", &[("Herbst 2023", "2023-FA")]),
            ("Ende der 1990er Jahre war das anders.", "2024-11-21", &[("Ende der 1990er Jahre", "199")]),
            ("Seit 2014 herrscht Krieg.", "2024-11-21", &[("2014", "2014")]),
            ("Es fand jedoch 1939 kein Angriff statt.", "2024-11-21", &[("1939", "1939")]),
            ("Der Krieg dauerte 1940–1943 an.", "2024-11-21", &[("1940", "1940"), ("1943", "1943")]),
            ("Im Jahr 2022 marschierte Russland ein.", "2024-11-21", &[("Im Jahr 2022", "2022")]),
            ("Gestern sagte er ab.", "2024-11-21", &[("Gestern", "2024-11-20")]),
            ("Am Montagabend tagte der Rat.", "2024-11-21", &[("Montagabend", "2024-11-18")]),
            ("Vergangene Woche kam er.", "2024-11-21", &[("Vergangene Woche", "2024-W46")]),
            ("Das war vor zwei Jahren.", "2024-11-21", &[("vor zwei Jahren", "2022")]),
            ("Letzten Monat drohte er.", "2024-11-21", &[("Letzten Monat", "2024-10")]),
            (
                "Im September übte er. Einen Monat zuvor griff die Ukraine an.",
                "2024-11-21",
                &[("September", "2024-09"), ("Einen Monat zuvor", "2024-08")],
            ),
            (
                "Am 24. Oktober kritisierte die EU. Am selben Tag sprach die UN.",
                "2024-11-21",
                &[("24. Oktober", "2024-10-24"), ("Am selben Tag", "2024-10-24")],
            ),
            (
                "Am 3. März kam er, zwei Tage später ging er.",
                "2024-11-21",
                &[("3. März", "2024-03-03"), ("zwei Tage später", "2024-03-05")],
            ),
            ("Sie kämpften drei Wochen lang.", "2024-11-21", &[("drei Wochen lang", "P3W")]),
            ("Die Belagerung dauerte 15 Tage.", "2024-11-21", &[("15 Tage", "P15D")]),
            ("Er kommt jeden Montag.", "2024-11-21", &[("jeden Montag", "")]),
            ("Die 2000 Soldaten blieben.", "2024-11-21", &[]),
            ("Guten Morgen, sagte er.", "2024-11-21", &[]),
        ],
    );
}

#[test]
fn english_expressions() {
    check(
        Language::En,
        &[
            (
                "On October 24, 2024, the EU condemned it.",
                "2024-11-21",
                &[("October 24, 2024", "2024-10-24")],
            ),
            ("On 24 October the EU spoke.", "2024-11-21", &[("24 October", "2024-10-24")]),
            ("On Oct. 24 they met.", "2024-11-21", &[("Oct. 24", "2024-10-24")]),
            ("In early August officers arrived.", "2024-11-21", &[("early August", "2024-08")]),
            ("It began in early 2020.", "2024-11-21", &[("early 2020", "2020")]),
            ("Since the mid-1980s it has grown.", "2024-11-21", &[("the mid-1980s", "198")]),
            ("Germany on Monday banned the airline.", "2019-01-23", &[("Monday", "2019-01-21")]),
            ("Last Tuesday he resigned.", "2019-01-23", &[("Last Tuesday", "2019-01-22")]),
            ("Earlier this month they met.", "2019-01-23", &[("Earlier this month", "2019-01")]),
            ("Two days ago they attacked.", "2019-01-23", &[("Two days ago", "2019-01-21")]),
            ("They met today.", "1987-03-27", &[("today", "1987-03-27")]),
            (
                "They met in June. The following month they signed.",
                "2024-11-21",
                &[("June", "2024-06"), ("The following month", "2024-07")],
            ),
            ("It may rain, he said.", "2024-11-21", &[]),
            ("They fought for three weeks.", "2024-11-21", &[("for three weeks", "P3W")]),
            ("It was a two-day visit.", "2024-11-21", &[("two-day", "P2D")]),
        ],
    );
}

#[test]
fn event_values_never_invent_a_day() {
    let week = Point {
        start: NaiveDate::from_ymd_opt(2024, 11, 11).unwrap_or_default(),
        precision: Precision::Week,
    };
    assert_eq!(
        week.event_point().map(|p| (p.value(), p.precision)),
        Some(("2024-11".to_string(), Precision::Month))
    );
    let season = Point {
        start: NaiveDate::from_ymd_opt(2023, 9, 1).unwrap_or_default(),
        precision: Precision::Season,
    };
    assert_eq!(
        season.event_point().map(|p| (p.value(), p.precision)),
        Some(("2023".to_string(), Precision::Year))
    );
}

#[test]
fn news_give_a_yearless_month_the_publication_year_and_histories_their_story_year() {
    check(
        Language::De,
        &[
            // News: the year of the publication, not of "seit 2013".
            (
                "Die Bundeswehr ist seit 2013 in Mali. Im Mai 2022 stimmte der Bundestag zu. Seit Mitte Oktober ist der Einsatz eingeschränkt.",
                "2022-11-22",
                &[("2013", "2013"), ("Mai 2022", "2022-05"), ("Mitte Oktober", "2022-10")],
            ),
            // A history written long after: the story's own year.
            (
                "Im Mai 1940 griff die Wehrmacht an. Am 14. Juni fiel Paris.",
                "2011-02-16",
                &[("Mai 1940", "1940-05"), ("14. Juni", "1940-06-14")],
            ),
        ],
    );
}

#[test]
fn the_future_is_read_from_the_article_words_as_from_the_sentence() {
    let text = "Die Wahl WIRD am 3.4 stattfinden. Sie fand statt x-y. Geplant ist nichts 2.5";
    let at = |s: &str| text.find(s).unwrap_or_default();
    // The second sentence ends inside "x-y", the last inside "2.5".
    let sentences = [Span(0, at(" Sie")), Span(at("Sie"), at("-y")), Span(at("Geplant"), at(".5"))];
    let words = ArticleWords::cut(text);
    for language in [Language::De, Language::En] {
        for span in sentences {
            assert_eq!(
                sentence_speaks_of_future(language, text, &words, span),
                speaks_of_future(language, &text[span.0..span.1]),
                "{}",
                &text[span.0..span.1]
            );
        }
    }
    assert!(sentence_speaks_of_future(Language::De, text, &words, sentences[0]));
}

#[test]
fn the_first_digit_is_found_eight_bytes_at_a_time_as_one_by_one() {
    let texts = [
        "",
        "7",
        "abcdefgh9",
        "abcdefghijklmnop",
        "ü/:0",
        "Straße 12",
        "ÿÿÿÿÿÿÿÿ1",
        "0123456789",
        "/:/:/:/:/:/:/:/:9",
    ];
    for text in texts {
        for from in 0..text.len() {
            let bytes = &text.as_bytes()[from..];
            assert_eq!(first_digit(bytes), bytes.iter().position(u8::is_ascii_digit), "{text} from {from}");
        }
    }
    for b in 0..=255u8 {
        let bytes = [b'a', b'a', b'a', b, b, b'a', b'a', b'a', b'5'];
        assert_eq!(first_digit(&bytes), bytes.iter().position(u8::is_ascii_digit), "{b}");
    }
}

#[test]
fn a_full_date_has_two_numbers() {
    for (text, two) in [
        ("am 3.4.2020", true),
        ("2020-01-02", true),
        ("im Jahr 2020", false),
        ("x", false),
        ("1 und 2", true),
        ("2020", false),
        ("12a", false),
        ("a1b2", true),
        ("", false),
    ] {
        assert_eq!(has_two_numbers(text), two, "{text}");
    }
    // A full date (what a sentence takes from the other language) has two.
    let sentences = [
        "Am November 21, 2024 und am 21.11.2024 und 2024-11-21",
        "On 21 November 2024, on 21. November 2024",
        "im Mai 2020, am 3. Mai, May 2020, on May 3, 2020-01, 3.4.",
    ];
    let mut full = 0;
    for language in [Language::De, Language::En] {
        for sentence in sentences {
            for found in find(language, sentence, 0) {
                if let Expr::Calendar { year: Some(_), day: Some(_), .. } = found.expr {
                    assert!(has_two_numbers(&sentence[found.span.0..found.span.1]), "{sentence}");
                    full += 1;
                }
            }
        }
    }
    assert!(full >= 6);
}

#[test]
fn the_calendar_rules_alone_find_every_full_date() {
    let full_dates = |found: Vec<Found>| -> Vec<Span> {
        found
            .into_iter()
            .filter(|f| matches!(f.expr, Expr::Calendar { year: Some(_), day: Some(_), .. }))
            .map(|f| f.span)
            .collect()
    };
    let sentences = [
        "Am Montag, 24. Oktober 2024, und am 3.11.2024 sprach er; seit 2014 nicht.",
        "On Monday, October 24th, 2024, and on the 3rd of November 2024, two days later.",
        "Am November 21, 2024 und am 21.11.24 und 2024-11-21, im Mai 2020.",
        "Vor zwei Jahren, am 1. Mai, und am 5. Juni 2019 gegen 20 Uhr.",
    ];
    let mut found = 0;
    for language in [Language::De, Language::En] {
        for sentence in sentences {
            let all = full_dates(find(language, sentence, 7));
            found += all.len();
            assert_eq!(
                all,
                full_dates(find_by(language, Rules::Calendar, sentence, 7)),
                "{language:?}: {sentence}"
            );
        }
    }
    assert!(found >= 8, "{found}");
    // An English date on a German page, and a German one on an English page.
    let german = find_with_foreign_dates(Language::De, "Er kam am November 21, 2024 an.", 0);
    assert!(german.iter().any(|f| f.expr == Expr::Calendar { year: Some(2024), month: 11, day: Some(21) }));
    let english = find_with_foreign_dates(Language::En, "He came on 21. November 2024.", 0);
    assert!(english.iter().any(|f| f.expr == Expr::Calendar { year: Some(2024), month: 11, day: Some(21) }));
}
