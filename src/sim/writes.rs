//! Typed writes into the cluster maps. Each returns whether anything changed, and bumps the
//! object's resourceVersion only then, so controllers can run until nothing changes.

use super::Cluster;
use super::cluster::{key, store};
use super::objects::*;

impl Cluster {
    /// Stores a pod.
    pub(crate) fn put_pod(&mut self, pod: Pod) -> bool {
        let k = key(pod.metadata.namespace_or_default(), &pod.metadata.name);
        store(&mut self.pods, &mut self.resource_version, k, pod)
    }
    /// Stores a claim.
    pub(crate) fn put_claim(&mut self, claim: PersistentVolumeClaim) -> bool {
        let k = key(claim.metadata.namespace_or_default(), &claim.metadata.name);
        store(&mut self.claims, &mut self.resource_version, k, claim)
    }
    /// Stores a PersistentVolume.
    pub(crate) fn put_volume(&mut self, pv: PersistentVolume) -> bool {
        let k = pv.metadata.name.clone();
        store(&mut self.volumes, &mut self.resource_version, k, pv)
    }
    /// Stores a StorageClass.
    pub(crate) fn put_class(&mut self, sc: StorageClass) -> bool {
        let k = sc.metadata.name.clone();
        store(&mut self.classes, &mut self.resource_version, k, sc)
    }
    /// Stores a Deployment.
    pub(crate) fn put_deployment(&mut self, d: Deployment) -> bool {
        let k = key(d.metadata.namespace_or_default(), &d.metadata.name);
        store(&mut self.deployments, &mut self.resource_version, k, d)
    }
    /// Stores a ReplicaSet.
    pub(crate) fn put_replica_set(&mut self, rs: ReplicaSet) -> bool {
        let k = key(rs.metadata.namespace_or_default(), &rs.metadata.name);
        store(&mut self.replica_sets, &mut self.resource_version, k, rs)
    }
    /// Stores a StatefulSet.
    pub(crate) fn put_stateful_set(&mut self, s: StatefulSet) -> bool {
        let k = key(s.metadata.namespace_or_default(), &s.metadata.name);
        store(&mut self.stateful_sets, &mut self.resource_version, k, s)
    }
    /// Stores a ConfigMap.
    pub(crate) fn put_config_map(&mut self, cm: ConfigMap) -> bool {
        let k = key(cm.metadata.namespace_or_default(), &cm.metadata.name);
        store(&mut self.config_maps, &mut self.resource_version, k, cm)
    }
    /// Stores a Secret.
    pub(crate) fn put_secret(&mut self, s: Secret) -> bool {
        let k = key(s.metadata.namespace_or_default(), &s.metadata.name);
        store(&mut self.secrets, &mut self.resource_version, k, s)
    }
    /// Stores a Namespace.
    pub(crate) fn put_namespace(&mut self, ns: Namespace) -> bool {
        let k = ns.metadata.name.clone();
        store(&mut self.namespaces, &mut self.resource_version, k, ns)
    }
    /// Stores a Node.
    pub(crate) fn put_node(&mut self, node: Node) -> bool {
        let k = node.metadata.name.clone();
        store(&mut self.nodes, &mut self.resource_version, k, node)
    }
    /// Stores an unsimulated object.
    pub(crate) fn put_other(&mut self, o: UnsimulatedObject) -> bool {
        let k = (
            o.kind.clone(),
            key(
                o.metadata.namespace.as_deref().unwrap_or(""),
                &o.metadata.name,
            ),
        );
        store(&mut self.others, &mut self.resource_version, k, o)
    }
}
