//! The analysis worker's wasm module: [`answer`] takes one request as JSON text and returns the
//! reply as JSON text. `web/lens-worker.js` is the worker script around it: it loads this
//! module the first time the page asks for a report or a file, and numbers each message.
//!
//! The work itself is `lens_analysis::answer`; this crate only opens the named IndexedDB
//! database (a worker has its own connection, opened per request and closed when it is done, so
//! it never holds up another tab's upgrade) and crosses the JSON boundary.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use lens_analysis::protocol::{AnalysisReply, AnalysisRequest};
use lens_idb::IdbStore;
use lens_store::Store;
use wasm_bindgen::prelude::*;

/// Answers one request (an `AnalysisRequest` as JSON) with an `AnalysisReply` as JSON.
#[wasm_bindgen]
pub async fn answer(request: String) -> String {
    let reply = match serde_json::from_str::<AnalysisRequest>(&request) {
        Ok(request) => {
            lens_analysis::answer(request, |name| async move {
                IdbStore::open(&name).await.map(|store| Box::new(store) as Box<dyn Store>).map_err(|error| error.to_string())
            })
            .await
        }
        Err(_) => AnalysisReply::Refused {
            message: "This page and its analysis worker are from different versions of Practice Lens. Reload the page.".to_owned(),
        },
    };
    serde_json::to_string(&reply).unwrap_or_default()
}

/// The Practice Lens version, so the page can tell it loaded the worker it expected.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
