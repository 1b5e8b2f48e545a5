//! Every learner-visible string of the manifest loader, in one place (gitui's `strings.rs`).
//!
//! Two voices live here: kubectl's and the API server's exact words (cited next to each
//! function), and kubestory's own plain-language pointer lines and suggestions.

use super::tree::{Node, NodeValue};

// ---------------------------------------------------------------------------------------------
// kubectl and API server texts
// ---------------------------------------------------------------------------------------------

/// Go's `%q`: a double-quoted string with Go escapes (`strconv.Quote`).
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// cli-runtime `StreamVisitor.Visit`: `error parsing <file>: <err>`.
pub fn kubectl_parse(file: &str, err: &str) -> String {
    format!("error parsing {file}: {err}")
}

/// sigs.k8s.io/yaml `yamlToJSON` wrapping a go-yaml error: `error converting YAML to JSON: yaml: line N: …`.
pub fn yaml_to_json(line: u32, problem: &str) -> String {
    format!("error converting YAML to JSON: yaml: line {line}: {problem}")
}

/// cli-runtime `ValidateSchema` (`stopValidateMessage`), wrapped by `StreamVisitor.Visit`.
pub fn kubectl_validating(file: &str, reason: &str) -> String {
    format!(
        "error validating {}: error validating data: {reason}; if you choose to ignore these errors, turn validation off with --validate=false",
        go_quote(file)
    )
}

/// kubectl `getObjectKind` reasons.
pub const APIVERSION_NOT_SET: &str = "apiVersion not set";
/// kubectl `getObjectKind`.
pub const KIND_NOT_SET: &str = "kind not set";
/// kubectl `getObjectKind`.
pub const APIVERSION_NOT_STRING: &str = "apiVersion isn't string type";
/// kubectl `getObjectKind`.
pub const KIND_NOT_STRING: &str = "kind isn't string type";
/// kubectl `getObjectKind`, for a document that is not a mapping.
pub const INVALID_OBJECT: &str = "invalid object to validate";

/// `utilerrors.NewAggregate(...).Error()`: one message, or `[a, b]`.
pub fn aggregate(msgs: &[String]) -> String {
    match msgs {
        [one] => one.clone(),
        many => format!("[{}]", many.join(", ")),
    }
}

/// cli-runtime `mapper.infoForData` around apimachinery `NoKindMatchError`.
pub fn kubectl_no_match(
    name: &str,
    namespace: &str,
    file: &str,
    kind: &str,
    version: &str,
) -> String {
    format!(
        "resource mapping not found for name: {} namespace: {} from {}: no matches for kind {} in version {}\nensure CRDs are installed first",
        go_quote(name),
        go_quote(namespace),
        go_quote(file),
        go_quote(kind),
        go_quote(version)
    )
}

/// apiserver `transformDecodeError`: `<Kind> in version "<v>" cannot be handled as a <Kind>: …`.
pub fn cannot_be_handled(kind: &str, version: &str, reason: &str) -> String {
    format!(
        "{kind} in version {} cannot be handled as a {kind}: {reason}",
        go_quote(version)
    )
}

/// apimachinery `runtime.strictDecodingError`.
pub fn strict_decoding(errors: &[String]) -> String {
    format!("strict decoding error: {}", errors.join(", "))
}

/// sigs.k8s.io/json strict error for a field the type does not have.
pub fn unknown_field(path: &str) -> String {
    format!("unknown field {}", go_quote(path))
}

/// sigs.k8s.io/json strict error for a key written twice.
pub fn duplicate_field(path: &str) -> String {
    format!("duplicate field {}", go_quote(path))
}

/// encoding/json `UnmarshalTypeError` with struct context.
pub fn json_type_error(value: &str, go_struct: &str, field: &str, go_type: &str) -> String {
    format!(
        "json: cannot unmarshal {value} into Go struct field {go_struct}.{field} of type {go_type}"
    )
}

