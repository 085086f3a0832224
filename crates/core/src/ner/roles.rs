//! A person's role, affiliation and honorific, read from the words around the name:
//! "French President Emmanuel Macron", "NATO chief Mark Rutte", "Zelenskyy's chief of staff Andriy
//! Yermak", "Irish Taoiseach (Prime Minister) Micheál Martin", "U.K. Prime Minister Sir Keir
//! Starmer", "Ursula von der Leyen, President of the European Commission,".
use super::lexicon::{self, ABBREVIATED_TITLES};
use super::{EntityKind, Mention};
use crate::text::Token;
use super::features::WordMap;
use std::sync::OnceLock;

/// What the text states about the person named by one mention.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonDetails {
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub honorific: Option<String>,
}

/// Words that belong to the role when they stand right before a title ("former President").
const TITLE_MODIFIERS: &[&str] = &["former", "deputy", "acting", "interim", "vice", "assistant", "senior"];
const LONGEST_TITLE_WORDS: usize = 4;

/// Details for each mention (empty for non-persons). A person mention that starts with an
/// honorific or title ("Sir Keir Starmer") is narrowed to the name itself.
pub fn find_roles(text: &str, tokens: &[Token], words: &[&str], mentions: &mut [Mention]) -> Vec<PersonDetails> {
    debug_assert!(mentions.windows(2).all(|w| w[0].end_token <= w[1].first_token), "mentions are sorted and disjoint");
    let context = Context { text, tokens, words };
    let mut details = vec![PersonDetails::default(); mentions.len()];
    for m in 0..mentions.len() {
        if mentions[m].kind != EntityKind::Person {
            continue;
        }
        let mut found = PersonDetails::default();
        while mentions[m].end_token - mentions[m].first_token > 1 {
            let first = mentions[m].first_token;
            if lexicon::HONORIFICS.contains(&words[first]) {
                found.honorific = Some(tokens[first].text(text).to_string());
            } else if !is_one_word_title(words[first]) {
                break;
            }
            mentions[m].first_token += 1;
            mentions[m].span.start = tokens[first + 1].span.start;
        }
        let before = context.before(mentions, mentions[m].first_token, &mut found);
        if !before {
            context.after(mentions, mentions[m].end_token, &mut found);
        }
        if let Some((_, full)) = found.honorific.as_ref().and_then(|h| abbreviated_title(h)) {
            found.role.get_or_insert_with(|| full.to_string());
            found.honorific = None;
        }
        details[m] = found;
    }
    details
}

/// A description that names no one: "the French President" (role, affiliation if stated).
pub struct Description {
    pub span: crate::Span,
    pub role: String,
    pub affiliation: Option<String>,
}

/// "the [Affiliation] Title" not followed by a name, e.g. a later "the French President".
pub fn find_descriptions(text: &str, tokens: &[Token], words: &[&str], mentions: &[Mention]) -> Vec<Description> {
    let context = Context { text, tokens, words };
    let mut out = Vec::new();
    for the in (0..tokens.len()).filter(|&i| words[i] == "the" && context.joined(i)) {
        let mut i = the + 1;
        let mut affiliation = None;
        if let Some(m) = starting_at(mentions, i).filter(|m| m.kind != EntityKind::Person) {
            affiliation = Some(m.span.text(text));
            i = m.end_token;
        } else if let Some(place) = lexicon::place_of_lowercase(words[i]) {
            affiliation = Some(place);
            i += 1;
        }
        let Some(end) = context.title_starting_at(i) else { continue };
        let named_next = end < tokens.len() && context.joined(end - 1) && tokens[end].text(text).chars().next().is_some_and(char::is_uppercase);
        if named_next || starting_at(mentions, end).is_some() {
            continue;
        }
        out.push(Description {
            span: crate::Span::new(tokens[the].span.start, tokens[end - 1].span.end),
            role: context.surface(i, end),
            affiliation: affiliation.map(|a| lexicon::place_of_adjective(a).unwrap_or(a).to_string()),
        });
    }
    out
}

/// The titles split into words, by their first word and by their last: a title is looked for only
/// among those its first (or last) word can begin (or end), with no string built.
struct Titles {
    by_first: WordMap<&'static str, Vec<Vec<&'static str>>>,
    by_last: WordMap<&'static str, Vec<Vec<&'static str>>>,
}

fn titles() -> &'static Titles {
    static TITLES: OnceLock<Titles> = OnceLock::new();
    TITLES.get_or_init(|| {
        let mut titles = Titles { by_first: WordMap::default(), by_last: WordMap::default() };
        for title in lexicon::TITLES {
            let words: Vec<&str> = title.split(' ').collect();
            debug_assert!(words.len() <= LONGEST_TITLE_WORDS);
            titles.by_first.entry(words[0]).or_default().push(words.clone());
            titles.by_last.entry(words[words.len() - 1]).or_default().push(words);
        }
        titles
    })
}

/// Whether a lowercase word is a title on its own ("president"): a look-up, not a scan of the list.
fn is_one_word_title(word: &str) -> bool {
    titles().by_first.get(word).is_some_and(|titles| titles.iter().any(|title| title.len() == 1))
}

