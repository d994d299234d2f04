//! A deterministic generator of realistic bundles, for tests, demonstrations and benchmarks:
//! N auditors in five teams, M audits over P months of the QA cycle, grades that vary by case
//! and by auditor, evaluative narratives, actions, follow-up and a share of moderations.
//! The same spec always gives the same bundle, natively and in WebAssembly.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, TimeZone, Utc};
use lens_core::random::SplitMix64;
use lens_core::{
    Action, ActionStatus, Audit, AuditId, AuditStatus, FollowUpEvent, FollowUpEventKind, GradeStanding,
    ItemResponse, ModeratedItem, Moderation, NewAudit, Template,
};

use crate::bundle::Bundle;
use crate::template_document::builtin_templates;
use crate::{Revision, Versioned};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleSpec {
    /// The seed: the same seed gives the same bundle.
    pub seed: u64,
    /// How many auditors.
    pub auditors: usize,
    /// How many audits.
    pub audits: usize,
    /// Over how many months, starting with the month of `start`.
    pub months: u32,
    /// The first day of the first month.
    pub start: NaiveDate,
    /// The last day anything may be dated: nothing generated lies after it, so example data
    /// never describes work done in the future. Due dates may be later: they are plans.
    pub today: NaiveDate,
    /// The built-in template id to audit with. Audits made with any but the default are
    /// numbered after it (`practice-observation-000001`), so bundles of different templates
    /// merge and import side by side.
    pub template_id: String,
}

/// The template generated audits use unless the spec names another.
const DEFAULT_TEMPLATE: &str = "case-file-audit-ofsted";

impl SampleSpec {
    /// A spec with the case file audit on the Ofsted scale, over the months from April 2026,
    /// with "today" the last day of the last month.
    pub fn new(seed: u64, auditors: usize, audits: usize, months: u32) -> Self {
        let start = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap_or_default();
        let today = (start + Months::new(months.max(1))).pred_opt().unwrap_or(start);
        Self { seed, auditors, audits, months, start, today, template_id: DEFAULT_TEMPLATE.into() }
    }

    /// The same spec over the `months` months that end with `today`'s month, nothing after it.
    pub fn ending_on(self, today: NaiveDate) -> Self {
        let this_month = today.with_day(1).unwrap_or(today);
        let start = this_month - Months::new(self.months.max(1) - 1);
        Self { start, today, ..self }
    }
}

const TEAMS: [&str; 5] =
    ["Assessment East", "Assessment West", "Child Protection North", "Children in Care", "Leaving Care"];
const FIRST_NAMES: [&str; 12] =
    ["Sam", "Priya", "Dev", "Morgan", "Aisha", "Tom", "Grace", "Kwame", "Elena", "Owen", "Fatima", "Joel"];
/// Who moderates: names no auditor has.
const MODERATORS: [&str; 2] = ["Amira Hussain", "Tomasz Nowak"];
const LAST_NAMES: [&str; 8] = ["Patel", "Shah", "Singh", "Ellis", "Khan", "Reid", "Okafor", "Byrne"];

const STRENGTHS: [&str; 8] = [
    "The child was seen alone and their wishes and feelings are recorded in their own words.",
    "Management oversight is clear, with recorded decisions and timescales.",
    "The plan is specific, up to date and shared with the family.",
    "Multi-agency work is well coordinated; the core group met within timescales.",
    "Risk is clearly analysed and the safety plan is reviewed at each visit.",
    "The chronology is up to date and was used to inform the assessment.",
    "Visits are purposeful and the child's lived experience is evident throughout.",
    "The IRO has had a clear influence on the plan and on drift being avoided.",
];
const CONCERNS: [&str; 8] = [
    "The child was not seen alone and their views are not recorded.",
    "There is no evidence of management oversight for three months.",
    "The plan is out of date and actions have no timescales.",
    "Drift is evident: the S47 outcome was not followed up.",
    "The assessment does not analyse the impact of domestic abuse on the child.",
    "Father's views were not sought and he is not included in the plan.",
    "Supervision records lack reflection and do not set clear directions.",
    "The case would benefit from a chronology; key events are hard to follow.",
];
const ACTIONS: [&str; 6] = [
    "Update the child's plan with specific, measurable outcomes",
    "See the child alone and record their views",
    "Complete the chronology",
    "Hold a management review of the case within four weeks",
    "Invite the father to the next core group",
    "Refer for an updated assessment of needs",
];

