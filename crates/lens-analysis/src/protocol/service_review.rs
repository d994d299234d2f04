//! Lens 3 of a service performance review drafted from the device's audits: what the review's
//! form asks for and the draft text it gets back, area by area.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::DataSource;

/// The service and period a review covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfessionalChallengeRequest {
    /// Where the audits are.
    pub source: DataSource,
    /// The first day covered.
    pub from: NaiveDate,
    /// The last day covered.
    pub to: NaiveDate,
    /// Only this team's audits, if given.
    pub team: Option<String>,
    /// The day the review is written, for what is overdue.
    pub today: NaiveDate,
}

/// The draft of every professional-challenge area Practice Lens can evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfessionalChallengeView {
    /// The period and service in words, e.g. "1 April 2026 to 30 September 2026, Assessment East".
    pub covers: String,
    /// One per area, in lens 3's order.
    pub areas: Vec<ChallengeDraft>,
}

/// One area's draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChallengeDraft {
    /// The review item it is for (`lens_core::ChallengeArea::item_id`).
    pub item: String,
    /// What the device holds for it.
    pub outcome: DraftOutcome,
}

/// Whether an area has a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum DraftOutcome {
    /// Text to put in the area: what was found, then the evidence each figure comes from.
    Drafted {
        /// The draft, ready to edit.
        text: String,
        /// How many audits it draws on.
        audits: usize,
    },
    /// Nothing on the device evidences it; the sentence says why.
    NothingFound {
        /// For the person.
        reason: String,
    },
}
