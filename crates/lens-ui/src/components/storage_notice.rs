//! Warnings about storage that every screen shows: memory-only mode, unreadable records.

use std::rc::Rc;

use yew::prelude::*;

use crate::ports::StorageKind;

#[derive(Properties, PartialEq)]
pub(crate) struct StorageNoticeProps {
    pub kind: StorageKind,
    pub unreadable: Rc<Vec<String>>,
}

#[component]
pub(crate) fn StorageNotice(props: &StorageNoticeProps) -> Html {
    let memory_warning = match &props.kind {
        StorageKind::IndexedDb => html! {},
        StorageKind::Memory { reason } => html! {
            <div class="lens-warning" role="alert">
                <span class="lens-warning__icon" aria-hidden="true">{ "!" }</span>
                <p class="lens-warning__text">
                    <strong>{ "Nothing you enter will be kept. " }</strong>
                    { format!("{reason} Your work is held only until this page is closed or reloaded.") }
                </p>
            </div>
        },
    };
    let unreadable = (!props.unreadable.is_empty()).then(|| {
        let items = props.unreadable.iter().map(|problem| html! { <li>{ problem.clone() }</li> });
        html! {
            <div class="lens-notification lens-notification--warning" role="alert">
                <h3 class="lens-heading-s">{ "Some saved records could not be opened" }</h3>
                <ul class="lens-list lens-list--bullet">{ for items }</ul>
            </div>
        }
    });
    html! { <>{ memory_warning }{ for unreadable }</> }
}
