//! Where focus starts when a screen opens, and links that move it inside the shadow root.

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

/// A link to the element with id `element_id` that moves focus to it through `node`: a
/// fragment link would reach the host page, not the shadow root.
pub(crate) fn focus_link(node: NodeRef, element_id: &str, text: Html) -> Html {
    let onclick = Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        if let Some(element) = node.cast::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    });
    html! { <a href={format!("#{element_id}")} {onclick}>{ text }</a> }
}
