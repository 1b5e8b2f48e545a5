//! The attach/detach controller of kube-controller-manager, and the two pod garbage-collector
//! rules that free a lost node's volumes.
//!
//! Read in kubernetes/kubernetes (v1.34):
//! - `pkg/controller/volume/attachdetach/reconciler/reconciler.go` `reconcile`: a volume is
//!   detached from a node only when it is no longer in the desired state of the world there;
//!   while the node still reports it mounted (`MountedByNode`, from `status.volumesInUse`) the
//!   detach waits, unless the node is unhealthy and `maxWaitForUnmountDuration` (6 minutes,
//!   `DefaultTimerConfig`) has passed since the detach was first requested
//!   (`SetDetachRequestTime`), or the node has the `node.kubernetes.io/out-of-service` taint
//!   (`hasOutOfServiceTaint`: then at once). `attachDesiredVolumes` / `reportMultiAttachError`:
//!   a volume that does not allow multi-attach (`util.IsMultiAttachAllowed`: its PV's access
//!   modes include neither ReadWriteMany nor ReadOnlyMany) and is attached to another node is
//!   reported once per volume and node (`MultiAttachErrorReported`), naming the pods that
//!   still need it there or, when none does, saying it is "exclusively attached".
//! - `pkg/controller/volume/attachdetach/populator/desired_state_of_world_populator.go`
//!   `findAndRemoveDeletedPods` and `util.DetermineVolumeAction`: a pod keeps its volumes
//!   desired until it is deleted or `IsPodTerminated` (`pkg/volume/util/util.go`: phase
//!   Failed/Succeeded, or a deletionTimestamp *and* no container still running). An evicted pod
//!   on a dead node never gets there: its kubelet cannot update its container statuses, so the
//!   disk stays attached for as long as the pod object exists.
//! - `pkg/controller/podgc/gc_controller.go`: `gcTerminating` force-deletes terminating pods on
//!   a node that is not Ready and has the out-of-service taint; `gcOrphaned` force-deletes the
//!   pods bound to a node that has been missing for `quarantineTime` (40 s). Both mark the
//!   pod Failed first (`markFailedAndDeletePodWithCondition`).
//!
//! The kubelet waits for the attachment in silence: on a v1.34 kubelet the 2m3s
//! `WaitForAttachAndMount` timeout wraps `context.DeadlineExceeded`, and `SyncPod` records its
//! `FailedMount` "Unable to attach or mount volumes: …" event only when `!wait.Interrupted(err)`
//! (`pkg/kubelet/kubelet.go`, `pkg/kubelet/volumemanager/volume_manager.go`). Older kubelets
//! (before 1.28) printed "… timed out waiting for the condition" every 2 minutes; the storage
//! semantics document still says so, and upstream wins.

use super::Cluster;
use super::SimTime;
use super::cluster::{Attachment, NsName, involved};
use super::events::EventType;
use super::location::{Placement, volume_placement};
use super::objects::*;
use std::collections::BTreeMap;

/// `ReconcilerMaxWaitForUnmountDuration` (AD `DefaultTimerConfig`): how long the reconciler
/// waits for an unhealthy node to unmount a volume nothing needs any more before it detaches
/// it anyway.
pub const MAX_WAIT_FOR_UNMOUNT_SECS: u64 = 360;
/// PodGC `quarantineTime`: how long the pods of a deleted node wait before they are deleted.
pub const ORPHAN_QUARANTINE_SECS: u64 = 40;
/// `v1.TaintNodeOutOfService`: set by an administrator on a node that is shut down for good
/// (non-graceful node shutdown, GA in 1.28).
pub const OUT_OF_SERVICE: &str = "node.kubernetes.io/out-of-service";
/// The attach/detach controller's event source.
pub const ATTACH_DETACH: &str = "attachdetach-controller";

/// `(PV name, node name)`: one attachment, or one volume wanted on one node.
pub type VolumeNode = (String, String);

/// AD `IsPodTerminated` (`pkg/volume/util/util.go`): the pod's volumes are no longer needed.
pub fn pod_terminated(pod: &Pod) -> bool {
    matches!(pod.status.phase, PodPhase::Failed | PodPhase::Succeeded)
        || (pod.metadata.deletion_timestamp.is_some()
            && pod
                .status
                .container_statuses
                .iter()
                .all(|s| s.state.running.is_none()))
}

