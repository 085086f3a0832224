use super::*;
use crate::timex::extract_timexes;

fn dct() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 9, 4).unwrap()
}

fn claims_of(text: &str) -> Vec<Claim> {
    extract_claims(text, &[], &extract_timexes(text, Some(dct())), Some(dct()))
}

struct Case {
    name: &'static str,
    text: &'static str,
    /// (number phrase, interval, thing, predicate, subject) of each claim, in order.
    expected: &'static [(
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    )],
}

const CASES: &[Case] = &[
    Case {
        name: "seed: more than 30 nations",
        text: "This gathering saw more than 30 nations participate, either in person or remotely.",
        expected: &[("more than 30", "(30, ∞)", Some("nations"), Some("participate"), Some("nations"))],
    },
    Case {
        name: "seed: over 30 countries",
        text: "Zelensky affirmed that over 30 countries had convened.",
        expected: &[("over 30", "(30, ∞)", Some("countries"), Some("convened"), Some("countries"))],
    },
    Case {
        name: "seed: 26 leaders have pledged to deploy troops",
        text: "Macron announced that 26 leaders have pledged to deploy troops to Ukraine.",
        expected: &[("26", "26", Some("leaders"), Some("pledged to deploy troops"), Some("leaders"))],
    },
    Case {
        name: "seed: at least 19 fatalities",
        text: "The strike on August 28 resulted in at least 19 fatalities.",
        expected: &[("at least 19", "[19, ∞)", Some("people killed"), Some("killed"), None)],
    },
    Case {
        name: "seed: killing at least 19 people",
        text: "On August 28, an attack struck Kyiv, killing at least 19 people.",
        expected: &[("at least 19", "[19, ∞)", Some("people killed"), Some("killed"), None)],
    },
    Case {
        name: "seed: heads of state among delegates",
        text: "Delegates from 35 nations, including 27 heads of state, will gather in Paris.",
        expected: &[("35", "35", Some("nations"), Some("gather"), Some("nations")), ("27", "27", Some("heads of state"), Some("gather"), Some("heads of state"))],
    },
    Case {
        name: "seed: drones launched and intercepted",
        text: "Russia launched 112 strike and decoy drones overnight Thursday, and air defenses managed to intercept 84 of them.",
        expected: &[("112", "112", Some("strike and decoy drones"), Some("launched"), Some("Russia")), ("84", "84", Some("strike and decoy drones"), Some("intercept"), None)],
    },
    Case {
        name: "seed: 26 countries",
        text: "It brought together heads of state from 26 countries, including France.",
        expected: &[("26", "26", Some("countries"), None, None)],
    },
    Case {
        name: "seed: an aside between the count and its verb",
        text: "Zelensky affirmed that over 30 countries, “all united by the same goal,” had convened in Paris.",
        expected: &[("over 30", "(30, ∞)", Some("countries"), Some("convened"), Some("countries"))],
    },
    Case {
        name: "seed: countries formally pledged forces",
        text: "According to Macron, 26 countries have now formally pledged to contribute forces—on land, at sea, or in the air.",
        expected: &[("26", "26", Some("countries"), Some("pledged to contribute forces"), Some("countries"))],
    },
    Case {
        name: "seed: countries ready to provide guarantees",
        text: "With 26 countries now ready to provide security guarantees, the West is united.",
        expected: &[("26", "26", Some("countries"), Some("ready to provide security guarantees"), Some("countries"))],
    },
    Case {
        name: "seed: advisors from 15 countries",
        text: "Security advisors from 15 countries, including the UK, France, and Germany, met in Kyiv.",
        expected: &[("15", "15", Some("countries"), Some("met"), Some("countries"))],
    },
    Case {
        name: "a count after a dash aside",
        text: "The coalition—a group of more than 30 nations—met in the French capital.",
        expected: &[("more than 30", "(30, ∞)", Some("nations"), Some("met"), Some("nations"))],
    },
    Case {
        name: "a part of what was counted before",
        text: "Russia launched 112 drones, and air defenses managed to intercept or jam 84 of them.",
        expected: &[("112", "112", Some("drones"), Some("launched"), Some("Russia")), ("84", "84", Some("drones"), Some("intercept or jam"), None)],
    },
    Case {
        name: "the two leaders is not a count",
        text: "Moscow said that talks between the two leaders can wait.",
        expected: &[],
    },
    Case {
        name: "killed is the same thing as fatalities",
        text: "The strike killed 5 people and wounded 12 civilians.",
        expected: &[("5", "5", Some("people killed"), Some("killed"), None), ("12", "12", Some("civilians wounded"), Some("wounded"), None)],
    },
    Case {
        name: "percent with approximation",
        text: "Russia currently controls about 20% of Ukrainian territory.",
        expected: &[("about 20%", "[18, 22]", None, None, None)],
    },
    Case { name: "money", text: "The fund holds $5 billion.", expected: &[("$5 billion", "5000000000", None, None, None)] },
    Case { name: "number words", text: "Twenty-six nations signed.", expected: &[("Twenty-six", "26", Some("nations"), Some("signed"), Some("nations"))] },
    Case { name: "a dozen", text: "Officials counted a dozen drones.", expected: &[("a dozen", "12", Some("drones"), Some("counted"), Some("Officials"))] },
    Case { name: "hundreds of", text: "Hundreds of soldiers died.", expected: &[("Hundreds of", "[200, 1000)", Some("soldiers"), Some("died"), Some("soldiers"))] },
    Case { name: "nearly", text: "Nearly 50 tanks arrived.", expected: &[("Nearly 50", "[45, 50)", Some("tanks"), Some("arrived"), Some("tanks"))] },
    Case { name: "up to", text: "Up to 10 ships may sail.", expected: &[("Up to 10", "[0, 10]", Some("ships"), Some("may sail"), Some("ships"))] },
    Case { name: "fewer than", text: "Fewer than 5 states objected.", expected: &[("Fewer than 5", "[0, 5)", Some("states"), Some("objected"), Some("states"))] },
    Case { name: "years and dates are not claims", text: "Since 2019 and on September 4, 2025, talks stalled.", expected: &[] },
    Case { name: "durations are not claims", text: "The war has lasted nearly four years.", expected: &[] },
    Case { name: "names are not claims", text: "The G7 cited Article 5 and World War II.", expected: &[] },
    Case { name: "ages are not claims", text: "The 45-year-old minister resigned.", expected: &[] },
    Case { name: "ordinals are not claims", text: "It was the 4th attack.", expected: &[] },
];

