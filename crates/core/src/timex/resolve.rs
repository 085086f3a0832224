//! Turns a grammar [`Meaning`] into a TimeML value against the document date and the date last
//! mentioned (the anchor of "the following day", "a year earlier").

use super::grammar::{Direction, Grain, Meaning, Point, Suffix};
use super::lexicon::Holiday;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

pub(crate) struct Context {
    pub dct: Option<NaiveDate>,
    /// The tense around the expression, when a cue word shows it.
    pub tense: Option<Direction>,
    pub anchor: Option<(NaiveDate, Grain)>,
}

/// The value, and the calendar point it denotes (the next anchor) when it is one.
pub(crate) fn resolve(
    meaning: &Meaning,
    cx: &Context,
) -> (Option<String>, Option<(NaiveDate, Grain)>) {
    match meaning {
        Meaning::Literal(value) => (Some(value.clone()), None),
        Meaning::Unknown => (None, None),
        Meaning::Point(
            Point::Season {
                code,
                end_month,
                offset,
            },
            _,
        ) => {
            let value = cx
                .dct
                .map(|dct| format!("{:04}-{code}", season_year(dct, *end_month, *offset)));
            (value, None)
        }
        Meaning::Point(Point::Weekend(direction), _) => {
            let saturday = cx.dct.and_then(|dct| {
                weekday_date(
                    dct,
                    Weekday::Sat,
                    effective(*direction, cx.tense, Direction::Past),
                    false,
                )
            });
            (
                saturday.map(|s| format!("{}-WE", render(s, Grain::Week))),
                None,
            )
        }
        Meaning::Point(point, suffix) => {
            let Some((date, grain)) = resolve_point(point, cx) else {
                return (None, None);
            };
            let value = match (suffix, grain) {
                (Suffix::None, _) => render(date, grain),
                (Suffix::DayPart(part), Grain::Day) => format!("{}T{part}", render(date, grain)),
                (Suffix::Clock(hour, minute), Grain::Day) => {
                    format!("{}T{hour:02}:{minute:02}", render(date, grain))
                }
                _ => return (None, None),
            };
            (Some(value), Some((date, grain)))
        }
    }
}

/// An explicit direction ("last Friday"), else the tense, else the construction's default.
fn effective(direction: Direction, tense: Option<Direction>, default: Direction) -> Direction {
    match direction {
        Direction::FromTense => tense.unwrap_or(default),
        explicit => explicit,
    }
}

