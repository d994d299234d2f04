//! Requests answered on the golden bundle, from records sent with the request and from a
//! named database, and refused in words when they cannot be done.

use chrono::{NaiveDate, TimeZone, Utc};
use futures::executor::block_on;
use lens_store::bundle::parse_bundle;
use lens_store::council_codebook::council_codebook_write;
use lens_store::{save_audit, save_moderation, MemoryStore, RecordKind, RecordWrite, Store};

use super::answer;
use crate::device_records::RecordCache;
use crate::protocol::export::{AuditSelection, ExportFormat, ExportRequest, ExportedSet, SelectedStatus};
use crate::protocol::figure_audits::FigureAuditsRequest;
use crate::protocol::{
    AnalysisReply, AnalysisRequest, AuditCsvRequest, CsvPart, DataSource, RecordMessage, ReportFileRequest,
    ReportFormat, ReportRequest, ReportView, ThemePolarity,
};
use crate::protocol::{ExampleRequest, ExpectedVolume, WarmRequest};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const GOLDEN: &str = include_str!("../../../../tests/fixtures/bundles/golden.json");

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap()
}

/// The golden bundle's audits and moderations saved in a memory store.
fn golden_store() -> MemoryStore {
    let bundle = parse_bundle(GOLDEN).unwrap();
    let store = MemoryStore::default();
    let now = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
    block_on(async {
        for audit in &bundle.audits {
            save_audit(&store, &audit.value, None, now).await.unwrap();
        }
        for moderation in &bundle.moderations {
            save_moderation(&store, &moderation.value, None, now).await.unwrap();
        }
    });
    store
}

fn records_of(store: &MemoryStore) -> DataSource {
    let mut records = Vec::new();
    for kind in [RecordKind::Audit, RecordKind::Moderation] {
        records.extend(block_on(store.list(kind)).unwrap().iter().map(RecordMessage::from));
    }
    DataSource::Records { records }
}

fn half_year(source: DataSource) -> AnalysisRequest {
    AnalysisRequest::Report(ReportRequest {
        source,
        from: day(4, 1),
        to: day(9, 30),
        team: None,
        template: None,
        today: day(11, 1),
        expected: ExpectedVolume::default(),
    })
}

/// Answers with a database opener that can open only `golden`.
fn ask(request: AnalysisRequest) -> AnalysisReply {
    ask_with(request, golden_store(), &RecordCache::default())
}

/// Answers with `store` as the database "golden", keeping decoded records in `cache`.
fn ask_with(request: AnalysisRequest, store: MemoryStore, cache: &RecordCache) -> AnalysisReply {
    block_on(answer(
        request,
        |name| async move {
            if name == "golden" {
                Ok(Box::new(store) as Box<dyn Store>)
            } else {
                Err(format!("The database {name} could not be opened"))
            }
        },
        cache,
    ))
}

fn report(reply: AnalysisReply) -> ReportView {
    match reply {
        AnalysisReply::Report(view) => view,
        other => panic!("expected a report, got {other:?}"),
    }
}

#[test]
fn a_report_is_the_golden_figures_in_words() {
    let view = report(ask(half_year(DataSource::Database { name: "golden".into() })));
    assert_eq!(view.audits_completed, 6);
    let anchors: Vec<&str> = view.sections.iter().map(|section| section.anchor.as_str()).collect();
    assert_eq!(anchors, ["how-much", "how-well", "better-off", "cycle", "trend"]);
    let how_well = &view.sections[1];
    assert_eq!(how_well.heading, "How well did we do it?");
    let overall = how_well
        .rows
        .iter()
        .find(|row| row.measure == "Overall grade" && row.breakdown.ends_with("Grade: Does not meet good"))
        .unwrap();
    assert!(overall.breakdown.starts_with("Template: Case file audit"), "{}", overall.breakdown);
    assert_eq!((overall.count, overall.of, overall.share.as_str()), (2, Some(6), "33%"));
}

