//! `syncClaim`, `syncVolume` and `bind` of the PV controller (PVC-CTRL; semantics §2.1, §2.4,
//! §2.5, §3, §6.1 and Appendix A).

use super::classes::{claim_class, claim_class_field};
use super::matching::{VolumeIndex, check_volume_satisfy_claim, is_volume_bound_to_claim};
use crate::sim::Cluster;
use crate::sim::cluster::{NsName, involved};
use crate::sim::events::EventType;
use crate::sim::objects::*;

/// `pv.kubernetes.io/bind-completed`: the claim's binding is complete.
pub const ANN_BIND_COMPLETED: &str = "pv.kubernetes.io/bind-completed";
/// `pv.kubernetes.io/bound-by-controller`: the controller (not the user) chose the binding.
pub const ANN_BOUND_BY_CONTROLLER: &str = "pv.kubernetes.io/bound-by-controller";
/// `volume.kubernetes.io/selected-node`: the scheduler picked a node for a WFFC claim.
pub const ANN_SELECTED_NODE: &str = "volume.kubernetes.io/selected-node";
/// The PV controller's event source.
pub const PV_CONTROLLER: &str = "persistentvolume-controller";

impl Cluster {
    /// One pass of the PV controller: every volume, then every claim in creation order.
    pub(crate) fn run_pv_controller(&mut self) {
        let names: Vec<String> = self.volumes.keys().cloned().collect();
        for name in names {
            self.sync_volume(&name);
        }
        let mut index = VolumeIndex::build(self);
        let mut claims: Vec<(Option<crate::sim::SimTime>, NsName)> = self
            .claims
            .iter()
            .map(|(k, c)| (c.metadata.creation_timestamp, k.clone()))
            .collect();
        claims.sort();
        for (_, k) in claims {
            self.sync_claim(&k, &mut index);
        }
    }

    fn sync_claim(&mut self, k: &NsName, index: &mut VolumeIndex) {
        // Fast path: a Bound claim whose PV points back and reports the same capacity.
        if let Some(c) = self.claims.get(k) {
            if c.status.phase == Some(ClaimPhase::Bound)
                && c.metadata.has_annotation(ANN_BIND_COMPLETED, "yes")
            {
                let settled = c
                    .spec
                    .volume_name()
                    .and_then(|v| self.volumes.get(v))
                    .is_some_and(|pv| {
                        pv.status.phase == Some(VolumePhase::Bound)
                            && pv
                                .spec
                                .claim_ref
                                .as_ref()
                                .is_some_and(|r| r.uid_str() == c.metadata.uid)
                            && pv.spec.capacity == c.status.capacity
                            && pv.spec.access_modes == c.status.access_modes
                    });
                if settled {
                    return;
                }
            }
        }
        let Some(claim) = self.claims.get(k).cloned() else {
            return;
        };
        if claim.metadata.has_annotation(ANN_BIND_COMPLETED, "yes") {
            self.sync_bound_claim(claim);
        } else {
            self.sync_unbound_claim(claim, index);
        }
    }

    /// PVC-CTRL `syncUnboundClaim` (semantics §2.1, §3.1).
    fn sync_unbound_claim(&mut self, mut claim: PersistentVolumeClaim, index: &mut VolumeIndex) {
        let Some(volume_name) = claim.spec.volume_name().map(str::to_string) else {
            let delay = self.is_delay_binding(&claim);
            if let Some(pv_name) = index.find_by_claim(self, &claim, delay) {
                if let Some(pv) = self.volumes.get(&pv_name).cloned() {
                    index.take(&pv);
                    self.bind(pv, claim);
                }
                return;
            }
            // PVC-CTRL assignDefaultStorageClass: only a claim whose class is unset (not "").
            if claim_class_field(&claim).is_none() {
                if let Some(default) = self
                    .default_storage_class()
                    .map(|c| c.metadata.name.clone())
                {
                    claim.spec.storage_class_name = Some(default);
                    self.put_claim(claim);
                    return;
                }
            }
            let who = involved("PersistentVolumeClaim", &claim.metadata);
            if delay && !claim.metadata.annotations.contains_key(ANN_SELECTED_NODE) {
                let waiting = self.unscheduled_pods_using(&claim);
                let (reason, message) = match waiting.as_slice() {
                    [] => (
                        "WaitForFirstConsumer",
                        "waiting for first consumer to be created before binding".to_string(),
                    ),
                    [one] => (
                        "WaitForPodScheduled",
                        format!("waiting for pod {one} to be scheduled"),
                    ),
                    many => (
                        "WaitForPodScheduled",
                        format!("waiting for pods {} to be scheduled", many.join(",")),
                    ),
                };
                self.record(who, EventType::Normal, reason, message, PV_CONTROLLER);
            } else if !claim_class(&claim).is_empty() {
                self.provision_claim(&claim);
                return;
            } else {
                self.record(
                    who,
                    EventType::Normal,
                    "FailedBinding",
                    "no persistent volumes available for this claim and no storage class is set"
                        .into(),
                    PV_CONTROLLER,
                );
            }
            self.set_claim_pending(claim);
            return;
        };
        let who = involved("PersistentVolumeClaim", &claim.metadata);
        match self.volumes.get(&volume_name).cloned() {
            // §3.1: the named PV does not exist yet: Pending, no event, retried.
            None => self.set_claim_pending(claim),
            Some(pv) if pv.spec.claim_ref.is_none() => {
                match check_volume_satisfy_claim(&pv, &claim) {
                    Some(reason) => {
                        self.record(
                            who,
                            EventType::Warning,
                            "VolumeMismatch",
                            format!("Cannot bind to requested volume {volume_name:?}: {reason}"),
                            PV_CONTROLLER,
                        );
                        self.set_claim_pending(claim);
                    }
                    None => self.bind(pv, claim),
                }
            }
            Some(pv) if is_volume_bound_to_claim(&pv, &claim) => self.bind(pv, claim),
            Some(_) => {
                self.record(
                    who,
                    EventType::Warning,
                    "FailedBinding",
                    format!("volume {volume_name:?} already bound to a different claim."),
                    PV_CONTROLLER,
                );
                self.set_claim_pending(claim);
            }
        }
    }

