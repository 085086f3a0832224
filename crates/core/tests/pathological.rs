//! Hostile shapes of input finish, in time linear in their size, with sane output: no
//! punctuation at all, thousands of quote marks, one enormous sentence, quotes that never close.
//! (A 20 MB article file is a case of `article.rs`.)
//!
//! The tests run each shape at a size that keeps `cargo test` quick. `scaling` (ignored) times
//! each shape at 1, 4 and 16 MB; a 16 MB / 4 MB ratio near 4 is linear:
//! `cargo test -p triangulate-core --test pathological -- --ignored --nocapture scaling` (the core
//! is built with opt-level 3 even in dev builds, see the root Cargo.toml).

mod invariants;

use invariants::{assert_analysis_spans, assert_extraction_spans, document};
use std::time::Instant;
use triangulate_core::analysis::analyze;
use triangulate_core::{extract, Extraction};

/// `text` repeated until it is at least `bytes` long.
fn repeat_to(text: &str, bytes: usize) -> String {
    text.repeat(bytes.div_ceil(text.len()))
}

/// A news-like run of words with names, speech verbs and numbers but no punctuation.
fn no_punctuation(bytes: usize) -> String {
    repeat_to("Emmanuel Macron said more than 30 countries would send troops to Kyiv on Tuesday and Zelensky told Reuters that the talks continue ", bytes)
}

/// Balanced quotations in sentences of their own, two marks each.
fn paired_quotes(bytes: usize) -> String {
    repeat_to("“We will not give up,” Zelensky said. ", bytes)
}

/// ASCII quote marks with one word between them: every pairing is ambiguous.
fn bare_quote_marks(bytes: usize) -> String {
    repeat_to("\"yes ", bytes)
}

/// One sentence: clauses joined by commas, a single period at the very end.
fn one_sentence(bytes: usize) -> String {
    repeat_to("Macron, the French president, said that according to Reuters at least 26 countries had pledged troops, ", bytes) + "and left."
}

/// Opening quote marks that never close, each before a speech-like clause.
fn unbalanced_quotes(bytes: usize) -> String {
    repeat_to("“Zelensky said ", bytes)
}

/// Sentences each naming new people: every mention is a new entity (coreference compared each
/// mention with every entity so far, and role reading scanned every mention per person).
fn many_people(bytes: usize) -> String {
    let surname = |mut n: usize| {
        let mut name = String::from("K");
        while n > 0 {
            name.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
        }
        name + "owski"
    };
    let mut text = String::with_capacity(bytes + 100);
    for n in (0..).step_by(2) {
        if text.len() >= bytes {
            break;
        }
        text += &format!("Mayor Anna {} met Senator Piotr {} in Warsaw. ", surname(n), surname(n + 1));
    }
    text
}

/// A long article of ordinary sentences, as the seed articles are written.
fn ordinary_prose(bytes: usize) -> String {
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../articles/000_ebca18b08ad80902.txt")).expect("seed article");
    repeat_to(&(seed + "\n\n"), bytes)
}

/// The shapes, by name, with the size `cargo test` runs them at.
const SHAPES: [(&str, fn(usize) -> String, usize); 7] = [
    ("no punctuation", no_punctuation, 5_000_000),
    ("10,000 quote marks in pairs", paired_quotes, 5_000 * 38),
    ("10,000 bare quote marks", bare_quote_marks, 10_000 * 5),
    ("one 1 MB sentence", one_sentence, 1_000_000),
    ("100,000 unclosed quotes", unbalanced_quotes, 100_000 * 17),
    ("ordinary prose", ordinary_prose, 2_000_000),
    ("20,000 different people", many_people, 20_000 * 24),
];

fn extract_shape(name: &str, make: fn(usize) -> String, bytes: usize) -> (String, Extraction) {
    let text = make(bytes);
    let extraction = extract(&text, None);
    assert_extraction_spans(&text, &extraction);
    assert!(!extraction.sentences.is_empty(), "{name}: no sentence");
    (text, extraction)
}

