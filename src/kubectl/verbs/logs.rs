//! `kubectl logs (POD | TYPE/NAME) [-c CONTAINER] [-p] [--tail N] [-f] [--timestamps]`: the
//! container's log ([`crate::sim::logs`]), kubectl's steps and messages after
//! `staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go` and polymorphichelpers
//! `logsforobject.go`; the kubelet's refusals as the API server relays them
//! (`pkg/kubelet/kubelet_pods.go` `validateContainerLogStatus`: `previous terminated container
//! "x" in pod "y" not found`, `container "x" in pod "y" is waiting to start: REASON`).
//!
//! `-f` prints what the log holds and returns: in a `kubestory sim` script time does not
//! run, so there is nothing more to follow.

use super::container::pick;
use crate::kubectl::{Invocation, Output};
use crate::sim::Cluster;

/// Runs `kubectl logs`.
pub fn run(inv: &Invocation, cluster: &Cluster) -> Output {
    let ns = inv.flags.namespace_or_default().to_string();
    let c = &inv.flags.container_cmd;
    let mut out = Output::new();
    let target = inv.args.first().cloned().unwrap_or_default();
    let picked = match pick(
        cluster,
        &ns,
        &target,
        c.container.as_deref(),
        false,
        true,
        &mut out,
    ) {
        Ok(p) => p,
        Err(e) => {
            out.extend(e);
            return out;
        }
    };
    let pod = &picked.pod;
    let name = &picked.container.name;
    let status = pod
        .status
        .container_statuses
        .iter()
        .find(|s| &s.name == name);
    let current = status.map_or(0, |s| s.restart_count);
    let logs = &cluster.data.logs;
    let uid = &pod.metadata.uid;
    let lines = if c.previous {
        let prev = current
            .checked_sub(1)
            .and_then(|i| logs.lines(uid, name, i));
        match prev {
            Some(l) => l,
            None => {
                out.err_line(format!(
                    "Error from server (BadRequest): previous terminated container {name:?} in pod {:?} not found",
                    pod.metadata.name
                ))
                .fail();
                return out;
            }
        }
    } else {
        match logs.lines(uid, name, current) {
            Some(l) => l,
            None => {
                let reason = status
                    .and_then(|s| s.state.waiting.as_ref())
                    .map(|w| w.reason.clone())
                    .unwrap_or_else(|| "ContainerCreating".into());
                out.err_line(format!(
                    "Error from server (BadRequest): container {name:?} in pod {:?} is waiting to start: {reason}",
                    pod.metadata.name
                ))
                .fail();
                return out;
            }
        }
    };
    let skip = match usize::try_from(c.tail) {
        Ok(n) => lines.len().saturating_sub(n),
        Err(_) => 0,
    };
    for line in lines.iter().skip(skip) {
        if c.timestamps {
            // The kubelet's RFC 3339 with nanoseconds.
            let ts = line.at.rfc3339().replace('Z', ".000000000Z");
            out.out_line(format!("{ts} {}", line.text));
        } else {
            out.out_line(&line.text);
        }
    }
    out
}
