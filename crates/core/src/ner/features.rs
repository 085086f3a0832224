//! Hashed features of each token for the sequence tagger.
//!
//! Every string a feature needs is hashed once per token ([`TokenHashes`]); a feature is then a mix
//! of a template number with one to three of those hashes, reduced to a bucket of the weight table.
//! Training and tagging share this code, so the two cannot drift apart.
use super::lexicon;
use crate::text::Token;
use crate::Span;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

fn hash_step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(PRIME)
}

pub fn hash_str(s: &str) -> u64 {
    s.bytes().fold(SEED, hash_step)
}

/// Hasher for keys that are already string hashes: one multiply instead of SipHash, which
/// otherwise shows up in profiles of the per-token lookups.
#[derive(Default)]
pub struct U64Hasher(u64);

impl Hasher for U64Hasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = bytes.iter().fold(self.0, |h, &b| hash_step(h, b));
    }

    fn write_u64(&mut self, n: u64) {
        let h = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = h ^ (h >> 32);
    }
}

pub type U64Map<V> = HashMap<u64, V, BuildHasherDefault<U64Hasher>>;
/// A map keyed by short strings (words): the fast hash the quote and date scans use too.
pub type WordMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// What was computed per word form, kept across the documents a thread processes (most words of
/// one article recur in the next): a pure function of the word, so caching changes no result.
pub struct WordCache<V> {
    values: U64Map<V>,
}

impl<V: Copy> WordCache<V> {
    /// Past this many word forms the cache starts over, so that memory stays bounded (about 4 MB).
    const CAPACITY: usize = 50_000;

    pub const fn new() -> Self {
        WordCache { values: HashMap::with_hasher(BuildHasherDefault::new()) }
    }

    /// The value for the word whose [`hash_str`] is `key`, computed by `make` if not cached.
    pub fn get(&mut self, key: u64, make: impl FnOnce() -> V) -> V {
        if self.values.len() >= Self::CAPACITY && !self.values.contains_key(&key) {
            self.values.clear();
        }
        *self.values.entry(key).or_insert_with(make)
    }
}

/// A well-mixed combination of a template number and value hashes.
fn mix(template: u64, values: &[u64]) -> u64 {
    let mut h = template.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for &v in values {
        h = (h ^ v).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 32;
    }
    h = (h ^ (h >> 29)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 32)
}

/// The bucket of a feature in a weight table of `1 << bits` rows.
fn bucket(bits: u32, template: u64, values: &[u64]) -> u32 {
    (mix(template, values) >> (64 - bits)) as u32
}

const GAZ_PLACE: u8 = 1;
const GAZ_ADJECTIVE: u8 = 2;
const GAZ_TITLE: u8 = 4;
const GAZ_HONORIFIC: u8 = 8;
const GAZ_FAMILY_NAME: u8 = 16;

/// Lowercase-word hash → gazetteer flags, built once.
fn gazetteer() -> &'static U64Map<u8> {
    static TABLE: OnceLock<U64Map<u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = U64Map::default();
        let mut add = |word: &str, flag: u8| {
            // Multi-word entries count by their last word ("prime minister" → "minister").
            let last = word.rsplit(' ').next().unwrap_or(word);
            *table.entry(hash_str(last)).or_insert(0) |= flag;
        };
        lexicon::TITLES.iter().for_each(|w| add(w, GAZ_TITLE));
        lexicon::HONORIFICS.iter().for_each(|w| add(w, GAZ_HONORIFIC));
        lexicon::all_places().for_each(|w| add(w, GAZ_PLACE));
        lexicon::all_adjectives().for_each(|w| add(w, GAZ_ADJECTIVE));
        lexicon::all_asian_family_names().for_each(|w| add(w, GAZ_FAMILY_NAME));
        table
    })
}

/// Hashes of one token's strings.
#[derive(Clone, Copy, Default)]
struct TokenHashes {
    exact: u64,
    lower: u64,
    shape: u64,
    prefixes: [u64; 4],
    suffixes: [u64; 4],
    gazetteer: u8,
    capitalized: bool,
    has_lowercase: bool,
}

