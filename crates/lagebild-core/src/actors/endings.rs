//! A list of word endings indexed by their last bytes, so that a word is
//! compared only with the few endings that can fit it instead of the whole
//! list.

use super::tails::{tail, TailBits, TwoWidthTails, TAIL_BYTES};
use rustc_hash::FxHashMap;

/// Endings (lower case), each with its index in the list it came from.
pub(super) struct Endings {
    endings: Vec<String>,
    /// Endings of at least [`TAIL_BYTES`] bytes, by their last bytes.
    by_tail: FxHashMap<[u8; TAIL_BYTES], Vec<usize>>,
    /// Shorter endings: tried for every word.
    short: Vec<usize>,
    /// The keys of `by_tail`, as a quick test before the look-up.
    tails: TailBits,
    /// For a short list, a stricter quick test of its endings. (A long list
    /// fills the bit set, and the test only costs.)
    strict: Option<TwoWidthTails>,
}

/// The longest list that has the stricter quick test.
const MOST_STRICT_ENDINGS: usize = 64;

impl Endings {
    /// Indexes `endings`, keeping their order's indices.
    pub fn new(endings: Vec<String>) -> Endings {
        let mut by_tail: FxHashMap<[u8; TAIL_BYTES], Vec<usize>> = FxHashMap::default();
        let mut short = Vec::new();
        let mut tails = TailBits::default();
        for (index, ending) in endings.iter().enumerate() {
            match tail(ending.as_bytes()) {
                Some(key) => {
                    by_tail.entry(key).or_default().push(index);
                    tails.add(ending);
                }
                None => short.push(index),
            }
        }
        let strict = (endings.len() <= MOST_STRICT_ENDINGS).then(|| {
            let mut tails = TwoWidthTails::default();
            for ending in &endings {
                tails.add(ending);
            }
            tails
        });
        Endings { endings, by_tail, short, tails, strict }
    }

    /// Whether `word` ends with one of the endings for which `test` holds
    /// (given the ending's index and the ending). Inlined, so that the quick
    /// test that turns most words away costs no call.
    #[inline]
    pub fn any(&self, word: &str, test: impl FnMut(usize, &str) -> bool) -> bool {
        if self.short.is_empty() && !self.tails.may_end(word) {
            return false;
        }
        // Endings shorter than a tail are not in the stricter test: with
        // any in the list, it is not asked.
        if let (true, Some(strict)) = (self.short.is_empty(), &self.strict) {
            if !strict.may_end(word) {
                return false;
            }
        }
        self.any_fitting(word, test)
    }

    /// [`Endings::any`] past the quick test.
    fn any_fitting(&self, word: &str, mut test: impl FnMut(usize, &str) -> bool) -> bool {
        let fitting = tail(word.as_bytes()).and_then(|key| self.by_tail.get(&key));
        for &index in fitting.into_iter().flatten().chain(&self.short) {
            if let Some(ending) = self.endings.get(index) {
                if word.ends_with(ending.as_str()) && test(index, ending) {
                    return true;
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_meets_exactly_the_endings_it_ends_with() {
        let all = ["ministerium", "amt", "behörde", "rat", "at", "e", "ö"];
        // Without endings shorter than the quick tests, which then decide.
        let long = &all[..4];
        for list in [&all[..], long] {
            expect_exact_endings(list);
        }
    }

    fn expect_exact_endings(list: &[&str]) {
        let endings = Endings::new(list.iter().map(|e| e.to_string()).collect());
        for word in [
            "verteidigungsministerium",
            "auswärtigesamt",
            "senat",
            "bundesbehörde",
            "öö",
            "x",
            "",
            "rat",
            "kamm",
        ] {
            let mut got = Vec::new();
            endings.any(word, |index, ending| {
                assert_eq!(ending, list[index]);
                got.push(index);
                false
            });
            got.sort_unstable();
            let expected: Vec<usize> = (0..list.len()).filter(|&k| word.ends_with(list[k])).collect();
            assert_eq!(got, expected, "{word}");
        }
    }
}
