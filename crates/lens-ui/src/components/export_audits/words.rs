//! An export in words: which audits the filters chose, what the file holds (for the device log),
//! and the file's name. Yew-free, so it is tested natively.

use chrono::NaiveDate;
use lens_analysis::protocol::export::{ExportFormat, ExportedSet};
use lens_analysis::protocol::CsvPart;
use lens_core::{AuditFilter, Template};

use crate::components::download::file_stem;

/// The filters that are set, in words, e.g. `team Assessment West, dated 1 January 2027 to
/// 31 March 2027`; `None` when nothing is filtered.
pub(crate) fn selection_words(filter: &AuditFilter, templates: &[Template]) -> Option<String> {
    let long = |day: NaiveDate| day.format("%-d %B %Y").to_string();
    let mut parts = Vec::new();
    if !filter.search.trim().is_empty() {
        parts.push(format!("matching \"{}\"", filter.search.trim()));
    }
    if let Some(status) = filter.status {
        parts.push(format!("status {}", status.label()));
    }
    if !filter.template.is_empty() {
        let title = templates.iter().find(|template| template.id == filter.template);
        parts.push(title.map_or_else(|| filter.template.clone(), |template| template.title.clone()));
    }
    if !filter.team.trim().is_empty() {
        parts.push(format!("team {}", filter.team.trim()));
    }
    match (filter.from, filter.to) {
        (Some(from), Some(to)) => parts.push(format!("dated {} to {}", long(from), long(to))),
        (Some(from), None) => parts.push(format!("dated from {}", long(from))),
        (None, Some(to)) => parts.push(format!("dated up to {}", long(to))),
        (None, None) => {}
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// "1 audit", "3 moderations".
fn count(number: usize, one: &str, many: &str) -> String {
    format!("{number} {}", if number == 1 { one } else { many })
}

/// What the file holds, for the device log and the person, e.g. `12 audits and 2 moderations
/// (team West) as JSON`.
pub(crate) fn export_what(set: &ExportedSet, format: ExportFormat, described: Option<&str>) -> String {
    let audits = count(set.audits, "audit", "audits");
    let scope = described.map(|words| format!(" ({words})")).unwrap_or_default();
    match format {
        ExportFormat::Bundle => {
            format!("{audits} and {}{scope} as JSON", count(set.moderations, "moderation", "moderations"))
        }
        ExportFormat::Csv(part) => {
            let file = match part {
                CsvPart::Answers => "answers",
                CsvPart::Actions => "actions",
                CsvPart::Amendments => "amendments",
                CsvPart::FollowUp => "follow-up",
            };
            format!("the {file} of {audits}{scope} as CSV")
        }
    }
}

/// The file's name: the day, the team if one is chosen, and what the file is.
pub(crate) fn export_file_name(format: ExportFormat, filter: &AuditFilter, today: NaiveDate) -> String {
    let team = filter.team.trim();
    let stem = if team.is_empty() {
        format!("practice-lens-audits-{}", today.format("%Y-%m-%d"))
    } else {
        format!("practice-lens-audits-{}-{}", file_stem(&team.to_lowercase()), today.format("%Y-%m-%d"))
    };
    match format {
        ExportFormat::Bundle => format!("{stem}.json"),
        ExportFormat::Csv(CsvPart::Answers) => format!("{stem}.items.csv"),
        ExportFormat::Csv(CsvPart::Actions) => format!("{stem}.actions.csv"),
        ExportFormat::Csv(CsvPart::Amendments) => format!("{stem}.amendments.csv"),
        ExportFormat::Csv(CsvPart::FollowUp) => format!("{stem}.follow-up.csv"),
    }
}

#[cfg(test)]
mod tests {
    use lens_core::AuditStatus;
    use lens_store::template_document::builtin_templates;

    use super::*;

    fn day(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, month, day).unwrap()
    }

    #[test]
    fn the_filters_set_are_said_in_words_and_an_empty_filter_says_nothing() {
        let templates = builtin_templates();
        assert_eq!(selection_words(&AuditFilter::default(), &templates), None);
        let filter = AuditFilter {
            search: " sam ".into(),
            status: Some(AuditStatus::Submitted),
            template: "case-file-audit".into(),
            team: "Assessment West".into(),
            from: Some(day(1, 1)),
            to: Some(day(3, 31)),
        };
        assert_eq!(
            selection_words(&filter, &templates).unwrap(),
            "matching \"sam\", status Submitted, Case file audit, team Assessment West, dated 1 January 2027 to 31 March 2027"
        );
        let from_only = AuditFilter { from: Some(day(2, 1)), ..AuditFilter::default() };
        assert_eq!(selection_words(&from_only, &templates).unwrap(), "dated from 1 February 2027");
    }

    #[test]
    fn the_file_says_what_it_holds_and_is_named_by_day_and_team() {
        let set = ExportedSet { contents: String::new(), audits: 1, moderations: 2, unreadable: 0 };
        assert_eq!(
            export_what(&set, ExportFormat::Bundle, Some("team West")),
            "1 audit and 2 moderations (team West) as JSON"
        );
        assert_eq!(
            export_what(&set, ExportFormat::Csv(CsvPart::Actions), None),
            "the actions of 1 audit as CSV"
        );
        let west = AuditFilter { team: " Assessment West ".into(), ..AuditFilter::default() };
        assert_eq!(
            export_file_name(ExportFormat::Bundle, &west, day(3, 31)),
            "practice-lens-audits-assessment-west-2027-03-31.json"
        );
        assert_eq!(
            export_file_name(ExportFormat::Csv(CsvPart::Answers), &AuditFilter::default(), day(3, 31)),
            "practice-lens-audits-2027-03-31.items.csv"
        );
    }
}
