//! Tests for starting an audit.

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn start(case_reference: &str, auditor: &str) -> Result<Audit, Vec<AuditError>> {
    let typed = NewAudit { case_reference: case_reference.into(), auditor: auditor.into() };
    typed.start(AuditId::new("a1"), TemplateRef::new("case-file-audit", 1), today())
}

#[test]
fn a_valid_start_gives_a_trimmed_draft() {
    let audit = start("  CF-1042 ", " Sam Patel ").unwrap();
    assert_eq!(audit.status, AuditStatus::Draft);
    assert_eq!(audit.case_reference, "CF-1042");
    assert_eq!(audit.auditor, "Sam Patel");
    assert_eq!(audit.started_on, today());
    assert!(audit.responses.is_empty());
}

#[test]
fn every_problem_is_reported_at_once_in_form_order() {
    let errors = start("   ", "").unwrap_err();
    assert_eq!(errors, vec![AuditError::MissingCaseReference, AuditError::MissingAuditor]);
    assert_eq!(errors[0].field(), crate::NewAuditField::CaseReference);
    assert_eq!(errors[1].to_string(), "Enter your name");
}

#[test]
fn overlong_values_are_refused_with_the_limit_in_the_message() {
    let long_reference = "x".repeat(MAX_CASE_REFERENCE_CHARS + 1);
    let errors = start(&long_reference, &"y".repeat(MAX_AUDITOR_CHARS + 1)).unwrap_err();
    assert_eq!(errors, vec![AuditError::CaseReferenceTooLong, AuditError::AuditorTooLong]);
    assert_eq!(errors[0].to_string(), "Case reference must be 40 characters or fewer");
}

#[test]
fn limits_count_characters_not_bytes() {
    let accented = "é".repeat(MAX_CASE_REFERENCE_CHARS);
    assert!(start(&accented, "Sam").is_ok());
}

#[test]
fn a_reflection_needs_no_case_reference_but_a_case_file_audit_does() {
    let mut template = crate::test_fixtures::case_file_template();
    let typed = NewAudit { case_reference: " ".into(), auditor: "Sam".into() };
    assert_eq!(
        typed.start_with(AuditId::new("a"), &template, today()).unwrap_err(),
        [AuditError::MissingCaseReference]
    );
    template.header_fields.retain(|field| field.id != "case-reference");
    let reflection = typed.start_with(AuditId::new("a"), &template, today()).unwrap();
    assert_eq!((reflection.case_reference.as_str(), reflection.template.version), ("", 1));
}
