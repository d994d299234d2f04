//! What is stored on this device, and asking the browser to keep it.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::device_data::{last_backup_sentence, last_export_sentence};
use super::persistence_status::persistence_sentence;
use crate::app::Session;
use crate::ports::{Persistence, PlatformHandle, StorageKind};

#[derive(Properties, PartialEq)]
pub(crate) struct StoragePageProps {
    pub session: Session,
    pub db_name: String,
    pub platform: PlatformHandle,
    pub onpersistence: Callback<Persistence>,
}

#[component]
pub(crate) fn StoragePage(props: &StoragePageProps) -> Html {
    let asking = use_state(|| false);
    let ask = {
        let platform = props.platform.clone();
        let onpersistence = props.onpersistence.clone();
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| {
            let (platform, onpersistence, asking) = (platform.clone(), onpersistence.clone(), asking.clone());
            asking.set(true);
            spawn_local(async move {
                onpersistence.emit(platform.request_persistence().await);
                asking.set(false);
            });
        })
    };
    let session = &props.session;
    let storage = match &session.store.kind {
        StorageKind::IndexedDb => "This browser's storage (IndexedDB)".to_owned(),
        StorageKind::Memory { .. } => "This page's memory only".to_owned(),
    };
    let can_ask =
        session.store.kind == StorageKind::IndexedDb && session.persistence != Persistence::Persistent;
    let offset = *props.platform.now().offset();
    html! {
        <section class="lens-section" aria-labelledby="lens-storage-title">
            <h3 class="lens-heading-m" id="lens-storage-title">{ "Data on this device" }</h3>
            <dl class="lens-summary-list">
                { summary_row("Where it is kept", storage) }
                { summary_row("Data set name", props.db_name.clone()) }
                { summary_row("Audits", session.audits.len().to_string()) }
                { summary_row("Moderations", session.moderations.len().to_string()) }
                { summary_row("Will the browser keep it?", persistence_sentence(&session.store.kind, &session.persistence).to_owned()) }
                { summary_row("Last export", last_export_sentence(&session.device_log, offset)) }
                if let Some(backup) = last_backup_sentence(&session.device_log, offset) {
                    { summary_row("Last download of all data", backup) }
                }
            </dl>
            if can_ask {
                <button type="button" class="lens-button lens-button--secondary" onclick={ask} disabled={*asking}>
                    { "Ask the browser to keep this data" }
                </button>
            }
            <p class="lens-body lens-body--secondary">
                { "Practice Lens sends nothing over the network. Data stays in this browser on this device until you export it." }
            </p>
        </section>
    }
}

fn summary_row(key: &'static str, value: String) -> Html {
    html! {
        <div class="lens-summary-list__row">
            <dt class="lens-summary-list__key">{ key }</dt>
            <dd class="lens-summary-list__value">{ value }</dd>
        </div>
    }
}
