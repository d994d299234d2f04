//! `lens agreement FILE`: every agreement statistic, interval and diagnostic for one set of
//! gradings, as one JSON object.
//!
//! Input: `{"categories": [...], "ratings": [[...], ...], "category_values": [...]?}` where
//! categories are listed best grade first, each row is one unit (an audit, a standard) and
//! each column one rater; a rating is a category label or null.
//!
//! A bundle works too: each moderated standard is a unit rated by the auditor and by the
//! moderator's independent grade (given before they discussed it), as the browser's agreement
//! dashboard compares them.

use lens_core::agreement::{
    all_intervals, bootstrap_alphas, diagnose, AgreementReport, AlphaMetric, CountTable, Estimate, Interval,
    MarginalShift, Ratings, DEFAULT_REPLICATES, DEFAULT_SEED,
};
use serde_json::{json, Map, Value};

use crate::input::{parse_json, InputError, Scale};

/// Statistics that need exactly two raters, left out of the output for more.
const TWO_RATER_ONLY: [&str; 3] = ["cohen_kappa", "weighted_kappa_linear", "weighted_kappa_quadratic"];

/// Reads the input JSON text and returns the output JSON value.
pub fn run(text: &str) -> Result<Value, InputError> {
    let input = parse_json(text)?;
    if input.get("format").and_then(Value::as_str) == Some(lens_store::bundle::FORMAT) {
        return run(&ratings_from_bundle(text)?.to_string());
    }
    let scale = Scale::from_input(&input)?;
    let rows = input.get("ratings").and_then(Value::as_array).ok_or_else(|| {
        InputError("the file needs \"ratings\": one list per unit, one rating per rater".into())
    })?;
    let mut positions = Vec::with_capacity(rows.len());
    for (unit_idx, row) in rows.iter().enumerate() {
        let row =
            row.as_array().ok_or_else(|| InputError(format!("rating row {} is not a list", unit_idx + 1)))?;
        let mut unit = Vec::with_capacity(row.len());
        for (rater_idx, rating) in row.iter().enumerate() {
            let place = || format!("unit {}, rater {}", unit_idx + 1, rater_idx + 1);
            unit.push(scale.position(rating, place)?);
        }
        positions.push(unit);
    }
    let category_values = match input.get("category_values") {
        None | Some(Value::Null) => None,
        Some(Value::Array(values)) => Some(
            values
                .iter()
                .map(|value| {
                    value
                        .as_f64()
                        .ok_or_else(|| InputError(format!("category value {value} is not a number")))
                })
                .collect::<Result<Vec<f64>, _>>()?,
        ),
        Some(other) => {
            return Err(InputError(format!("\"category_values\" must be a list of numbers, not {other}")))
        }
    };
    let ratings =
        Ratings::from_rows(scale.len(), &positions).map_err(|error| InputError(error.to_string()))?;
    let report = AgreementReport::compute(&ratings, category_values.as_deref())
        .map_err(|error| InputError(error.to_string()))?;
    let labels = scale.labels();
    let table = &report.count_table;
    let intervals = all_intervals(table, report.confusion_matrix.as_ref())
        .map_err(|error| InputError(error.to_string()))?;
    let values = category_values.unwrap_or_else(|| (1..=scale.len()).map(|v| v as f64).collect());
    let alpha_metrics = [
        ("krippendorff_alpha_nominal", AlphaMetric::Nominal),
        ("krippendorff_alpha_ordinal", AlphaMetric::Ordinal),
        ("krippendorff_alpha_interval", AlphaMetric::Interval(values)),
    ];
    let mut rendered = render(&report, table, &labels, scale.categories(), &intervals);
    let metrics: Vec<AlphaMetric> = alpha_metrics.iter().map(|(_, metric)| metric.clone()).collect();
    let bootstrapped = bootstrap_alphas(table, &metrics, DEFAULT_REPLICATES, DEFAULT_SEED);
    for ((name, _), bootstrapped) in alpha_metrics.iter().zip(bootstrapped) {
        let interval = bootstrapped.map_or(Value::Null, |b| {
            json!({
                "estimate": b.estimate,
                "lower": b.lower,
                "upper": b.upper,
                "level": 0.95,
                "method": "bootstrap",
                "replicates": b.replicates_used,
                "replicates_undefined": b.replicates_undefined,
                "seed": DEFAULT_SEED,
            })
        });
        rendered["intervals"][name] = interval;
    }
    Ok(rendered)
}

