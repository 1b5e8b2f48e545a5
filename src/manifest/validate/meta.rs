//! Object metadata, labels, annotations and selectors.

use super::names::{
    is_dns1123_label, is_dns1123_subdomain, is_qualified_name, is_valid_label_value,
};
use super::{Errs, Obj};
use crate::manifest::messages::go_quote;
use crate::manifest::tree::Node;

/// Which name syntax a kind uses (`ValidateNameFunc`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameRule {
    /// `NameIsDNSSubdomain` (most kinds).
    Subdomain,
    /// `NameIsDNSLabel` (Namespace, StatefulSet).
    Label,
}

impl NameRule {
    fn check(self, name: &str) -> Vec<String> {
        match self {
            NameRule::Subdomain => is_dns1123_subdomain(name),
            NameRule::Label => is_dns1123_label(name),
        }
    }

    /// The rule in plain words.
    fn explain(self, what: &str, value: &str) -> String {
        let rule = match self {
            NameRule::Subdomain => {
                "lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters"
            }
            NameRule::Label => {
                "lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters"
            }
        };
        format!("{} is not a valid {what}: use {rule}", go_quote(value))
    }
}

/// apimachinery `ValidateObjectMeta` (name, generateName, namespace, labels, annotations).
pub(crate) fn validate_object_meta(meta: Obj, path: &str, rule: NameRule, errs: &mut Errs) {
    if let Some(prefix) = meta.str("generateName").filter(|g| !g.is_empty()) {
        // Name generation appends characters, so a trailing '-' is fine (`prefix` mode).
        let base = prefix.trim_end_matches('-');
        for m in rule.check(if base.is_empty() { prefix } else { base }) {
            errs.invalid(
                &format!("{path}.generateName"),
                meta.val_pos("generateName"),
                go_quote(prefix),
                &m,
                None,
            );
        }
    }
    let name = meta.str("name").unwrap_or("");
    let has_generate = meta.str("generateName").is_some_and(|g| !g.is_empty());
    if name.is_empty() {
        if !has_generate {
            let hint = Some("give the object a name: metadata: {name: my-name}".to_string());
            errs.required(
                &format!("{path}.name"),
                meta.key_pos("name"),
                "name or generateName is required",
                hint,
            );
        }
    } else {
        for m in rule.check(name) {
            let message = rule.explain("name", name);
            let pos = meta.val_pos("name");
            errs.invalid_with(
                &format!("{path}.name"),
                pos,
                go_quote(name),
                &m,
                message,
                lowercase_hint(name),
            );
        }
    }
    if let Some(ns) = meta.str("namespace").filter(|n| !n.is_empty()) {
        for m in is_dns1123_label(ns) {
            let message = NameRule::Label.explain("namespace", ns);
            let pos = meta.val_pos("namespace");
            errs.invalid_with(
                &format!("{path}.namespace"),
                pos,
                go_quote(ns),
                &m,
                message,
                lowercase_hint(ns),
            );
        }
    }
    validate_labels(meta.child("labels").node, &format!("{path}.labels"), errs);
    validate_annotations(meta, &format!("{path}.annotations"), errs);
}

fn lowercase_hint(name: &str) -> Option<String> {
    let fixed: String = name
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let fixed = fixed.trim_matches(|c| c == '-' || c == '.').to_string();
    (fixed != name && !fixed.is_empty()).then(|| format!("for example {}", go_quote(&fixed)))
}

/// apimachinery `ValidateLabels`: keys are qualified names, values label values.
pub(crate) fn validate_labels(labels: Option<&Node>, path: &str, errs: &mut Errs) {
    for e in labels.and_then(Node::as_map).unwrap_or(&[]) {
        for m in is_qualified_name(&e.key) {
            errs.invalid(path, e.key_pos, go_quote(&e.key), &m, None);
        }
        let value = e.value.as_str().unwrap_or("");
        for m in is_valid_label_value(value) {
            errs.invalid(path, e.value.pos, go_quote(value), &m, None);
        }
    }
}

/// apimachinery `ValidateAnnotations`: keys are qualified names (checked lowercased).
fn validate_annotations(meta: Obj, path: &str, errs: &mut Errs) {
    for e in meta.map("annotations") {
        for m in is_qualified_name(&e.key.to_lowercase()) {
            errs.invalid(path, e.key_pos, go_quote(&e.key), &m, None);
        }
    }
}

/// For kinds that are accepted but not simulated: only a name is required.
pub(crate) fn validate_name_only(doc: Obj, errs: &mut Errs) {
    let meta = doc.child("metadata");
    let name = meta.str("name").unwrap_or("");
    let has_generate = meta.str("generateName").is_some_and(|g| !g.is_empty());
    if name.is_empty() && !has_generate {
        let hint = Some("give the object a name: metadata: {name: my-name}".to_string());
        errs.required(
            "metadata.name",
            meta.key_pos("name"),
            "name or generateName is required",
            hint,
        );
    }
}