/// The hashes of `word`, whose [`hash_str`] is `exact`.
fn token_hashes(word: &str, exact: u64, lower_buf: &mut String) -> TokenHashes {
    lower_buf.clear();
    lower_buf.extend(word.chars().flat_map(char::to_lowercase));
    let mut hashes = TokenHashes { exact, lower: hash_str(lower_buf), ..TokenHashes::default() };

    let mut shape = SEED;
    let mut last_class = 0u8;
    for c in word.chars() {
        let class = match c {
            c if c.is_uppercase() => b'X',
            c if c.is_lowercase() => b'x',
            c if c.is_numeric() => b'd',
            c if c.is_ascii() => c as u8,
            _ => b'?',
        };
        if class != last_class {
            shape = hash_step(shape, class);
            last_class = class;
        }
        hashes.has_lowercase |= class == b'x';
    }
    hashes.shape = shape;
    hashes.capitalized = word.chars().next().is_some_and(char::is_uppercase);

    let mut prefix = SEED;
    for (n, c) in lower_buf.chars().take(4).enumerate() {
        prefix = c.encode_utf8(&mut [0; 4]).bytes().fold(prefix, hash_step);
        hashes.prefixes[n] = prefix;
    }
    let mut suffix = SEED;
    for (n, c) in lower_buf.chars().rev().take(4).enumerate() {
        suffix = c.encode_utf8(&mut [0; 4]).bytes().fold(suffix, hash_step);
        hashes.suffixes[n] = suffix;
    }
    hashes.gazetteer = gazetteer().get(&hashes.lower).copied().unwrap_or(0);
    hashes
}

/// What the rest of the document says about a word, independent of any tagging: whether it was
/// seen capitalized inside a mixed-case sentence (a name) and whether it was seen in lowercase.
#[derive(Clone, Copy, Default)]
struct DocCasing {
    capitalized_inside: bool,
    lowercase: bool,
}

/// A document prepared for feature extraction.
pub struct DocFeatures {
    tokens: Vec<TokenHashes>,
    /// Token index ranges, one per sentence.
    pub sentences: Vec<Range<usize>>,
    all_caps: Vec<bool>,
    casing: U64Map<DocCasing>,
    /// Per token: the length of the run of capitalized tokens it is in and its place in the run
    /// (both capped), since "New York Stock Exchange" and "Peter" differ in kind as in length.
    runs: Vec<[u8; 2]>,
    first_pass: Option<FirstPass>,
}

/// The first tagging pass over the whole document, which the second pass reads: each token's own
/// tag, and per word form how often it was tagged as each kind (index 0 = outside any entity).
struct FirstPass {
    tags: Vec<usize>,
    kind_counts: U64Map<[u32; 5]>,
}

impl FirstPass {
    /// The kind (0 = none) the first pass gave most often to the other mentions of token `i`'s
    /// word, and whether it gave no other.
    fn majority(&self, tokens: &[TokenHashes], i: usize) -> (usize, u64) {
        let (t, own) = (&tokens[i], self.tags[i]);
        let mut others = self.kind_counts.get(&t.lower).copied().unwrap_or_default();
        if t.capitalized || own != 0 {
            others[tag_class(own)] = others[tag_class(own)].saturating_sub(1);
        }
        let entity_mentions: u32 = others[1..].iter().sum();
        let majority = (1..5).max_by_key(|&k| (others[k], std::cmp::Reverse(k))).filter(|_| entity_mentions > 0).unwrap_or(0);
        (majority, u64::from(entity_mentions > 0 && others[majority] == entity_mentions + others[0]))
    }
}

/// The kind (1..=4, 0 = none) of a first-pass tag.
fn tag_class(tag: usize) -> usize {
    (tag + 1) / 2
}

/// Indices of the tokens inside each sentence span (both sorted by position).
pub fn sentence_token_ranges(tokens: &[Token], sentences: &[Span]) -> Vec<Range<usize>> {
    let mut ranges = Vec::with_capacity(sentences.len());
    let mut i = 0;
    for sentence in sentences {
        while i < tokens.len() && tokens[i].span.start < sentence.start {
            i += 1;
        }
        let start = i;
        while i < tokens.len() && tokens[i].span.end <= sentence.end {
            i += 1;
        }
        if start < i {
            ranges.push(start..i);
        }
    }
    ranges
}

