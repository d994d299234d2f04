//! Answering one request: read what it needs from the store, do the work, reply in words.

use lens_core::{build_report, AuditId, Measure, Report, ReportFilter, ReportSettings, Template};
use lens_store::bundle::write_bundle;
use lens_store::council_templates::read_device_templates;
use lens_store::report_export::{report_csv, report_json};
use lens_store::sample::{generate_bundle, SampleSpec};
use lens_store::{load_audit, MemoryStore, Store};

use crate::audit_csv::audit_csv;
use crate::council_codebook::{check_codebook, codebook_summary, COUNCIL_UNNAMED};
use crate::device_records::{DeviceRecords, RecordCache};
use crate::export_set::export_set;
use crate::protocol::codebook::{CheckCodebookRequest, CodebookCheck};
use crate::protocol::figure_audits::FigureAuditsRequest;
use crate::protocol::{
    AnalysisReply, AnalysisRequest, AuditCsvRequest, DataSource, ExampleRequest, QaReportFileRequest,
    ReportFileRequest, ReportFormat, ReportRequest,
};
use crate::report_view::report_view;
use crate::theme_view::theme_summary;

/// Does what `request` asks. `database` opens a named database (IndexedDB in the worker);
/// records sent with the request are read from memory instead. `cache` keeps decoded records
/// between requests that name the same snapshot.
pub async fn answer<Open, Opened>(
    request: AnalysisRequest,
    database: Open,
    cache: &RecordCache,
) -> AnalysisReply
where
    Open: FnOnce(String) -> Opened,
    Opened: std::future::Future<Output = Result<Box<dyn Store>, String>>,
{
    let source = match &request {
        AnalysisRequest::Example(example) => return example_bundle(example),
        AnalysisRequest::QaReportFile(file) => return qa_report_file(file),
        AnalysisRequest::CheckCodebook(check) => return check_codebook_reply(check),
        AnalysisRequest::Report(report) | AnalysisRequest::Themes(report) => &report.source,
        AnalysisRequest::ThemePanel(panel) => &panel.source,
        AnalysisRequest::ProfessionalChallenge(review) => &review.source,
        AnalysisRequest::ReportFile(file) => &file.report.source,
        AnalysisRequest::FigureAudits(figure) => &figure.report.source,
        AnalysisRequest::AuditCsv(csv) => &csv.source,
        AnalysisRequest::Agreement(agreement) => &agreement.source,
        AnalysisRequest::Export(export) => &export.source,
        AnalysisRequest::Warm(warm) => &warm.source,
    };
    let store = match open_source(source, database).await {
        Ok(store) => store,
        Err(message) => return AnalysisReply::Refused { message },
    };
    let templates = read_device_templates(store.as_ref()).await;
    if let AnalysisRequest::AuditCsv(csv) = &request {
        return csv_reply(store.as_ref(), csv, &templates)
            .await
            .unwrap_or_else(|message| AnalysisReply::Refused { message });
    }
    let records = match cache.read(store.as_ref(), source).await {
        Ok(records) => records,
        Err(message) => return AnalysisReply::Refused { message },
    };
    let reply = match request {
        AnalysisRequest::Report(report) => report_reply(&records, &report, &templates),
        AnalysisRequest::Themes(report) => themes_reply(&records, &report, &templates),
        AnalysisRequest::ThemePanel(panel) => {
            crate::theme_panel::theme_panel(&records, &panel, &templates).map(AnalysisReply::ThemePanel)
        }
        AnalysisRequest::ProfessionalChallenge(review) => {
            crate::professional_challenge::professional_challenge(&records, &review, &templates)
                .map(AnalysisReply::ProfessionalChallenge)
        }
        AnalysisRequest::ReportFile(file) => report_file_reply(&records, &file, &templates),
        AnalysisRequest::FigureAudits(request) => figure_audits_reply(&records, &request, &templates),
        AnalysisRequest::Agreement(agreement) => agreement_reply(&records, &agreement, &templates),
        AnalysisRequest::Export(export) => Ok(export_set(&records, &export, &templates)),
        AnalysisRequest::Warm(warm) => {
            if let Some(agreement) = &warm.agreement {
                // Kept for the dashboard's opening request; a refusal is worked out again then.
                let _ = agreement_reply(&records, agreement, &templates);
            }
            Ok(AnalysisReply::Warmed)
        }
        AnalysisRequest::AuditCsv(_)
        | AnalysisRequest::Example(_)
        | AnalysisRequest::QaReportFile(_)
        | AnalysisRequest::CheckCodebook(_) => {
            Err("This request was answered already: reload the page to carry on.".to_owned())
        }
    };
    reply.unwrap_or_else(|message| AnalysisReply::Refused { message })
}

/// What checking a council's codebook document found; nothing is kept.
fn check_codebook_reply(request: &CheckCodebookRequest) -> AnalysisReply {
    AnalysisReply::CodebookChecked(match check_codebook(&request.text, COUNCIL_UNNAMED) {
        Ok(codebook) => CodebookCheck::Ready(codebook_summary(&codebook, true)),
        Err(problems) => CodebookCheck::Problems(problems),
    })
}

