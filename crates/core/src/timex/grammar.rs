//! The temporal-expression grammar: at a token, the longest expression that starts there and what
//! it means, before resolution against the document date (see `resolve`).
//!
//! Span conventions follow TimeBank: modifiers that change the meaning are inside the span
//! ("last year", "the past three months", "early next year", "nearly four years", "the following
//! day"); prepositions are outside ("in 2019" → "2019").

mod rules;

use super::lexicon::*;
use super::numbers::parse_number;
use super::scan::{Class, Token};
use super::TimexKind;
use chrono::{NaiveDate, Weekday};
use rules::Rule;
pub(crate) use rules::{first_words, Rules};

/// How precise a calendar point is; also the unit of relative expressions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Grain {
    Day,
    Week,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

/// Which occurrence of a year-less date or a weekday is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// From the sentence's tense: past by default in news.
    FromTense,
    Past,
    Future,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Point {
    /// Fully given: "2025-09-04", "February 2022", "1990", "the 1990s".
    Fixed(NaiveDate, Grain),
    MonthDay(u32, u32, Direction),
    Month(u32, Direction),
    Weekday(Weekday, Direction),
    /// `offset` grains from the document date ("last year", "two weeks ago") or from the date last
    /// mentioned ("the following day", "a year earlier").
    Relative {
        grain: Grain,
        offset: i64,
        from_anchor: bool,
    },
    /// "a year ago": in results news, the reporting period last mentioned a year before; else the
    /// document's year minus `years`.
    YearsAgo(i64),
    /// "year-ago", "year-earlier": the reporting period last mentioned, a year before.
    YearAgoPeriod,
    /// A month or month-day of a year given relative to the document's: "January this year".
    InYear {
        month: u32,
        day: Option<u32>,
        year_offset: i64,
    },
    /// `quarter` 0 is the document date's own quarter.
    Quarter {
        quarter: u32,
        year_offset: i64,
    },
    Half {
        half: u32,
        year_offset: i64,
    },
    /// "the quarter", "the latest quarter": the last quarter that has ended.
    LatestQuarter {
        year_offset: i64,
    },
    Season {
        code: &'static str,
        end_month: u32,
        offset: i64,
    },
    Weekend(Direction),
    /// A holiday of a year-less occurrence: "Thanksgiving", "last Christmas".
    Holiday(Holiday, Direction),
    /// The day last mentioned, else the document's: the day of a bare clock time ("at 10 p.m.").
    AnchorDay,
    /// The week a day falls in: "the week of March 6".
    WeekOf(Box<Point>),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Suffix {
    None,
    /// `TMO`, `TNI`…
    DayPart(&'static str),
    Clock(u32, u32),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Meaning {
    /// Needs no resolution: durations, sets, `PRESENT_REF`.
    Literal(String),
    Point(Point, Suffix),
    /// A temporal expression whose value the text does not determine.
    Unknown,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Match {
    pub end: usize,
    pub kind: TimexKind,
    pub meaning: Meaning,
}

pub(crate) struct Grammar<'t> {
    tokens: &'t [Token<'t>],
}

const QUALIFIERS: [&str; 10] = [
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "over",
    "only",
    "just",
];
const TWO_WORD_QUALIFIERS: [(&str, &str); 7] = [
    ("more", "than"),
    ("less", "than"),
    ("fewer", "than"),
    ("at", "least"),
    ("at", "most"),
    ("up", "to"),
    ("no", "more"),
];
const VAGUE_COUNTS: [&str; 5] = ["few", "several", "many", "some", "couple"];
/// Words that make a duration a stretch of the calendar: "the past three years", "next two weeks".
const RANGE_WORDS: [&str; 10] = ["past", "last", "next", "first", "coming", "previous", "final", "latest", "following", "recent"];
/// "previously", "formerly" and "soon" are left out: TimeBank rarely marks them.
const PAST_REFS: [&str; 3] = ["recently", "lately", "recent"];
const PRESENT_REFS: [&str; 5] = ["now", "currently", "current", "nowadays", "presently"];

impl<'t> Grammar<'t> {
    pub(crate) fn new(tokens: &'t [Token<'t>]) -> Self {
        Grammar { tokens }
    }

    fn word(&self, i: usize) -> Option<&'t str> {
        self.tokens
            .get(i)
            .filter(|t| t.class == Class::Word)
            .map(|t| t.lower)
    }

    fn is(&self, i: usize, text: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.lower == text && t.class != Class::Break)
    }

    fn is_any(&self, i: usize, texts: &[&str]) -> bool {
        self.tokens.get(i).is_some_and(|t| texts.contains(&t.lower))
    }

    fn number_token(&self, i: usize) -> Option<&'t str> {
        self.tokens
            .get(i)
            .filter(|t| t.class == Class::Number)
            .map(|t| t.lower)
    }

    /// The longest expression starting at `i`, with "early/late/mid" and similar position words
    /// kept in the span.
    #[inline(always)]
    pub(crate) fn match_at(&self, i: usize) -> Option<Match> {
        self.match_beginning(i, Rules::first(self.word(i)))
    }

    /// [`Grammar::match_at`], given the [`Rules::first`] of token `i`.
    #[inline(always)]
    pub(crate) fn match_beginning(&self, i: usize, first: Rules) -> Option<Match> {
        // Most words of prose begin none: they are passed over after one look-up.
        if !first.may_begin() {
            debug_assert_eq!(self.expression_at(i, first), None);
            return None;
        }
        self.expression_at(i, first)
    }

    /// Out of line: [`Grammar::match_at`] is inlined for its test. `first` is the
    /// [`Rules::first`] of token `i`, passed on so that its word is looked up once.
    #[inline(never)]
    fn expression_at(&self, i: usize, first: Rules) -> Option<Match> {
        let core_at_i = || self.core_at(i, first.followed_by(self.word(i), self.tokens.get(i + 1)));
        let core_start = self.position_modifier_end(i);
        if core_start == i {
            return core_at_i();
        }
        match self.core_at(core_start, self.rules_at(core_start)) {
            Some(m) if !matches!(m.kind, TimexKind::Duration | TimexKind::Set) => Some(m),
            _ => core_at_i(),
        }
    }

    /// Skips "early", "late", "mid-", "earlier", "later", "the end of", "the middle of", and "the"
    /// before a position word and a year or decade ("the late 1970s"): the `rules::POSITION_WORDS`.
    fn position_modifier_end(&self, i: usize) -> usize {
        match self.word(i) {
            Some("the") if self.is_any(i + 1, &["early", "late", "mid"]) => {
                let core = self.position_modifier_end(i + 1);
                let year_follows = self.number_token(core).is_some();
                if core > i + 1 && year_follows {
                    core
                } else {
                    i
                }
            }
            Some("early" | "late" | "earlier" | "later") => i + 1,
            Some("mid") if self.is(i + 1, "-") => i + 2,
            Some("the")
                if self.is_any(i + 1, &["end", "beginning", "start", "middle"])
                    && self.is(i + 2, "of") =>
            {
                i + 3
            }
            _ => i,
        }
    }

    /// The rules that can begin at token `i`.
    fn rules_at(&self, i: usize) -> Rules {
        let word = self.word(i);
        Rules::first(word).followed_by(word, self.tokens.get(i + 1))
    }

    /// The longest match at `i` of `rules`: the [`Grammar::rules_at`] `i`.
    fn core_at(&self, i: usize, rules: Rules) -> Option<Match> {
        if cfg!(debug_assertions) {
            for rule in Rule::ALL.into_iter().filter(|&rule| !rules.has(rule)) {
                assert!(
                    rule.at(self, i).is_none_or(|m| m.end <= i),
                    "{rule:?} begins with {:?} {:?}: add them to its first words",
                    self.tokens[i].lower,
                    self.word(i + 1)
                );
            }
        }
        let mut longest: Option<Match> = None;
        for rule in rules.iter() {
            // On equal length the earlier, more specific rule wins ("coming months" is FUTURE_REF).
            let longer = |m: &Match| m.end > longest.as_ref().map_or(i, |l| l.end);
            if let Some(found) = rule.at(self, i).filter(longer) {
                longest = Some(found);
            }
        }
        longest
    }

    fn point(end: usize, kind: TimexKind, point: Point, suffix: Suffix) -> Option<Match> {
        Some(Match {
            end,
            kind,
            meaning: Meaning::Point(point, suffix),
        })
    }

    fn literal(end: usize, kind: TimexKind, value: impl Into<String>) -> Option<Match> {
        Some(Match {
            end,
            kind,
            meaning: Meaning::Literal(value.into()),
        })
    }

    /// `2025-09-04`
    fn iso_date(&self, i: usize) -> Option<Match> {
        let year = self.number_token(i).filter(|y| y.len() == 4)?;
        let month = self
            .number_token(i + 2)
            .filter(|m| m.len() == 2 && self.is(i + 1, "-"))?;
        let day = self
            .number_token(i + 4)
            .filter(|d| d.len() == 2 && self.is(i + 3, "-"))?;
        let date =
            NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)?;
        Self::point(
            i + 5,
            TimexKind::Date,
            Point::Fixed(date, Grain::Day),
            Suffix::None,
        )
    }

    /// A month name at `i` (with the abbreviation's dot), returning the month and the index after it.
    fn month_name(&self, i: usize) -> Option<(u32, usize)> {
        let token = self.tokens.get(i).filter(|t| t.class == Class::Word)?;
        let month = lookup(&MONTHS, token.lower)?;
        // Lower-case "may" and "march" are the verb ("that may shape"), never the month.
        if matches!(token.lower, "may" | "march") && !token.capitalized {
            return None;
        }
        let abbreviated = token.lower.len() <= 4 && !matches!(token.lower, "may" | "june" | "july");
        if abbreviated {
            // "Sept." or "Sept 4"; a bare lower-case "mar" or "dec" is not a month.
            let dotted = self.is(i + 1, ".");
            if !token.capitalized || !(dotted || self.day_number(i + 1).is_some()) {
                return None;
            }
            return Some((month, if dotted { i + 2 } else { i + 1 }));
        }
        Some((month, i + 1))
    }

    /// A day of the month: `4`, `4th`.
    fn day_number(&self, i: usize) -> Option<u32> {
        let raw = self.number_token(i)?;
        let digits = raw.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &raw[digits.len()..];
        let day: u32 = digits.parse().ok()?;
        let valid_suffix = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
        (valid_suffix && (1..=31).contains(&day) && digits.len() <= 2).then_some(day)
    }

    /// A four-digit year as digits, or as words ("nineteen ninety-six").
    fn year_number(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(raw) = self.number_token(i) {
            let year: i32 = raw.parse().ok().filter(|_| raw.len() == 4)?;
            return (1000..=2199).contains(&year).then_some((year, i + 1));
        }
        let century = self
            .word(i)
            .and_then(|w| lookup(&UNITS, w))
            .filter(|c| (10..=19).contains(c))?;
        let tens = self.word(i + 1).and_then(|w| lookup(&TENS, w))?;
        let mut year = century * 100 + tens;
        let mut end = i + 2;
        if self.is(end, "-") {
            if let Some(unit) = self
                .word(end + 1)
                .and_then(|w| lookup(&UNITS, w))
                .filter(|u| (1..10).contains(u))
            {
                year += unit;
                end += 2;
            }
        }
        Some((year as i32, end))
    }

    /// "August 28", "Sept. 4, 2025", "4 September 2025", "February 2022", "in August",
    /// "Tuesday, Sept. 4", "January this year".
    fn month_date(&self, i: usize) -> Option<Match> {
        let mut start = i;
        if self.weekday_name(i).is_some() {
            start = if self.is(i + 1, ",") { i + 2 } else { i + 1 };
        }
        let (month, day, after_day) = if let Some((month, after)) = self.month_name(start) {
            match self.day_number(after) {
                Some(day) => (month, Some(day), after + 1),
                _ => (month, None, after),
            }
        } else {
            let day = self.day_number(start)?;
            let after_of = if self.is(start + 1, "of") {
                start + 2
            } else {
                start + 1
            };
            let (month, after) = self.month_name(after_of)?;
            (month, Some(day), after)
        };
        let year_at = if day.is_some() && self.is(after_day, ",")
            || day.is_none() && self.is(after_day, "of")
        {
            after_day + 1
        } else {
            after_day
        };
        if let Some((year, end)) = self.year_number(year_at) {
            let (date, grain) = match day {
                Some(day) => (NaiveDate::from_ymd_opt(year, month, day)?, Grain::Day),
                None => (NaiveDate::from_ymd_opt(year, month, 1)?, Grain::Month),
            };
            return Self::point(
                end,
                TimexKind::Date,
                Point::Fixed(date, grain),
                Suffix::None,
            );
        }
        if day.is_none() && start == i && !self.plausible_bare_month(i) {
            return None;
        }
        // "January this year", "April next year"
        if let (Some(rel @ ("this" | "last" | "next")), true) =
            (self.word(after_day), self.is(after_day + 1, "year"))
        {
            let offset = match rel {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            return Self::point(
                after_day + 2,
                TimexKind::Date,
                Point::InYear {
                    month,
                    day,
                    year_offset: offset,
                },
                Suffix::None,
            );
        }
        let point = match day {
            Some(day) => Point::MonthDay(month, day, Direction::FromTense),
            None => Point::Month(month, Direction::FromTense),
        };
        Self::point(after_day, TimexKind::Date, point, Suffix::None)
    }

    /// "May", "March" and a sentence-initial month name are often not months: require a
    /// preposition or a modifier before, or a capital inside the sentence for unambiguous ones.
    fn plausible_bare_month(&self, i: usize) -> bool {
        let Some(token) = self.tokens.get(i) else {
            return false;
        };
        if !token.capitalized {
            return false;
        }
        let before = i.checked_sub(1).and_then(|j| self.word(j));
        let after_preposition = before.is_some_and(|w| {
            [
                "in", "since", "by", "until", "till", "through", "from", "to", "of", "during",
                "before", "after", "early", "late", "mid", "last", "this", "next", "between",
                "and", "or", "for", "in", "that", "each", "every",
            ]
            .contains(&w)
        }) || i.checked_sub(1).is_some_and(|j| self.is(j, "-"));
        match token.lower {
            "may" | "march" => after_preposition,
            _ => after_preposition || i > 0 && self.tokens[i - 1].class == Class::Word,
        }
    }

    fn weekday_name(&self, i: usize) -> Option<(Weekday, bool)> {
        let word = self.word(i)?;
        if let Some(day) = lookup(&WEEKDAYS, word) {
            return Some((day, false));
        }
        let singular = word.strip_suffix('s')?;
        lookup(&WEEKDAYS, singular).map(|day| (day, true))
    }

    fn day_part(&self, i: usize) -> Option<&'static str> {
        self.word(i).and_then(|w| lookup(&DAY_PARTS, w))
    }

    /// "Tuesday", "on Friday night", "last Friday", "next Monday", "each Thursday", "Tuesday nights".
    fn weekday(&self, i: usize) -> Option<Match> {
        let (direction, name_at, every) = match self.word(i) {
            Some("last" | "past") => (Direction::Past, i + 1, false),
            Some("next" | "coming") => (Direction::Future, i + 1, false),
            Some("this") => (Direction::FromTense, i + 1, false),
            Some("each" | "every") => (Direction::FromTense, i + 1, true),
            Some("the") if self.is_any(i + 1, &["previous", "preceding"]) => {
                (Direction::Past, i + 2, false)
            }
            Some("overnight") => (Direction::FromTense, i + 1, false),
            _ => (Direction::FromTense, i, false),
        };
        let (day, plural) = self.weekday_name(name_at)?;
        let part = self.day_part(name_at + 1);
        let end = name_at + 1 + usize::from(part.is_some());
        let weekday_number = day.number_from_monday();
        if every || plural {
            let value = format!(
                "XXXX-WXX-{weekday_number}{}",
                part.map(|p| format!("T{p}")).unwrap_or_default()
            );
            return Self::literal(end, TimexKind::Set, value);
        }
        let (kind, suffix) = match part {
            Some(part) => (TimexKind::Time, Suffix::DayPart(part)),
            None => (TimexKind::Date, Suffix::None),
        };
        Self::point(end, kind, Point::Weekday(day, direction), suffix)
    }

    /// "Thanksgiving", "Christmas Eve", "New Year's Day", "last Thanksgiving", "Election Day".
    fn holiday(&self, i: usize) -> Option<Match> {
        let (direction, name_at) = match self.word(i) {
            Some("last") => (Direction::Past, i + 1),
            Some("next" | "this" | "coming") => (Direction::Future, i + 1),
            _ => (Direction::FromTense, i),
        };
        if !self.tokens.get(name_at)?.capitalized {
            return None;
        }
        let (holiday, end) = HOLIDAYS.iter().find_map(|(words, holiday)| {
            let matches = words.iter().enumerate().all(|(k, w)| {
                self.tokens
                    .get(name_at + k)
                    .is_some_and(|t| t.class != Class::Break && straight_apostrophe(t.lower) == *w)
            });
            matches.then_some((*holiday, name_at + words.len()))
        })?;
        Self::point(
            end,
            TimexKind::Date,
            Point::Holiday(holiday, direction),
            Suffix::None,
        )
    }

    /// "the week of March 6": the week a day falls in.
    fn week_of(&self, i: usize) -> Option<Match> {
        if !(self.is(i, "the") && self.is(i + 1, "week") && self.is(i + 2, "of")) {
            return None;
        }
        match self.month_date(i + 3)? {
            Match {
                end,
                meaning:
                    Meaning::Point(point @ (Point::MonthDay(..) | Point::Fixed(_, Grain::Day)), _),
                ..
            } => Self::point(
                end,
                TimexKind::Date,
                Point::WeekOf(Box::new(point)),
                Suffix::None,
            ),
            _ => None,
        }
    }

    /// "10 a.m.", "10:35 a.m. EDT Thursday", "noon Thursday", "4 in the morning".
    fn clock_time(&self, i: usize) -> Option<Match> {
        let start = if self.is_any(i, &["around", "about", "approximately"]) {
            i + 1
        } else {
            i
        };
        let (hour, minute, mut end) = if self.is_any(start, &["noon", "midday"]) {
            (12, 0, start + 1)
        } else if self.is(start, "midnight") {
            (24, 0, start + 1)
        } else {
            let raw = self.number_token(start)?;
            let (h, m) = raw.split_once(':').unwrap_or((raw, "00"));
            let (mut hour, minute): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
            if hour > 24 || minute > 59 || m.len() != 2 {
                return None;
            }
            let meridiem = self.word(start + 1);
            let end = match meridiem {
                Some("a.m." | "a.m" | "am") => {
                    hour %= 12;
                    start + 2
                }
                Some("p.m." | "p.m" | "pm") => {
                    hour = hour % 12 + 12;
                    start + 2
                }
                Some("o") if self.is(start + 2, "'") && self.is(start + 3, "clock") => start + 4,
                Some("in") if self.is(start + 2, "the") && self.day_part(start + 3).is_some() => {
                    if self.is_any(start + 3, &["afternoon", "evening", "night"]) && hour < 12 {
                        hour += 12;
                    }
                    start + 4
                }
                _ => return None,
            };
            (hour, minute, end)
        };
        if self.word(end).is_some_and(|w| {
            [
                "est", "edt", "gmt", "cst", "cdt", "pst", "pdt", "utc", "bst", "cet",
            ]
            .contains(&w)
        }) {
            end += 1;
        }
        let day_at = if self.is(end, ",") { end + 1 } else { end };
        let day = self
            .weekday(day_at)
            .or_else(|| self.deictic_day(day_at))
            .or_else(|| self.month_date(day_at));
        let (point, end) = match day {
            Some(Match {
                end,
                meaning: Meaning::Point(point, Suffix::None),
                ..
            }) => (point, end),
            _ => (Point::AnchorDay, end),
        };
        Self::point(end, TimexKind::Time, point, Suffix::Clock(hour, minute))
    }

    /// "today", "yesterday morning", "tomorrow", "tonight", "this morning", "the day before yesterday".
    fn deictic_day(&self, i: usize) -> Option<Match> {
        let today = |offset| Point::Relative {
            grain: Grain::Day,
            offset,
            from_anchor: false,
        };
        let (offset, after) = match self.word(i)? {
            "today" => (0, i + 1),
            "yesterday" => (-1, i + 1),
            "tomorrow" => (1, i + 1),
            "tonight" => {
                return Self::point(i + 1, TimexKind::Time, today(0), Suffix::DayPart("NI"))
            }
            "last" if self.is(i + 1, "night") => {
                return Self::point(i + 2, TimexKind::Time, today(-1), Suffix::DayPart("NI"))
            }
            "this" => {
                let part = self
                    .day_part(i + 1)
                    .filter(|p| *p != "NI" || self.is(i + 1, "night"))?;
                return Self::point(i + 2, TimexKind::Time, today(0), Suffix::DayPart(part));
            }
            "the" if self.is(i + 1, "day") && self.is_any(i + 2, &["before", "after"]) => {
                let offset = match (self.word(i + 2), self.word(i + 3)) {
                    (Some("before"), Some("yesterday")) => -2,
                    (Some("after"), Some("tomorrow")) => 2,
                    _ => return None,
                };
                return Self::point(i + 4, TimexKind::Date, today(offset), Suffix::None);
            }
            _ => return None,
        };
        match self.day_part(after) {
            Some(part) => Self::point(
                after + 1,
                TimexKind::Time,
                today(offset),
                Suffix::DayPart(part),
            ),
            None => Self::point(after, TimexKind::Date, today(offset), Suffix::None),
        }
    }

    /// "now", "currently", "recently", "the future", "the past", "soon", "coming months".
    fn reference(&self, i: usize) -> Option<Match> {
        let date = |end, value: &str| Self::literal(end, TimexKind::Date, value);
        let word = self.word(i)?;
        if PRESENT_REFS.contains(&word) {
            // "now" in "now-defunct" and "current" as a noun are still present references in TimeML.
            return date(i + 1, "PRESENT_REF");
        }
        if PAST_REFS.contains(&word) {
            // "recent years": some years up to now, as TimeBank mostly annotates it.
            if let Some((unit, true)) = self
                .word(i + 1)
                .filter(|_| word == "recent")
                .and_then(unit_of)
            {
                return Self::literal(i + 2, TimexKind::Duration, duration_value(None, unit));
            }
            return date(i + 1, "PAST_REF");
        }
        match word {
            "the" if self.is(i + 1, "future") => date(i + 2, "FUTURE_REF"),
            "the" if self.is(i + 1, "past") && !self.starts_count(i + 2) => date(i + 2, "PAST_REF"),
            "the" | "these" if self.is(i + 1, "days") && word == "these" => {
                date(i + 2, "PRESENT_REF")
            }
            "coming" | "upcoming"
                if self.is_any(i + 1, &["days", "weeks", "months", "years", "decades"]) =>
            {
                date(i + 2, "FUTURE_REF")
            }
            _ => None,
        }
    }

    /// A number or a unit word follows: "the past three months", "the past year" are durations.
    fn starts_count(&self, i: usize) -> bool {
        parse_number(self.tokens, i).is_some()
            || self
                .word(i)
                .is_some_and(|w| unit_of(w).is_some() || VAGUE_COUNTS.contains(&w) || w == "a")
    }

    /// "last year", "this week", "next month", "the following day", "that same day", "the weekend",
    /// "last fall", "this past spring", "the year-ago quarter".
    fn relative_unit(&self, i: usize) -> Option<Match> {
        let date = |end, point| Self::point(end, TimexKind::Date, point, Suffix::None);
        // "year-earlier profit", "year-ago levels": the period last mentioned, a year before.
        if self.is_year_ago(i) {
            return date(i + 3, Point::YearAgoPeriod);
        }
        // "by year-end", "by year end", "by year's end": the end of the document's year.
        if let Some(end) = self.year_end(i) {
            return date(
                end,
                Point::Relative {
                    grain: Grain::Year,
                    offset: 0,
                    from_anchor: false,
                },
            );
        }
        let (offset, from_anchor, unit_at) = match (self.word(i)?, self.word(i + 1)) {
            ("last", _) => (-1, false, i + 1),
            ("this", Some("past")) => (-1, false, i + 2),
            ("this" | "current", _) => (0, false, i + 1),
            ("next" | "coming", _) => (1, false, i + 1),
            ("the", Some("current")) => (0, false, i + 2),
            ("the", Some("full")) if self.is(i + 2, "year") => (0, false, i + 2),
            ("the", Some("coming")) => (1, false, i + 2),
            ("the", Some("following" | "next")) => (1, true, i + 2),
            ("the", Some("previous" | "preceding" | "prior")) => (-1, true, i + 2),
            ("the" | "that", Some("same")) => (0, true, i + 2),
            ("that", _) => (0, true, i + 1),
            ("the", _) => (0, false, i + 1),
            _ => return None,
        };
        // "the year", "the full year", "the fiscal year": which year depends on the construction.
        let is_the = self.is(i, "the") && (unit_at == i + 1 || self.is(i + 1, "full"));
        // "last fiscal year", "the current fiscal year"
        let unit_at = if self.is(unit_at, "fiscal") && self.is(unit_at + 1, "year") {
            unit_at + 1
        } else {
            unit_at
        };
        let unit = self.word(unit_at)?;
        if let Some((_, code, end_month)) = SEASONS.iter().find(|(name, ..)| *name == unit) {
            if let Some((year, end)) = self
                .year_number(unit_at + 2)
                .filter(|_| self.is(unit_at + 1, "of"))
            {
                return Self::literal(end, TimexKind::Date, format!("{year:04}-{code}"));
            }
            let offset = if is_the { 0 } else { offset };
            return date(
                unit_at + 1,
                Point::Season {
                    code,
                    end_month: *end_month,
                    offset,
                },
            );
        }
        if unit == "weekend" {
            let direction = match offset {
                _ if is_the || from_anchor => Direction::FromTense,
                -1 => Direction::Past,
                1 => Direction::Future,
                _ => Direction::FromTense,
            };
            return date(unit_at + 1, Point::Weekend(direction));
        }
        if unit == "morning" && from_anchor {
            return Self::point(
                unit_at + 1,
                TimexKind::Time,
                Point::Relative {
                    grain: Grain::Day,
                    offset,
                    from_anchor,
                },
                Suffix::DayPart("MO"),
            );
        }
        if matches!(unit, "quarter" | "period") && !is_the {
            let point = if offset == 0 && !from_anchor {
                Point::Quarter {
                    quarter: 0,
                    year_offset: 0,
                }
            } else {
                Point::Relative {
                    grain: Grain::Quarter,
                    offset,
                    from_anchor,
                }
            };
            return date(unit_at + 1, point);
        }
        if is_the {
            return match unit {
                "quarter" | "latest"
                    if unit == "quarter" || self.is_any(unit_at + 1, &["quarter", "period"]) =>
                {
                    date(
                        unit_at + 1 + usize::from(unit == "latest"),
                        Point::LatestQuarter { year_offset: 0 },
                    )
                }
                "year"
                    if self.is_year_ago(unit_at)
                        && self.is_any(unit_at + 3, &["quarter", "period"]) =>
                {
                    date(unit_at + 4, Point::LatestQuarter { year_offset: -1 })
                }
                // "the year ended Aug. 31" is a reporting period: a year long, ending on that date.
                "year" if self.is_any(unit_at + 1, &["ended", "ending"]) => {
                    Self::literal(unit_at + 1, TimexKind::Duration, "P1Y")
                }
                // "for the year", "earlier in the year" name the current year; "during the year" spans one.
                "year"
                    if !self.is(unit_at + 1, "-")
                        && i > 0
                        && self.is_any(i - 1, &["for", "in", "of"]) =>
                {
                    date(
                        unit_at + 1,
                        Point::Relative {
                            grain: Grain::Year,
                            offset: 0,
                            from_anchor: false,
                        },
                    )
                }
                "year" if !self.is(unit_at + 1, "-") => {
                    Self::literal(unit_at + 1, TimexKind::Duration, "P1Y")
                }
                _ => None,
            };
        }
        let grain = match unit {
            "day" => Grain::Day,
            "week" => Grain::Week,
            "month" => Grain::Month,
            "year" => Grain::Year,
            "decade" => Grain::Decade,
            "century" => Grain::Century,
            _ => {
                // "last November", "this September" (of the document's year), "next April",
                // "last Oct. 23"
                let (month, end) = self.month_name(unit_at)?;
                let direction = match offset {
                    -1 => Direction::Past,
                    1 => Direction::Future,
                    0 if !from_anchor => {
                        let day = self.day_number(end);
                        let end = end + usize::from(day.is_some());
                        return date(
                            end,
                            Point::InYear {
                                month,
                                day,
                                year_offset: 0,
                            },
                        );
                    }
                    _ => Direction::FromTense,
                };
                return match self.day_number(end) {
                    Some(day) => date(end + 1, Point::MonthDay(month, day, direction)),
                    None => date(end, Point::Month(month, direction)),
                };
            }
        };
        if grain == Grain::Day && !from_anchor {
            return None;
        }
        // "compared with $3 million last year", "last year's results": in results news, the period
        // reported on, a year before.
        if grain == Grain::Year && offset == -1 && !from_anchor && self.compares(i, unit_at + 1) {
            return date(unit_at + 1, Point::YearsAgo(1));
        }
        // "next year's first quarter"
        if grain == Grain::Year && self.is(unit_at + 1, "'") && self.is(unit_at + 2, "s") {
            if let Some(quarter) = self.ordinal_quarter(unit_at + 3) {
                return date(
                    quarter.1,
                    Point::Quarter {
                        quarter: quarter.0,
                        year_offset: offset,
                    },
                );
            }
        }
        date(
            unit_at + 1,
            Point::Relative {
                grain,
                offset,
                from_anchor,
            },
        )
    }

    /// "year-ago", "year-earlier" (three tokens) at `i`.
    fn is_year_ago(&self, i: usize) -> bool {
        self.is(i, "year") && self.is(i + 1, "-") && self.is_any(i + 2, &["earlier", "ago"])
    }

    /// The end of "year-end", "year end", "year's end" starting at `i`.
    fn year_end(&self, i: usize) -> Option<usize> {
        if !self.is(i, "year") {
            return None;
        }
        let end_at = match self.tokens.get(i + 1)?.lower {
            "-" => i + 2,
            "'" | "’" if self.is(i + 2, "s") => i + 3,
            _ => i + 1,
        };
        // "year-end results" is an adjective; it still names the same time.
        self.is(end_at, "end").then_some(end_at + 1)
    }

    /// Whether the expression from `start` to `end` states what a figure is compared with:
    /// "compared with … last year", "last year's results".
    fn compares(&self, start: usize, end: usize) -> bool {
        let possessive = self.is_any(end, &["'", "’"]) && self.is(end + 1, "s");
        let cue_before = (start.saturating_sub(COMPARISON_WINDOW)..start)
            .rev()
            .take_while(|&k| !self.is_any(k, &[".", "\n"]))
            .any(|k| self.is_any(k, &["compared", "versus"]));
        possessive || cue_before
    }

    /// "first quarter", "third-quarter", "fiscal first quarter": the quarter number and the end.
    fn ordinal_quarter(&self, i: usize) -> Option<(u32, usize)> {
        let ordinal_at = if self.is(i, "fiscal") { i + 1 } else { i };
        let quarter = self
            .tokens
            .get(ordinal_at)
            .and_then(|t| lookup(&ORDINALS, t.lower))
            .filter(|q| *q <= 4)?;
        let quarter_at = if self.is(ordinal_at + 1, "-") {
            ordinal_at + 2
        } else {
            ordinal_at + 1
        };
        self.is_any(quarter_at, &["quarter", "quarters"])
            .then_some((quarter, quarter_at + 1))
    }

    /// "the third quarter", "third-quarter", "the fourth quarter of 1998", "1998 first quarter",
    /// "the first half of 1989".
    fn quarter(&self, i: usize) -> Option<Match> {
        let start = if self.is(i, "the") { i + 1 } else { i };
        // "the year-ago third quarter"
        let (year_offset, start) = if self.is_year_ago(start) {
            (-1, start + 3)
        } else {
            (0, start)
        };
        let (explicit_year, start) = match self.year_number(start) {
            Some((year, end)) => (Some(year), end),
            None => (None, start),
        };
        let (value, end) = if let Some((quarter, end)) = self.ordinal_quarter(start) {
            ((quarter, Grain::Quarter), end)
        } else {
            let ordinal_at = if self.is_any(start, &["first", "second", "last"]) {
                start
            } else {
                return self.year_period(i);
            };
            let half = if self.is(ordinal_at, "first") { 1 } else { 2 };
            if !self.is(ordinal_at + 1, "half") {
                return None;
            }
            ((half, Grain::Half), ordinal_at + 2)
        };
        let (year, end) = match (explicit_year, self.is(end, "of")) {
            (Some(year), _) => (Some(year), end),
            (None, true) => match self.year_number(end + 1) {
                Some((year, after)) => (Some(year), after),
                None => (None, end),
            },
            (None, false) => (None, end),
        };
        let (number, grain) = value;
        let point = match (year, grain) {
            (Some(year), Grain::Quarter) => Point::Fixed(
                NaiveDate::from_ymd_opt(year, number * 3 - 2, 1)?,
                Grain::Quarter,
            ),
            (Some(year), _) => Point::Fixed(
                NaiveDate::from_ymd_opt(year, number * 6 - 5, 1)?,
                Grain::Half,
            ),
            (None, Grain::Quarter) => Point::Quarter {
                quarter: number,
                year_offset,
            },
            (None, _) => Point::Half {
                half: number,
                year_offset,
            },
        };
        Self::point(end, TimexKind::Date, point, Suffix::None)
    }

    /// "the 1988 period", "the 1988 quarter".
    fn year_period(&self, i: usize) -> Option<Match> {
        let (year, end) = self.year_number(i + 1).filter(|_| self.is(i, "the"))?;
        if !self.is_any(end, &["period", "year", "quarter"]) {
            return None;
        }
        Self::point(
            end + 1,
            TimexKind::Date,
            Point::Fixed(NaiveDate::from_ymd_opt(year, 1, 1)?, Grain::Year),
            Suffix::None,
        )
    }

    /// "2019", "fiscal 1989", "FY1998", "the 1990s", "the '90s", "the 20th century",
    /// "nineteen ninety-six", "the year two thousand".
    fn year(&self, i: usize) -> Option<Match> {
        let year_point = |end, year: i32, grain| {
            Self::point(
                end,
                TimexKind::Date,
                Point::Fixed(NaiveDate::from_ymd_opt(year, 1, 1)?, grain),
                Suffix::None,
            )
        };
        let word = self.tokens.get(i)?.lower;
        if word == "the"
            && self.is(i + 1, "year")
            && self.is(i + 2, "two")
            && self.is(i + 3, "thousand")
        {
            let (extra, end) =
                match parse_number(self.tokens, i + 5).filter(|_| self.is(i + 4, "and")) {
                    Some(n) => (n.value as i32, n.end),
                    None => (0, i + 4),
                };
            return year_point(end, 2000 + extra, Grain::Year);
        }
        if word == "fiscal" {
            let at = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
            let (year, end) = self.year_number(at)?;
            return year_point(end, year, Grain::Year);
        }
        if let Some(rest) = word.strip_prefix("fy").filter(|r| r.len() == 4) {
            return year_point(i + 1, rest.parse().ok()?, Grain::Year);
        }
        let start = if word == "the" { i + 1 } else { i };
        // "the nineties"
        if let Some(tens) = self
            .word(start)
            .filter(|_| start > i)
            .and_then(|w| w.strip_suffix("ies"))
            .and_then(|stem| lookup(&TENS, &format!("{stem}y")))
        {
            return year_point(start + 1, 1900 + tens as i32, Grain::Decade);
        }
        // "the '90s"
        if self.is(start, "'") || self.is(start, "’") {
            let decade = self
                .number_token(start + 1)
                .and_then(|d| d.strip_suffix('s'))
                .filter(|d| d.len() == 2)?;
            let decade: i32 = decade.parse().ok()?;
            return year_point(start + 2, 1900 + decade, Grain::Decade);
        }
        if let Some(raw) = self.number_token(start) {
            // "1990s", "20th century"
            if let Some(decade) = raw
                .strip_suffix('s')
                .filter(|d| d.len() == 4 && d.ends_with('0'))
            {
                return year_point(start + 1, decade.parse().ok()?, Grain::Decade);
            }
            if self.is(start + 1, "century") {
                let digits = raw.trim_end_matches(char::is_alphabetic);
                let century: i32 = digits
                    .parse()
                    .ok()
                    .filter(|c| (1..=30).contains(c) && raw.len() > digits.len())?;
                return year_point(start + 2, (century - 1) * 100, Grain::Century);
            }
        }
        if start > i {
            return None;
        }
        let (year, end) = self.year_number(i)?;
        if !self.looks_like_year(i, end, year) {
            return None;
        }
        year_point(end, year, Grain::Year)
    }

    /// A four-digit number is a year unless it measures something: "$1990", "1990 troops",
    /// "1,990", "1990%".
    fn looks_like_year(&self, start: usize, end: usize, year: i32) -> bool {
        if self.tokens[start].class == Class::Word {
            return true;
        }
        let mid = start > 1 && self.is(start - 1, "-") && self.is(start - 2, "mid");
        let money_or_sign = start > 0
            && !mid
            && self.is_any(start - 1, &["$", "€", "£", "#", "No", "no", "-", "+"]);
        let measured = self.is_any(end, &["%", "-"])
            || self.word(end).is_some_and(|w| {
                COUNTED_AFTER_NUMBER.contains(&w)
                    || w.ends_with("s")
                        && !["s"].contains(&w)
                        && !self.tokens[end].capitalized
                        && w.len() > 3
                        && ![
                            "was", "has", "is", "as", "this", "its", "his", "hers", "ours",
                            "yours", "theirs", "always",
                        ]
                        .contains(&w)
            });
        (1800..=2100).contains(&year) && !money_or_sign && !measured
    }

    /// Durations: "four years", "the past three months", "nearly four years", "a minute and a half",
    /// "2 1/2 years", "two-year", "the first nine months", "weeks"; and their dates: "two weeks ago",
    /// "a year earlier", "days later".
    fn duration(&self, i: usize) -> Option<Match> {
        let mut at = i;
        if let Some(&(_, second)) = TWO_WORD_QUALIFIERS
            .iter()
            .find(|(first, _)| self.is(at, first))
        {
            if self.is(at + 1, second) {
                at += 2;
                if second == "more" && self.is(at, "than") {
                    at += 1;
                }
            }
        } else if self.word(at).is_some_and(|w| QUALIFIERS.contains(&w)) {
            at += 1;
        }
        // "over the past three months": "over" is a preposition there, outside the span.
        if at > i && self.is(at, "the") {
            return None;
        }
        let qualified = at > i;
        let mut ranged = false;
        if self.is(at, "the") {
            at += 1;
        }
        if self.is_any(at, &RANGE_WORDS) {
            ranged = true;
            at += 1;
        }
        if self.is_year_ago(at) {
            at += 3;
        }
        // The count: a number, "a/an", "a few", "several", "a couple of", or nothing ("years").
        let (count, count_end) = match self.word(at) {
            Some("a" | "an") if self.is(at + 1, "couple") && self.is(at + 2, "of") => {
                (Some(2.0), at + 3)
            }
            Some("a" | "an") if self.is_any(at + 1, &["few", "number"]) => {
                (None, at + 2 + usize::from(self.is(at + 2, "of")))
            }
            Some("several" | "few" | "many" | "some") => (None, at + 1),
            Some("a" | "an" | "one") if self.is(at + 1, "half") => (Some(0.5), at + 2),
            Some("half") if self.is_any(at + 1, &["a", "an"]) => (Some(0.5), at + 2),
            Some("a" | "an") => (Some(1.0), at + 1),
            _ => match parse_number(self.tokens, at) {
                Some(number) => (Some(number.value), number.end),
                None => (None, at),
            },
        };
        let counted = count_end > at;
        let mut unit_at = count_end;
        // "twelve to eighteen months", "weeks or months"
        let mut vague = !counted;
        if counted && self.is_any(unit_at, &["to", "or"]) {
            if let Some(upper) = parse_number(self.tokens, unit_at + 1) {
                unit_at = upper.end;
                vague = true;
            }
        }
        if self.is(unit_at, "-") && counted {
            unit_at += 1;
        }
        if self.is(unit_at, "more") {
            unit_at += 1;
        }
        let unit_word = self.word(unit_at)?;
        let (unit, plural) = unit_of(unit_word)?;
        let mut end = unit_at + 1;
        // Ages are not temporal expressions: "the 45-year-old".
        if self.is(end, "-") && self.is(end + 1, "old") || self.is(end, "old") {
            return None;
        }
        let mut count = count;
        if !counted && !plural {
            // "the past year"
            if !ranged || vague && counted {
                return None;
            }
            count = Some(1.0);
            vague = false;
        }
        // A bare plural unit must be used as a time span: "for years", "in recent weeks", "decades-long".
        if !counted && !ranged && !qualified {
            let before = i.checked_sub(1).and_then(|j| self.word(j));
            let spans_time = before.is_some_and(|w| {
                [
                    "for", "over", "within", "in", "after", "took", "take", "takes", "lasted",
                    "last",
                ]
                .contains(&w)
            });
            let long = self.is(end, "-") && self.is(end + 1, "long");
            if long {
                end += 2;
            } else if !spans_time
                && !self.is_any(end, &["ago", "later", "earlier", "afterward", "afterwards"])
            {
                return None;
            }
        }
        let mut amount = count;
        if self.is(end, "and") && self.is_any(end + 1, &["a", "one"]) && self.is(end + 2, "half") {
            amount = amount.map(|a| a + 0.5);
            end += 3;
        }
        if vague
            || self.is_any(at, &["several", "few", "many", "some"])
            || self.is_any(at, &["a", "an"]) && self.is_any(at + 1, &["few", "number"])
        {
            amount = None;
        }
        if self.is(end, "or") && self.is(end + 1, "so") {
            end += 2;
        }
        // Dates counted from now or from the date just mentioned.
        let direction = self.word(end);
        if let Some(
            direction @ ("ago" | "earlier" | "later" | "before" | "after" | "afterward"
            | "afterwards" | "previously" | "since"),
        ) = direction
        {
            if matches!(direction, "before" | "after" | "since")
                && self
                    .tokens
                    .get(end + 1)
                    .is_some_and(|t| t.class != Class::Punct)
            {
                return Self::literal(end, TimexKind::Duration, duration_value(amount, unit));
            }
            let from_anchor = direction != "ago";
            let sign = if matches!(direction, "later" | "after" | "afterward" | "afterwards") {
                1
            } else {
                -1
            };
            let meaning = match (amount, unit.grain) {
                (Some(amount), Some(Grain::Year))
                    if amount.fract() == 0.0 && !from_anchor && unit.grains_per_unit == 1 =>
                {
                    Meaning::Point(Point::YearsAgo(amount as i64), Suffix::None)
                }
                (Some(amount), Some(grain)) if amount.fract() == 0.0 => {
                    let offset = sign * (amount as i64) * unit.grains_per_unit;
                    Meaning::Point(
                        Point::Relative {
                            grain,
                            offset,
                            from_anchor,
                        },
                        Suffix::None,
                    )
                }
                // "a minute and a half later" is annotated as the duration alone.
                (Some(_), _) => {
                    return Self::literal(end, TimexKind::Duration, duration_value(amount, unit))
                }
                (None, _) if direction == "ago" => Meaning::Literal("PAST_REF".into()),
                (None, _) => Meaning::Unknown,
            };
            return Some(Match {
                end: end + 1,
                kind: TimexKind::Date,
                meaning,
            });
        }
        Self::literal(end, TimexKind::Duration, duration_value(amount, unit))
    }

    /// "daily", "every week", "each year", "annually", "per month", "twice a day", "$5 a year".
    fn set(&self, i: usize) -> Option<Match> {
        let set = |end, value: &str| Self::literal(end, TimexKind::Set, value);
        match self.word(i)? {
            "daily" => set(i + 1, "P1D"),
            "nightly" => set(i + 1, "P1D"),
            "weekly" => set(i + 1, "P1W"),
            "monthly" => set(i + 1, "P1M"),
            "annually" | "yearly" => set(i + 1, "P1Y"),
            "hourly" => set(i + 1, "PT1H"),
            "every" | "each" | "per" => {
                let count =
                    parse_number(self.tokens, i + 1).filter(|n| !n.in_words || n.value > 1.0);
                let unit_at = count.map_or(i + 1, |n| n.end);
                if let Some((month, end)) = self.month_name(unit_at) {
                    return set(end, &format!("XXXX-{month:02}"));
                }
                let (unit, _) = unit_of(self.word(unit_at)?)?;
                set(
                    unit_at + 1,
                    &duration_value(Some(count.map_or(1.0, |n| n.value)), unit),
                )
            }
            "a" | "an"
                if i > 0
                    && (self.tokens[i - 1].class == Class::Number
                        || self.is_any(
                            i - 1,
                            &[
                                "times", "twice", "once", "dollars", "percent", "million",
                                "billion",
                            ],
                        )) =>
            {
                let (unit, plural) = unit_of(self.word(i + 1)?)?;
                (!plural).then_some(())?;
                set(i + 2, &duration_value(Some(1.0), unit))
            }
            _ => None,
        }
    }
}

