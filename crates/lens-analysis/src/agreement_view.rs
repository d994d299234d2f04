//! The agreement dashboard: the moderations of a period (and team, template, auditor,
//! moderator) through the agreement engine, as `lens agreement` and `lens calibration` compute
//! them from a bundle.
//!
//! - The statistics compare the auditor's grade with the moderator's **independent** grade,
//!   given before the two discussed it (`Moderation::independent_gradings`): that is how far
//!   two people grading the same file agree. One unit is one standard of one audit.
//! - The per-standard and per-auditor findings compare the auditor's grade with the **agreed**
//!   grade (`Moderation::calibration_gradings`), by quarter with the default policy: that is who
//!   and what to calibrate. Standards to calibrate come first.

use std::collections::BTreeSet;

use lens_core::agreement::{
    all_intervals, bootstrap_alphas, diagnose, AgreementReport, AlphaMetric, CalibrationPolicy,
    CalibrationReport, Estimate, GroupCalibration, ModeratedGrade, Ratings, DEFAULT_REPLICATES, DEFAULT_SEED,
};
use lens_core::{find_template, item_title, Audit, AuditId, Moderation, PeriodLength, Template};

use crate::protocol::agreement::{
    AgreementRequest, AgreementView, AuditorView, GroupView, PeriodView, StatisticView,
};

/// Each statistic's code (as `lens agreement` prints it) and its name in words.
const NAMES: [(&str, &str); 12] = [
    ("percent_agreement", "Exact agreement"),
    ("percent_within_one_grade", "Within one grade"),
    ("cohen_kappa", "Cohen's kappa"),
    ("weighted_kappa_linear", "Weighted kappa (linear)"),
    ("weighted_kappa_quadratic", "Weighted kappa (quadratic)"),
    ("fleiss_kappa", "Fleiss' kappa"),
    ("krippendorff_alpha_nominal", "Krippendorff's alpha (nominal)"),
    ("krippendorff_alpha_ordinal", "Krippendorff's alpha (ordinal)"),
    ("krippendorff_alpha_interval", "Krippendorff's alpha (interval)"),
    ("gwet_ac1", "Gwet's AC1"),
    ("gwet_ac2_linear", "Gwet's AC2 (linear)"),
    ("gwet_ac2_quadratic", "Gwet's AC2 (quadratic)"),
];

/// The dashboard over `audits` and `moderations` for `request`.
pub fn agreement_view(
    audits: &[Audit],
    moderations: &[Moderation],
    templates: &[Template],
    request: &AgreementRequest,
) -> Result<AgreementView, String> {
    let by_id: std::collections::BTreeMap<&AuditId, &Audit> = audits.iter().map(|a| (&a.id, a)).collect();
    // Names and teams as people type them: spacing and case do not make another one.
    let wanted = |wanted: &Option<String>, value: &str| {
        wanted.as_deref().is_none_or(|wanted| wanted.trim().to_lowercase() == value.trim().to_lowercase())
    };
    let mut independent = Vec::new();
    let mut calibration = Vec::new();
    let mut scales = BTreeSet::new();
    let mut chosen_template: Option<&Template> = None;
    let mut count = 0;
    for moderation in moderations {
        if moderation.moderated_on < request.from || moderation.moderated_on > request.to {
            continue;
        }
        let Some(audit) = by_id.get(&moderation.audit) else { continue };
        let Some(template) = find_template(templates, &audit.template) else { continue };
        if !(wanted(&request.team, audit.team())
            && wanted(&request.template, &template.id)
            && wanted(&request.auditor, &audit.auditor)
            && wanted(&request.moderator, &moderation.moderator))
        {
            continue;
        }
        let Some(scale) = &template.scale else { continue };
        scales.insert(scale.grades.iter().map(|grade| grade.label.clone()).collect::<Vec<_>>());
        chosen_template.get_or_insert(template);
        count += 1;
        independent.extend(moderation.independent_gradings(audit, template));
        calibration.extend(moderation.calibration_gradings(audit, template));
    }
    let grades = match scales.len() {
        0 => {
            return Err(format!(
                "No moderations were made from {} to {} with these filters, so there is no agreement to show. Widen the period or clear a filter.",
                request.from.format("%-d %B %Y"),
                request.to.format("%-d %B %Y")
            ))
        }
        1 => scales.into_iter().next().unwrap_or_default(),
        _ => return Err("These moderations use templates with different grade scales. Choose one template to compare like with like.".into()),
    };
    let (statistics, diagnostics, confusion) = statistics(&independent, &grades)?;
    let policy = CalibrationPolicy::default();
    let report = CalibrationReport::compute(grades.len(), &calibration, PeriodLength::Quarter, &policy)
        .map_err(|error| error.to_string())?;
    // A row heading starts with a capital: "Standard 4 …".
    let title = |standard: &str| {
        let title =
            chosen_template.and_then(|t| t.item(standard)).map_or_else(|| standard.to_owned(), item_title);
        let mut letters = title.chars();
        letters.next().map_or_else(String::new, |first| first.to_uppercase().chain(letters).collect())
    };
    let mut standards: Vec<GroupView> = report
        .standards
        .iter()
        .map(|group| GroupView { name: title(&group.name), ..group_view(group) })
        .collect();
    // The standards to calibrate first, then the least exact agreement.
    standards.sort_by(|a, b| {
        let exact = |g: &GroupView| g.exact.map_or(f64::INFINITY, |(share, _, _)| share);
        b.needs_calibration.cmp(&a.needs_calibration).then(exact(a).total_cmp(&exact(b)))
    });
    let auditors = report
        .auditors
        .iter()
        .map(|auditor| AuditorView {
            overall: group_view(&auditor.overall),
            periods: auditor
                .periods
                .iter()
                .map(|(period, summary)| PeriodView {
                    label: period.to_string(),
                    pairs: summary.shift.map_or(0, |shift| shift.n_pairs as usize),
                    mean_difference: summary.shift.map(|shift| shift.mean_signed_difference),
                })
                .collect(),
        })
        .collect();
    Ok(AgreementView {
        from: request.from,
        to: request.to,
        moderations: count,
        pairs: independent.len(),
        grades,
        statistics,
        diagnostics,
        confusion,
        standards,
        auditors,
    })
}

