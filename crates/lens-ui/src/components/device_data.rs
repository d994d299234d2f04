//! The data on this device as a whole: whether the browser will keep it, when it was last
//! exported, and a download of all of it as one bundle.

use std::rc::Rc;

use chrono::FixedOffset;
use lens_core::Template;
use lens_store::bundle::{write_bundle, Bundle};
use lens_store::device_log::DeviceLog;
use yew::prelude::*;

use super::download::{download_and_log, DownloadFile};
use super::persistence_status::persistence_sentence;
use crate::app::Session;
use crate::ports::PlatformHandle;

#[derive(Properties, PartialEq)]
pub(crate) struct DeviceDataProps {
    pub session: Session,
    pub platform: PlatformHandle,
    pub templates: Rc<Vec<Template>>,
    pub onexported: Callback<DeviceLog>,
}

/// When data last left the device, in the device's time.
pub(crate) fn last_export_sentence(log: &DeviceLog, offset: FixedOffset) -> String {
    match &log.last_export {
        None => "Nothing has been exported from this device yet.".to_owned(),
        Some(export) => {
            let at = export.at.with_timezone(&offset);
            format!("Last exported on {} at {}: {}.", at.format("%-d %B %Y"), at.format("%H:%M"), export.what)
        }
    }
}

/// Everything on the device as one bundle, with the templates its audits use.
fn all_data(session: &Session, templates: &[Template], platform: &PlatformHandle) -> DownloadFile {
    let now = platform.now();
    let used: Vec<Template> = templates
        .iter()
        .filter(|template| session.audits.iter().any(|audit| audit.value.template == template.reference()))
        .cloned()
        .collect();
    let bundle = Bundle {
        exported_at: now.to_utc(),
        templates: used,
        audits: session.audits.to_vec(),
        moderations: session.moderations.to_vec(),
    };
    DownloadFile {
        file_name: format!("practice-lens-{}.json", now.format("%Y-%m-%d")),
        media_type: "application/json",
        contents: write_bundle(&bundle),
        what: format!(
            "all data ({} audits and {} moderations) as JSON",
            session.audits.len(),
            session.moderations.len()
        ),
    }
}

#[component]
pub(crate) fn DeviceData(props: &DeviceDataProps) -> Html {
    let session = &props.session;
    let on_download = {
        let (session, templates, platform) =
            (session.clone(), props.templates.clone(), props.platform.clone());
        let onexported = props.onexported.clone();
        Callback::from(move |_: MouseEvent| {
            let file = all_data(&session, &templates, &platform);
            download_and_log(&session.store, &platform, file, &onexported);
        })
    };
    let offset = *props.platform.now().offset();
    html! {
        <section class="lens-section" aria-labelledby="lens-device-data-title">
            <h3 class="lens-heading-m" id="lens-device-data-title">{ "Data on this device" }</h3>
            <p class="lens-body lens-body--secondary" data-lens-persistence="">
                { persistence_sentence(&session.store.kind, &session.persistence) }
            </p>
            <p class="lens-body" id="lens-last-export" role="status">
                { last_export_sentence(&session.device_log, offset) }
            </p>
            if !session.audits.is_empty() {
                <button type="button" class="lens-button lens-button--secondary" onclick={on_download}
                    aria-describedby="lens-download-all-hint">
                    { "Download all data on this device" }
                </button>
                <p class="lens-hint" id="lens-download-all-hint">
                    { "One JSON file with every audit, reflection and moderation on this device, to keep safe or to merge with a colleague's." }
                </p>
            }
        </section>
    }
}
