//! The quotes module's own light scanner: words, punctuation, quote marks and line breaks with byte
//! spans, and the pairing of quote marks into quotations. It does not wait for `text.rs`, because
//! quote detection must work on any input, and it must tell quote marks from apostrophes itself.
use crate::{CompactSpan, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Family {
    /// “ ” " « » „ and the typewriter pair '' (NYT style).
    Double,
    /// ‘ ’ ' when not an apostrophe.
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TokKind {
    Word,
    /// One character that is neither a letter, a digit, a quote mark nor a space.
    Punct(char),
    Mark { family: Family, can_open: bool, can_close: bool },
    Newline,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    span: CompactSpan,
    pub kind: TokKind,
}

impl Tok {
    pub fn span(&self) -> Span {
        self.span.into()
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_punct(&self, set: &str) -> bool {
        // An ASCII byte is never part of a longer character: ASCII marks are found by byte.
        matches!(self.kind, TokKind::Punct(c) if if c.is_ascii() { set.bytes().any(|b| b == c as u8) } else { set.contains(c) })
    }
}

/// Words after an apostrophe that make it an elision, not an opening quote ('90s, 'n', 'em).
pub(super) const ELISIONS: &[&str] = &["n", "em", "til", "cause", "bout", "tis", "twas", "s"];

/// Quote marks are neither letters nor spaces: tested first, they are spared the Unicode tables.
fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '`') || is_single_mark(c)
}

fn is_single_mark(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’')
}

/// Whether a token of `kind` is one that shapes quotations and sentences: a quote mark, a line
/// break, or punctuation that may end a sentence or a clause.
pub(super) fn is_structural(kind: TokKind) -> bool {
    matches!(kind, TokKind::Mark { .. } | TokKind::Newline | TokKind::Punct('.' | '?' | '!' | ';' | ','))
}

/// Splits `text` into tokens. Apostrophes and periods between letters stay inside words
/// ("don’t", "U.S"), so a mark token is always a candidate quote mark. Also the indices of the
/// structural tokens (`is_structural`), a few in every ten: the pairing of marks and the
/// splitting of sentences read them instead of every token.
pub(super) fn tokenize(text: &str) -> (Vec<Tok>, Vec<u32>) {
    // News prose averages more than four bytes a token, spaces included.
    let mut toks = Vec::with_capacity(text.len() / 4);
    // Room for one in every sixteen bytes, more than prose has, so that prose's list never grows.
    let mut structural = Vec::with_capacity(text.len() / 16);
    // Pushes the token, and gives where the next one may start.
    let mut push = |start: usize, end: usize, kind: TokKind| {
        if is_structural(kind) {
            structural.push(toks.len() as u32);
        }
        toks.push(Tok { span: Span::new(start, end).into(), kind });
        // Most tokens are followed by one space: it is passed here, without a turn of the loop.
        if text.as_bytes().get(end) == Some(&b' ') {
            end + 1
        } else {
            end
        }
    };
    let mut start = 0;
    while let Some(&byte) = text.as_bytes().get(start) {
        // ASCII, most of any text, is told apart by its byte, without decoding a character.
        start = match byte {
            // The ASCII white space of `char::is_whitespace`.
            b' ' | b'\t' | b'\r' | 0x0B | 0x0C => start + 1,
            // Words, most tokens, are pushed with their kind known: it is no structural one.
            _ if byte.is_ascii_alphanumeric() => push(start, word_end(text, start), TokKind::Word),
            b'\n' => push(start, start + 1, TokKind::Newline),
            b'"' | b'\'' | b'`' => {
                let (end, kind) = mark_or_punct(text, start, char::from(byte));
                push(start, end, kind)
            }
            // Other ASCII punctuation is no quote mark, whatever its neighbours.
            0..0x80 => push(start, start + 1, TokKind::Punct(char::from(byte))),
            _ => match token_beyond_ascii(text, start) {
                Ok((end, kind)) => push(start, end, kind),
                Err(space_end) => space_end,
            },
        };
    }
    (toks, structural)
}

/// The token at `start`, whose character is not ASCII, or the end of its white space. Apart
/// from the ASCII loop of `tokenize`, which it would crowd (in wasm, with values kept in memory).
#[inline(never)]
fn token_beyond_ascii(text: &str, start: usize) -> Result<(usize, TokKind), usize> {
    let c = text[start..].chars().next().expect("a character starts at a token boundary");
    if c.is_whitespace() {
        Err(start + c.len_utf8())
    } else if !is_quote_mark(c) && c.is_alphanumeric() {
        Ok((word_end(text, start), TokKind::Word))
    } else {
        Ok(mark_or_punct(text, start, c))
    }
}

fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        ascii @ 0..0x80 => Some(ascii as char),
        _ => text[at..].chars().next(),
    }
}

