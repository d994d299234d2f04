//! The GOV.UK error summary: shown at the top of a form, focused when it appears, each link
//! moving focus to its field inside the shadow root (fragment links would reach the host page).

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::focus::focus_link;

/// One error, tied to the field it is about.
#[derive(Clone, PartialEq, Debug)]
pub(crate) struct FieldError {
    /// What to say: the same words as the inline message.
    pub message: String,
    /// The field to focus when the summary link is followed.
    pub field: NodeRef,
    /// The field's element id.
    pub field_id: String,
}

#[derive(Properties, PartialEq)]
pub(crate) struct ErrorSummaryProps {
    pub errors: Vec<FieldError>,
    /// Changes each time the form is submitted, so focus moves to the summary every time.
    pub attempt: u32,
}

#[component]
pub(crate) fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let summary = use_node_ref();
    {
        let summary = summary.clone();
        use_effect_with(props.attempt, move |_| {
            if let Some(element) = summary.cast::<HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    if props.errors.is_empty() {
        return html! {};
    }
    let links = props.errors.iter().map(|error| {
        let link = focus_link(error.field.clone(), &error.field_id, html! { error.message.clone() });
        html! { <li>{ link }</li> }
    });
    html! {
        <div class="lens-error-summary" ref={summary} tabindex="-1" aria-labelledby="lens-error-summary-title">
            <div role="alert">
                <h3 class="lens-error-summary__title" id="lens-error-summary-title">{ "There is a problem" }</h3>
                <ul class="lens-list lens-error-summary__list">{ for links }</ul>
            </div>
        </div>
    }
}
