//! What the API server fills in on create (defaulting and admission), so objects look the way
//! `kubectl get -o yaml` shows them on a real cluster.

use crate::sim::objects::*;
use crate::sim::pv_controller::protection::FINALIZER_PVC_PROTECTION;
use crate::sim::pv_controller::provision::FINALIZER_PV_PROTECTION;

/// The prefix of the projected service-account token volume every pod gets.
pub const TOKEN_VOLUME_PREFIX: &str = "kube-api-access-";
/// Where that volume is mounted in every container.
pub const TOKEN_MOUNT_PATH: &str = "/var/run/secrets/kubernetes.io/serviceaccount";

/// Pod defaults: what the API server's defaulting and admission plugins (ServiceAccount,
/// DefaultTolerationSeconds) fill in, so `-o yaml` and `describe` look as on a real cluster.
/// `token_volume` names the projected `kube-api-access-xxxxx` volume.
pub fn default_pod(mut pod: Pod, token_volume: &str) -> Pod {
    default_pod_spec(&mut pod.spec, token_volume);
    pod.status = PodStatus {
        phase: PodPhase::Pending,
        ..PodStatus::default()
    };
    pod
}

/// The spec part of [`default_pod`]; idempotent, so an update can be defaulted the same way
/// before it is compared with the stored pod.
pub fn default_pod_spec(spec: &mut PodSpec, token_volume: &str) {
    use serde_json::json;
    spec.restart_policy.get_or_insert_with(|| "Always".into());
    let defaults = [
        ("dnsPolicy", json!("ClusterFirst")),
        ("enableServiceLinks", json!(true)),
        ("preemptionPolicy", json!("PreemptLowerPriority")),
        ("priority", json!(0)),
        ("schedulerName", json!("default-scheduler")),
        ("securityContext", json!({})),
        ("serviceAccount", json!("default")),
        ("serviceAccountName", json!("default")),
        ("terminationGracePeriodSeconds", json!(30)),
    ];
    for (k, v) in defaults {
        spec.extra.entry(k.to_string()).or_insert(v);
    }
    let tolerations = spec
        .extra
        .entry("tolerations".to_string())
        .or_insert_with(|| json!([]));
    if let Some(list) = tolerations.as_array_mut() {
        for key in [
            "node.kubernetes.io/not-ready",
            "node.kubernetes.io/unreachable",
        ] {
            if !list
                .iter()
                .any(|t| t.get("key").and_then(|k| k.as_str()) == Some(key))
            {
                list.push(json!({"effect":"NoExecute","key":key,"operator":"Exists","tolerationSeconds":300}));
            }
        }
    }
    let automount = spec
        .extra
        .get("automountServiceAccountToken")
        .and_then(|v| v.as_bool())
        != Some(false);
    // A generic ephemeral volume's claim template is defaulted as a claim spec is
    // (zz_generated.defaults.go `SetDefaults_PersistentVolumeClaimSpec` on
    // `Ephemeral.VolumeClaimTemplate.Spec`): volumeMode Filesystem.
    for v in &mut spec.volumes {
        if let Some(t) = v
            .ephemeral
            .as_mut()
            .and_then(|e| e.volume_claim_template.as_mut())
        {
            t.spec
                .volume_mode
                .get_or_insert_with(|| "Filesystem".into());
        }
    }
    let has_token = spec
        .volumes
        .iter()
        .any(|v| v.name.starts_with(TOKEN_VOLUME_PREFIX));
    if automount && !has_token && !token_volume.is_empty() {
        let mut vol = Volume {
            name: token_volume.to_string(),
            ..Volume::default()
        };
        vol.extra.insert(
            "projected".into(),
            json!({"defaultMode":420,"sources":[
                {"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}},
                {"configMap":{"items":[{"key":"ca.crt","path":"ca.crt"}],"name":"kube-root-ca.crt"}},
                {"downwardAPI":{"items":[{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.namespace"},"path":"namespace"}]}}]}),
        );
        spec.volumes.push(vol);
    }
    let token = spec
        .volumes
        .iter()
        .find(|v| v.name.starts_with(TOKEN_VOLUME_PREFIX))
        .map(|v| v.name.clone());
    for c in spec
        .containers
        .iter_mut()
        .chain(spec.init_containers.iter_mut())
    {
        let latest =
            !c.image.rsplit('/').next().unwrap_or("").contains(':') || c.image.ends_with(":latest");
        c.extra
            .entry("imagePullPolicy".into())
            .or_insert_with(|| json!(if latest { "Always" } else { "IfNotPresent" }));
        c.extra
            .entry("resources".into())
            .or_insert_with(|| json!({}));
        c.extra
            .entry("terminationMessagePath".into())
            .or_insert_with(|| json!("/dev/termination-log"));
        c.extra
            .entry("terminationMessagePolicy".into())
            .or_insert_with(|| json!("File"));
        if let Some(token) = &token {
            if !c
                .volume_mounts
                .iter()
                .any(|m| m.mount_path == TOKEN_MOUNT_PATH)
            {
                c.volume_mounts.push(VolumeMount {
                    name: token.clone(),
                    mount_path: TOKEN_MOUNT_PATH.into(),
                    read_only: Some(true),
                    ..VolumeMount::default()
                });
            }
        }
    }
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
