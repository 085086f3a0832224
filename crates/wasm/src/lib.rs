//! The extraction core for JavaScript, as thin as it gets: `./dev bench` times these calls in Node
//! beside the JavaScript peers. Each returns a count rather than the results so that the timing
//! measures the extraction, not the conversion to JavaScript objects; the count lets the caller
//! check the answer against the native build.

use triangulate_core::article::parse_iso_date;
use wasm_bindgen::prelude::*;

/// Runs the full [`triangulate_core::extract`] (`dct` as `YYYY-MM-DD`, or empty) and returns the
/// number of entities + quotes + dates + claims, as `triangulate bench` counts them.
#[wasm_bindgen]
pub fn extract_count(text: &str, dct: &str) -> u32 {
    let e = triangulate_core::extract(text, parse_iso_date(dct));
    (e.entities.len() + e.quotes.len() + e.timexes.len() + e.claims.len()) as u32
}

/// Only the entity pass (tokens, sentences, entities): the like-for-like peer of wink-nlp's
/// `readDoc` + `entities()`. Returns the number of entities.
#[wasm_bindgen]
pub fn entities_count(text: &str) -> u32 {
    let tokens = triangulate_core::text::tokenize(text);
    let sentences = triangulate_core::text::sentences(text, &tokens);
    triangulate_core::ner::extract_entities(text, &tokens, &sentences).len() as u32
}
