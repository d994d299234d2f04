//! Telling every page and worker of the site that a database was written, so what they keep
//! decoded from it (the analysis worker's records) is read again. A `BroadcastChannel` reaches
//! every other tab's page and worker, and this tab's worker, but never the one that sent it.

use wasm_bindgen::JsValue;

/// The channel's name.
pub const CHANGES_CHANNEL: &str = "practice-lens-changes";

/// Says that the database `name` was written. A browser without `BroadcastChannel` hears
/// nothing, and the worker then reads again only when the page's records change.
pub(crate) fn announce_change(name: &str) {
    if let Ok(channel) = web_sys::BroadcastChannel::new(CHANGES_CHANNEL) {
        let _ = channel.post_message(&JsValue::from_str(name));
        channel.close();
    }
}
