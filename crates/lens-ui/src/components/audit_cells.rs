//! Cells that every table of audits shares: the case as a row heading, and the button that opens
//! the audit, named for screen readers by its case.

use lens_core::{Audit, AuditId};
use yew::prelude::*;

/// The audit's case reference, or "No case" for a reflection not about one case.
pub(crate) fn case_label(audit: &Audit) -> String {
    if audit.case_reference.is_empty() {
        "No case".to_owned()
    } else {
        audit.case_reference.clone()
    }
}

/// The row heading naming the audit's case.
pub(crate) fn case_cell(audit: &Audit) -> Html {
    html! { <th scope="row" class="lens-table__header">{ case_label(audit) }</th> }
}

/// The last cell of a row: a button that opens the audit.
pub(crate) fn open_cell(audit: &Audit, onopen: &Callback<AuditId>) -> Html {
    open_cell_at(audit, onopen, NodeRef::default())
}

/// The same cell, its button taking `node` so focus can come back to it.
pub(crate) fn open_cell_at(audit: &Audit, onopen: &Callback<AuditId>, node: NodeRef) -> Html {
    let onclick = {
        let (onopen, id) = (onopen.clone(), audit.id.clone());
        Callback::from(move |_: MouseEvent| onopen.emit(id.clone()))
    };
    html! {
        <td class="lens-table__cell">
            <button type="button" class="lens-link-button" ref={node} {onclick}>
                { "Open" }<span class="lens-visually-hidden">{ format!(" {}", case_label(audit)) }</span>
            </button>
        </td>
    }
}

/// The link-styled button that opens `audit` for moderation, named with its case for a screen
/// reader's list of buttons.
pub(crate) fn moderate_button(audit: &Audit, onnavigate: &Callback<crate::screen::Screen>) -> Html {
    let (onnavigate, id) = (onnavigate.clone(), audit.id.clone());
    let onclick = Callback::from(move |_: MouseEvent| {
        onnavigate.emit(crate::screen::Screen::ModerateAudit(id.clone()))
    });
    html! {
        <button type="button" class="lens-link-button" {onclick}>
            { "Moderate" }<span class="lens-visually-hidden">{ format!(" {}", case_label(audit)) }</span>
        </button>
    }
}
