//! Property tests: `extract` and `analyze` never panic, keep every span inside its text on `char`
//! boundaries, and are deterministic, on arbitrary Unicode and on generated news-like text.
//!
//! `cargo test` runs proptest's default 256 cases per property. A longer run:
//! `PROPTEST_CASES=20000 cargo test -p triangulate-core --test properties` (about 15 minutes;
//! the core is built with opt-level 3 even in test builds).
//! A failure prints its shrunk input: once fixed, it joins [`REGRESSIONS`] under a name, as do
//! crashes found by the fuzz targets (scripts/fuzz.sh).

mod invariants;

use invariants::{check_analyze, check_extract, dct, document};
use proptest::prelude::*;
use triangulate_core::analysis::{wdiff, word_diff, Change};

/// Inputs that once broke an invariant, each named after what it exposed.
const REGRESSIONS: &[(&str, &str)] = &[
    // quotes/attribution.rs took the empty run before the colon as a speaker name (index underflow).
    ("colon right before a quote mark", ": \"»"),
    // quotes/reported.rs made a reversed span for the source between "to" and the comma.
    ("according to with no source before the comma", "according to ,Zelensky"),
];

#[test]
fn regressions_hold() {
    for (name, text) in REGRESSIONS {
        for date in 0..invariants::DCTS.len() {
            let result = std::panic::catch_unwind(|| check_extract(text, dct(date)));
            assert!(result.is_ok(), "{name} (dct {:?})", dct(date));
        }
    }
}

/// Pieces of news prose that steer the extractors into their rules: names, speech verbs, dates,
/// numbers with qualifiers and units, quote marks of every style, sentence punctuation, newlines.
const PIECES: &[&str] = &[
    "Zelensky", "Volodymyr", "Emmanuel Macron", "Macron", "Sir", "Keir Starmer", "Mr.", "Dr.", "U.S.",
    "NATO", "Paris", "Kyiv", "Reuters", "the", "President", "French", "said", "told", "added", "that",
    "according to", "as reported by", "he", "she", "they", "on", "Tuesday", "last", "next", "week",
    "year", "September", "Sept.", "4", "2025", "2025-09-04", "in", "ago", "more than", "at least",
    "about", "nearly", "hundreds of", "million", "billion", "%", "percent", "$", "€", "5", "30",
    "1,000", "3.5", "26", "countries", "troops", "killed", "\"", "“", "”", "'", "‘", "’", "«", "»",
    "„", ".", ",", ";", ":", "?", "!", "(", ")", "-", "—", "…", "\n", "\n\n", " ", "\t",
];

/// Text assembled from [`PIECES`], digits and arbitrary characters, joined by spaces or not.
fn news_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => "[0-9]{1,12}",
        1 => "[A-Z][a-z]{0,8}",
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec((piece, any::<bool>()), 0..120).prop_map(|pieces| {
        pieces.into_iter().map(|(p, spaced)| if spaced { p + " " } else { p }).collect()
    })
}

/// Either kind of text.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), news_text()]
}

proptest! {
    #[test]
    fn extract_holds_on_arbitrary_unicode(text in any::<String>(), date in 0..invariants::DCTS.len()) {
        check_extract(&text, dct(date));
    }

    #[test]
    fn extract_holds_on_news_like_text(text in news_text(), date in 0..invariants::DCTS.len()) {
        check_extract(&text, dct(date));
    }

    #[test]
    fn analyze_holds_across_articles(
        texts in prop::collection::vec((any_text(), 0..invariants::DCTS.len()), 0..5),
    ) {
        let docs: Vec<_> = texts.iter().enumerate().map(|(i, (text, date))| document(&format!("a{i}"), text, dct(*date))).collect();
        check_analyze(&docs);
    }

    // The diff a group shows: every character of the member, in order; context only around the passage.
    #[test]
    fn word_diff_keeps_the_member_whole(reference in any_text(), member in any_text()) {
        let diff = word_diff(&reference, &member);
        let own: String = diff.iter().filter(|s| !matches!(s.change, Change::Removed | Change::ReferenceContext)).map(|s| s.text.as_str()).collect();
        prop_assert_eq!(own, member);
        let in_passage: Vec<bool> = diff.iter().map(|s| !matches!(s.change, Change::ReferenceContext | Change::MemberContext)).collect();
        if let (Some(first), Some(last)) = (in_passage.iter().position(|&p| p), in_passage.iter().rposition(|&p| p)) {
            prop_assert!(in_passage[first..=last].iter().all(|&p| p), "context inside the passage: {}", wdiff(&diff));
        }
    }

    // Copies share quotes, claims and passages, which is where analysis does the most work.
    #[test]
    fn analyze_holds_on_rewritten_copies(text in news_text(), edit in news_text(), date in 0..invariants::DCTS.len()) {
        let rewritten = format!("{edit}{text}{edit}");
        let docs = [document("original", &text, dct(date)), document("copy", &text, dct(date)), document("rewrite", &rewritten, None)];
        check_analyze(&docs);
    }
}
