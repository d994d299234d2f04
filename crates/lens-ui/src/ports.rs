//! The UI's ports to the world outside: storage, clock, ids and the host page.

use std::fmt;
use std::rc::Rc;

use async_trait::async_trait;
use chrono::{DateTime, FixedOffset};
use lens_analysis::protocol::import::{ImportProgress, ImportReply, ImportRequest};
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest};
use lens_store::{RecordKind, Store};

pub use crate::event_codes::{ErrorCode, StorageUsed};

/// Work on screen that leaving the page would lose, each kind warned of on its own, so one
/// screen closing never turns off another's warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedWork {
    /// An audit, reflection or moderation being written.
    AuditForm,
    /// A QA report being written.
    QaReport,
}

/// Which storage the app ended up with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageKind {
    /// The browser's IndexedDB: kept across reloads.
    IndexedDb,
    /// Memory only: lost when the page closes. `reason` says why durable storage failed.
    Memory {
        /// Why the browser's storage could not be used, in words a person can act on.
        reason: String,
    },
}

/// A store ready to use, and what kind it is.
#[derive(Clone, PartialEq)]
pub struct OpenedStore {
    /// The store.
    pub store: StoreHandle,
    /// Durable or memory only.
    pub kind: StorageKind,
    /// The database's name, which the analysis worker opens for itself.
    pub db_name: String,
}

/// A shared [`Store`] that compares by identity, so it can sit in component properties.
#[derive(Clone)]
pub struct StoreHandle(pub Rc<dyn Store>);

impl PartialEq for StoreHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for StoreHandle {
    type Target = dyn Store;

    fn deref(&self) -> &Self::Target {
        self.0.as_ref()
    }
}

/// Whether the browser has promised to keep this site's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Persistence {
    /// Kept until the user clears it.
    Persistent,
    /// May be cleared by the browser when space runs low.
    BestEffort,
    /// The browser does not say (no StorageManager, or it failed).
    Unknown,
}

/// Something the host page may want to know, sent as a DOM CustomEvent on the element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LensEvent {
    /// The app has opened its storage and shown its first view.
    Ready {
        /// The view shown.
        view: String,
        /// Durable or memory only.
        storage: StorageUsed,
    },
    /// A record was saved and the save is complete (durable for IndexedDB).
    Saved {
        /// The kind of record saved.
        kind: RecordKind,
        /// Record id.
        id: String,
        /// The revision now stored.
        revision: u64,
    },
    /// Something went wrong that the host page may want to log or show.
    Error {
        /// What failed.
        code: ErrorCode,
        /// A sentence for people.
        message: String,
    },
}

/// The analysis worker could not answer: it did not start, or it stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisUnavailable {
    /// Why, in words a person can act on.
    pub message: String,
}

/// A file the person chose or dropped on the page, not yet read: the analysis worker reads it.
#[derive(Clone, PartialEq)]
pub struct ChosenFile {
    /// Its name.
    pub name: String,
    /// Its size in bytes, known before it is read.
    pub bytes: f64,
    /// The browser's handle on it.
    pub file: web_sys::File,
}

impl ChosenFile {
    /// The file behind `file`.
    pub fn new(file: web_sys::File) -> Self {
        Self { name: file.name(), bytes: file.size(), file }
    }
}

