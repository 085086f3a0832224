//! A small private tokenizer for the date and number grammars: words, numbers and punctuation with
//! byte spans. It does not depend on `crate::text`, so the grammars work on any input.

use crate::Span;
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
    pub span: Span,
    /// Lower-cased text (words), the text itself (numbers, punctuation).
    pub lower: &'t str,
    pub class: Class,
    pub capitalized: bool,
}

/// Lower-case words with a value each, looked up fast: the scans look up every word of a text. A
/// word is keyed by its bytes as one integer, which is cheap to hash and to compare; none of the
/// words is longer than the 16 bytes that fit. (Words have no NUL byte: the zero padding keeps
/// keys apart.)
#[derive(Default)]
pub(crate) struct WordMap<V>(rustc_hash::FxHashMap<u128, V>);

impl<V: Copy + Default> WordMap<V> {
    /// The word's value, the default for a word not in the map.
    pub(crate) fn get(&self, word: &str) -> V {
        key(word)
            .and_then(|key| self.0.get(&key))
            .copied()
            .unwrap_or_default()
    }

    /// Sets the word's value to `change` of it.
    pub(crate) fn update(&mut self, word: &str, change: impl FnOnce(V) -> V) {
        let key = key(word).unwrap_or_else(|| panic!("{word:?} is longer than 16 bytes"));
        let value = self.0.entry(key).or_default();
        *value = change(*value);
    }
}

fn key(word: &str) -> Option<u128> {
    let mut bytes = [0; 16];
    bytes.get_mut(..word.len())?.copy_from_slice(word.as_bytes());
    Some(u128::from_le_bytes(bytes))
}

/// The tokens of `text`. A word that is not lower-case is lower-cased into `lowered`, which its
/// token borrows: one buffer for the document instead of a string per token.
pub(crate) fn tokenize<'t>(text: &'t str, lowered: &'t mut String) -> Vec<Token<'t>> {
    tokenize_first(text, usize::MAX, lowered)
}

/// The first `limit` tokens of `text`, as [`tokenize`] gives them.
pub(crate) fn tokenize_first<'t>(
    text: &'t str,
    limit: usize,
    lowered: &'t mut String,
) -> Vec<Token<'t>> {
    // Prose has about one token in five bytes: room for all, without growing the vector.
    let mut tokens = Vec::with_capacity(limit.min(text.len() / 4 + 1));
    // The words whose lower-case form is in `lowered`: their token and its range there.
    let mut relowered = Vec::new();
    let mut scanner = Scanner { text, at: 0 };
    while tokens.len() < limit {
        let Some((token, lower_case)) = scanner.next_token() else {
            break;
        };
        if !lower_case {
            if let Some(range) = push_lowercase(token.lower, lowered) {
                relowered.push((tokens.len(), range));
            }
        }
        tokens.push(token);
    }
    let lowered: &'t str = lowered;
    for (k, range) in relowered {
        tokens[k].lower = &lowered[range];
    }
    tokens
}

/// Appends `word` lower-cased to `lowered` when that changes it, and returns where it is.
fn push_lowercase(word: &str, lowered: &mut String) -> Option<Range<usize>> {
    let start = lowered.len();
    if word.is_ascii() {
        lowered.push_str(word);
        lowered[start..].make_ascii_lowercase();
    } else {
        // Whole-word `to_lowercase`: it knows the word-final sigma.
        let lower = word.to_lowercase();
        if lower == word {
            return None;
        }
        lowered.push_str(&lower);
    }
    Some(start..lowered.len())
}

