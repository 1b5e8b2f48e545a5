//! PersistentVolumes, PersistentVolumeClaims and StorageClasses (semantics §1).

use super::{Extra, HostPathVolumeSource, LabelSelector, ObjectMeta, ObjectReference};
use crate::sim::{Quantity, SimTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An access mode. Used for matching and for attach/scheduling limits; it never makes a mount
/// read-only (semantics §1.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AccessMode {
    /// RWO: read-write by one **node**.
    ReadWriteOnce,
    /// ROX: read-only by many nodes.
    ReadOnlyMany,
    /// RWX: read-write by many nodes.
    ReadWriteMany,
    /// RWOP: read-write by one **pod** in the whole cluster.
    ReadWriteOncePod,
}

impl AccessMode {
    /// All modes, in kubectl's printing order (HLP `GetAccessModesAsString`).
    pub const ALL: [AccessMode; 4] = [
        AccessMode::ReadWriteOnce,
        AccessMode::ReadOnlyMany,
        AccessMode::ReadWriteMany,
        AccessMode::ReadWriteOncePod,
    ];

    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            AccessMode::ReadWriteOnce => "ReadWriteOnce",
            AccessMode::ReadOnlyMany => "ReadOnlyMany",
            AccessMode::ReadWriteMany => "ReadWriteMany",
            AccessMode::ReadWriteOncePod => "ReadWriteOncePod",
        }
    }

    /// The short form kubectl prints (`RWO`, `ROX`, `RWX`, `RWOP`).
    pub fn short(self) -> &'static str {
        match self {
            AccessMode::ReadWriteOnce => "RWO",
            AccessMode::ReadOnlyMany => "ROX",
            AccessMode::ReadWriteMany => "RWX",
            AccessMode::ReadWriteOncePod => "RWOP",
        }
    }

    /// Parses the API spelling.
    pub fn parse(s: &str) -> Option<AccessMode> {
        AccessMode::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// Access modes as kubectl prints them: fixed order RWO,ROX,RWX,RWOP, de-duplicated,
/// comma-joined (HLP `GetAccessModesAsString`).
pub fn access_modes_string(modes: &[AccessMode]) -> String {
    AccessMode::ALL
        .into_iter()
        .filter(|m| modes.contains(m))
        .map(AccessMode::short)
        .collect::<Vec<_>>()
        .join(",")
}

/// What happens to a PV (and its data) when its claim is deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ReclaimPolicy {
    /// Keep the PV (Released) and its data; an admin decides.
    Retain,
    /// Delete the PV and its backing storage.
    Delete,
    /// Deprecated: scrub the data and make the PV Available again.
    Recycle,
}

impl ReclaimPolicy {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ReclaimPolicy::Retain => "Retain",
            ReclaimPolicy::Delete => "Delete",
            ReclaimPolicy::Recycle => "Recycle",
        }
    }
}

/// When a claim of a class is bound (semantics §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum VolumeBindingMode {
    /// Bind (or provision) as soon as the claim exists.
    Immediate,
    /// Wait until a pod using the claim is scheduled, then bind/provision for its node.
    WaitForFirstConsumer,
}

impl VolumeBindingMode {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            VolumeBindingMode::Immediate => "Immediate",
            VolumeBindingMode::WaitForFirstConsumer => "WaitForFirstConsumer",
        }
    }
}

/// PV phase (semantics §6.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum VolumePhase {
    /// Just created; the controller makes it Available on its next sync.
    Pending,
    /// Free (or reserved by a claimRef without uid).
    Available,
    /// Bound to a claim.
    Bound,
    /// Its claim was deleted; the reclaim policy decides what comes next.
    Released,
    /// Reclaim failed (`status.message` says why).
    Failed,
}

impl VolumePhase {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            VolumePhase::Pending => "Pending",
            VolumePhase::Available => "Available",
            VolumePhase::Bound => "Bound",
            VolumePhase::Released => "Released",
            VolumePhase::Failed => "Failed",
        }
    }
}

/// PVC phase (semantics §6.2). `Terminating` is not a phase: kubectl prints it from the
/// deletionTimestamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ClaimPhase {
    /// Not bound yet.
    Pending,
    /// Bound to a PV.
    Bound,
    /// Its PV disappeared; terminal.
    Lost,
}

impl ClaimPhase {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimPhase::Pending => "Pending",
            ClaimPhase::Bound => "Bound",
            ClaimPhase::Lost => "Lost",
        }
    }
}

/// A PersistentVolume: cluster-level storage with a life of its own.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersistentVolume {
    /// Standard object metadata.
    pub metadata: ObjectMeta,
    /// What the admin (or a provisioner) declared.
    #[serde(default)]
    pub spec: PersistentVolumeSpec,
    /// What the PV controller reports.
    #[serde(default)]
    pub status: PersistentVolumeStatus,
}

