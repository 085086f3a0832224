//! A scanned text: tokens, paired quote marks and narrative sentences, with the small queries
//! the attribution rules ask of them.
use super::lexicon::{self, Phrases, Words, ABBREVIATIONS, OUTLET_CAPITAL_START, OUTLET_LOWER_CASE_START, OUTLET_SUFFIX, OUTLET_SUFFIXES};
use super::scan::{self, Marked, Tok, TokKind};
use crate::Span;
use std::ops::Range;

/// The bit of a word that starts with a capital letter or a digit.
pub(super) const CAPITALIZED: u64 = 1 << 63;

/// The bit of a token whose lower-cased text is copied after the text (see `Document::lower`).
pub(super) const LOWER_CASE_COPIED: u64 = 1 << 62;

/// The bit of a token that ends a sentence (see `Document::is_terminal`).
const TERMINAL: u64 = 1 << 61;

pub(super) struct Document<'t> {
    pub text: &'t str,
    pub toks: Vec<Tok>,
    /// The text with ASCII letters lower-cased, then the lower-cased texts of the tokens with
    /// other letters that lower-casing changes. A token's lower-cased text is at its own span, or
    /// for one of those (`LOWER_CASE_COPIED`) at its span in `copied_lower`.
    lower: String,
    /// The tokens whose lower-cased text is copied, in order, and its span in `lower`: they are
    /// few, so the others keep no span of their own.
    copied_lower: Vec<(usize, Span)>,
    /// For each token, the bits of the word lists it is in (see `lexicon::word_bits`),
    /// `CAPITALIZED`, `LOWER_CASE_COPIED` and `TERMINAL`.
    bits: Vec<u64>,
    /// The structural tokens (see `scan::tokenize`), in order.
    structural: Vec<u32>,
    /// The terminal tokens and opening marks of quotations, in order: where narratives end (see
    /// `narrative_end`).
    narrative_breaks: Vec<u32>,
    pub pairs: Vec<Marked>,
    /// For each token, the quotation it opens, is inside of or closes (see `PairRole`).
    pair_roles: Vec<PairRole>,
    /// Narrative sentences as token ranges; a quotation never splits one.
    pub sentences: Vec<(usize, usize)>,
    /// The commas outside quotations, in text order (see `commas_in`).
    commas: Vec<u32>,
}

impl<'t> Document<'t> {
    pub fn new(text: &'t str) -> Self {
        let (toks, structural) = scan::tokenize(text);
        let (lower, copied_lower, bits) = lower_case(text, &toks);
        let pairs = scan::pair_marks(text, &toks, &structural);
        let pair_roles = pair_roles(toks.len(), &pairs);
        // The breaks, sentences and commas are found among the structural tokens: room for them
        // all spares the lists growing.
        let narrative_breaks = Vec::with_capacity(structural.len());
        let mut doc = Document { text, toks, lower, copied_lower, bits, structural, narrative_breaks, pairs, pair_roles, sentences: Vec::new(), commas: Vec::new() };
        doc.mark_terminals_and_narrative_breaks();
        (doc.sentences, doc.commas) = doc.split_sentences();
        doc
    }

    /// Sets `TERMINAL` in the bits of the terminal tokens, and lists them with the opening marks
    /// of quotations: all are structural. (Token indices fit a `u32`, as the token spans do.)
    fn mark_terminals_and_narrative_breaks(&mut self) {
        for k in 0..self.structural.len() {
            let i = self.structural[k] as usize;
            let terminal = match self.toks[i].kind {
                TokKind::Newline | TokKind::Punct('?' | '!' | ';') => true,
                TokKind::Punct('.') => self.is_full_stop(i),
                _ => false,
            };
            if terminal {
                self.bits[i] |= TERMINAL;
            }
            if terminal || self.opened_pair(i).is_some() {
                self.narrative_breaks.push(i as u32);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn lower(&self, i: usize) -> &str {
        let span = match self.bits.get(i) {
            None => return "",
            Some(bits) if bits & LOWER_CASE_COPIED != 0 => {
                let k = self.copied_lower.partition_point(|&(copied, _)| copied < i);
                self.copied_lower[k].1
            }
            Some(_) => self.toks[i].span(),
        };
        span.text(&self.lower)
    }

    pub fn raw(&self, i: usize) -> &'t str {
        self.toks[i].span().text(self.text)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Tok::is_word)
    }

    pub fn is_punct(&self, i: usize, set: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(set))
    }

