//! The themes panel over a filtered set of audits: each theme's good practice and areas for
//! improvement side by side, counted by narrative, audit and month and split as asked, with
//! quotes that open their audit at the standard; then what the codebook does not cover, and
//! which of those phrases rose or fell since the period before.

mod quote;

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use chrono::{Datelike, Days, NaiveDate};
use lens_core::{completed_audits, find_template, Audit, ReportFilter, Template};
use lens_themes::{
    aggregate, discover, Direction, DiscoveryInput, Polarity, TaggedNarrative, Tagger, Tagging,
};

use self::quote::{marked_quote, phrase_quote};
use crate::device_records::DeviceRecords;
use crate::protocol::themes::{
    PanelPhrase, PeriodCompared, PhraseChange, SplitCount, ThemePanelRequest, ThemePanelView, ThemeQuote,
    ThemeSide, ThemeSides, ThemeSplit,
};
use crate::theme_view::tagging_of;

/// Quotes shown for each theme and polarity, each from a different audit.
const QUOTES_PER_SIDE: usize = 3;
/// Quotes asked of the engine for each, so that enough come from different audits.
const QUOTE_CANDIDATES: usize = 6;
/// Phrases the codebook does not cover, shown at most.
const UNCOVERED_PHRASES: usize = 12;
/// The most narratives of each period read for phrases.
pub const PHRASE_SAMPLE: usize = 10_000;
/// Rising and falling phrases shown at most.
const PHRASE_CHANGES: usize = 10;

/// One narrative the panel reads, with what it is grouped by.
pub(crate) struct PanelNarrative<'a> {
    /// `audit id/item id`.
    pub id: String,
    pub audit: &'a Audit,
    pub item: &'a str,
    /// The standard's prompt, or its id when the template is not on the device.
    pub standard: String,
    pub text: &'a str,
    month: String,
    split: String,
    pub tagging: Rc<Tagging>,
}

/// The panel for `request` over the device's records.
pub fn theme_panel(
    records: &DeviceRecords,
    request: &ThemePanelRequest,
    templates: &[Template],
) -> Result<ThemePanelView, String> {
    if request.to < request.from {
        return Err(format!(
            "The period ends on {}, before it starts on {}: check the dates",
            request.to.format("%-d %B %Y"),
            request.from.format("%-d %B %Y")
        ));
    }
    let (earlier_from, earlier_to) = period_before(request.from, request.to);
    let current = narratives(records, request, request.from, request.to, templates);
    let earlier = narratives(records, request, earlier_from, earlier_to, templates);
    let months = months_between(request.from, request.to);
    let tagger = &records.tagger;
    let themes = theme_sides(tagger, &current.narratives, current.audits, &months);
    let (uncovered, changes) = phrases(tagger, &current.narratives, &earlier.narratives);
    Ok(ThemePanelView {
        from: request.from,
        to: request.to,
        audits: current.audits,
        narratives: current.narratives.len(),
        months: months.iter().map(|(_, label)| label.clone()).collect(),
        split: request.split,
        themes,
        uncovered,
        phrases_read: spread(&current.narratives).count(),
        earlier: PeriodCompared { from: earlier_from, to: earlier_to, narratives: earlier.narratives.len() },
        changes,
        codebook: records.codebook.clone(),
    })
}

/// The period just before: as many whole months when the period is whole months (a quarter
/// is compared with the quarter before), otherwise as many days.
fn period_before(from: NaiveDate, to: NaiveDate) -> (NaiveDate, NaiveDate) {
    let earlier_to = from - Days::new(1);
    let whole_months = from.day() == 1 && (to + Days::new(1)).day() == 1;
    if whole_months {
        let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32 + 1;
        if let Some(earlier_from) = from.checked_sub_months(chrono::Months::new(months as u32)) {
            return (earlier_from, earlier_to);
        }
    }
    // A period from the first of a month (this quarter so far) is compared with the same days
    // of the months before it.
    if from.day() == 1 {
        let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32 + 1;
        let back = chrono::Months::new(months as u32);
        if let (Some(earlier_from), Some(shifted_to)) =
            (from.checked_sub_months(back), to.checked_sub_months(back))
        {
            return (earlier_from, shifted_to.min(earlier_to));
        }
    }
    let days = (to - from).num_days().max(0) as u64;
    (earlier_to - Days::new(days), earlier_to)
}

