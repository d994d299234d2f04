//! A report in the words of a QA report: each figure's measure, breakdown and share as the
//! Reports screen shows them, one table per question.

use chrono::Datelike;
use lens_core::{
    Dimension, Figure, GradeStanding, Measure, Period, PeriodLength, Question, Report, Template,
};
use lens_store::report_export::question_code;

use crate::protocol::cycle::{AuditorVolume, CycleMonth, CycleView};
use crate::protocol::{BarStanding, FigureRow, GradeBar, GradeChart, ReportSection, ReportView, TrendMonth};

/// The report as the screen shows it.
pub fn report_view(report: &Report, templates: &[Template]) -> ReportView {
    let sections = Question::ALL
        .into_iter()
        .filter_map(|question| {
            let rows: Vec<FigureRow> = report
                .figures
                .iter()
                .enumerate()
                .filter(|(_, figure)| figure.question == question)
                .map(|(index, figure)| FigureRow { figure: Some(index), ..figure_row(figure, templates) })
                .collect();
            (!rows.is_empty()).then(|| ReportSection {
                anchor: question_code(question).replace('_', "-"),
                heading: question.heading().to_owned(),
                rows,
            })
        })
        .collect();
    ReportView {
        from: report.filter.from,
        to: report.filter.to,
        audits_completed: report.figure(Measure::AuditsCompleted, &[]).map_or(0, |figure| figure.count),
        notes: report.notes.clone(),
        sections,
        grade_charts: grade_charts(report, templates),
        trend: trend(report),
        cycle: Some(cycle(report)),
    }
}

/// The ten-month cycle over the report's period and each auditor's audits against expected.
fn cycle(report: &Report) -> CycleView {
    let completed_in = |code: &str| {
        report
            .figure(Measure::AuditsCompleted, &[(Dimension::Month, code)])
            .filter(|figure| figure.question == Question::Trend)
            .map_or(0, |figure| figure.count)
    };
    let months = Period::span(report.filter.from, report.filter.to, PeriodLength::Month)
        .into_iter()
        .map(|month| {
            let code = month.to_string();
            CycleMonth {
                month: month_words(&code),
                reflection: report.settings.paused_months.contains(&month.first_day().month()),
                completed: completed_in(&code),
            }
        })
        .collect();
    let auditors = report
        .figures
        .iter()
        .filter(|figure| figure.measure == Measure::AuditsExpectedCompleted)
        .filter_map(|figure| match figure.group.as_slice() {
            [(Dimension::Auditor, auditor)] => Some(AuditorVolume {
                auditor: auditor.clone(),
                completed: figure.count,
                expected: figure.of.unwrap_or(0),
            }),
            _ => None,
        })
        .collect();
    CycleView { months, auditors }
}

/// The report's monthly trend figures, month by month in the order the report lists them.
fn trend(report: &Report) -> Vec<TrendMonth> {
    let month_of = |figure: &Figure| match figure.group.as_slice() {
        [(Dimension::Month, code)] if figure.question == Question::Trend => Some(code.clone()),
        _ => None,
    };
    report
        .figures
        .iter()
        .filter(|figure| figure.measure == Measure::AuditsCompleted)
        .filter_map(|completed| {
            let code = month_of(completed)?;
            let good = report.figures.iter().find(|figure| {
                figure.measure == Measure::GoodOrBetter && month_of(figure).as_ref() == Some(&code)
            });
            Some(TrendMonth {
                month: month_words(&code),
                completed: completed.count,
                good_or_better: good.map_or(0, |figure| figure.count),
                judged: good.and_then(|figure| figure.of).unwrap_or(0),
            })
        })
        .collect()
}

/// "2026-04" as "Apr 2026".
fn month_words(code: &str) -> String {
    chrono::NaiveDate::parse_from_str(&format!("{code}-01"), "%Y-%m-%d")
        .map_or_else(|_| code.to_owned(), |first| first.format("%b %Y").to_string())
}

