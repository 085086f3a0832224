//! A small private tokenizer for the date and number grammars: words, numbers and punctuation with
//! byte spans. It does not depend on `crate::text`, so the grammars work on any input.

use crate::{CompactSpan, Span};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Word,
    /// Starts with a digit: `26`, `1,500`, `2.5`, `10:35`, `1/2`, and with a letter suffix `1990s`, `4th`.
    Number,
    Punct,
    /// A blank line: nothing spans it.
    Break,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Token<'t> {
    span: CompactSpan,
    /// Lower-cased text (words), the text itself (numbers, punctuation).
    pub lower: &'t str,
    pub class: Class,
    pub capitalized: bool,
}

impl Token<'_> {
    pub fn span(&self) -> Span {
        self.span.into()
    }
}

/// Lower-case words with a value each, looked up fast: the scans look up every word of a text,
/// and most words of prose are not in the map.
pub(crate) struct WordMap<V> {
    /// A word is keyed by its bytes as one integer, which is cheap to hash and to compare; none of
    /// the words is longer than the 16 bytes that fit. (Words have no NUL byte: the zero padding
    /// keeps keys apart.) Open addressing: a key is in the first slot from its hash's whose key
    /// is it or 0 (no word's: words are not empty). The slots are kept at most a quarter full,
    /// so that probes are short and always meet an empty slot.
    slots: Vec<(u128, V)>,
    used: usize,
    /// A bit for each length, first letter and last letter of the words: it rules out most other
    /// words before their key is built and hashed.
    shapes: [u32; 16 * 26],
}

impl<V: Copy + Default> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            slots: vec![(0, V::default()); 16],
            used: 0,
            shapes: [0; 16 * 26],
        }
    }
}

