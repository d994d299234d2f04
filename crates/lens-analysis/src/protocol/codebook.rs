//! The messages about theme codebooks: a council's document checked before it is kept, and what
//! a person reads about the codebook a panel was read with.

use serde::{Deserialize, Serialize};

/// What a council codebook whose document gives no name is called.
pub const COUNCIL_UNNAMED: &str = "Your council's codebook";

/// A codebook document to check, as the person loaded it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckCodebookRequest {
    /// The document's text.
    pub text: String,
}

/// What checking a document found: the codebook it makes, or every problem with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CodebookCheck {
    /// It makes a codebook, which can be kept.
    Ready(CodebookSummary),
    /// Every problem, in words.
    Problems(Vec<String>),
}

/// A codebook as a person reads about it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CodebookSummary {
    /// What it is called.
    pub name: String,
    /// Whether it is the council's own rather than the built-in one.
    pub council: bool,
    /// Its themes, in its order.
    pub themes: Vec<CodebookThemeSummary>,
    /// How many abbreviations it expands.
    pub abbreviations: usize,
    /// Why the council's kept codebook was not used, when it could not be.
    pub note: Option<String>,
}

/// One theme of a codebook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodebookThemeSummary {
    /// Its identifier.
    pub id: String,
    /// Its label, or its id when it has none.
    pub label: String,
    /// How many indicative phrases signal it.
    pub phrases: usize,
}
