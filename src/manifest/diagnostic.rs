//! What a failed load reports: per-document failures, each with kubectl's words and
//! kubestory's `file:line:column` pointer lines.

use super::document::Document;
use std::fmt;

/// What starts each of kubestory's pointer lines under kubectl's errors: kubestory's own
/// prefix (README: lines starting with `kubestory:` are kubestory's), so that a learner never
/// takes the `file:line:column` pointer or its `did you mean` for kubectl's words.
pub const POINTER_PREFIX: &str = "kubestory: ";

/// One problem in the learner's file, pointing at the line and column to look at.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// The file name as the learner gave it (`pvc.yaml`).
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
    /// The field path in kubectl's notation (`spec.accessModes`); empty for a document-wide
    /// or syntax problem.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
    /// What was probably meant (`did you mean "accessModes"?`).
    pub suggestion: Option<String>,
}

impl fmt::Display for Diagnostic {
    /// `pvc.yaml:6:3: unknown field "accesModes" — did you mean "accessModes"?`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(s) = &self.suggestion {
            write!(f, " — {s}")?;
        }
        Ok(())
    }
}

/// Which step of `kubectl apply -f` refuses the document, which decides both kubectl's words
/// and what else still happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FailureKind {
    /// The file is not YAML kubectl can read (syntax, limits). kubectl stops reading there.
    Parse,
    /// kubectl's client-side check (`kind not set`, not a mapping). kubectl stops reading there.
    ClientValidation,
    /// No API serves this kind in this version (`no matches for kind`). The other documents
    /// are still applied.
    NoMatch,
    /// The API server cannot decode the object (unknown or duplicate fields, wrong types, a
    /// bad quantity): `Error from server (BadRequest)`.
    BadRequest,
    /// The API server's validation refuses the object: `Error from server (Invalid)`.
    Invalid,
}

impl FailureKind {
    /// Whether kubectl stops reading the file at this document.
    pub fn stops_file(self) -> bool {
        matches!(self, FailureKind::Parse | FailureKind::ClientValidation)
    }

    /// Whether the error comes from the API server (as opposed to kubectl itself).
    pub fn from_server(self) -> bool {
        matches!(self, FailureKind::BadRequest | FailureKind::Invalid)
    }
}

/// The object a failure is about, as far as it is known.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ObjectRef {
    /// `apiVersion` as written.
    pub api_version: String,
    /// `kind` as written.
    pub kind: String,
    /// `metadata.name` (empty when unknown).
    pub name: String,
    /// `metadata.namespace` as written (empty when unset).
    pub namespace: String,
    /// The kind qualified with its API group (`Deployment.apps`), as the API server names it.
    pub qualified_kind: String,
}

/// One document that kubectl (or the API server) would refuse.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    /// Which step refuses it.
    pub kind: FailureKind,
    /// 0-based index of the document in the file.
    pub document: usize,
    /// The object, as far as it is known.
    pub object: ObjectRef,
    /// The error text of that step, without kubectl's prefixes: the YAML or validation
    /// message (`Parse`, `ClientValidation`), the full mapping message (`NoMatch`), the
    /// decoding error (`BadRequest`), or the aggregate of the causes (`Invalid`).
    pub reason: String,
    /// For `Invalid`: each cause as `field: detail`, in the API server's order.
    pub causes: Vec<String>,
    /// One pointer per problem found in the document.
    pub diagnostics: Vec<Diagnostic>,
}

/// Why `load` refused a file. `Display` renders it as `kubectl apply -f` would print it when
/// creating, followed by the pointer lines (see [`super::render::render`] for other verbs).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub struct LoadError {
    /// The file name.
    pub file: String,
    /// The failures, in document order.
    pub failures: Vec<Failure>,
    /// The documents kubectl would still send: all valid documents before the point where
    /// kubectl stops reading the file (if it stops).
    pub loaded: Vec<Document>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::render::render(self, "creating"))
    }
}

impl LoadError {
    /// Every pointer line, in failure order.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.failures.iter().flat_map(|f| f.diagnostics.iter())
    }
}
