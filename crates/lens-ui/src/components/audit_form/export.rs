//! Print and download of one submitted audit. Downloads are made on the device; nothing is sent.

use std::rc::Rc;

use lens_core::Template;
use lens_store::Versioned;
use yew::prelude::*;

use super::autosave::FormState;
use crate::ports::PlatformHandle;

/// Print and download buttons for one audit. Downloads are made on this device; nothing is sent.
pub(crate) fn export_bar(state: &FormState, template: &Rc<Template>, platform: &PlatformHandle) -> Html {
    let now = platform.now();
    let versioned = Versioned {
        value: state.audit.clone(),
        revision: state.base.unwrap_or(lens_store::Revision::FIRST),
        updated_at: now.to_utc(),
    };
    let name = if state.audit.case_reference.is_empty() {
        format!("audit-{}", state.audit.id)
    } else {
        format!("audit-{}", state.audit.case_reference)
    };
    let stem: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    let bundle = lens_store::bundle::Bundle {
        exported_at: now.to_utc(),
        templates: vec![(**template).clone()],
        audits: vec![versioned.clone()],
        moderations: Vec::new(),
    };
    let files = lens_store::csv_export::write_audits_csv(std::slice::from_ref(&versioned));
    let download = |file_name: String, media_type: &'static str, contents: String| {
        let platform = platform.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(message) = platform.download(&file_name, media_type, &contents) {
                platform.emit(crate::ports::LensEvent::Error { code: "download-failed", message });
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
            <button type="button" class="lens-button lens-button--secondary"
                onclick={download(format!("{stem}.json"), "application/json", lens_store::bundle::write_bundle(&bundle))}>
                { "Download as JSON" }
            </button>
            <button type="button" class="lens-button lens-button--secondary"
                onclick={download(format!("{stem}.items.csv"), "text/csv", files.items)}>
                { "Download answers as CSV" }
            </button>
            <button type="button" class="lens-button lens-button--secondary"
                onclick={download(format!("{stem}.actions.csv"), "text/csv", files.actions)}>
                { "Download actions as CSV" }
            </button>
        </div>
    }
}
