//! Where reported content starts and ends. The rules propose a span; a small ranker (an averaged
//! perceptron over hashed features, trained on PolNeAR by `triangulate train-quotes`) then moves
//! the boundary away from the cue (the end of "said that …", the start of "…, he said") to any
//! token boundary of the sentence, the rules' choice being one of its features. Rules alone stop
//! too early at some commas (", but rather …", ", handing out …") and run on past others.
use super::attribution::is_speech_verb;
use super::document::Document;
use super::Quote;
use crate::ner::features::hash_str;
use crate::ner::model::{read_rows, Reader};
use std::cmp::Ordering;
use std::ops::RangeInclusive;
use std::sync::OnceLock;

static MODEL_BYTES: &[u8] = include_bytes!("../../model/quotes.bin");
const MAGIC: &[u8; 4] = b"TQBE";
const VERSION: u8 = 1;

/// One weight per hashed feature; a candidate end scores the sum of its features' weights.
pub(super) struct Ranker {
    bits: u32,
    weights: Vec<i8>,
}

impl Ranker {
    fn from_bytes(bytes: &[u8]) -> Result<Ranker, String> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(4)? != MAGIC || reader.byte()? != VERSION {
            return Err("not a version 1 quote-boundary model".into());
        }
        let bits = u32::from(reader.byte()?);
        if !(8..=24).contains(&bits) {
            return Err("unsupported hash size".into());
        }
        Ok(Ranker { bits, weights: read_rows(&mut reader, bits, 1)? })
    }

    fn score(&self, features: &[u64]) -> i32 {
        features.iter().map(|&f| i32::from(self.weights[bucket(f, self.bits)])).sum()
    }
}

pub(super) fn bucket(feature: u64, bits: u32) -> usize {
    (feature & ((1 << bits) - 1)) as usize
}

/// The model file: header, then the weight rows (format of `ner::model::read_rows`).
#[cfg(feature = "train")]
pub(super) fn encode(bits: u32, weights: &[f32]) -> Vec<u8> {
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(f32::EPSILON);
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&[VERSION, bits as u8]);
    crate::ner::model::encode_rows(&mut out, weights, 1, 127.0 / max);
    out
}

/// The embedded model; `None` if the file is unusable (then the rules' ends stand).
fn ranker() -> Option<&'static Ranker> {
    static RANKER: OnceLock<Option<Ranker>> = OnceLock::new();
    RANKER.get_or_init(|| Ranker::from_bytes(MODEL_BYTES).ok()).as_ref()
}

/// Words that can start the clause after reported content ("… and warned", "… because …").
const CLAUSE_LINKS: &[&str] = &["and", "but", "because", "while", "which", "who", "as", "after", "before", "when", "if", "although", "though", "since", "until", "so"];

/// Which boundary of reported content the ranker moves: the end of content after its cue ("said
/// that …"), the start of content before it ("…, he said").
#[derive(Clone, Copy)]
pub(super) enum Side {
    Start,
    End,
}

/// Reported content as the rules found it, tokens `start..end`, and where its movable boundary
/// may go instead. `cue` is the cue's last token.
pub(super) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub side: Side,
    pub range: RangeInclusive<usize>,
    cue: usize,
}

impl Candidate {
    /// Where the rules put the movable boundary.
    pub fn rule(&self) -> usize {
        match self.side {
            Side::Start => self.start,
            Side::End => self.end,
        }
    }

    /// The places the boundary may go: the rules' choice, punctuation and the range's ends.
    pub fn places<'a>(&'a self, doc: &'a Document) -> impl Iterator<Item = usize> + 'a {
        let at_punctuation = move |p: usize| match self.side {
            Side::End => doc.is_punct(p, ",;:—–()") || doc.is_one_of(p, CLAUSE_LINKS),
            Side::Start => p > 0 && doc.is_punct(p - 1, ",;:—–()"),
        };
        self.range.clone().filter(move |&p| p == self.rule() || at_punctuation(p) || p == *self.range.start() || p == *self.range.end())
    }

    /// The content with its movable boundary at `p`.
    pub fn span_at(&self, p: usize) -> (usize, usize) {
        match self.side {
            Side::Start => (p, self.end),
            Side::End => (self.start, p),
        }
    }
}