#[test]
fn claim_cases() {
    for case in CASES {
        let found: Vec<_> = claims_of(case.text)
            .into_iter()
            .map(|c| {
                (
                    c.span.text(case.text).to_string(),
                    c.interval_text(),
                    c.thing,
                    c.predicate,
                    c.subject,
                )
            })
            .collect();
        let expected: Vec<_> = case
            .expected
            .iter()
            .map(|(span, interval, thing, predicate, subject)| {
                (
                    span.to_string(),
                    interval.to_string(),
                    thing.map(String::from),
                    predicate.map(String::from),
                    subject.map(String::from),
                )
            })
            .collect();
        assert_eq!(found, expected, "{}", case.name);
    }
}

#[test]
fn claims_are_dated_by_their_sentence_or_the_article() {
    let text = "On August 28, at least 19 people died. Today 26 leaders met.";
    let dates: Vec<_> = claims_of(text).into_iter().map(|c| c.date).collect();
    assert_eq!(
        dates,
        [
            Some("2025-08-28".to_string()),
            Some("2025-09-04".to_string())
        ]
    );
}

#[test]
fn claims_never_panic_on_awkward_text() {
    for text in [
        "",
        "$",
        "more than",
        "€5",
        "5%",
        "hundreds of",
        "1.",
        "\n\n1. One",
        "é5",
        "at least €",
    ] {
        let _ = claims_of(text);
    }
}

