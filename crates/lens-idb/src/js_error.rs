//! Turning JavaScript errors into names and messages, in one place.

use wasm_bindgen::{JsCast, JsValue};

/// The `name` and `message` of a thrown JavaScript value (a DOMException, an Error, or
/// anything else), for error messages that keep the browser's own words.
pub fn name_and_message(value: &JsValue) -> (String, String) {
    if let Some(exception) = value.dyn_ref::<web_sys::DomException>() {
        return (exception.name(), exception.message());
    }
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        return (String::from(error.name()), String::from(error.message()));
    }
    ("Error".to_owned(), value.as_string().unwrap_or_else(|| format!("{value:?}")))
}