/// `pv.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersistentVolumeSpec {
    /// `storage: <quantity>`.
    #[serde(default)]
    pub capacity: BTreeMap<String, Quantity>,
    /// Modes the volume supports.
    #[serde(default)]
    pub access_modes: Vec<AccessMode>,
    /// Defaults to `Retain` for a hand-made PV (semantics §1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persistent_volume_reclaim_policy: Option<ReclaimPolicy>,
    /// The class; `""` and unset both mean "no class".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_class_name: Option<String>,
    /// `Filesystem` (default) or `Block`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_mode: Option<String>,
    /// Nodes that can use this PV.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_affinity: Option<VolumeNodeAffinity>,
    /// The claim this PV is bound or reserved to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_ref: Option<ObjectReference>,
    /// Mount options.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mount_options: Vec<String>,
    /// A directory on whichever node mounts it (single-node testing only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_path: Option<HostPathVolumeSource>,
    /// A local disk on one node (nodeAffinity required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local: Option<LocalVolumeSource>,
    /// An NFS export: shared by every node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nfs: Option<NfsVolumeSource>,
    /// A CSI volume: network storage that follows the pod.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csi: Option<CsiPersistentVolumeSource>,
    /// Other sources (awsElasticBlockStore, gcePersistentDisk, iscsi…): network block storage.
    #[serde(flatten)]
    pub extra: Extra,
}

impl PersistentVolumeSpec {
    /// `capacity.storage`, if set.
    pub fn storage(&self) -> Option<&Quantity> {
        self.capacity.get("storage")
    }
    /// The reclaim policy with the API default (`Retain`).
    pub fn reclaim_policy(&self) -> ReclaimPolicy {
        self.persistent_volume_reclaim_policy.unwrap_or(ReclaimPolicy::Retain)
    }
    /// The volume mode with its default.
    pub fn volume_mode(&self) -> &str {
        self.volume_mode.as_deref().unwrap_or("Filesystem")
    }
}

/// `pv.spec.local`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalVolumeSource {
    /// Path on the node.
    pub path: String,
    /// Filesystem type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fs_type: Option<String>,
}

/// `pv.spec.nfs`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NfsVolumeSource {
    /// NFS server.
    pub server: String,
    /// Exported path.
    pub path: String,
    /// Force read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_only: Option<bool>,
}

/// `pv.spec.csi`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CsiPersistentVolumeSource {
    /// Driver name.
    pub driver: String,
    /// The volume's id in the storage system.
    pub volume_handle: String,
    /// Everything else (fsType, volumeAttributes…).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `pv.spec.nodeAffinity`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VolumeNodeAffinity {
    /// Required node selector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<NodeSelector>,
}

/// A node selector: terms are ORed, expressions inside a term ANDed (CH-H `CheckNodeAffinity`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeSelector {
    /// The terms.
    #[serde(default)]
    pub node_selector_terms: Vec<NodeSelectorTerm>,
}

/// One node selector term.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodeSelectorTerm {
    /// Requirements on node labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub match_expressions: Vec<NodeSelectorRequirement>,
    /// Requirements on node fields (`metadata.name`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub match_fields: Vec<NodeSelectorRequirement>,
}

/// `key operator values` with In, NotIn, Exists, DoesNotExist, Gt, Lt.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NodeSelectorRequirement {
    /// Label (or field) key.
    pub key: String,
    /// Operator.
    pub operator: String,
    /// Values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

impl NodeSelector {
    /// Whether a node with this name and these labels satisfies the selector: any term matches,
    /// and a term with no requirements matches nothing (`corev1.NodeSelectorRequirementsAsSelector`).
    pub fn matches(&self, node_name: &str, labels: &BTreeMap<String, String>) -> bool {
        self.node_selector_terms.iter().any(|term| {
            if term.match_expressions.is_empty() && term.match_fields.is_empty() {
                return false;
            }
            term.match_expressions.iter().all(|r| r.matches(labels.get(&r.key).map(String::as_str)))
                && term.match_fields.iter().all(|r| {
                    let v = (r.key == "metadata.name").then_some(node_name);
                    r.matches(v)
                })
        })
    }
}

impl NodeSelectorRequirement {
    fn matches(&self, value: Option<&str>) -> bool {
        match self.operator.as_str() {
            "In" => value.is_some_and(|v| self.values.iter().any(|x| x == v)),
            "NotIn" => value.is_none_or(|v| !self.values.iter().any(|x| x == v)),
            "Exists" => value.is_some(),
            "DoesNotExist" => value.is_none(),
            "Gt" | "Lt" => {
                let (Some(v), Some(bound)) = (
                    value.and_then(|v| v.parse::<i64>().ok()),
                    self.values.first().and_then(|b| b.parse::<i64>().ok()),
                ) else {
                    return false;
                };
                if self.operator == "Gt" { v > bound } else { v < bound }
            }
            _ => false,
        }
    }
}