#[test]
fn numbers_past_the_range_of_f64_are_no_claims() {
    let digits = "9".repeat(400);
    for (case, text) in [
        ("400 digits", format!("The ministry said {digits} people were affected.")),
        ("about the largest f64", "The ministry said about 1.7e308 people were affected.".to_string()),
        ("written out", format!("Officials spent 1{} dollars, and 30 people were hurt.", "0".repeat(330))),
    ] {
        let claims = claims_of(&text);
        let bounds = claims.iter().flat_map(|c| [Some(c.value), c.low, c.high]).flatten();
        assert!(bounds.clone().all(f64::is_finite), "{case}: {claims:?}");
    }
    let kept = claims_of(&format!("Officials spent 1{} dollars, and 30 people were hurt.", "0".repeat(330)));
    assert_eq!(kept.iter().map(|c| c.value).collect::<Vec<_>>(), [30.0], "written out: the ordinary number stays");
}

#[test]
fn only_the_qualifiers_a_word_begins_are_tried_and_nothing_changes() {
    let every_qualifier = "No more than 5 came, at most 3, at least 4, up to 7, more than 8, \
        fewer than 2, less than 6, under 9, over 10, about 11, around 12, roughly 13, \
        approximately 14, some 15, nearly 16, almost 17 and hundreds of people; at $5, at 5.";
    let texts = CASES.iter().map(|case| case.text).chain([every_qualifier]);
    for text in texts {
        let mut lowered = scan::Lowered::default();
        let tokens = scan::tokenize(text, &mut lowered);
        for i in 0..tokens.len() {
            let begun = begins(&tokens[i]).and_then(|begins| begins.claims);
            assert_eq!(
                claim_starting_at(text, &tokens, i, begun),
                claim_at(text, &tokens, i, Qualifiers::ALL),
                "{:?} in {text:?}",
                tokens[i].lower
            );
        }
    }
    // Each qualifier is found, in the order of the text.
    let found: Vec<_> = claims_of(every_qualifier)
        .into_iter()
        .filter_map(|c| c.qualifier)
        .collect();
    assert_eq!(found.len(), QUALIFIERS.len() + 1, "{found:?}");
}

proptest::proptest! {
    /// Texts of the words that begin dates and claims, numbers, signs and other words: trying
    /// the [`starts`] only finds what trying every token finds.
    #[test]
    fn dates_and_claims_begin_at_starts_only(words in proptest::collection::vec(proptest::sample::select(start_test_words()), 0..40)) {
        let text = words.join(" ");
        let mut lowered = scan::Lowered::default();
        let (tokens, starts) = tokens_and_starts(&text, &mut lowered);
        let every = Vec::from_iter((0..tokens.len()).map(|i| (i, Begins { claims: Some(Qualifiers::ALL), ..Begins::default() })));
        let timexes = timex::timexes_in(&tokens, starts.iter().map(|&(i, begins)| (i, begins.dates)), Some(dct()));
        proptest::prop_assert_eq!(&timexes, &timex::timexes_in(&tokens, timex::every_start(&tokens), Some(dct())));
        let claims = claims_in(&text, &tokens, &starts, &[], &timexes, Some(dct()));
        proptest::prop_assert_eq!(claims, claims_in(&text, &tokens, &every, &[], &timexes, Some(dct())));
    }
}

fn start_test_words() -> Vec<String> {
    let others = ["said", "people", "The", "May", "Sept", ".", ",", "-", "$", "€", "'", "12", "2025", "1990s", "4th", "10:30", "a.m.", "\n\n"];
    let words = first_words().map(str::to_string).chain(timex::first_words());
    words.chain(others.map(str::to_string)).collect()
}

#[test]
fn the_list_table_holds_each_list() {
    let others = ["", "said", "peoples", "hav", "wills", "the"];
    let words = LISTS.iter().flat_map(|(words, _)| words.iter()).chain(&others);
    for &word in words {
        for (words, list) in LISTS {
            assert_eq!(listed(word, list), words.contains(&word), "{word:?} in {list:?}");
        }
    }
}
