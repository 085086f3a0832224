//! Unicode word boundaries (UAX #29) for the characters of nearly all news text, several times
//! faster than the general tables of `unicode-segmentation`, whose pieces they reproduce exactly
//! (a property test compares the two). Text with any other character is left to the crate.
use crate::{ascii_alphanumeric_end, next_non_ascii, Span};
use unicode_segmentation::UnicodeSegmentation;

/// The word-break classes these characters have; `Other` breaks on both sides.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Numeric,
    /// `:`
    MidLetter,
    /// `,` `;`
    MidNum,
    /// `.` `'` and the curly single quotes, which join letters ("don’t") and digits ("3.5").
    MidNumLetQ,
    /// `_`
    ExtendNumLet,
    /// The space character, whose runs stay one piece.
    Space,
    /// CR, LF and the other line breaks: a piece of their own (CR LF together).
    Cr,
    Lf,
    Newline,
    /// White space that breaks like [`Class::Other`]: tab, NEL and the no-break space.
    OtherSpace,
    Other,
}

impl Class {
    /// Whether a piece starting with a character of this class is white space: the white space
    /// characters are pieces of their own or with their like.
    fn is_space(self) -> bool {
        matches!(self, Class::Space | Class::Cr | Class::Lf | Class::Newline | Class::OtherSpace)
    }
}

/// The class of `c`, or `None` for a character this module does not handle.
const fn class(c: char) -> Option<Class> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Numeric,
        ':' | '\u{B7}' => Class::MidLetter,
        ',' | ';' => Class::MidNum,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Class::MidNumLetQ,
        '_' => Class::ExtendNumLet,
        ' ' => Class::Space,
        '\r' => Class::Cr,
        '\n' => Class::Lf,
        '\u{0B}' | '\u{0C}' => Class::Newline,
        '\t' | '\u{85}' | '\u{A0}' => Class::OtherSpace,
        // Latin-1 and Latin Extended-A/B letters (not × and ÷).
        '\u{AA}' | '\u{B5}' | '\u{BA}' => Class::Letter,
        '\u{C0}'..='\u{24F}' if c != '\u{D7}' && c != '\u{F7}' => Class::Letter,
        // The soft hyphen is ignored between letters (WB4), the cedilla joins them: left to the crate.
        '\u{AD}' | '\u{B8}' => return None,
        // Other ASCII and Latin-1 (signs), and the dashes, double quotes and ellipsis of news text.
        '\0'..='\u{D7}' | '\u{F7}' | '\u{2013}'..='\u{2015}' | '\u{201C}' | '\u{201D}' | '\u{2026}' => Class::Other,
        _ => return None,
    })
}

/// The class of each ASCII byte, looked up rather than matched: most characters of a text are ASCII.
const ASCII_CLASSES: [Class; 128] = {
    let mut classes = [Class::Other; 128];
    let mut byte = 0;
    while byte < 128 {
        classes[byte] = match class(byte as u8 as char) {
            Some(class) => class,
            None => panic!("every ASCII character has a class"),
        };
        byte += 1;
    }
    classes
};

/// The class of the character at byte `at` of a text that [`has_classes`], and its length.
#[inline(always)]
fn class_at(text: &str, at: usize) -> (Class, usize) {
    match text.as_bytes()[at] {
        ascii @ 0..0x80 => (ASCII_CLASSES[ascii as usize], 1),
        _ => {
            let c = text[at..].chars().next().expect("a character at a character boundary");
            (class(c).expect("a text with classes"), c.len_utf8())
        }
    }
}

/// Whether a word boundary falls between `b` and `c`, given the classes around them: `a` before
/// `b`, `d` after `c` (rules WB3–WB13b of UAX #29; WB4 has nothing to skip in these classes).
/// `d` is looked up only before a `Mid*` character, the one place it counts.
#[inline(always)]
fn breaks(a: Option<Class>, b: Class, c: Class, d: impl Fn() -> Option<Class>) -> bool {
    use Class::*;
    let mid_letter = |x: Class| matches!(x, MidLetter | MidNumLetQ);
    let mid_num = |x: Class| matches!(x, MidNum | MidNumLetQ);
    match (b, c) {
        (Cr, Lf) => false,
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => true,
        (Space, Space) => false,
        (Letter | Numeric, Letter | Numeric) => false,
        (Letter, x) if mid_letter(x) && d() == Some(Letter) => false,
        (x, Letter) if mid_letter(x) && a == Some(Letter) => false,
        (Numeric, x) if mid_num(x) && d() == Some(Numeric) => false,
        (x, Numeric) if mid_num(x) && a == Some(Numeric) => false,
        (Letter | Numeric | ExtendNumLet, ExtendNumLet) | (ExtendNumLet, Letter | Numeric) => false,
        _ => true,
    }
}

