//! Learner YAML to API objects, with positions: strict field checking, `file:line:column`
//! diagnostics and did-you-mean suggestions.

pub mod scalar;
pub mod schema;
pub mod suggest;
pub mod tree;
pub mod yaml;