type Statistics = (Vec<StatisticView>, Vec<String>, Vec<Vec<u64>>);

/// Every statistic of auditor against moderator, with intervals, diagnostics and the matrix.
fn statistics(pairs: &[ModeratedGrade], grades: &[String]) -> Result<Statistics, String> {
    let rows: Vec<Vec<Option<usize>>> =
        pairs.iter().map(|pair| vec![pair.auditor_grade, pair.moderator_grade]).collect();
    let ratings = Ratings::from_rows(grades.len(), &rows).map_err(|error| error.to_string())?;
    let report = AgreementReport::compute(&ratings, None).map_err(|error| error.to_string())?;
    let table = &report.count_table;
    let intervals =
        all_intervals(table, report.confusion_matrix.as_ref()).map_err(|error| error.to_string())?;
    let values: Vec<f64> = (1..=grades.len()).map(|value| value as f64).collect();
    // The three alphas from one set of resamples: the units are drawn once, not three times.
    let metrics = [AlphaMetric::Nominal, AlphaMetric::Ordinal, AlphaMetric::Interval(values)];
    let alphas: Vec<Option<(f64, f64)>> = bootstrap_alphas(table, &metrics, DEFAULT_REPLICATES, DEFAULT_SEED)
        .into_iter()
        .map(|interval| interval.map(|b| (b.lower, b.upper)))
        .collect();
    let statistics = report.statistics();
    let views = NAMES
        .iter()
        .filter_map(|(code, name)| {
            let estimate = statistics.iter().find(|(found, _)| found == code).map(|(_, e)| *e)?;
            let interval = match *code {
                "krippendorff_alpha_nominal" => alphas[0],
                "krippendorff_alpha_ordinal" => alphas[1],
                "krippendorff_alpha_interval" => alphas[2],
                _ => intervals
                    .iter()
                    .find(|(found, _)| found == code)
                    .and_then(|(_, interval)| interval.map(|i| (i.lower, i.upper))),
            };
            let (value, undefined) = match estimate {
                Estimate::Defined(value) => (Some(value), None),
                Estimate::Undefined(reason) => (None, Some(reason.to_string())),
            };
            Some(StatisticView {
                name: (*name).to_owned(),
                code: (*code).to_owned(),
                value,
                interval,
                undefined,
            })
        })
        .collect();
    let diagnostics = diagnose(&report, table, grades).into_iter().map(|d| d.message).collect();
    let confusion =
        report.confusion_matrix.as_ref().map(|m| m.rows().map(<[u64]>::to_vec).collect()).unwrap_or_default();
    Ok((views, diagnostics, confusion))
}

fn group_view(group: &GroupCalibration) -> GroupView {
    let summary = &group.summary;
    GroupView {
        id: group.name.clone(),
        name: group.name.clone(),
        pairs: summary.shift.map_or(0, |shift| shift.n_pairs as usize),
        exact: summary.exact_agreement.map(|share| (share.estimate, share.lower, share.upper)),
        within_one: summary.report.percent_within_one_grade.value(),
        mean_difference: summary.shift.map(|shift| shift.mean_signed_difference),
        needs_calibration: group.needs_calibration(),
        findings: group.findings.iter().map(ToString::to_string).collect(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use lens_store::bundle::parse_bundle;
    use lens_store::template_document::builtin_templates;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::protocol::DataSource;

    const GOLDEN: &str = include_str!("../../../tests/fixtures/bundles/golden.json");

    fn request(from: (i32, u32, u32), to: (i32, u32, u32)) -> AgreementRequest {
        let day = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        AgreementRequest {
            source: DataSource::Records { records: Vec::new() },
            from: day(from),
            to: day(to),
            team: None,
            template: None,
            auditor: None,
            moderator: None,
        }
    }

    #[test]
    fn the_golden_moderation_is_compared_and_an_empty_period_is_explained() {
        let bundle = parse_bundle(GOLDEN).unwrap();
        let audits: Vec<_> = bundle.audits.iter().map(|a| a.value.clone()).collect();
        let moderations: Vec<_> = bundle.moderations.iter().map(|m| m.value.clone()).collect();
        let templates = builtin_templates();
        let view =
            agreement_view(&audits, &moderations, &templates, &request((2026, 4, 1), (2026, 9, 30))).unwrap();
        assert_eq!((view.moderations, view.pairs), (1, 12));
        assert_eq!(view.statistics[0].name, "Exact agreement");
        assert!(view.standards.iter().all(|s| s.name.starts_with("Standard ")), "standards by their titles");
        assert_eq!(
            view.statistics[0].value,
            Some(10.0 / 12.0),
            "the moderator gave 10 of the auditor's 12 grades"
        );
        let empty = agreement_view(&audits, &moderations, &templates, &request((2025, 4, 1), (2025, 9, 30)));
        assert_eq!(
            empty.unwrap_err(),
            "No moderations were made from 1 April 2025 to 30 September 2025 with these filters, so there is no agreement to show. Widen the period or clear a filter."
        );
    }
}
