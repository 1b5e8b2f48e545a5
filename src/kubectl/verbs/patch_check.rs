//! What the API server does with a patched object before storing it: decoding with field
//! validation `Warn` (the default when kubectl sends none: unknown fields are dropped and
//! reported as `Warning: unknown field "spec.x"`), then validation (`The PersistentVolume "x"
//! is invalid: …`). kubestory runs the patched object through the manifest loader, which
//! holds the same schema and validation rules as `kubectl apply`.

use super::gojson;
use super::problems::{Invalid, Problem};
use crate::manifest::{self, FailureKind, kinds, strict, yaml};
use crate::sim::Object;
use serde_json::Value;

/// A patched object the API server accepts, with its warnings.
pub struct Checked {
    /// The typed object to store.
    pub object: Object,
    /// `unknown field "…"` warnings, in the API server's order.
    pub warnings: Vec<String>,
}

/// Decodes and validates a patched object.
pub fn check(mut value: Value) -> Result<Checked, Problem> {
    if let Value::Object(map) = &mut value {
        // The main resource ignores status changes.
        map.remove("status");
    }
    let kind = value
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let api_version = value
        .get("apiVersion")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let mut warnings = Vec::new();
    if let Some(type_name) = kinds::resolve(&api_version, &kind)
        .ok()
        .and_then(|e| e.schema.clone())
    {
        let text = gojson::marshal(&value);
        let parsed = yaml::parse_file(&text);
        if let Some(root) = parsed.documents.first().and_then(|d| d.root.as_ref()) {
            let report = strict::check(root, &type_name);
            if let Some(t) = report
                .types
                .iter()
                .find(|t| t.fatal)
                .or(report.types.first())
            {
                let version = api_version.rsplit('/').next().unwrap_or("v1");
                return Err(Problem::status(
                    "BadRequest",
                    manifest::messages::cannot_be_handled(&kind, version, &t.server),
                ));
            }
            for issue in &report.strict {
                if !warnings.contains(&issue.server) {
                    warnings.push(issue.server.clone());
                }
                remove_path(&mut value, &issue.path);
            }
        }
    }
    let text = gojson::marshal(&value);
    match manifest::load("patch", &text) {
        Ok(mut docs) if !docs.is_empty() => Ok(Checked {
            object: docs.remove(0).object,
            warnings,
        }),
        Ok(_) => Err(Problem::status("BadRequest", "empty object")),
        Err(e) => {
            let Some(f) = e.failures.into_iter().next() else {
                return Err(Problem::status("BadRequest", "empty object"));
            };
            Err(match f.kind {
                FailureKind::Invalid => Problem::Api {
                    reason: "Invalid".into(),
                    message: f.reason.clone(),
                    invalid: Some(Box::new(Invalid {
                        kind: f.object.kind.clone(),
                        name: f.object.name.clone(),
                        causes: f.causes.clone(),
                    })),
                },
                _ => Problem::status("BadRequest", f.reason.clone()),
            })
        }
    }
}

/// Removes the field at a path in kubectl's notation (`spec.containers[0].imagee`).
fn remove_path(value: &mut Value, path: &str) {
    let mut steps: Vec<Result<String, usize>> = Vec::new();
    for part in path.split('.') {
        let mut rest = part;
        if let Some(i) = rest.find('[') {
            steps.push(Ok(rest[..i].to_string()));
            rest = &rest[i..];
            while let Some(end) = rest.find(']') {
                if let Ok(n) = rest[1..end].parse::<usize>() {
                    steps.push(Err(n));
                }
                rest = &rest[end + 1..];
            }
        } else {
            steps.push(Ok(rest.to_string()));
        }
    }
    let Some((last, parents)) = steps.split_last() else {
        return;
    };
    let mut node = value;
    for step in parents {
        let next = match step {
            Ok(key) => node.get_mut(key.as_str()),
            Err(i) => node.get_mut(*i),
        };
        match next {
            Some(n) => node = n,
            None => return,
        }
    }
    if let (Ok(key), Value::Object(map)) = (last, node) {
        map.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_fields_are_dropped_with_a_warning() {
        let pv = json!({"apiVersion": "v1", "kind": "PersistentVolume",
            "metadata": {"name": "pv"},
            "spec": {"capacity": {"storage": "1Gi"}, "accessModes": ["ReadWriteOnce"],
                     "hostPath": {"path": "/data"}, "claimref": null, "storageClassName": "x"}});
        let checked = check(pv);
        let Ok(c) = checked else {
            panic!("refused");
        };
        assert_eq!(
            c.warnings,
            vec!["unknown field \"spec.claimref\"".to_string()]
        );
    }

    #[test]
    fn invalid_objects_are_refused_with_details() {
        let pvc = json!({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
            "metadata": {"name": "c"}, "spec": {"resources": {"requests": {"storage": "1Gi"}}}});
        match check(pvc) {
            Err(Problem::Api {
                invalid: Some(inv), ..
            }) => {
                assert_eq!(inv.kind, "PersistentVolumeClaim");
                assert!(inv.causes[0].starts_with("spec.accessModes"));
            }
            _ => panic!("expected Invalid"),
        }
    }
}