/// The environment the UI runs in.
#[async_trait(?Send)]
pub trait Platform {
    /// The current local time.
    fn now(&self) -> DateTime<FixedOffset>;
    /// A new unique identifier for a record.
    fn new_id(&self) -> String;
    /// Opens the named database, falling back to memory (with the reason) when it cannot.
    async fn open_store(&self, db_name: &str) -> OpenedStore;
    /// Whether the browser has promised to keep this site's data.
    async fn persistence(&self) -> Persistence;
    /// Asks the browser to keep this site's data, and returns its answer.
    async fn request_persistence(&self) -> Persistence;
    /// Tells the host page something happened.
    fn emit(&self, event: LensEvent);
    /// Waits this many milliseconds: the pause after the last keystroke before autosaving.
    async fn pause(&self, milliseconds: u32);
    /// Offers `contents` to the person as a file download. Nothing leaves the device.
    fn download(&self, file_name: &str, media_type: &str, contents: &str) -> Result<(), String>;
    /// Opens the browser's print dialogue, every page carrying `page` in its margins.
    fn print(&self, page: &crate::PrintedPage);
    /// Warns the person before the page is closed, reloaded or left while any kind of `work`
    /// is `unsaved`.
    fn warn_before_leaving(&self, work: UnsavedWork, unsaved: bool);
    /// Calls `on_hidden` each time the page is hidden (another tab chosen, the window
    /// minimised, the page closing) until the returned watch is dropped.
    fn when_hidden(&self, on_hidden: yew::Callback<()>) -> PageWatch;
    /// Has the analysis worker do `request` (reports, themes, CSV files) away from the page's
    /// thread; the worker is loaded the first time this is called.
    async fn analyse(&self, request: AnalysisRequest) -> Result<AnalysisReply, AnalysisUnavailable>;
    /// Has the analysis worker preview or apply an import of `files` (it reads them itself);
    /// `on_progress` hears each step while it works.
    async fn import(
        &self,
        request: ImportRequest,
        files: Vec<ChosenFile>,
        on_progress: yew::Callback<ImportProgress>,
    ) -> Result<ImportReply, AnalysisUnavailable>;
    /// The text of a file the person chose, read on the page (it never leaves the device).
    async fn read_text(&self, file: &ChosenFile) -> Result<String, String>;
    /// The text at `address`, resolved against the page, when it is on the page's own site
    /// (a template the page's `config` names); anywhere else is refused, never asked.
    async fn fetch_same_origin(&self, address: &str) -> Result<String, String>;
    /// Hands each request the host page makes through the element's methods to `on_request`
    /// until the returned watch is dropped; while nobody listens the host page is told to wait.
    fn when_host_asks(&self, on_request: yew::Callback<HostRequest>) -> PageWatch;
}

/// What the host page asks of the app through the element's methods (README, "The element's
/// methods"), with the answer to give it.
pub enum HostRequest {
    /// `element.importBundle(file)`: import what does not conflict, atomically; list the rest.
    ImportBundle {
        /// The bundle, as a file the analysis worker reads.
        file: ChosenFile,
        /// Resolves with the import's summary as JSON text, or rejects with why, in words.
        reply: HostReply,
    },
    /// `element.exampleBundle(seed)`: a generated bundle of example data; nothing is written.
    ExampleBundle {
        /// The seed as the host page gave it.
        seed: f64,
        /// Resolves with the bundle's text, or rejects with why, in words.
        reply: HostReply,
    },
    /// `element.exportBundle(filter)`: a bundle of the audits the filter chooses.
    ExportBundle {
        /// The filter as JSON text, `None` when none was given.
        filter: Option<String>,
        /// Resolves with the bundle's text, or rejects with why, in words.
        reply: HostReply,
    },
}

/// The answer to one [`HostRequest`]: called once, with the text to resolve with or the
/// sentence to reject with.
pub struct HostReply(pub Box<dyn FnOnce(Result<String, String>)>);

impl HostReply {
    /// Answers the host page.
    pub fn send(self, answer: Result<String, String>) {
        (self.0)(answer)
    }
}

/// A subscription to the page's life (see [`Platform::when_hidden`]); dropping it ends it.
pub struct PageWatch(pub Box<dyn std::any::Any>);

/// A shared [`Platform`] that compares by identity, so it can sit in component properties.
#[derive(Clone)]
pub struct PlatformHandle(pub Rc<dyn Platform>);

impl PartialEq for PlatformHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for PlatformHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PlatformHandle")
    }
}

impl std::ops::Deref for PlatformHandle {
    type Target = dyn Platform;

    fn deref(&self) -> &Self::Target {
        self.0.as_ref()
    }
}
