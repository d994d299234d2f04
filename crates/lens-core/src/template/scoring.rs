//! The overall judgement a template's rule suggests from the item grades. It is shown beside
//! the author's own judgement and never replaces it.

use std::collections::BTreeMap;

use super::{GradeRule, OverallRule, Template};
use crate::ItemResponse;

/// A suggested overall grade and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverallSuggestion {
    /// The suggested grade's code.
    pub code: String,
    /// Why, in words: the rule and the grades it used.
    pub reason: String,
    /// The graded items the suggestion used.
    pub graded_items: usize,
    /// Graded items of the template still without a grade.
    pub ungraded_items: usize,
}

/// The suggestion for these responses, or `None` when the template has no rule or nothing is
/// graded yet. Grades not on the scale are ignored (they are reported by audit validation).
pub fn suggest_overall(
    template: &Template,
    responses: &BTreeMap<String, ItemResponse>,
) -> Option<OverallSuggestion> {
    let scale = template.scale.as_ref()?;
    let graded_item = |id: &str| {
        let code = responses.get(id)?.grade.as_deref()?;
        scale.position(code)
    };
    let mut positions = Vec::new();
    let mut ungraded_items = 0;
    for item in template.items().filter(|item| item.grade != GradeRule::None) {
        match graded_item(&item.id) {
            Some(position) => positions.push(position),
            None => ungraded_items += 1,
        }
    }
    if positions.is_empty() {
        return None;
    }
    positions.sort_unstable();
    let label = |position: usize| scale.grades[position].label.as_str();
    let count = positions.len();
    let (position, reason) = match &template.overall {
        OverallRule::None => return None,
        OverallRule::Worst => {
            let worst = positions[count - 1];
            (worst, format!("The lowest of {count} grades given is {}.", label(worst)))
        }
        OverallRule::Median => {
            let median = harsher_median(&positions);
            (median, format!("The middle grade of {count} graded items is {}.", label(median)))
        }
        OverallRule::LimitingMedian { limiting_items } => {
            let median = harsher_median(&positions);
            let mut reason = format!("The middle grade of {count} graded items is {}.", label(median));
            let mut suggested = median;
            for id in limiting_items {
                let Some(item) = template.item(id) else { continue };
                match graded_item(id) {
                    Some(limit) if limit > suggested => {
                        suggested = limit;
                        reason.push_str(&format!(
                            " \"{}\" is graded {}, and the overall grade cannot be better than it.",
                            item.prompt,
                            label(limit)
                        ));
                    }
                    Some(_) => {}
                    None => reason.push_str(&format!(
                        " \"{}\" is not graded yet, and the overall grade cannot be better than it.",
                        item.prompt
                    )),
                }
            }
            (suggested, reason)
        }
    };
    Some(OverallSuggestion {
        code: scale.grades[position].code.clone(),
        reason,
        graded_items: count,
        ungraded_items,
    })
}

/// The median of sorted positions; with two middle values, the harsher (higher) one, so a
/// suggestion never flatters.
fn harsher_median(sorted: &[usize]) -> usize {
    sorted[sorted.len() / 2]
}
