//! The ReplicaSet controller: keeps `replicas` active pods, each a new object with a new name
//! (`<rs>-<5 chars>`) and a new UID, so a replacement gets a new emptyDir (semantics §9.1).

use super::{controller_ref, is_active, is_ready};
use crate::sim::Cluster;
use crate::sim::cluster::{NsName, involved};
use crate::sim::events::EventType;
use crate::sim::objects::*;

impl Cluster {
    /// One pass over every ReplicaSet.
    pub(crate) fn run_replica_sets(&mut self) {
        let sets: Vec<ReplicaSet> = self.replica_sets.values().cloned().collect();
        for rs in sets {
            if rs.metadata.deletion_timestamp.is_some() {
                continue;
            }
            self.sync_replica_set(rs);
        }
    }

    fn sync_replica_set(&mut self, mut rs: ReplicaSet) {
        self.claim_pods_for_replica_set(&rs);
        let desired = crate::sim::api::desired_replicas(rs.spec.replicas);
        let uid = rs.metadata.uid.clone();
        let ns = rs.metadata.namespace_or_default().to_string();
        // References first: a ReplicaSet at its size (every round, mostly) copies no pod.
        let owned = |c: &Cluster| -> Vec<NsName> {
            c.pods
                .iter()
                .filter(|(_, p)| {
                    p.metadata.controller().is_some_and(|o| o.uid == uid) && is_active(p)
                })
                .map(|(k, _)| k.clone())
                .collect()
        };
        let active_keys = owned(self);
        let who = involved("ReplicaSet", &rs.metadata);
        if active_keys.len() < desired {
            for _ in active_keys.len()..desired {
                let name = format!("{}-{}", rs.metadata.name, self.rng.suffix(5));
                if !self.has_room() {
                    self.refuse_creation(who.clone(), "pods", &name, "replicaset-controller");
                    break;
                }
                let mut meta = ObjectMeta::named(&name, Some(&ns));
                meta.generate_name = Some(format!("{}-", rs.metadata.name));
                meta.labels = rs.spec.template.metadata.labels.clone();
                meta.annotations = rs.spec.template.metadata.annotations.clone();
                meta.owner_references = vec![controller_ref("apps/v1", "ReplicaSet", &rs.metadata)];
                self.stamp_generated(&mut meta);
                let pod = Pod {
                    metadata: meta,
                    spec: rs.spec.template.spec.clone(),
                    status: PodStatus::default(),
                };
                let token = self.token_volume_name();
                let pod = crate::sim::api::default_pod(pod, &token);
                self.put_pod(pod);
                self.record(
                    who.clone(),
                    EventType::Normal,
                    "SuccessfulCreate",
                    format!("Created pod: {name}"),
                    "replicaset-controller",
                );
            }
        } else if active_keys.len() > desired {
            let mut active: Vec<Pod> = active_keys
                .iter()
                .filter_map(|k| self.pods.get(k).cloned())
                .collect();
            // controller.ActivePods ranking: unscheduled, then pending, then not ready, then newest.
            active.sort_by_key(|p| {
                (
                    p.spec.node_name.is_some(),
                    p.status.phase != PodPhase::Pending,
                    is_ready(p),
                    std::cmp::Reverse(p.metadata.creation_timestamp),
                )
            });
            let extra = active.len() - desired;
            for mut pod in active.drain(..extra) {
                pod.metadata.deletion_timestamp = Some(self.now);
                let name = pod.metadata.name.clone();
                self.put_pod(pod);
                self.record(
                    who.clone(),
                    EventType::Normal,
                    "SuccessfulDelete",
                    format!("Deleted pod: {name}"),
                    "replicaset-controller",
                );
            }
        }
        let active_keys = owned(self);
        let ready = active_keys
            .iter()
            .filter(|k| self.pods.get(*k).is_some_and(is_ready))
            .count() as i32;
        rs.status = WorkloadStatus {
            replicas: active_keys.len() as i32,
            ready_replicas: ready,
            updated_replicas: 0,
            available_replicas: ready,
            observed_generation: rs.metadata.generation,
            conditions: Vec::new(),
        };
        self.put_replica_set(rs);
    }
}
