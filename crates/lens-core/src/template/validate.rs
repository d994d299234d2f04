//! Checking a template before anyone audits with it: every problem at once, each with its
//! path in the template document (`sections[2].items[0].narrative`).

use std::collections::BTreeSet;
use std::fmt;

use super::{FieldKind, GradeRule, GradeStanding, NarrativeRule, OverallRule, Template};

/// The longest title, label, prompt or option accepted, in characters.
pub const MAX_PROMPT_CHARS: usize = 300;
/// The longest guidance text accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 5_000;

/// One problem with a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateProblem {
    /// Where in the document, e.g. `scale.grades[1].code`.
    pub path: String,
    /// What is wrong, for the person who wrote the template.
    pub message: String,
}

impl fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

struct Problems(Vec<TemplateProblem>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(TemplateProblem { path: path.into(), message: message.into() });
    }

    fn text(&mut self, path: &str, value: &str, limit: usize) {
        if value.trim().is_empty() {
            self.add(path, "must not be empty");
        } else if value.chars().count() > limit {
            self.add(path, format!("is longer than {limit} characters"));
        }
    }

    fn optional_text(&mut self, path: &str, value: Option<&str>, limit: usize) {
        if let Some(value) = value {
            self.text(path, value, limit);
        }
    }

    /// Ids are stable keys in stored audits: lower-case letters, digits and hyphens.
    fn id(&mut self, path: &str, id: &str, seen: &mut BTreeSet<String>) {
        let well_formed = !id.is_empty()
            && id.len() <= 64
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !well_formed {
            self.add(
                path,
                format!("\"{id}\" is not a valid id: use 1 to 64 lower-case letters, digits and hyphens"),
            );
        } else if !seen.insert(id.to_owned()) {
            self.add(path, format!("the id \"{id}\" is used twice"));
        }
    }
}

impl Template {
    /// Every problem with the template, or `Ok` when there is none.
    pub fn validate(&self) -> Result<(), Vec<TemplateProblem>> {
        let mut problems = Problems(Vec::new());
        problems.id("id", &self.id, &mut BTreeSet::new());
        if self.version == 0 {
            problems.add("version", "must be 1 or more");
        }
        problems.text("title", &self.title, MAX_PROMPT_CHARS);
        for (index, paragraph) in self.guidance.iter().enumerate() {
            problems.text(&format!("guidance[{index}]"), paragraph, MAX_TEXT_CHARS);
        }
        self.check_scale(&mut problems);
        self.check_header(&mut problems);
        self.check_sections(&mut problems);
        if let Some(actions) = &self.actions {
            problems.text("actions.title", &actions.title, MAX_PROMPT_CHARS);
        }
        self.check_overall(&mut problems);
        if problems.0.is_empty() {
            Ok(())
        } else {
            Err(problems.0)
        }
    }

    fn check_scale(&self, problems: &mut Problems) {
        let Some(scale) = &self.scale else { return };
        if scale.grades.len() < 2 {
            problems.add("scale.grades", "a scale needs at least two grades");
        }
        if !scale.grades.is_empty() && scale.grades[0].standing != GradeStanding::GoodOrBetter {
            problems.add("scale.grades[0].standing", "the best grade must be good or better");
        }
        let mut codes = BTreeSet::new();
        let mut previous = GradeStanding::GoodOrBetter;
        for (index, grade) in scale.grades.iter().enumerate() {
            let path = format!("scale.grades[{index}]");
            problems.text(&format!("{path}.code"), &grade.code, 20);
            if !codes.insert(grade.code.as_str()) {
                problems.add(format!("{path}.code"), format!("the code \"{}\" is used twice", grade.code));
            }
            problems.text(&format!("{path}.label"), &grade.label, MAX_PROMPT_CHARS);
            if grade.standing < previous {
                problems.add(
                    format!("{path}.standing"),
                    "grades are listed best first, so a grade cannot stand better than the one before it",
                );
            }
            previous = grade.standing;
        }
    }