/// A bundle's moderations as ratings: one unit per moderated standard, the auditor's grade
/// then the moderator's independent grade.
fn ratings_from_bundle(text: &str) -> Result<Value, InputError> {
    let bundle = lens_store::bundle::parse_bundle(text).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        InputError(format!("the bundle cannot be read: {}", lines.join("; ")))
    })?;
    let templates = crate::bundle_input::templates_for(&bundle);
    let mut scales = std::collections::BTreeSet::new();
    let mut ratings = Vec::new();
    for moderation in &bundle.moderations {
        let moderation = &moderation.value;
        let audit =
            bundle.audits.iter().find(|audit| audit.value.id == moderation.audit).ok_or_else(|| {
                InputError(format!(
                    "moderation {} is of audit {}, which is not in the bundle",
                    moderation.id, moderation.audit
                ))
            })?;
        let template = lens_core::find_template(&templates, &audit.value.template).ok_or_else(|| {
            InputError(format!(
                "audit {} was made with template {}, which is not in the bundle",
                audit.value.id, audit.value.template
            ))
        })?;
        let Some(scale) = &template.scale else { continue };
        let labels: Vec<String> = scale.grades.iter().map(|grade| grade.label.clone()).collect();
        for grading in moderation.independent_gradings(&audit.value, template) {
            let label = |position: Option<usize>| position.and_then(|p| labels.get(p).cloned());
            ratings.push(json!([label(grading.auditor_grade), label(grading.moderator_grade)]));
        }
        scales.insert(labels);
    }
    let categories = match scales.len() {
        0 => return Err(InputError("the bundle has no moderations to compare".into())),
        1 => scales.into_iter().next().unwrap_or_default(),
        _ => {
            return Err(InputError(
                "the moderations use templates with different scales: compare one template at a time".into(),
            ))
        }
    };
    Ok(json!({ "categories": categories, "ratings": ratings }))
}

fn render(
    report: &AgreementReport,
    table: &CountTable,
    labels: &[String],
    categories: &[Value],
    intervals: &[(&'static str, Option<Interval>)],
) -> Value {
    let mut output = Map::new();
    output.insert("n_units".into(), json!(report.n_units));
    output.insert("n_raters".into(), json!(report.n_raters));
    let mut undefined = Map::new();
    for (name, estimate) in report.statistics() {
        if report.n_raters != 2 && TWO_RATER_ONLY.contains(&name) {
            continue;
        }
        let value = match estimate {
            Estimate::Defined(value) => json!(value),
            Estimate::Undefined(reason) => {
                undefined.insert(name.into(), json!(reason.to_string()));
                Value::Null
            }
        };
        output.insert(name.into(), value);
    }
    output.insert("undefined".into(), Value::Object(undefined));
    output.insert(
        "confusion_matrix".into(),
        report.confusion_matrix.as_ref().map_or(
            Value::Null,
            |matrix| json!({ "labels": categories, "counts": matrix.rows().collect::<Vec<_>>() }),
        ),
    );
    output.insert(
        "marginal_shift".into(),
        report.confusion_matrix.as_ref().and_then(MarginalShift::from_matrix).map_or(Value::Null, |shift| {
            json!({
                "n_pairs": shift.n_pairs,
                "mean_signed_difference": shift.mean_signed_difference,
                "share_second_harsher": shift.share_second_harsher,
                "share_second_more_lenient": shift.share_second_more_lenient,
            })
        }),
    );
    let intervals: Map<String, Value> = intervals
        .iter()
        .map(|(name, interval)| {
            let value = interval.map_or(Value::Null, |interval| {
                json!({
                    "estimate": interval.estimate,
                    "standard_error": interval.standard_error,
                    "lower": interval.lower,
                    "upper": interval.upper,
                    "level": 0.95,
                    "method": "gwet-variance",
                })
            });
            ((*name).to_owned(), value)
        })
        .collect();
    output.insert("intervals".into(), Value::Object(intervals));
    let diagnostics: Vec<Value> = diagnose(report, table, labels)
        .into_iter()
        .map(|diagnostic| json!({ "code": diagnostic.code, "message": diagnostic.message }))
        .collect();
    output.insert("diagnostics".into(), Value::Array(diagnostics));
    Value::Object(output)
}
