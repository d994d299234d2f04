//! Writing audits as CSV.

use std::collections::BTreeSet;

use csv::{Terminator, WriterBuilder};
use lens_core::{find_template, Audit, Template};

use super::{
    neutralise, AuditCsv, ACTION_COLUMNS, AMENDMENT_COLUMNS, AUDIT_COLUMNS, BOM, FINDINGS_COLUMNS,
    FOLLOW_UP_COLUMNS, HEADER_PREFIX, ITEM_COLUMNS,
};
use crate::audit_record::{status_name, FollowUpWhatV5};
use crate::Versioned;

fn date(day: Option<chrono::NaiveDate>) -> String {
    day.map(|day| day.to_string()).unwrap_or_default()
}

fn table(columns: Vec<String>, rows: Vec<Vec<String>>) -> String {
    let mut writer = WriterBuilder::new().terminator(Terminator::CRLF).from_writer(BOM.as_bytes().to_vec());
    // Writing to memory fails only on invalid UTF-8, and every cell is a Rust string.
    let _ = writer.write_record(&columns);
    for row in rows {
        let _ = writer.write_record(row.iter().map(|cell| neutralise(cell)));
    }
    writer.into_inner().ok().and_then(|bytes| String::from_utf8(bytes).ok()).unwrap_or_default()
}

/// The header field ids of these audits as columns: each template's fields in its own order (the
/// templates in the order their audits come), then any field no template names, by id.
fn header_columns<'a>(audits: &'a [Versioned<Audit>], templates: &'a [Template]) -> Vec<&'a String> {
    let mut columns: Vec<&String> = Vec::new();
    for audit in audits {
        if let Some(template) = find_template(templates, &audit.value.template) {
            for field in &template.header_fields {
                if audit.value.header.contains_key(&field.id) && !columns.contains(&&field.id) {
                    columns.push(&field.id);
                }
            }
        }
    }
    let unnamed: BTreeSet<&String> = audits
        .iter()
        .flat_map(|audit| audit.value.header.keys())
        .filter(|id| !columns.contains(id))
        .collect();
    columns.extend(unnamed);
    columns
}

/// The audit's answers in its template's order (standard 1 first); answers to items the
/// template does not have (or of an unknown template) follow, by id.
fn in_template_order<'a>(
    audit: &'a Audit,
    templates: &[Template],
) -> Vec<(&'a String, &'a lens_core::ItemResponse)> {
    let mut answers: Vec<_> = audit.responses.iter().collect();
    if let Some(template) = find_template(templates, &audit.template) {
        let position = |id: &String| template.items().position(|item| &item.id == id).unwrap_or(usize::MAX);
        answers.sort_by_cached_key(|(id, _)| position(id));
    }
    answers
}

/// The four CSV files for these audits, in the order given, each audit's answers and
/// amendments in the order of its template (from `templates`).
pub fn write_audits_csv(audits: &[Versioned<Audit>], templates: &[Template]) -> AuditCsv {
    let header_ids = header_columns(audits, templates);
    let mut item_columns: Vec<String> = AUDIT_COLUMNS.iter().map(|column| (*column).to_owned()).collect();
    item_columns.extend(header_ids.iter().map(|id| format!("{HEADER_PREFIX}{id}")));
    item_columns.extend(ITEM_COLUMNS.iter().map(|column| (*column).to_owned()));

    let (mut items, mut actions, mut amendments, mut follow_up) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for versioned in audits {
        let audit = &versioned.value;
        let mut audit_cells = vec![
            audit.id.to_string(),
            versioned.revision.get().to_string(),
            versioned.updated_at.to_rfc3339(),
            audit.template.id.clone(),
            audit.template.version.to_string(),
            status_name(audit.status).to_owned(),
            audit.case_reference.clone(),
            audit.auditor.clone(),
            audit.started_on.to_string(),
            date(audit.submitted_on),
            audit.overall.clone().unwrap_or_default(),
            date(audit.follow_up.corrective_action_confirmed_on),
            date(audit.follow_up.reflective_discussion_on),
        ];
        audit_cells.extend(header_ids.iter().map(|id| audit.header.get(*id).cloned().unwrap_or_default()));
        if audit.responses.is_empty() {
            items.push([audit_cells.clone(), vec![String::new(); 3]].concat());
        }
        for (item, response) in in_template_order(audit, templates) {
            let grade = response.grade.clone().unwrap_or_default();
            items.push([audit_cells.clone(), vec![item.clone(), grade, response.narrative.clone()]].concat());
        }
        for action in &audit.actions {
            actions.push(vec![
                audit.id.to_string(),
                action.id.clone(),
                action.what.clone(),
                action.owner.clone(),
                date(action.due_on),
                crate::audit_record::action_status_code(action.status).to_owned(),
                date(action.completed_on),
            ]);
        }
        for (number, event) in audit.follow_up.events.iter().enumerate() {
            follow_up.extend(follow_up_rows(audit, number + 1, event));
        }
        let template = find_template(templates, &audit.template);
        for (number, amendment) in audit.amendments.iter().enumerate() {
            let mut changes: Vec<_> = amendment.changes.iter().collect();
            if let Some(template) = template {
                changes.sort_by_cached_key(|change| change.field.form_position(template, audit));
            }
            for change in changes {
                amendments.push(vec![
                    audit.id.to_string(),
                    (number + 1).to_string(),
                    amendment.on.to_string(),
                    amendment.by.clone(),
                    amendment.reason.clone(),
                    crate::audit_record::field_path_text(&change.field),
                    change.before.clone(),
                    change.after.clone(),
                ]);
            }
        }
    }
    let owned = |columns: &[&str]| columns.iter().map(|column| (*column).to_owned()).collect();
    AuditCsv {
        items: table(item_columns, items),
        actions: table(owned(&ACTION_COLUMNS), actions),
        amendments: table(owned(&AMENDMENT_COLUMNS), amendments),
        follow_up: table(owned(&[FOLLOW_UP_COLUMNS.as_slice(), &FINDINGS_COLUMNS].concat()), follow_up),
    }
}

