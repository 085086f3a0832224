//! Hashed features of each token for the sequence tagger.
//!
//! Every string a feature needs is hashed once per word form of a document ([`WordForm`]; a form's
//! affixes only when its own features are asked for); a feature is then a mix of a template number
//! with one to three of those hashes, reduced to a bucket of the weight table.
//! Training and tagging share this code, so the two cannot drift apart.
use super::lexicon;
use crate::text::Token;
use crate::Span;
use std::ops::Range;
use std::sync::OnceLock;

const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

const fn hash_step(hash: u64, byte: u8) -> u64 {
    (hash ^ byte as u64).wrapping_mul(PRIME)
}

pub fn hash_str(s: &str) -> u64 {
    s.bytes().fold(SEED, hash_step)
}

/// A map keyed by short strings (words) or their hashes: the fast hash the quote and date scans
/// use too.
pub type WordMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Numbers for 64-bit keys that are hashes already (of words, layouts, second-pass contexts), given
/// in the order the keys come: 0, 1, 2… Open addressing with linear probing in a table kept at most
/// half full: in wasm, without the SIMD that a hash map's probing is built for, a look-up here costs
/// a fraction of a hash map's `entry`, and the tagger makes one per token.
pub struct KeyIds {
    /// Per slot: a key and its number plus one, or 0 for an empty slot.
    slots: Vec<(u64, u32)>,
    len: u32,
}

impl KeyIds {
    pub const fn new() -> Self {
        KeyIds { slots: Vec::new(), len: 0 }
    }

    /// Room for `keys` keys before the table grows.
    pub fn with_capacity(keys: usize) -> Self {
        KeyIds { slots: vec![(0, 0); (2 * keys).next_power_of_two().max(16)], len: 0 }
    }

    /// Forgets every key.
    pub fn clear(&mut self) {
        self.slots.fill((0, 0));
        self.len = 0;
    }

    /// The number of `key`, and whether it is new (numbered with the count of keys before it).
    #[inline]
    pub fn id(&mut self, key: u64) -> (u32, bool) {
        if 2 * (self.len as usize + 1) > self.slots.len() {
            self.grow();
        }
        let at = self.find(key);
        match self.slots[at] {
            (_, 0) => {
                self.len += 1;
                self.slots[at] = (key, self.len);
                (self.len - 1, true)
            }
            (_, id) => (id - 1, false),
        }
    }

    /// The slot that holds `key`, or the empty one where it would go.
    fn find(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        // The high bits of a multiplication by an odd constant: each key bit moves them.
        let mut at = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask;
        while self.slots[at].1 != 0 && self.slots[at].0 != key {
            at = (at + 1) & mask;
        }
        at
    }

    #[cold]
    fn grow(&mut self) {
        let room = (2 * self.slots.len()).max(16);
        let old = std::mem::replace(&mut self.slots, vec![(0, 0); room]);
        for (key, id) in old.into_iter().filter(|&(_, id)| id != 0) {
            let at = self.find(key);
            self.slots[at] = (key, id);
        }
    }
}

/// What was computed per word form (or other small key), kept across the documents a thread
/// processes (most words of one article recur in the next): a pure function of the key, so caching
/// changes no result. Values are handed out by slot and read in place, not copied out.
pub struct Cache<V> {
    slots: KeyIds,
    values: Vec<V>,
}

impl<V> Cache<V> {
    /// Past this many keys the cache starts over, so that memory stays bounded (a few MB).
    const CAPACITY: usize = 50_000;

    pub const fn new() -> Self {
        Cache { slots: KeyIds::new(), values: Vec::new() }
    }

    /// Makes room for up to `keys` new keys. Called between documents, so that only it starts the
    /// cache over, and the slots handed out during a document stay valid until the next call.
    pub fn make_room(&mut self, keys: usize) {
        if self.values.len() + keys > Self::CAPACITY {
            self.slots.clear();
            self.values.clear();
        }
    }

