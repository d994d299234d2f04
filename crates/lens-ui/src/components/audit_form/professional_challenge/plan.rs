//! What drafting lens 3 does to a service review: the areas the draft goes into (those the head
//! of service has not written in), the areas that keep what was written (the draft shown beside
//! them to copy from), and the areas the device holds nothing for.

use lens_analysis::protocol::service_review::{DraftOutcome, ProfessionalChallengeView};
use lens_core::{Audit, Template};

/// What happened to one area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AreaResult {
    /// The draft was put in, drawn from this many audits.
    Filled { audits: usize },
    /// Something was written there already, so it stays; the draft is offered to copy from.
    KeptYours { draft: String },
    /// Nothing on the device evidences the area; the sentence says why.
    NothingFound { reason: String },
}

/// One area of lens 3 and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AreaPlan {
    /// The review item's id.
    pub item: String,
    /// The item's prompt, e.g. "Results of observed practice".
    pub prompt: String,
    pub result: AreaResult,
}

/// The narratives to put in (item id, text), each only where `audit` has nothing written, and
/// what happens to every area the review's template has.
pub(crate) fn plan_fill(
    view: &ProfessionalChallengeView,
    template: &Template,
    audit: &Audit,
) -> (Vec<(String, String)>, Vec<AreaPlan>) {
    let mut fills = Vec::new();
    let areas = view
        .areas
        .iter()
        .filter_map(|draft| {
            let item = template.item(&draft.item)?;
            let written =
                audit.responses.get(&item.id).is_some_and(|response| !response.narrative.trim().is_empty());
            let result = match &draft.outcome {
                DraftOutcome::NothingFound { reason } => AreaResult::NothingFound { reason: reason.clone() },
                DraftOutcome::Drafted { text, .. } if written => {
                    AreaResult::KeptYours { draft: text.clone() }
                }
                DraftOutcome::Drafted { text, audits } => {
                    fills.push((item.id.clone(), text.clone()));
                    AreaResult::Filled { audits: *audits }
                }
            };
            Some(AreaPlan { item: item.id.clone(), prompt: item.prompt.clone(), result })
        })
        .collect();
    (fills, areas)
}

#[cfg(test)]
mod tests {
    use lens_analysis::protocol::service_review::ChallengeDraft;
    use lens_core::{AuditId, ItemResponse, NewAudit};
    use lens_store::template_document::builtin_templates;

    use super::*;

    fn review() -> (Template, Audit) {
        let template = builtin_templates()
            .into_iter()
            .find(|template| template.id == "service-performance-review")
            .unwrap();
        let typed = NewAudit { case_reference: "SR-1".into(), auditor: "Head of Service".into() };
        let day = chrono::NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
        let audit = typed.start(AuditId::new("r"), template.reference(), day).unwrap();
        (template, audit)
    }

    fn drafted(item: &str, text: &str) -> ChallengeDraft {
        ChallengeDraft { item: item.into(), outcome: DraftOutcome::Drafted { text: text.into(), audits: 4 } }
    }

    #[test]
    fn the_draft_goes_only_where_nothing_is_written_and_what_was_written_stays_with_the_draft_beside_it() {
        let (template, mut audit) = review();
        audit.responses.insert(
            "observed-practice".into(),
            ItemResponse { grade: None, narrative: "Our own words.".into() },
        );
        audit.responses.insert("dip-sampling".into(), ItemResponse { grade: None, narrative: "  \n".into() });
        let view = ProfessionalChallengeView {
            covers: "1 April 2026 to 30 September 2026, all teams".into(),
            areas: vec![
                drafted("case-file-audits", "Case files."),
                drafted("dip-sampling", "Dips."),
                drafted("observed-practice", "Observed."),
                ChallengeDraft {
                    item: "professional-capacity".into(),
                    outcome: DraftOutcome::NothingFound { reason: "None yet.".into() },
                },
                drafted("not-in-this-template", "Lost."),
            ],
        };
        let (fills, areas) = plan_fill(&view, &template, &audit);
        assert_eq!(
            fills,
            vec![
                ("case-file-audits".to_owned(), "Case files.".to_owned()),
                ("dip-sampling".to_owned(), "Dips.".to_owned())
            ]
        );
        let results: Vec<(&str, &AreaResult)> =
            areas.iter().map(|area| (area.item.as_str(), &area.result)).collect();
        assert_eq!(
            results,
            vec![
                ("case-file-audits", &AreaResult::Filled { audits: 4 }),
                ("dip-sampling", &AreaResult::Filled { audits: 4 }),
                ("observed-practice", &AreaResult::KeptYours { draft: "Observed.".into() }),
                ("professional-capacity", &AreaResult::NothingFound { reason: "None yet.".into() }),
            ]
        );
        assert_eq!(areas[2].prompt, "Results of observed practice");
    }
}