/// Reads the tokens of `text` from byte `at` on.
struct Scanner<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Scanner<'t> {
    /// The next token, its text standing for its lower-case text, and whether that is right: the
    /// token is not a word, or a word of lower-case ASCII letters.
    fn next_token(&mut self) -> Option<(Token<'t>, bool)> {
        loop {
            self.skip_ascii(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c'));
            let start = self.at;
            let c = self.char_at(start)?;
            self.at += c.len_utf8();
            let (class, lower_case) = if c == '\n' {
                if !self.skip_whitespace() {
                    continue;
                }
                return Some((self.token(start, start + 1, Class::Break, c), true));
            } else if c.is_whitespace() {
                continue;
            } else if c.is_alphabetic() {
                (Class::Word, self.extend_word(start, c.is_ascii_lowercase()))
            } else if c.is_ascii_digit() {
                self.extend_number();
                (Class::Number, true)
            } else {
                (Class::Punct, true)
            };
            return Some((self.token(start, self.at, class, c), lower_case));
        }
    }

    fn token(&self, start: usize, end: usize, class: Class, first: char) -> Token<'t> {
        Token {
            span: Span::new(start, end),
            lower: &self.text[start..end],
            class,
            capitalized: first.is_uppercase(),
        }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        match *self.text.as_bytes().get(i)? {
            b if b.is_ascii() => Some(char::from(b)),
            _ => self.text[i..].chars().next(),
        }
    }

    /// Skips whitespace after a newline; true when it holds another newline (a blank line).
    fn skip_whitespace(&mut self) -> bool {
        let mut blank = false;
        while let Some(c) = self.char_at(self.at).filter(|c| c.is_whitespace()) {
            blank |= c == '\n';
            self.at += c.len_utf8();
        }
        blank
    }

    /// Skips the ASCII bytes `accept` takes: most of a text, without decoding chars.
    fn skip_ascii(&mut self, accept: impl Fn(u8) -> bool) {
        while self.text.as_bytes().get(self.at).is_some_and(|&b| accept(b)) {
            self.at += 1;
        }
    }

    /// Letters; `a.m.`, `p.m.`, `U.S.`: letters separated by dots stay one word. Returns whether
    /// its letters are lower-case ASCII, given whether the first is.
    fn extend_word(&mut self, start: usize, mut lower_case: bool) -> bool {
        let mut dotted = false;
        loop {
            self.skip_ascii(|b| b.is_ascii_lowercase());
            match self.char_at(self.at) {
                Some(c) if c.is_alphabetic() => {
                    lower_case = false;
                    self.at += c.len_utf8();
                }
                Some('.') if dotted || is_dotted_abbreviation(self.text, start, self.at) => {
                    dotted = true;
                    self.at += 1;
                }
                _ => return lower_case,
            }
        }
    }

    /// Digits and letters, and `,` `.` `:` `/` between digits.
    fn extend_number(&mut self) {
        self.skip_ascii(|b| b.is_ascii_digit());
        while let Some(c) = self.char_at(self.at) {
            let separator_then_digit = matches!(c, ',' | '.' | ':' | '/')
                && self.text.as_bytes().get(self.at + 1).is_some_and(u8::is_ascii_digit);
            if !(c.is_ascii_digit() || c.is_alphabetic() || separator_then_digit) {
                break;
            }
            self.at += c.len_utf8();
        }
    }
}

/// At a `.` after letters: true when the letters since the word start or the last dot are one
/// letter and another single letter follows (`a.m`, `U.S`).
fn is_dotted_abbreviation(text: &str, word_start: usize, dot: usize) -> bool {
    let before = &text[word_start..dot];
    let last_part = before.rsplit('.').next().unwrap_or(before);
    let mut after = text[dot + 1..].chars();
    let next_is_letter = after.next().is_some_and(char::is_alphabetic);
    let then_not_letter = !after.next().is_some_and(char::is_alphabetic);
    last_part.chars().count() == 1 && next_is_letter && then_not_letter
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
        let mut lowered = String::new();
        let tokens = tokenize(text, &mut lowered);
        let shown: Vec<&str> = tokens.iter().map(|t| t.span.text(text)).collect();
        assert_eq!(
            shown,
            [
                "At", "10:35", "a.m.", "on", "Sept", ".", "4", ",", "1,500", "U.S.", "troops", "—",
                "in", "the", "1990s", ".", "\n", "Next"
            ]
        );
    }

    #[test]
    fn multibyte_text_never_splits_a_char() {
        for text in ["é.", "a.é", "1.é", "€5", "x\n \n", "5,"] {
            for token in tokenize(text, &mut String::new()) {
                assert!(
                    text.get(token.span.start..token.span.end).is_some(),
                    "{text:?}"
                );
            }
        }
    }
}
