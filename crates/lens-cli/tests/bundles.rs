//! `lens report`, `export-csv`, `import-csv`, `merge`, `generate` and `validate` on bundles.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/bundles/golden.json");
const GOLDEN_REPORT: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/bundles/golden-report.json");

fn lens(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lens")).args(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh, empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lens-bundles-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn the_golden_report_as_json_is_the_checked_document() {
    let output =
        lens(&["report", GOLDEN, "--from", "2026-04-01", "--to", "2026-09-30", "--today", "2026-11-01"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(GOLDEN_REPORT).unwrap()).unwrap();
    assert_eq!(printed, expected);
}

#[test]
fn the_report_reads_as_text_and_as_csv() {
    let args = [
        "report",
        GOLDEN,
        "--from",
        "2026-04-01",
        "--to",
        "2026-09-30",
        "--today",
        "2026-11-01",
        "--team",
        "Assessment East",
    ];
    let text_output = lens(&[&args[..], &["--format", "text"]].concat());
    let printed = stdout(&text_output);
    for line in [
        "Practice Lens report, 2026-04-01 to 2026-09-30",
        "Team: Assessment East",
        "How much did we do?",
        "  Audits completed: 3",
        "  Judged good or better overall: 2 of 3 (67%)",
        "Is anyone better off?",
        "  Corrective action confirmed by the end of the following month: 1 of 1 (100%)",
    ] {
        assert!(printed.contains(line), "missing '{line}' in:\n{printed}");
    }
    let csv_output = lens(&[&args[..], &["--format", "csv"]].concat());
    let printed = stdout(&csv_output);
    assert!(printed.starts_with("\u{feff}question,measure,group,count,of,share,audits\r\n"), "{printed}");
    assert!(printed.contains("how_well,good_or_better,,2,3,0.6667,golden-01 golden-07\r\n"), "{printed}");
}

#[test]
fn report_mistakes_are_explained_and_exit_2() {
    for (args, expected) in [
        (vec!["report", GOLDEN, "--to", "2026-09-30"], "give --from DATE"),
        (vec!["report", GOLDEN, "--from", "1 April", "--to", "2026-09-30"], "--from 1 April is not a date"),
        (
            vec!["report", GOLDEN, "--from", "2026-10-01", "--to", "2026-09-30"],
            "ends (2026-09-30) before it starts",
        ),
        (
            vec!["report", GOLDEN, "--from", "2026-04-01", "--to", "2026-09-30", "--format", "xlsx"],
            "--format xlsx is not one of",
        ),
        (
            vec!["report", GOLDEN, "--from", "2026-04-01", "--to", "2026-09-30", "--colour", "red"],
            "there is no option --colour",
        ),
        (
            vec!["report", "missing.json", "--from", "2026-04-01", "--to", "2026-09-30"],
            "cannot read missing.json",
        ),
    ] {
        let output = lens(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains(expected), "{args:?}: {}", stderr(&output));
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn a_malformed_bundle_is_refused_with_every_problem() {
    let dir = scratch("malformed");
    let broken = std::fs::read_to_string(GOLDEN)
        .unwrap()
        .replace("\"status\": \"moderated\"", "\"status\": \"approved\"");
    let path = dir.join("broken.json");
    std::fs::write(&path, broken).unwrap();
    let output = lens(&["report", text(&path), "--from", "2026-04-01", "--to", "2026-09-30"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("audits[2].audit: unknown status 'approved'"), "{}", stderr(&output));
    let output = lens(&["validate", text(&path)]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn csv_export_and_import_give_back_the_same_audits_and_never_overwrite() {
    let dir = scratch("csv");
    let output = lens(&["export-csv", GOLDEN, "--out", text(&dir)]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("9 audits written to"));
    let items = dir.join("golden.items.csv");
    let actions = dir.join("golden.actions.csv");
    let amendments = dir.join("golden.amendments.csv");
    assert!(std::fs::read_to_string(&items).unwrap().contains("'=SUM(A1:A9)"));

    let again = lens(&["export-csv", GOLDEN, "--out", text(&dir)]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exist(s); nothing was written"), "{}", stderr(&again));

    let imported = dir.join("imported.json");
    let output =
        lens(&["import-csv", text(&items), text(&actions), text(&amendments), "--out", text(&imported)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = |bundle: &str| {
        stdout(&lens(&[
            "report",
            bundle,
            "--from",
            "2026-04-01",
            "--to",
            "2026-09-30",
            "--today",
            "2026-11-01",
        ]))
    };
    // The CSV files carry audits, not moderations (whose agreed grades a report counts), so the
    // report of the imported files is the golden bundle's without its moderations.
    let mut unmoderated: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(GOLDEN).unwrap()).unwrap();
    unmoderated["moderations"] = serde_json::json!([]);
    let unmoderated_path = dir.join("unmoderated.json");
    std::fs::write(&unmoderated_path, unmoderated.to_string()).unwrap();
    let figures =
        |report: String| serde_json::from_str::<serde_json::Value>(&report).unwrap()["figures"].clone();
    assert_eq!(figures(report(text(&imported))), figures(report(text(&unmoderated_path))));
}

#[test]
fn merging_lists_conflicts_and_generate_is_deterministic() {
    let dir = scratch("merge");
    let first = dir.join("first.json");
    let second = dir.join("second.json");
    for path in [&first, &second] {
        let output = lens(&[
            "generate",
            "--out",
            text(path),
            "--seed",
            "3",
            "--auditors",
            "4",
            "--audits",
            "40",
            "--months",
            "3",
            "--today",
            "2026-06-30",
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
    }
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap(),
        "the same seed gives the same bundle"
    );
    let valid = lens(&["validate", text(&first)]);
    assert!(stdout(&valid).contains("a valid bundle: 40 audits"), "{}", stderr(&valid));

    let changed = std::fs::read_to_string(&second).unwrap().replacen(
        "\"case_reference\": \"CF-",
        "\"case_reference\": \"CF-X",
        1,
    );
    std::fs::write(&second, changed).unwrap();
    let merged = dir.join("merged.json");
    let output = lens(&["merge", text(&first), text(&second), "--out", text(&merged)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = stdout(&output);
    assert!(summary.contains("0 added, 0 updated, "), "{summary}");
    assert!(summary.contains("1 conflict(s)"), "{summary}");
    assert!(summary.contains("was changed in two places from the same revision"), "{summary}");
    let again = lens(&["merge", text(&first), text(&second), "--out", text(&merged)]);
    assert_eq!(again.status.code(), Some(2), "an existing file is never overwritten");
}

/// Every `YYYY-MM-DD` date in a JSON value, with where it was found.
fn dates_in(value: &serde_json::Value, at: String, found: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(text)
            if text.len() >= 10 && text.as_bytes()[4] == b'-' && text[..4].parse::<u32>().is_ok() =>
        {
            found.push((at, text[..10].to_owned()));
        }
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                dates_in(item, format!("{at}[{index}]"), found);
            }
        }
        serde_json::Value::Object(fields) => {
            for (name, field) in fields {
                dates_in(field, format!("{at}.{name}"), found);
            }
        }
        _ => {}
    }
}

#[test]
fn generated_data_ends_on_its_today_and_only_plans_lie_later() {
    let dir = scratch("generate-today");
    let out = dir.join("year.json");
    let output = lens(&[
        "generate",
        "--out",
        text(&out),
        "--audits",
        "600",
        "--months",
        "12",
        "--today",
        "2026-12-01",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let bundle: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let mut found = Vec::new();
    dates_in(&bundle, String::new(), &mut found);
    let (mut earliest, mut latest_audit_date) = ("9999".to_owned(), String::new());
    for (at, day) in &found {
        if at.ends_with(".due_on") {
            continue;
        }
        assert!(day.as_str() <= "2026-12-01", "{at} is {day}, after --today");
        if at.contains(".audit-date") {
            earliest = earliest.min(day.clone());
            latest_audit_date = latest_audit_date.max(day.clone());
        }
    }
    assert!(found.len() > 3_000, "dates were found: {}", found.len());
    assert!(earliest.as_str() >= "2026-01-01", "the twelve months start in January: {earliest}");
    assert!(
        latest_audit_date.as_str() >= "2026-11-01",
        "the last month is November or December: {latest_audit_date}"
    );
}

/// The golden bundle with one submitted audit's revision raised and its answers rewritten.
fn forged_golden(narrative: &str) -> String {
    let golden = std::fs::read_to_string(GOLDEN).unwrap();
    let mut bundle: serde_json::Value = serde_json::from_str(&golden).unwrap();
    let record = &mut bundle["audits"][0];
    record["revision"] = serde_json::json!(record["revision"].as_u64().unwrap() + 1);
    let audit = &mut record["audit"];
    audit["overall"] = serde_json::json!("I");
    audit["responses"]["risk"]["grade"] = serde_json::json!("I");
    audit["responses"]["risk"]["narrative"] = serde_json::json!(narrative);
    serde_json::to_string_pretty(&bundle).unwrap()
}

#[test]
fn a_submitted_audit_rewritten_without_amendments_is_not_taken_by_merge() {
    let dir = scratch("forged");
    let forged = dir.join("forged.json");
    std::fs::write(&forged, forged_golden("Rewritten after it was locked.")).unwrap();
    let merged = dir.join("merged.json");
    let output = lens(&["merge", GOLDEN, text(&forged), "--out", text(&merged)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = stdout(&output);
    assert!(summary.contains("0 updated"), "{summary}");
    assert!(summary.contains("changes it without recorded amendments"), "{summary}");
    assert!(summary.contains("the overall judgement changed from"), "{summary}");
    let merged_text = std::fs::read_to_string(&merged).unwrap();
    assert!(!merged_text.contains("Rewritten after it was locked."), "the held copy is kept");
    let valid = lens(&["validate", text(&merged)]);
    assert!(valid.status.success(), "{}", stderr(&valid));
}

#[test]
fn merge_writes_nothing_that_validate_would_refuse() {
    let dir = scratch("too-long");
    let forged = dir.join("long.json");
    // Its own bundle alone is refused by validate: a 100,000-character narrative.
    std::fs::write(&forged, forged_golden(&"x".repeat(100_000))).unwrap();
    let valid = lens(&["validate", text(&forged)]);
    assert!(!valid.status.success(), "validate refuses the long narrative");
    let other = dir.join("other.json");
    std::fs::write(&other, std::fs::read_to_string(GOLDEN).unwrap()).unwrap();
    let merged = dir.join("merged.json");
    let output = lens(&["merge", text(&forged), text(&other), "--out", text(&merged)]);
    assert!(!output.status.success(), "{}", stdout(&output));
    let message = stderr(&output);
    assert!(message.contains("would not be valid, so nothing was written"), "{message}");
    assert!(message.contains("characters or fewer"), "{message}");
    assert!(!merged.exists(), "no file is left behind");
}

/// A folder on a 256 KiB tmpfs, or `None` where this machine does not let the test mount one
/// (not root); the test then says so on stderr.
fn small_disk(name: &str) -> Option<PathBuf> {
    let dir = scratch(name);
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs", text(&dir)])
        .output()
        .is_ok_and(|output| output.status.success());
    if !mounted {
        eprintln!("not run: this machine does not allow mounting a small tmpfs");
    }
    mounted.then_some(dir)
}

#[test]
fn a_full_disk_leaves_no_partial_file_says_so_and_the_retry_is_not_refused() {
    let Some(dir) = small_disk("full-disk") else { return };
    let out = dir.join("sample.json");
    let full = lens(&["generate", "--out", text(&out), "--audits", "2000", "--auditors", "4"]);
    let unmount = || Command::new("umount").arg(text(&dir)).status();
    let listing: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let message = stderr(&full);
    let retry = lens(&["generate", "--out", text(&out), "--audits", "5", "--auditors", "2"]);
    let retried = out.exists();
    unmount().unwrap();
    assert!(!full.status.success());
    assert!(message.contains("the disk is full"), "{message}");
    assert!(!message.contains("panicked"), "{message}");
    assert!(listing.is_empty(), "nothing is left on the full disk: {listing:?}");
    assert!(retry.status.success(), "{}", stderr(&retry));
    assert!(retried);
}
