//! Lens 3 of a service performance review drafted from the device's own records: for each
//! professional-challenge area (`lens_core::ChallengeArea`), what the audits of the review's
//! period and team show, in sentences a head of service edits, then the evidence each figure
//! comes from.
//!
//! Every figure is one of the report's own: each template's audits are reported exactly as
//! Reports reports that period, team and template, so a figure in the draft can be checked
//! there, and the audits behind the inadequate judgements are named by case reference. The
//! themes are the built-in codebook's, read from the same audits' narratives. Capacity to
//! improve adds up the "is anyone better off" figures of every template the other areas drew on.

use std::collections::BTreeMap;

use lens_core::{
    build_report, completed_audits, find_template, Audit, ChallengeArea, Dimension, Figure, GradeStanding,
    Measure, Report, ReportFilter, ReportSettings, Template,
};

use crate::device_records::DeviceRecords;
use crate::protocol::service_review::{
    ChallengeDraft, DraftOutcome, ProfessionalChallengeRequest, ProfessionalChallengeView,
};
use crate::protocol::{ThemePolarity, ThemeSummary};
use crate::theme_view::theme_summary;

/// Standards named as most often below good, and themes named on each side.
const NAMED: usize = 3;
/// Case references listed behind the inadequate judgements before "and N more".
const CASES_LISTED: usize = 12;

/// One template's audits in the review's period and team, reported as Reports would.
struct Evidence<'a> {
    /// The template's newest version: its title, scale and standards.
    template: &'a Template,
    audits: Vec<&'a Audit>,
    report: Report,
}

/// Lens 3's drafts for `request`, or why none can be made.
pub(crate) fn professional_challenge(
    records: &DeviceRecords,
    request: &ProfessionalChallengeRequest,
    templates: &[Template],
) -> Result<ProfessionalChallengeView, String> {
    if request.to < request.from {
        return Err(format!(
            "The review's period ends on {} before it starts on {}: check the dates.",
            long_date(request.to),
            long_date(request.from)
        ));
    }
    let team_words = request.team.clone().unwrap_or_else(|| "all teams".to_owned());
    let covers = format!("{} to {}, {team_words}", long_date(request.from), long_date(request.to));
    let filter =
        ReportFilter { team: request.team.clone(), ..ReportFilter::between(request.from, request.to) };
    // The QA cycle's expectations are not drawn on, so the defaults do.
    let settings = ReportSettings::new(request.today);
    let moderations = records.moderation_values();
    let evidence = evidence_by_template(records, templates, &filter, &settings, &moderations)?;
    let areas = ChallengeArea::ALL
        .into_iter()
        .map(|area| {
            let drawn: Vec<&Evidence> =
                evidence.iter().filter(|evidence| area.draws_on(evidence.template.kind)).collect();
            let outcome = if drawn.is_empty() {
                DraftOutcome::NothingFound { reason: nothing_found(area, records, templates, request) }
            } else if area == ChallengeArea::CapacityToImprove {
                capacity_to_improve(&drawn, &covers)
            } else {
                let text = drawn
                    .iter()
                    .map(|evidence| template_findings(evidence, records, templates, &covers))
                    .collect::<Vec<_>>()
                    .join("\n\n");
                let audits = drawn.iter().map(|evidence| evidence.audits.len()).sum();
                DraftOutcome::Drafted { text: format!("{}\n\n{text}", opening(audits, &covers)), audits }
            };
            ChallengeDraft { item: area.item_id().to_owned(), outcome }
        })
        .collect();
    Ok(ProfessionalChallengeView { covers, areas })
}

/// The completed audits of the period and team, one report per template, in title order.
fn evidence_by_template<'a>(
    records: &'a DeviceRecords,
    templates: &'a [Template],
    filter: &ReportFilter,
    settings: &ReportSettings,
    moderations: &[lens_core::Moderation],
) -> Result<Vec<Evidence<'a>>, String> {
    let mut by_template: BTreeMap<&str, Vec<&Audit>> = BTreeMap::new();
    for audit in completed_audits(&records.audits, templates, filter) {
        if find_template(templates, &audit.template).is_some() {
            by_template.entry(audit.template.id.as_str()).or_default().push(audit);
        }
    }
    let mut evidence = Vec::new();
    for (id, audits) in by_template {
        let Some(template) = newest(templates, id) else { continue };
        if !ChallengeArea::CapacityToImprove.draws_on(template.kind) {
            continue;
        }
        let filter = ReportFilter { template: Some(id.to_owned()), ..filter.clone() };
        let report = build_report(&records.audits, moderations, templates, &filter, settings)
            .map_err(|error| error.to_string())?;
        evidence.push(Evidence { template, audits, report });
    }
    evidence.sort_by(|a, b| a.template.title.cmp(&b.template.title));
    Ok(evidence)
}

/// The newest version of the template with `id`.
fn newest<'a>(templates: &'a [Template], id: &str) -> Option<&'a Template> {
    templates.iter().filter(|template| template.id == id).max_by_key(|template| template.version)
}

