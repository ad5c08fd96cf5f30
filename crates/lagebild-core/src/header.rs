//! The article's header: its title, its author and its publication date,
//! read from the first lines (page furniture, headline, byline, date lines).
//!
//! A date line is a line that holds a full date and little else ("November
//! 21, 2024", "Stand: 22.11.2022 15:00 Uhr"). Where a page shows several, as
//! pages with an update do, the earliest is the publication: an update can
//! only come later. Date lines are read in both languages, since German pages
//! often carry English-style dates.

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::model::{Language, Precision};
use crate::syntax::Syntax;
use crate::temporal::{self, Expr};
use crate::text;
use chrono::NaiveDate;
use std::sync::OnceLock;

/// How many lines from the top count as the header.
const HEADER_LINES: usize = 30;

/// What the header says.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Header {
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
}

/// Reads the header of a text.
pub fn read(text: &str, language: Language) -> Header {
    let lines: Vec<&str> = lines(text).map(str::trim).filter(|l| !l.is_empty()).take(HEADER_LINES).collect();
    let dates: Vec<(usize, NaiveDate)> =
        lines.iter().enumerate().filter_map(|(i, l)| date_line(l).map(|d| (i, d))).collect();
    let published = dates.iter().map(|&(_, d)| d).min();
    let mut author = None;
    for (i, line) in lines.iter().enumerate() {
        if let Some(name) = byline(line, lines.get(i + 1).copied(), language) {
            author = Some(name);
            break;
        }
    }
    let title = lines
        .iter()
        .enumerate()
        .take(12)
        .find(|(i, line)| !dates.iter().any(|(d, _)| d == i) && looks_like_title(line))
        .map(|(_, l)| l.to_string());
    Header { title, author, published }
}

/// The lines of `text`, split at line feeds (as `str::lines` splits them,
/// but for a carriage return before a line feed, which the header trims
/// away anyway) by a vectorised search.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())).map(move |end| {
        let line = text.get(start..end).unwrap_or("");
        start = end + 1;
        line
    })
}

/// The date of a line that is a date line.
fn date_line(line: &str) -> Option<NaiveDate> {
    // A full date's day and year are read from ASCII digits: a line
    // without one is no date line, whatever the rules would find in it.
    if text::has_more_chars_than(line, 80) || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    for language in [Language::De, Language::En] {
        let syntax = Syntax::get(language);
        for found in temporal::find(language, line, 0) {
            let Expr::Calendar { year: Some(_), day: Some(_), .. } = found.expr else {
                continue;
            };
            let Some((point, _)) = temporal::resolve(&found.expr, &temporal::Reference::default()) else {
                continue;
            };
            if point.precision != Precision::Day {
                continue;
            }
            let rest = format!("{} {}", &line[..found.span.0], &line[found.span.1..]);
            let leftover = crate::text::words(&rest, 0)
                .into_iter()
                .filter(|w| {
                    !w.text.chars().all(|c| c.is_ascii_digit())
                        && !syntax.date_line_words.contains(&w.text.to_lowercase())
                })
                .count();
            if leftover <= 1 {
                return Some(point.start);
            }
        }
    }
    None
}

/// The author's name from a byline ("Von Yong-han Park, Seoul", "By Jane Doe"),
/// or from the line after a bare "Autor:".
fn byline(line: &str, next: Option<&str>, language: Language) -> Option<String> {
    if !may_open_byline(line) {
        return None;
    }
    let lower = line.to_lowercase();
    for syntax in [Syntax::get(language), Syntax::get(other(language))] {
        for prefix in &syntax.author_prefixes {
            let Some(rest) = lower.strip_prefix(prefix.as_str()) else {
                continue;
            };
            if !(rest.is_empty() || rest.starts_with(char::is_whitespace) || prefix.ends_with(':')) {
                continue;
            }
            let original_rest = line[line.len() - rest.len()..].trim();
            let candidate = if original_rest.is_empty() && prefix.ends_with(':') {
                let next = next?;
                let next_lower = next.to_lowercase();
                let stripped = syntax.author_prefixes.iter().find_map(|p| {
                    next_lower.strip_prefix(p.as_str()).map(|r| next[next.len() - r.len()..].trim())
                });
                stripped.unwrap_or(next)
            } else {
                original_rest
            };
            if let Some(name) = person_name(candidate) {
                return Some(name);
            }
        }
    }
    None
}

/// Whether the line, in lower case, may start with an author prefix:
/// decided on its first characters, so that a long line (a paragraph) is not
/// lower-cased whole. Lower-casing maps each character on its own, except a
/// capital sigma, whose form depends on what follows: a line that starts
/// with one is left to the full test.
fn may_open_byline(line: &str) -> bool {
    let prefixes = author_prefixes();
    // A line whose first character in lower case starts no prefix opens
    // none (the lower case of a capital sigma is decided below).
    let first = line.chars().next().and_then(|c| c.to_lowercase().next());
    let opens_none = |c: char| !prefixes.all.iter().any(|p| p.chars().next().is_none_or(|f| f == c));
    if first.is_some_and(|c| c != 'σ' && opens_none(c)) {
        return false;
    }
    let head_end = line.char_indices().nth(prefixes.longest + 1).map_or(line.len(), |(i, _)| i);
    let head = line.get(..head_end).unwrap_or(line);
    if head.contains('Σ') {
        return true;
    }
    let head = text::lower_text(head);
    prefixes.all.iter().any(|p| head.starts_with(p))
}

/// The author prefixes of both languages, and how long the longest is
/// (collected once).
struct AuthorPrefixes {
    all: Vec<&'static str>,
    /// The length of the longest prefix, in characters.
    longest: usize,
}

