//! API validation: what the API server's validation rejects for the simulated kinds, with its
//! exact field paths and wording (`field.Error.ErrorBody` in
//! `k8s.io/apimachinery/pkg/util/validation/field/errors.go`), and a position for each error.
//!
//! Each rule cites the upstream function it mirrors in `kubernetes/kubernetes`:
//! `pkg/apis/core/validation/validation.go` (core), `pkg/apis/apps/validation/validation.go`
//! (apps) and `pkg/apis/storage/validation/validation.go` (storage). Validation runs after the
//! API server's defaulting, so fields it defaults (restartPolicy, imagePullPolicy, protocol…)
//! are only checked when the learner sets them.

mod apps;
mod config;
mod errs;
mod limits;
mod meta;
pub mod names;
mod pod;
mod storage;
mod view;
mod volumes;

pub(crate) use errs::Errs;
pub(crate) use view::Obj;

use super::tree::{Node, Pos};

pub use names::{is_dns1123_label, is_dns1123_subdomain};

/// The kinds of `field.Error`, with the API server's words for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorType {
    /// `Required value`.
    Required,
    /// `Unsupported value`.
    NotSupported,
    /// `Invalid value`.
    Invalid,
    /// `Forbidden`.
    Forbidden,
    /// `Not found`.
    NotFound,
    /// `Duplicate value`.
    Duplicate,
    /// `Too many` (a list longer than its limit).
    TooMany,
}

impl ErrorType {
    /// `field.ErrorType.String()`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorType::Required => "Required value",
            ErrorType::NotSupported => "Unsupported value",
            ErrorType::Invalid => "Invalid value",
            ErrorType::Forbidden => "Forbidden",
            ErrorType::NotFound => "Not found",
            ErrorType::Duplicate => "Duplicate value",
            ErrorType::TooMany => "Too many",
        }
    }
}

/// One validation error.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// Field path as the API server prints it (`spec.resources[storage]`).
    pub path: String,
    /// Error type.
    pub kind: ErrorType,
    /// The bad value, already formatted as Go prints it (`"ReadWriteOnly"`, `-1`).
    pub value: Option<String>,
    /// The API server's detail text.
    pub detail: String,
    /// Where to look in the learner's file.
    pub pos: Pos,
    /// Plain-language description.
    pub message: String,
    /// The likely fix.
    pub suggestion: Option<String>,
}

impl FieldError {
    /// `field.Error.Error()`: `path: ErrorBody`.
    pub fn cause(&self) -> String {
        let mut s = format!("{}: {}", self.path, self.kind.as_str());
        let shows_value = !matches!(self.kind, ErrorType::Required | ErrorType::Forbidden);
        if let (true, Some(v)) = (shows_value, &self.value) {
            s.push_str(": ");
            s.push_str(v);
        }
        if !self.detail.is_empty() {
            s.push_str(": ");
            s.push_str(&self.detail);
        }
        s
    }
}

/// The outcome of validating one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Validation {
    /// Errors the API server returns when the object is created.
    pub errors: Vec<FieldError>,
    /// Problems the API server accepts at creation but a controller trips on later (a
    /// StatefulSet's claim templates and pod template are not validated until the
    /// StatefulSet controller creates the claims and pods).
    pub deferred: Vec<Deferred>,
}

/// A problem in a StatefulSet's templates: the API server will refuse the claim or pod the
/// StatefulSet controller creates from it (`FailedCreate` events), not the StatefulSet.
#[derive(Clone, Debug, PartialEq)]
pub struct Deferred {
    /// The error as the API server will report it, with paths relative to the created
    /// object (`spec.accessModes`).
    pub error: FieldError,
    /// Where the problem is written in the StatefulSet
    /// (`spec.volumeClaimTemplates[0].spec.accessModes`).
    pub path: String,
    /// The kind the controller creates: `PersistentVolumeClaim` or `Pod`.
    pub object_kind: &'static str,
    /// The name it gives it for ordinal 0 (`www-web-0`, `web-0`).
    pub object_name: String,
}

/// Validates a document of a simulated kind.
pub fn validate(kind: &str, root: &Node) -> Validation {
    let doc = Obj::root(root);
    let mut v = Validation::default();
    let mut list = Errs::default();
    let errs = &mut list;
    match kind {
        "Pod" => pod::validate_pod(doc, errs),
        "PersistentVolumeClaim" => storage::validate_pvc(doc, errs),
        "PersistentVolume" => storage::validate_pv(doc, errs),
        "StorageClass" => storage::validate_storage_class(doc, errs),
        "Deployment" => apps::validate_deployment(doc, errs),
        "ReplicaSet" => apps::validate_replica_set(doc, errs),
        "StatefulSet" => apps::validate_stateful_set(doc, &mut v),
        "ConfigMap" => config::validate_config_map(doc, errs),
        "Secret" => config::validate_secret(doc, errs),
        "Namespace" => config::validate_namespace(doc, errs),
        _ => meta::validate_name_only(doc, errs),
    }
    limits::check(kind, doc, errs);
    v.errors.splice(0..0, list.list);
    dedup(&mut v.errors);
    v
}

/// Validates only `metadata.name` (for kinds kubestory accepts but does not simulate).
pub fn validate_name_only(root: &Node) -> Vec<FieldError> {
    let mut errs = Errs::default();
    meta::validate_name_only(Obj::root(root), &mut errs);
    errs.list
}

/// `ErrorList.ToAggregate` drops repeated messages.
fn dedup(list: &mut Vec<FieldError>) {
    let mut seen = Vec::new();
    list.retain(|e| {
        let c = e.cause();
        if seen.contains(&c) {
            false
        } else {
            seen.push(c);
            true
        }
    });
}
