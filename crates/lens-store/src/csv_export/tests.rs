//! CSV export: spreadsheet safety, lossless re-import and problems with line numbers.

use super::*;
use crate::bundle::parse_bundle;
use crate::Versioned;
use lens_core::Audit;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const GOLDEN: &str = include_str!("../../../../tests/fixtures/bundles/golden.json");

fn golden_audits() -> Vec<Versioned<Audit>> {
    parse_bundle(GOLDEN).unwrap().audits
}

#[test]
fn cells_a_spreadsheet_would_run_are_made_inert_and_restored_exactly() {
    for (cell, inert) in [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+44 1632", "'+44 1632"),
        ("-2 visits", "'-2 visits"),
        ("@cmd", "'@cmd"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("'quoted", "''quoted"),
        ("Plain text = fine", "Plain text = fine"),
        ("", ""),
    ] {
        assert_eq!(neutralise(cell), inert);
        assert_eq!(restore(&neutralise(cell)), cell);
    }
}

#[test]
fn the_export_opens_as_utf8_with_crlf_rows_and_no_live_formulas() {
    let files = write_audits_csv(&golden_audits(), &[]);
    for text in [&files.items, &files.actions, &files.amendments] {
        assert!(text.starts_with('\u{feff}'), "a byte order mark tells spreadsheets it is UTF-8");
        assert!(text.contains("\r\n"));
    }
    let mut reader = csv::ReaderBuilder::new().from_reader(files.items.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "audit_id", "the byte order mark is not part of the first column");
    assert!(header.iter().any(|column| column == "header:team"));
    let mut rows = 0;
    for record in reader.records() {
        let record = record.unwrap();
        rows += 1;
        for cell in record.iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "live formula: {cell}");
        }
    }
    // Eight case file audits of twelve standards, and one reflection with one prompt answered.
    assert_eq!(rows, 8 * 12 + 1);
    assert!(files.items.contains("'=SUM(A1:A9) was typed by mistake"));
    assert!(files.actions.contains("'@Team manager to review the safety plan"));
    assert!(files.actions.contains("'+ Invite father"));
}

#[test]
fn the_export_reads_back_to_the_same_audits() {
    let audits = golden_audits();
    let files = write_audits_csv(&audits, &[]);
    assert_eq!(read_audits_csv(&files), Ok(audits));
}

#[test]
fn amendments_travel_one_row_per_changed_field() {
    let mut audits = golden_audits();
    let amendment = lens_core::Amendment {
        on: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        by: "Priya Shah".into(),
        reason: "Agreed at moderation, \"plans\" row".into(),
        changes: vec![
            lens_core::FieldChange {
                field: lens_core::FieldPath::Overall,
                before: "MG".into(),
                after: "DNMG".into(),
            },
            lens_core::FieldChange {
                field: lens_core::FieldPath::Grade("plans".into()),
                before: "MG".into(),
                after: "DNMG".into(),
            },
        ],
    };
    audits[0].value.amendments.push(amendment.clone());
    audits[0].value.amendments.push(lens_core::Amendment { reason: "Second".into(), ..amendment });
    let files = write_audits_csv(&audits, &[]);
    assert_eq!(files.amendments.lines().count(), 1 + 4);
    assert_eq!(read_audits_csv(&files), Ok(audits));
}

