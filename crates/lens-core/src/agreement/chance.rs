//! Statistics over per-unit counts: percent agreement, Fleiss' kappa (Gwet's generalisation
//! for missing ratings) and Gwet's AC1/AC2.

use super::{CountTable, Estimate, Undefined};

/// The share of agreeing pairs of ratings within one unit with two or more ratings, with
/// partial credit from `weights`.
pub(super) fn unit_agreement(counts: &[u32], weights: &[f64], n_ratings: u32) -> f64 {
    let k = counts.len();
    let mut agreeing = 0.0;
    for (category, &count) in counts.iter().enumerate().filter(|(_, &count)| count > 0) {
        let weighted: f64 =
            counts.iter().enumerate().map(|(other, &n)| weights[category * k + other] * f64::from(n)).sum();
        agreeing += f64::from(count) * (weighted - 1.0);
    }
    agreeing / (f64::from(n_ratings) * f64::from(n_ratings - 1))
}

/// Observed agreement: the mean of [`unit_agreement`] over units with two or more ratings.
pub(super) fn observed(table: &CountTable, weights: &[f64]) -> Option<f64> {
    let mut units_with_pairs = 0_u64;
    let mut total = 0.0;
    for (counts, n_units, n_ratings) in table.patterns().filter(|(_, _, n_ratings)| *n_ratings >= 2) {
        total += n_units as f64 * unit_agreement(counts, weights, n_ratings);
        units_with_pairs += n_units;
    }
    (units_with_pairs > 0).then(|| total / units_with_pairs as f64)
}

/// The share of ratings in each category, averaged over units with at least one rating, and
/// how many such units there are.
pub(super) fn prevalence(table: &CountTable) -> (Vec<f64>, u64) {
    let mut shares = vec![0.0; table.n_categories()];
    let mut rated_units = 0_u64;
    for (counts, n_units, n_ratings) in table.patterns().filter(|(_, _, n_ratings)| *n_ratings > 0) {
        rated_units += n_units;
        for (share, &count) in shares.iter_mut().zip(counts) {
            *share += n_units as f64 * f64::from(count) / f64::from(n_ratings);
        }
    }
    if rated_units > 0 {
        shares.iter_mut().for_each(|share| *share /= rated_units as f64);
    }
    (shares, rated_units)
}

/// Fleiss' chance agreement `Σ w_kl π_k π_l`.
pub(super) fn fleiss_chance(shares: &[f64], weights: &[f64]) -> f64 {
    let k = shares.len();
    let mut chance = 0.0;
    for (i, share_i) in shares.iter().enumerate() {
        for (j, share_j) in shares.iter().enumerate() {
            chance += weights[i * k + j] * share_i * share_j;
        }
    }
    chance
}

/// Gwet's factor `T_w / (K (K - 1))`: chance agreement is this times `Σ π_k (1 - π_k)`.
pub(super) fn gwet_scale(weights: &[f64], n_categories: usize) -> f64 {
    let k = n_categories as f64;
    weights.iter().sum::<f64>() / (k * (k - 1.0))
}

/// Gwet's chance agreement `T_w / (K (K - 1)) Σ π_k (1 - π_k)`.
pub(super) fn gwet_chance(shares: &[f64], weights: &[f64]) -> f64 {
    gwet_scale(weights, shares.len()) * shares.iter().map(|share| share * (1.0 - share)).sum::<f64>()
}

/// Percent agreement (weighted by `weights` for partial credit; identity weights give the
/// plain share of agreeing pairs).
pub fn percent_agreement(table: &CountTable, weights: &[f64]) -> Estimate {
    observed(table, weights).map_or(Estimate::Undefined(Undefined::NoUnitWithTwoRatings), Estimate::Defined)
}

/// Fleiss' kappa with chance agreement `Σ w_kl π_k π_l` from pooled prevalence; with
/// missing ratings this is Gwet's generalisation.
pub fn fleiss_kappa(table: &CountTable, weights: &[f64]) -> Estimate {
    let Some(observed) = observed(table, weights) else {
        return Estimate::Undefined(Undefined::NoUnitWithTwoRatings);
    };
    Estimate::chance_corrected(observed, fleiss_chance(&prevalence(table).0, weights))
}

/// Gwet's AC1 (identity weights) or AC2 (other weights), with K the number of declared
/// categories.
pub fn gwet_ac(table: &CountTable, weights: &[f64]) -> Estimate {
    let Some(observed) = observed(table, weights) else {
        return Estimate::Undefined(Undefined::NoUnitWithTwoRatings);
    };
    Estimate::chance_corrected(observed, gwet_chance(&prevalence(table).0, weights))
}
