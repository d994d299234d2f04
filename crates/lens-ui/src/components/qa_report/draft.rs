//! The findings a QA report starts from, drafted from the themes of its audits' narratives:
//! the themes found most often as good practice, those most often needing to improve, and what
//! was found of multi-agency working, each with its counts and the quotes it draws on.

use lens_analysis::protocol::frozen::evidence;
use lens_analysis::protocol::themes::{ThemePanelView, ThemeSide, ThemeSides};
use lens_store::qa_report::{Evidence, Findings, FindingsHeading};

/// The codebook's theme whose findings are the learning for multi-agency working.
const MULTI_AGENCY_THEME: &str = "multi_agency_working";
/// Themes named under good practice and under areas for improvement: a board reads the few
/// that matter most, and the QA manager adds what the counts cannot see.
const THEMES_PER_HEADING: usize = 4;
/// Quotes kept as evidence for each theme named.
const QUOTES_PER_THEME: usize = 2;

/// The three headings' findings drafted from `panel`.
pub(crate) fn drafted_findings(panel: &ThemePanelView) -> Vec<Findings> {
    FindingsHeading::ALL.into_iter().map(|heading| drafted(heading, panel)).collect()
}

fn drafted(heading: FindingsHeading, panel: &ThemePanelView) -> Findings {
    let audits = panel.audits;
    let mut lines = Vec::new();
    let mut quotes = Vec::new();
    let mut cite = |sides: &ThemeSides, side: &ThemeSide| {
        quotes.extend(side.quotes.iter().take(QUOTES_PER_THEME).map(|quote| evidence(&sides.label, quote)));
    };
    match heading {
        FindingsHeading::GoodPractice | FindingsHeading::AreasForImprovement => {
            let good = heading == FindingsHeading::GoodPractice;
            let mut found: Vec<(&ThemeSides, &ThemeSide)> = panel
                .themes
                .iter()
                .filter(|sides| sides.theme != MULTI_AGENCY_THEME)
                .filter_map(|sides| {
                    if good { sides.strength.as_ref() } else { sides.concern.as_ref() }
                        .map(|side| (sides, side))
                })
                .collect();
            // Most audits first; the codebook's order settles ties, so the draft is the same every time.
            found.sort_by_key(|(_, side)| std::cmp::Reverse(side.audits));
            for (sides, side) in found.into_iter().take(THEMES_PER_HEADING) {
                let found_as = if good { "found as good practice" } else { "found as needing to improve" };
                lines.push(format!(
                    "{}: {found_as} in {}{}.",
                    sides.label,
                    of_audits(side, audits),
                    most_often(side)
                ));
                cite(sides, side);
            }
            if lines.is_empty() {
                lines.push(if good {
                    "No theme was found as good practice in the narratives of these audits.".to_owned()
                } else {
                    "No theme was found as needing to improve in the narratives of these audits.".to_owned()
                });
            }
        }
        FindingsHeading::MultiAgencyLearning => {
            let sides = panel.themes.iter().find(|sides| sides.theme == MULTI_AGENCY_THEME);
            match sides.map(|sides| (sides, sides.strength.as_ref(), sides.concern.as_ref())) {
                Some((sides, strength, concern)) if strength.is_some() || concern.is_some() => {
                    if let Some(side) = strength {
                        lines.push(format!(
                            "Working with partner agencies went well in {}{}.",
                            of_audits(side, audits),
                            most_often(side)
                        ));
                        cite(sides, side);
                    }
                    if let Some(side) = concern {
                        lines.push(format!(
                            "Working with partner agencies needed to improve in {}{}.",
                            of_audits(side, audits),
                            most_often(side)
                        ));
                        cite(sides, side);
                    }
                }
                _ if panel.codebook.council
                    && !panel.codebook.themes.iter().any(|theme| theme.id == MULTI_AGENCY_THEME) =>
                {
                    lines.push(format!(
                        "The codebook in use, {}, has no theme of working with partner agencies (\"{MULTI_AGENCY_THEME}\"), so nothing was drafted here.",
                        panel.codebook.name
                    ))
                }
                _ => lines.push(
                    "No theme of working with partner agencies was found in the narratives of these audits."
                        .to_owned(),
                ),
            }
        }
    }
    Findings { heading, text: lines.join("\n\n"), evidence: quotes }
}

/// "12 of 40 audits (30%)".
fn of_audits(side: &ThemeSide, audits: usize) -> String {
    format!("{} of {audits} audits ({})", side.audits, side.share_of_audits)
}

