//! The published and generated reference vectors (tests/fixtures/agreement/vectors.json):
//! every defined value within 1e-9, every undefined one undefined. Runs natively and on wasm32.

use serde_json::Value;

use super::*;
use crate::random::SplitMix64;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const VECTORS: &str = include_str!("../../../../tests/fixtures/agreement/vectors.json");
const TOLERANCE: f64 = 1e-9;

struct Case {
    name: String,
    ratings: Ratings,
    category_values: Option<Vec<f64>>,
    json: Value,
}

fn positions(categories: &[Value], row: &[Value]) -> Vec<Option<usize>> {
    row.iter()
        .map(|rating| {
            (!rating.is_null()).then(|| {
                categories
                    .iter()
                    .position(|category| category == rating)
                    .expect("rating is a declared category")
            })
        })
        .collect()
}

fn cases() -> Vec<Case> {
    let vectors: Value = serde_json::from_str(VECTORS).expect("vectors.json parses");
    let cases = vectors["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 32);
    cases
        .iter()
        .map(|case| {
            let categories = case["categories"].as_array().expect("categories");
            let rows: Vec<Vec<Option<usize>>> = case["ratings"]
                .as_array()
                .expect("ratings")
                .iter()
                .map(|row| positions(categories, row.as_array().expect("row")))
                .collect();
            Case {
                name: case["name"].as_str().expect("name").to_owned(),
                ratings: Ratings::from_rows(categories.len(), &rows).expect("valid ratings"),
                category_values: case["category_values"]
                    .as_array()
                    .map(|values| values.iter().map(|v| v.as_f64().expect("number")).collect()),
                json: case.clone(),
            }
        })
        .collect()
}

fn check(case: &str, statistic: &str, computed: Estimate, expected: &Value) {
    match (computed, expected.as_f64()) {
        (Estimate::Defined(value), Some(expected)) => assert!(
            (value - expected).abs() <= TOLERANCE,
            "{case}: {statistic} is {value}, expected {expected}"
        ),
        (Estimate::Undefined(_), None) => {}
        (computed, _) => panic!("{case}: {statistic} is {computed:?}, expected {expected}"),
    }
}

#[test]
fn every_expected_value_matches_the_reference() {
    let mut n_checked = 0;
    for case in cases() {
        let report =
            AgreementReport::compute(&case.ratings, case.category_values.as_deref()).expect("report");
        let expected = case.json["expected"].as_object().expect("expected");
        for (statistic, computed) in report.statistics() {
            if let Some(value) = expected.get(statistic) {
                check(&case.name, statistic, computed, value);
                n_checked += 1;
            }
        }
        if case.ratings.n_raters() > 2 {
            assert!(matches!(report.cohen_kappa, Estimate::Undefined(Undefined::NeedsTwoRaters { .. })));
        }
    }
    assert!(n_checked >= 330, "only {n_checked} values checked");
}

#[test]
fn confusion_matrices_match_the_reference() {
    for case in cases().into_iter().filter(|case| case.json.get("confusion_matrix").is_some()) {
        let matrix = ConfusionMatrix::from_ratings(&case.ratings).expect("two raters");
        let expected: Vec<Vec<u64>> =
            serde_json::from_value(case.json["confusion_matrix"]["counts"].clone()).unwrap();
        let computed: Vec<Vec<u64>> = matrix.rows().map(<[u64]>::to_vec).collect();
        assert_eq!(computed, expected, "{}", case.name);
    }
}

#[test]
fn extra_published_values_match() {
    let mut checked: Vec<(String, Vec<&str>)> = Vec::new();
    for case in cases() {
        let Some(extra) = case.json.get("extra_expected") else { continue };
        let present = EXTRA_KEYS.iter().copied().filter(|key| extra.get(key).is_some()).collect();
        checked.push((case.name.clone(), present));
        let table = CountTable::from_ratings(&case.ratings);
        let k = case.ratings.n_categories();
        if let Some(expected) = extra.get("krippendorff_alpha_ratio") {
            let values = case.category_values.clone().unwrap_or_else(|| (1..=k).map(|v| v as f64).collect());
            check(
                &case.name,
                "alpha ratio",
                krippendorff_alpha(&table, &AlphaMetric::Ratio(values)),
                expected,
            );
        }
        if let Some(expected) = extra.get("fleiss_kappa_quadratic_weights") {
            let quadratic = Weights::Quadratic.matrix(k).unwrap();
            check(&case.name, "fleiss quadratic", fleiss_kappa(&table, &quadratic), expected);
        }
        if let Some(custom) = extra.get("weighted_kappa_custom") {
            let rows: Vec<Vec<f64>> = serde_json::from_value(custom["disagreement_weights"].clone()).unwrap();
            let weights = Weights::from_disagreement(&rows).unwrap().matrix(k).unwrap();
            let matrix = ConfusionMatrix::from_ratings(&case.ratings).unwrap();
            check(&case.name, "weighted kappa custom", weighted_kappa(&matrix, &weights), &custom["value"]);
        }
        // Gwet's AC on complete pairs only (irrCAC's table interface).
        let complete: Vec<Vec<Option<usize>>> = (0..case.ratings.n_units())
            .map(|unit| case.ratings.unit(unit).collect::<Vec<_>>())
            .filter(|row| row.iter().all(Option::is_some))
            .collect();
        let complete_table = CountTable::from_ratings(&Ratings::from_rows(k, &complete).unwrap());
        for (key, weights) in [
            ("gwet_ac1_complete_pairs", Weights::Identity),
            ("gwet_ac2_linear_complete_pairs", Weights::Linear),
            ("gwet_ac2_quadratic_complete_pairs", Weights::Quadratic),
        ] {
            if let Some(expected) = extra.get(key) {
                let computed = gwet_ac(&complete_table, &weights.matrix(k).unwrap());
                check(&case.name, key, computed, &expected["value"]);
            }
        }
    }
    // A key renamed or dropped in the fixture would otherwise skip its check without a word.
    let expected: Vec<(String, Vec<&str>)> =
        EXTRA_CHECKED.iter().map(|(case, keys)| ((*case).to_owned(), keys.to_vec())).collect();
    assert_eq!(checked, expected, "the extra published values checked, case by case");
}

/// The `extra_expected` keys `extra_published_values_match` computes and compares.
const EXTRA_KEYS: [&str; 6] = [
    "krippendorff_alpha_ratio",
    "fleiss_kappa_quadratic_weights",
    "weighted_kappa_custom",
    "gwet_ac1_complete_pairs",
    "gwet_ac2_linear_complete_pairs",
    "gwet_ac2_quadratic_complete_pairs",
];

/// Which of [`EXTRA_KEYS`] each case with extra published values has, in fixture order. The
/// fixture's other extra keys are the same values as computed by a library or restated
/// (`krippendorff_alpha_ratio_library`, `weighted_kappa_custom_value`, Scott's pi).
const EXTRA_CHECKED: [(&str, &[&str]); 4] = [
    (
        "krippendorff_2011_C_4observers_12units_missing",
        &["krippendorff_alpha_ratio", "fleiss_kappa_quadratic_weights"],
    ),
    ("gwet_irrCAC_distrib_6raters_15subjects", &["fleiss_kappa_quadratic_weights"]),
    ("cohen_1968_weighted_kappa_illustration", &["weighted_kappa_custom"]),
    (
        "audit4_n40_missing_moderator_grades",
        &["gwet_ac1_complete_pairs", "gwet_ac2_linear_complete_pairs", "gwet_ac2_quadratic_complete_pairs"],
    ),
];

#[test]
fn undefined_values_say_why_in_words() {
    let all_one_category = Ratings::from_rows(3, &vec![vec![Some(1), Some(1)]; 4]).unwrap();
    let report = AgreementReport::compute(&all_one_category, None).unwrap();
    assert_eq!(report.cohen_kappa, Estimate::Undefined(Undefined::ChanceAgreementIsTotal));
    assert_eq!(report.krippendorff_alpha_nominal, Estimate::Undefined(Undefined::NoVariation));
    assert_eq!(report.gwet_ac1, Estimate::Defined(1.0));
    let reason = Undefined::ChanceAgreementIsTotal.to_string();
    assert!(reason.starts_with("undefined, because every rating is in one category"), "{reason}");

    let no_pairs = Ratings::from_rows(3, &[vec![Some(0), None], vec![None, Some(2)]]).unwrap();
    let report = AgreementReport::compute(&no_pairs, None).unwrap();
    assert_eq!(report.percent_agreement, Estimate::Undefined(Undefined::NoUnitWithTwoRatings));
    assert_eq!(report.cohen_kappa, Estimate::Undefined(Undefined::NoCompletePair));
    assert_eq!(report.fleiss_kappa.value(), None);
}

#[test]
fn bad_input_is_refused_with_the_place_it_is_wrong() {
    assert_eq!(Ratings::from_rows(1, &[]), Err(AgreementError::TooFewCategories { n_categories: 1 }));
    let ragged = Ratings::from_rows(3, &[vec![Some(0), Some(1)], vec![Some(2)]]).unwrap_err();
    assert_eq!(
        ragged.to_string(),
        "unit 2 has 1 ratings, but the first unit has 2: every row needs one entry per rater"
    );
    let outside = Ratings::from_rows(3, &[vec![Some(0), Some(3)]]).unwrap_err();
    assert!(matches!(outside, AgreementError::UnknownCategory { unit: 1, rater: 2, .. }));
    let ratings = Ratings::from_rows(3, &[vec![Some(0), Some(1)]]).unwrap();
    let mismatch = AgreementReport::compute(&ratings, Some(&[1.0, 2.0])).unwrap_err();
    assert_eq!(mismatch.to_string(), "there are 2 category values for 3 categories");
}

#[test]
fn within_one_grade_counts_adjacent_grades_as_agreeing() {
    let ratings =
        Ratings::from_rows(4, &[vec![Some(0), Some(1)], vec![Some(0), Some(2)], vec![Some(3), Some(3)]])
            .unwrap();
    let report = AgreementReport::compute(&ratings, None).unwrap();
    assert_eq!(report.percent_agreement, Estimate::Defined(1.0 / 3.0));
    assert_eq!(report.percent_within_one_grade, Estimate::Defined(2.0 / 3.0));
}

fn labels(case: &Case) -> Vec<String> {
    case.json["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|label| label.as_str().map_or_else(|| label.to_string(), str::to_owned))
        .collect()
}

fn diagnostics_of(name: &str) -> Vec<Diagnostic> {
    let case = cases().into_iter().find(|case| case.name == name).expect("case exists");
    let report = AgreementReport::compute(&case.ratings, case.category_values.as_deref()).unwrap();
    diagnose(&report, &CountTable::from_ratings(&case.ratings), &labels(&case))
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<&'static str> {
    diagnostics.iter().map(|diagnostic| diagnostic.code).collect()
}

#[test]
fn the_kappa_paradox_is_explained_and_points_to_ac1() {
    let diagnostics = diagnostics_of("audit4_n100_heavy_skew_good");
    let skew = diagnostics.iter().find(|d| d.code == "prevalence-skew").expect("prevalence skew found");
    assert_eq!(
        skew.message,
        "Grades match in 90% of cases, yet Cohen's kappa is only 0.48: most grades are 'Good' (90% of all grades), so kappa expects a lot of agreement by chance. This is the kappa paradox. Gwet's AC1 (0.89) is not distorted by an uneven spread of grades and is the better guide here."
    );
    assert!(!codes(&diagnostics_of("audit4_n500_realistic")).contains(&"prevalence-skew"));
}

#[test]
fn a_systematically_harsher_or_more_lenient_moderator_is_named() {
    let harsher = diagnostics_of("audit4_n200_moderator_partly_harsher");
    let shift = harsher.iter().find(|d| d.code == "systematic-shift").expect("shift found");
    assert!(shift.message.starts_with("The second rater grades harsher than the first: harsher in 41% of cases and the other way in 6%, by 0.36 grades"), "{}", shift.message);
    let lenient = diagnostics_of("audit4_n100_moderator_more_lenient");
    assert!(lenient
        .iter()
        .any(|d| d.code == "systematic-shift" && d.message.contains("more lenient in 35%")));
    assert!(!codes(&diagnostics_of("audit4_n500_realistic")).contains(&"systematic-shift"));
}

#[test]
fn small_samples_and_unused_grades_are_flagged() {
    let single = diagnostics_of("audit4_n1_single_unit_agree");
    assert!(single.iter().any(|d| d.message.starts_with("Only 1 unit was compared.")));
    let gap = diagnostics_of("audit4_n12_good_never_used_middle_gap");
    assert_eq!(codes(&gap).iter().filter(|code| **code == "unused-category").count(), 1);
    assert!(gap.iter().any(|d| d.message.starts_with("Nobody used the grade 'Good'.")));
    let nothing = diagnostics_of("audit3_n12_complete_missing_column");
    assert_eq!(nothing[0].message, "No unit has two ratings, so there is nothing to compare yet.");
    assert!(!codes(&diagnostics_of("audit4_n500_realistic")).contains(&"few-units"));
}

#[test]
fn kappa_is_read_against_the_landis_and_koch_bands() {
    assert_eq!(
        [-0.1, 0.0, 0.2, 0.35, 0.6, 0.75, 0.81].map(landis_koch_band),
        ["poor", "slight", "slight", "fair", "moderate", "substantial", "almost perfect"]
    );
    let realistic = diagnostics_of("audit4_n500_realistic");
    let reading = realistic.iter().find(|d| d.code == "interpretation").expect("interpretation given");
    assert!(
        reading.message.starts_with("Cohen's kappa of ")
            && reading.message.contains("a widely used convention, not a standard")
    );
}

#[test]
fn marginal_shift_counts_steps_in_scale_order() {
    let ratings = Ratings::from_rows(
        4,
        &[vec![Some(1), Some(2)], vec![Some(1), Some(3)], vec![Some(2), Some(1)], vec![Some(0), Some(0)]],
    )
    .unwrap();
    let shift = MarginalShift::from_matrix(&ConfusionMatrix::from_ratings(&ratings).unwrap()).unwrap();
    assert_eq!(shift.n_pairs, 4);
    assert_eq!(shift.mean_signed_difference, 0.5);
    assert_eq!((shift.share_second_harsher, shift.share_second_more_lenient), (0.5, 0.25));
}

#[test]
fn splitmix64_matches_the_published_check_values() {
    let mut random = SplitMix64::new(1_234_567);
    let first: Vec<u64> = (0..3).map(|_| random.next_u64()).collect();
    assert_eq!(first, [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423]);
}

#[test]
fn the_timing_data_sets_give_the_values_the_python_libraries_reported() {
    // PYTHON-TIMINGS.md: Cohen 0.418971, quadratic 0.688174, ordinal alpha 0.672427 (1M x 2);
    // Fleiss 0.471948, ordinal alpha 0.702440, AC1 0.538771 (100k x 5).
    let two = AgreementReport::compute(&SyntheticSpec::two_raters_1m().generate().unwrap(), None).unwrap();
    let five =
        AgreementReport::compute(&SyntheticSpec::five_raters_100k().generate().unwrap(), None).unwrap();
    for (computed, printed) in [
        (two.cohen_kappa, 0.418971),
        (two.weighted_kappa_quadratic, 0.688174),
        (two.krippendorff_alpha_ordinal, 0.672427),
        (five.fleiss_kappa, 0.471948),
        (five.krippendorff_alpha_ordinal, 0.702440),
        (five.gwet_ac1, 0.538771),
    ] {
        let value = computed.value().unwrap();
        assert!((value - printed).abs() < 5e-7, "{value} vs {printed}");
    }
}

fn case_named(name: &str) -> Case {
    cases().into_iter().find(|case| case.name == name).expect("case exists")
}

#[test]
fn the_alpha_bootstrap_is_deterministic_and_brackets_the_estimate() {
    let table = CountTable::from_ratings(&case_named("audit4_n500_realistic").ratings);
    let first = bootstrap_alpha(&table, &AlphaMetric::Ordinal, 500, 7).unwrap();
    let again = bootstrap_alpha(&table, &AlphaMetric::Ordinal, 500, 7).unwrap();
    assert_eq!(first, again, "same data and seed, same interval to the bit");
    let other_seed = bootstrap_alpha(&table, &AlphaMetric::Ordinal, 500, 8).unwrap();
    assert_ne!(first.lower, other_seed.lower);
    assert!(first.lower < first.estimate && first.estimate < first.upper, "{first:?}");
    assert_eq!((first.replicates_used, first.replicates_undefined), (500, 0));
}

#[test]
fn the_alpha_bootstrap_narrows_with_more_units() {
    let width = |name: &str| {
        let table = CountTable::from_ratings(&case_named(name).ratings);
        let interval = bootstrap_alpha(&table, &AlphaMetric::Ordinal, 400, DEFAULT_SEED).unwrap();
        interval.upper - interval.lower
    };
    let (small, large) = (width("audit4_n40_missing_moderator_grades"), width("audit4_n500_realistic"));
    assert!(large < small / 2.0, "500 units: {large}, 40 units: {small}");
}

#[test]
fn no_bootstrap_without_a_defined_alpha() {
    let table = CountTable::from_ratings(&case_named("audit3_n30_all_meets").ratings);
    assert_eq!(bootstrap_alpha(&table, &AlphaMetric::Nominal, 100, DEFAULT_SEED), None);
    let none = CountTable::from_ratings(&case_named("audit3_n12_complete_missing_column").ratings);
    assert_eq!(bootstrap_alpha(&none, &AlphaMetric::Ordinal, 100, DEFAULT_SEED), None);
}

#[test]
fn several_metrics_bootstrapped_together_give_each_its_own_interval() {
    let table = CountTable::from_ratings(&case_named("audit4_n500_realistic").ratings);
    let metrics =
        [AlphaMetric::Nominal, AlphaMetric::Ordinal, AlphaMetric::Interval(vec![1.0, 2.0, 3.0, 4.0])];
    let together = bootstrap_alphas(&table, &metrics, 300, 11);
    let alone: Vec<_> = metrics.iter().map(|metric| bootstrap_alpha(&table, metric, 300, 11)).collect();
    assert_eq!(together, alone, "the same intervals to the bit");
    assert!(together.iter().all(Option::is_some));
    let undefined = CountTable::from_ratings(&case_named("audit3_n30_all_meets").ratings);
    assert_eq!(bootstrap_alphas(&undefined, &metrics[..2], 50, 11), [None, None]);
}
