//! What is waiting to be done across the audits on a device: the audits awaiting moderation, the
//! follow-up still open (overdue first), and which audits a list's search and filters show.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use crate::audit::{Audit, AuditId, AuditStatus, FollowUp, FollowUpKind, FollowUpState};
use crate::moderation::Moderation;
use crate::template::{Template, TemplateKind, TemplateRef};

/// The template an audit was made with, among those known.
pub fn find_template<'a>(templates: &'a [Template], reference: &TemplateRef) -> Option<&'a Template> {
    templates.iter().find(|template| template.id == reference.id && template.version == reference.version)
}

/// Whether the audit is a practitioner's reflection. A reflection is its author's alone: it is
/// never listed with audits, counted in a report, moderated, or exported with the device's data
/// unless its author chooses.
/// A reflection on a version of its template this build does not have is still a reflection:
/// its template's id is enough to keep it private.
pub fn is_reflection(audit: &Audit, templates: &[Template]) -> bool {
    match find_template(templates, &audit.template) {
        Some(template) => template.kind == TemplateKind::Reflection,
        None => templates
            .iter()
            .any(|template| template.id == audit.template.id && template.kind == TemplateKind::Reflection),
    }
}

/// The reflections `author` wrote (in any case, spaces aside), or every reflection on the device
/// when no author is known, newest first.
pub fn reflections_of<'a>(
    audits: impl IntoIterator<Item = &'a Audit>,
    templates: &[Template],
    author: Option<&str>,
) -> Vec<&'a Audit> {
    let author = author.map(str::trim).filter(|name| !name.is_empty()).map(str::to_lowercase);
    let mut mine: Vec<&Audit> = audits
        .into_iter()
        .filter(|audit| is_reflection(audit, templates))
        .filter(|audit| author.as_ref().is_none_or(|name| audit.auditor.trim().to_lowercase() == *name))
        .collect();
    mine.sort_by(|a, b| (b.started_on, &b.id).cmp(&(a.started_on, &a.id)));
    mine
}

/// The submitted, graded audits no moderation covers yet, oldest first (by start, then id).
/// Reflections are never moderated: they belong to their author.
pub fn awaiting_moderation<'a, 'm>(
    audits: impl IntoIterator<Item = &'a Audit>,
    moderations: impl IntoIterator<Item = &'m Moderation>,
    templates: &[Template],
) -> Vec<&'a Audit> {
    let moderated: BTreeSet<&AuditId> = moderations.into_iter().map(|moderation| &moderation.audit).collect();
    let mut waiting: Vec<&Audit> = audits
        .into_iter()
        .filter(|audit| audit.status == AuditStatus::Submitted)
        .filter(|audit| !moderated.contains(&audit.id))
        .filter(|audit| {
            find_template(templates, &audit.template)
                .is_some_and(|template| template.kind != TemplateKind::Reflection && template.scale.is_some())
        })
        .collect();
    waiting.sort_by(|a, b| (a.started_on, &a.id).cmp(&(b.started_on, &b.id)));
    waiting
}

/// A follow-up not yet done, with the audit it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenFollowUp<'a> {
    /// The audit.
    pub audit: &'a Audit,
    /// The follow-up: due or overdue.
    pub follow_up: FollowUp,
}

impl OpenFollowUp<'_> {
    /// Whether it is past its due day.
    pub fn is_overdue(&self) -> bool {
        self.follow_up.state == FollowUpState::Overdue
    }

    /// Who it is for: an action's owner. The confirmation and the discussion name no one.
    pub fn owner(&self) -> Option<&str> {
        match &self.follow_up.kind {
            FollowUpKind::Action(id) => {
                self.audit.actions.iter().find(|action| &action.id == id).map(|action| action.owner.trim())
            }
            _ => None,
        }
    }
}

/// What a person has asked the follow-up list to show. Empty fields filter nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUpFilter {
    /// Text found in an action's owner, in any case.
    pub owner: String,
    /// Only follow-up of audits of this team, in any case.
    pub team: String,
    /// Only follow-up due by the end of this month, overdue included.
    pub due_this_month: bool,
}

impl FollowUpFilter {
    /// Whether `open` is shown on `today`.
    pub fn shows(&self, open: &OpenFollowUp, today: NaiveDate) -> bool {
        let owner = self.owner.trim().to_lowercase();
        let owned =
            owner.is_empty() || open.owner().is_some_and(|named| named.to_lowercase().contains(&owner));
        let team = self.team.trim();
        let in_team = team.is_empty() || open.audit.team().trim().eq_ignore_ascii_case(team);
        let end_of_month = crate::end_of_following_month(today)
            .with_day(1)
            .and_then(|first| first.pred_opt())
            .unwrap_or(today);
        let due = !self.due_this_month || open.follow_up.due_on.is_some_and(|due| due <= end_of_month);
        owned && in_team && due
    }

    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }
}

/// Every follow-up still to do on `today`, overdue first, then by due day (undated last), then by
/// case reference, counting each audit's moderation (by audit id in `moderations`). Audits
/// whose template is not known are left out.
pub fn open_follow_ups<'a>(
    audits: impl IntoIterator<Item = &'a Audit>,
    moderations: &BTreeMap<&AuditId, &Moderation>,
    templates: &[Template],
    today: NaiveDate,
) -> Vec<OpenFollowUp<'a>> {
    let mut open = Vec::new();
    for audit in audits {
        let Some(template) = find_template(templates, &audit.template) else { continue };
        let moderation = moderations.get(&audit.id).copied();
        for follow_up in audit.follow_ups(template, moderation, today) {
            if !matches!(follow_up.state, FollowUpState::Done(_)) {
                open.push(OpenFollowUp { audit, follow_up });
            }
        }
    }
    let key = |open: &OpenFollowUp<'a>| {
        let due = open.follow_up.due_on;
        (!open.is_overdue(), due.is_none(), due, open.audit.case_reference.clone())
    };
    open.sort_by_cached_key(key);
    open
}

/// What a person has asked a list of audits to show. Empty fields filter nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Text found in the case reference or the auditor's name, in any case.
    pub search: String,
    /// Only audits with this status.
    pub status: Option<AuditStatus>,
    /// Only audits on the template with this id.
    pub template: String,
    /// Only audits of this team, in any case.
    pub team: String,
    /// Only audits dated on or after this day.
    pub from: Option<NaiveDate>,
    /// Only audits dated on or before this day.
    pub to: Option<NaiveDate>,
}

impl AuditFilter {
    /// Whether the audit is shown. The period uses the audit's own date (its "Date of audit").
    pub fn shows(&self, audit: &Audit, template: Option<&Template>) -> bool {
        let search = self.search.trim().to_lowercase();
        let found = search.is_empty()
            || audit.case_reference.to_lowercase().contains(&search)
            || audit.auditor.to_lowercase().contains(&search);
        let on = audit.audited_on(template);
        found
            && self.status.is_none_or(|status| audit.status == status)
            && (self.template.is_empty() || audit.template.id == self.template)
            && (self.team.is_empty() || audit.team().trim().eq_ignore_ascii_case(self.team.trim()))
            && self.from.is_none_or(|from| on >= from)
            && self.to.is_none_or(|to| on <= to)
    }

    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }
}

#[cfg(test)]
mod tests;
