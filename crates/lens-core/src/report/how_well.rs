//! How well did we do it: the overall grade distribution of each template, the share judged
//! good or better, each standard's profile, and exact agreement between the auditor's and the
//! agreed grades at moderation; and how often the child's and the family's views were heard
//! (audits of a child's case with each recorded, out of those audits).
//!
//! A standard's grade, and the overall judgement, is the agreed grade where its audit was
//! moderated, and the auditor's otherwise: moderation exists to make grades consistent, so its
//! outcome is what counts. The report says so. (Moderations made before the overall judgement
//! was moderated leave the auditor's overall judgement standing.)

use std::collections::BTreeMap;

use super::scope::{Scope, Tally};
use super::{Dimension, Figure, Measure, Question};
use crate::template::GradeStanding;
use crate::{AuditId, FeedbackFrom, Period, PeriodLength};

const Q: Question = Question::HowWell;

pub(super) fn figures(scope: &Scope, figures: &mut Vec<Figure>) {
    let mut good = Tally::new();
    for dated in scope.completed() {
        if let Some(grade) = dated.overall {
            good.add(grade.standing == GradeStanding::GoodOrBetter, &dated.audit.id);
        }
    }
    figures.push(good.figure(Q, Measure::GoodOrBetter, Vec::new(), true));

    let (mut child, mut family) = (Tally::new(), Tally::new());
    for dated in scope.completed() {
        if dated.template.is_some_and(crate::Template::asks_family_feedback) {
            child.add(dated.audit.family_feedback(FeedbackFrom::Child).next().is_some(), &dated.audit.id);
            family.add(
                dated.audit.family_feedback(FeedbackFrom::ParentOrCarer).next().is_some(),
                &dated.audit.id,
            );
        }
    }
    figures.push(child.figure(Q, Measure::ChildViewRecorded, Vec::new(), true));
    figures.push(family.figure(Q, Measure::FamilyViewRecorded, Vec::new(), true));

    // Grade distributions are per template: templates may use different scales. A template's
    // versions count together, on the newest version's scale.
    let mut graded_templates: BTreeMap<&str, &crate::Template> = BTreeMap::new();
    for dated in scope.completed() {
        if let Some(template) = dated.template.filter(|template| template.scale.is_some()) {
            let newest = graded_templates.entry(template.id.as_str()).or_insert(template);
            if newest.version < template.version {
                *newest = template;
            }
        }
    }
    let agreed: BTreeMap<&AuditId, &crate::Moderation> =
        scope.moderations.iter().map(|(moderation, _)| (&moderation.audit, *moderation)).collect();
    for template in graded_templates.values() {
        let Some(scale) = &template.scale else { continue };
        let of_template: Vec<_> =
            scope.completed().filter(|dated| dated.audit.template.id == template.id).collect();
        let overall: Vec<_> = of_template
            .iter()
            .filter_map(|dated| Some((&dated.audit.id, scale.position(&dated.overall?.code)?)))
            .collect();
        for (grade, tally) in scale.grades.iter().zip(distribution(&overall, scale.grades.len())) {
            let group =
                vec![(Dimension::Template, template.id.clone()), (Dimension::Grade, grade.code.clone())];
            figures.push(tally.figure(Q, Measure::OverallGrade, group, true));
        }
        monthly_overall(template, scale, &of_template, figures);
        for item in template.items().filter(|item| scope.standard_selected(&item.id)) {
            let graded: Vec<_> = of_template
                .iter()
                .filter_map(|dated| {
                    let given = dated.audit.responses.get(&item.id)?.grade.as_deref()?;
                    let moderated = agreed.get(&dated.audit.id).and_then(|m| m.agreed_grade(&item.id));
                    let code = moderated.unwrap_or(given);
                    Some((&dated.audit.id, scale.position(code)?))
                })
                .collect();
            if graded.is_empty() {
                continue;
            }
            let standard =
                || vec![(Dimension::Template, template.id.clone()), (Dimension::Standard, item.id.clone())];
            let mut good = Tally::new();
            for (id, position) in &graded {
                good.add(scale.grades[*position].standing == GradeStanding::GoodOrBetter, id);
            }
            figures.push(good.figure(Q, Measure::StandardGoodOrBetter, standard(), true));
            for (grade, tally) in scale.grades.iter().zip(distribution(&graded, scale.grades.len())) {
                let mut group = standard();
                group.push((Dimension::Grade, grade.code.clone()));
                figures.push(tally.figure(Q, Measure::StandardGrade, group, true));
            }
        }
    }

    let mut agreement = Tally::new();
    for (moderation, position) in &scope.moderations {
        let dated = &scope.in_range[*position];
        for (item_id, response) in &dated.audit.responses {
            let (Some(given), Some(agreed)) = (response.grade.as_deref(), moderation.agreed_grade(item_id))
            else {
                continue;
            };
            if scope.standard_selected(item_id) {
                agreement.add(given == agreed, &dated.audit.id);
            }
        }
    }
    figures.push(agreement.figure(Q, Measure::ModerationExactAgreement, Vec::new(), true));
}

/// Each month's overall grades of `template`, as shares of that month's graded audits (seed
/// 003 reports the IRO's RAG rating proportions monthly). Months without a graded audit are left
/// out.
fn monthly_overall<'a>(
    template: &crate::Template,
    scale: &crate::GradeScale,
    of_template: &[&super::scope::Dated<'a>],
    figures: &mut Vec<Figure>,
) {
    let mut by_month: BTreeMap<Period, Vec<(&AuditId, usize)>> = BTreeMap::new();
    for dated in of_template {
        if let Some(position) = dated.overall.and_then(|grade| scale.position(&grade.code)) {
            let month = Period::containing(dated.on, PeriodLength::Month);
            by_month.entry(month).or_default().push((&dated.audit.id, position));
        }
    }
    for (month, graded) in by_month {
        for (grade, tally) in scale.grades.iter().zip(distribution(&graded, scale.grades.len())) {
            let group = vec![
                (Dimension::Template, template.id.clone()),
                (Dimension::Month, month.to_string()),
                (Dimension::Grade, grade.code.clone()),
            ];
            figures.push(tally.figure(Question::Trend, Measure::OverallGrade, group, true));
        }
    }
}

/// One tally per grade position, each out of all the graded audits, in one pass.
fn distribution<'a>(graded: &[(&'a AuditId, usize)], grades: usize) -> Vec<Tally<'a>> {
    let mut tallies: Vec<Tally> = (0..grades).map(|_| Tally::new()).collect();
    for (id, position) in graded {
        tallies[*position].add(true, id);
    }
    for tally in &mut tallies {
        tally.of = graded.len();
    }
    tallies
}
