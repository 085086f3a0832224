//! Numeric claims: every number that states a fact ("more than 30 nations", "at least 19
//! fatalities", "$5 billion", "hundreds of drones"), its qualifier as an interval, what it counts,
//! the predicate and subject where the sentence gives them, and the date it refers to.
//!
//! Not claims: years, dates, times and durations (numbers inside a [`Timex`]), ages
//! ("the 45-year-old": they describe a person, not a countable fact), list numbering, and numbers
//! that are part of a name ("G7", "Article 5", "Resolution 425").

use crate::timex::numbers::{first_number_words, parse_number};
use crate::timex::scan::{self, Class, Token, WordMap};
use crate::timex::{self, Timex, TimexKind};
use crate::{NaiveDate, Span};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The number phrase with its qualifier and unit: "more than 30", "$5 billion", "20%".
    pub span: Span,
    /// The sentence the claim is made in.
    pub sentence: Span,
    /// The number as written (`0.2` is not used for "20%": the value is 20 with unit `%`).
    pub value: f64,
    /// Interval bounds (`None` = unbounded), see [`Qualifier`].
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    /// The qualifier as written, lower-cased: "more than", "at least", "about", "hundreds of".
    pub qualifier: Option<String>,
    /// `%`, `USD`, `EUR`, `GBP`.
    pub unit: Option<String>,
    /// What is counted: "nations", "heads of state", "people killed".
    pub thing: Option<String>,
    /// "pledged to deploy troops".
    pub predicate: Option<String>,
    pub subject: Option<String>,
    /// The TimeML value of the date the claim refers to: the sentence's first dated timex, else the
    /// article date.
    pub date: Option<String>,
}

impl Claim {
    /// The interval as text: `26`, `(30, ∞)`, `[19, ∞)`, `[27, 33]`, `[0, 100)`.
    pub fn interval_text(&self) -> String {
        if self.low == Some(self.value) && self.high == Some(self.value) {
            return format_number(self.value);
        }
        let low = self.low.map_or("-∞".to_string(), format_number);
        let high = self.high.map_or("∞".to_string(), format_number);
        let open = if self.low_inclusive && self.low.is_some() {
            '['
        } else {
            '('
        };
        let close = if self.high_inclusive && self.high.is_some() {
            ']'
        } else {
            ')'
        };
        format!("{open}{low}, {high}{close}")
    }
}

fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{}", (value * 1000.0).round() / 1000.0)
    }
}

/// How a qualifier bounds the number X. Approximations ("about", "around", "roughly",
/// "approximately", "some") are taken as ±10%: [0.9X, 1.1X]; "nearly"/"almost" as [0.9X, X).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Qualifier {
    /// (X, ∞): "more than", "over".
    Above,
    /// [X, ∞): "at least".
    AtLeast,
    /// [0.9X, 1.1X]
    About,
    /// [0.9X, X)
    Nearly,
    /// [0, X]: "up to", "at most", "no more than".
    AtMost,
    /// [0, X): "fewer than", "less than", "under".
    Below,
}

const QUALIFIERS: [(&[&str], Qualifier); 16] = [
    (&["more", "than"], Qualifier::Above),
    (&["over"], Qualifier::Above),
    (&["at", "least"], Qualifier::AtLeast),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["up", "to"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["fewer", "than"], Qualifier::Below),
    (&["less", "than"], Qualifier::Below),
    (&["under"], Qualifier::Below),
];

/// Vague plurals: "hundreds of" is at least two hundred and fewer than a thousand.
const VAGUE_AMOUNTS: [(&str, f64, f64); 4] = [
    ("dozens", 24.0, 100.0),
    ("scores", 40.0, 100.0),
    ("hundreds", 200.0, 1000.0),
    ("thousands", 2000.0, 1e6),
];

/// Capitalized words after which a number is part of a name.
const NAME_BEFORE_NUMBER: [&str; 14] = [
    "article",
    "resolution",
    "chapter",
    "section",
    "no",
    "number",
    "flight",
    "apollo",
    "room",
    "route",
    "page",
    "paragraph",
    "amendment",
    "phase",
];

/// Words that end the counted thing: function words and verbs' auxiliaries.
const THING_STOP: [&str; 34] = [
    "have", "has", "had", "were", "was", "are", "is", "be", "been", "will", "would", "could", "to",
    "and", "or", "in", "on", "at", "from", "with", "who", "that", "which", "for", "by", "as", "of",
    "than", "per", "a", "an", "the", "each", "so",
];

