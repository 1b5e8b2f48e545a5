//! The pipeline, one document at a time, in kubectl's order: YAML → client-side checks
//! (`apiVersion`, `kind`) → REST mapping (is the kind served?) → the API server's strict
//! decoding → its validation → a typed object.

use super::diagnostic::{Diagnostic, Failure, FailureKind, LoadError, ObjectRef};
use super::document::Document;
use super::messages as msg;
use super::tree::{Node, NodeValue, Pos};
use super::yaml;
use super::{kinds, strict, validate};

mod yaml_failure;
use crate::sim::Object;
use serde_json::Value;
use yaml_failure::parse_failure;

/// Loads every document of a file (see [`super::load`]).
pub fn load(file: &str, text: &str, crds: Crds) -> Result<Vec<Document>, LoadError> {
    let parsed = yaml::parse_file(text);
    let mut l = Loader {
        file,
        docs: Vec::new(),
        failures: Vec::new(),
        stopped: false,
        crds,
    };
    for raw in &parsed.documents {
        if let Some(root) = &raw.root {
            l.document(raw.index, root);
        }
        if l.stopped {
            break;
        }
    }
    if let (Some(e), false) = (&parsed.error, l.stopped) {
        let index = parsed.documents.len();
        l.failures.push(parse_failure(file, index, e, text));
    }
    if l.failures.is_empty() {
        Ok(l.docs)
    } else {
        Err(LoadError {
            file: file.to_string(),
            failures: l.failures,
            loaded: l.docs,
        })
    }
}

struct Loader<'f> {
    file: &'f str,
    docs: Vec<Document>,
    failures: Vec<Failure>,
    stopped: bool,
    crds: Crds,
}

/// Which CustomResourceDefinitions the cluster has: kinds they serve exist only where they
/// are installed (issue 11: a VolumeSnapshot without its CRDs fails as kubectl fails).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Crds {
    /// The external-snapshotter's `snapshot.storage.k8s.io` kinds.
    pub snapshots: bool,
}

impl Crds {
    /// Every CRD kubestory knows installed: for checking a file on its own (lint, tests).
    pub const ALL: Crds = Crds { snapshots: true };
}

fn diag(
    file: &str,
    pos: Pos,
    path: &str,
    message: String,
    suggestion: Option<String>,
) -> Diagnostic {
    Diagnostic {
        file: file.to_string(),
        line: pos.line,
        column: pos.column,
        path: path.to_string(),
        message,
        suggestion,
    }
}

