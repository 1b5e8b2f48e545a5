//! Object metadata, owner references, label selectors and object references.

use super::Extra;
use crate::sim::SimTime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `metadata` of every object.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectMeta {
    /// The object's name (unique per kind and namespace).
    #[serde(default)]
    pub name: String,
    /// `generateName` prefix, used when `name` is empty (only with `create`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generate_name: Option<String>,
    /// The namespace of a namespaced object; `None` for cluster-scoped ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// Unique id assigned at creation. A recreated object with the same name gets a new one,
    /// which is why a Released PV is not re-bound to a new claim of the same name (§3.2).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub uid: String,
    /// Bumped on every change, as `resourceVersion` is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub resource_version: String,
    /// Spec generation, bumped when the spec changes.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub generation: i64,
    /// When the object was created (simulated clock).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creation_timestamp: Option<SimTime>,
    /// Set when deletion was requested but finalizers or a graceful stop still hold the object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deletion_timestamp: Option<SimTime>,
    /// Labels.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    /// Annotations (binding state lives here: `pv.kubernetes.io/bind-completed`…).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
    /// Finalizers (`kubernetes.io/pvc-protection`, `kubernetes.io/pv-protection`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub finalizers: Vec<String>,
    /// Owners, for garbage collection (Deployment → ReplicaSet → Pod).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owner_references: Vec<OwnerReference>,
    /// Everything else (managedFields…).
    #[serde(flatten)]
    pub extra: Extra,
}

fn is_zero(n: &i64) -> bool {
    *n == 0
}

impl ObjectMeta {
    /// Metadata with just a name (and a namespace for namespaced objects).
    pub fn named(name: &str, namespace: Option<&str>) -> ObjectMeta {
        ObjectMeta {
            name: name.to_string(),
            namespace: namespace.map(str::to_string),
            ..ObjectMeta::default()
        }
    }

    /// The namespace, or `default` when none was given.
    pub fn namespace_or_default(&self) -> &str {
        self.namespace.as_deref().unwrap_or("default")
    }

    /// Whether an annotation has exactly this value.
    pub fn has_annotation(&self, key: &str, value: &str) -> bool {
        self.annotations.get(key).map(String::as_str) == Some(value)
    }

    /// The controller owner, if any (the owner reference with `controller: true`).
    pub fn controller(&self) -> Option<&OwnerReference> {
        self.owner_references.iter().find(|o| o.controller == Some(true))
    }
}

/// A pointer from an object to its owner (garbage collection, `Controlled By` in describe).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnerReference {
    /// Owner's apiVersion.
    pub api_version: String,
    /// Owner's kind.
    pub kind: String,
    /// Owner's name.
    pub name: String,
    /// Owner's uid.
    pub uid: String,
    /// True for the managing controller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controller: Option<bool>,
    /// True when the owner must wait for this object on foreground deletion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block_owner_deletion: Option<bool>,
}

/// A label selector (`matchLabels` plus `matchExpressions`, all ANDed).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelSelector {
    /// Exact label matches.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub match_labels: BTreeMap<String, String>,
    /// Set-based requirements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub match_expressions: Vec<LabelSelectorRequirement>,
}

/// One `matchExpressions` entry: `key` `operator` (In, NotIn, Exists, DoesNotExist) `values`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelSelectorRequirement {
    /// Label key.
    pub key: String,
    /// In, NotIn, Exists or DoesNotExist.
    pub operator: String,
    /// Values for In and NotIn.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

impl LabelSelector {
    /// Whether `labels` satisfy this selector. An empty selector matches everything, as in
    /// `metav1.LabelSelectorAsSelector`.
    pub fn matches(&self, labels: &BTreeMap<String, String>) -> bool {
        self.match_labels.iter().all(|(k, v)| labels.get(k) == Some(v))
            && self.match_expressions.iter().all(|req| {
                let value = labels.get(&req.key);
                match req.operator.as_str() {
                    "In" => value.is_some_and(|v| req.values.contains(v)),
                    "NotIn" => value.is_none_or(|v| !req.values.contains(v)),
                    "Exists" => value.is_some(),
                    "DoesNotExist" => value.is_none(),
                    _ => false,
                }
            })
    }

    /// Whether the selector has no requirement at all.
    pub fn is_empty(&self) -> bool {
        self.match_labels.is_empty() && self.match_expressions.is_empty()
    }
}

/// A reference to another object, as in `pv.spec.claimRef`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectReference {
    /// Kind (`PersistentVolumeClaim`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Namespace of the referent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// Name of the referent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// UID of the referent; empty while a user's pre-binding waits for its claim (§3.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// apiVersion of the referent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// resourceVersion seen when the reference was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_version: Option<String>,
    /// Other fields (fieldPath).
    #[serde(flatten)]
    pub extra: Extra,
}

impl ObjectReference {
    /// The reference's namespace, `""` when unset.
    pub fn ns(&self) -> &str {
        self.namespace.as_deref().unwrap_or("")
    }
    /// The reference's name, `""` when unset.
    pub fn name_str(&self) -> &str {
        self.name.as_deref().unwrap_or("")
    }
    /// The reference's uid, `""` when unset.
    pub fn uid_str(&self) -> &str {
        self.uid.as_deref().unwrap_or("")
    }
}
