//! The agreement benchmark natively: prints the same JSON the browser module returns.

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let origin = Instant::now();
    let now = || origin.elapsed().as_secs_f64() * 1000.0;
    match lens_wasm_bench::run(&now) {
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
