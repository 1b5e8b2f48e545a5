//! The ephemeral volume controller (kube-controller-manager,
//! `pkg/controller/volume/ephemeral/controller.go`): for every generic ephemeral volume of a
//! pod (`volumes[].ephemeral.volumeClaimTemplate`) it creates the claim `<pod>-<volume>` in the
//! pod's namespace, with the template's labels, annotations and spec, owned by the pod. From
//! then on the claim is an ordinary claim: the PV controller binds or provisions it (the pod
//! is its consumer, so WaitForFirstConsumer works), and when the pod object is gone the
//! garbage collector deletes it, and with a Delete reclaim policy its PV and data.

use crate::sim::Cluster;
use crate::sim::cluster::{involved, key};
use crate::sim::events::EventType;
use crate::sim::objects::*;

/// The controller's event source (`v1.EventSource{Component: "ephemeral_volume"}`).
pub const EPHEMERAL_VOLUME: &str = "ephemeral_volume";

/// component-helpers `storage/ephemeral` `VolumeIsForPod`: the claim must be in the pod's
/// namespace and controlled by the pod (`metav1.IsControlledBy`), else the pod cannot use it.
pub(crate) fn volume_is_for_pod(pod: &Pod, claim: &PersistentVolumeClaim) -> Result<(), String> {
    let (pod_ns, claim_ns) = (
        pod.metadata.namespace_or_default(),
        claim.metadata.namespace_or_default(),
    );
    let controlled = claim
        .metadata
        .controller()
        .is_some_and(|o| o.uid == pod.metadata.uid);
    if pod_ns != claim_ns || !controlled {
        return Err(format!(
            "PVC {claim_ns}/{} was not created for pod {pod_ns}/{} (pod is not owner)",
            claim.metadata.name, pod.metadata.name
        ));
    }
    Ok(())
}

impl Cluster {
    /// One pass of the controller's `syncHandler` over every pod that is not being deleted.
    pub(crate) fn run_ephemeral_controller(&mut self) {
        let pods: Vec<Pod> = self
            .pods
            .values()
            .filter(|p| p.metadata.deletion_timestamp.is_none())
            .filter(|p| p.spec.volumes.iter().any(|v| v.ephemeral.is_some()))
            .cloned()
            .collect();
        for pod in pods {
            self.sync_ephemeral_pod(&pod);
        }
    }

    /// `syncHandler`: `handleVolume` for each volume in order; the first failure is reported
    /// as a `FailedBinding` warning on the pod and ends the pass (the pod is retried later).
    fn sync_ephemeral_pod(&mut self, pod: &Pod) {
        for v in &pod.spec.volumes {
            if let Err(err) = self.handle_ephemeral_volume(pod, v) {
                self.record(
                    involved("Pod", &pod.metadata),
                    EventType::Warning,
                    "FailedBinding",
                    format!("ephemeral volume {}: {err}", v.name),
                    EPHEMERAL_VOLUME,
                );
                return;
            }
        }
    }

    /// `handleVolume`: nothing to do when the claim exists and belongs to the pod; an error
    /// when it exists and does not; otherwise create it with the pod as its controller.
    fn handle_ephemeral_volume(&mut self, pod: &Pod, v: &Volume) -> Result<(), String> {
        let Some(src) = &v.ephemeral else {
            return Ok(());
        };
        let ns = pod.metadata.namespace_or_default().to_string();
        let name = ephemeral_claim_name(&pod.metadata.name, &v.name);
        if let Some(existing) = self.claims.get(&key(&ns, &name)) {
            return volume_is_for_pod(pod, existing);
        }
        let template = src.volume_claim_template.clone().unwrap_or_default();
        let mut meta = ObjectMeta::named(&name, Some(&ns));
        meta.labels = template.metadata.labels;
        meta.annotations = template.metadata.annotations;
        meta.owner_references = vec![OwnerReference {
            api_version: "v1".into(),
            kind: "Pod".into(),
            name: pod.metadata.name.clone(),
            uid: pod.metadata.uid.clone(),
            controller: Some(true),
            block_owner_deletion: Some(true),
        }];
        let claim = PersistentVolumeClaim {
            metadata: meta,
            spec: template.spec,
            status: Default::default(),
        };
        self.create_claim(claim)
            .map_err(|e| format!("create PVC {name}: {e}"))
    }
}
