//! Files made on this device for the person to keep, handed to the browser. A download of all the
//! device's data is also noted in the device log, so the storage status can say when the data
//! was last kept safe; one audit's file or a report is not a backup and is not noted.

use lens_store::device_log::{record_backup, record_export, DeviceLog};
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

/// Hands the file to the browser. A failed download is reported to the host page; the answer
/// says whether the file was handed over.
pub(crate) fn download(platform: &PlatformHandle, file: &DownloadFile) -> bool {
    match platform.download(&file.file_name, file.media_type, &file.contents) {
        Ok(()) => true,
        Err(message) => {
            platform.emit(LensEvent::Error { code: ErrorCode::DownloadFailed, message });
            false
        }
    }
}

/// How a download is noted in the device log.
#[derive(Clone, Copy)]
pub(crate) enum LoggedAs {
    /// All the device's data: the last backup and the last export.
    Backup,
    /// A chosen set of audits: the last export, not a backup.
    Export,
}

/// Hands a file of audits to the browser and notes it in the device log; the answer says
/// whether the browser took the file. A failed download is not logged; a failed log leaves the
/// download made.
pub(crate) fn download_logged(
    store: &OpenedStore,
    platform: &PlatformHandle,
    file: DownloadFile,
    logged_as: LoggedAs,
    onexported: &Callback<DeviceLog>,
) -> bool {
    if !download(platform, &file) {
        return false;
    }
    let (store, platform, onexported) = (store.clone(), platform.clone(), onexported.clone());
    spawn_local(async move {
        let now = platform.now().to_utc();
        let logged = match logged_as {
            LoggedAs::Backup => record_backup(&*store.store, &file.what, now).await,
            LoggedAs::Export => record_export(&*store.store, &file.what, now).await,
        };
        match logged {
            Ok(log) => onexported.emit(log),
            Err(error) => {
                platform.emit(LensEvent::Error { code: ErrorCode::SaveFailed, message: error.to_string() })
            }
        }
    });
    true
}

/// A file name made safe for every system: letters, digits and hyphens.
pub(crate) fn file_stem(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect()
}
