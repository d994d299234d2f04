//! The `config` attribute: JSON settings an intranet owner gives the embedded app.

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
        serde_json::from_str(text).map_err(|error| {
            ConfigProblem(format!(
                "The config attribute is not valid ({error}). It should be JSON such as {{\"organisation\": \"Northshire Council\", \"auditor\": \"Sam Patel\"}}."
            ))
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
    fn unknown_fields_and_bad_json_are_explained() {
        let problem = Config::from_attribute(Some(r#"{"colour":"red"}"#)).unwrap_err();
        assert!(problem.0.contains("unknown field `colour`"), "{}", problem.0);
        let problem = Config::from_attribute(Some("{oops")).unwrap_err();
        assert!(problem.0.starts_with("The config attribute is not valid"), "{}", problem.0);
    }
}