    /// PVC-CTRL `syncBoundClaim` (semantics §2.5).
    fn sync_bound_claim(&mut self, claim: PersistentVolumeClaim) {
        let lost = |c: &mut Cluster, claim: PersistentVolumeClaim, reason: &str, message: &str| {
            if claim.status.phase != Some(ClaimPhase::Lost) {
                let who = involved("PersistentVolumeClaim", &claim.metadata);
                c.record(
                    who,
                    EventType::Warning,
                    reason,
                    message.to_string(),
                    PV_CONTROLLER,
                );
                let mut claim = claim;
                claim.status.phase = Some(ClaimPhase::Lost);
                c.put_claim(claim);
            }
        };
        let Some(volume_name) = claim.spec.volume_name().map(str::to_string) else {
            lost(
                self,
                claim,
                "ClaimLost",
                "Bound claim has lost reference to PersistentVolume. Data on the volume is lost!",
            );
            return;
        };
        match self.volumes.get(&volume_name).cloned() {
            None => lost(
                self,
                claim,
                "ClaimLost",
                "Bound claim has lost its PersistentVolume. Data on the volume is lost!",
            ),
            Some(pv) if pv.spec.claim_ref.is_none() => self.bind(pv, claim),
            Some(pv)
                if pv
                    .spec
                    .claim_ref
                    .as_ref()
                    .is_some_and(|r| r.uid_str() == claim.metadata.uid) =>
            {
                self.bind(pv, claim)
            }
            Some(_) => lost(
                self,
                claim,
                "ClaimMisbound",
                "Two claims are bound to the same volume, this one is bound incorrectly",
            ),
        }
    }

    fn set_claim_pending(&mut self, mut claim: PersistentVolumeClaim) {
        if claim.status.phase != Some(ClaimPhase::Pending) {
            claim.status.phase = Some(ClaimPhase::Pending);
            self.put_claim(claim);
        }
    }

    /// PVC-CTRL `bind` (semantics §2.4): PV claimRef and phase first, then the claim's
    /// volumeName, annotations and status (capacity and access modes copied from the PV).
    /// No event is emitted for a successful bind.
    pub(crate) fn bind(&mut self, mut pv: PersistentVolume, mut claim: PersistentVolumeClaim) {
        if !is_volume_bound_to_claim(&pv, &claim) {
            pv.metadata
                .annotations
                .insert(ANN_BOUND_BY_CONTROLLER.into(), "yes".into());
        }
        let already = pv
            .spec
            .claim_ref
            .as_ref()
            .filter(|r| r.uid_str() == claim.metadata.uid)
            .cloned();
        pv.spec.claim_ref = Some(already.unwrap_or_else(|| ObjectReference {
            kind: Some("PersistentVolumeClaim".into()),
            namespace: Some(claim.metadata.namespace_or_default().to_string()),
            name: Some(claim.metadata.name.clone()),
            uid: Some(claim.metadata.uid.clone()),
            api_version: Some("v1".into()),
            resource_version: Some(claim.metadata.resource_version.clone()),
            ..ObjectReference::default()
        }));
        self.set_volume_phase(&mut pv, VolumePhase::Bound);
        let pv_name = pv.metadata.name.clone();
        let pv_modes = pv.spec.access_modes.clone();
        let pv_capacity = pv.spec.capacity.clone();
        self.put_volume(pv);

        if claim.spec.volume_name() != Some(pv_name.as_str()) {
            claim.spec.volume_name = Some(pv_name);
            claim
                .metadata
                .annotations
                .insert(ANN_BOUND_BY_CONTROLLER.into(), "yes".into());
        }
        claim
            .metadata
            .annotations
            .insert(ANN_BIND_COMPLETED.into(), "yes".into());
        claim.status.phase = Some(ClaimPhase::Bound);
        claim.status.access_modes = pv_modes;
        claim.status.capacity = pv_capacity;
        self.put_claim(claim);
    }

