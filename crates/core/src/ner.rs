//! Named entities. (Placeholder: the NER work replaces it.)
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    pub name: String,
    pub mentions: Vec<Span>,
}

pub fn extract_entities(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Entity> {
    let _ = (text, tokens, sentences);
    Vec::new()
}