impl<V: Copy + Default> WordMap<V> {
    /// The word's value, the default for a word not in the map.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> V {
        if shape(word).is_some_and(|(row, bit)| self.shapes[row] & bit == 0) {
            return V::default();
        }
        self.get_hashed(word)
    }

    /// Kept out of line, so that callers inline the cheap test above.
    #[inline(never)]
    fn get_hashed(&self, word: &str) -> V {
        key(word).map_or_else(V::default, |key| self.slots[self.slot(key)].1)
    }

    /// Every word of the `lists`, its value the values of the lists it is in, `merge`d in order
    /// from the default.
    pub(crate) fn from_lists<'w>(lists: impl IntoIterator<Item = (&'w [&'w str], V)>, merge: impl Fn(V, V) -> V) -> Self {
        let mut map = WordMap::default();
        for (words, value) in lists {
            for word in words {
                map.update(word, |old| merge(old, value));
            }
        }
        map
    }

    /// Sets the word's value to `change` of it.
    pub(crate) fn update(&mut self, word: &str, change: impl FnOnce(V) -> V) {
        let key = key(word).unwrap_or_else(|| panic!("{word:?} is longer than 16 bytes"));
        if 4 * (self.used + 1) > self.slots.len() {
            self.grow();
        }
        let slot = self.slot(key);
        if self.slots[slot].0 == 0 {
            self.slots[slot].0 = key;
            self.used += 1;
        }
        self.slots[slot].1 = change(self.slots[slot].1);
        if let Some((row, bit)) = shape(word) {
            self.shapes[row] |= bit;
        }
    }

    /// Twice the slots, the keys moved to their new slots.
    fn grow(&mut self) {
        let emptied = vec![(0, V::default()); 2 * self.slots.len()];
        for (key, value) in std::mem::replace(&mut self.slots, emptied) {
            if key != 0 {
                let slot = self.slot(key);
                self.slots[slot] = (key, value);
            }
        }
    }

    /// The slot that holds `key`, or the empty one where it would go.
    fn slot(&self, key: u128) -> usize {
        let hash = (key as u64 ^ (key >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mask = self.slots.len() - 1;
        let mut slot = (hash >> (64 - self.slots.len().trailing_zeros())) as usize;
        while self.slots[slot].0 != key && self.slots[slot].0 != 0 {
            slot = (slot + 1) & mask;
        }
        slot
    }
}

/// The row and bit of a word of at most 16 bytes from `a` to `z`, by its length, first and last
/// letter. (Other words are not ruled out by their shape.)
fn shape(word: &str) -> Option<(usize, u32)> {
    let (&first, &last) = (word.as_bytes().first()?, word.as_bytes().last()?);
    let letters = first.is_ascii_lowercase() && last.is_ascii_lowercase();
    (letters && word.len() <= 16).then(|| {
        (
            (word.len() - 1) * 26 + usize::from(first - b'a'),
            1 << (last - b'a'),
        )
    })
}

/// The word's bytes as one integer, zero-padded. They are read in a few loads of fixed size: a
/// copy of a word's length into a buffer is a call to `memcpy`.
fn key(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let (low, high) = match bytes.len() {
        0..=8 => (padded(bytes), 0),
        9..=16 => (padded(&bytes[..8]), padded(&bytes[8..])),
        _ => return None,
    };
    Some(u128::from(low) | u128::from(high) << 64)
}

/// Up to eight bytes as an integer, zero-padded, from two loads that overlap when they are fewer.
fn padded(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let four = |at: usize| u64::from(u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes")));
    let one = |at: usize| u64::from(bytes[at]) << (8 * at);
    match len {
        8 => u64::from_le_bytes(bytes.try_into().expect("eight bytes")),
        4..=7 => four(0) | four(len - 4) << (8 * (len - 4)),
        1..=3 => one(0) | one(len / 2) | one(len - 1),
        _ => 0,
    }
}

/// The lower-case text that tokens borrow: one buffer for the document instead of a string per
/// token.
#[derive(Default)]
pub(crate) struct Lowered {
    /// The text with its ASCII letters lower-cased, which holds the lower-case text of every word
    /// in ASCII: copied at once, eight bytes at a time, rather than word by word.
    ascii: String,
    /// The lower-case text of the words beyond ASCII that lower-casing changes.
    others: String,
}

/// The tokens of `text`. A word that is not lower-case borrows its lower-case text from `lowered`.
pub(crate) fn tokenize<'t>(text: &'t str, lowered: &'t mut Lowered) -> Vec<Token<'t>> {
    tokenize_first(text, usize::MAX, lowered)
}

/// The first `limit` tokens of `text`, as [`tokenize`] gives them.
pub(crate) fn tokenize_first<'t>(
    text: &'t str,
    limit: usize,
    lowered: &'t mut Lowered,
) -> Vec<Token<'t>> {
    scan(text, limit, lowered, |_| None::<()>).0
}

/// The tokens of `text`, and the indexes of those that `marks` marks, with their marks, found as
/// the tokens are made: a scan that looks at a few tokens only is spared a pass over all of them.
pub(crate) fn tokenize_marking<'t, M>(
    text: &'t str,
    lowered: &'t mut Lowered,
    marks: impl Fn(&Token) -> Option<M>,
) -> (Vec<Token<'t>>, Vec<(usize, M)>) {
    scan(text, usize::MAX, lowered, marks)
}

