//! The tagger: hashed weights per BIO tag, tag transitions, and Viterbi decoding.
//!
//! Binary format (little-endian), written by the `train` feature; a file holds the first-pass and
//! the second-pass model one after the other, each as:
//! `"TNER"`, version `1`, hash bits, tag count, `0`; transitions `(tags + 1) × tags` as i16 (the last
//! row scores the first tag); row count u32; then per non-zero row of the table: the bucket as a
//! varint delta from the previous row's bucket, and one i8 weight per tag.
use super::EntityKind;
use std::hint::select_unpredictable;

pub const KINDS: [EntityKind; 4] = [EntityKind::Person, EntityKind::Organization, EntityKind::Location, EntityKind::Misc];
/// Tag 0 is O; for kind `k`, `1 + 2k` is B and `2 + 2k` is I.
pub const N_TAGS: usize = 1 + 2 * KINDS.len();
// `Model::add_scores` is written out for nine tags.
const _: () = assert!(N_TAGS == 9);
const MAGIC: &[u8; 4] = b"TNER";
const VERSION: u8 = 1;

#[cfg(feature = "train")]
pub fn begin_tag(kind: usize) -> usize {
    1 + 2 * kind
}

/// The entity kind of a tag, and whether the tag continues an entity.
pub fn tag_kind(tag: usize) -> Option<(usize, bool)> {
    (tag > 0).then(|| ((tag - 1) / 2, tag.is_multiple_of(2)))
}

/// BIO's rule: an I tag only continues its own kind.
fn allowed(previous: Option<usize>, tag: usize) -> bool {
    match tag_kind(tag) {
        Some((kind, true)) => previous.is_some_and(|p| tag_kind(p).is_some_and(|(k, _)| k == kind)),
        _ => true,
    }
}

pub struct Model {
    pub bits: u32,
    /// The table's rows with a non-zero weight, by bucket (about a quarter of its `1 << bits`),
    /// so that reading the model costs what the file holds, not the whole table.
    rows: Vec<(u32, [i8; N_TAGS])>,
    /// Already masked (see [`mask_transitions`]). Integers, so that a path's score is exact however
    /// long the sentence (the quantized weights are integers too).
    transitions: Transitions<i32>,
}

impl Model {
    /// All models stored one after the other in a file.
    pub fn all_from_bytes(bytes: &[u8]) -> Result<Vec<Model>, String> {
        let mut reader = Reader { bytes, at: 0 };
        let mut models = Vec::new();
        while reader.at < bytes.len() {
            models.push(Model::read(&mut reader)?);
        }
        Ok(models)
    }

    fn read(reader: &mut Reader) -> Result<Model, String> {
        if reader.take(4)? != MAGIC || reader.byte()? != VERSION {
            return Err("not a version 1 NER model".into());
        }
        let bits = u32::from(reader.byte()?);
        if !(8..=24).contains(&bits) || usize::from(reader.byte()?) != N_TAGS {
            return Err("unsupported hash size or tag set".into());
        }
        reader.byte()?;
        let transitions = (0..(N_TAGS + 1) * N_TAGS)
            .map(|_| reader.take(2).map(|b| i32::from(i16::from_le_bytes([b[0], b[1]]))))
            .collect::<Result<Vec<_>, _>>()?;
        let row_count = u32::from_le_bytes(reader.take(4)?.try_into().map_err(|_| "bad row count")?) as usize;
        let mut rows = Vec::with_capacity(row_count.min(1 << bits));
        let mut bucket = 0usize;
        for row in 0..row_count {
            bucket += reader.varint()? + usize::from(row > 0);
            if bucket >= 1 << bits {
                return Err("bucket out of range".into());
            }
            let weights = reader.take(N_TAGS)?;
            rows.push((bucket as u32, std::array::from_fn(|tag| weights[tag] as i8)));
        }
        Ok(Model { bits, rows, transitions: mask_transitions(&transitions) })
    }

    /// Adds the weights of the feature buckets to `sums`: the reference the tagger's packed,
    /// cached sums are checked against in debug builds.
    pub fn add_scores(&self, buckets: &[u32], sums: &mut [i32; N_TAGS]) {
        for bucket in buckets {
            if let Ok(at) = self.rows.binary_search_by_key(bucket, |&(b, _)| b) {
                sums.iter_mut().zip(self.rows[at].1).for_each(|(sum, weight)| *sum += i32::from(weight));
            }
        }
    }