/// AD `util.IsMultiAttachAllowed` for a PV: only ReadWriteMany or ReadOnlyMany volumes may be
/// attached to several nodes.
pub fn multi_attach_allowed(pv: &PersistentVolume) -> bool {
    pv.spec
        .access_modes
        .iter()
        .any(|m| matches!(m, AccessMode::ReadWriteMany | AccessMode::ReadOnlyMany))
}

/// `Multi-Attach error for volume "<pv>" <why>` for one waiting pod, as `reportMultiAttachError`
/// words it: the pods of the waiting pod's namespace that still use the volume elsewhere are
/// named (sorted), those of other namespaces only counted; with none, the volume is
/// "exclusively attached".
pub fn multi_attach_message(pv: &str, waiting_ns: &str, users: &[NsName]) -> String {
    let local: Vec<&str> = users
        .iter()
        .filter(|(ns, _)| ns == waiting_ns)
        .map(|(_, name)| name.as_str())
        .collect();
    let others = users.len() - local.len();
    let why = if users.is_empty() {
        "Volume is already exclusively attached to one node and can't be attached to another"
            .to_string()
    } else if local.is_empty() {
        format!("Volume is already used by {others} pod(s) in different namespaces")
    } else if others > 0 {
        format!(
            "Volume is already used by pod(s) {} and {others} pod(s) in different namespaces",
            local.join(", ")
        )
    } else {
        format!("Volume is already used by pod(s) {}", local.join(", "))
    };
    format!("Multi-Attach error for volume {pv:?} {why}")
}

impl Cluster {
    /// The desired state of the world: every attachable PV each scheduled, not terminated pod
    /// needs on its node, with those pods (the DSW's `scheduledPods`).
    fn desired_attachments(&self) -> BTreeMap<VolumeNode, Vec<NsName>> {
        let mut desired: BTreeMap<VolumeNode, Vec<NsName>> = BTreeMap::new();
        for pod in self.pods.values() {
            let Some(node) = pod.spec.node_name.clone() else {
                continue;
            };
            if pod_terminated(pod) {
                continue;
            }
            let ns = pod.metadata.namespace_or_default();
            for claim in pod.claim_names() {
                let Some(pv) = self
                    .claim(ns, &claim)
                    .filter(|c| c.status.phase == Some(ClaimPhase::Bound))
                    .and_then(|c| c.spec.volume_name())
                    .and_then(|n| self.volume(n))
                else {
                    continue;
                };
                if !matches!(
                    volume_placement(pv),
                    Placement::Network {
                        attachable: true,
                        ..
                    }
                ) {
                    continue;
                }
                let users = desired
                    .entry((pv.metadata.name.clone(), node.clone()))
                    .or_default();
                let who = (ns.to_string(), pod.metadata.name.clone());
                if !users.contains(&who) {
                    users.push(who);
                }
            }
        }
        desired
    }

    /// One pass of the attach/detach reconciler: detaches first, then attaches (`reconcile`).
    pub(crate) fn run_attach_detach(&mut self) {
        let desired = self.desired_attachments();
        self.detach_undesired(&desired);
        // The DSW forgets a volume's reported Multi-Attach error when no pod on that node
        // needs it any more.
        let stale: Vec<VolumeNode> = self
            .multi_attach_reported
            .iter()
            .filter(|k| !desired.contains_key(*k))
            .cloned()
            .collect();
        for k in stale {
            self.multi_attach_reported.remove(&k);
        }
        for (key, pods) in &desired {
            self.attach_desired(key, pods, &desired);
        }
    }

