//! The StatefulSet controller (semantics §9.2): pods `<sts>-<ordinal>` with stable names;
//! for each, claims `<template>-<sts>-<ordinal>` created if missing and reused if present;
//! OrderedReady creation and reverse-order scale-down; claims kept by default
//! (`persistentVolumeClaimRetentionPolicy` Retain/Retain).

use super::{controller_ref, is_active, is_ready};
use crate::sim::Cluster;
use crate::sim::cluster::{involved, key};
use crate::sim::events::EventType;
use crate::sim::objects::*;

/// Label with the pod's name, set on StatefulSet pods.
pub const POD_NAME_LABEL: &str = "statefulset.kubernetes.io/pod-name";
/// Label with the template revision a pod was made from.
pub const REVISION_LABEL: &str = "controller-revision-hash";

/// `<sts>-<hash of the template>`, the revision name.
fn revision(sts: &StatefulSet) -> String {
    let json = serde_json::to_string(&sts.spec.template).unwrap_or_default();
    format!(
        "{}-{}",
        sts.metadata.name,
        crate::sim::names::pod_template_hash(&json, 0)
    )
}

impl Cluster {
    /// One pass over every StatefulSet.
    pub(crate) fn run_stateful_sets(&mut self) {
        let list: Vec<StatefulSet> = self.stateful_sets.values().cloned().collect();
        for s in list {
            if s.metadata.deletion_timestamp.is_none() {
                self.sync_stateful_set(s);
            }
        }
    }

    fn sync_stateful_set(&mut self, mut sts: StatefulSet) {
        let replicas = crate::sim::api::desired_replicas(sts.spec.replicas);
        let ns = sts.metadata.namespace_or_default().to_string();
        let name = sts.metadata.name.clone();
        let uid = sts.metadata.uid.clone();
        let parallel = sts.spec.pod_management_policy.as_deref() == Some("Parallel");
        let who = involved("StatefulSet", &sts.metadata);
        // Create missing ordinals in order; OrderedReady waits for each to be Running and Ready.
        for ordinal in 0..replicas {
            let pod_name = format!("{name}-{ordinal}");
            match self.pods.get(&key(&ns, &pod_name)) {
                Some(p) if p.metadata.controller().is_some_and(|o| o.uid == uid) => {
                    if matches!(p.status.phase, PodPhase::Failed | PodPhase::Succeeded)
                        && p.metadata.deletion_timestamp.is_none()
                    {
                        let mut p = p.clone();
                        p.metadata.deletion_timestamp = Some(self.now);
                        self.put_pod(p);
                        self.record(
                            who.clone(),
                            EventType::Normal,
                            "SuccessfulDelete",
                            format!("delete Pod {pod_name} in StatefulSet {name} successful"),
                            "statefulset-controller",
                        );
                        break;
                    }
                    let settled = is_active(p) && is_ready(p);
                    if !parallel && !settled {
                        break;
                    }
                }
                Some(_) => break, // a pod of that name exists and is not ours, or is terminating
                None => {
                    self.create_stateful_pod(&sts, ordinal);
                    if !parallel {
                        break;
                    }
                }
            }
        }
        // Scale down: highest ordinal first, one at a time unless Parallel.
        // Only the pods past `replicas` are copied (none, once scaled).
        let mut extra: Vec<(usize, Pod)> = self
            .pods
            .values()
            .filter(|p| p.metadata.controller().is_some_and(|o| o.uid == uid))
            .filter_map(|p| ordinal_of(&p.metadata.name, &name).map(|o| (o, p)))
            .filter(|(o, _)| *o >= replicas)
            .map(|(o, p)| (o, p.clone()))
            .collect();
        extra.sort_by_key(|(o, _)| std::cmp::Reverse(*o));
        let terminating = extra
            .iter()
            .any(|(_, p)| p.metadata.deletion_timestamp.is_some());
        for (ordinal, mut pod) in extra {
            if pod.metadata.deletion_timestamp.is_some() {
                continue;
            }
            if terminating && !parallel {
                break;
            }
            pod.metadata.deletion_timestamp = Some(self.now);
            let pod_name = pod.metadata.name.clone();
            self.put_pod(pod);
            self.record(
                who.clone(),
                EventType::Normal,
                "SuccessfulDelete",
                format!("delete Pod {pod_name} in StatefulSet {name} successful"),
                "statefulset-controller",
            );
            if sts_policy(&sts, |p| p.when_scaled.as_deref()) == "Delete" {
                self.delete_template_claims(&sts, ordinal);
            }
            if !parallel {
                break;
            }
        }
        self.roll_stateful_set(&sts, replicas);
        let (active, ready) = self
            .pods
            .values()
            .filter(|p| p.metadata.controller().is_some_and(|o| o.uid == uid) && is_active(p))
            .fold((0, 0), |(a, r), p| (a + 1, r + i32::from(is_ready(p))));
        sts.status = WorkloadStatus {
            replicas: active,
            ready_replicas: ready,
            updated_replicas: active,
            available_replicas: ready,
            observed_generation: sts.metadata.generation,
            conditions: Vec::new(),
        };
        self.put_stateful_set(sts);
    }

