//! Finding the pod and container `exec`, `logs` and `cp` talk to, with kubectl's messages:
//! a workload picks one of its pods (polymorphichelpers `AttachablePodForObject` for exec and
//! cp, `logsForObject` for logs, which also says `Found 2 pods, using pod/…`), and a missing
//! `-c` picks the default container (`podcmd.FindOrDefaultContainerByName`:
//! `Defaulted container "a" out of: a, b`).

use crate::kubectl::Output;
use crate::sim::objects::{Container, Pod};
use crate::sim::{Cluster, SimError, Target};

/// The pod and container a command reaches.
pub struct Picked {
    /// The pod.
    pub pod: Pod,
    /// The container.
    pub container: Container,
}

/// kubectl's text for a failed request.
pub fn sim_error(e: SimError) -> Output {
    let mut out = Output::new();
    match e {
        SimError::Api(crate::sim::ApiError::Unreachable(line)) => out.err_line(line),
        SimError::Api(e) => out.err_line(format!("Error from server ({}): {e}", e.reason())),
        SimError::Refused(msg) => out.err_line(msg),
    };
    out.fail();
    out
}

fn failed(text: String) -> Output {
    let mut out = Output::new();
    out.err_line(text).fail();
    out
}

/// How many pods a workload target has (for `logs`' `Found N pods` line); 1 for a pod.
pub fn pods_of(cluster: &Cluster, ns: &str, target: &Target) -> usize {
    let owners: Vec<String> = match target {
        Target::Pod(_) => return 1,
        Target::Deployment(name) => {
            let Some(d) = cluster.deployment(ns, name) else {
                return 0;
            };
            let uid = d.metadata.uid.clone();
            cluster
                .replica_sets
                .values()
                .filter(|rs| rs.metadata.controller().is_some_and(|o| o.uid == uid))
                .map(|rs| rs.metadata.uid.clone())
                .collect()
        }
        Target::StatefulSet(name) => match cluster.stateful_set(ns, name) {
            Some(s) => vec![s.metadata.uid.clone()],
            None => return 0,
        },
    };
    cluster
        .pods
        .values()
        .filter(|p| p.metadata.namespace_or_default() == ns)
        .filter(|p| {
            p.metadata
                .controller()
                .is_some_and(|o| owners.contains(&o.uid))
        })
        .count()
}

/// Resolves `text` (`POD`, `pod/NAME`, `deploy/NAME`, `sts/NAME`) to a pod, and the
/// container: `-c NAME`, else the default one. Notices kubectl prints go to `out`.
pub fn pick(
    cluster: &Cluster,
    ns: &str,
    text: &str,
    container: Option<&str>,
    quiet: bool,
    logs: bool,
    out: &mut Output,
) -> Result<Picked, Output> {
    let target = Target::parse(text).map_err(failed)?;
    let name = cluster.resolve_target(ns, &target).map_err(sim_error)?;
    if logs {
        let n = pods_of(cluster, ns, &target);
        if n > 1 {
            out.err_line(format!("Found {n} pods, using pod/{name}"));
        }
    }
    let pod = cluster.pod(ns, &name).cloned().ok_or_else(|| {
        failed(format!(
            "Error from server (NotFound): pods {name:?} not found"
        ))
    })?;
    let container = match container {
        Some(c) => pod
            .spec
            .containers
            .iter()
            .find(|x| x.name == c)
            .cloned()
            // The API server's check of `PodExecOptions.Container` / `PodLogOptions`.
            .ok_or_else(|| {
                failed(format!(
                    "Error from server (BadRequest): container {c} is not valid for pod {name}"
                ))
            })?,
        None => default_container(&pod, quiet, out).ok_or_else(|| {
            failed(format!(
                "error: pod {ns}/{name} does not have any containers"
            ))
        })?,
    };
    Ok(Picked { pod, container })
}

/// `podcmd.FindOrDefaultContainerByName` with an empty name.
fn default_container(pod: &Pod, quiet: bool, out: &mut Output) -> Option<Container> {
    let first = pod.spec.containers.first()?;
    let annotated = pod
        .metadata
        .annotations
        .get("kubectl.kubernetes.io/default-container")
        .and_then(|n| pod.spec.containers.iter().find(|c| &c.name == n));
    if let Some(c) = annotated {
        return Some(c.clone());
    }
    if !quiet && (pod.spec.containers.len() > 1 || !pod.spec.init_containers.is_empty()) {
        let mut names: Vec<String> = pod.spec.containers.iter().map(|c| c.name.clone()).collect();
        names.extend(
            pod.spec
                .init_containers
                .iter()
                .map(|c| format!("{} (init)", c.name)),
        );
        out.err_line(format!(
            "Defaulted container {:?} out of: {}",
            first.name,
            names.join(", ")
        ));
    }
    Some(first.clone())
}

/// Whether the container can run a command now; kubectl's (and the API server's) refusal
/// when it cannot (`exec.go` `Run`: a completed pod; the kubelet: no such running container).
/// [`pick`] then [`require_running`]: the container a command can run in now (exec and
/// both directions of cp), or kubectl's error.
pub fn pick_running(
    cluster: &Cluster,
    ns: &str,
    text: &str,
    container: Option<&str>,
    quiet: bool,
    out: &mut Output,
) -> Result<Picked, Output> {
    let picked = pick(cluster, ns, text, container, quiet, false, out)?;
    require_running(cluster, &picked)?;
    Ok(picked)
}

pub fn require_running(cluster: &Cluster, picked: &Picked) -> Result<(), Output> {
    use crate::sim::objects::PodPhase;
    let pod = &picked.pod;
    let name = &pod.metadata.name;
    if matches!(pod.status.phase, PodPhase::Succeeded | PodPhase::Failed) {
        return Err(failed(format!(
            "error: cannot exec into a container in a completed pod; current phase is {}",
            pod.status.phase.as_str()
        )));
    }
    let Some(node) = pod.spec.node_name.as_deref() else {
        return Err(failed(format!(
            "Error from server (BadRequest): pod {name} does not have a host assigned"
        )));
    };
    if cluster.node(node).is_some_and(|n| !n.is_up()) {
        return Err(failed(format!(
            "Error from server: error dialing backend: dial tcp: lookup {node}: i/o timeout"
        )));
    }
    let running = pod
        .status
        .container_statuses
        .iter()
        .any(|s| s.name == picked.container.name && s.state.running.is_some());
    if !running {
        return Err(failed(format!(
            "error: unable to upgrade connection: container not found ({:?})",
            picked.container.name
        )));
    }
    Ok(())
}
