//! QA reports kept exactly, a signed one never saved over, an old body opened, and their files.

use chrono::TimeZone;
use futures::executor::block_on;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;
use crate::MemoryStore;

const V1_SIGNED_FIXTURE: &str = include_str!("../../../../tests/fixtures/store/qa-report-v1-signed.json");

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

fn draft() -> QaReport {
    QaReport {
        id: "qa-2".into(),
        from: day(7, 1),
        to: day(9, 30),
        team: None,
        template: None,
        organisation: Some("Northshire Council".into()),
        findings: FindingsHeading::ALL
            .into_iter()
            .map(|heading| Findings {
                heading,
                text: format!("{} text", heading.label()),
                evidence: Vec::new(),
            })
            .collect(),
        written_by: "Dana Morgan".into(),
        written_on: day(10, 5),
        sign_off: None,
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 5, 9, 0, 0).unwrap()
}

#[test]
fn a_version_1_signed_report_opens_with_its_figures_and_findings_as_they_were() {
    let store = MemoryStore::default();
    store.insert_raw(StoredRecord {
        key: RecordKey::new(RecordKind::QaReport, "qa-1"),
        revision: Revision::FIRST,
        schema_version: 1,
        updated_at: now(),
        body: V1_SIGNED_FIXTURE.trim().to_owned(),
    });
    let (reports, problems) = block_on(list_qa_reports(&store)).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let report = &reports[0].value;
    assert_eq!(report.team.as_deref(), Some("Assessment East"));
    assert_eq!(report.template.as_ref().map(|t| t.title.as_str()), Some("Case file audit"));
    let good = report.findings_under(FindingsHeading::GoodPractice).unwrap();
    assert_eq!(good.evidence[0].sentence(), "The child's wishes were recorded in her own words.");
    let sign_off = report.sign_off.as_ref().unwrap();
    assert_eq!((sign_off.by.as_str(), sign_off.on), ("Dana Morgan", day(10, 6)));
    assert_eq!(sign_off.figures.audits_completed, 12);
    assert_eq!(sign_off.figures.charts[0].bars[1].standing, GradeStanding::Inadequate);
    assert!(sign_off.figures.sections[0].rows[0].overall);
    // Written back, the body is the fixture again: nothing is lost or reordered.
    assert_eq!(layout::write(report), V1_SIGNED_FIXTURE.trim());
}

#[test]
fn a_draft_is_saved_again_and_once_signed_is_never_saved_over() {
    let store = MemoryStore::default();
    let mut report = draft();
    let saved = block_on(save_qa_report(&store, &report, None, now())).unwrap();
    report.findings[0].text = "Edited".into();
    let saved = block_on(save_qa_report(&store, &report, Some(saved.revision), now())).unwrap();
    // A second tab still holding the first revision is refused.
    let stale = block_on(save_qa_report(&store, &draft(), Some(Revision::FIRST), now()));
    assert!(matches!(stale, Err(QaReportRefusal::Store(StoreError::Conflict { .. }))), "{stale:?}");
    report.sign_off =
        Some(SignOff { by: "Dana Morgan".into(), on: day(10, 6), figures: FrozenFigures::default() });
    let signed = block_on(save_qa_report(&store, &report, Some(saved.revision), now())).unwrap();
    let mut changed = report.clone();
    changed.findings[0].text = "Rewritten after sign-off".into();
    let refused = block_on(save_qa_report(&store, &changed, Some(signed.revision), now()));
    assert_eq!(refused, Err(QaReportRefusal::AlreadySigned));
    let (reports, _) = block_on(list_qa_reports(&store)).unwrap();
    assert_eq!(reports[0].value, report);
}

#[test]
fn a_report_written_by_a_newer_version_or_damaged_is_listed_as_a_problem_beside_the_others() {
    let store = MemoryStore::default();
    block_on(save_qa_report(&store, &draft(), None, now())).unwrap();
    let stored = block_on(store.get(&RecordKey::new(RecordKind::QaReport, "qa-2"))).unwrap().unwrap();
    store.insert_raw(StoredRecord {
        schema_version: 2,
        key: RecordKey::new(RecordKind::QaReport, "later"),
        ..stored.clone()
    });
    store.insert_raw(StoredRecord {
        body: "{\"id\":".into(),
        key: RecordKey::new(RecordKind::QaReport, "broken"),
        ..stored
    });
    let (reports, problems) = block_on(list_qa_reports(&store)).unwrap();
    assert_eq!(reports.len(), 1);
    assert!(problems.iter().any(|problem| matches!(problem, StoreError::TooNew { found: 2, .. })));
    assert!(problems.iter().any(|problem| matches!(problem, StoreError::Corrupt { .. })));
    // Neither is saved over: the one that cannot be read may have been signed off.
    for id in ["later", "broken"] {
        let over = QaReport { id: id.into(), ..draft() };
        let refused = block_on(save_qa_report(&store, &over, Some(Revision::FIRST), now()));
        assert!(matches!(refused, Err(QaReportRefusal::Store(_))), "{id}: {refused:?}");
    }
}

#[test]
fn the_files_carry_the_findings_their_evidence_and_the_figures_with_cells_made_inert() {
    let mut report = layout::read(V1_SIGNED_FIXTURE.trim()).unwrap();
    report.findings[1].text = "=HYPERLINK(\"x\")".into();
    let json: serde_json::Value = serde_json::from_str(&report_json(&report)).unwrap();
    assert_eq!(json["format"], QA_REPORT_FORMAT);
    assert_eq!(json["signed_off_by"], "Dana Morgan");
    assert_eq!(json["findings"][0]["evidence"][0]["audit_id"], "a-17");
    assert_eq!(json["figures"]["sections"][0]["figures"][0]["count"], 12);
    let csv = report_csv(&report);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "\u{feff}part,heading,measure,breakdown,count,of,share,text");
    assert!(lines.contains(&"finding,Areas for improvement,,,,,,\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
    assert!(lines.iter().any(|line| line.starts_with("evidence,Good practice,Voice of the child,")));
    assert!(lines.contains(&"figure,How much did we do?,Audits completed,All,12,,,"), "{csv}");
    assert!(lines.contains(&"grade,Overall judgement: Case file audit,Inadequate,,1,8,,"), "{csv}");
    // A draft has no figures to give: they are fixed at sign-off.
    report.sign_off = None;
    assert!(!report_csv(&report).contains("\nfigure,"));
    assert!(serde_json::from_str::<serde_json::Value>(&report_json(&report)).unwrap()["figures"].is_null());
}
