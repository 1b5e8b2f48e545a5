//! Every learner-visible string of the manifest loader, in one place (gitui's `strings.rs`).
//!
//! Two voices live here: kubectl's and the API server's exact words (cited next to each
//! function), and kubestory's own plain-language pointer lines and suggestions.

mod kubectl;
mod plain;
#[cfg(test)]
mod tests;
mod yaml;

pub use kubectl::*;
pub use plain::*;
pub use yaml::*;
