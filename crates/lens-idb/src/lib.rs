//! Practice Lens storage in the browser: [`IdbStore`], the `lens_store::Store` port over
//! IndexedDB.
//!
//! It is its own crate because two wasm modules open the same database: the page's
//! (`lens-web`, which saves what people type) and the analysis worker's (`lens-worker`, which
//! reads every record to build reports away from the page's thread). Both reach IndexedDB the
//! same way, through the global scope, so the store works in a window and in a worker alike.
#![deny(clippy::unwrap_used, clippy::expect_used)]

mod changes;
mod js_error;
mod store;

pub use changes::CHANGES_CHANNEL;
pub use js_error::name_and_message;
pub use store::{IdbRecord, IdbStore, BY_KIND, DB_VERSION, RECORDS};
