//! Where focus starts when a screen opens.

use yew::prelude::*;

/// Focuses `heading` once, when the component mounts, so keyboard and screen reader users begin
/// at the top of the screen they just opened.
#[hook]
pub(crate) fn use_focus_on_mount(heading: NodeRef) {
    use_effect_with((), move |_| {
        if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    });
}