#[test]
fn shapes_finish_with_valid_spans() {
    for (name, make, bytes) in SHAPES {
        extract_shape(name, make, bytes);
    }
}

#[test]
fn no_punctuation_still_finds_names() {
    let (_, extraction) = extract_shape("no punctuation", no_punctuation, 1_000_000);
    let names: Vec<&str> = extraction.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Emmanuel Macron"), "entities: {names:?}");
}

#[test]
fn different_people_stay_apart() {
    let (_, extraction) = extract_shape("many people", many_people, 1_000 * 24);
    let people = extraction.entities.iter().filter(|e| e.kind == triangulate_core::ner::EntityKind::Person);
    let with_roles = people.clone().filter(|e| e.role.is_some()).count();
    assert!(people.count() > 50, "distinct people");
    assert!(with_roles > 50, "people with their roles");
}

#[test]
fn paired_quotes_are_all_found() {
    let (text, extraction) = extract_shape("paired quotes", paired_quotes, 5_000 * 38);
    let direct = extraction.quotes.iter().filter(|q| q.span.text(&text) == "We will not give up,").count();
    assert_eq!(direct, text.matches('“').count(), "every quotation is found once");
}

#[test]
fn one_sentence_stays_one_sentence() {
    let (text, extraction) = extract_shape("one sentence", one_sentence, 1_000_000);
    assert_eq!(extraction.sentences.len(), 1, "sentences");
    assert_eq!(extraction.sentences[0].end, text.len(), "the sentence runs to the end");
}

#[test]
fn unclosed_quotes_yield_no_direct_quotes_past_the_text() {
    let (text, extraction) = extract_shape("unclosed quotes", unbalanced_quotes, 100_000 * 17);
    assert!(extraction.quotes.len() <= text.matches('“').count(), "at most one quote per mark: {}", extraction.quotes.len());
}

#[test]
fn analysis_of_large_copies_finishes() {
    let text = ordinary_prose(500_000);
    let docs = [document("a", &text, None), document("b", &text, None), document("c", &no_punctuation(500_000), None)];
    let analysis = analyze(&docs);
    assert_analysis_spans(&docs, &analysis);
    let pair = analysis.similar_articles.iter().find(|p| (p.a.as_str(), p.b.as_str()) == ("a", "b"));
    assert!(pair.is_some_and(|p| p.score > 0.99), "identical copies are found similar: {:?}", analysis.similar_articles.first().map(|p| p.score));
}

/// Times each shape (and `analyze` over two copies) at 1, 4 and 16 MB: prints seconds per MB and
/// the ratio 16 MB / 4 MB (4 is linear, 16 quadratic; 1 MB still fits the caches, so 4 MB / 1 MB
/// reads high even for linear work).
#[test]
#[ignore = "a measurement: run with --ignored --nocapture"]
fn scaling() {
    let seconds = |run: &dyn Fn()| {
        let start = Instant::now();
        run();
        start.elapsed().as_secs_f64()
    };
    const SIZES: [usize; 3] = [1_000_000, 4_000_000, 16_000_000];
    let report = |name: &str, times: [f64; 3]| {
        let per_mb = times.iter().zip(SIZES).map(|(t, size)| format!("{:6.3}", t / (size as f64 / 1e6))).collect::<Vec<_>>();
        println!("{name:<38} s/MB at 1, 4, 16 MB: {}   16 MB / 4 MB: {:.2}", per_mb.join(" "), times[2] / times[1]);
    };
    for (name, make, _) in SHAPES {
        report(&format!("extract {name}"), SIZES.map(|size| {
            let text = make(size);
            seconds(&|| drop(extract(&text, None)))
        }));
    }
    report("analyze two copies of ordinary prose", SIZES.map(|size| {
        let copies = [document("a", &ordinary_prose(size / 2), None), document("b", &ordinary_prose(size / 2), None)];
        seconds(&|| drop(analyze(&copies)))
    }));
}
