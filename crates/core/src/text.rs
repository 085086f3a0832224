//! Token and sentence segmentation for news text, with byte spans.
//!
//! Tokens start from Unicode word boundaries (UAX #29) and are then adjusted to the conventions of
//! news NER data (CoNLL-2003): abbreviations and initials keep their period (`U.S.`, `Gen.`, `J.`),
//! hyphenated words stay whole (`all-rounder`, `1996-08-30`), possessives split off (`Macron` `'s`).
//! Pre-tokenized text (tokens joined by spaces) comes out with the same tokens.
use crate::Span;
use serde::{Deserialize, Serialize};

mod word_bounds;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.text(text)
    }
}

/// Words that take a period without ending a sentence (titles, months, company suffixes, US states
/// as news datelines write them, "Tampa, Fla.", none of which is also an English word...). Lower
/// case and sorted: every word before a period is looked up by binary search.
const ABBREVIATIONS: &[&str] = &[
    "adm", "ala", "approx", "apr", "ariz", "aug", "ave", "blvd", "bros", "calif", "capt", "cmdr", "co",
    "col", "colo", "conn", "corp", "dec", "dept", "dr", "est", "etc", "feb", "fig", "fla", "ft", "gen",
    "gov", "hon", "inc", "jan", "jr", "jul", "jun", "kan", "lt", "ltd", "maj", "mar", "messrs", "mich",
    "minn", "mlle", "mme", "mr", "mrs", "ms", "mt", "neb", "nev", "no", "nov", "oct", "okla", "pres",
    "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "tenn", "tex", "vs", "wis",
];

/// Abbreviations after which a capitalized word still belongs to the same sentence.
const NON_FINAL_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "gov", "sen",
    "rep", "rev", "st", "mt", "ft", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "messrs", "mme", "mlle", "hon", "pres", "supt",
];

/// Capitalized words that usually start a new sentence after an ambiguous abbreviation (`U.S.`).
const SENTENCE_STARTERS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "this",
    "that", "there", "these", "those", "his", "her", "its", "their", "our", "if", "when", "while", "as",
    "after", "before", "however", "meanwhile", "yet", "so", "for", "at", "officials", "some", "many",
];

pub fn tokenize(text: &str) -> Vec<Token> {
    // Prose has about one token in five bytes: room for all, without growing.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
    // Every join is of pieces with nothing between them: the joins run on each run of such pieces
    // as a space ends it. The run is the tail of `tokens` from `run_start`; most runs are a lone
    // word, which joins nothing, and only longer ones are moved out to `run` to be joined.
    let mut run = Vec::new();
    let mut run_start = 0;
    // Inlined into both paths of `word_bounds`: a call per piece costs more than the work in it.
    word_bounds::word_bounds(text, #[inline(always)] |piece, space| {
        if space {
            join_run(text, &mut tokens, run_start, &mut run);
            run_start = tokens.len();
        } else {
            push_splitting_possessive(text, piece, &mut tokens);
        }
    });
    join_run(text, &mut tokens, run_start, &mut run);
    tokens
}

/// Joins the pieces of `tokens[run_start..]`, which touch one another, into tokens, by way of
/// the buffer `run`.
fn join_run(text: &str, tokens: &mut Vec<Token>, run_start: usize, run: &mut Vec<Span>) {
    // Only a run with an apostrophe, hyphen, `$` or `.` joins (`’`, `‐` and `‑` start with 0xE2):
    // most others are a word and its comma or bracket.
    let joins = |token: &Token| matches!(text.as_bytes()[token.span.start], b'\'' | b'-' | b'$' | b'.' | 0xE2);
    if tokens.len() - run_start > 1 && tokens[run_start..].iter().any(joins) {
        join_pieces(text, tokens, run_start, run);
    }
}

