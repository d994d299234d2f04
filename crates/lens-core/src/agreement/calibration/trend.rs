//! The small tests behind calibration findings: a Wilson interval for a share, an exact sign
//! test for "harsher as often as more lenient", and a least-squares trend across periods.

use super::super::student_t;

/// The 0.975 quantile of the standard normal distribution.
const Z_95: f64 = 1.959_963_984_540_054;

/// A share with its 95% Wilson score interval, which stays inside [0, 1] and behaves for
/// small samples and shares near 0 or 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShareInterval {
    /// Successes over trials.
    pub estimate: f64,
    /// Successes.
    pub successes: u64,
    /// Lower bound.
    pub lower: f64,
    /// Upper bound.
    pub upper: f64,
    /// Trials.
    pub n: u64,
}

impl ShareInterval {
    /// The interval for `successes` out of `n`; `None` when `n` is 0.
    pub fn wilson(successes: u64, n: u64) -> Option<Self> {
        if n == 0 {
            return None;
        }
        let (share, trials) = (successes as f64 / n as f64, n as f64);
        let z2 = Z_95 * Z_95;
        let centre = (share + z2 / (2.0 * trials)) / (1.0 + z2 / trials);
        let half = Z_95 * (share * (1.0 - share) / trials + z2 / (4.0 * trials * trials)).sqrt()
            / (1.0 + z2 / trials);
        Some(Self {
            estimate: share,
            successes,
            lower: (centre - half).max(0.0),
            upper: (centre + half).min(1.0),
            n,
        })
    }
}

/// Two-sided exact binomial sign test of `above` against `below` under equal chances.
pub fn sign_test(above: u64, below: u64) -> f64 {
    let n = above + below;
    let k = above.min(below);
    if n == 0 || 2 * k == n {
        return 1.0;
    }
    // P(X <= k) for X ~ Binomial(n, 1/2). Terms grow up to k < n/2, so start from the largest
    // (in logs, since 2^-n underflows) and add smaller ones until they stop mattering.
    let (n_f, k_f) = (n as f64, k as f64);
    let log_largest = libm::lgamma(n_f + 1.0)
        - libm::lgamma(k_f + 1.0)
        - libm::lgamma(n_f - k_f + 1.0)
        - n_f * core::f64::consts::LN_2;
    let mut term = libm::exp(log_largest);
    let mut tail = 0.0;
    let mut i = k;
    loop {
        tail += term;
        if i == 0 || term < tail * 1e-17 {
            break;
        }
        term *= i as f64 / (n - i + 1) as f64;
        i -= 1;
    }
    (2.0 * tail).min(1.0)
}

/// The least-squares trend of the auditor's signed difference from moderators across
/// periods: how many grades harsher (positive) the auditor becomes per period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drift {
    /// Change in the mean signed difference per period.
    pub slope_per_period: f64,
    /// Standard error of the slope.
    pub standard_error: f64,
    /// Two-sided p-value of "no trend" (Student's t with n − 2 degrees of freedom). The
    /// standards of one audit are not independent, so read it as a screen, not a proof.
    pub p_value: f64,
    /// Complete pairs the trend is fitted to.
    pub n_pairs: usize,
    /// Distinct periods among them.
    pub n_periods: usize,
}

