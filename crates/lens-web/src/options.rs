//! Reading the element's attributes, passed from JavaScript as one options object.

use lens_ui::{AppProps, Config, PlatformHandle, View};
use wasm_bindgen::JsValue;

/// The database used when the element has no `db-name` attribute.
pub const DEFAULT_DB_NAME: &str = "practice-lens";

/// The element's attribute values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MountOptions {
    /// The `view` attribute.
    pub view: Option<String>,
    /// The `db-name` attribute.
    pub db_name: Option<String>,
    /// The `config` attribute.
    pub config: Option<String>,
    /// Where the analysis worker's script is, resolved by the element from its own URL.
    pub worker_url: Option<String>,
}

impl MountOptions {
    /// Reads `{view, dbName, config, workerUrl}` from a JavaScript object; anything not a string
    /// is absent.
    pub fn read(options: &JsValue) -> Self {
        let field = |name: &str| {
            js_sys::Reflect::get(options, &JsValue::from_str(name)).ok().and_then(|value| value.as_string())
        };
        Self {
            view: field("view"),
            db_name: field("dbName"),
            config: field("config"),
            worker_url: field("workerUrl"),
        }
    }

    /// The app's properties for these attribute values.
    pub fn into_props(self, platform: PlatformHandle) -> AppProps {
        let (config, config_problem) = match Config::from_attribute(self.config.as_deref()) {
            Ok(config) => (config, None),
            Err(problem) => (Config::default(), Some(problem)),
        };
        let db_name = self
            .db_name
            .map(|name| name.trim().to_owned())
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| DEFAULT_DB_NAME.to_owned());
        AppProps {
            view: View::from_attribute(self.view.as_deref()),
            db_name,
            config,
            config_problem,
            platform,
        }
    }
}
