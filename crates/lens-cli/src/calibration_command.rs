//! `lens calibration FILE`: which standards and which auditors to calibrate, from a
//! moderation sample.
//!
//! Input: `{"categories": [...], "gradings": [{"standard", "auditor", "date", "auditor_grade",
//! "moderator_grade"}, ...], "period": "month"|"quarter"?, "policy": {...}?}`. Grades are
//! category labels or null; dates are `YYYY-MM-DD`.
//!
//! A bundle works too: its moderations give each auditor's grades against the agreed grades,
//! standard by standard, dated by the moderation.

use chrono::NaiveDate;
use lens_core::agreement::{
    CalibrationPolicy, CalibrationReport, Estimate, GroupCalibration, ModeratedGrade, PairSummary,
};
use lens_core::PeriodLength;
use serde_json::{json, Map, Value};

use crate::input::{parse_json, InputError, Scale};

/// Reads the input JSON text and returns the output JSON value.
pub fn run(text: &str) -> Result<Value, InputError> {
    let input = parse_json(text)?;
    if input.get("format").and_then(Value::as_str) == Some(lens_store::bundle::FORMAT) {
        return from_bundle(text);
    }
    let scale = Scale::from_input(&input)?;
    let rows = input.get("gradings").and_then(Value::as_array).ok_or_else(|| {
        InputError(
            "the file needs \"gradings\": one object per moderated standard, with \"standard\", \"auditor\", \"date\", \"auditor_grade\" and \"moderator_grade\"".into(),
        )
    })?;
    let gradings = rows
        .iter()
        .enumerate()
        .map(|(index, row)| read_grading(&scale, index + 1, row))
        .collect::<Result<Vec<_>, _>>()?;
    let period_length = match input.get("period").and_then(Value::as_str) {
        None | Some("quarter") => PeriodLength::Quarter,
        Some("month") => PeriodLength::Month,
        Some(other) => {
            return Err(InputError(format!("\"period\" is \"{other}\": use \"month\" or \"quarter\"")))
        }
    };
    let policy = read_policy(input.get("policy"))?;
    let report = CalibrationReport::compute(scale.len(), &gradings, period_length, &policy)
        .map_err(|error| InputError(error.to_string()))?;
    Ok(render(&report, &policy, period_length))
}

fn read_grading(scale: &Scale, number: usize, row: &Value) -> Result<ModeratedGrade, InputError> {
    let text = |field: &str| {
        row.get(field)
            .and_then(Value::as_str)
            .filter(|value| !value.trim().is_empty())
            .map(str::to_owned)
            .ok_or_else(|| InputError(format!("grading {number} needs \"{field}\" as text")))
    };
    let date_text = text("date")?;
    let date = NaiveDate::parse_from_str(&date_text, "%Y-%m-%d").map_err(|_| {
        InputError(format!(
            "grading {number}: the date \"{date_text}\" is not a real date written YYYY-MM-DD"
        ))
    })?;
    let grade = |field: &str| {
        scale.position(row.get(field).unwrap_or(&Value::Null), || format!("grading {number}, {field}"))
    };
    Ok(ModeratedGrade {
        standard: text("standard")?,
        auditor: text("auditor")?,
        date,
        auditor_grade: grade("auditor_grade")?,
        moderator_grade: grade("moderator_grade")?,
    })
}

fn read_policy(policy: Option<&Value>) -> Result<CalibrationPolicy, InputError> {
    let mut result = CalibrationPolicy::default();
    let Some(policy) = policy.filter(|value| !value.is_null()) else {
        return Ok(result);
    };
    let share = |field: &str, current: f64| match policy.get(field) {
        None => Ok(current),
        Some(value) => value.as_f64().filter(|share| (0.0..=1.0).contains(share)).ok_or_else(|| {
            InputError(format!("policy \"{field}\" is {value}: give a share between 0 and 1, such as 0.8"))
        }),
    };
    result.target_agreement = share("target_agreement", result.target_agreement)?;
    result.significance = share("significance", result.significance)?;
    if let Some(value) = policy.get("min_pairs") {
        result.min_pairs = value.as_u64().and_then(|n| usize::try_from(n).ok()).ok_or_else(|| {
            InputError(format!("policy \"min_pairs\" is {value}: give a whole number, such as 10"))
        })?;
    }
    Ok(result)
}

