//! Reads one gold document of a temporal corpus: TimeML with inline
//! `<TIMEX3>` (TempEval-3: TimeBank, AQUAINT, TE3-Platinum) or ACE/TERN SGML
//! with inline `<TIMEX2>` (WikiWarsDE).
//!
//! The text to analyse is the content of the `<TEXT>` element, with line
//! ends normalised the way the engine cleans its input (CRLF and CR to LF,
//! a leading byte-order mark dropped), so that the engine's spans and the
//! gold spans count the same bytes. Gold expressions are the TIMEX elements
//! inside `<TEXT>`; empty (non-consuming) ones are left out because they
//! have no extent to find. The document creation time comes from the
//! `CREATION_TIME` TIMEX3 of `<DCT>`, or from the TIMEX2 of `<DATETIME>`.

use super::markup::{self, Element, MarkupError};
use super::score::Expr;

/// One document: the text the engine reads and what it should find there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDocument {
    /// The content of `<TEXT>`.
    pub text: String,
    /// The document creation time as `YYYY-MM-DD`, when the file gives one.
    pub dct: Option<String>,
    /// The gold expressions in document order: byte ranges in `text` and
    /// their values (`value` of TIMEX3, `val` of TIMEX2).
    pub timexes: Vec<Expr>,
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The markup itself is broken.
    Markup(MarkupError),
    /// The file has no `<TEXT>` element.
    NoText,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Markup(err) => err.fmt(f),
            ReadError::NoText => f.write_str("no <TEXT> element: not a TimeML or TIMEX2 document"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Normalises line ends and drops a byte-order mark, as the engine does.
pub fn clean_like_engine(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    raw.replace("\r\n", "\n").replace('\r', "\n")
}

/// Reads a document from the file's text.
pub fn read(raw: &str) -> Result<GoldDocument, ReadError> {
    let plain = markup::strip(&clean_like_engine(raw)).map_err(ReadError::Markup)?;
    let body = plain.elements.iter().find(|e| e.is("TEXT")).ok_or(ReadError::NoText)?;
    let timexes = plain
        .elements
        .iter()
        .filter(|e| is_timex(e) && e.start >= body.start && e.end <= body.end && e.end > e.start)
        .map(|e| Expr {
            start: e.start - body.start,
            end: e.end - body.start,
            value: e.attr("value").or_else(|| e.attr("val")).map(str::to_string),
        })
        .collect();
    Ok(GoldDocument {
        text: plain.text[body.start..body.end].to_string(),
        dct: creation_time(&plain.elements),
        timexes,
    })
}

fn is_timex(e: &Element) -> bool {
    e.is("TIMEX3") || e.is("TIMEX2")
}

/// The creation time: a TIMEX3 marked `CREATION_TIME`, else the first TIMEX
/// inside `<DCT>`, `<DATETIME>` or `<DATE_TIME>`.
fn creation_time(elements: &[Element]) -> Option<String> {
    let marked =
        elements.iter().find(|e| is_timex(e) && e.attr("functionInDocument") == Some("CREATION_TIME"));
    let inside = || {
        let holder = elements.iter().find(|e| e.is("DCT") || e.is("DATETIME") || e.is("DATE_TIME"))?;
        elements.iter().find(|e| is_timex(e) && e.start >= holder.start && e.end <= holder.end)
    };
    let timex = marked.or_else(inside)?;
    calendar_day(timex.attr("value").or_else(|| timex.attr("val"))?)
}

/// `YYYY-MM-DD` from a value such as `1998-01-08`, `2011-02-16T17:00:00`
/// or `19980108`; `None` for anything coarser.
fn calendar_day(value: &str) -> Option<String> {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|p| p.iter().all(u8::is_ascii_digit));
    let dash = |i: usize| b.get(i) == Some(&b'-');
    if digits(0..4) && dash(4) && digits(5..7) && dash(7) && digits(8..10) {
        return Some(value[..10].to_string());
    }
    if digits(0..8) {
        return Some(format!("{}-{}-{}", &value[..4], &value[4..6], &value[6..8]));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TIMEML: &str = "<?xml version=\"1.0\" ?>\r\n<TimeML>\r\n<DOCID>x</DOCID>\r\n\
        <DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2013-03-22\" functionInDocument=\"CREATION_TIME\">March 22, 2013</TIMEX3></DCT>\r\n\
        <TITLE>AT&amp;T <TIMEX3 tid=\"t9\" value=\"2013\">2013</TIMEX3></TITLE>\r\n\
        <TEXT>\r\nAT&amp;T <EVENT eid=\"e1\">said</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2013-03-22\">Friday</TIMEX3> \
        it <EVENT eid=\"e2\">grew</EVENT> for <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3Y\">three years</TIMEX3>.<TIMEX3 tid=\"t3\" value=\"PRESENT_REF\"/>\r\n</TEXT>\r\n\
        <TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\r\n</TimeML>\r\n";

    fn covered(doc: &GoldDocument) -> Vec<(&str, Option<&str>)> {
        doc.timexes.iter().map(|t| (&doc.text[t.start..t.end], t.value.as_deref())).collect()
    }

    #[test]
    fn reads_timeml_text_gold_and_dct() {
        let doc = read(TIMEML).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(doc.text, "\nAT&T said Friday it grew for three years.\n");
        assert_eq!(doc.dct.as_deref(), Some("2013-03-22"));
        // The DCT, the title's timex and the empty one are not gold.
        assert_eq!(covered(&doc), [("Friday", Some("2013-03-22")), ("three years", Some("P3Y"))]);
    }

    #[test]
    fn reads_timex2_with_nested_expressions() {
        let raw = "\u{FEFF}<DOC>\n<DOCID>07_IraqWar</DOCID>\n\
            <DATETIME> <TIMEX2 val=\"2011-02-16T17:00:00\">2011-02-16T17:00:00</TIMEX2> </DATETIME>\n\
            <TEXT>\nAm <TIMEX2 val=\"2003-03-20\">20. März 2003</TIMEX2>, <TIMEX2 val=\"P2D\" anchor_val=\"2003-03-20\">\
            zwei Tage nach dem <TIMEX2 val=\"2003-03-18\">18.</TIMEX2></TIMEX2>, und <TIMEX2 comment=\"unspecified\">damals</TIMEX2>.\n</TEXT>\n</DOC>\n";
        let doc = read(raw).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(doc.dct.as_deref(), Some("2011-02-16"));
        assert_eq!(
            covered(&doc),
            [
                ("20. März 2003", Some("2003-03-20")),
                ("zwei Tage nach dem 18.", Some("P2D")),
                ("18.", Some("2003-03-18")),
                ("damals", None),
            ]
        );
    }

    #[test]
    fn dct_forms_and_missing_text() {
        assert_eq!(calendar_day("19980108").as_deref(), Some("1998-01-08"));
        assert_eq!(calendar_day("1998-01-08T10:00").as_deref(), Some("1998-01-08"));
        assert_eq!(calendar_day("1998-W02"), None);
        assert_eq!(read("<DOC><DOCID>x</DOCID></DOC>"), Err(ReadError::NoText));
        assert!(matches!(read("<DOC><TEXT>x</DOC>"), Err(ReadError::Markup(_))));
    }
}