#[test]
fn problems_are_given_with_file_and_line_and_nothing_is_read() {
    let files = write_audits_csv(&golden_audits(), &[]);
    let broken = AuditCsv {
        items: files.items.replacen("2026-04-14", "14/04/2026", 1),
        actions: files.actions.replace(",open,", ",stalled,"),
        amendments: files.amendments.clone(),
        follow_up: files.follow_up.clone(),
    };
    let problems: Vec<String> =
        read_audits_csv(&broken).unwrap_err().iter().map(ToString::to_string).collect();
    assert!(
        problems.contains(
            &"items line 2: updated_at \"14/04/2026T16:00:00+00:00\" is not a date and time (RFC 3339)"
                .to_owned()
        ),
        "{problems:#?}"
    );
    assert!(problems.iter().any(|p| p.starts_with("actions line 3: status \"stalled\"")), "{problems:#?}");
    assert!(problems.iter().any(|p| p.contains("status \"stalled\" is not one of")), "{problems:#?}");

    let missing = AuditCsv { items: "audit_id,grade\r\n".into(), ..files.clone() };
    let problems: Vec<String> =
        read_audits_csv(&missing).unwrap_err().iter().map(ToString::to_string).collect();
    assert!(
        problems[0].starts_with("items line 1: is missing the column(s) revision, updated_at"),
        "{problems:?}"
    );

    let orphan = AuditCsv { actions: format!("{}nobody,a1,Do it,Me,,open,\r\n", files.actions), ..files };
    let problems: Vec<String> =
        read_audits_csv(&orphan).unwrap_err().iter().map(ToString::to_string).collect();
    assert_eq!(problems, ["actions line 5: audit nobody is not in the items file"]);
}

/// The problems reading `files` gives, as lines.
fn refusals(files: &AuditCsv) -> Vec<String> {
    read_audits_csv(files).unwrap_err().iter().map(ToString::to_string).collect()
}

#[test]
fn loose_columns_blank_ids_overflowing_versions_and_unsigned_amendments_are_refused_with_their_line() {
    let files = write_audits_csv(&golden_audits(), &[]);
    let header_end = files.items.find("\r\n").unwrap();
    let header = &files.items[..header_end];

    let doubled =
        AuditCsv { items: files.items.replacen(header, &format!("{header},grade"), 1), ..files.clone() };
    assert_eq!(refusals(&doubled), ["items line 1: has the column grade twice: keep one"]);
    let unknown =
        AuditCsv { items: files.items.replacen(header, &format!("{header},colour"), 1), ..files.clone() };
    assert_eq!(refusals(&unknown), ["items line 1: has a column this export does not have: colour"]);

    let first_id = files.items[header_end + 2..].split(',').next().unwrap().to_owned();
    let blank =
        AuditCsv { items: files.items.replacen(&format!("\r\n{first_id},"), "\r\n,", 1), ..files.clone() };
    assert!(refusals(&blank)
        .contains(&"items line 2: audit_id is empty: every row needs its audit's id".to_owned()));

    let version_column = header.split(',').position(|column| column == "template_version").unwrap();
    let mut rows: Vec<String> = files.items.split("\r\n").map(str::to_owned).collect();
    let mut cells: Vec<&str> = rows[1].split(',').collect();
    cells[version_column] = "4294967297";
    rows[1] = cells.join(",");
    let overflowing = AuditCsv { items: rows.join("\r\n"), ..files.clone() };
    assert!(
        refusals(&overflowing)
            .iter()
            .any(|p| p.starts_with("items line 2: template_version \"4294967297\" is not a version number")),
        "{:?}",
        refusals(&overflowing)
    );

    let amendments = format!(
        "{}{first_id},1,2026-05-01,,Agreed at moderation,header.team,East,West\r\n",
        files.amendments
    );
    let unsigned = AuditCsv { amendments, ..files };
    assert!(
        refusals(&unsigned).iter().any(|p| p.starts_with("amendments line 2: amendment 1 of audit")
            && p.ends_with("does not say who made it (by is empty)")),
        "{:?}",
        refusals(&unsigned)
    );
}

#[test]
fn formulas_hidden_behind_spaces_line_feeds_zero_width_marks_or_full_width_signs_are_made_inert() {
    for cell in [
        "\n=1+1",
        " =1+1",
        "\u{200B}=1+1",
        "\u{FEFF}=1+1",
        "\u{00A0}@SUM(A1)",
        "\u{FF1D}1+1",
        " \u{FF0B}1",
        "\r\n-2+3",
    ] {
        let written = neutralise(cell);
        assert!(written.starts_with('\''), "{cell:?} is left live as {written:?}");
        assert_eq!(restore(&written), cell, "and reads back exactly");
    }
    for cell in ["Plan reviewed", " plan", "3 visits", "\u{200B}note"] {
        assert_eq!(neutralise(cell), cell, "ordinary text is left alone");
    }
}

