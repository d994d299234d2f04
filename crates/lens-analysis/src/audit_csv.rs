//! One audit's CSV files (answers, actions, amendments, follow-up) through lens-store's CSV writer.

use lens_core::{Audit, Template};
use lens_store::csv_export::{write_audits_csv, AuditCsv};
use lens_store::Versioned;

use crate::protocol::CsvPart;

/// The text of one of the audit's CSV files, in the order of its template among `templates`.
pub fn audit_csv(audit: Versioned<Audit>, part: CsvPart, templates: &[Template]) -> String {
    csv_part(write_audits_csv(&[audit], templates), part)
}

/// The one file of an export that `part` names.
pub(crate) fn csv_part(files: AuditCsv, part: CsvPart) -> String {
    match part {
        CsvPart::Answers => files.items,
        CsvPart::Actions => files.actions,
        CsvPart::Amendments => files.amendments,
        CsvPart::FollowUp => files.follow_up,
    }
}
