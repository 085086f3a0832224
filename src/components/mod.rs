//! Small reusable pieces of UI.

pub mod export;
pub mod highlight;
pub mod sort;
pub mod copy_link;