    /// The rows of the weight table with a non-zero weight, by bucket (the tagger repacks them).
    pub fn rows(&self) -> &[(u32, [i8; N_TAGS])] {
        &self.rows
    }

    /// The best tag sequence given each token's summed weights, for tokens that are the whole
    /// sentence or, where `run` says so, come after or before a token tagged O.
    pub fn decode<'d, E: Copy + Into<i32>>(&self, scores: &[[E; N_TAGS]], run: Run, decoder: &'d mut Decoder<i32>) -> &'d [usize] {
        decoder.best_path(scores, &self.transitions, run)
    }
}

/// A path score: floats while training, integers when tagging with the quantized model.
pub trait Score: Copy + PartialOrd + std::ops::Add<Output = Self> {
    /// The score of a transition BIO forbids: below any path's, and safe to add to another.
    const FORBIDDEN: Self;
    fn compare(&self, other: &Self) -> std::cmp::Ordering;

    /// One Viterbi step: each tag's best path score over the predecessors' `best` (which
    /// predecessor gave it is found again for the best path's tags alone, see [`best_predecessor`]).
    fn step(best: &[Self; N_TAGS], transition: &Transitions<Self>) -> [Self; N_TAGS] {
        scalar_step(best, transition)
    }

    /// A step's scores, shifted alike where the type could overflow along a long sentence (which
    /// changes no comparison between them).
    fn renormalized(best: [Self; N_TAGS]) -> [Self; N_TAGS] {
        best
    }
}

/// [`Score::step`], one tag and predecessor at a time, trying only the transitions BIO allows: O
/// and B- may follow any tag, so those five are found together in one pass over the predecessors;
/// I-x follows B-x or I-x. Fixed loops over constant tags, unrolled; selections rather than
/// branches, which the processor could not predict.
fn scalar_step<S: Score>(best: &[S; N_TAGS], transition: &Transitions<S>) -> [S; N_TAGS] {
    let mut top = *best;
    for tag in AFTER_ANY {
        top[tag] = best[0] + transition[0][tag];
    }
    for previous in 1..N_TAGS {
        for tag in AFTER_ANY {
            let score = best[previous] + transition[previous][tag];
            top[tag] = select_unpredictable(score > top[tag], score, top[tag]);
        }
    }
    for tag in INSIDE {
        let (begin, inside) = (best[tag - 1] + transition[tag - 1][tag], best[tag] + transition[tag][tag]);
        top[tag] = select_unpredictable(inside > begin, inside, begin);
    }
    top
}

/// The tag before `tag` on the best path, given the scores `best` of the tags before: the first
/// of equals, as [`Score::step`] would have kept for every tag (transitions BIO forbids never win).
fn best_predecessor<S: Score>(best: &[S; N_TAGS], transition: &Transitions<S>, tag: usize) -> usize {
    let mut top = (0, best[0] + transition[0][tag]);
    for previous in 1..N_TAGS {
        let score = best[previous] + transition[previous][tag];
        if score > top.1 {
            top = (previous, score);
        }
    }
    top.0
}

impl Score for f32 {
    const FORBIDDEN: f32 = f32::NEG_INFINITY;
    fn compare(&self, other: &f32) -> std::cmp::Ordering {
        self.total_cmp(other)
    }
}

impl Score for i32 {
    // Far below any step's scores once renormalized, and twice it cannot overflow.
    const FORBIDDEN: i32 = i32::MIN / 4;
    fn compare(&self, other: &i32) -> std::cmp::Ordering {
        self.cmp(other)
    }

    /// Each step's scores less O's: a step adds one transition and one emission of 16 bits each,
    /// so the scores of the tags BIO allows stay within a few hundred thousand of O's however long
    /// the sentence, and the forbidden far below.
    fn renormalized(best: [i32; N_TAGS]) -> [i32; N_TAGS] {
        best.map(|score| score - best[0])
    }

