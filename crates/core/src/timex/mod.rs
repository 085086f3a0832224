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
use scan::{Class, Token};
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
    let tokens = scan::tokenize(text);
    let sentence_starts = scan::sentence_starts(&tokens);
    let grammar = Grammar::new(&tokens);
    let mut anchor = None;
    let mut timexes = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let found = matches!(tokens[i].class, Class::Word | Class::Number)
            .then(|| grammar.match_at(i))
            .flatten();
        let Some(found) = found else {
            i += 1;
            continue;
        };
        let end = found.end.clamp(i + 1, tokens.len());
        let context = resolve::Context {
            dct,
            tense: tense_before(&tokens, &sentence_starts, i),
            anchor,
        };
        let (value, point) = resolve::resolve(&found.meaning, &context);
        if !is_comparison(&found.meaning) {
            anchor = point.or(anchor);
        }
        timexes.push(Timex {
            span: Span::new(tokens[i].span.start, tokens[end - 1].span.end),
            value,
            kind: found.kind,
        });
        i = end;
    }
    timexes
}

/// "a year ago", "a year earlier", "year-ago": a period compared with the one being reported on.
/// It does not become the anchor, so a second "a year earlier" is not two years back.
fn is_comparison(meaning: &Meaning) -> bool {
    matches!(
        meaning,
        Meaning::Point(Point::YearsAgo(_), _)
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

/// "would" is left out: in reported speech it rarely moves a weekday into the future.
const FUTURE_CUES: [&str; 25] = [
    "will",
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

/// The tense shown by the nearest cue word before token `i` in its sentence.
fn tense_before(tokens: &[Token], sentence_starts: &[bool], i: usize) -> Option<Direction> {
    let mut j = i;
    while j > 0 && i - j < TENSE_WINDOW && !sentence_starts[j] {
        j -= 1;
        let token = &tokens[j];
        if token.class != Class::Word {
            continue;
        }
        let word = token.lower.as_str();
        if FUTURE_CUES.contains(&word) {
            // "had been due to expire Friday", "had been scheduled for Monday": a plan in the past.
            let past_plan = PLAN_CUES.contains(&word)
                && (j.saturating_sub(2)..j).any(|k| tokens[k].lower == "had");
            return Some(if past_plan {
                Direction::Past
            } else {
                Direction::Future
            });
        }
        if PAST_CUES.contains(&word) || word.len() > 4 && word.ends_with("ed") {
            return Some(Direction::Past);
        }
    }
    None
}

/// How many tokens from the article's start a dateline or lead date may appear in.
const LEAD_TOKENS: usize = 80;

/// The article's own date from its lead: the first full date ("On September 4, 2025, …") or a
/// dateline ("PARIS, Sept. 4 (Reuters) -") whose year the lead states elsewhere. `None` when the
/// lead gives no full date.
pub fn lead_date(text: &str) -> Option<NaiveDate> {
    let mut tokens = scan::tokenize(text);
    tokens.truncate(LEAD_TOKENS);
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
