//! Ingestion: raw bytes to the clean text every span points into, and the
//! article's metadata (title, author, date lines) read from its header.
//!
//! Decoding accepts UTF-8 (with or without BOM), UTF-16 with a BOM, and
//! Windows-1252 (German text saved on Windows) when the bytes are not UTF-8
//! at all. Binary data and text that mixes valid UTF-8 with broken bytes are
//! refused with a message that says what to do. An HTML page is reduced to
//! its article text (see `html`).
//!
//! The limits (see README, "Limits"): a file of at most [`MAX_FILE_BYTES`],
//! whose text (after decoding, and after HTML markup is dropped) is at most
//! [`MAX_BYTES`]; longer sentences are cut and too many refused (see
//! `sentences`).

#![cfg_attr(not(test), deny(clippy::indexing_slicing))]

use crate::error::Error;
use crate::html;

/// The largest text the engine analyses, in UTF-8 bytes (1 MiB: some
/// 150,000 words, far beyond a long article, and analysed in seconds).
pub const MAX_BYTES: usize = 1024 * 1024;

/// The largest file the engine reads, in bytes (16 MiB): a saved web page
/// or a UTF-16 file is larger than the text it holds.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Decodes bytes read from a file into text.
pub fn decode(bytes: &[u8]) -> Result<String, Error> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::FileTooLarge { size: bytes.len(), limit: MAX_FILE_BYTES });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8(rest, 3);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, u16::from_be_bytes);
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(Error::Binary { what: what.to_string() });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(err) if looks_like_utf8(bytes) => Err(Error::Encoding { offset: err.valid_up_to() }),
        Err(_) => decode_windows_1252(bytes),
    }
}

