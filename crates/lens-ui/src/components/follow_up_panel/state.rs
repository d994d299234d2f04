//! What the follow-up panel holds: which form is open, what is typed in it, and the problems of
//! the last try; and reading what is typed into a step the core records. No yew here: every
//! transition and every reading is tested natively.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use lens_core::{
    ActionField, ActionProgress, ActionStatus, Audit, AuditProblem, CaseHolderDiscussion,
    CorrectiveActionConfirmation, FamilyFeedback, FeedbackFrom, FindingsRecipient, FindingsSharing,
    FollowUpField, ManagementResponse, Moderation, ProblemTarget, RecipientRole, ReflectiveDiscussion,
    Template, TypedDirection,
};

use crate::components::form::TypedDate;

/// The follow-up forms, one open at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FollowUpForm {
    Progress,
    Confirm,
    Discussion,
    Close,
    Reopen,
    /// Who the findings were shared with.
    Share,
    /// The line manager's management response and directions.
    Respond,
    /// The discussion with the case holder.
    CaseHolder,
    /// Feedback from the child or from a parent or carer.
    Feedback,
}

impl FollowUpForm {
    /// The form's heading, and the button that opens it.
    pub fn title(self) -> &'static str {
        match self {
            Self::Progress => "Record progress on an action",
            Self::Confirm => "Confirm the corrective action",
            Self::Discussion => "Record the reflective discussion",
            Self::Close => "Close this audit",
            Self::Reopen => "Reopen this audit",
            Self::Share => "Record who the findings were shared with",
            Self::Respond => "Record the management response",
            Self::CaseHolder => "Record the discussion with the case holder",
            Self::Feedback => "Record the child's or family's view",
        }
    }

    /// Whether it is about the findings shared and answered rather than the follow-up rules.
    pub fn is_about_findings(self) -> bool {
        matches!(self, Self::Share | Self::Respond | Self::CaseHolder | Self::Feedback)
    }

    /// What the person is told once it is recorded.
    pub fn done(self) -> &'static str {
        match self {
            Self::Progress => "The action's progress is recorded",
            Self::Confirm => "The corrective action is confirmed",
            Self::Discussion => "The reflective discussion is recorded",
            Self::Close => "The audit is closed",
            Self::Reopen => "The audit is reopened",
            Self::Share => "Who the findings were shared with is recorded",
            Self::Respond => {
                "The management response is recorded; each direction is now an action to follow up"
            }
            Self::CaseHolder => "The discussion with the case holder is recorded",
            Self::Feedback => "The view is recorded beside the grades",
        }
    }
}

/// What is typed in the open form. The name stays from one form to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Typed {
    pub by: String,
    /// The action chosen, by id.
    pub action: String,
    pub status: Option<ActionStatus>,
    /// A date as typed, `year-month-day`.
    pub on: String,
    /// The note, what was done or what was agreed.
    pub text: String,
    pub who_took_part: String,
    pub reason: String,
    /// The roles the findings went to, ticked.
    pub recipients: BTreeSet<RecipientRole>,
    /// Each role's name as typed (kept when unticked and ticked again).
    pub recipient_names: BTreeMap<RecipientRole, String>,
    /// The directions as typed; a response form opens with one.
    pub directions: Vec<TypedDirectionText>,
    pub grades_discussed: Option<bool>,
    /// Whose view the feedback is.
    pub feedback_from: Option<FeedbackFrom>,
    pub how_gathered: String,
    pub worker_response: String,
}

/// One direction as typed, its due day as the date input holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TypedDirectionText {
    pub what: String,
    pub owner: String,
    pub due_on: String,
}

impl TypedDirectionText {
    fn is_blank(&self) -> bool {
        self.what.trim().is_empty()
            && self.owner.trim().is_empty()
            && self.due_on.trim_matches('-').is_empty()
    }
}

/// A change to the panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PanelChange {
    /// Opens a form; for progress, on this action with its present status.
    Open(FollowUpForm, Option<(String, ActionStatus)>),
    Cancel,
    By(String),
    Action(String, ActionStatus),
    Status(ActionStatus),
    On(String),
    Text(String),
    WhoTookPart(String),
    Reason(String),
    Recipient(RecipientRole, bool),
    RecipientName(RecipientRole, String),
    Direction(usize, ActionField, String),
    AddDirection,
    RemoveDirection(usize),
    GradesDiscussed(bool),
    FeedbackFrom(FeedbackFrom),
    HowGathered(String),
    WorkerResponse(String),
    Refused(Vec<AuditProblem>),
    /// Recorded; the form closes and says so.
    Recorded,
}

/// Everything the panel holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PanelState {
    pub open: Option<FollowUpForm>,
    pub typed: Typed,
    pub problems: Vec<AuditProblem>,
    /// Counts refused tries, so focus moves to the error summary each time.
    pub attempt: u32,
    /// The form last recorded, to say so.
    pub recorded: Option<FollowUpForm>,
    /// Counts what was recorded, so focus moves to the confirmation each time.
    pub times_recorded: u32,
}

