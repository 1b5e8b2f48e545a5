//! The scheduler: PreFilter/Filter/Score/Reserve/PreBind for the plugins that matter to
//! storage (VolumeBinding, VolumeRestrictions, NodeUnschedulable, TaintToleration,
//! NodeAffinity), and the FailedScheduling message format (semantics §4).
//!
//! Spreading rule (documented, deterministic): among feasible nodes, pick the one with the
//! fewest pods of the same owner, then the fewest pods overall, then the first in node order.

use super::Cluster;
use super::cluster::{NsName, involved};
use super::events::EventType;
use super::objects::*;
use super::pv_controller::binding::{
    ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE,
};
use super::pv_controller::classes::claim_class;
use super::pv_controller::matching::{find_matching_volume_for_node, node_affinity_allows};
use std::collections::{BTreeMap, BTreeSet};

/// The scheduler's event source.
pub const SCHEDULER: &str = "default-scheduler";

/// What binding a pod's unbound WFFC claims on one node would take.
#[derive(Clone, Debug, Default)]
struct VolumePlan {
    static_binds: Vec<(PersistentVolumeClaim, String)>,
    provisions: Vec<PersistentVolumeClaim>,
}

impl Cluster {
    /// One pass over every unscheduled pod, oldest first.
    pub(crate) fn run_scheduler(&mut self) {
        let mut pending: Vec<(Option<super::SimTime>, NsName)> = self
            .pods
            .iter()
            .filter(|(_, p)| p.spec.node_name.is_none() && p.metadata.deletion_timestamp.is_none())
            .map(|(k, p)| (p.metadata.creation_timestamp, k.clone()))
            .collect();
        pending.sort();
        for (_, k) in pending {
            self.schedule_pod(&k);
        }
    }

    fn schedule_pod(&mut self, k: &NsName) {
        let Some(pod) = self.pods.get(k).cloned() else {
            return;
        };
        if let Some(node) = self.assumed.get(&pod.metadata.uid).cloned() {
            self.pre_bind(pod, node);
            return;
        }
        let total = self.nodes.len();
        if let Err(msg) = self
            .volume_binding_pre_filter(&pod)
            .and_then(|_| self.rwop_pre_filter(&pod))
        {
            self.unschedulable(pod, format!("0/{total} nodes are available: {msg}."), total);
            return;
        }
        let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
        let mut feasible: Vec<(String, VolumePlan)> = Vec::new();
        let nodes: Vec<Node> = self.nodes.values().cloned().collect();
        for node in &nodes {
            match self.filter_node(&pod, node) {
                Ok(plan) => feasible.push((node.metadata.name.clone(), plan)),
                Err(node_reasons) => {
                    for r in node_reasons {
                        *reasons.entry(r).or_default() += 1;
                    }
                }
            }
        }
        if feasible.is_empty() {
            let mut parts: Vec<String> = reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
            parts.sort();
            self.unschedulable(
                pod,
                format!("0/{total} nodes are available: {}.", parts.join(", ")),
                total,
            );
            return;
        }
        let owner = pod.metadata.controller().map(|o| o.uid.clone());
        let order: Vec<String> = self.nodes.keys().cloned().collect();
        let Some((node, plan)) = feasible.into_iter().min_by_key(|(n, _)| {
            let on_node = self.pods.values().filter(|p| {
                p.metadata.deletion_timestamp.is_none()
                    && (p.spec.node_name.as_deref() == Some(n.as_str())
                        || self.assumed.get(&p.metadata.uid) == Some(n))
            });
            let (mut same, mut all) = (0usize, 0usize);
            for p in on_node {
                all += 1;
                if owner.is_some() && p.metadata.controller().map(|o| o.uid.clone()) == owner {
                    same += 1;
                }
            }
            (
                same,
                all,
                order.iter().position(|x| x == n).unwrap_or(usize::MAX),
            )
        }) else {
            return;
        };
        // Reserve (SB AssumePodVolumes): reserve static matches, mark claims to provision.
        for (claim, pv_name) in plan.static_binds {
            if let Some(mut pv) = self.volumes.get(&pv_name).cloned() {
                pv.spec.claim_ref = Some(ObjectReference {
                    kind: Some("PersistentVolumeClaim".into()),
                    namespace: Some(claim.metadata.namespace_or_default().into()),
                    name: Some(claim.metadata.name.clone()),
                    uid: Some(claim.metadata.uid.clone()),
                    api_version: Some("v1".into()),
                    resource_version: Some(claim.metadata.resource_version.clone()),
                    ..ObjectReference::default()
                });
                pv.metadata
                    .annotations
                    .insert(ANN_BOUND_BY_CONTROLLER.into(), "yes".into());
                self.put_volume(pv);
            }
        }
        for mut claim in plan.provisions {
            claim
                .metadata
                .annotations
                .insert(ANN_SELECTED_NODE.into(), node.clone());
            self.put_claim(claim);
        }
        self.assumed.insert(pod.metadata.uid.clone(), node.clone());
        self.pre_bind(pod, node);
    }