/// Plural head nouns without an `s`: the counted phrase ends there.
const IRREGULAR_PLURALS: [&str; 8] = [
    "people",
    "men",
    "women",
    "children",
    "police",
    "personnel",
    "staff",
    "aircraft",
];

/// Casualty nouns and verbs, and the thing they count: "19 fatalities", "killing 19 people" and
/// "19 people killed" all count "people killed", so that articles can be compared.
const CASUALTY_NOUNS: [(&str, &str); 5] = [
    ("fatalities", "people killed"),
    ("deaths", "people killed"),
    ("dead", "people killed"),
    ("casualties", "casualties"),
    ("injuries", "people injured"),
];
const CASUALTY_VERBS: [(&str, &str); 8] = [
    ("killing", "killed"),
    ("killed", "killed"),
    ("kill", "killed"),
    ("kills", "killed"),
    ("injuring", "injured"),
    ("wounding", "wounded"),
    ("injured", "injured"),
    ("wounded", "wounded"),
];
/// Who casualties are counted among: "killing 19 people" → "people killed".
const CASUALTY_VICTIMS: [&str; 6] = [
    "people",
    "civilians",
    "persons",
    "soldiers",
    "children",
    "men",
];

const CASUALTY_PARTICIPLES: [&str; 7] = [
    "killed",
    "injured",
    "wounded",
    "displaced",
    "detained",
    "arrested",
    "missing",
];

const AUXILIARIES: [&str; 14] = [
    "have",
    "has",
    "had",
    "were",
    "was",
    "are",
    "is",
    "been",
    "be",
    "will",
    "would",
    "could",
    "now",
    "reportedly",
];

/// Words that end a predicate: conjunctions and the prepositions of adjuncts.
const PREDICATE_STOP: [&str; 22] = [
    "and", "but", "while", "as", "in", "on", "at", "for", "from", "with", "by", "into", "during",
    "after", "before", "once", "over", "under", "across", "amid", "since", "until",
];

/// Longest aside between a counted thing and its verb, in tokens.
const MAX_ASIDE_TOKENS: usize = 24;

/// Irregular past forms that are verbs after an aside (regular ones end in "-ed").
const PAST_VERBS: [&str; 10] = [
    "met", "sent", "gave", "took", "made", "came", "went", "held", "began", "left",
];

/// Longest predicate, in words.
const MAX_PREDICATE_WORDS: usize = 6;

/// The word lists above that the scans of a claim's words test most, as one table: a bit for each
/// list a word is in. One look-up instead of a comparison with each word of a list (in wasm, each
/// of the same length is a call).
#[derive(Clone, Copy, Debug)]
enum List {
    ThingStop,
    IrregularPlural,
    CasualtyParticiple,
    Auxiliary,
    PredicateStop,
    PastVerb,
}

const LISTS: [(&[&str], List); 6] = [
    (&THING_STOP, List::ThingStop),
    (&IRREGULAR_PLURALS, List::IrregularPlural),
    (&CASUALTY_PARTICIPLES, List::CasualtyParticiple),
    (&AUXILIARIES, List::Auxiliary),
    (&PREDICATE_STOP, List::PredicateStop),
    (&PAST_VERBS, List::PastVerb),
];

/// Whether `word` is in `list`.
fn listed(word: &str, list: List) -> bool {
    static TABLE: OnceLock<WordMap<u8>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        WordMap::from_lists(LISTS.map(|(words, list)| (words, 1 << list as u8)), |lists, bit| lists | bit)
    });
    table.get(word) & 1 << list as u8 != 0
}

/// All numeric claims of `text`. `sentences` are used when given (else the text is split here);
/// numbers inside `timexes` are not claims; `dct` dates claims whose sentence has no date.
pub fn extract_claims(
    text: &str,
    sentences: &[Span],
    timexes: &[Timex],
    dct: Option<NaiveDate>,
) -> Vec<Claim> {
    let mut lowered = scan::Lowered::default();
    let (tokens, starts) = tokens_and_starts(text, &mut lowered);
    claims_in(text, &tokens, &starts, sentences, timexes, dct)
}

