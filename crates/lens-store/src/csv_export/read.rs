//! Reading audits back from the CSV files of an export, all or nothing.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use csv::{ReaderBuilder, StringRecord};
use lens_core::{ActionStatus, Audit};

use super::{
    restore, AuditCsv, CsvProblem, ACTION_COLUMNS, AMENDMENT_COLUMNS, AUDIT_COLUMNS, BOM, FINDINGS_COLUMNS,
    FOLLOW_UP_COLUMNS, HEADER_PREFIX, ITEM_COLUMNS,
};
use crate::audit_record::{
    action_status_code, audit_from_record, parse_action_status, parse_field_path, parse_recipient_role,
    AuditRecordV3, AuditRecordV4, AuditRecordV5, DirectionV5, FollowUpEventV5, FollowUpV3, FollowUpWhatV5,
    RecipientV5, TemplateRefV3,
};
use crate::{Revision, Versioned};

/// One file's rows, with each column found by name.
struct Table {
    file: &'static str,
    columns: BTreeMap<String, usize>,
    rows: Vec<(u64, StringRecord)>,
}

impl Table {
    fn read(
        file: &'static str,
        text: &str,
        required: &[&str],
        allowed: impl Fn(&str) -> bool,
        problems: &mut Vec<CsvProblem>,
    ) -> Option<Table> {
        let text = text.strip_prefix(BOM).unwrap_or(text);
        let mut reader = ReaderBuilder::new().from_reader(text.as_bytes());
        let problem = |line, message: String| CsvProblem { file, line, message };
        let header = match reader.headers() {
            Ok(header) => header.clone(),
            Err(error) => {
                problems.push(problem(1, format!("cannot be read as CSV ({error})")));
                return None;
            }
        };
        let mut columns: BTreeMap<String, usize> = BTreeMap::new();
        let mut refused = false;
        for (index, name) in header.iter().enumerate() {
            if columns.insert(name.to_owned(), index).is_some() {
                problems.push(problem(1, format!("has the column {name} twice: keep one")));
                refused = true;
            } else if !allowed(name) {
                problems.push(problem(1, format!("has a column this export does not have: {name}")));
                refused = true;
            }
        }
        if refused {
            return None;
        }
        let missing: Vec<&str> =
            required.iter().copied().filter(|name| !columns.contains_key(*name)).collect();
        if !missing.is_empty() {
            problems.push(problem(1, format!("is missing the column(s) {}", missing.join(", "))));
            return None;
        }
        let mut rows = Vec::new();
        let mut lines = LineCounter::new(text);
        for record in reader.records() {
            match record {
                Ok(record) => rows.push((lines.at(record.position().map_or(0, |p| p.byte())), record)),
                Err(error) => {
                    let line = lines.at(error.position().map_or(0, |p| p.byte()));
                    problems.push(problem(line, format!("cannot be read as CSV ({error})")));
                }
            }
        }
        Some(Table { file, columns, rows })
    }

    fn cell<'r>(&self, record: &'r StringRecord, column: &str) -> &'r str {
        self.columns.get(column).and_then(|index| record.get(*index)).map_or("", restore)
    }
}

/// Counts lines as the reader moves through the text, so each record's line costs only the
/// bytes since the one before (reading stays linear in the file's size).
struct LineCounter<'t> {
    text: &'t [u8],
    counted_to: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        Self { text: text.as_bytes(), counted_to: 0, line: 1 }
    }

    /// The line a record starting at `byte` is on. After a CRLF row the reader's position
    /// points at the row's `\n`, so line ends are skipped before counting.
    fn at(&mut self, byte: u64) -> u64 {
        let start = usize::try_from(byte).unwrap_or(usize::MAX).min(self.text.len());
        let skipped = self.text[start..].iter().take_while(|byte| matches!(byte, b'\r' | b'\n')).count();
        let end = start + skipped;
        if end < self.counted_to {
            // The reader never goes back; start again rather than count wrongly if it did.
            (self.counted_to, self.line) = (0, 1);
        }
        self.line += self.text[self.counted_to..end].iter().filter(|byte| **byte == b'\n').count() as u64;
        self.counted_to = end;
        self.line
    }
}

