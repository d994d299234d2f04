//! What a moderator should take from the figures, in plain English: when a figure is too
//! unstable to lean on, when kappa is misleading, who grades harsher, which grades nobody used,
//! and the conventional reading of kappa.

use super::{AgreementReport, CountTable, Estimate, MarginalShift};

/// Fewer units than this make a chance-corrected figure unstable. A common rule of thumb,
/// not a law: the confidence intervals show the actual uncertainty.
pub const FEW_UNITS: usize = 30;

/// One finding about the figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// A stable code for tools: `few-units`, `prevalence-skew`, `systematic-shift`,
    /// `unused-category`, `interpretation`.
    pub code: &'static str,
    /// The finding, for a moderator.
    pub message: String,
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// The Landis and Koch (1977) band for a kappa-like value.
pub fn landis_koch_band(value: f64) -> &'static str {
    match value {
        v if v < 0.0 => "poor",
        v if v <= 0.20 => "slight",
        v if v <= 0.40 => "fair",
        v if v <= 0.60 => "moderate",
        v if v <= 0.80 => "substantial",
        _ => "almost perfect",
    }
}

/// The findings for a report. `categories` are the scale's labels, best first; `table` is the
/// count table the report was computed from.
pub fn diagnose(report: &AgreementReport, table: &CountTable, categories: &[String]) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    let totals = category_totals(table);
    let headline = if report.n_raters == 2 { report.cohen_kappa } else { report.fleiss_kappa };
    let headline_name = if report.n_raters == 2 { "Cohen's kappa" } else { "Fleiss' kappa" };

    let n_compared: u64 =
        table.patterns().filter(|(_, _, n_ratings)| *n_ratings >= 2).map(|(_, n_units, _)| n_units).sum();
    if n_compared == 0 {
        findings.push(Diagnostic {
            code: "few-units",
            message: "No unit has two ratings, so there is nothing to compare yet.".to_owned(),
        });
    } else if n_compared < FEW_UNITS as u64 {
        let units =
            if n_compared == 1 { "1 unit was".to_owned() } else { format!("{n_compared} units were") };
        findings.push(Diagnostic {
            code: "few-units",
            message: format!(
                "Only {units} compared. Agreement figures from fewer than {FEW_UNITS} move a lot with a single grade: treat them as a rough guide and look at the confidence intervals."
            ),
        });
    }

    if let (Estimate::Defined(agreement), Estimate::Defined(kappa), Estimate::Defined(ac1)) =
        (report.percent_agreement, headline, report.gwet_ac1)
    {
        if agreement >= 0.8 && kappa < 0.6 && ac1 - kappa >= 0.2 {
            let (commonest, share) = most_used(&totals, categories);
            findings.push(Diagnostic {
                code: "prevalence-skew",
                message: format!(
                    "Grades match in {} of cases, yet {headline_name} is only {kappa:.2}: most grades are '{commonest}' ({} of all grades), so kappa expects a lot of agreement by chance. This is the kappa paradox. Gwet's AC1 ({ac1:.2}) is not distorted by an uneven spread of grades and is the better guide here.",
                    percent(agreement),
                    percent(share)
                ),
            });
        }
    }

    if let Some(shift) = report.confusion_matrix.as_ref().and_then(MarginalShift::from_matrix) {
        let (direction, share, other) = if shift.mean_signed_difference > 0.0 {
            ("harsher", shift.share_second_harsher, shift.share_second_more_lenient)
        } else {
            ("more lenient", shift.share_second_more_lenient, shift.share_second_harsher)
        };
        if shift.mean_signed_difference.abs() >= 0.2 && share >= 0.25 && share >= 2.0 * other {
            findings.push(Diagnostic {
                code: "systematic-shift",
                message: format!(
                    "The second rater grades {direction} than the first: {direction} in {} of cases and the other way in {}, by {:.2} grades on average. This is a consistent difference in standards, not random disagreement: discuss what each grade needs to show.",
                    percent(share),
                    percent(other),
                    shift.mean_signed_difference.abs()
                ),
            });
        }
    }

    for (label, _) in categories.iter().zip(&totals).filter(|(_, &total)| total == 0) {
        findings.push(Diagnostic {
            code: "unused-category",
            message: format!(
                "Nobody used the grade '{label}'. It still counts as part of the scale (for weighted kappa and AC1/AC2); check that it is meant to be available."
            ),
        });
    }

    if let Estimate::Defined(kappa) = headline {
        findings.push(Diagnostic {
            code: "interpretation",
            message: format!(
                "{headline_name} of {kappa:.2} is '{}' agreement by the Landis and Koch bands (a widely used convention, not a standard: below 0 poor, up to 0.20 slight, 0.40 fair, 0.60 moderate, 0.80 substantial, above that almost perfect).",
                landis_koch_band(kappa)
            ),
        });
    }
    findings
}

/// How many ratings fell in each category.
fn category_totals(table: &CountTable) -> Vec<u64> {
    let mut totals = vec![0_u64; table.n_categories()];
    for (counts, n_units, _) in table.patterns() {
        for (total, &count) in totals.iter_mut().zip(counts) {
            *total += u64::from(count) * n_units;
        }
    }
    totals
}

/// The most used category (ties to the earlier one) and its share of all ratings.
fn most_used(totals: &[u64], categories: &[String]) -> (String, f64) {
    let all: u64 = totals.iter().sum();
    let (position, &count) =
        totals.iter().enumerate().fold((0, &0), |best, item| if item.1 > best.1 { item } else { best });
    let label = categories.get(position).cloned().unwrap_or_else(|| format!("category {}", position + 1));
    (label, if all == 0 { 0.0 } else { count as f64 / all as f64 })
}