/// Each month the period touches, as `YYYY-MM` and as a person reads it.
fn months_between(from: NaiveDate, to: NaiveDate) -> Vec<(String, String)> {
    let mut months = Vec::new();
    let mut first = from.with_day(1).unwrap_or(from);
    while first <= to {
        months.push((first.format("%Y-%m").to_string(), first.format("%b %Y").to_string()));
        first = first.checked_add_months(chrono::Months::new(1)).unwrap_or(NaiveDate::MAX);
    }
    months
}

fn completed_in<'a>(
    records: &'a DeviceRecords,
    request: &ThemePanelRequest,
    from: NaiveDate,
    to: NaiveDate,
    templates: &'a [Template],
) -> Vec<&'a Audit> {
    let filter = ReportFilter {
        team: request.team.clone(),
        template: request.template.clone(),
        ..ReportFilter::between(from, to)
    };
    completed_audits(&records.audits, templates, &filter)
}

struct Read<'a> {
    narratives: Vec<PanelNarrative<'a>>,
    /// The completed audits they come from, with or without narratives.
    audits: usize,
}

/// The narratives of the audits a report for the same period, team and template counts as
/// completed, keeping only the standard and grade asked for, each tagged.
fn narratives<'a>(
    records: &'a DeviceRecords,
    request: &ThemePanelRequest,
    from: NaiveDate,
    to: NaiveDate,
    templates: &'a [Template],
) -> Read<'a> {
    let tagger = &records.tagger;
    let mut taggings = records.taggings.borrow_mut();
    let mut narratives = Vec::new();
    let audits = completed_in(records, request, from, to, templates);
    for &audit in &audits {
        let template = find_template(templates, &audit.template);
        let month = audit.audited_on(template).format("%Y-%m").to_string();
        for (item, response) in &audit.responses {
            if response.narrative.trim().is_empty()
                || request.standard.as_ref().is_some_and(|standard| standard != item)
            {
                continue;
            }
            let grade = template.and_then(|template| {
                let code = response.grade.as_deref()?;
                Some(template.scale.as_ref()?.grade(code)?.label.clone())
            });
            if request.grade.as_ref().is_some_and(|wanted| grade.as_ref() != Some(wanted)) {
                continue;
            }
            let standard = template
                .and_then(|template| template.item(item))
                .map_or_else(|| item.clone(), |item| item.prompt.clone());
            let split = match request.split {
                ThemeSplit::Standard => standard.clone(),
                ThemeSplit::Team => Some(audit.team().trim())
                    .filter(|team| !team.is_empty())
                    .map_or_else(|| "No team given".to_owned(), str::to_owned),
                ThemeSplit::Grade => grade.unwrap_or_else(|| "Not graded".to_owned()),
            };
            let id = format!("{}/{item}", audit.id);
            let tagging = tagging_of(&mut taggings, tagger, &id, response, template);
            narratives.push(PanelNarrative {
                id,
                audit,
                item,
                standard,
                text: &response.narrative,
                month: month.clone(),
                split,
                tagging,
            });
        }
    }
    Read { narratives, audits: audits.len() }
}

