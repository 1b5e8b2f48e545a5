//! A loaded document: a validated API object, with the positions of its fields.

use super::diagnostic::Diagnostic;
use super::tree::{Node, Pos};
use crate::sim::Object;
use serde_json::Value;

/// One object from the learner's file, accepted as the API server would accept it.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// 0-based index of the document in the file (items of a `kind: List` share their
    /// list's index).
    pub index: usize,
    /// `kind`.
    pub kind: String,
    /// `apiVersion`.
    pub api_version: String,
    /// `metadata.name` (empty when only `generateName` is given).
    pub name: String,
    /// `metadata.namespace` as written; `None` when unset or for cluster-scoped kinds.
    pub namespace: Option<String>,
    /// Whether objects of this kind live in a namespace.
    pub namespaced: bool,
    /// Whether kubestory simulates this kind (`false` for Service, Job, RBAC…).
    pub simulated: bool,
    /// Where the document starts.
    pub pos: Pos,
    /// The object as kubectl would send it (JSON).
    pub value: Value,
    /// The typed object for the simulator.
    pub object: Object,
    /// Problems the API server accepts at creation but that will fail later (a
    /// StatefulSet's claim templates and pod template), for the simulator to turn into
    /// events.
    pub warnings: Vec<Diagnostic>,
    /// The positioned tree, to point at fields later.
    pub tree: Node,
}

impl Document {
    /// Where a field is written, by path (`spec.containers[0].image`).
    pub fn locate(&self, path: &str) -> Option<Pos> {
        self.tree.locate(path).map(|n| n.pos)
    }
}
