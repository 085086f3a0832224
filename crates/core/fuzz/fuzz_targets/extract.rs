//! `extract` on arbitrary text: no panic, spans inside the text on char boundaries, deterministic.
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

// The first byte picks the document date; the rest, read as UTF-8 (lossily), is the text.
fuzz_target!(|data: &[u8]| {
    let Some((&date, text)) = data.split_first() else { return };
    invariants::check_extract(&String::from_utf8_lossy(text), invariants::dct(date.into()));
});
