//! Print and download of one submitted audit. Downloads are made on the device; nothing is sent.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use lens_core::{Audit, Template};
use lens_store::bundle::{write_bundle, Bundle};
use lens_store::csv_export::write_audits_csv;
use lens_store::{Revision, Versioned};
use yew::prelude::*;

use lens_store::device_log::DeviceLog;

use super::autosave::FormState;
use crate::components::audit_cells::case_label;
use crate::components::download::{download_and_log, file_stem, DownloadFile};
use crate::ports::{OpenedStore, PlatformHandle};

/// Which file a download button makes.
#[derive(Clone, Copy)]
enum Export {
    Json,
    Answers,
    Actions,
    Amendments,
}

/// The file, made when the person asks for it.
fn export_file(
    export: Export,
    audit: Versioned<Audit>,
    template: &Template,
    now: DateTime<Utc>,
) -> DownloadFile {
    let name = if audit.value.case_reference.is_empty() {
        format!("audit-{}", audit.value.id)
    } else {
        format!("audit-{}", audit.value.case_reference)
    };
    let stem = file_stem(&name);
    let case = case_label(&audit.value);
    let (file_name, media_type, contents, what) = match export {
        Export::Json => {
            let bundle = Bundle {
                exported_at: now,
                templates: vec![template.clone()],
                audits: vec![audit],
                moderations: Vec::new(),
            };
            (format!("{stem}.json"), "application/json", write_bundle(&bundle), "as JSON")
        }
        Export::Answers => {
            (format!("{stem}.items.csv"), "text/csv", write_audits_csv(&[audit]).items, "answers as CSV")
        }
        Export::Actions => {
            (format!("{stem}.actions.csv"), "text/csv", write_audits_csv(&[audit]).actions, "actions as CSV")
        }
        Export::Amendments => (
            format!("{stem}.amendments.csv"),
            "text/csv",
            write_audits_csv(&[audit]).amendments,
            "amendments as CSV",
        ),
    };
    DownloadFile { file_name, media_type, contents, what: format!("{} ({case}) {what}", template.title) }
}

/// Print and download buttons for one audit. Downloads are made on this device; nothing is sent.
pub(crate) fn export_bar(
    state: &FormState,
    template: &Rc<Template>,
    store: &OpenedStore,
    platform: &PlatformHandle,
    onexported: &Callback<DeviceLog>,
) -> Html {
    let download = |export: Export| {
        let (store, platform, template) = (store.clone(), platform.clone(), template.clone());
        let onexported = onexported.clone();
        let (audit, revision) = (state.audit.clone(), state.base.unwrap_or(Revision::FIRST));
        Callback::from(move |_: MouseEvent| {
            let now = platform.now().to_utc();
            let versioned = Versioned { value: audit.clone(), revision, updated_at: now };
            download_and_log(&store, &platform, export_file(export, versioned, &template, now), &onexported);
        })
    };
    let on_print = {
        let platform = platform.clone();
        Callback::from(move |_: MouseEvent| platform.print())
    };
    html! {
        <div class="lens-button-group">
            <button type="button" class="lens-button lens-button--secondary" onclick={on_print}>{ "Print this audit" }</button>
            <button type="button" class="lens-button lens-button--secondary" onclick={download(Export::Json)}>
                { "Download as JSON" }
            </button>
            <button type="button" class="lens-button lens-button--secondary" onclick={download(Export::Answers)}>
                { "Download answers as CSV" }
            </button>
            <button type="button" class="lens-button lens-button--secondary" onclick={download(Export::Actions)}>
                { "Download actions as CSV" }
            </button>
            if !state.audit.amendments.is_empty() {
                <button type="button" class="lens-button lens-button--secondary" onclick={download(Export::Amendments)}>
                    { "Download amendments as CSV" }
                </button>
            }
        </div>
    }
}
