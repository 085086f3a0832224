//! The rules that [`Grammar::core_at`] tries, the words each can begin with, and the words each
//! can go on with after "the": at a word, only the rules that can begin there are tried, and most
//! words of prose begin none. Debug builds check that a rule not tried would have matched nothing.

use super::super::lexicon::*;
use super::super::numbers::first_number_words;
use super::super::scan::WordMap;
use super::{
    Grammar, Match, PAST_REFS, PRESENT_REFS, QUALIFIERS, RANGE_WORDS, TWO_WORD_QUALIFIERS, UNITS_OF_TIME,
};
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug)]
pub(super) enum Rule {
    IsoDate,
    MonthDate,
    Weekday,
    Holiday,
    WeekOf,
    ClockTime,
    DeicticDay,
    Reference,
    RelativeUnit,
    Quarter,
    Year,
    Duration,
    Set,
}

impl Rule {
    /// The more specific first: on equal length the earlier rule wins ("coming months" is
    /// FUTURE_REF). In declaration order: a rule's bit in [`Rules`] is its discriminant.
    pub(super) const ALL: [Rule; 13] = [
        Rule::IsoDate,
        Rule::MonthDate,
        Rule::Weekday,
        Rule::Holiday,
        Rule::WeekOf,
        Rule::ClockTime,
        Rule::DeicticDay,
        Rule::Reference,
        Rule::RelativeUnit,
        Rule::Quarter,
        Rule::Year,
        Rule::Duration,
        Rule::Set,
    ];

    pub(super) fn at(self, grammar: &Grammar, i: usize) -> Option<Match> {
        match self {
            Rule::IsoDate => grammar.iso_date(i),
            Rule::MonthDate => grammar.month_date(i),
            Rule::Weekday => grammar.weekday(i),
            Rule::Holiday => grammar.holiday(i),
            Rule::WeekOf => grammar.week_of(i),
            Rule::ClockTime => grammar.clock_time(i),
            Rule::DeicticDay => grammar.deictic_day(i),
            Rule::Reference => grammar.reference(i),
            Rule::RelativeUnit => grammar.relative_unit(i),
            Rule::Quarter => grammar.quarter(i),
            Rule::Year => grammar.year(i),
            Rule::Duration => grammar.duration(i),
            Rule::Set => grammar.set(i),
        }
    }

    /// The words the rule can begin with, besides those of its word tables (see `first_words`).
    fn listed_first_words(self) -> &'static [&'static str] {
        match self {
            Rule::IsoDate | Rule::MonthDate => &[],
            Rule::Weekday => &[
                "last",
                "past",
                "next",
                "coming",
                "this",
                "each",
                "every",
                "the",
                "overnight",
            ],
            Rule::Holiday => &["last", "next", "this", "coming"],
            Rule::WeekOf => &["the"],
            Rule::ClockTime => &[
                "around",
                "about",
                "approximately",
                "noon",
                "midday",
                "midnight",
            ],
            Rule::DeicticDay => &[
                "today",
                "yesterday",
                "tomorrow",
                "tonight",
                "last",
                "this",
                "the",
            ],
            Rule::Reference => &["the", "these", "coming", "upcoming"],
            Rule::RelativeUnit => &[
                "year", "last", "this", "current", "next", "coming", "the", "that",
            ],
            Rule::Quarter => &["the", "year", "fiscal", "first", "second", "last"],
            Rule::Year => &["the", "fiscal"],
            Rule::Duration => &[
                "the",
                "year",
                "several",
                "few",
                "many",
                "some",
                "one",
                "half",
                "more",
                "centuries",
            ],
            Rule::Set => &[
                "daily", "nightly", "weekly", "monthly", "annually", "yearly", "hourly", "every",
                "each", "per", "a", "an",
            ],
        }
    }

    /// Every word the rule can begin with.
    fn first_words(self) -> Vec<String> {
        let weekdays = || names(&WEEKDAYS).flat_map(|day| [day.to_string(), format!("{day}s")]);
        let tabled: Vec<String> = match self {
            Rule::MonthDate => owned(names(&MONTHS)).chain(weekdays()).collect(),
            Rule::Weekday => weekdays().collect(),
            Rule::Holiday => owned(HOLIDAYS.iter().map(|(words, _)| words[0])).collect(),
            Rule::Reference => owned(PRESENT_REFS.iter().chain(&PAST_REFS).copied()).collect(),
            Rule::Quarter => owned(names(&UNITS).chain(names(&ORDINALS))).collect(),
            Rule::Year => owned(names(&UNITS)).collect(),
            Rule::Duration => {
                let qualifiers = QUALIFIERS
                    .iter()
                    .copied()
                    .chain(TWO_WORD_QUALIFIERS.map(|q| q.0));
                let units =
                    names(&UNITS_OF_TIME).flat_map(|unit| [unit.to_string(), format!("{unit}s")]);
                owned(qualifiers.chain(RANGE_WORDS).chain(first_number_words()))
                    .chain(units)
                    .collect()
            }
            _ => Vec::new(),
        };
        owned(self.listed_first_words().iter().copied())
            .chain(tabled)
            .collect()
    }

    /// The words that can follow "the" when the rule begins with it. (A token after "the" that is
    /// not a word is not looked up: every rule that begins with "the" is tried.)
    fn words_after_the(self) -> Vec<String> {
        let listed: &[&str] = match self {
            // They read on after "the" as from their own start.
            Rule::Quarter | Rule::Duration => return self.first_words(),
            Rule::Weekday => &["previous", "preceding"],
            Rule::WeekOf => &["week"],
            Rule::DeicticDay => &["day"],
            Rule::Reference => &["future", "past"],
            Rule::RelativeUnit => &[
                "current",
                "full",
                "coming",
                "following",
                "next",
                "previous",
                "preceding",
                "prior",
                "same",
                "fiscal",
                "weekend",
                "quarter",
                "latest",
                "year",
            ],
            Rule::Year => &["year"],
            _ => &[],
        };
        let tabled: Vec<String> = match self {
            Rule::RelativeUnit => owned(SEASONS.iter().map(|(season, ..)| *season)).collect(),
            // "the nineties"
            Rule::Year => names(&TENS)
                .map(|tens| format!("{}ies", tens.trim_end_matches('y')))
                .collect(),
            _ => Vec::new(),
        };
        owned(listed.iter().copied()).chain(tabled).collect()
    }
}

