//! What `kubectl get` finds: a borrowed view of any listable object ([`Found`]), the resource
//! types a request names ([`ListKind`]), and the list and lookup of each type in the cluster.
//!
//! kubectl lists through the API server, which returns objects in etcd key order: namespace,
//! then name. The simulator's maps are ordered the same way, so iteration order is kept.

use super::events::{event_name, event_namespace, event_value};
use super::services::kubernetes_service;
use crate::kubectl::selector::LabelSelector;
use crate::sim::events::Event;
use crate::sim::objects::*;
use crate::sim::{Cluster, Kind, Object};
use serde_json::Value;
use std::collections::BTreeMap;

/// A resource type `kubectl get` can print: a simulated kind, or Services (stored by the
/// simulator as unsimulated objects, printed by `kubectl get all`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// A simulated kind.
    Sim(Kind),
    /// core/v1 Service.
    Service,
}

impl ListKind {
    /// Whether objects of this type live in a namespace.
    pub fn namespaced(self) -> bool {
        match self {
            ListKind::Sim(k) => k.namespaced(),
            ListKind::Service => true,
        }
    }

    /// `kind[.group]` as the name printer and the `kind/` prefix spell it.
    pub fn qualified(self) -> String {
        match self {
            ListKind::Sim(k) => k.qualified(),
            ListKind::Service => "service".to_string(),
        }
    }

    /// `plural[.group]`, as in `persistentvolumeclaims "x" not found`.
    pub fn qualified_plural(self) -> String {
        match self {
            ListKind::Sim(k) => k.qualified_plural(),
            ListKind::Service => "services".to_string(),
        }
    }
}