impl PanelState {
    /// The state after `change`.
    pub fn apply(&self, change: PanelChange) -> Self {
        let mut next = self.clone();
        match change {
            PanelChange::Open(form, action) => {
                next = Self {
                    typed: Typed { by: self.typed.by.clone(), ..Typed::default() },
                    ..Self::default()
                };
                next.open = Some(form);
                if form == FollowUpForm::Respond {
                    next.typed.directions = vec![TypedDirectionText::default()];
                }
                if let Some((id, status)) = action {
                    next.typed.action = id;
                    next.typed.status = Some(status);
                }
            }
            PanelChange::Cancel => {
                next.open = None;
                next.problems.clear();
            }
            PanelChange::By(by) => next.typed.by = by,
            PanelChange::Action(id, status) => {
                next.typed.action = id;
                next.typed.status = Some(status);
            }
            PanelChange::Status(status) => next.typed.status = Some(status),
            PanelChange::On(on) => next.typed.on = on,
            PanelChange::Text(text) => next.typed.text = text,
            PanelChange::WhoTookPart(who) => next.typed.who_took_part = who,
            PanelChange::Reason(reason) => next.typed.reason = reason,
            PanelChange::Recipient(role, true) => {
                next.typed.recipients.insert(role);
            }
            PanelChange::Recipient(role, false) => {
                next.typed.recipients.remove(&role);
            }
            PanelChange::RecipientName(role, name) => {
                next.typed.recipient_names.insert(role, name);
            }
            PanelChange::Direction(position, part, value) => {
                if let Some(direction) = next.typed.directions.get_mut(position) {
                    match part {
                        ActionField::What => direction.what = value,
                        ActionField::Owner => direction.owner = value,
                        ActionField::DueOn => direction.due_on = value,
                    }
                }
            }
            PanelChange::AddDirection => next.typed.directions.push(TypedDirectionText::default()),
            PanelChange::RemoveDirection(position) => {
                if position < next.typed.directions.len() {
                    next.typed.directions.remove(position);
                }
                // Problems point at directions by position: after a removal they point wrong.
                next.problems.clear();
            }
            PanelChange::GradesDiscussed(discussed) => next.typed.grades_discussed = Some(discussed),
            PanelChange::FeedbackFrom(from) => next.typed.feedback_from = Some(from),
            PanelChange::HowGathered(how) => next.typed.how_gathered = how,
            PanelChange::WorkerResponse(response) => next.typed.worker_response = response,
            PanelChange::Refused(problems) => {
                next.problems = problems;
                next.attempt += 1;
            }
            PanelChange::Recorded => {
                next.recorded = next.open.take();
                next.times_recorded += 1;
                next.problems.clear();
                next.typed = Typed { by: self.typed.by.clone(), ..Typed::default() };
            }
        }
        next
    }
}

/// What the core needs to record `form` as typed, with the problems of the typing itself (a
/// date that is not a date) found first.
pub(crate) struct Attempt<'a> {
    pub audit: &'a Audit,
    pub template: &'a Template,
    pub moderation: Option<&'a Moderation>,
    pub today: NaiveDate,
}

fn date_problem(message: &str) -> AuditProblem {
    AuditProblem { target: ProblemTarget::FollowUp(FollowUpField::On), message: message.to_owned() }
}

