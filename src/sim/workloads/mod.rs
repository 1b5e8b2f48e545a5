//! Workload controllers (semantics §9): Deployments own ReplicaSets, ReplicaSets own pods with
//! random-suffix names, StatefulSets own pods with stable names and a claim per pod; pods own
//! the claims of their generic ephemeral volumes; the garbage collector removes what lost its
//! owner.

mod claim;
mod deployment;
mod ephemeral;
mod gc;
mod replicaset;
mod statefulset;

pub(crate) use ephemeral::volume_is_for_pod;
pub(crate) use statefulset::sts_retention_delete_all;

use crate::sim::objects::*;

/// An owner reference with `controller: true`.
pub(crate) fn controller_ref(api_version: &str, kind: &str, meta: &ObjectMeta) -> OwnerReference {
    OwnerReference {
        api_version: api_version.into(),
        kind: kind.into(),
        name: meta.name.clone(),
        uid: meta.uid.clone(),
        controller: Some(true),
        block_owner_deletion: Some(true),
    }
}

/// Whether a pod counts toward its controller's replicas: not being deleted, not finished.
pub(crate) fn is_active(pod: &Pod) -> bool {
    pod.metadata.deletion_timestamp.is_none()
        && !matches!(pod.status.phase, PodPhase::Succeeded | PodPhase::Failed)
}

/// Whether a pod is running and ready.
pub(crate) fn is_ready(pod: &Pod) -> bool {
    pod.status
        .conditions
        .iter()
        .any(|c| c.type_ == "Ready" && c.status == "True")
}