impl Loader<'_> {
    fn fail(
        &mut self,
        kind: FailureKind,
        document: usize,
        object: ObjectRef,
        reason: String,
        causes: Vec<String>,
        diagnostics: Vec<Diagnostic>,
    ) {
        self.stopped |= kind.stops_file();
        self.failures.push(Failure {
            kind,
            document,
            object,
            reason,
            causes,
            diagnostics,
        });
    }

    fn document(&mut self, index: usize, root: &Node) {
        let Some(_) = root.as_map() else {
            let message = format!(
                "a manifest is a mapping (apiVersion:, kind:, metadata:, …), but this document is {}",
                msg::describe_node(root)
            );
            let d = vec![diag(self.file, root.pos, "", message, None)];
            self.fail(
                FailureKind::ClientValidation,
                index,
                ObjectRef::default(),
                msg::INVALID_OBJECT.into(),
                vec![],
                d,
            );
            return;
        };
        let mut reasons = Vec::new();
        let mut diags = Vec::new();
        let api_version = self.header(root, "apiVersion", &mut reasons, &mut diags);
        let kind = self.header(root, "kind", &mut reasons, &mut diags);
        if let Some(v) = api_version.filter(|v| v.split('/').count() > 2) {
            reasons.push(format!("unexpected GroupVersion string: {v}"));
            diags.push(diag(
                self.file,
                root.entry("apiVersion")
                    .map(|e| e.value.pos)
                    .unwrap_or(root.pos),
                "apiVersion",
                format!("{} is not an apiVersion", msg::go_quote(v)),
                None,
            ));
        }
        let (Some(api_version), Some(kind), true) = (api_version, kind, reasons.is_empty()) else {
            let reason = msg::aggregate(&reasons);
            self.fail(
                FailureKind::ClientValidation,
                index,
                ObjectRef::default(),
                reason,
                vec![],
                diags,
            );
            return;
        };
        if kind == "List" && api_version == "v1" {
            for item in root.seq_field("items") {
                self.document(index, item);
            }
            return;
        }
        let meta = root.get("metadata");
        let name = meta
            .and_then(|m| m.str_field("name"))
            .unwrap_or("")
            .to_string();
        let namespace = meta
            .and_then(|m| m.str_field("namespace"))
            .unwrap_or("")
            .to_string();
        let mut object = ObjectRef {
            api_version: api_version.into(),
            kind: kind.into(),
            name: name.clone(),
            namespace: namespace.clone(),
            qualified_kind: kind.into(),
        };
        let resolved = kinds::resolve(api_version, kind).and_then(|e| {
            // A kind served by a CRD the cluster lacks: the REST mapper has no match.
            let snapshot = e.api_version.starts_with("snapshot.storage.k8s.io/");
            if snapshot && !self.crds.snapshots {
                Err(Some(
                    "the VolumeSnapshot CRDs are not installed on this cluster".to_string(),
                ))
            } else {
                Ok(e)
            }
        });
        let entry = match resolved {
            Ok(e) => e,
            Err(suggestion) => {
                let version = api_version;
                let reason = msg::kubectl_no_match(&name, &namespace, self.file, kind, version);
                let pos = root.entry("kind").map(|e| e.value.pos).unwrap_or(root.pos);
                let message = format!(
                    "no API serves kind {} in apiVersion {}",
                    msg::go_quote(kind),
                    msg::go_quote(version)
                );
                let d = vec![diag(self.file, pos, "kind", message, suggestion)];
                self.fail(FailureKind::NoMatch, index, object, reason, vec![], d);
                return;
            }
        };
        if let Some((group, _)) = entry.api_version.split_once('/') {
            object.qualified_kind = format!("{kind}.{group}");
        }
        let version = api_version
            .rsplit('/')
            .next()
            .unwrap_or(api_version)
            .to_string();

        // The API server's decoding.
        let (server, mut problems) = match &entry.schema {
            Some(type_name) => {
                let r = strict::check(root, type_name);
                let mut p: Vec<(Pos, String, String, Option<String>)> = Vec::new();
                p.extend(r.types.iter().map(|t| {
                    (
                        t.pos,
                        t.path.clone(),
                        t.message.clone(),
                        t.suggestion.clone(),
                    )
                }));
                p.extend(r.strict.iter().map(|s| {
                    (
                        s.pos,
                        s.path.clone(),
                        s.message.clone(),
                        s.suggestion.clone(),
                    )
                }));
                (r.server_error(), p)
            }
            None => {
                let r = strict::check_unsimulated(root, kind);
                let mut p: Vec<(Pos, String, String, Option<String>)> = Vec::new();
                p.extend(r.types.iter().map(|t| {
                    (
                        t.pos,
                        t.path.clone(),
                        t.message.clone(),
                        t.suggestion.clone(),
                    )
                }));
                p.extend(r.strict.iter().map(|s| {
                    (
                        s.pos,
                        s.path.clone(),
                        s.message.clone(),
                        s.suggestion.clone(),
                    )
                }));
                (r.server_error(), p)
            }
        };
        if let Some(reason) = server {
            problems.sort_by_key(|p| p.0);
            let d = problems
                .into_iter()
                .map(|(pos, path, m, s)| diag(self.file, pos, &path, m, s))
                .collect();
            let reason = msg::cannot_be_handled(kind, &version, &reason);
            self.fail(FailureKind::BadRequest, index, object, reason, vec![], d);
            return;
        }

        // The API server's validation.
        let validation = match entry.schema {
            Some(_) => validate::validate(kind, root),
            None => validate::Validation {
                errors: validate::validate_name_only(root),
                deferred: vec![],
            },
        };
        if !validation.errors.is_empty() {
            let causes: Vec<String> = validation.errors.iter().map(|e| e.cause()).collect();
            let d = validation
                .errors
                .iter()
                .map(|e| {
                    diag(
                        self.file,
                        e.pos,
                        &e.path,
                        e.message.clone(),
                        e.suggestion.clone(),
                    )
                })
                .collect();
            let reason = msg::invalid_object(&object.qualified_kind, &name, &causes);
            self.fail(FailureKind::Invalid, index, object, reason, causes, d);
            return;
        }

        let value = root.to_json();
        let typed = match Object::from_value(for_simulator(&value)) {
            Ok(o) => o,
            Err(e) => {
                let reason = msg::cannot_be_handled(kind, &version, &e.to_string());
                let d = vec![diag(
                    self.file,
                    root.pos,
                    "",
                    format!("kubestory cannot read this {kind}: {e}"),
                    None,
                )];
                self.fail(FailureKind::BadRequest, index, object, reason, vec![], d);
                return;
            }
        };
        let warnings = validation
            .deferred
            .iter()
            .map(|d| {
                let message = msg::deferred(kind, d.object_kind, &d.object_name, &d.error.cause());
                diag(
                    self.file,
                    d.error.pos,
                    &d.path,
                    message,
                    d.error.suggestion.clone(),
                )
            })
            .collect();
        self.docs.push(Document {
            index,
            kind: kind.to_string(),
            api_version: api_version.to_string(),
            name,
            namespace: Some(namespace).filter(|n| entry.namespaced && !n.is_empty()),
            namespaced: entry.namespaced,
            simulated: entry.schema.is_some(),
            pos: root.pos,
            value,
            object: typed,
            warnings,
            tree: root.clone(),
        });
    }

    /// Reads `apiVersion` or `kind` as kubectl's `getObjectKind` does.
    fn header<'n>(
        &self,
        root: &'n Node,
        key: &str,
        reasons: &mut Vec<String>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<&'n str> {
        let (not_set, not_string) = if key == "kind" {
            (msg::KIND_NOT_SET, msg::KIND_NOT_STRING)
        } else {
            (msg::APIVERSION_NOT_SET, msg::APIVERSION_NOT_STRING)
        };
        match root.entry(key) {
            Some(e)
                if matches!(e.value.value, NodeValue::Str(_)) && e.value.as_str() != Some("") =>
            {
                e.value.as_str()
            }
            Some(e) if !e.value.is_null() && e.value.as_str().is_none() => {
                reasons.push(not_string.into());
                diags.push(diag(
                    self.file,
                    e.value.pos,
                    key,
                    format!(
                        "{key} must be a string, but this is {}",
                        msg::describe_node(&e.value)
                    ),
                    None,
                ));
                None
            }
            other => {
                reasons.push(not_set.into());
                let pos = other.map(|e| e.key_pos).unwrap_or(root.pos);
                let hint = header_hint(root, key);
                diags.push(diag(
                    self.file,
                    pos,
                    key,
                    format!("this document has no {key}"),
                    hint,
                ));
                None
            }
        }
    }
}

/// Suggests the missing `kind` or `apiVersion` from the other one.
fn header_hint(root: &Node, key: &str) -> Option<String> {
    let all = kinds::all_kinds();
    if key == "apiVersion" {
        let kind = root.str_field("kind")?;
        let k = all.iter().find(|k| k.kind == kind)?;
        Some(format!("add apiVersion: {}", k.api_version))
    } else {
        Some("add kind: with the type of object, for example kind: PersistentVolumeClaim".into())
    }
}

/// The value handed to the simulator: server-owned metadata is dropped, as the API server
/// resets it on create.
fn for_simulator(value: &Value) -> Value {
    let mut v = value.clone();
    if let Some(meta) = v.get_mut("metadata").and_then(Value::as_object_mut) {
        for k in [
            "uid",
            "resourceVersion",
            "creationTimestamp",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "generation",
            "managedFields",
            "selfLink",
        ] {
            meta.remove(k);
        }
    }
    v
}