/// One chart per template's overall judgements and per standard graded, from the report's
/// grade figures (the agreed grade where an audit was moderated), in template order.
fn grade_charts(report: &Report, templates: &[Template]) -> Vec<GradeChart> {
    let mut charts = Vec::new();
    // Reports count a template's versions together: one set of charts for each.
    for template in lens_core::newest_versions(templates) {
        let Some(scale) = &template.scale else { continue };
        let chart = |title: String, measure: Measure, group: &[(Dimension, &str)]| {
            let bars: Vec<GradeBar> = scale
                .grades
                .iter()
                .map(|grade| {
                    let mut wanted = group.to_vec();
                    wanted.push((Dimension::Grade, grade.code.as_str()));
                    let count = report
                        .figures
                        .iter()
                        .find(|figure| figure.measure == measure && figure.is_group(&wanted))
                        .map_or(0, |figure| figure.count);
                    GradeBar { grade: grade.label.clone(), standing: bar_standing(grade.standing), count }
                })
                .collect();
            let total = bars.iter().map(|bar| bar.count).sum();
            let good_or_better = bars
                .iter()
                .filter(|bar| bar.standing == BarStanding::GoodOrBetter)
                .map(|bar| bar.count)
                .sum();
            (total > 0).then_some(GradeChart { title, bars, total, good_or_better })
        };
        let of_template = [(Dimension::Template, template.id.as_str())];
        charts.extend(chart(
            format!("Overall judgement: {}", template.title),
            Measure::OverallGrade,
            &of_template,
        ));
        for item in template.items() {
            let group =
                [(Dimension::Template, template.id.as_str()), (Dimension::Standard, item.id.as_str())];
            charts.extend(chart(item.prompt.clone(), Measure::StandardGrade, &group));
        }
    }
    charts
}

fn bar_standing(standing: GradeStanding) -> BarStanding {
    match standing {
        GradeStanding::GoodOrBetter => BarStanding::GoodOrBetter,
        GradeStanding::BelowGood => BarStanding::BelowGood,
        GradeStanding::Inadequate => BarStanding::Inadequate,
    }
}

/// One figure in words.
pub(crate) fn figure_row(figure: &Figure, templates: &[Template]) -> FigureRow {
    FigureRow {
        measure: figure.measure.label().to_owned(),
        breakdown: breakdown_words(figure, templates),
        overall: figure.group.is_empty(),
        figure: None,
        count: figure.count,
        of: figure.of,
        share: figure.share().map(|share| format!("{:.0}%", share * 100.0)).unwrap_or_default(),
    }
}

