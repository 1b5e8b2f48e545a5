//! The `KEY=VALUE` / `KEY-` arguments of `kubectl label` and `kubectl annotate`.
//!
//! kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go`
//! (`GetResourcesAndPairs`, `ParsePairs`), `cmd/label/label.go` (`parseLabels`) and
//! `cmd/annotate/annotate.go` (`parseAnnotations`, `validateAnnotations`). Go iterates its
//! maps in random order; kubestory uses key order where kubectl's order would be random.

use crate::manifest::validate::names::is_valid_label_value;
use std::collections::BTreeMap;

/// What the pairs ask for: keys to set (in key order) and keys to remove (in the order typed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PairChanges {
    /// `KEY=VALUE`.
    pub set: BTreeMap<String, String>,
    /// `KEY-`.
    pub remove: Vec<String>,
}

impl PairChanges {
    /// Whether nothing is asked for.
    pub fn is_empty(&self) -> bool {
        self.set.is_empty() && self.remove.is_empty()
    }
}

/// `GetResourcesAndPairs`: resource words first, then pairs; `pair_type` is `label` or
/// `annotation`.
pub fn resources_and_pairs(
    args: &[String],
    pair_type: &str,
) -> Result<(Vec<String>, Vec<String>), String> {
    let mut resources = Vec::new();
    let mut pairs = Vec::new();
    for s in args {
        let non_resource =
            (s.contains('=') && !s.starts_with('=')) || (s.ends_with('-') && s != "-");
        match (pairs.is_empty(), non_resource) {
            (_, true) => pairs.push(s.clone()),
            (true, false) => resources.push(s.clone()),
            (false, false) => {
                return Err(format!(
                    "all resources must be specified before {pair_type} changes: {s}"
                ));
            }
        }
    }
    Ok((resources, pairs))
}

/// label.go `parseLabels`: values are checked here (keys by the API server).
pub fn parse_labels(specs: &[String]) -> Result<PairChanges, String> {
    let mut out = PairChanges::default();
    for spec in specs {
        if spec.contains('=') {
            let parts: Vec<&str> = spec.split('=').collect();
            if parts.len() != 2 {
                return Err(format!("invalid label spec: {spec}"));
            }
            let errs = is_valid_label_value(parts[1]);
            if !errs.is_empty() {
                return Err(format!(
                    "invalid label value: {}: {}",
                    super::goparse::quote(spec),
                    errs.join(";")
                ));
            }
            out.set.insert(parts[0].to_string(), parts[1].to_string());
        } else if let Some(key) = spec.strip_suffix('-') {
            out.remove.push(key.to_string());
        } else {
            return Err(format!("unknown label spec: {spec}"));
        }
    }
    if out.remove.iter().any(|k| out.set.contains_key(k)) {
        return Err("can not both modify and remove a label in the same command".to_string());
    }
    Ok(out)
}

/// annotate.go `parseAnnotations` (`ParsePairs(…, "annotation", true)`): a value may hold `=`.
pub fn parse_annotations(specs: &[String]) -> Result<PairChanges, String> {
    let mut out = PairChanges::default();
    let mut invalid: Vec<&str> = Vec::new();
    for spec in specs {
        if spec.contains('=') && !spec.starts_with('=') {
            if let Some((k, v)) = spec.split_once('=') {
                out.set.insert(k.to_string(), v.to_string());
            }
        } else if spec.ends_with('-') && spec != "-" {
            out.remove.push(spec[..spec.len() - 1].to_string());
        } else {
            invalid.push(spec);
        }
    }
    if !invalid.is_empty() {
        return Err(format!("invalid annotation format: {}", invalid.join(", ")));
    }
    Ok(out)
}

/// annotate.go `validateAnnotations`: a key both set and removed.
pub fn validate_annotations(changes: &PairChanges) -> Result<(), String> {
    let both: Vec<&str> = changes
        .remove
        .iter()
        .filter(|k| changes.set.contains_key(*k))
        .map(String::as_str)
        .collect();
    if both.is_empty() {
        return Ok(());
    }
    Err(format!(
        "can not both modify and remove the following annotation(s) in the same command: {}",
        both.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    /// helpers_test.go `TestGetResourcesAndPairs` cases.
    #[test]
    fn resources_come_before_pairs() {
        let (r, p) = resources_and_pairs(&words("pod x a=b c-"), "label").unwrap();
        assert_eq!((r, p), (words("pod x"), words("a=b c-")));
        let (r, p) = resources_and_pairs(&words("pod =x -"), "label").unwrap();
        assert_eq!((r, p), (words("pod =x -"), vec![]));
        assert_eq!(
            resources_and_pairs(&words("pod a=b x"), "label").unwrap_err(),
            "all resources must be specified before label changes: x"
        );
    }

    /// label_test.go `TestParseLabels`.
    #[test]
    fn labels_parse_like_parse_labels() {
        let c = parse_labels(&words("a=b c- e=")).unwrap();
        assert_eq!(c.set.get("a").map(String::as_str), Some("b"));
        assert_eq!(c.set.get("e").map(String::as_str), Some(""));
        assert_eq!(c.remove, vec!["c"]);
        assert_eq!(
            parse_labels(&words("a=b=c")).unwrap_err(),
            "invalid label spec: a=b=c"
        );
        assert_eq!(
            parse_labels(&words("a=b a-")).unwrap_err(),
            "can not both modify and remove a label in the same command"
        );
        let e = parse_labels(&words("a=-bad")).unwrap_err();
        assert!(
            e.starts_with("invalid label value: \"a=-bad\": a valid label must be an empty string"),
            "{e}"
        );
    }

    /// annotate_test.go `TestParseAnnotations` / `TestValidateAnnotationOverwrites`.
    #[test]
    fn annotations_may_hold_equals_signs() {
        let c = parse_annotations(&words("url=http://x/?a=b note-")).unwrap();
        assert_eq!(c.set.get("url").map(String::as_str), Some("http://x/?a=b"));
        assert_eq!(c.remove, vec!["note"]);
        let both = parse_annotations(&words("a=1 a- b=2 b-")).unwrap();
        assert_eq!(
            validate_annotations(&both).unwrap_err(),
            "can not both modify and remove the following annotation(s) in the same command: a, b"
        );
    }
}