fn char_before(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at.checked_sub(1)?)? {
        ascii @ 0..0x80 => Some(ascii as char),
        _ => text[..at].chars().next_back(),
    }
}

/// The end of the word starting at `start`, with the inner punctuation that keeps a word or
/// number whole ("U.S", "don’t", "10,000"). Inlined into `tokenize`: most words are short, and a
/// call for each cost as much as reading one.
#[inline(always)]
fn word_end(text: &str, start: usize) -> usize {
    let end = crate::ascii_alphanumeric_end(text.as_bytes(), start);
    if ends_word(text, end) {
        end
    } else {
        word_end_beyond(text, end)
    }
}

/// Whether a word's ASCII letters and digits up to `end` end it: at the text's end, or at another
/// ASCII byte that does not join, most often a space, told without decoding a character.
fn ends_word(text: &str, end: usize) -> bool {
    text.as_bytes().get(end).is_none_or(|&byte| byte.is_ascii() && !matches!(byte, b'.' | b'\'' | b'-' | b'&' | b','))
}

/// `word_end` from `end`, where a joiner or a character beyond ASCII follows the word's ASCII
/// letters and digits: apart, for the same reason as `token_beyond_ascii`.
#[inline(never)]
fn word_end_beyond(text: &str, mut end: usize) -> usize {
    while let Some(c) = char_at(text, end) {
        // Tested first, a joiner (never a letter) is spared the Unicode tables.
        let joiner = matches!(c, '.' | '\'' | '’' | '-' | '&' | '‑' | ',');
        if joiner {
            let Some(next) = char_at(text, end + c.len_utf8()) else { break };
            let joins = c != ',' && next.is_alphanumeric() || c == ',' && char_before(text, end).is_some_and(|last| last.is_ascii_digit()) && next.is_ascii_digit();
            if !joins {
                break;
            }
            end += c.len_utf8() + next.len_utf8();
        } else if c.is_alphanumeric() {
            end += c.len_utf8();
        } else {
            break;
        }
        end = crate::ascii_alphanumeric_end(text.as_bytes(), end);
        if ends_word(text, end) {
            break;
        }
    }
    end
}

/// The token at `start`, whose first character `c` is neither a letter, a digit nor a space: a
/// quote mark with the roles its neighbours allow, or punctuation.
fn mark_or_punct(text: &str, start: usize, c: char) -> (usize, TokKind) {
    let prev = char_before(text, start);
    let after = start + c.len_utf8();
    let next = char_at(text, after);
    if matches!(c, '\'' | '`') && next == Some(c) {
        let next = char_at(text, after + 1);
        let (can_open, can_close) = if c == '`' { (true, false) } else { straight_roles(prev, next) };
        (after + 1, TokKind::Mark { family: Family::Double, can_open, can_close })
    } else if matches!(c, '"' | '“' | '”' | '„' | '«' | '»') {
        let (can_open, can_close) = match c {
            '"' => straight_roles(prev, next),
            // “ closes where a writer typed it after the words ("the future.“").
            '“' => (!closes_only(prev, next), closes_only(prev, next)),
            '”' => (opens_only(prev, next), true),
            '„' | '«' => (true, false),
            _ => (false, true),
        };
        (after, TokKind::Mark { family: Family::Double, can_open, can_close })
    } else if is_single_mark(c) {
        (after, single_mark(c, prev, &text[after..]))
    } else {
        (after, TokKind::Punct(c))
    }
}

