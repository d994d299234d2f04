//! Checking an audit against its template before it is submitted: every problem at once, each
//! tied to the field it belongs to, in words a person can act on.

use chrono::NaiveDate;

use super::{parse_iso_date, ActionField, AmendmentField, Audit};
use crate::template::{FieldKind, GradeRule, HeaderField, Item, NarrativeRule, Template, TemplateKind};

/// The longest narrative accepted for one item, in characters. A page of evaluative writing is
/// about 4,000; the limit only stops text pasted by mistake.
pub const MAX_NARRATIVE_CHARS: usize = 20_000;

/// The longest action text or owner accepted, in characters.
const MAX_ACTION_CHARS: usize = 1_000;

/// What a problem is about, so that a form can show it beside the field.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemTarget {
    /// The audit as a whole (its template or its status).
    Audit,
    /// A header field, by id.
    Header(String),
    /// An item's grade, by item id.
    ItemGrade(String),
    /// An item's narrative, by item id.
    ItemNarrative(String),
    /// The overall judgement.
    Overall,
    /// The rationale for an agreed overall judgement at moderation.
    OverallRationale,
    /// An action, by its position (from 0), and the part concerned.
    Action(usize, ActionField),
    /// A field of an amendment.
    Amendment(AmendmentField),
    /// A field of a follow-up form (progress, confirmation, discussion, closing, reopening).
    FollowUp(super::FollowUpField),
}

/// One problem found in an audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditProblem {
    /// What it is about.
    pub target: ProblemTarget,
    /// What to do, in words.
    pub message: String,
}

impl AuditProblem {
    pub(crate) fn new(target: ProblemTarget, message: impl Into<String>) -> Self {
        Self { target, message: message.into() }
    }
}

impl Audit {
    /// Every problem that stops this audit being submitted against `template`, in form order:
    /// header, items, overall judgement, actions. Empty when it can be submitted.
    pub fn check(&self, template: &Template, today: NaiveDate) -> Vec<AuditProblem> {
        let mut problems = Vec::new();
        if self.template != template.reference() {
            problems.push(AuditProblem::new(
                ProblemTarget::Audit,
                format!("This audit was made with template {}, not {}", self.template, template.reference()),
            ));
            return problems;
        }
        for field in &template.header_fields {
            check_header(field, self.header_value(&field.id), today, &mut problems);
        }
        for item in template.items() {
            check_item(self, template, item, &mut problems);
        }
        check_something_answered(self, template, &mut problems);
        for item_id in self.responses.keys().filter(|id| template.item(id).is_none()) {
            problems.push(AuditProblem::new(
                ProblemTarget::ItemGrade(item_id.clone()),
                format!(
                    "\"{item_id}\" is not an item of {}: copy what it says elsewhere and remove it",
                    template.title
                ),
            ));
        }
        check_overall(self, template, &mut problems);
        check_actions(self, template, &mut problems);
        problems
    }
}

/// How a message names an item: "standard 4 "Assessments are…"" for numbered standards,
/// otherwise the prompt in quotes.
pub fn item_title(item: &Item) -> String {
    let prompt = item.prompt.trim();
    let digits: String = prompt.chars().take_while(char::is_ascii_digit).collect();
    match prompt[digits.len()..].strip_prefix(". ") {
        Some(rest) if !digits.is_empty() => format!("standard {digits} \"{}\"", shorten(rest)),
        _ => format!("\"{}\"", shorten(prompt)),
    }
}

fn shorten(text: &str) -> String {
    const MAX: usize = 48;
    if text.chars().count() <= MAX {
        return text.to_owned();
    }
    let cut: String = text.chars().take(MAX).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |end| &cut[..end]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':']))
}

fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
}

fn check_header(field: &HeaderField, value: &str, today: NaiveDate, problems: &mut Vec<AuditProblem>) {
    let target = || ProblemTarget::Header(field.id.clone());
    let value = value.trim();
    if value.is_empty() {
        if field.required {
            let message = match field.kind {
                FieldKind::Text { .. } | FieldKind::Date => format!("Enter {}", lower_first(&field.label)),
                FieldKind::YesNo | FieldKind::Choice { .. } => {
                    format!("Select an answer to \"{}\"", field.label)
                }
            };
            problems.push(AuditProblem::new(target(), message));
        }
        return;
    }
    let problem = match &field.kind {
        FieldKind::Text { max_chars } if value.chars().count() > *max_chars => {
            Some(format!("{} must be {max_chars} characters or fewer", field.label))
        }
        FieldKind::Date => match parse_iso_date(value) {
            None => Some(format!("{} must be a real date", field.label)),
            Some(date) if date > today => Some(format!("{} must be today or in the past", field.label)),
            Some(_) => None,
        },
        FieldKind::YesNo if value != "yes" && value != "no" => {
            Some(format!("Select yes or no for \"{}\"", field.label))
        }
        FieldKind::Choice { options } if !options.iter().any(|option| option == value) => {
            Some(format!("Select one of the options for \"{}\"", field.label))
        }
        _ => None,
    };
    problems.extend(problem.map(|message| AuditProblem::new(target(), message)));
}

