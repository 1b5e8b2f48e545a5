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
mod meta;
mod names;
mod pod;
mod storage;
mod volumes;

use super::messages as msg;
use super::suggest::did_you_mean;
use super::tree::{Entry, Node, Pos};

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
    pub deferred: Vec<FieldError>,
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
    v.errors.splice(0..0, list.list);
    dedup(&mut v.errors);
    dedup(&mut v.deferred);
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

/// A read-only view of an object field: the node (if present) and where to point.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Obj<'a> {
    /// The mapping, or `None` when the field is absent or null.
    pub node: Option<&'a Node>,
    /// The field's key position (or the nearest existing ancestor's).
    pub pos: Pos,
}

impl<'a> Obj<'a> {
    fn root(node: &'a Node) -> Obj<'a> {
        Obj {
            node: Some(node),
            pos: node.pos,
        }
    }

    /// A child object (absent children point at this object).
    fn child(&self, key: &str) -> Obj<'a> {
        match self.node.and_then(|n| n.entry(key)) {
            Some(e) if !e.value.is_null() => Obj {
                node: Some(&e.value),
                pos: e.key_pos,
            },
            Some(e) => Obj {
                node: None,
                pos: e.key_pos,
            },
            None => Obj {
                node: None,
                pos: self.pos,
            },
        }
    }

    fn entry(&self, key: &str) -> Option<&'a Entry> {
        self.node.and_then(|n| n.entry(key))
    }

    fn str(&self, key: &str) -> Option<&'a str> {
        self.node.and_then(|n| n.str_field(key))
    }

    fn i64(&self, key: &str) -> Option<i64> {
        self.node.and_then(|n| n.field(key)).and_then(Node::as_i64)
    }

    /// Where the field's key is, or this object's position.
    fn key_pos(&self, key: &str) -> Pos {
        self.entry(key).map(|e| e.key_pos).unwrap_or(self.pos)
    }

    /// Where the field's value is, or this object's position.
    fn val_pos(&self, key: &str) -> Pos {
        self.entry(key).map(|e| e.value.pos).unwrap_or(self.pos)
    }

    /// The items of a list field, each as a view.
    fn items(&self, key: &str) -> Vec<Obj<'a>> {
        self.node
            .map(|n| {
                n.seq_field(key)
                    .iter()
                    .map(|i| Obj {
                        node: Some(i).filter(|i| !i.is_null()),
                        pos: i.pos,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The raw list items of a field.
    fn list(&self, key: &str) -> &'a [Node] {
        self.node.map(|n| n.seq_field(key)).unwrap_or(&[])
    }

    /// The entries of a map field.
    fn map(&self, key: &str) -> &'a [Entry] {
        self.node.map(|n| n.map_field(key)).unwrap_or(&[])
    }
}

/// Collects errors in the API server's order.
#[derive(Default)]
pub(crate) struct Errs {
    pub list: Vec<FieldError>,
}

impl Extend<FieldError> for Errs {
    fn extend<T: IntoIterator<Item = FieldError>>(&mut self, iter: T) {
        self.list.extend(iter);
    }
}

impl Errs {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        path: &str,
        kind: ErrorType,
        value: Option<String>,
        detail: &str,
        pos: Pos,
        message: String,
        suggestion: Option<String>,
    ) {
        self.list.push(FieldError {
            path: path.to_string(),
            kind,
            value,
            detail: detail.to_string(),
            pos,
            message,
            suggestion,
        });
    }

    /// `field.Required`.
    fn required(&mut self, path: &str, pos: Pos, detail: &str, hint: Option<String>) {
        let message = if detail.is_empty() {
            format!("{path} is required")
        } else {
            format!("{path}: {detail}")
        };
        self.push(path, ErrorType::Required, None, detail, pos, message, hint);
    }

    /// `field.NotSupported`: the value and the quoted list of supported values.
    fn not_supported(&mut self, path: &str, pos: Pos, value: &str, supported: &[&str]) {
        let quoted: Vec<String> = supported.iter().map(|s| msg::go_quote(s)).collect();
        let detail = if supported.is_empty() {
            String::new()
        } else {
            format!("supported values: {}", quoted.join(", "))
        };
        let suggestion = msg::synonym(value)
            .filter(|s| supported.contains(s))
            .or_else(|| did_you_mean(value, supported.iter().copied()))
            .map(msg::did_you_mean)
            .or_else(|| Some(format!("use one of {}", quoted.join(", "))));
        let message = format!(
            "{} is not a supported value for {path}",
            msg::go_quote(value)
        );
        self.push(
            path,
            ErrorType::NotSupported,
            Some(msg::go_quote(value)),
            &detail,
            pos,
            message,
            suggestion,
        );
    }

    /// `field.Invalid` with a Go-formatted value.
    fn invalid(
        &mut self,
        path: &str,
        pos: Pos,
        go_value: String,
        detail: &str,
        hint: Option<String>,
    ) {
        let message = if go_value.starts_with('"') {
            format!("{go_value} is not a valid {path}: {detail}")
        } else {
            format!("{path}: {detail}")
        };
        self.push(
            path,
            ErrorType::Invalid,
            Some(go_value),
            detail,
            pos,
            message,
            hint,
        );
    }

    /// `field.Invalid` with kubestory's own description.
    #[allow(clippy::too_many_arguments)]
    fn invalid_with(
        &mut self,
        path: &str,
        pos: Pos,
        go_value: String,
        detail: &str,
        message: String,
        hint: Option<String>,
    ) {
        self.push(
            path,
            ErrorType::Invalid,
            Some(go_value),
            detail,
            pos,
            message,
            hint,
        );
    }

    /// `field.Forbidden`.
    fn forbidden(&mut self, path: &str, pos: Pos, detail: &str, hint: Option<String>) {
        let message = format!("{path}: {detail}");
        self.push(path, ErrorType::Forbidden, None, detail, pos, message, hint);
    }

    /// `field.NotFound`.
    fn not_found(
        &mut self,
        path: &str,
        pos: Pos,
        value: &str,
        message: String,
        hint: Option<String>,
    ) {
        self.push(
            path,
            ErrorType::NotFound,
            Some(msg::go_quote(value)),
            "",
            pos,
            message,
            hint,
        );
    }

    /// `field.Duplicate`.
    fn duplicate(&mut self, path: &str, pos: Pos, value: &str) {
        let message = format!(
            "{} is used twice: {path} must be unique",
            msg::go_quote(value)
        );
        self.push(
            path,
            ErrorType::Duplicate,
            Some(msg::go_quote(value)),
            "",
            pos,
            message,
            None,
        );
    }
}
