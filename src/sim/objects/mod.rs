//! The API objects the simulator keeps, shaped like Kubernetes' own (camelCase JSON via serde),
//! so that `-o yaml`, `-o json` and merge patches work on the real field names.
//!
//! Only the fields the simulator acts on are typed. Every other valid field a learner writes is
//! kept in an `extra` map (flattened), so it round-trips to `kubectl get -o yaml` untouched.

mod meta;
mod node;
mod pod;
mod storage;
mod workloads;

pub use meta::*;
pub use node::*;
pub use pod::*;
pub use storage::*;
pub use workloads::*;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Fields that the simulator does not act on but keeps, as written by the learner.
pub type Extra = BTreeMap<String, Value>;

/// A ConfigMap: its data lives in the API (etcd), so a configMap volume survives every pod and
/// node event (semantics §8.1).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigMap {
    /// Standard object metadata.
    pub metadata: ObjectMeta,
    /// String data.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub data: BTreeMap<String, String>,
    /// Everything else (binaryData, immutable).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A Secret: like a ConfigMap for the simulator, projected read-only into pods.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Secret {
    /// Standard object metadata.
    pub metadata: ObjectMeta,
    /// The secret type (`Opaque` when unset).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// Base64 data as written.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub data: BTreeMap<String, String>,
    /// Everything else (stringData, immutable).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A Namespace. Objects may only be created in a namespace that exists, as on a real cluster.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Namespace {
    /// Standard object metadata.
    pub metadata: ObjectMeta,
    /// Everything else (spec.finalizers).
    #[serde(flatten)]
    pub extra: Extra,
}

/// An object of a real kind that kubestory accepts but does not simulate (Service, Job, RBAC…).
/// It is stored so that `get` and `delete -f` behave, and otherwise has no effect.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnsimulatedObject {
    /// `apiVersion` as written.
    #[serde(rename = "apiVersion")]
    pub api_version: String,
    /// `kind` as written.
    pub kind: String,
    /// Metadata (name and namespace matter).
    pub metadata: ObjectMeta,
    /// The rest of the object, kept verbatim.
    #[serde(flatten)]
    pub rest: Extra,
}
