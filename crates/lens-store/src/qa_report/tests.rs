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
    // Signed before the cycle was kept, it has none, rather than one made up.
    assert_eq!(sign_off.figures.cycle, None);
    // Written back, the body is the fixture again: nothing is lost or reordered.
    assert_eq!(layout::write(report), V1_SIGNED_FIXTURE.trim());
    // The schema 1 reader and the current one agree on it.
    assert_eq!(&layout::read(V1_SIGNED_FIXTURE.trim()).unwrap(), report);
}

#[test]
fn a_signed_report_keeps_its_cycle_with_the_reflection_months_and_each_auditor() {
    let store = MemoryStore::default();
    let mut report = read_stored_body(V1_SIGNED_FIXTURE.trim()).unwrap();
    report.id = "qa-cycle".into();
    let cycle = FrozenCycle {
        months: vec![
            FrozenCycleMonth { month: "Jul 2026".into(), reflection: false, completed: 7 },
            FrozenCycleMonth { month: "Aug 2026".into(), reflection: true, completed: 1 },
        ],
        auditors: vec![FrozenAuditor { auditor: "Sam Patel".into(), completed: 3, expected: 5 }],
    };
    report.sign_off.as_mut().unwrap().figures.cycle = Some(cycle.clone());
    // Saved as it is stored: a new record, since a signed one is never saved over.
    let saved = block_on(save_qa_report(&store, &report, None, now())).unwrap();
    let stored = block_on(store.get(&RecordKey::new(RecordKind::QaReport, "qa-cycle"))).unwrap().unwrap();
    assert_eq!(stored.schema_version, 2);
    let (reports, problems) = block_on(list_qa_reports(&store)).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(reports[0].value, saved.value);
    assert_eq!(reports[0].value.sign_off.as_ref().unwrap().figures.cycle, Some(cycle));
    // Its files carry the cycle; a version 1 report's say it was not kept.
    let json: serde_json::Value = serde_json::from_str(&report_json(&report)).unwrap();
    assert_eq!(json["format_version"], 2);
    assert_eq!(json["figures"]["cycle"]["months"][1]["reflection"], true);
    assert_eq!(json["figures"]["cycle"]["auditors"][0]["expected"], 5);
    let csv = report_csv(&report);
    assert!(csv.contains("\r\ncycle_month,The QA cycle,Aug 2026,Reflection month,1,,,\r\n"), "{csv}");
    assert!(csv.contains("\r\ncycle_auditor,The QA cycle,Sam Patel,,3,5,,\r\n"), "{csv}");
    let old: serde_json::Value =
        serde_json::from_str(&report_json(&read_stored_body(V1_SIGNED_FIXTURE.trim()).unwrap())).unwrap();
    assert!(old["figures"]["cycle"].is_null());
    assert!(!report_csv(&read_stored_body(V1_SIGNED_FIXTURE.trim()).unwrap()).contains("cycle_"));
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
        schema_version: 3,
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
    assert!(problems.iter().any(|problem| matches!(problem, StoreError::TooNew { found: 3, .. })));
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
