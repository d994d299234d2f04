//! The element's methods for the host page, on the Rust side: each call becomes a
//! [`HostRequest`] for the app, answered through a promise. `web/practice-lens.js` turns the
//! answers into what the host page receives (an object, a `Blob`, an `Error`).

use std::cell::RefCell;
use std::rc::Rc;

use lens_ui::{ChosenFile, HostReply, HostRequest, PageWatch};
use wasm_bindgen::JsValue;
use yew::Callback;

/// Who hears the host page's requests: the app, once it has started listening.
#[derive(Clone, Default)]
pub(crate) struct HostListener(Rc<RefCell<Option<Callback<HostRequest>>>>);

/// Stops the app hearing requests when dropped.
struct Listening(HostListener);

impl Drop for Listening {
    fn drop(&mut self) {
        self.0 .0.borrow_mut().take();
    }
}

impl HostListener {
    /// Hands requests to `on_request` until the watch is dropped.
    pub(crate) fn listen(&self, on_request: Callback<HostRequest>) -> PageWatch {
        *self.0.borrow_mut() = Some(on_request);
        PageWatch(Box::new(Listening(self.clone())))
    }

    /// A promise of the answer to the request `make` builds around its reply.
    fn ask(&self, make: impl FnOnce(HostReply) -> HostRequest) -> js_sys::Promise {
        let listener = self.0.borrow().clone();
        let mut make = Some(make);
        js_sys::Promise::new(&mut |resolve: js_sys::Function, reject: js_sys::Function| {
            let Some(make) = make.take() else { return };
            let Some(listener) = listener.clone() else {
                let _ = reject.call1(
                    &JsValue::NULL,
                    &JsValue::from_str(
                        "Practice Lens has not started yet: call it after the element's lens-ready event",
                    ),
                );
                return;
            };
            let reply = HostReply(Box::new(move |answer: Result<String, String>| {
                let _ = match answer {
                    Ok(text) => resolve.call1(&JsValue::NULL, &JsValue::from_str(&text)),
                    Err(message) => reject.call1(&JsValue::NULL, &JsValue::from_str(&message)),
                };
            }));
            listener.emit(make(reply));
        })
    }

    /// `importBundle`: resolves with the import's summary as JSON text.
    pub(crate) fn import_bundle(&self, file: web_sys::File) -> js_sys::Promise {
        self.ask(|reply| HostRequest::ImportBundle { file: ChosenFile::new(file), reply })
    }

    /// `exampleBundle`: resolves with a generated bundle's text.
    pub(crate) fn example_bundle(&self, seed: f64) -> js_sys::Promise {
        self.ask(|reply| HostRequest::ExampleBundle { seed, reply })
    }

    /// `exportBundle`: resolves with the bundle's text.
    pub(crate) fn export_bundle(&self, filter: Option<String>) -> js_sys::Promise {
        self.ask(|reply| HostRequest::ExportBundle { filter, reply })
    }
}
