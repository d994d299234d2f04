//! Audit templates as data: the grading scale, header fields, sections of items, the actions
//! block and the rule that suggests the overall judgement. A council can supply its own; an
//! audit pins the id and version it was made with.

mod council_lists;
mod scoring;
mod validate;

use std::fmt;

pub use council_lists::{newest_versions, DEFAULT_AUDITOR_ROLES};
pub use scoring::{suggest_overall, OverallSuggestion};
pub use validate::{TemplateProblem, MAX_PROMPT_CHARS, MAX_TEXT_CHARS};

/// Names one version of an audit template. Old audits keep the version they were made with,
/// so they stay readable when a council changes the template.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TemplateRef {
    /// Stable identifier, e.g. `case-file-audit`.
    pub id: String,
    /// Version of the template, counting from 1.
    pub version: u32,
}

impl TemplateRef {
    /// A reference to `id` at `version`.
    pub fn new(id: impl Into<String>, version: u32) -> Self {
        Self { id: id.into(), version }
    }
}

impl fmt::Display for TemplateRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} version {}", self.id, self.version)
    }
}

/// The built-in case file audit (twelve practice standards).
pub const CASE_FILE_AUDIT: &str = "case-file-audit";

/// What kind of quality assurance activity a template records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TemplateKind {
    /// A manager grades a child's case file against practice standards.
    CaseFileAudit,
    /// A collaborative practice review done with the practitioner.
    PracticeReview,
    /// A head of service's six-monthly review through the four lenses.
    ServiceReview,
    /// An audit of the quality of supervision.
    SupervisionAudit,
    /// A manager observes practice as it happens.
    PracticeObservation,
    /// A practitioner reflects on their own practice; private to its author.
    Reflection,
}

impl TemplateKind {
    /// Every kind, in a fixed order.
    pub const ALL: [TemplateKind; 6] = [
        Self::CaseFileAudit,
        Self::PracticeReview,
        Self::ServiceReview,
        Self::SupervisionAudit,
        Self::PracticeObservation,
        Self::Reflection,
    ];
}

/// Where a grade stands against "good", which the seeds' follow-up rules turn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GradeStanding {
    /// Good or better.
    GoodOrBetter,
    /// Below good but not inadequate (e.g. requires improvement, does not meet good).
    BelowGood,
    /// Inadequate: below good, and a post-audit reflective discussion is due.
    Inadequate,
}

impl GradeStanding {
    /// Whether the grade is below good (including inadequate).
    pub fn is_below_good(self) -> bool {
        self != Self::GoodOrBetter
    }
}

/// One grade of a scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    /// Short code stored in audits, e.g. `G` or `RI`.
    pub code: String,
    /// The grade as a person reads it, e.g. "Requires improvement".
    pub label: String,
    /// Where it stands against good.
    pub standing: GradeStanding,
}

/// An ordered grading scale, best grade first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradeScale {
    /// The grades, best first.
    pub grades: Vec<Grade>,
}

impl GradeScale {
    /// The position (0 = best) of the grade with `code`.
    pub fn position(&self, code: &str) -> Option<usize> {
        self.grades.iter().position(|grade| grade.code == code)
    }

    /// The grade with `code`.
    pub fn grade(&self, code: &str) -> Option<&Grade> {
        self.grades.iter().find(|grade| grade.code == code)
    }
}

/// The type of a header field and what it accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text up to a length.
    Text {
        /// The longest answer accepted, in characters.
        max_chars: usize,
    },
    /// A calendar date.
    Date,
    /// Yes or no.
    YesNo,
    /// One of a fixed list of options.
    Choice {
        /// The options, in display order.
        options: Vec<String>,
    },
}

/// One field of the audit's header (auditor, case number, strand, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderField {
    /// Stable identifier within the template.
    pub id: String,
    /// The question, e.g. "Tracked case number".
    pub label: String,
    /// Hint text under the label.
    pub hint: Option<String>,
    /// What it accepts.
    pub kind: FieldKind,
    /// Whether it must be answered before submitting.
    pub required: bool,
}

/// Whether an item asks for a grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GradeRule {
    /// Not graded.
    None,
    /// Graded if the author wishes.
    Optional,
    /// Must be graded before submitting.
    Required,
}

/// Whether an item asks for a narrative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NarrativeRule {
    /// No narrative box.
    None,
    /// A narrative may be written.
    Optional,
    /// A narrative must be written.
    Required,
    /// A narrative must be written when the item is graded below good.
    RequiredBelowGood,
}

/// One item (practice standard, judgement area, prompt) of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Stable identifier, unique within the template.
    pub id: String,
    /// The standard or question, short enough for a legend.
    pub prompt: String,
    /// Guidance shown in a details element: what to look for.
    pub guidance: Option<String>,
    /// Whether it is graded.
    pub grade: GradeRule,
    /// Whether it needs a narrative.
    pub narrative: NarrativeRule,
}

/// A group of items under a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Stable identifier, unique within the template.
    pub id: String,
    /// The heading.
    pub title: String,
    /// Text shown under the heading.
    pub guidance: Option<String>,
    /// The items, in order.
    pub items: Vec<Item>,
}

/// The rule that suggests an overall judgement from the item grades. The suggestion is shown
/// beside the author's own overall judgement and never replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverallRule {
    /// No overall judgement is suggested.
    None,
    /// The median of the graded items (the harsher middle grade when two are in the middle).
    Median,
    /// The median, but no better than the grade of any limiting item (e.g. standard 1 "Risk").
    LimitingMedian {
        /// The ids of the limiting items.
        limiting_items: Vec<String>,
    },
    /// The harshest grade given.
    Worst,
}

/// The actions block: what must happen next, by whom and by when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionsBlock {
    /// The heading, e.g. "Agreed actions to achieve good outcomes for the child".
    pub title: String,
}

/// One version of an audit template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Stable identifier: lower-case letters, digits and hyphens.
    pub id: String,
    /// Version, counting from 1.
    pub version: u32,
    /// The title, e.g. "Case file audit".
    pub title: String,
    /// The kind of activity.
    pub kind: TemplateKind,
    /// Guidance for the author, shown at the top (one paragraph each).
    pub guidance: Vec<String>,
    /// The grading scale; `None` for templates without grades.
    pub scale: Option<GradeScale>,
    /// Header fields, in order.
    pub header_fields: Vec<HeaderField>,
    /// Sections, in order.
    pub sections: Vec<Section>,
    /// The actions block, if the template records actions.
    pub actions: Option<ActionsBlock>,
    /// The rule that suggests an overall judgement from the item grades.
    pub overall: OverallRule,
    /// Whether the template asks the author for an overall judgement at all.
    pub asks_overall_judgement: bool,
}

impl Template {
    /// The reference an audit made with this template pins.
    pub fn reference(&self) -> TemplateRef {
        TemplateRef::new(self.id.clone(), self.version)
    }

    /// Every item, in order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|section| section.items.iter())
    }

    /// The item with `id`.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|item| item.id == id)
    }
}

#[cfg(test)]
mod tests;
