//! Practice Lens in the browser: the Rust side of the `<practice-lens>` custom element.
//!
//! This is the only crate with `#[wasm_bindgen]` exports and the only one that touches
//! browser APIs directly. `web/practice-lens.js` defines the element, attaches its shadow root
//! and calls [`mount`]; the returned [`LensInstance`] maps attribute changes to
//! [`LensInstance::update`] and removal to [`LensInstance::destroy`].
//!
//! - storage is `lens_idb::IdbStore` (strict durability, revision-checked writes).
//! - `platform`: the UI's `Platform` port for the browser (clock, ids, storage, events).
//! - `host_api`: the element's methods (`importBundle`, `exportBundle`), answered by the app.
//! - `analysis`: the element's analysis worker, started the first time a report or file is
//!   asked for and terminated with the element.
//! - `panic`: an embedded app never breaks its host page; a panic shows an error notice in
//!   every mounted instance's own shadow root and sends `lens-error`.
#![deny(clippy::unwrap_used, clippy::expect_used)]

mod analysis;
mod events;
mod host_api;
mod leaving;
mod options;
mod panic;
mod platform;
mod print_page;
mod same_site;

use std::rc::Rc;

use lens_ui::{App, PlatformHandle};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::AppHandle;

pub use options::MountOptions;
pub use panic::show_crash_notice;
use platform::BrowserPlatform;

/// One running app inside one element's shadow root.
#[wasm_bindgen]
pub struct LensInstance {
    handle: Option<AppHandle<App>>,
    platform: PlatformHandle,
    browser: Rc<BrowserPlatform>,
    instance_id: u32,
}

/// Mounts the app into `container` (a `<div>` inside the element's shadow root); `host` is the
/// custom element, which receives the `lens-*` events. `options` is an object with the
/// element's `view`, `dbName` and `config` attribute values (each a string or null) and
/// `workerUrl`, where the analysis worker's script is.
#[wasm_bindgen]
pub fn mount(container: JsValue, host: JsValue, options: JsValue) -> Result<LensInstance, JsError> {
    let container = container
        .dyn_into::<web_sys::Element>()
        .map_err(|_| JsError::new("mount: the container must be an element"))?;
    let host = host
        .dyn_into::<web_sys::HtmlElement>()
        .map_err(|_| JsError::new("mount: the host must be an HTML element"))?;
    panic::install_hook();
    let instance_id = panic::register(container.clone(), host.clone());
    let options = MountOptions::read(&options);
    let browser = Rc::new(BrowserPlatform::new(host, options.worker_url.clone()));
    let platform = PlatformHandle(browser.clone());
    let props = options.into_props(platform.clone());
    let handle = yew::Renderer::<App>::with_root_and_props(container, props).render();
    Ok(LensInstance { handle: Some(handle), platform, browser, instance_id })
}

#[wasm_bindgen]
impl LensInstance {
    /// Applies new attribute values to the running app.
    pub fn update(&mut self, options: JsValue) {
        if let Some(handle) = self.handle.as_mut() {
            handle.update(MountOptions::read(&options).into_props(self.platform.clone()));
        }
    }

    /// `element.importBundle(file)`: resolves with the import's summary as JSON text, or rejects
    /// with why in words (README, "The element's methods").
    pub fn import_bundle(&self, file: web_sys::File) -> js_sys::Promise {
        self.browser.host_listener.import_bundle(file)
    }

    /// `element.exportBundle(filter)`: `filter` is the filter object as JSON text, or `None`
    /// for every audit; resolves with the bundle's text, or rejects with why in words.
    pub fn export_bundle(&self, filter: Option<String>) -> js_sys::Promise {
        self.browser.host_listener.export_bundle(filter)
    }

    /// `element.exampleBundle(seed)`: resolves with a generated bundle of example data as text;
    /// nothing is written.
    pub fn example_bundle(&self, seed: f64) -> js_sys::Promise {
        self.browser.host_listener.example_bundle(seed)
    }

    /// Removes the app and its listeners; the instance can then be freed.
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.browser.shut_down();
        panic::unregister(self.instance_id);
    }
}

/// The Practice Lens version, for the host page's diagnostics.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
