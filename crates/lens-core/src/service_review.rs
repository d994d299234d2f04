//! Lens 3 of the six-monthly service performance review, "professional challenge" (seed 003
//! §2.7 and Appendix 1): the judgement areas the device's own audits can evidence, and which
//! kind of quality assurance activity evidences each.
//!
//! An area is named by the item id it has in the built-in "Service performance review"
//! template, so a council's own review template that keeps those ids is filled the same way.
//! Feedback from other professionals and learning from serious case reviews are not recorded in
//! Practice Lens, so they are never filled; the judgements are always the head of service's.

use crate::TemplateKind;

/// A professional-challenge area the device's audits can evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChallengeArea {
    /// Results of structured case file audit activity, with their moderation.
    CaseFileAudits,
    /// Results of dip sampling and other audit activity: practice reviews, plan ratings and
    /// supervision audits.
    OtherAudits,
    /// Results of observed practice.
    ObservedPractice,
    /// Capacity to improve: whether re-audited cases improved and follow-up was done in time.
    CapacityToImprove,
}

impl ChallengeArea {
    /// Every area, in the order lens 3 lists them.
    pub const ALL: [Self; 4] =
        [Self::CaseFileAudits, Self::OtherAudits, Self::ObservedPractice, Self::CapacityToImprove];

    /// The item id the area has in the built-in service performance review.
    pub fn item_id(self) -> &'static str {
        match self {
            Self::CaseFileAudits => "case-file-audits",
            Self::OtherAudits => "dip-sampling",
            Self::ObservedPractice => "observed-practice",
            Self::CapacityToImprove => "professional-capacity",
        }
    }

    /// The area an item id names, if it is one.
    pub fn of_item(item_id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|area| area.item_id() == item_id)
    }

    /// Whether audits made with a template of `kind` are evidence for this area. Reviews of a
    /// service and practitioners' reflections are never evidence.
    pub fn draws_on(self, kind: TemplateKind) -> bool {
        match self {
            Self::CaseFileAudits => kind == TemplateKind::CaseFileAudit,
            Self::OtherAudits => {
                matches!(kind, TemplateKind::PracticeReview | TemplateKind::SupervisionAudit)
            }
            Self::ObservedPractice => kind == TemplateKind::PracticeObservation,
            Self::CapacityToImprove => [Self::CaseFileAudits, Self::OtherAudits, Self::ObservedPractice]
                .into_iter()
                .any(|area| area.draws_on(kind)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_area_draws_on_its_own_activity_and_never_on_reviews_or_reflections() {
        for area in ChallengeArea::ALL {
            assert_eq!(ChallengeArea::of_item(area.item_id()), Some(area));
            assert!(!area.draws_on(TemplateKind::ServiceReview));
            assert!(!area.draws_on(TemplateKind::Reflection));
        }
        assert!(ChallengeArea::CaseFileAudits.draws_on(TemplateKind::CaseFileAudit));
        assert!(!ChallengeArea::CaseFileAudits.draws_on(TemplateKind::PracticeObservation));
        assert!(ChallengeArea::OtherAudits.draws_on(TemplateKind::SupervisionAudit));
        assert!(ChallengeArea::ObservedPractice.draws_on(TemplateKind::PracticeObservation));
        let capacity: Vec<_> = TemplateKind::ALL
            .into_iter()
            .filter(|kind| ChallengeArea::CapacityToImprove.draws_on(*kind))
            .collect();
        assert_eq!(capacity.len(), 4);
        assert_eq!(ChallengeArea::of_item("serious-case-reviews"), None);
    }
}
