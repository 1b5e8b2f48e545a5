//! The three patch formats of `kubectl patch --type`, applied to an object's JSON:
//! - `merge`: RFC 7386 JSON merge patch (objects merge, `null` deletes, anything else
//!   replaces, lists included);
//! - `strategic` (the default): a merge patch with Kubernetes' list rules
//!   (apimachinery `util/strategicpatch/patch.go`). kubestory knows the merge keys of the
//!   lists in the kinds it simulates: `containers`, `initContainers`, `ephemeralContainers`,
//!   `volumes`, `env`, `imagePullSecrets`, `resourceClaims` by `name`; `volumeMounts` by
//!   `mountPath`; `volumeDevices` by `devicePath`; `ports` by `containerPort`; `taints` by
//!   `key`; `ownerReferences` by `uid`; `finalizers` as a set of strings. Items merge by key,
//!   new items are appended, `$patch: delete` removes an item and `$patch: replace` replaces
//!   the list or map; other lists are replaced whole. `$setElementOrder/…` and `$retainKeys`
//!   directives are accepted and ignored;
//! - `json`: RFC 6902 JSON patch (`add`, `remove`, `replace`, `move`, `copy`, `test`).

use serde_json::{Map, Value};

/// RFC 7386: `target` merged with `patch`.
pub fn merge_patch(target: &Value, patch: &Value) -> Value {
    let Value::Object(p) = patch else {
        return patch.clone();
    };
    let mut out = match target {
        Value::Object(t) => t.clone(),
        _ => Map::new(),
    };
    for (key, value) in p {
        if value.is_null() {
            out.remove(key);
        } else {
            let merged = merge_patch(out.get(key).unwrap_or(&Value::Null), value);
            out.insert(key.clone(), merged);
        }
    }
    Value::Object(out)
}

/// The merge key of a list field, or `Some("")` for a list of strings merged as a set.
fn merge_key(field: &str) -> Option<&'static str> {
    Some(match field {
        "containers"
        | "initContainers"
        | "ephemeralContainers"
        | "volumes"
        | "env"
        | "imagePullSecrets"
        | "resourceClaims" => "name",
        "volumeMounts" => "mountPath",
        "volumeDevices" => "devicePath",
        "ports" => "containerPort",
        "taints" => "key",
        "ownerReferences" => "uid",
        "finalizers" => "",
        _ => return None,
    })
}

/// A strategic merge patch (see the module documentation for what is supported).
pub fn strategic_merge(target: &Value, patch: &Value) -> Value {
    let Value::Object(p) = patch else {
        return patch.clone();
    };
    if p.get("$patch").and_then(Value::as_str) == Some("replace") {
        let mut replaced = p.clone();
        replaced.remove("$patch");
        return Value::Object(strip_directives(replaced));
    }
    if p.get("$patch").and_then(Value::as_str) == Some("delete") {
        return Value::Null;
    }
    let mut out = match target {
        Value::Object(t) => t.clone(),
        _ => Map::new(),
    };
    for (key, value) in p {
        if key.starts_with('$') || key.starts_with("$setElementOrder/") {
            continue;
        }
        if value.is_null() {
            out.remove(key);
            continue;
        }
        let current = out.get(key).cloned().unwrap_or(Value::Null);
        let merged = match (value, merge_key(key)) {
            (Value::Array(items), Some(k)) => merge_list(&current, items, k),
            (Value::Object(_), _) => strategic_merge(&current, value),
            (other, _) => other.clone(),
        };
        if merged.is_null() {
            out.remove(key);
        } else {
            out.insert(key.clone(), merged);
        }
    }
    Value::Object(out)
}

fn strip_directives(mut map: Map<String, Value>) -> Map<String, Value> {
    map.retain(|k, _| !k.starts_with('$'));
    map
}

