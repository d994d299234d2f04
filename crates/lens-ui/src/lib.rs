//! The Practice Lens user interface, as yew components.
//!
//! Everything environmental reaches the UI through the [`Platform`] port: opening storage
//! (IndexedDB or the memory fallback), the clock, new ids, asking the browser to keep data,
//! and telling the host page what happened. `lens-web` implements it for the browser; the UI
//! itself never names IndexedDB, `window` or JavaScript values.
//!
//! Start at [`App`]: it opens the store for its `db_name`, then shows the chosen [`View`].

mod analysis;
mod app;
mod components;
mod config;
mod council_templates;
mod event_codes;
mod host_api;
mod ports;
mod printed_page;
mod screen;
mod view;

pub use app::{App, AppProps};
pub use config::{Config, ConfigProblem};
pub use ports::{
    AnalysisUnavailable, ChosenFile, ErrorCode, HostReply, HostRequest, LensEvent, OpenedStore, PageWatch,
    Persistence, Platform, PlatformHandle, StorageKind, StorageUsed, StoreHandle, UnsavedWork,
};
pub use printed_page::PrintedPage;
pub use view::View;
