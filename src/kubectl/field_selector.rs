//! `--field-selector`: what the API server does with it, since kubectl only passes the text on.
//!
//! kubectl (`get`, `delete`, `label`, `annotate`) hands the flag to cli-runtime's builder
//! (`builder.go` `FieldSelectorParam`), which sends it with the list request. The API server
//! then, in this order:
//! 1. parses it (apimachinery `pkg/fields/selector.go` `parseSelector`: terms split on commas
//!    not escaped by `\` (`splitTerms`), each split at its first `!=`, `==` or `=`
//!    (`splitTerm`), values unescaped by `UnescapeValue`);
//! 2. converts each field label for the kind (`pkg/apis/core/v1/conversion.go`
//!    `addConversionFuncs`, `AddFieldLabelConversionsForEvent`/`…Namespace`/`…Secret`/
//!    `…Service`, apps/v1's ReplicaSet function, and for every other kind
//!    apimachinery `runtime.DefaultMetaV1FieldSelectorConversion`);
//! 3. matches each object's selectable fields (`pkg/registry/*/strategy.go`
//!    `ToSelectableFields`/`GetAttrs`); a field the kind accepts but does not fill compares as
//!    `""`.
//!
//! A failure in 1 or 2 is a BadRequest that kubectl rewrites (`resource.EnhanceListError` in
//! cli-runtime `visitor.go`) as `Unable to find "GVR" that match label selector "…", field
//! selector "…": MESSAGE`.

use super::get::{Found, ListKind};
use crate::sim::{Cluster, Kind};
use serde_json::Value;

/// A term's operator (`=` and `==` are the same test).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldOp {
    /// `=` or `==`.
    Equals,
    /// `!=`.
    NotEquals,
}

/// One `field=value` term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldTerm {
    /// The field label as typed (`status.phase`).
    pub field: String,
    /// The test.
    pub op: FieldOp,
    /// The unescaped value.
    pub value: String,
}

/// A parsed field selector: every term must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldSelector {
    /// The terms, sorted as `parseSelector` sorts them.
    pub terms: Vec<FieldTerm>,
}

impl FieldSelector {
    /// `fields.ParseSelector`; the error is the API server's message.
    pub fn parse(text: &str) -> Result<FieldSelector, String> {
        let mut parts = split_terms(text);
        parts.sort();
        let mut terms = Vec::new();
        for part in parts {
            if part.is_empty() {
                continue;
            }
            let Some((field, op, raw)) = split_term(&part) else {
                return Err(format!(
                    "invalid selector: '{text}'; can't understand '{part}'"
                ));
            };
            terms.push(FieldTerm {
                field: field.to_string(),
                op,
                value: unescape_value(raw)?,
            });
        }
        Ok(FieldSelector { terms })
    }

    /// Whether the object's fields satisfy every term (`fields.Selector.Matches`).
    pub fn matches(&self, fields: &dyn Fn(&str) -> String) -> bool {
        self.terms.iter().all(|t| {
            let v = fields(&t.field);
            match t.op {
                FieldOp::Equals => v == t.value,
                FieldOp::NotEquals => v != t.value,
            }
        })
    }

    /// Runs each term's field label through the kind's conversion function.
    pub fn check(&self, kind: ListKind) -> Result<(), String> {
        for t in &self.terms {
            convert_label(kind, &t.field)?;
        }
        Ok(())
    }
}

/// `splitTerms`: commas not preceded by an escaping backslash separate terms.
fn split_terms(s: &str) -> Vec<String> {
    if s.is_empty() {
        return Vec::new();
    }
    let mut terms = Vec::new();
    let mut start = 0;
    let mut in_slash = false;
    for (i, c) in s.char_indices() {
        if in_slash {
            in_slash = false;
        } else if c == '\\' {
            in_slash = true;
        } else if c == ',' {
            terms.push(s[start..i].to_string());
            start = i + 1;
        }
    }
    terms.push(s[start..].to_string());
    terms
}