/// Passes the spans of the UAX #29 word-bound pieces of `text` (spaces and punctuation included),
/// as `split_word_bound_indices` gives them, to `piece` in order, each with whether it is all white
/// space. They are not collected: most are spaces that the caller drops.
pub fn word_bounds(text: &str, mut piece: impl FnMut(Span, bool)) {
    if has_classes(text) {
        fast_word_bounds(text, piece);
    } else {
        for (start, bound) in text.split_word_bound_indices() {
            piece(Span::new(start, start + bound.len()), bound.chars().all(char::is_whitespace));
        }
    }
}

/// Whether [`class`] handles every character of `text` (every ASCII one it does). Only the
/// characters beyond ASCII are decoded: they are few.
fn has_classes(text: &str) -> bool {
    let mut at = next_non_ascii(text.as_bytes(), 0);
    while let Some(c) = text[at..].chars().next() {
        if class(c).is_none() {
            return false;
        }
        at = next_non_ascii(text.as_bytes(), at + c.len_utf8());
    }
    true
}

/// [`word_bounds`] for a text that [`has_classes`].
#[inline(always)]
fn fast_word_bounds(text: &str, mut piece: impl FnMut(Span, bool)) {
    let mut start = 0;
    // `piece` is called from one place, where it is inlined.
    while start < text.len() {
        let (class, len) = class_at(text, start);
        let end = simple_piece_end(text.as_bytes(), start, class, len).unwrap_or_else(|| piece_end(text, start, class, len));
        piece(Span::new(start, end), class.is_space());
        start = end;
    }
}

/// The end of the piece that starts at `start` with a character of `class`, `len` bytes long, in
/// the cases that most pieces are, told without the rules: a run of spaces, a word of ASCII letters
/// and digits before a space or punctuation that ends any word, or a character that joins nothing.
#[inline(always)]
fn simple_piece_end(bytes: &[u8], start: usize, class: Class, len: usize) -> Option<usize> {
    match class {
        Class::Space => Some(start + len + bytes[start + len..].iter().take_while(|&&b| b == b' ').count()),
        Class::Letter | Class::Numeric => {
            let end = ascii_alphanumeric_end(bytes, start + len);
            ends_word(bytes, end).then_some(end)
        }
        // A `Mid*` character joins only a letter or digit before it to one after it (WB6, WB7,
        // WB11, WB12): one that starts a piece is a piece of its own.
        Class::Other | Class::Lf | Class::Newline | Class::OtherSpace | Class::MidLetter | Class::MidNum | Class::MidNumLetQ => {
            Some(start + len)
        }
        Class::ExtendNumLet | Class::Cr => None,
    }
}

/// Whether a run of ASCII letters and digits that stops at `end` ends its word there, told from
/// ASCII bytes alone (a character beyond ASCII after it may be a letter: left to the rules).
#[inline(always)]
fn ends_word(bytes: &[u8], end: usize) -> bool {
    let joins_nothing = |b: u8| b.is_ascii() && !b.is_ascii_alphanumeric();
    match bytes.get(end) {
        None => true,
        // `_` joins whatever follows; `:` `,` `;` `.` `'` join only a letter or digit after them:
        // "said," and "U.S." end before them, "3.5" and "don't" do not.
        Some(&b) if b.is_ascii() => match ASCII_CLASSES[usize::from(b)] {
            Class::ExtendNumLet => false,
            Class::MidLetter | Class::MidNum | Class::MidNumLetQ => bytes.get(end + 1).is_none_or(|&d| joins_nothing(d)),
            _ => true,
        },
        Some(_) => false,
    }
}

