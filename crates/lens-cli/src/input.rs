//! What the JSON commands share: the input error type and the declared grading scale.

use serde_json::Value;

/// A problem with the input, worded for the person who made the file.
#[derive(Debug, PartialEq, Eq)]
pub struct InputError(pub String);

/// Parses a whole input file as JSON.
pub fn parse_json(text: &str) -> Result<Value, InputError> {
    serde_json::from_str(text).map_err(|error| InputError(format!("the file is not valid JSON ({error})")))
}

/// The grades of the input's `"categories"`, best first: distinct text or numbers.
pub struct Scale {
    categories: Vec<Value>,
}

impl Scale {
    /// Reads and checks `"categories"`.
    pub fn from_input(input: &Value) -> Result<Self, InputError> {
        let categories = input.get("categories").and_then(Value::as_array).ok_or_else(|| {
            InputError("the file needs \"categories\": a list of the grades on the scale, best first".into())
        })?;
        for (index, category) in categories.iter().enumerate() {
            if categories[..index].contains(category) {
                return Err(InputError(format!("the category {category} is listed twice")));
            }
            if !(category.is_string() || category.is_number()) {
                return Err(InputError(format!(
                    "category {} is {category}: categories must be text or numbers",
                    index + 1
                )));
            }
        }
        Ok(Self { categories: categories.clone() })
    }

    /// The categories as given.
    pub fn categories(&self) -> &[Value] {
        &self.categories
    }

    /// How many grades the scale has.
    pub fn len(&self) -> usize {
        self.categories.len()
    }

    /// The categories as text, for messages.
    pub fn labels(&self) -> Vec<String> {
        self.categories
            .iter()
            .map(|label| label.as_str().map_or_else(|| label.to_string(), str::to_owned))
            .collect()
    }

    /// The position of a rating on the scale; `Ok(None)` for null. `place` says where the
    /// rating is, for the message when it is not a category.
    pub fn position(
        &self,
        rating: &Value,
        place: impl FnOnce() -> String,
    ) -> Result<Option<usize>, InputError> {
        if rating.is_null() {
            return Ok(None);
        }
        match self.categories.iter().position(|category| category == rating) {
            Some(position) => Ok(Some(position)),
            None => Err(InputError(format!(
                "{}: {rating} is not one of the categories {}",
                place(),
                Value::Array(self.categories.clone())
            ))),
        }
    }
}