    /// PreBind: once every claim of the pod is bound, bind the pod to the node. If a claim
    /// lost its selected-node (provisioning failed), forget the assumption and retry.
    fn pre_bind(&mut self, mut pod: Pod, node: String) {
        let ns = pod.metadata.namespace_or_default().to_string();
        let mut all_bound = true;
        for name in pod.spec.claim_names() {
            let Some(claim) = self.claim(&ns, name) else {
                self.assumed.remove(&pod.metadata.uid);
                return;
            };
            if !claim.metadata.has_annotation(ANN_BIND_COMPLETED, "yes") {
                all_bound = false;
                if self.is_delay_binding(claim)
                    && claim.spec.volume_name().is_none()
                    && !claim.metadata.annotations.contains_key(ANN_SELECTED_NODE)
                    && !self
                        .volumes
                        .values()
                        .any(|v| super::pv_controller::matching::is_volume_bound_to_claim(v, claim))
                {
                    self.assumed.remove(&pod.metadata.uid);
                    return;
                }
            }
        }
        if !all_bound {
            return;
        }
        self.assumed.remove(&pod.metadata.uid);
        pod.spec.node_name = Some(node.clone());
        let now = self.now;
        match pod
            .status
            .conditions
            .iter_mut()
            .find(|c| c.type_ == "PodScheduled")
        {
            Some(c) => {
                c.status = "True".into();
                c.reason = None;
                c.message = None;
                c.last_transition_time = Some(now);
            }
            None => pod.status.conditions.push(PodCondition {
                type_: "PodScheduled".into(),
                status: "True".into(),
                last_transition_time: Some(now),
                ..PodCondition::default()
            }),
        }
        let who = involved("Pod", &pod.metadata);
        let msg = format!(
            "Successfully assigned {}/{} to {node}",
            pod.metadata.namespace_or_default(),
            pod.metadata.name
        );
        self.put_pod(pod);
        self.record(who, EventType::Normal, "Scheduled", msg, SCHEDULER);
    }

    /// Records FailedScheduling (once per distinct message and instant) and the condition.
    fn unschedulable(&mut self, mut pod: Pod, message: String, total: usize) {
        let full = format!(
            "{message} preemption: 0/{total} nodes are available: {total} Preemption is not helpful for scheduling."
        );
        let who = involved("Pod", &pod.metadata);
        self.record(
            who,
            EventType::Warning,
            "FailedScheduling",
            full.clone(),
            SCHEDULER,
        );
        let now = self.now;
        match pod
            .status
            .conditions
            .iter_mut()
            .find(|c| c.type_ == "PodScheduled")
        {
            Some(c) => {
                if c.message.as_deref() != Some(full.as_str()) {
                    c.status = "False".into();
                    c.reason = Some("Unschedulable".into());
                    c.message = Some(full);
                    c.last_transition_time = Some(now);
                }
            }
            None => pod.status.conditions.push(PodCondition {
                type_: "PodScheduled".into(),
                status: "False".into(),
                reason: Some("Unschedulable".into()),
                message: Some(full),
                last_transition_time: Some(now),
            }),
        }
        self.put_pod(pod);
    }

