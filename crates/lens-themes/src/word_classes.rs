//! Word classes a cue may name in angle brackets: `<child>` for any word for the child, a
//! pronoun or a name; `<parent>` for a parent or family adult; `<time>` for a unit of time;
//! `<express>` for the verbs of saying, telling and choosing a child's voice is heard through;
//! `<see>` for seeing, meeting or speaking with someone and `<alone>` for the ways of saying it
//! happened apart from others ("seen on his own", "spoken to separately"); `<engage>` for working
//! with someone (help, support, involve, discuss). One cue such as `explained to <child>` covers
//! "explained to him", "explained to the twins" and "explained to Connor", so the codebook states a
//! pattern once instead of listing its forms.

/// A class, by its position in [`CLASSES`].
pub(crate) type ClassId = u8;

/// The class a name belongs to.
pub(crate) const CHILD: ClassId = 0;

/// Each class's name and its words. Pronouns count as the child: audit narratives speak of the
/// child by name or pronoun and of adults mostly by role ("mum", "the carer").
pub(crate) const CLASSES: [(&str, &[&str]); 7] = [
    (
        "child",
        &[
            "child",
            "children",
            "baby",
            "babies",
            "infant",
            "toddler",
            "teenager",
            "twins",
            "siblings",
            "sibling",
            "boy",
            "girl",
            "son",
            "daughter",
            "person",
            "youngster",
            "he",
            "she",
            "him",
            "her",
            "they",
            "them",
            "himself",
            "herself",
        ],
    ),
    (
        "parent",
        &[
            "parent",
            "parents",
            "mum",
            "mother",
            "dad",
            "father",
            "stepfather",
            "stepmother",
            "stepdad",
            "stepmum",
            "grandmother",
            "grandfather",
            "grandparents",
            "nan",
            "grandma",
            "grandad",
            "aunt",
            "uncle",
            "partner",
            "family",
        ],
    ),
    (
        "express",
        &[
            "say",
            "says",
            "said",
            "tell",
            "tells",
            "told",
            "describe",
            "described",
            "express",
            "expressed",
            "explain",
            "explained",
            "share",
            "shared",
            "choose",
            "chose",
            "chosen",
            "want",
            "wants",
            "wanted",
            "wish",
            "wished",
            "ask",
            "asked",
            "disclose",
            "disclosed",
            "communicate",
            "communicated",
            "talk",
            "talked",
            "speak",
            "spoke",
            "spoken",
            "write",
            "wrote",
            "written",
            "draw",
            "drew",
        ],
    ),
    ("see", &["see", "seen", "seeing", "saw", "speak", "spoken", "spoke", "meet", "met", "visit", "visited"]),
    ("alone", &["alone", "own", "separately", "privately", "individually", "without"]),
    (
        "engage",
        &[
            "help",
            "support",
            "engage",
            "engagement",
            "involve",
            "work",
            "interaction",
            "interact",
            "discuss",
            "discussion",
            "approach",
            "relationship",
            "partnership",
            "listen",
            "consult",
        ],
    ),
    (
        "time",
        &["hour", "hours", "day", "days", "week", "weeks", "fortnight", "month", "months", "year", "years"],
    ),
];

// A token holds its classes as the bits of a byte.
const _: () = assert!(CLASSES.len() <= 8);

/// The class a cue word written `<name>` stands for.
pub(crate) fn class_named(name: &str) -> Option<ClassId> {
    CLASSES.iter().position(|(class, _)| *class == name).and_then(|position| ClassId::try_from(position).ok())
}
