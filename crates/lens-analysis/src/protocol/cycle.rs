//! The QA cycle in a report's words: the ten-month cycle month by month, with the reflection
//! months when no audits are expected, and each auditor's audits completed against expected.

use serde::{Deserialize, Serialize};

/// The cycle over a report's period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleView {
    /// Every month of the period, in order.
    pub months: Vec<CycleMonth>,
    /// Each auditor with a finished audit for the report's team and template at any date, by
    /// name (`Scope::auditors`), so one who completed none in the period still shows as short.
    pub auditors: Vec<AuditorVolume>,
}

/// One month of the cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleMonth {
    /// The month as a person reads it, e.g. "Aug 2026".
    pub month: String,
    /// A reflection month: no audits are expected in it (August and December).
    pub reflection: bool,
    /// Audits completed in it.
    pub completed: usize,
}

/// One auditor's audits over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditorVolume {
    /// The auditor's name.
    pub auditor: String,
    /// Audits they completed.
    pub completed: usize,
    /// Audits expected of them over the period's audit months.
    pub expected: usize,
}
