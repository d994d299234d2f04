//! Every table sits in a region that scrolls sideways, is named by the table's heading and can
//! be reached from the keyboard, so a narrow screen or 400% zoom cuts nothing off (WCAG 1.4.10).

use yew::prelude::*;

/// `table` inside its scrolling region, named by the element with id `labelled_by`.
pub(crate) fn scroll_table(labelled_by: &str, table: Html) -> Html {
    html! {
        <div class="lens-table-scroll" role="region" aria-labelledby={labelled_by.to_owned()} tabindex="0">
            { table }
        </div>
    }
}
