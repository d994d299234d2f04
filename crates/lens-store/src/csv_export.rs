//! Spreadsheet export of audits: one CSV row per audit item, one per action, one per amended
//! field and one per follow-up event, written and read with the csv crate (docs/csv-format.md).
//!
//! Files open correctly in a spreadsheet: UTF-8 with a byte order mark, CRLF line ends, and
//! every cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a
//! tab or a carriage return) is made inert with a leading apostrophe, as OWASP advises. A
//! cell that itself starts with an apostrophe gets one more, so reading the files back strips
//! exactly one and gives every audit back unchanged.

mod read;
mod write;

pub use read::read_audits_csv;
pub use write::write_audits_csv;

/// The four files of a CSV export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditCsv {
    /// One row per item response (one row with an empty `item_id` for an audit with none).
    pub items: String,
    /// One row per agreed action.
    pub actions: String,
    /// One row per field changed by an amendment.
    pub amendments: String,
    /// One row per follow-up event. Empty when read from an export made before follow-up was
    /// recorded as events.
    pub follow_up: String,
}

/// A problem in a CSV file, with the file and line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    /// `items`, `actions`, `amendments` or `follow-up`.
    pub file: &'static str,
    /// The line number in the file (1 is the header).
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} line {}: {}", self.file, self.line, self.message)
    }
}

const BOM: &str = "\u{feff}";
/// The prefix of header answer columns: `header:team`, `header:audit-date`, ….
const HEADER_PREFIX: &str = "header:";

const AUDIT_COLUMNS: [&str; 13] = [
    "audit_id",
    "revision",
    "updated_at",
    "template_id",
    "template_version",
    "status",
    "case_reference",
    "auditor",
    "started_on",
    "submitted_on",
    "overall",
    "corrective_action_confirmed_on",
    "reflective_discussion_on",
];
const ITEM_COLUMNS: [&str; 3] = ["item_id", "grade", "narrative"];
const ACTION_COLUMNS: [&str; 7] =
    ["audit_id", "action_id", "what", "owner", "due_on", "status", "completed_on"];
const AMENDMENT_COLUMNS: [&str; 8] =
    ["audit_id", "amendment", "on", "by", "reason", "field", "before", "after"];
/// `on` is the day the action was done, the corrective action confirmed, the discussion held,
/// the findings shared or the response given; `status` the action's status, or for `closed` the
/// status it was closed from; `text` the note, what was done, what was agreed, the reason for
/// reopening, the management oversight, the case holder's comment or a direction's words.
const FOLLOW_UP_COLUMNS: [&str; 10] =
    ["audit_id", "event", "recorded_on", "by", "kind", "action_id", "status", "on", "who_took_part", "text"];
/// Columns added with the findings and family feedback events; a file written before them may
/// leave them out. A `recipient` row (`role`, `name`) or a `direction` row (`action_id`, `text`,
/// `owner`, `due_on`) follows its event's row with the same `event` number. Family feedback
/// puts whose view it is in `role`, what they said in `text`.
const FINDINGS_COLUMNS: [&str; 7] =
    ["role", "name", "owner", "due_on", "grades_discussed", "how_gathered", "worker_response"];

/// Makes a cell inert for spreadsheets (OWASP CSV injection), reversibly.
pub fn neutralise(cell: &str) -> String {
    if could_run(cell) || cell.starts_with(['\t', '\r', '\'']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// Whether a spreadsheet could take the cell for a formula: a formula sign, full-width ones
/// included, first after anything it skips (spaces, line breaks, zero-width characters, a
/// byte order mark).
fn could_run(cell: &str) -> bool {
    let skipped =
        |c: char| c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}');
    matches!(
        cell.trim_start_matches(skipped).chars().next(),
        Some('=' | '+' | '-' | '@' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}')
    )
}

/// Undoes [`neutralise`].
pub fn restore(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

#[cfg(test)]
mod tests;
