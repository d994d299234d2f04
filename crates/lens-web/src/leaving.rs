//! The page's life as the audit form needs it: a warning before leaving with unsaved work, and
//! a signal when the page is hidden so what is typed is saved while the browser still runs it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use lens_ui::UnsavedWork;
use wasm_bindgen::JsValue;

/// Asks the browser to confirm before the page is left, while any kind of work is unsaved.
pub struct LeaveWarning {
    unsaved: Rc<RefCell<Vec<UnsavedWork>>>,
    _listener: Option<EventListener>,
}

impl LeaveWarning {
    pub fn new() -> Self {
        let unsaved = Rc::new(RefCell::new(Vec::new()));
        let flag = unsaved.clone();
        let listener = web_sys::window().map(|window| {
            EventListener::new_with_options(
                &window,
                "beforeunload",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    if !flag.borrow().is_empty() {
                        event.prevent_default();
                        // Older browsers ask for a return value as well.
                        let _ = js_sys::Reflect::set(event, &"returnValue".into(), &JsValue::from_str(""));
                    }
                },
            )
        });
        Self { unsaved, _listener: listener }
    }

    /// Whether `work` is unsaved now.
    pub fn set(&self, work: UnsavedWork, unsaved: bool) {
        let mut kinds = self.unsaved.borrow_mut();
        kinds.retain(|kind| *kind != work);
        if unsaved {
            kinds.push(work);
        }
    }

    /// Nothing is unsaved any more: the element is gone.
    pub fn clear(&self) {
        self.unsaved.borrow_mut().clear();
    }
}

/// Listens for the page being hidden (`visibilitychange` to hidden, and `pagehide`).
pub fn when_hidden(on_hidden: yew::Callback<()>) -> Option<(EventListener, EventListener)> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let watched = document.clone();
    let on_visibility = on_hidden.clone();
    let visibility = EventListener::new(&document, "visibilitychange", move |_| {
        let state = js_sys::Reflect::get(&watched, &"visibilityState".into()).ok();
        if state.and_then(|state| state.as_string()).as_deref() == Some("hidden") {
            on_visibility.emit(());
        }
    });
    let page_hide = EventListener::new(&window, "pagehide", move |_| on_hidden.emit(()));
    Some((visibility, page_hide))
}