fn pick<'a>(random: &mut SplitMix64, options: &[&'a str]) -> &'a str {
    options[below(random, options.len())]
}

fn below(random: &mut SplitMix64, n: usize) -> usize {
    (random.next_u64() % n.max(1) as u64) as usize
}

fn chance(random: &mut SplitMix64, percent: u64) -> bool {
    random.next_u64() % 100 < percent
}

/// The bundle the spec describes, with the template it used.
pub fn generate_bundle(spec: &SampleSpec) -> Bundle {
    let template = builtin_templates()
        .into_iter()
        .find(|template| template.id == spec.template_id)
        .unwrap_or_else(|| builtin_templates().remove(0));
    let mut random = SplitMix64::new(spec.seed);
    let auditors: Vec<(String, &str, i64, &str)> = (0..spec.auditors.max(1))
        .map(|index| {
            let name = format!(
                "{} {}",
                FIRST_NAMES[index % FIRST_NAMES.len()],
                LAST_NAMES[(index / FIRST_NAMES.len() + index) % LAST_NAMES.len()]
            );
            // Each auditor grades a little more leniently or harshly than the next.
            let bias = below(&mut random, 3) as i64 - 1;
            (name, TEAMS[index % TEAMS.len()], bias, role_of(index))
        })
        .collect();
    let numbered = if template.id == DEFAULT_TEMPLATE { "audit" } else { template.id.as_str() };
    let cases = (spec.audits * 4 / 5).max(1);
    let mut audits = Vec::with_capacity(spec.audits);
    let mut moderations = Vec::new();
    for index in 0..spec.audits {
        let (auditor, team, bias, role) = &auditors[below(&mut random, auditors.len())];
        let on = audit_day(&mut random, spec);
        let case = format!("CF-{:05}", below(&mut random, cases) + 1);
        let audit = generate_audit(
            &mut random,
            &template,
            AuditId::new(format!("{numbered}-{index:06}")),
            &case,
            (auditor.as_str(), *team, *bias, *role),
            on,
            spec.today,
        );
        // Saved at midnight UTC of its day, so a record dated today is never saved later than now.
        let saved_at = Utc.from_utc_datetime(&on.and_hms_opt(0, 0, 0).unwrap_or_default());
        if audit.status == AuditStatus::Moderated {
            moderations.push(Versioned {
                value: moderate(&mut random, &audit, &template, on, spec.today),
                revision: Revision::FIRST,
                updated_at: saved_at,
            });
        }
        let revision = Revision::new(1 + below(&mut random, 4) as u64).unwrap_or(Revision::FIRST);
        audits.push(Versioned { value: audit, revision, updated_at: saved_at });
    }
    let exported_at: DateTime<Utc> =
        Utc.from_utc_datetime(&spec.today.and_hms_opt(0, 0, 0).unwrap_or_default());
    Bundle { exported_at, templates: vec![template], audits, moderations }
}

/// A day in the spec's months up to its today, almost never in a paused month (August,
/// December).
fn audit_day(random: &mut SplitMix64, spec: &SampleSpec) -> NaiveDate {
    loop {
        let month = spec.start + Months::new(below(random, spec.months.max(1) as usize) as u32);
        let paused = matches!(month.month(), 8 | 12);
        if !paused || chance(random, 3) {
            let day = month + Days::new(below(random, 28) as u64);
            if day <= spec.today {
                return day;
            }
        }
    }
}

/// Who audits: their name, team, how harshly they grade (-1, 0 or 1) and their role.
type Auditor<'a> = (&'a str, &'a str, i64, &'a str);

/// Most audits are by team managers; every fourth auditor is a service manager and every
/// seventh an IRO, as in a council's monthly programme.
fn role_of(index: usize) -> &'static str {
    let [team_manager, service_manager, iro, ..] = lens_core::DEFAULT_AUDITOR_ROLES;
    match index {
        index if index % 7 == 6 => iro,
        index if index % 4 == 3 => service_manager,
        _ => team_manager,
    }
}

