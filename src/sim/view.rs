//! A filtered look at the cluster (the UI's `/`): the same cluster with only the objects a
//! name filter keeps, and what they need to be understood. Pure: a copy, never a change.

use super::Cluster;

impl Cluster {
    /// A copy keeping every node (the diagram's frame), the pods whose name `keep` accepts,
    /// the claims it accepts or a kept pod uses, the PVs it accepts or a kept claim is bound
    /// to, and the classes it accepts or a kept claim or PV names. Stories stay where they
    /// are: the diagram draws the ones under the storage it shows.
    pub fn filtered(&self, keep: impl Fn(&str) -> bool) -> Cluster {
        let mut view = self.clone();
        view.pods = retain(&view.pods, |_, p| keep(&p.metadata.name));
        let used: Vec<(String, String)> = view
            .pods
            .values()
            .flat_map(|p| {
                let ns = p.metadata.namespace_or_default().to_string();
                p.claim_names().into_iter().map(move |c| (ns.clone(), c))
            })
            .collect();
        view.claims = retain(&view.claims, |_, c| {
            keep(&c.metadata.name)
                || used.contains(&(
                    c.metadata.namespace_or_default().to_string(),
                    c.metadata.name.clone(),
                ))
        });
        let bound: Vec<String> = view
            .claims
            .values()
            .filter_map(|c| c.spec.volume_name.clone())
            .collect();
        view.volumes = retain(&view.volumes, |name, _| keep(name) || bound.contains(name));
        let classes: Vec<String> = view
            .claims
            .values()
            .filter_map(|c| c.spec.storage_class_name.clone())
            .chain(
                view.volumes
                    .values()
                    .filter_map(|v| v.spec.storage_class_name.clone()),
            )
            .collect();
        view.classes = retain(&view.classes, |name, _| {
            keep(name) || classes.contains(name)
        });
        view
    }
}

/// The entries of `map` that `keep` accepts (imbl's maps have no `retain`).
fn retain<K: Ord + Clone, V: Clone>(
    map: &imbl::OrdMap<K, V>,
    keep: impl Fn(&K, &V) -> bool,
) -> imbl::OrdMap<K, V> {
    map.iter()
        .filter(|(k, v)| keep(k, v))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::sim::{Cluster, ClusterConfig};

    #[test]
    fn a_filter_keeps_the_nodes_and_what_a_kept_object_needs() {
        let c = Cluster::new(ClusterConfig::default());
        let none = c.filtered(|_| false);
        assert_eq!(none.nodes().count(), c.nodes().count());
        assert_eq!(none.storage_classes().count(), 0);
        let all = c.filtered(|_| true);
        assert_eq!(all, c);
    }
}
