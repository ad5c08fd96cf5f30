//! Scores found temporal expressions against gold ones the way TempEval-3
//! does (UzZaman et al. 2013):
//!
//! - strict match: the spans are identical; relaxed match: they overlap;
//! - precision = share of found expressions that match some gold one,
//!   recall = share of gold expressions that some found one matches, F1 their
//!   harmonic mean, each for strict and relaxed matching;
//! - value accuracy = share of relaxed-matched gold expressions whose value
//!   the engine got right, and value F1 = relaxed F1 × value accuracy (the
//!   figure TempEval-3 ranks normalisation by).
//!
//! Each gold expression is paired with one found expression for the value:
//! the one with the identical span if there is one, else the one that
//! overlaps it most (the first of equals). Values are compared after
//! trimming and upper-casing and after rewriting two spellings of the same
//! value the annotations use into one (week numbers without a leading zero,
//! `2000-W2` = `2000-W02`; decades and centuries as duration units, `P1DE` =
//! `P10Y`); a missing value on either side is wrong.

/// A temporal expression: a byte range and its normalised value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expr {
    /// Start of the range.
    pub start: usize,
    /// End of the range (exclusive).
    pub end: usize,
    /// TIMEX value, when there is one.
    pub value: Option<String>,
}

impl Expr {
    fn overlap(&self, other: &Expr) -> usize {
        self.end.min(other.end).saturating_sub(self.start.max(other.start))
    }
    fn same_span(&self, other: &Expr) -> bool {
        self.start == other.start && self.end == other.end
    }
}

/// What became of one gold expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No found expression overlaps it.
    Missed,
    /// Paired with the found expression at this index.
    Found {
        /// Index into the found expressions.
        predicted: usize,
        /// Whether the spans are identical.
        exact: bool,
        /// Whether the values agree.
        value_ok: bool,
    },
}

/// Tallies that add up over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold expressions.
    pub gold: usize,
    /// Found expressions.
    pub predicted: usize,
    /// Gold expressions with an identical found span.
    pub strict_gold: usize,
    /// Found expressions with an identical gold span.
    pub strict_predicted: usize,
    /// Gold expressions that a found one overlaps.
    pub relaxed_gold: usize,
    /// Found expressions that overlap a gold one.
    pub relaxed_predicted: usize,
    /// Relaxed-matched gold expressions whose paired value is right.
    pub value_correct: usize,
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

impl Prf {
    fn new(p: f64, r: f64) -> Prf {
        let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        Prf { p, r, f1 }
    }
}

impl Counts {
    /// Adds another document's tallies.
    pub fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.strict_gold += o.strict_gold;
        self.strict_predicted += o.strict_predicted;
        self.relaxed_gold += o.relaxed_gold;
        self.relaxed_predicted += o.relaxed_predicted;
        self.value_correct += o.value_correct;
    }
    /// Identical spans.
    pub fn strict(&self) -> Prf {
        Prf::new(ratio(self.strict_predicted, self.predicted), ratio(self.strict_gold, self.gold))
    }
    /// Overlapping spans.
    pub fn relaxed(&self) -> Prf {
        Prf::new(ratio(self.relaxed_predicted, self.predicted), ratio(self.relaxed_gold, self.gold))
    }
    /// Share of relaxed matches with the right value.
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_correct, self.relaxed_gold)
    }
    /// Relaxed F1 × value accuracy.
    pub fn value_f1(&self) -> f64 {
        self.relaxed().f1 * self.value_accuracy()
    }
}

/// Normalises a value for comparison.
pub fn normalise_value(value: &str) -> String {
    let v = value.trim().to_ascii_uppercase();
    if let Some((year, rest)) = v.split_once("-W") {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if year.len() == 4 && digits == 1 {
            return format!("{year}-W0{rest}");
        }
    }
    if let Some(body) = v.strip_prefix('P') {
        for (unit, years) in [("DE", 10), ("CE", 100)] {
            if let Some(n) = body.strip_suffix(unit).and_then(|n| n.parse::<u32>().ok()) {
                return format!("P{}Y", n * years);
            }
        }
    }
    v
}

fn same_value(gold: Option<&str>, found: Option<&str>) -> bool {
    match (gold, found) {
        (Some(g), Some(f)) => normalise_value(g) == normalise_value(f),
        _ => false,
    }
}

