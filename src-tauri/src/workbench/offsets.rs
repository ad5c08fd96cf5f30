//! Spans that come from the UI count UTF-16 code units (JavaScript's string
//! indices); the dossier stores briefings and takes corrections in UTF-8
//! bytes. This turns a UI span back into bytes of the same text, once, at
//! the boundary. (The other way, whole briefings go through
//! `Briefing::into_utf16_offsets`.)

use lagebild_core::Span;

/// The byte span of `text` that the UTF-16 span `span` covers; `None` when
/// either end falls outside the text, inside a surrogate pair, or the span
/// runs backwards.
pub fn utf16_to_utf8(text: &str, span: Span) -> Option<Span> {
    let start = byte_at(text, span.start())?;
    let end = byte_at(text, span.end())?;
    (start <= end).then_some(Span(start, end))
}

/// The byte offset where the UTF-16 offset `unit` falls.
fn byte_at(text: &str, unit: usize) -> Option<usize> {
    let mut units = 0;
    for (byte, ch) in text.char_indices() {
        if units == unit {
            return Some(byte);
        }
        if units > unit {
            return None;
        }
        units += ch.len_utf16();
    }
    (units == unit).then_some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_the_same_characters_in_both_units() {
        let text = "Pjöngjang 😀 Kim traf Putin.";
        let cases =
            [("Pjöngjang", Span(0, 9)), ("😀", Span(10, 12)), ("Kim", Span(13, 16)), ("", Span(27, 27))];
        for (expected, utf16) in cases {
            let bytes = utf16_to_utf8(text, utf16).unwrap_or_else(|| panic!("{utf16:?} has no bytes"));
            assert_eq!(&text[bytes.start()..bytes.end()], expected, "{utf16:?}");
        }
        assert_eq!(utf16_to_utf8(text, Span(0, 28)), Some(Span(0, text.len())));
    }

    #[test]
    fn spans_that_do_not_fit_are_refused() {
        let text = "a😀b";
        assert_eq!(utf16_to_utf8(text, Span(0, 2)), None, "inside the surrogate pair");
        assert_eq!(utf16_to_utf8(text, Span(0, 5)), None, "past the end");
        assert_eq!(utf16_to_utf8(text, Span(3, 1)), None, "backwards");
        assert_eq!(utf16_to_utf8(text, Span(1, 3)), Some(Span(1, 5)));
    }
}
