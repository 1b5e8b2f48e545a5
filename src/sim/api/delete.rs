//! `kubectl delete`: graceful by default (pods terminate through their kubelet), finalizers
//! hold claims and volumes that are in use (semantics §7).

use crate::sim::cluster::{key, retain};
use crate::sim::errors::ApiError;
use crate::sim::objects::*;
use crate::sim::workloads::sts_retention_delete_all;
use crate::sim::{Cluster, Kind};

/// Options of a delete.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeleteOptions {
    /// `--force --grace-period=0`: remove a pod object at once, whatever its kubelet does.
    pub force: bool,
}

/// What a delete did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeleteOutcome {
    /// The object is gone.
    Deleted,
    /// Deletion was requested but the object remains (Terminating): a finalizer holds it, or
    /// its node is unreachable. kubectl would keep waiting here.
    Terminating,
}

impl Cluster {
    /// Deletes an object of a simulated kind.
    pub fn delete(
        &mut self,
        kind: Kind,
        ns: &str,
        name: &str,
        opts: DeleteOptions,
    ) -> Result<DeleteOutcome, ApiError> {
        self.require_api()?;
        let now = self.now;
        let k = key(ns, name);
        // The uid of what is being deleted: a controller may recreate an object of the same
        // name (a StatefulSet pod) at once, and that is not the one still terminating.
        let uid = self
            .get_object(kind, ns, name)
            .map(|o| o.metadata().uid.clone());
        let missing = || ApiError::not_found(kind, name);
        match kind {
            Kind::Pod => {
                let mut pod = self.pods.get(&k).cloned().ok_or_else(missing)?;
                if opts.force {
                    self.destroy_pod_storage(&pod, "pod force-deleted");
                    self.pods.remove(&k);
                    self.assumed.remove(&pod.metadata.uid);
                    self.resource_version += 1;
                } else if pod.metadata.deletion_timestamp.is_none() {
                    pod.metadata.deletion_timestamp = Some(now);
                    if pod.spec.node_name.is_none() {
                        // Never scheduled: nothing to stop, the object goes at once.
                        self.pods.remove(&k);
                        self.assumed.remove(&pod.metadata.uid);
                        self.resource_version += 1;
                    } else {
                        self.put_pod(pod);
                    }
                }
            }
            Kind::PersistentVolumeClaim => {
                let mut c = self.claims.get(&k).cloned().ok_or_else(missing)?;
                c.metadata.deletion_timestamp.get_or_insert(now);
                self.put_claim(c);
            }
            Kind::PersistentVolume => {
                let mut pv = self.volumes.get(name).cloned().ok_or_else(missing)?;
                pv.metadata.deletion_timestamp.get_or_insert(now);
                self.put_volume(pv);
            }
            Kind::StorageClass => {
                self.classes.remove(name).ok_or_else(missing)?;
            }
            Kind::ConfigMap => {
                self.config_maps.remove(&k).ok_or_else(missing)?;
            }
            Kind::Secret => {
                self.secrets.remove(&k).ok_or_else(missing)?;
            }
            Kind::ReplicaSet => {
                self.replica_sets.remove(&k).ok_or_else(missing)?;
            }
            Kind::Deployment => {
                let mut d = self.deployments.get(&k).cloned().ok_or_else(missing)?;
                d.metadata.deletion_timestamp.get_or_insert(now);
                self.put_deployment(d);
            }
            Kind::StatefulSet => {
                let mut s = self.stateful_sets.get(&k).cloned().ok_or_else(missing)?;
                if s.spec
                    .persistent_volume_claim_retention_policy
                    .as_ref()
                    .and_then(|p| p.when_deleted.as_deref())
                    == Some("Delete")
                {
                    sts_retention_delete_all(self, &s);
                }
                s.metadata.deletion_timestamp.get_or_insert(now);
                self.put_stateful_set(s);
            }
            Kind::Namespace => {
                if matches!(
                    name,
                    "default" | "kube-system" | "kube-public" | "kube-node-lease"
                ) {
                    return Err(ApiError::Forbidden {
                        resource: "namespaces".into(),
                        name: name.into(),
                        message: "this namespace may not be deleted".into(),
                    });
                }
                self.namespaces.get(name).ok_or_else(missing)?;
                self.delete_namespace_contents(name);
                self.namespaces.remove(name);
            }
            Kind::Node => {
                // The attach/detach controller keeps what it attached there (its actual state
                // of the world forgets nothing on `nodeDelete`); the pod garbage collector
                // deletes the node's pods after its quarantine, then the volumes are
                // force-detached from the missing (unhealthy) node after 6 minutes.
                self.nodes.remove(name).ok_or_else(missing)?;
                self.nodes_deleted_at.insert(name.to_string(), now);
            }
            Kind::Event => return Err(missing()),
        }
        self.resource_version += 1;
        self.settle();
        let still_there = uid.is_some()
            && self
                .get_object(kind, ns, name)
                .map(|o| o.metadata().uid.clone())
                == uid;
        Ok(if still_there {
            DeleteOutcome::Terminating
        } else {
            DeleteOutcome::Deleted
        })
    }

    /// Deletes an object of a kind kubestory does not simulate.
    pub fn delete_unsimulated(
        &mut self,
        kind_name: &str,
        ns: Option<&str>,
        name: &str,
    ) -> Result<(), ApiError> {
        self.require_api()?;
        let k = (kind_name.to_string(), key(ns.unwrap_or(""), name));
        self.others
            .remove(&k)
            .map(|_| ())
            .ok_or_else(|| ApiError::NotFound {
                resource: format!("{}s", kind_name.to_ascii_lowercase()),
                name: name.into(),
            })
    }

    fn delete_namespace_contents(&mut self, ns: &str) {
        let now = self.now;
        let in_ns = |k: &(String, String)| k.0 == ns;
        retain(&mut self.deployments, |k, _| !in_ns(k));
        retain(&mut self.stateful_sets, |k, _| !in_ns(k));
        retain(&mut self.replica_sets, |k, _| !in_ns(k));
        retain(&mut self.config_maps, |k, _| !in_ns(k));
        retain(&mut self.secrets, |k, _| !in_ns(k));
        retain(&mut self.others, |(_, k), _| !in_ns(k));
        let pods: Vec<Pod> = self
            .pods
            .iter()
            .filter(|(k, _)| in_ns(k))
            .map(|(_, p)| p.clone())
            .collect();
        for mut p in pods {
            p.metadata.deletion_timestamp.get_or_insert(now);
            self.put_pod(p);
        }
        let claims: Vec<PersistentVolumeClaim> = self
            .claims
            .iter()
            .filter(|(k, _)| in_ns(k))
            .map(|(_, c)| c.clone())
            .collect();
        for mut c in claims {
            c.metadata.deletion_timestamp.get_or_insert(now);
            self.put_claim(c);
        }
    }
}
