//! Print and download of one submitted audit. Downloads are made on the device; nothing is sent.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use lens_core::{Audit, Template};
use lens_store::bundle::{write_bundle, Bundle};
use lens_store::csv_export::write_audits_csv;
use lens_store::{Revision, Versioned};
use yew::prelude::*;

use super::autosave::FormState;
use crate::ports::{LensEvent, PlatformHandle};

/// Which file a download button makes.
#[derive(Clone, Copy)]
enum Export {
    Json,
    Answers,
    Actions,
}

/// The file's name and media type, and its contents, made when the person asks for it.
fn export_file(
    export: Export,
    audit: Versioned<Audit>,
    template: &Template,
    now: DateTime<Utc>,
) -> (String, &'static str, String) {
    let name = if audit.value.case_reference.is_empty() {
        format!("audit-{}", audit.value.id)
    } else {
        format!("audit-{}", audit.value.case_reference)
    };
    let stem: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    match export {
        Export::Json => {
            let bundle = Bundle {
                exported_at: now,
                templates: vec![template.clone()],
                audits: vec![audit],
                moderations: Vec::new(),
            };
            (format!("{stem}.json"), "application/json", write_bundle(&bundle))
        }
        Export::Answers => (format!("{stem}.items.csv"), "text/csv", write_audits_csv(&[audit]).items),
        Export::Actions => (format!("{stem}.actions.csv"), "text/csv", write_audits_csv(&[audit]).actions),
    }
}

/// Print and download buttons for one audit. Downloads are made on this device; nothing is sent.
pub(crate) fn export_bar(state: &FormState, template: &Rc<Template>, platform: &PlatformHandle) -> Html {
    let download = |export: Export| {
        let (platform, template) = (platform.clone(), template.clone());
        let (audit, revision) = (state.audit.clone(), state.base.unwrap_or(Revision::FIRST));
        Callback::from(move |_: MouseEvent| {
            let now = platform.now().to_utc();
            let versioned = Versioned { value: audit.clone(), revision, updated_at: now };
            let (file_name, media_type, contents) = export_file(export, versioned, &template, now);
            if let Err(message) = platform.download(&file_name, media_type, &contents) {
                platform.emit(LensEvent::Error { code: "download-failed", message });
            }
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
        </div>
    }
}
