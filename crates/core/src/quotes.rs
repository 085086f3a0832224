//! Quotes and attributions. (Placeholder: the quotes work replaces it.)
use crate::ner::Entity;
use crate::Span;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub span: Span,
}

pub fn extract_quotes(text: &str, sentences: &[Span], entities: &[Entity]) -> Vec<Quote> {
    let _ = (text, sentences, entities);
    Vec::new()
}
