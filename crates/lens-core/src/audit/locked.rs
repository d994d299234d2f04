//! A submitted audit is locked: its answers change only through recorded amendments. These are
//! the checks that hold the lock when records travel between devices.
//!
//! - [`Audit::unrecorded_changes`] compares a held copy with a later revision of it (a merge or
//!   an import): the later one must keep every amendment already recorded, and its new
//!   amendments, applied in order from the held answers, must explain every difference.
//! - [`Audit::amendment_record_problems`] checks one copy on its own (`lens validate`): each
//!   field's changes chain (a change starts where the one before it ended) and its last recorded
//!   value is what the audit holds.
//!
//! Follow-up (action progress, confirmations) and moderation marks are not answers: they change
//! without an amendment. Follow-up recorded as events is kept, though: a later revision must hold
//! every event the held copy has, in order, and may only add to them. A management response's
//! directions become actions, so the actions its new events add count as held.

use std::collections::BTreeMap;

use super::amendment::changes_between;
use super::{ActionField, Audit, AuditStatus, FieldPath};

/// A value quoted in a message, cut short so a long narrative stays readable.
fn quoted(value: &str) -> String {
    const SHOWN: usize = 40;
    if value.chars().count() <= SHOWN {
        format!("\"{value}\"")
    } else {
        format!("\"{}…\"", value.chars().take(SHOWN).collect::<String>())
    }
}

/// The field in words, without a template.
fn field_words(path: &FieldPath) -> String {
    match path {
        FieldPath::Header(id) => format!("the header field \"{id}\""),
        FieldPath::Grade(id) => format!("the grade of standard \"{id}\""),
        FieldPath::Narrative(id) => format!("the narrative of standard \"{id}\""),
        FieldPath::Overall => "the overall judgement".to_owned(),
        FieldPath::Action(id, part) => format!("the {} of action \"{id}\"", part.label()),
    }
}

impl Audit {
    /// Every answer that differs between this copy and `other` (header fields, grades,
    /// narratives, the overall judgement, actions), in form order: what an import shows side by
    /// side when two copies of one audit disagree.
    pub fn differences(&self, other: &Audit) -> Vec<super::FieldChange> {
        changes_between(self, other)
    }

    /// The value of the field `path` names, as an amendment records it ("" when there is none).
    pub fn value_at(&self, path: &FieldPath) -> String {
        let action = |id: &str| self.actions.iter().find(|action| action.id == id);
        match path {
            FieldPath::Header(id) => self.header_value(id).to_owned(),
            FieldPath::Grade(id) => {
                self.responses.get(id).and_then(|response| response.grade.clone()).unwrap_or_default()
            }
            FieldPath::Narrative(id) => {
                self.responses.get(id).map(|response| response.narrative.clone()).unwrap_or_default()
            }
            FieldPath::Overall => self.overall.clone().unwrap_or_default(),
            FieldPath::Action(id, ActionField::What) => {
                action(id).map(|a| a.what.clone()).unwrap_or_default()
            }
            FieldPath::Action(id, ActionField::Owner) => {
                action(id).map(|a| a.owner.clone()).unwrap_or_default()
            }
            FieldPath::Action(id, ActionField::DueOn) => {
                action(id).and_then(|a| a.due_on).map(|due| due.to_string()).unwrap_or_default()
            }
        }
    }

    /// Why `later` cannot stand as a later revision of this audit, in words: every change to
    /// the answers of a submitted audit that no new amendment of `later` records. Empty when
    /// this is a draft (drafts change freely) or when every difference is recorded.
    pub fn unrecorded_changes(&self, later: &Audit) -> Vec<String> {
        if self.status == AuditStatus::Draft {
            return Vec::new();
        }
        let mut problems = Vec::new();
        if later.status == AuditStatus::Draft {
            problems.push("it is a draft again, though the copy held was submitted".to_owned());
        }
        if later.template != self.template {
            problems.push(format!("its template changed from {} to {}", self.template, later.template));
        }
        if later.submitted_on != self.submitted_on {
            problems.push("its submission date changed".to_owned());
        }
        // Directions given since become actions without an amendment: they count as held.
        let held = match later.follow_up.events.strip_prefix(self.follow_up.events.as_slice()) {
            Some(new_events) => self.with_directions_of(new_events),
            None => {
                problems.push("follow-up already recorded was changed or removed".to_owned());
                self.clone()
            }
        };
        if !later.amendments.starts_with(&self.amendments) {
            problems.push("amendments already recorded were changed or removed".to_owned());
            return problems;
        }
        let mut recorded: BTreeMap<FieldPath, String> = BTreeMap::new();
        for amendment in &later.amendments[self.amendments.len()..] {
            for change in &amendment.changes {
                let value =
                    recorded.entry(change.field.clone()).or_insert_with(|| held.value_at(&change.field));
                if *value != change.before {
                    problems.push(format!(
                        "the amendment of {} by {} says {} was {}, but it was {}",
                        amendment.on,
                        amendment.by,
                        field_words(&change.field),
                        quoted(&change.before),
                        quoted(value)
                    ));
                }
                value.clone_from(&change.after);
            }
        }
        for change in changes_between(&held, later) {
            if !recorded.contains_key(&change.field) {
                problems.push(format!(
                    "{} changed from {} to {} with no amendment recording it",
                    field_words(&change.field),
                    quoted(&change.before),
                    quoted(&change.after)
                ));
            }
        }
        problems.extend(later.unlike_recorded(&recorded));
        problems
    }

    /// Amendments that disagree with the answers, in words: a change that does not start
    /// where the one before it on the same field ended, or a field whose last recorded value is
    /// not what the audit holds.
    pub fn amendment_record_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut recorded: BTreeMap<FieldPath, String> = BTreeMap::new();
        for amendment in &self.amendments {
            for change in &amendment.changes {
                if let Some(previous) = recorded.get(&change.field) {
                    if *previous != change.before {
                        problems.push(format!(
                            "the amendment of {} by {} says {} was {}, but the amendment before it left {}",
                            amendment.on,
                            amendment.by,
                            field_words(&change.field),
                            quoted(&change.before),
                            quoted(previous)
                        ));
                    }
                }
                recorded.insert(change.field.clone(), change.after.clone());
            }
        }
        problems.extend(self.unlike_recorded(&recorded));
        problems
    }

    /// Each field whose value here is not the last value `recorded` for it by an amendment.
    fn unlike_recorded(&self, recorded: &BTreeMap<FieldPath, String>) -> Vec<String> {
        recorded
            .iter()
            .filter_map(|(field, value)| {
                let held = self.value_at(field);
                (held != *value).then(|| {
                    format!(
                        "{} is {}, not {} as its last amendment records",
                        field_words(field),
                        quoted(&held),
                        quoted(value)
                    )
                })
            })
            .collect()
    }
}
