//! `cargo xtask bench form`: how long the released bundle takes, in headless Chromium, from the
//! start of a page load to the toolkit being ready and to an audit form a person can use.

use std::process::Command;

use crate::process::{output, repo_root};
use crate::{bundle, prereq, server};

/// Builds the bundle, serves it and prints the measurement as a Markdown table.
pub fn run() -> Result<(), String> {
    let tools = prereq::ensure_test_tools()?;
    println!("{}", bundle::build_release(&tools)?);
    let running = server::start(&bundle::dist_dir(), "127.0.0.1:0")?;
    let url = format!("http://{}/index.html", running.address);
    let script = repo_root().join("xtask/bench/form_ready.mjs");
    let value = measure_in_chromium(Command::new("node").arg(script).arg(&url))?;
    print_timings(
        &value,
        ("from the start of the page load to", "loads"),
        &[("ready_ms", "`lens-ready` (data opened)"), ("form_ms", "an audit form ready for input")],
    );
    Ok(())
}

/// Runs a measurement script and reads the JSON it prints.
pub fn measure_in_chromium(command: &mut Command) -> Result<serde_json::Value, String> {
    let text = output(command).ok_or("the measurement in Chromium failed")?;
    serde_json::from_str(text.trim()).map_err(|error| format!("the measurement is not JSON: {error}"))
}

/// Prints timings as a Markdown table: one row per `(field, label)` of `value`, each field an
/// object with `median`, `min`, `max` and `runs`. `columns` names the first and last columns.
pub fn print_timings(value: &serde_json::Value, columns: (&str, &str), rows: &[(&str, &str)]) {
    println!("\n| {} | median | fastest | slowest | {} |", columns.0, columns.1);
    println!("|---|---:|---:|---:|---:|");
    for (name, label) in rows {
        let figures = &value[name];
        println!(
            "| {label} | {:.0} ms | {:.0} ms | {:.0} ms | {} |",
            figures["median"].as_f64().unwrap_or(f64::NAN),
            figures["min"].as_f64().unwrap_or(f64::NAN),
            figures["max"].as_f64().unwrap_or(f64::NAN),
            figures["runs"].as_u64().unwrap_or(0)
        );
    }
}
