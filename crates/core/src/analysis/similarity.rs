//! Rewrites and near-duplicates: article-to-article similarity over word shingles. MinHash
//! signatures with LSH banding pick candidate pairs in a large corpus (so cost grows with the
//! corpus, not its square; a small one compares all pairs), exact Jaccard scores them, and aligned
//! runs of shared shingles locate the passages one article shares with the other.

use super::words::each_word;
use crate::{Document, Span};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, VecDeque};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticlePair {
    /// Article ids, `a < b`.
    pub a: String,
    pub b: String,
    /// Jaccard similarity of the two articles' shingle sets, 0..=1.
    pub score: f64,
    /// Share of the smaller article's shingles found in the other: near 1 when one article
    /// copies the other, or is copied into it.
    pub containment: f64,
    pub passages: Vec<SharedPassage>,
}

/// A run of words both articles have in the same order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedPassage {
    /// Byte span in article `a`.
    pub a: Span,
    /// Byte span in article `b`.
    pub b: Span,
    pub words: usize,
}

/// Words per shingle.
const SHINGLE_WORDS: usize = 4;
/// LSH bands × rows = MinHash functions. 32 bands of 2 rows make pairs with Jaccard ≈ 0.18 a
/// candidate half the time, and pairs above 0.3 almost always.
const BANDS: usize = 32;
const ROWS: usize = 2;
/// Pairs below both of these are not reported.
const MIN_SCORE: f64 = 0.05;
const MIN_CONTAINMENT: f64 = 0.1;
/// A shared passage this short is a common phrase, not reuse.
const MIN_PASSAGE_WORDS: usize = 8;
/// An LSH bucket holding more articles than this is boilerplate shared by everything: skipped.
const MAX_BUCKET: usize = 100;

/// One article's shingles: the hash at each word position, and the sorted distinct set.
struct Shingles {
    word_spans: Vec<Span>,
    sequence: Vec<u64>,
    set: Vec<u64>,
}

fn shingles(doc: &Document) -> Shingles {
    let text = &doc.article.text;
    // A shingle is hashed when its last word comes: the article's words are not all kept. Prose
    // has a word in five or six bytes.
    let mut word_spans = Vec::with_capacity(text.len() / 5 + 1);
    let mut sequence = Vec::with_capacity(word_spans.capacity());
    let mut window = VecDeque::with_capacity(SHINGLE_WORDS + 1);
    for word in each_word(text, Span::new(0, text.len())) {
        word_spans.push(word.span);
        window.push_back(word.folded);
        if window.len() > SHINGLE_WORDS {
            window.pop_front();
        }
        if window.len() == SHINGLE_WORDS {
            sequence.push(window.iter().fold(FNV_OFFSET, |hash, w| fnv1a(fnv1a(hash, w.as_bytes()), b" ")));
        }
    }
    let mut set = sequence.clone();
    set.sort_unstable();
    set.dedup();
    Shingles { word_spans, sequence, set }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a: a stable hash (unlike std's), so results do not change across Rust versions.
fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// SplitMix64's finalizer: turns (shingle, seed) into one of many independent hash functions.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn signature(set: &[u64]) -> Vec<u64> {
    (0..BANDS * ROWS)
        .map(|function| {
            let seed = mix(function as u64 + 1);
            set.iter().map(|&s| mix(s ^ seed)).min().unwrap_or(u64::MAX)
        })
        .collect()
}

/// Candidate pairs `(i, j)`, `i < j`: documents agreeing on all rows of at least one band.
fn lsh_candidates(signatures: &[Vec<u64>]) -> BTreeSet<(usize, usize)> {
    let mut pairs = BTreeSet::new();
    for band in 0..BANDS {
        let mut buckets: HashMap<&[u64], Vec<usize>> = HashMap::new();
        for (doc, signature) in signatures.iter().enumerate() {
            if signature[0] != u64::MAX {
                buckets.entry(&signature[band * ROWS..(band + 1) * ROWS]).or_default().push(doc);
            }
        }
        for docs in buckets.values().filter(|d| d.len() > 1 && d.len() <= MAX_BUCKET) {
            for (position, &a) in docs.iter().enumerate() {
                pairs.extend(docs[position + 1..].iter().map(|&b| (a, b)));
            }
        }
    }
    pairs
}

/// Candidate pairs `(i, j)`, `i < j`, for `shingles`: every pair of a corpus small enough that
/// comparing all pairs exactly costs less than the signatures (each article's signature hashes its
/// shingles once per MinHash function; an exact comparison merges two shingle sets), LSH otherwise.
fn candidates(shingles: &[Shingles]) -> BTreeSet<(usize, usize)> {
    let n = shingles.len();
    if n <= BANDS * ROWS {
        return (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).collect();
    }
    let signatures: Vec<Vec<u64>> = shingles.iter().map(|s| signature(&s.set)).collect();
    lsh_candidates(&signatures)
}

pub(crate) fn similar_articles(docs: &[Document]) -> Vec<ArticlePair> {
    let shingles: Vec<Shingles> = docs.iter().map(shingles).collect();
    let mut pairs: Vec<ArticlePair> = candidates(&shingles)
        .into_iter()
        .filter_map(|(i, j)| {
            // Order each pair by article id, so `a` and `b` do not depend on input order.
            let (i, j) = if docs[i].article.id <= docs[j].article.id { (i, j) } else { (j, i) };
            compare(docs, &shingles, i, j)
        })
        .collect();
    pairs.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b)));
    pairs
}