    /// The slot of the value for `key`, computed by `make` if not cached.
    pub fn slot(&mut self, key: u64, make: impl FnOnce() -> V) -> u32 {
        let (slot, new) = self.slots.id(key);
        if new {
            self.values.push(make());
        }
        slot
    }
}

impl<V> std::ops::Index<u32> for Cache<V> {
    type Output = V;

    fn index(&self, slot: u32) -> &V {
        &self.values[slot as usize]
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
fn gazetteer() -> &'static WordMap<u64, u8> {
    static TABLE: OnceLock<WordMap<u64, u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = WordMap::default();
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

/// What the tagger reads of a word form on every document: its hashes and casing, computed
/// afresh for each (cheaper than looking them up in a cache the size of the vocabulary).
#[derive(Clone, Copy, Default)]
struct WordForm {
    exact: u64,
    lower: u64,
    shape: u64,
    /// Its first token, where its text is read back for [`Affixes`].
    first: u32,
    capitalized: bool,
    has_lowercase: bool,
    has_uppercase: bool,
    name_particle: bool,
}

/// The form of `word`, whose [`hash_str`] is `exact`, first met at token `first`: one pass over
/// its characters, the lowercase form hashed as it is made rather than written out.
fn word_form(word: &str, exact: u64, first: u32) -> WordForm {
    // Most words are ASCII letters in lowercase but maybe the first: their casing and shape
    // follow from the first letter.
    if let [initial @ (b'a'..=b'z' | b'A'..=b'Z'), rest @ ..] = word.as_bytes() {
        if rest.iter().all(u8::is_ascii_lowercase) {
            return letters_form(*initial, rest, exact, first);
        }
    }
    let mut form = WordForm { exact, first, ..WordForm::default() };
    let (mut lower, mut shape) = (SEED, SEED);
    let mut last_class = 0u8;
    let mut add_class = |class: u8| {
        if class != last_class {
            shape = hash_step(shape, class);
            last_class = class;
        }
        form.has_lowercase |= class == b'x';
        form.has_uppercase |= class == b'X';
    };
    if word.is_ascii() {
        // Most words: byte by byte, with no character decoded or looked up in Unicode's tables.
        for b in word.bytes() {
            lower = hash_step(lower, b.to_ascii_lowercase());
            add_class(match b {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                _ => b,
            });
        }
    } else {
        for c in word.chars() {
            lower = c.to_lowercase().fold(lower, |hash, l| l.encode_utf8(&mut [0; 4]).bytes().fold(hash, hash_step));
            add_class(match c {
                c if c.is_uppercase() => b'X',
                c if c.is_lowercase() => b'x',
                c if c.is_numeric() => b'd',
                c if c.is_ascii() => c as u8,
                _ => b'?',
            });
        }
    }
    form.lower = lower;
    form.shape = shape;
    form.capitalized = word.chars().next().is_some_and(char::is_uppercase);
    form.name_particle = NAME_PARTICLE_HASHES.contains(&lower);
    form
}

/// [`word_form`] of a word of ASCII letters all lowercase but maybe the `initial`.
fn letters_form(initial: u8, rest: &[u8], exact: u64, first: u32) -> WordForm {
    let capitalized = initial.is_ascii_uppercase();
    let lower = if capitalized { rest.iter().fold(hash_step(SEED, initial.to_ascii_lowercase()), |hash, &b| hash_step(hash, b)) } else { exact };
    WordForm {
        exact,
        lower,
        shape: match (capitalized, rest.is_empty()) {
            (false, _) => hash_step(SEED, b'x'),
            (true, true) => hash_step(SEED, b'X'),
            (true, false) => hash_step(hash_step(SEED, b'X'), b'x'),
        },
        first,
        capitalized,
        has_lowercase: !capitalized || !rest.is_empty(),
        has_uppercase: capitalized,
        name_particle: NAME_PARTICLE_HASHES.contains(&lower),
    }
}

/// The lowercase hashes of [`lexicon::NAME_PARTICLES`], which every word's form is compared with.
const NAME_PARTICLE_HASHES: [u64; lexicon::NAME_PARTICLES.len()] = {
    let mut hashes = [0; lexicon::NAME_PARTICLES.len()];
    let mut i = 0;
    while i < hashes.len() {
        let particle = lexicon::NAME_PARTICLES[i].as_bytes();
        let (mut hash, mut k) = (SEED, 0);
        while k < particle.len() {
            hash = hash_step(hash, particle[k]);
            k += 1;
        }
        hashes[i] = hash;
        i += 1;
    }
    hashes
};

/// `word` in lowercase, into `buf`; ASCII without decoding characters (most words are).
fn lowercase_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// What only a word form's own features read, computed when they are summed (once per form and
/// thread when tagging).
struct Affixes {
    prefixes: [u64; 4],
    suffixes: [u64; 4],
}

impl Affixes {
    fn of(word: &str) -> Affixes {
        let mut lower = String::new();
        lowercase_into(word, &mut lower);
        let mut affixes = Affixes { prefixes: [0; 4], suffixes: [0; 4] };
        let mut prefix = SEED;
        for (n, c) in lower.chars().take(4).enumerate() {
            prefix = c.encode_utf8(&mut [0; 4]).bytes().fold(prefix, hash_step);
            affixes.prefixes[n] = prefix;
        }
        let mut suffix = SEED;
        for (n, c) in lower.chars().rev().take(4).enumerate() {
            suffix = c.encode_utf8(&mut [0; 4]).bytes().fold(suffix, hash_step);
            affixes.suffixes[n] = suffix;
        }
        affixes
    }
}

/// The gazetteer flags of a lowercase word's hash.
fn gazetteer_flags(lower: u64) -> u8 {
    gazetteer().get(&lower).copied().unwrap_or(0)
}

/// What the rest of the document says about a word, independent of any tagging: whether it was
/// seen capitalized inside a mixed-case sentence (a name) and whether it was seen in lowercase.
#[derive(Clone, Copy, Default)]
struct DocCasing {
    capitalized_inside: bool,
    lowercase: bool,
}

impl std::ops::BitOrAssign for DocCasing {
    fn bitor_assign(&mut self, other: DocCasing) {
        self.capitalized_inside |= other.capitalized_inside;
        self.lowercase |= other.lowercase;
    }
}

/// A document prepared for feature extraction.
pub struct DocFeatures<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// The document's distinct word forms; each token is the index of its form, so that per token
    /// only four bytes are kept and what depends on the word alone is done once per form.
    words: Vec<WordForm>,
    /// Per word form, the number of its lowercase form (see [`lowercase_ids`]).
    lower_ids: Vec<u32>,
    token_words: Vec<u32>,
    /// Token index ranges, one per sentence.
    pub sentences: Vec<Range<usize>>,
    all_caps: Vec<bool>,
    /// Per word form: what the document says of its lowercase form.
    casing: Vec<DocCasing>,
    /// Per token: the length of the run of capitalized tokens it is in and its place in the run
    /// (both capped), since "New York Stock Exchange" and "Peter" differ in kind as in length.
    runs: Vec<[u8; 2]>,
    first_pass: Option<FirstPass>,
}

/// The first tagging pass over the whole document, which the second pass reads: each token's own
/// tag, and per word form how often its lowercase form was tagged as each kind (index 0 = outside
/// any entity).
struct FirstPass {
    tags: Vec<u8>,
    kind_counts: Vec<[u32; 5]>,
}

impl FirstPass {
    /// The kind (0 = none) the first pass gave most often to the other mentions of token `i`'s
    /// word (form `word`), and whether it gave no other.
    fn majority(&self, word: usize, t: &WordForm, i: usize) -> (u8, bool) {
        let own = usize::from(self.tags[i]);
        let mut others = self.kind_counts[word];
        if t.capitalized || own != 0 {
            others[tag_class(own)] = others[tag_class(own)].saturating_sub(1);
        }
        let entity_mentions: u32 = others[1..].iter().sum();
        let majority = (1..5).max_by_key(|&k| (others[k], std::cmp::Reverse(k))).filter(|_| entity_mentions > 0).unwrap_or(0);
        (majority as u8, entity_mentions > 0 && others[majority] == entity_mentions + others[0])
    }
}

/// The kind (1..=4, 0 = none) of a first-pass tag.
fn tag_class(tag: usize) -> usize {
    tag.div_ceil(2)
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

/// A neighbour whose word alone gives a token features ("the word before is 'minister'"): the
/// tagger sums their weights once per word form and neighbour.
#[derive(Clone, Copy)]
pub enum Neighbour {
    Previous,
    Next,
    BeforePrevious,
    AfterNext,
}

impl Neighbour {
    pub const ALL: [Neighbour; 4] = [Neighbour::Previous, Neighbour::Next, Neighbour::BeforePrevious, Neighbour::AfterNext];

    pub fn offset(self) -> isize {
        match self {
            Neighbour::Previous => -1,
            Neighbour::Next => 1,
            Neighbour::BeforePrevious => -2,
            Neighbour::AfterNext => 2,
        }
    }
}

/// What a token's layout features read: its and its neighbours' shapes, its place in the sentence
/// and in its capitalized run, and the casing of the sentence and of its word elsewhere. Few
/// layouts recur, so the tagger sums their weights once per layout.
#[derive(Clone, Copy)]
pub struct Layout {
    /// The previous token's, the token's and the next token's ([`NONE`] beyond the sentence).
    shapes: [u64; 3],
    caps: bool,
    position: u8,
    short: bool,
    doc_casing: u8,
    run: [u8; 2],
}

impl Layout {
    /// The layout as one number, which the tagger's cache hashes and compares faster than the
    /// fields (two layouts share one as rarely as two words share their hash, the word cache's key).
    pub fn key(&self) -> u64 {
        let small = u64::from(self.caps)
            | u64::from(self.position) << 1
            | u64::from(self.short) << 3
            | u64::from(self.doc_casing) << 4
            | u64::from(self.run[0]) << 6
            | u64::from(self.run[1]) << 9;
        mix(small, &self.shapes)
    }

    /// The buckets of the features that depend on the layout alone.
    pub fn features(&self, bits: u32) -> [u32; 7] {
        let [previous, shape, next] = self.shapes;
        let (caps, position) = (u64::from(self.caps), u64::from(self.position));
        let bucket = |template: u64, values: &[u64]| bucket(bits, template, values);
        [
            bucket(5, &[shape, caps, position]),
            bucket(20, &[previous, shape]),
            bucket(21, &[shape, next]),
            bucket(22, &[previous, shape, next]),
            bucket(26, &[position, u64::from(self.short), next]),
            bucket(28, &[u64::from(self.doc_casing), caps, position, shape]),
            bucket(36, &[u64::from(self.run[0]), u64::from(self.run[1]), caps, shape]),
        ]
    }
}

/// What a token's second-pass features read: the first pass's tags of it and its neighbours (99
/// beyond the sentence), what the first pass made of its word elsewhere, its sentence's casing
/// and its shape. Few recur, so the tagger sums their weights once per context.
#[derive(Clone, Copy)]
pub struct PassContext {
    tags: [u8; 3],
    majority: u8,
    unanimous: bool,
    caps: bool,
    shape: u64,
}

impl PassContext {
    /// The context as one number, as [`Layout::key`].
    pub fn key(&self) -> u64 {
        let [previous, own, next] = self.tags.map(u64::from);
        let small = previous | own << 8 | next << 16 | u64::from(self.majority) << 24 | u64::from(self.unanimous) << 32 | u64::from(self.caps) << 33;
        mix(small, &[self.shape])
    }

    /// The buckets of the second pass's features.
    pub fn features(&self, bits: u32) -> [u32; PASS_FEATURES] {
        let [previous, own, next] = self.tags.map(u64::from);
        let (majority, caps) = (u64::from(self.majority), u64::from(self.caps));
        let bucket = |template: u64, values: &[u64]| bucket(bits, template, values);
        [
            bucket(31, &[own]),
            bucket(32, &[previous, own, next]),
            bucket(33, &[majority, u64::from(self.unanimous)]),
            bucket(34, &[majority, caps, self.shape]),
            bucket(35, &[majority, own]),
        ]
    }
}

impl<'a> DocFeatures<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token], sentences: Vec<Range<usize>>) -> Self {
        let mut ids = KeyIds::with_capacity(tokens.len() / 2);
        let mut words: Vec<WordForm> = Vec::with_capacity(tokens.len() / 2);
        let token_words: Vec<u32> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let word = t.text(text);
                let exact = hash_str(word);
                let (id, new) = ids.id(exact);
                if new {
                    words.push(word_form(word, exact, i as u32));
                }
                id
            })
            .collect();
        let all_caps: Vec<bool> = sentences.iter().map(|s| is_all_caps(token_words[s.clone()].iter().map(|&w| &words[w as usize]))).collect();
        let mut seen = vec![DocCasing::default(); words.len()];
        for (sentence, &caps) in sentences.iter().zip(&all_caps) {
            if caps {
                continue;
            }
            for (k, &w) in token_words[sentence.clone()].iter().enumerate() {
                let t = &words[w as usize];
                seen[w as usize] |= DocCasing { capitalized_inside: t.capitalized && k > 0, lowercase: !t.capitalized && t.has_lowercase };
            }
        }
        let lower_ids = lowercase_ids(&words);
        let casing = by_lowercase_form(&lower_ids, &seen, |into, casing| *into |= casing);
        let mut runs = vec![[0u8; 2]; token_words.len()];
        for sentence in &sentences {
            let mut i = sentence.start;
            while i < sentence.end {
                let end = (i..sentence.end).find(|&j| !words[token_words[j] as usize].capitalized).unwrap_or(sentence.end);
                for (place, run) in runs[i..end].iter_mut().enumerate() {
                    *run = [(end - i).min(4) as u8, place.min(3) as u8];
                }
                i = end + 1;
            }
        }
        DocFeatures { text, tokens, words, lower_ids, token_words, sentences, all_caps, casing, runs, first_pass: None }
    }

    /// Adds the first pass's tags (one per token) so that features see the document's other
    /// mentions of each word: a name tagged PER in one sentence is likely PER in the next.
    pub fn set_first_pass(&mut self, tags: Vec<u8>) {
        let mut counts = vec![[0u32; 5]; self.words.len()];
        for (&w, &tag) in self.token_words.iter().zip(&tags) {
            if self.words[w as usize].capitalized || tag != 0 {
                counts[w as usize][tag_class(usize::from(tag))] += 1;
            }
        }
        let kind_counts = by_lowercase_form(&self.lower_ids, &counts, |into, counts| into.iter_mut().zip(counts).for_each(|(a, b)| *a += b));
        self.first_pass = Some(FirstPass { tags, kind_counts });
    }

    /// Appends the bucket of every feature of token `i` of sentence `s` (a table of `1 << bits`):
    /// its word's, its context's, then the second pass's if the first pass is set.
    #[cfg(feature = "train")]
    pub fn features(&self, s: usize, i: usize, bits: u32, out: &mut Vec<u32>) {
        out.extend(self.word_features(self.word(i), bits));
        out.extend(self.context_features(s, i, bits));
        if let Some(context) = self.pass_context(s, i) {
            out.extend(context.features(bits));
        }
    }

    /// How many distinct word forms the document has.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// The word form of token `i`.
    pub fn word(&self, i: usize) -> usize {
        self.token_words[i] as usize
    }

    /// A key for word form `word` across documents, on which [`DocFeatures::word_features`],
    /// [`DocFeatures::caps_word_feature`] and [`DocFeatures::neighbour_features`] alone depend.
    pub fn word_key(&self, word: usize) -> u64 {
        self.words[word].exact
    }

    /// Whether token `i`'s word has a capital letter.
    pub fn has_capital(&self, i: usize) -> bool {
        self.words[self.word(i)].has_uppercase
    }

    /// Whether token `i`'s word may be part of a name: it has a capital letter or is a particle
    /// of names ("von", "de").
    pub fn may_be_in_name(&self, i: usize) -> bool {
        let word = &self.words[self.word(i)];
        word.has_uppercase || word.name_particle
    }

    /// Whether sentence `s` is written in capitals.
    pub fn all_caps(&self, s: usize) -> bool {
        self.all_caps[s]
    }

    /// The word form of the token `offset` from token `i` of sentence `s`, if inside the sentence.
    pub fn word_at(&self, s: usize, i: usize, offset: isize) -> Option<usize> {
        let j = i.checked_add_signed(offset)?;
        self.sentences[s].contains(&j).then(|| self.word(j))
    }

    fn at(&self, s: usize, i: usize, offset: isize) -> Option<&WordForm> {
        self.word_at(s, i, offset).map(|w| &self.words[w])
    }

    /// The buckets of the features that depend on word form `word` alone.
    pub fn word_features(&self, word: usize, bits: u32) -> [u32; WORD_FEATURES] {
        let t = &self.words[word];
        let affixes = Affixes::of(self.tokens[t.first as usize].text(self.text));
        let bucket = |template: u64, values: &[u64]| bucket(bits, template, values);
        let prefix = |n: usize| bucket(6 + n as u64, &[affixes.prefixes[n]]);
        let suffix = |n: usize| bucket(10 + n as u64, &[affixes.suffixes[n]]);
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
            bucket(23, &[u64::from(gazetteer_flags(t.lower))]),
        ]
    }

    /// The bucket of the feature of word form `word` in a sentence in capitals or not.
    pub fn caps_word_feature(&self, word: usize, caps: bool, bits: u32) -> u32 {
        bucket(bits, 27, &[u64::from(caps), self.words[word].lower])
    }

    /// The buckets of the features that word form `word` (`None`: beyond the sentence) gives the
    /// token it is the `neighbour` of.
    pub fn neighbour_features(&self, neighbour: Neighbour, word: Option<usize>, bits: u32) -> impl Iterator<Item = u32> {
        let word = word.map(|w| &self.words[w]);
        let lower = word.map_or(NONE, |t| t.lower);
        let gazetteer = u64::from(word.map_or(0, |t| gazetteer_flags(t.lower)));
        let (lower_template, gazetteer_template) = match neighbour {
            Neighbour::Previous => (14, Some(24)),
            Neighbour::Next => (15, Some(25)),
            Neighbour::BeforePrevious => (16, None),
            Neighbour::AfterNext => (17, None),
        };
        std::iter::once(bucket(bits, lower_template, &[lower])).chain(gazetteer_template.map(|template| bucket(bits, template, &[gazetteer])))
    }

    /// The layout of token `i` of sentence `s`.
    pub fn layout(&self, s: usize, i: usize) -> Layout {
        let range = &self.sentences[s];
        let shape_at = |offset| self.at(s, i, offset).map_or(NONE, |t| t.shape);
        let casing = self.casing[self.word(i)];
        Layout {
            shapes: [shape_at(-1), shape_at(0), shape_at(1)],
            caps: self.all_caps[s],
            position: (i - range.start).min(2) as u8,
            short: range.len() <= 3,
            doc_casing: u8::from(casing.capitalized_inside) | u8::from(casing.lowercase) << 1,
            run: self.runs[i],
        }
    }

    /// The buckets of the features of token `i` of sentence `s` that pair two words.
    pub fn word_pair_features(&self, s: usize, i: usize, bits: u32) -> [u32; 4] {
        let lower_at = |offset| self.at(s, i, offset).map_or(NONE, |t| t.lower);
        let own = self.words[self.word(i)].lower;
        let bucket = |template: u64, values: &[u64]| bucket(bits, template, values);
        [
            bucket(18, &[lower_at(-1), own]),
            bucket(19, &[own, lower_at(1)]),
            bucket(29, &[lower_at(-2), lower_at(-1)]),
            bucket(30, &[lower_at(1), lower_at(2)]),
        ]
    }

    /// The buckets of the features of token `i` of sentence `s` that depend on its neighbours, its
    /// place or the rest of the document, in the order the model was trained with (the training's
    /// float sums depend on it).
    pub fn context_features(&self, s: usize, i: usize, bits: u32) -> [u32; CONTEXT_FEATURES] {
        let near = |neighbour: Neighbour| {
            let mut buckets = [0; 2];
            buckets.iter_mut().zip(self.neighbour_features(neighbour, self.word_at(s, i, neighbour.offset()), bits)).for_each(|(b, f)| *b = f);
            buckets
        };
        let [previous, next, before_previous, after_next] = Neighbour::ALL.map(near);
        let [shape, shape_before, shape_after, shapes, place, casing, run] = self.layout(s, i).features(bits);
        let [pair_before, pair_after, pair_previous, pair_next] = self.word_pair_features(s, i, bits);
        let caps_word = self.caps_word_feature(self.word(i), self.all_caps[s], bits);
        [
            shape, previous[0], next[0], before_previous[0], after_next[0], pair_before, pair_after, shape_before, shape_after, shapes, previous[1],
            next[1], place, caps_word, casing, pair_previous, pair_next, run,
        ]
    }

    /// What the second pass's features of token `i` of sentence `s` read (none before the first
    /// pass is set).
    pub fn pass_context(&self, s: usize, i: usize) -> Option<PassContext> {
        let first = self.first_pass.as_ref()?;
        let word = self.word(i);
        let t = &self.words[word];
        let tag_at = |offset: isize| self.word_at(s, i, offset).map_or(99, |_| first.tags[i.wrapping_add_signed(offset)]);
        let (majority, unanimous) = first.majority(word, t, i);
        Some(PassContext { tags: [tag_at(-1), tag_at(0), tag_at(1)], majority, unanimous, caps: self.all_caps[s], shape: t.shape })
    }
}

