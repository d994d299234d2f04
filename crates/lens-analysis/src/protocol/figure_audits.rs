//! The audits behind one figure of a report: asked when someone opens a figure, since naming
//! every audit behind every figure would make the report far larger than the screen needs.

use serde::{Deserialize, Serialize};

use super::ReportRequest;

/// One figure of the report `report` makes, by its place in that report (`FigureRow::figure`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureAuditsRequest {
    /// The report the figure is in, asked again over the device's records as they are now.
    pub report: ReportRequest,
    /// The figure's place among the report's figures.
    pub figure: usize,
}

/// The audits a figure counts, newest first by the day each is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureAudits {
    /// What the figure counts, as its row names it, so the page can tell the figure is the one
    /// it opened even if audits arrived in between.
    pub measure: String,
    /// The figure's breakdown, as its row names it.
    pub breakdown: String,
    /// The figure's count (actions or moderations may be counted rather than audits).
    pub count: usize,
    /// The audits' ids.
    pub audits: Vec<String>,
}