/// Parses a cell, recording a problem with its line when it is not valid.
struct Cells<'a> {
    table: &'a Table,
    line: u64,
    record: &'a StringRecord,
    problems: &'a mut Vec<CsvProblem>,
}

impl Cells<'_> {
    fn text(&self, column: &str) -> String {
        self.table.cell(self.record, column).to_owned()
    }

    fn fail(&mut self, message: String) {
        self.problems.push(CsvProblem { file: self.table.file, line: self.line, message });
    }

    fn date(&mut self, column: &str) -> Option<NaiveDate> {
        let text = self.text(column);
        if text.is_empty() {
            return None;
        }
        let parsed = NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok();
        if parsed.is_none() {
            self.fail(format!("{column} \"{text}\" is not a date (YYYY-MM-DD)"));
        }
        parsed
    }

    fn number(&mut self, column: &str) -> u64 {
        let text = self.text(column);
        text.parse().unwrap_or_else(|_| {
            self.fail(format!("{column} \"{text}\" is not a whole number"));
            0
        })
    }
}

/// The audits in an export's files, in the order of the items file (an empty follow-up file,
/// as from an export made before follow-up was recorded as events, gives no events). Any problem in any
/// file gives every problem found and no audits.
pub fn read_audits_csv(files: &AuditCsv) -> Result<Vec<Versioned<Audit>>, Vec<CsvProblem>> {
    let mut problems = Vec::new();
    let required: Vec<&str> = AUDIT_COLUMNS.iter().chain(&ITEM_COLUMNS).copied().collect();
    let item_column = |name: &str| required.contains(&name) || name.starts_with(HEADER_PREFIX);
    let items = Table::read("items", &files.items, &required, item_column, &mut problems);
    let action_column = |name: &str| ACTION_COLUMNS.contains(&name);
    let actions = Table::read("actions", &files.actions, &ACTION_COLUMNS, action_column, &mut problems);
    let amendment_column = |name: &str| AMENDMENT_COLUMNS.contains(&name);
    let amendments =
        Table::read("amendments", &files.amendments, &AMENDMENT_COLUMNS, amendment_column, &mut problems);
    let follow_up_column = |name: &str| FOLLOW_UP_COLUMNS.contains(&name) || FINDINGS_COLUMNS.contains(&name);
    let follow_up = if files.follow_up.trim_start_matches(BOM).trim().is_empty() {
        None
    } else {
        let table =
            Table::read("follow-up", &files.follow_up, &FOLLOW_UP_COLUMNS, follow_up_column, &mut problems);
        if table.is_none() {
            return Err(problems);
        }
        table
    };
    let (Some(items), Some(actions), Some(amendments)) = (items, actions, amendments) else {
        return Err(problems);
    };
    let mut order = Vec::new();
    let mut audits: BTreeMap<String, (u64, Versioned<AuditRecordV3>, Vec<String>)> = BTreeMap::new();
    for (line, record) in &items.rows {
        let mut cells = Cells { table: &items, line: *line, record, problems: &mut problems };
        let id = cells.text("audit_id");
        let details: Vec<String> = items
            .columns
            .keys()
            .filter(|column| !ITEM_COLUMNS.contains(&column.as_str()))
            .map(|column| cells.text(column))
            .collect();
        if !audits.contains_key(&id) {
            let Some(audit) = audit_record(&mut cells) else { continue };
            order.push(id.clone());
            audits.insert(id.clone(), (*line, audit, details.clone()));
        }
        let Some((first_line, audit, first_details)) = audits.get_mut(&id) else { continue };
        if *first_details != details {
            cells.fail(format!(
                "audit {id}'s details differ from line {first_line}: keep them the same on every row"
            ));
        }
        let item = cells.text("item_id");
        if !item.is_empty() {
            let grade = Some(cells.text("grade")).filter(|grade| !grade.is_empty());
            let response = crate::audit_record::ResponseV3 { grade, narrative: cells.text("narrative") };
            if audit.value.responses.insert(item.clone(), response).is_some() {
                cells.fail(format!("item {item} of audit {id} appears twice"));
            }
        }
    }
    for (line, record) in &actions.rows {
        let mut cells = Cells { table: &actions, line: *line, record, problems: &mut problems };
        let id = cells.text("audit_id");
        let status_code = cells.text("status");
        let status = parse_action_status(&status_code);
        if status.is_none() {
            cells.fail(format!("status \"{status_code}\" is not one of open, in_progress, done, cancelled"));
        }
        let action = crate::audit_record::ActionV3 {
            id: cells.text("action_id"),
            what: cells.text("what"),
            owner: cells.text("owner"),
            due_on: cells.date("due_on"),
            status: action_status_code(status.unwrap_or(ActionStatus::Open)).to_owned(),
            completed_on: cells.date("completed_on"),
        };
        match audits.get_mut(&id) {
            Some((_, audit, _)) => audit.value.actions.push(action),
            None => cells.fail(format!("audit {id} is not in the items file")),
        }
    }
    let mut amended: BTreeMap<(String, u64), crate::audit_record::AmendmentV3> = BTreeMap::new();
    for (line, record) in &amendments.rows {
        let mut cells = Cells { table: &amendments, line: *line, record, problems: &mut problems };
        let id = cells.text("audit_id");
        if !audits.contains_key(&id) {
            cells.fail(format!("audit {id} is not in the items file"));
            continue;
        }
        let number = cells.number("amendment");
        for (column, what) in [("by", "who made it"), ("reason", "why it was made")] {
            if cells.text(column).trim().is_empty() {
                cells.fail(format!(
                    "amendment {number} of audit {id} does not say {what} ({column} is empty)"
                ));
            }
        }
        let on = cells.date("on").unwrap_or_default();
        let entry = amended.entry((id, number)).or_insert_with(|| crate::audit_record::AmendmentV3 {
            on,
            by: cells.text("by"),
            reason: cells.text("reason"),
            changes: Vec::new(),
        });
        let field = cells.text("field");
        if parse_field_path(&field).is_none() {
            cells.fail(format!("field \"{field}\" is not a field of an audit"));
        }
        entry.changes.push(crate::audit_record::FieldChangeV3 {
            field,
            before: cells.text("before"),
            after: cells.text("after"),
        });
    }
    for ((id, _), amendment) in amended {
        if let Some((_, audit, _)) = audits.get_mut(&id) {
            audit.value.amendments.push(amendment);
        }
    }
    // Each audit's events with the `event` number of the row that began them.
    let mut events: BTreeMap<String, Vec<(String, FollowUpEventV5)>> = BTreeMap::new();
    let follow_up_rows = follow_up.as_ref().map(|table| table.rows.iter().map(move |row| (table, row)));
    for (table, (line, record)) in follow_up_rows.into_iter().flatten() {
        let mut cells = Cells { table, line: *line, record, problems: &mut problems };
        let id = cells.text("audit_id");
        if !audits.contains_key(&id) {
            cells.fail(format!("audit {id} is not in the items file"));
            continue;
        }
        let number = cells.text("event");
        let kind = cells.text("kind");
        if matches!(kind.as_str(), "recipient" | "direction") {
            let last =
                events.get_mut(&id).and_then(|events| events.last_mut()).filter(|(at, _)| *at == number);
            add_part(&mut cells, &kind, last.map(|(_, event)| &mut event.what));
        } else if let Some(event) = follow_up_event(&mut cells) {
            events.entry(id).or_default().push((number, event));
        }
    }
    let mut result = Vec::new();
    for id in order {
        let Some((line, audit, _)) = audits.remove(&id) else { continue };
        let mut record = AuditRecordV5::from(AuditRecordV4::from(audit.value));
        record.follow_up.events =
            events.remove(&id).unwrap_or_default().into_iter().map(|(_, event)| event).collect();
        match audit_from_record(record) {
            Ok(value) => {
                result.push(Versioned { value, revision: audit.revision, updated_at: audit.updated_at })
            }
            Err(message) => {
                problems.push(CsvProblem { file: "items", line, message: format!("audit {id}: {message}") })
            }
        }
    }
    if problems.is_empty() {
        Ok(result)
    } else {
        Err(problems)
    }
}

