//! Quotes as the panel shows them: the sentence with the words that carried the finding marked,
//! and the audit and standard a reader opens from it.

use lens_themes::Polarity;

use super::PanelNarrative;
use crate::protocol::themes::ThemeQuote;

/// `sentence`, quoted for theme `theme` with polarity `polarity` in `narrative`, with the words
/// of its evidence marked.
pub(super) fn marked_quote(
    narrative: &PanelNarrative<'_>,
    theme: &str,
    polarity: Polarity,
    sentence: &str,
) -> ThemeQuote {
    let evidence = narrative
        .tagging
        .themes
        .iter()
        .filter(|finding| finding.theme == theme && finding.polarity == polarity)
        .flat_map(|finding| &finding.evidence)
        .find(|evidence| evidence.sentence == sentence);
    let words: Option<String> = evidence.map(|evidence| {
        narrative
            .text
            .chars()
            .skip(evidence.start)
            .take(evidence.end.saturating_sub(evidence.start))
            .collect()
    });
    let place = words.as_deref().filter(|words| !words.is_empty()).and_then(|words| {
        let start = sentence.find(words)?;
        Some((start, start + words.len()))
    });
    quote_with(narrative, sentence, place)
}

/// `sentence`, quoted for the phrase `phrase` in `narrative`, with the phrase marked where it is
/// written (in any capitals).
pub(super) fn phrase_quote(narrative: &PanelNarrative<'_>, phrase: &str, sentence: &str) -> ThemeQuote {
    // ASCII lower case keeps every byte where it was, so a place found in it is a place in the sentence.
    let start = sentence.to_ascii_lowercase().find(&phrase.to_ascii_lowercase());
    quote_with(narrative, sentence, start.map(|start| (start, start + phrase.len())))
}

fn quote_with(narrative: &PanelNarrative<'_>, sentence: &str, place: Option<(usize, usize)>) -> ThemeQuote {
    let (before, marked, after) = match place {
        Some((start, end)) if sentence.is_char_boundary(start) && sentence.is_char_boundary(end) => {
            (&sentence[..start], &sentence[start..end], &sentence[end..])
        }
        _ => (sentence, "", ""),
    };
    ThemeQuote {
        audit: narrative.audit.id.to_string(),
        case_reference: narrative.audit.case_reference.clone(),
        item: narrative.item.to_owned(),
        standard: narrative.standard.clone(),
        before: before.to_owned(),
        marked: marked.to_owned(),
        after: after.to_owned(),
    }
}
