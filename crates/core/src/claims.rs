//! Numeric claims. (Placeholder: the claims work replaces it.)
use crate::timex::Timex;
use crate::Span;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub span: Span,
}

pub fn extract_claims(text: &str, sentences: &[Span], timexes: &[Timex]) -> Vec<Claim> {
    let _ = (text, sentences, timexes);
    Vec::new()
}
