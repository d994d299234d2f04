//! `cargo xtask bench report`: a year's report over 10,000 generated audits with their
//! moderations, made by the analysis worker in headless Chromium, with the longest task the
//! page's own thread ran while it was made. `cargo xtask bench home`: Home over the same data,
//! loaded, returned to and searched, with the longest task of each. `cargo xtask bench desk`:
//! the moderation list, the agreement dashboard and Reports over the same data, opened and
//! filtered.

use std::process::Command;

use crate::bench_form::{measure_in_chromium, print_timings};
use crate::process::{repo_root, run};
use crate::{bundle, prereq, server};

/// Builds the bundle and the `lens` command, generates the data, serves the strict-CSP demo page
/// and prints the measurement as a Markdown table.
pub fn run_bench() -> Result<(), String> {
    let data = council_year()?;
    let running = server::start(&bundle::dist_dir(), "127.0.0.1:0")?;
    let url = format!("http://{}/demo/csp.html", running.address);
    let script = repo_root().join("xtask/bench/report_worker.mjs");
    let value = measure_in_chromium(Command::new("node").arg(script).arg(&url).arg(&data))?;
    println!(
        "\n{} audits ({} submitted), {} moderations, seed 7, report from 2026-04-01 to 2027-03-31:",
        value["audits"], value["submitted"], value["moderations"]
    );
    print_timings(
        &value,
        ("measure", "runs"),
        &[
            ("report_ms", "asking to the report shown"),
            ("longest_task_ms", "longest task on the page's thread meanwhile (0: none over 50 ms)"),
        ],
    );
    Ok(())
}

/// Home with a council's year of audits: reloaded, returned to from Reports, a search cleared.
pub fn run_home() -> Result<(), String> {
    let data = council_year()?;
    let running = server::start(&bundle::dist_dir(), "127.0.0.1:0")?;
    let url = format!("http://{}/demo/csp.html", running.address);
    let script = repo_root().join("xtask/bench/home_scale.mjs");
    let value = measure_in_chromium(Command::new("node").arg(script).arg(&url).arg(&data))?;
    println!(
        "\n{} audits, {} moderations, seed 7, on the strict-CSP demo page:",
        value["audits"], value["moderations"]
    );
    print_timings(
        &value,
        ("step", "runs"),
        &[
            ("load_ms", "reload to Home's audit list shown"),
            ("load_longest_task_ms", "longest task meanwhile"),
            ("back_from_reports_ms", "Back to home from Reports to the list shown"),
            ("back_from_reports_longest_task_ms", "longest task meanwhile"),
            ("clear_search_ms", "clearing a search to the whole list shown"),
            ("clear_search_longest_task_ms", "longest task meanwhile (0: none over 50 ms)"),
        ],
    );
    Ok(())
}

/// The QA desk over a council's year already on the device: the moderation list, the agreement
/// dashboard opened after reading it for three seconds and filtered, then Reports and a filter.
pub fn run_desk() -> Result<(), String> {
    let data = council_year()?;
    let running = server::start(&bundle::dist_dir(), "127.0.0.1:0")?;
    let url = format!("http://{}/demo/csp.html", running.address);
    let script = repo_root().join("xtask/bench/desk_scale.mjs");
    let value = measure_in_chromium(Command::new("node").arg(script).arg(&url).arg(&data))?;
    println!(
        "\n{} audits, {} moderations, seed 7, on the strict-CSP demo page; page heap at the end {} bytes:",
        value["audits"], value["moderations"], value["page_heap_bytes"]
    );
    print_timings(
        &value,
        ("step", "runs"),
        &[
            ("moderation_list_ms", "Moderate an audit to the list shown"),
            ("moderation_list_longest_task_ms", "longest task meanwhile"),
            (
                "dashboard_ms",
                "the agreement dashboard, opened after 3 s on the moderation screen, to its figures",
            ),
            ("dashboard_longest_task_ms", "longest task meanwhile"),
            ("dashboard_filter_ms", "the dashboard after choosing a team"),
            ("dashboard_filter_longest_task_ms", "longest task meanwhile"),
            ("reports_ms", "Reports from Home to the report shown"),
            ("reports_longest_task_ms", "longest task meanwhile"),
            ("themes_ms", "Reports from Home to its themes shown (asked 600 ms after the report stands)"),
            ("themes_longest_task_ms", "longest task meanwhile"),
            ("reports_filter_ms", "the report after choosing a team"),
            ("reports_filter_longest_task_ms", "longest task meanwhile (0: none over 50 ms)"),
            ("themes_after_filter_ms", "the team's themes shown (narratives tagged once, kept)"),
            ("themes_after_filter_longest_task_ms", "longest task meanwhile"),
        ],
    );
    Ok(())
}