#[test]
fn a_report_s_files_are_made_when_asked_for() {
    let file = |format| {
        let AnalysisRequest::Report(report) = half_year(DataSource::Database { name: "golden".into() })
        else {
            unreachable!()
        };
        match ask(AnalysisRequest::ReportFile(ReportFileRequest { report, format })) {
            AnalysisReply::File { contents } => contents,
            other => panic!("expected a file, got {other:?}"),
        }
    };
    assert!(file(ReportFormat::Csv).starts_with("\u{feff}question,measure,group,count,of,share,audits"));
    let json: serde_json::Value = serde_json::from_str(&file(ReportFormat::Json)).unwrap();
    assert_eq!(json["format"], "practice-lens-report");
    assert_eq!(json["filter"]["from"], "2026-04-01");
}

#[test]
fn records_sent_with_the_request_give_the_same_report_as_the_database() {
    let from_records = report(ask(half_year(records_of(&golden_store()))));
    let from_database = report(ask(half_year(DataSource::Database { name: "golden".into() })));
    assert_eq!(from_records, from_database);
}

#[test]
fn themes_read_completed_audits_and_never_a_reflection() {
    let AnalysisRequest::Report(request) = half_year(DataSource::Database { name: "golden".into() }) else {
        unreachable!()
    };
    let AnalysisReply::Themes(themes) = ask(AnalysisRequest::Themes(request)) else {
        panic!("themes expected")
    };

    // Six completed audits with narratives on every standard.
    assert!(themes.narratives >= 6, "{}", themes.narratives);
    assert!(!themes.rows.is_empty());
    assert!(themes.rows.iter().any(|row| row.polarity == ThemePolarity::Concern));
    let quotes: Vec<&String> = themes.rows.iter().flat_map(|row| &row.quotes).collect();
    // golden-09 is a practitioner's reflection: its words stay its author's.
    assert!(quotes.iter().all(|quote| !quote.contains("built trust")), "{quotes:?}");
}

#[test]
fn an_audit_csv_is_made_from_the_stored_audit() {
    let csv = |part| {
        ask(AnalysisRequest::AuditCsv(AuditCsvRequest {
            source: DataSource::Database { name: "golden".into() },
            audit: "golden-02".into(),
            part,
        }))
    };
    let AnalysisReply::File { contents } = csv(CsvPart::Answers) else { panic!("no CSV") };
    assert!(contents.contains("golden-02") && contents.contains("Risk of neglect not reduced"), "{contents}");
    let AnalysisReply::File { contents } = csv(CsvPart::Actions) else { panic!("no CSV") };
    assert!(contents.lines().count() > 1, "{contents}");
}

#[test]
fn what_cannot_be_done_is_refused_in_words() {
    let refused = |reply| match reply {
        AnalysisReply::Refused { message } => message,
        other => panic!("expected a refusal, got {other:?}"),
    };
    let backwards = AnalysisRequest::Report(ReportRequest {
        source: DataSource::Database { name: "golden".into() },
        from: day(9, 30),
        to: day(4, 1),
        team: None,
        template: None,
        today: day(11, 1),
        expected: ExpectedVolume::default(),
    });
    assert_eq!(
        refused(ask(backwards)),
        "The report period ends (2026-04-01) before it starts (2026-09-30): check the dates"
    );
    assert_eq!(
        refused(ask(half_year(DataSource::Database { name: "elsewhere".into() }))),
        "The database elsewhere could not be opened"
    );
    let missing = AnalysisRequest::AuditCsv(AuditCsvRequest {
        source: DataSource::Database { name: "golden".into() },
        audit: "golden-99".into(),
        part: CsvPart::Answers,
    });
    assert!(refused(ask(missing)).starts_with("This audit is no longer on this device"));
}

#[test]
fn requests_and_replies_cross_as_json_unchanged() {
    let request = half_year(records_of(&golden_store()));
    let text = serde_json::to_string(&request).unwrap();
    assert_eq!(serde_json::from_str::<AnalysisRequest>(&text).unwrap(), request);
    let reply = ask(request);
    let text = serde_json::to_string(&reply).unwrap();
    assert_eq!(serde_json::from_str::<AnalysisReply>(&text).unwrap(), reply);
}

fn exported(selection: AuditSelection, format: ExportFormat) -> ExportedSet {
    let now = Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).unwrap();
    let request = AnalysisRequest::Export(ExportRequest {
        source: DataSource::Database { name: "golden".into() },
        selection,
        format,
        now,
    });
    let text = serde_json::to_string(&request).unwrap();
    assert_eq!(serde_json::from_str::<AnalysisRequest>(&text).unwrap(), request);
    match ask(request) {
        AnalysisReply::Exported(set) => set,
        other => panic!("expected an export, got {other:?}"),
    }
}

