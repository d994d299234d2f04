//! `cargo xtask bench themes`: the theme engine natively and as WebAssembly in headless
//! Chromium (tagging, discovery, keyphrases), beside Python YAKE on the same texts, with the
//! targets of the theme issue and the ratios.

use std::process::Command;

use serde_json::Value;

use crate::bench_wasm::native_and_wasm;
use crate::process::{output, repo_root, run};

/// YAKE at the version the keyphrase study measured.
const YAKE: &str = "yake==0.7.3";

/// Runs the comparison and prints Markdown tables.
pub fn run_themes() -> Result<(), String> {
    let root = repo_root();
    let venv = root.join("target/bench-venv-yake");
    let python = venv.join("bin/python");
    if !python.exists() {
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
        run(Command::new(venv.join("bin/pip")).args(["install", "--quiet", YAKE]))?;
    }
    let (native, wasm) = native_and_wasm("themes", false)?;
    println!("Timing YAKE on the same texts…");
    let yake_text = output(Command::new(&python).arg(root.join("xtask/bench/themes_yake.py")).arg(&root))
        .ok_or("the YAKE script failed")?;
    let yake: Value = serde_json::from_str(yake_text.trim())
        .map_err(|error| format!("the YAKE output is not JSON: {error}"))?;
    let case = |side: &std::collections::BTreeMap<String, f64>, name: &str| {
        side.get(name).copied().ok_or_else(|| format!("no result for {name}"))
    };
    let tag_native = case(&native, "themes/tag_1000")?;
    let tag_wasm = case(&wasm, "themes/tag_1000")?;
    let discover_native = case(&native, "themes/discover_10000")?;
    let discover_wasm = case(&wasm, "themes/discover_10000")?;
    let keyphrases_native = case(&native, "themes/keyphrases_semeval_493")?;
    let keyphrases_wasm = case(&wasm, "themes/keyphrases_semeval_493")?;
    let per_second = |ms_per_thousand: f64| 1000.0 / ms_per_thousand * 1000.0;
    println!("\n| case | native | wasm in Chromium | target |");
    println!("|---|---:|---:|---:|");
    println!(
        "| tagging, narratives per second | {:.0} | {:.0} | ≥ 50,000 native, ≥ 20,000 wasm |",
        per_second(tag_native),
        per_second(tag_wasm)
    );
    println!("| discovery over 10,000 narratives | {discover_native:.0} ms | {discover_wasm:.0} ms | < 300 ms wasm |");
    let per_thousand = |ms: f64| ms / 493.0; // seconds per 1,000 paragraphs
    println!(
        "| keyphrases, SemEval, seconds per 1,000 paragraphs | {:.3} | {:.3} | |",
        per_thousand(keyphrases_native),
        per_thousand(keyphrases_wasm)
    );
    let yake_semeval = yake["yake_semeval_s_per_1000"].as_f64().ok_or("YAKE gave no SemEval time")?;
    let yake_narratives = yake["yake_narratives_s_per_1000"].as_f64().ok_or("YAKE gave no narrative time")?;
    println!("\n| same texts | Practice Lens native | Practice Lens wasm | YAKE 0.7.3 (Python) | YAKE ÷ native | YAKE ÷ wasm |");
    println!("|---|---:|---:|---:|---:|---:|");
    println!(
        "| 493 SemEval paragraphs, s per 1,000 (keyphrases) | {:.3} | {:.3} | {yake_semeval:.3} | {:.0}× | {:.0}× |",
        per_thousand(keyphrases_native),
        per_thousand(keyphrases_wasm),
        yake_semeval / per_thousand(keyphrases_native),
        yake_semeval / per_thousand(keyphrases_wasm)
    );
    println!(
        "| 1,000 audit narratives, s per 1,000 (tagging; YAKE: keywords) | {:.4} | {:.4} | {yake_narratives:.3} | {:.0}× | {:.0}× |",
        tag_native / 1000.0,
        tag_wasm / 1000.0,
        yake_narratives / (tag_native / 1000.0),
        yake_narratives / (tag_wasm / 1000.0)
    );
    Ok(())
}
