//! Between the version 1 document and `lens_core::Template`, collecting every problem.

use lens_core::{
    ActionsBlock, FieldKind, Grade, GradeRule, GradeScale, GradeStanding, HeaderField, Item, NarrativeRule,
    OverallRule, Section, Template, TemplateKind, TemplateProblem,
};

use super::v1::{
    ActionsV1, GradeV1, HeaderFieldV1, ItemV1, OverallV1, ScaleV1, SectionV1, TemplateDocumentV1,
};
use super::{FORMAT, FORMAT_VERSION};

/// Collects problems while converting, so one pass reports them all.
#[derive(Default)]
struct Problems(Vec<TemplateProblem>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(TemplateProblem { path: path.into(), message: message.into() });
    }

    fn required<T: Clone + Default>(&mut self, path: &str, value: &Option<T>) -> T {
        value.clone().unwrap_or_else(|| {
            self.add(path, "is missing");
            T::default()
        })
    }

    /// One of a fixed set of codes; an unknown code is reported and the fallback used.
    fn code<T: Copy>(&mut self, path: &str, value: &str, codes: &[(&str, T)], fallback: T) -> T {
        match codes.iter().find(|(code, _)| *code == value) {
            Some((_, parsed)) => *parsed,
            None => {
                let allowed: Vec<String> = codes.iter().map(|(code, _)| format!("\"{code}\"")).collect();
                self.add(path, format!("\"{value}\" is not one of {}", allowed.join(", ")));
                fallback
            }
        }
    }
}

/// The template kinds' codes in documents. Documents depend on them: a renamed variant keeps its code.
const KINDS: [(&str, TemplateKind); 6] = [
    ("case_file_audit", TemplateKind::CaseFileAudit),
    ("practice_review", TemplateKind::PracticeReview),
    ("service_review", TemplateKind::ServiceReview),
    ("supervision_audit", TemplateKind::SupervisionAudit),
    ("practice_observation", TemplateKind::PracticeObservation),
    ("reflection", TemplateKind::Reflection),
];

const STANDINGS: [(&str, GradeStanding); 3] = [
    ("good_or_better", GradeStanding::GoodOrBetter),
    ("below_good", GradeStanding::BelowGood),
    ("inadequate", GradeStanding::Inadequate),
];
const GRADE_RULES: [(&str, GradeRule); 3] =
    [("none", GradeRule::None), ("optional", GradeRule::Optional), ("required", GradeRule::Required)];
const NARRATIVE_RULES: [(&str, NarrativeRule); 4] = [
    ("none", NarrativeRule::None),
    ("optional", NarrativeRule::Optional),
    ("required", NarrativeRule::Required),
    ("required_below_good", NarrativeRule::RequiredBelowGood),
];

/// The template a document describes, with every problem the document or its rules have.
pub fn to_template(document: &TemplateDocumentV1) -> Result<Template, Vec<TemplateProblem>> {
    let mut problems = Problems::default();
    if document.format != FORMAT {
        problems.add("format", format!("must be \"{FORMAT}\""));
    }
    let kind = match &document.kind {
        Some(code) => problems.code("kind", code, &KINDS, TemplateKind::CaseFileAudit),
        None => {
            problems.add("kind", "is missing");
            TemplateKind::CaseFileAudit
        }
    };
    let scale = document.scale.as_ref().map(|scale| GradeScale {
        grades: scale
            .grades
            .iter()
            .enumerate()
            .map(|(index, grade)| Grade {
                code: grade.code.clone(),
                label: grade.label.clone(),
                standing: problems.code(
                    &format!("scale.grades[{index}].standing"),
                    &grade.standing,
                    &STANDINGS,
                    GradeStanding::GoodOrBetter,
                ),
            })
            .collect(),
    });
    let header_fields = document
        .header_fields
        .iter()
        .enumerate()
        .map(|(index, field)| header_field(&mut problems, index, field))
        .collect();
    let sections = document
        .sections
        .iter()
        .enumerate()
        .map(|(section_index, section)| Section {
            id: section.id.clone(),
            title: section.title.clone(),
            guidance: section.guidance.clone(),
            items: section
                .items
                .iter()
                .enumerate()
                .map(|(item_index, item)| {
                    let path = format!("sections[{section_index}].items[{item_index}]");
                    Item {
                        id: item.id.clone(),
                        prompt: item.prompt.clone(),
                        guidance: item.guidance.clone(),
                        grade: problems.code(
                            &format!("{path}.grade"),
                            &item.grade,
                            &GRADE_RULES,
                            GradeRule::None,
                        ),
                        narrative: problems.code(
                            &format!("{path}.narrative"),
                            &item.narrative,
                            &NARRATIVE_RULES,
                            NarrativeRule::Optional,
                        ),
                    }
                })
                .collect(),
        })
        .collect();
    let (asks_overall_judgement, overall) = match &document.overall {
        None => (false, OverallRule::None),
        Some(overall) => (overall.asked, overall_rule(&mut problems, overall)),
    };
    let template = Template {
        id: problems.required("id", &document.id),
        version: problems.required("version", &document.version),
        title: problems.required("title", &document.title),
        kind,
        guidance: document.guidance.clone(),
        scale,
        header_fields,
        sections,
        actions: document.actions.as_ref().map(|actions| ActionsBlock { title: actions.title.clone() }),
        overall,
        asks_overall_judgement,
    };
    // Rule problems are only meaningful for the parts that decoded; report both kinds together.
    if let Err(rule_problems) = template.validate() {
        let already: Vec<String> = problems.0.iter().map(|problem| problem.path.clone()).collect();
        problems.0.extend(rule_problems.into_iter().filter(|problem| !already.contains(&problem.path)));
    }
    if problems.0.is_empty() {
        Ok(template)
    } else {
        Err(problems.0)
    }
}