fn check_item(audit: &Audit, template: &Template, item: &Item, problems: &mut Vec<AuditProblem>) {
    let response = audit.responses.get(&item.id);
    let grade_code = response.and_then(|response| response.grade.as_deref());
    let narrative = response.map_or("", |response| response.narrative.trim());
    let title = item_title(item);
    let grade = match (grade_code, &template.scale) {
        (Some(code), Some(scale)) => {
            match scale.grade(code) {
                Some(grade) => Some(grade),
                None => {
                    problems.push(AuditProblem::new(
                    ProblemTarget::ItemGrade(item.id.clone()),
                    format!("The grade \"{code}\" for {title} is not on this template's scale: choose a grade"),
                ));
                    None
                }
            }
        }
        (Some(_), None) => None,
        (None, _) => {
            if item.grade == GradeRule::Required {
                problems.push(AuditProblem::new(
                    ProblemTarget::ItemGrade(item.id.clone()),
                    format!("Grade {title}"),
                ));
            }
            None
        }
    };
    let narrative_target = || ProblemTarget::ItemNarrative(item.id.clone());
    if narrative.is_empty() {
        match (item.narrative, grade) {
            (NarrativeRule::Required, _) => {
                problems.push(AuditProblem::new(narrative_target(), format!("Give a narrative for {title}")));
            }
            (NarrativeRule::RequiredBelowGood, Some(grade)) if grade.standing.is_below_good() => {
                problems.push(AuditProblem::new(
                    narrative_target(),
                    format!("Give a narrative for {title}: it is graded {}", grade.label),
                ));
            }
            _ => {}
        }
    } else if narrative.chars().count() > MAX_NARRATIVE_CHARS {
        problems.push(AuditProblem::new(
            narrative_target(),
            format!("The narrative for {title} must be {MAX_NARRATIVE_CHARS} characters or fewer"),
        ));
    }
}

/// A template whose every item is optional (a reflection) still needs one answer: an empty
/// record locked on submission could only be mended by an amendment.
fn check_something_answered(audit: &Audit, template: &Template, problems: &mut Vec<AuditProblem>) {
    let all_optional = template.items().all(|item| {
        item.grade != GradeRule::Required
            && !matches!(item.narrative, NarrativeRule::Required | NarrativeRule::RequiredBelowGood)
    });
    let Some(first) = template.items().find(|item| item.narrative != NarrativeRule::None) else { return };
    let answered = audit
        .responses
        .values()
        .any(|response| response.grade.is_some() || !response.narrative.trim().is_empty());
    if all_optional && !answered {
        let message = match template.kind {
            TemplateKind::Reflection => {
                "Answer at least one of the prompts before you submit your reflection"
            }
            _ => "Answer at least one item before you submit",
        };
        problems.push(AuditProblem::new(ProblemTarget::ItemNarrative(first.id.clone()), message));
    }
}

fn check_overall(audit: &Audit, template: &Template, problems: &mut Vec<AuditProblem>) {
    let Some(scale) = &template.scale else { return };
    match audit.overall.as_deref() {
        None if template.asks_overall_judgement => {
            problems.push(AuditProblem::new(ProblemTarget::Overall, "Give the overall judgement"));
        }
        Some(code) if scale.grade(code).is_none() => problems.push(AuditProblem::new(
            ProblemTarget::Overall,
            format!("The overall judgement \"{code}\" is not on this template's scale: choose a grade"),
        )),
        _ => {}
    }
}

fn check_actions(audit: &Audit, template: &Template, problems: &mut Vec<AuditProblem>) {
    if template.actions.is_none() {
        return;
    }
    for (index, action) in audit.actions.iter().enumerate() {
        let number = index + 1;
        let mut problem = |part, message: String| {
            problems.push(AuditProblem::new(ProblemTarget::Action(index, part), message))
        };
        if action.what.trim().is_empty() {
            problem(ActionField::What, format!("Enter what action {number} is"));
        } else if action.what.chars().count() > MAX_ACTION_CHARS {
            problem(
                ActionField::What,
                format!("Action {number} must be {MAX_ACTION_CHARS} characters or fewer"),
            );
        }
        if action.owner.trim().is_empty() {
            problem(ActionField::Owner, format!("Enter who will do action {number}"));
        } else if action.owner.chars().count() > MAX_ACTION_CHARS {
            problem(
                ActionField::Owner,
                format!("Who will do action {number} must be {MAX_ACTION_CHARS} characters or fewer"),
            );
        }
        if action.due_on.is_none() {
            problem(ActionField::DueOn, format!("Enter when action {number} is due"));
        }
    }
    let overall = audit.overall.as_deref().and_then(|code| template.scale.as_ref()?.grade(code));
    if let Some(grade) = overall.filter(|grade| grade.standing.is_below_good()) {
        if audit.actions.is_empty() {
            problems.push(AuditProblem::new(
                ProblemTarget::Action(0, ActionField::What),
                format!("Agree at least one action: the case is graded {} overall", grade.label),
            ));
        }
    }
}
