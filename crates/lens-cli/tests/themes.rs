//! `lens themes`: tagging, keyphrases, discovery and the evaluation figures.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn themes(args: &[&str], name: &str, input: &str) -> Output {
    let path: PathBuf = std::env::temp_dir().join(format!("lens-themes-{}-{name}.jsonl", std::process::id()));
    std::fs::write(&path, input).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_lens"));
    command.arg("themes").arg(args[0]).arg(&path).args(&args[1..]);
    let output = command.output().unwrap();
    let _ = std::fs::remove_file(&path);
    output
}

fn lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout).lines().map(|line| serde_json::from_str(line).unwrap()).collect()
}

#[test]
fn tag_writes_themes_with_polarity_and_evidence_offsets() {
    let text = "Supervision is regular and reflective. There is no chronology on file.";
    let input = format!("{}\n", serde_json::json!({"id": "n1", "team": "CIN", "text": text}));
    let output = themes(&["tag"], "tag", &input);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let records = lines(&output);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["id"], "n1");
    let found: Vec<(String, String)> = records[0]["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|theme| {
            (theme["theme"].as_str().unwrap().to_owned(), theme["polarity"].as_str().unwrap().to_owned())
        })
        .collect();
    assert_eq!(found, [("supervision".into(), "strength".into()), ("chronology".into(), "concern".into())]);
    let evidence = &records[0]["themes"][1]["evidence"][0];
    assert_eq!(evidence["sentence"], "There is no chronology on file.");
    let (start, end) =
        (evidence["start"].as_u64().unwrap() as usize, evidence["end"].as_u64().unwrap() as usize);
    let quoted: String = text.chars().skip(start).take(end - start).collect();
    assert!(quoted.contains("chronology"), "offsets {start}..{end} quote '{quoted}'");
}

#[test]
fn malformed_lines_are_reported_by_number_skipped_and_make_the_exit_status_1() {
    let input =
        "{\"id\": 1, \"text\": \"Visits were late.\"}\n{oops\n{\"id\": 3}\n{\"id\": 4, \"text\": \"\"}\n";
    let output = themes(&["tag"], "bad", input);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(":2: the line is not valid JSON"), "{stderr}");
    assert!(stderr.contains(":3: the object has no text \"text\""), "{stderr}");
    let records = lines(&output);
    assert_eq!(records.len(), 2, "the good lines are still tagged");
    assert_eq!(records[0]["themes"][0]["theme"], "timeliness");
    assert_eq!(records[1]["diagnostics"][0], "the narrative has no words");
}

#[test]
fn a_council_codebook_replaces_the_built_in_one_and_a_bad_one_is_explained() {
    let codebook = r#"{"name": "ours", "themes": [{"id": "respite", "label": "Respite", "indicative_phrases": ["respite care"]}]}"#;
    let codebook_path =
        std::env::temp_dir().join(format!("lens-themes-{}-codebook.json", std::process::id()));
    std::fs::write(&codebook_path, codebook).unwrap();
    let input = "{\"id\": \"a\", \"text\": \"Respite care was arranged quickly. Supervision was good.\"}\n";
    let output = themes(&["tag", "--codebook", codebook_path.to_str().unwrap()], "codebook", input);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let records = lines(&output);
    assert_eq!(records[0]["themes"].as_array().unwrap().len(), 1);
    assert_eq!(records[0]["themes"][0]["theme"], "respite");
    assert_eq!(records[0]["themes"][0]["polarity"], "strength");

    std::fs::write(&codebook_path, r#"{"themes": []}"#).unwrap();
    let output = themes(&["tag", "--codebook", codebook_path.to_str().unwrap()], "codebook-bad", input);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("the codebook has no themes"));
    let _ = std::fs::remove_file(&codebook_path);
}

#[test]
fn keyphrases_and_discovery_write_json() {
    let input = [
        ("a", "Transport to school was unreliable.", "CIN"),
        ("b", "Transport was late again.", "CIN"),
        ("c", "Respite care was arranged.", "CiC"),
        ("d", "Respite care has helped.", "CiC"),
    ]
    .iter()
    .map(|(id, text, team)| format!("{}\n", serde_json::json!({"id": id, "text": text, "team": team})))
    .collect::<String>();
    let output = themes(&["keyphrases", "--top", "2"], "keyphrases", &input);
    assert!(output.status.success());
    let records = lines(&output);
    assert_eq!(records[0]["id"], "a");
    assert!(records[0]["keyphrases"].as_array().unwrap().len() <= 2);

    let output = themes(&["discover", "--group-by", "team"], "discover", &input);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let result: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(result["groups"][0]["group"], "CIN");
    assert_eq!(result["groups"][0]["phrases"][0]["phrase"], "transport");
    assert_eq!(result["groups"][1]["phrases"][0]["phrase"], "respite care");
    assert_eq!(result["groups"][1]["phrases"][0]["quotes"].as_array().unwrap().len(), 2);
}