#[test]
fn answers_and_header_columns_come_in_the_template_s_order_not_by_id() {
    let bundle = parse_bundle(GOLDEN).unwrap();
    let templates = crate::template_document::builtin_templates();
    let files = write_audits_csv(&bundle.audits, &templates);
    let mut reader = csv::ReaderBuilder::new().from_reader(files.items.as_bytes());
    let header = reader.headers().unwrap().clone();
    let item_column = header.iter().position(|column| column == "item_id").unwrap();
    let first = &bundle.audits[0].value;
    let template = lens_core::find_template(&templates, &first.template).unwrap();
    let written: Vec<String> = reader
        .records()
        .map(|record| record.unwrap())
        .filter(|record| &record[0] == first.id.as_str())
        .map(|record| record[item_column].to_owned())
        .collect();
    let expected: Vec<String> = template.items().map(|item| item.id.clone()).collect();
    assert_eq!(written, expected, "standard 1 to 12, as the form asks them");
    let mut sorted = expected.clone();
    sorted.sort();
    assert_ne!(sorted, expected, "the template's order is not the ids' order, so the test can tell");
    let headers: Vec<&str> = header.iter().filter_map(|column| column.strip_prefix(HEADER_PREFIX)).collect();
    let template_order: Vec<&str> = template
        .header_fields
        .iter()
        .map(|field| field.id.as_str())
        .filter(|id| headers.contains(id))
        .collect();
    assert_eq!(&headers[..template_order.len()], template_order.as_slice());
}

#[test]
fn follow_up_events_travel_in_their_own_file_and_an_export_without_one_still_reads() {
    use lens_core::{ActionStatus, AuditStatus, FollowUpEvent, FollowUpEventKind};
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 6, d).unwrap();
    let mut audits = golden_audits();
    let event = |by: &str, what| FollowUpEvent { recorded_on: day(20), by: by.into(), what };
    audits[1].value.follow_up.events = vec![
        event(
            "Ama",
            FollowUpEventKind::ActionProgress {
                action: "action-1".into(),
                status: ActionStatus::Done,
                completed_on: Some(day(18)),
                note: "=Shared with the family".into(),
            },
        ),
        event(
            "Dee",
            FollowUpEventKind::CorrectiveActionConfirmed {
                confirmed_on: day(19),
                what_was_done: "Plan rewritten".into(),
            },
        ),
        event(
            "Dee",
            FollowUpEventKind::ReflectiveDiscussion {
                held_on: day(19),
                who_took_part: "Sam, Ama".into(),
                agreed: "Weekly consultation".into(),
            },
        ),
        event("Dee", FollowUpEventKind::Closed { was: AuditStatus::Submitted }),
        event("Dee", FollowUpEventKind::Reopened { reason: "Plan not shared".into() }),
    ];
    let files = write_audits_csv(&audits, &[]);
    assert!(files.follow_up.starts_with(
        "\u{feff}audit_id,event,recorded_on,by,kind,action_id,status,on,who_took_part,text,role,name,owner,due_on,grades_discussed,how_gathered,worker_response\r\n"
    ));
    assert!(files
        .follow_up
        .contains(",action_progress,action-1,done,2026-06-18,,'=Shared with the family,,,,,,,\r\n"));
    assert_eq!(read_audits_csv(&files), Ok(audits.clone()));

    // An export made before follow-up was recorded as events has no follow-up file.
    let older = AuditCsv { follow_up: String::new(), ..files.clone() };
    let read = read_audits_csv(&older).unwrap();
    assert_eq!(read[1].value.follow_up.events, []);

    let broken = AuditCsv { follow_up: files.follow_up.replacen(",closed,", ",archived,", 1), ..files };
    let problems: Vec<String> =
        read_audits_csv(&broken).unwrap_err().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        ["follow-up line 5: kind \"archived\" is not one of action_progress, corrective_action_confirmed, reflective_discussion, findings_shared, recipient, management_response, direction, case_holder_discussion, family_feedback, closed, reopened"]
    );

    // A follow-up file written before the findings columns existed still reads.
    let old_header = "audit_id,event,recorded_on,by,kind,action_id,status,on,who_took_part,text\r\n";
    let rows: String = files_rows(&write_audits_csv(&audits, &[]).follow_up);
    let before_findings =
        AuditCsv { follow_up: format!("\u{feff}{old_header}{rows}"), ..write_audits_csv(&audits, &[]) };
    assert_eq!(read_audits_csv(&before_findings), Ok(audits));
}

