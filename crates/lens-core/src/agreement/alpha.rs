//! Krippendorff's alpha over the coincidence matrix of pairable values.

use super::{CountTable, Estimate, Undefined};

/// The difference function between categories.
#[derive(Debug, Clone, PartialEq)]
pub enum AlphaMetric {
    /// Different categories differ by 1.
    Nominal,
    /// Rank-based: the difference grows with how many pairable values lie between two grades.
    Ordinal,
    /// Squared difference of the categories' numeric values.
    Interval(Vec<f64>),
    /// Squared relative difference of the categories' numeric values.
    Ratio(Vec<f64>),
}

/// Krippendorff's alpha, `1 - (n - 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck`, counting only units
/// with two or more ratings (pairable values).
pub fn krippendorff_alpha(table: &CountTable, metric: &AlphaMetric) -> Estimate {
    let k = table.n_categories();
    let mut coincidences = vec![0.0; k * k];
    for (counts, n_units, n_ratings) in table.patterns() {
        if n_ratings < 2 {
            continue;
        }
        let scale = n_units as f64 / f64::from(n_ratings - 1);
        for (c, &count_c) in counts.iter().enumerate().filter(|(_, &count)| count > 0) {
            for (other, &count_k) in counts.iter().enumerate() {
                let pairs = if c == other { count_c * (count_k - 1) } else { count_c * count_k };
                coincidences[c * k + other] += scale * f64::from(pairs);
            }
        }
    }
    let margins: Vec<f64> = coincidences.chunks(k).map(|row| row.iter().sum()).collect();
    let n: f64 = margins.iter().sum();
    if n == 0.0 {
        return Estimate::Undefined(Undefined::NoUnitWithTwoRatings);
    }
    let mut disagreement_observed = 0.0;
    let mut disagreement_expected = 0.0;
    for c in 0..k {
        for other in 0..k {
            let delta = squared_difference(metric, &margins, c, other);
            disagreement_observed += coincidences[c * k + other] * delta;
            disagreement_expected += margins[c] * margins[other] * delta;
        }
    }
    if disagreement_expected == 0.0 {
        return Estimate::Undefined(Undefined::NoVariation);
    }
    Estimate::Defined(1.0 - (n - 1.0) * disagreement_observed / disagreement_expected)
}

fn squared_difference(metric: &AlphaMetric, margins: &[f64], c: usize, k: usize) -> f64 {
    if c == k {
        return 0.0;
    }
    match metric {
        AlphaMetric::Nominal => 1.0,
        AlphaMetric::Ordinal => {
            let (low, high) = (c.min(k), c.max(k));
            let between: f64 = margins[low..=high].iter().sum();
            let difference = between - (margins[c] + margins[k]) / 2.0;
            difference * difference
        }
        AlphaMetric::Interval(values) => {
            let difference = values[c] - values[k];
            difference * difference
        }
        AlphaMetric::Ratio(values) => {
            let sum = values[c] + values[k];
            if sum == 0.0 {
                0.0
            } else {
                let relative = (values[c] - values[k]) / sum;
                relative * relative
            }
        }
    }
}