impl DocFeatures {
    pub fn new(text: &str, tokens: &[Token], sentences: Vec<Range<usize>>) -> Self {
        thread_local! {
            static HASHES: RefCell<WordCache<TokenHashes>> = const { RefCell::new(WordCache::new()) };
        }
        let mut lower_buf = String::new();
        let hashes: Vec<TokenHashes> = HASHES.with_borrow_mut(|cache| {
            tokens
                .iter()
                .map(|t| {
                    let word = t.text(text);
                    let exact = hash_str(word);
                    cache.get(exact, || token_hashes(word, exact, &mut lower_buf))
                })
                .collect()
        });
        let all_caps: Vec<bool> = sentences.iter().map(|s| is_all_caps(&hashes[s.clone()])).collect();
        let mut casing: U64Map<DocCasing> = U64Map::default();
        for (sentence, &caps) in sentences.iter().zip(&all_caps) {
            for (i, token) in hashes[sentence.clone()].iter().enumerate() {
                if caps {
                    continue;
                }
                let entry = casing.entry(token.lower).or_default();
                entry.capitalized_inside |= token.capitalized && i > 0;
                entry.lowercase |= !token.capitalized && token.has_lowercase;
            }
        }
        let mut runs = vec![[0u8; 2]; hashes.len()];
        for sentence in &sentences {
            let mut i = sentence.start;
            while i < sentence.end {
                let end = (i..sentence.end).find(|&j| !hashes[j].capitalized).unwrap_or(sentence.end);
                for j in i..end {
                    runs[j] = [(end - i).min(4) as u8, (j - i).min(3) as u8];
                }
                i = end + 1;
            }
        }
        DocFeatures { tokens: hashes, sentences, all_caps, casing, runs, first_pass: None }
    }

    /// Adds the first pass's tags (one per token) so that features see the document's other
    /// mentions of each word: a name tagged PER in one sentence is likely PER in the next.
    pub fn set_first_pass(&mut self, tags: Vec<usize>) {
        let mut kind_counts: U64Map<[u32; 5]> = U64Map::default();
        for (token, &tag) in self.tokens.iter().zip(&tags) {
            if token.capitalized || tag != 0 {
                kind_counts.entry(token.lower).or_default()[tag_class(tag)] += 1;
            }
        }
        self.first_pass = Some(FirstPass { tags, kind_counts });
    }

    /// Appends the bucket of every feature of token `i` of sentence `s` (a table of `1 << bits`):
    /// its word's, its context's, then the second pass's if the first pass is set.
    #[cfg(feature = "train")]
    pub fn features(&self, s: usize, i: usize, bits: u32, out: &mut Vec<u32>) {
        out.extend(self.word_features(i, bits));
        out.extend(self.context_features(s, i, bits));
        self.pass_features(s, i, bits, out);
    }

    /// A key for token `i`'s word form, on which [`DocFeatures::word_features`] alone depend.
    pub fn word_key(&self, i: usize) -> u64 {
        self.tokens[i].exact
    }

    fn at(&self, s: usize, i: usize, offset: isize) -> Option<&TokenHashes> {
        let range = &self.sentences[s];
        let j = i.checked_add_signed(offset)?;
        range.contains(&j).then(|| &self.tokens[j])
    }

    /// The buckets of the features of token `i` that depend on its word alone (the same for every
    /// occurrence of the word, so the tagger sums their weights once per word form).
    pub fn word_features(&self, i: usize, bits: u32) -> [u32; WORD_FEATURES] {
        let t = &self.tokens[i];
        let bucket = |template: u64, values: &[u64]| bucket(bits, template, values);
        let prefix = |n: usize| bucket(6 + n as u64, &[t.prefixes[n]]);
        let suffix = |n: usize| bucket(10 + n as u64, &[t.suffixes[n]]);
        [
            bucket(1, &[]),
            bucket(2, &[t.lower]),
            bucket(3, &[t.exact]),
            bucket(4, &[t.shape]),
            prefix(0),
            prefix(1),
            prefix(2),
            prefix(3),
            suffix(0),
            suffix(1),
            suffix(2),
            suffix(3),
            bucket(23, &[u64::from(t.gazetteer)]),
        ]
    }

