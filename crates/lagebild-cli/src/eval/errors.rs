//! Groups the engine's date errors so that the most common ones stand out:
//! gold expressions it missed, values it got wrong, spans it cut
//! differently and expressions it found that the gold does not have. Each
//! group is keyed by the kind of value (a day, a month, a duration …) and
//! keeps a few examples from the text.

use super::score::{Expr, Outcome};
use std::collections::HashMap;

/// How many examples a group keeps.
const EXAMPLES: usize = 3;

/// One group of errors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    /// What the errors have in common.
    pub key: String,
    /// How many there are.
    pub count: usize,
    /// The first few, as text.
    pub examples: Vec<String>,
}

/// The errors of one corpus, collected document by document.
#[derive(Debug, Default)]
pub struct Errors {
    missed: HashMap<String, Group>,
    wrong_value: HashMap<String, Group>,
    boundary: HashMap<String, Group>,
    spurious: HashMap<String, Group>,
}

/// The kind of a TIMEX value, from its shape.
pub fn kind_of(value: Option<&str>) -> String {
    let Some(value) = value else { return "no value".into() };
    let v = value.trim().to_ascii_uppercase();
    if v.ends_with("_REF") {
        return format!("reference ({v})");
    }
    if v.starts_with("PT") {
        return "duration in hours/minutes".into();
    }
    if v.starts_with('P') {
        return "duration".into();
    }
    if v.starts_with("BC") {
        return "year BC".into();
    }
    let shape: String = v.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect();
    let label = match shape.as_str() {
        "9999-99-99" => "day",
        "9999-99" => "month",
        "9999" => "year",
        "999" => "decade",
        "99" => "century",
        "9999-W99" | "9999-W9" => "week",
        "9999-W99-WE" => "weekend",
        "9999-Q9" => "quarter",
        "9999-H9" => "half year",
        "9999-SP" | "9999-SU" | "9999-FA" | "9999-WI" => "season",
        s if s.starts_with("9999-99-99T") => "time of day",
        s if s.contains('X') => return format!("underspecified ({shape})"),
        _ => return format!("other ({shape})"),
    };
    label.into()
}

fn record(groups: &mut HashMap<String, Group>, key: String, example: String) {
    let group = groups.entry(key.clone()).or_insert_with(|| Group { key, ..Group::default() });
    group.count += 1;
    if group.examples.len() < EXAMPLES {
        group.examples.push(example);
    }
}

/// The text of a span on one line, shortened.
fn quote(text: &str, e: &Expr) -> String {
    let raw = text.get(e.start..e.end).unwrap_or("?");
    let one_line: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut short: String = one_line.chars().take(40).collect();
    if short.len() < one_line.len() {
        short.push('…');
    }
    format!("\"{short}\"")
}

fn show(value: Option<&str>) -> &str {
    value.unwrap_or("null")
}

impl Errors {
    /// Adds one document's outcomes.
    pub fn add(&mut self, text: &str, gold: &[Expr], found: &[Expr], outcomes: &[Outcome]) {
        let mut paired = vec![false; found.len()];
        for (g, outcome) in gold.iter().zip(outcomes) {
            let gv = g.value.as_deref();
            match *outcome {
                Outcome::Missed => {
                    record(&mut self.missed, kind_of(gv), format!("{} = {}", quote(text, g), show(gv)));
                }
                Outcome::Found { predicted, exact, value_ok } => {
                    let f = &found[predicted];
                    paired[predicted] = true;
                    let fv = f.value.as_deref();
                    if !value_ok {
                        let key = format!("{} as {}", kind_of(gv), kind_of(fv));
                        let example = format!("{} = {}, engine {}", quote(text, g), show(gv), show(fv));
                        record(&mut self.wrong_value, key, example);
                    }
                    if !exact {
                        let example = format!("gold {}, engine {}", quote(text, g), quote(text, f));
                        record(&mut self.boundary, kind_of(gv), example);
                    }
                }
            }
        }
        for (f, _) in found.iter().zip(&paired).filter(|(_, &p)| !p) {
            if !gold.iter().any(|g| g.start < f.end && f.start < g.end) {
                let fv = f.value.as_deref();
                record(&mut self.spurious, kind_of(fv), format!("{} = {}", quote(text, f), show(fv)));
            }
        }
    }

    /// The `n` largest groups of each list, largest first, with a short id
    /// and a title for each list.
    pub fn top(&self, n: usize) -> Vec<(&'static str, &'static str, Vec<Group>)> {
        let largest = |groups: &HashMap<String, Group>| {
            let mut all: Vec<Group> = groups.values().cloned().collect();
            all.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
            all.truncate(n);
            all
        };
        vec![
            ("missed", "missed", largest(&self.missed)),
            ("wrong_value", "wrong value (gold kind as engine kind)", largest(&self.wrong_value)),
            ("span_differs", "span differs", largest(&self.boundary)),
            ("not_in_gold", "not in the gold", largest(&self.spurious)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::super::score::score;
    use super::*;

    fn e(start: usize, end: usize, value: Option<&str>) -> Expr {
        Expr { start, end, value: value.map(str::to_string) }
    }

    #[test]
    fn kinds_follow_the_value_shape() {
        let cases = [
            (Some("2003-03-20"), "day"),
            (Some("1939-09"), "month"),
            (Some("194"), "decade"),
            (Some("19"), "century"),
            (Some("P3Y"), "duration"),
            (Some("PT48H"), "duration in hours/minutes"),
            (Some("PRESENT_REF"), "reference (PRESENT_REF)"),
            (Some("XXXX-09"), "underspecified (XXXX-99)"),
            (Some("2013-W11"), "week"),
            (Some("1998-01-08TEV"), "time of day"),
            (Some("BC0264"), "year BC"),
            (None, "no value"),
        ];
        for (value, kind) in cases {
            assert_eq!(kind_of(value), kind, "{value:?}");
        }
    }

    #[test]
    fn groups_misses_wrong_values_boundaries_and_extras() {
        let text = "Am 20. März 2003 und im Juni, seit drei Tagen, heute.";
        let at = |part: &str, value: &str| {
            let start = text.find(part).unwrap_or(0);
            e(start, start + part.len(), Some(value))
        };
        let gold = [at("20. März 2003", "2003-03-20"), at("Juni", "2003-06"), at("drei Tagen", "P3D")];
        let found = [at("Am 20. März 2003", "2003-03-20"), at("Juni", "2002-06"), at("heute", "2003-03-20")];
        let (_, outcomes) = score(&gold, &found);
        let mut errors = Errors::default();
        errors.add(text, &gold, &found, &outcomes);
        let top = errors.top(5);
        assert_eq!(top[0].2[0].examples, ["\"drei Tagen\" = P3D"]);
        assert_eq!(top[1].2[0].key, "month as month");
        assert_eq!(top[2].2[0].examples, ["gold \"20. März 2003\", engine \"Am 20. März 2003\""]);
        assert_eq!(top[3].2[0].examples, ["\"heute\" = 2003-03-20"]);
    }
}