fn resolve_point(point: &Point, cx: &Context) -> Option<(NaiveDate, Grain)> {
    if let Point::Fixed(date, grain) = point {
        return Some((*date, *grain));
    }
    let dct = cx.dct?;
    match *point {
        Point::MonthDay(month, day, direction) => {
            // A year-less day is nearly always in the months before the article or a few ahead:
            // tense cues ("must be returned by Jan. 14") mislead more than they help.
            let candidates =
                [-1, 0, 1].map(|offset| NaiveDate::from_ymd_opt(dct.year() + offset, month, day));
            pick(&candidates, dct, direction, None, DAYS_AHEAD).map(|d| (d, Grain::Day))
        }
        Point::Month(month, direction) => {
            let candidates =
                [-1, 0, 1].map(|offset| NaiveDate::from_ymd_opt(dct.year() + offset, month, 1));
            let month_start = dct.with_day(1)?;
            pick(&candidates, month_start, direction, cx.tense, MONTHS_AHEAD)
                .map(|d| (d, Grain::Month))
        }
        Point::Holiday(holiday, direction) => {
            let candidates = [-1, 0, 1].map(|offset| holiday_date(holiday, dct.year() + offset));
            pick(&candidates, dct, direction, cx.tense, DAYS_AHEAD).map(|d| (d, Grain::Day))
        }
        Point::AnchorDay => match cx.anchor {
            Some((day, Grain::Day)) => Some((day, Grain::Day)),
            _ => Some((dct, Grain::Day)),
        },
        Point::WeekOf(ref day) => resolve_point(day, cx).map(|(date, _)| (date, Grain::Week)),
        Point::Weekday(day, direction) => {
            let explicit = direction != Direction::FromTense;
            weekday_date(
                dct,
                day,
                effective(direction, cx.tense, Direction::Past),
                explicit,
            )
            .map(|d| (d, Grain::Day))
        }
        Point::Relative {
            grain,
            offset,
            from_anchor,
        } => {
            let (base, base_grain) = match cx.anchor.filter(|_| from_anchor) {
                Some(anchor) => anchor,
                None => (dct, Grain::Day),
            };
            // "a year earlier" after "the third quarter" is that quarter a year before.
            if grain == Grain::Year && from_anchor && base_grain == Grain::Quarter {
                return shift(base, Grain::Year, offset).map(|d| (d, Grain::Quarter));
            }
            if coarseness(base_grain) > coarseness(grain) {
                return None;
            }
            shift(base, grain, offset).map(|d| (d, grain))
        }
        Point::YearAgoPeriod => match cx.anchor {
            // "the 1988 period … the year-ago results": a period already before the document's
            // year is the compared one itself.
            Some((period, grain @ (Grain::Year | Grain::Quarter)))
                if period.year() < dct.year() =>
            {
                Some((period, grain))
            }
            _ => resolve_point(
                &Point::Relative {
                    grain: Grain::Year,
                    offset: -1,
                    from_anchor: true,
                },
                cx,
            ),
        },
        Point::YearsAgo(years) => match cx.anchor {
            Some((period, Grain::Quarter)) => {
                shift(period, Grain::Year, -years).map(|d| (d, Grain::Quarter))
            }
            _ => shift(dct, Grain::Year, -years).map(|d| (d, Grain::Year)),
        },
        Point::InYear {
            month,
            day,
            year_offset,
        } => {
            let year = dct.year() + year_offset as i32;
            let date = NaiveDate::from_ymd_opt(year, month, day.unwrap_or(1))?;
            Some((
                date,
                if day.is_some() {
                    Grain::Day
                } else {
                    Grain::Month
                },
            ))
        }
        Point::Quarter {
            quarter,
            year_offset,
        } => {
            // A quarter that has not begun yet is last year's, unless the sentence looks ahead.
            let not_begun = quarter > quarter_of(dct)
                && year_offset == 0
                && cx.tense != Some(Direction::Future);
            let year_offset = year_offset - i64::from(not_begun);
            let quarter = if quarter == 0 {
                quarter_of(dct)
            } else {
                quarter
            };
            let date =
                NaiveDate::from_ymd_opt(dct.year() + year_offset as i32, quarter * 3 - 2, 1)?;
            Some((date, Grain::Quarter))
        }
        Point::LatestQuarter { year_offset } => {
            let this_quarter = NaiveDate::from_ymd_opt(dct.year(), quarter_of(dct) * 3 - 2, 1)?;
            let latest = shift(this_quarter, Grain::Quarter, -1)?;
            shift(latest, Grain::Year, year_offset).map(|d| (d, Grain::Quarter))
        }
        Point::Half { half, year_offset } => {
            let date = NaiveDate::from_ymd_opt(dct.year() + year_offset as i32, half * 6 - 5, 1)?;
            Some((date, Grain::Half))
        }
        Point::Fixed(..) | Point::Season { .. } | Point::Weekend(_) => None,
    }
}

/// How far ahead of the article a year-less day or month is still read as coming, without a cue
/// that the sentence looks ahead: news reports mostly what has happened.
const DAYS_AHEAD: i64 = 120;
const MONTHS_AHEAD: i64 = 61;

/// Among candidate dates a year apart: the latest not after `reference` (past), the earliest not
/// before it (future), or with no tense cue the coming one when it is at most `ahead` days away,
/// else the past one.
fn pick(
    candidates: &[Option<NaiveDate>],
    reference: NaiveDate,
    direction: Direction,
    tense: Option<Direction>,
    ahead: i64,
) -> Option<NaiveDate> {
    let mut dates = candidates.iter().flatten().copied();
    match direction {
        Direction::FromTense => match tense {
            Some(tense) => pick(candidates, reference, tense, None, ahead),
            None => {
                let coming = pick(candidates, reference, Direction::Future, None, ahead)
                    .filter(|d| (*d - reference).num_days() <= ahead);
                coming.or_else(|| pick(candidates, reference, Direction::Past, None, ahead))
            }
        },
        Direction::Past => dates.filter(|d| *d <= reference).max(),
        Direction::Future => dates.find(|d| *d >= reference),
    }
}

fn holiday_date(holiday: Holiday, year: i32) -> Option<NaiveDate> {
    let date = NaiveDate::from_ymd_opt(year, holiday.month, holiday.day)?;
    let Some(weekday) = holiday.weekday else {
        return Some(date);
    };
    let days = (weekday.num_days_from_monday() + 7 - date.weekday().num_days_from_monday()) % 7;
    date.checked_add_days(Days::new(u64::from(days)))
}

/// The weekday's date around `dct`. Without `explicit` ("on Friday"), the document's own day
/// counts; "last Friday" / "next Friday" skip it.
fn weekday_date(
    dct: NaiveDate,
    day: Weekday,
    direction: Direction,
    explicit: bool,
) -> Option<NaiveDate> {
    let today = dct.weekday().num_days_from_monday() as i64;
    let target = day.num_days_from_monday() as i64;
    let mut days = match direction {
        Direction::Future => (target - today).rem_euclid(7),
        _ => -(today - target).rem_euclid(7),
    };
    if days == 0 && explicit {
        days = if direction == Direction::Future {
            7
        } else {
            -7
        };
    }
    shift(dct, Grain::Day, days)
}

