//! A bootstrap confidence interval for Krippendorff's alpha: units resampled with
//! replacement, from a seeded SplitMix64 sequence, so the same data and seed always give
//! the same interval, natively and in WebAssembly.

use super::{krippendorff_alpha, AlphaMetric, CountTable, Estimate};
use crate::random::SplitMix64;

/// A percentile bootstrap interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BootstrapInterval {
    /// Alpha on the data as it is.
    pub estimate: f64,
    /// The 2.5th percentile of the replicates.
    pub lower: f64,
    /// The 97.5th percentile of the replicates.
    pub upper: f64,
    /// Replicates with a defined alpha.
    pub replicates_used: usize,
    /// Replicates where alpha was undefined (every resampled value the same), left out.
    pub replicates_undefined: usize,
}

/// The replicates a report uses by default.
pub const DEFAULT_REPLICATES: usize = 1000;
/// The seed a report uses by default.
pub const DEFAULT_SEED: u64 = 20_261_121;

/// Resamples the pairable units (those with two or more ratings; the others do not affect
/// alpha) `replicates` times. `None` when alpha itself is undefined or no replicate has a value.
/// Each draw is a binary search over the distinct count patterns, so a replicate costs
/// O(n log P) for n units and P patterns.
pub fn bootstrap_alpha(
    table: &CountTable,
    metric: &AlphaMetric,
    replicates: usize,
    seed: u64,
) -> Option<BootstrapInterval> {
    bootstrap_alphas(table, std::slice::from_ref(metric), replicates, seed).pop().flatten()
}

/// [`bootstrap_alpha`] for several metrics at once, from the same resamples: each metric's
/// interval is exactly the one [`bootstrap_alpha`] gives it with the same seed, and the units
/// are drawn once rather than once per metric.
pub fn bootstrap_alphas(
    table: &CountTable,
    metrics: &[AlphaMetric],
    replicates: usize,
    seed: u64,
) -> Vec<Option<BootstrapInterval>> {
    let estimates: Vec<Option<f64>> = metrics
        .iter()
        .map(|metric| match krippendorff_alpha(table, metric) {
            Estimate::Defined(estimate) => Some(estimate),
            Estimate::Undefined(_) => None,
        })
        .collect();
    let frequencies: Vec<u64> =
        table.patterns().map(|(_, n_units, n_ratings)| if n_ratings >= 2 { n_units } else { 0 }).collect();
    let cumulative: Vec<u64> = frequencies
        .iter()
        .scan(0_u64, |total, &n_units| {
            *total += n_units;
            Some(*total)
        })
        .collect();
    let n_units = cumulative.last().copied().unwrap_or(0);
    if n_units == 0 || estimates.iter().all(Option::is_none) {
        return vec![None; metrics.len()];
    }
    let mut random = SplitMix64::new(seed);
    let mut values: Vec<Vec<f64>> = metrics.iter().map(|_| Vec::with_capacity(replicates)).collect();
    let mut unit_counts = vec![0_u64; frequencies.len()];
    for _ in 0..replicates {
        unit_counts.iter_mut().for_each(|count| *count = 0);
        for _ in 0..n_units {
            let draw = below(random.next_u64(), n_units);
            let pattern = cumulative.partition_point(|&total| total <= draw);
            unit_counts[pattern] += 1;
        }
        let resampled = table.with_unit_counts(&unit_counts);
        for ((metric, estimate), found) in metrics.iter().zip(&estimates).zip(&mut values) {
            if estimate.is_none() {
                continue;
            }
            if let Estimate::Defined(value) = krippendorff_alpha(&resampled, metric) {
                found.push(value);
            }
        }
    }
    estimates
        .into_iter()
        .zip(values)
        .map(|(estimate, mut found)| {
            let estimate = estimate?;
            if found.is_empty() {
                return None;
            }
            found.sort_by(f64::total_cmp);
            Some(BootstrapInterval {
                estimate,
                lower: percentile(&found, 0.025),
                upper: percentile(&found, 0.975),
                replicates_used: found.len(),
                replicates_undefined: replicates - found.len(),
            })
        })
        .collect()
}

/// A uniform draw in [0, n) from the 64 random bits `bits` by multiply-shift (Lemire), without
/// modulo bias to speak of: the high word of `bits × n`. Below 2^32 units it is worked out in
/// 64-bit halves, which gives the same number as the 128-bit product and is several times
/// faster in WebAssembly, which has no 128-bit multiply.
fn below(bits: u64, n: u64) -> u64 {
    if n >> 32 == 0 {
        let (high, low) = (bits >> 32, bits & 0xffff_ffff);
        (high * n + ((low * n) >> 32)) >> 32
    } else {
        ((u128::from(bits) * u128::from(n)) >> 64) as u64
    }
}

/// The `share` percentile of sorted values, interpolating linearly between order statistics.
fn percentile(sorted: &[f64], share: f64) -> f64 {
    let position = share * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = (below + 1).min(sorted.len() - 1);
    let fraction = position - below as f64;
    sorted[below] + (sorted[above] - sorted[below]) * fraction
}

#[cfg(test)]
mod tests {
    use super::below;
    use crate::random::SplitMix64;

    #[test]
    fn a_draw_in_halves_is_the_draw_of_the_128_bit_product() {
        let mut random = SplitMix64::new(5);
        for n in [1_u64, 2, 3, 13_776, 1 << 20, u64::from(u32::MAX), 1 << 32, u64::MAX] {
            for bits in [0, 1, u64::MAX, 1 << 63, 0xdead_beef_dead_beef]
                .into_iter()
                .chain((0..1_000).map(|_| random.next_u64()))
            {
                let expected = ((u128::from(bits) * u128::from(n)) >> 64) as u64;
                assert_eq!(below(bits, n), expected, "bits {bits}, n {n}");
            }
        }
    }
}
