//! Practice Lens analysis: the work only the QA desk needs, done away from the page.
//!
//! An auditor opening the page needs the forms; report building, theme extraction and CSV
//! writing are needed only when someone asks for a report or a file. So this work is compiled
//! into a second WebAssembly module (`lens-worker`) that runs in a dedicated Web Worker,
//! loaded the first time it is needed. The page's module (`lens-web`) never links it: it
//! links only [`protocol`], the typed messages the two sides exchange.
//!
//! The crate is pure, like lens-core: [`answer`] reads records through any
//! `lens_store::Store` and returns a reply, so every request is tested natively on a
//! `MemoryStore` and the worker is a thin shell around it.
//!
//! **Architecture Invariant:** a request never fails with a panic or a Rust type name: every
//! problem comes back as [`protocol::AnalysisReply::Refused`] with a sentence a person can act on.
//! Reflections are never read: no report counts them, and their narratives never reach themes.

pub mod protocol;

mod agreement_view;
mod answer;
mod audit_csv;
pub mod council_codebook;
mod device_records;
mod export_set;
mod figure_audits;
mod import_desk;
mod professional_challenge;
mod report_view;
mod theme_panel;
mod theme_view;

pub use agreement_view::agreement_view;
pub use answer::{answer, open_source};
pub use device_records::{DeviceRecords, RecordCache};
pub use import_desk::{ImportDesk, ReadFile};
pub use report_view::report_view;
pub use theme_panel::theme_panel;
