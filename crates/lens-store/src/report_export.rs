//! Reports as JSON and CSV for other tools and spreadsheets (docs/csv-format.md). Every
//! figure keeps the ids of the audits behind it.

use csv::{Terminator, WriterBuilder};
use lens_core::{Dimension, ExpectedAudits, Figure, Measure, Question, Report};
use serde_json::{json, Map, Value};

use crate::csv_export::neutralise;

/// The `format` of a report document.
pub const REPORT_FORMAT: &str = "practice-lens-report";
/// Its version. 2: the expected audits as `expected_audits_per_auditor` (per quarter or per
/// month), where 1 had `audits_per_auditor_per_quarter`.
pub const REPORT_FORMAT_VERSION: u32 = 2;

/// A question's code in exports. Codes are written here, not in lens-core, so that renaming a
/// domain variant never changes an exported file.
pub fn question_code(question: Question) -> &'static str {
    match question {
        Question::HowMuch => "how_much",
        Question::HowWell => "how_well",
        Question::BetterOff => "better_off",
        Question::Trend => "trend",
        Question::Cycle => "cycle",
    }
}

/// A measure's code in exports.
pub fn measure_code(measure: Measure) -> &'static str {
    match measure {
        Measure::AuditsCompleted => "audits_completed",
        Measure::AuditsInDraft => "audits_in_draft",
        Measure::Moderations => "moderations",
        Measure::ActionsAgreed => "actions_agreed",
        Measure::GoodOrBetter => "good_or_better",
        Measure::OverallGrade => "overall_grade",
        Measure::StandardGoodOrBetter => "standard_good_or_better",
        Measure::StandardGrade => "standard_grade",
        Measure::ModerationExactAgreement => "moderation_exact_agreement",
        Measure::ReauditImproved => "reaudit_improved",
        Measure::ReauditDeclined => "reaudit_declined",
        Measure::ActionsCompletedOnTime => "actions_completed_on_time",
        Measure::CorrectiveActionConfirmedInTime => "corrective_action_confirmed_in_time",
        Measure::ReflectiveDiscussionHeld => "reflective_discussion_held",
        Measure::ChildViewRecorded => "child_view_recorded",
        Measure::FamilyViewRecorded => "family_view_recorded",
        Measure::AuditsExpectedCompleted => "audits_expected_completed",
        Measure::AuditsInPausedMonth => "audits_in_paused_month",
    }
}

/// A dimension's code in exports.
pub fn dimension_code(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Team => "team",
        Dimension::Auditor => "auditor",
        Dimension::Template => "template",
        Dimension::AuditorRole => "auditor_role",
        Dimension::Standard => "standard",
        Dimension::Grade => "grade",
        Dimension::Month => "month",
        Dimension::Quarter => "quarter",
    }
}

/// A figure's breakdown as text, e.g. `team=Assessment East; grade=G`.
pub fn group_code(figure: &Figure) -> String {
    let parts: Vec<String> = figure
        .group
        .iter()
        .map(|(dimension, value)| format!("{}={value}", dimension_code(*dimension)))
        .collect();
    parts.join("; ")
}

fn optional<T: ToString>(value: &Option<T>) -> Value {
    value.as_ref().map_or(Value::Null, |value| Value::String(value.to_string()))
}

/// The report as one JSON document.
pub fn report_json(report: &Report) -> Value {
    let filter = &report.filter;
    let figures: Vec<Value> = report
        .figures
        .iter()
        .map(|figure| {
            let group: Map<String, Value> = figure
                .group
                .iter()
                .map(|(dimension, value)| {
                    (dimension_code(*dimension).to_owned(), Value::String(value.clone()))
                })
                .collect();
            json!({
                "question": question_code(figure.question),
                "measure": measure_code(figure.measure),
                "group": group,
                "count": figure.count,
                "of": figure.of,
                "share": figure.share().map(|share| (share * 10_000.0).round() / 10_000.0),
                "audits": figure.audits.iter().map(ToString::to_string).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "format": REPORT_FORMAT,
        "format_version": REPORT_FORMAT_VERSION,
        "filter": {
            "from": filter.from.to_string(),
            "to": filter.to.to_string(),
            "team": optional(&filter.team),
            "strand": optional(&filter.strand),
            "auditor": optional(&filter.auditor),
            "template": optional(&filter.template),
            "standard": optional(&filter.standard),
        },
        "settings": {
            "expected_audits_per_auditor": match report.settings.expected {
                ExpectedAudits::PerQuarter(count) => json!({"count": count, "per": "quarter"}),
                ExpectedAudits::PerMonth(count) => json!({"count": count, "per": "month"}),
            },
            "paused_months": report.settings.paused_months,
            "today": report.settings.today.to_string(),
        },
        "notes": report.notes,
        "figures": figures,
    })
}

/// The report's figures as CSV, one row per figure, audits separated by spaces.
pub fn report_csv(report: &Report) -> String {
    let mut writer =
        WriterBuilder::new().terminator(Terminator::CRLF).from_writer("\u{feff}".as_bytes().to_vec());
    let _ = writer.write_record(["question", "measure", "group", "count", "of", "share", "audits"]);
    for figure in &report.figures {
        let share = figure.share().map(|share| format!("{share:.4}")).unwrap_or_default();
        let audits: Vec<String> = figure.audits.iter().map(ToString::to_string).collect();
        let row = [
            question_code(figure.question).to_owned(),
            measure_code(figure.measure).to_owned(),
            group_code(figure),
            figure.count.to_string(),
            figure.of.map(|of| of.to_string()).unwrap_or_default(),
            share,
            audits.join(" "),
        ];
        let _ = writer.write_record(row.iter().map(|cell| neutralise(cell)));
    }
    writer.into_inner().ok().and_then(|bytes| String::from_utf8(bytes).ok()).unwrap_or_default()
}
