//! The rules that [`Grammar::core_at`] tries, the words each can begin with, and the words each
//! can go on with after "the": at a word, only the rules that can begin there are tried, and most
//! words of prose begin none. Debug builds check that a rule not tried would have matched nothing.

use super::super::lexicon::*;
use super::super::numbers::first_number_words;
use super::super::scan::{Class, Token, WordMap};
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
                owned(qualifiers.chain(RANGE_WORDS).chain(first_number_words()))
                    .chain(unit_words())
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

    /// The words that can follow "a" or "an" when the rule begins with it ("a year", "twice a
    /// day", "a couple of", "a few"). (Tokens that are not words are not looked up.)
    fn words_after_a(self) -> Vec<String> {
        let listed: &[&str] = match self {
            Rule::Set => &[],
            Rule::Duration => &["couple", "few", "number", "half", "to", "or", "more"],
            _ => return Vec::new(),
        };
        owned(listed.iter().copied()).chain(unit_words()).collect()
    }

    /// The words that can follow a number when the rule begins with it. (Any token can follow a
    /// year: see [`Rules::after_number`] for the tokens that are not words.)
    fn words_after_number(self) -> Vec<String> {
        match self {
            Rule::MonthDate => owned(["of"].into_iter().chain(names(&MONTHS))).collect(),
            Rule::ClockTime => owned(["a.m.", "a.m", "am", "p.m.", "p.m", "pm", "o", "in"].into_iter()).collect(),
            // "1998 first quarter", "fiscal 1998 first half", "3rd quarter"
            Rule::Quarter => owned(["fiscal", "last", "quarter", "quarters"].into_iter().chain(names(&ORDINALS))).collect(),
            // "two million years", "two to three years"
            Rule::Duration => owned(["to", "or", "more"].into_iter().chain(names(&SCALES)))
                .chain(unit_words())
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The units of time, singular and plural.
fn unit_words() -> impl Iterator<Item = String> {
    let plurals = names(&UNITS_OF_TIME).flat_map(|unit| [unit.to_string(), format!("{unit}s")]);
    plurals.chain(["centuries".to_string()])
}

fn names<T>(table: &'static [(&'static str, T)]) -> impl Iterator<Item = &'static str> {
    table.iter().map(|(name, _)| *name)
}

fn owned(words: impl Iterator<Item = &'static str>) -> impl Iterator<Item = String> {
    words.map(str::to_string)
}

/// A set of rules, one bit each.
#[derive(Clone, Copy, Default)]
pub(crate) struct Rules(u16);

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

    /// Not a rule: marks the [`POSITION_WORDS`], which can begin an expression before a rule's
    /// words ("the late 1970s"). In the same table as the rules, so that a word is looked up once.
    const POSITION_WORD: Rules = Rules(1 << 15);

    /// What can begin with the token whose lower-case word is `word` (`None`: not a word): the
    /// rules, and the [`Rules::POSITION_WORD`] mark. One look-up, which is all that most words of
    /// prose need: none of its bits is set.
    pub(crate) fn first(word: Option<&str>) -> Rules {
        word.map_or(Rules::NOT_WORDS, |word| FirstWords::get().first.get(word))
    }

    /// Whether an expression can begin here: a rule can, or a position word before one.
    pub(crate) fn may_begin(self) -> bool {
        self.0 != 0
    }

    /// The rules of [`Rules::first`] of `word` that can begin with it when the token `next`
    /// follows it.
    pub(super) fn followed_by(self, word: Option<&str>, next: Option<&Token>) -> Rules {
        let rules = Rules(self.0 & !Rules::POSITION_WORD.0);
        match (word, next) {
            // "the" begins eight rules, and each goes on with few words.
            (Some("the"), Some(next)) if next.class == Class::Word => {
                Rules(rules.0 & FirstWords::get().after_the.get(next.lower).0)
            }
            // "a" begins two, and most words after it are not units of time.
            (Some("a" | "an"), Some(next)) if next.class == Class::Word => {
                Rules(rules.0 & FirstWords::get().after_a.get(next.lower).0)
            }
            // A number begins six rules, and most numbers none but a year's.
            (None, next) => Rules(rules.0 & Rules::after_number(next).0),
            _ => rules,
        }
    }

    /// The rules that can begin with a number followed by `next`: a year before any token,
    /// "2025-09-04", "3rd-quarter" and "two-year" before a hyphen, "2 1/2 years" and "1998 3rd
    /// quarter" before a number, and before a word the rules that can go on with it.
    fn after_number(next: Option<&Token>) -> Rules {
        let year = Rules(0).with(Rule::Year);
        let followed = match next {
            Some(next) if next.class == Class::Word => FirstWords::get().after_number.get(next.lower),
            Some(next) if next.class == Class::Number => {
                Rules(0).with(Rule::Quarter).with(Rule::Duration)
            }
            Some(next) if next.lower == "-" => Rules(0)
                .with(Rule::IsoDate)
                .with(Rule::Quarter)
                .with(Rule::Duration),
            _ => Rules(0),
        };
        Rules(year.0 | followed.0)
    }
}

