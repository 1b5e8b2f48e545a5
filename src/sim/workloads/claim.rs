//! A ReplicaSet's claim on pods (kubernetes/kubernetes `pkg/controller/controller_ref_manager.go`
//! `ClaimPods`/`ClaimObject`, called by `pkg/controller/replicaset/replica_set.go`
//! `claimPods` on the active pods of its namespace): a pod it controls whose labels no longer
//! match its selector is released (its controller reference removed), so the ReplicaSet
//! replaces it and the pod lives on alone; an orphan pod that matches is adopted. A ReplicaSet
//! being deleted neither adopts nor releases. Relabelling is how people take a pod out of
//! service for debugging (`kubectl label pod x app-`), so it must behave as on a cluster.

use super::{controller_ref, is_active};
use crate::sim::Cluster;
use crate::sim::objects::*;

impl Cluster {
    /// Releases and adopts pods for one ReplicaSet before it counts its replicas.
    pub(crate) fn claim_pods_for_replica_set(&mut self, rs: &ReplicaSet) {
        if rs.metadata.deletion_timestamp.is_some() {
            return;
        }
        let ns = rs.metadata.namespace_or_default();
        let uid = &rs.metadata.uid;
        let mut changed: Vec<Pod> = Vec::new();
        for pod in self.pods.values() {
            if pod.metadata.namespace_or_default() != ns || !is_active(pod) {
                continue;
            }
            let matches = rs.spec.selector.matches(&pod.metadata.labels);
            match pod.metadata.controller() {
                Some(owner) if &owner.uid == uid && !matches => {
                    let mut p = pod.clone();
                    p.metadata.owner_references.retain(|o| &o.uid != uid);
                    changed.push(p);
                }
                None if matches => {
                    let mut p = pod.clone();
                    p.metadata.owner_references.push(controller_ref(
                        "apps/v1",
                        "ReplicaSet",
                        &rs.metadata,
                    ));
                    changed.push(p);
                }
                _ => {}
            }
        }
        for pod in changed {
            self.put_pod(pod);
        }
    }
}
