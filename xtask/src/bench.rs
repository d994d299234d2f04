//! `cargo xtask bench agreement`: the Rust agreement benchmarks beside the Python reference
//! libraries on the same data, in one run on this machine, with the ratios.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::process::{output, repo_root, run};

/// The Python packages the comparison needs, at the versions PYTHON-TIMINGS.md used.
const PYTHON_PACKAGES: &[&str] = &["numpy==1.26.4", "scikit-learn", "krippendorff==0.9.0"];

/// Runs the comparison and prints a Markdown table.
pub fn agreement() -> Result<(), String> {
    let root = repo_root();
    let venv = root.join("target/bench-venv");
    let python = venv.join("bin/python");
    if !python.exists() {
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
        run(Command::new(venv.join("bin/pip")).args(["install", "--quiet"]).args(PYTHON_PACKAGES))?;
    }
    println!("Timing the Python references (generating the data in Python takes a while)…");
    let python_text = output(Command::new(&python).arg(root.join("xtask/bench/agreement_reference.py")))
        .ok_or("the Python reference script failed")?;
    let python_results: Value = serde_json::from_str(&python_text)
        .map_err(|error| format!("the Python script's output is not JSON: {error}"))?;
    run(Command::new("cargo").args(["bench", "-p", "lens-core", "--bench", "agreement"]))?;

    let criterion = |group: &str, bench: &str| {
        criterion_median_ns(&root.join("target/criterion").join(group).join(bench))
    };
    let python_field = |name: &str| python_results[name]["median_ns"].as_f64();
    let rows = [
        (
            "1M × 2: every two-rater statistic",
            criterion("two_raters_1m", "all_statistics"),
            "scikit-learn cohen_kappa_score alone",
            python_field("two_raters_1m/sklearn_cohen_kappa"),
            25.0,
        ),
        (
            "1M × 2: ordinal alpha",
            criterion("two_raters_1m", "ordinal_alpha"),
            "krippendorff.alpha ordinal",
            python_field("two_raters_1m/krippendorff_ordinal"),
            50.0,
        ),
        (
            "100k × 5: ordinal alpha",
            criterion("five_raters_100k", "ordinal_alpha"),
            "krippendorff.alpha ordinal",
            python_field("five_raters_100k/krippendorff_ordinal"),
            50.0,
        ),
    ];
    println!("\n| Practice Lens (criterion median) | time | Python reference (median of 5) | time | ratio | target |");
    println!("|---|---:|---|---:|---:|---:|");
    for (ours, our_ns, theirs, their_ns, target) in rows {
        let (our_ns, their_ns) =
            (our_ns.ok_or("a criterion result is missing")?, their_ns.ok_or("a Python result is missing")?);
        println!(
            "| {ours} | {:.2} ms | {theirs} | {:.1} ms | {:.0}× | {target:.0}× |",
            our_ns / 1e6,
            their_ns / 1e6,
            their_ns / our_ns
        );
    }
    Ok(())
}

/// The median of a criterion benchmark, in nanoseconds, from its estimates.json.
fn criterion_median_ns(dir: &Path) -> Option<f64> {
    let text = std::fs::read_to_string(dir.join("new/estimates.json")).ok()?;
    let estimates: Value = serde_json::from_str(&text).ok()?;
    estimates["median"]["point_estimate"].as_f64()
}
