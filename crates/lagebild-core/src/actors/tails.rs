//! A quick test of how a word ends: a bit set of the last bytes of a list of
//! endings, so that a word none of them can end is turned away with a few
//! instructions, before any hash look-up or string comparison.

use crate::bits::{self, BitSet};

/// How many final bytes the test reads.
pub(super) const TAIL_BYTES: usize = 3;

/// The bit set the tails are hashed into: 4,096 bits.
type Set = BitSet<64>;

/// The last `N` bytes of the endings added (by default [`TAIL_BYTES`]),
/// hashed into a bit set.
#[derive(Default)]
pub(super) struct TailBits<const N: usize = TAIL_BYTES> {
    bits: Set,
}

impl TailBits {
    /// A set every word passes: for endings too short to be held.
    pub fn everything() -> TailBits {
        TailBits { bits: Set::full() }
    }
}

impl<const N: usize> TailBits<N> {
    /// Adds an ending. One shorter than `N` bytes cannot be held:
    /// returns `false`, and the caller must try it on every word.
    pub fn add(&mut self, ending: &str) -> bool {
        let Some(tail) = tail::<N>(ending.as_bytes()) else { return false };
        self.bits.insert(bit(tail));
        true
    }

    /// Whether the word may end with an added ending: it is shorter than
    /// `N` bytes, or its last bytes are those of an added ending (or
    /// share their bit).
    pub fn may_end(&self, word: &str) -> bool {
        tail::<N>(word.as_bytes()).is_none_or(|tail| self.has(tail))
    }

    /// Like [`TailBits::may_end`] for endings added in lower case, with the
    /// word's last bytes lower-cased as ASCII; a word whose last bytes are not
    /// all ASCII always passes.
    pub fn may_end_ignoring_ascii_case(&self, word: &str) -> bool {
        match tail::<N>(word.as_bytes()) {
            Some(tail) if tail.is_ascii() => self.has(tail.map(|b| b.to_ascii_lowercase())),
            _ => true,
        }
    }

    fn has(&self, tail: [u8; N]) -> bool {
        self.bits.contains(bit(tail))
    }
}

/// How many final bytes [`TwoWidthTails`] reads of the endings that long.
pub(super) const LONG_TAIL_BYTES: usize = 5;

/// A stricter quick test of how a word ends, for a short list of endings:
/// the last [`LONG_TAIL_BYTES`] bytes of the endings that long, the last
/// [`TAIL_BYTES`] of the shorter ones. A word passes when it may end with
/// either; one shorter than a tail passes that tail's test. An ending
/// shorter than [`TAIL_BYTES`] is held by neither set, so a longer word
/// ending with it is turned away: such endings must be tested apart.
#[derive(Default)]
pub(super) struct TwoWidthTails {
    long: TailBits<LONG_TAIL_BYTES>,
    short: TailBits,
}

impl TwoWidthTails {
    /// Adds an ending to the set of its width.
    pub fn add(&mut self, ending: &str) {
        if !self.long.add(ending) {
            self.short.add(ending);
        }
    }

    /// Whether the word may end with an added ending.
    pub fn may_end(&self, word: &str) -> bool {
        self.long.may_end(word) || self.short.may_end(word)
    }
}

/// The last `N` bytes, if there are that many.
pub(super) fn tail<const N: usize>(bytes: &[u8]) -> Option<[u8; N]> {
    bytes.get(bytes.len().checked_sub(N)?..)?.try_into().ok()
}

/// The bit of a tail: its bytes mixed by a multiplicative hash (bytes past
/// the fourth folded onto the first ones).
fn bit<const N: usize>(tail: [u8; N]) -> usize {
    let key = tail.iter().enumerate().fold(0u32, |key, (at, &b)| key ^ u32::from(b) << (8 * (at % 4)));
    bits::hashed(key, Set::BITS_LOG2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_with_an_added_ending_always_passes() {
        let mut bits: TailBits = TailBits::default();
        for ending in ["minister", "präsident", "sprecher", "rin"] {
            assert!(bits.add(ending));
        }
        assert!(!bits.add("of"));
        for word in ["minister", "außenminister", "bundespräsident", "pressesprecher", "kanzlerin", "of", "ö"]
        {
            assert!(bits.may_end(word), "{word}");
        }
        assert!(
            bits.may_end_ignoring_ascii_case("AUSSENMINISTER")
                && bits.may_end_ignoring_ascii_case("Präsidentö")
        );
        assert!(!bits.may_end_ignoring_ascii_case("HAUS"));
        let turned_away = ["und", "die", "das", "haus", "worte"].iter().filter(|w| !bits.may_end(w)).count();
        assert!(turned_away >= 4, "{turned_away}");
    }

    #[test]
    fn a_longer_tail_tells_more_endings_apart() {
        let mut bits: TailBits<5> = TailBits::default();
        assert!(bits.add("minister") && bits.add("präsident") && !bits.add("chef"));
        for word in ["außenminister", "bundespräsident", "chef", "pm"] {
            assert!(bits.may_end(word), "{word}");
        }
        let turned_away =
            ["unter", "später", "student", "meister"].iter().filter(|w| !bits.may_end(w)).count();
        assert!(turned_away >= 3, "{turned_away}");
    }
}
