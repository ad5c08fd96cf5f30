//! A quick test of how a word ends: a bit set of the last bytes of a list of
//! endings, so that a word none of them can end is turned away with a few
//! instructions, before any hash look-up or string comparison.

/// How many final bytes the test reads.
pub(super) const TAIL_BYTES: usize = 3;

/// How many bits the set has, as a power of two.
const BITS_LOG2: u32 = 12;

/// The last [`TAIL_BYTES`] bytes of the endings added, hashed into a bit set.
pub(super) struct TailBits {
    bits: Vec<u64>,
}

impl Default for TailBits {
    fn default() -> TailBits {
        TailBits { bits: vec![0; (1 << BITS_LOG2) / 64] }
    }
}

impl TailBits {
    /// A set every word passes: for endings too short to be held.
    pub fn everything() -> TailBits {
        TailBits { bits: vec![u64::MAX; (1 << BITS_LOG2) / 64] }
    }

    /// Adds an ending. One shorter than [`TAIL_BYTES`] cannot be held:
    /// returns `false`, and the caller must try it on every word.
    pub fn add(&mut self, ending: &str) -> bool {
        let Some(tail) = tail(ending.as_bytes()) else { return false };
        let bit = bit(tail);
        if let Some(word) = self.bits.get_mut(bit / 64) {
            *word |= 1 << (bit % 64);
        }
        true
    }

    /// Whether the word may end with an added ending: it is shorter than
    /// [`TAIL_BYTES`], or its last bytes are those of an added ending (or
    /// share their bit).
    pub fn may_end(&self, word: &str) -> bool {
        tail(word.as_bytes()).is_none_or(|tail| self.has(tail))
    }

    /// Like [`TailBits::may_end`] for endings added in lower case, with the
    /// word's last bytes lower-cased as ASCII; a word whose last bytes are not
    /// all ASCII always passes.
    pub fn may_end_ignoring_ascii_case(&self, word: &str) -> bool {
        match tail(word.as_bytes()) {
            Some(tail) if tail.is_ascii() => self.has(tail.map(|b| b.to_ascii_lowercase())),
            _ => true,
        }
    }

    fn has(&self, tail: [u8; TAIL_BYTES]) -> bool {
        let bit = bit(tail);
        self.bits.get(bit / 64).is_some_and(|word| word >> (bit % 64) & 1 == 1)
    }
}

/// The last [`TAIL_BYTES`] bytes, if there are that many.
pub(super) fn tail(bytes: &[u8]) -> Option<[u8; TAIL_BYTES]> {
    bytes.get(bytes.len().checked_sub(TAIL_BYTES)?..)?.try_into().ok()
}

/// The bit of a tail: its bytes mixed by a multiplicative hash.
fn bit(tail: [u8; TAIL_BYTES]) -> usize {
    let [a, b, c] = tail;
    let key = u32::from(a) | u32::from(b) << 8 | u32::from(c) << 16;
    (key.wrapping_mul(0x9E37_79B1) >> (32 - BITS_LOG2)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_with_an_added_ending_always_passes() {
        let mut bits = TailBits::default();
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
}