/// ", most often under “The child's voice”", from the split by standard.
fn most_often(side: &ThemeSide) -> String {
    side.by_split.first().map(|top| format!(", most often under “{}”", top.value)).unwrap_or_default()
}

/// An evidence quote's sentence as the themes quote it.
pub(crate) fn as_quote(evidence: &Evidence) -> lens_analysis::protocol::themes::ThemeQuote {
    lens_analysis::protocol::themes::ThemeQuote {
        audit: evidence.audit.clone(),
        case_reference: evidence.case_reference.clone(),
        item: evidence.item.clone(),
        standard: evidence.standard.clone(),
        before: evidence.before.clone(),
        marked: evidence.marked.clone(),
        after: evidence.after.clone(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use lens_analysis::protocol::themes::{PeriodCompared, SplitCount, ThemeQuote, ThemeSplit};

    use super::*;

    fn side(audits: usize, quotes: usize) -> ThemeSide {
        ThemeSide {
            narratives: audits + 1,
            audits,
            share_of_audits: format!("{}%", audits * 10),
            by_month: vec![audits],
            by_split: vec![SplitCount { value: "Plan".into(), narratives: audits }],
            quotes: (0..quotes)
                .map(|n| ThemeQuote {
                    audit: format!("a{n}"),
                    case_reference: format!("CF-{n}"),
                    item: "plan".into(),
                    standard: "Plan".into(),
                    before: "The ".into(),
                    marked: "plan".into(),
                    after: " was clear.".into(),
                })
                .collect(),
        }
    }

    fn theme(id: &str, label: &str, strength: Option<ThemeSide>, concern: Option<ThemeSide>) -> ThemeSides {
        ThemeSides { theme: id.into(), label: label.into(), strength, concern }
    }

    fn panel(themes: Vec<ThemeSides>) -> ThemePanelView {
        let day = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
        ThemePanelView {
            from: day,
            to: day,
            audits: 10,
            narratives: 60,
            months: vec!["Sep 2026".into()],
            split: ThemeSplit::Standard,
            themes,
            uncovered: Vec::new(),
            phrases_read: 60,
            earlier: PeriodCompared { from: day, to: day, narratives: 0 },
            changes: Vec::new(),
            codebook: Default::default(),
        }
    }

    #[test]
    fn the_most_found_themes_lead_each_heading_with_their_counts_and_quotes() {
        let themes = vec![
            theme("voice_of_child", "Voice of the child", Some(side(2, 3)), Some(side(5, 1))),
            theme("quality_of_plan", "Quality of plan", Some(side(6, 1)), None),
            theme("multi_agency_working", "Multi-agency working", Some(side(1, 1)), Some(side(3, 2))),
        ];
        let findings = drafted_findings(&panel(themes));
        assert_eq!(findings.iter().map(|f| f.heading).collect::<Vec<_>>(), FindingsHeading::ALL);
        assert_eq!(
            findings[0].text,
            "Quality of plan: found as good practice in 6 of 10 audits (60%), most often under “Plan”.\n\n\
             Voice of the child: found as good practice in 2 of 10 audits (20%), most often under “Plan”."
        );
        // Two quotes at most for each theme, each naming its theme and its audit.
        assert_eq!(findings[0].evidence.len(), 3);
        assert_eq!(
            (findings[0].evidence[0].theme.as_str(), findings[0].evidence[1].audit.as_str()),
            ("Quality of plan", "a0")
        );
        assert_eq!(findings[1].text, "Voice of the child: found as needing to improve in 5 of 10 audits (50%), most often under “Plan”.");
        assert!(
            findings[2].text.starts_with("Working with partner agencies went well in 1 of 10 audits (10%)"),
            "{}",
            findings[2].text
        );
        assert!(findings[2]
            .text
            .ends_with("Working with partner agencies needed to improve in 3 of 10 audits (30%), most often under “Plan”."));
        assert_eq!(findings[2].evidence.len(), 3);
    }

    #[test]
    fn a_heading_with_nothing_found_says_so_rather_than_stay_blank() {
        let findings =
            drafted_findings(&panel(vec![theme("timeliness", "Timeliness", None, Some(side(1, 0)))]));
        assert_eq!(
            findings[0].text,
            "No theme was found as good practice in the narratives of these audits."
        );
        assert_eq!(
            findings[2].text,
            "No theme of working with partner agencies was found in the narratives of these audits."
        );
        assert!(findings.iter().all(|f| f.evidence.is_empty()));
    }
}
