//! Triangulate's browser front end: a thin Leptos layer over `triangulate-core`.
//!
//! State lives in the URL ([`query::Query`]); the corpus and its extractions live on plain types
//! ([`corpus::Corpus`]); views only read them.

pub mod app;
pub mod components;
pub mod corpus;
pub mod model;
pub mod nav;
pub mod panic_panel;
pub mod query;
pub mod views;
pub mod worker;
