//! Files made on this device for the person to keep: each is handed to the browser, then noted in
//! the device log so the storage status can say when work last left the device.

use lens_store::device_log::{record_export, DeviceLog};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::ports::{ErrorCode, LensEvent, OpenedStore, PlatformHandle};

/// A file to download.
pub(crate) struct DownloadFile {
    pub file_name: String,
    pub media_type: &'static str,
    pub contents: String,
    /// What it holds, in words, for the storage status ("Report as CSV").
    pub what: String,
}

/// Hands the file to the browser and logs the export. A failed download is reported to the host
/// page and not logged; a failed log leaves the download made.
pub(crate) fn download_and_log(
    store: &OpenedStore,
    platform: &PlatformHandle,
    file: DownloadFile,
    onexported: &Callback<DeviceLog>,
) {
    if let Err(message) = platform.download(&file.file_name, file.media_type, &file.contents) {
        platform.emit(LensEvent::Error { code: ErrorCode::DownloadFailed, message });
        return;
    }
    let (store, platform, onexported) = (store.clone(), platform.clone(), onexported.clone());
    spawn_local(async move {
        match record_export(&*store.store, &file.what, platform.now().to_utc()).await {
            Ok(log) => onexported.emit(log),
            Err(error) => {
                platform.emit(LensEvent::Error { code: ErrorCode::SaveFailed, message: error.to_string() })
            }
        }
    });
}

/// A file name made safe for every system: letters, digits and hyphens.
pub(crate) fn file_stem(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect()
}