/// [`extract_claims`] over the tokens and starts of [`tokens_and_starts`].
pub(crate) fn claims_in(
    text: &str,
    tokens: &[Token],
    starts: &[(usize, Begins)],
    sentences: &[Span],
    timexes: &[Timex],
    dct: Option<NaiveDate>,
) -> Vec<Claim> {
    let sentence_spans = if sentences.is_empty() {
        own_sentences(tokens)
    } else {
        sentences.to_vec()
    };
    // Timexes and sentences are in text order and do not overlap, and claims are found in text
    // order: those before a claim are passed over once, which keeps this linear in text length (a
    // 1 MB sentence has thousands of claims and timexes).
    let mut timexes_before = 0;
    let mut in_timex = |span: Span| {
        timexes_before += timexes[timexes_before..]
            .iter()
            .take_while(|t| t.span.end <= span.start)
            .count();
        timexes
            .get(timexes_before)
            .is_some_and(|t| t.span.overlaps(span))
    };
    let mut sentences_before = 0;
    let mut sentence_of = |span: Span| {
        sentences_before += sentence_spans[sentences_before..]
            .iter()
            .take_while(|s| s.end < span.end)
            .count();
        sentence_spans
            .get(sentences_before)
            .copied()
            .filter(|s| s.contains(span))
            .unwrap_or(span)
    };
    // The date of the sentence of the previous claim, so a sentence's timexes are read once.
    let mut sentence_date: Option<(Span, Option<String>)> = None;
    let dct = dct.map(|d| d.to_string());
    let mut claims = Vec::new();
    // The first token after the last claim.
    let mut next = 0;
    for &(i, begins) in starts {
        if i < next {
            continue;
        }
        if let Some((mut claim, end)) = claim_starting_at(text, tokens, i, begins.claims)
            .filter(|(claim, _)| !in_timex(claim.span))
        {
            claim.sentence = sentence_of(claim.span);
            if sentence_date
                .as_ref()
                .is_none_or(|(sentence, _)| *sentence != claim.sentence)
            {
                let from = timexes.partition_point(|t| t.span.start < claim.sentence.start);
                let date = timexes[from..]
                    .iter()
                    .take_while(|t| t.span.start < claim.sentence.end)
                    .find(|t| {
                        claim.sentence.contains(t.span)
                            && matches!(t.kind, TimexKind::Date | TimexKind::Time)
                            && t.value
                                .as_deref()
                                .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()))
                    })
                    .and_then(|t| t.value.clone());
                sentence_date = Some((claim.sentence, date));
            }
            claim.date = sentence_date
                .as_ref()
                .and_then(|(_, date)| date.clone())
                .or_else(|| dct.clone());
            // "intercept or jam 84 of them": a part of what the sentence counted before.
            let partitive = ["of", "them"]
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.get(end + k).is_some_and(|t| t.lower == *w));
            if claim.thing.is_none() && partitive {
                let earlier = claims
                    .last()
                    .filter(|c: &&Claim| c.sentence == claim.sentence);
                claim.thing = earlier.and_then(|c| c.thing.clone());
                claim.predicate = verb_before(text, tokens, i);
            }
            claims.push(claim);
            next = end;
        }
    }
    claims
}

fn own_sentences(tokens: &[Token]) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    for (k, token) in tokens.iter().enumerate() {
        match spans.last_mut() {
            Some(last) if !scan::starts_sentence(tokens, k) && token.class != Class::Break => {
                last.end = token.span().end
            }
            _ if token.class != Class::Break => spans.push(token.span()),
            _ => {}
        }
    }
    spans
}

/// What a token may begin, from one look-up of its word as it is read, for both scans.
#[derive(Clone, Copy, Default)]
pub(crate) struct Begins {
    /// The date rules that can begin with it: its [`timex::Rules::first`].
    pub dates: timex::Rules,
    /// The qualifiers that a claim beginning with it may have; `None`: no claim begins with it.
    claims: Option<Qualifiers>,
}

/// The tokens of `text`, and the indexes of those that may begin a claim or a date, with what
/// they may begin: numbers, currency signs and the words that begin either. Only these are tried
/// by both scans: most tokens of prose begin neither, and one look-up of each word as it is read
/// passes over them.
pub(crate) fn tokens_and_starts<'t>(
    text: &'t str,
    lowered: &'t mut scan::Lowered,
) -> (Vec<Token<'t>>, Vec<(usize, Begins)>) {
    scan::tokenize_marking(text, lowered, begins)
}