    pub fn is_mark(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| matches!(t.kind, TokKind::Mark { .. }))
    }

    pub fn is_newline(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Newline)
    }

    /// The first token of each line: line breaks are structural tokens.
    pub fn line_starts(&self) -> impl Iterator<Item = usize> + '_ {
        let after_newlines = self.structural.iter().map(|&i| i as usize).filter(|&i| self.is_newline(i)).map(|i| i + 1);
        std::iter::once(0).chain(after_newlines).filter(|&i| i < self.len())
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.bits.get(i).is_some_and(|&bits| bits & CAPITALIZED != 0)
    }

    pub fn is_one_of(&self, i: usize, words: &[&str]) -> bool {
        self.is_word(i) && words.contains(&self.lower(i))
    }

    /// The bits of tokens `from..to` together: whether any is in a list.
    pub fn bits_in(&self, from: usize, to: usize) -> u64 {
        self.bits[from..to].iter().fold(0, |all, bits| all | bits)
    }

    /// The first of tokens `from..to` in any of the lists whose bits are `lists`, else `to`.
    pub fn next_in(&self, from: usize, to: usize, lists: u64) -> usize {
        self.bits[from..to].iter().position(|bits| bits & lists != 0).map_or(to, |offset| from + offset)
    }

    /// `is_one_of` for a lexicon list, by its bit.
    pub fn is_in(&self, i: usize, words: Words) -> bool {
        debug_assert!(lexicon::WORD_LISTS.iter().any(|w| w.bit == words.bit && w.list.len() == words.list.len()), "a word list missing from WORD_LISTS");
        self.bits.get(i).is_some_and(|&bits| bits & words.bit != 0)
    }

    /// Whether tokens `i` and `i + 1` are one of `phrases` (lower-cased).
    #[inline]
    pub fn starts_phrase(&self, i: usize, phrases: Phrases) -> bool {
        // Inlined, the test of the first word's bit spares most words a call.
        self.bits.get(i).is_some_and(|&bits| bits & phrases.bit != 0) && self.is_phrase_at(i, phrases)
    }

    fn is_phrase_at(&self, i: usize, phrases: Phrases) -> bool {
        debug_assert!(lexicon::PHRASE_LISTS.iter().any(|p| p.bit == phrases.bit && p.list.len() == phrases.list.len()), "a phrase list missing from PHRASE_LISTS");
        let (word, next) = (self.lower(i), self.lower(i + 1));
        phrases.list.iter().any(|&(w, n)| w == word && n == next)
    }

    pub fn opened_pair(&self, i: usize) -> Option<usize> {
        self.pair_roles.get(i).and_then(|role| role.opens())
    }

    pub fn pair_inside(&self, i: usize) -> Option<usize> {
        self.pair_roles.get(i).and_then(|role| role.inside())
    }

    /// The token that contains byte offset `byte` (the last one starting at or before it).
    pub fn token_at(&self, byte: usize) -> usize {
        self.toks.partition_point(|t| t.span().start <= byte).saturating_sub(1)
    }

    /// The indices in `pairs` of the quotations whose marks overlap `span`: a range, because
    /// quotations are in text order and never overlap.
    pub fn pairs_overlapping(&self, span: Span) -> Range<usize> {
        let first = self.pairs.partition_point(|p| p.outer.end <= span.start);
        first..self.pairs.partition_point(|p| p.outer.start < span.end)
    }

    /// Byte span of tokens `from..to` (non-empty range).
    pub fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.toks[from].span().start, self.toks[to - 1].span().end)
    }

    /// A period that ends a sentence, not an abbreviation's ("Sen.", "U.S.", "J.").
    fn is_full_stop(&self, i: usize) -> bool {
        if !self.is_punct(i, ".") {
            return false;
        }
        let Some(prev) = i.checked_sub(1).filter(|&p| self.is_word(p) && self.toks[p].span().end == self.toks[i].span().start) else {
            return true;
        };
        // "(D-N.Y.)", "U.S.," : a period before a closing parenthesis or a comma ends an abbreviation.
        if self.is_punct(i + 1, "),") {
            return false;
        }
        !(is_initials(self.raw(prev)) || self.is_in(prev, ABBREVIATIONS))
    }

    /// The end of the narrative from token `start` on, as after a quotation: the first sentence
    /// end, line break or quotation mark at or after it.
    pub fn narrative_end(&self, start: usize) -> usize {
        // A quotation's marks and content end the narrative as a terminal does: at `start` inside
        // one, else at the next terminal or opening mark.
        if start >= self.len() || self.pair_inside(start).is_some() {
            return start;
        }
        let next_break = self.narrative_breaks.partition_point(|&b| (b as usize) < start);
        self.narrative_breaks.get(next_break).map_or(self.len(), |&b| b as usize)
    }

    /// Terminal punctuation or a line break.
    pub fn is_terminal(&self, i: usize) -> bool {
        self.bits.get(i).is_some_and(|&bits| bits & TERMINAL != 0)
    }

    /// Splits at terminal punctuation and line breaks outside quotations, and after a quotation
    /// that ends a sentence (“… hopeful.” He left.). Also the commas outside quotations, which
    /// this reading passes. Quotations open, terminals end and commas break only at structural
    /// tokens: it reads them alone.
    fn split_sentences(&self) -> (Vec<(usize, usize)>, Vec<u32>) {
        let mut sentences = Vec::with_capacity(self.narrative_breaks.len() + 1);
        let mut commas = Vec::with_capacity(self.structural.len());
        let mut start = 0;
        // The first token after the last quotation passed.
        let mut after_quotation = 0;
        for i in self.structural.iter().map(|&i| i as usize) {
            if i < after_quotation {
                continue;
            }
            if let Some(pair) = self.opened_pair(i) {
                let pair = &self.pairs[pair];
                let last_inner = pair.close.saturating_sub(1);
                let ends_sentence = pair.close > pair.open + 1
                    && (self.is_punct(last_inner, "?!") || self.is_full_stop(last_inner))
                    && (self.is_capitalized(pair.close + 1) || self.is_mark(pair.close + 1));
                after_quotation = pair.close + 1;
                if ends_sentence {
                    sentences.push((start, after_quotation));
                    start = after_quotation;
                }
                continue;
            }
            if self.is_terminal(i) {
                let end = if self.is_newline(i) { i } else { i + 1 };
                if end > start {
                    sentences.push((start, end));
                }
                start = i + 1;
            } else if self.is_punct(i, ",") {
                commas.push(i as u32);
            }
        }
        if start < self.len() {
            sentences.push((start, self.len()));
        }
        (sentences, commas)
    }

    /// The commas outside quotations among tokens `from..to`: the clause breaks of a sentence,
    /// found without reading its other tokens.
    pub fn commas_in(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.commas.partition_point(|&comma| (comma as usize) < from);
        self.commas[first..].iter().map(|&comma| comma as usize).take_while(move |&comma| comma < to)
    }

    /// The news outlet named at token `i` ("the BBC", "Kyiv Post"): its last token (exclusive)
    /// and its name's span.
    #[inline(always)]
    pub fn outlet_at(&self, i: usize) -> Option<(usize, Span)> {
        // Inlined, this test of bits spares a call to the words that can start no outlet, most
        // words: one starts an outlet when its word starts a known one, when it is capitalized, or
        // when it is an article before a capitalized word.
        let may_start = self.bits.get(i).is_some_and(|&bits| bits & (CAPITALIZED | OUTLET_CAPITAL_START | OUTLET_LOWER_CASE_START) != 0);
        (may_start || self.is_capitalized(i + 1)).then(|| self.outlet_from(i)).flatten()
    }

    fn outlet_from(&self, i: usize) -> Option<(usize, Span)> {
        // "The Associated Press" is a name; "the BBC" has an article.
        let (start, known) = match self.known_outlet_at(i) {
            Some(end) => (i, Some(end)),
            // The capital is tested first: it is a bit, and rules out most words.
            // Only ASCII letters lower-case to "t", "h" and "e": "the" in any case is found by its bytes.
            None if self.is_capitalized(i + 1) && self.raw(i).eq_ignore_ascii_case("the") => (i + 1, self.known_outlet_at(i + 1)),
            None => (i, None),
        };
        let end = known.or_else(|| {
            let mut end = start;
            // A number ends the name ("CNN 2024"); a word that starts with a letter is none.
            let is_number = |i: usize| self.text.as_bytes()[self.toks[i].span().start].is_ascii_digit() && self.raw(i).chars().all(|c| c.is_ascii_digit());
            while self.is_capitalized(end) && !is_number(end) {
                end += 1;
            }
            (end > start && self.bits[end - 1] & OUTLET_SUFFIX != 0 && OUTLET_SUFFIXES.contains(&self.raw(end - 1))).then_some(end)
        })?;
        Some((end, self.span(start, end)))
    }

    /// The end of the longest known outlet (`OUTLETS`) that starts at token `start`.
    #[inline(always)]
    fn known_outlet_at(&self, start: usize) -> Option<usize> {
        // Inlined, the test of the first word's bit spares most words a call.
        let start_bit = if self.is_capitalized(start) { OUTLET_CAPITAL_START } else { OUTLET_LOWER_CASE_START };
        if self.bits.get(start).is_none_or(|&bits| bits & start_bit == 0) {
            return None;
        }
        self.longest_known_outlet(start)
    }

    pub(super) fn longest_known_outlet(&self, start: usize) -> Option<usize> {
        // The outlets are sorted: those whose first words are the k tokens from `start` are a
        // range, led by the one of exactly k words if there is one, and narrowed a word at a time.
        let mut outlets = lexicon::known_outlets();
        let mut longest = None;
        for i in start.. {
            let k = i - start;
            if outlets.first().is_some_and(|words| words.len() == k) {
                longest = Some(i);
            }
            if outlets.is_empty() || i >= self.len() {
                break;
            }
            let word = self.raw(i);
            let from = outlets.partition_point(|words| words.len() <= k || words[k] < word);
            let to = from + outlets[from..].partition_point(|words| words[k] == word);
            outlets = &outlets[from..to];
        }
        longest
    }
}

