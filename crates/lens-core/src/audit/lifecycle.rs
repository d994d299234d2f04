//! Moving an audit through its lifecycle: a draft submitted (locked), then changed only by a
//! recorded amendment. Follow-up and closing are in `follow_up_events`. Each step returns the
//! new audit or every reason it cannot happen; the old value is untouched.

use chrono::NaiveDate;

use super::amendment::changes_between;
use super::{Amendment, AmendmentField, Audit, AuditProblem, AuditStatus, ProblemTarget};
use crate::template::Template;

/// The longest amendment reason accepted, in characters.
const MAX_REASON_CHARS: usize = 2_000;

fn status_problem(message: String) -> Vec<AuditProblem> {
    vec![AuditProblem::new(ProblemTarget::Audit, message)]
}

impl Audit {
    /// Whether the audit may be edited freely (only a draft may).
    pub fn is_editable(&self) -> bool {
        self.status == AuditStatus::Draft
    }

    /// Submits a draft: checks it against its template and locks it.
    pub fn submit(&self, template: &Template, today: NaiveDate) -> Result<Audit, Vec<AuditProblem>> {
        if self.status != AuditStatus::Draft {
            return Err(status_problem(format!(
                "This audit is already {}: change it through an amendment",
                self.status.label().to_lowercase()
            )));
        }
        let problems = self.check(template, today);
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut submitted =
            Audit { status: AuditStatus::Submitted, submitted_on: Some(today), ..self.clone() };
        // Dates may have been typed without leading zeros; the record keeps the ISO form.
        for field in template.header_fields.iter().filter(|field| field.kind == crate::FieldKind::Date) {
            if let Some(date) = super::parse_iso_date(submitted.header_value(&field.id)) {
                submitted.set_header_value(&field.id, &date.to_string());
            }
        }
        Ok(submitted)
    }

    /// Amends a submitted audit to `revised`, recording who changed what and why. The audit's
    /// identity, status, actions' progress and history come from `self`; only its answers,
    /// overall judgement and agreed actions come from `revised`, which must still pass the
    /// template's checks.
    pub fn amend(
        &self,
        revised: &Audit,
        template: &Template,
        by: &str,
        reason: &str,
        today: NaiveDate,
    ) -> Result<Audit, Vec<AuditProblem>> {
        if self.status == AuditStatus::Draft {
            return Err(status_problem("A draft is changed directly, not amended".to_owned()));
        }
        if self.status == AuditStatus::Closed {
            return Err(status_problem("This audit is closed: reopen it to amend it".to_owned()));
        }
        // An action's progress is follow-up, recorded as events: an amendment keeps it as held.
        let actions = revised
            .actions
            .iter()
            .map(|action| match self.actions.iter().find(|held| held.id == action.id) {
                Some(held) => {
                    super::Action { status: held.status, completed_on: held.completed_on, ..action.clone() }
                }
                None => {
                    super::Action { status: super::ActionStatus::Open, completed_on: None, ..action.clone() }
                }
            })
            .collect();
        let mut amended = Audit {
            case_reference: revised.case_reference.trim().to_owned(),
            auditor: revised.auditor.trim().to_owned(),
            responses: revised.responses.clone(),
            header: revised.header.clone(),
            overall: revised.overall.clone(),
            actions,
            ..self.clone()
        };
        let mut problems = Vec::new();
        if by.trim().is_empty() {
            problems.push(AuditProblem::new(
                ProblemTarget::Amendment(AmendmentField::By),
                "Enter your name to amend the audit",
            ));
        }
        if reason.trim().is_empty() {
            problems.push(AuditProblem::new(
                ProblemTarget::Amendment(AmendmentField::Reason),
                "Enter why the audit is being amended",
            ));
        } else if reason.chars().count() > MAX_REASON_CHARS {
            problems.push(AuditProblem::new(
                ProblemTarget::Amendment(AmendmentField::Reason),
                format!("The reason must be {MAX_REASON_CHARS} characters or fewer"),
            ));
        }
        let mut changes = changes_between(self, &amended);
        changes.sort_by_cached_key(|change| change.field.form_position(template, &amended));
        if changes.is_empty() {
            problems.push(AuditProblem::new(
                ProblemTarget::Audit,
                "Nothing was changed: there is nothing to amend",
            ));
        }
        problems.extend(amended.check(template, today));
        if !problems.is_empty() {
            return Err(problems);
        }
        amended.amendments.push(Amendment {
            on: today,
            by: by.trim().to_owned(),
            reason: reason.trim().to_owned(),
            changes,
        });
        Ok(amended)
    }
}
