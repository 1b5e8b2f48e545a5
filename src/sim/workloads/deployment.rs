//! The Deployment controller: one ReplicaSet per template version, named
//! `<deployment>-<pod-template-hash>`; rollouts scale the new one up and old ones down
//! (RollingUpdate: new pods first; Recreate: old pods gone first).

use super::{controller_ref, is_active, is_ready};
use crate::sim::Cluster;
use crate::sim::cluster::involved;
use crate::sim::events::EventType;
use crate::sim::names::pod_template_hash;
use crate::sim::objects::*;

/// The label a Deployment adds to its ReplicaSets and pods.
pub const POD_TEMPLATE_HASH: &str = "pod-template-hash";
const REVISION: &str = "deployment.kubernetes.io/revision";

impl Cluster {
    /// One pass over every Deployment.
    pub(crate) fn run_deployments(&mut self) {
        let list: Vec<Deployment> = self.deployments.values().cloned().collect();
        for d in list {
            if d.metadata.deletion_timestamp.is_none() {
                self.sync_deployment(d);
            }
        }
    }

    fn sync_deployment(&mut self, mut d: Deployment) {
        let replicas = crate::sim::api::desired_replicas(d.spec.replicas) as i32;
        let template_json = serde_json::to_string(&d.spec.template).unwrap_or_default();
        let hash = pod_template_hash(&template_json, 0);
        let rs_name = format!("{}-{hash}", d.metadata.name);
        let ns = d.metadata.namespace_or_default().to_string();
        let uid = d.metadata.uid.clone();
        let owned: Vec<ReplicaSet> = self
            .replica_sets
            .values()
            .filter(|rs| rs.metadata.controller().is_some_and(|o| o.uid == uid))
            .cloned()
            .collect();
        let who = involved("Deployment", &d.metadata);
        let new_rs = match owned.iter().find(|rs| rs.metadata.name == rs_name).cloned() {
            Some(rs) => rs,
            None if !self.has_room() => {
                self.refuse_creation(who, "replicasets.apps", &rs_name, "deployment-controller");
                return;
            }
            None => {
                let revision = owned
                    .iter()
                    .filter_map(|rs| {
                        rs.metadata
                            .annotations
                            .get(REVISION)
                            .and_then(|r| r.parse::<u64>().ok())
                    })
                    .max()
                    .unwrap_or(0)
                    + 1;
                let mut template = d.spec.template.clone();
                template
                    .metadata
                    .labels
                    .insert(POD_TEMPLATE_HASH.into(), hash.clone());
                let mut selector = d.spec.selector.clone();
                selector
                    .match_labels
                    .insert(POD_TEMPLATE_HASH.into(), hash.clone());
                let mut meta = ObjectMeta::named(&rs_name, Some(&ns));
                meta.labels = template.metadata.labels.clone();
                meta.annotations
                    .insert(REVISION.into(), revision.to_string());
                meta.owner_references = vec![controller_ref("apps/v1", "Deployment", &d.metadata)];
                self.stamp_generated(&mut meta);
                let rs = ReplicaSet {
                    metadata: meta,
                    spec: ReplicaSetSpec {
                        replicas: Some(0),
                        selector,
                        template,
                        extra: Default::default(),
                    },
                    status: WorkloadStatus::default(),
                };
                self.put_replica_set(rs.clone());
                rs
            }
        };
        let old: Vec<ReplicaSet> = owned
            .into_iter()
            .filter(|rs| rs.metadata.name != rs_name)
            .collect();
        let recreate =
            d.spec.strategy.as_ref().and_then(|s| s.type_.as_deref()) == Some("Recreate");
        let pods_of = |c: &Cluster, rs: &ReplicaSet| -> Vec<Pod> {
            c.pods
                .values()
                .filter(|p| {
                    p.metadata
                        .controller()
                        .is_some_and(|o| o.uid == rs.metadata.uid)
                })
                .cloned()
                .collect()
        };
        let old_pods_exist = old.iter().any(|rs| !pods_of(self, rs).is_empty());
        let new_ready = pods_of(self, &new_rs)
            .iter()
            .filter(|p| is_active(p) && is_ready(p))
            .count() as i32;
        let scale = |c: &mut Cluster, mut rs: ReplicaSet, to: i32| {
            let from = rs.spec.replicas.unwrap_or(1);
            if from != to {
                let verb = if to > from { "up" } else { "down" };
                c.record(
                    who.clone(),
                    EventType::Normal,
                    "ScalingReplicaSet",
                    format!(
                        "Scaled {verb} replica set {} from {from} to {to}",
                        rs.metadata.name
                    ),
                    "deployment-controller",
                );
                rs.spec.replicas = Some(to);
                c.put_replica_set(rs);
            }
        };
        if recreate {
            for rs in old.iter().cloned() {
                scale(self, rs, 0);
            }
            if !old_pods_exist {
                scale(self, new_rs.clone(), replicas);
            }
        } else {
            scale(self, new_rs.clone(), replicas);
            if new_ready >= replicas {
                for rs in old.iter().cloned() {
                    scale(self, rs, 0);
                }
            }
        }
        let all: Vec<Pod> = self
            .replica_sets
            .values()
            .filter(|rs| rs.metadata.controller().is_some_and(|o| o.uid == uid))
            .flat_map(|rs| pods_of(self, rs))
            .filter(is_active)
            .collect();
        let updated = pods_of(self, &new_rs)
            .iter()
            .filter(|p| is_active(p))
            .count() as i32;
        let ready = all.iter().filter(|p| is_ready(p)).count() as i32;
        let available = ready >= replicas;
        let complete = available && updated == replicas && all.len() as i32 == replicas;
        let wanted = [
            if available {
                (
                    "Available",
                    "True",
                    "MinimumReplicasAvailable",
                    "Deployment has minimum availability.".to_string(),
                )
            } else {
                (
                    "Available",
                    "False",
                    "MinimumReplicasUnavailable",
                    "Deployment does not have minimum availability.".to_string(),
                )
            },
            if complete {
                (
                    "Progressing",
                    "True",
                    "NewReplicaSetAvailable",
                    format!(
                        "ReplicaSet {:?} has successfully progressed.",
                        new_rs.metadata.name
                    ),
                )
            } else {
                (
                    "Progressing",
                    "True",
                    "ReplicaSetUpdated",
                    format!("ReplicaSet {:?} is progressing.", new_rs.metadata.name),
                )
            },
        ];
        let now = self.now;
        let conditions = wanted
            .into_iter()
            .map(|(t, status, reason, message)| {
                match d.status.conditions.iter().find(|c| c.type_ == t) {
                    Some(old)
                        if old.status == status
                            && old.reason == reason
                            && old.message == message =>
                    {
                        old.clone()
                    }
                    Some(old) if old.status == status => WorkloadCondition {
                        reason: reason.into(),
                        message,
                        last_update_time: Some(now),
                        ..old.clone()
                    },
                    _ => WorkloadCondition {
                        type_: t.into(),
                        status: status.into(),
                        reason: reason.into(),
                        message,
                        last_update_time: Some(now),
                        last_transition_time: Some(now),
                    },
                }
            })
            .collect();
        if let Some(rev) = new_rs.metadata.annotations.get(REVISION).cloned() {
            d.metadata.annotations.insert(REVISION.into(), rev);
        }
        d.status = WorkloadStatus {
            replicas: all.len() as i32,
            ready_replicas: ready,
            updated_replicas: updated,
            available_replicas: ready,
            observed_generation: d.metadata.generation,
            conditions,
        };
        self.put_deployment(d);
    }
}
