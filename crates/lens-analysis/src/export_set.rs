//! An export of a chosen set of audits: the audits the selection shows (reflections never), the
//! moderations of those audits and the templates they use, as a bundle or one CSV file.

use std::collections::BTreeSet;

use lens_core::{find_template, is_reflection, AuditFilter, Template};
use lens_store::bundle::{write_bundle, Bundle};
use lens_store::csv_export::write_audits_csv;

use crate::device_records::DeviceRecords;

use crate::protocol::export::{ExportFormat, ExportRequest, ExportedSet};
use crate::protocol::AnalysisReply;

/// The file `request` asks for, from the device's records.
pub(crate) fn export_set(
    records: &DeviceRecords,
    request: &ExportRequest,
    templates: &[Template],
) -> AnalysisReply {
    let filter = AuditFilter::from(&request.selection);
    let chosen: Vec<_> = records
        .versioned_audits()
        .filter(|audit| {
            let template = find_template(templates, &audit.value.template);
            !is_reflection(&audit.value, templates) && filter.shows(&audit.value, template)
        })
        .collect();
    let ids: BTreeSet<&str> = chosen.iter().map(|audit| audit.value.id.as_str()).collect();
    let moderations: Vec<_> = records
        .moderations
        .iter()
        .filter(|moderation| ids.contains(moderation.value.audit.as_str()))
        .cloned()
        .collect();
    let (audit_count, moderation_count) = (chosen.len(), moderations.len());
    let unreadable = records.unreadable;
    let (contents, moderations_written) = match request.format {
        ExportFormat::Bundle => {
            let used: Vec<Template> = templates
                .iter()
                .filter(|template| chosen.iter().any(|audit| audit.value.template == template.reference()))
                .cloned()
                .collect();
            let bundle = Bundle { exported_at: request.now, templates: used, audits: chosen, moderations };
            (write_bundle(&bundle), moderation_count)
        }
        ExportFormat::Csv(part) => {
            let text = crate::audit_csv::csv_part(write_audits_csv(&chosen, templates), part);
            (text, 0)
        }
    };
    AnalysisReply::Exported(ExportedSet {
        contents,
        audits: audit_count,
        moderations: moderations_written,
        unreadable,
    })
}
