//! Lens 3 drafted from generated audits of three kinds: every figure is the report's own.

use chrono::NaiveDate;
use lens_core::{build_report, AuditStatus, Dimension, Measure, ReportFilter, ReportSettings, Template};
use lens_store::sample::{generate_bundle, SampleSpec};
use lens_store::template_document::builtin_templates;

use super::*;
use crate::protocol::service_review::DraftOutcome;
use crate::protocol::DataSource;

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 10, 31);

/// Six months of case file audits, observations and supervision audits, with a submitted
/// reflection and a submitted service review that must never count.
fn records() -> DeviceRecords {
    let today = day(TODAY.0, TODAY.1, TODAY.2);
    let mut records = DeviceRecords::default();
    for (template, audits) in
        [("case-file-audit-ofsted", 240), ("practice-observation", 30), ("supervision-audit", 20)]
    {
        let spec = SampleSpec {
            template_id: template.to_owned(),
            ..SampleSpec::new(7, 6, audits, 7).ending_on(today)
        };
        let bundle = generate_bundle(&spec);
        records.audits.extend(bundle.audits.into_iter().map(|audit| audit.value));
        records.moderations.extend(bundle.moderations);
    }
    let templates = builtin_templates();
    for (template, id) in [("practitioner-reflection", "mine"), ("service-performance-review", "last-review")]
    {
        let template = templates.iter().find(|found| found.id == template).unwrap();
        let mut audit = records.audits[0].clone();
        audit.id = lens_core::AuditId::new(id);
        audit.template = template.reference();
        audit.status = AuditStatus::Submitted;
        records.audits.push(audit);
    }
    records
}

fn request(team: Option<&str>) -> ProfessionalChallengeRequest {
    ProfessionalChallengeRequest {
        source: DataSource::Records { records: Vec::new() },
        from: day(2026, 4, 1),
        to: day(2026, 9, 30),
        team: team.map(str::to_owned),
        today: day(TODAY.0, TODAY.1, TODAY.2),
    }
}

fn report_of(records: &DeviceRecords, templates: &[Template], template: &str, team: Option<&str>) -> Report {
    let filter = ReportFilter {
        team: team.map(str::to_owned),
        template: Some(template.to_owned()),
        ..ReportFilter::between(day(2026, 4, 1), day(2026, 9, 30))
    };
    let settings = ReportSettings::new(day(TODAY.0, TODAY.1, TODAY.2));
    build_report(&records.audits, &records.moderation_values(), templates, &filter, &settings).unwrap()
}

fn drafted(view: &ProfessionalChallengeView, area: ChallengeArea) -> (&str, usize) {
    let draft = view.areas.iter().find(|draft| draft.item == area.item_id()).unwrap();
    match &draft.outcome {
        DraftOutcome::Drafted { text, audits } => (text.as_str(), *audits),
        DraftOutcome::NothingFound { reason } => panic!("{area:?} found nothing: {reason}"),
    }
}

fn figure<'a>(report: &'a Report, measure: Measure, group: &[(Dimension, &str)]) -> &'a lens_core::Figure {
    report.figure(measure, group).unwrap()
}

#[test]
fn the_case_file_area_states_the_report_s_own_figures_for_the_team_and_names_the_inadequate_cases() {
    let (records, templates) = (records(), builtin_templates());
    let team = Some("Assessment East");
    let view = professional_challenge(&records, &request(team), &templates).unwrap();
    assert_eq!(view.covers, "1 April 2026 to 30 September 2026, Assessment East");
    let (text, audits) = drafted(&view, ChallengeArea::CaseFileAudits);
    let id = "case-file-audit-ofsted";
    let report = report_of(&records, &templates, id, team);
    let completed = figure(&report, Measure::AuditsCompleted, &[]);
    assert!(completed.count > 5, "the team has audits in the period");
    assert_eq!(audits, completed.count);
    assert!(
        text.contains(&format!("Case file audit (Ofsted four-point scale): {} completed.", completed.count)),
        "{text}"
    );
    let good = figure(&report, Measure::GoodOrBetter, &[]);
    assert!(
        text.contains(&format!("{} of the {} with an overall judgement", good.count, good.of.unwrap())),
        "{text}"
    );
    let inadequate =
        figure(&report, Measure::OverallGrade, &[(Dimension::Template, id), (Dimension::Grade, "I")]);
    assert!(text.contains(&format!("Inadequate {}", inadequate.count)), "{text}");
    let mut cases: Vec<String> = inadequate
        .audits
        .iter()
        .map(|audit| {
            format!("case {}", records.audits.iter().find(|found| &found.id == audit).unwrap().case_reference)
        })
        .collect();
    cases.sort();
    assert!(cases.len() > CASES_LISTED, "enough to be cut short");
    let listed = format!(
        "- Judged inadequate overall: {}, and {} more.",
        cases[..CASES_LISTED].join(", "),
        cases.len() - CASES_LISTED
    );
    assert!(text.contains(&listed), "{listed} in {text}");
    let moderated = figure(&report, Measure::Moderations, &[]).count;
    assert!(moderated > 0);
    let agreed = figure(&report, Measure::ModerationExactAgreement, &[]);
    assert!(
        text.contains(&format!(
            "{moderated} of these were moderated; the moderator confirmed {} of {} grades",
            agreed.count,
            agreed.of.unwrap()
        )),
        "{text}"
    );
    assert!(text.contains("Most often graded below good: "), "{text}");
    assert!(text.contains("The narratives most often describe as going well: "), "{text}");
    assert!(text.contains("Evidence:\n- Counts, grades and moderation: Reports, 1 April 2026 to 30 September 2026, Assessment East, template \"Case file audit (Ofsted four-point scale)\"."), "{text}");
}