fn opening(audits: usize, covers: &str) -> String {
    format!(
        "Drafted by Practice Lens from {} on this device, {covers}. Check it, and add what the figures cannot tell.",
        plural(audits, "completed audit", "completed audits")
    )
}

/// One template's paragraph: how many, how the overall judgements and standards fell, what
/// moderation confirmed and what the narratives say, then where each figure comes from.
fn template_findings(
    evidence: &Evidence,
    records: &DeviceRecords,
    templates: &[Template],
    covers: &str,
) -> String {
    let Evidence { template, audits, report } = evidence;
    let mut found = vec![format!("{}: {} completed.", template.title, audits.len())];
    if let Some(line) = overall_line(report, template) {
        found.push(line);
    }
    found.extend(standards_line(report, template));
    let moderated = count(report, Measure::Moderations);
    if moderated > 0 {
        let agreed = report.figure(Measure::ModerationExactAgreement, &[]);
        let confirmed = agreed
            .filter(|figure| figure.of.unwrap_or(0) > 0)
            .map(|figure| format!("; the moderator confirmed {}", out_of(figure, "grade", "grades")))
            .unwrap_or_default();
        let verb = if moderated == 1 { "was" } else { "were" };
        found.push(format!("{moderated} of these {verb} moderated{confirmed}."));
    }
    let themes = theme_summary(audits, templates, &records.tagger, &records.taggings);
    found.extend(themes_line(&themes));

    let counted = match (template.scale.is_some(), moderated > 0) {
        (true, true) => "Counts, grades and moderation",
        (true, false) => "Counts and grades",
        (false, _) => "Counts",
    };
    let mut sources = vec![format!("- {counted}: Reports, {covers}, template \"{}\".", template.title)];
    let inadequate = inadequate_cases(report, template, records);
    if !inadequate.is_empty() {
        sources.push(format!("- Judged inadequate overall: {}.", inadequate));
    }
    if themes.narratives > 0 {
        sources.push(format!(
            "- Themes: Themes, the same period, team and template ({} read).",
            plural(themes.narratives, "narrative", "narratives")
        ));
    }
    format!("{}\nEvidence:\n{}", found.join("\n"), sources.join("\n"))
}

/// "12 of the 45 with an overall judgement (27%) were good or better: Outstanding 3, …".
fn overall_line(report: &Report, template: &Template) -> Option<String> {
    let good = report.figure(Measure::GoodOrBetter, &[]).filter(|figure| figure.of.unwrap_or(0) > 0)?;
    let scale = template.scale.as_ref()?;
    let grades: Vec<String> = scale
        .grades
        .iter()
        .filter_map(|grade| {
            let figure = report.figure(
                Measure::OverallGrade,
                &[(Dimension::Template, template.id.as_str()), (Dimension::Grade, grade.code.as_str())],
            )?;
            Some(format!("{} {}", grade.label, figure.count))
        })
        .collect();
    let judged = good.of.unwrap_or(0);
    Some(format!(
        "{} of the {judged} with an overall judgement ({}) were good or better: {}.",
        good.count,
        percent(good),
        grades.join(", ")
    ))
}

/// The standards most often graded below good, with how often.
fn standards_line(report: &Report, template: &Template) -> Option<String> {
    let mut below: Vec<(f64, usize, usize, &str)> = template
        .items()
        .filter_map(|item| {
            let figure = report.figure(
                Measure::StandardGoodOrBetter,
                &[(Dimension::Template, template.id.as_str()), (Dimension::Standard, item.id.as_str())],
            )?;
            let of = figure.of.filter(|of| *of > figure.count)?;
            let under = of - figure.count;
            Some((under as f64 / of as f64, under, of, item.prompt.as_str()))
        })
        .collect();
    if below.is_empty() {
        return None;
    }
    below.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(a.3.cmp(b.3)));
    let named: Vec<String> = below
        .iter()
        .take(NAMED)
        .map(|(_, under, of, prompt)| format!("{prompt} ({under} of {of})"))
        .collect();
    Some(format!("Most often graded below good: {}.", named.join("; ")))
}

