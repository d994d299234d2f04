//! The follow-up the seeds require after an audit, worked out from the audit, its template and
//! the day asked about. A draft needs none; a submitted, moderated or closed audit needs, in
//! this order:
//!
//! - Corrective action confirmed (003 §2.7): when the overall grade stands below good (the
//!   grade agreed at moderation where there is one), the service manager confirms the
//!   corrective action was completed by the last day of the month after the one the audit is
//!   dated in (its template's first date field, else the day it was submitted, else its start).
//!   An audit moderated down from good or better to below good is due by the end of the month
//!   after its moderation.
//!   It is done on the day recorded in `corrective_action_confirmed_on`.
//! - A post-audit reflective discussion (001 §4.2): when the overall grade is inadequate. It has
//!   no due day, so it is never overdue; it is done on `reflective_discussion_on`.
//! - Each agreed action that is not cancelled, by its own due day: done once its status is done
//!   (on its completion day, or the day asked about when none was recorded).
//!
//! A follow-up not done is overdue once its due day has passed, and due until then (or always,
//! without a due day). An audit is closed only when every follow-up is done.

use chrono::{Datelike, Months, NaiveDate};

use super::Audit;
use crate::template::{Grade, GradeStanding, Template};
use crate::Moderation;

/// What has been done about the follow-up rules, recorded on the audit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUpRecord {
    /// The day the service manager confirmed the corrective action was completed.
    pub corrective_action_confirmed_on: Option<NaiveDate>,
    /// The day the post-audit reflective discussion took place.
    pub reflective_discussion_on: Option<NaiveDate>,
    /// Everything recorded about the follow-up, oldest first (records made before follow-up
    /// was recorded as events have none).
    pub events: Vec<super::FollowUpEvent>,
}

/// Which follow-up is meant.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FollowUpKind {
    /// The service manager confirms corrective action was completed.
    CorrectiveActionConfirmation,
    /// A post-audit reflective discussion with the practitioner and manager.
    ReflectiveDiscussion,
    /// An agreed action, by id.
    Action(String),
}

/// Where a follow-up stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpState {
    /// Still to do, not yet late.
    Due,
    /// Still to do and late.
    Overdue,
    /// Done on this day.
    Done(NaiveDate),
}

/// One follow-up an audit needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// Which follow-up.
    pub kind: FollowUpKind,
    /// The last day it is due, when there is one.
    pub due_on: Option<NaiveDate>,
    /// Where it stands.
    pub state: FollowUpState,
    /// What is needed and why, in words.
    pub message: String,
}

impl FollowUp {
    /// What it waits for, as an instruction: "Confirm the corrective action by 31 January
    /// 2027", "Hold the post-audit reflective discussion", or the action and its owner.
    pub fn waits_for(&self) -> String {
        let by = |what: &str| match self.due_on {
            Some(due) => format!("{what} by {}", due.format("%-d %B %Y")),
            None => what.to_owned(),
        };
        match self.kind {
            FollowUpKind::CorrectiveActionConfirmation => by("Confirm the corrective action"),
            FollowUpKind::ReflectiveDiscussion => by("Hold the post-audit reflective discussion"),
            FollowUpKind::Action(_) => self.message.clone(),
        }
    }
}

/// The last day of the month after the one `date` falls in.
pub fn end_of_following_month(date: NaiveDate) -> NaiveDate {
    let first_of_month = date.with_day(1).unwrap_or(date);
    first_of_month
        .checked_add_months(Months::new(2))
        .and_then(|first| first.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// Why corrective action is needed and by when: the overall grade counted stands below good.
struct CorrectiveActionNeed<'t> {
    /// The overall grade counted (agreed at moderation where there is one).
    counted: &'t Grade,
    /// The auditor's own overall grade.
    auditor: Option<&'t Grade>,
    /// Whether moderation took the grade below good from good or better.
    moderated_down: bool,
    due_on: NaiveDate,
}

impl CorrectiveActionNeed<'_> {
    /// How the grade came about, in words that open the follow-up's message.
    fn graded_as(&self) -> String {
        match (self.moderated_down, self.auditor) {
            (true, Some(auditor)) => format!(
                "Agreed at moderation as {} overall (the auditor graded {})",
                self.counted.label, auditor.label
            ),
            (true, None) => format!("Agreed at moderation as {} overall", self.counted.label),
            (false, _) => format!("Graded {} overall", self.counted.label),
        }
    }
}

