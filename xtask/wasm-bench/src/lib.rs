//! The agreement and theme benchmarks as one function over a clock, so the native binary and
//! the WebAssembly module in Chromium time exactly the same work the same way.
//!
//! Each case is warmed up, then timed in batches long enough for the browser's coarse clock
//! (a sample lasts at least [`SAMPLE_MS`]), and reported as the median time per call.

pub mod themes;

use std::hint::black_box;

use lens_core::agreement::{
    all_intervals, krippendorff_alpha, AgreementReport, AlphaMetric, CountTable, Ratings, SyntheticSpec,
};

/// The shortest a timed sample may be, in milliseconds.
pub const SAMPLE_MS: f64 = 50.0;
/// Samples per case.
pub const SAMPLES: usize = 21;

/// One case's result.
pub struct Measurement {
    /// `data set/statistic`, as in the criterion benchmark.
    pub name: String,
    /// Median milliseconds per call.
    pub median_ms: f64,
    /// Calls per sample.
    pub batch: u32,
}

type Work = fn(&Ratings);

fn all_statistics(ratings: &Ratings) {
    black_box(AgreementReport::compute(black_box(ratings), None).ok());
}

fn ordinal_alpha(ratings: &Ratings) {
    black_box(krippendorff_alpha(&CountTable::from_ratings(black_box(ratings)), &AlphaMetric::Ordinal));
}

fn statistics_with_intervals(ratings: &Ratings) {
    if let Ok(report) = AgreementReport::compute(black_box(ratings), None) {
        black_box(all_intervals(&report.count_table, report.confusion_matrix.as_ref()).ok());
    }
}

const WORK: [(&str, Work); 3] = [
    ("all_statistics", all_statistics),
    ("ordinal_alpha", ordinal_alpha),
    ("statistics_with_intervals", statistics_with_intervals),
];

/// Runs every case of `suite` (`agreement` or `themes`); `now` returns milliseconds from any
/// fixed origin.
pub fn run(now: &dyn Fn() -> f64, suite: &str) -> Result<Vec<Measurement>, String> {
    let mut results = Vec::new();
    match suite {
        "agreement" => {
            for (set, spec) in [
                ("two_raters_1m", SyntheticSpec::two_raters_1m()),
                ("five_raters_100k", SyntheticSpec::five_raters_100k()),
            ] {
                let ratings = spec.generate().map_err(|error| format!("{set}: {error}"))?;
                for (statistic, work) in WORK {
                    let (median_ms, batch) = measure(now, &|| work(&ratings));
                    results.push(Measurement { name: format!("{set}/{statistic}"), median_ms, batch });
                }
            }
        }
        "themes" => {
            let data = themes::ThemeData::new();
            let cases: [(&str, &dyn Fn()); 3] = [
                ("themes/tag_1000", &|| data.tag()),
                ("themes/discover_10000", &|| data.discover()),
                ("themes/keyphrases_semeval_493", &|| data.keyphrases()),
            ];
            for (name, work) in cases {
                let (median_ms, batch) = measure(now, work);
                results.push(Measurement { name: name.to_owned(), median_ms, batch });
            }
        }
        other => return Err(format!("there is no benchmark suite '{other}': use agreement or themes")),
    }
    Ok(results)
}

fn measure(now: &dyn Fn() -> f64, work: &dyn Fn()) -> (f64, u32) {
    for _ in 0..3 {
        work();
    }
    let start = now();
    work();
    let once = (now() - start).max(0.001);
    let batch = (SAMPLE_MS / once).ceil().clamp(1.0, 100_000.0) as u32;
    let mut samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let start = now();
            for _ in 0..batch {
                work();
            }
            (now() - start) / f64::from(batch)
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    (samples[SAMPLES / 2], batch)
}

/// The results as a JSON object of `name: {"median_ms", "batch"}`.
pub fn to_json(results: &[Measurement]) -> String {
    let fields: Vec<String> = results
        .iter()
        .map(|m| format!("\"{}\":{{\"median_ms\":{},\"batch\":{}}}", m.name, m.median_ms, m.batch))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// The browser entry point: runs every case of `suite` with `performance.now()` and returns the JSON.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn run_benchmarks(suite: &str) -> Result<String, wasm_bindgen::JsValue> {
    let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into())?;
    let now_fn: js_sys::Function = js_sys::Reflect::get(&performance, &"now".into())?.into();
    let now = || now_fn.call0(&performance).ok().and_then(|value| value.as_f64()).unwrap_or(f64::NAN);
    run(&now, suite).map(|results| to_json(&results)).map_err(|error| error.into())
}
