//! Helpers shared by the browser tests.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, ShadowRoot};

thread_local! {
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// A database name no other test (nor an earlier run) uses.
pub fn unique_db_name(purpose: &str) -> String {
    let n = NEXT.with(|next| next.replace(next.get() + 1));
    format!("lens-test-{purpose}-{n}-{}", js_sys::Date::now())
}

pub fn document() -> web_sys::Document {
    web_sys::window().and_then(|window| window.document()).expect("a document")
}

/// A host element in the page with an open shadow root holding a mount container, as
/// web/practice-lens.js builds it.
pub struct Host {
    pub host: HtmlElement,
    pub shadow: ShadowRoot,
    pub container: Element,
}

impl Host {
    pub fn new() -> Self {
        let document = document();
        let host: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
        document.body().unwrap().append_child(&host).unwrap();
        let shadow =
            host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
        let container = document.create_element("div").unwrap();
        shadow.append_child(&container).unwrap();
        Self { host, shadow, container }
    }

    /// Resolves with the event's detail when `event_type` is next dispatched on the host.
    pub fn next_event(&self, event_type: &str) -> JsFuture {
        let host = self.host.clone();
        let event_type = event_type.to_owned();
        let promise = js_sys::Promise::new(&mut move |resolve, _reject| {
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            let listener = Closure::once_into_js(move |event: web_sys::CustomEvent| {
                let _ = resolve.call1(&JsValue::NULL, &event.detail());
            });
            host.add_event_listener_with_callback_and_add_event_listener_options(
                &event_type,
                listener.unchecked_ref(),
                &options,
            )
            .unwrap();
        });
        JsFuture::from(promise)
    }

    /// The text of everything rendered in the shadow root.
    pub fn text(&self) -> String {
        self.container.text_content().unwrap_or_default()
    }

    pub fn remove(&self) {
        self.host.remove();
    }
}

/// The mount options object the element script passes.
pub fn options(view: &str, db_name: &str, config: Option<&str>) -> JsValue {
    let object = js_sys::Object::new();
    let set = |key: &str, value: JsValue| js_sys::Reflect::set(&object, &key.into(), &value).unwrap();
    set("view", view.into());
    set("dbName", db_name.into());
    set("config", config.map_or(JsValue::NULL, JsValue::from));
    object.into()
}

/// A field of an event detail object, as a string.
pub fn detail_field(detail: &JsValue, field: &str) -> String {
    let value = js_sys::Reflect::get(detail, &field.into()).unwrap();
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

/// Lets yew's scheduler and pending promises run.
pub async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}