/// encoding/json `UnmarshalTypeError` without struct context (inside a custom unmarshaler).
pub fn json_value_error(value: &str, go_type: &str) -> String {
    format!("json: cannot unmarshal {value} into Go value of type {go_type}")
}

/// encoding/base64 `CorruptInputError`.
pub fn illegal_base64(at: usize) -> String {
    format!("illegal base64 data at input byte {at}")
}

/// metav1.Time `UnmarshalJSON` → time.Parse(RFC3339) (approximated: Go names the element).
pub fn bad_time(text: &str) -> String {
    format!(
        "parsing time {} as \"2006-01-02T15:04:05Z07:00\": cannot parse {} as \"2006\"",
        go_quote(text),
        go_quote(text)
    )
}

/// apimachinery `NewInvalid` message: `<Kind>[.<group>] "<name>" is invalid: <aggregate>`.
pub fn invalid_object(qualified_kind: &str, name: &str, causes: &[String]) -> String {
    format!(
        "{qualified_kind} {} is invalid: {}",
        go_quote(name),
        aggregate(causes)
    )
}

/// kubectl `checkErr` for a single Invalid error: `The <Kind> "<name>" is invalid: ` and the
/// causes, one per line after `* ` when there are several (`MultilineError`).
pub fn kubectl_invalid(kind: &str, name: &str, causes: &[String]) -> String {
    let prefix = format!("The {kind} {} is invalid: ", go_quote(name));
    match causes {
        [one] => format!("{prefix}{one}"),
        many => {
            let mut s = format!("{prefix}\n");
            for c in many {
                s.push_str(&format!("* {c}\n"));
            }
            s.trim_end_matches('\n').to_string()
        }
    }
}

/// go-yaml v2 `parser.alias` for `*name` without `&name`.
pub fn unknown_anchor(name: &str) -> String {
    format!("unknown anchor '{name}' referenced")
}

/// go-yaml v2 (`goyaml.v2/decode.go`) limit on alias expansion.
pub const EXCESSIVE_ALIASING: &str = "document contains excessive aliasing";

// ---------------------------------------------------------------------------------------------
// YAML problems, in go-yaml's words and in plain words
// ---------------------------------------------------------------------------------------------

/// Turns a saphyr scanner/parser message into go-yaml's wording (both descend from libyaml;
/// go-yaml prints only the problem, without libyaml's "while parsing …" context).
pub fn go_yaml_problem(saphyr: &str) -> String {
    if saphyr.starts_with("tabs disallowed") || saphyr.starts_with("unexpected character") {
        return "found character that cannot start any token".into();
    }
    let problem = match saphyr.split_once(", ") {
        Some((ctx, rest)) if ctx.starts_with("while ") => rest,
        _ => saphyr,
    };
    problem.to_string()
}

/// A plain-language explanation of a YAML syntax problem.
pub fn explain_yaml(problem: &str) -> String {
    let p = problem.to_lowercase();
    let text = if p.contains("tab") || p.contains("cannot start any token") {
        "YAML does not allow this character here; a tab used for indentation is the usual culprit: indent with spaces"
    } else if p.contains("mapping values are not allowed") {
        "a `key: value` appears where YAML did not expect one: check the indentation of this line and the one above, or quote a value that contains \": \""
    } else if p.contains("did not find expected key") || p.contains("expected '-' indicator") {
        "this line's indentation does not match its neighbours: items of one mapping or list must start in the same column"
    } else if p.contains("could not find expected ':'") || p.contains("simple key") {
        "a key is missing its colon (`key: value`), or a line is indented too far"
    } else if p.contains("end of stream") || p.contains("expected ',' or") {
        "a quote or bracket is opened but never closed"
    } else if p.contains("unknown escape") {
        "a backslash starts an unknown escape in a double-quoted string: use single quotes, or write \\\\"
    } else if p.contains("undefined alias") || p.contains("unknown anchor") {
        "this alias (*name) refers to an anchor (&name) that is not defined above it"
    } else {
        "the YAML is not well formed here"
    };
    text.to_string()
}