    /// RollingUpdate: once every pod exists and is ready, delete the highest-ordinal pod of
    /// an old revision; the controller recreates it (same name, same claims) from the new
    /// template. One pod at a time.
    fn roll_stateful_set(&mut self, sts: &StatefulSet, replicas: usize) {
        let uid = &sts.metadata.uid;
        let current = revision(sts);
        let pods: Vec<&Pod> = self
            .pods
            .values()
            .filter(|p| p.metadata.controller().is_some_and(|o| &o.uid == uid))
            .collect();
        let all_ready = pods.len() == replicas && pods.iter().all(|p| is_active(p) && is_ready(p));
        if !all_ready {
            return;
        }
        // The stale pod with the highest ordinal; only that one is copied.
        let stale = pods
            .into_iter()
            .filter(|p| p.metadata.labels.get(REVISION_LABEL) != Some(&current))
            .filter_map(|p| ordinal_of(&p.metadata.name, &sts.metadata.name).map(|o| (o, p)))
            .max_by_key(|(o, _)| *o)
            .map(|(_, p)| p.clone());
        if let Some(mut pod) = stale {
            pod.metadata.deletion_timestamp = Some(self.now);
            let name = pod.metadata.name.clone();
            self.put_pod(pod);
            let who = involved("StatefulSet", &sts.metadata);
            self.record(
                who,
                EventType::Normal,
                "SuccessfulDelete",
                format!(
                    "delete Pod {name} in StatefulSet {} successful",
                    sts.metadata.name
                ),
                "statefulset-controller",
            );
        }
    }