/// The joins of [`join_run`], on the few runs that may join. Kept out of line: the check before
/// it is inlined into the per-piece loop of [`word_bounds::word_bounds`], which stays small.
#[inline(never)]
fn join_pieces(text: &str, tokens: &mut Vec<Token>, run_start: usize, run: &mut Vec<Span>) {
    run.extend(tokens.drain(run_start..).map(|token| token.span));
    join_clitics(text, run);
    join_hyphenated(text, run);
    join_currency_prefixes(text, run);
    attach_abbreviation_periods(text, run);
    tokens.extend(run.drain(..).map(|span| Token { span }));
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// `Macron's` / `Macron’s` → `Macron` + `'s` (CoNLL tokenizes the possessive apart).
#[inline(always)]
fn push_splitting_possessive(text: &str, span: Span, out: &mut Vec<Token>) {
    // Told from the piece's last bytes: most pieces do not end in `s`, and none is decoded.
    let apostrophe = match &text.as_bytes()[span.start..span.end] {
        [_, .., b'\'', b's' | b'S'] => 1,
        [_, .., 0xE2, 0x80, 0x99, b's' | b'S'] => '\u{2019}'.len_utf8(),
        _ => 0,
    };
    if apostrophe == 0 {
        out.push(Token { span });
    } else {
        let cut = span.end - 1 - apostrophe;
        out.push(Token { span: Span::new(span.start, cut) });
        out.push(Token { span: Span::new(cut, span.end) });
    }
}

/// A free-standing `'` before `s`, `re`, `ll`... (as in pre-tokenized `U.S. 's`) → one token `'s`.
fn join_clitics(text: &str, pieces: &mut Vec<Span>) {
    // `dedup_by` hands each piece with the last one kept before it, and drops the piece on `true`.
    pieces.dedup_by(|span, last| {
        let joins = last.end == span.start
            && last.text(text).chars().all(is_apostrophe)
            && last.text(text).chars().count() == 1
            && ["s", "re", "ll", "ve", "d", "m", "t"].iter().any(|c| span.text(text).eq_ignore_ascii_case(c));
        if joins {
            last.end = span.end;
        }
        joins
    });
}

fn is_hyphen(piece: &str) -> bool {
    matches!(piece, "-" | "\u{2010}" | "\u{2011}")
}

fn is_wordlike(piece: &str) -> bool {
    piece.chars().next().is_some_and(char::is_alphanumeric)
}

/// `all` `-` `rounder` with nothing between them → `all-rounder`; `1996-08-30` likewise.
fn join_hyphenated(text: &str, pieces: &mut Vec<Span>) {
    let joinable = |a: Span, hyphen: Span, b: Span| {
        a.end == hyphen.start
            && hyphen.end == b.start
            && is_hyphen(hyphen.text(text))
            && is_wordlike(a.text(text))
            && is_wordlike(b.text(text))
    };
    // The pieces kept so far are `pieces[..kept]`; a join reads two pieces and keeps none, so the
    // kept ones never overtake the ones still to read.
    let mut kept = 0_usize;
    let mut i = 0;
    while i < pieces.len() {
        match kept.checked_sub(1) {
            Some(last) if i + 1 < pieces.len() && joinable(pieces[last], pieces[i], pieces[i + 1]) =>
            {
                pieces[last].end = pieces[i + 1].end;
                i += 2;
            }
            _ => {
                pieces[kept] = pieces[i];
                kept += 1;
                i += 1;
            }
        }
    }
    pieces.truncate(kept);
}

/// `C` `$` with nothing between them → `C$` (Canadian dollars), likewise `US$`, `HK$`.
fn join_currency_prefixes(text: &str, pieces: &mut Vec<Span>) {
    pieces.dedup_by(|span, last| {
        let joins = last.end == span.start
            && span.text(text) == "$"
            && (1..=3).contains(&last.text(text).len())
            && last.text(text).bytes().all(|b| b.is_ascii_uppercase());
        if joins {
            last.end = span.end;
        }
        joins
    });
}

/// Whether a word followed by "." is an abbreviation or initial that keeps the period.
fn takes_period(word: &str) -> bool {
    let mut chars = word.chars();
    let single_letter = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
    let dotted = word.contains('.') && word.chars().all(|c| c == '.' || c.is_alphabetic());
    single_letter || dotted || is_abbreviation(word)
}

fn is_abbreviation(word: &str) -> bool {
    let lower = word.bytes().map(|b| b.to_ascii_lowercase());
    ABBREVIATIONS.binary_search_by(|abbr| abbr.bytes().cmp(lower.clone())).is_ok()
}

fn attach_abbreviation_periods(text: &str, pieces: &mut Vec<Span>) {
    pieces.dedup_by(|span, last| {
        // Most pieces are apart (a space between): the cheapest test goes first.
        let joins = last.end == span.start && span.text(text) == "." && takes_period(last.text(text));
        if joins {
            last.end = span.end;
        }
        joins
    });
}

/// Sentence spans (first token start .. last token end). A sentence ends at `.`/`!`/`?` (plus any
/// closing quotes or brackets) before a word that can start one, at a blank line, and at a line
/// break unless the next line continues in lowercase (wrapped prose), so headlines and datelines
/// stand alone.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    sentences_ending(tokens, |i, next| may_end_sentence(text.as_bytes(), tokens[i].span.end, next.span.start) && ends_sentence(text, tokens, i, next))
}