/// `splitTerm`: the first position where `!=`, `==` or `=` starts (tried in that order).
fn split_term(term: &str) -> Option<(&str, FieldOp, &str)> {
    for (i, _) in term.char_indices() {
        let rest = &term[i..];
        for (op, kind) in [
            ("!=", FieldOp::NotEquals),
            ("==", FieldOp::Equals),
            ("=", FieldOp::Equals),
        ] {
            if rest.starts_with(op) {
                return Some((&term[..i], kind, &term[i + op.len()..]));
            }
        }
    }
    None
}

/// `UnescapeValue`: `\\`, `\,` and `\=` are the only escapes; a bare `,` or `=` is refused
/// (`UnescapedRune` prints the rune with `%v`, that is as a number).
fn unescape_value(s: &str) -> Result<String, String> {
    if !s.contains(['\\', ',', '=']) {
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let mut in_slash = false;
    for c in s.chars() {
        if in_slash {
            match c {
                '\\' | ',' | '=' => out.push(c),
                _ => {
                    return Err(format!(
                        "invalid field selector: invalid escape sequence: {s}"
                    ));
                }
            }
            in_slash = false;
            continue;
        }
        match c {
            '\\' => in_slash = true,
            ',' | '=' => {
                return Err(format!(
                    "invalid field selector: unescaped character in value: {}",
                    c as u32
                ));
            }
            _ => out.push(c),
        }
    }
    if in_slash {
        return Err("invalid field selector: invalid escape sequence: \\".to_string());
    }
    Ok(out)
}

/// The field labels each kind's conversion function accepts.
fn supported(kind: ListKind) -> Option<&'static [&'static str]> {
    const POD: &[&str] = &[
        "metadata.name",
        "metadata.namespace",
        "spec.nodeName",
        "spec.restartPolicy",
        "spec.schedulerName",
        "spec.serviceAccountName",
        "spec.hostNetwork",
        "status.phase",
        "status.podIP",
        "status.podIPs",
        "status.nominatedNodeName",
        "spec.host",
    ];
    const NODE: &[&str] = &["metadata.name", "spec.unschedulable"];
    const EVENT: &[&str] = &[
        "involvedObject.kind",
        "involvedObject.namespace",
        "involvedObject.name",
        "involvedObject.uid",
        "involvedObject.apiVersion",
        "involvedObject.resourceVersion",
        "involvedObject.fieldPath",
        "reason",
        "reportingComponent",
        "source",
        "type",
        "metadata.namespace",
        "metadata.name",
    ];
    const NAMESPACE: &[&str] = &["status.phase", "metadata.name"];
    const SECRET: &[&str] = &["type", "metadata.namespace", "metadata.name"];
    const SERVICE: &[&str] = &[
        "metadata.namespace",
        "metadata.name",
        "spec.clusterIP",
        "spec.type",
    ];
    const REPLICA_SET: &[&str] = &["metadata.name", "metadata.namespace", "status.replicas"];
    Some(match kind {
        ListKind::Service => SERVICE,
        ListKind::Sim(Kind::Pod) => POD,
        ListKind::Sim(Kind::Node) => NODE,
        ListKind::Sim(Kind::Event) => EVENT,
        ListKind::Sim(Kind::Namespace) => NAMESPACE,
        ListKind::Sim(Kind::Secret) => SECRET,
        ListKind::Sim(Kind::ReplicaSet) => REPLICA_SET,
        ListKind::Sim(_) => return None,
    })
}

/// The conversion function's verdict on one label.
fn convert_label(kind: ListKind, label: &str) -> Result<(), String> {
    match supported(kind) {
        Some(labels) if labels.contains(&label) => Ok(()),
        Some(_) => Err(format!("field label not supported: {label}")),
        None if label == "metadata.name" || label == "metadata.namespace" => Ok(()),
        None => Err(format!(
            "{} is not a known field selector: only \"metadata.name\", \"metadata.namespace\"",
            super::goparse::quote(label)
        )),
    }
}

