//! What every printed page of a record carries in its margins: the protective marking the host
//! page set in `config` (for example OFFICIAL-SENSITIVE) at the top and bottom, when it was
//! printed, and the page number. It is a CSS `@page` rule with margin boxes, which the web
//! crate adds to the document for printing: a rule inside the shadow root would not reach the
//! page box.

/// The margins of a printed page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedPage {
    /// The protective marking, on every page when set.
    pub marking: Option<String>,
    /// "Printed on 1 December 2026 at 16:30".
    pub printed: String,
    /// What the document is, on every page's top left when set: a QA report names its
    /// organisation and period there.
    pub title: Option<String>,
}

/// Text as a CSS string: quotes and backslashes escaped, control characters dropped, so a
/// marking from `config` can never end the rule.
fn css_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for character in text.chars() {
        match character {
            '"' | '\\' => {
                quoted.push('\\');
                quoted.push(character);
            }
            other if other.is_control() => quoted.push(' '),
            other => quoted.push(other),
        }
    }
    quoted.push('"');
    quoted
}

impl PrintedPage {
    /// The `@page` rule.
    pub fn page_rule(&self) -> String {
        let small = "font: 9pt arial, sans-serif; color: #0b0c0c;";
        let mut rule = String::from("@page { margin: 20mm 15mm; ");
        if let Some(marking) = self.marking.as_deref().map(str::trim).filter(|marking| !marking.is_empty()) {
            let marking = css_string(marking);
            let bold = "font: bold 11pt arial, sans-serif; color: #0b0c0c;";
            rule.push_str(&format!("@top-center {{ content: {marking}; {bold} }} "));
            rule.push_str(&format!("@bottom-center {{ content: {marking}; {bold} }} "));
        }
        if let Some(title) = self.title.as_deref().map(str::trim).filter(|title| !title.is_empty()) {
            rule.push_str(&format!("@top-left {{ content: {}; {small} }} ", css_string(title)));
        }
        rule.push_str(&format!("@bottom-left {{ content: {}; {small} }} ", css_string(&self.printed)));
        rule.push_str(&format!(
            "@bottom-right {{ content: \"Page \" counter(page) \" of \" counter(pages); {small} }} "
        ));
        rule.push('}');
        rule
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marking_is_on_top_and_bottom_of_every_page_and_cannot_break_out() {
        let page = PrintedPage {
            marking: Some("OFFICIAL-SENSITIVE".into()),
            printed: "Printed on 1 December 2026 at 16:30".into(),
            title: Some("Northshire Council: QA report, 1 July to 30 September 2026".into()),
        };
        let rule = page.page_rule();
        assert!(rule.contains("@top-center { content: \"OFFICIAL-SENSITIVE\";"), "{rule}");
        assert!(rule.contains("@bottom-center { content: \"OFFICIAL-SENSITIVE\";"), "{rule}");
        assert!(rule.contains("@bottom-left { content: \"Printed on 1 December 2026 at 16:30\";"), "{rule}");
        assert!(
            rule.contains(
                "@top-left { content: \"Northshire Council: QA report, 1 July to 30 September 2026\";"
            ),
            "{rule}"
        );
        let hostile = PrintedPage {
            marking: Some("X\"; } body {\n display: none } @page { x: \"\\".into()),
            printed: String::new(),
            title: None,
        };
        let rule = hostile.page_rule();
        // Quotes and backslashes are escaped, a line break becomes a space: the string never ends early.
        assert!(rule.contains(r#"content: "X\"; } body {  display: none } @page { x: \"\\";"#), "{rule}");
        let unmarked =
            PrintedPage { marking: Some("  ".into()), printed: "Printed".into(), title: None }.page_rule();
        assert!(!unmarked.contains("top-center"), "{unmarked}");
    }
}