/// Sentence spans, each ending at a token `i` (before `next`) where `ends(i, next)`.
#[inline(always)]
fn sentences_ending(tokens: &[Token], mut ends: impl FnMut(usize, &Token) -> bool) -> Vec<Span> {
    // News sentences run to about twenty tokens.
    let mut out = Vec::with_capacity(tokens.len() / 16);
    // The sentence being read starts at token `first`; the last one ends with the last token.
    let mut first = 0;
    for (i, (token, next)) in tokens.iter().zip(tokens.iter().skip(1)).enumerate() {
        if ends(i, next) {
            out.push(Span::new(tokens[first].span.start, token.span.end));
            first = i + 1;
        }
    }
    if let Some(last) = tokens.last() {
        out.push(Span::new(tokens[first].span.start, last.span.end));
    }
    out
}

/// The last bytes of the tokens that may end a sentence: a terminal's (`.` `!` `?` `…`) and a
/// closing quote's or bracket's (see [`is_closing`]).
const ENDS_TERMINAL_OR_CLOSING: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b".!?\"')]}\xA6\x99\x9D\xBB";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// Whether the token that ends at `end` may end a sentence before the token at `next_start`, told
/// from bytes: most tokens touch the next one, or have a space after them and neither end in a
/// terminal or closing mark nor come before a lower-case word, and none of them does.
#[inline(always)]
fn may_end_sentence(bytes: &[u8], end: usize, next_start: usize) -> bool {
    let spaced = next_start == end + 1 && bytes[end] == b' ';
    end != next_start && !(spaced && (!ENDS_TERMINAL_OR_CLOSING[usize::from(bytes[end - 1])] || bytes[next_start].is_ascii_lowercase()))
}

fn ends_sentence(text: &str, tokens: &[Token], i: usize, next: &Token) -> bool {
    let gap = &text[tokens[i].span.end..next.span.start];
    let next_text = next.text(text);
    let next_starts_lower = next_text.chars().next().is_some_and(char::is_lowercase);
    let newlines = gap.bytes().filter(|&b| b == b'\n').count();
    if newlines >= 2 || (newlines == 1 && !next_starts_lower) {
        return true;
    }
    if gap.is_empty() || next_starts_lower || is_closing(next_text) {
        return false;
    }
    let terminal = last_non_closing(text, tokens, i);
    let terminal_text = terminal.map_or("", |t| t.text(text));
    match terminal_text {
        "." | "!" | "?" | "..." | "\u{2026}" => true,
        word if word.len() > 1 && word.ends_with('.') => abbreviation_ends_sentence(word, next_text),
        _ => false,
    }
}

fn is_closing(piece: &str) -> bool {
    matches!(piece, "\"" | "'" | "\u{201D}" | "\u{2019}" | "\u{BB}" | ")" | "]" | "}")
}

