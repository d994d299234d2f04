//! The benchmarks natively: `lens-wasm-bench [agreement|themes]` prints the same JSON the
//! browser module returns.

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let origin = Instant::now();
    let now = || origin.elapsed().as_secs_f64() * 1000.0;
    let suite = std::env::args().nth(1).unwrap_or_else(|| "agreement".to_owned());
    match lens_wasm_bench::run(&now, &suite) {
        Ok(results) => {
            println!("{}", lens_wasm_bench::to_json(&results));
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("lens-wasm-bench: {error}");
            ExitCode::FAILURE
        }
    }
}