/// Whether `word` is initials before their last period ("J", "G.K"): capital letters, one between
/// each two periods. Read a character at a time, most words fail at their second.
pub(super) fn is_initials(word: &str) -> bool {
    let mut chars = word.chars();
    loop {
        match (chars.next(), chars.next()) {
            (Some(initial), None) => return initial.is_uppercase(),
            (Some(initial), Some('.')) if initial.is_uppercase() => continue,
            _ => return false,
        }
    }
}

/// A token's place in the quotations: none, or the index in `pairs` of the one it opens, or of
/// the one it is inside of or closes. Quotations never overlap, so one place is enough.
#[derive(Clone, Copy)]
struct PairRole(u32);

impl PairRole {
    const NONE: PairRole = PairRole(u32::MAX);

    fn opens(self) -> Option<usize> {
        (self.0 != u32::MAX && self.0 & 1 == 1).then_some(self.0 as usize >> 1)
    }

    fn inside(self) -> Option<usize> {
        (self.0 != u32::MAX && self.0 & 1 == 0).then_some(self.0 as usize >> 1)
    }
}

/// The `PairRole` of each of `len` tokens.
fn pair_roles(len: usize, pairs: &[Marked]) -> Vec<PairRole> {
    debug_assert!(pairs.windows(2).all(|w| w[0].close < w[1].open), "quotations overlap");
    let mut roles = vec![PairRole::NONE; len];
    for (index, pair) in pairs.iter().enumerate() {
        let index = u32::try_from(index).ok().filter(|&i| i < u32::MAX >> 1).expect("fewer quotations than fit a role other than NONE");
        roles[pair.open] = PairRole(index << 1 | 1);
        roles[pair.open + 1..=pair.close].fill(PairRole(index << 1));
    }
    roles
}