    /// Four tags a SIMD instruction, every transition tried (those BIO forbids are masked far
    /// below any other): the compiler does not vectorize the scalar step for wasm.
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    fn step(best: &[i32; N_TAGS], transition: &Transitions<i32>) -> [i32; N_TAGS] {
        use std::arch::wasm32::{i32x4, i32x4_add, i32x4_extract_lane, i32x4_max, i32x4_splat, v128};
        // The nine tags in lanes, four to a vector (the last three lanes unused).
        let lanes = |t: &[i32; N_TAGS]| [i32x4(t[0], t[1], t[2], t[3]), i32x4(t[4], t[5], t[6], t[7]), i32x4(t[8], 0, 0, 0)];
        let start = i32x4_splat(best[0]);
        let mut top = lanes(&transition[0]).map(|transition| i32x4_add(start, transition));
        for (previous, &best) in best.iter().enumerate().skip(1) {
            let (best, transitions) = (i32x4_splat(best), lanes(&transition[previous]));
            for (top, transition) in top.iter_mut().zip(transitions) {
                *top = i32x4_max(*top, i32x4_add(best, transition));
            }
        }
        let [a, b, c]: [v128; 3] = top;
        let top = [
            i32x4_extract_lane::<0>(a),
            i32x4_extract_lane::<1>(a),
            i32x4_extract_lane::<2>(a),
            i32x4_extract_lane::<3>(a),
            i32x4_extract_lane::<0>(b),
            i32x4_extract_lane::<1>(b),
            i32x4_extract_lane::<2>(b),
            i32x4_extract_lane::<3>(b),
            i32x4_extract_lane::<0>(c),
        ];
        debug_assert_eq!(top, scalar_step(best, transition), "SIMD and scalar Viterbi steps differ");
        top
    }
}

/// Transition scores `[from][to]`; row `N_TAGS` scores the first tag of a sentence.
pub type Transitions<S> = [[S; N_TAGS]; N_TAGS + 1];

/// `transitions` (flat, row after row) with those BIO forbids set to [`Score::FORBIDDEN`], once,
/// rather than a check per pair and token.
pub fn mask_transitions<S: Score>(transitions: &[S]) -> Transitions<S> {
    std::array::from_fn(|from| std::array::from_fn(|to| if allowed((from < N_TAGS).then_some(from), to) { transitions[from * N_TAGS + to] } else { S::FORBIDDEN }))
}

/// Where a stretch of tokens to decode lies in its sentence: whether a token tagged O comes just
/// before it (else it starts the sentence) and just after it (else it ends the sentence). Decoding
/// the stretches between tokens known to be O one by one gives the tags decoding the whole
/// sentence would with those tokens held at O.
#[derive(Clone, Copy, Default)]
pub struct Run {
    pub after_outside: bool,
    pub before_outside: bool,
}

/// Highest-scoring path under masked `transitions`.
/// Emission scores may be of a narrower type than the path's (`i16` sums, `i32` paths).
#[cfg(any(test, feature = "train"))]
pub fn viterbi<S: Score, E: Copy + Into<S>>(emissions: &[[E; N_TAGS]], transitions: &Transitions<S>, run: Run) -> Vec<usize> {
    Decoder::default().best_path(emissions, transitions, run).to_vec()
}

/// Viterbi's scores per token and path, kept from one call to the next, so that decoding the many
/// short stretches of a document allocates nothing.
pub struct Decoder<S> {
    /// Per token but the last, each tag's best path score up to it.
    best: Vec<[S; N_TAGS]>,
    path: Vec<usize>,
}

impl<S> Default for Decoder<S> {
    fn default() -> Self {
        Decoder { best: Vec::new(), path: Vec::new() }
    }
}

impl<S: Score> Decoder<S> {
    /// [`viterbi`]'s path, in the decoder's space.
    pub fn best_path<E: Copy + Into<S>>(&mut self, emissions: &[[E; N_TAGS]], transition: &Transitions<S>, run: Run) -> &[usize] {
        let Decoder { best, path } = self;
        best.clear();
        path.clear();
        let Some((first, rest)) = emissions.split_first() else { return path };
        let start = if run.after_outside { 0 } else { N_TAGS };
        let mut last: [S; N_TAGS] = std::array::from_fn(|tag| transition[start][tag] + first[tag].into());
        for scores in rest {
            best.push(last);
            let top = S::step(&last, transition);
            // The emission is the same for every predecessor: added once, to the best.
            last = S::renormalized(std::array::from_fn(|tag| top[tag] + scores[tag].into()));
        }
        if run.before_outside {
            last = std::array::from_fn(|tag| last[tag] + transition[tag][0]);
        }
        let Some(mut tag) = (0..N_TAGS).max_by(|&a, &b| last[a].compare(&last[b])) else { return path };
        path.resize(emissions.len(), 0);
        for (i, before) in best.iter().enumerate().rev() {
            path[i + 1] = tag;
            tag = best_predecessor(before, transition, tag);
        }
        path[0] = tag;
        path
    }
}

