//! Cardinal numbers in digits or words: `26`, `1,500`, `2 1/2`, `1.5 million`, `twenty-six`,
//! `a dozen`, `one hundred and five`. Shared by the date grammar and the claims.

use super::lexicon::{lookup, SCALES, TENS, UNITS};
use super::scan::{Class, Token};
use std::borrow::Cow;

/// A number starting at a token: its value and the token index just after it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Number {
    pub value: f64,
    pub end: usize,
    pub in_words: bool,
}

/// The words that a number in words can begin with: "a dozen", "twenty-six", "hundred and five".
pub(crate) fn first_number_words() -> impl Iterator<Item = &'static str> {
    let units = UNITS.iter().chain(&TENS).map(|(word, _)| *word);
    ["a", "an", "hundred", "dozen"].into_iter().chain(units)
}

pub(crate) fn parse_number(tokens: &[Token], i: usize) -> Option<Number> {
    let token = tokens.get(i)?;
    match token.class {
        Class::Number => parse_digits(tokens, i),
        Class::Word => parse_words(tokens, i),
        _ => None,
    }
}

/// A plain numeric token: digits with thousands commas and one decimal point, or a fraction `1/2`.
pub(crate) fn digits_value(raw: &str) -> Option<f64> {
    // Most numbers are whole: they are read without the float parser, which takes several times
    // longer. (A whole number converts to the same `f64` that parsing its digits gives.)
    whole_number(raw).map(|n| n as f64).or_else(|| decimal_value(raw))
}

/// Digits with thousands commas as an integer (`None` for anything else, or too many digits).
fn whole_number(raw: &str) -> Option<u64> {
    raw.bytes().filter(|&b| b != b',').try_fold(0_u64, |n, b| {
        let digit = b.is_ascii_digit().then(|| u64::from(b - b'0'))?;
        n.checked_mul(10)?.checked_add(digit)
    })
}

/// [`digits_value`] by the float parser.
fn decimal_value(raw: &str) -> Option<f64> {
    // Bytes, not chars: the characters sought are ASCII, and numbers are short.
    if let Some(slash) = raw.bytes().position(|b| b == b'/') {
        let (numerator, denominator) = (&raw[..slash], &raw[slash + 1..]);
        let (n, d): (f64, f64) = (numerator.parse().ok()?, denominator.parse().ok()?);
        return (d != 0.0).then(|| n / d);
    }
    let plain = if raw.bytes().any(|b| b == b',') {
        Cow::Owned(raw.replace(',', ""))
    } else {
        Cow::Borrowed(raw)
    };
    let dots = plain.bytes().filter(|&b| b == b'.').count();
    let well_formed = plain.bytes().all(|b| b.is_ascii_digit() || b == b'.') && dots <= 1;
    if !well_formed || plain.ends_with('.') {
        return None;
    }
    plain.parse().ok()
}

