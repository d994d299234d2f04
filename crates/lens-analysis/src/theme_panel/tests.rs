//! The panel over a handful of audits whose narratives say known things.

use chrono::NaiveDate;
use lens_core::{Audit, AuditId, AuditStatus, ItemResponse, NewAudit, Template, TEAM_FIELD};
use lens_store::template_document::builtin_templates;
use lens_themes::{aggregate, Codebook, TaggedNarrative, Tagger};

use super::theme_panel;
use crate::device_records::DeviceRecords;
use crate::protocol::themes::{ThemePanelRequest, ThemePanelView, ThemeSide, ThemeSplit};
use crate::protocol::DataSource;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

fn case_file(templates: &[Template]) -> &Template {
    templates.iter().find(|template| template.id == "case-file-audit" && template.version == 2).unwrap()
}

/// A submitted case file audit of `team` on `on`, each answer `(item, grade, narrative)`.
fn audit(id: &str, team: &str, on: NaiveDate, answers: &[(&str, &str, &str)], template: &Template) -> Audit {
    let typed = NewAudit { case_reference: format!("CF-{id}"), auditor: "Sam Patel".into() };
    let mut audit = typed.start(AuditId::new(id), template.reference(), on).unwrap();
    audit.set_header_value("audit-date", &on.to_string());
    audit.set_header_value(TEAM_FIELD, team);
    for (item, grade, narrative) in answers {
        audit.responses.insert(
            (*item).to_owned(),
            ItemResponse { grade: Some((*grade).to_owned()), narrative: (*narrative).to_owned() },
        );
    }
    Audit { status: AuditStatus::Submitted, submitted_on: Some(on), ..audit }
}

fn records(audits: Vec<Audit>) -> DeviceRecords {
    DeviceRecords { audits, ..DeviceRecords::default() }
}

fn request(from: NaiveDate, to: NaiveDate) -> ThemePanelRequest {
    ThemePanelRequest {
        source: DataSource::Records { records: Vec::new() },
        from,
        to,
        team: None,
        template: None,
        standard: None,
        grade: None,
        split: ThemeSplit::Standard,
    }
}

const NO_CHRONOLOGY: &str = "There is no chronology on file and the history is hard to follow.";
const GOOD_CHRONOLOGY: &str = "An excellent, up-to-date chronology sets out the history clearly.";
const VOICE: &str = "The child's wishes and feelings are recorded in their own words throughout.";

fn quarter() -> (Vec<Template>, Vec<Audit>) {
    let templates = builtin_templates();
    let template = case_file(&templates);
    let audits = vec![
        audit(
            "a1",
            "Assessment East",
            day(4, 10),
            &[("risk", "DNMG", NO_CHRONOLOGY), ("involvement", "MG", VOICE)],
            template,
        ),
        audit("a2", "Assessment East", day(5, 12), &[("risk", "EG", GOOD_CHRONOLOGY)], template),
        audit(
            "a3",
            "Children in Care",
            day(6, 2),
            &[("assessments", "DNMG", NO_CHRONOLOGY), ("involvement", "EG", VOICE)],
            template,
        ),
        // The quarter before, and a draft: neither is read for this quarter.
        audit("b1", "Assessment East", day(3, 3), &[("risk", "DNMG", NO_CHRONOLOGY)], template),
        Audit {
            status: AuditStatus::Draft,
            ..audit("d1", "Assessment East", day(5, 1), &[("risk", "DNMG", NO_CHRONOLOGY)], template)
        },
    ];
    (templates, audits)
}

fn side<'a>(view: &'a ThemePanelView, theme: &str, strength: bool) -> &'a ThemeSide {
    let sides = view.themes.iter().find(|sides| sides.theme == theme).unwrap_or_else(|| panic!("no {theme}"));
    if strength { sides.strength.as_ref() } else { sides.concern.as_ref() }.unwrap()
}

