//! The model file: tab-separated lines, sorted, so a retrained model shows as a readable diff.
//!
//! Each weight line is a section (`presence` or `polarity`), a kind of feature (`signal`, `word`,
//! `negated`, `pair`), its words (stems) and its weights: for presence, each theme's position in
//! the `theme` lines and its weight; for polarity, one weight towards good practice.
//!
//! For example (each gap here is one tab in the file):
//!
//! ```text
//! narratives 612
//! theme      voice_of_child
//! theme      child_seen_alone
//! presence   signal  cue         0:1.665 1:2.210
//! presence   word    view        0:1.200
//! presence   pair    child view  0:0.410
//! polarity   negated evid        0.330
//! ```

use std::fmt::Write as _;

use rustc_hash::FxHashMap;

use super::features::{Feature, Signal, SIGNALS};
use super::ThemeModel;

/// What a weight is for, in words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Key {
    Signal(Signal),
    Word(Box<str>),
    Negated(Box<str>),
    Pair(Box<str>, Box<str>),
}

/// One weight: of a theme's presence (by position), or of polarity (none).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub(crate) theme: Option<usize>,
    pub(crate) key: Key,
    pub(crate) weight: f32,
}

/// The decimal places a weight keeps.
const PLACES: usize = 3;

/// Writes a model's weights as the model file, in a fixed order.
pub(crate) fn write(narratives: usize, themes: &[String], entries: &mut [Entry]) -> String {
    entries.sort_by(|one, other| {
        (one.theme.is_none(), &one.key, one.theme).cmp(&(other.theme.is_none(), &other.key, other.theme))
    });
    let mut out = format!(
        "# Practice Lens theme model: written by `lens themes train`; retrain rather than edit.\nnarratives\t{narratives}\n"
    );
    for theme in themes {
        let _ = writeln!(out, "theme\t{theme}");
    }
    for group in
        entries.chunk_by(|one, other| one.theme.is_none() == other.theme.is_none() && one.key == other.key)
    {
        let section = if group[0].theme.is_some() { "presence" } else { "polarity" };
        let (kind, key) = match &group[0].key {
            Key::Signal(signal) => ("signal", signal_name(*signal).to_owned()),
            Key::Word(stem) => ("word", stem.to_string()),
            Key::Negated(stem) => ("negated", stem.to_string()),
            Key::Pair(first, second) => ("pair", format!("{first} {second}")),
        };
        let weights: Vec<String> = group
            .iter()
            .map(|entry| match entry.theme {
                Some(theme) => format!("{theme}:{:.PLACES$}", entry.weight),
                None => format!("{:.PLACES$}", entry.weight),
            })
            .collect();
        let _ = writeln!(out, "{section}\t{kind}\t{key}\t{}", weights.join(" "));
    }
    out
}

fn signal_name(signal: Signal) -> &'static str {
    SIGNALS[signal.index()].1
}

/// A weight rounded as the model file keeps it.
pub(crate) fn rounded(weight: f64) -> f32 {
    let scale = 10f64.powi(PLACES as i32);
    (libm::round(weight * scale) / scale) as f32
}

impl ThemeModel {
    /// The model as its file.
    pub fn to_file(&self) -> String {
        let mut texts: Vec<(&str, u32)> =
            self.stems.iter().map(|(text, number)| (&**text, *number)).collect();
        texts.sort_unstable_by_key(|(_, number)| *number);
        let stem = |number: u32| -> Box<str> { texts[number as usize].0.into() };
        let key_of = |feature: &Feature| match *feature {
            Feature::Word(word) => Key::Word(stem(word)),
            Feature::Negated(word) => Key::Negated(stem(word)),
            Feature::Pair(first, second) => Key::Pair(stem(first), stem(second)),
        };
        let mut entries = Vec::new();
        let mut presence: Vec<&Feature> = self.presence.keys().collect();
        presence.sort_unstable();
        for feature in presence {
            for &(theme, weight) in self.presence_of(feature) {
                entries.push(Entry { theme: Some(usize::from(theme)), key: key_of(feature), weight });
            }
        }
        let mut polarity: Vec<(&Feature, &f32)> = self.polarity.iter().collect();
        polarity.sort_unstable_by_key(|(feature, _)| **feature);
        for (feature, weight) in polarity {
            entries.push(Entry { theme: None, key: key_of(feature), weight: *weight });
        }
        let signal_weights = self
            .presence_signals
            .iter()
            .enumerate()
            .map(|(position, weights)| (Some(position), weights))
            .chain([(None, &self.polarity_signals)]);
        for (theme, weights) in signal_weights {
            for (signal, _) in SIGNALS.iter().filter(|(signal, _)| weights[signal.index()] != 0.0) {
                entries.push(Entry { theme, key: Key::Signal(*signal), weight: weights[signal.index()] });
            }
        }
        write(self.narratives, &self.themes, &mut entries)
    }

