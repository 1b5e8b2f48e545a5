//! Sending `kubectl apply`'s objects, with `--force`: an update the API server refuses as
//! Invalid (an immutable field changed) is retried by deleting the object and creating it
//! again (kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go`
//! `Patch`, `deleteAndCreate`). kubectl waits for the deletion without a time limit, so an
//! object that stays Terminating (a claim still in use) leaves kubectl waiting; kubestory
//! returns and says so.

use super::objects::Item;
use super::terminating::Left;
use crate::sim::{ApiError, ApplyOutcome, Cluster, DeleteOptions, DeleteOutcome, Kind};

/// What sending the objects did: one result per object, and the objects kubectl would still
/// be waiting for (their index and what to say about them).
pub struct Sent {
    /// Per object, in order.
    pub results: Vec<Result<ApplyOutcome, ApiError>>,
    /// Objects deleted by `--force` that are still Terminating.
    pub waiting: Vec<(usize, Left)>,
}

/// Applies every object in one settle, then the `--force` retries.
pub fn send(c: &mut Cluster, items: &[Item], existed: &[bool], force: bool) -> Sent {
    let objects = items.iter().map(|i| i.doc.object.clone()).collect();
    let mut results = c.apply_all(objects);
    let mut waiting = Vec::new();
    if !force {
        return Sent { results, waiting };
    }
    for (i, item) in items.iter().enumerate() {
        let refused = matches!(results[i], Err(ApiError::Invalid { .. }));
        if !refused || !existed[i] {
            continue;
        }
        let kind = Kind::from_name(&item.doc.kind).filter(|_| item.doc.simulated);
        let deleted = match kind {
            Some(k) => c.delete(k, item.ns(), &item.doc.name, DeleteOptions::default()),
            None => c
                .delete_unsimulated(&item.doc.kind, item.namespace.as_deref(), &item.doc.name)
                .map(|()| DeleteOutcome::Deleted),
        };
        results[i] = match (deleted, kind) {
            (Ok(DeleteOutcome::Deleted), _) => c
                .create(item.doc.object.clone())
                .map(|_| ApplyOutcome::Configured),
            (Ok(DeleteOutcome::Terminating), Some(k)) => {
                waiting.push((
                    i,
                    Left {
                        kind: k,
                        namespace: item.ns().to_string(),
                        name: item.doc.name.clone(),
                    },
                ));
                Ok(ApplyOutcome::Configured)
            }
            (Ok(DeleteOutcome::Terminating), None) => Ok(ApplyOutcome::Configured),
            (Err(e), _) => Err(e),
        };
    }
    Sent { results, waiting }
}
