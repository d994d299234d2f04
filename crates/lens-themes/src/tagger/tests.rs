//! The tagger, cue kind by cue kind: each case is a narrative and what the tagger finds in it.
//!
//! `check` is the one place these tests touch the tagger. It tags by the rules alone (the shipped
//! model knows the built-in themes, not these) with a small codebook made for these cases (one theme per kind of cue, so each snapshot shows one rule at work) and the
//! built-in judgement lexicon, and renders every finding as its theme, polarity and the
//! evidence words with their character span, then every diagnostic. After a deliberate change,
//! `UPDATE_EXPECT=1 cargo test -p lens-themes tagger` rewrites the snapshots; read the diff.

use expect_test::{expect, Expect};
use lens_core::GradeStanding;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use crate::{Codebook, CodebookTheme, Tagger};

fn theme(id: &str, cues: &[&str]) -> CodebookTheme {
    CodebookTheme {
        id: id.to_owned(),
        label: id.to_owned(),
        description: String::new(),
        cues: cues.iter().map(|cue| (*cue).to_owned()).collect(),
    }
}

fn codebook() -> Codebook {
    Codebook::new(
        "cases",
        vec![
            theme("chronology", &["chronology"]),
            theme("supervision", &["=supervision"]),
            theme("family", &["~the family"]),
            theme("early_help", &["family support worker"]),
            theme("partnership", &["?parents"]),
            theme("timeliness", &["_n_ <time> late"]),
            theme("voice", &["explained to <child>"]),
            theme("oversight", &["team manager"]),
        ],
        vec![("TM".to_owned(), "team manager".to_owned())],
    )
    .unwrap()
}

fn render(text: &str, grade: Option<GradeStanding>) -> String {
    let tagging = Tagger::rules_only(&codebook()).tag(text, grade);
    let mut out = String::new();
    for finding in &tagging.themes {
        for evidence in &finding.evidence {
            let words: String =
                text.chars().skip(evidence.start).take(evidence.end - evidence.start).collect();
            out.push_str(&format!(
                "{} {} {:?} {}..{}\n",
                finding.theme,
                finding.polarity.as_str(),
                words,
                evidence.start,
                evidence.end
            ));
        }
    }
    for diagnostic in &tagging.diagnostics {
        out.push_str(&format!("diagnostic: {diagnostic}\n"));
    }
    out
}

fn check(text: &str, expected: Expect) {
    expected.assert_eq(&render(text, None));
}

fn check_graded(text: &str, grade: GradeStanding, expected: Expect) {
    expected.assert_eq(&render(text, Some(grade)));
}

#[test]
fn a_plain_phrase_matches_by_stem_and_takes_its_clause_judgement() {
    check(
        "The chronologies are clear and up to date.",
        expect![[r#"
        chronology strength "chronologies" 4..16
    "#]],
    );
    check(
        "The chronology is poor.",
        expect![[r#"
        chronology concern "chronology" 4..14
    "#]],
    );
}

#[test]
fn an_exact_word_matches_only_as_written() {
    check(
        "Supervision is regular and reflective.",
        expect![[r#"
        supervision strength "Supervision" 0..11
    "#]],
    );
    check("Supervised contact went well.", expect![[r#""#]]);
}

#[test]
fn a_generic_cue_gives_way_to_another_themes_cue_on_the_same_words() {
    check(
        "The family were well supported.",
        expect![[r#"
        family strength "The family" 0..10
    "#]],
    );
    check(
        "The family support worker was effective.",
        expect![[r#"
        early_help strength "family support worker" 4..25
    "#]],
    );
}

#[test]
fn a_cue_that_needs_a_judgement_counts_only_with_one_nearby() {
    check(
        "Parents were well supported.",
        expect![[r#"
        partnership strength "Parents" 0..7
    "#]],
    );
    // "Parents" is too common a word to mean partnership on its own: with no judgement within
    // four words of it in its clause, it is not a mention at all, not even a bare one.
    check("Parents live nearby. Visits are regular and purposeful.", expect![[r#""#]]);
}

#[test]
fn a_number_stands_for_any_number_in_digits_or_words() {
    check(
        "The assessment was 3 weeks late.",
        expect![[r#"
        timeliness concern "3 weeks late" 19..31
    "#]],
    );
    check(
        "The visit was two days late.",
        expect![[r#"
        timeliness concern "two days late" 14..27
    "#]],
    );
}

#[test]
fn a_word_class_stands_for_its_words_and_names_for_the_child() {
    check(
        "The plan was explained to her clearly.",
        expect![[r#"
        voice strength "explained to her" 13..29
    "#]],
    );
    check(
        "The plan was explained to Connor well.",
        expect![[r#"
        voice strength "explained to Connor" 13..32
    "#]],
    );
}

#[test]
fn abbreviations_expand_and_evidence_points_at_what_was_written() {
    check(
        "TM oversight is strong.",
        expect![[r#"
        oversight strength "TM" 0..2
    "#]],
    );
}

#[test]
fn a_negation_before_or_after_a_judgement_flips_it() {
    check(
        "There is no clear chronology.",
        expect![[r#"
        chronology concern "chronology" 18..28
    "#]],
    );
    check(
        "There is no chronology on file.",
        expect![[r#"
        chronology concern "chronology" 12..22
    "#]],
    );
    check(
        "Drift in the chronology was avoided.",
        expect![[r#"
        chronology strength "chronology" 13..23
    "#]],
    );
}

#[test]
fn a_hedge_makes_an_area_for_improvement() {
    check(
        "The chronology would benefit from more detail.",
        expect![[r#"
        chronology concern "chronology" 4..14
    "#]],
    );
}

#[test]
fn contrast_words_give_each_clause_its_own_judgement() {
    check(
        "Supervision is regular, but the chronology is out of date.",
        expect![[r#"
        chronology concern "chronology" 32..42
        supervision strength "Supervision" 0..11
    "#]],
    );
    check(
        "The chronology is thorough; however supervision is poor.",
        expect![[r#"
        chronology strength "chronology" 4..14
        supervision concern "supervision" 36..47
    "#]],
    );
}

#[test]
fn a_bare_fact_is_left_out_with_a_diagnostic() {
    check(
        "Jayden has a chronology.",
        expect![[r#"
        diagnostic: chronology is mentioned at 13..23 without a judgement, so it is not counted
    "#]],
    );
    check(
        "",
        expect![[r#"
        diagnostic: the narrative has no words
    "#]],
    );
}

#[test]
fn the_grade_is_a_further_signal_never_the_only_one() {
    check_graded(
        "The chronology was updated.",
        GradeStanding::GoodOrBetter,
        expect![[r#"
        diagnostic: chronology is mentioned at 4..14 without a judgement, so it is not counted
    "#]],
    );
    // With no judgement in its own sentence, the mention takes the narrative's, and the grade
    // tips it.
    check(
        "The chronology was updated. Visits are poor.",
        expect![[r#"
        chronology concern "chronology" 4..14
    "#]],
    );
    check_graded(
        "The chronology was updated. Visits are poor.",
        GradeStanding::GoodOrBetter,
        expect![[r#"
        chronology strength "chronology" 4..14
    "#]],
    );
}

#[test]
fn mixed_mentions_are_weighed_by_how_near_their_judgement_is() {
    check(
        "The chronology is good. The chronology is missing key events.",
        expect![[r#"
        chronology concern "chronology" 28..38
        diagnostic: chronology is judged good practice 1 time(s) and an area for improvement 1 time(s); concern kept
    "#]],
    );
}