/// Each theme found, both polarities side by side, most narratives first.
fn theme_sides(
    tagger: &Tagger,
    narratives: &[PanelNarrative<'_>],
    audits: usize,
    months: &[(String, String)],
) -> Vec<ThemeSides> {
    let codebook = tagger.codebook();
    let tagged: Vec<TaggedNarrative<'_>> = narratives
        .iter()
        .map(|narrative| TaggedNarrative {
            id: &narrative.id,
            audit: narrative.audit.id.as_str(),
            month: &narrative.month,
            split: &narrative.split,
            tagging: &narrative.tagging,
        })
        .collect();
    let by_id: HashMap<&str, &PanelNarrative<'_>> =
        narratives.iter().map(|narrative| (narrative.id.as_str(), narrative)).collect();
    let order: Vec<&str> = codebook.themes.iter().map(|theme| theme.id.as_str()).collect();
    let mut themes: BTreeMap<usize, ThemeSides> = BTreeMap::new();
    let mut totals: BTreeMap<usize, usize> = BTreeMap::new();
    for row in aggregate(&tagged, &order, QUOTE_CANDIDATES) {
        let place = order.iter().position(|id| *id == row.theme).unwrap_or(order.len());
        let per_month: BTreeMap<&str, usize> =
            row.by_month.iter().map(|(month, count)| (month.as_str(), *count)).collect();
        let mut by_split: Vec<SplitCount> = row
            .by_split
            .iter()
            .map(|(value, narratives)| SplitCount { value: value.clone(), narratives: *narratives })
            .collect();
        by_split.sort_by(|a, b| b.narratives.cmp(&a.narratives).then_with(|| a.value.cmp(&b.value)));
        let side = ThemeSide {
            narratives: row.narratives,
            audits: row.audits,
            share_of_audits: format!("{:.0}%", row.audits as f64 * 100.0 / audits.max(1) as f64),
            by_month: months
                .iter()
                .map(|(month, _)| per_month.get(month.as_str()).copied().unwrap_or(0))
                .collect(),
            by_split,
            quotes: from_different_audits(row.quotes.iter().filter_map(|(id, sentence)| {
                Some(marked_quote(by_id.get(id.as_str())?, &row.theme, row.polarity, sentence))
            })),
        };
        *totals.entry(place).or_default() += row.narratives;
        let sides = themes.entry(place).or_insert_with(|| ThemeSides {
            theme: row.theme.clone(),
            label: codebook.theme(&row.theme).map_or_else(|| row.theme.clone(), |theme| theme.label.clone()),
            strength: None,
            concern: None,
        });
        match row.polarity {
            Polarity::Strength => sides.strength = Some(side),
            Polarity::Concern => sides.concern = Some(side),
        }
    }
    let mut ordered: Vec<(usize, ThemeSides)> = themes.into_iter().collect();
    // Most narratives first; codebook order breaks ties.
    ordered.sort_by_key(|(place, _)| (std::cmp::Reverse(totals[place]), *place));
    ordered.into_iter().map(|(_, sides)| sides).collect()
}

/// At most [`PHRASE_SAMPLE`] narratives spread evenly through `narratives`, in their order:
/// phrases are counted in this sample of a larger set, as reading every narrative of a
/// council's year for phrases would keep the panel waiting for seconds.
fn spread<'n, 'a>(narratives: &'n [PanelNarrative<'a>]) -> impl Iterator<Item = &'n PanelNarrative<'a>> {
    let stride = narratives.len().div_ceil(PHRASE_SAMPLE).max(1);
    narratives.iter().step_by(stride)
}

/// The first quotes that each come from a different audit: one case file quoted three times
/// says less than three.
fn from_different_audits(quotes: impl Iterator<Item = ThemeQuote>) -> Vec<ThemeQuote> {
    let mut chosen: Vec<ThemeQuote> = Vec::new();
    for quote in quotes {
        if chosen.len() < QUOTES_PER_SIDE && chosen.iter().all(|kept| kept.audit != quote.audit) {
            chosen.push(quote);
        }
    }
    chosen
}

/// What the codebook does not cover in this period's narratives, and which of those phrases
/// rose or fell against the period before.
fn phrases<'n, 'a>(
    tagger: &Tagger,
    current: &'n [PanelNarrative<'a>],
    earlier: &'n [PanelNarrative<'a>],
) -> (Vec<PanelPhrase>, Vec<PhraseChange>) {
    let codebook = tagger.codebook();
    let input = |period: &'static str| {
        move |narrative: &'n PanelNarrative<'a>| DiscoveryInput {
            id: &narrative.id,
            text: narrative.text,
            group: "",
            period,
        }
    };
    let now: Vec<DiscoveryInput<'_>> = spread(current).map(input("later")).collect();
    // A word alone ("evidence", "hard") rarely names a pattern; two or more words do.
    let found = discover(&now, Some(codebook), UNCOVERED_PHRASES * 4, None);
    let by_id: HashMap<&str, &PanelNarrative<'_>> =
        current.iter().map(|narrative| (narrative.id.as_str(), narrative)).collect();
    let uncovered = found
        .groups
        .into_iter()
        .flat_map(|group| group.phrases)
        .filter(|phrase| phrase.phrase.contains(' '))
        .take(UNCOVERED_PHRASES)
        .map(|phrase| PanelPhrase {
            quote: phrase.quotes.first().and_then(|quote| {
                Some(phrase_quote(by_id.get(quote.id.as_str())?, &phrase.phrase, &quote.sentence))
            }),
            phrase: phrase.phrase,
            narratives: phrase.narratives,
        })
        .collect();
    if earlier.is_empty() || current.is_empty() {
        return (uncovered, Vec::new());
    }
    let both: Vec<DiscoveryInput<'_>> =
        spread(earlier).map(input("earlier")).chain(now.iter().copied()).collect();
    let changes = discover(&both, Some(codebook), 0, Some(("earlier", "later")))
        .trends
        .into_iter()
        .filter(|trend| trend.phrase.contains(' '))
        .take(PHRASE_CHANGES)
        .map(|trend| PhraseChange {
            phrase: trend.phrase,
            earlier: trend.earlier,
            later: trend.later,
            rising: trend.direction == Direction::Rising,
        })
        .collect();
    (uncovered, changes)
}

#[cfg(test)]
mod tests;
