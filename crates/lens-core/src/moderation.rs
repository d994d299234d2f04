//! Moderation: a moderator grades a submitted audit's items and its overall judgement
//! independently, then moderator and auditor agree a grade for each with a rationale. Both
//! original gradings are kept unchanged; the agreed grades feed auditor calibration, and the
//! agreed overall judgement is the one reports and follow-up count.

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
    /// The moderator's grading of the overall judgement; empty where the audit has none, and
    /// in moderations made before the overall judgement was moderated.
    pub overall: ModeratedItem,
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
        problems.extend(self.moderator_problem(audit));
        let mut problem = |target, message: String| problems.push(AuditProblem::new(target, message));
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
        if let Some(auditor_overall) = audit.overall_grade(template) {
            let moderated = &self.overall;
            for (code, which) in
                [(&moderated.moderator_grade, "your"), (&moderated.agreed_grade, "the agreed")]
            {
                match code.as_deref() {
                    Some(code) if scale.grade(code).is_none() => problem(
                        ProblemTarget::Overall,
                        format!("The overall judgement \"{code}\" is not on the scale"),
                    ),
                    None => problem(ProblemTarget::Overall, format!("Give {which} overall judgement")),
                    _ => {}
                }
            }
            let differs = moderated.agreed_grade.as_deref().is_some_and(|agreed| agreed != auditor_overall);
            if differs && moderated.rationale.trim().is_empty() {
                problem(
                    ProblemTarget::OverallRationale,
                    "Give the rationale for the agreed overall judgement: it differs from the auditor's"
                        .to_owned(),
                );
            }
        }
        problems
    }

    /// Who moderates: missing, or the audit's own author.
    fn moderator_problem(&self, audit: &Audit) -> Option<AuditProblem> {
        if self.moderator.trim().is_empty() {
            Some(AuditProblem::new(ProblemTarget::Audit, "Enter the moderator's name"))
        } else if same_person(&self.moderator, &audit.auditor) {
            Some(AuditProblem::new(
                ProblemTarget::Audit,
                format!(
                    "{} wrote this audit, so cannot moderate it: a moderation is an independent grading. Ask another moderator",
                    audit.auditor.trim()
                ),
            ))
        } else {
            None
        }
    }

    /// What stops the comparison opening, said to the moderator: who moderates, and each of
    /// their own grades still to give (see [`Moderation::own_grades_complete`]).
    pub fn own_grading_problems(&self, audit: &Audit, template: &Template) -> Vec<AuditProblem> {
        let mut problems: Vec<AuditProblem> = self.moderator_problem(audit).into_iter().collect();
        for item in template.items().filter(|item| item.grade != GradeRule::None) {
            let auditor_graded =
                audit.responses.get(&item.id).is_some_and(|response| response.grade.is_some());
            let own = self.items.get(&item.id).and_then(|graded| graded.moderator_grade.as_ref());
            if auditor_graded && own.is_none() {
                problems.push(AuditProblem::new(
                    ProblemTarget::ItemGrade(item.id.clone()),
                    format!("Give your grade for {}", item_title(item)),
                ));
            }
        }
        if audit.overall_grade(template).is_some() && self.overall.moderator_grade.is_none() {
            problems.push(AuditProblem::new(ProblemTarget::Overall, "Give your overall judgement"));
        }
        problems
    }

    /// The agreed overall judgement, if one was agreed.
    pub fn agreed_overall(&self) -> Option<&str> {
        self.overall.agreed_grade.as_deref()
    }

    /// Whether the moderator has given every grade the comparison needs: their own grade for
    /// each graded standard the auditor graded, and for the overall judgement where the audit
    /// has one. Until then the auditor's grades stay hidden.
    pub fn own_grades_complete(&self, audit: &Audit, template: &Template) -> bool {
        self.own_grading_problems(audit, template)
            .iter()
            .all(|problem| problem.target == ProblemTarget::Audit)
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
    /// The overall grade that counts: the one agreed at moderation where there is one, else
    /// the author's judgement, else the template's suggestion.
    pub fn counted_overall(&self, template: &Template, moderation: Option<&Moderation>) -> Option<String> {
        moderation
            .and_then(Moderation::agreed_overall)
            .map(str::to_owned)
            .or_else(|| self.overall_grade(template))
    }

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