impl Attempt<'_> {
    /// The audit with `form` recorded as `typed`, or every problem.
    pub fn record(&self, form: FollowUpForm, typed: &Typed) -> Result<Audit, Vec<AuditProblem>> {
        let (audit, by, today) = (self.audit, typed.by.as_str(), self.today);
        let on = TypedDate::read(&typed.on);
        match form {
            FollowUpForm::Progress => {
                let Some(status) = typed.status else {
                    return Err(vec![AuditProblem {
                        target: ProblemTarget::FollowUp(FollowUpField::Status),
                        message: "Choose where the action stands".to_owned(),
                    }]);
                };
                let done = status == ActionStatus::Done;
                let unreadable = (done && on == TypedDate::NotADate).then(|| {
                    date_problem("Enter the day the action was done as a real date, for example 27 3 2026")
                });
                let completed_on = if done { on.day() } else { None };
                let progress = ActionProgress {
                    action: typed.action.clone(),
                    status,
                    completed_on,
                    note: typed.text.clone(),
                };
                with_date_problem(unreadable, audit.record_action_progress(&progress, by, today))
            }
            FollowUpForm::Confirm => {
                let (confirmed_on, unreadable) =
                    required_day(on, "the corrective action was confirmed", today);
                let confirmation =
                    CorrectiveActionConfirmation { confirmed_on, what_was_done: typed.text.clone() };
                let outcome =
                    audit.confirm_corrective_action(self.template, self.moderation, &confirmation, by, today);
                with_date_problem(unreadable, outcome)
            }
            FollowUpForm::Discussion => {
                let (held_on, unreadable) = required_day(on, "the discussion was held", today);
                let discussion = ReflectiveDiscussion {
                    held_on,
                    who_took_part: typed.who_took_part.clone(),
                    agreed: typed.text.clone(),
                };
                let outcome = audit.record_reflective_discussion(
                    self.template,
                    self.moderation,
                    &discussion,
                    by,
                    today,
                );
                with_date_problem(unreadable, outcome)
            }
            FollowUpForm::Close => audit.close(self.template, self.moderation, by, today),
            FollowUpForm::Reopen => audit.reopen(by, &typed.reason, today),
            FollowUpForm::Share => {
                let (shared_on, unreadable) = required_day(on, "the findings were shared", today);
                let recipients = RecipientRole::ALL
                    .into_iter()
                    .filter(|role| typed.recipients.contains(role))
                    .map(|role| FindingsRecipient {
                        role,
                        name: typed.recipient_names.get(&role).cloned().unwrap_or_default(),
                    })
                    .collect();
                let sharing = FindingsSharing { shared_on, recipients };
                with_date_problem(unreadable, audit.share_findings(&sharing, by, today))
            }
            FollowUpForm::Respond => self.respond(typed, on),
            FollowUpForm::Feedback => {
                let (gathered_on, unreadable) = required_day(on, "the view was gathered", today);
                let feedback = FamilyFeedback {
                    from: typed.feedback_from,
                    gathered_on,
                    how_gathered: typed.how_gathered.clone(),
                    what_they_said: typed.text.clone(),
                    worker_response: typed.worker_response.clone(),
                };
                with_date_problem(
                    unreadable,
                    audit.record_family_feedback(self.template, &feedback, by, today),
                )
            }
            FollowUpForm::CaseHolder => {
                let (held_on, unreadable) = required_day(on, "the discussion was held", today);
                let discussion = CaseHolderDiscussion {
                    held_on,
                    grades_discussed: typed.grades_discussed,
                    comment: typed.text.clone(),
                };
                with_date_problem(unreadable, audit.record_case_holder_discussion(&discussion, by, today))
            }
        }
    }

    /// The management response as typed: blank directions at the end are dropped (a response
    /// may give none), and a due day that is not a real date is said so in place of the core's
    /// "enter the day".
    fn respond(&self, typed: &Typed, on: TypedDate) -> Result<Audit, Vec<AuditProblem>> {
        let (responded_on, unreadable) = required_day(on, "the response was given", self.today);
        let given =
            typed.directions.iter().rposition(|direction| !direction.is_blank()).map_or(0, |last| last + 1);
        let kept = &typed.directions[..given];
        let mut not_dates = Vec::new();
        let directions = kept
            .iter()
            .enumerate()
            .map(|(position, direction)| {
                let due = TypedDate::read(&direction.due_on);
                if due == TypedDate::NotADate {
                    not_dates.push(AuditProblem {
                        target: ProblemTarget::FollowUp(FollowUpField::Direction(position, ActionField::DueOn)),
                        message: format!(
                            "Enter the day direction {} is to be done by as a real date, for example 27 3 2026",
                            position + 1
                        ),
                    });
                }
                TypedDirection { what: direction.what.clone(), owner: direction.owner.clone(), due_on: due.day() }
            })
            .collect();
        let response = ManagementResponse { responded_on, oversight: typed.text.clone(), directions };
        let outcome = self.audit.record_management_response(&response, &typed.by, self.today);
        let outcome = match outcome {
            Err(mut problems) if !not_dates.is_empty() => {
                for not_a_date in not_dates {
                    match problems.iter_mut().find(|problem| problem.target == not_a_date.target) {
                        Some(problem) => *problem = not_a_date,
                        None => problems.push(not_a_date),
                    }
                }
                Err(problems)
            }
            outcome => outcome,
        };
        with_date_problem(unreadable, outcome)
    }
}

/// The day typed, or `today` in its place with the problem to show, so the core still checks
/// everything else.
fn required_day(on: TypedDate, what: &str, today: NaiveDate) -> (NaiveDate, Option<AuditProblem>) {
    match on {
        TypedDate::Day(day) => (day, None),
        TypedDate::Empty => (today, Some(date_problem(&format!("Enter the day {what}")))),
        TypedDate::NotADate => (
            today,
            Some(date_problem(&format!("Enter the day {what} as a real date, for example 27 3 2026"))),
        ),
    }
}

/// The core's outcome with a date that could not be read: never recorded, its problem in the
/// date's place among the core's (after the name), and the core's own word on the date dropped.
fn with_date_problem(
    unreadable: Option<AuditProblem>,
    outcome: Result<Audit, Vec<AuditProblem>>,
) -> Result<Audit, Vec<AuditProblem>> {
    let Some(unreadable) = unreadable else { return outcome };
    let on = ProblemTarget::FollowUp(FollowUpField::On);
    let mut problems: Vec<AuditProblem> =
        outcome.err().unwrap_or_default().into_iter().filter(|problem| problem.target != on).collect();
    let by = ProblemTarget::FollowUp(FollowUpField::By);
    let at = problems
        .iter()
        .take_while(|problem| problem.target == ProblemTarget::Audit || problem.target == by)
        .count();
    problems.insert(at, unreadable);
    Err(problems)
}

#[cfg(test)]
mod tests;
