//! A council's own lists of answers for header fields (its teams, its strands), given by the
//! page's configuration. They replace what a template offers for those fields, so that every
//! audit names a team the same way and filters and reports count it once.

use super::{FieldKind, HeaderField, Template, TemplateKind};
use crate::{AUDITOR_FIELD, AUDITOR_ROLE_FIELD};

/// The roles audits are made in when the page's `config` names none: the tiers seed 002's
/// reports are broken down by.
pub const DEFAULT_AUDITOR_ROLES: [&str; 5] = [
    "Team manager",
    "Service manager",
    "IRO or conference chair",
    "Senior leader",
    "Quality assurance officer",
];

impl Template {
    /// This template with the answers to header field `field` chosen from `options`. A
    /// template without that field, or an empty list, is left as it is.
    #[must_use]
    pub fn with_listed_answers(mut self, field: &str, options: &[String]) -> Self {
        if options.is_empty() {
            return self;
        }
        for header in self.header_fields.iter_mut().filter(|header| header.id == field) {
            header.kind = FieldKind::Choice { options: options.to_vec() };
        }
        self
    }

    /// This template asking the auditor's role, chosen from `roles`, just after the auditor's
    /// name. A reflection is its author's own and is not asked; a template that asks the role
    /// itself has its answers chosen from `roles`; an empty list changes nothing.
    #[must_use]
    pub fn asking_auditor_role(mut self, roles: &[String]) -> Self {
        if roles.is_empty() || self.kind == TemplateKind::Reflection {
            return self;
        }
        if self.header_fields.iter().any(|field| field.id == AUDITOR_ROLE_FIELD) {
            return self.with_listed_answers(AUDITOR_ROLE_FIELD, roles);
        }
        let after_auditor = self
            .header_fields
            .iter()
            .position(|field| field.id == AUDITOR_FIELD)
            .map_or(0, |index| index + 1);
        self.header_fields.insert(
            after_auditor,
            HeaderField {
                id: AUDITOR_ROLE_FIELD.to_owned(),
                label: "Your role in this audit".to_owned(),
                hint: Some("Reports show what each tier of management found.".to_owned()),
                kind: FieldKind::Choice { options: roles.to_vec() },
                required: true,
            },
        );
        self
    }
}

/// The newest version of each template, in the order each id first appears: what a new audit
/// is offered. Older versions stay for the audits that pinned them.
pub fn newest_versions(templates: &[Template]) -> Vec<&Template> {
    let mut newest: Vec<&Template> = Vec::new();
    for template in templates {
        match newest.iter_mut().find(|kept| kept.id == template.id) {
            Some(kept) if kept.version < template.version => *kept = template,
            Some(_) => {}
            None => newest.push(template),
        }
    }
    newest
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::case_file_template;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn a_listed_field_becomes_a_choice_of_the_councils_answers() {
        let teams = vec!["Children in Care".to_owned(), "Assessment".to_owned()];
        let template = case_file_template().with_listed_answers("team", &teams);
        let team = template.header_fields.iter().find(|field| field.id == "team").unwrap();
        assert_eq!(team.kind, FieldKind::Choice { options: teams.clone() });
        // An unknown field and an empty list change nothing.
        assert_eq!(case_file_template().with_listed_answers("colour", &teams), case_file_template());
        assert_eq!(case_file_template().with_listed_answers("team", &[]), case_file_template());
    }

    #[test]
    fn the_auditors_role_is_asked_after_their_name_except_in_a_reflection() {
        let roles: Vec<String> = DEFAULT_AUDITOR_ROLES.iter().map(|role| (*role).to_owned()).collect();
        let template = case_file_template().asking_auditor_role(&roles);
        let ids: Vec<&str> = template.header_fields.iter().map(|field| field.id.as_str()).collect();
        let auditor = ids.iter().position(|id| *id == AUDITOR_FIELD).unwrap();
        assert_eq!(ids[auditor + 1], AUDITOR_ROLE_FIELD);
        let role = &template.header_fields[auditor + 1];
        assert!(role.required);
        assert_eq!(role.kind, FieldKind::Choice { options: roles.clone() });
        // Asked once, however often the page applies it; its answers follow the page's list.
        let again = template.clone().asking_auditor_role(&["QA officer".to_owned()]);
        assert_eq!(again.header_fields.len(), template.header_fields.len());
        let reflection = Template { kind: TemplateKind::Reflection, ..case_file_template() };
        assert_eq!(reflection.clone().asking_auditor_role(&roles), reflection);
    }

    #[test]
    fn only_the_newest_version_of_each_template_is_offered() {
        let first = case_file_template();
        let mut second = first.clone();
        second.version = first.version + 1;
        let mut other = first.clone();
        other.id = "other".into();
        let templates = [first.clone(), other.clone(), second.clone()];
        let offered = newest_versions(&templates);
        assert_eq!(offered, vec![&second, &other]);
    }
}
