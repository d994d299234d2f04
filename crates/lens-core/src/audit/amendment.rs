//! Amendments: the only way a submitted audit changes. Each records who changed what, when
//! and why, with the values before and after.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::{Action, ActionField, Audit, FieldPath, AUDITOR_FIELD, CASE_REFERENCE_FIELD};

/// One recorded change to a submitted audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amendment {
    /// The day it was made.
    pub on: NaiveDate,
    /// Who made it.
    pub by: String,
    /// Why, in the amender's words.
    pub reason: String,
    /// Every field that changed.
    pub changes: Vec<FieldChange>,
}

/// One field's value before and after an amendment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// Which field.
    pub field: FieldPath,
    /// The value before (empty when there was none).
    pub before: String,
    /// The value after (empty when there is none).
    pub after: String,
}

/// Every field that differs between two versions of an audit, in a stable order.
pub(super) fn changes_between(before: &Audit, after: &Audit) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    let mut push = |field: FieldPath, old: &str, new: &str| {
        if old != new {
            changes.push(FieldChange { field, before: old.to_owned(), after: new.to_owned() });
        }
    };
    let header_ids: BTreeSet<&str> = [AUDITOR_FIELD, CASE_REFERENCE_FIELD]
        .into_iter()
        .chain(before.header.keys().map(String::as_str))
        .chain(after.header.keys().map(String::as_str))
        .collect();
    for id in header_ids {
        push(FieldPath::Header(id.to_owned()), before.header_value(id), after.header_value(id));
    }
    let item_ids: BTreeSet<&String> = before.responses.keys().chain(after.responses.keys()).collect();
    for id in item_ids {
        let old = before.responses.get(id);
        let new = after.responses.get(id);
        let grade = |response: Option<&super::ItemResponse>| {
            response.and_then(|r| r.grade.clone()).unwrap_or_default()
        };
        let narrative = |response: Option<&super::ItemResponse>| {
            response.map(|r| r.narrative.clone()).unwrap_or_default()
        };
        push(FieldPath::Grade(id.clone()), &grade(old), &grade(new));
        push(FieldPath::Narrative(id.clone()), &narrative(old), &narrative(new));
    }
    push(FieldPath::Overall, before.overall.as_deref().unwrap_or(""), after.overall.as_deref().unwrap_or(""));
    let action_ids: BTreeSet<&String> =
        before.actions.iter().chain(&after.actions).map(|action| &action.id).collect();
    for id in action_ids {
        let find = |audit: &Audit| audit.actions.iter().find(|action| &action.id == id).cloned();
        let (old, new) = (find(before), find(after));
        let due = |action: &Option<Action>| {
            action.as_ref().and_then(|a| a.due_on).map(|d| d.to_string()).unwrap_or_default()
        };
        let text = |action: &Option<Action>, part: fn(&Action) -> &String| {
            action.as_ref().map(|a| part(a).clone()).unwrap_or_default()
        };
        push(
            FieldPath::Action(id.clone(), ActionField::What),
            &text(&old, |a| &a.what),
            &text(&new, |a| &a.what),
        );
        push(
            FieldPath::Action(id.clone(), ActionField::Owner),
            &text(&old, |a| &a.owner),
            &text(&new, |a| &a.owner),
        );
        push(FieldPath::Action(id.clone(), ActionField::DueOn), &due(&old), &due(&new));
    }
    changes
}
