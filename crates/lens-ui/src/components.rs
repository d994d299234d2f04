//! The app's components: one screen or widget per file, shared form widgets in `form`.

mod audit_cells;
mod audit_form;
mod audit_list;
mod device_data;
mod download;
mod focus;
mod follow_up_list;
mod form;
mod home;
mod moderation_form;
mod moderation_list;
mod my_reflections;
mod persistence_status;
mod reports;
mod saving;
mod screens;
mod scroll_table;
mod start_audit;
mod storage_notice;
mod storage_page;
mod task_list;

pub(crate) use audit_form::AuditForm;
pub(crate) use audit_list::AuditList;
pub(crate) use device_data::DeviceData;
pub(crate) use follow_up_list::FollowUpList;
pub(crate) use form::{ErrorSummary, FieldError};
pub(crate) use home::Home;
pub(crate) use moderation_form::ModerationForm;
pub(crate) use moderation_list::ModerationList;
pub(crate) use my_reflections::MyReflections;
pub(crate) use reports::Reports;
pub(crate) use screens::Screens;
pub(crate) use start_audit::StartAudit;
pub(crate) use storage_notice::StorageNotice;
pub(crate) use storage_page::StoragePage;
pub(crate) use task_list::TaskList;