#[test]
fn an_export_holds_the_audits_the_filters_show_and_their_moderations_never_a_reflection() {
    let everything = exported(AuditSelection::default(), ExportFormat::Bundle);
    let bundle = parse_bundle(&everything.contents).unwrap();
    assert_eq!((everything.audits, everything.moderations, everything.unreadable), (8, 1, 0));
    assert_eq!(bundle.audits.len(), 8);
    assert!(bundle.audits.iter().all(|audit| audit.value.id.as_str() != "golden-09"), "no reflection");
    assert_eq!(bundle.templates.len(), 1, "only the templates the audits use");

    let west = AuditSelection { team: " assessment west ".into(), ..AuditSelection::default() };
    let set = exported(west.clone(), ExportFormat::Bundle);
    let bundle = parse_bundle(&set.contents).unwrap();
    let ids: Vec<&str> = bundle.audits.iter().map(|audit| audit.value.id.as_str()).collect();
    assert_eq!(ids, ["golden-03", "golden-04", "golden-05"]);
    assert_eq!(bundle.moderations.len(), 1, "the moderation of golden-03 goes with it");
    assert_eq!(bundle.exported_at, Utc.with_ymd_and_hms(2026, 11, 2, 10, 0, 0).unwrap());

    let east_from_june = AuditSelection {
        team: "Assessment East".into(),
        from: Some(day(6, 1)),
        status: Some(SelectedStatus::Submitted),
        ..AuditSelection::default()
    };
    let set = exported(east_from_june, ExportFormat::Bundle);
    let ids: Vec<String> =
        parse_bundle(&set.contents).unwrap().audits.iter().map(|audit| audit.value.id.to_string()).collect();
    assert_eq!(ids, ["golden-07", "golden-08"], "golden-06 is a draft");
    assert_eq!(set.moderations, 0);

    let csv = exported(west, ExportFormat::Csv(CsvPart::Answers));
    assert_eq!((csv.audits, csv.moderations), (3, 0));
    assert!(csv.contents.contains("golden-04") && !csv.contents.contains("golden-01"));
    let nothing = exported(
        AuditSelection { search: "nobody".into(), ..AuditSelection::default() },
        ExportFormat::Bundle,
    );
    assert_eq!(nothing.audits, 0);
    assert!(parse_bundle(&nothing.contents).is_ok(), "an empty set is still a bundle lens merge reads");
}

#[test]
fn example_data_is_a_seeded_quarter_ending_today_and_reads_as_a_bundle() {
    let today = NaiveDate::from_ymd_opt(2027, 3, 17).unwrap();
    let make = |seed| match ask(AnalysisRequest::Example(ExampleRequest { seed, today })) {
        AnalysisReply::File { contents } => contents,
        other => panic!("expected a file, got {other:?}"),
    };
    let first = make(2027);
    assert_eq!(first, make(2027), "the same seed gives the same bundle");
    assert_ne!(first, make(2028));
    let bundle = parse_bundle(&first).unwrap();
    assert_eq!(bundle.audits.len(), 360);
    assert!(!bundle.moderations.is_empty(), "example data has moderations for the dashboard");
    let dates: Vec<NaiveDate> = bundle.audits.iter().map(|audit| audit.value.started_on).collect();
    let (first_day, last_day) = (dates.iter().min().unwrap(), dates.iter().max().unwrap());
    assert!(
        *last_day <= today && *first_day >= NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        "{first_day} to {last_day}"
    );
}

