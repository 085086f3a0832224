//! One module per view. Each view is a component taking the corpus and the parsed URL query.

pub mod articles;
pub mod claims;
pub mod compare;
pub mod conflicts;
pub mod entities;
pub mod network;
pub mod overview;
pub mod quotes;
pub mod reader;
pub mod search;
pub mod timeline;