/// A QA report's file, from the report as stored.
fn qa_report_file(request: &QaReportFileRequest) -> AnalysisReply {
    match lens_store::qa_report::read_stored_body(&request.body) {
        Ok(report) => AnalysisReply::File {
            contents: match request.format {
                ReportFormat::Csv => lens_store::qa_report::report_csv(&report),
                ReportFormat::Json => lens_store::qa_report::report_json(&report),
            },
        },
        Err(reason) => AnalysisReply::Refused {
            message: format!(
                "The QA report could not be read to make its file ({reason}): reload the page to carry on."
            ),
        },
    }
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
        DataSource::Database { name } | DataSource::Snapshot { name, .. } => database(name.clone()).await,
        DataSource::Records { records } => {
            let store = MemoryStore::default();
            for record in records.iter().filter_map(|record| record.to_stored()) {
                store.insert_raw(record);
            }
            Ok(Box::new(store))
        }
    }
}

/// The report over the device's audits, and how many records could not be read.
fn make_report(
    records: &DeviceRecords,
    request: &ReportRequest,
    templates: &[Template],
) -> Result<Report, String> {
    let moderations = records.moderation_values();
    let filter = ReportFilter {
        team: request.team.clone(),
        template: request.template.clone(),
        ..ReportFilter::between(request.from, request.to)
    };
    let settings = ReportSettings { expected: request.expected.into(), ..ReportSettings::new(request.today) };
    build_report(&records.audits, &moderations, templates, &filter, &settings)
        .map_err(|error| error.to_string())
}

fn report_reply(
    records: &DeviceRecords,
    request: &ReportRequest,
    templates: &[Template],
) -> Result<AnalysisReply, String> {
    let report = make_report(records, request, templates)?;
    let mut view = report_view(&report, templates);
    if records.unreadable > 0 {
        view.notes.push(format!(
            "{} record(s) on this device could not be read and are not counted: Home lists them.",
            records.unreadable
        ));
    }
    Ok(AnalysisReply::Report(view))
}

/// The themes of exactly the audits the report counts as completed: never a draft, never a
/// reflection.
fn themes_reply(
    records: &DeviceRecords,
    request: &ReportRequest,
    templates: &[Template],
) -> Result<AnalysisReply, String> {
    let report = make_report(records, request, templates)?;
    let completed: Vec<&AuditId> = report
        .figure(Measure::AuditsCompleted, &[])
        .map(|figure| figure.audits.iter().collect())
        .unwrap_or_default();
    let in_scope: Vec<_> =
        records.audits.iter().filter(|audit| completed.binary_search(&&audit.id).is_ok()).collect();
    Ok(AnalysisReply::Themes(theme_summary(&in_scope, templates, &records.tagger, &records.taggings)))
}

fn report_file_reply(
    records: &DeviceRecords,
    request: &ReportFileRequest,
    templates: &[Template],
) -> Result<AnalysisReply, String> {
    let report = make_report(records, &request.report, templates)?;
    let contents = match request.format {
        ReportFormat::Csv => report_csv(&report),
        ReportFormat::Json => serde_json::to_string_pretty(&report_json(&report)).unwrap_or_default(),
    };
    Ok(AnalysisReply::File { contents })
}

/// The audits behind one figure of the report the request makes.
fn figure_audits_reply(
    records: &DeviceRecords,
    request: &FigureAuditsRequest,
    templates: &[Template],
) -> Result<AnalysisReply, String> {
    let report = make_report(records, &request.report, templates)?;
    crate::figure_audits::figure_audits(&report, request.figure, &records.audits, templates)
        .map(AnalysisReply::FigureAudits)
        .ok_or_else(|| {
            "This figure is no longer in the report, as the audits on this device have changed: go back to the report to see it as it is now.".to_owned()
        })
}

/// Dashboards kept per set of records.
const KEPT_AGREEMENTS: usize = 8;

/// The dashboard for `request`: one worked out before over the same records, or made now and
/// kept with them.
fn agreement_reply(
    records: &DeviceRecords,
    request: &crate::protocol::agreement::AgreementRequest,
    templates: &[Template],
) -> Result<AnalysisReply, String> {
    let key = serde_json::to_string(&crate::protocol::agreement::AgreementRequest {
        source: DataSource::Database { name: String::new() },
        ..request.clone()
    })
    .unwrap_or_default();
    if let Some((_, view)) = records.agreements.borrow().iter().find(|(kept, _)| *kept == key) {
        return Ok(AnalysisReply::Agreement(view.clone()));
    }
    let moderations = records.moderation_values();
    let view = crate::agreement_view::agreement_view(&records.audits, &moderations, templates, request)?;
    let mut kept = records.agreements.borrow_mut();
    if kept.len() == KEPT_AGREEMENTS {
        kept.remove(0);
    }
    kept.push((key, view.clone()));
    Ok(AnalysisReply::Agreement(view))
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