/// Each token's lower-cased text, in the text with its ASCII letters lower-cased or, for a token
/// with other letters that lower-casing changes, after it (`Document::copied_lower`); and the
/// bits of each token (see `Document::bits`).
fn lower_case(text: &str, toks: &[Tok]) -> (String, Vec<(usize, Span)>, Vec<u64>) {
    // Room for the tokens copied after it, so that the first of them does not copy it all.
    let mut lower = crate::to_ascii_lowercase(text, text.len() + text.len() / 8);
    let mut copied = Vec::new();
    let table = lexicon::table();
    let bits = toks
        .iter()
        .enumerate()
        .map(|(i, tok)| {
            let span = tok.span();
            let first = text.as_bytes()[span.start];
            if !tok.is_word() && first.is_ascii() {
                // ASCII punctuation, a mark or a line break: in no list, and in place.
                return 0;
            }
            // Most words are ASCII and short: looked up by their key, capitalized by their first byte.
            match tok.is_word().then(|| short_ascii_key(&lower.as_bytes()[span.start..], span.len())).flatten() {
                Some(key) => table.bits(key) | if first.is_ascii_uppercase() || first.is_ascii_digit() { CAPITALIZED } else { 0 },
                None => other_token_bits(text, tok, &mut lower, &mut copied, i),
            }
        })
        .collect();
    (lower, copied, bits)
}

