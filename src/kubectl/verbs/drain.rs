//! `kubectl drain NODE`, after kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/drain/
//! drain.go` (`RunDrain`, `deleteOrEvictPodsSimple`) and `staging/src/k8s.io/kubectl/pkg/drain/
//! filters.go` (`makeFilters`, `localStorageFilter`, `unreplicatedFilter`, `errors`,
//! `Warnings`) and `drain.go` (`evictPods`: `evicting pod ns/name`, then `pod/name evicted` once
//! the pod is gone).
//!
//! The node is cordoned first; a pod with an emptyDir blocks without `--delete-emptydir-data`,
//! a pod without a controller blocks without `--force` (finished pods never block). Go prints
//! the groups of blocked pods in map order, which varies; kubestory prints local storage first.

use super::cordon::node_targets;
use super::output::object_line;
use crate::kubectl::execute::Context;
use crate::kubectl::{DryRun, Flags, Invocation, Output, strings};
use crate::sim::objects::{Pod, PodPhase};
use crate::sim::{Cluster, DeleteOptions, Kind};
use std::convert::Infallible;

const LOCAL_STORAGE_FATAL: &str =
    "cannot delete Pods with local storage (use --delete-emptydir-data to override)";
const UNMANAGED_FATAL: &str =
    "cannot delete Pods that declare no controller (use --force to override)";
const UNMANAGED_WARNING: &str = "deleting Pods that declare no controller";