fn parse_digits(tokens: &[Token], i: usize) -> Option<Number> {
    let mut value = digits_value(tokens[i].lower)?;
    let mut end = i + 1;
    // "2 1/2"
    if let Some(fraction) = tokens
        .get(end)
        .filter(|t| t.class == Class::Number && t.lower.contains('/'))
    {
        if value.fract() == 0.0 {
            if let Some(part) = digits_value(fraction.lower).filter(|&f| f < 1.0) {
                value += part;
                end += 1;
            }
        }
    }
    if let Some(scale) = tokens.get(end).and_then(|t| lookup(&SCALES, t.lower)) {
        value *= scale;
        end += 1;
    }
    Some(Number {
        value,
        end,
        in_words: false,
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    Nothing,
    Unit,
    Tens,
    Hundred,
    Scale,
}

fn parse_words(tokens: &[Token], i: usize) -> Option<Number> {
    let word = |j: usize| {
        tokens
            .get(j)
            .filter(|t| t.class == Class::Word)
            .map(|t| t.lower)
    };
    let (mut total, mut group) = (0.0, 0.0);
    let mut last = Last::Nothing;
    let mut end = None;
    let mut j = i;
    // "a hundred", "a dozen", "a million"
    if matches!(word(j), Some("a" | "an"))
        && word(j + 1).is_some_and(|w| w == "dozen" || lookup(&SCALES, w).is_some())
    {
        group = 1.0;
        last = Last::Unit;
        j += 1;
    }
    while let Some(token) = tokens.get(j) {
        let w = token.lower;
        if token.class == Class::Punct
            && w == "-"
            && last == Last::Tens
            && word(j + 1)
                .and_then(|n| lookup(&UNITS, n))
                .is_some_and(|u| (1..10).contains(&u))
        {
            j += 1;
            continue;
        }
        if token.class != Class::Word {
            break;
        }
        if let Some(unit) = lookup(&UNITS, w) {
            if last == Last::Unit || (last == Last::Tens && !(1..10).contains(&unit)) {
                break;
            }
            group += f64::from(unit);
            last = Last::Unit;
        } else if let Some(tens) = lookup(&TENS, w) {
            if matches!(last, Last::Unit | Last::Tens) {
                break;
            }
            group += f64::from(tens);
            last = Last::Tens;
        } else if w == "hundred" && last != Last::Hundred {
            group = group.max(1.0) * 100.0;
            last = Last::Hundred;
        } else if w == "dozen" && last != Last::Scale {
            group = group.max(1.0) * 12.0;
            last = Last::Scale;
        } else if let Some(scale) = lookup(&SCALES, w).filter(|_| last != Last::Nothing) {
            total += group.max(1.0) * scale;
            group = 0.0;
            last = Last::Scale;
        } else if w == "and"
            && matches!(last, Last::Hundred | Last::Scale)
            && word(j + 1)
                .is_some_and(|n| lookup(&UNITS, n).is_some() || lookup(&TENS, n).is_some())
        {
            j += 1;
            continue;
        } else {
            break;
        }
        j += 1;
        end = Some(j);
    }
    end.map(|end| Number {
        value: total + group,
        end,
        in_words: true,
    })
}

#[cfg(test)]
mod tests {
    use super::super::scan::{tokenize, Lowered};
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Up to 25 digits, past what a `u64` holds, or a few of the other characters of a number.
        #[test]
        fn whole_numbers_read_as_the_float_parser_reads_them(raw in "[0-9]([0-9,]{0,24}|[0-9,./a]{0,6})") {
            if let Some(whole) = whole_number(&raw) {
                prop_assert_eq!(Some(whole as f64), decimal_value(&raw));
            }
        }
    }

    #[test]
    fn number_cases() {
        let cases = [
            ("digits", "26 leaders", Some((26.0, "26"))),
            ("thousands comma", "1,500 troops", Some((1500.0, "1,500"))),
            (
                "decimal with scale",
                "1.5 million people",
                Some((1.5e6, "1.5 million")),
            ),
            ("mixed fraction", "2 1/2 years", Some((2.5, "2 1/2"))),
            (
                "hyphenated words",
                "twenty-six nations",
                Some((26.0, "twenty-six")),
            ),
            (
                "spaced words",
                "twenty four hours",
                Some((24.0, "twenty four")),
            ),
            (
                "hundred and",
                "one hundred and five days",
                Some((105.0, "one hundred and five")),
            ),
            ("a dozen", "a dozen drones", Some((12.0, "a dozen"))),
            (
                "year words stop at the second number",
                "nineteen ninety-six",
                Some((19.0, "nineteen")),
            ),
            ("not a number", "leaders", None),
            ("article alone", "a day", None),
        ];
        for (name, text, expected) in cases {
            let mut lowered = Lowered::default();
            let tokens = tokenize(text, &mut lowered);
            let got = parse_number(&tokens, 0).map(|n| {
                (
                    n.value,
                    &text[tokens[0].span().start..tokens[n.end - 1].span().end],
                )
            });
            assert_eq!(got, expected, "{name}");
        }
    }
}
