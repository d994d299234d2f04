//! Agreed actions: what must happen, by whom and by when, and whether it did.

use chrono::NaiveDate;

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActionStatus {
    /// Agreed, not started.
    Open,
    /// Under way.
    InProgress,
    /// Done.
    Done,
    /// No longer needed (the reason belongs in the action's text).
    Cancelled,
}

impl ActionStatus {
    /// Every status, in the order a form lists them.
    pub const ALL: [ActionStatus; 4] = [Self::Open, Self::InProgress, Self::Done, Self::Cancelled];

    /// The status as a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Open => "Not started",
            Self::InProgress => "In progress",
            Self::Done => "Done",
            Self::Cancelled => "Cancelled",
        }
    }

    /// Whether the action still has to be done.
    pub fn is_outstanding(self) -> bool {
        matches!(self, Self::Open | Self::InProgress)
    }
}

/// One agreed action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// Stable identifier within the audit, made by the caller.
    pub id: String,
    /// What is to be done.
    pub what: String,
    /// Who will do it.
    pub owner: String,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
    /// Where it stands.
    pub status: ActionStatus,
    /// The day it was done, once it was.
    pub completed_on: Option<NaiveDate>,
}

impl Action {
    /// The action as people read it: what, then who, each once ("Sam Okafor (social worker)"
    /// keeps its own brackets).
    pub fn what_and_owner(&self) -> String {
        let what = self.what.trim().trim_end_matches('.');
        match self.owner.trim() {
            "" => format!("{what}. No owner named"),
            owner => format!("{what}. Owner: {owner}"),
        }
    }

    /// A new open action.
    pub fn new(
        id: impl Into<String>,
        what: impl Into<String>,
        owner: impl Into<String>,
        due_on: Option<NaiveDate>,
    ) -> Self {
        Self {
            id: id.into(),
            what: what.into(),
            owner: owner.into(),
            due_on,
            status: ActionStatus::Open,
            completed_on: None,
        }
    }

    /// Whether the action is still to be done and its due day has passed.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_outstanding() && self.due_on.is_some_and(|due| due < today)
    }

    /// Whether a done action was done by its due day; `None` when it is not done or either day
    /// is unknown.
    pub fn completed_on_time(&self) -> Option<bool> {
        if self.status != ActionStatus::Done {
            return None;
        }
        Some(self.completed_on? <= self.due_on?)
    }
}
