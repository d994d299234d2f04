//! The words a form uses for what it holds. A practitioner's reflection is not audited,
//! moderated or reported, so its form must not read as an audit.

use lens_core::{Template, TemplateKind};

/// Every phrase of the form that names what it holds.
pub(crate) struct Wording {
    /// "audit" or "reflection", for sentences.
    pub noun: &'static str,
    pub back: &'static str,
    pub guidance: &'static str,
    /// The draft form's button: on to checking the answers.
    pub submit: &'static str,
    pub check_title: &'static str,
    /// The check page's button, which locks the draft.
    pub lock: &'static str,
    /// The panel after locking.
    pub done_title: &'static str,
    pub print: &'static str,
    pub download_json: &'static str,
    pub download_answers: &'static str,
    pub amend: &'static str,
    pub rescue: &'static str,
    /// The label of a graded item's narrative: a service review's judgement areas ask for
    /// comments and evidence about a service, not a child.
    pub narrative: &'static str,
}

impl Wording {
    pub(crate) fn for_template(template: &Template) -> Self {
        if template.kind == TemplateKind::Reflection {
            Self {
                noun: "reflection",
                back: "Back to my reflections",
                guidance: "About this reflection",
                submit: "Continue",
                check_title: "Check your reflection before you finish it",
                lock: "Finish my reflection",
                done_title: "Reflection finished",
                print: "Print this reflection",
                download_json: "Download this reflection to share it",
                download_answers: "Download my answers as CSV",
                amend: "Amend this reflection",
                rescue: "Download this reflection",
                narrative: "What I found",
            }
        } else {
            Self {
                noun: "audit",
                back: "Back to audits on this device",
                guidance: "How to complete this audit",
                submit: "Continue",
                check_title: "Check your answers before submitting",
                lock: "Submit and lock",
                done_title: "Audit submitted",
                print: "Print this audit",
                download_json: "Download as JSON",
                download_answers: "Download answers as CSV",
                amend: "Amend this audit",
                rescue: "Download this audit",
                narrative: if template.kind == TemplateKind::ServiceReview {
                    "Comments and evidence"
                } else {
                    "Evidence and impact on the child"
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lens_store::template_document::builtin_templates;

    #[test]
    fn a_reflection_never_reads_as_an_audit() {
        for template in builtin_templates() {
            let words = Wording::for_template(&template);
            let phrases = [
                words.back,
                words.guidance,
                words.submit,
                words.check_title,
                words.lock,
                words.done_title,
                words.print,
                words.download_json,
                words.download_answers,
                words.amend,
                words.rescue,
            ];
            let reflection = template.kind == TemplateKind::Reflection;
            let naming_audit =
                phrases.iter().filter(|phrase| phrase.to_lowercase().contains("audit")).count();
            if reflection {
                assert_eq!(naming_audit, 0, "{phrases:?}");
                assert_eq!(words.noun, "reflection");
            } else {
                assert!(naming_audit >= 5, "{}: {phrases:?}", template.id);
            }
        }
    }
}
