//! An export of a chosen set of audits: the audits the selection shows (reflections never), the
//! moderations of those audits and the templates they use, as a bundle or one CSV file.

use std::collections::BTreeSet;

use lens_core::{find_template, is_reflection, AuditFilter, Template};
use lens_store::bundle::{write_bundle, Bundle};
use lens_store::csv_export::write_audits_csv;
use lens_store::{list_audits, list_moderations, Store};

use crate::protocol::export::{ExportFormat, ExportRequest, ExportedSet};
use crate::protocol::{AnalysisReply, CsvPart};

/// The file `request` asks for, from the records in `store`.
pub(crate) async fn export_set(
    store: &dyn Store,
    request: &ExportRequest,
    templates: &[Template],
) -> Result<AnalysisReply, String> {
    let (audits, unreadable_audits) = list_audits(store).await.map_err(|error| error.to_string())?;
    let (moderations, unreadable_moderations) =
        list_moderations(store).await.map_err(|error| error.to_string())?;
    let filter = AuditFilter::from(&request.selection);
    let chosen: Vec<_> = audits
        .into_iter()
        .filter(|audit| {
            let template = find_template(templates, &audit.value.template);
            !is_reflection(&audit.value, templates) && filter.shows(&audit.value, template)
        })
        .collect();
    let ids: BTreeSet<&str> = chosen.iter().map(|audit| audit.value.id.as_str()).collect();
    let moderations: Vec<_> =
        moderations.into_iter().filter(|moderation| ids.contains(moderation.value.audit.as_str())).collect();
    let (audit_count, moderation_count) = (chosen.len(), moderations.len());
    let unreadable = unreadable_audits.len() + unreadable_moderations.len();
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
            let files = write_audits_csv(&chosen, templates);
            let text = match part {
                CsvPart::Answers => files.items,
                CsvPart::Actions => files.actions,
                CsvPart::Amendments => files.amendments,
            };
            (text, 0)
        }
    };
    Ok(AnalysisReply::Exported(ExportedSet {
        contents,
        audits: audit_count,
        moderations: moderations_written,
        unreadable,
    }))
}
