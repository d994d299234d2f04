//! What a QA report shows whether it is being written or signed off: its title naming the
//! organisation, period, team and template; the quotes each heading draws on; its figures.

use chrono::NaiveDate;
use lens_analysis::protocol::ReportView;
use lens_store::qa_report::Evidence;
use yew::prelude::*;

use super::draft::as_quote;
use crate::components::heading_level::HeadingLevel;
use crate::components::reports::cycle::cycle_section;
use crate::components::reports::figures::{figure_tables, grade_charts, trend_charts};
use crate::components::reports::grade_grid::grade_grid;
use crate::components::themes_panel::sides::{quoted, OpenQuote};

/// What a report covers, in words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReportTitle {
    pub organisation: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub team: Option<String>,
    pub template: Option<String>,
}

impl ReportTitle {
    /// "QA report: 1 July 2026 to 30 September 2026".
    pub(crate) fn heading(&self) -> String {
        format!("QA report: {} to {}", long_date(self.from), long_date(self.to))
    }

    /// "Assessment East, Case file audit", or every team and template.
    pub(crate) fn covers(&self) -> String {
        let team = self.team.clone().unwrap_or_else(|| "All teams".to_owned());
        let template = self.template.clone().unwrap_or_else(|| "all templates".to_owned());
        format!("{team}, {template}")
    }

    /// The title on every printed page.
    pub(crate) fn printed(&self) -> String {
        let heading = self.heading();
        match self.organisation.as_deref().map(str::trim).filter(|name| !name.is_empty()) {
            Some(organisation) => format!("{organisation}: {heading} ({})", self.covers()),
            None => format!("{heading} ({})", self.covers()),
        }
    }

    /// The title block.
    pub(crate) fn view(&self, heading_id: &str, node: NodeRef) -> Html {
        html! {
            <>
                if let Some(organisation) = &self.organisation {
                    <span class="lens-caption">{ organisation.clone() }</span>
                }
                <h3 class="lens-heading-l" id={heading_id.to_owned()} tabindex="-1" ref={node}>{ self.heading() }</h3>
                <p class="lens-body lens-body--lead">{ self.covers() }</p>
            </>
        }
    }
}

/// "1 July 2026".
pub(crate) fn long_date(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

/// The quotes a heading's findings draw on, each opening its audit at its standard.
pub(crate) fn evidence_list(id: &str, evidence: &[Evidence], onopen: &OpenQuote) -> Html {
    if evidence.is_empty() {
        return Html::default();
    }
    let count = if evidence.len() == 1 { "1 quote".to_owned() } else { format!("{} quotes", evidence.len()) };
    // Quotes of the same theme come together: one label, then its quotes as a list.
    let mut themes: Vec<(&str, Vec<&Evidence>)> = Vec::new();
    for quote in evidence {
        match themes.last_mut() {
            Some((theme, quotes)) if *theme == quote.theme => quotes.push(quote),
            _ => themes.push((&quote.theme, vec![quote])),
        }
    }
    let by_theme = themes.into_iter().map(|(theme, quotes)| {
        html! {
            <>
                <p class="lens-body lens-body--secondary lens-qa-evidence__theme">{ theme.to_owned() }</p>
                <ul class="lens-list lens-theme__quotes">{ for quotes.into_iter().map(|quote| quoted(&as_quote(quote), onopen)) }</ul>
            </>
        }
    });
    html! {
        <details class="lens-details lens-qa-evidence" id={id.to_owned()}>
            <summary class="lens-details__summary">{ format!("What this draws on: {count} from the audits") }</summary>
            { for by_theme }
        </details>
    }
}

/// The questions a board reads first, each with its figures over the whole set (the
/// breakdowns by team, auditor and grade are in the tables).
const AT_A_GLANCE: [&str; 3] = ["how-much", "how-well", "better-off"];

/// Each of the three questions with its figures for all the audits, as summary lists.
fn at_a_glance(view: &ReportView) -> Html {
    let questions = AT_A_GLANCE.into_iter().filter_map(|anchor| {
        let section = view.sections.iter().find(|section| section.anchor == anchor)?;
        let rows: Vec<Html> = section
            .rows
            .iter()
            .filter(|row| row.overall)
            .map(|row| {
                let value = match row.of {
                    Some(of) if row.share.is_empty() => format!("{} of {of}", row.count),
                    Some(of) => format!("{} of {of} ({})", row.count, row.share),
                    None => row.count.to_string(),
                };
                html! {
                    <div class="lens-summary-list__row">
                        <dt class="lens-summary-list__key">{ row.measure.clone() }</dt>
                        <dd class="lens-summary-list__value">{ value }</dd>
                    </div>
                }
            })
            .collect();
        let id = format!("lens-qa-glance-{anchor}");
        (!rows.is_empty()).then(|| {
            html! {
                <section class="lens-qa-glance" aria-labelledby={id.clone()}>
                    <h5 class="lens-heading-s" id={id.clone()}>{ section.heading.clone() }</h5>
                    <dl class="lens-summary-list">{ for rows }</dl>
                </section>
            }
        })
    });
    html! { <>{ for questions }</> }
}

/// The report's figures: a sentence, the notes, the months and the grades as charts, and
/// every table folded away for analysts.
pub(crate) fn figures(view: &ReportView) -> Html {
    let audits = if view.audits_completed == 1 {
        "1 audit".to_owned()
    } else {
        format!("{} audits", view.audits_completed)
    };
    html! {
        <section class="lens-qa-figures" aria-labelledby="lens-qa-figures-title">
            <h4 class="lens-heading-m" id="lens-qa-figures-title">{ "The figures" }</h4>
            <p class="lens-body">{ format!("{audits} completed from {} to {}.", long_date(view.from), long_date(view.to)) }</p>
            { at_a_glance(view) }
            { cycle_section(view, HeadingLevel::Five) }
            if !view.notes.is_empty() {
                <div class="lens-inset">
                    <ul class="lens-list lens-list--bullet">{ for view.notes.iter().map(|note| html! { <li>{ note.clone() }</li> }) }</ul>
                </div>
            }
            { trend_charts(view, HeadingLevel::Five) }
            { grade_charts(view, HeadingLevel::Five) }
            { grade_grid(view, HeadingLevel::Five) }
            <details class="lens-details lens-qa-tables">
                <summary class="lens-details__summary">{ "Every figure, as tables" }</summary>
                { figure_tables(view, HeadingLevel::Five, None) }
            </details>
        </section>
    }
}
