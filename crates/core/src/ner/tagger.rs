//! Runs the embedded model over a document and turns BIO tags into mentions.
use super::features::{sentence_token_ranges, DocFeatures, WordCache};
use super::model::{tag_kind, Model, KINDS, N_TAGS};
use super::{EntityKind, Mention};
use crate::text::Token;
use crate::Span;
use std::cell::RefCell;
use std::sync::OnceLock;

static MODEL_BYTES: &[u8] = include_bytes!("../../model/ner.bin");

/// Both passes' weights side by side, only for the buckets where either is non-zero: one lookup
/// per shared feature instead of two, into one table of the non-zero rows rather than two of
/// 2.4 MB, so that more of the lookups hit the cache. Sums are the same as [`Model::add_scores`]'s
/// (checked in debug builds).
struct Weights {
    /// Per 64 buckets: which of them have a row, and how many rows come before the first.
    index: Vec<(u64, u32)>,
    /// Row 0 all zeros for every absent bucket; then per stored bucket the first model's weight
    /// per tag, then the second's (see [`pack`]).
    rows: Vec<PackedRow>,
}

/// One row of [`Weights`]: each weight plus 128 as a byte (so that adding bytes never borrows
/// from the next), eight to a word, the 6 bytes past the 18 weights zero.
type PackedRow = [u64; 3];
const EVEN_BYTES: u64 = 0x00FF_00FF_00FF_00FF;
/// Rows whose biased bytes still fit 16 bits when summed (255 × 257 ≤ 65,535).
const MAX_ROWS_SUMMED: usize = 257;

fn pack(weights: [i8; 2 * N_TAGS]) -> PackedRow {
    let mut bytes = [0u8; 24];
    for (byte, weight) in bytes.iter_mut().zip(weights) {
        *byte = (i16::from(weight) + 128) as u8;
    }
    std::array::from_fn(|word| u64::from_le_bytes(std::array::from_fn(|k| bytes[word * 8 + k])))
}

impl Weights {
    fn new([first, second]: &[Model; 2]) -> Weights {
        let (a, b) = (first.emissions(), second.emissions());
        let buckets = a.len().min(b.len()) / N_TAGS;
        let mut index = Vec::with_capacity(buckets.div_ceil(64));
        let mut rows = vec![pack([0; 2 * N_TAGS])];
        for block in 0..buckets.div_ceil(64) {
            let mut present = 0u64;
            let before = rows.len() as u32;
            for bucket in block * 64..(block * 64 + 64).min(buckets) {
                let (x, y) = (&a[bucket * N_TAGS..][..N_TAGS], &b[bucket * N_TAGS..][..N_TAGS]);
                if x.iter().chain(y).any(|&w| w != 0) {
                    present |= 1 << (bucket % 64);
                    rows.push(pack(std::array::from_fn(|k| if k < N_TAGS { x[k] } else { y[k - N_TAGS] })));
                }
            }
            index.push((present, before));
        }
        Weights { index, rows }
    }

    /// The place of `bucket`'s row in `rows` (row 0, all zeros, where both are zero or the bucket
    /// is out of range). Without a branch on whether the row is stored, which would be
    /// mispredicted about every other time and keep the processor from overlapping the cache
    /// misses of many lookups.
    #[inline]
    fn row_number(&self, bucket: u32) -> usize {
        let (present, before) = self.index.get((bucket / 64) as usize).copied().unwrap_or((0, 0));
        let bit = 1u64 << (bucket % 64);
        let at = before as usize + (present & (bit - 1)).count_ones() as usize;
        if present & bit != 0 { at } else { 0 }
    }

    /// Both models' weights summed over the rows at `at`: four weights a 64-bit addition (odd and
    /// even bytes apart, in 16-bit lanes), which matters where there is no SIMD (wasm).
    fn sum_rows(&self, at: impl ExactSizeIterator<Item = usize>) -> BothSums {
        let count = at.len();
        debug_assert!(count <= MAX_ROWS_SUMMED, "{count} rows overflow a lane");
        let (mut even, mut odd) = ([0u64; 3], [0u64; 3]);
        for row in at.map(|at| &self.rows[at]) {
            for word in 0..3 {
                even[word] += row[word] & EVEN_BYTES;
                odd[word] += (row[word] >> 8) & EVEN_BYTES;
            }
        }
        std::array::from_fn(|k| {
            let (word, byte) = (k / 8, k % 8);
            let lanes = if byte % 2 == 0 { even[word] } else { odd[word] };
            ((lanes >> (16 * (byte / 2))) & 0xFFFF) as i32 - 128 * count as i32
        })
    }

    /// Adds the first and the second model's weights over `buckets` to `sums`, side by side.
    fn add_both_scores<const N: usize>(&self, buckets: &[u32; N], sums: &mut BothSums) {
        // All row numbers first, then the rows: the loads of the second loop wait on nothing, so
        // the processor overlaps their cache misses (the stall that dominated this pass).
        let at: [usize; N] = std::array::from_fn(|k| self.row_number(buckets[k]));
        for (sum, add) in sums.iter_mut().zip(self.sum_rows(at.into_iter())) {
            *sum += add;
        }
    }

    /// Adds the second model's weights over `buckets` to `sums`.
    fn add_second_scores(&self, buckets: &[u32], sums: &mut [i32; N_TAGS]) {
        let both = self.sum_rows(buckets.iter().map(|&bucket| self.row_number(bucket)));
        for (sum, add) in sums.iter_mut().zip(&both[N_TAGS..]) {
            *sum += add;
        }
    }
}