    /// Sets a PV's phase, stamping `lastPhaseTransitionTime` when it changes.
    pub(crate) fn set_volume_phase(&self, pv: &mut PersistentVolume, phase: VolumePhase) {
        if pv.status.phase != Some(phase) {
            pv.status.phase = Some(phase);
            pv.status.last_phase_transition_time = Some(self.now);
            if phase != VolumePhase::Failed {
                pv.status.message = None;
            }
        }
    }

    /// PVC-CTRL `syncVolume` (semantics §6.1, Appendix A).
    fn sync_volume(&mut self, name: &str) {
        // Fast path: a Bound PV whose claim is bound to it needs nothing (most PVs, most passes).
        if let Some(pv) = self.volumes.get(name) {
            if pv.status.phase == Some(VolumePhase::Bound) {
                if let Some(r) = &pv.spec.claim_ref {
                    let settled = self
                        .claims
                        .get(&(r.ns().to_string(), r.name_str().to_string()))
                        .is_some_and(|c| {
                            c.metadata.uid == r.uid_str() && c.spec.volume_name() == Some(name)
                        });
                    if settled {
                        return;
                    }
                }
            }
        }
        let Some(mut pv) = self.volumes.get(name).cloned() else {
            return;
        };
        let Some(claim_ref) = pv.spec.claim_ref.clone() else {
            self.set_volume_phase(&mut pv, VolumePhase::Available);
            self.put_volume(pv);
            return;
        };
        if claim_ref.uid_str().is_empty() {
            // Reserved by a user for a claim that does not exist yet (§3.2).
            self.set_volume_phase(&mut pv, VolumePhase::Available);
            self.put_volume(pv);
            return;
        }
        let claim = self
            .claims
            .get(&(claim_ref.ns().to_string(), claim_ref.name_str().to_string()))
            .filter(|c| c.metadata.uid == claim_ref.uid_str())
            .cloned();
        match claim {
            None => {
                if !matches!(
                    pv.status.phase,
                    Some(VolumePhase::Released) | Some(VolumePhase::Failed)
                ) {
                    self.set_volume_phase(&mut pv, VolumePhase::Released);
                    self.put_volume(pv);
                }
                self.reclaim_volume(name);
            }
            Some(c) => match c.spec.volume_name() {
                // Waiting for the claim's sync to finish the binding.
                None => {}
                Some(v) if v == pv.metadata.name => {
                    self.set_volume_phase(&mut pv, VolumePhase::Bound);
                    self.put_volume(pv);
                }
                Some(_) => {
                    let provisioned = pv
                        .metadata
                        .annotations
                        .contains_key(super::provision::ANN_PROVISIONED_BY);
                    if provisioned && pv.spec.reclaim_policy() == ReclaimPolicy::Delete {
                        // Provisioned for a claim that bound elsewhere: release and delete it.
                        self.set_volume_phase(&mut pv, VolumePhase::Released);
                        self.put_volume(pv);
                        self.reclaim_volume(name);
                    } else if pv.metadata.has_annotation(ANN_BOUND_BY_CONTROLLER, "yes") {
                        pv.spec.claim_ref = None;
                        self.set_volume_phase(&mut pv, VolumePhase::Available);
                        self.put_volume(pv);
                    } else if let Some(r) = pv.spec.claim_ref.as_mut() {
                        r.uid = None;
                        self.set_volume_phase(&mut pv, VolumePhase::Available);
                        self.put_volume(pv);
                    }
                }
            },
        }
    }

    /// Names of pods that use this claim and are not scheduled yet.
    pub(crate) fn unscheduled_pods_using(&self, claim: &PersistentVolumeClaim) -> Vec<String> {
        let ns = claim.metadata.namespace_or_default();
        self.pods
            .values()
            .filter(|p| p.metadata.namespace_or_default() == ns && p.spec.node_name.is_none())
            .filter(|p| p.uses_claim(&claim.metadata.name))
            .map(|p| p.metadata.name.clone())
            .collect()
    }
}
