//! Word tables for the date and number grammars.

use chrono::Weekday;

/// Month names and the abbreviations news style uses (`Sept.`), with their month numbers.
pub(crate) const MONTHS: [(&str, u32); 24] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

pub(crate) const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// A holiday's date in a given year: the month and day, or the first of a weekday on or after it
/// (Thanksgiving is the first Thursday on or after November 22).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Holiday {
    pub month: u32,
    pub day: u32,
    pub weekday: Option<Weekday>,
}

const fn fixed(month: u32, day: u32) -> Holiday {
    Holiday {
        month,
        day,
        weekday: None,
    }
}

const fn first_on_or_after(weekday: Weekday, month: u32, day: u32) -> Holiday {
    Holiday {
        month,
        day,
        weekday: Some(weekday),
    }
}

/// Holiday names as lower-cased tokens, the longer of two with the same start first.
pub(crate) const HOLIDAYS: [(&[&str], Holiday); 16] = [
    (&["christmas", "eve"], fixed(12, 24)),
    (&["christmas", "day"], fixed(12, 25)),
    (&["christmas"], fixed(12, 25)),
    (&["new", "year", "'", "s", "eve"], fixed(12, 31)),
    (&["new", "year", "'", "s", "day"], fixed(1, 1)),
    (&["new", "year", "'", "s"], fixed(1, 1)),
    (
        &["thanksgiving", "day"],
        first_on_or_after(Weekday::Thu, 11, 22),
    ),
    (&["thanksgiving"], first_on_or_after(Weekday::Thu, 11, 22)),
    (&["election", "day"], first_on_or_after(Weekday::Tue, 11, 2)),
    (&["independence", "day"], fixed(7, 4)),
    (&["labor", "day"], first_on_or_after(Weekday::Mon, 9, 1)),
    (&["memorial", "day"], first_on_or_after(Weekday::Mon, 5, 25)),
    (&["veterans", "day"], fixed(11, 11)),
    (&["halloween"], fixed(10, 31)),
    (&["valentine", "'", "s", "day"], fixed(2, 14)),
    (&["boxing", "day"], fixed(12, 26)),
];

/// TimeML parts of the day.
pub(crate) const DAY_PARTS: [(&str, &str); 5] = [
    ("morning", "MO"),
    ("afternoon", "AF"),
    ("evening", "EV"),
    ("night", "NI"),
    ("nights", "NI"),
];

/// Seasons with their TimeML codes and the month each ends in (winter ends in the next year's February).
pub(crate) const SEASONS: [(&str, &str, u32); 5] = [
    ("spring", "SP", 5),
    ("summer", "SU", 8),
    ("fall", "FA", 11),
    ("autumn", "FA", 11),
    ("winter", "WI", 2),
];

pub(crate) const ORDINALS: [(&str, u32); 12] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
];

pub(crate) const UNITS: [(&str, u32); 20] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

pub(crate) const TENS: [(&str, u32); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

pub(crate) const SCALES: [(&str, f64); 5] = [
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Words ending in `.` that do not end a sentence.
pub(crate) const ABBREVIATIONS: [&str; 28] = [
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "st", "jr",
    "sr", "inc", "corp", "co", "ltd", "no", "jan", "feb", "aug", "sept", "sep", "oct", "nov",
    "dec",
];

pub(crate) fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, value)| value)
}
