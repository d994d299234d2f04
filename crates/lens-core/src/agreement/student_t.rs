//! Quantiles of Student's t distribution, for confidence intervals. Built on libm so results
//! are identical natively and in WebAssembly.

/// `ln Γ(a + b) - ln Γ(a) - ln Γ(b)`. For `b = 1/2` and large `a` the three log-gammas are
/// huge and nearly cancel, so the asymptotic series of `ln Γ(a + 1/2) - ln Γ(a)` is used.
fn log_inverse_beta(a: f64, b: f64) -> f64 {
    let half_ratio = |big: f64| 0.5 * libm::log(big) - 1.0 / (8.0 * big) + 1.0 / (192.0 * big * big * big);
    if b == 0.5 && a >= 1000.0 {
        half_ratio(a) - libm::lgamma(0.5)
    } else if a == 0.5 && b >= 1000.0 {
        half_ratio(b) - libm::lgamma(0.5)
    } else {
        libm::lgamma(a + b) - libm::lgamma(a) - libm::lgamma(b)
    }
}

/// `ln x`, accurate also when `x` is close to 1 and `1 - x` is known exactly.
fn log_of(x: f64, one_minus_x: f64) -> f64 {
    if x > 0.5 {
        libm::log1p(-one_minus_x)
    } else {
        libm::log(x)
    }
}

/// The regularised incomplete beta function `I_x(a, b)`, by Lentz's continued fraction;
/// `one_minus_x` is passed separately so that values of `x` near 1 lose no precision.
fn incomplete_beta(x: f64, one_minus_x: f64, a: f64, b: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if one_minus_x <= 0.0 {
        return 1.0;
    }
    let log_front = log_inverse_beta(a, b) + a * log_of(x, one_minus_x) + b * log_of(one_minus_x, x);
    let front = libm::exp(log_front);
    // The continued fraction converges fast below the mean; use the symmetry above it.
    if x < (a + 1.0) / (a + b + 2.0) {
        front * continued_fraction(x, a, b) / a
    } else {
        1.0 - front * continued_fraction(one_minus_x, b, a) / b
    }
}

fn continued_fraction(x: f64, a: f64, b: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut c = 1.0;
    let mut d = 1.0 - (a + b) * x / (a + 1.0);
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut fraction = d;
    for m in 1..=300 {
        let m = f64::from(m);
        let even = m * (b - m) * x / ((a + 2.0 * m - 1.0) * (a + 2.0 * m));
        d = 1.0 + even * d;
        d = if d.abs() < TINY { 1.0 / TINY } else { 1.0 / d };
        c = 1.0 + even / c;
        if c.abs() < TINY {
            c = TINY;
        }
        fraction *= d * c;
        let odd = -(a + m) * (a + b + m) * x / ((a + 2.0 * m) * (a + 2.0 * m + 1.0));
        d = 1.0 + odd * d;
        d = if d.abs() < TINY { 1.0 / TINY } else { 1.0 / d };
        c = 1.0 + odd / c;
        if c.abs() < TINY {
            c = TINY;
        }
        let step = d * c;
        fraction *= step;
        if (step - 1.0).abs() < 1e-16 {
            break;
        }
    }
    fraction
}

/// `P(T <= t)` for Student's t with `dof` degrees of freedom.
pub fn cdf(t: f64, dof: f64) -> f64 {
    let x = dof / (dof + t * t);
    let one_minus_x = t * t / (dof + t * t);
    let tail = 0.5 * incomplete_beta(x, one_minus_x, dof / 2.0, 0.5);
    if t >= 0.0 {
        1.0 - tail
    } else {
        tail
    }
}

/// The `p` quantile (0.5 < p < 1) of Student's t with `dof` degrees of freedom.
pub fn quantile(p: f64, dof: f64) -> f64 {
    if dof >= 1000.0 {
        // The continued fraction converges slowly for huge `dof`; there the expansion about the
        // normal quantile (Abramowitz and Stegun 26.7.5) is exact to double precision.
        let z = bisect(p, |x| 0.5 * libm::erfc(-x / core::f64::consts::SQRT_2));
        let (z2, v) = (z * z, dof);
        let g1 = (z2 + 1.0) * z / 4.0;
        let g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
        let g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
        let g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0;
        return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
    }
    bisect(p, |t| cdf(t, dof))
}

/// The point where an increasing `cdf` on [0, ∞) reaches `p`, to full double precision.
fn bisect(p: f64, cdf: impl Fn(f64) -> f64) -> f64 {
    let (mut low, mut high) = (0.0_f64, 1.0_f64);
    while cdf(high) < p {
        high *= 2.0;
    }
    for _ in 0..200 {
        let middle = 0.5 * (low + high);
        if middle <= low || middle >= high {
            break;
        }
        if cdf(middle) < p {
            low = middle;
        } else {
            high = middle;
        }
    }
    0.5 * (low + high)
}
