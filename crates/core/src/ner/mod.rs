//! Named entities (PER, ORG, LOC, MISC): a hashed-feature averaged-perceptron tagger over BIO tags,
//! people's roles around their names, and in-article coreference of names.
//!
//! ```
//! use triangulate_core::{ner, text};
//! let text = "French President Emmanuel Macron met Olaf Scholz in Paris. Macron said no.";
//! let tokens = text::tokenize(text);
//! let sentences = text::sentences(text, &tokens);
//! let entities = ner::extract_entities(text, &tokens, &sentences);
//! let macron = entities.iter().find(|e| e.name == "Emmanuel Macron").unwrap();
//! assert_eq!(macron.role.as_deref(), Some("President"));
//! assert_eq!(macron.affiliation.as_deref(), Some("France"));
//! assert_eq!(macron.mentions.len(), 2);
//! ```
mod coref;
mod features;
mod lexicon;
mod model;
mod roles;
mod tagger;
#[cfg(feature = "train")]
pub mod train;

use crate::text::Token;
use crate::Span;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    #[serde(rename = "PER")]
    Person,
    #[serde(rename = "ORG")]
    Organization,
    #[serde(rename = "LOC")]
    Location,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityKind {
    /// The evaluation label: PER, ORG, LOC or MISC.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Location => "LOC",
            EntityKind::Misc => "MISC",
        }
    }
}

/// One entity of an article with every place it is named.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// Canonical name: the longest full form used in the article ("Emmanuel Macron").
    pub name: String,
    /// Every naming mention, each with its own span ("Emmanuel Macron", later "Macron"), in text order.
    pub mentions: Vec<Span>,
    /// Stable slug from kind and name, e.g. `per-emmanuel-macron`.
    pub id: String,
    /// People only: the role stated around the name ("President", "chief of staff").
    pub role: Option<String>,
    /// People only: whom the role is for ("France", "NATO").
    pub affiliation: Option<String>,
    /// People only: form of address kept apart from the name ("Sir", "Dr.").
    pub honorific: Option<String>,
    /// Descriptions that refer back to a person without naming them ("the French President").
    pub descriptions: Vec<Span>,
}

/// A single naming of an entity, before coreference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub kind: EntityKind,
    pub span: Span,
    /// Token index range of the mention.
    pub first_token: usize,
    pub end_token: usize,
}

pub fn extract_entities(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Entity> {
    let mut mentions = tagger::tag_mentions(text, tokens, sentences);
    let lowercase = Lowercase::new(text, tokens);
    let words = lowercase.words(tokens);
    let roles = roles::find_roles(text, tokens, &words, &mut mentions);
    coref::group(text, tokens, &words, &mentions, &roles)
}

/// Every token lowercased once, for roles, descriptions and coreference. The text is copied once
/// with its ASCII letters lowercased, which holds the lowercase form of every ASCII token (most);
/// the others are written to one buffer rather than a string each.
struct Lowercase {
    ascii: String,
    others: String,
    /// (token, its lowercase form's span in `others`) of each token not in ASCII.
    other_places: Vec<(usize, Span)>,
}

impl Lowercase {
    fn new(text: &str, tokens: &[Token]) -> Self {
        let mut others = String::new();
        let other_places = tokens_not_ascii(text, tokens)
            .into_iter()
            .map(|i| {
                let start = others.len();
                others.push_str(&tokens[i].text(text).to_lowercase());
                (i, Span::new(start, others.len()))
            })
            .collect();
        Lowercase { ascii: crate::to_ascii_lowercase(text, text.len()), others, other_places }
    }

    fn words(&self, tokens: &[Token]) -> Vec<&str> {
        let mut words: Vec<&str> = tokens.iter().map(|t| t.text(&self.ascii)).collect();
        for &(i, span) in &self.other_places {
            words[i] = span.text(&self.others);
        }
        words
    }
}

/// The tokens with a character not in ASCII, in order. The text's ASCII runs are skipped eight
/// bytes at a time (most texts have none such, the others few), not every token tested.
fn tokens_not_ascii(text: &str, tokens: &[Token]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut at = crate::next_non_ascii(text.as_bytes(), 0);
    while at < text.len() {
        // The token holding that byte, if any (it may lie between tokens: a no-break space).
        let t = tokens.partition_point(|t| t.span.end <= at);
        let after = match tokens.get(t).filter(|t| t.span.start <= at) {
            Some(token) => {
                found.push(t);
                token.span.end
            }
            None => at + 1,
        };
        at = crate::next_non_ascii(text.as_bytes(), after);
    }
    found
}

/// A stable id: kind label and name, lowercased, runs of non-alphanumerics as one `-`.
pub fn entity_id(kind: EntityKind, name: &str) -> String {
    // One allocation: the label, then a `-` per word, each but the first in place of a separator.
    let mut id = String::with_capacity(kind.label().len() + name.len() + 1);
    id.push_str(kind.label());
    // Most names are in ASCII: copied a word at a time and lowercased at once with the label,
    // rather than a char at a time.
    if name.is_ascii() {
        for word in name.split(|c: char| !c.is_ascii_alphanumeric()).filter(|word| !word.is_empty()) {
            id.push('-');
            id.push_str(word);
        }
        id.make_ascii_lowercase();
    } else {
        id.make_ascii_lowercase();
        push_words(&mut id, name);
    }
    id
}

/// Appends `-` and each word of `name`, lowercased.
fn push_words(id: &mut String, name: &str) {
    let mut in_word = false;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            in_word = false;
            continue;
        }
        if !in_word {
            id.push('-');
            in_word = true;
        }
        if c.is_ascii() {
            id.push(c.to_ascii_lowercase());
        } else {
            id.extend(c.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The id built a char at a time, as names not in ASCII are (what the words are is checked
    /// by `ids_are_slugs` in tests/ner_cases.rs).
    fn entity_id_by_chars(kind: EntityKind, name: &str) -> String {
        let mut id = kind.label().to_ascii_lowercase();
        push_words(&mut id, name);
        id
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]
        #[test]
        fn ids_are_those_built_a_char_at_a_time(name in "[a-zA-Z0-9 .'’\\-éÉΣσİ½²]{0,24}", kind in 0usize..4) {
            let kind = [EntityKind::Person, EntityKind::Organization, EntityKind::Location, EntityKind::Misc][kind];
            prop_assert_eq!(entity_id(kind, &name), entity_id_by_chars(kind, &name));
        }
    }

    #[test]
    fn words_are_the_tokens_lowercased() {
        for (name, text) in [
            ("empty", ""),
            ("ASCII", "NATO chief Mark Rutte met the U.S. President."),
            ("not ASCII", "Irish Taoiseach Micheál Martin’s ΑΘΗΝΑΣ visit, İstanbul — ÉLYSÉE."),
            ("one letter not ASCII", "É"),
            ("not ASCII between tokens", "a\u{a0}b\u{2003}\u{2003}c — d"),
            ("not ASCII past a chunk", "Ünter é, ".repeat(30).as_str()),
            ("not ASCII at a chunk's edge", format!("{}é {}Ü", "a".repeat(63), "b ".repeat(32)).as_str()),
        ] {
            let tokens = crate::text::tokenize(text);
            let lowercase = Lowercase::new(text, &tokens);
            let expected: Vec<String> = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
            assert_eq!(lowercase.words(&tokens), expected, "{name}");
        }
    }
}