fn author_prefixes() -> &'static AuthorPrefixes {
    static PREFIXES: OnceLock<AuthorPrefixes> = OnceLock::new();
    PREFIXES.get_or_init(|| {
        let all: Vec<&'static str> = [Language::De, Language::En]
            .into_iter()
            .flat_map(|l| &Syntax::get(l).author_prefixes)
            .map(String::as_str)
            .collect();
        let longest = all.iter().map(|p| p.chars().count()).max().unwrap_or(0);
        AuthorPrefixes { all, longest }
    })
}

fn other(language: Language) -> Language {
    match language {
        Language::De => Language::En,
        Language::En => Language::De,
    }
}

/// The name at the start of a byline: capitalised words up to a comma,
/// "und"/"and", a bar or a bracket; two to five words.
fn person_name(candidate: &str) -> Option<String> {
    let head = candidate.split([',', '|', '(', '/', '–']).next()?.trim();
    let head = head.split(" und ").next()?.split(" and ").next()?.trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    let name_like = (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) || matches!(*w, "von" | "van" | "de" | "der"));
    (name_like && (words.len() >= 2 || words.first().is_some_and(|w| w.len() > 2))).then(|| head.to_string())
}

/// A headline: three to thirty words, starting with a capital or a quote,
/// not ending like a sentence of running text.
fn looks_like_title(line: &str) -> bool {
    // The cheap tests first, so that a paragraph is turned down before its
    // words are counted; counting stops past the most a title may have.
    let first = line.chars().next().unwrap_or(' ');
    (first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '„' | '“' | '»' | '\''))
        && !line.ends_with(['.', ':', ','])
        && !text::has_more_chars_than(line, 200)
        && (3..=30).contains(&line.split_whitespace().take(31).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_web_page_header() {
        let text = "Suchen\n\ndiplo.news\n\nnews & views\n\nGlobale Gefahr durch Nordkoreas Truppenaufmarsch\n\n\
                    Die Gemeinschaft muss handeln\nAutor:\nVon Yong-han Park, Seoul\n/\nDecember 3, 2024\nNovember 21, 2024\nText.";
        let header = read(text, Language::De);
        assert_eq!(header.title.as_deref(), Some("Globale Gefahr durch Nordkoreas Truppenaufmarsch"));
        assert_eq!(header.author.as_deref(), Some("Yong-han Park"));
        assert_eq!(header.published, NaiveDate::from_ymd_opt(2024, 11, 21));
    }

    #[test]
    fn a_byline_is_told_by_its_first_words() {
        assert!(may_open_byline("VON Yong-han Park, Seoul"));
        assert!(may_open_byline("By Jane Doe"));
        assert!(!may_open_byline("Russland griff am Montag die Ukraine an."));
        let long = format!("Von Jane Doe und {}", "noch viel mehr Text ".repeat(100));
        assert_eq!(byline(&long, None, Language::De).as_deref(), Some("Jane Doe"));
        assert_eq!(byline(&long[4..], None, Language::De), None);
        assert_eq!(byline("Von Jane Doe, Berlin", None, Language::De).as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn a_byline_opener_is_told_as_the_whole_line_in_lower_case_tells_it() {
        let prefixes: Vec<&String> = [Syntax::get(Language::De), Syntax::get(Language::En)]
            .into_iter()
            .flat_map(|s| &s.author_prefixes)
            .collect();
        for line in [
            "Von A",
            "VON",
            "Autor: X",
            "AUTORIN:",
            "TEXT: x",
            "By J",
            "bY",
            "Written by X",
            "Vonne",
            "İst",
            "Σ",
            "",
            "x",
        ] {
            let lower = line.to_lowercase();
            let opens = prefixes.iter().any(|p| lower.starts_with(p.as_str()));
            assert!(!opens || may_open_byline(line), "{line}");
            assert_eq!(may_open_byline(line), opens || line.contains('Σ'), "{line}");
        }
    }

    #[test]
    fn the_lines_are_those_of_the_standard_library() {
        for text in ["", "a", "a\n", "a\n\nb", "\n", "a\r\nb\n c "] {
            let got: Vec<&str> = lines(text).map(str::trim).filter(|l| !l.is_empty()).collect();
            let expected: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn a_title_has_three_to_thirty_words_and_no_final_stop() {
        assert!(looks_like_title("Globale Gefahr durch Nordkoreas Truppenaufmarsch"));
        assert!(looks_like_title(&"Wort ".repeat(30)));
        assert!(!looks_like_title(&"Wort ".repeat(31)));
        assert!(!looks_like_title("Zwei Worte"));
        assert!(!looks_like_title("Ein Satz wie im Text."));
        assert!(!looks_like_title("kleiner Anfang hier"));
        assert!(!looks_like_title(&format!("Ein langer Titel {}", "x".repeat(190))));
    }

    #[test]
    fn reads_wire_and_german_date_lines() {
        let header = read(
            "Germany bans Mahan Air\n\nWednesday, January 23, 2019\n\nGermany on Monday banned it.",
            Language::En,
        );
        assert_eq!(header.published, NaiveDate::from_ymd_opt(2019, 1, 23));
        let header =
            read("Titel der Meldung hier\nStand: 22.11.2022 15:00 Uhr\nText folgt hier.", Language::De);
        assert_eq!(header.published, NaiveDate::from_ymd_opt(2022, 11, 22));
        assert_eq!(read("Ein Satz am 3. Mai 2020 mit viel mehr Worten darin.", Language::De).published, None);
        assert_eq!(date_line("Montag, 3. März"), None);
        assert_eq!(date_line(&format!("3. März 2020 {}", "x".repeat(80))), None);
        assert_eq!(date_line("Montag, dritter März zweitausendzwanzig"), None);
        assert_eq!(date_line("Montag, 3. März 2020"), NaiveDate::from_ymd_opt(2020, 3, 3));
    }
}
