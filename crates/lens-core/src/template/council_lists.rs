//! A council's own lists of answers for header fields (its teams, its strands), given by the
//! page's configuration. They replace what a template offers for those fields, so that every
//! audit names a team the same way and filters and reports count it once.

use super::{FieldKind, Template};

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
