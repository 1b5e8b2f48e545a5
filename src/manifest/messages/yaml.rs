//! YAML problems, in go-yaml's words and in plain words.

/// Turns a saphyr scanner/parser message into go-yaml's wording (both descend from libyaml;
/// go-yaml prints only the problem, without libyaml's "while parsing …" context).
pub fn go_yaml_problem(saphyr: &str) -> String {
    if saphyr.starts_with("tabs disallowed") || saphyr.starts_with("unexpected character") {
        return "found character that cannot start any token".into();
    }
    // libyaml's (and go-yaml's) words for a tab inside a plain scalar's indentation, as
    // kubectl prints them ("yaml: line 19: found a tab character that violates indentation").
    if saphyr.ends_with("found a tab") {
        return "found a tab character that violates indentation".into();
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
