//! kubestory's own pointer lines and suggestions.

use super::go_quote;
use crate::manifest::tree::{Node, NodeValue};

/// `did you mean "x"?`
pub fn did_you_mean(candidate: &str) -> String {
    format!("did you mean {}?", go_quote(candidate))
}

/// A StatefulSet template problem that the API server only reports when the controller
/// creates the claim or pod (apps `ValidatePodTemplateSpecForStatefulSet` validates neither).
pub fn deferred(kind: &str, object_kind: &str, object_name: &str, cause: &str) -> String {
    format!(
        "the API server accepts this {kind}, but will refuse the {object_kind} its controller creates from it: {object_kind} {} is invalid: {cause}",
        go_quote(object_name)
    )
}

/// Unknown field, plain words.
pub fn unknown_field_here(key: &str) -> String {
    format!("unknown field {}", go_quote(key))
}

/// A field that exists elsewhere: one or more levels up.
pub fn belongs_under(field: &str, parent: &str) -> String {
    if parent.is_empty() {
        format!(
            "{} belongs at the top level of the document, not here",
            go_quote(field)
        )
    } else {
        format!(
            "{} belongs directly under {}",
            go_quote(field),
            go_quote(parent)
        )
    }
}

/// A field that exists one or two levels down.
pub fn belongs_inside(field: &str, container: &str, is_list: bool) -> String {
    if is_list {
        format!(
            "{} goes inside each entry of {}",
            go_quote(field),
            go_quote(container)
        )
    } else {
        format!("{} goes inside {}", go_quote(field), go_quote(container))
    }
}

/// Duplicate key, plain words.
pub fn duplicate_here(key: &str, first_line: u32) -> String {
    format!(
        "{} is written twice in this mapping (first on line {first_line}); the API server refuses duplicates",
        go_quote(key)
    )
}

/// Kind of value a node is, in plain words.
pub fn describe_node(node: &Node) -> &'static str {
    match node.value {
        NodeValue::Null => "empty",
        NodeValue::Bool(_) => "a boolean",
        NodeValue::Int(_) | NodeValue::UInt(_) | NodeValue::Float(_) => "a number",
        NodeValue::Str(_) => "a string",
        NodeValue::Seq(_) => "a list",
        NodeValue::Map(_) => "a mapping",
    }
}

/// Wrong type, plain words (`field` is the full path).
pub fn wrong_type(field: &str, expected: &str, found: &Node) -> String {
    format!(
        "{field} must be {expected}, but this is {}",
        describe_node(found)
    )
}

/// What a field expects, for [`wrong_type_hint`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A list.
    List,
    /// A string.
    String,
    /// A mapping.
    Object,
    /// A number.
    Number,
    /// A boolean.
    Bool,
    /// Something else.
    Other,
}

/// The fix for a wrong type, when there is an obvious one.
pub fn wrong_type_hint(expected: Expected, found: &Node) -> Option<String> {
    let source = found.source.as_deref();
    let quoted_number = found
        .as_str()
        .is_some_and(|s| s.trim().parse::<f64>().is_ok());
    let quoted_bool = found.as_str().is_some_and(|s| s == "true" || s == "false");
    match (&found.value, expected) {
        (NodeValue::Bool(_), Expected::String) => {
            let w = source.unwrap_or("true");
            Some(format!(
                "YAML reads an unquoted {w} as a boolean; write it in quotes: \"{w}\""
            ))
        }
        (NodeValue::Int(_) | NodeValue::UInt(_) | NodeValue::Float(_), Expected::String) => {
            let w = source.unwrap_or("the number");
            Some(format!(
                "YAML reads an unquoted {w} as a number; write it in quotes: \"{w}\""
            ))
        }
        (NodeValue::Str(s), Expected::Number) if quoted_number => {
            Some(format!("remove the quotes: {}", s.trim()))
        }
        (NodeValue::Str(s), Expected::Bool) if quoted_bool => {
            Some(format!("remove the quotes: {s}"))
        }
        (NodeValue::Str(_) | NodeValue::Int(_) | NodeValue::Bool(_), Expected::List) => Some(
            "a list puts each item on its own line after \"- \", or in brackets: [a, b]".into(),
        ),
        (NodeValue::Map(_), Expected::List) => Some("start each list item with \"- \"".into()),
        (NodeValue::Seq(_), Expected::Object) => {
            Some("remove the \"- \": this field is a single mapping, not a list".into())
        }
        (NodeValue::Str(_), Expected::Object) => Some(
            "write the fields on the lines below, indented; use {} for an empty mapping".into(),
        ),
        _ => None,
    }
}

/// A quantity the API server cannot parse, with the likely fix.
pub fn bad_quantity(text: &str) -> (String, Option<String>) {
    let msg = format!("{} is not a Kubernetes quantity", go_quote(text));
    let t = text.trim().replace(' ', "");
    let digits_end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, suffix) = t.split_at(digits_end);
    let fix = match suffix {
        "GB" | "Gb" | "gb" => Some(format!("{num}Gi (2^30 bytes) or {num}G (10^9 bytes)")),
        "MB" | "Mb" | "mb" => Some(format!("{num}Mi or {num}M")),
        "KB" | "Kb" | "kb" | "kB" => Some(format!("{num}Ki or {num}k")),
        "TB" | "Tb" | "tb" => Some(format!("{num}Ti or {num}T")),
        "gi" | "GI" | "gB" | "GiB" => Some(format!("{num}Gi")),
        "mi" | "MI" | "MiB" => Some(format!("{num}Mi")),
        "ki" | "KI" | "KiB" => Some(format!("{num}Ki")),
        "ti" | "TI" | "TiB" => Some(format!("{num}Ti")),
        "g" => Some(format!("{num}G or {num}Gi")),
        _ if !num.is_empty() && t != text.trim() => Some(t.clone()),
        _ => None,
    };
    let hint = fix.map(|f| format!("write {f}; suffixes are case-sensitive: Ki Mi Gi Ti (powers of 1024) or k M G T (powers of 1000)"));
    (msg, hint)
}

/// Well-known shorthands a learner may write instead of the API spelling.
pub fn synonym(value: &str) -> Option<&'static str> {
    Some(match value {
        "RWO" | "rwo" => "ReadWriteOnce",
        "ROX" | "rox" | "ReadOnlyOnce" => "ReadOnlyMany",
        "RWX" | "rwx" => "ReadWriteMany",
        "RWOP" | "rwop" => "ReadWriteOncePod",
        "Keep" | "keep" | "Preserve" | "preserve" => "Retain",
        "Remove" | "remove" | "Destroy" => "Delete",
        "WaitForConsumer" | "WaitForFirstPod" | "Delayed" | "Lazy" => "WaitForFirstConsumer",
        "Now" | "Eager" => "Immediate",
        "Dir" | "dir" => "Directory",
        _ => return None,
    })
}
