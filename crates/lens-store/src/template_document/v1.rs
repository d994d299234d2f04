//! Version 1 of the template document: the JSON a council writes and Practice Lens ships.
//! Documented in docs/template-format.md; checked by docs/template.schema.json.
//!
//! Fields a person is likely to forget are optional here, so that their absence is reported
//! with every other problem at once rather than as the first decoding error.

use serde::{Deserialize, Serialize};

/// The whole document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateDocumentV1 {
    /// Always `practice-lens-template`.
    pub format: String,
    /// Always 1 for this version.
    pub format_version: u32,
    pub id: Option<String>,
    pub version: Option<u32>,
    pub title: Option<String>,
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guidance: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<ScaleV1>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_fields: Vec<HeaderFieldV1>,
    #[serde(default)]
    pub sections: Vec<SectionV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<ActionsV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall: Option<OverallV1>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleV1 {
    pub grades: Vec<GradeV1>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeV1 {
    pub code: String,
    pub label: String,
    /// `good_or_better`, `below_good` or `inadequate`.
    pub standing: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderFieldV1 {
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// `text`, `date`, `yes_no` or `choice`.
    #[serde(rename = "type")]
    pub field_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_chars: Option<usize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    #[serde(default)]
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionV1 {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    pub items: Vec<ItemV1>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemV1 {
    pub id: String,
    pub prompt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    /// `none`, `optional` or `required`.
    pub grade: String,
    /// `none`, `optional`, `required` or `required_below_good`.
    pub narrative: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionsV1 {
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverallV1 {
    /// Whether the author is asked for an overall judgement.
    pub asked: bool,
    /// `none`, `median`, `limiting_median` or `worst`.
    #[serde(default = "no_rule")]
    pub rule: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limiting_items: Vec<String>,
}

fn no_rule() -> String {
    "none".into()
}