impl Audit {
    /// The last day for the service manager to confirm corrective action, when the overall
    /// grade counted stands below good: the follow-up rule and the report use this one day.
    pub fn corrective_action_due(
        &self,
        template: &Template,
        moderation: Option<&Moderation>,
    ) -> Option<NaiveDate> {
        self.corrective_action_need(template, moderation).map(|need| need.due_on)
    }

    fn corrective_action_need<'t>(
        &self,
        template: &'t Template,
        moderation: Option<&Moderation>,
    ) -> Option<CorrectiveActionNeed<'t>> {
        let scale = template.scale.as_ref()?;
        let counted = scale.grade(&self.counted_overall(template, moderation)?)?;
        if !counted.standing.is_below_good() {
            return None;
        }
        let auditor = self.overall_grade(template).and_then(|code| scale.grade(&code));
        // Moderated down from good or better: nobody knew corrective action was needed until
        // the moderation, so the month after it counts.
        let moderated_down =
            moderation.filter(|_| auditor.is_none_or(|auditor| !auditor.standing.is_below_good()));
        let due_on = match moderated_down {
            Some(moderation) => end_of_following_month(moderation.moderated_on),
            None => end_of_following_month(self.audited_on(Some(template))),
        };
        Some(CorrectiveActionNeed { counted, auditor, moderated_down: moderated_down.is_some(), due_on })
    }

    /// The follow-ups this audit needs on `today`, in the order: corrective action, reflective
    /// discussion, then actions in their own order. A draft needs none yet. The overall grade
    /// is the one agreed at `moderation` where there is one.
    pub fn follow_ups(
        &self,
        template: &Template,
        moderation: Option<&Moderation>,
        today: NaiveDate,
    ) -> Vec<FollowUp> {
        if self.status == super::AuditStatus::Draft {
            return Vec::new();
        }
        let mut follow_ups = Vec::new();
        if let Some(need) = self.corrective_action_need(template, moderation) {
            let graded = need.graded_as();
            follow_ups.push(FollowUp {
                kind: FollowUpKind::CorrectiveActionConfirmation,
                due_on: Some(need.due_on),
                state: state(self.follow_up.corrective_action_confirmed_on, Some(need.due_on), today),
                message: format!(
                    "{graded}: the service manager confirms corrective action was completed by {}",
                    need.due_on.format("%-d %B %Y")
                ),
            });
            if need.counted.standing == GradeStanding::Inadequate {
                follow_ups.push(FollowUp {
                    kind: FollowUpKind::ReflectiveDiscussion,
                    due_on: None,
                    state: state(self.follow_up.reflective_discussion_on, None, today),
                    message: format!("{graded}: hold a post-audit reflective discussion"),
                });
            }
        }
        for action in self.actions.iter().filter(|action| action.status != super::ActionStatus::Cancelled) {
            let done_on = if action.status == super::ActionStatus::Done {
                Some(action.completed_on.unwrap_or(today))
            } else {
                None
            };
            follow_ups.push(FollowUp {
                kind: FollowUpKind::Action(action.id.clone()),
                due_on: action.due_on,
                state: state(done_on, action.due_on, today),
                message: action.what_and_owner(),
            });
        }
        follow_ups
    }
}

fn state(done_on: Option<NaiveDate>, due_on: Option<NaiveDate>, today: NaiveDate) -> FollowUpState {
    match (done_on, due_on) {
        (Some(done), _) => FollowUpState::Done(done),
        (None, Some(due)) if due < today => FollowUpState::Overdue,
        _ => FollowUpState::Due,
    }
}