fn header_field(problems: &mut Problems, index: usize, field: &HeaderFieldV1) -> HeaderField {
    let path = format!("header_fields[{index}]");
    let kind = match field.field_type.as_str() {
        "text" => FieldKind::Text { max_chars: field.max_chars.unwrap_or(200) },
        "date" => FieldKind::Date,
        "yes_no" => FieldKind::YesNo,
        "choice" => FieldKind::Choice { options: field.options.clone() },
        other => {
            problems.add(
                format!("{path}.type"),
                format!("\"{other}\" is not one of \"text\", \"date\", \"yes_no\", \"choice\""),
            );
            FieldKind::YesNo
        }
    };
    if !field.options.is_empty() && !matches!(kind, FieldKind::Choice { .. }) {
        problems.add(format!("{path}.options"), "only a \"choice\" field has options");
    }
    if field.max_chars.is_some() && !matches!(kind, FieldKind::Text { .. }) {
        problems.add(format!("{path}.max_chars"), "only a \"text\" field has max_chars");
    }
    HeaderField {
        id: field.id.clone(),
        label: field.label.clone(),
        hint: field.hint.clone(),
        kind,
        required: field.required,
    }
}

fn overall_rule(problems: &mut Problems, overall: &OverallV1) -> OverallRule {
    let rule = match overall.rule.as_str() {
        "none" => OverallRule::None,
        "median" => OverallRule::Median,
        "worst" => OverallRule::Worst,
        "limiting_median" => OverallRule::LimitingMedian { limiting_items: overall.limiting_items.clone() },
        other => {
            problems.add(
                "overall.rule",
                format!("\"{other}\" is not one of \"none\", \"median\", \"limiting_median\", \"worst\""),
            );
            OverallRule::None
        }
    };
    if !overall.limiting_items.is_empty() && !matches!(rule, OverallRule::LimitingMedian { .. }) {
        problems.add("overall.limiting_items", "only the \"limiting_median\" rule has limiting items");
    }
    rule
}

fn code_of<T: PartialEq>(codes: &[(&'static str, T)], value: &T) -> String {
    codes.iter().find(|(_, parsed)| parsed == value).map_or("none", |(code, _)| code).to_owned()
}

/// The document for a template: what export writes and [`to_template`] reads back.
pub fn to_document(template: &Template) -> TemplateDocumentV1 {
    TemplateDocumentV1 {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        id: Some(template.id.clone()),
        version: Some(template.version),
        title: Some(template.title.clone()),
        kind: Some(code_of(&KINDS, &template.kind)),
        guidance: template.guidance.clone(),
        scale: template.scale.as_ref().map(|scale| ScaleV1 {
            grades: scale
                .grades
                .iter()
                .map(|grade| GradeV1 {
                    code: grade.code.clone(),
                    label: grade.label.clone(),
                    standing: code_of(&STANDINGS, &grade.standing),
                })
                .collect(),
        }),
        header_fields: template
            .header_fields
            .iter()
            .map(|field| {
                let (field_type, max_chars, options) = match &field.kind {
                    FieldKind::Text { max_chars } => ("text", Some(*max_chars), Vec::new()),
                    FieldKind::Date => ("date", None, Vec::new()),
                    FieldKind::YesNo => ("yes_no", None, Vec::new()),
                    FieldKind::Choice { options } => ("choice", None, options.clone()),
                };
                HeaderFieldV1 {
                    id: field.id.clone(),
                    label: field.label.clone(),
                    hint: field.hint.clone(),
                    field_type: field_type.into(),
                    max_chars,
                    options,
                    required: field.required,
                }
            })
            .collect(),
        sections: template
            .sections
            .iter()
            .map(|section| SectionV1 {
                id: section.id.clone(),
                title: section.title.clone(),
                guidance: section.guidance.clone(),
                items: section
                    .items
                    .iter()
                    .map(|item| ItemV1 {
                        id: item.id.clone(),
                        prompt: item.prompt.clone(),
                        guidance: item.guidance.clone(),
                        grade: code_of(&GRADE_RULES, &item.grade),
                        narrative: code_of(&NARRATIVE_RULES, &item.narrative),
                    })
                    .collect(),
            })
            .collect(),
        actions: template.actions.as_ref().map(|actions| ActionsV1 { title: actions.title.clone() }),
        overall: (template.asks_overall_judgement || template.overall != OverallRule::None).then(|| {
            let (rule, limiting_items) = match &template.overall {
                OverallRule::None => ("none", Vec::new()),
                OverallRule::Median => ("median", Vec::new()),
                OverallRule::Worst => ("worst", Vec::new()),
                OverallRule::LimitingMedian { limiting_items } => ("limiting_median", limiting_items.clone()),
            };
            OverallV1 { asked: template.asks_overall_judgement, rule: rule.into(), limiting_items }
        }),
    }
}