fn generate_audit(
    random: &mut SplitMix64,
    template: &Template,
    id: AuditId,
    case: &str,
    (auditor, team, bias, role): Auditor,
    on: NaiveDate,
    today: NaiveDate,
) -> Audit {
    let typed = NewAudit { case_reference: case.into(), auditor: auditor.into() };
    let started = on.checked_sub_days(Days::new(below(random, 10) as u64)).unwrap_or(on);
    let Ok(mut audit) = typed.start(id, template.reference(), started) else {
        unreachable!("generated names and case numbers are valid")
    };
    let grades = template.scale.as_ref().map(|scale| scale.grades.clone()).unwrap_or_default();
    // The case's quality: most cases are good, some require improvement, few are inadequate.
    let quality = [0, 1, 1, 1, 1, 2, 2, 2, 3][below(random, 9)] as i64;
    for item in template.items() {
        let noise = [-1, 0, 0, 0, 1][below(random, 5)];
        // An ungraded template or standard (an observation's notes) is written as its case is.
        let graded = !grades.is_empty() && item.grade != lens_core::GradeRule::None;
        let position = (quality + noise - bias).clamp(0, grades.len().max(1) as i64 - 1) as usize;
        let grade = graded.then(|| &grades[position]);
        let good = grade.map_or(position == 0 || (position == 1 && chance(random, 70)), |grade| {
            grade.standing == GradeStanding::GoodOrBetter
        });
        let bank = if good { &STRENGTHS } else { &CONCERNS };
        let mut narrative = pick(random, bank).to_owned();
        if chance(random, 50) {
            narrative.push(' ');
            let second_bank = if chance(random, 70) { bank } else { &STRENGTHS };
            narrative.push_str(pick(random, second_bank));
        }
        audit.responses.insert(
            item.id.clone(),
            ItemResponse { grade: grade.map(|grade| grade.code.clone()), narrative },
        );
    }
    for field in &template.header_fields {
        let answer = match (field.id.as_str(), &field.kind) {
            ("auditor" | "case-reference", _) => continue,
            ("team", _) => team.to_owned(),
            (_, lens_core::FieldKind::Date) => on.to_string(),
            (_, lens_core::FieldKind::YesNo) => if chance(random, 20) { "yes" } else { "no" }.to_owned(),
            (_, lens_core::FieldKind::Choice { options }) => options[below(random, options.len())].clone(),
            (_, lens_core::FieldKind::Text { .. }) => "Not recorded".to_owned(),
        };
        audit.set_header_value(&field.id, &answer);
    }
    audit.set_header_value(lens_core::AUDITOR_ROLE_FIELD, role);
    let suggested = lens_core::suggest_overall(template, &audit.responses).map(|suggestion| suggestion.code);
    audit.overall = suggested;
    let standing = audit
        .overall
        .as_deref()
        .and_then(|code| template.scale.as_ref()?.grade(code))
        .map(|grade| grade.standing);
    let below_good = standing.is_some_and(GradeStanding::is_below_good);
    let inadequate = standing == Some(GradeStanding::Inadequate);
    if below_good || chance(random, 30) {
        for number in 0..1 + below(random, 2) {
            let due = on + Days::new(14 + below(random, 42) as u64);
            let mut action = Action::new(
                format!("action-{}", number + 1),
                pick(random, &ACTIONS),
                "Team manager",
                Some(due),
            );
            let slip = below(random, 21) as i64 - 14;
            let completed_on =
                if slip < 0 { due - Days::new(slip.unsigned_abs()) } else { due + Days::new(slip as u64) };
            // An action is done only if the day it was done has come.
            if chance(random, 70) && completed_on <= today {
                action.status = ActionStatus::Done;
                action.completed_on = Some(completed_on);
            }
            audit.actions.push(action);
        }
    }
    if chance(random, 5) {
        return audit;
    }
    let submitted = on.max(started);
    audit.status = AuditStatus::Submitted;
    audit.submitted_on = Some(submitted);
    // Follow-up is recorded as it would be in the browser: one event per thing done.
    for action in &audit.actions {
        if let Some(done) = action.completed_on {
            audit.follow_up.events.push(FollowUpEvent {
                recorded_on: done.max(submitted),
                by: "Team manager".into(),
                what: FollowUpEventKind::ActionProgress {
                    action: action.id.clone(),
                    status: ActionStatus::Done,
                    completed_on: Some(done),
                    note: String::new(),
                },
            });
        }
    }
    if below_good && chance(random, 60) {
        let confirmed = lens_core::end_of_following_month(on) - Days::new(below(random, 40) as u64);
        let confirmed = Some(confirmed.max(on)).filter(|day| *day <= today);
        let discussed = Some(on + Days::new(7)).filter(|day| *day <= today);
        audit.follow_up.corrective_action_confirmed_on = confirmed;
        audit.follow_up.reflective_discussion_on = discussed;
        if let Some(confirmed_on) = confirmed {
            audit.follow_up.events.push(FollowUpEvent {
                recorded_on: confirmed_on.max(submitted),
                by: "Service manager".into(),
                what: FollowUpEventKind::CorrectiveActionConfirmed {
                    confirmed_on,
                    what_was_done: "Plan reviewed and updated with the team.".into(),
                },
            });
        }
        if let Some(held_on) = discussed.filter(|_| inadequate) {
            audit.follow_up.events.push(FollowUpEvent {
                recorded_on: held_on.max(submitted),
                by: "Service manager".into(),
                what: FollowUpEventKind::ReflectiveDiscussion {
                    held_on,
                    who_took_part: "The auditor, the social worker and the team manager".into(),
                    agreed: "Learning shared with the team.".into(),
                },
            });
        }
    }
    audit.follow_up.events.sort_by_key(|event| event.recorded_on);
    // Only grades are moderated: an ungraded observation never is.
    if chance(random, 12) && !grades.is_empty() {
        audit.status = AuditStatus::Moderated;
    }
    audit
}