/// The first `limit` tokens of [`tokenize_marking`].
fn scan<'t, M>(
    text: &'t str,
    limit: usize,
    lowered: &'t mut Lowered,
    marks: impl Fn(&Token) -> Option<M>,
) -> (Vec<Token<'t>>, Vec<(usize, M)>) {
    // Checked once, not at every token's span.
    assert!(u32::try_from(text.len()).is_ok(), "a text shorter than 4 GiB");
    // Prose has about one token in five bytes: room for all, without growing.
    let capacity = limit.min(text.len() / 4 + 1);
    let mut tokens = Vec::with_capacity(capacity);
    let mut marked = Vec::new();
    let Lowered { ascii, others } = lowered;
    *ascii = crate::to_ascii_lowercase(text, text.len());
    let ascii: &'t str = ascii;
    // The words whose lower-case text is in `others`: their token and its range there.
    let mut relowered = Vec::new();
    let mut at = 0;
    while tokens.len() < limit {
        let Some((mut token, case)) = next_token(text, &mut at) else {
            break;
        };
        let mut relower = None;
        match case {
            Case::Lower => {}
            Case::AsciiCapitals => token.lower = token.span().text(ascii),
            Case::Unicode => relower = push_lowercase(token.lower, others),
        }
        let lower = relower.clone().map_or(token.lower, |range| &others[range]);
        if let Some(mark) = marks(&Token { lower, ..token }) {
            marked.push((tokens.len(), mark));
        }
        if let Some(range) = relower {
            relowered.push((tokens.len(), range));
        }
        tokens.push(token);
    }
    let others: &'t str = others;
    for (k, range) in relowered {
        tokens[k].lower = &others[range];
    }
    (tokens, marked)
}

/// How a token's text stands for its lower-case text.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Case {
    /// It is its lower-case text: not a word, or a word of lower-case ASCII.
    Lower,
    /// A word of ASCII with capitals.
    AsciiCapitals,
    /// A word with letters beyond ASCII.
    Unicode,
}

/// Appends the lower-case text of `word`, a word beyond ASCII, to `lowered` when that is not the
/// word, and returns where it is.
fn push_lowercase(word: &str, lowered: &mut String) -> Option<Range<usize>> {
    // Whole-word `to_lowercase`: it knows the word-final sigma.
    let lower = word.to_lowercase();
    if lower == word {
        return None;
    }
    let start = lowered.len();
    lowered.push_str(&lower);
    Some(start..lowered.len())
}

/// The token at or after byte `at`, moving `at` past it, and how its text stands for its
/// lower-case text. (ASCII bytes are told apart without decoding chars: they are most of a text.)
#[inline(always)]
fn next_token<'t>(text: &'t str, at: &mut usize) -> Option<(Token<'t>, Case)> {
    let bytes = text.as_bytes();
    loop {
        let start = ascii_run_end(bytes, *at, |b| {
            matches!(b, b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c')
        });
        let (end, class, case, capitalized) = match *bytes.get(start)? {
            b @ (b'a'..=b'z' | b'A'..=b'Z') => {
                let case = if b.is_ascii_lowercase() {
                    Case::Lower
                } else {
                    Case::AsciiCapitals
                };
                let (end, case) = word_end(text, start, start + 1, case);
                (end, Class::Word, case, b.is_ascii_uppercase())
            }
            b'0'..=b'9' => (number_end(text, start + 1), Class::Number, Case::Lower, false),
            b'\n' => {
                let (after, blank) = whitespace_end(text, start + 1);
                *at = after;
                if blank {
                    let token = token(text, start, start + 1, Class::Break, false);
                    return Some((token, Case::Lower));
                }
                continue;
            }
            0x80.. => {
                let c = text[start..].chars().next()?;
                let after = start + c.len_utf8();
                if c.is_whitespace() {
                    *at = after;
                    continue;
                } else if is_letter(c) {
                    let (end, case) = word_end(text, start, after, Case::Unicode);
                    (end, Class::Word, case, c.is_uppercase())
                } else {
                    (after, Class::Punct, Case::Lower, c.is_uppercase())
                }
            }
            _ => (start + 1, Class::Punct, Case::Lower, false),
        };
        *at = end;
        return Some((token(text, start, end, class, capitalized), case));
    }
}

fn token(text: &str, start: usize, end: usize, class: Class, capitalized: bool) -> Token<'_> {
    let lower = &text[start..end];
    Token {
        span: Span::new(start, end).into(),
        lower,
        class,
        capitalized,
    }
}