fn decode_utf8(bytes: &[u8], bom: usize) -> Result<String, Error> {
    std::str::from_utf8(bytes)
        .map(str::to_string)
        .map_err(|err| Error::Encoding { offset: bom + err.valid_up_to() })
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, Error> {
    if bytes.len() % 2 != 0 {
        return Err(Error::Encoding { offset: bytes.len() + 1 });
    }
    let units = bytes
        .chunks_exact(2)
        .map(|pair| unit([pair.first().copied().unwrap_or(0), pair.get(1).copied().unwrap_or(0)]));
    char::decode_utf16(units)
        .enumerate()
        .map(|(i, c)| c.map_err(|_| Error::Encoding { offset: 2 + 2 * i }))
        .collect()
}

/// Names binary data by its magic number or its control bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"GIF8", "a GIF image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"PK\x03\x04", "a ZIP archive or office document"),
        (b"\x7FELF", "an executable"),
        (b"MZ", "a Windows executable"),
        (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
        (b"SQLite format 3\0", "a database file"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(what);
    }
    let sample = bytes.get(..64 * 1024).unwrap_or(bytes);
    if memchr::memchr(0, sample).is_some() {
        return Some("NUL bytes");
    }
    // Counted by chunks of at most 255 bytes into a byte, without branches,
    // so that the count runs on whole vectors of bytes.
    let controls: usize = sample
        .chunks(255)
        .map(|chunk| {
            let in_chunk = chunk.iter().fold(0u8, |n, &b| n + u8::from(is_control(b)));
            usize::from(in_chunk)
        })
        .sum();
    (controls * 100 > sample.len().max(1)).then_some("control characters")
}

/// Whether `b` is a control byte other than the four that lay out text
/// (tab, line feed, carriage return, form feed).
fn is_control(b: u8) -> bool {
    (b < 0x20) & !((b == b'\t') | (b == b'\n') | (b == b'\r') | (b == 0x0C))
}

/// Whether the bytes hold at least one well-formed multi-byte UTF-8
/// sequence, which means the file is UTF-8 with damage rather than a legacy
/// single-byte encoding.
fn looks_like_utf8(bytes: &[u8]) -> bool {
    bytes.windows(2).any(|w| matches!(w, [0xC2..=0xDF, 0x80..=0xBF]))
}

/// Windows-1252's characters for the bytes 0x80 to 0x9F; `None` marks the
/// five bytes the code page leaves undefined.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

fn decode_windows_1252(bytes: &[u8]) -> Result<String, Error> {
    bytes
        .iter()
        .enumerate()
        .map(|(offset, &b)| match b {
            0x80..=0x9F => {
                CP1252_HIGH.get(usize::from(b - 0x80)).copied().flatten().ok_or(Error::Encoding { offset })
            }
            _ => Ok(char::from(b)),
        })
        .collect()
}

/// Normalises the text the rest of the pipeline reads: a BOM is dropped, an
/// HTML page becomes its article text, CRLF and CR become LF. Non-breaking
/// and other exotic spaces stay (they are valid text), and so do trailing
/// spaces, so that the text reads as given. Refuses empty text, text with
/// NUL characters and text over [`MAX_BYTES`].
pub fn clean(text: &str) -> Result<String, Error> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    // One vectorised search finds the first NUL or carriage return; the
    // text before it holds neither.
    let bytes = text.as_bytes();
    let from_first =
        bytes.get(memchr::memchr2(b'\0', b'\r', bytes).unwrap_or(bytes.len())..).unwrap_or_default();
    if memchr::memchr(b'\0', from_first).is_some() {
        return Err(Error::Binary { what: "NUL characters".to_string() });
    }
    let text = if html::looks_like_html(text) {
        let article = html::to_text(text);
        if article.trim().is_empty() {
            return Err(Error::NoArticleText);
        }
        article
    } else if memchr::memchr(b'\r', from_first).is_some() {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    if text.len() > MAX_BYTES {
        return Err(Error::TooLarge { size: text.len(), limit: MAX_BYTES });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ErrorCode;

    fn code(bytes: &[u8]) -> Result<String, ErrorCode> {
        decode(bytes).and_then(|t| clean(&t)).map_err(|e| e.code())
    }

    #[test]
    fn decodes_the_encodings_analysts_have() {
        let cases: &[(&str, &[u8], Result<&str, ErrorCode>)] = &[
            ("plain utf-8", "Müller sagte: „Nein“".as_bytes(), Ok("Müller sagte: „Nein“")),
            ("utf-8 with bom", b"\xEF\xBB\xBFKiew", Ok("Kiew")),
            ("utf-16 le", b"\xFF\xFEK\0i\0\xFC\0", Ok("Kiü")),
            ("utf-16 be", b"\xFE\xFF\0K\0i\0\xFC", Ok("Kiü")),
            ("windows-1252", b"Gr\xFC\xDFe \x84Frieden\x93", Ok("Grüße „Frieden“")),
            ("crlf", b"a\r\nb\rc", Ok("a\nb\nc")),
            ("empty", b"", Err(ErrorCode::Empty)),
            ("whitespace", b" \n\t\n", Err(ErrorCode::Empty)),
            ("pdf", b"%PDF-1.7\n...", Err(ErrorCode::Binary)),
            ("png", b"\x89PNG\r\n\x1a\n", Err(ErrorCode::Binary)),
            ("nul inside text", b"Text\0mit NUL", Err(ErrorCode::Binary)),
            ("nul after a carriage return", b"Text\r\nmit\0 NUL", Err(ErrorCode::Binary)),
            ("carriage return after a line feed", b"a\nb\r\nc", Ok("a\nb\nc")),
            ("html page", b"<html><script>x()</script><p>Gr&uuml;&szlig;e</p>", Ok("Grüße")),
            (
                "html without text",
                b"<html><script>x()</script><nav>Start</nav></html>",
                Err(ErrorCode::Empty),
            ),
            ("broken utf-8", b"K\xC3\xBCrze \xFF und", Err(ErrorCode::Encoding)),
            ("odd utf-16", b"\xFF\xFEK", Err(ErrorCode::Encoding)),
            ("undefined cp1252 byte", b"a\x81b", Err(ErrorCode::Encoding)),
        ];
        for (name, input, expected) in cases {
            assert_eq!(
                code(input).as_deref().map_err(|e| *e),
                expected.as_ref().map(|s| *s).map_err(|e| *e),
                "{name}"
            );
        }
    }

    #[test]
    fn refuses_oversized_input() {
        let file = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(decode(&file).map_err(|e| e.code()), Err(ErrorCode::TooLarge));
        let text = "a".repeat(MAX_BYTES + 1);
        assert_eq!(clean(&text).map_err(|e| e.code()), Err(ErrorCode::TooLarge));
        assert!(clean(&"a".repeat(MAX_BYTES)).is_ok());
    }

    #[test]
    fn refuses_text_with_more_than_one_control_byte_in_a_hundred() {
        // Line breaks, tabs and form feeds are layout, not control bytes.
        let layout = "Zeile\tmit\r\nUmbruch\x0C".repeat(1000);
        assert!(binary_kind(layout.as_bytes()).is_none());
        // Spread over many chunks of the count: 1 in 90 is too many, 1 in
        // 110 is not.
        let dense = ("x".repeat(89) + "\x1B").repeat(500);
        assert_eq!(binary_kind(dense.as_bytes()), Some("control characters"));
        let sparse = ("x".repeat(109) + "\x1B").repeat(500);
        assert_eq!(binary_kind(sparse.as_bytes()), None);
        let packed = "\x01".repeat(300);
        assert_eq!(binary_kind(packed.as_bytes()), Some("control characters"));
    }

    #[test]
    fn refuses_nul_characters_anywhere() {
        let text = "a".repeat(100_000) + "\0";
        assert_eq!(
            decode(text.as_bytes()).and_then(|t| clean(&t)).map_err(|e| e.code()),
            Err(ErrorCode::Binary)
        );
        let utf16: Vec<u8> = [0xFF, 0xFE, b'a', 0, 0, 0].to_vec();
        assert_eq!(decode(&utf16).and_then(|t| clean(&t)).map_err(|e| e.code()), Err(ErrorCode::Binary));
    }
}