/// One follow-up event's cells, by column name; the rest are empty.
#[derive(Default)]
struct EventCells {
    kind: &'static str,
    action: String,
    status: String,
    on: Option<chrono::NaiveDate>,
    who: String,
    text: String,
    role: String,
    name: String,
    owner: String,
    due_on: Option<chrono::NaiveDate>,
    grades_discussed: String,
    how_gathered: String,
    worker_response: String,
}

/// One follow-up event as rows (a findings event's recipients and directions on rows of their
/// own after it), through its stored layout so the `kind` codes are the bundle's.
fn follow_up_rows(audit: &Audit, number: usize, event: &lens_core::FollowUpEvent) -> Vec<Vec<String>> {
    let stored = crate::audit_record::event_to_record(event);
    let mut parts = Vec::new();
    let first = match stored.what {
        FollowUpWhatV5::ActionProgress { action, status, completed_on, note } => EventCells {
            kind: "action_progress",
            action,
            status,
            on: completed_on,
            text: note,
            ..Default::default()
        },
        FollowUpWhatV5::CorrectiveActionConfirmed { confirmed_on, what_was_done } => EventCells {
            kind: "corrective_action_confirmed",
            on: Some(confirmed_on),
            text: what_was_done,
            ..Default::default()
        },
        FollowUpWhatV5::ReflectiveDiscussion { held_on, who_took_part, agreed } => EventCells {
            kind: "reflective_discussion",
            on: Some(held_on),
            who: who_took_part,
            text: agreed,
            ..Default::default()
        },
        FollowUpWhatV5::FindingsShared { shared_on, recipients } => {
            parts.extend(recipients.into_iter().map(|recipient| EventCells {
                kind: "recipient",
                role: recipient.role,
                name: recipient.name,
                ..Default::default()
            }));
            EventCells { kind: "findings_shared", on: Some(shared_on), ..Default::default() }
        }
        FollowUpWhatV5::ManagementResponse { responded_on, oversight, directions } => {
            parts.extend(directions.into_iter().map(|direction| EventCells {
                kind: "direction",
                action: direction.action,
                text: direction.what,
                owner: direction.owner,
                due_on: Some(direction.due_on),
                ..Default::default()
            }));
            EventCells {
                kind: "management_response",
                on: Some(responded_on),
                text: oversight,
                ..Default::default()
            }
        }
        FollowUpWhatV5::CaseHolderDiscussion { held_on, grades_discussed, comment } => EventCells {
            kind: "case_holder_discussion",
            on: Some(held_on),
            text: comment,
            grades_discussed: if grades_discussed { "yes" } else { "no" }.to_owned(),
            ..Default::default()
        },
        FollowUpWhatV5::FamilyFeedback {
            from,
            gathered_on,
            how_gathered,
            what_they_said,
            worker_response,
        } => EventCells {
            kind: "family_feedback",
            role: from,
            on: Some(gathered_on),
            text: what_they_said,
            how_gathered,
            worker_response,
            ..Default::default()
        },
        FollowUpWhatV5::Closed { was } => EventCells { kind: "closed", status: was, ..Default::default() },
        FollowUpWhatV5::Reopened { reason } => {
            EventCells { kind: "reopened", text: reason, ..Default::default() }
        }
    };
    std::iter::once(first)
        .chain(parts)
        .map(|cells| {
            vec![
                audit.id.to_string(),
                number.to_string(),
                stored.recorded_on.to_string(),
                stored.by.clone(),
                cells.kind.to_owned(),
                cells.action,
                cells.status,
                date(cells.on),
                cells.who,
                cells.text,
                cells.role,
                cells.name,
                cells.owner,
                date(cells.due_on),
                cells.grades_discussed,
                cells.how_gathered,
                cells.worker_response,
            ]
        })
        .collect()
}
