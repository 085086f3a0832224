//! Runs the embedded model over a document and turns BIO tags into mentions.
use super::features::{sentence_token_ranges, Cache, DocFeatures, Neighbour};
use super::model::{tag_kind, Decoder, Model, Run, KINDS, N_TAGS};
use super::lexicon::{NAME_PARTICLES, PERSON_PARTICLES};
use super::{EntityKind, Mention};
use crate::text::Token;
use crate::Span;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

static MODEL_BYTES: &[u8] = include_bytes!("../../model/ner.bin");

/// Both passes' weights side by side, only for the buckets where either is non-zero: one lookup
/// per shared feature instead of two, into one table of the non-zero rows, small enough that
/// more of the lookups hit the cache. Sums are the same as [`Model::add_scores`]'s
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
        let buckets = 1usize << first.bits.min(second.bits);
        let mut index = vec![(0u64, 0u32); buckets.div_ceil(64)];
        let mut rows = vec![pack([0; 2 * N_TAGS])];
        // Both models' rows, merged by bucket.
        let (mut a, mut b) = (first.rows().iter().peekable(), second.rows().iter().peekable());
        while let Some(bucket) = [a.peek(), b.peek()].into_iter().flatten().map(|&&(bucket, _)| bucket).min() {
            let x = a.next_if(|row| row.0 == bucket).map_or([0; N_TAGS], |row| row.1);
            let y = b.next_if(|row| row.0 == bucket).map_or([0; N_TAGS], |row| row.1);
            if bucket as usize >= buckets || x.iter().chain(&y).all(|&w| w == 0) {
                continue;
            }
            index[bucket as usize / 64].0 |= 1 << (bucket % 64);
            rows.push(pack(std::array::from_fn(|k| if k < N_TAGS { x[k] } else { y[k - N_TAGS] })));
        }
        let mut before = 1;
        for (present, first_row) in &mut index {
            *first_row = before;
            before += present.count_ones();
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
    /// even bytes apart, in 16-bit lanes).
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    fn sum_rows(&self, at: &[usize]) -> Sums {
        const EVEN_BYTES: u64 = 0x00FF_00FF_00FF_00FF;
        debug_assert!(at.len() <= MAX_ROWS_SUMMED, "{} rows overflow a lane", at.len());
        let (mut even, mut odd) = ([0u64; 3], [0u64; 3]);
        for row in at.iter().map(|&at| &self.rows[at]) {
            for word in 0..3 {
                even[word] += row[word] & EVEN_BYTES;
                odd[word] += (row[word] >> 8) & EVEN_BYTES;
            }
        }
        std::array::from_fn(|k| {
            let (word, byte) = (k / 8, k % 8);
            let lanes = if byte % 2 == 0 { even[word] } else { odd[word] };
            (((lanes >> (16 * (byte / 2))) & 0xFFFF) as i32 - 128 * at.len() as i32) as i16
        })
    }

    /// Both models' weights summed over the rows at `at`: each row's bytes widened to 16-bit
    /// lanes, eight an addition, the bias taken off at the end (in 16-bit arithmetic, which wraps
    /// back to the sum).
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    fn sum_rows(&self, at: &[usize]) -> Sums {
        use std::arch::wasm32::{i16x8_add, i16x8_splat, i16x8_sub, u16x8_extend_high_u8x16, u16x8_extend_low_u8x16, u64x2};
        debug_assert!(at.len() <= MAX_ROWS_SUMMED, "{} rows overflow a lane", at.len());
        let mut lanes = [i16x8_splat(0); 3];
        for row in at.iter().map(|&at| &self.rows[at]) {
            let (first, last) = (u64x2(row[0], row[1]), u64x2(row[2], 0));
            lanes[0] = i16x8_add(lanes[0], u16x8_extend_low_u8x16(first));
            lanes[1] = i16x8_add(lanes[1], u16x8_extend_high_u8x16(first));
            lanes[2] = i16x8_add(lanes[2], u16x8_extend_low_u8x16(last));
        }
        let bias = i16x8_splat((128 * at.len()) as i16);
        simd::sums(lanes.map(|lanes| i16x8_sub(lanes, bias)))
    }

    /// Both models' weights summed over the feature `buckets` (at most [`MAX_FEATURES`]).
    fn sum(&self, buckets: &[u32]) -> Sums {
        // All row numbers first, then the rows: the loads of the second loop wait on nothing, so
        // the processor overlaps their cache misses (the stall that dominated this pass).
        let mut at = [0; MAX_FEATURES];
        for (at, &bucket) in at.iter_mut().zip(buckets) {
            *at = self.row_number(bucket);
        }
        self.sum_rows(&at[..buckets.len()])
    }
}

/// The most feature buckets [`Weights::sum`] takes at once.
const MAX_FEATURES: usize = 16;

/// Both models' scores per tag, the first model's `N_TAGS` then the second's, summed over some
/// features: 16 bits hold any sum (at most 36 features of ±128), which halves the caches.
type Sums = [i16; 2 * N_TAGS];