fn season_year(dct: NaiveDate, end_month: u32, offset: i64) -> i32 {
    let ended_this_year = dct.month() > end_month;
    match offset {
        o if o < 0 => {
            if ended_this_year {
                dct.year()
            } else {
                dct.year() - 1
            }
        }
        o if o > 0 => {
            if dct.month() + 2 < end_month {
                dct.year()
            } else {
                dct.year() + 1
            }
        }
        _ => dct.year(),
    }
}

fn quarter_of(date: NaiveDate) -> u32 {
    (date.month() - 1) / 3 + 1
}

fn coarseness(grain: Grain) -> u8 {
    match grain {
        Grain::Day => 0,
        Grain::Week => 1,
        Grain::Month => 2,
        Grain::Quarter => 3,
        Grain::Half => 4,
        Grain::Year => 5,
        Grain::Decade => 6,
        Grain::Century => 7,
    }
}

fn shift(date: NaiveDate, grain: Grain, offset: i64) -> Option<NaiveDate> {
    let months = match grain {
        Grain::Day | Grain::Week => {
            let days = if grain == Grain::Week {
                offset.checked_mul(7)?
            } else {
                offset
            };
            let magnitude = Days::new(days.unsigned_abs());
            return if days >= 0 {
                date.checked_add_days(magnitude)
            } else {
                date.checked_sub_days(magnitude)
            };
        }
        Grain::Month => offset,
        Grain::Quarter => offset.checked_mul(3)?,
        Grain::Half => offset.checked_mul(6)?,
        Grain::Year => offset.checked_mul(12)?,
        Grain::Decade => offset.checked_mul(120)?,
        Grain::Century => offset.checked_mul(1200)?,
    };
    let magnitude = Months::new(u32::try_from(months.unsigned_abs()).ok()?);
    if months >= 0 {
        date.checked_add_months(magnitude)
    } else {
        date.checked_sub_months(magnitude)
    }
}

/// TimeML value of a calendar point at a grain: `2025-09-04`, `2025-W37`, `2025-09`, `2025-Q3`,
/// `2025-H2`, `2025`, `199X` (the 1990s), `19` (the 20th century).
fn render(date: NaiveDate, grain: Grain) -> String {
    let year = date.year();
    match grain {
        Grain::Day | Grain::Month | Grain::Year if (0..10_000).contains(&year) => {
            calendar_digits(date, grain)
        }
        Grain::Day => format!("{year:04}-{:02}-{:02}", date.month(), date.day()),
        Grain::Week => format!(
            "{:04}-W{:02}",
            date.iso_week().year(),
            date.iso_week().week()
        ),
        Grain::Month => format!("{year:04}-{:02}", date.month()),
        Grain::Quarter => format!("{year:04}-Q{}", quarter_of(date)),
        Grain::Half => format!("{year:04}-H{}", if date.month() <= 6 { 1 } else { 2 }),
        Grain::Year => format!("{year:04}"),
        // TimeBank writes decades as `199X`.
        Grain::Decade => format!("{:03}X", year.div_euclid(10)),
        Grain::Century => format!("{:02}", year.div_euclid(100)),
    }
}

/// The value of a date, month or year of a four-digit year (`2025-09-04`, `2025-09`, `2025`), as
/// [`render`] formats it, digit by digit: these are most values, and `format!` with its
/// zero-padding takes several times longer.
fn calendar_digits(date: NaiveDate, grain: Grain) -> String {
    let parts = [(date.year() as u32, 4), (date.month(), 2), (date.day(), 2)];
    let count = match grain {
        Grain::Year => 1,
        Grain::Month => 2,
        _ => 3,
    };
    let mut value = String::with_capacity(10);
    for (k, &(number, width)) in parts[..count].iter().enumerate() {
        if k > 0 {
            value.push('-');
        }
        let digit = |place: u32| char::from(b'0' + (number / 10_u32.pow(place) % 10) as u8);
        value.extend((0..width).rev().map(digit));
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn calendar_digits_are_the_formatted_values(year in 0..10_000, ordinal in 1..=365_u32) {
            let date = NaiveDate::from_yo_opt(year, ordinal).expect("a day of the year");
            let (year, month, day) = (date.year(), date.month(), date.day());
            prop_assert_eq!(calendar_digits(date, Grain::Day), format!("{year:04}-{month:02}-{day:02}"));
            prop_assert_eq!(calendar_digits(date, Grain::Month), format!("{year:04}-{month:02}"));
            prop_assert_eq!(calendar_digits(date, Grain::Year), format!("{year:04}"));
        }
    }
}
