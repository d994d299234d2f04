//! `cargo xtask bench wasm`: the agreement statistics as WebAssembly in headless Chromium
//! beside the same code natively, timed by the same harness (xtask/wasm-bench), with ratios.
//! The theme benchmark (`bench_themes.rs`) runs its suite through the same harness.

use std::collections::BTreeMap;
use std::process::Command;

use serde_json::Value;

use crate::bundle::build_wasm_module;
use crate::process::{output, repo_root};
use crate::{prereq, server};

/// Median milliseconds per case, by case name.
pub type Medians = BTreeMap<String, f64>;

/// Native and browser runs alternate this many times; each side reports its median run.
const ROUNDS: usize = 3;

/// Runs the agreement comparison and prints a Markdown table.
pub fn run() -> Result<(), String> {
    let (native, wasm) = native_and_wasm("agreement", true)?;
    println!("\n| case | native | wasm in Chromium | wasm / native | target |");
    println!("|---|---:|---:|---:|---:|");
    for (name, native_ms) in &native {
        let wasm_ms = wasm.get(name).ok_or_else(|| format!("Chromium gave no result for {name}"))?;
        println!("| {name} | {native_ms:.2} ms | {wasm_ms:.2} ms | {:.2}× | ≤ 2× |", wasm_ms / native_ms);
    }
    Ok(())
}

/// Runs one suite natively and in Chromium, alternating [`ROUNDS`] times; each side's median
/// milliseconds per case. `size_first` builds the native side with the bundle's size-first
/// setting, to compare like with like; without it, natively as the `lens` command is built.
pub fn native_and_wasm(suite: &str, size_first: bool) -> Result<(Medians, Medians), String> {
    let tools = prereq::ensure_test_tools()?;
    let root = repo_root();
    let out_dir = root.join("target/wasm-bench");
    std::fs::create_dir_all(&out_dir)
        .map_err(|error| format!("cannot create {}: {error}", out_dir.display()))?;
    build_wasm_module(&tools, "lens-wasm-bench", &out_dir)?;
    std::fs::write(out_dir.join("index.html"), "<!doctype html><title>Practice Lens benchmark</title>\n")
        .map_err(|error| format!("cannot write the benchmark page: {error}"))?;
    let served = server::start(&out_dir, "127.0.0.1:0")?;
    let url = format!("http://{}/index.html", served.address);

    let mut native_runs = Vec::new();
    let mut wasm_runs = Vec::new();
    for round in 1..=ROUNDS {
        println!("Round {round} of {ROUNDS}: native, then Chromium…");
        let mut native = Command::new("cargo");
        native.args(["run", "--quiet"]);
        if size_first {
            native.args(["--config", crate::bundle::SIZE_FIRST]);
        }
        native.args(["--release", "-p", "lens-wasm-bench", "--", suite]);
        let native = output(&mut native).ok_or("the native benchmark failed")?;
        native_runs.push(parse(&native)?);
        let wasm =
            output(Command::new("node").arg(root.join("xtask/bench/wasm_bench.mjs")).arg(&url).arg(suite))
                .ok_or("the benchmark in Chromium failed")?;
        wasm_runs.push(parse(&wasm)?);
    }
    Ok((medians(&native_runs), medians(&wasm_runs)))
}

fn parse(text: &str) -> Result<BTreeMap<String, f64>, String> {
    let value: Value = serde_json::from_str(text.trim())
        .map_err(|error| format!("benchmark output is not JSON: {error}"))?;
    let object = value.as_object().ok_or("benchmark output is not an object")?;
    object
        .iter()
        .map(|(name, result)| {
            result["median_ms"]
                .as_f64()
                .map(|ms| (name.clone(), ms))
                .ok_or_else(|| format!("{name} has no time"))
        })
        .collect()
}

/// Per case, the median over runs.
fn medians(runs: &[BTreeMap<String, f64>]) -> BTreeMap<String, f64> {
    let mut result = BTreeMap::new();
    for name in runs.first().map(|run| run.keys().cloned().collect::<Vec<_>>()).unwrap_or_default() {
        let mut times: Vec<f64> = runs.iter().filter_map(|run| run.get(&name).copied()).collect();
        times.sort_by(f64::total_cmp);
        result.insert(name, times[times.len() / 2]);
    }
    result
}