/// What `token` may begin; `None`: neither a date nor a claim.
fn begins(token: &Token) -> Option<Begins> {
    let number = Qualifiers::default();
    match token.class {
        Class::Number => Some(Begins { dates: timex::Rules::first(None), claims: Some(number) }),
        Class::Word => Some(starting_words().get(token.lower))
            .filter(|begins| begins.dates.may_begin() || begins.claims.is_some()),
        Class::Punct | Class::Break => {
            currency_of(token).map(|_| Begins { claims: Some(number), ..Begins::default() })
        }
    }
}

/// Every word that a claim can begin with: a vague amount, a number in words, a qualifier's first
/// word.
fn first_words() -> impl Iterator<Item = &'static str> {
    let vague = VAGUE_AMOUNTS.iter().map(|(word, ..)| *word);
    let qualifiers = QUALIFIERS.iter().map(|(words, _)| words[0]);
    vague.chain(first_number_words()).chain(qualifiers)
}

/// The words that begin a date or a claim: the [`timex::first_words`], each with its rules, and
/// the [`first_words`], each with the [`Qualifiers`] that begin with it, so that only those are
/// tried.
fn starting_words() -> &'static WordMap<Begins> {
    static WORDS: OnceLock<WordMap<Begins>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = WordMap::default();
        for word in timex::first_words() {
            let dates = timex::Rules::first(Some(&word));
            words.update(&word, |begins: Begins| Begins { dates, ..begins });
        }
        let claim_with = |begins: Begins, more: u16| {
            let qualifiers = Qualifiers(begins.claims.unwrap_or_default().0 | more);
            Begins { claims: Some(qualifiers), ..begins }
        };
        for word in first_words() {
            words.update(word, |begins| claim_with(begins, 0));
        }
        for (k, (qualifier, _)) in QUALIFIERS.iter().enumerate() {
            words.update(qualifier[0], |begins| claim_with(begins, 1 << k));
        }
        words
    })
}

/// A set of [`QUALIFIERS`], a bit for each by its index.
#[derive(Clone, Copy, Default)]
struct Qualifiers(u16);

impl Qualifiers {
    const ALL: Qualifiers = Qualifiers(u16::MAX >> (16 - QUALIFIERS.len()));

    /// The qualifiers of the set, in the order of [`QUALIFIERS`]. (Most sets are empty: they are
    /// of numbers in words.)
    fn iter(self) -> impl Iterator<Item = &'static (&'static [&'static str], Qualifier)> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            let qualifier = QUALIFIERS.get(bits.trailing_zeros() as usize)?;
            bits &= bits - 1;
            Some(qualifier)
        })
    }
}

/// [`claim_at`] token `i`, with the qualifiers that it [`begins`] (`None`: no claim begins there).
fn claim_starting_at(
    text: &str,
    tokens: &[Token],
    i: usize,
    begun: Option<Qualifiers>,
) -> Option<(Claim, usize)> {
    let Some(qualifiers) = begun else {
        debug_assert_eq!(
            claim_at(text, tokens, i, Qualifiers::ALL),
            None,
            "a claim begins with {:?}: add it to the starting words",
            tokens[i].lower
        );
        return None;
    };
    claim_at(text, tokens, i, qualifiers)
}

fn currency_of(sign: &Token) -> Option<&'static str> {
    match sign.lower {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        _ => None,
    }
}

