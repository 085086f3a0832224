//! `analyze` over several articles cut from one input: no panic, every span inside its own
//! article's text on char boundaries, deterministic.
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

/// More articles add little that two or three do not reach, and cost time per input.
const MAX_ARTICLES: usize = 4;

// Articles are separated by NUL bytes; an article's first byte picks its date.
fuzz_target!(|data: &[u8]| {
    let docs: Vec<_> = data
        .split(|&b| b == 0)
        .take(MAX_ARTICLES)
        .enumerate()
        .map(|(i, part)| {
            let (date, text) = part.split_first().map_or((0, part), |(&d, rest)| (d.into(), rest));
            invariants::document(&format!("a{i}"), &String::from_utf8_lossy(text), invariants::dct(date))
        })
        .collect();
    invariants::check_analyze(&docs);
});