#[test]
fn counts_equal_the_engine_s_aggregates_on_the_same_narratives_with_both_sides_together() {
    let (templates, audits) = quarter();
    let records = records(audits);
    let view = theme_panel(&records, &request(day(4, 1), day(6, 30)), &templates).unwrap();
    assert_eq!((view.audits, view.narratives), (3, 5), "no draft, nothing before April");
    assert_eq!(view.months, ["Apr 2026", "May 2026", "Jun 2026"]);

    // The same narratives tagged and aggregated by the engine directly.
    let tagger = Tagger::new(&Codebook::builtin());
    let texts = [
        ("a1/risk", "a1", NO_CHRONOLOGY, "DNMG"),
        ("a1/involvement", "a1", VOICE, "MG"),
        ("a2/risk", "a2", GOOD_CHRONOLOGY, "EG"),
        ("a3/assessments", "a3", NO_CHRONOLOGY, "DNMG"),
        ("a3/involvement", "a3", VOICE, "EG"),
    ];
    let scale = case_file(&templates).scale.clone().unwrap();
    let taggings: Vec<_> = texts
        .iter()
        .map(|(_, _, text, grade)| tagger.tag(text, Some(scale.grade(grade).unwrap().standing)))
        .collect();
    let tagged: Vec<TaggedNarrative<'_>> = texts
        .iter()
        .zip(&taggings)
        .map(|((id, audit, _, _), tagging)| TaggedNarrative { id, audit, month: "", split: "", tagging })
        .collect();
    let order: Vec<&str> = tagger.codebook().themes.iter().map(|theme| theme.id.as_str()).collect();
    for row in aggregate(&tagged, &order, 3) {
        let sides = view.themes.iter().find(|sides| sides.theme == row.theme).unwrap();
        let side = match row.polarity {
            lens_themes::Polarity::Strength => sides.strength.as_ref(),
            lens_themes::Polarity::Concern => sides.concern.as_ref(),
        }
        .unwrap();
        assert_eq!((side.narratives, side.audits), (row.narratives, row.audits), "{}", row.theme);
    }

    let concern = side(&view, "chronology", false);
    assert_eq!((concern.narratives, concern.audits, concern.share_of_audits.as_str()), (2, 2, "67%"));
    assert_eq!(concern.by_month, [1, 0, 1]);
    let strength = side(&view, "chronology", true);
    assert_eq!((strength.narratives, strength.by_month.as_slice()), (1, &[0, 1, 0][..]));
    let standards: Vec<(&str, usize)> =
        concern.by_split.iter().map(|split| (split.value.as_str(), split.narratives)).collect();
    assert_eq!(standards.len(), 2, "split by the standard's prompt: {standards:?}");
    assert!(standards.iter().all(|(value, count)| value.starts_with(char::is_numeric) && *count == 1));
}

#[test]
fn each_quote_marks_the_words_that_carried_it_and_opens_its_audit_at_the_standard() {
    let (templates, audits) = quarter();
    let records = records(audits);
    let view = theme_panel(&records, &request(day(4, 1), day(6, 30)), &templates).unwrap();
    let concern = side(&view, "chronology", false);
    assert_eq!(concern.quotes.len(), 1, "the same sentence twice is quoted once");
    let quote = &concern.quotes[0];
    assert!(["a1", "a3"].contains(&quote.audit.as_str()));
    assert!(["risk", "assessments"].contains(&quote.item.as_str()));
    assert_eq!(quote.case_reference, format!("CF-{}", quote.audit));
    assert!(quote.marked.to_lowercase().contains("chronology"), "{quote:?}");
    assert_eq!(format!("{}{}{}", quote.before, quote.marked, quote.after), NO_CHRONOLOGY);
}

