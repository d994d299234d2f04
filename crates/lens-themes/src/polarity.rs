//! Judgement per clause: whether the words around a theme say practice is good or poor.
//!
//! A sentence is cut into clauses at contrast words ("but", "however"; "although …," runs to its
//! comma) and at semicolons, colons, dashes and brackets. Each clause gets a score: a judgement
//! word counts one for or against; a negation within six words before it, or a word such as
//! "avoided" or "minimal" just after it, flips it, in the manner of NegEx, never across a comma
//! or a word that starts another statement ("if", "which", "should");
//! a negation that flips nothing marks something missing ("no chronology on file") and counts
//! against; a hedge ("would benefit from", "needs to") counts two against.
//!
//! Each word keeps what it added to its clause's score, so the tagger can ask for the judgement
//! next to a mention as well as for its clause's, its sentence's and the narrative's.

use super::lexicon::{LexiconEntry, Role};
use super::matcher::{Compiler, PhraseIndex, Token};

/// How many words a negation reaches forward.
const NEGATION_REACH_FORWARD: usize = 6;
/// How many words a trailing negation ("was avoided") reaches back.
const NEGATION_REACH_BACK: usize = 5;
/// The weight of a hedge, against.
const HEDGE_WEIGHT: i32 = 2;

/// The judgement lexicon, compiled.
pub(crate) struct Judgement {
    /// Each entry's role and its position in the lexicon it was built from.
    lexicon: PhraseIndex<(Role, usize)>,
}

/// A narrative's clauses and their scores.
#[derive(Debug, Clone, Default)]
pub(crate) struct Clauses {
    /// The clause of each token.
    pub(crate) of_token: Vec<usize>,
    /// Each clause's score: above zero for good practice, below for poor.
    pub(crate) scores: Vec<i32>,
    /// Each clause's sentence.
    pub(crate) sentence: Vec<usize>,
    /// What each token adds to its clause's score (a judgement word, a negation or a hedge).
    pub(crate) of_word: Vec<i32>,
    /// Whether each token is part of a judgement word, negation or hedge.
    pub(crate) judging: Vec<bool>,
    /// Whether each token is within a negation's reach ("no <evidence that her views were sought>").
    pub(crate) negated: Vec<bool>,
}

impl Clauses {
    /// The sum of the scores of the clauses of one sentence.
    pub(crate) fn sentence_score(&self, sentence: usize) -> i32 {
        self.scores.iter().zip(&self.sentence).filter(|(_, &of)| of == sentence).map(|(score, _)| score).sum()
    }

    /// The sum of what the tokens from `first` to `last` add, in the clause of `anchor`.
    pub(crate) fn near(&self, anchor: usize, first: usize, last: usize) -> i32 {
        let clause = self.of_token[anchor];
        (first..=last.min(self.of_word.len() - 1))
            .filter(|&index| self.of_token[index] == clause)
            .map(|index| self.of_word[index])
            .sum()
    }

    /// Whether a judgement word, negation or hedge lies between `first` and `last`, in the clause of `anchor`.
    pub(crate) fn judged_near(&self, anchor: usize, first: usize, last: usize) -> bool {
        let clause = self.of_token[anchor];
        (first..=last.min(self.judging.len() - 1))
            .any(|index| self.of_token[index] == clause && self.judging[index])
    }

    /// The sum over the whole narrative.
    pub(crate) fn total(&self) -> i32 {
        self.scores.iter().sum()
    }
}

struct Event {
    role: Role,
    /// The lexicon entry's position.
    entry: usize,
    first: usize,
    last: usize,
}

impl Judgement {
    /// Compiles the lexicon with the codebook's compiler, so both share one vocabulary.
    pub(crate) fn new(compiler: &mut Compiler, entries: &[LexiconEntry]) -> Self {
        let mut lexicon = PhraseIndex::default();
        for (position, entry) in entries.iter().enumerate() {
            lexicon.add(compiler.compile(entry.phrase), (entry.role, position));
        }
        Self { lexicon }
    }

    /// The positions of the lexicon entries found in the tokens.
    pub(crate) fn entries_found(&self, tokens: &[Token]) -> Vec<usize> {
        self.events(tokens).into_iter().map(|event| event.entry).collect()
    }

    /// The longest lexicon entry at each place, left to right, none overlapping.
    fn events(&self, tokens: &[Token]) -> Vec<Event> {
        let mut events = Vec::new();
        let mut start = 0;
        while start < tokens.len() {
            // Longest first; among equals, the list order above (the first added).
            let best = self.lexicon.matches_at(tokens, start, 0).into_iter().fold(
                None,
                |best: Option<((Role, usize), usize)>, found| match best {
                    Some((_, last)) if last >= found.last => best,
                    _ => Some((*found.value, found.last)),
                },
            );
            match best {
                Some(((role, entry), last)) => {
                    events.push(Event { role, entry, first: start, last });
                    start = last + 1;
                }
                None => start += 1,
            }
        }
        events
    }