fn compare(docs: &[Document], shingles: &[Shingles], i: usize, j: usize) -> Option<ArticlePair> {
    let (x, y) = (&shingles[i], &shingles[j]);
    let common = common_count(&x.set, &y.set);
    let union = x.set.len() + y.set.len() - common;
    let smaller = x.set.len().min(y.set.len());
    if union == 0 || smaller == 0 {
        return None;
    }
    let score = common as f64 / union as f64;
    let containment = common as f64 / smaller as f64;
    if score < MIN_SCORE && containment < MIN_CONTAINMENT {
        return None;
    }
    Some(ArticlePair { a: docs[i].article.id.clone(), b: docs[j].article.id.clone(), score, containment, passages: shared_passages(x, y) })
}

/// How many values two sorted, distinct lists share: one merge pass.
fn common_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// How many places of one shingle in the other article are tried as the start of a passage.
const MAX_PLACES_PER_SHINGLE: usize = 16;

/// Maximal runs of consecutive shingles equal in both articles, greedily from the start of `a`.
fn shared_passages(a: &Shingles, b: &Shingles) -> Vec<SharedPassage> {
    let mut positions_in_b: HashMap<u64, Vec<usize>> = HashMap::new();
    for (position, &hash) in b.sequence.iter().enumerate() {
        positions_in_b.entry(hash).or_default().push(position);
    }
    let mut passages = Vec::new();
    let mut i = 0;
    while i < a.sequence.len() {
        // Only the first few places of a shingle that `b` repeats: every place costs a run
        // comparison, and an article repeating one passage many times made this quadratic.
        let run = positions_in_b
            .get(&a.sequence[i])
            .into_iter()
            .flat_map(|positions| positions.iter().take(MAX_PLACES_PER_SHINGLE))
            .map(|&j| (j, run_length(&a.sequence[i..], &b.sequence[j..])))
            .max_by_key(|&(j, length)| (length, std::cmp::Reverse(j)));
        match run {
            Some((j, shingle_count)) => {
                let word_count = shingle_count + SHINGLE_WORDS - 1;
                if word_count >= MIN_PASSAGE_WORDS {
                    passages.push(SharedPassage {
                        a: Span::new(a.word_spans[i].start, a.word_spans[i + word_count - 1].end),
                        b: Span::new(b.word_spans[j].start, b.word_spans[j + word_count - 1].end),
                        words: word_count,
                    });
                }
                i += shingle_count;
            }
            None => i += 1,
        }
    }
    passages
}

fn run_length(a: &[u64], b: &[u64]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}