#[test]
fn the_standard_grade_and_team_filters_narrow_what_is_read_and_the_split_follows_the_choice() {
    let (templates, audits) = quarter();
    let records = records(audits);
    let risk = ThemePanelRequest { standard: Some("risk".into()), ..request(day(4, 1), day(6, 30)) };
    let view = theme_panel(&records, &risk, &templates).unwrap();
    assert_eq!(view.narratives, 2);
    assert!(
        view.themes.iter().all(|sides| sides.theme != "voice_of_child"),
        "the voice narratives answer another standard"
    );
    let everything = theme_panel(&records, &request(day(4, 1), day(6, 30)), &templates).unwrap();
    assert!(side(&everything, "voice_of_child", true).narratives == 2);
    let below_good = ThemePanelRequest {
        grade: Some("Does not meet good".into()),
        split: ThemeSplit::Team,
        ..request(day(4, 1), day(6, 30))
    };
    let view = theme_panel(&records, &below_good, &templates).unwrap();
    assert_eq!(view.narratives, 2);
    let teams: Vec<&str> =
        side(&view, "chronology", false).by_split.iter().map(|split| split.value.as_str()).collect();
    assert_eq!(teams, ["Assessment East", "Children in Care"]);
    let east = ThemePanelRequest { team: Some("assessment east ".into()), ..request(day(4, 1), day(6, 30)) };
    assert_eq!(theme_panel(&records, &east, &templates).unwrap().audits, 2, "a team matches in any capitals");
}

#[test]
fn the_period_before_is_the_same_length_and_a_backwards_period_is_refused_in_words() {
    let (templates, audits) = quarter();
    let records = records(audits);
    let view = theme_panel(&records, &request(day(4, 1), day(6, 30)), &templates).unwrap();
    assert_eq!((view.earlier.from, view.earlier.to, view.earlier.narratives), (day(1, 1), day(3, 31), 1));
    let refused = theme_panel(&records, &request(day(6, 30), day(4, 1)), &templates).unwrap_err();
    assert_eq!(refused, "The period ends on 1 April 2026, before it starts on 30 June 2026: check the dates");
}

#[test]
fn phrases_no_theme_names_are_listed_with_a_marked_quote_and_those_that_rose_are_flagged() {
    let templates = builtin_templates();
    let template = case_file(&templates);
    let mut audits = Vec::new();
    for index in 0..6 {
        let now = format!("Her football club coach spoke up for her at the meeting in week {index}.");
        let before = format!("The housing application was still waiting for a panel date in week {index}.");
        audits.push(audit(
            &format!("n{index}"),
            "Assessment East",
            day(5, 3 + index),
            &[("placement", "DNMG", &now)],
            template,
        ));
        audits.push(audit(
            &format!("e{index}"),
            "Assessment East",
            day(2, 3 + index),
            &[("placement", "DNMG", &before)],
            template,
        ));
    }
    let records = records(audits);
    let view = theme_panel(&records, &request(day(4, 1), day(6, 30)), &templates).unwrap();
    let football = view
        .uncovered
        .iter()
        .find(|phrase| phrase.phrase.contains("football"))
        .unwrap_or_else(|| panic!("{:?}", view.uncovered));
    assert_eq!(football.narratives, 6);
    let quote = football.quote.as_ref().unwrap();
    assert!(quote.marked.to_lowercase().contains("football"), "{quote:?}");
    assert!(
        view.uncovered.iter().all(|phrase| !phrase.phrase.contains("housing")),
        "only this period's phrases"
    );
    let rising = view
        .changes
        .iter()
        .find(|change| change.phrase.contains("football"))
        .unwrap_or_else(|| panic!("{:?}", view.changes));
    assert!(rising.rising && rising.earlier == 0 && rising.later == 6, "{rising:?}");
    let falling =
        view.changes.iter().find(|change| !change.rising).unwrap_or_else(|| panic!("{:?}", view.changes));
    assert!(!falling.rising && falling.earlier == 6 && falling.later == 0, "{falling:?}");
}

#[test]
fn a_period_so_far_is_compared_with_the_same_days_of_the_months_before() {
    assert_eq!(super::period_before(day(10, 1), day(12, 2)), (day(7, 1), day(9, 2)));
    assert_eq!(super::period_before(day(4, 1), day(6, 30)), (day(1, 1), day(3, 31)));
    assert_eq!(super::period_before(day(5, 31), day(5, 31)), (day(5, 30), day(5, 30)));
    assert_eq!(super::period_before(day(3, 1), day(3, 31)), (day(2, 1), day(2, 28)));
}
