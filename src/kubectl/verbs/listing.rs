//! Listing the objects of a simulated kind, in the order the API server lists them (by
//! namespace, then name: etcd's key order), for `--all`, `-l` and name lookups.

use crate::sim::objects::ObjectMeta;
use crate::sim::{Cluster, Kind};

/// The metadata of every object of `kind`, in list order.
pub fn list(cluster: &Cluster, kind: Kind) -> Vec<ObjectMeta> {
    fn metas<'a, T: 'a>(
        items: impl Iterator<Item = &'a T>,
        meta: impl Fn(&T) -> &ObjectMeta,
    ) -> Vec<ObjectMeta> {
        items.map(|i| meta(i).clone()).collect()
    }
    let mut out = match kind {
        Kind::Pod => metas(cluster.pods(), |o| &o.metadata),
        Kind::PersistentVolumeClaim => metas(cluster.claims(), |o| &o.metadata),
        Kind::PersistentVolume => metas(cluster.volumes(), |o| &o.metadata),
        Kind::StorageClass => metas(cluster.storage_classes(), |o| &o.metadata),
        Kind::Deployment => metas(cluster.deployments(), |o| &o.metadata),
        Kind::ReplicaSet => metas(cluster.replica_sets(), |o| &o.metadata),
        Kind::StatefulSet => metas(cluster.stateful_sets(), |o| &o.metadata),
        Kind::ConfigMap => metas(cluster.config_maps(), |o| &o.metadata),
        Kind::Secret => metas(cluster.secrets(), |o| &o.metadata),
        Kind::Namespace => metas(cluster.namespaces(), |o| &o.metadata),
        Kind::Node => metas(cluster.nodes(), |o| &o.metadata),
        Kind::Event => Vec::new(),
    };
    out.sort_by(|a, b| (a.namespace.as_deref(), &a.name).cmp(&(b.namespace.as_deref(), &b.name)));
    out
}

/// The objects of `kind` in `namespace` (every namespace when `None`; cluster-scoped kinds
/// ignore it).
pub fn list_in(cluster: &Cluster, kind: Kind, namespace: Option<&str>) -> Vec<ObjectMeta> {
    let mut all = list(cluster, kind);
    if kind.namespaced() {
        if let Some(ns) = namespace {
            all.retain(|m| m.namespace_or_default() == ns);
        }
    }
    all
}

/// Whether an object of `kind` named `name` exists in `namespace`.
pub fn exists(cluster: &Cluster, kind: Kind, namespace: &str, name: &str) -> bool {
    match kind {
        Kind::Node => cluster.node(name).is_some(),
        Kind::Event => false,
        _ => cluster.get_object(kind, namespace, name).is_some(),
    }
}

/// `--all`, `-l` and `--field-selector` together: the objects of `kind` in `namespace` that
/// the label and field selectors keep, or the API server's refusal of the field selector
/// (its BadRequest status message, see [`crate::kubectl::field_selector::list_error`]).
pub fn select(
    cluster: &Cluster,
    kind: Kind,
    namespace: Option<&str>,
    flags: &crate::kubectl::Flags,
) -> Result<Vec<ObjectMeta>, String> {
    use crate::kubectl::field_selector::{admits, list_error_message};
    use crate::kubectl::get::{ListKind, lookup};
    let mut all = list_in(cluster, kind, namespace);
    all.retain(|m| flags.selector.matches(&m.labels));
    if let Some(fs) = &flags.field_selector {
        let label = flags.selector_text.as_deref().unwrap_or("");
        if let Some(e) = list_error_message(ListKind::Sim(kind), label, fs) {
            return Err(e);
        }
        all.retain(|m| {
            lookup(
                cluster,
                ListKind::Sim(kind),
                m.namespace_or_default(),
                &m.name,
            )
            .is_some_and(|f| admits(&f, cluster, fs))
        });
    }
    Ok(all)
}