/// The audit-level cells of an items row, as a record without items yet.
fn audit_record(cells: &mut Cells) -> Option<Versioned<AuditRecordV3>> {
    let revision_number = cells.number("revision");
    let revision = Revision::new(revision_number);
    if revision.is_none() {
        cells.fail("revision must be 1 or more".to_owned());
    }
    let updated_text = cells.text("updated_at");
    let updated_at = DateTime::parse_from_rfc3339(&updated_text).map(|time| time.with_timezone(&Utc));
    if updated_at.is_err() {
        cells.fail(format!("updated_at \"{updated_text}\" is not a date and time (RFC 3339)"));
    }
    if cells.text("audit_id").trim().is_empty() {
        cells.fail("audit_id is empty: every row needs its audit's id".to_owned());
    }
    let version_text = cells.text("template_version");
    let version = version_text.parse::<u32>().ok().filter(|version| *version >= 1);
    if version.is_none() {
        cells.fail(format!("template_version \"{version_text}\" is not a version number (a whole number from 1 to 4294967295)"));
    }
    let started_on = cells.date("started_on");
    if started_on.is_none() {
        cells.fail("started_on is missing".to_owned());
    }
    let header: BTreeMap<String, String> = cells
        .table
        .columns
        .keys()
        .filter_map(|column| Some((column.strip_prefix(HEADER_PREFIX)?.to_owned(), cells.text(column))))
        .filter(|(_, value)| !value.is_empty())
        .collect();
    let record = AuditRecordV3 {
        id: cells.text("audit_id"),
        template: TemplateRefV3 { id: cells.text("template_id"), version: version.unwrap_or(1) },
        status: cells.text("status"),
        case_reference: cells.text("case_reference"),
        auditor: cells.text("auditor"),
        started_on: started_on.unwrap_or_default(),
        submitted_on: cells.date("submitted_on"),
        header,
        responses: BTreeMap::new(),
        overall: Some(cells.text("overall")).filter(|overall| !overall.is_empty()),
        actions: Vec::new(),
        amendments: Vec::new(),
        follow_up: FollowUpV3 {
            corrective_action_confirmed_on: cells.date("corrective_action_confirmed_on"),
            reflective_discussion_on: cells.date("reflective_discussion_on"),
        },
    };
    Some(Versioned { value: record, revision: revision?, updated_at: updated_at.ok()? })
}