/// Per word form, `values` merged over every form with its lowercase form (`lower_ids`, from
/// [`lowercase_ids`]).
fn by_lowercase_form<V: Copy + Default>(lower_ids: &[u32], values: &[V], merge: impl Fn(&mut V, V)) -> Vec<V> {
    let mut merged = vec![V::default(); lower_ids.len()];
    for (&id, &value) in lower_ids.iter().zip(values) {
        merge(&mut merged[id as usize], value);
    }
    lower_ids.iter().map(|&id| merged[id as usize]).collect()
}

/// Per word form, a number shared by the forms with the same lowercase form (below their count).
fn lowercase_ids(words: &[WordForm]) -> Vec<u32> {
    let mut ids = KeyIds::with_capacity(words.len());
    words.iter().map(|word| ids.id(word.lower).0).collect()
}

/// How many features [`DocFeatures::word_features`] gives each token.
pub const WORD_FEATURES: usize = 13;
/// How many features [`DocFeatures::context_features`] gives each token.
pub const CONTEXT_FEATURES: usize = 18;
/// How many features [`PassContext::features`] gives each token.
pub const PASS_FEATURES: usize = 5;
/// The value of a neighbour's hash beyond the sentence.
const NONE: u64 = 0x5eed;

/// A headline or other sentence written in capitals, where capitalization says nothing.
fn is_all_caps<'a>(tokens: impl Iterator<Item = &'a WordForm> + Clone) -> bool {
    let cased = tokens.clone().filter(|t| t.capitalized || t.has_lowercase).count();
    cased >= 2 && tokens.into_iter().all(|t| !t.has_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    /// What [`word_form`] hashes and flags, from the lowercase form written out.
    /// What [`word_form`] hashes and flags, from the lowercase form written out and the classes
    /// of the characters one by one (its byte path for ASCII words must agree).
    fn assert_form_matches_lowercase(word: &str) {
        let mut lower = String::new();
        lowercase_into(word, &mut lower);
        let form = word_form(word, hash_str(word), 0);
        assert_eq!(form.lower, hash_str(&lower), "lowercase hash of {word:?}");
        assert_eq!(form.name_particle, lexicon::NAME_PARTICLES.contains(&lower.as_str()), "particle {word:?}");
        let classes: Vec<u8> = word.chars().map(|c| match c {
            c if c.is_uppercase() => b'X',
            c if c.is_lowercase() => b'x',
            c if c.is_numeric() => b'd',
            c if c.is_ascii() => c as u8,
            _ => b'?',
        }).collect();
        let mut runs = classes.clone();
        runs.dedup();
        assert_eq!(form.shape, runs.into_iter().fold(SEED, hash_step), "shape of {word:?}");
        assert_eq!((form.has_uppercase, form.has_lowercase), (classes.contains(&b'X'), classes.contains(&b'x')), "casing of {word:?}");
        assert_eq!(form.capitalized, classes.first() == Some(&b'X'), "capitalized {word:?}");
    }

    #[test]
    fn word_forms_hash_the_lowercase_form() {
        for word in ["Macron", "NATO", "von", "VON", "Van", "dé", "de", "Micheál", "ΟΔΥΣΣΕΥΣ", "İstanbul", "\u{212A}", "Straße", "", "1,500", "U.S.", "said", "a", "A", "Paris", "PaRis"] {
            assert_form_matches_lowercase(word);
        }
    }

    proptest! {
        #[test]
        fn any_word_form_hashes_its_lowercase_form(word in "\\PC{0,12}", ascii in "[ -~]{0,12}") {
            assert_form_matches_lowercase(&word);
            assert_form_matches_lowercase(&ascii);
        }

        /// Numbers in the order keys first come, as a map would give them, through growth (a small
        /// start) and starting over; key 0 and keys alike but in their high bits included.
        #[test]
        fn key_ids_number_keys_in_order_of_first_coming(keys in prop::collection::vec(prop_oneof![0..40u64, (0..40u64).prop_map(|k| k << 58)], 0..300)) {
            let mut ids = KeyIds::with_capacity(4);
            for round in 0..2 {
                let mut expected: HashMap<u64, u32> = HashMap::new();
                for &key in &keys {
                    let next = expected.len() as u32;
                    let is_new = !expected.contains_key(&key);
                    let id = *expected.entry(key).or_insert(next);
                    prop_assert_eq!(ids.id(key), (id, is_new), "key {} in round {}", key, round);
                }
                ids.clear();
            }
        }
    }

    #[test]
    fn cache_starts_over_only_between_documents_that_may_not_fit() {
        let capacity = Cache::<u64>::CAPACITY as u64;
        let mut cache = Cache::new();
        for key in 0..capacity - 10 {
            let slot = cache.slot(key, || key * 2);
            assert_eq!(cache[slot], key * 2);
        }
        cache.make_room(10);
        let slot = cache.slot(3, || 7);
        assert_eq!(cache[slot], 6, "room for the document: nothing forgotten, nothing recomputed");
        cache.make_room(11);
        assert!(cache.values.is_empty(), "no room for the document: started over");
        let slot = cache.slot(3, || 7);
        assert_eq!(cache[slot], 7, "a forgotten key is computed again");
    }
}
