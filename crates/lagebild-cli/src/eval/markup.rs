//! A small, tolerant scanner for the XML and SGML files of the annotated
//! corpora: it turns markup into plain text and records where every element
//! starts and ends in that text.
//!
//! It is not a validating XML parser. It skips the XML declaration, comments,
//! processing instructions and `<!DOCTYPE …>`, copies CDATA sections, decodes
//! the five predefined entities and numeric character references (an unknown
//! entity stays as written), and takes a `<` that does not start a tag as a
//! literal character. It refuses what would make the offsets meaningless: a
//! tag that never ends, a closing tag that does not match the open element,
//! and elements still open at the end of the file.
//!
//! Offsets are UTF-8 byte offsets into [`Plain::text`].

use std::fmt;

/// One element of the markup and the stretch of plain text it encloses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// The tag name as written.
    pub name: String,
    /// The attributes in document order, values with entities decoded.
    pub attrs: Vec<(String, String)>,
    /// Byte offset in the plain text where the element's content starts.
    pub start: usize,
    /// Byte offset in the plain text where the element's content ends.
    pub end: usize,
    /// How many elements enclose this one.
    pub depth: usize,
}

impl Element {
    /// The value of an attribute, matched case-insensitively by name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// Whether the element has this name (case-insensitively).
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

/// Markup reduced to text, with the elements in the order they open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plain {
    /// The character data of the document, entities decoded.
    pub text: String,
    /// Every element, in document order of its start tag.
    pub elements: Vec<Element>,
}

/// Why a file could not be read as markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    /// The 1-based line of the input where the problem is.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for MarkupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed markup at line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for MarkupError {}

/// Scans markup into plain text and element spans.
pub fn strip(input: &str) -> Result<Plain, MarkupError> {
    let mut out = Plain::default();
    // Indices into `out.elements` of the elements still open, innermost last.
    let mut open: Vec<usize> = Vec::new();
    let bytes = input.as_bytes();
    let mut pos = 0;
    let fail = |at: usize, message: String| MarkupError { line: line_of(input, at), message };
    while pos < input.len() {
        let rest = &input[pos..];
        match bytes[pos] {
            b'<' if rest.starts_with("<!--") => {
                let end = rest.find("-->").ok_or_else(|| fail(pos, "a comment is never closed".into()))?;
                pos += end + 3;
            }
            b'<' if rest.starts_with("<![CDATA[") => {
                let body = &rest[9..];
                let end =
                    body.find("]]>").ok_or_else(|| fail(pos, "a CDATA section is never closed".into()))?;
                out.text.push_str(&body[..end]);
                pos += 9 + end + 3;
            }
            b'<' if rest.starts_with("<?") || rest.starts_with("<!") => {
                let end = rest.find('>').ok_or_else(|| fail(pos, "a declaration is never closed".into()))?;
                pos += end + 1;
            }
            b'<' if rest.starts_with("</") => {
                let end = rest.find('>').ok_or_else(|| fail(pos, "a closing tag is never closed".into()))?;
                let name = rest[2..end].trim();
                let Some(&innermost) = open.last() else {
                    return Err(fail(pos, format!("</{name}> closes nothing")));
                };
                if !out.elements[innermost].name.eq_ignore_ascii_case(name) {
                    let expected = &out.elements[innermost].name;
                    return Err(fail(pos, format!("</{name}> where </{expected}> was expected")));
                }
                out.elements[innermost].end = out.text.len();
                open.pop();
                pos += end + 1;
            }
            b'<' if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') => {
                let end = tag_end(rest).ok_or_else(|| fail(pos, "a tag is never closed".into()))?;
                let inner = &rest[1..end];
                let (inner, empty) = match inner.strip_suffix('/') {
                    Some(body) => (body, true),
                    None => (inner, false),
                };
                let (name, attrs) = parse_tag(inner).map_err(|m| fail(pos, m))?;
                let here = out.text.len();
                out.elements.push(Element { name, attrs, start: here, end: here, depth: open.len() });
                if !empty {
                    open.push(out.elements.len() - 1);
                }
                pos += end + 1;
            }
            b'&' => {
                let (decoded, used) = decode_entity(rest);
                out.text.push_str(&decoded);
                pos += used;
            }
            _ => {
                // Copy up to the next markup character in one go.
                let first = rest.chars().next().map_or(1, char::len_utf8);
                let run = rest[first..].find(['<', '&']).map_or(rest.len(), |i| i + first);
                out.text.push_str(&rest[..run]);
                pos += run;
            }
        }
    }
    if let Some(&innermost) = open.last() {
        let name = &out.elements[innermost].name;
        return Err(MarkupError {
            line: line_of(input, input.len()),
            message: format!("<{name}> is never closed"),
        });
    }
    Ok(out)
}

/// The offset of the `>` that ends the tag starting at `tag[0]`, skipping
/// `>` inside quoted attribute values.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in tag.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