/// A single mark `c` between `prev` and `rest`; before an elision ('90s, ’n’) it opens nothing.
/// Only ASCII letters lower-case to an elision's: one in any case is found by its bytes.
fn single_mark(c: char, prev: Option<char>, rest: &str) -> TokKind {
    let next = rest.chars().next();
    let elision = next.is_some_and(|n| n.is_ascii_digit()) || {
        let word = &rest[..rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len())];
        let after = rest[word.len()..].chars().next();
        !after.is_some_and(|a| a.is_alphanumeric()) && after.is_some_and(|a| a.is_whitespace() || is_single_mark(a)) && ELISIONS.iter().any(|e| word.eq_ignore_ascii_case(e))
    };
    let can_open = c != '’' || !prev.is_some_and(char::is_alphanumeric);
    let can_open = can_open && !elision && is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace());
    let can_close = c != '‘' && prev.is_some_and(|p| !p.is_whitespace()) && is_close_context(next);
    TokKind::Mark { family: Family::Single, can_open, can_close }
}

fn is_open_context(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || "([{—–-/\"“„«".contains(p))
}

fn is_close_context(next: Option<char>) -> bool {
    next.is_none_or(|n| n.is_whitespace() || ".,;:?!)]}—–-\"”»'’…".contains(n))
}

fn opens_only(prev: Option<char>, next: Option<char>) -> bool {
    is_open_context(prev) && !is_close_context(next)
}

fn closes_only(prev: Option<char>, next: Option<char>) -> bool {
    !is_open_context(prev) && is_close_context(next)
}

/// A straight mark opens after a space and before a word, closes after a word and before a
/// space; where both or neither hold, the pairing state decides.
fn straight_roles(prev: Option<char>, next: Option<char>) -> (bool, bool) {
    match (opens_only(prev, next), closes_only(prev, next)) {
        (false, false) => (true, true),
        roles => roles,
    }
}

/// A pair of quote marks, or a quotation that runs to the end of its paragraph because the next
/// paragraph re-opens it (`close` is then the paragraph's last token, not a mark).
#[derive(Clone, Copy, Debug)]
pub(super) struct Marked {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or of the paragraph's last token for a run-on quotation.
    pub close: usize,
    /// The content, marks excluded, trimmed of white space.
    pub inner: Span,
    /// The content with its marks.
    pub outer: Span,
}

/// Pairs quote marks paragraph by paragraph, in one pass. Single marks inside a double quotation
/// are nested quotes and stay part of its content. A mark left open at a paragraph's end is
/// dropped, so an unbalanced mark never swallows the rest of the article, unless the next
/// paragraph opens with a mark (the convention for a quotation over several paragraphs).
/// Marks and line breaks are among the `structural` tokens (see `tokenize`), which it reads alone.
pub(super) fn pair_marks(text: &str, toks: &[Tok], structural: &[u32]) -> Vec<Marked> {
    let mut pairs = Vec::new();
    let mut open_double: Option<usize> = None;
    let mut open_single: Option<usize> = None;
    for i in structural.iter().map(|&i| i as usize) {
        match toks[i].kind {
            TokKind::Newline => {
                if let Some(open) = open_double.take() {
                    let next = toks[i + 1..].iter().find(|t| t.kind != TokKind::Newline);
                    let reopens = next.is_some_and(|t| matches!(t.kind, TokKind::Mark { family: Family::Double, can_open: true, .. }));
                    if reopens && i > open + 1 {
                        pairs.push(marked(text, toks, open, i - 1, true));
                    }
                }
                open_single = None;
            }
            TokKind::Mark { family: Family::Double, can_open, can_close } => match open_double {
                Some(open) if can_close => {
                    pairs.push(marked(text, toks, open, i, false));
                    open_double = None;
                    open_single = None;
                }
                Some(_) if can_open => open_double = Some(i),
                None if can_open => open_double = Some(i),
                _ => {}
            },
            TokKind::Mark { family: Family::Single, can_open, can_close } => match open_single {
                Some(open) if can_close => {
                    if open_double.is_none() {
                        pairs.push(marked(text, toks, open, i, false));
                    }
                    open_single = None;
                }
                None if can_open => open_single = Some(i),
                _ => {}
            },
            _ => {}
        }
    }
    pairs.sort_by_key(|p| p.open);
    pairs
}

