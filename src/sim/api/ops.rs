//! `kubectl scale`, `rollout restart`, `cordon`, `uncordon` and `drain`.

use crate::sim::cluster::key;
use crate::sim::errors::ApiError;
use crate::sim::objects::*;
use crate::sim::{Cluster, Kind};

/// What `drain` evicted and what it refused.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DrainReport {
    /// Pods evicted, as `namespace/name`.
    pub evicted: Vec<String>,
    /// Pods not managed by a controller, which drain refuses without `--force`.
    pub unmanaged: Vec<String>,
    /// Pods with emptyDir volumes, which drain refuses without `--delete-emptydir-data`.
    pub with_local_storage: Vec<String>,
}

impl Cluster {
    /// Sets `spec.replicas` of a Deployment, ReplicaSet or StatefulSet.
    pub fn scale(
        &mut self,
        kind: Kind,
        ns: &str,
        name: &str,
        replicas: i32,
    ) -> Result<bool, ApiError> {
        self.require_api()?;
        let k = key(ns, name);
        let workload = matches!(
            kind,
            Kind::Deployment | Kind::ReplicaSet | Kind::StatefulSet
        );
        if workload && i64::from(replicas) > crate::sim::limits::MAX_REPLICAS {
            let kind_name = match kind {
                Kind::Deployment => "Deployment.apps",
                Kind::ReplicaSet => "ReplicaSet.apps",
                _ => "StatefulSet.apps",
            };
            return Err(ApiError::Invalid {
                kind: kind_name.into(),
                name: name.into(),
                causes: vec![super::limits::replicas_cause(replicas.into())],
            });
        }
        let changed = match kind {
            Kind::Deployment => {
                let mut d = self
                    .deployments
                    .get(&k)
                    .cloned()
                    .ok_or_else(|| ApiError::not_found(kind, name))?;
                d.spec.replicas = Some(replicas);
                self.put_deployment(d)
            }
            Kind::ReplicaSet => {
                let mut r = self
                    .replica_sets
                    .get(&k)
                    .cloned()
                    .ok_or_else(|| ApiError::not_found(kind, name))?;
                r.spec.replicas = Some(replicas);
                self.put_replica_set(r)
            }
            Kind::StatefulSet => {
                let mut s = self
                    .stateful_sets
                    .get(&k)
                    .cloned()
                    .ok_or_else(|| ApiError::not_found(kind, name))?;
                s.spec.replicas = Some(replicas);
                self.put_stateful_set(s)
            }
            other => {
                return Err(ApiError::BadRequest(format!(
                    "the server could not find the requested resource: {} cannot be scaled",
                    other.qualified_plural()
                )));
            }
        };
        self.settle();
        Ok(changed)
    }

    /// `kubectl rollout restart`: stamps the template with `kubectl.kubernetes.io/restartedAt`,
    /// which makes a new ReplicaSet (Deployment) or replaces pods one by one (StatefulSet).
    pub fn rollout_restart(&mut self, kind: Kind, ns: &str, name: &str) -> Result<(), ApiError> {
        self.require_api()?;
        let stamp = self.now.rfc3339();
        let k = key(ns, name);
        const ANN: &str = "kubectl.kubernetes.io/restartedAt";
        match kind {
            Kind::Deployment => {
                let mut d = self
                    .deployments
                    .get(&k)
                    .cloned()
                    .ok_or_else(|| ApiError::not_found(kind, name))?;
                d.spec
                    .template
                    .metadata
                    .annotations
                    .insert(ANN.into(), stamp);
                d.metadata.generation += 1;
                self.put_deployment(d);
            }
            Kind::StatefulSet => {
                let mut s = self
                    .stateful_sets
                    .get(&k)
                    .cloned()
                    .ok_or_else(|| ApiError::not_found(kind, name))?;
                s.spec
                    .template
                    .metadata
                    .annotations
                    .insert(ANN.into(), stamp);
                s.metadata.generation += 1;
                self.put_stateful_set(s);
            }
            other => {
                return Err(ApiError::BadRequest(format!(
                    "restarting is not supported for {}",
                    other.qualified_plural()
                )));
            }
        }
        self.settle();
        Ok(())
    }

    /// Replaces a node's taints (what `kubectl taint` sends, after working out the new list
    /// on the client: kubectl `pkg/cmd/taint/utils.go` `reorganizeTaints`). A NoExecute taint
    /// evicts the pods that do not tolerate it; `node.kubernetes.io/out-of-service` also lets
    /// the pod garbage collector and the attach/detach controller free a lost node's volumes
    /// ([`crate::sim::attach_detach`]).
    pub fn set_taints(&mut self, node: &str, taints: Vec<Taint>) -> Result<(), ApiError> {
        self.require_api()?;
        let mut n = self
            .nodes
            .get(node)
            .cloned()
            .ok_or_else(|| ApiError::not_found(Kind::Node, node))?;
        n.spec.taints = taints;
        self.put_node(n);
        self.settle();
        Ok(())
    }

    /// Marks a node (un)schedulable. Returns whether it changed.
    pub fn cordon(&mut self, node: &str, unschedulable: bool) -> Result<bool, ApiError> {
        self.require_api()?;
        let mut n = self
            .nodes
            .get(node)
            .cloned()
            .ok_or_else(|| ApiError::not_found(Kind::Node, node))?;
        if n.spec.unschedulable == unschedulable {
            return Ok(false);
        }
        n.spec.unschedulable = unschedulable;
        let taint = "node.kubernetes.io/unschedulable";
        if unschedulable {
            n.spec.taints.push(Taint {
                key: taint.into(),
                value: None,
                effect: "NoSchedule".into(),
                time_added: Some(self.now),
            });
        } else {
            n.spec.taints.retain(|t| t.key != taint);
        }
        self.put_node(n);
        self.settle();
        Ok(true)
    }

    /// `kubectl drain`: cordon, then evict every pod on the node. Like kubectl, it refuses
    /// (evicting nothing) when bare pods are present without `force`, or pods with emptyDir
    /// without `delete_emptydir_data`.
    pub fn drain(
        &mut self,
        node: &str,
        force: bool,
        delete_emptydir_data: bool,
    ) -> Result<DrainReport, ApiError> {
        self.require_api()?;
        self.nodes
            .get(node)
            .ok_or_else(|| ApiError::not_found(Kind::Node, node))?;
        self.cordon(node, true)?;
        let pods: Vec<Pod> = self
            .pods
            .values()
            .filter(|p| {
                p.spec.node_name.as_deref() == Some(node) && p.metadata.deletion_timestamp.is_none()
            })
            .cloned()
            .collect();
        let mut report = DrainReport::default();
        for p in &pods {
            let id = format!("{}/{}", p.metadata.namespace_or_default(), p.metadata.name);
            if p.metadata.controller().is_none() {
                report.unmanaged.push(id.clone());
            }
            if p.spec.volumes.iter().any(|v| v.empty_dir.is_some()) {
                report.with_local_storage.push(id);
            }
        }
        if (!report.unmanaged.is_empty() && !force)
            || (!report.with_local_storage.is_empty() && !delete_emptydir_data)
        {
            return Ok(report);
        }
        for p in pods {
            report.evicted.push(format!(
                "{}/{}",
                p.metadata.namespace_or_default(),
                p.metadata.name
            ));
            let mut p = p;
            p.metadata.deletion_timestamp = Some(self.now);
            self.put_pod(p);
        }
        self.settle();
        Ok(report)
    }
}
