//! Bit sets for the engine's quick tests: whether a word may begin, end or
//! be one of a list, answered by a look or two before any hash table,
//! automaton or string comparison is reached. A word's first two bytes
//! index a set of 65,536 bits as they are; longer keys are hashed into a
//! set, where a collision only lets a word through that a full test then
//! turns away.

/// A set of `64 * WORDS` bits, `WORDS` a power of two. A place past the
/// end wraps around, so that every place names a bit.
#[derive(Clone)]
pub(crate) struct BitSet<const WORDS: usize> {
    words: Box<[u64; WORDS]>,
}

/// A set with a bit for every pair of bytes (see [`pair`]).
pub(crate) type PairSet = BitSet<1024>;

impl<const WORDS: usize> BitSet<WORDS> {
    /// How many bits the set has.
    pub const BITS: usize = 64 * WORDS;
    /// The power of two that [`BitSet::BITS`] is: the width of a place
    /// hashed into the set (see [`hashed`]).
    pub const BITS_LOG2: u32 = Self::BITS.trailing_zeros();

    /// A set without any bit.
    pub fn empty() -> Self {
        BitSet { words: Box::new([0; WORDS]) }
    }

    /// A set with every bit: everything passes.
    pub fn full() -> Self {
        BitSet { words: Box::new([u64::MAX; WORDS]) }
    }

    /// Sets the bit at `place`.
    #[inline]
    pub fn insert(&mut self, place: usize) {
        let place = place % Self::BITS;
        if let Some(word) = self.words.get_mut(place / 64) {
            *word |= 1 << (place % 64);
        }
    }

    /// Whether the bit at `place` is set.
    #[inline]
    pub fn contains(&self, place: usize) -> bool {
        let place = place % Self::BITS;
        self.words.get(place / 64).is_some_and(|word| word >> (place % 64) & 1 == 1)
    }
}

impl<const WORDS: usize> Default for BitSet<WORDS> {
    fn default() -> Self {
        Self::empty()
    }
}

/// The place of two bytes in a [`PairSet`].
#[inline]
pub(crate) fn pair(first: u8, second: u8) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

/// A key's place in a set of `2^log2` bits (`log2` from 1 to 32): the key
/// mixed by a multiplicative hash, whose top bits are the best mixed.
#[inline]
pub(crate) fn hashed(key: u32, log2: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> (32 - log2)) as usize
}

/// A 64-bit key's place among `2^log2` places (`log2` from 1 to 64): what
/// [`hashed`] does for keys that do not fit 32 bits.
#[inline]
pub(crate) fn hashed_wide(key: u64, log2: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - log2)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_holds_what_was_inserted_and_little_else() {
        let mut set = PairSet::empty();
        let words = ["Nordkorea", "Russland", "sanktionen", "ab", "zu"];
        for word in words {
            if let [first, second, ..] = word.as_bytes() {
                set.insert(pair(*first, *second));
            }
        }
        assert!(words.iter().all(|w| set.contains(pair(w.as_bytes()[0], w.as_bytes()[1]))));
        assert!(!set.contains(pair(b'U', b'k')) && !set.contains(pair(b'x', b'y')));
        assert_eq!(PairSet::BITS, 65_536);
        assert_eq!(PairSet::BITS_LOG2, 16);
    }

    #[test]
    fn a_place_past_the_end_wraps_around() {
        let mut set: BitSet<2> = BitSet::empty();
        set.insert(130);
        assert!(set.contains(2) && set.contains(130) && !set.contains(3));
        let full: BitSet<2> = BitSet::full();
        assert!((0..256).all(|place| full.contains(place)));
    }

    #[test]
    fn hashed_places_fall_inside_the_set() {
        for key in [0, 1, 0xFFFF, 0xDEAD_BEEF, u32::MAX] {
            assert!(hashed(key, 12) < 1 << 12);
            assert!(hashed(key, 16) < 1 << 16);
            assert!(hashed_wide(u64::from(key) << 32 | 0xFF, 6) < 1 << 6);
        }
        // Keys that differ in one byte land apart.
        let places: std::collections::HashSet<usize> =
            (0..=255u32).map(|b| hashed(0x6e6f_7200 | b, 16)).collect();
        assert!(places.len() > 250, "{}", places.len());
    }
}
