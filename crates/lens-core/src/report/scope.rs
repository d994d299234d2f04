//! The audits a report covers, each with its template, date and overall grade worked out once.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::{Dimension, Figure, Measure, Question, ReportFilter};
use crate::{Audit, AuditId, AuditStatus, Grade, Moderation, Template, TemplateKind, TemplateRef};

/// One audit with what the report needs to know about it.
#[derive(Clone, Copy)]
pub(super) struct Dated<'a> {
    pub audit: &'a Audit,
    pub template: Option<&'a Template>,
    /// The day that places it in a period.
    pub on: NaiveDate,
    /// Its overall grade: the one agreed at moderation, else the author's judgement, else the
    /// template's suggestion.
    pub overall: Option<&'a Grade>,
    /// Its moderation, when it has one.
    pub moderation: Option<&'a Moderation>,
}

impl<'a> Dated<'a> {
    fn new(
        audit: &'a Audit,
        templates: &BTreeMap<TemplateRef, &'a Template>,
        moderation: Option<&'a Moderation>,
    ) -> Self {
        let template = templates.get(&audit.template).copied();
        let overall = template.and_then(|template| {
            let code = audit.counted_overall(template, moderation)?;
            template.scale.as_ref()?.grades.iter().find(|grade| grade.code == code)
        });
        Self { audit, template, on: audit.audited_on(template), overall, moderation }
    }

    /// Whether it is a finished audit (not a draft, not a practitioner's reflection).
    pub fn is_completed_audit(&self) -> bool {
        self.audit.status != AuditStatus::Draft && !self.is_reflection()
    }

    pub fn is_reflection(&self) -> bool {
        self.template.is_some_and(|template| template.kind == TemplateKind::Reflection)
    }
}

pub(super) struct Scope<'a> {
    pub filter: &'a ReportFilter,
    /// Audits matching the filter and dated in its period, in id order, so that every figure
    /// collects its audits already sorted.
    pub in_range: Vec<Dated<'a>>,
    /// Every finished audit of each case, whatever the filter, oldest first: for re-audits.
    pub by_case: BTreeMap<String, Vec<Dated<'a>>>,
    /// Moderations of the finished audits in range, each with its audit's index in `in_range`.
    pub moderations: Vec<(&'a Moderation, usize)>,
    /// Auditors with a finished audit matching the filter at any date, for the QA cycle.
    pub auditors: BTreeSet<String>,
    missing_templates: BTreeSet<TemplateRef>,
}

fn matches(wanted: &Option<String>, value: &str) -> bool {
    wanted.as_ref().is_none_or(|wanted| wanted.trim().eq_ignore_ascii_case(value.trim()))
}

impl<'a> Scope<'a> {
    pub fn new(
        audits: &'a [Audit],
        moderations: &'a [Moderation],
        templates: &'a [Template],
        filter: &'a ReportFilter,
    ) -> Self {
        let templates: BTreeMap<TemplateRef, &Template> =
            templates.iter().map(|template| (template.reference(), template)).collect();
        let mut missing_templates = BTreeSet::new();
        let mut in_range = Vec::new();
        let mut by_case: BTreeMap<String, Vec<Dated>> = BTreeMap::new();
        let mut auditors = BTreeSet::new();
        let moderation_of: BTreeMap<&AuditId, &Moderation> =
            moderations.iter().map(|moderation| (&moderation.audit, moderation)).collect();
        for audit in audits {
            let dated = Dated::new(audit, &templates, moderation_of.get(&audit.id).copied());
            if dated.template.is_none() {
                missing_templates.insert(audit.template.clone());
            }
            let selected = matches(&filter.team, audit.team())
                && matches(&filter.strand, audit.strand())
                && matches(&filter.auditor, &audit.auditor)
                && matches(&filter.template, &audit.template.id);
            if selected && dated.is_completed_audit() {
                auditors.insert(audit.auditor.trim().to_owned());
            }
            if dated.is_completed_audit() && !audit.case_reference.trim().is_empty() {
                by_case.entry(audit.case_reference.trim().to_lowercase()).or_default().push(dated);
            }
            if selected && (filter.from..=filter.to).contains(&dated.on) {
                in_range.push(dated);
            }
        }
        in_range.sort_by(|a, b| a.audit.id.cmp(&b.audit.id));
        for audits in by_case.values_mut() {
            audits.sort_by(|a, b| (a.on, &a.audit.id).cmp(&(b.on, &b.audit.id)));
        }
        let index: BTreeMap<&AuditId, usize> =
            in_range.iter().enumerate().map(|(position, dated)| (&dated.audit.id, position)).collect();
        let mut moderations: Vec<(&Moderation, usize)> = moderations
            .iter()
            .filter_map(|moderation| Some((moderation, *index.get(&moderation.audit)?)))
            .filter(|(_, position)| in_range[*position].is_completed_audit())
            .collect();
        moderations.sort_by(|a, b| (a.1, &a.0.id).cmp(&(b.1, &b.0.id)));
        Self { filter, in_range, by_case, moderations, auditors, missing_templates }
    }

