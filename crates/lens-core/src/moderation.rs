//! Moderation: a moderator grades a submitted audit's items independently, then moderator and
//! auditor agree a grade for each item with a rationale. Both original gradings are kept
//! unchanged; the agreed grades feed auditor calibration.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::agreement::ModeratedGrade;
use crate::audit::{item_title, AuditProblem, ProblemTarget};
use crate::template::{GradeRule, Template};
use crate::{Audit, AuditId, AuditStatus};

/// Whether two names are one person's, ignoring case and spacing ("Sam  patel" is "Sam Patel").
pub fn same_person(a: &str, b: &str) -> bool {
    let words = |name: &str| name.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    words(a) == words(b)
}

/// How far apart two grades on one scale are, as a moderator's comparison marks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GradeGap {
    /// The same grade.
    Same,
    /// Next to each other on the scale.
    OneApart,
    /// Two or more grades apart.
    TwoOrMore,
}

impl GradeGap {
    /// The gap between `a` and `b` on `scale`; `None` when either is not on it.
    pub fn between(scale: &crate::GradeScale, a: &str, b: &str) -> Option<Self> {
        let distance = scale.position(a)?.abs_diff(scale.position(b)?);
        Some(match distance {
            0 => Self::Same,
            1 => Self::OneApart,
            _ => Self::TwoOrMore,
        })
    }

    /// In words.
    pub fn label(self) -> &'static str {
        match self {
            Self::Same => "Same grade",
            Self::OneApart => "One grade apart",
            Self::TwoOrMore => "Two or more grades apart",
        }
    }
}

/// The moderator's grading of one item and the grade agreed afterwards.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModeratedItem {
    /// The moderator's independent grade (a code on the template's scale).
    pub moderator_grade: Option<String>,
    /// The grade moderator and auditor agreed.
    pub agreed_grade: Option<String>,
    /// Why the agreed grade is what it is; needed whenever it differs from the auditor's.
    pub rationale: String,
}

/// One moderation of one audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moderation {
    /// The moderation's identity, made by the caller.
    pub id: String,
    /// The audit moderated.
    pub audit: AuditId,
    /// Who moderated.
    pub moderator: String,
    /// The day of the moderation.
    pub moderated_on: NaiveDate,
    /// The moderator's grading by item id.
    pub items: BTreeMap<String, ModeratedItem>,
    /// Feedback to the auditor.
    pub feedback: String,
}

impl Moderation {
    /// Every problem that stops this moderation being completed, in template order.
    pub fn check(&self, audit: &Audit, template: &Template) -> Vec<AuditProblem> {
        let mut problems = Vec::new();
        let mut problem = |target, message: String| problems.push(AuditProblem::new(target, message));
        if audit.id != self.audit {
            problem(
                ProblemTarget::Audit,
                format!("This moderation is of audit {}, not {}", self.audit, audit.id),
            );
            return problems;
        }
        if audit.status == AuditStatus::Draft {
            problem(ProblemTarget::Audit, "Only a submitted audit can be moderated".to_owned());
        }
        if self.moderator.trim().is_empty() {
            problem(ProblemTarget::Audit, "Enter the moderator's name".to_owned());
        } else if same_person(&self.moderator, &audit.auditor) {
            problem(
                ProblemTarget::Audit,
                format!(
                    "{} wrote this audit, so cannot moderate it: a moderation is an independent grading. Ask another moderator",
                    audit.auditor.trim()
                ),
            );
        }
        let Some(scale) = &template.scale else {
            problem(ProblemTarget::Audit, format!("{} has no grades to moderate", template.title));
            return problems;
        };
        for item in template.items().filter(|item| item.grade != GradeRule::None) {
            let title = item_title(item);
            let target = || ProblemTarget::ItemGrade(item.id.clone());
            let auditor_grade = audit.responses.get(&item.id).and_then(|response| response.grade.as_deref());
            let moderated = self.items.get(&item.id).cloned().unwrap_or_default();
            for (code, which) in
                [(&moderated.moderator_grade, "moderator's"), (&moderated.agreed_grade, "agreed")]
            {
                match code.as_deref() {
                    Some(code) if scale.grade(code).is_none() => {
                        problem(
                            target(),
                            format!("The {which} grade \"{code}\" for {title} is not on the scale"),
                        );
                    }
                    None if auditor_grade.is_some() => {
                        problem(target(), format!("Give the {which} grade for {title}"))
                    }
                    _ => {}
                }
            }
            let differs =
                moderated.agreed_grade.is_some() && moderated.agreed_grade.as_deref() != auditor_grade;
            if differs && moderated.rationale.trim().is_empty() {
                problem(
                    ProblemTarget::ItemNarrative(item.id.clone()),
                    format!(
                        "Give the rationale for the agreed grade of {title}: it differs from the auditor's"
                    ),
                );
            }
        }
        problems
    }

