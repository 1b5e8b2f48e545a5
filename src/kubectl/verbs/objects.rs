//! The objects read from `-f` files, as cli-runtime's builder hands them to a verb: each with
//! its namespace settled (`NamespaceParam(ns).DefaultNamespace()`, `RequireNamespace` when
//! `-n` is given, `FilterNamespace` for cluster-scoped kinds; cli-runtime
//! `resource/visitor.go`), its printed names, and the live object it refers to.

use super::gojson;
use super::problems::Problem;
use crate::kubectl::Flags;
use crate::manifest::{Document, kinds, messages as msg};
use crate::sim::{Cluster, Object};
use serde_json::{Map, Value};

/// The annotation where kubectl keeps the configuration it last applied (the simulator's
/// apply merges against it).
pub use crate::sim::api::LAST_APPLIED;

/// One object from a file, ready to send.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The file name as shown in messages.
    pub file: String,
    /// The loaded document (its `object` and `value` carry the settled namespace).
    pub doc: Document,
    /// The namespace of a namespaced object; `None` for cluster-scoped ones.
    pub namespace: Option<String>,
}

impl Item {
    /// Settles the namespace of a document (`SetNamespace`, `RequireNamespace`,
    /// `FilterNamespace`); kubectl's client error when it contradicts `-n`.
    pub fn place(file: &str, mut doc: Document, flags: &Flags) -> Result<Item, Problem> {
        let namespace = if doc.namespaced {
            let wanted = flags.namespace_or_default().to_string();
            match doc.namespace.clone() {
                Some(own) if flags.namespace.is_some() && own != wanted => {
                    return Err(Problem::Client(format!(
                        "the namespace from the provided object {} does not match the namespace {}. You must pass '--namespace={own}' to perform this operation.",
                        msg::go_quote(&own),
                        msg::go_quote(&wanted)
                    )));
                }
                Some(own) => Some(own),
                None => Some(wanted),
            }
        } else {
            None
        };
        doc.object.metadata_mut().namespace = namespace.clone();
        if let Some(meta) = doc.value.get_mut("metadata").and_then(Value::as_object_mut) {
            match &namespace {
                Some(ns) => {
                    meta.insert("namespace".into(), Value::String(ns.clone()));
                }
                None => {
                    meta.remove("namespace");
                }
            }
        }
        Ok(Item {
            file: file.to_string(),
            doc,
            namespace,
        })
    }

    /// The name printer's prefix: `persistentvolumeclaim`, `deployment.apps`, `service`,
    /// `ingress.networking.k8s.io`.
    pub fn prefix(&self) -> String {
        qualified(&self.doc.kind, &self.doc.api_version)
    }

    /// The namespace for lookups (`""` for cluster-scoped objects).
    pub fn ns(&self) -> &str {
        self.namespace.as_deref().unwrap_or("")
    }

    /// The object as it is now in the cluster, if it exists.
    pub fn current(&self, cluster: &Cluster) -> Option<Object> {
        current(
            cluster,
            &self.doc.kind,
            self.namespace.as_deref(),
            &self.doc.name,
        )
    }

    /// Whether the object's labels match `-l` (`LabelSelectorParam` on files).
    pub fn matches(&self, flags: &Flags) -> bool {
        flags.selector.matches(&self.doc.object.metadata().labels)
    }

    /// `util.CreateApplyAnnotation` / `GetModifiedConfiguration`: stores the object's own JSON
    /// (keys sorted, annotations without this one) in the last-applied annotation.
    pub fn annotate_last_applied(&mut self) {
        let text = last_applied(&self.doc.value);
        set_annotation(&mut self.doc.value, &text);
        self.doc
            .object
            .metadata_mut()
            .annotations
            .insert(LAST_APPLIED.to_string(), text);
    }
}

/// `strings.ToLower(kind)[.group]`, as `NamePrinter` and `delete` print an object.
pub fn qualified(kind: &str, api_version: &str) -> String {
    match api_version.split_once('/') {
        Some((group, _)) if !group.is_empty() => format!("{}.{group}", kind.to_ascii_lowercase()),
        _ => kind.to_ascii_lowercase(),
    }
}

