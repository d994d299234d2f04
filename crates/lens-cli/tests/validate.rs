//! `lens validate` on the built-in templates and on a broken one.

use std::process::Command;

use crate::support;

#[test]
fn every_built_in_template_is_valid() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let folders = ["lens-store/templates", "lens-store/templates/retired", "../web/templates"];
    let paths = folders.iter().flat_map(|folder| std::fs::read_dir(format!("{root}/{folder}")).unwrap());
    for path in paths.map(|entry| entry.unwrap().path()).filter(|path| path.is_file()) {
        let output = Command::new(env!("CARGO_BIN_EXE_lens")).arg("validate").arg(&path).output().unwrap();
        assert!(output.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&output.stderr));
        assert!(String::from_utf8_lossy(&output.stdout).contains(": a valid template: \""));
    }
}

#[test]
fn a_broken_template_lists_every_problem_and_exits_1() {
    let broken = r#"{"format": "practice-lens-template", "format_version": 1, "id": "ours", "version": 1,
        "title": "", "kind": "case_file_audit",
        "sections": [{"id": "s", "title": "S", "items": [
            {"id": "a", "prompt": "A", "grade": "none", "narrative": "none"},
            {"id": "a", "prompt": "B", "grade": "required", "narrative": "optional"}]}]}"#;
    let output = support::run_on("validate", "broken", broken);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "4 problems found",
        "  title: must not be empty",
        "  sections[0].items[0].narrative: the item asks for neither a grade nor a narrative",
        "  sections[0].items[1].id: the id \"a\" is used twice",
        "  sections[0].items[1].grade: the item is graded but the template has no scale",
    ] {
        assert!(stderr.contains(expected), "missing '{expected}' in:\n{stderr}");
    }
    assert!(output.stdout.is_empty());

    let other = support::run_on("validate", "other", r#"{"format": "spreadsheet"}"#);
    assert_eq!(other.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&other.stderr).contains("\"spreadsheet\" is not a Practice Lens document")
    );
}
