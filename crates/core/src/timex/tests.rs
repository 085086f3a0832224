use super::*;

/// Thursday, 4 September 2025.
fn dct() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 9, 4).unwrap()
}

struct Case {
    name: &'static str,
    text: &'static str,
    /// The expected timexes as (span text, value, kind).
    expected: &'static [(&'static str, Option<&'static str>, TimexKind)],
}

use TimexKind::{Date, Duration, Set, Time};

const CASES: &[Case] = &[
    Case {
        name: "month and day",
        text: "They met on August 28 in Paris.",
        expected: &[("August 28", Some("2025-08-28"), Date)],
    },
    Case {
        name: "month alone",
        text: "Talks began in August.",
        expected: &[("August", Some("2025-08"), Date)],
    },
    Case {
        name: "month and year",
        text: "The invasion of February 2022 changed that.",
        expected: &[("February 2022", Some("2022-02"), Date)],
    },
    Case {
        name: "abbreviated month",
        text: "PARIS, Sept. 4 (Reuters) - Leaders met.",
        expected: &[("Sept. 4", Some("2025-09-04"), Date)],
    },
    Case {
        name: "day month year",
        text: "Signed on 4 September 2025 in Paris.",
        expected: &[("4 September 2025", Some("2025-09-04"), Date)],
    },
    Case {
        name: "full date with comma",
        text: "On September 4, 2025, the coalition met.",
        expected: &[("September 4, 2025", Some("2025-09-04"), Date)],
    },
    Case {
        name: "iso date",
        text: "Published 2025-09-04.",
        expected: &[("2025-09-04", Some("2025-09-04"), Date)],
    },
    Case {
        name: "decade",
        text: "Prices last rose like this in the 1990s.",
        expected: &[("the 1990s", Some("199X"), Date)],
    },
    Case {
        name: "year after preposition",
        text: "The fund was set up in 2019.",
        expected: &[("2019", Some("2019"), Date)],
    },
    Case {
        name: "year after since",
        text: "It has grown since 2019.",
        expected: &[("2019", Some("2019"), Date)],
    },
    Case {
        name: "counts are not years",
        text: "Some 1500 troops and $2000 were sent.",
        expected: &[],
    },
    Case {
        name: "past weekday",
        text: "Zelensky said on Tuesday that the talks went well.",
        expected: &[("Tuesday", Some("2025-09-02"), Date)],
    },
    Case {
        name: "weekday of the article's day",
        text: "Leaders met Thursday in Paris.",
        expected: &[("Thursday", Some("2025-09-04"), Date)],
    },
    Case {
        name: "future weekday",
        text: "The leaders will meet on Friday.",
        expected: &[("Friday", Some("2025-09-05"), Date)],
    },
    Case {
        name: "overnight weekday",
        text: "Drones struck overnight Wednesday.",
        expected: &[("overnight Wednesday", Some("2025-09-03"), Date)],
    },
    Case {
        name: "seed: overnight Thursday on the article's day",
        text: "Russia launched 112 drones overnight Thursday.",
        expected: &[("overnight Thursday", Some("2025-09-04"), Date)],
    },
    Case {
        name: "future weekday by context",
        text: "The leaders are expected to meet Wednesday.",
        expected: &[("Wednesday", Some("2025-09-10"), Date)],
    },
    Case {
        name: "next to is a place, not the future",
        text: "A blast next to the embassy on Wednesday killed two.",
        expected: &[("Wednesday", Some("2025-09-03"), Date)],
    },
    Case {
        name: "a passive after to be looks ahead",
        text: "Final rules are to be published in January.",
        expected: &[("January", Some("2026-01"), Date)],
    },
    Case {
        name: "last month and day",
        text: "He was shot to death last Oct. 23 at his home.",
        expected: &[("last Oct. 23", Some("2024-10-23"), Date)],
    },
    Case {
        name: "bare month three months ahead is past",
        text: "In December, the firm hired new staff.",
        expected: &[("December", Some("2024-12"), Date)],
    },
    Case {
        name: "last weekday",
        text: "He spoke last Thursday.",
        expected: &[("last Thursday", Some("2025-08-28"), Date)],
    },
    Case {
        name: "weekday night",
        text: "Sirens sounded Wednesday night.",
        expected: &[("Wednesday night", Some("2025-09-03TNI"), Time)],
    },
    Case {
        name: "today",
        text: "The summit opens today.",
        expected: &[("today", Some("2025-09-04"), Date)],
    },
    Case {
        name: "yesterday",
        text: "He arrived yesterday.",
        expected: &[("yesterday", Some("2025-09-03"), Date)],
    },
    Case {
        name: "last year",
        text: "Exports fell last year.",
        expected: &[("last year", Some("2024"), Date)],
    },
    Case {
        name: "this month name",
        text: "Talks resumed this August.",
        expected: &[("this August", Some("2025-08"), Date)],
    },
    Case {
        name: "next week",
        text: "Talks resume next week.",
        expected: &[("next week", Some("2025-W37"), Date)],
    },
    Case {
        name: "this year",
        text: "Growth this year is slow.",
        expected: &[("this year", Some("2025"), Date)],
    },
    Case {
        name: "last month",
        text: "Prices rose last month.",
        expected: &[("last month", Some("2025-08"), Date)],
    },
    Case {
        name: "the following day from the date just mentioned",
        text: "They met on Sept. 1. Putin spoke the following day.",
        expected: &[
            ("Sept. 1", Some("2025-09-01"), Date),
            ("the following day", Some("2025-09-02"), Date),
        ],
    },
    Case {
        name: "weeks ago",
        text: "The deal collapsed two weeks ago.",
        expected: &[("two weeks ago", Some("2025-W34"), Date)],
    },
    Case {
        name: "years ago",
        text: "The war began nearly four years ago.",
        expected: &[("nearly four years ago", Some("2021"), Date)],
    },
    Case {
        name: "vague days afterward",
        text: "He resigned days afterward.",
        expected: &[("days afterward", None, Date)],
    },
    Case {
        name: "qualified duration",
        text: "The war has lasted nearly four years.",
        expected: &[("nearly four years", Some("P4Y"), Duration)],
    },
    Case {
        name: "past months",
        text: "Attacks rose over the past three months.",
        expected: &[("the past three months", Some("P3M"), Duration)],
    },
    Case {
        name: "twenty four hours are a day",
        text: "In the last twenty four hours, prices fell.",
        expected: &[("the last twenty four hours", Some("P1D"), Duration)],
    },
    Case {
        name: "hours",
        text: "The meeting took two hours.",
        expected: &[("two hours", Some("PT2H"), Duration)],
    },
    Case {
        name: "half years",
        text: "They lived in camps for 2 1/2 years.",
        expected: &[("2 1/2 years", Some("P2Y6M"), Duration)],
    },
    Case {
        name: "minute and a half",
        text: "But a minute and a half later it ended.",
        expected: &[("a minute and a half", Some("PT1M30S"), Duration)],
    },
    Case {
        name: "adjectival duration",
        text: "A two-year plan was agreed.",
        expected: &[("two-year", Some("P2Y"), Duration)],
    },
    Case {
        name: "bare plural unit",
        text: "The talks have stalled for months.",
        expected: &[("months", Some("PXM"), Duration)],
    },
    Case {
        name: "ages are not durations",
        text: "The 45-year-old minister resigned.",
        expected: &[],
    },
    Case {
        name: "clock time",
        text: "The talks start at 10 a.m. local time.",
        expected: &[("10 a.m.", Some("2025-09-04T10:00"), Time)],
    },
    Case {
        name: "clock time with weekday",
        text: "Police said the blast came at 10 p.m. Wednesday.",
        expected: &[("10 p.m. Wednesday", Some("2025-09-03T22:00"), Time)],
    },
    Case {
        name: "tonight",
        text: "He will speak tonight.",
        expected: &[("tonight", Some("2025-09-04TNI"), Time)],
    },
    Case {
        name: "every week",
        text: "They meet every week.",
        expected: &[("every week", Some("P1W"), Set)],
    },
    Case {
        name: "annually",
        text: "The forum is held annually.",
        expected: &[("annually", Some("P1Y"), Set)],
    },
    Case {
        name: "each weekday",
        text: "Flights leave each Thursday.",
        expected: &[("each Thursday", Some("XXXX-WXX-4"), Set)],
    },
    Case {
        name: "now",
        text: "Prices are now higher.",
        expected: &[("now", Some("PRESENT_REF"), Date)],
    },
    Case {
        name: "recently",
        text: "He recently resigned.",
        expected: &[("recently", Some("PAST_REF"), Date)],
    },
    Case {
        name: "the future",
        text: "Security in the future matters.",
        expected: &[("the future", Some("FUTURE_REF"), Date)],
    },
    Case {
        name: "ordinal quarter",
        text: "Profit rose in the third quarter.",
        expected: &[("the third quarter", Some("2025-Q3"), Date)],
    },
    Case {
        name: "quarter of a year",
        text: "Sales in the first quarter of 1998 fell.",
        expected: &[("the first quarter of 1998", Some("1998-Q1"), Date)],
    },
    Case {
        name: "adjectival quarter",
        text: "Third-quarter profit rose.",
        expected: &[("Third-quarter", Some("2025-Q3"), Date)],
    },
    Case {
        name: "the quarter is the latest one ended",
        text: "Net for the quarter fell.",
        expected: &[("the quarter", Some("2025-Q2"), Date)],
    },
    Case {
        name: "a year earlier shifts a quarter",
        text: "Profit rose in the second quarter from a year earlier.",
        expected: &[
            ("the second quarter", Some("2025-Q2"), Date),
            ("a year earlier", Some("2024-Q2"), Date),
        ],
    },
    Case {
        name: "last season",
        text: "Fighting intensified last summer.",
        expected: &[("last summer", Some("2025-SU"), Date)],
    },
    Case {
        name: "fiscal year",
        text: "Results for fiscal 1998 were weak.",
        expected: &[("fiscal 1998", Some("1998"), Date)],
    },
    Case {
        name: "early modifier",
        text: "A deal is expected early next year.",
        expected: &[("early next year", Some("2026"), Date)],
    },
    Case {
        name: "year in words",
        text: "In nineteen ninety-six, it ended.",
        expected: &[("nineteen ninety-six", Some("1996"), Date)],
    },
    Case {
        name: "century",
        text: "The 20th century ended.",
        expected: &[("The 20th century", Some("19"), Date)],
    },
    Case {
        name: "modal may is not a month",
        text: "May leaders may meet again.",
        expected: &[],
    },
    Case {
        name: "modal may after a demonstrative is not a month (regression: seed 003 gave 2025-05)",
        text: "leaders gathered for a summit that may shape the future of Ukraine",
        expected: &[("the future", Some("FUTURE_REF"), Date)],
    },
    Case {
        name: "the verb march is not a month",
        text: "Protesters will march this weekend.",
        expected: &[("this weekend", Some("2025-W36-WE"), Date)],
    },
    Case {
        name: "year-less day months back is past",
        text: "He was shot to death on the night of Feb. 23.",
        expected: &[("Feb. 23", Some("2025-02-23"), Date)],
    },
    Case {
        name: "year-less day a few weeks ahead is coming",
        text: "The vote is on Oct. 15.",
        expected: &[("Oct. 15", Some("2025-10-15"), Date)],
    },
    Case {
        name: "bare month far ahead is past",
        text: "In March, the company hired a new chief.",
        expected: &[("March", Some("2025-03"), Date)],
    },
    Case {
        name: "a year earlier twice is the same comparison",
        text: "In the third quarter, net rose from a year ago. Sales rose from a year earlier.",
        expected: &[
            ("the third quarter", Some("2025-Q3"), Date),
            ("a year ago", Some("2024-Q3"), Date),
            ("a year earlier", Some("2024-Q3"), Date),
        ],
    },
    Case {
        name: "the year-ago quarter named by its ordinal",
        text: "Net fell from the year-ago third quarter.",
        expected: &[("the year-ago third quarter", Some("2024-Q3"), Date)],
    },
    Case {
        name: "year-ago after a period already past is that period",
        text: "It lost $5 million in the 2023 period. The year-ago results included a gain.",
        expected: &[
            ("the 2023 period", Some("2023"), Date),
            ("year-ago", Some("2023"), Date),
        ],
    },
    Case {
        name: "recent years are some years up to now",
        text: "Exports grew in recent years.",
        expected: &[("recent years", Some("PXY"), Duration)],
    },
    Case {
        name: "last year compared with the reporting quarter",
        text: "In the third quarter, it earned $5 million, compared with $3 million last year.",
        expected: &[
            ("the third quarter", Some("2025-Q3"), Date),
            ("last year", Some("2024-Q3"), Date),
        ],
    },
    Case {
        name: "the year ended is a reporting period",
        text: "For the year ended Aug. 31, net income rose.",
        expected: &[
            ("the year", Some("P1Y"), Duration),
            ("Aug. 31", Some("2025-08-31"), Date),
        ],
    },
    Case {
        name: "the full year and the fiscal year",
        text: "It forecast a rise for the full year and lower earnings for the fiscal year.",
        expected: &[
            ("the full year", Some("2025"), Date),
            ("the fiscal year", Some("2025"), Date),
        ],
    },
    Case {
        name: "year-end",
        text: "The deal should close by year-end or by year's end.",
        expected: &[
            ("year-end", Some("2025"), Date),
            ("year's end", Some("2025"), Date),
        ],
    },
    Case {
        name: "decade with position and article",
        text: "Prices peaked in the late 1970s and fell through the nineties.",
        expected: &[
            ("the late 1970s", Some("197X"), Date),
            ("the nineties", Some("199X"), Date),
        ],
    },
    Case {
        name: "mid-year",
        text: "The group began to fall apart in mid-1996.",
        expected: &[("mid-1996", Some("1996"), Date)],
    },
    Case {
        name: "holidays",
        text: "He was found on Thanksgiving Day and will stay past Christmas.",
        expected: &[
            ("Thanksgiving Day", Some("2024-11-28"), Date),
            ("Christmas", Some("2025-12-25"), Date),
        ],
    },
    Case {
        name: "last holiday",
        text: "She arrived last Thanksgiving.",
        expected: &[("last Thanksgiving", Some("2024-11-28"), Date)],
    },
    Case {
        name: "the week of a day",
        text: "A hearing may follow the week of Sept. 15.",
        expected: &[("the week of Sept. 15", Some("2025-W38"), Date)],
    },
    Case {
        name: "a plan that had been due is past",
        text: "The offer had been due to expire Friday.",
        expected: &[("Friday", Some("2025-08-29"), Date)],
    },
    Case {
        name: "a bare clock time is on the day last mentioned",
        text: "On Aug. 28, the blast came at 10:35 a.m.",
        expected: &[
            ("Aug. 28", Some("2025-08-28"), Date),
            ("10:35 a.m.", Some("2025-08-28T10:35"), Time),
        ],
    },
    Case {
        name: "war names are not dates",
        text: "World War II and the G7 and Article 5.",
        expected: &[],
    },
];