    /// The first half of `reconcile`: every attachment no pod wants any more is detached, once
    /// it is safe (the node no longer reports it mounted) or forced (out-of-service taint, or an
    /// unhealthy node after [`MAX_WAIT_FOR_UNMOUNT_SECS`]).
    fn detach_undesired(&mut self, desired: &BTreeMap<VolumeNode, Vec<NsName>>) {
        let now = self.now;
        let attached: Vec<(VolumeNode, Attachment)> = self
            .attachments
            .iter()
            .map(|(k, a)| (k.clone(), a.clone()))
            .collect();
        for (key, a) in attached {
            if desired.contains_key(&key) {
                continue;
            }
            let (pv, node) = &key;
            if !self.volumes.contains_key(pv) {
                self.attachments.remove(&key);
                self.resource_version += 1;
                continue;
            }
            let requested = a.detach_requested.unwrap_or(now);
            let node_obj = self.nodes.get(node);
            // nodeIsHealthy: a deleted node is not (the lister returns an error).
            let healthy = node_obj.is_some_and(|n| n.is_ready());
            // taints.TaintKeyExists: any effect, any value.
            let out_of_service =
                node_obj.is_some_and(|n| n.spec.taints.iter().any(|t| t.key == OUT_OF_SERVICE));
            // MountedByNode comes from the node's `status.volumesInUse`: a running kubelet
            // unmounts a volume no pod needs and reports it; a dead one (or a deleted Node
            // object, whose last status is what the controller saw) still lists it.
            let mounted = node_obj.is_none_or(|n| !n.is_up());
            // A restarted controller manager starts its timers afresh (its actual state of the
            // world is rebuilt from the nodes' status).
            let since = requested.max(self.controllers_since);
            let forced = !healthy && now.since(since) >= MAX_WAIT_FOR_UNMOUNT_SECS;
            if mounted && !forced && !out_of_service {
                if a.detach_requested.is_none() {
                    let waiting = Attachment {
                        detach_requested: Some(requested),
                        ..a
                    };
                    self.attachments.insert(key.clone(), waiting);
                    self.resource_version += 1;
                }
                continue;
            }
            self.attachments.remove(&key);
            self.resource_version += 1;
        }
    }

    /// `attachDesiredVolumes` for one volume on one node: already attached (the detach timer
    /// is reset), refused with a Multi-Attach error (reported once), or attached.
    fn attach_desired(
        &mut self,
        key: &VolumeNode,
        pods: &[NsName],
        desired: &BTreeMap<VolumeNode, Vec<NsName>>,
    ) {
        let (pv_name, node) = key;
        if let Some(a) = self.attachments.get(key) {
            if a.detach_requested.is_some() {
                let touched = Attachment {
                    detach_requested: None,
                    ..a.clone()
                };
                self.attachments.insert(key.clone(), touched);
                self.resource_version += 1;
            }
            return;
        }
        let Some(pv) = self.volumes.get(pv_name).cloned() else {
            return;
        };
        if !multi_attach_allowed(&pv) {
            let others: Vec<String> = self
                .attachments
                .keys()
                .filter(|(p, n)| p == pv_name && n != node)
                .map(|(_, n)| n.clone())
                .collect();
            if !others.is_empty() {
                if !self.multi_attach_reported.contains(key) {
                    self.report_multi_attach(pv_name, pods, &others, desired);
                    self.multi_attach_reported.insert(key.clone());
                }
                return;
            }
        }
        // A zonal disk can only be attached in its zone. The scheduler keeps pods elsewhere
        // through the PV's node affinity (VolumeBinding); a pod pinned with `nodeName` to
        // another zone gets here, and the driver's ControllerPublishVolume fails: EC2
        // AttachVolume answers `InvalidVolume.ZoneMismatch` (aws-ebs-csi-driver
        // `pkg/cloud/cloud.go` `AttachDisk`, wrapped by `pkg/driver/controller.go`
        // `ControllerPublishVolume`; the controller's event is
        // `AttachVolume.Attach failed for volume … : …`, `operation_generator.go`).
        if let Some(mismatch) = self.zone_mismatch(&pv, node) {
            if !self.multi_attach_reported.contains(key) {
                for (ns, name) in pods {
                    let Some(pod) = self.pod(ns, name) else {
                        continue;
                    };
                    let who = involved("Pod", &pod.metadata);
                    self.record(
                        who,
                        EventType::Warning,
                        "FailedAttachVolume",
                        format!("AttachVolume.Attach failed for volume {pv_name:?} : {mismatch}"),
                        ATTACH_DETACH,
                    );
                }
                self.multi_attach_reported.insert(key.clone());
            }
            return;
        }
        self.attachments.insert(
            key.clone(),
            Attachment {
                node: node.clone(),
                detach_requested: None,
            },
        );
        self.resource_version += 1;
        for (ns, name) in pods {
            let Some(pod) = self.pod(ns, name) else {
                continue;
            };
            let who = involved("Pod", &pod.metadata);
            self.record(
                who,
                EventType::Normal,
                "SuccessfulAttachVolume",
                format!("AttachVolume.Attach succeeded for volume {pv_name:?} "),
                ATTACH_DETACH,
            );
        }
    }