/// One row of the follow-up file as a stored event, or `None` with its problem recorded.
fn follow_up_event(cells: &mut Cells) -> Option<FollowUpEventV5> {
    let recorded_on = cells.date("recorded_on");
    if recorded_on.is_none() {
        cells.fail("recorded_on is missing: every follow-up event says when it was recorded".to_owned());
    }
    let on = cells.date("on");
    let (status, text) = (cells.text("status"), cells.text("text"));
    let needs_on = |cells: &mut Cells, what: &str| {
        if on.is_none() {
            cells.fail(format!("on is missing: {what} says which day"));
        }
        on.unwrap_or_default()
    };
    let what = match cells.text("kind").as_str() {
        "action_progress" => {
            if parse_action_status(&status).is_none() {
                cells.fail(format!("status \"{status}\" is not one of open, in_progress, done, cancelled"));
            }
            FollowUpWhatV5::ActionProgress {
                action: cells.text("action_id"),
                status,
                completed_on: on,
                note: text,
            }
        }
        "corrective_action_confirmed" => FollowUpWhatV5::CorrectiveActionConfirmed {
            confirmed_on: needs_on(cells, "a confirmation of corrective action"),
            what_was_done: text,
        },
        "reflective_discussion" => FollowUpWhatV5::ReflectiveDiscussion {
            held_on: needs_on(cells, "a reflective discussion"),
            who_took_part: cells.text("who_took_part"),
            agreed: text,
        },
        "findings_shared" => FollowUpWhatV5::FindingsShared {
            shared_on: needs_on(cells, "sharing the findings"),
            recipients: Vec::new(),
        },
        "management_response" => FollowUpWhatV5::ManagementResponse {
            responded_on: needs_on(cells, "a management response"),
            oversight: text,
            directions: Vec::new(),
        },
        "case_holder_discussion" => {
            let grades_discussed = match cells.text("grades_discussed").as_str() {
                "yes" => true,
                "no" => false,
                other => {
                    cells.fail(format!("grades_discussed \"{other}\" is not yes or no"));
                    false
                }
            };
            FollowUpWhatV5::CaseHolderDiscussion {
                held_on: needs_on(cells, "a discussion with the case holder"),
                grades_discussed,
                comment: text,
            }
        }
        "family_feedback" => {
            let from = cells.text("role");
            if crate::audit_record::parse_feedback_from(&from).is_none() {
                cells.fail(format!("role \"{from}\" is not one of child, parent_or_carer"));
            }
            FollowUpWhatV5::FamilyFeedback {
                from,
                gathered_on: needs_on(cells, "family feedback"),
                how_gathered: cells.text("how_gathered"),
                what_they_said: text,
                worker_response: cells.text("worker_response"),
            }
        }
        "closed" => FollowUpWhatV5::Closed { was: status },
        "reopened" => FollowUpWhatV5::Reopened { reason: text },
        other => {
            cells.fail(format!(
                "kind \"{other}\" is not one of action_progress, corrective_action_confirmed, reflective_discussion, findings_shared, recipient, management_response, direction, case_holder_discussion, family_feedback, closed, reopened"
            ));
            return None;
        }
    };
    Some(FollowUpEventV5 { recorded_on: recorded_on?, by: cells.text("by"), what })
}