/// The tags that may follow any tag (O and the B- tags), and the I- tags, which follow only the
/// B- tag before them in [`KINDS`] order and themselves: Viterbi need not try the transitions BIO
/// forbids (whose masked scores never win).
const AFTER_ANY: [usize; 5] = [0, 1, 3, 5, 7];
const INSIDE: [usize; 4] = [2, 4, 6, 8];

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let slice = self.bytes.get(self.at..self.at + n).ok_or("model file is truncated")?;
        self.at += n;
        Ok(slice)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn varint(&mut self) -> Result<usize, String> {
        let mut value = 0usize;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            value |= usize::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err("bad varint in model file".into())
    }
}

/// Quantizes float weights (emissions `(1 << bits) × N_TAGS`, transitions as in [`viterbi`]) into
/// the binary format.
#[cfg(feature = "train")]
pub fn encode(bits: u32, emissions: &[f32], transitions: &[f32]) -> Vec<u8> {
    let max = emissions.iter().fold(0f32, |m, w| m.max(w.abs())).max(f32::EPSILON);
    let scale = 127.0 / max;
    let quantize = |w: f32| (w * scale).round().clamp(-127.0, 127.0) as i8;
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&[VERSION, bits as u8, N_TAGS as u8, 0]);
    for &w in transitions {
        out.extend_from_slice(&((w * scale).round().clamp(-32767.0, 32767.0) as i16).to_le_bytes());
    }
    let rows: Vec<(usize, [i8; N_TAGS])> = emissions
        .chunks_exact(N_TAGS)
        .map(|row| std::array::from_fn(|t| quantize(row[t])))
        .enumerate()
        .filter(|(_, row): &(usize, [i8; N_TAGS])| row.iter().any(|&w| w != 0))
        .collect();
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let mut previous: Option<usize> = None;
    for (bucket, row) in rows {
        let mut delta = previous.map_or(bucket, |p| bucket - p - 1);
        previous = Some(bucket);
        loop {
            let byte = (delta & 0x7f) as u8;
            delta >>= 7;
            out.push(if delta > 0 { byte | 0x80 } else { byte });
            if delta == 0 {
                break;
            }
        }
        out.extend(row.iter().map(|&w| w as u8));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_tries_exactly_the_transitions_bio_allows() {
        for tag in 0..N_TAGS {
            for previous in 0..N_TAGS {
                let tried = AFTER_ANY.contains(&tag) || (INSIDE.contains(&tag) && (previous == tag - 1 || previous == tag));
                assert_eq!(tried, allowed(Some(previous), tag), "{previous} → {tag}");
            }
        }
    }

    /// Viterbi over every transition, each tag's predecessor the first of equals: what the
    /// decoder must return, ties included.
    fn viterbi_over_all_transitions(emissions: &[[i32; N_TAGS]], transitions: &[i32], run: Run) -> Vec<usize> {
        // In 64 bits, with no renormalization.
        let transitions: Vec<i64> = transitions.iter().map(|&t| i64::from(t)).collect();
        let emissions: Vec<[i64; N_TAGS]> = emissions.iter().map(|e| e.map(i64::from)).collect();
        let start = if run.after_outside { 0 } else { N_TAGS };
        let mut best: Vec<i64> = (0..N_TAGS).map(|tag| transitions[start * N_TAGS + tag] + emissions[0][tag]).collect();
        let mut back = vec![vec![0; N_TAGS]];
        for scores in &emissions[1..] {
            let mut from = vec![0; N_TAGS];
            let mut next = vec![0; N_TAGS];
            for tag in 0..N_TAGS {
                let mut top = (best[0] + transitions[tag], 0);
                for previous in 1..N_TAGS {
                    let score = best[previous] + transitions[previous * N_TAGS + tag];
                    if score > top.0 {
                        top = (score, previous);
                    }
                }
                (next[tag], from[tag]) = (top.0 + scores[tag], top.1);
            }
            best = next;
            back.push(from);
        }
        if run.before_outside {
            best = (0..N_TAGS).map(|tag| best[tag] + transitions[tag * N_TAGS]).collect();
        }
        let mut tag = (0..N_TAGS).max_by(|&a, &b| best[a].cmp(&best[b])).unwrap();
        let mut path = vec![0; emissions.len()];
        for i in (0..emissions.len()).rev() {
            path[i] = tag;
            tag = back[i][tag];
        }
        path
    }

    /// Integers in `-range..=range` from a fixed seed (xorshift): random cases that repeat.
    fn random_ints(seed: u64) -> impl FnMut(i32) -> i32 {
        let mut state = seed;
        move |range| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % (2 * range as u64 + 1)) as i32 - range
        }
    }

    #[test]
    fn viterbi_picks_the_path_and_breaks_ties_as_a_search_of_every_transition() {
        // One decoder for every case, as the tagger reuses it: a longer stretch's leftovers must
        // not leak into a shorter one's path.
        let mut decoder = Decoder::default();
        let mut random = random_ints(0x9e37_79b9_7f4a_7c15u64);
        for case in 0..2000 {
            // Small ranges make ties common.
            let range = if case % 2 == 0 { 3 } else { 1000 };
            let transitions = mask_transitions(&(0..(N_TAGS + 1) * N_TAGS).map(|_| random(range)).collect::<Vec<i32>>());
            let emissions: Vec<[i32; N_TAGS]> = (0..1 + case % 9).map(|_| std::array::from_fn(|_| random(range))).collect();
            let run = Run { after_outside: case % 3 == 0, before_outside: case % 5 == 0 };
            assert_eq!(decoder.best_path(&emissions, &transitions, run), viterbi_over_all_transitions(&emissions, transitions.as_flattened(), run), "case {case}");
        }
    }

    #[test]
    fn decoding_the_runs_between_held_tokens_scores_as_decoding_the_sentence_with_them_held_at_o() {
        let mut random = random_ints(0x2545_f491_4f6c_dd1du64);
        for case in 0..500 {
            let transitions = mask_transitions(&(0..(N_TAGS + 1) * N_TAGS).map(|_| random(1000)).collect::<Vec<i32>>());
            let len = 1 + case % 12;
            let emissions: Vec<[i32; N_TAGS]> = (0..len).map(|_| std::array::from_fn(|_| random(1000))).collect();
            let held: Vec<bool> = (0..len).map(|_| random(1) == 0).collect();
            let forced: Vec<[i32; N_TAGS]> = emissions.iter().zip(&held).map(|(e, &h)| if h { std::array::from_fn(|t| if t == 0 { e[0] } else { -100_000 }) } else { *e }).collect();
            let whole = viterbi(&forced, &transitions, Run::default());
            let mut by_runs = vec![0; len];
            let mut i = 0;
            while i < len {
                let end = (i..len).find(|&j| held[j]).unwrap_or(len);
                if i < end {
                    let run = Run { after_outside: i > 0, before_outside: end < len };
                    by_runs[i..end].copy_from_slice(&viterbi(&emissions[i..end], &transitions, run));
                }
                i = end + 1;
            }
            // Equal scores: paths that tie may differ.
            let score = |path: &[usize]| (0..len).map(|i| forced[i][path[i]] + transitions[if i == 0 { N_TAGS } else { path[i - 1] }][path[i]]).sum::<i32>();
            assert_eq!(score(&by_runs), score(&whole), "case {case}: held {held:?}, {by_runs:?} vs {whole:?}");
        }
    }

    #[test]
    fn integer_scores_stay_exact_in_a_sentence_too_long_for_floats() {
        // A million tokens: past 2^24 a float sum absorbs the one point by which O beats B-PER
        // at the last token, and the tie went to the later tag.
        let transitions = mask_transitions(&[0i32; (N_TAGS + 1) * N_TAGS]);
        let mut emissions = vec![[0i32; N_TAGS]; 1_000_000];
        for scores in &mut emissions {
            scores[0] = 100;
        }
        emissions.last_mut().unwrap()[1] = 99;
        let path = viterbi(&emissions, &transitions, Run::default());
        assert!(path.iter().all(|&tag| tag == 0), "ends with {:?}", path.last());
    }

    #[test]
    fn scores_stay_exact_in_a_sentence_whose_path_sums_overflow_32_bits() {
        // O's path gains the highest emission a token: past i32 after 65,538 tokens, which
        // renormalizing each step keeps the scores from.
        let transitions = mask_transitions(&[0i32; (N_TAGS + 1) * N_TAGS]);
        let mut emissions = vec![[0i16; N_TAGS]; 100_000];
        for scores in &mut emissions {
            scores[0] = i16::MAX;
        }
        emissions.last_mut().unwrap()[1] = i16::MAX - 1;
        let path = viterbi(&emissions, &transitions, Run::default());
        assert!(path.iter().all(|&tag| tag == 0), "ends with {:?}", path.last());
    }
}