/// A curly apostrophe as the straight one of the holiday names ("New Year’s Day"): a token with
/// one is the apostrophe alone.
fn straight_apostrophe(token: &str) -> &str {
    if token == "’" {
        "'"
    } else {
        token
    }
}

/// How many tokens before "last year" a comparison cue may be.
const COMPARISON_WINDOW: usize = 12;

/// Nouns that a four-digit number counts, so the number is not a year.
const COUNTED_AFTER_NUMBER: [&str; 12] = [
    "people", "troops", "men", "women", "children", "feet", "miles", "metres", "meters", "tons",
    "acres", "units",
];

/// A duration unit: its ISO-8601 letter, whether it is a clock unit (`PT…`) and how it maps to a
/// calendar grain for "two weeks ago".
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Unit {
    letter: &'static str,
    clock: bool,
    /// How many of the unit's own designator one unit is ("decade" = 10 `Y`).
    multiple: f64,
    grain: Option<Grain>,
    grains_per_unit: i64,
}

const fn unit(
    letter: &'static str,
    clock: bool,
    multiple: f64,
    grain: Option<Grain>,
    grains_per_unit: i64,
) -> Unit {
    Unit {
        letter,
        clock,
        multiple,
        grain,
        grains_per_unit,
    }
}

/// The units of durations by their singular names. (Quarters are dates, see `Grammar::quarter`.)
const UNITS_OF_TIME: [(&str, Unit); 10] = [
    ("second", unit("S", true, 1.0, None, 0)),
    ("minute", unit("M", true, 1.0, None, 0)),
    ("hour", unit("H", true, 1.0, None, 0)),
    ("day", unit("D", false, 1.0, Some(Grain::Day), 1)),
    ("week", unit("W", false, 1.0, Some(Grain::Week), 1)),
    ("fortnight", unit("W", false, 2.0, Some(Grain::Week), 2)),
    ("month", unit("M", false, 1.0, Some(Grain::Month), 1)),
    ("year", unit("Y", false, 1.0, Some(Grain::Year), 1)),
    ("decade", unit("Y", false, 10.0, Some(Grain::Year), 10)),
    ("century", unit("Y", false, 100.0, Some(Grain::Year), 100)),
];

