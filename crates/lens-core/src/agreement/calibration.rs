//! Which standards and which auditors to calibrate: agreement between auditors and moderators
//! for each standard of a template across a moderation sample, and for each auditor over time.
//!
//! Each input row is one standard of one audit, graded by its auditor and re-graded by a
//! moderator (or compared with the agreed grade). Groups are formed in name order, so the
//! same rows always give the same report.

mod findings;
mod trend;

use std::collections::BTreeMap;

use chrono::NaiveDate;

pub use findings::{CalibrationPolicy, Finding};
pub use trend::{Drift, ShareInterval};

use super::{AgreementError, AgreementReport, MarginalShift, Ratings};
use crate::{Period, PeriodLength};

/// One standard of one audit as its auditor graded it and as the moderation graded it.
/// Grades are scale positions, best first; `None` where a grade was not given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModeratedGrade {
    /// The standard (template item) graded.
    pub standard: String,
    /// Who audited.
    pub auditor: String,
    /// When the audit was moderated: the date that places it in a period.
    pub date: NaiveDate,
    /// The auditor's grade.
    pub auditor_grade: Option<usize>,
    /// The moderator's independent grade, or the agreed grade.
    pub moderator_grade: Option<usize>,
}

/// Agreement between auditors and moderators over one group of gradings.
#[derive(Debug, Clone, PartialEq)]
pub struct PairSummary {
    /// Gradings in the group, complete or not.
    pub n_gradings: usize,
    /// Every agreement statistic, with the moderator as the first rater and the auditor as
    /// the second.
    pub report: AgreementReport,
    /// How the auditor's grades sit against the moderator's: positive means the auditor is
    /// harsher. `None` with no complete pair.
    pub shift: Option<MarginalShift>,
    /// The 95% Wilson interval of the share of complete pairs graded the same.
    pub exact_agreement: Option<ShareInterval>,
    /// Two-sided exact sign test of "harsher as often as more lenient" over the disagreements.
    pub sign_test_p: Option<f64>,
}

/// One standard or one auditor: the figures and what to do about them.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupCalibration {
    /// The standard's or the auditor's name.
    pub name: String,
    /// The figures.
    pub summary: PairSummary,
    /// What the figures say, most important first; empty when nothing needs attention.
    pub findings: Vec<Finding>,
}

impl GroupCalibration {
    /// Whether the group needs calibration (not merely more moderated gradings).
    pub fn needs_calibration(&self) -> bool {
        self.findings.iter().any(Finding::calls_for_calibration)
    }
}

/// One auditor against moderators, overall and period by period.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditorCalibration {
    /// The auditor's figures over every period, with findings including drift.
    pub overall: GroupCalibration,
    /// The figures for each period with moderated gradings, in time order.
    pub periods: Vec<(Period, PairSummary)>,
    /// The trend of the auditor's signed difference from moderators across periods.
    pub drift: Option<Drift>,
}

/// Agreement by standard and by auditor for one moderation sample.
#[derive(Debug, Clone, PartialEq)]
pub struct CalibrationReport {
    /// Every grading together.
    pub overall: PairSummary,
    /// One entry per standard: those needing calibration first, lowest agreement first.
    pub standards: Vec<GroupCalibration>,
    /// One entry per auditor, in the same order of priority.
    pub auditors: Vec<AuditorCalibration>,
}

impl CalibrationReport {
    /// Computes the report for gradings on a scale of `n_categories` grades.
    pub fn compute(
        n_categories: usize,
        gradings: &[ModeratedGrade],
        period_length: PeriodLength,
        policy: &CalibrationPolicy,
    ) -> Result<Self, AgreementError> {
        let overall = summarise(n_categories, gradings.iter())?;

        let mut standards = Vec::new();
        for (name, group) in group_by(gradings, |grading: &ModeratedGrade| grading.standard.as_str()) {
            let summary = summarise(n_categories, group.iter().copied())?;
            let findings = policy.assess(&summary, None);
            standards.push(GroupCalibration { name: name.to_owned(), summary, findings });
        }
        standards.sort_by(by_priority);

        let mut auditors = Vec::new();
        for (name, group) in group_by(gradings, |grading: &ModeratedGrade| grading.auditor.as_str()) {
            let summary = summarise(n_categories, group.iter().copied())?;
            let dated: Vec<(Period, &ModeratedGrade)> = group
                .iter()
                .map(|&grading| (Period::containing(grading.date, period_length), grading))
                .collect();
            let mut periods = Vec::new();
            for (period, in_period) in group_by(dated.iter().copied(), |(period, _)| period) {
                periods
                    .push((period, summarise(n_categories, in_period.iter().map(|&(_, grading)| grading))?));
            }
            let drift = Drift::fit(dated.iter().filter_map(|&(period, grading)| {
                let difference = grading.auditor_grade? as f64 - grading.moderator_grade? as f64;
                Some((period.ordinal() as f64, difference))
            }));
            let findings = policy.assess(&summary, drift.as_ref());
            let overall = GroupCalibration { name: name.to_owned(), summary, findings };
            auditors.push(AuditorCalibration { overall, periods, drift });
        }
        auditors.sort_by(|a, b| by_priority(&a.overall, &b.overall));
        Ok(Self { overall, standards, auditors })
    }
}

/// Groups needing calibration first, then lowest exact agreement first, then by name.
fn by_priority(a: &GroupCalibration, b: &GroupCalibration) -> std::cmp::Ordering {
    let agreement = |group: &GroupCalibration| {
        group.summary.exact_agreement.map_or(f64::INFINITY, |share| share.estimate)
    };
    b.needs_calibration()
        .cmp(&a.needs_calibration())
        .then(agreement(a).total_cmp(&agreement(b)))
        .then_with(|| a.name.cmp(&b.name))
}

/// The items grouped by `key`, groups in key order, input order kept within a group.
fn group_by<T: Copy, K: Ord>(
    items: impl IntoIterator<Item = T>,
    key: impl Fn(T) -> K,
) -> BTreeMap<K, Vec<T>> {
    let mut groups: BTreeMap<K, Vec<T>> = BTreeMap::new();
    for item in items {
        groups.entry(key(item)).or_default().push(item);
    }
    groups
}

fn summarise<'a>(
    n_categories: usize,
    gradings: impl Iterator<Item = &'a ModeratedGrade>,
) -> Result<PairSummary, AgreementError> {
    let rows: Vec<Vec<Option<usize>>> =
        gradings.map(|grading| vec![grading.moderator_grade, grading.auditor_grade]).collect();
    let ratings = Ratings::from_rows(n_categories, &rows)?;
    let report = AgreementReport::compute(&ratings, None)?;
    let shift = report.confusion_matrix.as_ref().and_then(MarginalShift::from_matrix);
    let exact_agreement = report.confusion_matrix.as_ref().and_then(|matrix| {
        let agreeing: u64 = (0..n_categories).map(|grade| matrix.count(grade, grade)).sum();
        ShareInterval::wilson(agreeing, matrix.n_pairs())
    });
    let sign_test_p =
        shift.map(|shift| trend::sign_test(shift.n_second_harsher, shift.n_second_more_lenient));
    Ok(PairSummary { n_gradings: rows.len(), report, shift, exact_agreement, sign_test_p })
}

#[cfg(test)]
mod tests;
