//! The UI's [`Platform`] port, implemented with browser APIs.

use std::rc::Rc;

use async_trait::async_trait;
use chrono::{DateTime, FixedOffset, Offset, Utc};
use lens_analysis::protocol::import::{ImportProgress, ImportReply, ImportRequest};
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest};
use lens_store::{MemoryStore, StoreError};
use lens_ui::{
    AnalysisUnavailable, ChosenFile, LensEvent, OpenedStore, PageWatch, Persistence, Platform, PrintedPage,
    StorageKind, StoreHandle,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::analysis::AnalysisWorker;
use crate::events;
use crate::host_api::HostListener;
use crate::leaving::{self, LeaveWarning};
use crate::print_page;
use crate::same_site;
use lens_idb::IdbStore;

/// The browser, as seen from one mounted instance.
pub struct BrowserPlatform {
    host: web_sys::HtmlElement,
    analysis: AnalysisWorker,
    leave_warning: LeaveWarning,
    /// Who answers the element's methods.
    pub(crate) host_listener: HostListener,
}

impl BrowserPlatform {
    /// The platform for the instance mounted on `host`, whose analysis worker runs the script
    /// at `worker_url`.
    pub fn new(host: web_sys::HtmlElement, worker_url: Option<String>) -> Self {
        Self {
            host,
            analysis: AnalysisWorker::new(worker_url),
            leave_warning: LeaveWarning::new(),
            host_listener: HostListener::default(),
        }
    }

    /// Stops this instance's analysis worker: the element is gone.
    pub fn shut_down(&self) {
        self.leave_warning.clear();
        self.analysis.terminate();
    }
}

#[async_trait(?Send)]
impl Platform for BrowserPlatform {
    fn now(&self) -> DateTime<FixedOffset> {
        let date = js_sys::Date::new_0();
        // getTimezoneOffset is minutes to add to local time to reach UTC.
        let offset_seconds = -(date.get_timezone_offset() as i32) * 60;
        let offset = FixedOffset::east_opt(offset_seconds).unwrap_or(Utc.fix());
        let utc = DateTime::<Utc>::from_timestamp_millis(date.get_time() as i64).unwrap_or_default();
        utc.with_timezone(&offset)
    }

    fn new_id(&self) -> String {
        random_uuid()
    }

    async fn open_store(&self, db_name: &str) -> OpenedStore {
        match IdbStore::open(db_name).await {
            Ok(store) => OpenedStore {
                store: StoreHandle(Rc::new(store)),
                kind: StorageKind::IndexedDb,
                db_name: db_name.to_owned(),
            },
            Err(error) => OpenedStore {
                store: StoreHandle(Rc::new(MemoryStore::default())),
                kind: StorageKind::Memory { reason: open_refusal_words(&error) },
                db_name: db_name.to_owned(),
            },
        }
    }

    async fn persistence(&self) -> Persistence {
        storage_manager_call("persisted").await
    }

    async fn request_persistence(&self) -> Persistence {
        storage_manager_call("persist").await
    }

    fn emit(&self, event: LensEvent) {
        events::dispatch(&self.host, &event);
    }

    async fn pause(&self, milliseconds: u32) {
        gloo::timers::future::TimeoutFuture::new(milliseconds).await;
    }

    fn download(&self, file_name: &str, media_type: &str, contents: &str) -> Result<(), String> {
        let blob = gloo::file::Blob::new_with_options(contents, Some(media_type));
        let url = gloo::file::ObjectUrl::from(blob);
        let link: web_sys::HtmlAnchorElement = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.create_element("a").ok())
            .and_then(|element| element.dyn_into().ok())
            .ok_or("the browser could not prepare the download")?;
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
        // The object URL is revoked when dropped: keep it until the download has surely begun.
        wasm_bindgen_futures::spawn_local(async move {
            gloo::timers::future::TimeoutFuture::new(60_000).await;
            drop(url);
        });
        Ok(())
    }

    async fn analyse(&self, request: AnalysisRequest) -> Result<AnalysisReply, AnalysisUnavailable> {
        self.analysis.ask(&request).await
    }

    async fn import(
        &self,
        request: ImportRequest,
        files: Vec<ChosenFile>,
        on_progress: yew::Callback<ImportProgress>,
    ) -> Result<ImportReply, AnalysisUnavailable> {
        let files: Vec<web_sys::File> = files.into_iter().map(|chosen| chosen.file).collect();
        self.analysis.import(&request, &files, Rc::new(move |step| on_progress.emit(step))).await
    }

    fn warn_before_leaving(&self, work: lens_ui::UnsavedWork, unsaved: bool) {
        self.leave_warning.set(work, unsaved);
    }

    fn when_hidden(&self, on_hidden: yew::Callback<()>) -> PageWatch {
        PageWatch(Box::new(leaving::when_hidden(on_hidden)))
    }

    fn when_host_asks(&self, on_request: yew::Callback<lens_ui::HostRequest>) -> PageWatch {
        self.host_listener.listen(on_request)
    }

    async fn read_text(&self, file: &ChosenFile) -> Result<String, String> {
        same_site::read_text(&file.file).await
    }

    async fn fetch_same_origin(&self, address: &str) -> Result<String, String> {
        same_site::fetch_text(address).await
    }

    fn print(&self, page: &PrintedPage) {
        print_page::mark_pages(page);
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    }
}

/// Why the browser's storage could not be opened, in words a person can act on.
fn open_refusal_words(error: &StoreError) -> String {
    let StoreError::Backend { name, message } = error else { return error.to_string() };
    match name.as_str() {
        "SecurityError" => "This browser refused Practice Lens its storage: site data may be blocked for this page by a setting or a policy, or this is a private window that keeps none.".to_owned(),
        "NotSupportedError" => "This browser has its storage (IndexedDB) turned off or does not offer it here.".to_owned(),
        "QuotaExceededError" => "This device has no space left for Practice Lens's data.".to_owned(),
        "VersionError" => "A newer version of Practice Lens has this data open in another tab or window: reload this page to use it.".to_owned(),
        _ => format!("This browser could not open Practice Lens's storage ({message})."),
    }
}

/// Calls `navigator.storage.persisted()` or `.persist()`. Both are missing outside secure
/// contexts and in old browsers, which then simply say nothing.
async fn storage_manager_call(method: &str) -> Persistence {
    let answer = async {
        let navigator = web_sys::window()?.navigator();
        let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
        let function = js_sys::Reflect::get(&storage, &JsValue::from_str(method)).ok()?;
        let function = function.dyn_into::<js_sys::Function>().ok()?;
        let promise = function.call0(&storage).ok()?.dyn_into::<js_sys::Promise>().ok()?;
        JsFuture::from(promise).await.ok()?.as_bool()
    };
    match answer.await {
        Some(true) => Persistence::Persistent,
        Some(false) => Persistence::BestEffort,
        None => Persistence::Unknown,
    }
}

/// A version 4 UUID from `crypto.getRandomValues`, which, unlike `randomUUID`, also works on
/// intranet pages served over plain http.
fn random_uuid() -> String {
    let mut bytes = [0_u8; 16];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No Web Crypto at all: fall back to the clock and Math.random, still unique enough
        // for record ids on one device.
        let time = js_sys::Date::now().to_bits().to_le_bytes();
        for (index, byte) in bytes.iter_mut().enumerate() {
            *byte = time[index % 8] ^ (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}