/// The rows of a follow-up file without its header, each cut to the first ten columns.
fn files_rows(follow_up: &str) -> String {
    let mut reader = csv::Reader::from_reader(follow_up.trim_start_matches(super::BOM).as_bytes());
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    for record in reader.records() {
        let record = record.unwrap();
        writer.write_record(record.iter().take(10)).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

#[test]
fn findings_events_travel_as_rows_with_their_recipients_and_directions_after_them() {
    use lens_core::{Direction, FindingsRecipient, FollowUpEvent, FollowUpEventKind, RecipientRole};
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 6, d).unwrap();
    let mut audits = golden_audits();
    let direction = Direction {
        action: "direction-1".into(),
        what: "Visit the child alone, weekly".into(),
        owner: "Sam Okafor".into(),
        due_on: day(30),
    };
    audits[1].value.actions.push(direction.as_action());
    let event = |what| FollowUpEvent { recorded_on: day(20), by: "Ama Mensah".into(), what };
    audits[1].value.follow_up.events = vec![
        event(FollowUpEventKind::FindingsShared {
            shared_on: day(14),
            recipients: vec![
                FindingsRecipient { role: RecipientRole::Practitioner, name: "Sam Okafor".into() },
                FindingsRecipient { role: RecipientRole::IndependentChair, name: "Jo Reid".into() },
            ],
        }),
        event(FollowUpEventKind::ManagementResponse {
            responded_on: day(18),
            oversight: "Agreed: the plan needs timescales.".into(),
            directions: vec![direction],
        }),
        event(FollowUpEventKind::CaseHolderDiscussion {
            held_on: day(15),
            grades_discussed: false,
            comment: "=Felt the grade was harsh".into(),
        }),
        event(FollowUpEventKind::FamilyFeedback {
            from: lens_core::FeedbackFrom::ParentOrCarer,
            gathered_on: day(12),
            how_gathered: "Phone call".into(),
            what_they_said: "She likes her foster carer".into(),
            worker_response: "Shared with the social worker".into(),
        }),
    ];
    let files = write_audits_csv(&audits, &[]);
    assert!(files.follow_up.contains(",2,2026-06-20,Ama Mensah,direction,direction-1,,,,\"Visit the child alone, weekly\",,,Sam Okafor,2026-06-30,,,\r\n"), "{}", files.follow_up);
    assert!(
        files.follow_up.contains(",recipient,,,,,,independent_chair,Jo Reid,,,,,\r\n"),
        "{}",
        files.follow_up
    );
    assert!(files.follow_up.contains(",'=Felt the grade was harsh,,,,,no,,\r\n"), "{}", files.follow_up);
    assert!(
        files.follow_up.contains(",family_feedback,,,2026-06-12,,She likes her foster carer,parent_or_carer,,,,,Phone call,Shared with the social worker\r\n"),
        "{}",
        files.follow_up
    );
    assert_eq!(read_audits_csv(&files), Ok(audits));

    let orphan = AuditCsv {
        follow_up: files.follow_up.replacen(
            ",1,2026-06-20,Ama Mensah,recipient,",
            ",3,2026-06-20,Ama Mensah,recipient,",
            1,
        ),
        ..files
    };
    let problems: Vec<String> =
        read_audits_csv(&orphan).unwrap_err().iter().map(ToString::to_string).collect();
    assert_eq!(problems, ["follow-up line 3: a recipient row must follow its findings_shared row, with the same audit_id and event"]);
}