impl Drift {
    /// Fits `(period ordinal, signed difference)` points; `None` with fewer than three points
    /// or fewer than two periods.
    pub fn fit(points: impl Iterator<Item = (f64, f64)>) -> Option<Self> {
        let points: Vec<(f64, f64)> = points.collect();
        let n = points.len();
        let mut periods: Vec<f64> = points.iter().map(|&(x, _)| x).collect();
        periods.sort_by(f64::total_cmp);
        periods.dedup();
        if n < 3 || periods.len() < 2 {
            return None;
        }
        let mean_x = points.iter().map(|&(x, _)| x).sum::<f64>() / n as f64;
        let mean_y = points.iter().map(|&(_, y)| y).sum::<f64>() / n as f64;
        let sxx: f64 = points.iter().map(|&(x, _)| (x - mean_x) * (x - mean_x)).sum();
        let sxy: f64 = points.iter().map(|&(x, y)| (x - mean_x) * (y - mean_y)).sum();
        let slope = sxy / sxx;
        let residual: f64 = points
            .iter()
            .map(|&(x, y)| {
                let error = y - mean_y - slope * (x - mean_x);
                error * error
            })
            .sum();
        let dof = (n - 2) as f64;
        let standard_error = (residual / dof / sxx).sqrt();
        let p_value = if standard_error > 0.0 {
            2.0 * (1.0 - student_t::cdf((slope / standard_error).abs(), dof))
        } else if slope.abs() > 1e-12 {
            0.0
        } else {
            1.0
        };
        Some(Self { slope_per_period: slope, standard_error, p_value, n_pairs: n, n_periods: periods.len() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn close(actual: f64, expected: f64, tolerance: f64) {
        assert!((actual - expected).abs() <= tolerance, "{actual} is not {expected} ± {tolerance}");
    }

    #[test]
    fn wilson_interval_matches_published_values() {
        // Newcombe (1998), Table I: 81/263 gives 0.2553 to 0.3662; 15/148 gives 0.0624 to 0.1605.
        let share = ShareInterval::wilson(81, 263).expect("trials");
        close(share.lower, 0.2553, 5e-5);
        close(share.upper, 0.3662, 5e-5);
        let share = ShareInterval::wilson(15, 148).expect("trials");
        close(share.lower, 0.0624, 5e-5);
        close(share.upper, 0.1605, 5e-5);
        let all = ShareInterval::wilson(10, 10).expect("trials");
        close(all.upper, 1.0, 1e-15);
        close(all.lower, 0.7225, 5e-5);
        assert_eq!(ShareInterval::wilson(0, 0), None);
    }

    #[test]
    fn sign_test_matches_the_binomial_distribution() {
        // scipy.stats.binomtest(k, n).pvalue values.
        close(sign_test(7, 1), 0.0703125, 1e-15);
        close(sign_test(1, 7), 0.0703125, 1e-15);
        close(sign_test(9, 0), 0.00390625, 1e-15);
        close(sign_test(3, 3), 1.0, 0.0);
        close(sign_test(0, 0), 1.0, 0.0);
        close(sign_test(12, 5), 0.143463134765625, 1e-12);
        // Large n: P(X <= 4900) for n = 10 000, doubled.
        close(sign_test(4900, 5100), 0.04658552770494645, 1e-9);
    }

    #[test]
    fn drift_recovers_a_clean_trend_and_reports_none_without_two_periods() {
        let points = [(0.0, 0.0), (0.0, 0.0), (1.0, 0.5), (1.0, 0.5), (2.0, 1.0), (2.0, 1.0)];
        let drift = Drift::fit(points.into_iter()).expect("enough points");
        close(drift.slope_per_period, 0.5, 1e-12);
        assert_eq!(drift.p_value, 0.0);
        assert_eq!((drift.n_pairs, drift.n_periods), (6, 3));
        assert_eq!(Drift::fit([(1.0, 0.0), (1.0, 1.0), (1.0, 2.0)].into_iter()), None);
        assert_eq!(Drift::fit([(1.0, 0.0), (2.0, 1.0)].into_iter()), None);
    }

    #[test]
    fn drift_slope_and_p_value_match_ordinary_least_squares() {
        // scipy.stats.linregress(x, y): slope 0.2, stderr 0.16329931618554525, p 0.3080680092503572.
        let points = [(0.0, 0.0), (1.0, 1.0), (2.0, 0.0), (3.0, 1.0), (4.0, 1.0)];
        let drift = Drift::fit(points.into_iter()).expect("enough points");
        close(drift.slope_per_period, 0.2, 1e-12);
        close(drift.standard_error, 0.16329931618554525, 1e-12);
        close(drift.p_value, 0.3080680092503572, 1e-9);
    }
}
