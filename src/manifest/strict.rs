//! Strict decoding, as the API server does it for `kubectl apply` (field validation `Strict`,
//! sigs.k8s.io/json with `DisallowUnknownFields`, `DisallowDuplicateFields`, case-sensitive):
//! every unknown and duplicate field of a document, and the type errors a Go decoder would hit.
//!
//! kubectl sends JSON whose object keys are sorted (Go marshals maps in key order), so the
//! walk visits keys in sorted order: the first type error and the order of the strict errors
//! are then the ones the API server reports.

use super::messages as msg;
use super::schema::{FieldType, Schema, go_field_type, struct_name};
use super::suggest::did_you_mean;
use super::tree::{Entry, Node, NodeValue, Pos};
use crate::sim::Quantity;
use std::collections::HashMap;

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

/// Only duplicate keys, for kinds without a schema.
pub fn duplicates_only(root: &Node) -> Vec<StrictIssue> {
    let mut out = Vec::new();
    dup_walk(root, "", &mut out);
    out
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
struct GoCtx {
    struct_name: String,
    fields: Vec<String>,
}

struct Walker<'s> {
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

    fn type_error(
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

    fn fatal(
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

    fn integer(&mut self, node: &Node, ty: &FieldType, go: &str, path: &str, ctx: &GoCtx) {
        let (lo, hi) = if *ty == FieldType::Int32 {
            (i32::MIN as i64, i32::MAX as i64)
        } else {
            (i64::MIN, i64::MAX)
        };
        let fits = |i: i64| i >= lo && i <= hi;
        let value = match node.value {
            NodeValue::Int(i) if fits(i) => return,
            NodeValue::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 && fits(f as i64) => return,
            NodeValue::Int(i) => format!("number {i}"),
            NodeValue::UInt(u) => format!("number {u}"),
            NodeValue::Float(f) => format!("number {f}"),
            _ => node.json_kind().to_string(),
        };
        self.type_error(node, &value, ty, go, path, ctx);
    }

    fn quantity(&mut self, node: &Node, path: &str) {
        let text = match &node.value {
            NodeValue::Str(s) => s.trim().to_string(),
            NodeValue::Int(i) => i.to_string(),
            NodeValue::UInt(u) => u.to_string(),
            NodeValue::Float(f) => f.to_string(),
            NodeValue::Bool(b) => b.to_string(),
            _ => "{}".to_string(),
        };
        if let Err(e) = Quantity::parse(&text) {
            let shown = node.as_str().unwrap_or(&text).to_string();
            let (message, hint) = msg::bad_quantity(&shown);
            self.fatal(node, e.to_string(), path, message, hint);
        }
    }

    fn int_or_string(&mut self, node: &Node, path: &str) {
        let value = match node.value {
            NodeValue::Str(_) => return,
            NodeValue::Int(i) if i32::try_from(i).is_ok() => return,
            NodeValue::Float(f) if f.fract() == 0.0 && f.abs() < 2.0e9 => return,
            NodeValue::Int(i) => format!("number {i}"),
            NodeValue::UInt(u) => format!("number {u}"),
            NodeValue::Float(f) => format!("number {f}"),
            _ => node.json_kind().to_string(),
        };
        let message = msg::wrong_type(path, FieldType::IntOrString.describe(), node);
        self.fatal(
            node,
            msg::json_value_error(&value, "int32"),
            path,
            message,
            None,
        );
    }

    fn time(&mut self, node: &Node, path: &str) {
        let message = msg::wrong_type(path, "an RFC 3339 time", node);
        match node.as_str() {
            Some(s) if looks_like_rfc3339(s) => {}
            Some(s) => self.fatal(
                node,
                msg::bad_time(s),
                path,
                message,
                Some("for example 2026-01-01T00:00:00Z".into()),
            ),
            None => self.fatal(
                node,
                msg::json_value_error(node.json_kind(), "string"),
                path,
                message,
                None,
            ),
        }
    }

    fn bytes(&mut self, node: &Node, go: &str, path: &str, ctx: &GoCtx) {
        match node.as_str() {
            Some(s) => {
                if let Some(at) = base64_error(s) {
                    self.report.types.push(TypeIssue {
                        server: msg::illegal_base64(at),
                        path: path.to_string(),
                        pos: node.pos,
                        fatal: false,
                        message: format!("{} is not base64", msg::go_quote(s)),
                        suggestion: Some(
                            "Secret `data` holds base64; put plain text under `stringData` instead"
                                .into(),
                        ),
                    });
                }
            }
            None => self.type_error(node, node.json_kind(), &FieldType::Bytes, go, path, ctx),
        }
    }

    /// Plain words and a suggestion for an unknown field.
    fn explain_unknown(&self, key: &str, type_name: &str) -> (String, Option<String>) {
        let here = msg::unknown_field_here(key);
        let Some(def) = self.schema.type_def(type_name) else {
            return (here, None);
        };
        if let Some(c) = did_you_mean(key, def.properties.keys().map(String::as_str)) {
            return (here, Some(msg::did_you_mean(c)));
        }
        // One or more levels up (`volumes` inside a container, `storageClassName` in resources).
        for (ancestor, apath) in self.ancestors.iter().rev().skip(1) {
            if let Some(a) = self.schema.type_def(ancestor) {
                if let Some(name) = a.properties.keys().find(|k| k.eq_ignore_ascii_case(key)) {
                    return (here, Some(msg::belongs_under(name, apath)));
                }
            }
        }
        // One or two levels down (`mountPath` directly in a container).
        if let Some(s) = self.find_below(def, key) {
            return (here, Some(s));
        }
        if key == "storage" {
            let hint = match struct_name(type_name) {
                "PersistentVolumeClaimSpec" => {
                    Some("write it as resources: {requests: {storage: 1Gi}}")
                }
                "PersistentVolumeSpec" => Some("write it as capacity: {storage: 1Gi}"),
                _ => None,
            };
            return (here, hint.map(str::to_string));
        }
        (here, None)
    }

    fn find_below(&self, def: &super::schema::TypeDef, key: &str) -> Option<String> {
        let mut found = Vec::new();
        for (name, ty) in &def.properties {
            let (inner, is_list) = match ty {
                FieldType::Object(n) => (n, false),
                FieldType::Array(e) => match e.as_ref() {
                    FieldType::Object(n) => (n, true),
                    _ => continue,
                },
                _ => continue,
            };
            if let Some(t) = self.schema.type_def(inner) {
                if t.properties.contains_key(key) {
                    found.push(msg::belongs_inside(key, name, is_list));
                }
            }
        }
        match found.len() {
            0 => None,
            1..=3 => Some(found.join(", or ")),
            _ => None,
        }
    }
}

/// A loose RFC 3339 check: `YYYY-MM-DDTHH:MM:SS` followed by a zone.
fn looks_like_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 20
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && (b[10] == b'T' || b[10] == b't')
        && b[13] == b':'
        && b[16] == b':'
        && (s.ends_with('Z') || s.ends_with('z') || s[19..].contains(['+', '-']))
}

/// Where Go's `base64.StdEncoding` would stop on this text, if it is not valid base64
/// (line breaks are ignored, as in Go).
fn base64_error(s: &str) -> Option<usize> {
    let mut count = 0usize;
    let mut padding = 0usize;
    for (i, c) in s.bytes().enumerate() {
        match c {
            b'\r' | b'\n' => continue,
            b'=' => padding += 1,
            c if padding == 0 && (c.is_ascii_alphanumeric() || c == b'+' || c == b'/') => {}
            _ => return Some(i),
        }
        count += 1;
    }
    if padding > 2 || count % 4 != 0 {
        let rem = count % 4;
        return Some(count - rem + if rem == 1 { 0 } else { rem });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::yaml::parse_file;

    fn doc(text: &str) -> Node {
        parse_file(text)
            .documents
            .into_iter()
            .find_map(|d| d.root)
            .expect("document")
    }

    fn pvc(spec: &str) -> DecodeReport {
        let text = format!(
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: x\nspec:\n{spec}"
        );
        check(&doc(&text), "core.v1.PersistentVolumeClaim")
    }

    #[test]
    fn unknown_fields_are_all_reported_with_suggestions() {
        let r = pvc(
            "  accesModes: [ReadWriteOnce]\n  resources:\n    requests: {storage: 1Gi}\n    storageClassName: x\n",
        );
        assert_eq!(
            r.server_error().as_deref(),
            Some(
                "strict decoding error: unknown field \"spec.accesModes\", unknown field \"spec.resources.storageClassName\""
            )
        );
        assert_eq!(r.strict[0].pos, Pos::new(6, 3));
        assert_eq!(
            r.strict[0].suggestion.as_deref(),
            Some("did you mean \"accessModes\"?")
        );
        assert_eq!(
            r.strict[1].suggestion.as_deref(),
            Some("\"storageClassName\" belongs directly under \"spec\"")
        );
    }

    #[test]
    fn type_errors_name_go_types() {
        let r = pvc("  accessModes: ReadWriteOnce\n  resources: {requests: {storage: 1Gi}}\n");
        assert_eq!(
            r.server_error().as_deref(),
            Some(
                "json: cannot unmarshal string into Go struct field PersistentVolumeClaimSpec.spec.accessModes of type []v1.PersistentVolumeAccessMode"
            )
        );
        let labels =
            doc("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {enabled: yes}\n");
        let r = check(&labels, "core.v1.Pod");
        assert_eq!(
            r.server_error().as_deref(),
            Some(
                "json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string"
            )
        );
        assert!(
            r.types[0]
                .suggestion
                .as_deref()
                .unwrap_or("")
                .contains("\"yes\"")
        );
    }

    #[test]
    fn bad_quantity_wins_over_earlier_type_errors() {
        let r = pvc("  accessModes: ReadWriteOnce\n  resources: {requests: {storage: 10GB}}\n");
        let e = r.server_error().unwrap_or_default();
        assert!(e.starts_with("quantities must match"), "{e}");
    }

    #[test]
    fn duplicates_and_misplaced_fields() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  containers:\n  - name: c\n    image: i\n    mountPath: /data\n    volumes: []\n";
        let r = check(&doc(text), "core.v1.Pod");
        let servers: Vec<&str> = r.strict.iter().map(|s| s.server.as_str()).collect();
        assert_eq!(
            servers,
            [
                "duplicate field \"metadata.name\"",
                "unknown field \"spec.containers[0].mountPath\"",
                "unknown field \"spec.containers[0].volumes\""
            ]
        );
        assert_eq!(
            r.strict[1].suggestion.as_deref(),
            Some("\"mountPath\" goes inside each entry of \"volumeMounts\"")
        );
        assert_eq!(
            r.strict[2].suggestion.as_deref(),
            Some("\"volumes\" belongs directly under \"spec\"")
        );
    }

    #[test]
    fn base64_positions_like_go() {
        assert_eq!(base64_error("aGVsbG8="), None);
        assert_eq!(base64_error("hello"), Some(4));
        assert_eq!(base64_error("hello world"), Some(5));
        assert_eq!(base64_error("aGVs\nbG8="), None);
    }
}
