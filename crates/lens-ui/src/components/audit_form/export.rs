//! Print and download of one submitted audit. Downloads are made on the device; nothing is sent.
//! The JSON bundle is the stored record, written here; the CSV files are written by the analysis
//! worker, so the CSV writer stays out of the page's first load.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest, AuditCsvRequest, CsvPart};
use lens_core::{Audit, Moderation, Template};
use lens_store::bundle::{write_bundle, Bundle};
use lens_store::{Revision, Versioned};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::autosave::{FormState, Saver};
use super::wording::Wording;
use crate::analysis::data_source;
use crate::components::audit_cells::case_label;
use crate::components::download::{download, file_stem, DownloadFile};
use crate::ports::{ErrorCode, LensEvent, OpenedStore, PlatformHandle};
use crate::PrintedPage;

/// Which file a download button makes.
#[derive(Clone, Copy)]
enum Export {
    Json,
    Csv(CsvPart),
}

/// The file's name and what it holds, in words for the device log.
fn export_names(export: Export, audit: &Audit, template: &Template) -> (String, &'static str, String) {
    let name = if audit.case_reference.is_empty() {
        format!("audit-{}", audit.id)
    } else {
        format!("audit-{}", audit.case_reference)
    };
    let stem = file_stem(&name);
    let (file_name, media_type, what) = match export {
        Export::Json => (format!("{stem}.json"), "application/json", "as JSON"),
        Export::Csv(CsvPart::Answers) => (format!("{stem}.items.csv"), "text/csv", "answers as CSV"),
        Export::Csv(CsvPart::Actions) => (format!("{stem}.actions.csv"), "text/csv", "actions as CSV"),
        Export::Csv(CsvPart::Amendments) => {
            (format!("{stem}.amendments.csv"), "text/csv", "amendments as CSV")
        }
        Export::Csv(CsvPart::FollowUp) => (format!("{stem}.follow-up.csv"), "text/csv", "follow-up as CSV"),
    };
    (file_name, media_type, format!("{} ({}) {what}", template.title, case_label(audit)))
}

/// The audit as a JSON bundle of one, made here: it is the record as stored, with its
/// moderation (agreed grades and the moderator's feedback) once there is one.
fn json_file(
    audit: Versioned<Audit>,
    moderation: Option<Versioned<Moderation>>,
    template: &Template,
    now: DateTime<Utc>,
) -> DownloadFile {
    let (file_name, media_type, what) = export_names(Export::Json, &audit.value, template);
    let bundle = Bundle {
        exported_at: now,
        templates: vec![template.clone()],
        audits: vec![audit],
        moderations: moderation.into_iter().collect(),
    };
    DownloadFile { file_name, media_type, contents: write_bundle(&bundle), what }
}

/// Has the analysis worker write one of the audit's CSV files, then offers it.
async fn download_csv(
    part: CsvPart,
    audit: Audit,
    template: Rc<Template>,
    store: OpenedStore,
    platform: PlatformHandle,
) {
    let (file_name, media_type, what) = export_names(Export::Csv(part), &audit, &template);
    let request = AuditCsvRequest { source: data_source(&store).await, audit: audit.id.to_string(), part };
    match platform.analyse(AnalysisRequest::AuditCsv(request)).await {
        Ok(AnalysisReply::File { contents }) => {
            download(&platform, &DownloadFile { file_name, media_type, contents, what });
        }
        Ok(AnalysisReply::Refused { message }) => {
            platform.emit(LensEvent::Error { code: ErrorCode::DownloadFailed, message })
        }
        Ok(
            AnalysisReply::Report(_)
            | AnalysisReply::Themes(_)
            | AnalysisReply::ThemePanel(_)
            | AnalysisReply::ProfessionalChallenge(_)
            | AnalysisReply::FigureAudits(_)
            | AnalysisReply::Agreement(_)
            | AnalysisReply::Exported(_)
            | AnalysisReply::Warmed
            | AnalysisReply::CodebookChecked(_),
        ) => platform.emit(LensEvent::Error {
            code: ErrorCode::DownloadFailed,
            message: "The file could not be made: reload the page to carry on.".to_owned(),
        }),
        Err(unavailable) => {
            platform.emit(LensEvent::Error { code: ErrorCode::DownloadFailed, message: unavailable.message })
        }
    }
}