    /// VB PreFilter (semantics §4.1–§4.2).
    fn volume_binding_pre_filter(&self, pod: &Pod) -> Result<(), String> {
        let ns = pod.metadata.namespace_or_default();
        let mut unbound_immediate = false;
        for name in pod.spec.claim_names() {
            let Some(claim) = self.claim(ns, name) else {
                return Err(format!("persistentvolumeclaim {name:?} not found"));
            };
            if claim.metadata.deletion_timestamp.is_some() {
                return Err(format!("persistentvolumeclaim {name:?} is being deleted"));
            }
            if claim.status.phase == Some(ClaimPhase::Lost) {
                return Err(format!(
                    "persistentvolumeclaim {name:?} bound to non-existent persistentvolume {:?}",
                    claim.spec.volume_name().unwrap_or("")
                ));
            }
            let bound = claim.spec.volume_name().is_some()
                && claim.metadata.has_annotation(ANN_BIND_COMPLETED, "yes");
            let delay = self.is_delay_binding(claim) && claim.spec.volume_name().is_none();
            if !bound && !delay {
                unbound_immediate = true;
            }
        }
        if unbound_immediate {
            return Err("pod has unbound immediate PersistentVolumeClaims".into());
        }
        Ok(())
    }

    /// VR PreFilter: a ReadWriteOncePod claim already used by another pod (semantics §8.1).
    fn rwop_pre_filter(&self, pod: &Pod) -> Result<(), String> {
        let ns = pod.metadata.namespace_or_default();
        for name in pod.spec.claim_names() {
            let Some(claim) = self.claim(ns, name) else {
                continue;
            };
            if !claim
                .spec
                .access_modes
                .contains(&AccessMode::ReadWriteOncePod)
            {
                continue;
            }
            let taken = self.pods.values().any(|other| {
                other.metadata.uid != pod.metadata.uid
                    && other.metadata.namespace_or_default() == ns
                    && (other.spec.node_name.is_some()
                        || self.assumed.contains_key(&other.metadata.uid))
                    && other.spec.claim_names().contains(&name)
            });
            if taken {
                return Err("node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode".into());
            }
        }
        Ok(())
    }

    /// The Filter plugins, in the default profile's order; the first that fails decides.
    fn filter_node(&self, pod: &Pod, node: &Node) -> Result<VolumePlan, Vec<String>> {
        if node.spec.unschedulable {
            return Err(vec!["node(s) were unschedulable".into()]);
        }
        if let Some(t) = node
            .spec
            .taints
            .iter()
            .find(|t| t.effect == "NoSchedule" || t.effect == "NoExecute")
        {
            if !tolerates(pod, t) {
                return Err(vec![format!(
                    "node(s) had untolerated taint {{{}: {}}}",
                    t.key,
                    t.value.as_deref().unwrap_or("")
                )]);
            }
        }
        if !pod
            .spec
            .node_selector
            .iter()
            .all(|(k, v)| node.metadata.labels.get(k) == Some(v))
        {
            return Err(vec![
                "node(s) didn't match Pod's node affinity/selector".into(),
            ]);
        }
        self.volume_binding_filter(pod, node)
    }

