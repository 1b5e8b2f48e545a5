//! `kubectl describe`: the describers of kubernetes/kubernetes
//! `staging/src/k8s.io/kubectl/pkg/describe/describe.go`, driven the way
//! `staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go` (`Run`,
//! `DescribeMatchingResources`) drives them:
//! - every object found is described; descriptions are separated by a blank line;
//! - `describe TYPE NAME` with no object of that exact name describes every object whose name
//!   starts with NAME (each followed by a blank line), or fails with the NotFound error;
//! - missing objects otherwise give `Error from server (NotFound): …` after the rest;
//! - nothing found and no error: `No resources found in <ns> namespace.` (kubectl says so
//!   even for cluster-scoped types; only `-A` gives `No resources found`).

mod class;
mod common;
mod containers;
mod env;
mod misc;
mod node;
mod pod;
mod storage;
mod template;
mod volumes;
mod workloads;

pub use common::{rfc1123z, rfc1123z_or_zero};
pub use pod::qos_class;

use super::args::{Invocation, Resources};
use super::error::KubectlError;
use super::get::{Found, ListKind, Scope, list, lookup, not_found};
use super::output::Output;
use super::selector::LabelSelector;
use crate::sim::Cluster;
use common::Ctx;

/// Runs `kubectl describe` against the cluster and returns what kubectl prints.
pub fn run_describe(inv: &Invocation, cluster: &Cluster) -> Output {
    let flags = &inv.flags;
    let ctx = Ctx {
        cluster,
        show_events: flags.show_events,
    };
    let ns = flags.namespace_or_default();
    let mut found: Vec<Found<'_>> = Vec::new();
    let mut errors: Vec<String> = Vec::new();
    match &inv.resources {
        Resources::None => {
            return KubectlError::NotSimulated(
                "`-f` is not supported by `kubectl describe` here; name the resource instead, \
                 for example `kubectl describe pvc`"
                    .to_string(),
            )
            .to_output();
        }
        Resources::Kinds(kinds) => {
            let scope = Scope {
                namespace: (!flags.all_namespaces).then_some(ns),
                selector: &flags.selector,
            };
            for kind in kinds {
                found.extend(list(cluster, ListKind::Sim(*kind), scope));
            }
        }
        Resources::Named(targets) => {
            for t in targets {
                match lookup(cluster, ListKind::Sim(t.kind), ns, &t.name) {
                    Some(f) => found.push(f),
                    None => errors.push(not_found(ListKind::Sim(t.kind), &t.name)),
                }
            }
            if !errors.is_empty() && inv.args.len() == 2 {
                return describe_matching(ctx, inv, ns, errors);
            }
        }
    }
    let mut out = Output::new();
    let mut first = true;
    for f in &found {
        match describe_found(ctx, f) {
            Ok(text) if first => {
                first = false;
                out.out(text);
            }
            Ok(text) => {
                out.out(format!("\n\n{text}"));
            }
            Err(e) if errors.contains(&e) => {}
            Err(e) => errors.push(e),
        }
    }
    if found.is_empty() && errors.is_empty() {
        if flags.all_namespaces {
            out.err_line("No resources found");
        } else {
            out.err_line(format!("No resources found in {ns} namespace."));
        }
    }
    fail_with(&mut out, &errors);
    out
}

/// `DescribeMatchingResources`: after a NotFound for `describe TYPE NAME`, describes every
/// object of TYPE in the namespace whose name starts with NAME, or returns the NotFound.
fn describe_matching(ctx: Ctx<'_>, inv: &Invocation, ns: &str, errors: Vec<String>) -> Output {
    let mut out = Output::new();
    let (resource, prefix) = (&inv.args[0], &inv.args[1]);
    if resource.contains(',') {
        out.err_line("error: you may only specify a single resource type")
            .fail();
        return out;
    }
    if let Resources::Named(targets) = &inv.resources {
        if targets.len() == 1 && !resource.contains('/') {
            let everything = LabelSelector::default();
            let scope = Scope {
                namespace: Some(ns),
                selector: &everything,
            };
            let kind = ListKind::Sim(targets[0].kind);
            let matching: Vec<Found<'_>> = list(ctx.cluster, kind, scope)
                .into_iter()
                .filter(|f| f.name().starts_with(prefix.as_str()))
                .collect();
            for f in &matching {
                match describe_found(ctx, f) {
                    Ok(text) => {
                        out.out(format!("{text}\n"));
                    }
                    Err(e) => {
                        fail_with(&mut out, &[e]);
                        return out;
                    }
                }
            }
            if !matching.is_empty() {
                return out;
            }
        }
    }
    fail_with(&mut out, &errors);
    out
}

/// One object's description, or the error kubectl would report for it.
fn describe_found(ctx: Ctx<'_>, f: &Found<'_>) -> Result<String, String> {
    Ok(match f {
        Found::Pod(p) => pod::describe_pod(ctx, p),
        Found::Claim(c) => storage::describe_claim(ctx, c),
        Found::Volume(v) => storage::describe_volume(ctx, v),
        Found::Class(c) => class::describe_class(ctx, c),
        Found::Node(n) => node::describe_node(ctx, n),
        Found::Deployment(d) => workloads::describe_deployment(ctx, d),
        Found::ReplicaSet(r) => workloads::describe_replica_set(ctx, r),
        Found::StatefulSet(s) => workloads::describe_stateful_set(ctx, s),
        Found::ConfigMap(c) => misc::describe_config_map(ctx, c),
        Found::Secret(s) => misc::describe_secret(s),
        Found::Namespace(n) => misc::describe_namespace(n),
        Found::Event(_) | Found::Service(_) => {
            return Err(format!(
                "kubestory: describing {} is not simulated; try `kubectl get {} -o yaml`",
                f.kind().qualified_plural(),
                f.kind().qualified_plural()
            ));
        }
    })
}

/// Writes the errors on stderr, one line each, and fails when there are any.
fn fail_with(out: &mut Output, errors: &[String]) {
    for e in errors {
        out.err_line(e);
    }
    if !errors.is_empty() {
        out.fail();
    }
}

#[cfg(test)]
mod tests;