#[test]
fn timex_cases() {
    for case in CASES {
        let timexes = extract_timexes(case.text, Some(dct()));
        let found: Vec<(&str, Option<&str>, TimexKind)> = timexes
            .iter()
            .map(|t| (t.span.text(case.text), t.value.as_deref(), t.kind))
            .collect();
        assert_eq!(found, case.expected, "{}", case.name);
    }
}

#[test]
fn relative_expressions_without_a_dct_have_no_value() {
    let timexes = extract_timexes("He arrived yesterday, on Sept. 4, 2025.", None);
    let values: Vec<_> = timexes.iter().map(|t| t.value.as_deref()).collect();
    assert_eq!(values, [None, Some("2025-09-04")]);
}

#[test]
fn lead_date_cases() {
    let cases = [
        (
            "first full date",
            "In a week of diplomacy. On September 4, 2025, the coalition met.",
            Some("2025-09-04"),
        ),
        (
            "dateline with a year in the lead",
            "PARIS, Sept. 4 (Reuters) - The 2025 summit opened.",
            Some("2025-09-04"),
        ),
        (
            "dateline without a year",
            "PARIS, Sept. 4 (Reuters) - The summit opened.",
            None,
        ),
        ("no date", "Leaders met in Paris.", None),
    ];
    for (name, text, expected) in cases {
        assert_eq!(
            lead_date(text).map(|d| d.to_string()).as_deref(),
            expected,
            "{name}"
        );
    }
}

#[test]
fn never_panics_on_awkward_text() {
    for text in [
        "",
        "é",
        "Sept.",
        "2025-",
        "10:",
        "the",
        "1/0 years",
        "a",
        "every",
        "mid-",
        "’90s",
        "\n\n",
        "FY",
        "at 99:99 p.m.",
    ] {
        let _ = extract_timexes(text, Some(dct()));
        let _ = lead_date(text);
    }
}

#[test]
fn cue_table_holds_the_cue_lists() {
    let others = ["said", "saidx", "wil", "nexts", "", "the", "announced"];
    let words = FUTURE_CUES.iter().chain(&PLAN_CUES).chain(&PAST_CUES).chain(&others);
    for &word in words {
        let listed = if PLAN_CUES.contains(&word) {
            Cue::Plan
        } else if FUTURE_CUES.contains(&word) {
            Cue::Future
        } else if PAST_CUES.contains(&word) {
            Cue::Past
        } else {
            Cue::None
        };
        assert!(Cue::of(word) == listed, "{word:?}");
    }
}
