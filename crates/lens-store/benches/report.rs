//! `lens report` on a generated bundle of 10,000 audits: reading the bundle, building the
//! report and writing it as JSON, which is what the command does after reading the file.
// criterion's group and main macros generate functions that cannot carry doc comments.
#![allow(missing_docs)]

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;

    use chrono::NaiveDate;
    use criterion::Criterion;
    use lens_core::{build_report, ReportFilter, ReportSettings};
    use lens_store::bundle::{parse_bundle, write_bundle};
    use lens_store::report_export::report_json;
    use lens_store::sample::{generate_bundle, SampleSpec};
    use lens_store::template_document::builtin_templates;

    pub fn benches(c: &mut Criterion) {
        let text = write_bundle(&generate_bundle(&SampleSpec::new(7, 40, 10_000, 12)));
        let from = NaiveDate::from_ymd_opt(2026, 4, 1).expect("date");
        let to = NaiveDate::from_ymd_opt(2027, 3, 31).expect("date");
        let settings = ReportSettings::new(NaiveDate::from_ymd_opt(2027, 4, 15).expect("date"));
        let templates = builtin_templates();
        let mut group = c.benchmark_group("report_10k_audits");
        group.sample_size(10);
        group.bench_function("parse_bundle", |b| b.iter(|| parse_bundle(black_box(&text)).expect("bundle")));
        let bundle = parse_bundle(&text).expect("bundle");
        let audits: Vec<_> = bundle.audits.iter().map(|audit| audit.value.clone()).collect();
        let moderations: Vec<_> =
            bundle.moderations.iter().map(|moderation| moderation.value.clone()).collect();
        let filter = ReportFilter::between(from, to);
        group.bench_function("build_report", |b| {
            b.iter(|| {
                build_report(black_box(&audits), &moderations, &templates, &filter, &settings)
                    .expect("report")
            })
        });
        group.bench_function("whole_command", |b| {
            b.iter(|| {
                let bundle = parse_bundle(black_box(&text)).expect("bundle");
                let audits: Vec<_> = bundle.audits.into_iter().map(|audit| audit.value).collect();
                let moderations: Vec<_> =
                    bundle.moderations.into_iter().map(|moderation| moderation.value).collect();
                let report =
                    build_report(&audits, &moderations, &templates, &filter, &settings).expect("report");
                format!("{:#}", report_json(&report))
            })
        });
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, native::benches);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
