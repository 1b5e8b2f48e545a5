//! The garbage collector (background cascading deletion): objects whose controlling owner no
//! longer exists are deleted. Claims are never owned by default, so they outlive their
//! workloads (semantics §8.2, §9.2).

use crate::sim::Cluster;
use crate::sim::objects::*;
use std::collections::BTreeSet;

impl Cluster {
    /// Deletes ReplicaSets, pods and claims whose owner is gone; and pods bound to nodes that
    /// no longer exist (PodGC).
    pub(crate) fn run_garbage_collector(&mut self) {
        let mut live: BTreeSet<String> = BTreeSet::new();
        live.extend(
            self.deployments
                .values()
                .filter(|d| d.metadata.deletion_timestamp.is_none())
                .map(|d| d.metadata.uid.clone()),
        );
        live.extend(self.replica_sets.values().map(|r| r.metadata.uid.clone()));
        live.extend(
            self.stateful_sets
                .values()
                .filter(|s| s.metadata.deletion_timestamp.is_none())
                .map(|s| s.metadata.uid.clone()),
        );
        live.extend(self.pods.values().map(|p| p.metadata.uid.clone()));
        let orphaned =
            |meta: &ObjectMeta| meta.owner_references.iter().any(|o| !live.contains(&o.uid));

        let rs_gone: Vec<(String, String)> = self
            .replica_sets
            .iter()
            .filter(|(_, rs)| orphaned(&rs.metadata))
            .map(|(k, _)| k.clone())
            .collect();
        for k in rs_gone {
            self.replica_sets.remove(&k);
            self.resource_version += 1;
        }
        let pods: Vec<Pod> = self
            .pods
            .values()
            .filter(|p| p.metadata.deletion_timestamp.is_none() && orphaned(&p.metadata))
            .cloned()
            .collect();
        for mut p in pods {
            p.metadata.deletion_timestamp = Some(self.now);
            self.put_pod(p);
        }
        let claims: Vec<PersistentVolumeClaim> = self
            .claims
            .values()
            .filter(|c| c.metadata.deletion_timestamp.is_none() && orphaned(&c.metadata))
            .cloned()
            .collect();
        for mut c in claims {
            c.metadata.deletion_timestamp = Some(self.now);
            self.put_claim(c);
        }
        // Deployments and StatefulSets marked for deletion go once their dependents are gone.
        let done: Vec<(String, String)> = self
            .deployments
            .iter()
            .filter(|(_, d)| d.metadata.deletion_timestamp.is_some())
            .map(|(k, _)| k.clone())
            .collect();
        for k in done {
            self.deployments.remove(&k);
            self.resource_version += 1;
        }
        let done: Vec<(String, String)> = self
            .stateful_sets
            .iter()
            .filter(|(_, s)| s.metadata.deletion_timestamp.is_some())
            .map(|(k, _)| k.clone())
            .collect();
        for k in done {
            self.stateful_sets.remove(&k);
            self.resource_version += 1;
        }
        // PodGC (pods bound to a node object that no longer exists) is
        // `Cluster::run_pod_gc`.
    }
}