#[test]
fn observations_record_no_team_so_they_are_drawn_on_for_all_teams_and_a_team_is_told_why_not() {
    let (records, templates) = (records(), builtin_templates());
    let everyone = professional_challenge(&records, &request(None), &templates).unwrap();
    let (text, audits) = drafted(&everyone, ChallengeArea::ObservedPractice);
    let report = report_of(&records, &templates, "practice-observation", None);
    assert_eq!(audits, figure(&report, Measure::AuditsCompleted, &[]).count);
    assert!(text.contains(&format!("Practice observation: {audits} completed.")), "{text}");
    assert!(text.contains("- Counts: Reports, 1 April 2026 to 30 September 2026, all teams, template \"Practice observation\"."), "{text}");
    assert!(!text.contains("good or better"), "an observation has no grades: {text}");

    let team = professional_challenge(&records, &request(Some("Assessment East")), &templates).unwrap();
    let observed = team.areas.iter().find(|draft| draft.item == "observed-practice").unwrap();
    let DraftOutcome::NothingFound { reason } = &observed.outcome else { panic!("{observed:?}") };
    assert_eq!(
        reason,
        "No practice observation on this device was completed in this period for Assessment East. Some in this period record no team: choose all teams to draw on them."
    );
}

#[test]
fn other_audits_are_the_supervision_audits_and_reviews_and_reflections_never_count() {
    let (records, templates) = (records(), builtin_templates());
    let view = professional_challenge(&records, &request(None), &templates).unwrap();
    let (text, audits) = drafted(&view, ChallengeArea::OtherAudits);
    assert!(text.starts_with("Drafted by Practice Lens from "), "{text}");
    assert!(text.contains("Supervision audit: "), "{text}");
    assert_eq!(
        audits,
        figure(&report_of(&records, &templates, "supervision-audit", None), Measure::AuditsCompleted, &[])
            .count
    );
    let every: usize = ["case-file-audit-ofsted", "practice-observation", "supervision-audit"]
        .into_iter()
        .map(|id| figure(&report_of(&records, &templates, id, None), Measure::AuditsCompleted, &[]).count)
        .sum();
    let (capacity, counted) = drafted(&view, ChallengeArea::CapacityToImprove);
    assert_eq!(counted, every, "capacity counts every audit drawn on, never the reflection or the review");
    for text in view.areas.iter().filter_map(|draft| match &draft.outcome {
        DraftOutcome::Drafted { text, .. } => Some(text),
        DraftOutcome::NothingFound { .. } => None,
    }) {
        assert!(
            !text.contains("Reflecting on my practice") && !text.contains("Service performance review"),
            "{text}"
        );
    }
    assert!(capacity.contains("Evidence:\n- Is anyone better off?: Reports"), "{capacity}");
}

#[test]
fn capacity_to_improve_adds_up_each_template_s_better_off_figures() {
    let (records, templates) = (records(), builtin_templates());
    let view = professional_challenge(&records, &request(None), &templates).unwrap();
    let (text, _) = drafted(&view, ChallengeArea::CapacityToImprove);
    let (mut done, mut due) = (0, 0);
    for id in ["case-file-audit-ofsted", "practice-observation", "supervision-audit"] {
        let on_time =
            figure(&report_of(&records, &templates, id, None), Measure::ActionsCompletedOnTime, &[]).clone();
        done += on_time.count;
        due += on_time.of.unwrap_or(0);
    }
    assert!(due > 0);
    assert!(
        text.contains(&format!("{done} of {due} actions due were completed by their due date")),
        "{text}"
    );
}

#[test]
fn a_period_with_nothing_says_so_for_every_area_and_a_backwards_period_is_refused_in_words() {
    let (records, templates) = (records(), builtin_templates());
    let empty = ProfessionalChallengeRequest { from: day(2024, 4, 1), to: day(2024, 9, 30), ..request(None) };
    let view = professional_challenge(&records, &empty, &templates).unwrap();
    assert_eq!(view.areas.len(), ChallengeArea::ALL.len());
    for draft in &view.areas {
        assert!(
            matches!(&draft.outcome, DraftOutcome::NothingFound { reason } if reason.contains("was completed in this period")),
            "{draft:?}"
        );
    }
    let backwards =
        ProfessionalChallengeRequest { from: day(2026, 9, 30), to: day(2026, 4, 1), ..request(None) };
    assert_eq!(
        professional_challenge(&records, &backwards, &templates).unwrap_err(),
        "The review's period ends on 1 April 2026 before it starts on 30 September 2026: check the dates."
    );
}