    /// SB `FindPodVolumes` for one node (semantics §4.3).
    fn volume_binding_filter(&self, pod: &Pod, node: &Node) -> Result<VolumePlan, Vec<String>> {
        let ns = pod.metadata.namespace_or_default();
        let mut reasons: Vec<String> = Vec::new();
        let mut delayed: Vec<PersistentVolumeClaim> = Vec::new();
        for name in pod.spec.claim_names() {
            let Some(claim) = self.claim(ns, name) else {
                continue;
            };
            if let Some(pv_name) = claim.spec.volume_name() {
                match self.volume(pv_name) {
                    None => push_unique(
                        &mut reasons,
                        "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)",
                    ),
                    Some(pv) if !node_affinity_allows(pv, node) => push_unique(
                        &mut reasons,
                        "node(s) didn't match PersistentVolume's node affinity",
                    ),
                    Some(_) => {}
                }
            } else {
                delayed.push(claim.clone());
            }
        }
        delayed.sort_by(|a, b| a.spec.request().cmp(&b.spec.request()));
        let mut plan = VolumePlan::default();
        let mut excluded: BTreeSet<String> = BTreeSet::new();
        let mut conflict = false;
        for claim in delayed {
            if let Some(selected) = claim.metadata.annotations.get(ANN_SELECTED_NODE) {
                if selected != &node.metadata.name {
                    conflict = true;
                }
                continue;
            }
            let class = claim_class(&claim).to_string();
            let candidates = self
                .volumes
                .values()
                .filter(|v| super::pv_controller::classes::volume_class(v) == class);
            match find_matching_volume_for_node(&claim, candidates, node, &excluded) {
                Ok(Some(pv)) => {
                    excluded.insert(pv.metadata.name.clone());
                    plan.static_binds
                        .push((claim.clone(), pv.metadata.name.clone()));
                }
                Err(()) => conflict = true,
                Ok(None) => {
                    let sc = self.storage_class(&class);
                    let can_provision = sc.is_some_and(|sc| {
                        !sc.provisioner.is_empty()
                            && sc.provisioner != "kubernetes.io/no-provisioner"
                            && allowed_topologies_fit(sc, node)
                    });
                    if can_provision {
                        plan.provisions.push(claim.clone());
                    } else {
                        conflict = true;
                    }
                }
            }
        }
        if conflict {
            push_unique(
                &mut reasons,
                "node(s) didn't find available persistent volumes to bind",
            );
        }
        if reasons.is_empty() {
            Ok(plan)
        } else {
            Err(reasons)
        }
    }
}

fn push_unique(reasons: &mut Vec<String>, r: &str) {
    if !reasons.iter().any(|x| x == r) {
        reasons.push(r.to_string());
    }
}

/// Whether the pod tolerates a taint. Pods carry the default `not-ready`/`unreachable`
/// NoExecute tolerations (DTS), which do not cover the NoSchedule taints.
pub(crate) fn tolerates(pod: &Pod, taint: &Taint) -> bool {
    let default = taint.effect == "NoExecute"
        && matches!(
            taint.key.as_str(),
            "node.kubernetes.io/not-ready" | "node.kubernetes.io/unreachable"
        );
    default
        || pod
            .spec
            .extra
            .get("tolerations")
            .and_then(|t| t.as_array())
            .is_some_and(|list| {
                list.iter().any(|tol| {
                    let key = tol.get("key").and_then(|v| v.as_str());
                    let op = tol
                        .get("operator")
                        .and_then(|v| v.as_str())
                        .unwrap_or("Equal");
                    let effect = tol.get("effect").and_then(|v| v.as_str()).unwrap_or("");
                    let value = tol.get("value").and_then(|v| v.as_str()).unwrap_or("");
                    (effect.is_empty() || effect == taint.effect)
                        && match (key, op) {
                            (None, "Exists") => true,
                            (Some(k), "Exists") => k == taint.key,
                            (Some(k), _) => {
                                k == taint.key && value == taint.value.as_deref().unwrap_or("")
                            }
                            _ => false,
                        }
                })
            })
}

/// A StorageClass's `allowedTopologies`: any term whose every expression matches the node.
fn allowed_topologies_fit(sc: &StorageClass, node: &Node) -> bool {
    let Some(terms) = sc.extra.get("allowedTopologies").and_then(|v| v.as_array()) else {
        return true;
    };
    if terms.is_empty() {
        return true;
    }
    terms.iter().any(|term| {
        term.get("matchLabelExpressions")
            .and_then(|e| e.as_array())
            .is_some_and(|exprs| {
                exprs.iter().all(|e| {
                    let key = e.get("key").and_then(|k| k.as_str()).unwrap_or("");
                    let values = e.get("values").and_then(|v| v.as_array());
                    node.metadata.labels.get(key).is_some_and(|label| {
                        values
                            .is_some_and(|vs| vs.iter().any(|v| v.as_str() == Some(label.as_str())))
                    })
                })
            })
    })
}
