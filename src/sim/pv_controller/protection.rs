//! Deletion protection (semantics §7): `kubernetes.io/pvc-protection` holds a claim while a
//! scheduled pod uses it; `kubernetes.io/pv-protection` holds a PV while it is Bound.

use crate::sim::Cluster;
use crate::sim::objects::*;

/// The PVC protection finalizer.
pub const FINALIZER_PVC_PROTECTION: &str = "kubernetes.io/pvc-protection";

impl Cluster {
    /// PVCP and PVP: finish deletions whose objects are no longer in use.
    pub(crate) fn run_protection_controllers(&mut self) {
        let deleting: Vec<PersistentVolumeClaim> = self
            .claims
            .values()
            .filter(|c| c.metadata.deletion_timestamp.is_some())
            .cloned()
            .collect();
        for claim in deleting {
            let guarded = claim
                .metadata
                .finalizers
                .iter()
                .any(|f| f == FINALIZER_PVC_PROTECTION);
            if !guarded || !self.claim_in_use(&claim) {
                let k = (
                    claim.metadata.namespace_or_default().to_string(),
                    claim.metadata.name.clone(),
                );
                self.claims.remove(&k);
                self.resource_version += 1;
            }
        }
        let deleting: Vec<PersistentVolume> = self
            .volumes
            .values()
            .filter(|v| v.metadata.deletion_timestamp.is_some())
            .cloned()
            .collect();
        for pv in deleting {
            let guarded = pv
                .metadata
                .finalizers
                .iter()
                .any(|f| f == super::provision::FINALIZER_PV_PROTECTION);
            if !guarded || pv.status.phase != Some(VolumePhase::Bound) {
                self.remove_volume_object(&pv.metadata.name);
            }
        }
    }

    /// PVCP `podUsesPVC`: a pod object in the claim's namespace that is scheduled (has a node),
    /// whatever its phase, and names the claim. Unscheduled pods do not count (semantics §7.1).
    pub(crate) fn claim_in_use(&self, claim: &PersistentVolumeClaim) -> bool {
        let ns = claim.metadata.namespace_or_default();
        self.pods.values().any(|p| {
            p.metadata.namespace_or_default() == ns
                && p.spec.node_name.is_some()
                && p.uses_claim(&claim.metadata.name)
        })
    }

    /// Names of the pods that use a claim (describe's `Used By`).
    pub fn pods_using_claim(&self, ns: &str, claim: &str) -> Vec<String> {
        self.pods
            .values()
            .filter(|p| p.metadata.namespace_or_default() == ns && p.uses_claim(claim))
            .map(|p| p.metadata.name.clone())
            .collect()
    }
}
