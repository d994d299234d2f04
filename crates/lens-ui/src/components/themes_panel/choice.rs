//! What the themes panel covers, as the person chose it: kept while they open an audit from a
//! quote, so coming back finds the same choice. Dates stay as typed until they are real dates.

use chrono::NaiveDate;
use lens_analysis::protocol::themes::{ThemePanelRequest, ThemeSplit};
use lens_analysis::protocol::DataSource;
use lens_core::{newest_versions, Template, TemplateKind};

use crate::components::form::{period_days, period_problems, QuickPeriod};

/// The panel's filters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct ThemeChoice {
    pub from: String,
    pub to: String,
    /// A team, or empty for all.
    pub team: String,
    /// A template id, or empty for all.
    pub template: String,
    /// A standard's item id, or empty for all.
    pub standard: String,
    /// A grade as a person reads it, or empty for all.
    pub grade: String,
    pub split: ThemeSplit,
}

impl ThemeChoice {
    /// The current quarter so far, everything else open: what a QA manager reads first.
    pub fn opening(today: NaiveDate) -> Self {
        Self::default().with_period(QuickPeriod::ThisQuarter, today)
    }

    pub fn with_period(self, period: QuickPeriod, today: NaiveDate) -> Self {
        let (from, to) = period.typed_days(today);
        Self { from, to, ..self }
    }

    /// The quick period this choice's dates are, if any.
    pub fn quick_period(&self, today: NaiveDate) -> Option<QuickPeriod> {
        QuickPeriod::of(&self.from, &self.to, today)
    }

    /// The problem with each date, as the error summary and the fields say it.
    pub fn date_problems(&self) -> (Option<String>, Option<String>) {
        period_problems(&self.from, &self.to, "period")
    }

    /// The first and last day, once both are real dates in order.
    pub fn days(&self) -> Option<(NaiveDate, NaiveDate)> {
        period_days(&self.from, &self.to)
    }

    /// The request for this choice over `source`, or nothing while a date is not a real date.
    pub fn request(&self, source: DataSource) -> Option<ThemePanelRequest> {
        let (from, to) = self.days()?;
        let chosen = |value: &str| Some(value.to_owned()).filter(|value| !value.is_empty());
        Some(ThemePanelRequest {
            source,
            from,
            to,
            team: chosen(&self.team),
            template: chosen(&self.template),
            standard: chosen(&self.standard),
            grade: chosen(&self.grade),
            split: self.split,
        })
    }
}

/// The audit templates a choice can name (never reflections), newest version of each.
pub(crate) fn audit_templates(templates: &[Template]) -> Vec<&Template> {
    newest_versions(templates)
        .into_iter()
        .filter(|template| template.kind != TemplateKind::Reflection)
        .collect()
}

/// The standards offered: the chosen template's, or every audit template's, each id once with
/// the prompt it first has.
pub(crate) fn standard_options(templates: &[Template], template: &str) -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> = Vec::new();
    for template in audit_templates(templates).into_iter().filter(|t| template.is_empty() || t.id == template)
    {
        for item in template.items().filter(|item| !matches!(item.narrative, lens_core::NarrativeRule::None))
        {
            if !options.iter().any(|(id, _)| *id == item.id) {
                options.push((item.id.clone(), item.prompt.clone()));
            }
        }
    }
    options
}

/// The grades offered: every grade of the scales of the templates in reach, best first within
/// each scale, each label once.
pub(crate) fn grade_options(templates: &[Template], template: &str) -> Vec<String> {
    let mut options: Vec<String> = Vec::new();
    for template in audit_templates(templates).into_iter().filter(|t| template.is_empty() || t.id == template)
    {
        for grade in template.scale.iter().flat_map(|scale| &scale.grades) {
            if !options.contains(&grade.label) {
                options.push(grade.label.clone());
            }
        }
    }
    options
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use lens_analysis::protocol::DataSource;

    use super::{QuickPeriod, ThemeChoice};

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    #[test]
    fn the_opening_choice_is_this_quarter_and_typed_dates_are_no_quick_period() {
        let today = day(2027, 2, 10);
        let choice = ThemeChoice::opening(today);
        assert_eq!(choice.quick_period(today), Some(QuickPeriod::ThisQuarter));
        let typed = ThemeChoice { from: "2026-11-3".into(), ..choice };
        assert_eq!(typed.quick_period(today), None);
    }

    #[test]
    fn a_request_waits_for_real_dates_in_order_and_names_only_what_was_chosen() {
        let source = || DataSource::Records { records: Vec::new() };
        let choice = ThemeChoice { team: "Assessment East".into(), ..ThemeChoice::opening(day(2026, 12, 2)) };
        let request = choice.request(source()).unwrap();
        assert_eq!((request.from, request.to), (day(2026, 10, 1), day(2026, 12, 2)));
        assert_eq!(
            (request.team.as_deref(), request.template, request.grade),
            (Some("Assessment East"), None, None)
        );
        let backwards = ThemeChoice { from: "2026-12-3".into(), ..choice.clone() };
        assert!(backwards.request(source()).is_none());
        assert_eq!(
            backwards.date_problems().1.as_deref(),
            Some("The period ends on 2 December 2026, before it starts on 3 December 2026: check the dates")
        );
        let unreal = ThemeChoice { to: "2026-2-30".into(), ..choice };
        assert!(unreal.request(source()).is_none());
        assert!(unreal.date_problems().1.unwrap().starts_with("Enter the last day"));
    }
}
