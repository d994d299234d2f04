//! The filter `element.exportBundle(filter)` takes, read from the host page's object with a
//! message its developer can act on for each mistake.

use chrono::NaiveDate;
use lens_analysis::protocol::export::{AuditSelection, SelectedStatus};
use serde_json::{Map, Value};

/// The keys a filter may have.
const KEYS: [&str; 6] = ["search", "status", "template", "team", "from", "to"];

/// The selection the filter's JSON text asks for; `None` (no filter) selects everything.
pub(crate) fn read_filter(text: Option<&str>) -> Result<AuditSelection, String> {
    let Some(text) = text else { return Ok(AuditSelection::default()) };
    let object = match serde_json::from_str::<Value>(text) {
        Ok(Value::Null) => return Ok(AuditSelection::default()),
        Ok(Value::Object(object)) => object,
        _ => {
            return Err(
                "exportBundle takes an object such as { team: \"Assessment West\", from: \"2027-01-01\" }, or nothing for every audit"
                    .to_owned(),
            )
        }
    };
    if let Some(unknown) = object.keys().find(|key| !KEYS.contains(&key.as_str())) {
        return Err(format!("exportBundle's filter has no \"{unknown}\": use {}", KEYS.join(", ")));
    }
    Ok(AuditSelection {
        search: text_of(&object, "search")?.unwrap_or_default(),
        status: text_of(&object, "status")?.map(|status| status_of(&status)).transpose()?,
        template: text_of(&object, "template")?.unwrap_or_default(),
        team: text_of(&object, "team")?.unwrap_or_default(),
        from: text_of(&object, "from")?.map(|day| day_of("from", &day)).transpose()?,
        to: text_of(&object, "to")?.map(|day| day_of("to", &day)).transpose()?,
    })
}

/// A key's text; absent, null or empty is no filter.
fn text_of(object: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.trim().to_owned())),
        Some(_) => Err(format!("exportBundle's filter \"{key}\" must be text")),
    }
}

fn status_of(text: &str) -> Result<SelectedStatus, String> {
    match text.to_lowercase().as_str() {
        "draft" => Ok(SelectedStatus::Draft),
        "submitted" => Ok(SelectedStatus::Submitted),
        "moderated" => Ok(SelectedStatus::Moderated),
        "closed" => Ok(SelectedStatus::Closed),
        _ => Err(format!(
            "exportBundle's filter \"status\" is \"{text}\": use draft, submitted, moderated or closed"
        )),
    }
}

fn day_of(key: &str, text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|day| (1900..=2200).contains(&chrono::Datelike::year(day)))
        .ok_or_else(|| {
            format!("exportBundle's filter \"{key}\" is \"{text}\": write a real date as year-month-day, such as 2027-01-31")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_filter_selects_everything_and_each_key_narrows() {
        assert_eq!(read_filter(None), Ok(AuditSelection::default()));
        assert_eq!(read_filter(Some("null")), Ok(AuditSelection::default()));
        let read = read_filter(Some(
            r#"{"team":" Assessment West ","status":"Submitted","from":"2027-01-01","to":"2027-03-31","search":"","template":null}"#,
        ))
        .unwrap();
        assert_eq!(read.team, "Assessment West");
        assert_eq!(read.status, Some(SelectedStatus::Submitted));
        assert_eq!(read.from, NaiveDate::from_ymd_opt(2027, 1, 1));
        assert_eq!(read.to, NaiveDate::from_ymd_opt(2027, 3, 31));
        assert_eq!((read.search.as_str(), read.template.as_str()), ("", ""));
    }

    #[test]
    fn each_mistake_is_refused_with_what_to_write() {
        let refused = |text: &str| read_filter(Some(text)).unwrap_err();
        assert_eq!(
            refused(r#"{"teem":"West"}"#),
            "exportBundle's filter has no \"teem\": use search, status, template, team, from, to"
        );
        assert_eq!(
            refused(r#"{"status":"done"}"#),
            "exportBundle's filter \"status\" is \"done\": use draft, submitted, moderated or closed"
        );
        assert!(refused(r#"{"from":"31/01/2027"}"#).contains("write a real date as year-month-day"));
        assert!(refused(r#"{"to":"2027-02-30"}"#).contains("\"to\" is \"2027-02-30\""));
        assert_eq!(refused(r#"{"team":3}"#), "exportBundle's filter \"team\" must be text");
        assert!(refused("[1]").starts_with("exportBundle takes an object"));
    }
}
