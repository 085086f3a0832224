//! The quotes module's own light scanner: words, punctuation, quote marks and line breaks with byte
//! spans, and the pairing of quote marks into quotations. It does not wait for `text.rs`, because
//! quote detection must work on any input, and it must tell quote marks from apostrophes itself.
use crate::Span;

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
    Punct,
    Mark { family: Family, can_open: bool, can_close: bool },
    Newline,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub span: Span,
    pub kind: TokKind,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_punct(&self, text: &str, set: &str) -> bool {
        self.kind == TokKind::Punct && set.contains(self.span.text(text))
    }
}

/// Words after an apostrophe that make it an elision, not an opening quote ('90s, 'n', 'em).
const ELISIONS: &[&str] = &["n", "em", "til", "cause", "bout", "tis", "twas", "s"];

fn is_single_mark(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’')
}

/// Splits `text` into tokens. Apostrophes and periods between letters stay inside words
/// ("don’t", "U.S"), so a mark token is always a candidate quote mark.
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let char_at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let prev = if i == 0 { None } else { char_at(i - 1) };
        let start = i;
        let kind = if c == '\n' {
            i += 1;
            TokKind::Newline
        } else if c.is_whitespace() {
            i += 1;
            continue;
        } else if c.is_alphanumeric() {
            i += 1;
            while let Some(c) = char_at(i) {
                // "U.S", "don’t", "10,000": inner punctuation that keeps a word or number whole.
                let joins_next = matches!(c, '.' | '\'' | '’' | '-' | '&' | '‑') && char_at(i + 1).is_some_and(char::is_alphanumeric)
                    || c == ',' && chars[i - 1].1.is_ascii_digit() && char_at(i + 1).is_some_and(|n| n.is_ascii_digit());
                if c.is_alphanumeric() {
                    i += 1;
                } else if joins_next {
                    i += 2;
                } else {
                    break;
                }
            }
            TokKind::Word
        } else if (c == '\'' && char_at(i + 1) == Some('\'')) || (c == '`' && char_at(i + 1) == Some('`')) {
            i += 2;
            let next = char_at(i);
            let (can_open, can_close) = if c == '`' { (true, false) } else { straight_roles(prev, next) };
            TokKind::Mark { family: Family::Double, can_open, can_close }
        } else if matches!(c, '"' | '“' | '”' | '„' | '«' | '»') {
            i += 1;
            let next = char_at(i);
            let (can_open, can_close) = match c {
                '"' => straight_roles(prev, next),
                // “ closes where a writer typed it after the words ("the future.“").
                '“' => (!closes_only(prev, next), closes_only(prev, next)),
                '”' => (opens_only(prev, next), true),
                '„' | '«' => (true, false),
                _ => (false, true),
            };
            TokKind::Mark { family: Family::Double, can_open, can_close }
        } else if is_single_mark(c) {
            i += 1;
            let next = char_at(i);
            let elision = next.is_some_and(|n| n.is_ascii_digit()) || {
                let word: String = chars[i..].iter().map(|&(_, c)| c).take_while(|c| c.is_alphabetic()).collect();
                let after = char_at(i + word.chars().count());
                ELISIONS.contains(&word.to_lowercase().as_str()) && !after.is_some_and(|a| a.is_alphanumeric())
                    && after.is_some_and(|a| a.is_whitespace() || is_single_mark(a))
            };
            let can_open = c != '’' || !prev.is_some_and(char::is_alphanumeric);
            let can_open = can_open && !elision && is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace());
            let can_close = c != '‘' && prev.is_some_and(|p| !p.is_whitespace()) && is_close_context(next);
            TokKind::Mark { family: Family::Single, can_open, can_close }
        } else {
            i += 1;
            TokKind::Punct
        };
        toks.push(Tok { span: Span::new(byte_at(start), byte_at(i)), kind });
    }
    toks
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
pub(super) fn pair_marks(text: &str, toks: &[Tok]) -> Vec<Marked> {
    let mut pairs = Vec::new();
    let mut open_double: Option<usize> = None;
    let mut open_single: Option<usize> = None;
    for (i, tok) in toks.iter().enumerate() {
        match tok.kind {
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
    let outer_end = toks[close].span.end;
    let inner_end = if runs_on { outer_end } else { toks[close].span.start };
    let inner = trim(text, Span::new(toks[open].span.end, inner_end.max(toks[open].span.end)));
    Marked { open, close, inner, outer: Span::new(toks[open].span.start, outer_end) }
}

/// `span` without leading and trailing white space.
pub(super) fn trim(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}