    /// Finished audits in range.
    pub fn completed(&self) -> impl Iterator<Item = &Dated<'a>> {
        self.in_range.iter().filter(|dated| dated.is_completed_audit())
    }

    /// Whether a standard (item id) is within the filter.
    pub fn standard_selected(&self, item_id: &str) -> bool {
        matches(&self.filter.standard, item_id)
    }

    pub fn notes(&self) -> Vec<String> {
        let mut notes: Vec<String> = self
            .missing_templates
            .iter()
            .map(|reference| {
                format!("Audits made with template {reference} are counted, but their grades are left out: import that template to include them")
            })
            .collect();
        if !self.moderations.is_empty() {
            let moderated = self.moderations.len();
            let audits =
                if moderated == 1 { "1 audit was".to_owned() } else { format!("{moderated} audits were") };
            let without_overall = self
                .moderations
                .iter()
                .filter(|(moderation, position)| {
                    moderation.agreed_overall().is_none()
                        && self.in_range[*position].template.is_some_and(|template| {
                            self.in_range[*position].audit.overall_grade(template).is_some()
                        })
                })
                .count();
            let older = match without_overall {
                0 => String::new(),
                1 => " 1 moderation made before overall judgements were moderated keeps the auditor's overall judgement.".to_owned(),
                many => format!(" {many} moderations made before overall judgements were moderated keep the auditor's overall judgement."),
            };
            notes.push(format!(
                "{audits} moderated: a moderated audit counts the agreed grade of each standard and of its overall judgement, not the auditor's.{older}"
            ));
        }
        notes
    }
}

/// Counts cases towards a figure, keeping references to the audits behind the count; ids are
/// copied, sorted and de-duplicated only when the figure is made.
pub(super) struct Tally<'a> {
    pub count: usize,
    pub of: usize,
    audits: Vec<&'a AuditId>,
}

impl<'a> Tally<'a> {
    pub fn new() -> Self {
        Self { count: 0, of: 0, audits: Vec::new() }
    }

    /// Counts one case towards the total, and towards the count when `hit`.
    pub fn add(&mut self, hit: bool, audit: &'a AuditId) {
        self.of += 1;
        if hit {
            self.count += 1;
            self.audits.push(audit);
        }
    }

    pub fn figure(
        self,
        question: Question,
        measure: Measure,
        group: Vec<(Dimension, String)>,
        share: bool,
    ) -> Figure {
        Figure {
            question,
            measure,
            group,
            count: self.count,
            of: share.then_some(self.of),
            audits: sorted_ids(self.audits),
        }
    }
}

fn sorted_ids(mut audits: Vec<&AuditId>) -> Vec<AuditId> {
    // Audits are visited in id order, so this is nearly always a check, not a sort.
    if !audits.is_sorted() {
        audits.sort_unstable();
    }
    audits.dedup();
    audits.into_iter().cloned().collect()
}

/// A plain count of distinct audits.
pub(super) fn count_figure<'b>(
    question: Question,
    measure: Measure,
    group: Vec<(Dimension, String)>,
    audits: impl IntoIterator<Item = &'b AuditId>,
) -> Figure {
    let audits = sorted_ids(audits.into_iter().collect());
    Figure { question, measure, group, count: audits.len(), of: None, audits }
}
