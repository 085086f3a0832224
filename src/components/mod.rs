//! Small reusable pieces of UI.

pub mod export;
pub mod highlight;
