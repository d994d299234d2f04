//! Reading JSON Lines: one object per line, bad lines reported by number and skipped.

use serde_json::{Map, Value};

/// One good line: its number (from 1) and its object.
pub struct Line {
    /// The line's number in the file, from 1.
    pub number: usize,
    /// The object on it.
    pub object: Map<String, Value>,
}

/// The good lines of a file and a message for each bad one.
pub struct Lines {
    /// Lines that hold a JSON object with the required fields.
    pub good: Vec<Line>,
    /// One message per skipped line, naming its number.
    pub problems: Vec<String>,
}

/// Reads `text` as JSON Lines. Blank lines are skipped silently; a line that is not a JSON
/// object, or lacks one of `required` as text, is reported and skipped.
pub fn read(path: &str, text: &str, required: &[&str]) -> Lines {
    let mut lines = Lines { good: Vec::new(), problems: Vec::new() };
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let object = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(object)) => object,
            Ok(_) => {
                lines
                    .problems
                    .push(format!("{path}:{number}: the line is not a JSON object; it was skipped"));
                continue;
            }
            Err(error) => {
                lines
                    .problems
                    .push(format!("{path}:{number}: the line is not valid JSON ({error}); it was skipped"));
                continue;
            }
        };
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|field| !object.get(*field).is_some_and(is_text_or_number))
            .collect();
        if missing.is_empty() {
            lines.good.push(Line { number, object });
        } else {
            lines.problems.push(format!(
                "{path}:{number}: the object has no text \"{}\"; it was skipped",
                missing.join("\", \"")
            ));
        }
    }
    lines
}

fn is_text_or_number(value: &Value) -> bool {
    value.is_string() || value.is_number()
}

/// A field as text: strings as they are, numbers written out.
pub fn text_of(object: &Map<String, Value>, field: &str) -> String {
    match object.get(field) {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Number(number)) => number.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn bad_lines_are_reported_by_number_and_skipped() {
        let text = "{\"id\": \"a\", \"text\": \"Good.\"}\n\nnot json\n[1]\n{\"id\": 7}\n{\"id\": 8, \"text\": \"ok\"}\n";
        let lines = read("in.jsonl", text, &["id", "text"]);
        let numbers: Vec<usize> = lines.good.iter().map(|line| line.number).collect();
        assert_eq!(numbers, [1, 6]);
        assert_eq!(lines.problems.len(), 3);
        assert!(lines.problems[0].starts_with("in.jsonl:3: the line is not valid JSON"));
        assert_eq!(lines.problems[1], "in.jsonl:4: the line is not a JSON object; it was skipped");
        assert_eq!(lines.problems[2], "in.jsonl:5: the object has no text \"text\"; it was skipped");
    }
}
