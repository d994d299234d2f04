//! Amendments: the only way a submitted audit changes. Each records who changed what, when
//! and why, with the values before and after.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::{ActionField, Audit, FieldPath, AUDITOR_FIELD, CASE_REFERENCE_FIELD};

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

/// Every field that differs between two versions of an audit, in a stable order: header
/// fields, then each item's grade and narrative, the overall judgement, then each action's parts.
pub(crate) fn changes_between(before: &Audit, after: &Audit) -> Vec<FieldChange> {
    let header_ids: BTreeSet<&str> = [AUDITOR_FIELD, CASE_REFERENCE_FIELD]
        .into_iter()
        .chain(before.header.keys().map(String::as_str))
        .chain(after.header.keys().map(String::as_str))
        .collect();
    let item_ids: BTreeSet<&String> = before.responses.keys().chain(after.responses.keys()).collect();
    let action_ids: BTreeSet<&String> =
        before.actions.iter().chain(&after.actions).map(|action| &action.id).collect();
    let fields = header_ids
        .into_iter()
        .map(|id| FieldPath::Header(id.to_owned()))
        .chain(
            item_ids
                .into_iter()
                .flat_map(|id| [FieldPath::Grade(id.clone()), FieldPath::Narrative(id.clone())]),
        )
        .chain([FieldPath::Overall])
        .chain(
            action_ids
                .into_iter()
                .flat_map(|id| ActionField::ALL.map(|part| FieldPath::Action(id.clone(), part))),
        );
    fields
        .filter_map(|field| {
            let (old, new) = (before.value_at(&field), after.value_at(&field));
            (old != new).then_some(FieldChange { field, before: old, after: new })
        })
        .collect()
}
