//! The timeline: the analysis' merged events (one per date and statement, duplicates across
//! articles folded, each with every article reporting it) on calendar dates (TimeML `YYYY`,
//! `YYYY-MM`, `YYYY-MM-DD`, optionally with a time), placed on a linear day axis with readable
//! ticks, and stacked where points would overlap.

use crate::corpus::Corpus;
use crate::model::reader::position_query;
use crate::query::Query;
use triangulate_core::analysis::TimelineEvent;
use triangulate_core::Span;

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

/// One article reporting an event.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub article_id: String,
    pub article_title: String,
    /// The reader at the article's date expression.
    pub reader: Query,
}

/// One event of the merged timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    /// The TimeML value, e.g. `2025-09-04`.
    pub value: String,
    pub range: DateRange,
    /// The shortest sentence reporting it.
    pub label: String,
    /// The date expression within `label` (bytes), to mark.
    pub mark: Option<Span>,
    /// One per article, by article id.
    pub sources: Vec<Source>,
}

impl EventRow {
    /// Cells in [`HEADERS`] order, for export.
    pub fn cells(&self) -> Vec<String> {
        let articles: Vec<&str> = self.sources.iter().map(|s| s.article_id.as_str()).collect();
        vec![self.value.clone(), self.label.clone(), self.sources.len().to_string(), articles.join("; ")]
    }
}

/// Export column names, matching [`EventRow::cells`].
pub const HEADERS: [&str; 4] = ["date", "event", "reported_by", "articles"];

/// The merged events `query` selects — those its `article` reports, reported by at least `min`
/// articles — in date order; on one date, the most widely reported first.
pub fn events(corpus: &Corpus, query: &Query) -> Vec<EventRow> {
    let mut rows: Vec<EventRow> = corpus
        .analysis
        .timeline
        .iter()
        .filter(|e| e.articles.len() >= query.min_articles())
        .filter(|e| query.article.as_ref().is_none_or(|id| e.articles.contains(id)))
        .filter_map(|e| event_row(corpus, e))
        .collect();
    rows.sort_by_key(|r| r.range.start);
    rows
}

fn event_row(corpus: &Corpus, event: &TimelineEvent) -> Option<EventRow> {
    let range = parse_value(&event.date)?;
    let mut sources: Vec<Source> = event
        .sources
        .iter()
        .filter_map(|source| {
            let document = corpus.document(&source.article)?;
            Some(Source {
                article_id: source.article.clone(),
                article_title: document.article.title.clone(),
                reader: position_query(document, source.timex),
            })
        })
        .collect();
    sources.dedup_by(|a, b| a.article_id == b.article_id);
    Some(EventRow { value: event.date.clone(), range, label: event.label.clone(), mark: label_mark(corpus, event), sources })
}

/// The date expression within the label, from the source whose sentence the label is.
fn label_mark(corpus: &Corpus, event: &TimelineEvent) -> Option<Span> {
    event.sources.iter().find_map(|source| {
        let sentence = source.sentence.text(&corpus.document(&source.article)?.article.text);
        // The label is the sentence trimmed: offsets start after the leading space.
        let start = source.sentence.start + (sentence.len() - sentence.trim_start().len());
        let inside = source.timex.start >= start && source.timex.end <= start + event.label.len();
        (sentence.trim() == event.label && inside).then(|| Span::new(source.timex.start - start, source.timex.end - start))
    })
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

    pub fn for_events(events: &[EventRow]) -> Option<Axis> {
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

    fn corpus() -> Corpus {
        let files: [(&str, &str); 3] = [
            ("a.md", "---\ntitle: A\ndate: 2025-09-04\n---\nOn September 4, 2025, leaders met in Paris to discuss security guarantees. The war began in February 2022. Talks last four years."),
            ("b.md", "---\ntitle: B\ndate: 2025-09-04\n---\nOn September 4, 2025, leaders met in Paris to discuss security guarantees for Ukraine."),
            ("c.md", "---\ntitle: C\ndate: 2025-09-05\n---\nThe coalition will meet again in October 2025."),
        ];
        Corpus::from_articles(files.iter().map(|(name, text)| parse_article(name, text.as_bytes()).expect("valid article")).collect())
    }

    #[test]
    fn event_filter_cases() {
        let corpus = corpus();
        let query = |article: Option<&str>, min: Option<u32>| Query { article: article.map(Into::into), min_weight: min, ..Query::default() };
        let cases: [(&str, Query, &[(&str, &[&str])]); 4] = [
            ("all, in date order; durations are not events", query(None, None), &[("2022-02", &["a"]), ("2025-09-04", &["a", "b"]), ("2025-10", &["c"])]),
            ("reported by several articles", query(None, Some(2)), &[("2025-09-04", &["a", "b"])]),
            ("reported by one article among others", query(Some("b"), None), &[("2025-09-04", &["a", "b"])]),
            ("an unknown article", query(Some("nope"), None), &[]),
        ];
        for (name, query, expected) in cases {
            let rows = events(&corpus, &query);
            let found: Vec<(&str, Vec<&str>)> =
                rows.iter().map(|r| (r.value.as_str(), r.sources.iter().map(|s| s.article_id.as_str()).collect())).collect();
            let expected: Vec<(&str, Vec<&str>)> = expected.iter().map(|(date, articles)| (*date, articles.to_vec())).collect();
            assert_eq!(found, expected, "{name}");
        }
    }

    #[test]
    fn event_row_details() {
        let corpus = corpus();
        let rows = events(&corpus, &Query { min_weight: Some(2), ..Query::default() });
        let [row] = rows.as_slice() else { panic!("one shared event: {rows:?}") };
        assert_eq!(row.mark.map(|m| m.text(&row.label)), Some("September 4, 2025"), "the date marked in the label");
        assert_eq!(row.sources[1].article_title, "B");
        assert_eq!(row.sources[1].reader.href(), "?article=b&at=3", "the reader at the date");
        assert_eq!(row.cells()[2..], ["2".to_string(), "a; b".to_string()], "export: how many articles and which");
    }
}
