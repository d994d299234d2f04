//! The audits behind one figure of a report, for the Reports screen's "open the audits" link.
//! The report is made again over the records as they are now and the figure found by its
//! place; its row's words go back with the audits so the page can tell it is the figure the
//! person opened, not one that took its place when audits arrived in between.

use lens_core::{find_template, Audit, Report, Template};

use crate::protocol::figure_audits::FigureAudits;
use crate::report_view::figure_row;

/// The audits figure `index` of `report` counts, newest first by the day each is about, then by
/// case reference; `None` when the report has no such figure.
pub(crate) fn figure_audits(
    report: &Report,
    index: usize,
    audits: &[Audit],
    templates: &[Template],
) -> Option<FigureAudits> {
    let figure = report.figures.get(index)?;
    let row = figure_row(figure, templates);
    let mut behind: Vec<&Audit> =
        audits.iter().filter(|audit| figure.audits.binary_search(&audit.id).is_ok()).collect();
    let day = |audit: &Audit| audit.audited_on(find_template(templates, &audit.template));
    behind.sort_by(|a, b| day(b).cmp(&day(a)).then_with(|| a.case_reference.cmp(&b.case_reference)));
    Some(FigureAudits {
        measure: row.measure,
        breakdown: row.breakdown,
        count: figure.count,
        audits: behind.into_iter().map(|audit| audit.id.to_string()).collect(),
    })
}
