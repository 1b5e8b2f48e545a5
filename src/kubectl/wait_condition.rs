//! `kubectl wait --for=…`: the conditions, checked on an object's JSON as kubectl checks the
//! object the API server returns (kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/
//! wait/wait.go`: `conditionFuncFor`, `ConditionalWait.checkCondition`,
//! `processJSONPathInput`, `splitJSONPathInput`, `JSONPathWait.checkCondition`,
//! `compareResults`). Pure: the verb ([`super::verbs::wait`]) moves the clock.

use super::get::templates::relaxed_expression;
use super::jsonpath::JsonPath;
use serde_json::Value;

/// What `--for` waits for.
#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    /// `--for=delete`: the object is gone.
    Delete,
    /// `--for=create`: the object exists.
    Create,
    /// `--for=condition=NAME[=VALUE]` (VALUE `true` by default; both compared case-folded).
    Status {
        /// The condition type (`Ready`).
        name: String,
        /// The wanted status (`true`).
        value: String,
    },
    /// `--for=jsonpath='{…}'[=VALUE]` (no value: any value will do).
    JsonPath {
        /// The parsed expression.
        path: JsonPath,
        /// The wanted value, trimmed of quotes (`None`: any).
        value: Option<String>,
    },
}

/// `splitJSONPathInput`: splits on single `=`; `==` stays in the expression.
pub fn split_jsonpath_input(input: &str) -> Vec<String> {
    let bytes = input.as_bytes();
    let mut out = Vec::new();
    let mut element = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            if i + 1 < bytes.len() && bytes[i + 1] == b'=' {
                element.extend_from_slice(b"==");
                i += 2;
                continue;
            }
            out.push(String::from_utf8_lossy(&element).into_owned());
            element.clear();
            i += 1;
            continue;
        }
        element.push(bytes[i]);
        i += 1;
    }
    out.push(String::from_utf8_lossy(&element).into_owned());
    out
}

/// `processJSONPathInput` and `newJSONPathParser`: the expression and its wanted value.
pub fn parse_jsonpath(input: &str) -> Result<(JsonPath, Option<String>), String> {
    let parts = split_jsonpath_input(input);
    if parts.is_empty() || parts.len() > 2 {
        return Err("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'".to_string());
    }
    let expr = relaxed_expression(&parts[0])?;
    let value = match parts.get(1) {
        None => None,
        Some(v) => {
            let v = v.trim_matches(|c| c == '\'' || c == '"');
            if v.is_empty() {
                return Err("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3".to_string());
            }
            Some(v.to_string())
        }
    };
    if expr.is_empty() {
        return Err("jsonpath expression cannot be empty".to_string());
    }
    let mut path = JsonPath::parse(&expr)?;
    path.allow_missing_keys = true;
    Ok((path, value))
}

impl Condition {
    /// `conditionFuncFor`: the condition `--for` names (its errors are kubectl's).
    pub fn parse(text: &str) -> Result<Condition, String> {
        let lower = text.to_lowercase();
        if lower == "delete" {
            return Ok(Condition::Delete);
        }
        if lower == "create" {
            return Ok(Condition::Create);
        }
        if let Some(rest) = text.strip_prefix("condition=") {
            let (name, value) = match rest.split_once('=') {
                Some((n, v)) => (n.to_string(), v.to_string()),
                None => (rest.to_string(), "true".to_string()),
            };
            return Ok(Condition::Status { name, value });
        }
        if let Some(input) = text.strip_prefix("jsonpath=") {
            let (path, value) = parse_jsonpath(input)?;
            return Ok(Condition::JsonPath { path, value });
        }
        Err(format!(
            "unrecognized condition: {}",
            super::goparse::quote(text)
        ))
    }

    /// Whether an existing object meets the condition (`checkCondition`); `Err` is kubectl's
    /// error for a JSONPath that finds a list, an object or several values.
    pub fn met(&self, object: &Value) -> Result<bool, String> {
        match self {
            Condition::Delete => Ok(false),
            Condition::Create => Ok(true),
            Condition::Status { name, value } => Ok(status_met(object, name, value)),
            Condition::JsonPath { path, value } => {
                let results = path.find_results(object)?;
                let Some(first) = results.first().filter(|r| !r.is_empty()) else {
                    return Ok(false);
                };
                if results.len() > 1 {
                    return Err("given jsonpath expression matches more than one list".into());
                }
                if first.len() > 1 {
                    return Err("given jsonpath expression matches more than one value".into());
                }
                let Some(value) = value else {
                    return Ok(true);
                };
                match &first[0] {
                    Value::Object(_) | Value::Array(_) => Err(
                        "jsonpath leads to a nested object or list which is not supported".into(),
                    ),
                    found => Ok(super::jsonpath::gofmt::plain(found).trim() == value.trim()),
                }
            }
        }
    }
}