fn merge_list(current: &Value, patch: &[Value], key: &str) -> Value {
    let mut items: Vec<Value> = current.as_array().cloned().unwrap_or_default();
    if key.is_empty() {
        for p in patch {
            if !items.contains(p) {
                items.push(p.clone());
            }
        }
        return Value::Array(items);
    }
    if patch
        .iter()
        .any(|p| p.get("$patch").and_then(Value::as_str) == Some("replace"))
    {
        let kept = patch
            .iter()
            .filter(|p| p.get("$patch").is_none())
            .cloned()
            .collect();
        return Value::Array(kept);
    }
    for p in patch {
        let id = p.get(key);
        let pos = id.and_then(|id| items.iter().position(|i| i.get(key) == Some(id)));
        let delete = p.get("$patch").and_then(Value::as_str) == Some("delete");
        match (pos, delete) {
            (Some(i), true) => {
                items.remove(i);
            }
            (None, true) => {}
            (Some(i), false) => items[i] = strategic_merge(&items[i], p),
            (None, false) => items.push(strategic_merge(&Value::Null, p)),
        }
    }
    Value::Array(items)
}

/// RFC 6902 on `target`. The error text is evanphx/json-patch's; the API server replaces it
/// with a generic message anyway.
pub fn json_patch(target: &Value, ops: &[Value]) -> Result<Value, String> {
    let mut doc = target.clone();
    for op in ops {
        let kind = op.get("op").and_then(Value::as_str).unwrap_or("");
        let path = op.get("path").and_then(Value::as_str).unwrap_or("");
        match kind {
            "add" => add(&mut doc, path, value_of(op)?)?,
            "remove" => {
                remove(&mut doc, path)?;
            }
            "replace" => {
                remove(&mut doc, path)?;
                add(&mut doc, path, value_of(op)?)?;
            }
            "move" | "copy" => {
                let from = op.get("from").and_then(Value::as_str).unwrap_or("");
                let value = if kind == "move" {
                    remove(&mut doc, from)?
                } else {
                    doc.pointer(from).cloned().ok_or("copy: missing from")?
                };
                add(&mut doc, path, value)?;
            }
            "test" => {
                if doc.pointer(path) != Some(&value_of(op)?) {
                    return Err("testing value failed".into());
                }
            }
            other => return Err(format!("Unexpected kind: {other}")),
        }
    }
    Ok(doc)
}

fn value_of(op: &Value) -> Result<Value, String> {
    op.get("value")
        .cloned()
        .ok_or_else(|| "missing value".to_string())
}

/// Splits a JSON pointer into its parent pointer and unescaped last token.
fn split(path: &str) -> Result<(&str, String), String> {
    let i = path.rfind('/').ok_or("invalid path")?;
    let token = path[i + 1..].replace("~1", "/").replace("~0", "~");
    Ok((&path[..i], token))
}

fn add(doc: &mut Value, path: &str, value: Value) -> Result<(), String> {
    if path.is_empty() {
        *doc = value;
        return Ok(());
    }
    let (parent, token) = split(path)?;
    match doc.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.insert(token, value);
            Ok(())
        }
        Some(Value::Array(list)) => {
            let i = if token == "-" {
                list.len()
            } else {
                token.parse::<usize>().map_err(|_| "invalid index")?
            };
            if i > list.len() {
                return Err("index out of bounds".into());
            }
            list.insert(i, value);
            Ok(())
        }
        _ => Err(format!("doc is missing path: {path}")),
    }
}

