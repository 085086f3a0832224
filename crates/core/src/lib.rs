//! Triangulate's extraction core: plain text in, typed results with byte spans out.
//!
//! Every [`Span`] is a **byte** range into the text that was analysed (`&text[span.start..span.end]`),
//! always on `char` boundaries. Convert with [`Span::to_chars`] where a consumer counts characters
//! (the evaluation format, JavaScript strings count UTF-16 and get their own conversion at the edge).
//!
//! The crate has no web dependency: the Leptos app and the `triangulate` CLI both call [`extract`].

pub mod analysis;
pub mod article;
pub mod claims;
pub mod fold;
pub mod quotes;
pub mod text;
pub mod timex;
pub mod ner;

use serde::{Deserialize, Serialize};

pub use article::{Article, ArticleError};
pub use chrono::NaiveDate;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_scalar_values() {
        let text = "Micheál said “yes” 🎉 ok";
        let offsets = CharOffsets::new(text);
        let start = text.find("ok").unwrap();
        assert_eq!(offsets.span(Span::new(start, start + 2)), (21, 23));
        assert_eq!(offsets.char_offset(text.len()), text.chars().count());
    }

    proptest::proptest! {
        #[test]
        fn lowercase_is_the_standard_one(text in "[a-zA-Z@\\[`{0-9 .éÉΣİ]{0,40}") {
            proptest::prop_assert_eq!(to_ascii_lowercase(&text, 0), text.to_ascii_lowercase());
        }
    }

    #[test]
    fn alphanumeric_runs_end_at_every_other_byte() {
        for other in (0..=u8::MAX).filter(|b| !b.is_ascii_alphanumeric()) {
            for at in 0..20 {
                let mut bytes = *b"aZ09zA9b0Yq5MmRr8Ss7";
                bytes[at] = other;
                assert_eq!(ascii_alphanumeric_end(&bytes, 0), at, "{other:#x} at {at}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn alphanumeric_run_ends_as_a_scan(bytes in proptest::collection::vec(proptest::sample::select(b"aAzZ09@[`{/:. \x80\xC3\xFF".to_vec()), 0..40)) {
            let scanned = bytes.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            proptest::prop_assert_eq!(ascii_alphanumeric_end(&bytes, 0), scanned, "{:?}", bytes);
        }
    }

    #[test]
    fn non_ascii_found_at_every_place() {
        for byte in 0x80..=u8::MAX {
            for at in 0..20 {
                let mut bytes = [b'a'; 20];
                bytes[at] = byte;
                assert_eq!(next_non_ascii(&bytes, 0), at, "{byte:#x} at {at}");
                assert_eq!(next_non_ascii(&bytes, at + 1), 20, "{byte:#x} at {at}");
            }
        }
    }
}

/// A byte range `start..end` into a text, on `char` boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A [`Span`] in half the room, for the lists that keep one for every token of a text. (No text is
/// 4 GiB long.)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CompactSpan {
    start: u32,
    end: u32,
}

impl From<Span> for CompactSpan {
    fn from(span: Span) -> Self {
        let offset = |at: usize| u32::try_from(at).expect("a text shorter than 4 GiB");
        CompactSpan { start: offset(span.start), end: offset(span.end) }
    }
}

impl From<CompactSpan> for Span {
    fn from(span: CompactSpan) -> Self {
        Span::new(span.start as usize, span.end as usize)
    }
}

/// The high bit of each byte of `x` (eight bytes of text) that is an ASCII byte from `low` to
/// `high`, its other bits clear: the "has between" trick, in which no carry crosses bytes.
#[inline(always)]
pub(crate) const fn ascii_between(x: u64, low: u8, high: u8) -> u64 {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    let low7 = x & (ONES * 0x7f);
    (ONES * (127 + high as u64 + 1) - low7) & !x & (low7 + ONES * (127 - (low as u64 - 1))) & (ONES * 0x80)
}

/// `text` with its ASCII letters lowercased, as [`str::to_ascii_lowercase`] gives it, but eight
/// bytes at a time (in wasm the standard one goes a byte at a time), in a string with room for
/// `capacity` bytes.
pub(crate) fn to_ascii_lowercase(text: &str, capacity: usize) -> String {
    let mut bytes = Vec::with_capacity(capacity.max(text.len()));
    bytes.extend_from_slice(text.as_bytes());
    let mut chunks = bytes.chunks_exact_mut(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes((&*chunk).try_into().expect("eight bytes"));
        // Each upper-case letter's high bit, shifted down to its case bit.
        chunk.copy_from_slice(&(x | ascii_between(x, b'A', b'Z') >> 2).to_le_bytes());
    }
    chunks.into_remainder().make_ascii_lowercase();
    String::from_utf8(bytes).expect("UTF-8 with ASCII letters changed is UTF-8")
}

/// The first byte from `at` that is not ASCII (or the end), looked for eight bytes at a time.
pub(crate) fn next_non_ascii(bytes: &[u8], mut at: usize) -> usize {
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    while let Some(chunk) = bytes.get(at..at + 8) {
        let high = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) & HIGH;
        if high != 0 {
            return at + high.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    bytes[at..].iter().position(|b| !b.is_ascii()).map_or(bytes.len(), |offset| at + offset)
}

/// The end of the run of ASCII letters and digits from `at`. Eight bytes are tested at once: a word
/// mostly ends within them, so the loop does not branch on every letter, which would mispredict at
/// every word's end.
#[inline(always)]
pub(crate) fn ascii_alphanumeric_end(bytes: &[u8], mut at: usize) -> usize {
    const CASE_BITS: u64 = u64::from_le_bytes([0x20; 8]);
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Setting the case bit makes the upper-case letters lower-case and no other byte a letter.
        let alphanumeric = ascii_between(x | CASE_BITS, b'a', b'z') | ascii_between(x, b'0', b'9');
        let others = !alphanumeric & u64::from_le_bytes([0x80; 8]);
        if others != 0 {
            return at + others.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    at + bytes[at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count()
}

/// Converts byte offsets of one text into character (Unicode scalar value) offsets.
pub struct CharOffsets {
    /// `char_at[byte]` = number of chars before `byte`; filled for every byte offset up to `len`.
    char_at: Vec<u32>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut char_at = Vec::with_capacity(text.len() + 1);
        for (chars_before, c) in text.chars().enumerate() {
            char_at.extend(std::iter::repeat_n(chars_before as u32, c.len_utf8()));
        }
        char_at.push(text.chars().count() as u32);
        CharOffsets { char_at }
    }

    /// The char offset of a byte offset (clamped to the text's end).
    pub fn char_offset(&self, byte: usize) -> usize {
        self.char_at[byte.min(self.char_at.len() - 1)] as usize
    }

    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

/// Everything extracted from one text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub sentences: Vec<Span>,
    pub entities: Vec<ner::Entity>,
    pub quotes: Vec<quotes::Quote>,
    pub attributions: Vec<quotes::MediaAttribution>,
    pub timexes: Vec<timex::Timex>,
    pub claims: Vec<claims::Claim>,
}

/// An article together with what was extracted from its text: the unit of cross-article analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub article: Article,
    pub extraction: Extraction,
}

impl Document {
    /// Extracts `article` against its own date.
    pub fn new(article: Article) -> Document {
        let extraction = extract(&article.text, article.date);
        Document { article, extraction }
    }
}

/// Runs the whole extraction pipeline over `text`; `dct` is the document's creation date, against
/// which relative dates ("on Tuesday", "last year") are resolved.
pub fn extract(text: &str, dct: Option<NaiveDate>) -> Extraction {
    let tokens = text::tokenize(text);
    let sentences = text::sentences(text, &tokens);
    let entities = ner::extract_entities(text, &tokens, &sentences);
    let (quotes, attributions) = quotes::extract_quotes_and_attributions(text, &entities);
    let (timexes, claims) = extract_timexes_and_claims(text, &sentences, dct);
    Extraction { sentences, entities, quotes, attributions, timexes, claims }
}

/// The dates and the numeric claims of `text` (split into `sentences`), read from the same
/// tokens, scanned once: the last stage of [`extract`].
pub fn extract_timexes_and_claims(text: &str, sentences: &[Span], dct: Option<NaiveDate>) -> (Vec<timex::Timex>, Vec<claims::Claim>) {
    let mut lowered = crate::timex::scan::Lowered::default();
    let (scanned, starts) = claims::tokens_and_starts(text, &mut lowered);
    let timexes = timex::timexes_in(&scanned, starts.iter().map(|&(i, begins)| (i, begins.dates)), dct);
    let claims = claims::claims_in(text, &scanned, &starts, sentences, &timexes, dct);
    (timexes, claims)
}