    /// `reportMultiAttachError`: one Warning per waiting pod, naming the pods that still need
    /// the volume on the other nodes (`GetVolumePodsOnNodes`).
    fn report_multi_attach(
        &mut self,
        pv: &str,
        waiting: &[NsName],
        other_nodes: &[String],
        desired: &BTreeMap<VolumeNode, Vec<NsName>>,
    ) {
        let mut users: Vec<NsName> = other_nodes
            .iter()
            .filter_map(|n| desired.get(&(pv.to_string(), n.clone())))
            .flatten()
            .cloned()
            .collect();
        users.sort();
        users.dedup();
        for (ns, name) in waiting {
            let Some(pod) = self.pod(ns, name) else {
                continue;
            };
            let who = involved("Pod", &pod.metadata);
            let message = multi_attach_message(pv, ns, &users);
            self.record(
                who,
                EventType::Warning,
                "FailedAttachVolume",
                message,
                ATTACH_DETACH,
            );
        }
    }

    /// The attachable PV a pod still waits for on its node, if any (the kubelet's
    /// `VerifyControllerAttachedVolume`: it mounts only what the controller has attached).
    pub(crate) fn unattached_volume(&self, pod: &Pod, node: &str) -> Option<String> {
        let ns = pod.metadata.namespace_or_default();
        pod.claim_names().into_iter().find_map(|claim| {
            let pv = self
                .claim(ns, &claim)
                .and_then(|c| c.spec.volume_name())
                .and_then(|n| self.volume(n))?;
            let attachable = matches!(
                volume_placement(pv),
                Placement::Network {
                    attachable: true,
                    ..
                }
            );
            let key = (pv.metadata.name.clone(), node.to_string());
            (attachable && !self.attachments.contains_key(&key)).then(|| pv.metadata.name.clone())
        })
    }