/// What the filters decided for one node.
#[derive(Default)]
struct Plan {
    /// `namespace/name` of the pods to evict, in list order.
    evict: Vec<(String, String)>,
    /// Error groups (message, pods).
    errors: Vec<(&'static str, Vec<String>)>,
    /// Warning groups (message, pods).
    warnings: Vec<(&'static str, Vec<String>)>,
}

fn add(groups: &mut Vec<(&'static str, Vec<String>)>, msg: &'static str, pod: String) {
    match groups.iter_mut().find(|(m, _)| *m == msg) {
        Some((_, pods)) => pods.push(pod),
        None => groups.push((msg, vec![pod])),
    }
}

/// `GetPodsForDeletion` with kubectl's filters (no DaemonSets or mirror pods here).
fn plan(cluster: &Cluster, node: &str, flags: &Flags) -> Plan {
    let mut p = Plan::default();
    let mut pods: Vec<&Pod> = cluster
        .pods()
        .filter(|pod| pod.spec.node_name.as_deref() == Some(node))
        .filter(|pod| pod.metadata.deletion_timestamp.is_none())
        .filter(|pod| {
            flags
                .pod_selector
                .as_ref()
                .is_none_or(|s| s.matches(&pod.metadata.labels))
        })
        .collect();
    pods.sort_by(|a, b| {
        (a.metadata.namespace_or_default(), &a.metadata.name)
            .cmp(&(b.metadata.namespace_or_default(), &b.metadata.name))
    });
    for pod in pods {
        let id = format!(
            "{}/{}",
            pod.metadata.namespace_or_default(),
            pod.metadata.name
        );
        let finished = matches!(pod.status.phase, PodPhase::Succeeded | PodPhase::Failed);
        let local = pod.spec.volumes.iter().any(|v| v.empty_dir.is_some());
        if local && !finished && !flags.delete_emptydir_data {
            add(&mut p.errors, LOCAL_STORAGE_FATAL, id);
            continue;
        }
        // localStorageFilter, then unreplicatedFilter: the last status wins, so the local
        // storage warning ("deleting Pods with local storage") is always dropped (filters.go
        // says so in a TODO).
        let warning = if finished || pod.metadata.controller().is_some() {
            None
        } else if flags.force {
            Some(UNMANAGED_WARNING)
        } else {
            add(&mut p.errors, UNMANAGED_FATAL, id);
            continue;
        };
        if let Some(w) = warning {
            add(&mut p.warnings, w, id.clone());
        }
        p.evict.push((
            pod.metadata.namespace_or_default().to_string(),
            pod.metadata.name.clone(),
        ));
    }
    // The filters' order (Go's map order varies from run to run).
    p.errors.sort_by_key(|(m, _)| *m != LOCAL_STORAGE_FATAL);
    p
}

fn joined(groups: &[(&'static str, Vec<String>)]) -> Vec<String> {
    groups
        .iter()
        .map(|(m, pods)| format!("{m}: {}", pods.join(", ")))
        .collect()
}

/// Runs `kubectl drain`.
pub fn run(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    let targets = match node_targets(inv, ctx.sim.cluster()) {
        Ok(t) => t,
        Err(out) => return out,
    };
    let mut out = Output::new();
    if let Some((kind, _)) = targets.iter().find(|(k, _)| *k != Kind::Node) {
        out.err_line(format!(
            "error: expected resource of type node, got \"{}/v1, Resource={}\"",
            kind.group(),
            kind.plural()
        ))
        .fail();
        return out;
    }
    let flags = &inv.flags;
    let nodes: Vec<String> = targets.into_iter().map(|(_, n)| n).collect();
    let cordoned: Vec<bool> = nodes
        .iter()
        .map(|n| {
            ctx.sim
                .cluster()
                .node(n)
                .is_some_and(|n| n.spec.unschedulable)
        })
        .collect();
    let plans: Vec<Plan> = nodes
        .iter()
        .map(|n| plan(ctx.sim.cluster(), n, flags))
        .collect();
    // One undoable step: cordon every node, then evict from those that can be drained.
    let drain_all = |c: &mut Cluster| {
        for n in &nodes {
            let _ = c.cordon(n, true);
        }
        for (node, p) in nodes.iter().zip(&plans) {
            if !p.errors.is_empty() {
                continue;
            }
            if flags.pod_selector.is_none() {
                let _ = c.drain(node, true, true);
            } else {
                for (ns, name) in &p.evict {
                    let _ = c.delete(Kind::Pod, ns, name, DeleteOptions::default());
                }
            }
        }
    };
    let after = match flags.dry_run {
        DryRun::None => {
            let _ = ctx.sim.act(line, |c| {
                drain_all(c);
                Ok::<_, Infallible>(())
            });
            ctx.sim.cluster().clone()
        }
        DryRun::Server => {
            let mut c = ctx.sim.cluster().clone();
            drain_all(&mut c);
            c
        }
        DryRun::Client => ctx.sim.cluster().clone(),
    };
    for (node, already) in nodes.iter().zip(&cordoned) {
        let op = if *already {
            "already cordoned"
        } else {
            "cordoned"
        };
        if let Some(t) = object_line("node", node, op, flags) {
            out.out(t);
        }
    }
    let mut fatal = Vec::new();
    let mut remaining = Vec::new();
    let mut waiting = Vec::new();
    for (node, p) in nodes.iter().zip(&plans) {
        if !p.errors.is_empty() {
            let errs = joined(&p.errors);
            out.err_line(format!(
                "error: unable to drain node \"{node}\" due to error: {}, continuing command...",
                aggregate(&errs)
            ));
            fatal.push(errs);
            remaining.push(node.clone());
            continue;
        }
        let warnings = joined(&p.warnings);
        if !warnings.is_empty() {
            out.err_line(format!("Warning: {}", warnings.join("; ")));
        }
        if flags.dry_run == DryRun::Client {
            for (ns, name) in &p.evict {
                out.out(format!("evicting pod {ns}/{name} (dry run)\n"));
            }
        } else {
            for (ns, name) in &p.evict {
                out.out(format!("evicting pod {ns}/{name}\n"));
            }
            let mut stuck = Vec::new();
            for (ns, name) in &p.evict {
                if after.pod(ns, name).is_some() {
                    stuck.push(format!("pod/{name}"));
                } else if let Some(t) = object_line("pod", name, "evicted", flags) {
                    out.out(t);
                }
            }
            if !stuck.is_empty() {
                waiting.extend(stuck);
                continue;
            }
        }
        if let Some(t) = object_line("node", node, "drained", flags) {
            out.out(t);
        }
    }
    if !remaining.is_empty() {
        out.err("There are pending nodes to be drained:\n");
        for n in &remaining {
            out.err(format!(" {n}\n"));
        }
    }
    match fatal.as_slice() {
        [] => {}
        // checkErr unwraps the outer aggregate of one and prints the inner one line by line.
        [one] => {
            for e in one {
                out.err_line(e);
            }
            out.fail();
        }
        many => {
            for errs in many {
                out.err_line(aggregate(errs));
            }
            out.fail();
        }
    }
    if !waiting.is_empty() {
        out.err_line(strings::drain_would_wait(&waiting));
    }
    out
}

/// `utilerrors.Aggregate.Error()`: one message, or `[a, b]`.
fn aggregate(errs: &[String]) -> String {
    match errs {
        [one] => one.clone(),
        many => format!("[{}]", many.join(", ")),
    }
}
