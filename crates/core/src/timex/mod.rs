//! Temporal expressions with TimeML values, normalized against the document creation date (dct).
//!
//! [`extract_timexes`] finds dates ("Sept. 4", "February 2022", "the 1990s"), times ("10 a.m.",
//! "tonight"), durations ("nearly four years" → `P4Y`) and sets ("every week" → `P1W`), with
//! TimeBank's span conventions. Relative expressions resolve against the dct ("on Tuesday", "last
//! year", "next week" → `2025-W37`) or against the date last mentioned ("the following day"). An
//! expression whose value the text does not fix keeps its span with `value: None`.
//!
//! [`lead_date`] infers an article's own date from its dateline or first full date.

mod grammar;
mod lexicon;
pub(crate) mod numbers;
mod resolve;
pub(crate) mod scan;

use crate::{NaiveDate, Span};
use grammar::{Direction, Grammar, Meaning, Point};
/// Every word that a temporal expression can begin with, and the rules that can begin with a token.
pub(crate) use grammar::{first_words, Rules};
use scan::{Class, Token, WordMap};
use std::sync::OnceLock;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimexKind {
    /// A calendar date or period: `2025-09-04`, `2025-W37`, `2025`, `PRESENT_REF`.
    Date,
    /// A time of day: `2025-09-04T10:00`, `2025-09-04TNI`.
    Time,
    /// An amount of time: `P4Y`, `PT2H`.
    Duration,
    /// A recurrence: `P1W` for "every week", `XXXX-WXX-4` for "each Thursday".
    Set,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    /// TimeML value; `None` when the text does not determine it (or relative without a dct).
    pub value: Option<String>,
    pub kind: TimexKind,
}

/// All temporal expressions of `text`, in order, not overlapping.
pub fn extract_timexes(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    let mut lowered = scan::Lowered::default();
    let tokens = scan::tokenize(text, &mut lowered);
    timexes_in(&tokens, every_start(&tokens), dct)
}

/// Every token, with the [`Rules`] that can begin with it: the starts of a scan that tries them
/// all.
pub(crate) fn every_start<'a>(tokens: &'a [Token]) -> impl Iterator<Item = (usize, Rules)> + 'a {
    tokens.iter().enumerate().map(|(i, token)| {
        let word = (token.class == Class::Word).then_some(token.lower);
        (i, Rules::first(word))
    })
}


/// [`extract_timexes`] over the text's [`scan::tokenize`] tokens, of which those at `starts`
/// (ascending indexes, each with the [`Rules::first`] of its token) are tried as the start of an
/// expression: any others begin none.
pub(crate) fn timexes_in(
    tokens: &[Token],
    starts: impl IntoIterator<Item = (usize, Rules)>,
    dct: Option<NaiveDate>,
) -> Vec<Timex> {
    let grammar = Grammar::new(tokens);
    let mut anchor = None;
    let mut timexes = Vec::new();
    // The first token after the last expression.
    let mut next = 0;
    for (i, first) in starts {
        let found = (i >= next && matches!(tokens[i].class, Class::Word | Class::Number))
            .then(|| grammar.match_beginning(i, first))
            .flatten();
        let Some(found) = found else {
            continue;
        };
        let end = found.end.clamp(i + 1, tokens.len());
        let context = resolve::Context {
            dct,
            tense: tense_before(tokens, i),
            anchor,
        };
        let (value, point) = resolve::resolve(&found.meaning, &context);
        if !is_comparison(&found.meaning) {
            anchor = point.or(anchor);
        }
        timexes.push(Timex {
            span: Span::new(tokens[i].span().start, tokens[end - 1].span().end),
            value,
            kind: found.kind,
        });
        next = end;
    }
    timexes
}

/// "a year ago", "a year earlier", "year-ago": a period compared with the one being reported on.
/// It does not become the anchor, so a second "a year earlier" is not two years back.
fn is_comparison(meaning: &Meaning) -> bool {
    matches!(
        meaning,
        Meaning::Point(Point::YearsAgo(_) | Point::YearAgoPeriod, _)
            | Meaning::Point(
                Point::Relative {
                    grain: grammar::Grain::Year,
                    from_anchor: true,
                    offset: ..0,
                },
                _
            )
    )
}

/// How many words back a tense cue may be.
const TENSE_WINDOW: usize = 10;