/// The end of the piece that starts at `start` with a character of class `b`, `len` bytes long,
/// by the rules. Each boundary is decided from a window of four characters that slides along the
/// text. The character before the piece is not needed: the rules that read it (WB7, WB11) never
/// hold across a boundary.
fn piece_end(text: &str, start: usize, mut b: Class, len: usize) -> usize {
    let bytes = text.as_bytes();
    // The window is `a`, `b`, the character at `at` and the one after it.
    let mut a = None;
    let mut at = start + len;
    loop {
        // No boundary falls inside a run of letters and digits (WB5–WB10): the ASCII ones, most
        // of a text, are skipped a byte at a time. (Runs of spaces are all [`simple_piece_end`]'s.)
        let run = match b {
            Class::Letter | Class::Numeric => ascii_alphanumeric_end(bytes, at) - at,
            _ => 0,
        };
        if run > 0 {
            let last = at + run - 1;
            a = Some(if run > 1 { ASCII_CLASSES[bytes[last - 1] as usize] } else { b });
            b = ASCII_CLASSES[bytes[last] as usize];
            at = last + 1;
        }
        if at == text.len() {
            return at;
        }
        let (c, len) = class_at(text, at);
        let d = || (at + len < text.len()).then(|| class_at(text, at + len).0);
        if breaks(a, b, c, d) {
            return at;
        }
        (a, b, at) = (Some(b), c, at + len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn crate_pieces(text: &str) -> Vec<Span> {
        text.split_word_bound_indices().map(|(start, piece)| Span::new(start, start + piece.len())).collect()
    }

    /// The pieces of `text` from the fast path, `None` where it does not apply.
    fn fast_pieces(text: &str) -> Option<Vec<Span>> {
        if !has_classes(text) {
            return None;
        }
        let mut pieces = Vec::new();
        fast_word_bounds(text, |piece, space| {
            assert_eq!(space, piece.text(text).chars().all(char::is_whitespace), "{piece:?} of {text:?}");
            pieces.push(piece)
        });
        Some(pieces)
    }

    /// Characters of every class here (and one that sends the text to the crate).
    const ALPHABET: &[char] = &[
        'a', 'Z', 'q', '0', '7', ':', '\u{B7}', ',', ';', '.', '\'', '\u{2018}', '\u{2019}', '_', ' ', ' ', '\r', '\n',
        '\u{0B}', '\u{0C}', '\t', '-', '"', '$', '(', '\u{2013}', '\u{2014}', '\u{201C}', '\u{201D}', '\u{AB}',
        '\u{BB}', '\u{2026}', '\u{E9}', '\u{141}', '\u{219}', '\u{D7}', '\u{A0}', '\u{AA}', '\u{301}',
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn pieces_are_the_crates(indices in prop::collection::vec(0..ALPHABET.len(), 0..24)) {
            let text: String = indices.iter().map(|&i| ALPHABET[i]).collect();
            let mut pieces = Vec::new();
            let mut spaces = Vec::new();
            word_bounds(&text, |piece, space| {
                pieces.push(piece);
                spaces.push(space);
            });
            let all_space = |piece: &Span| piece.text(&text).chars().all(char::is_whitespace);
            prop_assert_eq!(spaces, pieces.iter().map(all_space).collect::<Vec<_>>(), "{:?}", text);
            prop_assert_eq!(pieces, crate_pieces(&text), "{:?}", text);
        }
    }

    /// Every character given a class here, alone and between letters, digits, spaces and itself.
    #[test]
    fn every_handled_character_breaks_as_in_the_crate() {
        for c in ('\0'..='\u{24F}').chain('\u{2010}'..='\u{2030}') {
            if class(c).is_none() {
                continue;
            }
            for text in [format!("{c}"), format!("a{c}b"), format!("1{c}2"), format!(" {c} "), format!("{c}{c}"), format!("a{c}{c}b")] {
                assert_eq!(fast_pieces(&text), Some(crate_pieces(&text)), "{text:?}");
            }
        }
    }

    #[test]
    fn news_text_takes_the_fast_path() {
        let text = "\u{201C}We don\u{2019}t\u{201D} \u{2014} Micheál Martin said 3.5% of 1,500 U.S. troops: «non».\r\n";
        assert_eq!(fast_pieces(text), Some(crate_pieces(text)));
    }
}
