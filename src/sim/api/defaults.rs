//! What the API server fills in on create (defaulting and admission), so objects look the way
//! `kubectl get -o yaml` shows them on a real cluster.

use crate::sim::objects::*;
use crate::sim::pv_controller::protection::FINALIZER_PVC_PROTECTION;
use crate::sim::pv_controller::provision::FINALIZER_PV_PROTECTION;

/// Pod defaults: restartPolicy Always, a Pending status.
pub fn default_pod(mut pod: Pod) -> Pod {
    if pod.spec.restart_policy.is_none() {
        pod.spec.restart_policy = Some("Always".into());
    }
    pod.spec
        .extra
        .entry("terminationGracePeriodSeconds".into())
        .or_insert_with(|| serde_json::json!(30));
    pod.status = PodStatus {
        phase: PodPhase::Pending,
        ..PodStatus::default()
    };
    pod
}

/// PV defaults: reclaim policy Retain (a hand-made PV, semantics §1.1), volumeMode
/// Filesystem, the pv-protection finalizer, phase Pending until the controller's first sync.
pub fn default_volume(mut pv: PersistentVolume) -> PersistentVolume {
    pv.spec
        .persistent_volume_reclaim_policy
        .get_or_insert(ReclaimPolicy::Retain);
    pv.spec
        .volume_mode
        .get_or_insert_with(|| "Filesystem".into());
    if !pv
        .metadata
        .finalizers
        .iter()
        .any(|f| f == FINALIZER_PV_PROTECTION)
    {
        pv.metadata.finalizers.push(FINALIZER_PV_PROTECTION.into());
    }
    pv.status = PersistentVolumeStatus {
        phase: Some(VolumePhase::Pending),
        ..Default::default()
    };
    pv
}

/// PVC defaults: volumeMode Filesystem, the pvc-protection finalizer, phase Pending.
pub fn default_claim(mut claim: PersistentVolumeClaim) -> PersistentVolumeClaim {
    claim
        .spec
        .volume_mode
        .get_or_insert_with(|| "Filesystem".into());
    if !claim
        .metadata
        .finalizers
        .iter()
        .any(|f| f == FINALIZER_PVC_PROTECTION)
    {
        claim
            .metadata
            .finalizers
            .push(FINALIZER_PVC_PROTECTION.into());
    }
    claim.status = PersistentVolumeClaimStatus {
        phase: Some(ClaimPhase::Pending),
        ..Default::default()
    };
    claim
}

/// StorageClass defaults: reclaimPolicy Delete, volumeBindingMode Immediate (W-SC).
pub fn default_class(mut sc: StorageClass) -> StorageClass {
    sc.reclaim_policy.get_or_insert(ReclaimPolicy::Delete);
    sc.volume_binding_mode
        .get_or_insert(VolumeBindingMode::Immediate);
    sc
}

/// Deployment defaults: 1 replica, RollingUpdate.
pub fn default_deployment(mut d: Deployment) -> Deployment {
    d.spec.replicas.get_or_insert(1);
    let strategy = d
        .spec
        .strategy
        .get_or_insert_with(DeploymentStrategy::default);
    strategy.type_.get_or_insert_with(|| "RollingUpdate".into());
    d.status = WorkloadStatus::default();
    d
}

/// StatefulSet defaults: 1 replica, OrderedReady, claims retained on delete and scale-down.
pub fn default_stateful_set(mut s: StatefulSet) -> StatefulSet {
    s.spec.replicas.get_or_insert(1);
    s.spec
        .pod_management_policy
        .get_or_insert_with(|| "OrderedReady".into());
    let policy = s
        .spec
        .persistent_volume_claim_retention_policy
        .get_or_insert_with(ClaimRetentionPolicy::default);
    policy.when_deleted.get_or_insert_with(|| "Retain".into());
    policy.when_scaled.get_or_insert_with(|| "Retain".into());
    for t in &mut s.spec.volume_claim_templates {
        t.spec
            .volume_mode
            .get_or_insert_with(|| "Filesystem".into());
    }
    s.status = WorkloadStatus::default();
    s
}
