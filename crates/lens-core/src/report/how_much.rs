//! How much did we do: audits completed (overall and by team, auditor, auditor's role and
//! template), drafts
//! in progress, moderations and agreed actions. Practitioners' reflections are never counted:
//! they belong to their authors.

use std::collections::BTreeMap;

use super::scope::{count_figure, Scope};
use super::{Dimension, Figure, Measure, Question};
use crate::{AuditId, AuditStatus};

const Q: Question = Question::HowMuch;

pub(super) fn figures(scope: &Scope, figures: &mut Vec<Figure>) {
    let completed: Vec<&AuditId> = scope.completed().map(|dated| &dated.audit.id).collect();
    figures.push(count_figure(Q, Measure::AuditsCompleted, Vec::new(), completed.iter().copied()));
    let mut by: BTreeMap<(Dimension, String), Vec<&AuditId>> = BTreeMap::new();
    for dated in scope.completed() {
        let audit = dated.audit;
        let team = if audit.team().trim().is_empty() { "(no team)" } else { audit.team().trim() };
        by.entry((Dimension::Team, team.to_owned())).or_default().push(&audit.id);
        by.entry((Dimension::Auditor, audit.auditor.trim().to_owned())).or_default().push(&audit.id);
        by.entry((Dimension::Template, audit.template.id.clone())).or_default().push(&audit.id);
        let role = audit.auditor_role().trim();
        let role = if role.is_empty() { "(role not recorded)" } else { role };
        by.entry((Dimension::AuditorRole, role.to_owned())).or_default().push(&audit.id);
    }
    for dimension in [Dimension::Team, Dimension::Auditor, Dimension::AuditorRole, Dimension::Template] {
        for ((_, value), audits) in by.iter().filter(|((d, _), _)| *d == dimension) {
            figures.push(count_figure(
                Q,
                Measure::AuditsCompleted,
                vec![(dimension, value.clone())],
                audits.iter().copied(),
            ));
        }
    }
    let drafts = scope.in_range.iter().filter(|d| d.audit.status == AuditStatus::Draft && !d.is_reflection());
    figures.push(count_figure(Q, Measure::AuditsInDraft, Vec::new(), drafts.map(|d| &d.audit.id)));

    let mut moderations = count_figure(
        Q,
        Measure::Moderations,
        Vec::new(),
        scope.moderations.iter().map(|(_, i)| &scope.in_range[*i].audit.id),
    );
    moderations.count = scope.moderations.len();
    figures.push(moderations);

    let with_actions: Vec<_> = scope.completed().filter(|d| !d.audit.actions.is_empty()).collect();
    let mut actions =
        count_figure(Q, Measure::ActionsAgreed, Vec::new(), with_actions.iter().map(|d| &d.audit.id));
    actions.count = with_actions.iter().map(|d| d.audit.actions.len()).sum();
    figures.push(actions);
}
