//! A seeded pseudo-random sequence for everything that must give the same "random" choices on
//! every run and every platform: the bootstrap interval, synthetic agreement data and the sample
//! bundle generator.
//!
//! This is not randomness: the seed is an argument, so lens-core still reads nothing from its
//! environment. The sequence is SplitMix64 (Steele, Lea and Flood, 2014), defined by integer
//! arithmetic alone, so it is bit-identical natively and in WebAssembly. Its outputs are pinned
//! by published check values in the agreement tests; changing them changes every generated data
//! set, bundle and bootstrap interval.

/// The SplitMix64 pseudo-random sequence.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A sequence starting from `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next value.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}