/// `schema.GroupVersionResource.String()` of a list kind (`/v1, Resource=pods`).
fn gvr(kind: ListKind) -> String {
    match kind {
        ListKind::Service => "/v1, Resource=services".to_string(),
        ListKind::Sim(k) => format!("{}/v1, Resource={}", k.group(), k.plural()),
    }
}

/// The error kubectl prints when the API server refuses `text` for a list of `kind`, or
/// `None` when it accepts it. `label` is the `-l` text (`""` when absent).
pub fn list_error(kind: ListKind, label: &str, text: &str) -> Option<String> {
    list_error_message(kind, label, text).map(|m| format!("Error from server (BadRequest): {m}"))
}

/// [`list_error`] without its `Error from server (BadRequest): ` prefix (the status message).
pub fn list_error_message(kind: ListKind, label: &str, text: &str) -> Option<String> {
    let problem = match FieldSelector::parse(text) {
        Ok(sel) => sel.check(kind).err()?,
        Err(e) => e,
    };
    Some(format!(
        "Unable to find {} that match label selector {}, field selector {}: {problem}",
        super::goparse::quote(&gvr(kind)),
        super::goparse::quote(label),
        super::goparse::quote(text)
    ))
}

/// Whether `found` passes the selector `text` (which [`list_error`] accepted for its kind).
pub fn admits(found: &Found<'_>, cluster: &Cluster, text: &str) -> bool {
    let Ok(sel) = FieldSelector::parse(text) else {
        return false;
    };
    if sel.terms.is_empty() {
        return true;
    }
    let value = found.value(cluster);
    let kind = found.kind();
    sel.matches(&|field| field_value(kind, &value, field))
}