fn moderate(
    random: &mut SplitMix64,
    audit: &Audit,
    template: &Template,
    on: NaiveDate,
    today: NaiveDate,
) -> Moderation {
    let scale = template.scale.as_ref().map(|scale| scale.grades.len()).unwrap_or(1);
    let items: std::collections::BTreeMap<String, ModeratedItem> = audit
        .responses
        .iter()
        .filter_map(|(item, response)| {
            let position = template.scale.as_ref()?.position(response.grade.as_deref()?)?;
            let moved = match below(random, 10) {
                0 => position.saturating_sub(1),
                1 => (position + 1).min(scale - 1),
                _ => position,
            };
            let code = template.scale.as_ref()?.grades[moved].code.clone();
            let rationale = if moved == position {
                String::new()
            } else {
                "Agreed after discussing the evidence with the auditor.".into()
            };
            Some((
                item.clone(),
                ModeratedItem { moderator_grade: Some(code.clone()), agreed_grade: Some(code), rationale },
            ))
        })
        .collect();
    // The overall judgement follows the template's rule on the agreed grades, with no draw of
    // its own, so the same seed gives the same audits and grades as before it was moderated.
    let agreed: std::collections::BTreeMap<String, ItemResponse> = items
        .iter()
        .map(|(item, graded)| {
            (item.clone(), ItemResponse { grade: graded.agreed_grade.clone(), narrative: String::new() })
        })
        .collect();
    let overall = match (audit.overall_grade(template), lens_core::suggest_overall(template, &agreed)) {
        (Some(auditor), Some(suggested)) => {
            let rationale = if suggested.code == auditor {
                String::new()
            } else {
                "The agreed grades of the standards limit the overall judgement.".into()
            };
            ModeratedItem {
                moderator_grade: Some(suggested.code.clone()),
                agreed_grade: Some(suggested.code),
                rationale,
            }
        }
        _ => ModeratedItem::default(),
    };
    Moderation {
        id: format!("moderation-{}", audit.id),
        audit: audit.id.clone(),
        // Moderators are never among the auditors: nobody moderates their own audit.
        moderator: MODERATORS[audit.id.as_str().bytes().map(usize::from).sum::<usize>() % MODERATORS.len()]
            .into(),
        moderated_on: (on + Days::new(14)).min(today),
        items,
        overall,
        feedback: "Thank you: a clear, evaluative audit.".into(),
    }
}