    fn create_stateful_pod(&mut self, sts: &StatefulSet, ordinal: usize) {
        let ns = sts.metadata.namespace_or_default().to_string();
        let name = sts.metadata.name.clone();
        let pod_name = format!("{name}-{ordinal}");
        let who = involved("StatefulSet", &sts.metadata);
        // The pod and one claim per template must fit.
        if self.object_count() + 1 + sts.spec.volume_claim_templates.len()
            > crate::sim::limits::MAX_OBJECTS
        {
            self.refuse_creation(who, "pods", &pod_name, "statefulset-controller");
            return;
        }
        let mut spec = sts.spec.template.spec.clone();
        for tmpl in &sts.spec.volume_claim_templates {
            let claim_name = format!("{}-{name}-{ordinal}", tmpl.metadata.name);
            if self.claims.get(&key(&ns, &claim_name)).is_none() {
                let mut meta = ObjectMeta::named(&claim_name, Some(&ns));
                meta.labels = tmpl.metadata.labels.clone();
                meta.labels.extend(sts.spec.selector.match_labels.clone());
                meta.annotations = tmpl.metadata.annotations.clone();
                let claim = PersistentVolumeClaim {
                    metadata: meta,
                    spec: tmpl.spec.clone(),
                    status: Default::default(),
                };
                if self.create_claim(claim).is_ok() {
                    self.record(
                        who.clone(),
                        EventType::Normal,
                        "SuccessfulCreate",
                        format!(
                            "create Claim {claim_name} Pod {pod_name} in StatefulSet {name} success"
                        ),
                        "statefulset-controller",
                    );
                }
            }
            spec.volumes.retain(|v| v.name != tmpl.metadata.name);
            spec.volumes.push(Volume {
                name: tmpl.metadata.name.clone(),
                persistent_volume_claim: Some(PersistentVolumeClaimVolumeSource {
                    claim_name,
                    read_only: None,
                }),
                ..Volume::default()
            });
        }
        spec.hostname = Some(pod_name.clone());
        if let Some(svc) = &sts.spec.service_name {
            spec.extra
                .insert("subdomain".into(), serde_json::Value::String(svc.clone()));
        }
        let mut meta = ObjectMeta::named(&pod_name, Some(&ns));
        meta.labels = sts.spec.template.metadata.labels.clone();
        meta.labels.insert(POD_NAME_LABEL.into(), pod_name.clone());
        meta.labels
            .insert("apps.kubernetes.io/pod-index".into(), ordinal.to_string());
        meta.labels.insert(REVISION_LABEL.into(), revision(sts));
        meta.annotations = sts.spec.template.metadata.annotations.clone();
        meta.owner_references = vec![controller_ref("apps/v1", "StatefulSet", &sts.metadata)];
        self.stamp_generated(&mut meta);
        let token = self.token_volume_name();
        let pod = crate::sim::api::default_pod(
            Pod {
                metadata: meta,
                spec,
                status: PodStatus::default(),
            },
            &token,
        );
        self.put_pod(pod);
        self.record(
            who,
            EventType::Normal,
            "SuccessfulCreate",
            format!("create Pod {pod_name} in StatefulSet {name} successful"),
            "statefulset-controller",
        );
    }

    /// Deletes the claims of one ordinal (retention policy Delete).
    pub(crate) fn delete_template_claims(&mut self, sts: &StatefulSet, ordinal: usize) {
        let ns = sts.metadata.namespace_or_default().to_string();
        for tmpl in &sts.spec.volume_claim_templates {
            let claim_name = format!("{}-{}-{ordinal}", tmpl.metadata.name, sts.metadata.name);
            if let Some(mut c) = self.claims.get(&key(&ns, &claim_name)).cloned() {
                if c.metadata.deletion_timestamp.is_none() {
                    c.metadata.deletion_timestamp = Some(self.now);
                    self.put_claim(c);
                }
            }
        }
    }
}

/// The ordinal of `<sts>-<n>`.
fn ordinal_of(pod: &str, sts: &str) -> Option<usize> {
    pod.strip_prefix(sts)?.strip_prefix('-')?.parse().ok()
}

/// A retention policy field, `Retain` by default.
pub(crate) fn sts_policy<'a>(
    sts: &'a StatefulSet,
    pick: impl Fn(&'a ClaimRetentionPolicy) -> Option<&'a str>,
) -> &'a str {
    sts.spec
        .persistent_volume_claim_retention_policy
        .as_ref()
        .and_then(pick)
        .unwrap_or("Retain")
}

/// Deletes every claim a StatefulSet's templates made (retention policy `whenDeleted: Delete`).
pub(crate) fn sts_retention_delete_all(cluster: &mut Cluster, sts: &StatefulSet) {
    let highest = cluster
        .pods
        .values()
        .filter_map(|p| ordinal_of(&p.metadata.name, &sts.metadata.name))
        .max()
        .unwrap_or(0)
        .max(sts.spec.replicas.unwrap_or(1).max(0) as usize);
    for ordinal in 0..=highest {
        cluster.delete_template_claims(sts, ordinal);
    }
}
