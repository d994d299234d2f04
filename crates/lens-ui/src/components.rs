//! The app's components, one per file.

mod audit_cells;
mod audit_filter;
mod audit_form;
mod audit_list;
mod error_summary;
mod follow_up_list;
mod home;
mod persistence_status;
mod start_audit;
mod storage_notice;
mod storage_page;

pub(crate) use audit_form::AuditForm;
pub(crate) use audit_list::AuditList;
pub(crate) use error_summary::{ErrorSummary, FieldError};
pub(crate) use follow_up_list::FollowUpList;
pub(crate) use home::Home;
pub(crate) use persistence_status::PersistenceStatus;
pub(crate) use start_audit::StartAudit;
pub(crate) use storage_notice::StorageNotice;
pub(crate) use storage_page::StoragePage;