fn remove(doc: &mut Value, path: &str) -> Result<Value, String> {
    let (parent, token) = split(path)?;
    match doc.pointer_mut(parent) {
        Some(Value::Object(map)) => map
            .remove(&token)
            .ok_or_else(|| format!("doc is missing key: {path}")),
        Some(Value::Array(list)) => {
            let i = token.parse::<usize>().map_err(|_| "invalid index")?;
            if i >= list.len() {
                return Err("index out of bounds".into());
            }
            Ok(list.remove(i))
        }
        _ => Err(format!("doc is missing path: {path}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_patch_deletes_with_null_and_replaces_lists() {
        let t = json!({"spec": {"claimRef": {"name": "a"}, "accessModes": ["RWO"], "x": 1}});
        let p = json!({"spec": {"claimRef": null, "accessModes": ["RWX"]}});
        assert_eq!(
            merge_patch(&t, &p),
            json!({"spec": {"accessModes": ["RWX"], "x": 1}})
        );
    }

    #[test]
    fn strategic_merges_containers_by_name() {
        let t = json!({"spec": {"containers": [{"name": "a", "image": "x"}, {"name": "b", "image": "y"}]}});
        let p = json!({"spec": {"containers": [{"name": "b", "image": "z"}, {"name": "c", "image": "w"}]}});
        assert_eq!(
            strategic_merge(&t, &p),
            json!({"spec": {"containers": [
                {"name": "a", "image": "x"}, {"name": "b", "image": "z"}, {"name": "c", "image": "w"}]}})
        );
        let d = json!({"spec": {"containers": [{"name": "a", "$patch": "delete"}]}});
        assert_eq!(
            strategic_merge(&t, &d),
            json!({"spec": {"containers": [{"name": "b", "image": "y"}]}})
        );
        let f = json!({"metadata": {"finalizers": ["x"]}});
        let tf = json!({"metadata": {"finalizers": ["kubernetes.io/pvc-protection"]}});
        assert_eq!(
            strategic_merge(&tf, &f),
            json!({"metadata": {"finalizers": ["kubernetes.io/pvc-protection", "x"]}})
        );
    }

    #[test]
    fn json_patch_ops() {
        let t = json!({"spec": {"a": [1, 2], "b": {"c~/": 1}}});
        let ops = json!([
            {"op": "add", "path": "/spec/a/-", "value": 3},
            {"op": "remove", "path": "/spec/b/c~0~1"},
            {"op": "replace", "path": "/spec/a/0", "value": 0},
            {"op": "test", "path": "/spec/a/2", "value": 3}
        ]);
        let ops = ops.as_array().cloned().unwrap_or_default();
        assert_eq!(
            json_patch(&t, &ops),
            Ok(json!({"spec": {"a": [0, 2, 3], "b": {}}}))
        );
        let bad = vec![json!({"op": "replace", "path": "/spec/zz", "value": 1})];
        assert!(json_patch(&t, &bad).is_err());
    }
}

/// RFC 7386's inverse: the merge patch that turns `original` into `modified` (evanphx/json-
/// patch `CreateMergePatch`, which `kubectl edit` uses for types without a strategic schema):
/// keys that went away become `null`, objects are diffed key by key, anything else that
/// changed (lists included) is replaced whole. `None` when nothing changed.
pub fn create_merge_patch(original: &Value, modified: &Value) -> Option<Value> {
    match (original, modified) {
        (Value::Object(o), Value::Object(m)) => {
            let mut patch = Map::new();
            for (key, value) in m {
                match o.get(key) {
                    Some(before) => {
                        if let Some(p) = create_merge_patch(before, value) {
                            patch.insert(key.clone(), p);
                        }
                    }
                    None => {
                        patch.insert(key.clone(), value.clone());
                    }
                }
            }
            for key in o.keys().filter(|k| !m.contains_key(*k)) {
                patch.insert(key.clone(), Value::Null);
            }
            (!patch.is_empty()).then_some(Value::Object(patch))
        }
        _ if original == modified => None,
        _ => Some(modified.clone()),
    }
}

#[cfg(test)]
mod create_merge_patch_tests {
    use super::*;
    use serde_json::json;

    /// Cases after evanphx/json-patch `merge_test.go` (`TestCreateMergePatch*`): applying the
    /// created patch to the original gives the modified document back.
    #[test]
    fn created_patches_round_trip_as_json_patch_merge_test_does() {
        let cases = [
            (json!({"a": 1, "b": 2}), json!({"a": 1, "b": 3})),
            (json!({"a": 1, "b": 2}), json!({"a": 1})),
            (json!({"a": {"b": 1}}), json!({"a": {"b": 1, "c": [1, 2]}})),
            (json!({"a": [1, 2, 3]}), json!({"a": [1, 3]})),
            (json!({"a": {"b": {"c": 1}}}), json!({"a": {"b": {}}})),
        ];
        for (original, modified) in cases {
            let patch = create_merge_patch(&original, &modified).expect("a change");
            assert_eq!(merge_patch(&original, &patch), modified, "{patch}");
        }
        assert_eq!(create_merge_patch(&json!({"a": 1}), &json!({"a": 1})), None);
        assert_eq!(
            create_merge_patch(&json!({"a": 1, "b": 2}), &json!({"b": 2})),
            Some(json!({"a": null}))
        );
    }
}