/// `ConditionalWait.checkCondition`: the first condition of that type decides, unless its
/// observed generation is behind the object's.
fn status_met(object: &Value, name: &str, value: &str) -> bool {
    let Some(conditions) = object
        .pointer("/status/conditions")
        .and_then(Value::as_array)
    else {
        return false;
    };
    let generation = object
        .pointer("/metadata/generation")
        .and_then(Value::as_i64);
    for c in conditions {
        let Some(t) = c.get("type").and_then(Value::as_str) else {
            continue;
        };
        if !t.eq_ignore_ascii_case(name) {
            continue;
        }
        let Some(status) = c.get("status").and_then(Value::as_str) else {
            continue;
        };
        if let Some(generation) = generation {
            let observed = c
                .get("observedGeneration")
                .and_then(Value::as_i64)
                .or_else(|| {
                    object
                        .pointer("/status/observedGeneration")
                        .and_then(Value::as_i64)
                });
            if observed.is_some_and(|o| o < generation) {
                return false;
            }
        }
        return status.eq_ignore_ascii_case(value);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// wait_test.go `TestWaitForCondition`-style cases: the default value is `true`, values
    /// compare case-folded, a stale observedGeneration does not count.
    #[test]
    fn conditions_compare_case_folded_and_respect_observed_generation() {
        let pod = json!({"metadata": {"generation": 2}, "status": {"observedGeneration": 2,
            "conditions": [{"type": "Ready", "status": "True"}]}});
        assert!(
            Condition::parse("condition=Ready")
                .unwrap()
                .met(&pod)
                .unwrap()
        );
        assert!(
            Condition::parse("condition=ready=TRUE")
                .unwrap()
                .met(&pod)
                .unwrap()
        );
        assert!(
            !Condition::parse("condition=Ready=false")
                .unwrap()
                .met(&pod)
                .unwrap()
        );
        let stale = json!({"metadata": {"generation": 3}, "status": {"observedGeneration": 2,
            "conditions": [{"type": "Ready", "status": "True"}]}});
        assert!(
            !Condition::parse("condition=Ready")
                .unwrap()
                .met(&stale)
                .unwrap()
        );
        assert!(
            !Condition::parse("condition=Other")
                .unwrap()
                .met(&pod)
                .unwrap()
        );
    }

    /// wait_test.go `TestWaitForJSONPathCondition`: a value, any value, and the errors.
    #[test]
    fn jsonpath_conditions() {
        let pvc = json!({"status": {"phase": "Bound", "conditions": [{"type": "A"}]}});
        let bound = Condition::parse("jsonpath={.status.phase}=Bound").unwrap();
        assert!(bound.met(&pvc).unwrap());
        // The value may keep quotes the shell left (`processJSONPathInput` trims them).
        let quoted = Condition::parse("jsonpath={.status.phase}='Bound'");
        assert!(quoted.is_ok_and(|c| c.met(&pvc).unwrap()));
        assert!(
            Condition::parse("jsonpath=.status.phase")
                .unwrap()
                .met(&pvc)
                .unwrap()
        );
        assert!(
            !Condition::parse("jsonpath={.status.missing}")
                .unwrap()
                .met(&pvc)
                .unwrap()
        );
        let nested = Condition::parse("jsonpath={.status}=x").unwrap();
        assert_eq!(
            nested.met(&pvc),
            Err("jsonpath leads to a nested object or list which is not supported".into())
        );
        assert_eq!(
            Condition::parse("jsonpath={.status.phase}=").unwrap_err(),
            "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3"
        );
    }

    /// wait_test.go `TestWaitForDifferentJSONPathExpression` splitting: `==` stays.
    #[test]
    fn jsonpath_input_splits_on_single_equals() {
        assert_eq!(
            split_jsonpath_input("a.b.c====d.e.f===g.h.i==="),
            vec!["a.b.c====d.e.f==", "g.h.i==", ""]
        );
        assert_eq!(split_jsonpath_input("{.a}=1"), vec!["{.a}", "1"]);
    }

    #[test]
    fn unknown_conditions_are_refused_as_kubectl_does() {
        assert_eq!(
            Condition::parse("ready").unwrap_err(),
            "unrecognized condition: \"ready\""
        );
        assert_eq!(Condition::parse("DELETE"), Ok(Condition::Delete));
    }
}
