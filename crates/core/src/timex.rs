//! Temporal expressions. (Placeholder: the dates work replaces it.)
use crate::{NaiveDate, Span};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    pub value: Option<String>,
}

pub fn extract_timexes(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    let _ = (text, dct);
    Vec::new()
}