/// Both models' score per tag: the first model's `N_TAGS`, then the second's.
type BothSums = [i32; 2 * N_TAGS];

/// The embedded models with their shared weight table.
fn tagger() -> Option<&'static ([Model; 2], Weights)> {
    static TAGGER: OnceLock<Option<([Model; 2], Weights)>> = OnceLock::new();
    TAGGER
        .get_or_init(|| {
            let models: [Model; 2] = Model::all_from_bytes(MODEL_BYTES).ok()?.try_into().ok()?;
            // Both passes read the same feature buckets.
            if models[0].bits != models[1].bits {
                return None;
            }
            let weights = Weights::new(&models);
            Some((models, weights))
        })
        .as_ref()
}

pub fn tag_mentions(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Mention> {
    let Some(([first, second], weights)) = tagger() else { return Vec::new() };
    let mut doc = DocFeatures::new(text, tokens, sentence_token_ranges(tokens, sentences));
    let bits = first.bits;
    // Both passes' sums over the features they share, in one walk over the table; the sums over
    // a word's own features once per word form.
    thread_local! {
        static WORD_SUMS: RefCell<WordCache<BothSums>> = const { RefCell::new(WordCache::new()) };
    }
    let mut base_scores: Vec<BothSums> = vec![[0; 2 * N_TAGS]; tokens.len()];
    WORD_SUMS.with_borrow_mut(|word_sums| {
        for (s, range) in doc.sentences.iter().enumerate() {
            for i in range.clone() {
                let mut sums = word_sums.get(doc.word_key(i), || {
                    let mut sums = [0; 2 * N_TAGS];
                    weights.add_both_scores(&doc.word_features(i, bits), &mut sums);
                    sums
                });
                let context = doc.context_features(s, i, bits);
                weights.add_both_scores(&context, &mut sums);
                debug_assert!(
                    [first, second].iter().enumerate().all(|(n, model)| {
                        let mut expected = [0; N_TAGS];
                        model.add_scores(&[&doc.word_features(i, bits)[..], &context].concat(), &mut expected);
                        expected[..] == sums[n * N_TAGS..][..N_TAGS]
                    }),
                    "the packed weights disagree with the models'"
                );
                base_scores[i] = sums;
            }
        }
    });
    let pass_scores = |i: usize, pass: usize| -> [i32; N_TAGS] { std::array::from_fn(|k| base_scores[i][pass * N_TAGS + k]) };
    let mut scores: Vec<[i32; N_TAGS]> = Vec::new();
    let mut first_tags = vec![0; tokens.len()];
    for range in &doc.sentences {
        scores.clear();
        scores.extend(range.clone().map(|i| pass_scores(i, 0)));
        first_tags[range.clone()].copy_from_slice(&first.decode(&scores));
    }
    doc.set_first_pass(first_tags);
    let mut mentions = Vec::new();
    let mut buffer = Vec::new();
    for (s, range) in doc.sentences.iter().enumerate() {
        scores.clear();
        scores.extend(range.clone().map(|i| {
            let mut sums = pass_scores(i, 1);
            buffer.clear();
            doc.pass_features(s, i, second.bits, &mut buffer);
            weights.add_second_scores(&buffer, &mut sums);
            sums
        }));
        mentions.extend(decode(tokens, range.start, &second.decode(&scores)));
    }
    join_name_particles(text, tokens, mentions)
}

/// Lowercase particles inside names, which the tagger (trained on little such data) may leave out.
const NAME_PARTICLES: &[&str] = &["von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn", "al", "dos", "das"];
/// Particles found only in people's names, so that they make a person of any two names they join.
const PERSON_PARTICLES: &[&str] = &["von", "van", "der", "den", "bin", "ibn"];

/// "Ursula" + "von der" + "Leyen" → one person "Ursula von der Leyen", whatever kinds the tagger
/// gave the parts alone.
fn join_name_particles(text: &str, tokens: &[Token], mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mention in mentions {
        let joined = out.last_mut().filter(|last| {
            let between = &tokens[last.end_token.min(mention.first_token)..mention.first_token];
            let all_in = |list: &[&str]| between.iter().all(|t| list.contains(&t.text(text)));
            (1..=3).contains(&between.len())
                && (all_in(PERSON_PARTICLES) || (all_in(NAME_PARTICLES) && (last.kind == EntityKind::Person || mention.kind == EntityKind::Person)))
        });
        match joined {
            Some(last) => {
                last.kind = EntityKind::Person;
                last.end_token = mention.end_token;
                last.span.end = mention.span.end;
            }
            None => out.push(mention),
        }
    }
    out
}

/// Mentions from the BIO tags of the tokens from `offset` on.
fn decode(tokens: &[Token], offset: usize, tags: &[usize]) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = Vec::new();
    let mut open = false;
    for (i, &tag) in tags.iter().enumerate() {
        let index = offset + i;
        match tag_kind(tag) {
            Some((kind, true)) if open && mentions.last().is_some_and(|m| m.kind == KINDS[kind]) => {
                if let Some(last) = mentions.last_mut() {
                    last.end_token = index + 1;
                    last.span.end = tokens[index].span.end;
                }
            }
            Some((kind, _)) => {
                mentions.push(Mention { kind: KINDS[kind], span: tokens[index].span, first_token: index, end_token: index + 1 });
                open = true;
            }
            None => open = false,
        }
    }
    mentions
}