    fn check_header(&self, problems: &mut Problems) {
        let mut ids = BTreeSet::new();
        for (index, field) in self.header_fields.iter().enumerate() {
            let path = format!("header_fields[{index}]");
            problems.id(&format!("{path}.id"), &field.id, &mut ids);
            problems.text(&format!("{path}.label"), &field.label, MAX_PROMPT_CHARS);
            problems.optional_text(&format!("{path}.hint"), field.hint.as_deref(), MAX_TEXT_CHARS);
            match &field.kind {
                FieldKind::Text { max_chars } if *max_chars == 0 || *max_chars > MAX_TEXT_CHARS => problems
                    .add(format!("{path}.max_chars"), format!("must be between 1 and {MAX_TEXT_CHARS}")),
                FieldKind::Choice { options } => {
                    if options.len() < 2 {
                        problems.add(format!("{path}.options"), "a choice needs at least two options");
                    }
                    let mut seen = BTreeSet::new();
                    for (option_index, option) in options.iter().enumerate() {
                        let option_path = format!("{path}.options[{option_index}]");
                        problems.text(&option_path, option, MAX_PROMPT_CHARS);
                        if !seen.insert(option.as_str()) {
                            problems.add(option_path, format!("the option \"{option}\" is listed twice"));
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn check_sections(&self, problems: &mut Problems) {
        if self.sections.is_empty() {
            problems.add("sections", "a template needs at least one section");
        }
        let mut section_ids = BTreeSet::new();
        let mut item_ids = BTreeSet::new();
        for (section_index, section) in self.sections.iter().enumerate() {
            let path = format!("sections[{section_index}]");
            problems.id(&format!("{path}.id"), &section.id, &mut section_ids);
            problems.text(&format!("{path}.title"), &section.title, MAX_PROMPT_CHARS);
            problems.optional_text(&format!("{path}.guidance"), section.guidance.as_deref(), MAX_TEXT_CHARS);
            if section.items.is_empty() {
                problems.add(format!("{path}.items"), "a section needs at least one item");
            }
            for (item_index, item) in section.items.iter().enumerate() {
                let path = format!("{path}.items[{item_index}]");
                problems.id(&format!("{path}.id"), &item.id, &mut item_ids);
                problems.text(&format!("{path}.prompt"), &item.prompt, MAX_PROMPT_CHARS);
                problems.optional_text(&format!("{path}.guidance"), item.guidance.as_deref(), MAX_TEXT_CHARS);
                if item.grade != GradeRule::None && self.scale.is_none() {
                    problems.add(format!("{path}.grade"), "the item is graded but the template has no scale");
                }
                if item.grade == GradeRule::None && item.narrative == NarrativeRule::None {
                    problems.add(
                        format!("{path}.narrative"),
                        "the item asks for neither a grade nor a narrative",
                    );
                }
                if item.grade == GradeRule::None && item.narrative == NarrativeRule::RequiredBelowGood {
                    problems.add(
                        format!("{path}.narrative"),
                        "a narrative required below good needs the item to be graded",
                    );
                }
            }
        }
    }

    fn check_overall(&self, problems: &mut Problems) {
        if self.asks_overall_judgement && self.scale.is_none() {
            problems.add("overall", "an overall judgement needs a scale");
        }
        if self.overall != OverallRule::None && !self.asks_overall_judgement {
            problems.add(
                "overall.rule",
                "a rule suggests an overall judgement, but the template does not ask for one",
            );
        }
        let graded = self.items().filter(|item| item.grade != GradeRule::None).count();
        if self.overall != OverallRule::None && graded == 0 {
            problems.add("overall.rule", "a rule needs at least one graded item to suggest from");
        }
        if let OverallRule::LimitingMedian { limiting_items } = &self.overall {
            if limiting_items.is_empty() {
                problems.add("overall.limiting_items", "name at least one limiting item");
            }
            for (index, id) in limiting_items.iter().enumerate() {
                match self.item(id) {
                    None => problems.add(
                        format!("overall.limiting_items[{index}]"),
                        format!("there is no item \"{id}\""),
                    ),
                    Some(item) if item.grade == GradeRule::None => problems.add(
                        format!("overall.limiting_items[{index}]"),
                        format!("the item \"{id}\" is not graded, so it cannot limit the overall grade"),
                    ),
                    Some(_) => {}
                }
            }
        }
    }
}