/// `more` added to `sums`, lane by lane (which native builds vectorize).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn add(sums: &mut Sums, more: &Sums) {
    for (sum, more) in sums.iter_mut().zip(more) {
        *sum += more;
    }
}

/// `more` added to `sums`, eight lanes an instruction: the compiler does not vectorize the loop
/// for wasm by itself, and it runs several times per token.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn add(sums: &mut Sums, more: &Sums) {
    let (a, b) = (simd::lanes(sums), simd::lanes(more));
    *sums = simd::sums([0, 1, 2].map(|k| std::arch::wasm32::i16x8_add(a[k], b[k])));
}

/// [`Sums`] to and from three vectors of eight 16-bit lanes (the last one's first two used).
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use super::Sums;
    use std::arch::wasm32::{i16x8, i16x8_extract_lane, v128};

    pub fn lanes(s: &Sums) -> [v128; 3] {
        [
            i16x8(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]),
            i16x8(s[8], s[9], s[10], s[11], s[12], s[13], s[14], s[15]),
            i16x8(s[16], s[17], 0, 0, 0, 0, 0, 0),
        ]
    }

    pub fn sums([a, b, c]: [v128; 3]) -> Sums {
        [
            i16x8_extract_lane::<0>(a),
            i16x8_extract_lane::<1>(a),
            i16x8_extract_lane::<2>(a),
            i16x8_extract_lane::<3>(a),
            i16x8_extract_lane::<4>(a),
            i16x8_extract_lane::<5>(a),
            i16x8_extract_lane::<6>(a),
            i16x8_extract_lane::<7>(a),
            i16x8_extract_lane::<0>(b),
            i16x8_extract_lane::<1>(b),
            i16x8_extract_lane::<2>(b),
            i16x8_extract_lane::<3>(b),
            i16x8_extract_lane::<4>(b),
            i16x8_extract_lane::<5>(b),
            i16x8_extract_lane::<6>(b),
            i16x8_extract_lane::<7>(b),
            i16x8_extract_lane::<0>(c),
            i16x8_extract_lane::<1>(c),
        ]
    }
}

/// The first model's scores and the second's.
fn halves(sums: &Sums) -> [[i16; N_TAGS]; 2] {
    [0, 1].map(|half| std::array::from_fn(|k| sums[half * N_TAGS + k]))
}

/// Per word form, the sums over the features that depend on it alone: its own, in a sentence in
/// lowercase and in one in capitals, and what it gives each [`Neighbour`] (in `Neighbour::ALL`
/// order) of its.
struct WordSums {
    own: [Sums; 2],
    given: [Sums; 4],
}

impl WordSums {
    fn new(doc: &DocFeatures, weights: &Weights, word: usize, bits: u32) -> WordSums {
        let own = weights.sum(&doc.word_features(word, bits));
        WordSums {
            own: [false, true].map(|caps| {
                let mut sums = own;
                add(&mut sums, &weights.sum(&[doc.caps_word_feature(word, caps, bits)]));
                sums
            }),
            given: Neighbour::ALL.map(|neighbour| given(doc, weights, neighbour, Some(word), bits)),
        }
    }
}

/// The sums over the features that `word` (`None`: beyond the sentence) gives its `neighbour`.
fn given(doc: &DocFeatures, weights: &Weights, neighbour: Neighbour, word: Option<usize>, bits: u32) -> Sums {
    let mut buckets = [0; 2];
    let count = buckets.iter_mut().zip(doc.neighbour_features(neighbour, word, bits)).map(|(slot, bucket)| *slot = bucket).count();
    weights.sum(&buckets[..count])
}

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

/// Both passes' sums, each part once per key it depends on: word forms, layouts and second-pass
/// contexts (by their hashes) recur across a thread's documents.
struct Caches {
    words: Cache<WordSums>,
    layouts: Cache<Sums>,
    contexts: Cache<[i16; N_TAGS]>,
}