    /// How many of the auditor's grades the agreed grades confirmed, out of the items with both.
    pub fn confirmed_grades(&self, audit: &Audit) -> (usize, usize) {
        let compared: Vec<bool> = audit
            .responses
            .iter()
            .filter_map(|(item_id, response)| Some(response.grade.as_deref()? == self.agreed_grade(item_id)?))
            .collect();
        (compared.iter().filter(|same| **same).count(), compared.len())
    }

    /// The agreed grade for an item, if one was agreed.
    pub fn agreed_grade(&self, item_id: &str) -> Option<&str> {
        self.items.get(item_id)?.agreed_grade.as_deref()
    }

    /// The auditor's grade against the agreed grade for every item where both exist: the
    /// calibration data for the auditor (the signed difference is auditor minus agreed).
    pub fn calibration_gradings(&self, audit: &Audit, template: &Template) -> Vec<ModeratedGrade> {
        self.gradings(audit, template, |item| item.agreed_grade.as_deref())
    }

    /// The auditor's grade against the moderator's independent grade, for agreement
    /// statistics before discussion.
    pub fn independent_gradings(&self, audit: &Audit, template: &Template) -> Vec<ModeratedGrade> {
        self.gradings(audit, template, |item| item.moderator_grade.as_deref())
    }

    fn gradings(
        &self,
        audit: &Audit,
        template: &Template,
        second: impl Fn(&ModeratedItem) -> Option<&str>,
    ) -> Vec<ModeratedGrade> {
        let Some(scale) = &template.scale else { return Vec::new() };
        template
            .items()
            .filter_map(|item| {
                let auditor_grade = scale.position(audit.responses.get(&item.id)?.grade.as_deref()?)?;
                let moderator_grade = scale.position(second(self.items.get(&item.id)?)?)?;
                Some(ModeratedGrade {
                    standard: item.id.clone(),
                    auditor: audit.auditor.clone(),
                    date: self.moderated_on,
                    auditor_grade: Some(auditor_grade),
                    moderator_grade: Some(moderator_grade),
                })
            })
            .collect()
    }
}

impl Audit {
    /// Marks a submitted audit moderated once its moderation is complete. The audit's own
    /// grades are not changed.
    pub fn mark_moderated(
        &self,
        moderation: &Moderation,
        template: &Template,
    ) -> Result<Audit, Vec<AuditProblem>> {
        let problems = moderation.check(self, template);
        if !problems.is_empty() {
            return Err(problems);
        }
        if self.status != AuditStatus::Submitted {
            return Err(vec![AuditProblem::new(
                ProblemTarget::Audit,
                format!(
                    "Only a submitted audit can be marked moderated; this one is {}",
                    self.status.label().to_lowercase()
                ),
            )]);
        }
        Ok(Audit { status: AuditStatus::Moderated, ..self.clone() })
    }
}

#[cfg(test)]
mod tests;