    /// The buckets of the features of token `i` of sentence `s` that depend on its neighbours, its
    /// place or the rest of the document.
    pub fn context_features(&self, s: usize, i: usize, bits: u32) -> [u32; CONTEXT_FEATURES] {
        let range = &self.sentences[s];
        let t = &self.tokens[i];
        let lower_at = |offset| self.at(s, i, offset).map_or(NONE, |t| t.lower);
        let shape_at = |offset| self.at(s, i, offset).map_or(NONE, |t| t.shape);
        let caps = u64::from(self.all_caps[s]);
        let position = (i - range.start).min(2) as u64;
        let short = u64::from(range.len() <= 3);
        let casing = self.casing.get(&t.lower).copied().unwrap_or_default();
        let doc_casing = u64::from(casing.capitalized_inside) | u64::from(casing.lowercase) << 1;
        let [run, place] = self.runs[i];
        let bucket = |template: u64, values: &[u64]| bucket(bits, template, values);
        [
            bucket(5, &[t.shape, caps, position]),
            bucket(14, &[lower_at(-1)]),
            bucket(15, &[lower_at(1)]),
            bucket(16, &[lower_at(-2)]),
            bucket(17, &[lower_at(2)]),
            bucket(18, &[lower_at(-1), t.lower]),
            bucket(19, &[t.lower, lower_at(1)]),
            bucket(20, &[shape_at(-1), t.shape]),
            bucket(21, &[t.shape, shape_at(1)]),
            bucket(22, &[shape_at(-1), t.shape, shape_at(1)]),
            bucket(24, &[u64::from(self.at(s, i, -1).map_or(0, |t| t.gazetteer))]),
            bucket(25, &[u64::from(self.at(s, i, 1).map_or(0, |t| t.gazetteer))]),
            bucket(26, &[position, short, shape_at(1)]),
            bucket(27, &[caps, t.lower]),
            bucket(28, &[doc_casing, caps, position, t.shape]),
            bucket(29, &[lower_at(-2), lower_at(-1)]),
            bucket(30, &[lower_at(1), lower_at(2)]),
            bucket(36, &[u64::from(run), u64::from(place), caps, t.shape]),
        ]
    }

    /// The second pass's features of token `i` (none before the first pass is set).
    pub fn pass_features(&self, s: usize, i: usize, bits: u32, out: &mut Vec<u32>) {
        let Some(first) = &self.first_pass else { return };
        let t = &self.tokens[i];
        let caps = u64::from(self.all_caps[s]);
        let mut push = |template: u64, values: &[u64]| out.push(bucket(bits, template, values));
        let tag_at = |offset: isize| self.at(s, i, offset).map_or(99, |_| first.tags[i.wrapping_add_signed(offset)] as u64);
        let (majority, unanimous) = first.majority(&self.tokens, i);
        push(31, &[tag_at(0)]);
        push(32, &[tag_at(-1), tag_at(0), tag_at(1)]);
        push(33, &[majority as u64, unanimous]);
        push(34, &[majority as u64, caps, t.shape]);
        push(35, &[majority as u64, tag_at(0)]);
    }
}

/// How many features [`DocFeatures::word_features`] gives each token.
pub const WORD_FEATURES: usize = 13;
/// How many features [`DocFeatures::context_features`] gives each token.
pub const CONTEXT_FEATURES: usize = 18;
/// The value of a neighbour's hash beyond the sentence.
const NONE: u64 = 0x5eed;

/// A headline or other sentence written in capitals, where capitalization says nothing.
fn is_all_caps(tokens: &[TokenHashes]) -> bool {
    let cased = tokens.iter().filter(|t| t.capitalized || t.has_lowercase).count();
    cased >= 2 && tokens.iter().all(|t| !t.has_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_cache_starts_over_when_full_and_keeps_answering() {
        let mut cache = WordCache::new();
        let limit = WordCache::<u64>::CAPACITY as u64;
        for key in 0..=limit {
            assert_eq!(cache.get(key, || key * 2), key * 2);
        }
        assert_eq!(cache.values.len(), 1, "cleared before the key past capacity");
        assert_eq!(cache.get(limit, || 0), limit * 2, "a cached value is not recomputed");
        assert_eq!(cache.get(3, || 7), 7, "a forgotten key is computed again");
    }
}
