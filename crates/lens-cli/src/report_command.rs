//! `lens report BUNDLE --from DATE --to DATE [filters] [--format json|csv|text]`: the
//! Outcomes-Based Accountability report over a bundle's audits.

use chrono::NaiveDate;
use lens_core::{build_report, ExpectedAudits, Report, ReportFilter, ReportSettings};
use lens_store::report_export::{group_code, report_csv, report_json};

use crate::bundle_input::{load_bundle, templates_for};
use crate::options::Options;

const OPTIONS: [&str; 12] = [
    "from",
    "to",
    "team",
    "strand",
    "auditor",
    "template",
    "standard",
    "format",
    "today",
    "per-quarter",
    "per-month",
    "paused-months",
];

/// Runs the command, giving what to print or one line per problem.
pub fn run(args: &[String], today: NaiveDate) -> Result<String, Vec<String>> {
    let options = Options::parse(args, &OPTIONS).map_err(|message| vec![message])?;
    let [path] = options.positional.as_slice() else {
        return Err(vec!["report takes one bundle: lens report BUNDLE --from DATE --to DATE".into()]);
    };
    let from = options
        .date("from")
        .map_err(|m| vec![m])?
        .ok_or_else(|| vec!["give --from DATE, the first day of the report".to_owned()])?;
    let to = options
        .date("to")
        .map_err(|m| vec![m])?
        .ok_or_else(|| vec!["give --to DATE, the last day of the report".to_owned()])?;
    let text_option = |name: &str| options.get(name).map(str::to_owned);
    let filter = ReportFilter {
        team: text_option("team"),
        strand: text_option("strand"),
        auditor: text_option("auditor"),
        template: text_option("template"),
        standard: text_option("standard"),
        ..ReportFilter::between(from, to)
    };
    let mut settings = ReportSettings::new(options.date("today").map_err(|m| vec![m])?.unwrap_or(today));
    let per_quarter = options.number("per-quarter").map_err(|m| vec![m])?;
    let per_month = options.number("per-month").map_err(|m| vec![m])?;
    let count = |option: &str, value: u64| {
        u32::try_from(value).map_err(|_| vec![format!("--{option} {value} is too large")])
    };
    settings.expected = match (per_quarter, per_month) {
        (Some(_), Some(_)) => {
            return Err(vec!["give --per-quarter or --per-month, not both".to_owned()]);
        }
        (Some(per_quarter), None) => ExpectedAudits::PerQuarter(count("per-quarter", per_quarter)?),
        (None, Some(per_month)) => ExpectedAudits::PerMonth(count("per-month", per_month)?),
        (None, None) => settings.expected,
    };
    if let Some(months) = options.get("paused-months") {
        settings.paused_months = parse_months(months)?;
    }
    let format = options.get("format").unwrap_or("json");
    if !matches!(format, "json" | "csv" | "text") {
        return Err(vec![format!("--format {format} is not one of json, csv, text")]);
    }
    let bundle = load_bundle(path)?;
    let audits: Vec<_> = bundle.audits.iter().map(|audit| audit.value.clone()).collect();
    let moderations: Vec<_> = bundle.moderations.iter().map(|moderation| moderation.value.clone()).collect();
    let report = build_report(&audits, &moderations, &templates_for(&bundle), &filter, &settings)
        .map_err(|error| vec![error.to_string()])?;
    Ok(match format {
        "csv" => report_csv(&report),
        "text" => report_text(&report),
        _ => format!("{:#}\n", report_json(&report)),
    })
}

/// `8,12` or an empty value for no paused months.
fn parse_months(text: &str) -> Result<Vec<u32>, Vec<String>> {
    text.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse()
                .map_err(|_| vec![format!("--paused-months: \"{part}\" is not a month number (1 to 12)")])
        })
        .collect()
}

/// The report for reading in a terminal or pasting into a document.
fn report_text(report: &Report) -> String {
    let filter = &report.filter;
    let mut out = format!("Practice Lens report, {} to {}\n", filter.from, filter.to);
    for (name, value) in [
        ("Team", &filter.team),
        ("Strand", &filter.strand),
        ("Auditor", &filter.auditor),
        ("Template", &filter.template),
        ("Standard", &filter.standard),
    ] {
        if let Some(value) = value {
            out.push_str(&format!("{name}: {value}\n"));
        }
    }
    for note in &report.notes {
        out.push_str(&format!("Note: {note}\n"));
    }
    let mut question = None;
    for figure in &report.figures {
        if question != Some(figure.question) {
            question = Some(figure.question);
            out.push_str(&format!("\n{}\n", figure.question.heading()));
        }
        let group = group_code(figure);
        let group = if group.is_empty() { String::new() } else { format!(" ({group})") };
        let value = match (figure.of, figure.share()) {
            (Some(of), Some(share)) => format!("{} of {of} ({:.0}%)", figure.count, share * 100.0),
            (Some(of), None) => format!("{} of {of}", figure.count),
            (None, _) => figure.count.to_string(),
        };
        out.push_str(&format!("  {}{group}: {value}\n", figure.measure.label()));
    }
    out
}
