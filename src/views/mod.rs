//! One module per view.

pub mod articles;
pub mod reader;
