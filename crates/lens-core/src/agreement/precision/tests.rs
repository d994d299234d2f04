//! Standard errors and intervals against the irrCAC package's (tests/fixtures/agreement/intervals.json).

use serde_json::Value;

use super::super::student_t;
use super::*;
use crate::agreement::{Ratings, Weights};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const VECTORS: &str = include_str!("../../../../../tests/fixtures/agreement/vectors.json");
const INTERVALS: &str = include_str!("../../../../../tests/fixtures/agreement/intervals.json");

fn ratings_of(case: &Value) -> Ratings {
    let categories = case["categories"].as_array().unwrap();
    let rows: Vec<Vec<Option<usize>>> = case["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            row.as_array()
                .unwrap()
                .iter()
                .map(|rating| {
                    (!rating.is_null()).then(|| categories.iter().position(|c| c == rating).unwrap())
                })
                .collect()
        })
        .collect();
    Ratings::from_rows(categories.len(), &rows).unwrap()
}

#[test]
fn intervals_match_irrcac_for_every_reference_value() {
    let vectors: Value = serde_json::from_str(VECTORS).unwrap();
    let intervals: Value = serde_json::from_str(INTERVALS).unwrap();
    let mut n_checked = 0;
    for case in vectors["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let Some(expected) = intervals["cases"].get(name).and_then(Value::as_object) else { continue };
        let ratings = ratings_of(case);
        let table = CountTable::from_ratings(&ratings);
        let k = ratings.n_categories();
        for (key, reference) in expected {
            let (kind, weights_name) = key.rsplit_once('_').unwrap();
            let weights = match weights_name {
                "identity" => Weights::Identity,
                "linear" => Weights::Linear,
                _ => Weights::Quadratic,
            }
            .matrix(k)
            .unwrap();
            let computed = match kind {
                "raw_gwet" => raw_interval(&table, &weights, ChanceModel::Gwet),
                "raw_fleiss" => raw_interval(&table, &weights, ChanceModel::Fleiss),
                _ => kappa_interval(&ConfusionMatrix::from_ratings(&ratings).unwrap(), &weights),
            };
            let computed =
                computed.unwrap_or_else(|| panic!("{name} {key}: no interval, irrCAC has {reference}"));
            for (field, value) in [
                ("estimate", computed.estimate),
                ("se", computed.standard_error),
                ("lower", computed.lower),
                ("upper", computed.upper),
            ] {
                let expected = reference[field].as_f64().unwrap();
                // irrCAC takes its t quantile from scipy, which is off by up to 8.3e-9 (at 39
                // degrees of freedom, against mpmath at 40 digits); the bounds carry that error
                // times the standard error.
                let tolerance = if field == "lower" || field == "upper" {
                    1e-9 + 1e-8 * computed.standard_error
                } else {
                    1e-9
                };
                assert!(
                    (value - expected).abs() <= tolerance,
                    "{name} {key} {field}: {value}, irrCAC {expected}"
                );
            }
            n_checked += 1;
        }
    }
    assert_eq!(n_checked, 193);
}

#[test]
fn student_t_quantiles_match_high_precision_values() {
    // Exact values from mpmath at 40 significant digits (t(0.975, 1) is tan(0.475π)).
    for (dof, expected) in [
        (1.0, 12.706_204_736_174_705),
        (2.0, 4.302_652_729_749_464),
        (10.0, 2.228_138_851_986_275),
        (29.0, 2.045_229_642_132_704),
        (39.0, 2.022_690_920_036_761),
        (100.0, 1.983_971_518_523_552),
        (1000.0, 1.962_339_080_826_409),
        (1e7, 1.959_964_221_767_206),
    ] {
        let computed = student_t::quantile(0.975, dof);
        assert!((computed - expected).abs() < 1e-12, "t(0.975, {dof}) = {computed}, expected {expected}");
    }
}

#[test]
fn too_few_units_or_no_variation_give_no_interval() {
    let one_unit = Ratings::from_rows(3, &[vec![Some(0), Some(1)]]).unwrap();
    let identity = Weights::Identity.matrix(3).unwrap();
    assert_eq!(raw_interval(&CountTable::from_ratings(&one_unit), &identity, ChanceModel::Gwet), None);
    let same = Ratings::from_rows(3, &vec![vec![Some(2), Some(2)]; 5]).unwrap();
    let matrix = ConfusionMatrix::from_ratings(&same).unwrap();
    assert_eq!(kappa_interval(&matrix, &identity), None);
}