/// Plain words for the YAML limits and conversion problems.
pub fn too_large(bytes: usize, max: usize) -> String {
    format!(
        "kubestory reads manifests of at most {} KiB; this file is {} KiB",
        max / 1024,
        bytes.div_ceil(1024)
    )
}
/// See [`too_large`].
pub fn too_deep(max: usize) -> String {
    format!("the YAML is nested more than {max} levels deep")
}
/// See [`too_large`].
pub fn too_many_nodes(max: usize) -> String {
    format!(
        "the YAML expands to more than {max} values (aliases included): refusing a possible YAML bomb"
    )
}
/// See [`too_large`].
pub fn too_many_values(max: usize) -> String {
    format!("kubestory reads at most {max} values per file")
}
/// kubectl `YAMLReader`: `invalid Yaml document separator: <rest>`.
pub fn bad_separator(rest: &str) -> String {
    format!("invalid Yaml document separator: {rest}")
}
/// Plain words for a bad `---` line.
pub const BAD_SEPARATOR_HINT: &str =
    "only a comment may follow `---` on its line; move the content to the next line";
/// sigs.k8s.io/yaml for a null or complex map key.
pub const UNSUPPORTED_KEY: &str = "Unsupported map key of type: <nil>";
/// Plain words for [`UNSUPPORTED_KEY`].
pub const UNSUPPORTED_KEY_HINT: &str = "a mapping key must be a plain word: JSON, and so Kubernetes, has no empty, list or mapping keys";
/// go-yaml merge error.
pub const BAD_MERGE: &str = "map merge requires map or sequence of maps as the value";
/// encoding/json on `.inf`/`.nan`.
pub fn unsupported_float(text: &str) -> String {
    let v = if text.starts_with('-') {
        "-Inf"
    } else if text.to_lowercase().contains("nan") {
        "NaN"
    } else {
        "+Inf"
    };
    format!("json: unsupported value: {v}")
}

// ---------------------------------------------------------------------------------------------
// kubestory's pointer lines
// ---------------------------------------------------------------------------------------------

/// `did you mean "x"?`
pub fn did_you_mean(candidate: &str) -> String {
    format!("did you mean {}?", go_quote(candidate))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_quote_escapes_like_strconv_quote() {
        assert_eq!(go_quote("spec.accesModes"), "\"spec.accesModes\"");
        assert_eq!(go_quote("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
        assert_eq!(go_quote("é"), "\"é\"");
    }

    #[test]
    fn kubectl_multiline_invalid() {
        let causes = vec![
            "a: Required value".to_string(),
            "b: Required value".to_string(),
        ];
        assert_eq!(
            kubectl_invalid("PersistentVolumeClaim", "x", &causes),
            "The PersistentVolumeClaim \"x\" is invalid: \n* a: Required value\n* b: Required value"
        );
        assert_eq!(
            invalid_object("Deployment.apps", "x", &causes[..1]),
            "Deployment.apps \"x\" is invalid: a: Required value"
        );
    }

    #[test]
    fn quantity_hints() {
        let (_, hint) = bad_quantity("10GB");
        assert!(hint.unwrap_or_default().starts_with("write 10Gi"));
        let (_, hint) = bad_quantity("5 Gi");
        assert!(hint.unwrap_or_default().starts_with("write 5Gi"));
    }

    #[test]
    fn yaml_problem_wording() {
        assert_eq!(
            go_yaml_problem(
                "while parsing a block collection, did not find expected '-' indicator"
            ),
            "did not find expected '-' indicator"
        );
        assert_eq!(
            go_yaml_problem("tabs disallowed within this context (block indentation)"),
            "found character that cannot start any token"
        );
    }
}
