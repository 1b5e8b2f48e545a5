//! Strict decoding, as the API server does it for `kubectl apply` (field validation `Strict`,
//! sigs.k8s.io/json with `DisallowUnknownFields`, `DisallowDuplicateFields`, case-sensitive):
//! every unknown and duplicate field of a document, and the type errors a Go decoder would hit.
//!
//! kubectl sends JSON whose object keys are sorted (Go marshals maps in key order), so the
//! walk visits keys in sorted order: the first type error and the order of the strict errors
//! are then the ones the API server reports.

use super::messages as msg;
use super::schema::{FieldType, Schema, go_field_type, struct_name};
use super::tree::{Entry, Node, NodeValue, Pos};
use std::collections::HashMap;

mod hints;
mod scalars;
#[cfg(test)]
mod tests;

/// One unknown or duplicate field.
#[derive(Clone, Debug, PartialEq)]
pub struct StrictIssue {
    /// The API server's text: `unknown field "spec.accesModes"`.
    pub server: String,
    /// Full JSON path (`spec.containers[0].imagee`).
    pub path: String,
    /// Where the key is written.
    pub pos: Pos,
    /// Plain-language description.
    pub message: String,
    /// What was probably meant.
    pub suggestion: Option<String>,
}

/// One value of the wrong type (or that a custom decoder refuses: quantity, base64, time).
#[derive(Clone, Debug, PartialEq)]
pub struct TypeIssue {
    /// The decoder's text: `json: cannot unmarshal string into Go struct field …`.
    pub server: String,
    /// Full JSON path.
    pub path: String,
    /// Where the value is written.
    pub pos: Pos,
    /// Returned at once by a custom `UnmarshalJSON` (quantity, int-or-string, time), so it
    /// wins over earlier ordinary type errors, which the decoder only saves.
    pub fatal: bool,
    /// Plain-language description.
    pub message: String,
    /// The likely fix.
    pub suggestion: Option<String>,
}

/// Everything strict decoding found in one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DecodeReport {
    /// Unknown and duplicate fields, in the API server's order.
    pub strict: Vec<StrictIssue>,
    /// Type errors, in the API server's order.
    pub types: Vec<TypeIssue>,
}

impl DecodeReport {
    /// The error the API server returns, if any: the first fatal type error, else the first
    /// type error, else all strict errors (deduplicated, at most 100).
    pub fn server_error(&self) -> Option<String> {
        if let Some(t) = self
            .types
            .iter()
            .find(|t| t.fatal)
            .or_else(|| self.types.first())
        {
            return Some(t.server.clone());
        }
        if self.strict.is_empty() {
            return None;
        }
        let mut seen = Vec::new();
        for s in &self.strict {
            if !seen.contains(&s.server) && seen.len() < 100 {
                seen.push(s.server.clone());
            }
        }
        Some(msg::strict_decoding(&seen))
    }
}

/// Checks a document against the schema type `type_name` (`core.v1.PersistentVolumeClaim`).
pub fn check(root: &Node, type_name: &str) -> DecodeReport {
    let mut w = Walker {
        schema: Schema::get(),
        report: DecodeReport::default(),
        ancestors: Vec::new(),
    };
    let ctx = GoCtx {
        struct_name: struct_name(type_name).to_string(),
        fields: Vec::new(),
    };
    w.object(root, type_name, "", &ctx);
    w.report
}

/// For kinds without a schema (kubestory does not simulate them): duplicate keys anywhere,
/// and `metadata` checked against ObjectMeta, which every kind shares. `kind` names the Go
/// struct in type errors (`Service.metadata`).
pub fn check_unsimulated(root: &Node, kind: &str) -> DecodeReport {
    let mut w = Walker {
        schema: Schema::get(),
        report: DecodeReport::default(),
        ancestors: Vec::new(),
    };
    let mut dups = Vec::new();
    dup_walk(root, "", &mut dups);
    if let Some(meta) = root.get("metadata") {
        let ctx = GoCtx {
            struct_name: kind.to_string(),
            fields: vec!["metadata".to_string()],
        };
        let ty = FieldType::Object("meta.v1.ObjectMeta".to_string());
        w.value(meta, &ty, "v1.ObjectMeta", "metadata", &ctx);
        // The walk reports metadata's own duplicates again.
        w.report
            .strict
            .retain(|s| !s.server.starts_with("duplicate field"));
    }
    w.report.strict.splice(0..0, dups);
    w.report
}

