//! The themes panel: what the narratives of a filtered set of audits say, theme by theme, with
//! good practice and areas for improvement side by side, as the panel shows it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::DataSource;

/// Which narratives the panel reads, and how it splits each theme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemePanelRequest {
    /// Where the audits are.
    pub source: DataSource,
    /// The first day covered.
    pub from: NaiveDate,
    /// The last day covered.
    pub to: NaiveDate,
    /// Only this team, if given.
    pub team: Option<String>,
    /// Only audits made with this template id, if given.
    pub template: Option<String>,
    /// Only the narratives of this standard (item id), if given.
    pub standard: Option<String>,
    /// Only narratives whose standard was given this grade (as a person reads it), if given.
    pub grade: Option<String>,
    /// What each theme's counts are split by.
    pub split: ThemeSplit,
}

/// What a theme's counts are split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeSplit {
    /// The standard each narrative answers.
    #[default]
    Standard,
    /// The team of each narrative's audit.
    Team,
    /// The grade given to each narrative's standard.
    Grade,
}

impl ThemeSplit {
    /// Every split, in the order the panel offers them.
    pub const ALL: [Self; 3] = [Self::Standard, Self::Team, Self::Grade];

    /// The split as a person reads it, e.g. "Standard".
    pub fn label(self) -> &'static str {
        match self {
            Self::Standard => "Standard",
            Self::Team => "Team",
            Self::Grade => "Grade",
        }
    }

    /// The split's name in a request and in the page's controls.
    pub fn name(self) -> &'static str {
        match self {
            Self::Standard => "standard",
            Self::Team => "team",
            Self::Grade => "grade",
        }
    }

    /// The split named `name`, if it is one.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|split| split.name() == name)
    }
}

/// The panel as the screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemePanelView {
    /// The first day covered.
    pub from: NaiveDate,
    /// The last day covered.
    pub to: NaiveDate,
    /// Completed audits in the set (reflections never count).
    pub audits: usize,
    /// Their narratives read, after the standard and grade filters.
    pub narratives: usize,
    /// The months of the period as a person reads them, e.g. "Apr 2026": each side's
    /// `by_month` counts follow this order.
    pub months: Vec<String>,
    /// What the counts are split by.
    pub split: ThemeSplit,
    /// Every theme found, most narratives first.
    pub themes: Vec<ThemeSides>,
    /// Phrases used in several narratives that no theme of the codebook covers, most telling first.
    pub uncovered: Vec<PanelPhrase>,
    /// How many of the narratives were read for phrases: all of them, or a sample spread evenly
    /// through a larger set.
    pub phrases_read: usize,
    /// The period of equal length just before, that `changes` compares with.
    pub earlier: PeriodCompared,
    /// Uncovered phrases used by a larger or smaller share of narratives than in the earlier period.
    pub changes: Vec<PhraseChange>,
    /// The codebook the narratives were read with.
    pub codebook: super::codebook::CodebookSummary,
}

/// The period a panel compares with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodCompared {
    /// Its first day.
    pub from: NaiveDate,
    /// Its last day.
    pub to: NaiveDate,
    /// Its narratives read, with the same filters.
    pub narratives: usize,
}

/// One theme of the codebook: what was found going well and what needs to improve.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeSides {
    /// The codebook's id, e.g. `voice-of-child`.
    pub theme: String,
    /// The theme as a person reads it, e.g. "Voice of the child".
    pub label: String,
    /// Found as good practice, if it was.
    pub strength: Option<ThemeSide>,
    /// Found as an area for improvement, if it was.
    pub concern: Option<ThemeSide>,
}

/// One theme with one polarity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeSide {
    /// Narratives in which it was found.
    pub narratives: usize,
    /// Audits in which it was found.
    pub audits: usize,
    /// `audits` as a whole percentage of the set's audits, e.g. "12%".
    pub share_of_audits: String,
    /// Narratives per month, in the order of the view's `months`.
    pub by_month: Vec<usize>,
    /// Narratives per value of the split, most first.
    pub by_split: Vec<SplitCount>,
    /// Sentences quoted as evidence, each from a different narrative.
    pub quotes: Vec<ThemeQuote>,
}

/// One value of a split and its narratives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SplitCount {
    /// The value, e.g. a standard's prompt or a team.
    pub value: String,
    /// Narratives with that value.
    pub narratives: usize,
}

/// A sentence quoted from a narrative, with the words that carried the finding marked, and
/// the audit and standard it opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeQuote {
    /// The audit's id.
    pub audit: String,
    /// The audit's case reference, for the link's words.
    pub case_reference: String,
    /// The standard's item id.
    pub item: String,
    /// The standard as a person reads it.
    pub standard: String,
    /// The sentence before the marked words.
    pub before: String,
    /// The marked words (empty when the words could not be placed in the sentence).
    pub marked: String,
    /// The sentence after them.
    pub after: String,
}

/// A phrase the codebook does not cover.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PanelPhrase {
    /// The phrase as most often written.
    pub phrase: String,
    /// Narratives using it.
    pub narratives: usize,
    /// A sentence that uses it.
    pub quote: Option<ThemeQuote>,
}

/// A phrase whose use changed between the earlier period and this one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhraseChange {
    /// The phrase.
    pub phrase: String,
    /// Narratives using it in the earlier period.
    pub earlier: usize,
    /// Narratives using it in this one.
    pub later: usize,
    /// Whether its share of narratives rose.
    pub rising: bool,
}
