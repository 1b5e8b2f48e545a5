//! Learner YAML to API objects, with positions: strict field checking, `file:line:column`
//! diagnostics and did-you-mean suggestions.
//!
//! [`load`] reads a manifest file the way `kubectl apply -f` (v1.34, strict field validation)
//! and the API server would, one step per module:
//! 1. [`yaml`]: kubectl's document splitting, then a positioned tree per document
//!    ([`tree`]) with go-yaml v2 scalar resolution ([`scalar`]) and limits against YAML bombs;
//! 2. kubectl's client-side checks (`apiVersion`, `kind`) and REST mapping ([`kinds`]);
//! 3. the API server's strict decoding against the schema of record ([`schema`], [`strict`]):
//!    unknown and duplicate fields, wrong types, bad quantities;
//! 4. the API server's validation ([`validate`]), with upstream's field paths and wording;
//! 5. the typed [`crate::sim::Object`].
//!
//! Failures carry kubectl's exact words and kubestory's pointer lines ([`diagnostic`]);
//! [`render()`] prints them as kubectl would. Every learner-visible string is in [`messages`].

#![warn(missing_docs)]

pub mod diagnostic;
pub mod document;
pub mod kinds;
mod load;
pub mod messages;
pub mod render;
pub mod scalar;
pub mod schema;
pub mod strict;
pub mod suggest;
pub mod tree;
pub mod validate;
pub mod yaml;

pub use diagnostic::{Diagnostic, Failure, FailureKind, LoadError, ObjectRef};
pub use document::Document;
pub use load::Crds;
pub use render::render;
pub use tree::Pos;

/// Loads every document of a manifest file.
///
/// `file` is the name shown in messages (`pvc.yaml`); `text` the file's content. Empty
/// documents are skipped. On success, every document is returned in file order (the items
/// of a `kind: List` in place of the list). On failure, [`LoadError`] lists each refused
/// document with kubectl's error and kubestory's pointer lines, and the documents kubectl
/// would still have applied.
///
/// Never panics, whatever the input (see the proptests and `fuzz/`).
pub fn load(file: &str, text: &str) -> Result<Vec<Document>, LoadError> {
    load::load(file, text, Crds::ALL)
}

/// [`load`] for a cluster that has only these CRDs: kinds served by a missing one fail as
/// kubectl fails for them (`resource mapping not found … ensure CRDs are installed first`).
pub fn load_for(file: &str, text: &str, crds: Crds) -> Result<Vec<Document>, LoadError> {
    load::load(file, text, crds)
}

#[cfg(test)]
mod load_tests;
