//! Is anyone better off: re-audited cases whose grade improved, actions done by their due day,
//! corrective actions confirmed in time and reflective discussions held.

use std::cmp::Ordering;

use super::scope::{Dated, Scope, Tally};
use super::{Figure, Measure, Question, ReportSettings};
use crate::template::GradeStanding;
use crate::ActionStatus;

const Q: Question = Question::BetterOff;

pub(super) fn figures(scope: &Scope, settings: &ReportSettings, figures: &mut Vec<Figure>) {
    let (mut improved, mut declined) = (Tally::new(), Tally::new());
    for dated in scope.completed() {
        let Some(previous) = previous_graded_audit(scope, dated) else { continue };
        let change = compare(previous, dated);
        improved.add(change == Some(Ordering::Greater), &dated.audit.id);
        declined.add(change == Some(Ordering::Less), &dated.audit.id);
    }
    figures.push(improved.figure(Q, Measure::ReauditImproved, Vec::new(), true));
    figures.push(declined.figure(Q, Measure::ReauditDeclined, Vec::new(), true));

    let mut on_time = Tally::new();
    for dated in scope.completed() {
        for action in dated.audit.actions.iter().filter(|action| action.status != ActionStatus::Cancelled) {
            let Some(due) = action.due_on else { continue };
            let done_by_due = action.completed_on_time() == Some(true);
            // An action not yet due and not done says nothing yet about timeliness.
            if done_by_due || due < settings.today || action.status == ActionStatus::Done {
                on_time.add(done_by_due, &dated.audit.id);
            }
        }
    }
    figures.push(on_time.figure(Q, Measure::ActionsCompletedOnTime, Vec::new(), true));

    let (mut confirmed, mut discussed) = (Tally::new(), Tally::new());
    for dated in scope.completed() {
        let Some(grade) = dated.overall.filter(|grade| grade.standing.is_below_good()) else { continue };
        let Some(due) =
            dated.template.and_then(|template| dated.audit.corrective_action_due(template, dated.moderation))
        else {
            continue;
        };
        let confirmed_on = dated.audit.follow_up.corrective_action_confirmed_on;
        if confirmed_on.is_some() || due < settings.today {
            confirmed.add(confirmed_on.is_some_and(|on| on <= due), &dated.audit.id);
        }
        if grade.standing == GradeStanding::Inadequate {
            discussed.add(dated.audit.follow_up.reflective_discussion_on.is_some(), &dated.audit.id);
        }
    }
    figures.push(confirmed.figure(Q, Measure::CorrectiveActionConfirmedInTime, Vec::new(), true));
    figures.push(discussed.figure(Q, Measure::ReflectiveDiscussionHeld, Vec::new(), true));
}

/// The latest graded audit of the same case before this one, whoever did it.
fn previous_graded_audit<'s, 'a>(scope: &'s Scope<'a>, dated: &Dated<'a>) -> Option<&'s Dated<'a>> {
    dated.overall?;
    let history = scope.by_case.get(&dated.audit.case_reference.trim().to_lowercase())?;
    history.iter().rev().find(|earlier| {
        (earlier.on, &earlier.audit.id) < (dated.on, &dated.audit.id) && earlier.overall.is_some()
    })
}

/// Whether `later` is graded better (`Greater`), the same or worse than `earlier`: by position
/// on the scale when both used the same template, otherwise by standing against good.
fn compare(earlier: &Dated, later: &Dated) -> Option<Ordering> {
    let (before, after) = (earlier.overall?, later.overall?);
    if earlier.audit.template.id == later.audit.template.id {
        let scale = later.template?.scale.as_ref()?;
        // Scales are best first: a smaller position is a better grade.
        return Some(scale.position(&before.code)?.cmp(&scale.position(&after.code)?));
    }
    let rank = |standing: GradeStanding| match standing {
        GradeStanding::GoodOrBetter => 0,
        GradeStanding::BelowGood => 1,
        GradeStanding::Inadequate => 2,
    };
    Some(rank(before.standing).cmp(&rank(after.standing)))
}
