//! The form widgets every screen shares, in GOV.UK Design System patterns: a text input with its
//! label, hint and inline error, the inline error message, the character count, the ids an input
//! is described by, the GOV.UK date input, the quick periods beside a period's dates and the
//! error summary. The audit form's
//! template-driven fields (over a template's header fields) build on these in
//! `audit_form/fields.rs`.

mod date_input;
mod error_summary;
mod messages;
mod period;
mod quick_period;
mod text_input;

pub(crate) use date_input::{date_input, date_parts, DateInputView, TypedDate};
pub(crate) use error_summary::{ErrorSummary, FieldError};
pub(crate) use messages::{character_count, described_by, described_with_count, error_message, group_class};
pub(crate) use period::{period_days, period_errors, period_problems};
pub(crate) use quick_period::{quick_periods, quick_periods_of, QuickPeriod};
pub(crate) use text_input::TextInput;