/// The themes panel over a council's year already on the device: opened, the whole year, a team.
pub fn run_themes_panel() -> Result<(), String> {
    let data = council_year()?;
    let running = server::start(&bundle::dist_dir(), "127.0.0.1:0")?;
    let url = format!("http://{}/demo/csp.html", running.address);
    let script = repo_root().join("xtask/bench/themes_panel.mjs");
    let value = measure_in_chromium(
        Command::new("node").arg(script).arg(&url).arg(&data).arg("2026-04-01").arg("2027-03-31"),
    )?;
    println!(
        "\n{} audits, {} moderations, seed 7, on the strict-CSP demo page; the panels read: {}",
        value["audits"], value["moderations"], value["sentences"]
    );
    print_timings(
        &value,
        ("step", "runs"),
        &[
            ("opened_ms", "Themes from Home to its panel shown (this quarter so far; nothing decoded yet)"),
            ("opened_longest_task_ms", "longest task meanwhile"),
            ("year_ms", "the whole year, from its last date typed to its panel shown"),
            ("year_longest_task_ms", "longest task meanwhile"),
            ("team_ms", "one team of the year, from its choice to its panel shown"),
            ("team_longest_task_ms", "longest task meanwhile"),
        ],
    );
    Ok(())
}

/// A council's year imported at once on the import screen, then the agreement dashboard over it.
pub fn run_import() -> Result<(), String> {
    let data = council_year()?;
    let running = server::start(&bundle::dist_dir(), "127.0.0.1:0")?;
    let url = format!("http://{}/demo/csp.html", running.address);
    let script = repo_root().join("xtask/bench/import_scale.mjs");
    let value = measure_in_chromium(Command::new("node").arg(script).arg(&url).arg(&data))?;
    println!(
        "\n{} audits and {} moderations in one bundle, seed 7, imported into an empty database on the strict-CSP demo page:",
        value["audits"], value["moderations"]
    );
    print_timings(
        &value,
        ("step", "runs"),
        &[
            ("preview_ms", "Check these files to the preview shown (read, checked, compared)"),
            ("preview_longest_task_ms", "longest task on the page's thread meanwhile"),
            ("write_ms", "Import to every record written in one transaction"),
            ("write_longest_task_ms", "longest task meanwhile"),
            ("progress_steps", "progress steps the page showed"),
            (
                "dashboard_ms",
                "the agreement dashboard over the year, from the last date typed (records read and decoded)",
            ),
            ("dashboard_longest_task_ms", "longest task meanwhile"),
            (
                "dashboard_filter_ms",
                "the dashboard again after choosing a team (the worker's decoded records reused)",
            ),
            ("dashboard_filter_longest_task_ms", "longest task meanwhile"),
        ],
    );
    Ok(())
}

/// Builds the release bundle and `lens`, and generates 10,000 audits over a fixed year.
fn council_year() -> Result<std::path::PathBuf, String> {
    let tools = prereq::ensure_test_tools()?;
    println!("{}", bundle::build_release(&tools)?);
    let data = repo_root().join("target/bench-report-10000.json");
    let _ = std::fs::remove_file(&data);
    run(Command::new("cargo")
        .args([
            "run",
            "--release",
            "-p",
            "lens-cli",
            "--",
            "generate",
            "--seed",
            "7",
            "--audits",
            "10000",
            "--auditors",
            "40",
            "--months",
            "12",
            // A fixed "today", so the benchmark reads the same year whenever it runs.
            "--today",
            "2027-03-31",
            "--out",
        ])
        .arg(&data))?;
    Ok(data)
}
