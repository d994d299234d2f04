//! British and American spellings made one, so "behavior" matches a cue written "behaviour".
//!
//! Words are folded to the British form the source documents use, before stemming. Regular
//! endings (-ize, -yze, -ization, -or/-our, -er/-re) are rewritten by rule for the stems known to
//! vary, with the rule's exceptions ("size", "laboratory") listed; irregular pairs are looked up.

/// American spellings whose British form no suffix rule gives.
const IRREGULAR: [(&str, &str); 22] = [
    ("judgment", "judgement"),
    ("judgments", "judgements"),
    ("program", "programme"),
    ("programs", "programmes"),
    ("defense", "defence"),
    ("offense", "offence"),
    ("license", "licence"),
    ("practicing", "practising"),
    ("practiced", "practised"),
    ("pediatric", "paediatric"),
    ("pediatrician", "paediatrician"),
    ("fetal", "foetal"),
    ("enroll", "enrol"),
    ("enrollment", "enrolment"),
    ("fulfill", "fulfil"),
    ("skillful", "skilful"),
    ("counselor", "counsellor"),
    ("counseling", "counselling"),
    ("traveling", "travelling"),
    ("canceled", "cancelled"),
    ("labeled", "labelled"),
    ("modeling", "modelling"),
];

/// Stems that take "-our" in British English when written with "-or" ("behavior", "favorable").
const OUR_STEMS: [&str; 14] = [
    "behavior", "color", "favor", "honor", "labor", "neighbor", "humor", "rumor", "harbor", "vigor",
    "endeavor", "savior", "candor", "rigor",
];

/// What may follow an "-or" stem for the word to take "-our" ("behavioural", "favourite").
const OUR_ENDINGS: [&str; 14] =
    ["", "s", "ed", "ing", "able", "ably", "al", "ally", "ful", "ite", "ites", "er", "ers", "less"];

/// Words ending in "-ize" that are not the verb suffix.
const IZE_EXCEPTIONS: [&str; 9] =
    ["size", "seize", "prize", "capsize", "resize", "downsize", "maize", "baize", "assize"];

/// Stems that take "-re" in British English when written with "-er" ("center", "centers").
const RE_STEMS: [&str; 3] = ["cent", "theat", "fib"];

/// The British spelling of a lower-case word, or `None` when it is already British or not a variant.
pub(crate) fn british(word: &str) -> Option<String> {
    if let Some((_, british)) = IRREGULAR.iter().find(|(american, _)| *american == word) {
        return Some((*british).to_owned());
    }
    for stem in OUR_STEMS {
        if let Some(rest) = word.strip_prefix(stem) {
            // "laboratory", "honorary" and "rigorous" keep "-or" in British English too.
            if OUR_ENDINGS.contains(&rest) {
                let base = &stem[..stem.len() - 2];
                return Some(format!("{base}our{rest}"));
            }
            return None;
        }
    }
    for stem in RE_STEMS {
        if let Some(rest) = word.strip_prefix(stem).and_then(|rest| rest.strip_prefix("er")) {
            if rest.is_empty() || rest == "s" {
                return Some(format!("{stem}re{rest}"));
            }
        }
    }
    iz_to_is(word)
}

/// "-ize", "-izing", "-ization", "-yze" … to "-ise", "-ising", "-isation", "-yse".
fn iz_to_is(word: &str) -> Option<String> {
    const ENDINGS: [(&str, &str); 10] = [
        ("izations", "isations"),
        ("ization", "isation"),
        ("izing", "ising"),
        ("izers", "isers"),
        ("izer", "iser"),
        ("izes", "ises"),
        ("ized", "ised"),
        ("ize", "ise"),
        ("yzing", "ysing"),
        ("yze", "yse"),
    ];
    if IZE_EXCEPTIONS.iter().any(|exception| word.starts_with(exception)) {
        return None;
    }
    for (american, british) in ENDINGS {
        if let Some(base) = word.strip_suffix(american) {
            // Short bases ("size", "prize") are whole words, not a suffix on a stem.
            if base.chars().count() >= 3 {
                return Some(format!("{base}{british}"));
            }
        }
    }
    for (american, british) in [("yzed", "ysed"), ("yzes", "yses")] {
        if let Some(base) = word.strip_suffix(american) {
            return Some(format!("{base}{british}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::british;

    fn check(word: &str, expected: Option<&str>) {
        assert_eq!(british(word).as_deref(), expected, "{word}");
    }

    #[test]
    fn american_spellings_become_british() {
        check("organization", Some("organisation"));
        check("organizations", Some("organisations"));
        check("prioritized", Some("prioritised"));
        check("analyze", Some("analyse"));
        check("analyzed", Some("analysed"));
        check("behavior", Some("behaviour"));
        check("behaviors", Some("behaviours"));
        check("favorable", Some("favourable"));
        check("center", Some("centre"));
        check("judgment", Some("judgement"));
        check("pediatric", Some("paediatric"));
    }

    #[test]
    fn words_that_only_look_american_are_left_alone() {
        check("size", None);
        check("seized", None);
        check("behaviour", None);
        check("organisation", None);
        check("rigorous", None);
        check("centered", None);
        check("laboratory", None);
        check("theater", Some("theatre"));
        check("enter", None);
        check("supervision", None);
    }
}