#[test]
fn a_snapshot_is_answered_from_the_records_decoded_for_it_and_a_new_one_reads_again() {
    let cache = RecordCache::default();
    let snapshot = |snapshot| half_year(DataSource::Snapshot { name: "golden".into(), snapshot });
    let first = report(ask_with(snapshot(1), golden_store(), &cache));
    assert!(first.audits_completed > 0);
    let same = report(ask_with(snapshot(1), MemoryStore::default(), &cache));
    assert_eq!(same, first, "the same snapshot is answered from the records decoded for it");
    let changed = report(ask_with(snapshot(2), MemoryStore::default(), &cache));
    assert_eq!(changed.audits_completed, 0, "a new snapshot reads the database again");
    let unnamed =
        report(ask_with(half_year(DataSource::Database { name: "golden".into() }), golden_store(), &cache));
    assert_eq!(unnamed, first, "a request without a snapshot always reads the database");
    let after = report(ask_with(snapshot(2), MemoryStore::default(), &cache));
    assert_eq!(after.audits_completed, 0, "and leaves nothing cached for a snapshot it did not name");

    let cached = report(ask_with(snapshot(3), golden_store(), &cache));
    cache.forget("another database");
    assert_eq!(report(ask_with(snapshot(3), MemoryStore::default(), &cache)), cached, "kept for other names");
    cache.forget("golden");
    let reread = report(ask_with(snapshot(3), MemoryStore::default(), &cache));
    assert_eq!(reread.audits_completed, 0, "a change announced for the database makes the worker read again");

    let warm = AnalysisRequest::Warm(WarmRequest {
        source: DataSource::Snapshot { name: "golden".into(), snapshot: 4 },
        agreement: None,
    });
    assert_eq!(ask_with(warm, golden_store(), &cache), AnalysisReply::Warmed);
    let warmed = report(ask_with(snapshot(4), MemoryStore::default(), &cache));
    assert_eq!(warmed, first, "a warmed snapshot answers without reading again");
}

#[test]
fn a_dashboard_worked_out_while_warming_is_the_one_asked_for_next() {
    let cache = RecordCache::default();
    let source = DataSource::Snapshot { name: "golden".into(), snapshot: 9 };
    let dashboard = |source: DataSource| crate::protocol::agreement::AgreementRequest {
        source,
        from: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2027, 3, 31).unwrap(),
        team: None,
        template: None,
        auditor: None,
        moderator: None,
    };
    let direct = ask_with(
        AnalysisRequest::Agreement(dashboard(DataSource::Database { name: "golden".into() })),
        golden_store(),
        &RecordCache::default(),
    );
    assert!(matches!(direct, AnalysisReply::Agreement(_)), "{direct:?}");
    let warm = AnalysisRequest::Warm(WarmRequest {
        source: source.clone(),
        agreement: Some(dashboard(source.clone())),
    });
    assert_eq!(ask_with(warm, golden_store(), &cache), AnalysisReply::Warmed);
    let kept = block_on(cache.read(&MemoryStore::default(), &source)).unwrap();
    assert_eq!(kept.agreements.borrow().len(), 1, "the dashboard is kept with the records");
    // Asked next over the same snapshot, it is the same dashboard, and nothing is worked out again.
    assert_eq!(
        ask_with(AnalysisRequest::Agreement(dashboard(source)), MemoryStore::default(), &cache),
        direct
    );
    assert_eq!(kept.agreements.borrow().len(), 1);
}

#[test]
fn a_signed_qa_report_s_files_are_made_from_its_stored_body_and_a_damaged_body_is_refused_in_words() {
    use crate::protocol::QaReportFileRequest;
    let body = include_str!("../../../../tests/fixtures/store/qa-report-v1-signed.json").trim().to_owned();
    let file =
        |body: String, format| ask(AnalysisRequest::QaReportFile(QaReportFileRequest { body, format }));
    match file(body.clone(), ReportFormat::Json) {
        AnalysisReply::File { contents } => {
            let json: serde_json::Value = serde_json::from_str(&contents).unwrap();
            assert_eq!(json["format"], "practice-lens-qa-report");
            assert_eq!(json["signed_off_by"], "Dana Morgan");
        }
        other => panic!("{other:?}"),
    }
    match file(body, ReportFormat::Csv) {
        AnalysisReply::File { contents } => {
            assert!(contents.contains("finding,Good practice,"), "{contents}")
        }
        other => panic!("{other:?}"),
    }
    match file("{\"id\": 3}".to_owned(), ReportFormat::Csv) {
        AnalysisReply::Refused { message } => {
            assert!(message.starts_with("The QA report could not be read"), "{message}")
        }
        other => panic!("{other:?}"),
    }
}

