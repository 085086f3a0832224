//! Quotes, speakers and media attributions.
//!
//! [`extract_quotes`] finds direct quotations in any mark style (straight, curly, guillemets,
//! „low-high“, single marks that are not apostrophes, the typewriter `''`), reported speech
//! ("Macron warned that …", "according to X, …"), and quoted terms (scare quotes), each with its
//! speaker where the text gives one. [`extract_media_attributions`] finds the outlets that facts are
//! credited to ("as reported by TIME", "per AP").
//!
//! Neither depends on the tokenizer, segmenter or NER being present: the module scans quote marks
//! and speaker phrases itself and only *uses* entities, when there are some, to resolve a speaker
//! to its canonical entity and a pronoun to the person it refers to.
mod attribution;
mod document;
mod lexicon;
mod reported;
mod scan;
mod spans;
#[cfg(test)]
mod tests;

use crate::ner::Entity;
use crate::Span;
use serde::{Deserialize, Serialize};

pub use reported::extract_media_attributions;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuoteKind {
    /// Words inside quote marks, said by someone.
    Direct,
    /// Reported speech: "X said (that) …", "according to X, …" (may contain quoted words: `mixed`).
    Indirect,
    /// A short quoted phrase with no speech context (a scare quote or a name for something).
    Term,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The speaker's words in the text ("Macron, the French president", "he"), when written there.
    pub span: Option<Span>,
    /// As written (a pronoun stays a pronoun here).
    pub text: String,
    /// Who it is: the entity's canonical name when resolved, the referent of a pronoun, else the
    /// head of `text` without its appositive.
    pub name: String,
    /// The resolved entity's id (`Entity::id`, e.g. `per-mark-rutte`).
    pub entity: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The content: for a direct quote or term, inside the marks; for reported speech, the
    /// reported clause (with its "that").
    pub span: Span,
    /// The content with its quote marks (equal to `span` for reported speech).
    pub outer: Span,
    pub kind: QuoteKind,
    /// Reported speech that quotes some words directly ("… essential to “underpin any cease-fire.”").
    pub mixed: bool,
    pub speaker: Option<Speaker>,
    /// The speech verb or cue ("said", "according to").
    pub cue: Option<Span>,
    /// Where it was said, when stated ("CBS News", "local media").
    pub venue: Option<String>,
    /// This quote carries on the previous one: the second half of a split quote (“…,” she said,
    /// “…”) or a further paragraph of the same quotation.
    pub continues_previous: bool,
}

/// An outlet credited with a fact: "as reported by TIME", "according to Reuters", "per AP".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaAttribution {
    pub outlet: String,
    /// The cue, outlet included ("as reported by TIME").
    pub span: Span,
    /// The sentence the outlet is credited for.
    pub sentence: Span,
}

/// All quotations and reported speech in `text`, in text order. `sentences` is not needed (the
/// module segments around quote marks itself); `entities` resolve speakers when present.
pub fn extract_quotes(text: &str, entities: &[Entity]) -> Vec<Quote> {
    quotes_in(&document::Document::new(text), entities)
}

/// [`extract_quotes`] and [`extract_media_attributions`] from one reading of the text, which both
/// would otherwise tokenize and index on their own.
pub fn extract_quotes_and_attributions(text: &str, entities: &[Entity]) -> (Vec<Quote>, Vec<MediaAttribution>) {
    let doc = document::Document::new(text);
    (quotes_in(&doc, entities), reported::media_attributions(&doc))
}

fn quotes_in(doc: &document::Document, entities: &[Entity]) -> Vec<Quote> {
    let mut quotes = attribution::direct_quotes(doc);
    let reported = reported::reported_speech(doc, &quotes);
    // A quote inside reported speech is part of a mixed quote, not a quote of its own.
    let reported_spans = spans::SpanIndex::new(reported.iter().map(|r| (r.span, ())));
    quotes.retain(|q| q.kind == QuoteKind::Direct || !reported_spans.contains(q.outer));
    quotes.extend(reported);
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    attribution::resolve_speakers(&mut quotes, entities);
    quotes
}
