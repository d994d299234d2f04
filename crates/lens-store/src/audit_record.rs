//! How audits are stored: one body type per schema version, the migrations between them,
//! and the explicit conversions to and from [`lens_core::Audit`].
//!
//! Schema history (never edit an old version; add a new one and a migration):
//! - 1: the first layout: template id and version side by side, grades and narratives in two
//!   separate maps keyed by item.
//! - 2: the template as one reference, and one response per item holding its grade and
//!   narrative together, so an item cannot have a grade in one map and lose its narrative in
//!   the other.
//! - 3: the audit lifecycle on templates: header answers, the overall judgement, agreed
//!   actions, the submitted date, recorded amendments and follow-up; dates as ISO dates;
//!   unknown fields refused. Version 2 records migrate with all of these empty.
//! - 4: the follow-up recorded as events (`follow_up.events`: an action's progress, the
//!   confirmation of corrective action, the reflective discussion, closing, reopening), each
//!   with who recorded it and when. Version 3 records migrate with no events.
//! - 5 (current): three more event kinds, the findings shared and answered (`findings_shared`
//!   with its recipients, `management_response` with its directions, `case_holder_discussion`)
//!   and the child's and family's views (`family_feedback`).
//!   Version 4 records migrate unchanged.

mod convert;
mod events;
mod field_path;
mod v1;
mod v2;
mod v3;
mod v4;
mod v5;

pub use convert::{
    action_status_code, audit_from_record, audit_to_record, decode_audit, encode_audit, parse_action_status,
    status_name,
};
pub(crate) use events::event_to_record;
pub use events::{feedback_from_code, parse_feedback_from, parse_recipient_role, recipient_role_code};
pub use field_path::{field_path_text, parse_field_path};
pub use v1::AuditRecordV1;
pub use v2::{AuditRecordV2, ResponseV2, TemplateRefV2};
pub use v3::{ActionV3, AmendmentV3, AuditRecordV3, FieldChangeV3, FollowUpV3, ResponseV3, TemplateRefV3};
pub use v4::{AuditRecordV4, FollowUpEventV4, FollowUpV4, FollowUpWhatV4};
pub use v5::{AuditRecordV5, DirectionV5, FollowUpEventV5, FollowUpV5, FollowUpWhatV5, RecipientV5};

/// The schema version new audit records are written in.
pub const CURRENT_AUDIT_SCHEMA: u32 = 5;

#[cfg(test)]
mod tests;
