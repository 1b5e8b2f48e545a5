//! kubectl's and the API server's exact words, each citing where it comes from.

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