/// The themes found most often on each side, by how many audits they were found in.
fn themes_line(themes: &ThemeSummary) -> Option<String> {
    let side = |polarity: ThemePolarity| {
        let mut rows: Vec<_> =
            themes.rows.iter().filter(|row| row.polarity == polarity && row.audits > 0).collect();
        rows.sort_by(|a, b| b.audits.cmp(&a.audits).then(a.theme.cmp(&b.theme)));
        rows.iter()
            .take(NAMED)
            .map(|row| format!("{} ({})", row.theme, plural(row.audits, "audit", "audits")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (well, improve) = (side(ThemePolarity::Strength), side(ThemePolarity::Concern));
    match (well.is_empty(), improve.is_empty()) {
        (true, true) => None,
        (false, true) => Some(format!("The narratives most often describe as going well: {well}.")),
        (true, false) => {
            Some(format!("The narratives most often describe as needing to improve: {improve}."))
        }
        (false, false) => Some(format!(
            "The narratives most often describe as going well: {well}; as needing to improve: {improve}."
        )),
    }
}

/// The case references of the audits judged inadequate overall.
fn inadequate_cases(report: &Report, template: &Template, records: &DeviceRecords) -> String {
    let Some(scale) = &template.scale else { return String::new() };
    let mut cases: Vec<String> = scale
        .grades
        .iter()
        .filter(|grade| grade.standing == GradeStanding::Inadequate)
        .filter_map(|grade| {
            report.figure(
                Measure::OverallGrade,
                &[(Dimension::Template, template.id.as_str()), (Dimension::Grade, grade.code.as_str())],
            )
        })
        .flat_map(|figure| figure.audits.iter())
        .filter_map(|id| records.audits.iter().find(|audit| &audit.id == id))
        .map(|audit| {
            let reference = audit.case_reference.trim();
            if reference.is_empty() {
                format!("an audit by {} with no case reference", audit.auditor.trim())
            } else {
                format!("case {reference}")
            }
        })
        .collect();
    cases.sort();
    if cases.len() > CASES_LISTED {
        let more = cases.len() - CASES_LISTED;
        cases.truncate(CASES_LISTED);
        cases.push(format!("and {more} more"));
    }
    cases.join(", ")
}

/// Capacity to improve: the "is anyone better off" figures of every template drawn on, added up.
fn capacity_to_improve(drawn: &[&Evidence], covers: &str) -> DraftOutcome {
    let total = |measure: Measure| {
        drawn
            .iter()
            .filter_map(|evidence| evidence.report.figure(measure, &[]))
            .fold((0, 0), |(count, of), figure| (count + figure.count, of + figure.of.unwrap_or(0)))
    };
    let mut found = Vec::new();
    let (improved, reaudited) = total(Measure::ReauditImproved);
    if reaudited > 0 {
        let (declined, _) = total(Measure::ReauditDeclined);
        found.push(format!(
            "Of {} re-audited in this period, {improved} improved and {declined} declined overall.",
            plural(reaudited, "case", "cases")
        ));
    }
    for (measure, sentence) in [
        (Measure::ActionsCompletedOnTime, "actions due were completed by their due date"),
        (
            Measure::CorrectiveActionConfirmedInTime,
            "audits below good had corrective action confirmed by the end of the following month",
        ),
        (Measure::ReflectiveDiscussionHeld, "audits judged inadequate had a reflective discussion"),
    ] {
        let (count, of) = total(measure);
        if of > 0 {
            found.push(format!("{count} of {of} {sentence} ({}).", share(count, of)));
        }
    }
    let audits = drawn.iter().map(|evidence| evidence.audits.len()).sum();
    if found.is_empty() {
        return DraftOutcome::NothingFound {
            reason: "None of these audits has yet been re-audited, had an action fall due or needed corrective action."
                .to_owned(),
        };
    }
    let titles: Vec<String> =
        drawn.iter().map(|evidence| format!("\"{}\"", evidence.template.title)).collect();
    DraftOutcome::Drafted {
        text: format!(
            "{}\n\n{}\nEvidence:\n- Is anyone better off?: Reports, {covers}, one template at a time ({}), added up.",
            opening(audits, covers),
            found.join("\n"),
            titles.join(", ")
        ),
        audits,
    }
}

/// Why an area has nothing on the device for the period and team.
fn nothing_found(
    area: ChallengeArea,
    records: &DeviceRecords,
    templates: &[Template],
    request: &ProfessionalChallengeRequest,
) -> String {
    let what = match area {
        ChallengeArea::CaseFileAudits => "No case file audit",
        ChallengeArea::OtherAudits => "No practice review, plan rating or supervision audit",
        ChallengeArea::ObservedPractice => "No practice observation",
        ChallengeArea::CapacityToImprove => "No audit or observation",
    };
    let mut reason = format!("{what} on this device was completed in this period");
    if let Some(team) = &request.team {
        reason.push_str(&format!(" for {team}"));
        // Observations record no team: say where they are, rather than that there are none.
        let everywhere = ReportFilter::between(request.from, request.to);
        let elsewhere = completed_audits(&records.audits, templates, &everywhere)
            .into_iter()
            .filter(|audit| audit.team().trim().is_empty())
            .filter_map(|audit| find_template(templates, &audit.template))
            .any(|template| area.draws_on(template.kind));
        if elsewhere {
            reason.push_str(". Some in this period record no team: choose all teams to draw on them");
        }
    }
    reason.push('.');
    reason
}

fn count(report: &Report, measure: Measure) -> usize {
    report.figure(measure, &[]).map_or(0, |figure| figure.count)
}

/// "80 of 96 grades (83%)".
fn out_of(figure: &Figure, one: &str, many: &str) -> String {
    let of = figure.of.unwrap_or(0);
    format!("{} of {} ({})", figure.count, plural(of, one, many), percent(figure))
}

fn percent(figure: &Figure) -> String {
    share(figure.count, figure.of.unwrap_or(0))
}

fn share(count: usize, of: usize) -> String {
    if of == 0 {
        return "none due".to_owned();
    }
    format!("{:.0}%", count as f64 * 100.0 / of as f64)
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn long_date(day: chrono::NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

#[cfg(test)]
mod tests;