/// Adds a `recipient` or `direction` row to the event row before it (`event`), which must be
/// the findings shared or the management response with the same `event` number.
fn add_part(cells: &mut Cells, kind: &str, event: Option<&mut FollowUpWhatV5>) {
    match (kind, event) {
        ("recipient", Some(FollowUpWhatV5::FindingsShared { recipients, .. })) => {
            let role = cells.text("role");
            if parse_recipient_role(&role).is_none() {
                cells.fail(format!(
                    "role \"{role}\" is not one of practitioner, line_manager, service_manager, independent_chair"
                ));
            }
            recipients.push(RecipientV5 { role, name: cells.text("name") });
        }
        ("direction", Some(FollowUpWhatV5::ManagementResponse { directions, .. })) => {
            let due_on = cells.date("due_on");
            if due_on.is_none() {
                cells.fail("due_on is missing: every direction says the day it is due".to_owned());
            }
            directions.push(DirectionV5 {
                action: cells.text("action_id"),
                what: cells.text("text"),
                owner: cells.text("owner"),
                due_on: due_on.unwrap_or_default(),
            });
        }
        ("recipient", _) => cells.fail(
            "a recipient row must follow its findings_shared row, with the same audit_id and event"
                .to_owned(),
        ),
        _ => cells.fail(
            "a direction row must follow its management_response row, with the same audit_id and event"
                .to_owned(),
        ),
    }
}
