//! Long lists in pages (the GOV.UK pagination pattern), so a council's 10,000 audits never make
//! one table: a page of rows is drawn, with Previous, Next and the page numbers around the
//! current one. Buttons, not links: a page is a view of this screen, not an address.

use yew::prelude::*;

/// Rows on one page of a list.
pub(crate) const PAGE_SIZE: usize = 25;

/// The rows of page `index` (from 0) of `total`, as a range, with the number of pages. An index
/// past the end (the list shrank) is the last page.
pub(crate) fn page_range(total: usize, index: usize) -> (std::ops::Range<usize>, usize, usize) {
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let index = index.min(pages - 1);
    let start = index * PAGE_SIZE;
    (start..(start + PAGE_SIZE).min(total), index, pages)
}

/// The page numbers to offer around `current` (from 0): the first, the last, and the current
/// with its neighbours; `None` where numbers are left out.
pub(crate) fn page_numbers(current: usize, pages: usize) -> Vec<Option<usize>> {
    let mut numbers: Vec<Option<usize>> = Vec::new();
    for page in 0..pages {
        let near = page + 1 >= current && page <= current + 1;
        if page == 0 || page + 1 == pages || near {
            numbers.push(Some(page));
        } else if numbers.last() != Some(&None) {
            numbers.push(None);
        }
    }
    numbers
}

/// "1,234": numbers as a report writes them.
/// `count` with the noun that fits it: "1 problem", "5 problems".
pub(crate) fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{} {}", with_commas(count), if count == 1 { one } else { many })
}

pub(crate) fn with_commas(number: usize) -> String {
    let digits = number.to_string();
    let mut grouped = String::new();
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// "Showing 26 to 50 of 9,512 audits", or "Showing 2 of 2 audits" when one page holds them.
pub(crate) fn showing(range: &std::ops::Range<usize>, of: usize, of_all: usize, noun: &str) -> String {
    if of <= PAGE_SIZE {
        format!("Showing {} of {} {noun}", with_commas(of), with_commas(of_all))
    } else {
        format!(
            "Showing {} to {} of {} {noun}",
            with_commas(range.start + 1),
            with_commas(range.end),
            with_commas(of)
        )
    }
}

/// Where a paged list is: the rows to draw and what the pager needs.
pub(crate) struct Paged {
    pub range: std::ops::Range<usize>,
    pub current: usize,
    pub pages: usize,
    pub onpage: Callback<usize>,
}

/// A list of `total` rows shown a page at a time. A new `reset` (the list's search and filters)
/// goes back to the first page.
#[hook]
pub(crate) fn use_pages<R: PartialEq + 'static>(total: usize, reset: R) -> Paged {
    let page = use_state_eq(|| 0_usize);
    let last_reset = use_mut_ref(|| None::<R>);
    // Decided while drawing, not in an effect after it: the first page shows in the same
    // render as the new search, never a stale page first.
    let changed = last_reset.borrow().as_ref() != Some(&reset);
    let index = if changed {
        let first_render = last_reset.borrow().is_none();
        *last_reset.borrow_mut() = Some(reset);
        if !first_render {
            page.set(0);
        }
        if first_render {
            *page
        } else {
            0
        }
    } else {
        *page
    };
    let (range, current, pages) = page_range(total, index);
    let onpage = Callback::from(move |index: usize| page.set(index));
    Paged { range, current, pages, onpage }
}

/// The pager under a paged list; `label` names it for screen readers ("Pages of audits").
/// Nothing when there is one page.
pub(crate) fn pagination(label: &str, paged: &Paged) -> Html {
    let Paged { current, pages, ref onpage, .. } = *paged;
    if pages <= 1 {
        return html! {};
    }
    let go = |page: usize| {
        let onpage = onpage.clone();
        Callback::from(move |_: MouseEvent| onpage.emit(page))
    };
    let numbers = page_numbers(current, pages).into_iter().map(|number| match number {
        None => html! { <li class="lens-pagination__item lens-pagination__item--ellipses">{ "…" }</li> },
        Some(page) if page == current => html! {
            <li class="lens-pagination__item lens-pagination__item--current">
                <span aria-current="page">
                    <span class="lens-visually-hidden">{ "Page " }</span>{ page + 1 }
                </span>
            </li>
        },
        Some(page) => html! {
            <li class="lens-pagination__item">
                <button type="button" class="lens-link-button lens-pagination__link" onclick={go(page)}>
                    <span class="lens-visually-hidden">{ "Page " }</span>{ page + 1 }
                </button>
            </li>
        },
    });
    html! {
        <nav class="lens-pagination" aria-label={label.to_owned()}>
            if current > 0 {
                <button type="button" class="lens-link-button lens-pagination__link" onclick={go(current - 1)}>
                    { "Previous" }<span class="lens-visually-hidden">{ " page" }</span>
                </button>
            }
            <ul class="lens-pagination__list">{ for numbers }</ul>
            if current + 1 < pages {
                <button type="button" class="lens-link-button lens-pagination__link" onclick={go(current + 1)}>
                    { "Next" }<span class="lens-visually-hidden">{ " page" }</span>
                </button>
            }
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_is_cut_into_pages_and_the_pager_offers_the_ends_and_the_neighbours() {
        assert_eq!(page_range(0, 0), (0..0, 0, 1));
        assert_eq!(page_range(10_000, 0), (0..25, 0, 400));
        assert_eq!(page_range(10_000, 399), (9_975..10_000, 399, 400));
        assert_eq!(page_range(30, 7), (25..30, 1, 2), "past the end is the last page");
        assert_eq!(page_numbers(0, 1), [Some(0)]);
        assert_eq!(page_numbers(0, 400), [Some(0), Some(1), None, Some(399)]);
        assert_eq!(page_numbers(200, 400), [Some(0), None, Some(199), Some(200), Some(201), None, Some(399)]);
        assert_eq!(page_numbers(2, 4), [Some(0), Some(1), Some(2), Some(3)]);
        assert_eq!(with_commas(9_512), "9,512");
        assert_eq!(with_commas(100), "100");
        assert_eq!(with_commas(1_234_567), "1,234,567");
        assert_eq!(showing(&(25..50), 9_512, 10_000, "audits"), "Showing 26 to 50 of 9,512 audits");
        assert_eq!(showing(&(0..2), 2, 2, "audits"), "Showing 2 of 2 audits");
        assert_eq!(showing(&(0..0), 0, 2, "audits"), "Showing 0 of 2 audits");
    }
}