/// The claim whose number phrase starts at token `i` (a qualifier, a currency sign or the number),
/// and the token index after its number phrase. Of the qualifiers, only `qualifiers` are tried:
/// those that begin with token `i`.
fn claim_at(
    text: &str,
    tokens: &[Token],
    i: usize,
    qualifiers: Qualifiers,
) -> Option<(Claim, usize)> {
    let word = |j: usize| {
        tokens
            .get(j)
            .filter(|t| t.class == Class::Word)
            .map(|t| t.lower)
    };
    let mut at = i;
    let mut qualifier = None;
    for &(words, kind) in qualifiers.iter() {
        if words
            .iter()
            .enumerate()
            .all(|(k, w)| word(i + k) == Some(w))
        {
            qualifier = Some((words.join(" "), kind));
            at = i + words.len();
            break;
        }
    }
    let currency = tokens.get(at).and_then(currency_of);
    if currency.is_some() {
        at += 1;
    }
    let (value, mut end, vague) = match tokens.get(at)?.lower {
        w if qualifier.is_none()
            && currency.is_none()
            && word(at + 1) == Some("of")
            && VAGUE_AMOUNTS.iter().any(|(v, ..)| *v == w) =>
        {
            let &(name, low, high) = VAGUE_AMOUNTS.iter().find(|(v, ..)| *v == w)?;
            qualifier = Some((format!("{name} of"), Qualifier::AtLeast));
            (low, at + 2, Some((low, high)))
        }
        _ => {
            let number = parse_number(tokens, at)?;
            (number.value, number.end, None)
        }
    };
    if !is_fact_number(tokens, at, end) {
        return None;
    }
    let mut unit = currency.map(str::to_string);
    if tokens.get(end).is_some_and(|t| t.lower == "%") || word(end) == Some("percent") {
        unit = Some("%".into());
        end += 1;
    } else if word(end) == Some("per") && word(end + 1) == Some("cent") {
        unit = Some("%".into());
        end += 2;
    }
    let (low, high, low_inclusive, high_inclusive) = match (vague, qualifier.as_ref().map(|q| q.1))
    {
        (Some((low, high)), _) => (Some(low), Some(high), true, false),
        (None, None) => (Some(value), Some(value), true, true),
        (None, Some(Qualifier::Above)) => (Some(value), None, false, false),
        (None, Some(Qualifier::AtLeast)) => (Some(value), None, true, false),
        (None, Some(Qualifier::About)) => (Some(value * 0.9), Some(value * 1.1), true, true),
        (None, Some(Qualifier::Nearly)) => (Some(value * 0.9), Some(value), true, false),
        (None, Some(Qualifier::AtMost)) => (Some(0.0), Some(value), true, true),
        (None, Some(Qualifier::Below)) => (Some(0.0), Some(value), true, false),
    };
    // A number past f64's range (hundreds of digits) is no figure to compare, and infinity
    // has no JSON form: the CLI's output and the worker's messages would lose it.
    if ![Some(value), low, high].into_iter().flatten().all(f64::is_finite) {
        return None;
    }
    let (thing, after_thing) = counted_thing(tokens, end);
    let (predicate, subject) =
        predicate_and_subject(text, tokens, i, after_thing, thing.as_deref());
    // A casualty count says what happened in its thing ("people killed"), and the predicate is
    // that participle, however the sentence words it ("19 fatalities", "killing 19 people").
    let (thing, predicate) = match casualty_thing(tokens, i, thing.as_deref()) {
        Some(casualty) => {
            let verb = casualty
                .rsplit(' ')
                .next()
                .filter(|w| listed(w, List::CasualtyParticiple))
                .map(str::to_string);
            (Some(casualty), verb)
        }
        None => (thing, predicate),
    };
    let span = Span::new(tokens[i].span().start, tokens[end - 1].span().end);
    let claim = Claim {
        span,
        sentence: span,
        value,
        low,
        high,
        low_inclusive,
        high_inclusive,
        qualifier: qualifier.map(|q| q.0),
        unit,
        thing,
        predicate,
        subject,
        date: None,
    };
    Some((claim, end))
}

/// False for numbers that name rather than count: "G7", "Article 5", "Su-27", ordinals ("4th"),
/// list numbering, ages, "one" as a pronoun, and groups referred back to ("the two leaders").
fn is_fact_number(tokens: &[Token], start: usize, end: usize) -> bool {
    let token = &tokens[start];
    if token.class == Class::Number && !token.lower.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if token.class == Class::Number && token.lower.ends_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    if token.class == Class::Word && matches!(token.lower, "one" | "zero") && end == start + 1 {
        return false;
    }
    if let Some(previous) = start.checked_sub(1).map(|j| &tokens[j]) {
        let attached = previous.span().end == token.span().start
            && matches!(previous.class, Class::Word | Class::Number);
        let attached_hyphen = previous.lower == "-" && previous.span().end == token.span().start;
        let named = previous.capitalized && NAME_BEFORE_NUMBER.contains(&previous.lower)
            || previous.lower == "#";
        if attached || attached_hyphen || named {
            return false;
        }
        // "the two leaders", "those 26 countries" refer back to a group; they state no count.
        if matches!(previous.lower, "the" | "these" | "those") {
            return false;
        }
        let line_start = previous.class == Class::Break;
        if line_start
            && tokens
                .get(end)
                .is_some_and(|t| t.lower == "." || t.lower == ")")
        {
            return false;
        }
    }
    let is_age = tokens.get(end).is_some_and(|t| t.lower == "-")
        && tokens
            .get(end + 1)
            .is_some_and(|t| t.lower.starts_with("year"))
        && tokens.get(end + 3).is_some_and(|t| t.lower == "old");
    !is_age
}

