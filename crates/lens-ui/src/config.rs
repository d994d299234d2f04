//! The `config` attribute: JSON settings an intranet owner gives the embedded app.

use lens_analysis::protocol::ExpectedVolume;
use serde::Deserialize;

/// Settings from the host page. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Config {
    /// The council or service name, shown above the app's title.
    pub organisation: Option<String>,
    /// A name to put in the auditor field when starting an audit.
    pub auditor: Option<String>,
    /// The protective marking printed at the top and bottom of every page of a record, for
    /// example "OFFICIAL-SENSITIVE".
    pub protective_marking: Option<String>,
    /// Addresses on the page's own site of the council's template documents, offered for new
    /// audits once checked.
    #[serde(default)]
    pub templates: Vec<String>,
    /// The council's teams: an audit's team is chosen from these rather than typed.
    #[serde(default)]
    pub teams: Vec<String>,
    /// The council's strands, replacing those a template offers.
    #[serde(default)]
    pub strands: Vec<String>,
    /// The roles audits are made in (team manager, IRO, …); the five tiers when not given.
    #[serde(default)]
    pub auditor_roles: Vec<String>,
    /// How many audits each auditor is expected to complete: five a quarter when not given.
    #[serde(default)]
    pub expected_audits: Option<ExpectedAuditsSetting>,
}

/// `{"perQuarter": 5}` or `{"perMonth": 1}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub enum ExpectedAuditsSetting {
    /// Audits each auditor is expected to complete in a full quarter.
    PerQuarter(u32),
    /// Audits each auditor is expected to complete in each active month.
    PerMonth(u32),
}

impl Config {
    /// The roles audits are made in: the page's list, or the five tiers.
    pub fn roles(&self) -> Vec<String> {
        if self.auditor_roles.is_empty() {
            lens_core::DEFAULT_AUDITOR_ROLES.iter().map(|role| (*role).to_owned()).collect()
        } else {
            self.auditor_roles.clone()
        }
    }

    /// How many audits each auditor is expected to complete, for reports.
    pub fn expected(&self) -> ExpectedVolume {
        match self.expected_audits {
            Some(ExpectedAuditsSetting::PerQuarter(count)) => ExpectedVolume::PerQuarter(count),
            Some(ExpectedAuditsSetting::PerMonth(count)) => ExpectedVolume::PerMonth(count),
            None => ExpectedVolume::default(),
        }
    }
}

/// `names` trimmed, without blanks, and without a name that differs from an earlier one only
/// in capitals ("children in care" after "Children in Care" would count as a second team).
fn distinct(names: Vec<String>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for name in names {
        let name = name.trim().to_owned();
        if !name.is_empty() && !kept.iter().any(|other| other.to_lowercase() == name.to_lowercase()) {
            kept.push(name);
        }
    }
    kept
}

/// Why the `config` attribute could not be used; the app then runs with no settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem(pub String);

impl Config {
    /// Reads the attribute value; a missing or blank value means no settings.
    pub fn from_attribute(value: Option<&str>) -> Result<Self, ConfigProblem> {
        let text = value.map(str::trim).unwrap_or("");
        if text.is_empty() {
            return Ok(Self::default());
        }
        let config: Self = serde_json::from_str(text).map_err(|error| {
            ConfigProblem(format!(
                "The config attribute is not valid ({error}). It should be JSON such as {{\"organisation\": \"Northshire Council\", \"auditor\": \"Sam Patel\", \"teams\": [\"Assessment\", \"Children in Care\"]}}."
            ))
        })?;
        Ok(Self {
            templates: distinct(config.templates),
            teams: distinct(config.teams),
            strands: distinct(config.strands),
            auditor_roles: distinct(config.auditor_roles),
            ..config
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_means_defaults_and_fields_are_read() {
        assert_eq!(Config::from_attribute(None), Ok(Config::default()));
        let config = Config::from_attribute(Some(r#"{"organisation":"Northshire"}"#)).unwrap();
        assert_eq!(config.organisation.as_deref(), Some("Northshire"));
        let marked = Config::from_attribute(Some(r#"{"protectiveMarking":"OFFICIAL-SENSITIVE"}"#)).unwrap();
        assert_eq!(marked.protective_marking.as_deref(), Some("OFFICIAL-SENSITIVE"));
    }

    #[test]
    fn lists_are_trimmed_and_a_name_differing_only_in_capitals_is_kept_once() {
        let config = Config::from_attribute(Some(
            r#"{"teams":["Children in Care"," children in care ","","Assessment"],"strands":["Early help"],"templates":["templates/a.json"]}"#,
        ))
        .unwrap();
        assert_eq!(config.teams, ["Children in Care", "Assessment"]);
        assert_eq!(config.strands, ["Early help"]);
        assert_eq!(config.templates, ["templates/a.json"]);
        assert_eq!(config.roles().len(), 5, "the five tiers unless the page names its own");
        assert_eq!(config.expected(), ExpectedVolume::PerQuarter(5));
        let monthly = Config::from_attribute(Some(
            r#"{"expectedAudits":{"perMonth":1},"auditorRoles":["QA officer"]}"#,
        ))
        .unwrap();
        assert_eq!(monthly.expected(), ExpectedVolume::PerMonth(1));
        assert_eq!(monthly.roles(), ["QA officer"]);
        let problem = Config::from_attribute(Some(r#"{"teams":"Assessment"}"#)).unwrap_err();
        assert!(problem.0.contains("expected a sequence"), "{}", problem.0);
    }

    #[test]
    fn unknown_fields_and_bad_json_are_explained() {
        let problem = Config::from_attribute(Some(r#"{"colour":"red"}"#)).unwrap_err();
        assert!(problem.0.contains("unknown field `colour`"), "{}", problem.0);
        let problem = Config::from_attribute(Some("{oops")).unwrap_err();
        assert!(problem.0.starts_with("The config attribute is not valid"), "{}", problem.0);
    }
}
