//! What the narratives of a report's audits say: every standard's narrative tagged with the
//! device's codebook (the council's own or the built-in one), then counted per theme and polarity with quotes as evidence.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use lens_core::{find_template, Audit, ItemResponse, Template};
use lens_themes::{aggregate, Codebook, Polarity, TaggedNarrative, Tagger, Tagging};

use crate::protocol::{ThemePolarity, ThemeRow, ThemeSummary};

/// Quotes shown for each theme.
const QUOTES_PER_THEME: usize = 2;

thread_local! {
    /// The built-in codebook's tagger, built once: building it compiles every cue.
    static TAGGER: Rc<Tagger> = Rc::new(Tagger::new(&Codebook::builtin()));
}

/// The built-in codebook's tagger, used while no council codebook is kept.
pub(crate) fn builtin_tagger() -> Rc<Tagger> {
    TAGGER.with(Rc::clone)
}

/// What the tagger finds in one standard's narrative, read once per set of records: `id` is
/// `audit id/item id`, and the standard's grade tells the tagger which way a bare mention leans.
pub(crate) fn tagging_of(
    taggings: &mut HashMap<String, Rc<Tagging>>,
    tagger: &Tagger,
    id: &str,
    response: &ItemResponse,
    template: Option<&Template>,
) -> Rc<Tagging> {
    if let Some(tagging) = taggings.get(id) {
        return tagging.clone();
    }
    let standing = template.and_then(|template| {
        let grade = response.grade.as_deref()?;
        Some(template.scale.as_ref()?.grade(grade)?.standing)
    });
    let tagging = Rc::new(tagger.tag(&response.narrative, standing));
    taggings.insert(id.to_owned(), tagging.clone());
    tagging
}

/// Themes across the narratives of `audits` (the completed audits a report covers, never a
/// reflection). `taggings` holds what earlier reports found in the same narratives, by
/// `audit id/item id`, and keeps what this one finds.
pub fn theme_summary(
    audits: &[&Audit],
    templates: &[Template],
    tagger: &Tagger,
    taggings: &RefCell<HashMap<String, Rc<Tagging>>>,
) -> ThemeSummary {
    let mut taggings = taggings.borrow_mut();
    let mut narratives = Vec::new();
    for audit in audits {
        let template = find_template(templates, &audit.template);
        let month = audit.audited_on(template).format("%Y-%m").to_string();
        for (item, response) in &audit.responses {
            if response.narrative.trim().is_empty() {
                continue;
            }
            let id = format!("{}/{item}", audit.id);
            let tagging = tagging_of(&mut taggings, tagger, &id, response, template);
            narratives.push((id, &audit.id, month.clone(), tagging));
        }
    }
    let tagged: Vec<TaggedNarrative<'_>> = narratives
        .iter()
        .map(|(id, audit, month, tagging)| TaggedNarrative {
            id,
            audit: audit.as_str(),
            month,
            // The screen shows no split, so none is counted.
            split: "",
            tagging: tagging.as_ref(),
        })
        .collect();
    let codebook = tagger.codebook();
    let order: Vec<&str> = codebook.themes.iter().map(|theme| theme.id.as_str()).collect();
    let rows = aggregate(&tagged, &order, QUOTES_PER_THEME)
        .into_iter()
        .map(|row| ThemeRow {
            theme: codebook.theme(&row.theme).map_or_else(|| row.theme.clone(), |theme| theme.label.clone()),
            polarity: match row.polarity {
                Polarity::Strength => ThemePolarity::Strength,
                Polarity::Concern => ThemePolarity::Concern,
            },
            narratives: row.narratives,
            audits: row.audits,
            share: format!("{:.0}%", row.share * 100.0),
            quotes: row.quotes.into_iter().map(|(_, sentence)| sentence).collect(),
        })
        .collect();
    ThemeSummary { narratives: tagged.len(), rows }
}
