//! The built-in codebook: seventeen themes of UK children's social care case-file audits.
//!
//! Identifiers, labels, descriptions, indicative phrases and abbreviations come from the
//! published audit theme codebook. Each theme then adds the wider vocabulary auditors use for it
//! across councils' frameworks (the seeds in the design notes): the people, meetings, documents
//! and verbs of that part of practice. Cues carry no polarity; the narrative's words give it.
//!
//! The vocabulary is stated as patterns where it can be, so that one cue covers the ways a thing
//! is written rather than the one way a narrative wrote it: `explained to <child>`,
//! `<child> <express>`, `<see> <alone>`, `_n_ <time> late`, `<engage> <parent>`. `lens themes eval`
//! prints, beside the figures on the labelled narratives, an estimate for unseen ones that leaves
//! out, for each narrative, the rules no other narrative uses; it keeps those patterns honest.
//!
//! `_n_` in a cue stands for any number ("within _n_ days"), and `<class>` for any word of a word
//! class (`word_classes.rs`; names count as the child). Marks refine a cue: a word written
//! `=word` must appear exactly so, not only share its stem ("=supervision" is not "supervised
//! contact"); a cue starting `~` is generic and gives way when a cue of another theme covers any
//! of the same words ("~the family" in "the family support worker"); a cue starting `?` counts
//! only with a judgement word near it in its clause ("?parents" in "parents were well supported").

/// The built-in codebook's name.
pub(crate) const NAME: &str = "UK children's social care case-file audit themes";

/// One built-in theme.
pub(crate) struct BuiltinTheme {
    pub(crate) id: &'static str,
    pub(crate) label: &'static str,
    pub(crate) description: &'static str,
    pub(crate) cues: &'static [&'static str],
}

/// The abbreviation glossary, matched case-sensitively on whole words.
pub(crate) const ABBREVIATIONS: &[(&str, &str)] = &[
    ("CP", "child protection"),
    ("CIN", "child in need"),
    ("LAC", "looked-after child"),
    ("CLA", "child looked after"),
    ("CiC", "child in care"),
    ("IRO", "independent reviewing officer"),
    ("PLO", "public law outline"),
    ("SW", "social worker"),
    ("TM", "team manager"),
    ("SM", "service manager"),
    ("ICPC", "initial child protection conference"),
    ("RCPC", "review child protection conference"),
    ("S47", "section 47 enquiry"),
    ("S20", "section 20 accommodation"),
    ("SGO", "special guardianship order"),
    ("FGC", "family group conference"),
    ("CSE", "child sexual exploitation"),
    ("CCE", "child criminal exploitation"),
    ("DA", "domestic abuse"),
    ("DV", "domestic violence"),
    ("MASH", "multi-agency safeguarding hub"),
    ("CAMHS", "child and adolescent mental health services"),
    ("HV", "health visitor"),
    ("PEP", "personal education plan"),
    ("EHCP", "education health and care plan"),
    ("PA", "personal adviser"),
    ("UASC", "unaccompanied asylum-seeking child"),
    ("YOS", "youth offending service"),
    ("GP", "general practitioner"),
];