/// Every word that an expression can begin with: the rules' first words and the position words.
pub(crate) fn first_words() -> impl Iterator<Item = String> {
    let rules = Rule::ALL.into_iter().flat_map(Rule::first_words);
    rules.chain(owned(POSITION_WORDS.into_iter()))
}

/// The words that `Grammar::position_modifier_end` skips from.
pub(super) const POSITION_WORDS: [&str; 6] = ["the", "early", "late", "earlier", "later", "mid"];

/// For each word, the rules that can begin with it (and whether it is a position word), and those
/// that can go on with it after "the", "a" and a number.
struct FirstWords {
    first: WordMap<Rules>,
    after_the: WordMap<Rules>,
    after_a: WordMap<Rules>,
    after_number: WordMap<Rules>,
}

impl FirstWords {
    fn get() -> &'static FirstWords {
        static TABLES: OnceLock<FirstWords> = OnceLock::new();
        TABLES.get_or_init(|| {
            let mut first = WordMap::default();
            let mut after_the = WordMap::default();
            let mut after_a = WordMap::default();
            let mut after_number = WordMap::default();
            for rule in Rule::ALL {
                for word in rule.first_words() {
                    first.update(&word, |rules: Rules| rules.with(rule));
                }
                for word in rule.words_after_the() {
                    after_the.update(&word, |rules: Rules| rules.with(rule));
                }
                for word in rule.words_after_a() {
                    after_a.update(&word, |rules: Rules| rules.with(rule));
                }
                for word in rule.words_after_number() {
                    after_number.update(&word, |rules: Rules| rules.with(rule));
                }
            }
            for word in POSITION_WORDS {
                first.update(word, |rules: Rules| Rules(rules.0 | Rules::POSITION_WORD.0));
            }
            FirstWords {
                first,
                after_the,
                after_a,
                after_number,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::scan::{tokenize, Lowered};
    use super::*;
    use proptest::prelude::*;

    /// The rules whose word lists hold `word` (and `next` after "the", "a" or "an"), read from the lists
    /// themselves: the one table of [`Rules::first`] must give what separate look-ups gave.
    fn listed(word: &str, next: Option<&str>) -> Rules {
        let listed = |words: Vec<String>, word: &str| words.iter().any(|w| w == word);
        Rule::ALL
            .into_iter()
            .filter(|rule| listed(rule.first_words(), word))
            .filter(|rule| match next {
                Some(next) if word == "the" => listed(rule.words_after_the(), next),
                Some(next) if matches!(word, "a" | "an") => listed(rule.words_after_a(), next),
                _ => true,
            })
            .fold(Rules::default(), Rules::with)
    }

    #[test]
    fn one_look_up_gives_the_listed_rules_and_position_words() {
        let prose = ["a", "said", "house", "that", "of", "week", "year", "late", "mid", "x"];
        let mut words: Vec<String> = owned(prose.into_iter().chain(POSITION_WORDS)).collect();
        for rule in Rule::ALL {
            words.extend(rule.first_words());
            words.extend(rule.words_after_the());
            words.extend(rule.words_after_a());
        }
        let text = words.join(" ");
        let mut lowered = Lowered::default();
        let tokens = tokenize(&text, &mut lowered);
        assert_eq!(tokens.len(), words.len(), "one token a word");
        for word in tokens.iter().map(|t| t.lower) {
            let first = Rules::first(Some(word));
            let may_begin = listed(word, None).0 != 0 || POSITION_WORDS.contains(&word);
            assert_eq!(first.may_begin(), may_begin, "{word:?}");
            for next in tokens.iter().map(Some).chain([None]) {
                let rules = first.followed_by(Some(word), next);
                let next = next.filter(|t| t.class == Class::Word).map(|t| t.lower);
                assert_eq!(rules.0, listed(word, next).0, "{word:?} {next:?}");
            }
        }
    }

    /// A word before (or none), a number or "a", "an" or "the", then words that can follow them
    /// and other tokens.
    fn narrowing_test_text() -> impl Strategy<Value = String> {
        const LEADS: [&str; 15] = ["4", "12", "2025", "1998", "1990s", "3rd", "4th", "20th", "10:35", "1/2", "1,500", "2.5", "a", "an", "the"];
        let followers = Rule::ALL.into_iter().flat_map(|rule| [rule.words_after_number(), rule.words_after_a(), rule.words_after_the()]);
        let mut words: Vec<String> = followers.flatten().collect();
        let others = ["said", "people", "May", "-", ",", ".", "'", "s", "clock", "morning", "old", "and", "half", "ago"];
        words.extend(owned(LEADS.into_iter().chain(others)));
        let before = proptest::sample::select(&["", "twice", "5", "for"][..]);
        let rest = proptest::collection::vec(proptest::sample::select(words), 0..5);
        (before, proptest::sample::select(&LEADS[..]), rest).prop_map(|(before, lead, rest)| format!("{before} {lead} {}", rest.join(" ")))
    }

    /// At token `at` of `text`: what the rules narrowed by the next token find, and what every
    /// rule that can begin with token `at` finds.
    fn narrowed_and_every(text: &str, at: usize) -> (Option<Match>, Option<Match>) {
        let mut lowered = Lowered::default();
        let tokens = tokenize(text, &mut lowered);
        let grammar = Grammar::new(&tokens);
        let word = grammar.word(at);
        let first = Rules::first(word);
        let every = Rules(first.0 & !Rules::POSITION_WORD.0);
        (grammar.core_at(at, first.followed_by(word, tokens.get(at + 1))), grammar.core_at(at, every))
    }

    proptest! {
        /// The rules that the token after a number, "a", "an" or "the" leaves find what every
        /// rule that can begin with it finds.
        #[test]
        fn rules_narrowed_by_the_next_token_find_the_same(text in narrowing_test_text()) {
            let at = usize::from(!text.starts_with(' '));
            let (narrowed, every) = narrowed_and_every(&text, at);
            prop_assert_eq!(narrowed, every);
        }
    }

    #[test]
    fn each_rule_narrowed_by_the_next_token_is_tried_before_it() {
        // The expression begins at the second token.
        let cases = [
            ("iso date", "on 2025-09-04"),
            ("day and month", "on 4 September 2025"),
            ("day of month", "on 4th of July"),
            ("clock time", "on 10:35 a.m. Thursday"),
            ("o'clock", "on 4 o'clock"),
            ("hour of a day part", "on 4 in the morning"),
            ("year and quarter", "on 1998 first quarter"),
            ("year and fiscal quarter", "on 1998 fiscal third quarter"),
            ("year and numbered quarter", "on 1998 3rd quarter"),
            ("numbered quarter", "on 3rd quarter"),
            ("hyphenated quarter", "on 3rd-quarter"),
            ("year before a comma", "on 2019, when"),
            ("year at the end", "on 2019"),
            ("decade", "on 1990s"),
            ("century", "on 20th century"),
            ("duration", "on 4 years"),
            ("mixed fraction", "on 2 1/2 years"),
            ("range", "on 12 to 18 months"),
            ("hyphenated", "on 2-year"),
            ("scaled", "on 2 million years"),
            ("more", "on 5 more years"),
            ("a unit", "for a year"),
            ("a unit after a count", "twice a day"),
            ("a couple", "for a couple of days"),
            ("a few", "for a few weeks"),
            ("a half", "for a half hour"),
            ("a number", "for a number of years"),
            ("an hour", "for an hour"),
            ("a hyphenated unit", "for a-year"),
        ];
        for (name, text) in cases {
            let (narrowed, every) = narrowed_and_every(text, 1);
            assert!(narrowed.is_some(), "{name}");
            assert_eq!(narrowed, every, "{name}");
        }
    }
}