/// The token at `i`, or the one before a run of closing quotes/brackets ending at `i`.
fn last_non_closing<'a>(text: &str, tokens: &'a [Token], i: usize) -> Option<&'a Token> {
    tokens[..=i].iter().rev().find(|t| !is_closing(t.text(text)))
}

fn abbreviation_ends_sentence(word: &str, next: &str) -> bool {
    let bare = word.trim_end_matches('.');
    if NON_FINAL_ABBREVIATIONS.iter().any(|abbr| bare.eq_ignore_ascii_case(abbr)) || bare.chars().count() == 1 {
        return false;
    }
    SENTENCE_STARTERS.iter().any(|starter| next.eq_ignore_ascii_case(starter))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, text, expected tokens joined by " | ")
    const TOKEN_CASES: &[(&str, &str, &str)] = &[
        ("dotted acronyms", "The U.S. and U.K. met.", "The | U.S. | and | U.K. | met | ."),
        ("titles keep period", "Gen. Smith and Mr. Jones", "Gen. | Smith | and | Mr. | Jones"),
        ("initials", "George W. Bush", "George | W. | Bush"),
        ("possessive straight", "Macron's plan", "Macron | 's | plan"),
        ("possessive curly", "Zelenskyy\u{2019}s chief", "Zelenskyy | \u{2019}s | chief"),
        ("possessive in capitals", "MACRON'S PLAN", "MACRON | 'S | PLAN"),
        ("possessive after a letter not in ASCII", "Miche\u{E1}l\u{2019}s and \u{C9}'s", "Miche\u{E1}l | \u{2019}s | and | \u{C9} | 's"),
        ("lone possessive", "'s and \u{2019}s", "'s | and | \u{2019}s"),
        ("numbers with separators", "1,500 troops and 3.5 percent", "1,500 | troops | and | 3.5 | percent"),
        ("hyphenated word stays whole", "an all-rounder on 1996-08-30", "an | all-rounder | on | 1996-08-30"),
        ("curly quotes", "\u{201C}yes,\u{201D} he said", "\u{201C} | yes | , | \u{201D} | he | said"),
        ("guillemets", "\u{AB}Oui\u{BB}", "\u{AB} | Oui | \u{BB}"),
        ("em dash", "Paris\u{2014}the capital", "Paris | \u{2014} | the | capital"),
        ("non-ascii names", "Miche\u{E1}l Martin, Evika Sili\u{146}a, Nicu\u{219}or Dan", "Miche\u{E1}l | Martin | , | Evika | Sili\u{146}a | , | Nicu\u{219}or | Dan"),
        ("conll pre-tokenized", "U.S. 's ( Reuters ) -", "U.S. | 's | ( | Reuters | ) | -"),
        ("currency prefixes", "C$ 100 and US$5 but $ 3", "C$ | 100 | and | US$ | 5 | but | $ | 3"),
        ("state abbreviation", "Tampa, Fla., and Sacramento, Calif.", "Tampa | , | Fla. | , | and | Sacramento | , | Calif."),
        ("abbreviations in any case", "ADM. Jones, APPROX. 5, Wis. and wisc.", "ADM. | Jones | , | APPROX. | 5 | , | Wis. | and | wisc | ."),
    ];

    #[test]
    fn tokens() {
        for (name, text, expected) in TOKEN_CASES {
            let got: Vec<&str> = tokenize(text).iter().map(|t| t.text(text)).collect();
            assert_eq!(got.join(" | "), *expected, "case {name:?}");
        }
    }

    #[test]
    fn abbreviations_are_sorted_in_lower_case() {
        for pair in ABBREVIATIONS.windows(2) {
            assert!(pair[0] < pair[1], "{pair:?}");
        }
        assert!(ABBREVIATIONS.iter().all(|abbr| abbr.bytes().all(|b| b.is_ascii_lowercase())));
    }

    /// (name, text, expected sentences joined by " || ")
    const SENTENCE_CASES: &[(&str, &str, &str)] = &[
        ("two sentences", "He left. She stayed.", "He left. || She stayed."),
        ("title does not end", "Mr. Smith met Gen. Jones.", "Mr. Smith met Gen. Jones."),
        ("acronym mid sentence", "The U.S. Army moved.", "The U.S. Army moved."),
        ("acronym at end", "He lives in the U.S. The rest stayed.", "He lives in the U.S. || The rest stayed."),
        ("quote closes sentence", "\u{201C}We won.\u{201D} He smiled.", "\u{201C}We won.\u{201D} || He smiled."),
        ("headline line", "PARIS SUMMIT ENDS\nLONDON 1996-08-30\nLeaders met.", "PARIS SUMMIT ENDS || LONDON 1996-08-30 || Leaders met."),
        ("paragraph break", "First para\n\nSecond para", "First para || Second para"),
        ("wrapped prose continues", "The minister said on\nmonday that", "The minister said on\nmonday that"),
        ("conll lines", "Peter Blackburn\nBRUSSELS 1996-08-22\nThe EU said .", "Peter Blackburn || BRUSSELS 1996-08-22 || The EU said ."),
    ];

    #[test]
    fn sentence_spans() {
        for (name, text, expected) in SENTENCE_CASES {
            let tokens = tokenize(text);
            let got: Vec<&str> = sentences(text, &tokens).iter().map(|s| s.text(text)).collect();
            assert_eq!(got.join(" || "), *expected, "case {name:?}");
        }
    }

    /// The joins over all pieces of the text at once, as [`tokenize`] did before it joined each run
    /// of touching pieces apart.
    fn tokenize_joining_all_at_once(text: &str) -> Vec<Token> {
        let mut pieces = Vec::new();
        word_bounds::word_bounds(text, |piece, space| {
            if !space {
                push_splitting_possessive(text, piece, &mut pieces);
            }
        });
        let mut pieces: Vec<Span> = pieces.into_iter().map(|token| token.span).collect();
        join_clitics(text, &mut pieces);
        join_hyphenated(text, &mut pieces);
        join_currency_prefixes(text, &mut pieces);
        attach_abbreviation_periods(text, &mut pieces);
        pieces.into_iter().map(|span| Token { span }).collect()
    }

    /// Pieces that the joins take, and what separates runs.
    const JOIN_PIECES: &[&str] = &[
        "a", "U", "US", "C", "Gen", "said", "s", "re", "S", "'", "\u{2019}", "-", "\u{2011}", "$", ".", ",",
        "1996", "08", " ", "\n", "\u{A0}", "\u{E9}",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        #[test]
        fn runs_join_as_the_whole_text(indices in proptest::collection::vec(0..JOIN_PIECES.len(), 0..16)) {
            let text: String = indices.iter().map(|&i| JOIN_PIECES[i]).collect();
            proptest::prop_assert_eq!(tokenize(&text), tokenize_joining_all_at_once(&text), "{:?}", text);
        }
    }

    /// Pieces of text around sentence ends.
    const SENTENCE_PIECES: &[&str] = &[
        "He", "he", "The", "said", "Mr", "U.S", "3", ".", "!", "?", "\u{2026}", ",", "\"", "'", "\u{201D}", "\u{2019}", "\u{BB}",
        ")", " ", " ", " ", "  ", "\n", "\r\n", "\u{A0}",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        #[test]
        fn sentences_end_as_by_the_rules_at_every_token(indices in proptest::collection::vec(0..SENTENCE_PIECES.len(), 0..24)) {
            let text: String = indices.iter().map(|&i| SENTENCE_PIECES[i]).collect();
            let tokens = tokenize(&text);
            let by_rules = sentences_ending(&tokens, |i, next| ends_sentence(&text, &tokens, i, next));
            proptest::prop_assert_eq!(sentences(&text, &tokens), by_rules, "{:?}", text);
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", " ", "'s", "\u{2019}s", "-", "a-", "-a", ".", "..", "U.", "\u{301}s\u{2019}s", "\n\n\n"] {
            let tokens = tokenize(text);
            let _ = sentences(text, &tokens);
        }
    }
}
