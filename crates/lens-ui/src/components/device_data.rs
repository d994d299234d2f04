//! The data on this device as a whole: whether the browser will keep it, when it was last
//! downloaded whole, and that download: every audit and moderation as one bundle, with the
//! person's own reflections only if they tick them in.

use std::rc::Rc;

use chrono::FixedOffset;
use lens_core::{is_reflection, reflections_of, Audit, Template};
use lens_store::bundle::{write_bundle, Bundle};
use lens_store::device_log::DeviceLog;
use lens_store::Versioned;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::download::{download_logged, DownloadFile, LoggedAs};
use super::persistence_status::persistence_sentence;
use crate::app::Session;
use crate::ports::PlatformHandle;

#[derive(Properties, PartialEq)]
pub(crate) struct DeviceDataProps {
    pub session: Session,
    pub platform: PlatformHandle,
    pub templates: Rc<Vec<Template>>,
    /// The person using the page, from `config`: only their reflections can be ticked in.
    pub author: Option<String>,
    pub onexported: Callback<DeviceLog>,
}

/// When audits last left this device in a file, and what the file held, in the device's time.
pub(crate) fn last_export_sentence(log: &DeviceLog, offset: FixedOffset) -> String {
    match &log.last_export {
        None => "Nothing has been exported from this device yet.".to_owned(),
        Some(export) => {
            let at = export.at.with_timezone(&offset);
            format!("Last exported on {} at {}: {}.", at.format("%-d %B %Y"), at.format("%H:%M"), export.what)
        }
    }
}

/// When all the device's data was last downloaded, when the last export was only part of it.
pub(crate) fn last_backup_sentence(log: &DeviceLog, offset: FixedOffset) -> Option<String> {
    if log.last_export.is_none() || log.last_export == log.last_backup {
        return None;
    }
    Some(match &log.last_backup {
        None => "All the data on this device has not yet been downloaded as one file.".to_owned(),
        Some(backup) => {
            let at = backup.at.with_timezone(&offset);
            format!(
                "All the data on this device was last downloaded on {} at {}.",
                at.format("%-d %B %Y"),
                at.format("%H:%M")
            )
        }
    })
}

/// "1 audit", "3 audits".
fn count(number: usize, one: &str, many: &str) -> String {
    format!("{number} {}", if number == 1 { one } else { many })
}

/// What a whole-device download holds: every audit and moderation, and the reflections given.
/// Its words start "all data (", which the device log reads as a backup.
fn all_data(
    session: &Session,
    templates: &[Template],
    reflections: &[&Audit],
    now: chrono::DateTime<FixedOffset>,
) -> DownloadFile {
    let chosen = |audit: &Versioned<Audit>| {
        !is_reflection(&audit.value, templates) || reflections.iter().any(|mine| mine.id == audit.value.id)
    };
    let audits: Vec<Versioned<Audit>> =
        session.audits.iter().filter(|audit| chosen(audit)).cloned().collect();
    let used: Vec<Template> = templates
        .iter()
        .filter(|template| audits.iter().any(|audit| audit.value.template == template.reference()))
        .cloned()
        .collect();
    let with_reflections = if reflections.is_empty() {
        String::new()
    } else {
        format!(", with {} of my reflections", reflections.len())
    };
    let what = format!(
        "all data ({} and {}{with_reflections}) as JSON",
        count(audits.len() - reflections.len(), "audit", "audits"),
        count(session.moderations.len(), "moderation", "moderations"),
    );
    let bundle = Bundle {
        exported_at: now.to_utc(),
        templates: used,
        audits,
        moderations: session.moderations.to_vec(),
    };
    DownloadFile {
        file_name: format!("practice-lens-{}.json", now.format("%Y-%m-%d")),
        media_type: "application/json",
        contents: write_bundle(&bundle),
        what,
    }
}

#[component]
pub(crate) fn DeviceData(props: &DeviceDataProps) -> Html {
    let session = &props.session;
    let include_reflections = use_state(|| false);
    let mine: Vec<Audit> = reflections_of(
        session.audits.iter().map(|audit| &audit.value),
        &props.templates,
        props.author.as_deref(),
    )
    .into_iter()
    .cloned()
    .collect();
    let others = session.audits.iter().filter(|audit| !is_reflection(&audit.value, &props.templates)).count();
    let on_download = {
        let (session, templates, platform) =
            (session.clone(), props.templates.clone(), props.platform.clone());
        let onexported = props.onexported.clone();
        let given: Vec<Audit> = if *include_reflections { mine.clone() } else { Vec::new() };
        Callback::from(move |_: MouseEvent| {
            let given: Vec<&Audit> = given.iter().collect();
            let file = all_data(&session, &templates, &given, platform.now());
            download_logged(&session.store, &platform, file, LoggedAs::Backup, &onexported);
        })
    };
    let on_tick = {
        let include_reflections = include_reflections.clone();
        Callback::from(move |event: Event| {
            include_reflections.set(event.target_unchecked_into::<HtmlInputElement>().checked())
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
                if let Some(backup) = last_backup_sentence(&session.device_log, offset) {
                    { " " }{ backup }
                }
            </p>
            if others > 0 || !mine.is_empty() {
                if !mine.is_empty() {
                    <div class="lens-checkboxes">
                        <div class="lens-checkboxes__item">
                            <input class="lens-checkboxes__input" id="lens-include-reflections" type="checkbox"
                                checked={*include_reflections} onchange={on_tick} aria-describedby="lens-include-reflections-hint" />
                            <label class="lens-label lens-checkboxes__label" for="lens-include-reflections">
                                { format!("Include my reflections ({})", mine.len()) }
                            </label>
                            <div class="lens-hint lens-checkboxes__hint" id="lens-include-reflections-hint">
                                { "Your reflections are left out unless you tick this. Tick it only for a copy you keep yourself: a reflection leaves this device only when you choose." }
                            </div>
                        </div>
                    </div>
                }
                <button type="button" class="lens-button lens-button--secondary" onclick={on_download}
                    aria-describedby="lens-download-all-hint">
                    { "Download all data on this device" }
                </button>
                <p class="lens-hint" id="lens-download-all-hint">
                    { "One JSON file with every audit and moderation on this device, to keep safe or to merge with a colleague's. Practitioners' reflections are not in it unless their author ticks them in." }
                </p>
            }
        </section>
    }
}