/// The themes, in the codebook's order.
pub(crate) const THEMES: &[BuiltinTheme] = &[
    BuiltinTheme {
        id: "voice_of_child",
        label: "Voice of the child",
        description: "Whether the child's wishes, feelings, views and lived experience are sought, recorded in their own words and shape assessment, planning and decisions (including pre-verbal children through observation).",
        cues: &[
            "wishes and feelings", "child's views", "in their own words", "lived experience",
            "voice of the child", "views were not captured", "what life is like for",
            "observations of the baby", "child's views were sought", "<child> views", "~?=views", "?wishes",
            "voice", "own words", "<child> <express>", "<express> to <child>", "<express> with <child>",
            "helped <express>", "sense of <child>", "consulted", "a choice", "explanation", "?experiences",
            "?=presentation", "accessible format", "return home interview", "advocacy", "?quoted",
            "participation", "did not attend", "independent visitor",
        ],
    },
    BuiltinTheme {
        id: "child_seen_alone",
        label: "Child seen alone",
        description: "Whether the child is seen and spoken to on their own (away from carers/parents) at statutory visits, and whether this is recorded.",
        cues: &[
            "seen alone", "seen on her own", "spoken to alone", "not seen alone",
            "seen at school away from parents", "unseen", "seen without carers present", "<see> <alone>",
            "<child> being seen", "who was present", "being present",
        ],
    },
    BuiltinTheme {
        id: "management_oversight",
        label: "Management oversight",
        description: "Recorded manager (TM/SM/practice manager) decisions, direction, rationale, case sign-off and challenge on the file.",
        cues: &[
            "management oversight", "TM oversight", "manager's rationale", "management decision",
            "signed off", "clear =direction", "no management oversight recorded", "team manager direction",
            "oversight", "team manager", "service manager", "practice manager", "?=manager", "?=managers",
            "=management", "sign-off", "authorised", "endorsed", "decision-making", "?decision to",
            "?decision not to", "?=rationale", "?=direction", "independent reviewing officer", "escalated",
            "escalation", "manager decision",
        ],
    },
    BuiltinTheme {
        id: "supervision",
        label: "Supervision",
        description: "Frequency and quality of the social worker's case supervision: regular, reflective, analytical, actions followed up.",
        cues: &[
            "=supervision", "reflective supervision", "supervision records", "supervised monthly",
            "no supervision since", "supervision actions", "case discussed in supervision", "supervisor",
            "=supervisions", "supervision notes", "supervision record",
        ],
    },
    BuiltinTheme {
        id: "risk_assessment",
        label: "Risk assessment",
        description: "Quality of the assessment and analysis of risk, harm, need and protective factors; use of history; clear danger/worry statements; threshold decisions.",
        cues: &[
            "?impact", "analysis of risk", "risk assessment", "protective factors", "impact on the child",
            "danger statement", "threshold", "cumulative harm", "analysis was descriptive",
            "risks were not analysed", "?risk", "?risks", "analysis", "analysed", "analyse",
            "significant harm", "danger statements", "hypotheses", "self-report", "?account of",
            "underestimated", "?checks", "graded care profile", "?recommendations", "balanced view",
            "?conclusion", "?concluded", "evaluate progress", "baseline",
        ],
    },
    BuiltinTheme {
        id: "safety_planning",
        label: "Safety planning",
        description: "Existence and quality of safety plans, contingency plans and safety networks that are specific, understood by the family and reviewed.",
        cues: &[
            "safety plan", "contingency plan", "safety network", "written safety plan", "no contingency plan",
            "safety plan was reviewed", "bottom lines", "safety planning", "safety goals", "safe adult",
            "safe adults", "who to call", "contingency", "safety plans", "online safety",
        ],
    },
    BuiltinTheme {
        id: "timeliness",
        label: "Timeliness",
        description: "Whether statutory and local timescales are met: assessments (45 working days), ICPC within 15 working days, statutory visits, reviews, strategy discussions, core groups.",
        cues: &[
            "no visits", "no visit", "within timescales", "out of timescale", "45 working days",
            "visits were timely", "overdue", "late", "statutory visits", "completed on time",
            "ICPC within 15 working days", "timescale", "timescales", "=timely", "on time", "working days",
            "same day", "within 24 hours", "statutory visiting", "?frequency", "no contact", "were late",
            "in a timely way", "in good time", "within _n_ <time>", "_n_ <time> late", "_n_ <time> overdue",
            "?for _n_ <time>", "?last _n_ <time>", "delayed by _n_ <time>", "gap of _n_ <time>",
            "between visits",
        ],
    },
    BuiltinTheme {
        id: "chronology",
        label: "Chronology",
        description: "Presence, currency and analytical use of a chronology of significant events.",
        cues: &[
            "chronology", "up-to-date chronology", "no chronology on file", "chronology not updated",
            "significant events", "history of involvement", "chronologies",
        ],
    },
    BuiltinTheme {
        id: "quality_of_plan",
        label: "Quality of plan",
        description: "Whether CP/CIN/care/pathway plans are specific, measurable, achievable, relevant and time-bound, with named owners, outcomes for the child and contingency.",
        cues: &[
            "SMART", "plan was specific", "clear actions", "named person", "timescales in the plan",
            "plan is vague", "generic actions", "outcome-focused", "pathway plan", "?care plan",
            "?child in need plan", "?child protection plan", "plan has no", "?actions", "measurable",
            "named leads", "step-down plan", "pathway planning", "?personal education plan", "single plan",
            "plan does not", "?plans are", "outcomes for",
        ],
    },
    BuiltinTheme {
        id: "multi_agency_working",
        label: "Multi-agency working",
        description: "Partnership working and information sharing with police, health, education, CAMHS, probation, housing etc.; strategy discussions, core groups, professionals' meetings.",
        cues: &[
            "?multi-agency", "partner agencies", "strategy discussion", "core group", "information sharing",
            "?school", "health visitor", "police", "CAMHS", "professionals meeting", "professionals' meeting",
            "partnership", "agency", "agencies", "?health", "general practitioner", "midwife", "paediatric",
            "nurse", "?education", "?=housing", "probation", "youth offending service", "adult services",
            "substance misuse worker", "liaised", "liaison", "joint working", "joined-up", "joined up",
            "?professionals", "psychiatrist", "early help", "family support worker", "referral to",
            "core groups", "medical opinion", "handover", "signposted", "exploitation team", "?medical",
            "checked with", "schools",
        ],
    },
    BuiltinTheme {
        id: "permanence",
        label: "Permanence",
        description: "Timely and robust permanence planning for children in care or at risk of care: permanence plan by the second review, PLO, SGO, adoption, long-term fostering, reunification.",
        cues: &[
            "permanence plan", "permanence", "PLO", "pre-proceedings", "SGO", "special guardianship",
            "long-term match", "adoption", "reunification", "twin tracking", "parallel planning",
            "public law outline", "special guardianship order", "adopter", "adoptive", "final hearing",
            "court", "proceedings", "~returning home", "return the children home", "~return home",
            "long-term fostering", "care order", "children's guardian", "permanency", "care proceedings",
            "interim care order", "placement order", "child arrangements order", "kinship",
            "connected person", "viability assessment", "second review", "long-term foster",
        ],
    },
    BuiltinTheme {
        id: "diversity_identity",
        label: "Diversity and identity",
        description: "Consideration of the child's and family's ethnicity, culture, religion, language, disability, gender identity, sexuality and how these shape needs and practice (interpreters, culturally appropriate placements).",
        cues: &[
            "identity", "culture", "ethnicity", "religion", "heritage", "interpreter", "first language",
            "disability", "diversity", "gender identity", "cultural needs", "faith", "cultural", "culturally",
            "sexuality", "autism", "ADHD", "learning disability", "sight impairment", "impairment",
            "large print", "black", "racism", "race", "neurodivergent", "deaf", "accessible format",
            "asylum-seeking", "religious", "sexual orientation", "special educational needs", "disabled",
            "ethnic", "racial", "mixed heritage", "dual heritage", "nationality", "immigration", "refugee",
            "gender", "transgender", "LGBTQ", "gay", "lesbian", "bisexual", "neurodiversity", "dyslexia",
            "SEND", "cerebral palsy", "wheelchair", "communication needs", "language needs", "Muslim",
            "Christian", "Hindu", "Sikh", "Jewish", "mosque", "church", "halal", "Traveller", "Gypsy", "Roma",
            "hair and skin care",
        ],
    },
    BuiltinTheme {
        id: "direct_work",
        label: "Direct work",
        description: "Purposeful direct work sessions with the child using age-appropriate tools (three houses, wishes and feelings, life story work, play-based work).",
        cues: &[
            "direct work", "three houses", "life story work", "wishes and feelings work", "play-based",
            "worksheets", "sessions with", "no direct work", "life story book", "life story", "dolls",
            "drawing", "direct-work", "age-appropriate explanation",
        ],
    },
    BuiltinTheme {
        id: "family_engagement",
        label: "Family engagement",
        description: "How the worker engages parents, carers, fathers/partners and the wider family network (FGC, family network meetings, relationship-based practice, non-engagement responses).",
        cues: &[
            "?father", "?dad", "family network", "family group conference", "FGC", "wider family", "engage",
            "?engaged", "engagement", "?parents", "birth family", "co-produced with", "relationship-based",
            "warmth", "?=families", "<parent> views", "engagement with <parent>",
            "relationship with <parent>", "<parent> were not involved", "engage <parent>",
            "work with <parent>", "engagement with parents", "relationship with mother",
            "parents were not involved", "<engage> <parent>",
        ],
    },
    BuiltinTheme {
        id: "recording_quality",
        label: "Recording quality",
        description: "Case recording is up to date, clear, analytical, purposeful, respectful, written to or for the child, with case summaries and case notes on time.",
        cues: &[
            "written for <child>", "written to <child>", "?=recording", "case notes", "case summary",
            "written to the child", "records are up to date", "recording is late", "copy and paste", "jargon",
            "case notes not uploaded", "?=records", "well-written", "plain English", "genogram", "ecomap",
            "well organised", "well-organised", "~?=file", "case recording", "?notes", "uploaded",
        ],
    },
    BuiltinTheme {
        id: "drift_and_delay",
        label: "Drift and delay",
        description: "Whether the child's plan progresses purposefully or there is drift: repeated actions not completed, long periods on plans without change, delayed decisions.",
        cues: &[
            "on duty", "named worker", "allocated worker", "=pace", "drift", "delay", "no progress",
            "repeated actions", "stuck", "plan has not progressed", "purposeful", "momentum",
            "timely progression", "drifted", "drifting", "at pace", "without delay", "carried over",
            "no change", "unallocated", "clear purpose", "sustained changes", "not reallocated",
        ],
    },
    BuiltinTheme {
        id: "placement_stability",
        label: "Placement stability",
        description: "Stability and suitability of the child's placement/home: number of moves, matching, stability meetings, support to carers, disruption.",
        cues: &[
            "moved _n_ times", "_n_ moves", "_n_ placements", "where <child> will live", "same placement",
            "placement stability", "placement moves", "stable placement", "disruption", "stability meeting",
            "matched", "?carers", "third placement", "settled in placement", "placement", "placements",
            "foster carers", "?=moves", "?settle", "?children's home", "stability", "out of area",
        ],
    },
];