    /// Cuts the tokens into clauses and scores each.
    pub(crate) fn judge(&self, tokens: &[Token]) -> Clauses {
        let events = self.events(tokens);
        let mut clauses = Clauses { of_token: Vec::with_capacity(tokens.len()), ..Clauses::default() };
        let mut next_event = 0;
        let mut subordinate_open = false;
        for (index, token) in tokens.iter().enumerate() {
            while events.get(next_event).is_some_and(|event| event.first < index) {
                next_event += 1;
            }
            let contrast =
                events.get(next_event).filter(|event| event.first == index).map(|event| event.role);
            let new_sentence = index == 0 || tokens[index - 1].sentence != token.sentence;
            let starts_clause = new_sentence
                || token.clause_break_before
                || matches!(contrast, Some(Role::Contrast | Role::SubordinateContrast))
                || (subordinate_open && token.break_before);
            if starts_clause {
                subordinate_open = contrast == Some(Role::SubordinateContrast);
                clauses.scores.push(0);
                clauses.sentence.push(token.sentence);
            }
            clauses.of_token.push(clauses.scores.len() - 1);
        }
        clauses.of_word = self.contributions(tokens, &events, &clauses.of_token);
        for (token, contribution) in clauses.of_word.iter().enumerate() {
            clauses.scores[clauses.of_token[token]] += contribution;
        }
        clauses.negated = negation_scope(tokens, &events, &clauses.of_token);
        clauses.judging = vec![false; tokens.len()];
        let judging_roles =
            |role: Role| !matches!(role, Role::Contrast | Role::SubordinateContrast | Role::Terminator);
        for event in events.iter().filter(|event| judging_roles(event.role)) {
            for judging in &mut clauses.judging[event.first..=event.last] {
                *judging = true;
            }
        }
        clauses
    }

    /// What each token adds to its clause's score.
    fn contributions(&self, tokens: &[Token], events: &[Event], of_token: &[usize]) -> Vec<i32> {
        let mut scores = vec![0; tokens.len()];
        let mut negation_used = vec![false; events.len()];
        let unbroken = |from: usize, to: usize| {
            of_token[from] == of_token[to]
                && (from + 1..=to).all(|index| !tokens[index].break_before)
                && !events.iter().any(|event| {
                    matches!(event.role, Role::Terminator | Role::Hedge)
                        && event.first > from
                        && event.first < to
                })
        };
        for event in events {
            let sign = match event.role {
                Role::Positive => 1,
                Role::Negative => -1,
                Role::Hedge => {
                    scores[event.first] -= HEDGE_WEIGHT;
                    continue;
                }
                _ => continue,
            };
            let mut negated = false;
            for (index, negation) in events.iter().enumerate() {
                let reaches = match negation.role {
                    Role::NegationBefore => {
                        negation.last < event.first
                            && event.first - negation.last <= NEGATION_REACH_FORWARD
                            && unbroken(negation.last, event.first)
                    }
                    Role::NegationAfter => {
                        negation.first > event.last
                            && negation.first - event.last <= NEGATION_REACH_BACK
                            && unbroken(event.last, negation.first)
                    }
                    _ => false,
                };
                if reaches {
                    negated = !negated;
                    negation_used[index] = true;
                }
            }
            scores[event.first] += if negated { -sign } else { sign };
        }
        for (event, used) in events.iter().zip(negation_used) {
            if event.role == Role::NegationBefore && !used {
                scores[event.first] -= 1;
            }
        }
        scores
    }
}

/// The tokens each negation reaches forward: up to [`NEGATION_REACH_FORWARD`] words in its clause,
/// never past a comma.
fn negation_scope(tokens: &[Token], events: &[Event], of_token: &[usize]) -> Vec<bool> {
    let mut negated = vec![false; tokens.len()];
    for event in events.iter().filter(|event| event.role == Role::NegationBefore) {
        let reach = (event.last + NEGATION_REACH_FORWARD).min(tokens.len() - 1);
        for index in event.last + 1..=reach {
            if of_token[index] != of_token[event.last] || tokens[index].break_before {
                break;
            }
            negated[index] = true;
        }
    }
    negated
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::Judgement;
    use crate::lexicon;
    use crate::matcher::Compiler;

    /// Each clause's text and score.
    fn check(text: &str, expected: &[(&str, i32)]) {
        let mut compiler = Compiler::new(&[]);
        let judgement = Judgement::new(&mut compiler, &lexicon::builtin());
        let (_, tokens) = compiler.tokens(text);
        let clauses = judgement.judge(&tokens);
        let mut found: Vec<(String, i32)> = Vec::new();
        for (index, token) in tokens.iter().enumerate() {
            let clause = clauses.of_token[index];
            if found.len() <= clause {
                found.push((String::new(), clauses.scores[clause]));
            }
            let words = &mut found[clause].0;
            if !words.is_empty() {
                words.push(' ');
            }
            words.push_str(&text[token.span.clone()]);
        }
        let expected: Vec<(String, i32)> =
            expected.iter().map(|(words, score)| ((*words).to_owned(), *score)).collect();
        assert_eq!(found, expected, "{text}");
    }

    #[test]
    fn negated_problems_are_good_practice() {
        check("There has been no drift in his plan", &[("There has been no drift in his plan", 1)]);
        check("The application was made without delay.", &[("The application was made without delay", 1)]);
        check("Drift was avoided.", &[("Drift was avoided", 1)]);
    }

    #[test]
    fn something_missing_is_a_concern() {
        check("No chronology on file.", &[("No chronology on file", -1)]);
        check("Isaac was not seen alone.", &[("Isaac was not seen alone", -1)]);
        check(
            "There is no evidence that her views were sought.",
            &[("There is no evidence that her views were sought", -1)],
        );
    }

    #[test]
    fn hedges_ask_for_improvement() {
        check(
            "The plan would benefit from clearer outcomes.",
            &[("The plan would benefit from clearer outcomes", -2)],
        );
    }

    #[test]
    fn contrast_words_split_clauses() {
        check(
            "Although the assessment was completed on time, the recommendations are vague.",
            &[("Although the assessment was completed on time", 2), ("the recommendations are vague", -1)],
        );
        check(
            "Supervision is regular but actions are not followed up.",
            &[("Supervision is regular", 1), ("but actions are not followed up", -1)],
        );
    }
}