/// `pv.status`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersistentVolumeStatus {
    /// Phase; `None` only before the controller's first sync.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<VolumePhase>,
    /// Why reclaim failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Machine-readable reason (kubectl's REASON column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// When the phase last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_phase_transition_time: Option<SimTime>,
}

/// A PersistentVolumeClaim: a request for storage, matched to a PV.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersistentVolumeClaim {
    /// Standard object metadata.
    pub metadata: ObjectMeta,
    /// The request.
    #[serde(default)]
    pub spec: PersistentVolumeClaimSpec,
    /// What the PV controller reports.
    #[serde(default)]
    pub status: PersistentVolumeClaimStatus,
}

/// `pvc.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersistentVolumeClaimSpec {
    /// Modes asked for (at least one).
    #[serde(default)]
    pub access_modes: Vec<AccessMode>,
    /// `requests.storage`.
    #[serde(default)]
    pub resources: VolumeResourceRequirements,
    /// Only PVs with matching labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selector: Option<LabelSelector>,
    /// Three states: unset (defaulted at creation), `""` (no class), or a name (§1.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_class_name: Option<String>,
    /// Pre-binding to a PV by name (§3.1); set by the controller on binding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_name: Option<String>,
    /// `Filesystem` (default) or `Block`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_mode: Option<String>,
    /// Everything else (dataSource, volumeAttributesClassName…).
    #[serde(flatten)]
    pub extra: Extra,
}

impl PersistentVolumeClaimSpec {
    /// `resources.requests.storage`.
    pub fn request(&self) -> Option<&Quantity> {
        self.resources.requests.get("storage")
    }
    /// `volumeName`, with `""` read as unset.
    pub fn volume_name(&self) -> Option<&str> {
        self.volume_name.as_deref().filter(|s| !s.is_empty())
    }
    /// The volume mode with its default.
    pub fn volume_mode(&self) -> &str {
        self.volume_mode.as_deref().unwrap_or("Filesystem")
    }
}

/// `resources: {requests, limits}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VolumeResourceRequirements {
    /// Minimum resources (`storage`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub requests: BTreeMap<String, Quantity>,
    /// Limits (unused by binding).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub limits: BTreeMap<String, Quantity>,
}

/// `pvc.status`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersistentVolumeClaimStatus {
    /// Phase; Pending at creation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<ClaimPhase>,
    /// Copied from the PV on binding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub access_modes: Vec<AccessMode>,
    /// Copied from the PV on binding, so a 3Gi claim on a 10Gi PV reports 10Gi (§1.2).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub capacity: BTreeMap<String, Quantity>,
}

/// A StorageClass: how to provision volumes, and when to bind them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StorageClass {
    /// Standard object metadata (the default-class annotation lives here).
    pub metadata: ObjectMeta,
    /// Who provisions volumes (`k8s.io/minikube-hostpath`, `kubernetes.io/no-provisioner`…).
    pub provisioner: String,
    /// Provisioner parameters.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub parameters: BTreeMap<String, String>,
    /// Reclaim policy of the PVs it provisions (default `Delete`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reclaim_policy: Option<ReclaimPolicy>,
    /// Binding mode (default `Immediate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume_binding_mode: Option<VolumeBindingMode>,
    /// Whether claims of this class may grow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_volume_expansion: Option<bool>,
    /// Mount options for provisioned PVs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mount_options: Vec<String>,
    /// Topology restrictions (allowedTopologies), kept as written.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The annotation that makes a class the default.
pub const DEFAULT_CLASS_ANNOTATION: &str = "storageclass.kubernetes.io/is-default-class";
/// The beta spelling, which also counts (DSC).
pub const DEFAULT_CLASS_ANNOTATION_BETA: &str = "storageclass.beta.kubernetes.io/is-default-class";

impl StorageClass {
    /// The reclaim policy with its default (`Delete`).
    pub fn reclaim_policy(&self) -> ReclaimPolicy {
        self.reclaim_policy.unwrap_or(ReclaimPolicy::Delete)
    }
    /// The binding mode with its default (`Immediate`).
    pub fn binding_mode(&self) -> VolumeBindingMode {
        self.volume_binding_mode.unwrap_or(VolumeBindingMode::Immediate)
    }
    /// Whether this class is marked default (DSC `IsDefaultAnnotation`).
    pub fn is_default(&self) -> bool {
        self.metadata.has_annotation(DEFAULT_CLASS_ANNOTATION, "true")
            || self.metadata.has_annotation(DEFAULT_CLASS_ANNOTATION_BETA, "true")
    }
}
