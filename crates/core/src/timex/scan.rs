//! A small private tokenizer for the date and number grammars: words, numbers and punctuation with
//! byte spans. It does not depend on `crate::text`, so the grammars work on any input.

use crate::Span;

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
pub(crate) struct Token {
    pub span: Span,
    /// Lower-cased text (words), the text itself (numbers, punctuation).
    pub lower: String,
    pub class: Class,
    pub capitalized: bool,
}

pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c == '\n' {
            let mut newlines = 1;
            while let Some(&(_, next)) = chars.peek() {
                if !next.is_whitespace() {
                    break;
                }
                newlines += usize::from(next == '\n');
                chars.next();
            }
            if newlines > 1 {
                tokens.push(token(text, start, start + 1, Class::Break));
            }
        } else if c.is_whitespace() {
            continue;
        } else if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, next)) = chars.peek() {
                if next.is_alphabetic() {
                    end = i + next.len_utf8();
                    chars.next();
                } else if next == '.'
                    && (is_dotted_abbreviation(text, start, i) || text[start..i].contains('.'))
                {
                    // `a.m.`, `p.m.`, `U.S.`: letters separated by dots stay one word.
                    end = i + 1;
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(token(text, start, end, Class::Word));
        } else if c.is_ascii_digit() {
            let mut end = start + 1;
            while let Some(&(i, next)) = chars.peek() {
                let separator_then_digit = matches!(next, ',' | '.' | ':' | '/')
                    && text[i + 1..].starts_with(|d: char| d.is_ascii_digit());
                if next.is_ascii_digit() || next.is_alphabetic() || separator_then_digit {
                    end = i + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(token(text, start, end, Class::Number));
        } else {
            tokens.push(token(text, start, start + c.len_utf8(), Class::Punct));
        }
    }
    tokens
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

fn token(text: &str, start: usize, end: usize, class: Class) -> Token {
    let raw = &text[start..end];
    let lower = if class == Class::Word {
        raw.to_lowercase()
    } else {
        raw.to_string()
    };
    Token {
        span: Span::new(start, end),
        lower,
        class,
        capitalized: raw.starts_with(char::is_uppercase),
    }
}

/// Sentence starts by token index: a token starts a new sentence when the token before
/// it is `.`, `!`, `?` (not after a known abbreviation) or a blank line.
pub(crate) fn sentence_starts(tokens: &[Token]) -> Vec<bool> {
    let mut starts = vec![false; tokens.len()];
    if let Some(first) = starts.first_mut() {
        *first = true;
    }
    for i in 1..tokens.len() {
        let previous = &tokens[i - 1];
        starts[i] = match previous.class {
            Class::Break => true,
            Class::Punct if matches!(previous.lower.as_str(), "!" | "?") => true,
            Class::Punct if previous.lower == "." => {
                let after_abbreviation = i >= 2
                    && tokens[i - 2].class == Class::Word
                    && super::lexicon::ABBREVIATIONS.contains(&tokens[i - 2].lower.as_str());
                !after_abbreviation
            }
            _ => false,
        };
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_abbreviations_numbers_and_spans() {
        let text = "At 10:35 a.m. on Sept. 4, 1,500 U.S. troops—in the 1990s.\n\nNext";
        let tokens = tokenize(text);
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
            for token in tokenize(text) {
                assert!(
                    text.get(token.span.start..token.span.end).is_some(),
                    "{text:?}"
                );
            }
        }
    }
}