/// Scores one document: the tallies and what became of each gold expression.
pub fn score(gold: &[Expr], found: &[Expr]) -> (Counts, Vec<Outcome>) {
    let mut counts = Counts { gold: gold.len(), predicted: found.len(), ..Counts::default() };
    counts.strict_predicted = found.iter().filter(|f| gold.iter().any(|g| g.same_span(f))).count();
    counts.relaxed_predicted = found.iter().filter(|f| gold.iter().any(|g| g.overlap(f) > 0)).count();
    let outcomes = gold
        .iter()
        .map(|g| {
            let exact = found.iter().position(|f| f.same_span(g));
            let best = exact.or_else(|| {
                let mut best: Option<(usize, usize)> = None;
                for (i, f) in found.iter().enumerate() {
                    let o = g.overlap(f);
                    if o > 0 && best.is_none_or(|(_, b)| o > b) {
                        best = Some((i, o));
                    }
                }
                best.map(|(i, _)| i)
            });
            match best {
                None => Outcome::Missed,
                Some(i) => Outcome::Found {
                    predicted: i,
                    exact: exact.is_some(),
                    value_ok: same_value(g.value.as_deref(), found[i].value.as_deref()),
                },
            }
        })
        .collect::<Vec<_>>();
    for outcome in &outcomes {
        if let Outcome::Found { exact, value_ok, .. } = *outcome {
            counts.relaxed_gold += 1;
            counts.strict_gold += usize::from(exact);
            counts.value_correct += usize::from(value_ok);
        }
    }
    (counts, outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(start: usize, end: usize, value: Option<&str>) -> Expr {
        Expr { start, end, value: value.map(str::to_string) }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn strict_needs_identical_spans_relaxed_only_overlap() {
        // Gold: "Friday" [0,6), "last week" [10,19), "2013" [30,34).
        let gold = [e(0, 6, Some("2013-03-22")), e(10, 19, Some("2013-W11")), e(30, 34, Some("2013"))];
        // Found: "Friday" exact, "week" inside "last week", a spurious one.
        let found = [e(0, 6, Some("2013-03-22")), e(15, 19, Some("P1W")), e(40, 44, Some("2014"))];
        let (c, outcomes) = score(&gold, &found);
        assert_eq!((c.strict_gold, c.strict_predicted, c.relaxed_gold, c.relaxed_predicted), (1, 1, 2, 2));
        assert!(close(c.strict().p, 1.0 / 3.0) && close(c.strict().r, 1.0 / 3.0));
        assert!(close(c.relaxed().p, 2.0 / 3.0) && close(c.relaxed().r, 2.0 / 3.0));
        assert!(close(c.relaxed().f1, 2.0 / 3.0));
        assert_eq!(outcomes[1], Outcome::Found { predicted: 1, exact: false, value_ok: false });
        assert_eq!(outcomes[2], Outcome::Missed);
        // One of the two relaxed matches has the right value.
        assert!(close(c.value_accuracy(), 0.5));
        assert!(close(c.value_f1(), 2.0 / 3.0 * 0.5));
    }

    #[test]
    fn values_compare_normalised_and_null_is_wrong() {
        let gold = [e(0, 4, Some("xxxx-09")), e(5, 9, Some("PRESENT_REF")), e(10, 14, None)];
        let found = [e(0, 4, Some(" XXXX-09")), e(5, 9, None), e(10, 14, None)];
        let (c, _) = score(&gold, &found);
        assert_eq!((c.relaxed_gold, c.value_correct), (3, 1));
    }

    #[test]
    fn spellings_of_the_same_value_are_one() {
        for (a, b) in
            [("2000-w2", "2000-W02"), ("2000-W7-WE", "2000-W07-WE"), ("P1DE", "P10Y"), ("P2CE", "P200Y")]
        {
            assert_eq!(normalise_value(a), normalise_value(b), "{a} {b}");
        }
        for (a, b) in [("2000-W12", "2000-W02"), ("XXXX-WXX", "XXXX-W0XX"), ("PXDE", "PXY"), ("1990", "199")]
        {
            assert_ne!(normalise_value(a), normalise_value(b), "{a} {b}");
        }
    }

    #[test]
    fn pairs_each_gold_with_the_exact_or_the_most_overlapping_span() {
        let gold = [e(10, 30, Some("2003-03-20"))];
        let found = [e(5, 12, Some("2003")), e(14, 29, Some("2003-03-20")), e(10, 30, Some("2003-03"))];
        let (_, outcomes) = score(&gold, &found);
        assert_eq!(outcomes[0], Outcome::Found { predicted: 2, exact: true, value_ok: false });
        let (c, outcomes) = score(&gold, &found[..2]);
        assert_eq!(outcomes[0], Outcome::Found { predicted: 1, exact: false, value_ok: true });
        // Both overlap the gold expression, so both count for precision.
        assert_eq!((c.relaxed_predicted, c.predicted), (2, 2));
    }

    #[test]
    fn empty_sides_score_zero_without_dividing_by_zero() {
        let (c, _) = score(&[], &[]);
        assert_eq!(c.relaxed().f1, 0.0);
        assert_eq!(c.value_accuracy(), 0.0);
        let mut total = Counts::default();
        total.add(&score(&[e(0, 1, Some("1"))], &[]).0);
        total.add(&score(&[], &[e(0, 1, Some("1"))]).0);
        assert_eq!((total.gold, total.predicted, total.relaxed_gold), (1, 1, 0));
    }
}