/// Splits the inside of a start tag into its name and attributes.
fn parse_tag(inner: &str) -> Result<(String, Vec<(String, String)>), String> {
    let name_end = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
    let name = inner[..name_end].to_string();
    let mut attrs = Vec::new();
    let mut rest = inner[name_end..].trim_start();
    while !rest.is_empty() {
        let key_end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
        let key = rest[..key_end].to_string();
        if key.is_empty() {
            return Err(format!("an attribute of <{name}> has no name"));
        }
        rest = rest[key_end..].trim_start();
        let Some(after_eq) = rest.strip_prefix('=') else {
            // A bare attribute (SGML style): its value is its name.
            attrs.push((key.clone(), key));
            continue;
        };
        rest = after_eq.trim_start();
        let (raw, remaining) = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let close = rest[1..].find(q).ok_or_else(|| format!("the value of {key} is never closed"))?;
                (&rest[1..1 + close], &rest[close + 2..])
            }
            _ => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], &rest[end..])
            }
        };
        attrs.push((key, decode_entities(raw)));
        rest = remaining.trim_start();
    }
    Ok((name, attrs))
}

/// Decodes every entity in a string.
pub fn decode_entities(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let (decoded, used) = decode_entity(&rest[amp..]);
        out.push_str(&decoded);
        rest = &rest[amp + used..];
    }
    out.push_str(rest);
    out
}

/// Decodes the entity at the start of `s` (which starts with `&`): the text
/// it stands for and how many input bytes it used. Anything that is not a
/// known entity yields a literal `&`.
fn decode_entity(s: &str) -> (String, usize) {
    let literal = ("&".to_string(), 1);
    let Some(semi) = s[1..].find(';').map(|i| i + 1).filter(|&i| i <= 12) else {
        return literal;
    };
    let name = &s[1..semi];
    let decoded = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse::<u32>().ok()
            } else {
                None
            };
            code.and_then(char::from_u32)
        }
    };
    match decoded {
        Some(c) => (c.to_string(), semi + 1),
        None => literal,
    }
}

/// The 1-based line number of a byte offset.
fn line_of(input: &str, at: usize) -> usize {
    input.as_bytes()[..at.min(input.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans<'a>(plain: &'a Plain, name: &str) -> Vec<&'a str> {
        plain.elements.iter().filter(|e| e.is(name)).map(|e| &plain.text[e.start..e.end]).collect()
    }

    #[test]
    fn strips_tags_and_records_spans() {
        let plain = strip("<T>Am <X v=\"1\">3. März</X> fiel <X v='2'>Kiew</X>.</T>")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plain.text, "Am 3. März fiel Kiew.");
        assert_eq!(spans(&plain, "X"), ["3. März", "Kiew"]);
        assert_eq!(plain.elements[1].attr("v"), Some("1"));
        assert_eq!(plain.elements[2].attr("V"), Some("2"));
        // Text that starts with a multi-byte character right after a tag.
        let plain = strip("<a>„Kiew“ <X>März</X>ü</a>").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plain.text, "„Kiew“ Märzü");
        assert_eq!(spans(&plain, "X"), ["März"]);
    }

    #[test]
    fn decodes_entities_and_keeps_offsets_on_the_decoded_text() {
        let plain = strip("AT&amp;T &lt;b&gt; &#228;&#xFC; &bogus; a & b <X>Q&amp;A</X>")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plain.text, "AT&T <b> äü &bogus; a & b Q&A");
        assert_eq!(spans(&plain, "X"), ["Q&A"]);
        let x = &plain.elements[0];
        assert_eq!((x.start, x.end), (plain.text.len() - 3, plain.text.len()));
    }

    #[test]
    fn nested_and_empty_elements() {
        let plain = strip("<TEXT>from <T a=\"x\">the <T>1990s</T> on</T><T/> end</TEXT>")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(spans(&plain, "T"), ["the 1990s on", "1990s", ""]);
        assert_eq!(plain.elements.iter().map(|e| e.depth).collect::<Vec<_>>(), [0, 1, 2, 1]);
    }

    #[test]
    fn skips_declarations_comments_and_copies_cdata() {
        let plain =
            strip("<?xml version=\"1.0\"?><!DOCTYPE x><!-- <T>no</T> --><a>1 < 2 <![CDATA[<&>]]></a>")
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plain.text, "1 < 2 <&>");
        assert_eq!(plain.elements.len(), 1);
    }

    #[test]
    fn quoted_greater_than_does_not_end_a_tag() {
        let plain = strip("<a title=\"x > y\" flag>t</a>").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plain.text, "t");
        assert_eq!(plain.elements[0].attr("title"), Some("x > y"));
        assert_eq!(plain.elements[0].attr("flag"), Some("flag"));
    }

    #[test]
    fn refuses_what_breaks_the_offsets() {
        for (bad, line) in [
            ("<a>\n<b>x</a>", 2),
            ("<a>x", 1),
            ("text\n\n</a>", 3),
            ("<a attr=\"x>y", 1),
            ("<a>\n<!-- open", 2),
        ] {
            let Err(err) = strip(bad) else { panic!("{bad:?} was accepted") };
            assert_eq!(err.line, line, "{bad:?}: {err}");
        }
    }
}