fn render(report: &CalibrationReport, policy: &CalibrationPolicy, period_length: PeriodLength) -> Value {
    let auditors: Vec<Value> = report
        .auditors
        .iter()
        .map(|auditor| {
            let mut rendered = group(&auditor.overall);
            let periods: Vec<Value> = auditor
                .periods
                .iter()
                .map(|(period, summary)| {
                    let mut rendered = summary_fields(summary);
                    rendered.insert("period".into(), json!(period.to_string()));
                    rendered.insert("first_day".into(), json!(period.first_day().to_string()));
                    Value::Object(rendered)
                })
                .collect();
            rendered["periods"] = Value::Array(periods);
            rendered["drift"] = auditor.drift.map_or(Value::Null, |drift| {
                json!({
                    "slope_per_period": drift.slope_per_period,
                    "standard_error": drift.standard_error,
                    "p_value": drift.p_value,
                    "n_pairs": drift.n_pairs,
                    "n_periods": drift.n_periods,
                })
            });
            rendered
        })
        .collect();
    json!({
        "period": match period_length { PeriodLength::Month => "month", PeriodLength::Quarter => "quarter" },
        "policy": {
            "min_pairs": policy.min_pairs,
            "target_agreement": policy.target_agreement,
            "significance": policy.significance,
        },
        "sign_convention": "mean_signed_difference is auditor minus moderator in grades; positive means the auditor is harsher",
        "overall": Value::Object(summary_fields(&report.overall)),
        "standards": report.standards.iter().map(group).collect::<Vec<_>>(),
        "auditors": auditors,
    })
}

fn group(group: &GroupCalibration) -> Value {
    let mut rendered = summary_fields(&group.summary);
    rendered.insert("name".into(), json!(group.name));
    rendered.insert("needs_calibration".into(), json!(group.needs_calibration()));
    let findings: Vec<Value> = group
        .findings
        .iter()
        .map(|finding| json!({ "code": finding.code(), "message": finding.to_string() }))
        .collect();
    rendered.insert("findings".into(), Value::Array(findings));
    Value::Object(rendered)
}

fn summary_fields(summary: &PairSummary) -> Map<String, Value> {
    let estimate = |estimate: Estimate| estimate.value().map_or(Value::Null, |value| json!(value));
    let report = &summary.report;
    let mut fields = Map::new();
    fields.insert("n_gradings".into(), json!(summary.n_gradings));
    fields.insert("n_pairs".into(), json!(summary.shift.map_or(0, |shift| shift.n_pairs)));
    fields.insert(
        "exact_agreement".into(),
        summary.exact_agreement.map_or(Value::Null, |share| {
            json!({ "estimate": share.estimate, "lower": share.lower, "upper": share.upper, "level": 0.95, "method": "wilson" })
        }),
    );
    fields.insert("within_one_grade".into(), estimate(report.percent_within_one_grade));
    fields.insert("weighted_kappa_quadratic".into(), estimate(report.weighted_kappa_quadratic));
    fields.insert("gwet_ac2_quadratic".into(), estimate(report.gwet_ac2_quadratic));
    fields.insert(
        "mean_signed_difference".into(),
        summary.shift.map_or(Value::Null, |shift| json!(shift.mean_signed_difference)),
    );
    fields.insert("auditor_harsher".into(), json!(summary.shift.map_or(0, |shift| shift.n_second_harsher)));
    fields.insert(
        "auditor_more_lenient".into(),
        json!(summary.shift.map_or(0, |shift| shift.n_second_more_lenient)),
    );
    fields.insert("sign_test_p".into(), summary.sign_test_p.map_or(Value::Null, |p| json!(p)));
    fields
}

/// Calibration from a bundle's moderations, by quarter with the default policy.
fn from_bundle(text: &str) -> Result<Value, InputError> {
    let bundle = lens_store::bundle::parse_bundle(text).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        InputError(format!("the bundle cannot be read: {}", lines.join("; ")))
    })?;
    let templates = crate::bundle_input::templates_for(&bundle);
    let mut gradings = Vec::new();
    let mut scales = std::collections::BTreeSet::new();
    for moderation in &bundle.moderations {
        let moderation = &moderation.value;
        let Some(audit) = bundle.audits.iter().find(|audit| audit.value.id == moderation.audit) else {
            return Err(InputError(format!(
                "moderation {} is of audit {}, which is not in the bundle",
                moderation.id, moderation.audit
            )));
        };
        let Some(template) = lens_core::find_template(&templates, &audit.value.template) else {
            return Err(InputError(format!(
                "audit {} was made with template {}, which is not in the bundle",
                audit.value.id, audit.value.template
            )));
        };
        let grades = template.scale.as_ref().map_or(0, |scale| scale.grades.len());
        scales.insert((grades, template.id.clone()));
        gradings.extend(moderation.calibration_gradings(&audit.value, template));
    }
    let n_categories =
        match scales.iter().map(|(grades, _)| *grades).collect::<std::collections::BTreeSet<_>>().len() {
            0 => return Err(InputError("the bundle has no moderations to calibrate from".into())),
            1 => scales.iter().next().map_or(0, |(grades, _)| *grades),
            _ => {
                let names: Vec<&str> = scales.iter().map(|(_, id)| id.as_str()).collect();
                return Err(InputError(format!(
                "the moderations use templates with different scales ({}): calibrate one template at a time",
                names.join(", ")
            )));
            }
        };
    let policy = CalibrationPolicy::default();
    let report = CalibrationReport::compute(n_categories, &gradings, PeriodLength::Quarter, &policy)
        .map_err(|error| InputError(error.to_string()))?;
    Ok(render(&report, &policy, PeriodLength::Quarter))
}