/// One object found by `kubectl get`.
#[derive(Clone, Debug)]
pub enum Found<'a> {
    /// A Pod.
    Pod(&'a Pod),
    /// A PersistentVolumeClaim.
    Claim(&'a PersistentVolumeClaim),
    /// A PersistentVolume.
    Volume(&'a PersistentVolume),
    /// A StorageClass.
    Class(&'a StorageClass),
    /// A Deployment.
    Deployment(&'a Deployment),
    /// A ReplicaSet.
    ReplicaSet(&'a ReplicaSet),
    /// A StatefulSet.
    StatefulSet(&'a StatefulSet),
    /// A ConfigMap.
    ConfigMap(&'a ConfigMap),
    /// A Secret.
    Secret(&'a Secret),
    /// A Namespace.
    Namespace(&'a Namespace),
    /// A Node.
    Node(&'a Node),
    /// An Event.
    Event(&'a Event),
    /// A Service (stored, or the `kubernetes` Service every cluster has).
    Service(&'a UnsimulatedObject),
}

impl Found<'_> {
    /// The object's resource type.
    pub fn kind(&self) -> ListKind {
        ListKind::Sim(match self {
            Found::Pod(_) => Kind::Pod,
            Found::Claim(_) => Kind::PersistentVolumeClaim,
            Found::Volume(_) => Kind::PersistentVolume,
            Found::Class(_) => Kind::StorageClass,
            Found::Deployment(_) => Kind::Deployment,
            Found::ReplicaSet(_) => Kind::ReplicaSet,
            Found::StatefulSet(_) => Kind::StatefulSet,
            Found::ConfigMap(_) => Kind::ConfigMap,
            Found::Secret(_) => Kind::Secret,
            Found::Namespace(_) => Kind::Namespace,
            Found::Node(_) => Kind::Node,
            Found::Event(_) => Kind::Event,
            Found::Service(_) => return ListKind::Service,
        })
    }

    /// The object's metadata (events have none of their own in the simulator).
    pub fn meta(&self) -> Option<&ObjectMeta> {
        Some(match self {
            Found::Pod(o) => &o.metadata,
            Found::Claim(o) => &o.metadata,
            Found::Volume(o) => &o.metadata,
            Found::Class(o) => &o.metadata,
            Found::Deployment(o) => &o.metadata,
            Found::ReplicaSet(o) => &o.metadata,
            Found::StatefulSet(o) => &o.metadata,
            Found::ConfigMap(o) => &o.metadata,
            Found::Secret(o) => &o.metadata,
            Found::Namespace(o) => &o.metadata,
            Found::Node(o) => &o.metadata,
            Found::Service(o) => &o.metadata,
            Found::Event(_) => return None,
        })
    }

    /// The object's name.
    pub fn name(&self) -> String {
        match self {
            Found::Event(e) => event_name(e),
            other => other.meta().map(|m| m.name.clone()).unwrap_or_default(),
        }
    }

    /// The object's namespace (`""` for cluster-scoped objects).
    pub fn namespace(&self) -> String {
        match self {
            Found::Event(e) => event_namespace(e).to_string(),
            other if other.kind().namespaced() => other
                .meta()
                .map(|m| m.namespace_or_default().to_string())
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// The object's labels.
    pub fn labels(&self) -> BTreeMap<String, String> {
        self.meta().map(|m| m.labels.clone()).unwrap_or_default()
    }

    /// The object as the API returns it (`-o yaml`, `-o json`).
    pub fn value(&self, cluster: &Cluster) -> Value {
        let typed = |o: Object| o.to_value();
        match self {
            Found::Pod(o) => typed(Object::Pod((*o).clone())),
            Found::Claim(o) => typed(Object::PersistentVolumeClaim((*o).clone())),
            Found::Volume(o) => typed(Object::PersistentVolume((*o).clone())),
            Found::Class(o) => typed(Object::StorageClass((*o).clone())),
            Found::Deployment(o) => typed(Object::Deployment((*o).clone())),
            Found::ReplicaSet(o) => typed(Object::ReplicaSet((*o).clone())),
            Found::StatefulSet(o) => typed(Object::StatefulSet((*o).clone())),
            Found::ConfigMap(o) => typed(Object::ConfigMap((*o).clone())),
            Found::Secret(o) => typed(Object::Secret((*o).clone())),
            Found::Namespace(o) => typed(Object::Namespace((*o).clone())),
            Found::Service(o) => typed(Object::Unsimulated((*o).clone())),
            Found::Node(n) => {
                let mut v = serde_json::to_value(n).unwrap_or(Value::Null);
                if let Value::Object(map) = &mut v {
                    map.insert("apiVersion".into(), "v1".into());
                    map.insert("kind".into(), "Node".into());
                }
                v
            }
            Found::Event(e) => event_value(e, cluster),
        }
    }
}

/// Where a list looks: one namespace, or all of them (`-A`).
#[derive(Clone, Copy, Debug)]
pub struct Scope<'s> {
    /// `None` with `-A`.
    pub namespace: Option<&'s str>,
    /// `-l`.
    pub selector: &'s LabelSelector,
}

impl Scope<'_> {
    fn admits(&self, found: &Found<'_>) -> bool {
        let ns_ok = match self.namespace {
            Some(ns) if found.kind().namespaced() => found.namespace() == ns,
            _ => true,
        };
        ns_ok && self.selector.matches(&found.labels())
    }
}

/// Every object of one type in scope, in the API server's order.
pub fn list<'a>(cluster: &'a Cluster, kind: ListKind, scope: Scope<'_>) -> Vec<Found<'a>> {
    let all: Vec<Found<'a>> = match kind {
        ListKind::Service => services(cluster),
        ListKind::Sim(k) => match k {
            // The learner's pods and the profile's own (kube-system…).
            Kind::Pod => cluster.listed_pods().into_iter().map(Found::Pod).collect(),
            Kind::PersistentVolumeClaim => cluster.claims().map(Found::Claim).collect(),
            Kind::PersistentVolume => cluster.volumes().map(Found::Volume).collect(),
            Kind::StorageClass => cluster.storage_classes().map(Found::Class).collect(),
            Kind::Deployment => cluster.deployments().map(Found::Deployment).collect(),
            Kind::ReplicaSet => cluster.replica_sets().map(Found::ReplicaSet).collect(),
            Kind::StatefulSet => cluster.stateful_sets().map(Found::StatefulSet).collect(),
            Kind::ConfigMap => cluster.config_maps().map(Found::ConfigMap).collect(),
            Kind::Secret => cluster.secrets().map(Found::Secret).collect(),
            Kind::Namespace => cluster.namespaces().map(Found::Namespace).collect(),
            Kind::Node => cluster.nodes().map(Found::Node).collect(),
            Kind::Event => {
                let mut events: Vec<Found<'a>> = cluster.events().map(Found::Event).collect();
                events.sort_by_key(|e| (e.namespace(), e.name()));
                events
            }
        },
    };
    all.into_iter().filter(|f| scope.admits(f)).collect()
}

/// One object by type, namespace and name (`GET .../name`).
pub fn lookup<'a>(cluster: &'a Cluster, kind: ListKind, ns: &str, name: &str) -> Option<Found<'a>> {
    let every = Scope {
        namespace: Some(ns),
        selector: &EVERYTHING,
    };
    list(cluster, kind, every)
        .into_iter()
        .find(|f| f.name() == name)
}

static EVERYTHING: LabelSelector = LabelSelector {
    requirements: Vec::new(),
};

/// Services: the stored ones and, in `default`, the `kubernetes` Service every cluster has,
/// ordered by namespace and name.
fn services(cluster: &Cluster) -> Vec<Found<'_>> {
    let mut found: Vec<Found<'_>> = cluster
        .unsimulated()
        .filter(|u| u.kind == "Service")
        .map(Found::Service)
        .collect();
    let has_kubernetes = found
        .iter()
        .any(|f| f.name() == "kubernetes" && f.namespace() == "default");
    if !has_kubernetes {
        found.push(Found::Service(kubernetes_service()));
    }
    found.sort_by_key(|f| (f.namespace(), f.name()));
    found
}