#[test]
fn eval_meets_the_quality_targets_on_the_repository_data() {
    let output = Command::new(env!("CARGO_BIN_EXE_lens")).args(["themes", "eval"]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let report = String::from_utf8_lossy(&output.stdout);
    let figure = |label: &str, after: &str| -> f64 {
        let line = report
            .lines()
            .find(|line| line.contains(label))
            .unwrap_or_else(|| panic!("no {label} in\n{report}"));
        let rest = &line[line.find(after).unwrap() + after.len()..];
        rest.split_whitespace().next().unwrap().parse().unwrap()
    };
    assert!(figure("theme+polarity micro", "F1 ") >= 0.85, "{report}");
    // The cross-validated figures are the measure of text the model has not seen; these floors sit
    // just under what the shipped data gives, so a change that loses generality fails here.
    let validated =
        &report[report.find("Cross-validated on the development set").expect("no cross-validation")..];
    let validated_figure = |label: &str, after: &str| -> f64 {
        let line = validated.lines().find(|line| line.contains(label)).unwrap();
        line[line.find(after).unwrap() + after.len()..].split_whitespace().next().unwrap().parse().unwrap()
    };
    assert!(validated_figure("theme+polarity micro", "F1 ") >= 0.67, "{report}");
    assert!(validated_figure("polarity accuracy", "found ") >= 0.87, "{report}");
    let real = validated.lines().find(|line| line.contains("all real text")).expect("no real-text line");
    let real_f1: f64 = real.split_whitespace().nth(5).unwrap().parse().unwrap();
    assert!(real_f1 >= 0.60, "{report}");
    assert!(figure("polarity accuracy", "found ") >= 0.95, "{report}");
    assert!(figure("F1@10", "F1@10 ") >= 31.0, "{report}");
    // The estimate for unseen narratives guards against rules written for single narratives:
    // it stays well above the plain lexicon tagger's 0.63 on unseen narratives.
    let estimate = &report[report.find("Estimate for unseen narratives").expect("no estimate")..];
    let estimate_f1: f64 =
        estimate[estimate.find("F1 ").unwrap() + 3..].split_whitespace().next().unwrap().parse().unwrap();
    assert!(estimate_f1 >= 0.70, "{report}");
}

#[test]
fn one_long_narrative_without_full_stops_gives_evidence_of_bounded_size() {
    // 100,000 characters in one sentence: evidence used to repeat the whole sentence for every
    // mention, which made the output grow with the square of the narrative's length.
    let words =
        ["risk ", "was ", "not ", "assessed ", "and ", "supervision ", "was ", "late ", "the ", "plan "];
    let text: String = words.iter().cycle().take(20_000).copied().collect();
    let input = serde_json::json!({"id": "long", "text": text}).to_string();
    let output = themes(&["tag"], "long-narrative", &format!("{input}\n"));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stdout.len() < 8 * 1024 * 1024, "{} bytes of output", output.stdout.len());
    let tagged = &lines(&output)[0];
    let evidence = &tagged["themes"][0]["evidence"][0];
    let sentence = evidence["sentence"].as_str().unwrap();
    assert!(sentence.len() < 450 && sentence.contains('…'), "{sentence}");
    let (start, end) =
        (evidence["start"].as_u64().unwrap() as usize, evidence["end"].as_u64().unwrap() as usize);
    assert!(end > start && end <= text.len(), "the offsets still point into the narrative");
}

#[test]
fn the_shipped_theme_model_is_what_training_on_the_repository_data_gives() {
    // The model is data made from the labelled narratives: a label changed without retraining, or a
    // model edited by hand, fails here.
    let out = std::env::temp_dir().join(format!("lens-themes-{}-model.tsv", std::process::id()));
    let output = Command::new(env!("CARGO_BIN_EXE_lens"))
        .args(["themes", "train", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let trained = std::fs::read_to_string(&out).unwrap();
    let _ = std::fs::remove_file(&out);
    let shipped =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../lens-themes/model/themes.tsv"))
            .unwrap();
    assert!(trained == shipped, "the shipped model differs from a fresh training: run `lens themes train`");
}