/// metav1 validation `ValidateLabelSelector` (matchLabels and matchExpressions).
pub(crate) fn validate_label_selector(sel: Obj, path: &str, errs: &mut Errs) {
    for (i, req) in sel.items("matchExpressions").into_iter().enumerate() {
        let rpath = format!("{path}.matchExpressions[{i}]");
        let op = req.str("operator").unwrap_or("");
        let nvalues = req.list("values").len();
        match op {
            "In" | "NotIn" if nvalues == 0 => errs.required(
                &format!("{rpath}.values"),
                req.key_pos("values"),
                "must be specified when `operator` is 'In' or 'NotIn'",
                None,
            ),
            "In" | "NotIn" => {}
            "Exists" | "DoesNotExist" if nvalues > 0 => errs.forbidden(
                &format!("{rpath}.values"),
                req.key_pos("values"),
                "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                None,
            ),
            "Exists" | "DoesNotExist" => {}
            _ => errs.invalid(
                &format!("{rpath}.operator"),
                req.val_pos("operator"),
                go_quote(op),
                "not a valid selector operator",
                crate::manifest::suggest::did_you_mean(
                    op,
                    ["In", "NotIn", "Exists", "DoesNotExist"],
                )
                .map(crate::manifest::messages::did_you_mean),
            ),
        }
        let key = req.str("key").unwrap_or("");
        for m in is_qualified_name(key) {
            errs.invalid(
                &format!("{rpath}.key"),
                req.val_pos("key"),
                go_quote(key),
                &m,
                None,
            );
        }
    }
    validate_labels(
        sel.child("matchLabels").node,
        &format!("{path}.matchLabels"),
        errs,
    );
}

/// Whether a selector's operators are all valid (`LabelSelectorAsSelector` succeeds).
pub(crate) fn selector_parses(sel: Obj) -> bool {
    sel.items("matchExpressions").iter().all(|r| {
        matches!(
            r.str("operator"),
            Some("In" | "NotIn" | "Exists" | "DoesNotExist")
        )
    })
}

/// `labels.Selector.Matches` for a label selector (nil selectors match nothing).
pub(crate) fn selector_matches(sel: Obj, labels: &[crate::manifest::tree::Entry]) -> bool {
    let Some(_) = sel.node else { return false };
    let get = |k: &str| {
        labels
            .iter()
            .rev()
            .find(|e| e.key == k)
            .and_then(|e| e.value.as_str())
    };
    let match_labels = sel
        .map("matchLabels")
        .iter()
        .all(|e| get(&e.key) == e.value.as_str());
    let exprs = sel.items("matchExpressions").iter().all(|r| {
        let key = r.str("key").unwrap_or("");
        let values: Vec<&str> = r.list("values").iter().filter_map(Node::as_str).collect();
        let v = get(key);
        match r.str("operator") {
            Some("In") => v.is_some_and(|v| values.contains(&v)),
            Some("NotIn") => v.is_none_or(|v| !values.contains(&v)),
            Some("Exists") => v.is_some(),
            Some("DoesNotExist") => v.is_none(),
            _ => false,
        }
    });
    match_labels && exprs
}

/// Go's `%#v` of a `map[string]string` (keys sorted), as in the selector mismatch error.
pub(crate) fn go_string_map(entries: Option<&[crate::manifest::tree::Entry]>) -> String {
    let Some(entries) = entries else {
        return "map[string]string(nil)".into();
    };
    let mut pairs: Vec<(String, String)> = entries
        .iter()
        .map(|e| (e.key.clone(), e.value.as_str().unwrap_or("").to_string()))
        .collect();
    pairs.sort();
    pairs.dedup_by(|a, b| a.0 == b.0);
    let body: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}:{}", go_quote(k), go_quote(v)))
        .collect();
    format!("map[string]string{{{}}}", body.join(", "))
}

/// core `ValidateNodeSelector` / `validateNodeSelectorTerm` (PV node affinity, pod affinity).
pub(crate) fn validate_node_selector(sel: Obj, path: &str, errs: &mut Errs) {
    let terms = sel.items("nodeSelectorTerms");
    if terms.is_empty() {
        errs.required(
            &format!("{path}.nodeSelectorTerms"),
            sel.key_pos("nodeSelectorTerms"),
            "must have at least one node selector term",
            None,
        );
    }
    for (i, term) in terms.into_iter().enumerate() {
        let tpath = format!("{path}.nodeSelectorTerms[{i}]");
        for (j, req) in term.items("matchExpressions").into_iter().enumerate() {
            validate_node_requirement(req, &format!("{tpath}.matchExpressions[{j}]"), errs);
        }
    }
}

/// core `ValidateNodeSelectorRequirement`.
fn validate_node_requirement(req: Obj, path: &str, errs: &mut Errs) {
    let op = req.str("operator").unwrap_or("");
    let n = req.list("values").len();
    let vpath = format!("{path}.values");
    match op {
        "In" | "NotIn" if n == 0 => errs.required(
            &vpath,
            req.key_pos("values"),
            "must be specified when `operator` is 'In' or 'NotIn'",
            None,
        ),
        "Exists" | "DoesNotExist" if n > 0 => errs.forbidden(
            &vpath,
            req.key_pos("values"),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            None,
        ),
        "Gt" | "Lt" if n != 1 => errs.required(
            &vpath,
            req.key_pos("values"),
            "must be specified single value when `operator` is 'Lt' or 'Gt'",
            None,
        ),
        "In" | "NotIn" | "Exists" | "DoesNotExist" | "Gt" | "Lt" => {}
        _ => errs.invalid(
            &format!("{path}.operator"),
            req.val_pos("operator"),
            go_quote(op),
            "not a valid selector operator",
            None,
        ),
    }
    let key = req.str("key").unwrap_or("");
    for m in is_qualified_name(key) {
        errs.invalid(
            &format!("{path}.key"),
            req.val_pos("key"),
            go_quote(key),
            &m,
            None,
        );
    }
}
