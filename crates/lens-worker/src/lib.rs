//! The analysis worker's wasm module: [`answer`] takes one request as JSON text and returns the
//! reply as JSON text. `web/lens-worker.js` is the worker script around it: it loads this
//! module the first time the page asks for a report or a file, and numbers each message.
//!
//! The work itself is `lens_analysis::answer`; this crate only opens the named IndexedDB
//! database (a worker has its own connection, opened per request and closed when it is done, so
//! it never holds up another tab's upgrade) and crosses the JSON boundary.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::cell::RefCell;

use lens_analysis::protocol::import::{ImportProgress, ImportReply, ImportRequest};
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest, DataSource};
use lens_analysis::{open_source, ImportDesk, ReadFile, RecordCache};
use lens_idb::IdbStore;
use lens_store::Store;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const OTHER_VERSION: &str =
    "This page and its analysis worker are from different versions of Practice Lens. Reload the page.";

thread_local! {
    /// The import being decided, between its preview and its application. Taken out while a
    /// request works on it, so a second request arriving meanwhile is told to wait.
    static DESK: RefCell<Option<ImportDesk>> = RefCell::new(Some(ImportDesk::default()));
    /// The records decoded for the page's latest snapshot, reused while it is unchanged.
    static RECORDS: RecordCache = RecordCache::default();
}

/// Answers one request (an `AnalysisRequest` as JSON) with an `AnalysisReply` as JSON.
#[wasm_bindgen]
pub async fn answer(request: String) -> String {
    let reply = match serde_json::from_str::<AnalysisRequest>(&request) {
        Ok(request) => {
            let cache = RECORDS.with(RecordCache::clone);
            lens_analysis::answer(request, open_database, &cache).await
        }
        Err(_) => AnalysisReply::Refused { message: OTHER_VERSION.to_owned() },
    };
    serde_json::to_string(&reply).unwrap_or_default()
}

/// Answers one import request (an `ImportRequest` as JSON) with an `ImportReply` as JSON.
/// `files` are the `File`s a preview names, in order; `progress` is called with each
/// `ImportProgress` as JSON while the work goes on.
#[wasm_bindgen]
pub async fn import_files(request: String, files: js_sys::Array, progress: js_sys::Function) -> String {
    let tell = |step: ImportProgress| {
        let text = serde_json::to_string(&step).unwrap_or_default();
        let _ = progress.call1(&JsValue::NULL, &JsValue::from_str(&text));
    };
    let reply = match serde_json::from_str::<ImportRequest>(&request) {
        Ok(request) => match DESK.with(|desk| desk.borrow_mut().take()) {
            Some(mut desk) => {
                let reply = import_with(&mut desk, request, files, &tell).await;
                DESK.with(|slot| *slot.borrow_mut() = Some(desk));
                reply
            }
            None => ImportReply::Refused {
                message: "Another import is being checked or written. Wait for it to finish, then try again."
                    .to_owned(),
            },
        },
        Err(_) => ImportReply::Refused { message: OTHER_VERSION.to_owned() },
    };
    serde_json::to_string(&reply).unwrap_or_default()
}

async fn import_with(
    desk: &mut ImportDesk,
    request: ImportRequest,
    files: js_sys::Array,
    tell: &dyn Fn(ImportProgress),
) -> ImportReply {
    let source = match &request {
        ImportRequest::Preview(preview) => &preview.source,
        ImportRequest::Apply(apply) => &apply.source,
    };
    let on_memory = matches!(source, DataSource::Records { .. });
    let store = match open_source(source, open_database).await {
        Ok(store) => store,
        Err(message) => return ImportReply::Refused { message },
    };
    match request {
        ImportRequest::Preview(preview) => {
            let read = read_files(&preview.files, files, tell).await;
            desk.preview(store.as_ref(), &preview, read, tell).await
        }
        ImportRequest::Apply(apply) => desk.apply(store.as_ref(), &apply, on_memory, tell).await,
    }
}

/// The text of each file, read here so the page never holds it.
async fn read_files(names: &[String], files: js_sys::Array, tell: &dyn Fn(ImportProgress)) -> Vec<ReadFile> {
    let total = names.len() as u32 + 1;
    let mut read = Vec::with_capacity(names.len());
    for (index, name) in names.iter().enumerate() {
        tell(ImportProgress {
            step: format!("Reading {name} ({} of {})", index + 1, names.len()),
            done: index as u32,
            total,
        });
        let text = match files.get(index as u32).dyn_into::<web_sys::File>() {
            Ok(file) => {
                JsFuture::from(file.text()).await.ok().and_then(|text| text.as_string()).ok_or_else(|| {
                    "could not be read from the disk. Check the file is still there and choose it again"
                        .to_owned()
                })
            }
            Err(_) => Err("did not reach the part of the page that reads files. Choose it again".to_owned()),
        };
        read.push(ReadFile { name: name.clone(), text });
    }
    read
}

async fn open_database(name: String) -> Result<Box<dyn Store>, String> {
    IdbStore::open(&name)
        .await
        .map(|store| Box::new(store) as Box<dyn Store>)
        .map_err(|error| error.to_string())
}

/// Drops the records decoded from the database `name`: a page or worker of the site wrote to it
/// (`web/lens-worker.js` hears it on `lens_idb::CHANGES_CHANNEL`).
#[wasm_bindgen]
pub fn forget_records(name: String) {
    RECORDS.with(|cache| cache.forget(&name));
}

/// The Practice Lens version, so the page can tell it loaded the worker it expected.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