    /// Reads a model file; a line it cannot read is refused with its number.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut model = Self::default();
        let mut presence: FxHashMap<Feature, Vec<(u16, f32)>> = FxHashMap::default();
        let stem_number = |stems: &mut FxHashMap<Box<str>, u32>, stem: &str| -> u32 {
            let next = u32::try_from(stems.len()).unwrap_or(u32::MAX);
            *stems.entry(stem.into()).or_insert(next)
        };
        for (index, line) in text.lines().enumerate() {
            let problem = |what: &str| format!("line {} of the theme model {what}", index + 1);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                ["narratives", count] => {
                    model.narratives = count.parse().map_err(|_| problem("has no count of narratives"))?;
                }
                ["theme", id] => {
                    model.themes.push((*id).to_owned());
                    model.presence_signals.push([0.0; SIGNALS.len()]);
                }
                [section, kind, key, weights] => {
                    let mut parsed: Vec<(Option<usize>, f32)> = Vec::new();
                    for weight in weights.split(' ') {
                        let (theme, weight) = match *section {
                            "presence" => {
                                let (theme, weight) = weight
                                    .split_once(':')
                                    .ok_or_else(|| problem("has a weight without its theme"))?;
                                let theme: usize = theme
                                    .parse()
                                    .ok()
                                    .filter(|theme| *theme < model.themes.len())
                                    .ok_or_else(|| problem("names a theme not declared"))?;
                                (Some(theme), weight)
                            }
                            "polarity" => (None, weight),
                            _ => return Err(problem("is neither presence nor polarity")),
                        };
                        let weight: f32 =
                            weight.parse().map_err(|_| problem("has a weight that is not a number"))?;
                        parsed.push((theme, weight));
                    }
                    if *kind == "signal" {
                        let signal = SIGNALS
                            .iter()
                            .find(|(_, name)| name == key)
                            .map(|(signal, _)| *signal)
                            .ok_or_else(|| problem("names an unknown signal"))?;
                        for (theme, weight) in parsed {
                            match theme {
                                Some(position) => model.presence_signals[position][signal.index()] = weight,
                                None => model.polarity_signals[signal.index()] = weight,
                            }
                        }
                        continue;
                    }
                    let feature = match *kind {
                        "word" => Feature::Word(stem_number(&mut model.stems, key)),
                        "negated" => Feature::Negated(stem_number(&mut model.stems, key)),
                        "pair" => {
                            let (first, second) =
                                key.split_once(' ').ok_or_else(|| problem("has a pair without two words"))?;
                            let first = stem_number(&mut model.stems, first);
                            Feature::Pair(first, stem_number(&mut model.stems, second))
                        }
                        _ => return Err(problem("has an unknown kind of feature")),
                    };
                    for (theme, weight) in parsed {
                        match theme {
                            Some(position) => {
                                let position =
                                    u16::try_from(position).map_err(|_| problem("has too many themes"))?;
                                presence.entry(feature).or_default().push((position, weight));
                            }
                            None => {
                                model.polarity.insert(feature, weight);
                            }
                        }
                    }
                }
                _ => return Err(problem("does not have the fields of a model line")),
            }
        }
        // Packed in feature order, so the same file always gives the same model.
        let mut features: Vec<(Feature, Vec<(u16, f32)>)> = presence.into_iter().collect();
        features.sort_unstable_by_key(|(feature, _)| *feature);
        for (feature, weights) in features {
            let start = model.presence_weights.len();
            model.presence_weights.extend(weights);
            let range = (start, model.presence_weights.len());
            let (Ok(start), Ok(end)) = (u32::try_from(range.0), u32::try_from(range.1)) else {
                return Err("the theme model has too many weights".to_owned());
            };
            model.presence.insert(feature, (start, end));
        }
        Ok(model)
    }
}