/// The audits behind figure `figure` of the golden half-year's report.
fn figure_audits(figure: usize) -> AnalysisReply {
    let AnalysisRequest::Report(report) = half_year(DataSource::Database { name: "golden".into() }) else {
        unreachable!()
    };
    ask(AnalysisRequest::FigureAudits(FigureAuditsRequest { report, figure }))
}

#[test]
fn every_figure_opens_the_audits_its_report_file_names_newest_first() {
    let view = report(ask(half_year(DataSource::Database { name: "golden".into() })));
    let AnalysisRequest::Report(request) = half_year(DataSource::Database { name: "golden".into() }) else {
        unreachable!()
    };
    let file = match ask(AnalysisRequest::ReportFile(ReportFileRequest {
        report: request,
        format: ReportFormat::Json,
    })) {
        AnalysisReply::File { contents } => serde_json::from_str::<serde_json::Value>(&contents).unwrap(),
        other => panic!("expected a file, got {other:?}"),
    };
    let golden = parse_bundle(GOLDEN).unwrap();
    let day_of = |id: &str| {
        let audit = golden.audits.iter().find(|audit| audit.value.id.to_string() == id).unwrap();
        audit.value.audited_on(lens_core::find_template(
            &lens_store::template_document::builtin_templates(),
            &audit.value.template,
        ))
    };
    let rows: Vec<_> = view.sections.iter().flat_map(|section| &section.rows).collect();
    assert!(rows.len() > 20, "{} figures", rows.len());
    for row in rows {
        let index = row.figure.expect("a live report's figure can be opened");
        let AnalysisReply::FigureAudits(opened) = figure_audits(index) else {
            panic!("figure {index} not opened")
        };
        assert_eq!(
            (&opened.measure, &opened.breakdown, opened.count),
            (&row.measure, &row.breakdown, row.count)
        );
        let mut named: Vec<String> = file["figures"][index]["audits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|id| id.as_str().unwrap().to_owned())
            .collect();
        let mut listed = opened.audits.clone();
        let days: Vec<NaiveDate> = listed.iter().map(|id| day_of(id)).collect();
        assert!(days.windows(2).all(|pair| pair[0] >= pair[1]), "{} not newest first: {days:?}", row.measure);
        listed.sort();
        named.sort();
        assert_eq!(listed, named, "{}: {}", row.measure, row.breakdown);
    }
}

#[test]
fn a_figure_no_longer_in_the_report_is_refused_in_words() {
    match figure_audits(100_000) {
        AnalysisReply::Refused { message } => assert!(message.contains("go back to the report"), "{message}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn themes_are_read_with_the_kept_council_codebook_and_a_damaged_one_falls_back_to_the_built_in() {
    let now = Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, 0).unwrap();
    let themes = |store: MemoryStore, snapshot: u64, cache: &RecordCache| {
        let AnalysisRequest::Report(request) =
            half_year(DataSource::Snapshot { name: "golden".into(), snapshot })
        else {
            unreachable!()
        };
        let AnalysisReply::Themes(themes) = ask_with(AnalysisRequest::Themes(request), store, cache) else {
            panic!("themes expected")
        };
        themes.rows.into_iter().map(|row| row.theme).collect::<Vec<_>>()
    };
    let cache = RecordCache::default();
    let builtin = themes(golden_store(), 1, &cache);
    assert!(
        !builtin.is_empty() && !builtin.iter().any(|theme| theme == "Northshire safety plans"),
        "{builtin:?}"
    );

    // The page names the codebook's revision in its snapshot: a new one is read afresh.
    let with_codebook = golden_store();
    let document = r#"{"name": "Northshire", "themes": [{"id": "safety_plans", "label": "Northshire safety plans", "indicative_phrases": ["safety plan"]}]}"#;
    block_on(with_codebook.put(council_codebook_write(Some(document), None, now))).unwrap();
    let council = themes(with_codebook, 2, &cache);
    assert_eq!(
        council,
        ["Northshire safety plans"],
        "only the council's theme, with nothing kept from the built-in reading"
    );

    let damaged = golden_store();
    let write = RecordWrite { body: "{\"doc".to_owned(), ..council_codebook_write(None, None, now) };
    block_on(damaged.put(write)).unwrap();
    assert_eq!(themes(damaged, 3, &cache), builtin, "a damaged codebook record never stops the themes");
}