/// Print and download buttons for one audit. Downloads are made on this device; nothing is sent.
pub(crate) fn export_bar(
    state: &FormState,
    template: &Rc<Template>,
    store: &OpenedStore,
    platform: &PlatformHandle,
    marking: Option<&str>,
    moderation: Option<&Versioned<Moderation>>,
) -> Html {
    let words = Wording::for_template(template);
    let offer = |export: Export| {
        let (store, platform, template) = (store.clone(), platform.clone(), template.clone());
        let (audit, revision) = (state.audit.clone(), state.base.unwrap_or(Revision::FIRST));
        let moderation = moderation.cloned();
        Callback::from(move |_: MouseEvent| match export {
            Export::Json => {
                let now = platform.now().to_utc();
                let versioned = Versioned { value: audit.clone(), revision, updated_at: now };
                download(&platform, &json_file(versioned, moderation.clone(), &template, now));
            }
            Export::Csv(part) => spawn_local(download_csv(
                part,
                audit.clone(),
                template.clone(),
                store.clone(),
                platform.clone(),
            )),
        })
    };
    let on_print = {
        let (platform, marking) = (platform.clone(), marking.map(str::to_owned));
        Callback::from(move |_: MouseEvent| {
            let now = platform.now();
            let printed = format!("Printed on {} at {}", now.format("%-d %B %Y"), now.format("%H:%M"));
            platform.print(&PrintedPage { marking: marking.clone(), printed, title: None });
        })
    };
    html! {
        <div class="lens-button-group">
            <button type="button" class="lens-button lens-button--secondary" onclick={on_print}>{ words.print }</button>
            <button type="button" class="lens-button lens-button--secondary" onclick={offer(Export::Json)}>
                { words.download_json }
            </button>
            <button type="button" class="lens-button lens-button--secondary" onclick={offer(Export::Csv(CsvPart::Answers))}>
                { words.download_answers }
            </button>
            if template.actions.is_some() {
                <button type="button" class="lens-button lens-button--secondary" onclick={offer(Export::Csv(CsvPart::Actions))}>
                    { "Download actions as CSV" }
                </button>
            }
            if !state.audit.amendments.is_empty() {
                <button type="button" class="lens-button lens-button--secondary" onclick={offer(Export::Csv(CsvPart::Amendments))}>
                    { "Download amendments as CSV" }
                </button>
            }
            if !state.audit.follow_up.events.is_empty() {
                <button type="button" class="lens-button lens-button--secondary" onclick={offer(Export::Csv(CsvPart::FollowUp))}>
                    { "Download follow-up as CSV" }
                </button>
            }
        </div>
    }
}

/// Offers the audit as this page holds it (the amendment being written, if any) as a JSON
/// bundle, without touching storage: it is how typed work is kept when storage fails.
pub(super) fn rescue_download(saver: &Saver, template: &Template) {
    let now = saver.platform.now().to_utc();
    let (audit, revision) = {
        let state = saver.state.borrow();
        let audit =
            state.amending.as_ref().map_or_else(|| state.audit.clone(), |draft| draft.revised.clone());
        (audit, state.base.unwrap_or(Revision::FIRST))
    };
    let file = json_file(Versioned { value: audit, revision, updated_at: now }, None, template, now);
    if let Err(message) = saver.platform.download(&file.file_name, file.media_type, &file.contents) {
        saver.platform.emit(LensEvent::Error { code: ErrorCode::DownloadFailed, message });
    }
}
