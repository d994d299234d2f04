//! Reading text the person or the page supplies: a chosen file, or a template at an address on
//! the page's own site. Nothing is ever fetched from anywhere else.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of a chosen file.
pub(crate) async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(|_| {
        "The browser could not read this file. Check that it is still where you chose it from.".to_owned()
    })?;
    text.as_string().ok_or_else(|| "This file is not text.".to_owned())
}

/// The text at `address`, resolved against the page, if it is on the page's own site.
pub(crate) async fn fetch_text(address: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("There is no page to fetch from.")?;
    let location = window.location();
    let page = location.href().map_err(|_| "The page's address cannot be read.")?;
    let url = web_sys::Url::new_with_base(address, &page)
        .map_err(|_| format!("\"{address}\" is not an address"))?;
    let origin = location.origin().map_err(|_| "The page's site cannot be read.")?;
    if url.origin() != origin {
        return Err(format!(
            "\"{address}\" is not on this page's own site ({origin}). Practice Lens only loads templates from the site it runs on: put the file there."
        ));
    }
    let response = JsFuture::from(window.fetch_with_str(&url.href()))
        .await
        .map_err(|_| format!("{} could not be reached", url.href()))?;
    let response: web_sys::Response =
        response.dyn_into().map_err(|_| format!("{} did not answer", url.href()))?;
    if !response.ok() {
        return Err(format!(
            "{} could not be fetched (the site answered {} {}). Check the address in the page's config.",
            url.href(),
            response.status(),
            response.status_text()
        ));
    }
    let text = response.text().map_err(|_| format!("{} sent nothing readable", url.href()))?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| format!("{} sent nothing readable", url.href()))
}