/// A breakdown in words: "Team: Assessment East; Grade: Good". Templates, standards and grades
/// are named by their titles, prompts and labels, not their ids and codes.
fn breakdown_words(figure: &Figure, templates: &[Template]) -> String {
    let template = figure
        .group
        .iter()
        .find(|(dimension, _)| *dimension == Dimension::Template)
        .and_then(|(_, id)| templates.iter().find(|template| template.id == *id));
    let parts: Vec<String> = figure
        .group
        .iter()
        .map(|(dimension, value)| {
            let value = match dimension {
                Dimension::Template => templates
                    .iter()
                    .find(|template| template.id == *value)
                    .map_or_else(|| value.clone(), |template| template.title.clone()),
                Dimension::Standard => templates
                    .iter()
                    .find_map(|template| template.item(value))
                    .map_or_else(|| value.clone(), |item| item.prompt.clone()),
                Dimension::Grade => template
                    .and_then(|template| template.scale.as_ref()?.grade(value))
                    .map_or_else(|| value.clone(), |grade| grade.label.clone()),
                _ => value.clone(),
            };
            format!("{}: {value}", dimension.label())
        })
        .collect();
    if parts.is_empty() {
        "All".to_owned()
    } else {
        parts.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use lens_core::{build_report, ReportFilter, ReportSettings};
    use lens_store::bundle::parse_bundle;
    use lens_store::template_document::builtin_templates;

    use super::*;

    #[test]
    fn each_chart_holds_the_report_s_own_grade_figures() {
        let bundle = parse_bundle(include_str!("../../../tests/fixtures/bundles/golden.json")).unwrap();
        let audits: Vec<_> = bundle.audits.into_iter().map(|audit| audit.value).collect();
        let moderations: Vec<_> = bundle.moderations.into_iter().map(|moderation| moderation.value).collect();
        let templates = builtin_templates();
        let day = |month, day| NaiveDate::from_ymd_opt(2026, month, day).unwrap();
        let report = build_report(
            &audits,
            &moderations,
            &templates,
            &ReportFilter::between(day(4, 1), day(9, 30)),
            &ReportSettings::new(day(11, 1)),
        )
        .unwrap();
        let charts = grade_charts(&report, &templates);
        let overall = &charts[0];
        assert_eq!(overall.title, "Overall judgement: Case file audit");
        let template = templates.iter().find(|template| template.id == "case-file-audit").unwrap();
        let scale = template.scale.as_ref().unwrap();
        assert_eq!(overall.bars.len(), scale.grades.len());
        for (bar, grade) in overall.bars.iter().zip(&scale.grades) {
            let figure = report
                .figures
                .iter()
                .find(|figure| {
                    figure.measure == Measure::OverallGrade
                        && figure.is_group(&[
                            (Dimension::Template, "case-file-audit"),
                            (Dimension::Grade, &grade.code),
                        ])
                })
                .unwrap();
            assert_eq!((bar.grade.as_str(), bar.count), (grade.label.as_str(), figure.count));
        }
        assert!(overall.total > 0);
        let standards: Vec<_> = charts.iter().skip(1).collect();
        assert!(!standards.is_empty());
        for chart in standards {
            let item = template.items().find(|item| item.prompt == chart.title).unwrap();
            let good = report
                .figures
                .iter()
                .find(|figure| {
                    figure.measure == Measure::StandardGoodOrBetter
                        && figure.is_group(&[
                            (Dimension::Template, "case-file-audit"),
                            (Dimension::Standard, &item.id),
                        ])
                })
                .unwrap();
            assert_eq!((chart.good_or_better, Some(chart.total)), (good.count, good.of), "{}", chart.title);
            assert_eq!(chart.bars.iter().map(|bar| bar.count).sum::<usize>(), chart.total);
        }
    }

    #[test]
    fn the_trend_holds_every_month_of_the_period_with_the_report_s_own_counts() {
        let bundle = parse_bundle(include_str!("../../../tests/fixtures/bundles/golden.json")).unwrap();
        let audits: Vec<_> = bundle.audits.into_iter().map(|audit| audit.value).collect();
        let templates = builtin_templates();
        let day = |month, day| NaiveDate::from_ymd_opt(2026, month, day).unwrap();
        let report = build_report(
            &audits,
            &[],
            &templates,
            &ReportFilter::between(day(4, 1), day(9, 30)),
            &ReportSettings::new(day(11, 1)),
        )
        .unwrap();
        let months = trend(&report);
        let names: Vec<&str> = months.iter().map(|month| month.month.as_str()).collect();
        assert_eq!(names, ["Apr 2026", "May 2026", "Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026"]);
        let completed: usize = months.iter().map(|month| month.completed).sum();
        assert_eq!(completed, report.figure(Measure::AuditsCompleted, &[]).unwrap().count);
        let good: usize = months.iter().map(|month| month.good_or_better).sum();
        assert_eq!(good, report.figure(Measure::GoodOrBetter, &[]).unwrap().count);
        assert!(months
            .iter()
            .all(|month| month.good_or_better <= month.judged && month.judged <= month.completed));
    }

    #[test]
    fn the_cycle_marks_august_as_a_reflection_month_and_sets_each_auditor_against_ten() {
        let bundle = parse_bundle(include_str!("../../../tests/fixtures/bundles/golden.json")).unwrap();
        let audits: Vec<_> = bundle.audits.into_iter().map(|audit| audit.value).collect();
        let templates = builtin_templates();
        let day = |month, day| NaiveDate::from_ymd_opt(2026, month, day).unwrap();
        let report = build_report(
            &audits,
            &[],
            &templates,
            &ReportFilter::between(day(4, 1), day(9, 30)),
            &ReportSettings::new(day(11, 1)),
        )
        .unwrap();
        let cycle = cycle(&report);
        let reflection: Vec<&str> =
            cycle.months.iter().filter(|month| month.reflection).map(|month| month.month.as_str()).collect();
        assert_eq!(reflection, ["Aug 2026"]);
        assert_eq!(cycle.months.len(), 6);
        // An audit completed in August still counts in August.
        let completed: Vec<usize> = cycle.months.iter().map(|month| month.completed).collect();
        assert_eq!(completed, trend(&report).iter().map(|month| month.completed).collect::<Vec<_>>());
        // Five a quarter: April to June, then July and September (August expects none).
        let auditors: Vec<(&str, usize, usize)> = cycle
            .auditors
            .iter()
            .map(|auditor| (auditor.auditor.as_str(), auditor.completed, auditor.expected))
            .collect();
        assert_eq!(auditors, [("Dev Singh", 1, 10), ("Priya Shah", 2, 10), ("Sam Patel", 3, 10)]);
    }
}
