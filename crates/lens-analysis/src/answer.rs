//! Answering one request: read what it needs from the store, do the work, reply in words.

use lens_core::{build_report, AuditId, Measure, Report, ReportFilter, ReportSettings, Template};
use lens_store::bundle::write_bundle;
use lens_store::report_export::{report_csv, report_json};
use lens_store::sample::{generate_bundle, SampleSpec};
use lens_store::template_document::builtin_templates;
use lens_store::{list_audits, list_moderations, load_audit, MemoryStore, Store};

use crate::audit_csv::audit_csv;
use crate::export_set::export_set;
use crate::protocol::{
    AnalysisReply, AnalysisRequest, AuditCsvRequest, DataSource, ExampleRequest, ReportFileRequest,
    ReportFormat, ReportRequest,
};
use crate::report_view::report_view;
use crate::theme_view::theme_summary;

/// Does what `request` asks. `database` opens a named database (IndexedDB in the worker);
/// records sent with the request are read from memory instead.
pub async fn answer<Open, Opened>(request: AnalysisRequest, database: Open) -> AnalysisReply
where
    Open: FnOnce(String) -> Opened,
    Opened: std::future::Future<Output = Result<Box<dyn Store>, String>>,
{
    let source = match &request {
        AnalysisRequest::Example(example) => return example_bundle(example),
        AnalysisRequest::Report(report) => &report.source,
        AnalysisRequest::ReportFile(file) => &file.report.source,
        AnalysisRequest::AuditCsv(csv) => &csv.source,
        AnalysisRequest::Agreement(agreement) => &agreement.source,
        AnalysisRequest::Export(export) => &export.source,
    };
    let store = match open_source(source, database).await {
        Ok(store) => store,
        Err(message) => return AnalysisReply::Refused { message },
    };
    let templates = builtin_templates();
    let reply = match request {
        AnalysisRequest::Report(report) => report_reply(store.as_ref(), &report, &templates).await,
        AnalysisRequest::ReportFile(file) => report_file_reply(store.as_ref(), &file, &templates).await,
        AnalysisRequest::AuditCsv(csv) => csv_reply(store.as_ref(), &csv, &templates).await,
        AnalysisRequest::Agreement(agreement) => {
            agreement_reply(store.as_ref(), &agreement, &templates).await
        }
        AnalysisRequest::Export(export) => export_set(store.as_ref(), &export, &templates).await,
        AnalysisRequest::Example(example) => Ok(example_bundle(&example)),
    };
    reply.unwrap_or_else(|message| AnalysisReply::Refused { message })
}

/// How many auditors and audits example data has: a quarter of a mid-sized council's audits.
const EXAMPLE_AUDITORS: usize = 8;
const EXAMPLE_AUDITS: usize = 360;
const EXAMPLE_MONTHS: u32 = 3;

/// A generated bundle of example data (`lens generate`'s generator), nothing written.
fn example_bundle(example: &ExampleRequest) -> AnalysisReply {
    let spec = SampleSpec::new(example.seed, EXAMPLE_AUDITORS, EXAMPLE_AUDITS, EXAMPLE_MONTHS)
        .ending_on(example.today);
    AnalysisReply::File { contents: write_bundle(&generate_bundle(&spec)) }
}

/// The store a request reads: the named database, opened with `database`, or the records sent
/// with the request, in memory.
pub async fn open_source<Open, Opened>(source: &DataSource, database: Open) -> Result<Box<dyn Store>, String>
where
    Open: FnOnce(String) -> Opened,
    Opened: std::future::Future<Output = Result<Box<dyn Store>, String>>,
{
    match source {
        DataSource::Database { name } => database(name.clone()).await,
        DataSource::Records { records } => {
            let store = MemoryStore::default();
            for record in records.iter().filter_map(|record| record.to_stored()) {
                store.insert_raw(record);
            }
            Ok(Box::new(store))
        }
    }
}

/// The report over the store's audits, with the audits it counts as completed, and how many
/// records could not be read.
async fn make_report(
    store: &dyn Store,
    request: &ReportRequest,
    templates: &[Template],
) -> Result<(Report, Vec<lens_core::Audit>, usize), String> {
    let (audits, unreadable_audits) = list_audits(store).await.map_err(|error| error.to_string())?;
    let (moderations, unreadable_moderations) =
        list_moderations(store).await.map_err(|error| error.to_string())?;
    let unreadable = unreadable_audits.len() + unreadable_moderations.len();
    let audits: Vec<_> = audits.into_iter().map(|audit| audit.value).collect();
    let moderations: Vec<_> = moderations.into_iter().map(|moderation| moderation.value).collect();
    let filter = ReportFilter {
        team: request.team.clone(),
        template: request.template.clone(),
        ..ReportFilter::between(request.from, request.to)
    };
    let report = build_report(&audits, &moderations, templates, &filter, &ReportSettings::new(request.today))
        .map_err(|error| error.to_string())?;
    Ok((report, audits, unreadable))
}

async fn report_reply(
    store: &dyn Store,
    request: &ReportRequest,
    templates: &[Template],
) -> Result<AnalysisReply, String> {
    let (report, audits, unreadable) = make_report(store, request, templates).await?;
    // The themes read exactly the audits the report counts as completed: never a draft, never
    // a reflection.
    let completed: Vec<&AuditId> = report
        .figure(Measure::AuditsCompleted, &[])
        .map(|figure| figure.audits.iter().collect())
        .unwrap_or_default();
    let in_scope: Vec<_> =
        audits.iter().filter(|audit| completed.binary_search(&&audit.id).is_ok()).collect();
    let themes = theme_summary(&in_scope, templates);
    let mut view = report_view(&report, templates, themes);
    if unreadable > 0 {
        view.notes.push(format!(
            "{unreadable} record(s) on this device could not be read and are not counted: Home lists them."
        ));
    }
    Ok(AnalysisReply::Report(view))
}

async fn report_file_reply(
    store: &dyn Store,
    request: &ReportFileRequest,
    templates: &[Template],
) -> Result<AnalysisReply, String> {
    let (report, _, _) = make_report(store, &request.report, templates).await?;
    let contents = match request.format {
        ReportFormat::Csv => report_csv(&report),
        ReportFormat::Json => serde_json::to_string_pretty(&report_json(&report)).unwrap_or_default(),
    };
    Ok(AnalysisReply::File { contents })
}

async fn agreement_reply(
    store: &dyn Store,
    request: &crate::protocol::agreement::AgreementRequest,
    templates: &[Template],
) -> Result<AnalysisReply, String> {
    let (audits, _) = list_audits(store).await.map_err(|error| error.to_string())?;
    let (moderations, _) = list_moderations(store).await.map_err(|error| error.to_string())?;
    let audits: Vec<_> = audits.into_iter().map(|audit| audit.value).collect();
    let moderations: Vec<_> = moderations.into_iter().map(|moderation| moderation.value).collect();
    crate::agreement_view::agreement_view(&audits, &moderations, templates, request)
        .map(AnalysisReply::Agreement)
}

async fn csv_reply(
    store: &dyn Store,
    request: &AuditCsvRequest,
    templates: &[Template],
) -> Result<AnalysisReply, String> {
    let audit = load_audit(store, &AuditId::new(request.audit.clone()))
        .await
        .map_err(|error| error.to_string())?
        .ok_or_else(|| "This audit is no longer on this device, so its file could not be made".to_owned())?;
    Ok(AnalysisReply::File { contents: audit_csv(audit, request.part, templates) })
}

#[cfg(test)]
mod tests;
