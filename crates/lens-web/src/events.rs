//! The `lens-*` CustomEvents sent on the host element.

use lens_ui::LensEvent;
use serde_json::json;
use wasm_bindgen::JsValue;

/// The event's DOM type and detail object.
pub fn describe(event: &LensEvent) -> (&'static str, serde_json::Value) {
    match event {
        LensEvent::Ready { view, storage } => {
            ("lens-ready", json!({ "view": view, "storage": storage.code() }))
        }
        LensEvent::Saved { kind, id, revision } => {
            ("lens-saved", json!({ "kind": kind.as_str(), "id": id, "revision": revision }))
        }
        LensEvent::Error { code, message } => {
            ("lens-error", json!({ "code": code.code(), "message": message }))
        }
    }
}

/// Dispatches the event on `host`; it bubbles, so a listener on the page sees it too.
pub fn dispatch(host: &web_sys::HtmlElement, event: &LensEvent) {
    let (event_type, detail) = describe(event);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let detail = serde::Serialize::serialize(&detail, &serializer).unwrap_or(JsValue::NULL);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail);
    if let Ok(custom_event) = web_sys::CustomEvent::new_with_event_init_dict(event_type, &init) {
        let _ = host.dispatch_event(&custom_event);
    }
}