/// The noun phrase after the number: "nations", "heads of state", "strike and decoy drones",
/// "people killed".
fn counted_thing(tokens: &[Token], start: usize) -> (Option<String>, usize) {
    let word = |j: usize| {
        tokens
            .get(j)
            .filter(|t| t.class == Class::Word)
            .map(|t| t.lower)
    };
    let mut words: Vec<&str> = Vec::new();
    let mut j = start;
    while let Some(w) = word(j) {
        let noun_joined_by_of = w == "of"
            && !words.is_empty()
            && word(j + 1).is_some_and(|n| !listed(n, List::ThingStop))
            && words.len() < 3;
        // "strike and decoy drones": a conjunction inside the phrase, before its head noun.
        let adjectives_joined = w == "and"
            && !words.is_empty()
            && word(j + 2).is_some_and(|n| !listed(n, List::ThingStop))
            && !words
                .last()
                .is_some_and(|l| l.ends_with('s') || listed(l, List::IrregularPlural));
        if noun_joined_by_of || adjectives_joined {
            words.extend([w, word(j + 1).unwrap_or_default()]);
            j += 2;
            continue;
        }
        if listed(w, List::ThingStop) || words.len() >= 4 {
            break;
        }
        // "people killed": a casualty participle belongs to what is counted.
        let participle = listed(w, List::CasualtyParticiple) && !words.is_empty();
        words.push(w);
        j += 1;
        let continues =
            word(j).is_some_and(|n| listed(n, List::CasualtyParticiple) || n == "and" || n == "of");
        let plural = w.ends_with('s') || listed(w, List::IrregularPlural);
        if participle || plural && !continues {
            break;
        }
    }
    if words.is_empty() {
        (None, start)
    } else {
        (Some(words.join(" ")), j)
    }
}

/// The normalized thing of a casualty count: "19 fatalities", "killing 19 people" → "people killed".
fn casualty_thing(tokens: &[Token], start: usize, thing: Option<&str>) -> Option<String> {
    let thing = thing?;
    if let Some(normalized) = lookup_word(&CASUALTY_NOUNS, thing) {
        return Some(normalized.to_string());
    }
    let verb = start
        .checked_sub(1)
        .and_then(|v| tokens.get(v))
        .filter(|t| t.class == Class::Word)
        .and_then(|t| lookup_word(&CASUALTY_VERBS, t.lower))?;
    let victim = thing.rsplit(' ').next()?;
    CASUALTY_VICTIMS
        .contains(&victim)
        .then(|| format!("{thing} {verb}"))
}