/// The bits of token `i`, `tok`, which is no short ASCII word: with its lower-cased text copied
/// to `lower` and listed in `copied` where lower-casing changes more than its ASCII letters.
/// Apart from the loop over the tokens, which it would crowd (in wasm, with values kept in memory).
#[inline(never)]
fn other_token_bits(text: &str, tok: &Tok, lower: &mut String, copied: &mut Vec<(usize, Span)>, i: usize) -> u64 {
    let raw = tok.span().text(text);
    let (span, copied_bit) = if lower_case_in_place(raw) {
        (tok.span(), 0)
    } else {
        let span = push_lower_case(lower, raw);
        copied.push((i, span));
        (span, LOWER_CASE_COPIED)
    };
    let word_bits = if tok.is_word() { lexicon::word_bits(span.text(lower)) | if lexicon::is_capitalized(raw) { CAPITALIZED } else { 0 } } else { 0 };
    word_bits | copied_bit
}

/// The lexicon key (see `lexicon::packed`) of the `len` bytes that `bytes` starts with, when they
/// are ASCII and at most 16: read at once where 16 bytes are left.
fn short_ascii_key(bytes: &[u8], len: usize) -> Option<u128> {
    if len > 16 {
        return None;
    }
    // The masks of the first `len` bytes, looked up: a shift of a `u128` by a variable count
    // takes several instructions.
    const FIRST_BYTES: [u128; 17] = {
        let mut masks = [0; 17];
        let mut len = 1;
        while len <= 16 {
            masks[len] = u128::MAX >> (128 - 8 * len);
            len += 1;
        }
        masks
    };
    let key = match bytes.first_chunk::<16>() {
        Some(chunk) => u128::from_le_bytes(*chunk) & FIRST_BYTES[len],
        None => lexicon::packed(&bytes[..len])?,
    };
    (key & u128::from_le_bytes([0x80; 16]) == 0).then_some(key)
}

/// Whether lower-casing changes no character of `raw` but ASCII letters: its lower-case text is
/// then in place. (Curly quotes and dashes, the commonest tokens beyond ASCII, are not copied.)
fn lower_case_in_place(raw: &str) -> bool {
    raw.is_ascii() || raw.chars().all(|c| c.is_ascii() || is_general_punctuation(c) || c.to_lowercase().eq([c]))
}

/// Curly quotes, dashes and ellipses: told by their range, they are spared the case tables (no
/// character of the block has a case).
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}')
}

/// Appends `raw` lower-cased to `lower`: where it is.
fn push_lower_case(lower: &mut String, raw: &str) -> Span {
    let from = lower.len();
    if raw.contains('Σ') {
        // Only a final sigma lower-cases by context.
        lower.push_str(&raw.to_lowercase());
    } else {
        lower.extend(raw.chars().flat_map(char::to_lowercase));
    }
    Span::new(from, lower.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_punctuation_has_no_case() {
        let block = (char::MIN..=char::MAX).filter(|&c| is_general_punctuation(c));
        assert!(block.clone().all(|c| c.to_lowercase().eq([c])));
        assert!(['’', '“', '”', '—', '–', '…'].into_iter().all(is_general_punctuation));
    }
}
