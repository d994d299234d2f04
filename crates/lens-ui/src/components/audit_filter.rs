//! Which of the device's audits the list shows: a search on case reference and auditor, and
//! filters on status, template, team and the period the audit is dated in.

use chrono::NaiveDate;
use lens_core::{Audit, AuditStatus, Template};

/// What the person has asked the list to show. Empty fields filter nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct AuditFilter {
    pub search: String,
    pub status: Option<AuditStatus>,
    pub template: String,
    pub team: String,
    pub from: Option<NaiveDate>,
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
mod tests {
    use super::*;
    use lens_core::{AuditId, NewAudit, TemplateRef};

    fn audit(case: &str, auditor: &str, team: &str, day: u32) -> Audit {
        let typed = NewAudit { case_reference: case.into(), auditor: auditor.into() };
        let on = NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let mut audit = typed.start(AuditId::new(case), TemplateRef::new("case-file-audit", 1), on).unwrap();
        audit.set_header_value("team", team);
        audit
    }

    #[test]
    fn each_filter_narrows_and_empty_ones_show_everything() {
        let east = audit("CF-1", "Sam Patel", "Assessment East", 3);
        let west = audit("CF-22", "Priya Shah", "Assessment West", 20);
        let all = AuditFilter::default();
        assert!(all.shows(&east, None) && all.shows(&west, None) && !all.is_active());
        let search = AuditFilter { search: " priya ".into(), ..all.clone() };
        assert!(!search.shows(&east, None) && search.shows(&west, None));
        let by_case = AuditFilter { search: "cf-2".into(), ..all.clone() };
        assert!(!by_case.shows(&east, None) && by_case.shows(&west, None));
        let team = AuditFilter { team: "assessment east".into(), ..all.clone() };
        assert!(team.shows(&east, None) && !team.shows(&west, None));
        let period = AuditFilter { from: NaiveDate::from_ymd_opt(2026, 11, 10), ..all.clone() };
        assert!(!period.shows(&east, None) && period.shows(&west, None));
        let submitted = AuditFilter { status: Some(AuditStatus::Submitted), ..all.clone() };
        assert!(!submitted.shows(&east, None) && submitted.is_active());
        let other_template = AuditFilter { template: "supervision-audit".into(), ..all };
        assert!(!other_template.shows(&east, None));
    }
}