fn lookup_word(table: &[(&str, &'static str)], word: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, value)| value)
}

/// The verb right before the number with the capitalized subject before it ("Russia launched 112
/// drones"), else the verb phrase after the counted thing ("have pledged to deploy troops" →
/// "pledged to deploy troops", and then the thing is the subject).
fn predicate_and_subject(
    text: &str,
    tokens: &[Token],
    start: usize,
    after_thing: usize,
    thing: Option<&str>,
) -> (Option<String>, Option<String>) {
    let word = |j: usize| {
        tokens
            .get(j)
            .filter(|t| t.class == Class::Word)
            .map(|t| t.lower)
    };
    let verb_at = start.checked_sub(1).filter(|&v| {
        word(v).is_some_and(|w| {
            w.ends_with("ed")
                || ["met", "killed", "sent", "lost", "has", "have", "had"].contains(&w)
        })
    });
    if let Some(verb_at) = verb_at {
        let mut subject_start = verb_at;
        while subject_start > 0
            && tokens[subject_start - 1].class == Class::Word
            && tokens[subject_start - 1].capitalized
        {
            subject_start -= 1;
        }
        let subject = (subject_start < verb_at).then(|| {
            text[tokens[subject_start].span().start..tokens[verb_at - 1].span().end].to_string()
        });
        return (
            Some(text[tokens[verb_at].span().start..tokens[verb_at].span().end].to_string()),
            subject,
        );
    }
    // The verb follows the counted thing, or an aside closed by a comma or a dash: "over 30
    // countries, “all united by the same goal,” had convened", "a group of more than 30
    // nations—met", "15 countries, including the UK, France, and Germany, met".
    // Looked for within the aside's reach only: a scan to a distant sentence end is quadratic.
    let reach = tokens.len().min(after_thing + MAX_ASIDE_TOKENS);
    let sentence_end = (after_thing..reach)
        .find(|&k| matches!(tokens[k].lower, "." | "!" | "?") || tokens[k].class == Class::Break)
        .unwrap_or(reach);
    let aside_ends = (after_thing..sentence_end)
        .filter(|&k| matches!(tokens[k].lower, "," | "—" | "–"))
        .map(|k| k + 1);
    let predicate = thing.and_then(|_| {
        std::iter::once((after_thing, false))
            .chain(aside_ends.map(|k| (k, true)))
            .find_map(|(k, aside)| verb_phrase(text, tokens, k, aside))
    });
    match predicate {
        Some(predicate) => (Some(predicate), thing.map(str::to_string)),
        None => (None, None),
    }
}

/// The lower-case words right before token `i`, back to "to" or any other boundary: "managed to
/// intercept or jam 84" → "intercept or jam".
fn verb_before(text: &str, tokens: &[Token], i: usize) -> Option<String> {
    let is_verb_word = |t: &Token| {
        t.class == Class::Word
            && !t.capitalized
            && t.lower != "to"
            && !listed(t.lower, List::Auxiliary)
    };
    let start = (i.saturating_sub(MAX_PREDICATE_WORDS)..i)
        .rev()
        .take_while(|&k| is_verb_word(&tokens[k]))
        .last()?;
    Some(text[tokens[start].span().start..tokens[i - 1].span().end].to_string())
}

/// The verb phrase starting at token `j` (after auxiliaries), when a verb starts there. After an
/// aside only a clear verb counts: an auxiliary before it, or a past form ("met", "convened").
fn verb_phrase(text: &str, tokens: &[Token], mut j: usize, aside: bool) -> Option<String> {
    let word = |j: usize| {
        tokens
            .get(j)
            .filter(|t| t.class == Class::Word)
            .map(|t| t.lower)
    };
    // Closing quotes of the aside.
    while aside
        && tokens
            .get(j)
            .is_some_and(|t| t.class == Class::Punct && t.lower != ",")
    {
        j += 1;
    }
    let mut saw_auxiliary = false;
    while word(j).is_some_and(|w| listed(w, List::Auxiliary)) {
        saw_auxiliary = true;
        j += 1;
    }
    // After a complete noun phrase, a following lower-case content word is its verb.
    let verb_follows = word(j).is_some_and(|w| {
        let content = !listed(w, List::ThingStop) && !tokens[j].capitalized;
        saw_auxiliary || content && (!aside || w.ends_with("ed") || listed(w, List::PastVerb))
    });
    if !verb_follows {
        return None;
    }
    // "formally pledged" → "pledged": the manner adverb does not change what is claimed.
    if word(j).is_some_and(|w| w.ends_with("ly")) && word(j + 1).is_some() {
        j += 1;
    }
    // The verb phrase ends before its adjuncts: "pledged to deploy troops | to Ukraine".
    let ends_phrase = |k: usize| {
        let to_a_place = word(k) == Some("to")
            && tokens.get(k + 1).is_none_or(|t| {
                t.class != Class::Word
                    || t.capitalized
                    || ["the", "a", "an", "their", "its"].contains(&t.lower)
            });
        to_a_place || word(k).is_some_and(|w| listed(w, List::PredicateStop))
    };
    let mut end = j;
    while end < j + MAX_PREDICATE_WORDS && word(end).is_some() && !(end > j && ends_phrase(end)) {
        end += 1;
    }
    Some(text[tokens[j].span().start..tokens[end - 1].span().end].to_string())
}

#[cfg(test)]
#[path = "claims_tests.rs"]
mod tests;