/// One selectable field of an object, as its strategy's `ToSelectableFields` fills it.
fn field_value(kind: ListKind, v: &Value, field: &str) -> String {
    let text = |path: &[&str]| -> String {
        let mut cur = v;
        for p in path {
            match cur.get(p) {
                Some(next) => cur = next,
                None => return String::new(),
            }
        }
        match cur {
            Value::String(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        }
    };
    let flag = |path: &[&str]| -> String {
        let t = text(path);
        if t.is_empty() { "false".to_string() } else { t }
    };
    match (kind, field) {
        (_, "metadata.name") => text(&["metadata", "name"]),
        (_, "metadata.namespace") => text(&["metadata", "namespace"]),
        (ListKind::Sim(Kind::Pod), "spec.hostNetwork") => flag(&["spec", "hostNetwork"]),
        (ListKind::Sim(Kind::Pod), "spec.host") => text(&["spec", "nodeName"]),
        (ListKind::Sim(Kind::Pod), "status.podIP") => {
            let first = v["status"]["podIPs"][0]["ip"].as_str().map(str::to_string);
            first.unwrap_or_else(|| text(&["status", "podIP"]))
        }
        // Accepted by the conversion, but not among the pod's selectable fields.
        (ListKind::Sim(Kind::Pod), "status.podIPs") => String::new(),
        (ListKind::Sim(Kind::Node), "spec.unschedulable") => flag(&["spec", "unschedulable"]),
        (ListKind::Sim(Kind::Event), "source") => {
            let s = text(&["source", "component"]);
            if s.is_empty() {
                text(&["reportingController"])
            } else {
                s
            }
        }
        (ListKind::Sim(Kind::ReplicaSet), "status.replicas") => {
            let n = text(&["status", "replicas"]);
            if n.is_empty() { "0".to_string() } else { n }
        }
        (_, path) => text(&path.split('.').collect::<Vec<_>>()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(field: &str, op: FieldOp, value: &str) -> FieldTerm {
        FieldTerm {
            field: field.into(),
            op,
            value: value.into(),
        }
    }

    /// apimachinery `pkg/fields/selector_test.go` `TestSelectorParse` / `TestSplitTerms` /
    /// `TestUnescapeValue` cases.
    #[test]
    fn parse_like_apimachinery_parse_selector() {
        let s = FieldSelector::parse("x=a,y!=b,z==c").unwrap();
        assert_eq!(
            s.terms,
            vec![
                one("x", FieldOp::Equals, "a"),
                one("y", FieldOp::NotEquals, "b"),
                one("z", FieldOp::Equals, "c"),
            ]
        );
        assert_eq!(FieldSelector::parse("").unwrap().terms, vec![]);
        assert_eq!(FieldSelector::parse("a=b,,").unwrap().terms.len(), 1);
        let escaped = FieldSelector::parse(r"a=x\,y\=z\\w").unwrap();
        assert_eq!(escaped.terms[0].value, r"x,y=z\w");
        assert_eq!(
            FieldSelector::parse("foo").unwrap_err(),
            "invalid selector: 'foo'; can't understand 'foo'"
        );
        assert_eq!(
            FieldSelector::parse("a=b=c").unwrap_err(),
            "invalid field selector: unescaped character in value: 61"
        );
        assert_eq!(
            FieldSelector::parse(r"a=b\x").unwrap_err(),
            r"invalid field selector: invalid escape sequence: b\x"
        );
        assert_eq!(
            FieldSelector::parse(r"a=b\").unwrap_err(),
            r"invalid field selector: invalid escape sequence: \"
        );
        // `!=` is found before `=`: "a!=b" is not "a!" = "b".
        assert_eq!(
            FieldSelector::parse("a!=b").unwrap().terms,
            vec![one("a", FieldOp::NotEquals, "b")]
        );
    }

    #[test]
    fn conversion_errors_per_kind_follow_the_registered_functions() {
        let pods = ListKind::Sim(Kind::Pod);
        assert_eq!(
            list_error(pods, "", "foo=bar").as_deref(),
            Some(
                "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match \
                 label selector \"\", field selector \"foo=bar\": field label not supported: foo"
            )
        );
        assert_eq!(list_error(pods, "", "status.phase=Running"), None);
        let pvc = ListKind::Sim(Kind::PersistentVolumeClaim);
        assert_eq!(
            list_error(pvc, "app=web", "status.phase=Bound").as_deref(),
            Some(
                "Error from server (BadRequest): Unable to find \"/v1, \
                 Resource=persistentvolumeclaims\" that match label selector \"app=web\", field \
                 selector \"status.phase=Bound\": \"status.phase\" is not a known field selector: \
                 only \"metadata.name\", \"metadata.namespace\""
            )
        );
        let nodes = ListKind::Sim(Kind::Node);
        assert!(list_error(nodes, "", "metadata.namespace=x").is_some());
        assert_eq!(list_error(nodes, "", "spec.unschedulable=true"), None);
        let rs = ListKind::Sim(Kind::ReplicaSet);
        assert!(
            list_error(rs, "", "status.replicas=1")
                .is_none_or(|e| e.contains("apps/v1, Resource=replicasets"))
        );
    }

    #[test]
    fn matching_compares_missing_fields_as_empty() {
        let pod = serde_json::json!({"metadata": {"name": "a", "namespace": "default"},
            "spec": {"nodeName": "n1"}, "status": {"phase": "Running"}});
        let get = |f: &str| field_value(ListKind::Sim(Kind::Pod), &pod, f);
        let sel = FieldSelector::parse("status.phase=Running,spec.nodeName!=n2").unwrap();
        assert!(sel.matches(&get));
        let sel = FieldSelector::parse("spec.hostNetwork=false,status.nominatedNodeName=").unwrap();
        assert!(sel.matches(&get));
        let sel = FieldSelector::parse("status.phase!=Running").unwrap();
        assert!(!sel.matches(&get));
    }
}
