//! Agreement statistics on the timing data sets of shared/data/agreement/PYTHON-TIMINGS.md:
//! 1,000,000 units × 2 raters and 100,000 units × 5 raters (splitmix64-audit-v1).
//! `cargo xtask bench agreement` runs this beside the Python references and reports ratios.
// criterion's group and main macros generate functions that cannot carry doc comments.
#![allow(missing_docs)]

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use criterion::Criterion;
    use lens_core::agreement::{
        all_intervals, krippendorff_alpha, AgreementReport, AlphaMetric, CountTable, SyntheticSpec,
    };

    pub fn benches(c: &mut Criterion) {
        for (name, spec) in [
            ("two_raters_1m", SyntheticSpec::two_raters_1m()),
            ("five_raters_100k", SyntheticSpec::five_raters_100k()),
        ] {
            let ratings = spec.generate().expect("valid synthetic data");
            let mut group = c.benchmark_group(name);
            group.sample_size(30);
            group.bench_function("all_statistics", |b| {
                b.iter(|| AgreementReport::compute(black_box(&ratings), None).expect("report"));
            });
            group.bench_function("ordinal_alpha", |b| {
                b.iter(|| {
                    krippendorff_alpha(&CountTable::from_ratings(black_box(&ratings)), &AlphaMetric::Ordinal)
                });
            });
            group.bench_function("statistics_with_intervals", |b| {
                b.iter(|| {
                    let report = AgreementReport::compute(black_box(&ratings), None).expect("report");
                    all_intervals(&report.count_table, report.confusion_matrix.as_ref()).expect("intervals")
                });
            });
            group.finish();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, native::benches);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
