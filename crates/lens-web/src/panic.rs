//! What happens when Practice Lens itself fails: the host page carries on, and each mounted
//! instance shows a notice inside its own shadow root and sends `lens-error`.
//!
//! A panic aborts the WebAssembly instance (release builds use `panic = "abort"`), so this
//! hook is the last Rust code to run; it uses only plain DOM calls.

use std::cell::{Cell, RefCell};
use std::panic::PanicHookInfo;
use std::sync::Once;

use lens_ui::{ErrorCode, LensEvent};
use web_sys::{Element, HtmlElement};

use crate::events;

struct Mounted {
    id: u32,
    container: Element,
    host: HtmlElement,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Sets yew's custom panic hook once per page, so yew does not install its own and the host
/// page's console is told plainly what stopped.
pub fn install_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| yew::set_custom_panic_hook(Box::new(on_panic)));
}

/// Remembers a mounted instance so a panic can reach it; returns its id.
pub fn register(container: Element, host: HtmlElement) -> u32 {
    let id = NEXT_ID.with(|next| next.replace(next.get() + 1));
    MOUNTED.with(|mounted| mounted.borrow_mut().push(Mounted { id, container, host }));
    id
}

/// Forgets a destroyed instance.
pub fn unregister(id: u32) {
    MOUNTED.with(|mounted| mounted.borrow_mut().retain(|instance| instance.id != id));
}

fn on_panic(info: &PanicHookInfo<'_>) {
    let detail = info.to_string();
    web_sys::console::error_1(&format!("Practice Lens stopped working: {detail}").into());
    MOUNTED.with(|mounted| {
        // The panic may have happened while the list was borrowed: then there is no one to tell.
        let Ok(mounted) = mounted.try_borrow() else { return };
        for instance in mounted.iter() {
            show_crash_notice(&instance.container, &detail);
            let message = format!("Practice Lens stopped working: {detail}");
            events::dispatch(&instance.host, &LensEvent::Error { code: ErrorCode::Crashed, message });
        }
    });
}

/// Replaces what `container` shows with a notice that Practice Lens stopped, in words for the
/// person using it, with the technical detail underneath for whoever supports them.
pub fn show_crash_notice(container: &Element, detail: &str) {
    let Some(document) = container.owner_document() else { return };
    let element = |tag: &str, class: &str, text: &str| {
        let node = document.create_element(tag).ok()?;
        node.set_class_name(class);
        node.set_text_content(Some(text));
        Some(node)
    };
    let Some(notice) = element("div", "lens-notification lens-notification--error", "") else {
        return;
    };
    let _ = notice.set_attribute("role", "alert");
    let parts = [
        element("h3", "lens-heading-m", "Practice Lens has stopped working"),
        element(
            "p",
            "lens-body",
            "Reload the page to carry on. Everything that was shown as saved is safe on this device; anything typed since then may need typing again.",
        ),
        element("p", "lens-body lens-body--secondary", &format!("Technical detail: {detail}")),
    ];
    for part in parts.into_iter().flatten() {
        let _ = notice.append_child(&part);
    }
    container.set_text_content(None);
    let _ = container.append_child(&notice);
}