/// The unit a word names, and whether the word is plural.
pub(crate) fn unit_of(word: &str) -> Option<(Unit, bool)> {
    let (singular, plural) = match word.strip_suffix('s') {
        Some(stem) if stem != "centurie" => (stem, true),
        _ if word == "centuries" => ("century", true),
        _ => (word, false),
    };
    lookup(&UNITS_OF_TIME, singular).map(|unit| (unit, plural))
}

/// The ISO-8601 duration: `P4Y`, `PT2H`, `P2Y6M` for two and a half years, `PXY` for "years".
/// Twenty-four hours are a day, as TimeBank annotates "the last twenty four hours" (but `PT72H`).
pub(crate) fn duration_value(amount: Option<f64>, unit: Unit) -> String {
    let prefix = if unit.clock { "PT" } else { "P" };
    let Some(amount) = amount else {
        return format!("{prefix}X{}", unit.letter);
    };
    let amount = amount * unit.multiple;
    if unit.clock && unit.letter == "H" && amount == 24.0 {
        return "P1D".into();
    }
    if amount.fract() == 0.0 {
        return format!("{prefix}{}{}", amount as u64, unit.letter);
    }
    // Half units spelled in the next smaller unit: P2Y6M, PT1M30S, PT5H30M, P1D12H would mix
    // designators, so days and weeks keep a decimal.
    let smaller = match (unit.clock, unit.letter) {
        (false, "Y") => Some(("M", 12.0)),
        (true, "H") => Some(("M", 60.0)),
        (true, "M") => Some(("S", 60.0)),
        _ => None,
    };
    match smaller {
        Some((letter, per)) if (amount.fract() * per).fract() == 0.0 => {
            let whole = amount.trunc() as u64;
            let part = (amount.fract() * per) as u64;
            if whole == 0 {
                format!("{prefix}{part}{letter}")
            } else {
                format!("{prefix}{whole}{}{part}{letter}", unit.letter)
            }
        }
        _ => format!("{prefix}{amount}{}", unit.letter),
    }
}