/// The end of the run of ASCII bytes from `at` that `accept` takes.
#[inline(always)]
fn ascii_run_end(bytes: &[u8], mut at: usize, accept: impl Fn(u8) -> bool) -> usize {
    while bytes.get(at).is_some_and(|&b| accept(b)) {
        at += 1;
    }
    at
}

/// The end of the run of lower-case ASCII letters from `at`. Eight bytes are tested at once: a word
/// mostly ends within them, so the loop does not branch on every letter, which would mispredict at
/// every word's end.
#[inline(always)]
fn lowercase_run_end(bytes: &[u8], mut at: usize) -> usize {
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let others = !crate::ascii_between(x, b'a', b'z') & HIGH;
        if others != 0 {
            return at + others.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    ascii_run_end(bytes, at, |b| b.is_ascii_lowercase())
}

/// The end of the whitespace from `at` (after a newline), and whether it holds another newline:
/// a blank line.
fn whitespace_end(text: &str, mut at: usize) -> (usize, bool) {
    let mut blank = false;
    while let Some(c) = text[at..].chars().next().filter(|c| c.is_whitespace()) {
        blank |= c == '\n';
        at += c.len_utf8();
    }
    (at, blank)
}

/// The end of the word starting at `start`, read up to `at`: letters, and dots between single
/// letters (`a.m.`, `p.m.`, `U.S.`). Also its [`Case`], given that of its letters up to `at`.
#[inline(always)]
fn word_end(text: &str, start: usize, mut at: usize, mut case: Case) -> (usize, Case) {
    let bytes = text.as_bytes();
    let mut dotted = false;
    loop {
        at = lowercase_run_end(bytes, at);
        match bytes.get(at) {
            Some(b) if b.is_ascii_uppercase() => {
                case = case.max(Case::AsciiCapitals);
                at += 1;
            }
            Some(b'.') if dotted || is_dotted_abbreviation(text, start, at) => {
                dotted = true;
                at += 1;
            }
            Some(0x80..) => match text[at..].chars().next().filter(|&c| is_letter(c)) {
                Some(c) => {
                    case = Case::Unicode;
                    at += c.len_utf8();
                }
                None => return (at, case),
            },
            _ => return (at, case),
        }
    }
}

/// The end of the number read up to `at`: digits and letters, and `,` `.` `:` `/` between digits.
fn number_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        at = ascii_run_end(bytes, at, |b| b.is_ascii_alphanumeric());
        match bytes.get(at) {
            Some(b',' | b'.' | b':' | b'/')
                if bytes.get(at + 1).is_some_and(u8::is_ascii_digit) =>
            {
                at += 1
            }
            Some(0x80..) => match text[at..].chars().next().filter(|&c| is_letter(c)) {
                Some(c) => at += c.len_utf8(),
                None => return at,
            },
            _ => return at,
        }
    }
}

/// `char::is_alphabetic`, at once for the quotes and dashes of General Punctuation (`’`, `“`,
/// `—`): the commonest chars beyond ASCII in news, and a table search each otherwise.
fn is_letter(c: char) -> bool {
    !('\u{2010}'..='\u{2027}').contains(&c) && c.is_alphabetic()
}

/// At a `.` after letters: true when the letters since the word start or the last dot are one
/// letter and another single letter follows (`a.m`, `U.S`).
fn is_dotted_abbreviation(text: &str, word_start: usize, dot: usize) -> bool {
    // What follows first: most dots end a sentence.
    let mut after = text[dot + 1..].chars();
    let next_is_letter = after.next().is_some_and(char::is_alphabetic);
    let then_not_letter = !after.next().is_some_and(char::is_alphabetic);
    next_is_letter && then_not_letter && {
        let before = &text[word_start..dot];
        let last_part = before.rsplit('.').next().unwrap_or(before);
        last_part.chars().count() == 1
    }
}

