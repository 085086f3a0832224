//! The timeline: calendar dates mentioned in the articles (TimeML `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
//! optionally with a time), placed on a linear day axis with readable ticks, and stacked where
//! points would overlap.

use triangulate_core::timex::TimexKind;
use crate::model::reader::position_query;
use crate::query::Query;
use triangulate_core::{Document, Span};

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// At most this many ticks, so labels do not collide on a narrow axis.
const MAX_TICKS: i64 = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// The days a TimeML calendar value covers, as days since 1970-01-01: `start` inclusive, `end`
/// exclusive, so a year, a month and a day sort and place on one axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub start: i64,
    pub end: i64,
    pub precision: Precision,
}

impl DateRange {
    /// Where the range sits on the axis: its middle (a month is drawn mid-month).
    pub fn midpoint(&self) -> f64 {
        (self.start + self.end) as f64 / 2.0
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally followed by `T…` (a time, or `TNI` for
/// "night"). Weeks, quarters, seasons, decades, durations and references like `PRESENT_REF` are
/// not calendar dates here, and give `None`.
pub fn parse_value(value: &str) -> Option<DateRange> {
    let date = value.split_once('T').map_or(value, |(date, _)| date);
    let mut parts = date.split('-');
    let year: i32 = digits(parts.next()?, 4)?;
    let month: Option<u32> = parts.next().map(|m| digits(m, 2)).map_or(Some(None), |m| m.map(Some))?;
    let day: Option<u32> = parts.next().map(|d| digits(d, 2)).map_or(Some(None), |d| d.map(Some))?;
    if parts.next().is_some() || value.contains('T') && day.is_none() {
        return None;
    }
    match (month, day) {
        (None, _) => Some(DateRange { start: days_from_civil(year, 1, 1), end: days_from_civil(year + 1, 1, 1), precision: Precision::Year }),
        (Some(m), None) if (1..=12).contains(&m) => {
            let start = days_from_civil(year, m, 1);
            Some(DateRange { start, end: start + i64::from(days_in_month(year, m)), precision: Precision::Month })
        }
        (Some(m), Some(d)) if (1..=12).contains(&m) && (1..=days_in_month(year, m)).contains(&d) => {
            let start = days_from_civil(year, m, d);
            Some(DateRange { start, end: start + 1, precision: Precision::Day })
        }
        _ => None,
    }
}

/// `text` as a number when it is exactly `len` ASCII digits.
fn digits<T: std::str::FromStr>(text: &str, len: usize) -> Option<T> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (i64::from(month) + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`]: (year, month, day).
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((year_of_era + era * 400 + i64::from(month <= 2)) as i32, month, day)
}

/// One dated mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub article_id: String,
    pub article_title: String,
    /// Position of the article in the corpus: its colour and legend entry.
    pub article_index: usize,
    /// The TimeML value, e.g. `2025-09-04`.
    pub value: String,
    pub range: DateRange,
    /// The date as written: "Thursday", "Sept. 4".
    pub expression: String,
    pub sentence: String,
    /// The date expression within `sentence` (bytes), to mark.
    pub mark: Span,
    /// The reader at the date expression.
    pub reader: Query,
}

impl Event {
    /// Cells in [`HEADERS`] order, for export.
    pub fn cells(&self) -> Vec<String> {
        vec![self.value.clone(), self.expression.clone(), self.article_id.clone(), self.sentence.clone()]
    }
}

/// Export column names, matching [`Event::cells`].
pub const HEADERS: [&str; 4] = ["date", "expression", "article", "sentence"];

/// The calendar-dated timexes of the corpus (of one article when `article` is given), in date
/// order, then article and text order.
pub fn events(documents: &[Document], article: Option<&str>) -> Vec<Event> {
    let mut events = Vec::new();
    for (article_index, doc) in documents.iter().enumerate() {
        if article.is_some_and(|id| id != doc.article.id) {
            continue;
        }
        let text = &doc.article.text;
        for timex in &doc.extraction.timexes {
            let Some(value) = timex.value.as_ref().filter(|_| matches!(timex.kind, TimexKind::Date | TimexKind::Time)) else {
                continue;
            };
            let Some(range) = parse_value(value) else { continue };
            let sentence = doc.extraction.sentences.iter().find(|s| s.contains(timex.span)).copied().unwrap_or(timex.span);
            let mark = Span::new(timex.span.start - sentence.start, timex.span.end - sentence.start);
            events.push(Event {
                article_id: doc.article.id.clone(),
                article_title: doc.article.title.clone(),
                article_index,
                value: value.clone(),
                range,
                expression: text.get(timex.span.start..timex.span.end).unwrap_or_default().to_string(),
                sentence: text.get(sentence.start..sentence.end).unwrap_or_default().to_string(),
                mark,
                reader: position_query(doc, timex.span),
            });
        }
    }
    events.sort_by_key(|e| (e.range.start, e.article_index, e.reader.at));
    events
}

/// A labelled axis tick at a day.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub day: i64,
    pub label: String,
}

/// A linear day axis from the first to the last tick, which enclose every event.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub ticks: Vec<Tick>,
}

/// Tick units from fine to coarse: (unit, steps of it to try).
const STEPS: [(Precision, &[i64]); 3] = [
    (Precision::Day, &[1, 2, 7, 14]),
    (Precision::Month, &[1, 2, 3, 6]),
    (Precision::Year, &[1, 2, 5, 10, 20, 50, 100]),
];

impl Axis {
    /// The finest ticks (days, then months, then years) of which at most [`MAX_TICKS`] cover
    /// `first..end` (days since the epoch, `end` exclusive).
    pub fn covering(first: i64, end: i64) -> Axis {
        let end = end.max(first + 1);
        for (unit, steps) in STEPS {
            for &step in steps {
                let ticks = ticks(unit, step, first, end);
                if ticks.len() as i64 <= MAX_TICKS + 1 {
                    return Axis { ticks };
                }
            }
        }
        // Spans of millennia: the coarsest ticks, still correct if crowded.
        Axis { ticks: ticks(Precision::Year, 1000, first, end) }
    }

    pub fn for_events(events: &[Event]) -> Option<Axis> {
        let first = events.iter().map(|e| e.range.start).min()?;
        let end = events.iter().map(|e| e.range.end).max()?;
        Some(Axis::covering(first, end))
    }

    pub fn first(&self) -> i64 {
        self.ticks.first().map_or(0, |t| t.day)
    }

    pub fn last(&self) -> i64 {
        self.ticks.last().map_or(1, |t| t.day)
    }

    /// `day`'s position on an axis drawn from `left` to `right`.
    pub fn position(&self, day: f64, left: f64, right: f64) -> f64 {
        let span = (self.last() - self.first()).max(1) as f64;
        left + (day - self.first() as f64) / span * (right - left)
    }
}

/// Ticks every `step` units from the unit boundary at or before `first` to the first at or after `end`.
fn ticks(unit: Precision, step: i64, first: i64, end: i64) -> Vec<Tick> {
    let (year, month, _) = civil_from_days(first);
    let mut index = match unit {
        Precision::Day => first.div_euclid(step) * step,
        Precision::Month => (i64::from(year) * 12 + i64::from(month) - 1).div_euclid(step) * step,
        Precision::Year => i64::from(year).div_euclid(step) * step,
    };
    let mut ticks = Vec::new();
    loop {
        let tick = tick(unit, index);
        let done = tick.day >= end;
        ticks.push(tick);
        if done {
            return ticks;
        }
        index += step;
    }
}

/// The tick at `index` units (days, months or years since year 0's counting origin).
fn tick(unit: Precision, index: i64) -> Tick {
    match unit {
        Precision::Day => {
            let (_, month, day) = civil_from_days(index);
            Tick { day: index, label: format!("{day} {}", MONTHS[month as usize - 1]) }
        }
        Precision::Month => {
            let (year, month) = (index.div_euclid(12) as i32, index.rem_euclid(12) as u32 + 1);
            Tick { day: days_from_civil(year, month, 1), label: format!("{} {year}", MONTHS[month as usize - 1]) }
        }
        Precision::Year => Tick { day: days_from_civil(index as i32, 1, 1), label: index.to_string() },
    }
}

/// Stack rows for points at positions `xs` (any order): going left to right, a point closer than
/// `gap` to the first point of the current stack joins it one row up. Returns (stack x, row) per
/// point, in the order of `xs`.
pub fn stack(xs: &[f64], gap: f64) -> Vec<(f64, usize)> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut placed = vec![(0.0, 0); xs.len()];
    let mut current: Option<(f64, usize)> = None;
    for i in order {
        let next = match current {
            Some((column, row)) if xs[i] - column < gap => (column, row + 1),
            _ => (xs[i], 0),
        };
        placed[i] = next;
        current = Some(next);
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use triangulate_core::article::parse_article;

    #[test]
    fn parse_value_cases() {
        let day = |y, m, d| days_from_civil(y, m, d);
        let cases: [(&str, Option<(i64, i64, Precision)>); 12] = [
            ("a day", Some((day(2025, 9, 4), day(2025, 9, 5), Precision::Day))),
            ("a month", Some((day(2022, 2, 1), day(2022, 3, 1), Precision::Month))),
            ("a year", Some((day(2024, 1, 1), day(2025, 1, 1), Precision::Year))),
            ("a time", Some((day(2025, 9, 4), day(2025, 9, 5), Precision::Day))),
            ("night", Some((day(2025, 9, 3), day(2025, 9, 4), Precision::Day))),
            ("leap day", Some((day(2024, 2, 29), day(2024, 3, 1), Precision::Day))),
            ("not a leap day", None),
            ("week", None),
            ("quarter", None),
            ("decade", None),
            ("reference", None),
            ("duration", None),
        ];
        let values = [
            "2025-09-04", "2022-02", "2024", "2025-09-04T10:00", "2025-09-03TNI", "2024-02-29", "2025-02-29", "2025-W37",
            "2025-Q3", "199X", "PRESENT_REF", "P4Y",
        ];
        for ((name, expected), value) in cases.into_iter().zip(values) {
            let parsed = parse_value(value).map(|r| (r.start, r.end, r.precision));
            assert_eq!(parsed, expected, "{name}: {value}");
        }
    }

    #[test]
    fn civil_days_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0, "epoch");
        assert_eq!(days_from_civil(2000, 3, 1), 11_017, "after a 400-year leap day");
        for days in [-800_000, -1, 0, 59, 11_016, 20_335, 100_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{days} via {y}-{m}-{d}");
        }
    }

    #[test]
    fn axis_tick_cases() {
        let day = |y, m, d| days_from_civil(y, m, d);
        let cases: [(&str, i64, i64, &[&str]); 4] = [
            ("a few days: daily", day(2025, 9, 1), day(2025, 9, 5), &["1 Sep", "2 Sep", "3 Sep", "4 Sep", "5 Sep"]),
            ("half a year: months", day(2025, 3, 10), day(2025, 8, 2), &["Mar 2025", "Apr 2025", "May 2025", "Jun 2025", "Jul 2025", "Aug 2025", "Sep 2025"]),
            ("three decades: five-year ticks", day(1996, 1, 1), day(2026, 1, 1), &["1995", "2000", "2005", "2010", "2015", "2020", "2025", "2030"]),
            ("one day still has an extent", day(2025, 9, 4), day(2025, 9, 4), &["4 Sep", "5 Sep"]),
        ];
        for (name, first, end, expected) in cases {
            let axis = Axis::covering(first, end);
            let labels: Vec<&str> = axis.ticks.iter().map(|t| t.label.as_str()).collect();
            assert_eq!(labels, expected, "{name}");
            assert!(axis.first() <= first && axis.last() >= end, "{name}: ticks enclose the range");
        }
    }

    #[test]
    fn position_is_linear() {
        let axis = Axis::covering(days_from_civil(2025, 9, 1), days_from_civil(2025, 9, 5));
        assert_eq!(axis.position(axis.first() as f64, 10.0, 110.0), 10.0);
        assert_eq!(axis.position(axis.last() as f64, 10.0, 110.0), 110.0);
        assert_eq!(axis.position((axis.first() + 2) as f64, 10.0, 110.0), 60.0);
    }

    #[test]
    fn close_points_stack() {
        assert_eq!(stack(&[0.0, 3.0, 5.0, 20.0, 21.0], 8.0), [(0.0, 0), (0.0, 1), (0.0, 2), (20.0, 0), (20.0, 1)]);
        assert_eq!(stack(&[21.0, 0.0, 20.0], 8.0), [(20.0, 1), (0.0, 0), (20.0, 0)], "input order kept");
        assert!(stack(&[], 8.0).is_empty());
    }

    #[test]
    fn events_are_calendar_dates_in_order() {
        let article = parse_article("a.md", b"---\ntitle: A\ndate: 2025-09-04\n---\nLeaders met on Thursday. The war began in February 2022. Talks last four years.")
            .expect("parses");
        let events = events(&[Document::new(article)], None);
        let values: Vec<&str> = events.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(values, ["2022-02", "2025-09-04"], "durations are not events; date order");
        assert_eq!(events[0].mark.text(&events[0].sentence), "February 2022");
        assert!(super::events(&[], Some("a")).is_empty());
    }
}