/// "would" is left out: in reported speech it rarely moves a weekday into the future. A bare
/// "be" follows a modal or "to" ("will be named", "to be published"): not the past.
const FUTURE_CUES: [&str; 26] = [
    "will",
    "be",
    "ll",
    "shall",
    "could",
    "might",
    "must",
    "expected",
    "expect",
    "expects",
    "scheduled",
    "slated",
    "due",
    "plans",
    "plan",
    "planned",
    "planning",
    "intends",
    "set",
    "going",
    "upcoming",
    "until",
    "till",
    "next",
    "supposed",
    "soon",
];
/// Future cues that, after "had" ("had been due"), tell of a plan made in the past.
const PLAN_CUES: [&str; 7] = [
    "due",
    "scheduled",
    "slated",
    "expected",
    "set",
    "supposed",
    "planned",
];
const PAST_CUES: [&str; 10] = [
    "said", "told", "was", "were", "had", "did", "ago", "last", "earlier", "since",
];

const PASSIVE_AUXILIARIES: [&str; 3] = ["be", "being", "is"];

/// The tense shown by the nearest cue word before token `i` in its sentence. (Cues after it
/// mislead: "On Friday, the government planned …" is past.)
fn tense_before(tokens: &[Token], i: usize) -> Option<Direction> {
    (i.saturating_sub(TENSE_WINDOW)..i)
        .rev()
        .take_while(|&j| !scan::starts_sentence(tokens, j + 1))
        .find_map(|j| cue_tense(tokens, j))
}

/// The tense that token `j` shows, if it is a cue word.
fn cue_tense(tokens: &[Token], j: usize) -> Option<Direction> {
    let token = &tokens[j];
    let word = token.lower;
    // "next to the embassy" is a place.
    if token.class != Class::Word
        || word == "next" && tokens.get(j + 1).is_some_and(|t| t.lower == "to")
    {
        return None;
    }
    let cue = Cue::of(word);
    if matches!(cue, Cue::Future | Cue::Plan) {
        // "had been due to expire Friday", "had been scheduled for Monday": a plan in the past.
        let past_plan =
            cue == Cue::Plan && (j.saturating_sub(2)..j).any(|k| tokens[k].lower == "had");
        return Some(if past_plan {
            Direction::Past
        } else {
            Direction::Future
        });
    }
    // A participle after "be" ("be paid", "being traded") is passive, not past.
    let participle = || j > 0 && PASSIVE_AUXILIARIES.contains(&tokens[j - 1].lower);
    let past = cue == Cue::Past || word.len() > 4 && word.ends_with("ed") && !participle();
    past.then_some(Direction::Past)
}

/// Which of the cue lists a word is in, looked up at once: most words before a date are in none,
/// and a search of the lists compares each with many.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Cue {
    #[default]
    None,
    /// In [`FUTURE_CUES`].
    Future,
    /// In [`FUTURE_CUES`] and [`PLAN_CUES`].
    Plan,
    /// In [`PAST_CUES`].
    Past,
}

impl Cue {
    fn of(word: &str) -> Cue {
        static CUES: OnceLock<WordMap<Cue>> = OnceLock::new();
        let cues = CUES.get_or_init(|| {
            // PLAN_CUES, a subset of FUTURE_CUES, after it: a plan is the last list its words are in.
            let lists = [(&FUTURE_CUES[..], Cue::Future), (&PLAN_CUES, Cue::Plan), (&PAST_CUES, Cue::Past)];
            WordMap::from_lists(lists, |_, cue| cue)
        });
        cues.get(word)
    }
}

/// How many tokens from the article's start a dateline or lead date may appear in.
const LEAD_TOKENS: usize = 80;

/// The article's own date from its lead: the first full date ("On September 4, 2025, …") or a
/// dateline ("PARIS, Sept. 4 (Reuters) -") whose year the lead states elsewhere. `None` when the
/// lead gives no full date.
pub fn lead_date(text: &str) -> Option<NaiveDate> {
    let mut lowered = scan::Lowered::default();
    let tokens = scan::tokenize_first(text, LEAD_TOKENS, &mut lowered);
    let grammar = Grammar::new(&tokens);
    let mut dateline = None;
    let mut lead_year = None;
    for i in 0..tokens.len() {
        match grammar.match_at(i).map(|m| m.meaning) {
            Some(Meaning::Point(Point::Fixed(date, grammar::Grain::Day), _)) => return Some(date),
            Some(Meaning::Point(Point::MonthDay(month, day, _), _)) => {
                dateline = dateline.or(Some((month, day)));
            }
            Some(Meaning::Point(Point::Fixed(date, grammar::Grain::Year), _)) => {
                lead_year = lead_year.or(Some(date))
            }
            _ => {}
        }
    }
    use chrono::Datelike;
    let ((month, day), year) = (dateline?, lead_year?);
    NaiveDate::from_ymd_opt(year.year(), month, day)
}

#[cfg(test)]
mod tests;
