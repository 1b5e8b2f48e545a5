//! Why an object is still there after `kubectl delete` (semantics §7): the note kubestory
//! prints where real kubectl would keep waiting (`--wait=true`, kubectl `cmd/delete/delete.go`
//! `DeleteResult` runs `cmdwait.IsDeleted` after printing `deleted`).

use crate::kubectl::strings;
use crate::sim::{Cluster, Kind};

/// One object left Terminating.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Left {
    /// The kind.
    pub kind: Kind,
    /// Its namespace (`""` for cluster-scoped objects).
    pub namespace: String,
    /// Its name.
    pub name: String,
}

/// The note for the objects kubectl would wait for (empty when there are none).
pub fn note(cluster: &Cluster, left: &[Left]) -> String {
    if left.is_empty() {
        return String::new();
    }
    let mut out = format!("{}\n", strings::DELETE_WOULD_WAIT);
    for l in left {
        out.push_str(&format!(
            "kubestory:   {} {:?}: {}\n",
            l.kind.qualified(),
            l.name,
            reason(cluster, l)
        ));
    }
    out.push_str(strings::DELETE_RETURNS);
    out.push('\n');
    out
}

fn reason(cluster: &Cluster, l: &Left) -> String {
    match l.kind {
        Kind::PersistentVolumeClaim => {
            let users: Vec<String> = cluster
                .pods()
                .filter(|p| {
                    p.metadata.namespace_or_default() == l.namespace
                        && p.spec.node_name.is_some()
                        && p.uses_claim(&l.name)
                })
                .map(|p| p.metadata.name.clone())
                .collect();
            if !users.is_empty() {
                return strings::claim_in_use(&users);
            }
        }
        Kind::PersistentVolume => {
            let claim = cluster
                .volume(&l.name)
                .and_then(|v| v.spec.claim_ref.as_ref())
                .map(|r| {
                    format!(
                        "{}/{}",
                        r.namespace.as_deref().unwrap_or(""),
                        r.name.as_deref().unwrap_or("")
                    )
                });
            if let Some(c) = claim {
                return strings::volume_bound(&c);
            }
        }
        Kind::Pod => {
            let node = cluster
                .pod(&l.namespace, &l.name)
                .and_then(|p| p.spec.node_name.clone());
            return match node.as_deref().and_then(|n| cluster.node(n)) {
                Some(n) if !n.is_ready() || !n.is_up() => {
                    strings::pod_node_unreachable(&n.metadata.name)
                }
                _ => strings::POD_STOPPING.to_string(),
            };
        }
        _ => {}
    }
    let finalizers = cluster
        .get_object(l.kind, &l.namespace, &l.name)
        .map(|o| o.metadata().finalizers.clone())
        .unwrap_or_default();
    if finalizers.is_empty() {
        strings::CONTROLLERS_BUSY.to_string()
    } else {
        strings::finalizers(&finalizers)
    }
}