fn dup_walk(node: &Node, path: &str, out: &mut Vec<StrictIssue>) {
    match &node.value {
        NodeValue::Map(entries) => {
            out.extend(duplicates(entries, path));
            for e in sorted(entries) {
                dup_walk(&e.value, &join(path, &e.key), out);
            }
        }
        NodeValue::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                dup_walk(item, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// The Go decoder's error context: the innermost struct and the field names (no indexes).
#[derive(Clone)]
pub(super) struct GoCtx {
    struct_name: String,
    fields: Vec<String>,
}

pub(super) struct Walker<'s> {
    schema: &'s Schema,
    report: DecodeReport,
    /// Object types being walked, outermost first, with their JSON paths.
    ancestors: Vec<(String, String)>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn sorted(entries: &[Entry]) -> Vec<&Entry> {
    let mut v: Vec<&Entry> = entries.iter().collect();
    v.sort_by(|a, b| a.key.cmp(&b.key));
    v
}

fn duplicates(entries: &[Entry], path: &str) -> Vec<StrictIssue> {
    let mut first: HashMap<&str, Pos> = HashMap::new();
    let mut out = Vec::new();
    for e in entries.iter().filter(|e| !e.merged) {
        match first.get(e.key.as_str()) {
            Some(p) => {
                let full = join(path, &e.key);
                out.push(StrictIssue {
                    server: msg::duplicate_field(&full),
                    message: msg::duplicate_here(&e.key, p.line),
                    path: full,
                    pos: e.key_pos,
                    suggestion: None,
                });
            }
            None => {
                first.insert(&e.key, e.key_pos);
            }
        }
    }
    out
}

impl Walker<'_> {
    fn object(&mut self, node: &Node, type_name: &str, path: &str, ctx: &GoCtx) {
        let Some(entries) = node.as_map() else { return };
        let Some(def) = self.schema.type_def(type_name) else {
            return;
        };
        self.report.strict.extend(duplicates(entries, path));
        self.ancestors
            .push((type_name.to_string(), path.to_string()));
        let here = struct_name(type_name).to_string();
        for e in sorted(entries) {
            let full = join(path, &e.key);
            match def.properties.get(&e.key) {
                Some(ty) => {
                    let mut inner = GoCtx {
                        struct_name: here.clone(),
                        fields: ctx.fields.clone(),
                    };
                    inner.fields.push(e.key.clone());
                    let go = go_field_type(&here, &e.key, ty);
                    self.value(&e.value, ty, &go, &full, &inner);
                }
                None => {
                    let (message, suggestion) = self.explain_unknown(&e.key, type_name);
                    self.report.strict.push(StrictIssue {
                        server: msg::unknown_field(&full),
                        path: full,
                        pos: e.key_pos,
                        message,
                        suggestion,
                    });
                }
            }
        }
        self.ancestors.pop();
    }

    /// Checks one value against its type. `go` is the Go type name at this level.
    fn value(&mut self, node: &Node, ty: &FieldType, go: &str, path: &str, ctx: &GoCtx) {
        if node.is_null() {
            return;
        }
        let v = &node.value;
        let ok = match ty {
            FieldType::Any => true,
            FieldType::String => matches!(v, NodeValue::Str(_)),
            FieldType::Boolean => matches!(v, NodeValue::Bool(_)),
            FieldType::Number => matches!(
                v,
                NodeValue::Int(_) | NodeValue::UInt(_) | NodeValue::Float(_)
            ),
            FieldType::Int32 | FieldType::Int64 => return self.integer(node, ty, go, path, ctx),
            FieldType::Quantity => return self.quantity(node, path),
            FieldType::IntOrString => return self.int_or_string(node, path),
            FieldType::Time => return self.time(node, path),
            FieldType::Bytes => return self.bytes(node, go, path, ctx),
            FieldType::Object(name) => {
                if matches!(v, NodeValue::Map(_)) {
                    self.object(node, name, path, ctx);
                    return;
                }
                false
            }
            FieldType::Array(elem) => {
                if let NodeValue::Seq(items) = v {
                    let elem_go = go.strip_prefix("[]").unwrap_or(go).to_string();
                    for (i, item) in items.iter().enumerate() {
                        self.value(item, elem, &elem_go, &format!("{path}[{i}]"), ctx);
                    }
                    return;
                }
                false
            }
            FieldType::Map(elem) => {
                if let NodeValue::Map(entries) = v {
                    self.report.strict.extend(duplicates(entries, path));
                    let elem_go = match go.strip_prefix("map[string]") {
                        Some(e) => e.to_string(),
                        None if go == "v1.ResourceList" => "resource.Quantity".to_string(),
                        None => elem.go_type(),
                    };
                    for e in sorted(entries) {
                        self.value(&e.value, elem, &elem_go, &format!("{path}[{}]", e.key), ctx);
                    }
                    return;
                }
                false
            }
        };
        if !ok {
            self.type_error(node, node.json_kind(), ty, go, path, ctx);
        }
    }

    pub(super) fn type_error(
        &mut self,
        node: &Node,
        value: &str,
        ty: &FieldType,
        go: &str,
        path: &str,
        ctx: &GoCtx,
    ) {
        let server = msg::json_type_error(value, &ctx.struct_name, &ctx.fields.join("."), go);
        let expected = match ty {
            FieldType::Array(_) => msg::Expected::List,
            FieldType::String => msg::Expected::String,
            FieldType::Object(_) | FieldType::Map(_) => msg::Expected::Object,
            FieldType::Int32 | FieldType::Int64 | FieldType::Number => msg::Expected::Number,
            FieldType::Boolean => msg::Expected::Bool,
            _ => msg::Expected::Other,
        };
        self.report.types.push(TypeIssue {
            server,
            path: path.to_string(),
            pos: node.pos,
            fatal: false,
            message: msg::wrong_type(path, ty.describe(), node),
            suggestion: msg::wrong_type_hint(expected, node),
        });
    }

    pub(super) fn fatal(
        &mut self,
        node: &Node,
        server: String,
        path: &str,
        message: String,
        suggestion: Option<String>,
    ) {
        self.report.types.push(TypeIssue {
            server,
            path: path.to_string(),
            pos: node.pos,
            fatal: true,
            message,
            suggestion,
        });
    }
}