/// The candidate of each quote whose content lies wholly on one side of its cue, within the
/// content's sentence and between the neighbouring quotes.
pub(super) fn candidates(doc: &Document, quotes: &[Quote]) -> Vec<Option<Candidate>> {
    let first_token_from = |byte: usize| doc.toks.partition_point(|t| t.span.start < byte);
    let bounds: Vec<(usize, usize)> = quotes.iter().map(|q| (first_token_from(q.span.start), first_token_from(q.span.end))).collect();
    quotes
        .iter()
        .zip(&bounds)
        .map(|(quote, &(start, end))| {
            let cue = quote.cue?;
            let &(sentence_start, sentence_end) = doc.sentences.iter().find(|&&(s, e)| s <= start && start < e)?;
            // The boundary moves neither into other content nor over a quote mark (which would
            // swallow a quotation).
            let (side, range) = if cue.end <= quote.span.start {
                let next = bounds.iter().map(|b| b.0).filter(|&s| s > start).min().unwrap_or(usize::MAX);
                let mark = (end..sentence_end).find(|&i| doc.is_mark(i)).unwrap_or(usize::MAX);
                (Side::End, start + 1..=super::reported::content_end(doc, start, sentence_end).min(next).min(mark).max(end))
            } else if cue.start >= quote.span.end && std::env::var("NOSTART").is_err() {
                let previous = bounds.iter().map(|b| b.1).filter(|&e| e <= start).max().unwrap_or(0);
                let mark = (sentence_start..start).rev().find(|&i| doc.is_mark(i)).map_or(0, |i| i + 1);
                (Side::Start, sentence_start.max(previous).max(mark).min(start)..=end - 1)
            } else {
                return None;
            };
            Some(Candidate { start, end, side, range, cue: first_token_from(cue.end) - 1 })
        })
        .collect()
}

/// Moves each quote's movable boundary to where the ranker puts it.
pub(super) fn refine(doc: &Document, quotes: &mut [Quote]) {
    let Some(ranker) = ranker() else { return };
    let mut features = Vec::new();
    let candidates = candidates(doc, quotes);
    for (quote, candidate) in quotes.iter_mut().zip(candidates) {
        let Some(candidate) = candidate else { continue };
        let mut best = (i32::MIN, candidate.rule());
        for p in candidate.places(doc) {
            features.clear();
            boundary_features(doc, &candidate, p, &mut features);
            // Ties keep the rules' boundary.
            let score = ranker.score(&features);
            if score > best.0 || (score == best.0 && p == candidate.rule()) {
                best = (score, p);
            }
        }
        let (start, end) = candidate.span_at(best.1);
        quote.span = doc.span(start, end);
        quote.outer = quote.span;
    }
}

/// Features of putting the movable boundary of `c` at `p`: the words on either side of it, how
/// it lies to the rules' choice, what it crosses on the way.
pub(super) fn boundary_features(doc: &Document, c: &Candidate, p: usize, out: &mut Vec<u64>) {
    let word = |i: Option<usize>| i.filter(|&i| i < doc.len()).map_or("<none>", |i| doc.lower(i));
    // The content's token at the boundary, and the two outside it.
    let (inside, outside, beyond, side) = match c.side {
        Side::End => (p.checked_sub(1), Some(p), Some(p + 1), "E"),
        Side::Start => (Some(p), p.checked_sub(1), p.checked_sub(2), "S"),
    };
    let relation = match p.cmp(&c.rule()) {
        Ordering::Less => "<",
        Ordering::Equal => "=",
        Ordering::Greater => ">",
    };
    let (from, to) = (p.min(c.rule()), p.max(c.rule()));
    let commas = (from..to).filter(|&i| doc.is_punct(i, ",")).count().min(3);
    let verbs = (from..to).filter(|&i| is_speech_verb(doc, i)).count().min(2);
    let pair = |i: Option<usize>| i.and_then(|i| doc.pair_inside(i));
    let quoted = pair(inside).is_some() && pair(inside) == pair(outside);
    let (at, last) = (word(outside), word(inside));
    let (start, end) = c.span_at(p);
    let length = length_bucket(end - start);
    let at_limit = p == *c.range.start() || p == *c.range.end();
    let next_shape = beyond.map_or("none", |i| shape(doc, i));
    let mut add = |template: &str, value: std::fmt::Arguments| out.push(hash_str(&format!("{side}{template}\u{1}{value}")));
    add("rel", format_args!("{relation}"));
    add("rel-at", format_args!("{relation} {at}"));
    add("rel-at-limit", format_args!("{relation} {at_limit}"));
    add("at-next-shape", format_args!("{relation} {at} {next_shape}"));
    add("last", format_args!("{relation} {last}"));
    add("length-rel", format_args!("{length} {relation}"));
    add("crossed", format_args!("{relation} {commas} {verbs}"));
    add("crossed-at", format_args!("{relation} {commas} {at}"));
    add("quoted", format_args!("{quoted} {relation}"));
}

fn length_bucket(n: usize) -> usize {
    match n {
        0..=3 => n,
        4..=5 => 4,
        6..=8 => 5,
        9..=12 => 6,
        13..=20 => 7,
        _ => 8,
    }
}

/// A token's kind: capitalized, lower-case, an "-ing" word, a number, punctuation, or none.
fn shape(doc: &Document, i: usize) -> &'static str {
    if i >= doc.len() {
        return "none";
    }
    let raw = doc.raw(i);
    match raw.chars().next() {
        Some(c) if c.is_uppercase() => "X",
        Some(c) if c.is_numeric() => "d",
        Some(c) if c.is_lowercase() => if raw.ends_with("ing") { "ing" } else { "x" },
        _ => "p",
    }
}