fn marked(text: &str, toks: &[Tok], open: usize, close: usize, runs_on: bool) -> Marked {
    let outer_end = toks[close].span().end;
    let inner_end = if runs_on { outer_end } else { toks[close].span().start };
    let inner = trim(text, Span::new(toks[open].span().end, inner_end.max(toks[open].span().end)));
    Marked { open, close, inner, outer: Span::new(toks[open].span().start, outer_end) }
}

/// Whether `text` has at least `count` (at least one) words between spaces: it stops there, where
/// counting them all would read a long quotation to its end.
pub(super) fn has_words(text: &str, count: usize) -> bool {
    text.split_whitespace().nth(count - 1).is_some()
}

/// `span` without leading and trailing white space.
pub(super) fn trim(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The tokenizer as it was before it told ASCII apart by its byte: the oracle of `tokenize`.
    fn tokenize_by_chars(text: &str) -> Vec<Tok> {
        let mut toks = Vec::new();
        let mut start = 0;
        while let Some(c) = char_at(text, start) {
            let (end, kind) = if c == '\n' {
                (start + 1, TokKind::Newline)
            } else if c.is_whitespace() {
                start += c.len_utf8();
                continue;
            } else if !is_quote_mark(c) && c.is_alphanumeric() {
                (word_end_by_chars(text, start), TokKind::Word)
            } else {
                mark_or_punct(text, start, c)
            };
            toks.push(Tok { span: Span::new(start, end).into(), kind });
            start = end;
        }
        toks
    }

    /// `word_end` a character at a time, as it was before it told ASCII apart.
    fn word_end_by_chars(text: &str, start: usize) -> usize {
        let mut end = start;
        while let Some(c) = char_at(text, end) {
            if c.is_alphanumeric() {
                end += c.len_utf8();
                continue;
            }
            let next = char_at(text, end + c.len_utf8());
            let joins = match c {
                ',' => char_before(text, end).is_some_and(|last| last.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()),
                '.' | '\'' | '’' | '-' | '&' | '‑' => next.is_some_and(char::is_alphanumeric),
                _ => false,
            };
            if !joins {
                break;
            }
            end += c.len_utf8() + next.map_or(0, char::len_utf8);
        }
        end
    }

    fn summary(toks: &[Tok]) -> Vec<(Span, TokKind)> {
        toks.iter().map(|t| (t.span(), t.kind)).collect()
    }

    /// Every kind of character the tokenizer tells apart: ASCII letters, digits, white space
    /// (the vertical tab is white space to `char` but not to `u8`), joiners, marks, and beyond
    /// ASCII letters, white space, marks and a control character.
    const ALPHABET: &[char] = &[
        'a', 'Z', 's', 'n', '0', '9', '@', '[', '`', '{', '/', ':', ' ', '\n', '\t', '\r', '\u{0B}', '\u{0C}', '\u{1F}',
        '.', ',', '\'', '’', '‘', '"', '“', '”', '„', '«', '»', '-', '‑', '&', '—', '?', '(', 'é', 'Σ', 'ß', '\u{85}',
        '\u{A0}', '\u{2028}', '٣', '…', '\u{7F}',
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn tokens_are_the_char_tokenizers(indices in prop::collection::vec(0..ALPHABET.len(), 0..40)) {
            let text: String = indices.iter().map(|&i| ALPHABET[i]).collect();
            let (toks, structural) = tokenize(&text);
            prop_assert_eq!(summary(&toks), summary(&tokenize_by_chars(&text)), "{:?}", text);
            let structural_by_kind: Vec<u32> = (0..toks.len() as u32).filter(|&i| is_structural(toks[i as usize].kind)).collect();
            prop_assert_eq!(structural, structural_by_kind, "{:?}", text);
        }
    }

    #[test]
    fn articles_tokenize_as_by_chars() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles");
        let articles = crate::article::load_dir(&dir).expect("the sample articles");
        assert!(!articles.is_empty(), "no sample articles in {dir:?}");
        for article in articles {
            assert_eq!(summary(&tokenize(&article.text).0), summary(&tokenize_by_chars(&article.text)), "article {:?}", article.title);
        }
    }
}
