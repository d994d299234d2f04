//! The printed page's margins: a `@page` rule on the document, since a rule inside the shadow
//! root cannot reach the page box. It is one constructed stylesheet, replaced before each print;
//! the CSS object model is allowed under the strict CSP, where a `<style>` element is not.

use std::cell::RefCell;

use js_sys::{Array, Reflect};
use lens_ui::PrintedPage;
use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

thread_local! {
    /// The sheet added to the document, kept to be replaced, never added twice.
    static PAGE_SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Gives the document's printed pages the marking, the print date and page numbers.
pub(crate) fn mark_pages(page: &PrintedPage) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    let sheet = PAGE_SHEET.with(|kept| kept.borrow().clone()).or_else(|| {
        let sheet = CssStyleSheet::new().ok()?;
        let adopted = Reflect::get(&document, &JsValue::from_str("adoptedStyleSheets")).ok()?;
        let sheets = Array::from(&adopted);
        sheets.push(&sheet);
        Reflect::set(&document, &JsValue::from_str("adoptedStyleSheets"), &sheets).ok()?;
        PAGE_SHEET.with(|kept| *kept.borrow_mut() = Some(sheet.clone()));
        Some(sheet)
    });
    if let Some(sheet) = sheet {
        let _ = sheet.replace_sync(&page.page_rule());
    }
}
