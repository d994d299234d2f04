//! Reports over any filtered set of audits, answering the three questions of Outcomes-Based
//! Accountability (how much did we do, how well did we do it, is anyone better off), with
//! trends by month and quarter and the ten-month QA cycle's expected against completed audits.
//!
//! A report is a flat list of [`Figure`]s. Each figure is a count, usually out of a total, and
//! names the audits behind it, so every number in a QA report can be traced to its audits.

use chrono::NaiveDate;

use crate::{Audit, AuditId, Moderation, Template};

mod better_off;
mod cycle;
mod how_much;
mod how_well;
mod scope;
mod trend;

use scope::Scope;

/// Which audits a report covers. Text filters ignore case and surrounding spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFilter {
    /// The first day covered.
    pub from: NaiveDate,
    /// The last day covered (inclusive).
    pub to: NaiveDate,
    /// Only this team.
    pub team: Option<String>,
    /// Only this strand.
    pub strand: Option<String>,
    /// Only this auditor.
    pub auditor: Option<String>,
    /// Only audits made with this template id.
    pub template: Option<String>,
    /// Only this standard (item id) in the per-standard figures and moderation agreement.
    pub standard: Option<String>,
}

impl ReportFilter {
    /// Every audit dated from `from` to `to` inclusive.
    pub fn between(from: NaiveDate, to: NaiveDate) -> Self {
        Self { from, to, team: None, strand: None, auditor: None, template: None, standard: None }
    }
}

/// How many audits each auditor is expected to complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpectedAudits {
    /// This many in each full quarter of active months (five in seed 000).
    PerQuarter(u32),
    /// This many in each active month (one QA activity per manager per month in seed 002).
    PerMonth(u32),
}

/// The expectations a report measures against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportSettings {
    /// Audits expected of each auditor.
    pub expected: ExpectedAudits,
    /// Months (1–12) with no QA activity expected: August and December in seed 002's ten-month
    /// cycle.
    pub paused_months: Vec<u32>,
    /// The day the report is made, for what is overdue.
    pub today: NaiveDate,
}

impl ReportSettings {
    /// The seeds' defaults: five audits per auditor per quarter, paused in August and December.
    pub fn new(today: NaiveDate) -> Self {
        Self { expected: ExpectedAudits::PerQuarter(5), paused_months: vec![8, 12], today }
    }
}

/// The question a figure answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Question {
    /// How much did we do?
    HowMuch,
    /// How well did we do it?
    HowWell,
    /// Is anyone better off?
    BetterOff,
    /// How figures move month by month and quarter by quarter.
    Trend,
    /// Expected against completed audits in the QA cycle.
    Cycle,
}

impl Question {
    /// Every question, in the order a report answers them.
    pub const ALL: [Question; 5] = [Self::HowMuch, Self::HowWell, Self::BetterOff, Self::Cycle, Self::Trend];

    /// The question in words.
    pub fn heading(self) -> &'static str {
        match self {
            Self::HowMuch => "How much did we do?",
            Self::HowWell => "How well did we do it?",
            Self::BetterOff => "Is anyone better off?",
            Self::Trend => "Trends",
            Self::Cycle => "Audits expected and completed",
        }
    }
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Measure {
    /// Audits submitted in the period (reflections apart).
    AuditsCompleted,
    /// Audits started and not yet submitted.
    AuditsInDraft,
    /// Moderations of audits in the period.
    Moderations,
    /// Actions agreed in completed audits.
    ActionsAgreed,
    /// Audits whose overall judgement is good or better.
    GoodOrBetter,
    /// Audits by overall grade.
    OverallGrade,
    /// A standard judged good or better.
    StandardGoodOrBetter,
    /// A standard by grade.
    StandardGrade,
    /// Standards whose auditor grade was confirmed at moderation.
    ModerationExactAgreement,
    /// Re-audited cases whose overall grade improved.
    ReauditImproved,
    /// Re-audited cases whose overall grade declined.
    ReauditDeclined,
    /// Actions completed by their due date.
    ActionsCompletedOnTime,
    /// Corrective action confirmed by the end of the month after a below-good audit.
    CorrectiveActionConfirmedInTime,
    /// Inadequate audits with a reflective discussion.
    ReflectiveDiscussionHeld,
    /// Audits of a child's case with the child's or young person's view recorded.
    ChildViewRecorded,
    /// Audits of a child's case with a parent's or carer's view recorded.
    FamilyViewRecorded,
    /// Audits completed against those expected in the QA cycle.
    AuditsExpectedCompleted,
    /// Audits dated in a month the QA cycle pauses.
    AuditsInPausedMonth,
}

impl Measure {
    /// What is counted, in words for reports people read.
    pub fn label(self) -> &'static str {
        match self {
            Self::AuditsCompleted => "Audits completed",
            Self::AuditsInDraft => "Audits still in draft",
            Self::Moderations => "Moderations",
            Self::ActionsAgreed => "Actions agreed",
            Self::GoodOrBetter => "Judged good or better overall",
            Self::OverallGrade => "Overall grade",
            Self::StandardGoodOrBetter => "Standard judged good or better",
            Self::StandardGrade => "Standard graded",
            Self::ModerationExactAgreement => "Grades confirmed at moderation",
            Self::ReauditImproved => "Re-audited cases that improved",
            Self::ReauditDeclined => "Re-audited cases that declined",
            Self::ActionsCompletedOnTime => "Actions completed by their due date",
            Self::CorrectiveActionConfirmedInTime => {
                "Corrective action confirmed by the end of the following month"
            }
            Self::ReflectiveDiscussionHeld => "Inadequate audits with a reflective discussion",
            Self::ChildViewRecorded => "Audits with the child's view recorded",
            Self::FamilyViewRecorded => "Audits with a parent's or carer's view recorded",
            Self::AuditsExpectedCompleted => "Audits completed against expected",
            Self::AuditsInPausedMonth => "Audits in a paused month",
        }
    }
}