/// The mention that starts at token `i`. Mentions are sorted and do not overlap, so a binary
/// search finds it (a scan per person mention made long articles quadratic).
fn starting_at(mentions: &[Mention], i: usize) -> Option<&Mention> {
    let at = mentions.partition_point(|m| m.first_token < i);
    mentions.get(at).filter(|m| m.first_token == i)
}

fn abbreviated_title(word: &str) -> Option<&'static (&'static str, &'static str)> {
    ABBREVIATED_TITLES.iter().find(|(abbreviation, _)| abbreviation.eq_ignore_ascii_case(word))
}

struct Context<'a> {
    text: &'a str,
    tokens: &'a [Token],
    words: &'a [&'a str],
}

impl Context<'_> {
    /// Whether tokens `a` and `a + 1` are on the same line.
    fn joined(&self, a: usize) -> bool {
        // The bytes between are few: a loop, not a call to memchr.
        a + 1 < self.tokens.len() && !self.text.as_bytes()[self.tokens[a].span.end..self.tokens[a + 1].span.start].iter().any(|&b| b == b'\n')
    }

    fn surface(&self, first: usize, end: usize) -> String {
        self.text[self.tokens[first].span.start..self.tokens[end - 1].span.end].to_string()
    }

    /// The longest title that ends right before token `end`, as its first token.
    fn title_ending_at(&self, end: usize) -> Option<usize> {
        let titles = titles().by_last.get(self.words[end.checked_sub(1)?])?;
        titles
            .iter()
            .filter_map(|title| {
                let first = end.checked_sub(title.len())?;
                (self.words[first..end] == title[..] && (first..end - 1).all(|i| self.joined(i))).then_some(first)
            })
            .min()
    }

    /// The end (exclusive) of the longest title starting at token `first`.
    fn title_starting_at(&self, first: usize) -> Option<usize> {
        let titles = titles().by_first.get(self.words.get(first)?)?;
        titles
            .iter()
            .filter_map(|title| {
                let end = first + title.len();
                (*self.words.get(first..end)? == title[..] && (first..end - 1).all(|i| self.joined(i))).then_some(end)
            })
            .max()
    }

    /// Reads "Affiliation Title (Gloss) Honorific" before the name; true if a role was found.
    fn before(&self, mentions: &[Mention], name_start: usize, found: &mut PersonDetails) -> bool {
        let mut end = name_start;
        if end > 0 && self.joined(end - 1) && lexicon::HONORIFICS.contains(&self.words[end - 1]) {
            found.honorific = Some(self.tokens[end - 1].text(self.text).to_string());
            end -= 1;
        }
        let role_end = end;
        if end > 2 && self.words[end - 1] == ")" && self.joined(end - 1) {
            if let Some(open) = (end.saturating_sub(LONGEST_TITLE_WORDS + 2)..end - 1).rev().find(|&i| self.words[i] == "(") {
                if self.title_starting_at(open + 1) == Some(end - 1) {
                    end = open;
                }
            }
        }
        let Some(mut first) = (end > 0 && self.joined(end - 1)).then(|| self.title_ending_at(end)).flatten() else {
            // No title, but an owner: "China's Xi Jinping".
            if end > 1 && self.joined(end - 1) && matches!(self.words[end - 1], "'s" | "\u{2019}s") {
                found.affiliation = self.affiliation_ending_at(mentions, end);
            }
            return false;
        };
        while first > 0 && self.joined(first - 1) && TITLE_MODIFIERS.contains(&self.words[first - 1]) {
            first -= 1;
        }
        found.role = Some(self.surface(first, role_end));
        if first > 0 && self.joined(first - 1) {
            found.affiliation = self.affiliation_ending_at(mentions, first);
        }
        true
    }

    /// "NATO", "French" → France, "Zelenskyy's", "U.K." right before token `end`.
    fn affiliation_ending_at(&self, mentions: &[Mention], end: usize) -> Option<String> {
        let possessive = matches!(self.words[end - 1], "'s" | "\u{2019}s") && end > 1;
        let end = end - usize::from(possessive);
        let before = mentions.partition_point(|m| m.end_token < end);
        if let Some(m) = mentions.get(before).filter(|m| m.end_token == end) {
            let name = m.span.text(self.text);
            return Some(lexicon::place_of_adjective(name).map_or_else(|| name.to_string(), str::to_string));
        }
        let word = self.tokens[end - 1].text(self.text);
        if let Some(place) = lexicon::place_of_adjective(word) {
            return Some(place.to_string());
        }
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        // A capitalized first word of a sentence is a name only when it owns something.
        let sentence_start = end < 2 || !self.joined(end - 2);
        (capitalized && (possessive || !sentence_start) && self.words[end - 1].chars().all(char::is_alphanumeric)).then(|| word.to_string())
    }

    /// Reads an appositive after the name: ", [the] [Affiliation['s]] Title [of|at|for [the] Org]".
    fn after(&self, mentions: &[Mention], name_end: usize, found: &mut PersonDetails) {
        let at = |i: usize| self.words.get(i).copied();
        if at(name_end) != Some(",") || !self.joined(name_end) {
            return;
        }
        let mut i = name_end + 1;
        if matches!(at(i), Some("the" | "a" | "an")) {
            i += 1;
        }
        let mut affiliation = None;
        if let Some(m) = starting_at(mentions, i) {
            affiliation = Some(m.span.text(self.text));
            i = m.end_token;
        } else if let Some(place) = at(i).and_then(lexicon::place_of_lowercase) {
            affiliation = Some(place);
            i += 1;
        }
        if matches!(at(i), Some("'s" | "\u{2019}s")) {
            i += 1;
        }
        let first = i;
        // A title may follow a few lowercase qualifiers ("powerful chief of staff"), but not a
        // preposition: in "designated by President Trump" the title is Trump's. (`words` are
        // lower-cased: the case test reads the text.)
        let qualifier = |j: usize| {
            let written = self.tokens[j].text(self.text);
            written.chars().all(char::is_lowercase) && !lexicon::PREPOSITIONS.contains(&self.words[j])
        };
        let title = (i..(i + 3).min(self.words.len()))
            .find_map(|j| Some((j, self.title_starting_at(j)?)))
            .filter(|&(j, _)| (i..j).all(qualifier));
        let Some((title_start, end)) = title else { return };
        // "…, President Donald Trump": the title is the next name's.
        if starting_at(mentions, end).is_some_and(|m| m.kind == EntityKind::Person) {
            return;
        }
        let modifiers_only = (first..title_start).all(|j| at(j).is_some_and(|w| TITLE_MODIFIERS.contains(&w)));
        let first = if modifiers_only { first } else { title_start };
        found.role = Some(self.surface(first, end));
        let affiliation = affiliation.map(|a| lexicon::place_of_adjective(a).unwrap_or(a).to_string());
        found.affiliation = affiliation.or_else(|| self.affiliation_after(mentions, end));
    }

    /// "of the European Commission" after a title.
    fn affiliation_after(&self, mentions: &[Mention], title_end: usize) -> Option<String> {
        let mut i = title_end;
        if !matches!(self.words.get(i).copied(), Some("of" | "at" | "for")) {
            return None;
        }
        i += 1;
        let mention = starting_at(mentions, i).or_else(|| starting_at(mentions, i + 1).filter(|_| self.words[i] == "the"))?;
        Some(mention.span.text(self.text).to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;
    use proptest::prelude::*;

    /// Title look-ups by a scan of the whole list, each length from the longest down.
    fn is_title_by_scan(words: &[&str]) -> bool {
        lexicon::TITLES.iter().any(|title| title.split(' ').eq(words.iter().copied()))
    }

    fn title_ending_at_by_scan(context: &Context, end: usize) -> Option<usize> {
        (1..=LONGEST_TITLE_WORDS.min(end)).rev().map(|n| end - n).find(|&first| {
            (first..end - 1).all(|i| context.joined(i)) && is_title_by_scan(&context.words[first..end])
        })
    }

    fn title_starting_at_by_scan(context: &Context, first: usize) -> Option<usize> {
        (1..=LONGEST_TITLE_WORDS).rev().map(|n| first + n).find(|&end| {
            end <= context.tokens.len() && (first..end - 1).all(|i| context.joined(i)) && is_title_by_scan(&context.words[first..end])
        })
    }

    #[test]
    fn one_word_titles_are_those_of_the_list() {
        for word in ["president", "chief", "prime", "minister", "vice-president", "vice", "of", "macron", "", "Président"] {
            assert_eq!(is_one_word_title(word), lexicon::TITLES.contains(&word), "{word:?}");
        }
        for &title in lexicon::TITLES {
            assert_eq!(is_one_word_title(title), !title.contains(' '), "{title:?}");
        }
    }

    const WORDS: &[&str] = &[
        "Deputy", "prime", "Minister", "chief", "of", "staff", "executive", "secretary", "general", "State", "vice",
        "president", "vice-president", "national", "security", "adviser", "the", "Macron", "said",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]
        #[test]
        fn titles_are_found_as_by_a_scan_of_the_list(pieces in proptest::collection::vec((proptest::sample::select(WORDS), proptest::bool::weighted(0.1)), 0..12)) {
            let text: String = pieces.iter().map(|&(word, line_break)| format!("{word}{}", if line_break { "\n" } else { " " })).collect();
            let tokens = tokenize(&text);
            let lower: Vec<String> = tokens.iter().map(|t| t.text(&text).to_lowercase()).collect();
            let words: Vec<&str> = lower.iter().map(String::as_str).collect();
            let context = Context { text: &text, tokens: &tokens, words: &words };
            for i in 0..=tokens.len() {
                prop_assert_eq!(context.title_starting_at(i), title_starting_at_by_scan(&context, i), "from {} in {:?}", i, text);
                prop_assert_eq!(context.title_ending_at(i), title_ending_at_by_scan(&context, i), "to {} in {:?}", i, text);
            }
        }
    }
}
