//! View models: plain functions from the corpus and the query to rows a view renders. No Leptos
//! here, so every rule is unit-tested natively.

pub mod claims;
pub mod compare;
pub mod entities;
pub mod network;
pub mod overview;
pub mod quotes;
pub mod reader;
pub mod search;
pub mod timeline;