/// What a figure is broken down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dimension {
    /// The audit's team (from its `team` header field).
    Team,
    /// The auditor's name.
    Auditor,
    /// The template id.
    Template,
    /// The role the auditor audited in (from the `auditor-role` header field).
    AuditorRole,
    /// A standard (item id).
    Standard,
    /// A grade code.
    Grade,
    /// A calendar month.
    Month,
    /// A UK financial-year quarter.
    Quarter,
}

impl Dimension {
    /// The dimension in words.
    pub fn label(self) -> &'static str {
        match self {
            Self::Team => "Team",
            Self::Auditor => "Auditor",
            Self::Template => "Template",
            Self::AuditorRole => "Auditor's role",
            Self::Standard => "Standard",
            Self::Grade => "Grade",
            Self::Month => "Month",
            Self::Quarter => "Quarter",
        }
    }
}

/// One figure: a count, usually out of a total, with the audits behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The question it answers.
    pub question: Question,
    /// What is counted.
    pub measure: Measure,
    /// The breakdown it belongs to, as (dimension, value) pairs; empty for the whole set.
    pub group: Vec<(Dimension, String)>,
    /// The count.
    pub count: usize,
    /// The total it is out of, for a share.
    pub of: Option<usize>,
    /// The audits behind the count, sorted.
    pub audits: Vec<AuditId>,
}

impl Figure {
    /// Whether the figure's breakdown is exactly `group`, in order.
    pub fn is_group(&self, group: &[(Dimension, &str)]) -> bool {
        self.group.len() == group.len()
            && self.group.iter().zip(group).all(|((dimension, value), (wanted, wanted_value))| {
                dimension == wanted && value == wanted_value
            })
    }

    /// The share `count / of`, when there is a non-zero total.
    pub fn share(&self) -> Option<f64> {
        self.of.filter(|total| *total > 0).map(|total| self.count as f64 / total as f64)
    }
}

/// A finished report.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// What it covers.
    pub filter: ReportFilter,
    /// The settings it measured against.
    pub settings: ReportSettings,
    /// The figures, grouped by question in [`Question`] order.
    pub figures: Vec<Figure>,
    /// What the reader should know about the data (e.g. audits whose template is missing).
    pub notes: Vec<String>,
}

impl Report {
    /// The first figure with this measure and breakdown, for tests and summaries.
    pub fn figure(&self, measure: Measure, group: &[(Dimension, &str)]) -> Option<&Figure> {
        self.figures.iter().find(|figure| figure.measure == measure && figure.is_group(group))
    }
}

/// A reason a report cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// The period ends before it starts.
    #[error("The report period ends ({to}) before it starts ({from}): check the dates")]
    PeriodBackwards {
        /// The first day asked for.
        from: NaiveDate,
        /// The last day asked for.
        to: NaiveDate,
    },
    /// A paused month is not a month.
    #[error("Paused month {0} is not a month: use 1 to 12")]
    NotAMonth(u32),
}

/// Builds the report on `audits` (with their moderations and templates) for `filter`.
pub fn build_report(
    audits: &[Audit],
    moderations: &[Moderation],
    templates: &[Template],
    filter: &ReportFilter,
    settings: &ReportSettings,
) -> Result<Report, ReportError> {
    if filter.to < filter.from {
        return Err(ReportError::PeriodBackwards { from: filter.from, to: filter.to });
    }
    if let Some(month) = settings.paused_months.iter().find(|month| !(1..=12).contains(*month)) {
        return Err(ReportError::NotAMonth(*month));
    }
    let scope = Scope::new(audits, moderations, templates, filter);
    let mut figures = Vec::new();
    how_much::figures(&scope, &mut figures);
    how_well::figures(&scope, &mut figures);
    better_off::figures(&scope, settings, &mut figures);
    trend::figures(&scope, &mut figures);
    cycle::figures(&scope, settings, &mut figures);
    Ok(Report { filter: filter.clone(), settings: settings.clone(), figures, notes: scope.notes() })
}

/// The finished audits (never a draft, never a reflection) that a report for `filter` counts as
/// completed, in id order: what the themes of the same period, team and template read.
pub fn completed_audits<'a>(
    audits: &'a [Audit],
    templates: &'a [Template],
    filter: &ReportFilter,
) -> Vec<&'a Audit> {
    let scope = Scope::new(audits, &[], templates, filter);
    // In id order already; the audits are found again in `audits` to outlive the filter.
    let ids: Vec<&AuditId> = scope.completed().map(|dated| &dated.audit.id).collect();
    let mut completed: Vec<&'a Audit> =
        audits.iter().filter(|audit| ids.binary_search(&&audit.id).is_ok()).collect();
    completed.sort_by(|a, b| a.id.cmp(&b.id));
    completed
}

#[cfg(test)]
mod tests;
