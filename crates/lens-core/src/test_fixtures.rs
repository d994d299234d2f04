//! A small case file audit template shared by the unit tests: four standards on the Ofsted
//! scale, standard 1 limiting the overall grade, with the usual header fields.

use crate::template::{
    ActionsBlock, FieldKind, Grade, GradeRule, GradeScale, GradeStanding, HeaderField, Item, NarrativeRule,
    OverallRule, Section, Template, TemplateKind,
};

fn grade(code: &str, label: &str, standing: GradeStanding) -> Grade {
    Grade { code: code.into(), label: label.into(), standing }
}

fn item(id: &str, prompt: &str) -> Item {
    Item {
        id: id.into(),
        prompt: prompt.into(),
        guidance: None,
        grade: GradeRule::Required,
        narrative: NarrativeRule::RequiredBelowGood,
    }
}

fn field(id: &str, label: &str, kind: FieldKind, required: bool) -> HeaderField {
    HeaderField { id: id.into(), label: label.into(), hint: None, kind, required }
}

/// The test template.
pub(crate) fn case_file_template() -> Template {
    let text = |max_chars| FieldKind::Text { max_chars };
    Template {
        id: "case-file-audit-test".into(),
        version: 1,
        title: "Case file audit".into(),
        kind: TemplateKind::CaseFileAudit,
        guidance: vec!["Fill in the judgement first.".into()],
        scale: Some(GradeScale {
            grades: vec![
                grade("O", "Outstanding", GradeStanding::GoodOrBetter),
                grade("G", "Good", GradeStanding::GoodOrBetter),
                grade("RI", "Requires improvement", GradeStanding::BelowGood),
                grade("I", "Inadequate", GradeStanding::Inadequate),
            ],
        }),
        header_fields: vec![
            field("auditor", "Auditor name", text(80), true),
            field("case-reference", "Tracked case number", text(40), true),
            field("audit-date", "Date of audit", FieldKind::Date, true),
            field("team", "Team", text(80), true),
            field(
                "strand",
                "Strand",
                FieldKind::Choice { options: vec!["Help and protection".into(), "Adoption".into()] },
                true,
            ),
        ],
        sections: vec![Section {
            id: "standards".into(),
            title: "Practice standards".into(),
            guidance: None,
            items: vec![
                item("risk", "1. Risk is identified, responded to and reduced"),
                item("involvement", "2. Children and families are involved"),
                item("decisions", "3. Decision making is effective and timely"),
                item(
                    "assessments",
                    "4. Assessments are timely, analytical and reflect the child's lived experience",
                ),
            ],
        }],
        actions: Some(ActionsBlock { title: "Agreed actions".into() }),
        overall: OverallRule::LimitingMedian { limiting_items: vec!["risk".into()] },
        asks_overall_judgement: true,
    }
}