/// Whether token `i` starts a sentence: it is the first, or the token before it is `.`, `!`, `?`
/// (not after a known abbreviation) or a blank line.
pub(crate) fn starts_sentence(tokens: &[Token], i: usize) -> bool {
    let Some(previous) = i.checked_sub(1).map(|p| &tokens[p]) else {
        return true;
    };
    match previous.class {
        Class::Break => true,
        Class::Punct if matches!(previous.lower, "!" | "?") => true,
        Class::Punct if previous.lower == "." => {
            let after_abbreviation = i >= 2
                && tokens[i - 2].class == Class::Word
                && super::lexicon::ABBREVIATIONS.contains(&tokens[i - 2].lower);
            !after_abbreviation
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_abbreviations_numbers_and_spans() {
        let text = "At 10:35 a.m. on Sept. 4, 1,500 U.S. troops—in the 1990s.\n\nNext";
        let mut lowered = Lowered::default();
        let tokens = tokenize(text, &mut lowered);
        let shown: Vec<&str> = tokens.iter().map(|t| t.span().text(text)).collect();
        assert_eq!(
            shown,
            [
                "At", "10:35", "a.m.", "on", "Sept", ".", "4", ",", "1,500", "U.S.", "troops", "—",
                "in", "the", "1990s", ".", "\n", "Next"
            ]
        );
    }

    #[test]
    fn word_maps_keep_every_value_as_they_grow() {
        let words: Vec<String> = (0..300).map(|k| format!("w{k}")).chain(["a", "may", "sixteen-letters!"].map(String::from)).collect();
        let mut map = WordMap::default();
        for (k, word) in words.iter().enumerate() {
            map.update(word, |_| k + 1);
            map.update(word, |value| value * 2);
        }
        for (k, word) in words.iter().enumerate() {
            assert_eq!(map.get(word), 2 * (k + 1), "{word}");
        }
        for other in ["w300", "b", "mays", "sixteen-letters?", "seventeen letters"] {
            assert_eq!(map.get(other), 0, "{other}");
        }
    }

    #[test]
    fn keys_are_the_words_zero_padded() {
        let word = "abcdefghijklmnopq";
        for len in 0..=word.len() {
            let padded = (len <= 16).then(|| {
                let mut bytes = [0; 16];
                bytes[..len].copy_from_slice(&word.as_bytes()[..len]);
                u128::from_le_bytes(bytes)
            });
            assert_eq!(key(&word[..len]), padded, "{len} bytes");
        }
    }

    #[test]
    fn lowercase_runs_end_at_every_other_byte() {
        for other in (0..=u8::MAX).filter(|b| !b.is_ascii_lowercase()) {
            for at in 0..12 {
                let mut bytes = [b'q'; 12];
                bytes[at] = other;
                let one_by_one = ascii_run_end(&bytes, 0, |b| b.is_ascii_lowercase());
                assert_eq!(lowercase_run_end(&bytes, 0), one_by_one, "{other:#x} at {at}");
            }
        }
    }

    #[test]
    fn words_of_every_case_are_lower_cased() {
        let cases = [
            ("lower case", "paris"),
            ("capitalized", "Paris"),
            ("capitalized with dots", "A.m."),
            ("other capitals", "McDonald"),
            ("capitals after lower case", "iPhone"),
            ("all capitals", "U.S."),
            ("beyond ASCII", "Éric"),
            ("beyond ASCII after a capital", "Zoë"),
            ("final sigma", "ΟΔΟΣ"),
        ];
        for (name, word) in cases {
            let mut lowered = Lowered::default();
            let tokens = tokenize(word, &mut lowered);
            assert_eq!(tokens[0].lower, word.to_lowercase(), "{name}");
        }
    }

    #[test]
    fn multibyte_text_never_splits_a_char() {
        for text in ["é.", "a.é", "1.é", "€5", "x\n \n", "5,"] {
            for token in tokenize(text, &mut Lowered::default()) {
                assert!(
                    text.get(token.span().start..token.span().end).is_some(),
                    "{text:?}"
                );
            }
        }
    }
}