pub fn tag_mentions(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Mention> {
    thread_local! {
        static CACHES: RefCell<Caches> = const { RefCell::new(Caches { words: Cache::new(), layouts: Cache::new(), contexts: Cache::new() }) };
    }
    let Some((models, weights)) = tagger() else { return Vec::new() };
    CACHES.with_borrow_mut(|caches| tag_with(models, weights, caches, text, tokens, sentences))
}

fn tag_with([first, second]: &[Model; 2], weights: &Weights, caches: &mut Caches, text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Mention> {
    let mut doc = DocFeatures::new(text, tokens, sentence_token_ranges(tokens, sentences));
    let bits = first.bits;
    let Caches { words: word_cache, layouts, contexts } = caches;
    word_cache.make_room(doc.word_count());
    layouts.make_room(tokens.len());
    contexts.make_room(tokens.len());
    let stretches = stretches_to_decode(&doc);
    // Only the words that decoded tokens are or neighbour: the others' sums would go unread.
    let mut needed = vec![false; doc.word_count()];
    for stretch in &stretches {
        let sentence = &doc.sentences[stretch.sentence];
        for i in stretch.tokens.start.saturating_sub(2).max(sentence.start)..(stretch.tokens.end + 2).min(sentence.end) {
            needed[doc.word(i)] = true;
        }
    }
    // Per word form, its sums' slot in the cache (none for the unread).
    let slots: Vec<u32> = (0..doc.word_count()).map(|w| if needed[w] { word_cache.slot(doc.word_key(w), || WordSums::new(&doc, weights, w, bits)) } else { u32::MAX }).collect();
    let words = |w: usize| &word_cache[slots[w]];
    let beyond = Neighbour::ALL.map(|neighbour| given(&doc, weights, neighbour, None, bits));
    // Tokens outside every sentence or stretch keep tag O and no scores.
    let mut first_tags = vec![0u8; tokens.len()];
    // The second pass's sums of its first-pass features, in stretch order.
    let mut second_base = Vec::with_capacity(stretches.iter().map(|stretch| stretch.tokens.len()).sum());
    let mut scores: Vec<[i16; N_TAGS]> = Vec::new();
    let mut decoder = Decoder::default();
    for &Stretch { sentence: s, tokens: ref range, run } in &stretches {
        let caps = usize::from(doc.all_caps(s));
        scores.clear();
        for i in range.clone() {
            let mut sums = words(doc.word(i)).own[caps];
            for (k, neighbour) in Neighbour::ALL.into_iter().enumerate() {
                add(&mut sums, doc.word_at(s, i, neighbour.offset()).map_or(&beyond[k], |w| &words(w).given[k]));
            }
            let layout = doc.layout(s, i);
            let slot = layouts.slot(layout.key(), || weights.sum(&layout.features(bits)));
            add(&mut sums, &layouts[slot]);
            add(&mut sums, &weights.sum(&doc.word_pair_features(s, i, bits)));
            debug_assert!(
                [first, second].iter().zip(halves(&sums)).all(|(model, sums)| {
                    let mut expected = [0; N_TAGS];
                    model.add_scores(&[&doc.word_features(doc.word(i), bits)[..], &doc.context_features(s, i, bits)].concat(), &mut expected);
                    expected == sums.map(i32::from)
                }),
                "the packed and cached weights disagree with the models'"
            );
            let [first_sums, second_sums] = halves(&sums);
            scores.push(first_sums);
            second_base.push(second_sums);
        }
        for (tag, decoded) in first_tags[range.clone()].iter_mut().zip(first.decode(&scores, run, &mut decoder)) {
            *tag = *decoded as u8;
        }
    }
    doc.set_first_pass(first_tags);
    let mut mentions = Vec::new();
    let mut second_base = second_base.into_iter();
    for &Stretch { sentence: s, tokens: ref range, run } in &stretches {
        scores.clear();
        scores.extend(range.clone().zip(second_base.by_ref()).map(|(i, mut sums)| {
            if let Some(context) = doc.pass_context(s, i) {
                let slot = contexts.slot(context.key(), || halves(&weights.sum(&context.features(bits)))[1]);
                let pass = &contexts[slot];
                debug_assert!({
                    let mut expected = [0; N_TAGS];
                    second.add_scores(&context.features(bits), &mut expected);
                    expected == pass.map(i32::from)
                });
                sums.iter_mut().zip(pass).for_each(|(sum, more)| *sum += more);
            }
            sums
        }));
        decode(tokens, range.start, second.decode(&scores, run, &mut decoder), &mut mentions);
    }
    join_name_particles(text, tokens, mentions)
}

/// Tokens of one sentence that both passes decode together.
struct Stretch {
    sentence: usize,
    tokens: Range<usize>,
    run: Run,
}

/// The stretches of each sentence that both passes decode: in text written normally, a token
/// whose word has no capital letter and is no name particle ("von"), between two such (or the
/// sentence's edge), is outside every name, and held at O rather than scored and decoded (64% of
/// the bench corpus's tokens; the model gave 27 of its 687,000 another tag, mostly lowercase words
/// inside long names: "Federal office for motor vehicles"). A sentence with no capital at all is
/// lowercase text, where capitals say nothing: decoded whole.
fn stretches_to_decode(doc: &DocFeatures) -> Vec<Stretch> {
    let mut stretches = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if !sentence.clone().any(|i| doc.has_capital(i)) {
            stretches.push(Stretch { sentence: s, tokens: sentence.clone(), run: Run::default() });
            continue;
        }
        let near_name = |i: usize| doc.may_be_in_name(i) || (i > sentence.start && doc.may_be_in_name(i - 1)) || (i + 1 < sentence.end && doc.may_be_in_name(i + 1));
        let mut i = sentence.start;
        while i < sentence.end {
            if !near_name(i) {
                i += 1;
                continue;
            }
            let end = (i..sentence.end).find(|&j| !near_name(j)).unwrap_or(sentence.end);
            stretches.push(Stretch { sentence: s, tokens: i..end, run: Run { after_outside: i > sentence.start, before_outside: end < sentence.end } });
            i = end;
        }
    }
    stretches
}

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

/// Appends to `mentions` those of the BIO tags of the tokens from `offset` on.
fn decode(tokens: &[Token], offset: usize, tags: &[usize], mentions: &mut Vec<Mention>) {
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
}
