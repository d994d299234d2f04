//! Tags that say where something stands, in words first and colour second (WCAG 1.4.1): a grade
//! coloured by its standing, and a follow-up's state in the words the form uses for actions.

use lens_core::{ActionStatus, Audit, FollowUp, FollowUpKind, FollowUpState, Grade, GradeGap, GradeStanding};
use yew::prelude::*;

/// A grade's label in a tag coloured by its standing: green for good or better, orange below
/// good, red for inadequate.
pub(crate) fn grade_tag(grade: &Grade) -> Html {
    let colour = match grade.standing {
        GradeStanding::GoodOrBetter => "lens-tag lens-tag--green",
        GradeStanding::BelowGood => "lens-tag lens-tag--orange",
        GradeStanding::Inadequate => "lens-tag lens-tag--red",
    };
    html! { <strong class={colour}>{ grade.label.clone() }</strong> }
}

/// Where a follow-up stands, in words. An action uses its own status words (Not started, In
/// progress, Done), as its form does; the other follow-ups are "Not done yet" until done.
pub(crate) fn follow_up_words(audit: &Audit, follow_up: &FollowUp) -> String {
    let status = match &follow_up.kind {
        FollowUpKind::Action(id) => {
            audit.actions.iter().find(|action| &action.id == id).map(|action| action.status)
        }
        _ => None,
    };
    let undone = status.filter(|status| status.is_outstanding()).map_or("Not done yet", ActionStatus::label);
    match follow_up.state {
        FollowUpState::Done(on) => format!("Done on {}", on.format("%-d %B %Y")),
        FollowUpState::Overdue => format!("Overdue: {}", undone.to_lowercase()),
        FollowUpState::Due => undone.to_owned(),
    }
}

/// The follow-up's state as a tag: red when overdue, green when done.
pub(crate) fn follow_up_tag(audit: &Audit, follow_up: &FollowUp) -> Html {
    let colour = match follow_up.state {
        FollowUpState::Done(_) => "lens-tag lens-tag--green",
        FollowUpState::Overdue => "lens-tag lens-tag--red",
        FollowUpState::Due => "lens-tag",
    };
    html! { <strong class={colour}>{ follow_up_words(audit, follow_up) }</strong> }
}

/// How far a moderator's grade is from the auditor's, in words and colour.
pub(crate) fn gap_tag(gap: Option<GradeGap>) -> Html {
    let Some(gap) = gap else { return html! { "Not compared" } };
    let colour = match gap {
        GradeGap::Same => "lens-tag lens-tag--green",
        GradeGap::OneApart => "lens-tag lens-tag--orange",
        GradeGap::TwoOrMore => "lens-tag lens-tag--red",
    };
    html! { <strong class={colour}>{ gap.label() }</strong> }
}
