//! Which screen the host page asked for through the `view` attribute.

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// Start an audit and see the audits on this device.
    Home,
    /// What is stored on this device and whether the browser will keep it.
    Storage,
    /// The home view opened at the QA desk: moderation samples, moderations and the way to
    /// the agreement dashboard.
    QaDesk,
    /// A view name Practice Lens does not have.
    Unknown(String),
}

impl View {
    /// The views a host page may ask for, by attribute value.
    pub const NAMES: [&'static str; 3] = ["home", "storage", "qa-desk"];

    /// The view for an attribute value; a missing or empty value means home.
    pub fn from_attribute(value: Option<&str>) -> Self {
        match value.map(str::trim).unwrap_or("") {
            "" | "home" => Self::Home,
            "storage" => Self::Storage,
            "qa-desk" => Self::QaDesk,
            other => Self::Unknown(other.to_owned()),
        }
    }

    /// The attribute value naming this view.
    pub fn name(&self) -> &str {
        match self {
            Self::Home => "home",
            Self::Storage => "storage",
            Self::QaDesk => "qa-desk",
            Self::Unknown(name) => name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_values_map_to_views() {
        assert_eq!(View::from_attribute(None), View::Home);
        assert_eq!(View::from_attribute(Some(" storage ")), View::Storage);
        assert_eq!(View::from_attribute(Some("reports")), View::Unknown("reports".into()));
        for name in View::NAMES {
            assert_eq!(View::from_attribute(Some(name)).name(), name);
        }
    }
}
