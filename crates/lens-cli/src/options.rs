//! Reading `--name value` options and positional arguments of a command.

use std::collections::BTreeMap;

use chrono::NaiveDate;

/// A command's arguments: positional ones in order, options by name.
pub struct Options {
    /// Arguments that are not options, in order.
    pub positional: Vec<String>,
    values: BTreeMap<String, String>,
}

impl Options {
    /// Reads `args`, accepting only the options named in `known` (without `--`).
    pub fn parse(args: &[String], known: &[&str]) -> Result<Self, String> {
        let mut positional = Vec::new();
        let mut values = BTreeMap::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let Some(name) = arg.strip_prefix("--") else {
                positional.push(arg.clone());
                continue;
            };
            let (name, inline) = match name.split_once('=') {
                Some((name, value)) => (name, Some(value.to_owned())),
                None => (name, None),
            };
            if !known.contains(&name) {
                let allowed: Vec<String> = known.iter().map(|option| format!("--{option}")).collect();
                return Err(format!("there is no option --{name} here (options: {})", allowed.join(", ")));
            }
            let value = match inline {
                Some(value) => value,
                None => args.next().cloned().ok_or_else(|| format!("--{name} needs a value"))?,
            };
            if values.insert(name.to_owned(), value).is_some() {
                return Err(format!("--{name} is given twice"));
            }
        }
        Ok(Self { positional, values })
    }

    /// The value of an option, if given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// A date option (YYYY-MM-DD).
    pub fn date(&self, name: &str) -> Result<Option<NaiveDate>, String> {
        self.get(name)
            .map(|text| {
                NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                    format!("--{name} {text} is not a date: write it as YYYY-MM-DD, e.g. 2026-04-01")
                })
            })
            .transpose()
    }

    /// A whole-number option.
    pub fn number(&self, name: &str) -> Result<Option<u64>, String> {
        self.get(name)
            .map(|text| text.parse().map_err(|_| format!("--{name} {text} is not a whole number")))
            .transpose()
    }
}
