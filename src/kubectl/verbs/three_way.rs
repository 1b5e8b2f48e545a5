//! The patch `kubectl apply` sends for an existing object, as shown in its `error when
//! applying patch:` message: a simplified `strategicpatch.CreateThreeWayMergePatch(original,
//! modified, current)` (kubernetes/kubernetes `staging/src/k8s.io/apimachinery/pkg/util/
//! strategicpatch/patch.go`): fields the last applied configuration had and the new file
//! drops become `null`, fields of the file that differ from the live object are sent.
//!
//! Simplification: lists are sent whole when they differ (no `$setElementOrder` directives
//! or per-item merge keys), so the text can differ from kubectl's for list changes.

use super::gojson;
use super::objects::LAST_APPLIED;
use crate::sim::Object;
use serde_json::{Map, Value};

/// The compact JSON patch for applying `modified` over `current`.
pub fn patch_text(current: &Object, modified: &Value) -> String {
    let original = current
        .metadata()
        .annotations
        .get(LAST_APPLIED)
        .and_then(|t| serde_json::from_str::<Value>(t).ok())
        .unwrap_or(Value::Null);
    let patch = three_way(&original, modified, &current.to_value());
    gojson::marshal(&Value::Object(patch))
}

fn three_way(original: &Value, modified: &Value, current: &Value) -> Map<String, Value> {
    let mut patch = Map::new();
    let (Some(m), c) = (modified.as_object(), current.as_object()) else {
        return patch;
    };
    if let Some(o) = original.as_object() {
        for key in o.keys() {
            if !m.contains_key(key) && c.is_some_and(|c| c.contains_key(key)) {
                patch.insert(key.clone(), Value::Null);
            }
        }
    }
    for (key, new) in m {
        let old = c.and_then(|c| c.get(key));
        if old == Some(new) {
            continue;
        }
        match (new, old) {
            (Value::Object(_), Some(Value::Object(_))) => {
                let orig = original.get(key).unwrap_or(&Value::Null);
                let sub = three_way(orig, new, old.unwrap_or(&Value::Null));
                if !sub.is_empty() {
                    patch.insert(key.clone(), Value::Object(sub));
                }
            }
            _ => {
                patch.insert(key.clone(), new.clone());
            }
        }
    }
    patch
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sends_changes_and_deletions_only() {
        let original = json!({"spec": {"a": 1, "b": 2}});
        let modified = json!({"spec": {"a": 3}, "kind": "X"});
        let current = json!({"spec": {"a": 1, "b": 2, "c": 4}, "kind": "X"});
        let p = three_way(&original, &modified, &current);
        assert_eq!(
            gojson::marshal(&Value::Object(p)),
            r#"{"spec":{"a":3,"b":null}}"#
        );
    }
}
