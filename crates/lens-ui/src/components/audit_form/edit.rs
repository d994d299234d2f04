//! One change a person makes on the audit form, applied to the audit in one place.

use lens_core::{Action, Audit};

/// The part of an action being changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ActionPart {
    What,
    Owner,
    DueOn,
    Status,
}

/// A change to the audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Edit {
    /// A header answer, by field id.
    Header(String, String),
    /// An item's grade code, by item id.
    Grade(String, String),
    /// An item's narrative, by item id.
    Narrative(String, String),
    /// Drafted narratives, by item id, each put only where nothing is written yet: what the
    /// person typed is never replaced.
    FillEmptyNarratives(Vec<(String, String)>),
    /// The overall judgement's code.
    Overall(String),
    /// A new, empty action with this id.
    AddAction(String),
    /// Remove the action at this position.
    RemoveAction(usize),
    /// Change part of the action at this position.
    Action(usize, ActionPart, String),
}

/// Applies a change. Returns whether anything changed, so unchanged input is not saved.
pub(crate) fn apply(audit: &mut Audit, edit: Edit) -> bool {
    let before = audit.clone();
    match edit {
        Edit::Header(field, value) => audit.set_header_value(&field, &value),
        Edit::Grade(item, code) => audit.responses.entry(item).or_default().grade = Some(code),
        Edit::Narrative(item, text) => audit.responses.entry(item).or_default().narrative = text,
        Edit::FillEmptyNarratives(drafts) => {
            for (item, text) in drafts {
                let response = audit.responses.entry(item).or_default();
                if response.narrative.trim().is_empty() {
                    response.narrative = text;
                }
            }
        }
        Edit::Overall(code) => audit.overall = Some(code),
        Edit::AddAction(id) => audit.actions.push(Action::new(id, "", "", None)),
        Edit::RemoveAction(index) => {
            if index < audit.actions.len() {
                audit.actions.remove(index);
            }
        }
        Edit::Action(index, part, value) => {
            if let Some(action) = audit.actions.get_mut(index) {
                match part {
                    ActionPart::What => action.what = value,
                    ActionPart::Owner => action.owner = value,
                    ActionPart::DueOn => action.due_on = lens_core::parse_iso_date(&value),
                    ActionPart::Status => {
                        if let Some(status) = lens_store::audit_record::parse_action_status(&value) {
                            action.status = status;
                        }
                    }
                }
            }
        }
    }
    *audit != before
}

#[cfg(test)]
mod tests {
    use super::*;
    use lens_core::{AuditId, ItemResponse, NewAudit, TemplateRef};

    fn audit() -> Audit {
        let typed = NewAudit { case_reference: "CF-1".into(), auditor: "Sam".into() };
        typed
            .start(
                AuditId::new("a"),
                TemplateRef::new("t", 1),
                chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            )
            .unwrap()
    }

    #[test]
    fn edits_change_the_audit_and_say_whether_they_did() {
        let mut audit = audit();
        assert!(apply(&mut audit, Edit::Grade("risk".into(), "G".into())));
        assert!(!apply(&mut audit, Edit::Grade("risk".into(), "G".into())));
        assert!(apply(&mut audit, Edit::Narrative("risk".into(), "Seen alone.".into())));
        assert_eq!(
            audit.responses["risk"],
            ItemResponse { grade: Some("G".into()), narrative: "Seen alone.".into() }
        );
        let drafts =
            vec![("risk".to_owned(), "Drafted.".to_owned()), ("plan".to_owned(), "Drafted plan.".to_owned())];
        assert!(apply(&mut audit, Edit::FillEmptyNarratives(drafts.clone())));
        assert_eq!(audit.responses["risk"].narrative, "Seen alone.", "what was typed stays");
        assert_eq!(audit.responses["plan"].narrative, "Drafted plan.");
        assert!(!apply(&mut audit, Edit::FillEmptyNarratives(drafts)), "nothing left empty to fill");
        assert!(apply(&mut audit, Edit::Header("case-reference".into(), "CF-2".into())));
        assert_eq!(audit.case_reference, "CF-2");
        assert!(apply(&mut audit, Edit::AddAction("x1".into())));
        assert!(apply(&mut audit, Edit::Action(0, ActionPart::DueOn, "2026-12-01".into())));
        assert!(apply(&mut audit, Edit::Action(0, ActionPart::Status, "done".into())));
        assert!(!apply(&mut audit, Edit::Action(0, ActionPart::Status, "finished".into())));
        assert_eq!(audit.actions[0].status, lens_core::ActionStatus::Done);
        assert!(!apply(&mut audit, Edit::RemoveAction(3)));
        assert!(apply(&mut audit, Edit::RemoveAction(0)));
        assert!(audit.actions.is_empty());
    }
}