fn names<T>(table: &'static [(&'static str, T)]) -> impl Iterator<Item = &'static str> {
    table.iter().map(|(name, _)| *name)
}

fn owned(words: impl Iterator<Item = &'static str>) -> impl Iterator<Item = String> {
    words.map(str::to_string)
}

/// A set of rules, one bit each.
#[derive(Clone, Copy, Default)]
pub(super) struct Rules(u16);

impl Rules {
    const fn with(self, rule: Rule) -> Rules {
        Rules(self.0 | 1 << rule as u16)
    }

    pub(super) fn has(self, rule: Rule) -> bool {
        self.0 & 1 << rule as u16 != 0
    }

    /// The rules in the order of [`Rule::ALL`].
    pub(super) fn iter(self) -> impl Iterator<Item = Rule> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            let rule = Rule::ALL.get(bits.trailing_zeros() as usize)?;
            bits &= bits - 1;
            Some(*rule)
        })
    }

    /// The rules that can begin with a token that is not a word: a number, or the `'` of "'90s".
    pub(super) const NOT_WORDS: Rules = Rules(0)
        .with(Rule::IsoDate)
        .with(Rule::MonthDate)
        .with(Rule::ClockTime)
        .with(Rule::Quarter)
        .with(Rule::Year)
        .with(Rule::Duration);

    /// The rules that can begin with `word` (lower-case) when the word `next` follows it, if
    /// another word does.
    pub(super) fn beginning_with(word: &str, next: Option<&str>) -> Rules {
        let tables = FirstWords::get();
        let rules = tables.first.get(word);
        match next {
            // "the" begins eight rules, and each goes on with few words.
            Some(next) if word == "the" => Rules(rules.0 & tables.after_the.get(next).0),
            _ => rules,
        }
    }
}

/// The words that `Grammar::position_modifier_end` skips from.
pub(super) const POSITION_WORDS: [&str; 6] = ["the", "early", "late", "earlier", "later", "mid"];

/// Whether an expression can begin with `word`: a rule can, or a position word before one.
pub(super) fn may_begin(word: &str) -> bool {
    FirstWords::get().begins.get(word)
}

/// For each word, whether it may begin an expression, the rules that can begin with it, and those
/// that can go on with it after "the".
struct FirstWords {
    begins: WordMap<bool>,
    first: WordMap<Rules>,
    after_the: WordMap<Rules>,
}

impl FirstWords {
    fn get() -> &'static FirstWords {
        static TABLES: OnceLock<FirstWords> = OnceLock::new();
        TABLES.get_or_init(|| {
            let mut begins = WordMap::default();
            let mut first = WordMap::default();
            let mut after_the = WordMap::default();
            for rule in Rule::ALL {
                for word in rule.first_words() {
                    first.update(&word, |rules: Rules| rules.with(rule));
                    begins.update(&word, |_| true);
                }
                for word in rule.words_after_the() {
                    after_the.update(&word, |rules: Rules| rules.with(rule));
                }
            }
            for word in POSITION_WORDS {
                begins.update(word, |_| true);
            }
            FirstWords {
                begins,
                first,
                after_the,
            }
        })
    }
}