/// `<plural>[.<group>]` as the API server names a resource in errors
/// (`persistentvolumeclaims`, `ingresses.networking.k8s.io`).
pub fn resource_name(kind: &str, api_version: &str) -> String {
    let plural = plural(kind, api_version);
    match api_version.split_once('/') {
        Some((group, _)) if !group.is_empty() => format!("{plural}.{group}"),
        _ => plural,
    }
}

/// The lowercase plural resource of a kind (`persistentvolumeclaims`, `ingresses`).
pub fn plural(kind: &str, api_version: &str) -> String {
    if let Some(k) = crate::sim::Kind::from_name(kind) {
        return k.plural().to_string();
    }
    kinds::resolve(api_version, kind)
        .map(|e| e.plural.clone())
        .unwrap_or_else(|_| format!("{}s", kind.to_ascii_lowercase()))
}

/// The live object of a kind named as in a manifest (simulated or not).
pub fn current(cluster: &Cluster, kind: &str, ns: Option<&str>, name: &str) -> Option<Object> {
    use crate::sim::Kind;
    if let Some(k) = Kind::from_name(kind).filter(|k| !matches!(k, Kind::Node | Kind::Event)) {
        return cluster.get_object(k, ns.unwrap_or(""), name);
    }
    cluster
        .unsimulated()
        .find(|u| {
            u.kind == kind && u.metadata.name == name && u.metadata.namespace.as_deref() == ns
        })
        .map(|u| Object::Unsimulated(u.clone()))
}

/// The annotation's text for a manifest value: compact JSON with a final newline.
pub fn last_applied(value: &Value) -> String {
    let mut v = value.clone();
    if let Some(meta) = v.get_mut("metadata").and_then(Value::as_object_mut) {
        let annotations = meta
            .entry("annotations")
            .or_insert_with(|| Value::Object(Map::new()));
        match annotations.as_object_mut() {
            Some(a) => {
                a.remove(LAST_APPLIED);
            }
            None => *annotations = Value::Object(Map::new()),
        }
    }
    format!("{}\n", gojson::marshal(&v))
}

fn set_annotation(value: &mut Value, text: &str) {
    if let Some(meta) = value.get_mut("metadata").and_then(Value::as_object_mut) {
        let annotations = meta
            .entry("annotations")
            .or_insert_with(|| Value::Object(Map::new()));
        if !annotations.is_object() {
            *annotations = Value::Object(Map::new());
        }
        if let Some(a) = annotations.as_object_mut() {
            a.insert(LAST_APPLIED.into(), Value::String(text.to_string()));
        }
    }
}

/// kubectl's `-o yaml|json` wrapper for several objects printed at once (`corev1.List` with
/// empty list metadata, as `apply` builds it).
pub fn list_of(items: Vec<Value>) -> Value {
    serde_json::json!({
        "apiVersion": "v1",
        "items": items,
        "kind": "List",
        "metadata": {},
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn last_applied_has_empty_annotations_and_sorted_keys() {
        let v = json!({"kind": "PersistentVolumeClaim", "apiVersion": "v1",
                       "metadata": {"name": "x", "namespace": "default"}});
        assert_eq!(
            last_applied(&v),
            "{\"apiVersion\":\"v1\",\"kind\":\"PersistentVolumeClaim\",\"metadata\":{\"annotations\":{},\"name\":\"x\",\"namespace\":\"default\"}}\n"
        );
    }

    #[test]
    fn qualified_names_follow_the_name_printer() {
        assert_eq!(qualified("Deployment", "apps/v1"), "deployment.apps");
        assert_eq!(qualified("Service", "v1"), "service");
        assert_eq!(
            resource_name("Ingress", "networking.k8s.io/v1"),
            "ingresses.networking.k8s.io"
        );
        assert_eq!(
            resource_name("PersistentVolumeClaim", "v1"),
            "persistentvolumeclaims"
        );
    }
}