    /// The pod garbage collector's rules for lost nodes: `gcTerminating` (terminating pods on a
    /// NotReady node with the out-of-service taint) and `gcOrphaned` (pods bound to a node
    /// missing for [`ORPHAN_QUARANTINE_SECS`]). Each such pod is marked Failed and force-deleted.
    pub(crate) fn run_pod_gc(&mut self) {
        let now = self.now;
        let doomed: Vec<(NsName, &'static str)> = self
            .pods
            .iter()
            .filter_map(|(k, p)| {
                let node_name = p.spec.node_name.as_deref()?;
                match self.nodes.get(node_name) {
                    Some(n) => (p.metadata.deletion_timestamp.is_some()
                        && !n.is_ready()
                        && n.spec.taints.iter().any(|t| t.key == OUT_OF_SERVICE))
                    .then_some((
                        k.clone(),
                        "the pod garbage collector force-deleted it (its node is out of service)",
                    )),
                    None => (now.since(self.orphaned_since(p, node_name))
                        >= ORPHAN_QUARANTINE_SECS)
                        .then_some((
                            k.clone(),
                            "the pod garbage collector force-deleted it (its node no longer exists)",
                        )),
                }
            })
            .collect();
        for (k, cause) in doomed {
            let Some(mut pod) = self.pods.get(&k).cloned() else {
                continue;
            };
            // markFailedAndDeletePod: the phase is patched to Failed, then a delete with a
            // grace period of 0 removes the object at once.
            pod.status.phase = PodPhase::Failed;
            self.destroy_pod_storage(&pod, cause);
            self.pods.remove(&k);
            self.assumed.remove(&pod.metadata.uid);
            self.resource_version += 1;
        }
    }

    /// When the attach/detach controller or the pod garbage collector next acts on its own: a
    /// forced detach falling due, or a deleted node's quarantine ending.
    pub(crate) fn attach_detach_deadlines(&self) -> Vec<SimTime> {
        let mut out: Vec<SimTime> = self
            .attachments
            .values()
            .filter_map(|a| a.detach_requested)
            .map(|at| {
                at.max(self.controllers_since)
                    .plus(MAX_WAIT_FOR_UNMOUNT_SECS)
            })
            .collect();
        for p in self.pods.values() {
            if let Some(node) = p
                .spec
                .node_name
                .as_deref()
                .filter(|n| !self.nodes.contains_key(*n))
            {
                out.push(self.orphaned_since(p, node).plus(ORPHAN_QUARANTINE_SECS));
            }
        }
        out
    }

    /// Since when PodGC has seen `pod` bound to the missing node `node` (`gcOrphaned` queues
    /// the node for its quarantine the first time it sees such a pod): the node's deletion,
    /// or the pod's creation when the node never existed or was deleted earlier.
    fn orphaned_since(&self, pod: &Pod, node: &str) -> SimTime {
        let created = pod.metadata.creation_timestamp.unwrap_or(self.now);
        self.nodes_deleted_at
            .get(node)
            .map_or(created, |at| (*at).max(created))
    }
}

impl Cluster {
    /// The EBS driver's error when a zonal disk (a PV whose node affinity names a zone) is
    /// to be attached to a node of another zone; `None` when the zones agree or either has
    /// none.
    fn zone_mismatch(&self, pv: &PersistentVolume, node: &str) -> Option<String> {
        let zone_label = crate::sim::profile::ZONE_LABEL;
        let wanted: Vec<&String> = pv
            .spec
            .node_affinity
            .as_ref()?
            .required
            .as_ref()?
            .node_selector_terms
            .iter()
            .flat_map(|t| &t.match_expressions)
            .filter(|e| e.key == zone_label && e.operator == "In")
            .flat_map(|e| &e.values)
            .collect();
        if wanted.is_empty() {
            return None;
        }
        let zone = self.nodes.get(node)?.metadata.labels.get(zone_label)?;
        if wanted.contains(&zone) {
            return None;
        }
        let volume = pv
            .spec
            .csi
            .as_ref()
            .map(|c| c.volume_handle.clone())
            .unwrap_or_else(|| pv.metadata.name.clone());
        // A stable stand-in for the node's EC2 instance id.
        let instance = format!("i-0{}", crate::sim::names::pod_template_hash(node, 0));
        Some(format!(
            "rpc error: code = Internal desc = Could not attach volume {volume:?} to node {instance:?}: could not attach volume {volume:?} to node {instance:?}: operation error EC2: AttachVolume, https response error StatusCode: 400, api error InvalidVolume.ZoneMismatch: The volume '{volume}' is not in the same availability zone as instance '{instance}'"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn users(list: &[(&str, &str)]) -> Vec<NsName> {
        list.iter()
            .map(|(ns, n)| (ns.to_string(), n.to_string()))
            .collect()
    }

    /// `reportMultiAttachError` (reconciler.go): no pod needs it elsewhere any more.
    #[test]
    fn report_multi_attach_error_exclusively_attached_when_no_pod_needs_it() {
        assert_eq!(
            multi_attach_message("pvc-1", "default", &[]),
            "Multi-Attach error for volume \"pvc-1\" Volume is already exclusively attached to one node and can't be attached to another"
        );
    }

    /// `reportMultiAttachError`: pods of the same namespace are named, joined by ", ".
    #[test]
    fn report_multi_attach_error_names_pods_of_the_same_namespace() {
        assert_eq!(
            multi_attach_message(
                "pvc-1",
                "default",
                &users(&[("default", "a"), ("default", "b")])
            ),
            "Multi-Attach error for volume \"pvc-1\" Volume is already used by pod(s) a, b"
        );
    }

    /// `reportMultiAttachError`: pods of other namespaces are only counted.
    #[test]
    fn report_multi_attach_error_counts_pods_of_other_namespaces() {
        assert_eq!(
            multi_attach_message("pvc-1", "default", &users(&[("shop", "a")])),
            "Multi-Attach error for volume \"pvc-1\" Volume is already used by 1 pod(s) in different namespaces"
        );
        assert_eq!(
            multi_attach_message(
                "pvc-1",
                "default",
                &users(&[("default", "a"), ("shop", "b"), ("shop", "c")])
            ),
            "Multi-Attach error for volume \"pvc-1\" Volume is already used by pod(s) a and 2 pod(s) in different namespaces"
        );
    }

    /// `IsPodTerminated` (`pkg/volume/util/util.go`): a deletionTimestamp alone is not enough
    /// while a container status still says running.
    #[test]
    fn is_pod_terminated_needs_no_running_container() {
        let mut pod = Pod::default();
        pod.status.container_statuses.push(ContainerStatus {
            state: ContainerState::running(SimTime(0)),
            ..ContainerStatus::default()
        });
        pod.metadata.deletion_timestamp = Some(SimTime(1));
        assert!(!pod_terminated(&pod), "Terminating but still running");
        pod.status.container_statuses[0].state = ContainerState::waiting("ContainerCreating", None);
        assert!(pod_terminated(&pod));
        pod.metadata.deletion_timestamp = None;
        assert!(!pod_terminated(&pod));
        pod.status.phase = PodPhase::Failed;
        assert!(pod_terminated(&pod));
    }
}
