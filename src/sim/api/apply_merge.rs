//! Client-side apply's three-way merge (kubectl `apply`, `strategicpatch.
//! CreateThreeWayMergePatch`): the live object, the configuration last applied (the
//! `kubectl.kubernetes.io/last-applied-configuration` annotation) and the new manifest.
//! A field the last configuration had and the new one drops is removed; a field nobody applied
//! (defaulted by the API, set by a controller) is kept; the new manifest's fields win.
//!
//! Simplification: lists are replaced whole rather than merged by key; the API defaults that
//! live inside list items (container fields) are re-applied by the update path.

use serde_json::Value;

/// The annotation where kubectl keeps the configuration it last applied.
pub const LAST_APPLIED: &str = "kubectl.kubernetes.io/last-applied-configuration";

/// Merges `new` over `live`, removing what `last` had and `new` no longer has. An explicit
/// `null` in `new` removes the field too.
pub fn three_way_merge(live: &Value, last: &Value, new: &Value) -> Value {
    match (live, new) {
        (Value::Object(l), Value::Object(n)) => {
            let mut out = l.clone();
            if let Value::Object(previous) = last {
                for key in previous.keys() {
                    if !n.contains_key(key) {
                        out.remove(key);
                    }
                }
            }
            for (key, value) in n {
                if value.is_null() {
                    out.remove(key);
                    continue;
                }
                let merged = three_way_merge(
                    l.get(key).unwrap_or(&Value::Null),
                    last.get(key).unwrap_or(&Value::Null),
                    value,
                );
                out.insert(key.clone(), merged);
            }
            Value::Object(out)
        }
        _ => new.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dropped_fields_go_system_fields_stay() {
        let live = json!({"metadata":{"labels":{"a":"1","b":"2"},"uid":"u"},"spec":{"class":"standard","size":"1Gi"}});
        let last = json!({"metadata":{"labels":{"a":"1","b":"2"}},"spec":{"size":"1Gi"}});
        let new = json!({"metadata":{"labels":{"a":"1"}},"spec":{"size":"2Gi"}});
        assert_eq!(
            three_way_merge(&live, &last, &new),
            json!({"metadata":{"labels":{"a":"1"},"uid":"u"},"spec":{"class":"standard","size":"2Gi"}})
        );
    }

    #[test]
    fn without_a_last_applied_configuration_nothing_is_removed() {
        let live = json!({"spec":{"a":1,"b":2}});
        assert_eq!(
            three_way_merge(&live, &Value::Null, &json!({"spec":{"a":3}})),
            json!({"spec":{"a":3,"b":2}})
        );
    }
}
