//! `kubectl cordon` and `kubectl uncordon`, after kubernetes/kubernetes `staging/src/k8s.io/
//! kubectl/pkg/cmd/drain/drain.go` (`Complete` finds every node first and stops at the first
//! error; `RunCordonOrUncordon` prints `cordoned`, `already cordoned`, `uncordoned`, `already
//! uncordoned`, or `skipped` for an object that is not a node).

use super::output::object_line;
use super::problems::{Problem, render_flat};
use crate::kubectl::execute::Context;
use crate::kubectl::{DryRun, Invocation, Output, Resources, Verb};
use crate::sim::{Cluster, Kind};
use std::convert::Infallible;

/// The nodes (or other objects) a node command targets, or kubectl's error.
pub fn node_targets(inv: &Invocation, cluster: &Cluster) -> Result<Vec<(Kind, String)>, Output> {
    let mut out = Vec::new();
    match &inv.resources {
        Resources::Named(targets) => {
            for t in targets {
                let ns = inv.flags.namespace_or_default();
                if !super::listing::exists(cluster, t.kind, ns, &t.name) {
                    let p = Problem::status(
                        "NotFound",
                        format!("{} \"{}\" not found", t.kind.qualified_plural(), t.name),
                    );
                    let mut o = Output::new();
                    o.err(render_flat(&[p], "")).fail();
                    return Err(o);
                }
                out.push((t.kind, t.name.clone()));
            }
        }
        _ => {
            for n in cluster.nodes() {
                if inv.flags.selector.matches(&n.metadata.labels) {
                    out.push((Kind::Node, n.metadata.name.clone()));
                }
            }
        }
    }
    Ok(out)
}

/// Cordons (`true`) or uncordons each node; prints each line to `out`.
pub fn cordon_nodes(
    targets: &[(Kind, String)],
    desired: bool,
    inv: &Invocation,
    ctx: &mut Context,
    line: &str,
    out: &mut Output,
) {
    let change = |c: &mut Cluster| -> Vec<bool> {
        targets
            .iter()
            .map(|(kind, name)| *kind == Kind::Node && c.cordon(name, desired).unwrap_or(false))
            .collect()
    };
    let changed: Vec<bool> = match inv.flags.dry_run {
        DryRun::Client | DryRun::Server => change(&mut ctx.sim.cluster().clone()),
        DryRun::None => ctx
            .sim
            .act(line, |c| Ok::<_, Infallible>(change(c)))
            .unwrap_or_else(|never| match never {}),
    };
    for ((kind, name), changed) in targets.iter().zip(changed) {
        let op = match (*kind == Kind::Node, changed, desired) {
            (false, _, _) => "skipped",
            (true, true, true) => "cordoned",
            (true, true, false) => "uncordoned",
            (true, false, true) => "already cordoned",
            (true, false, false) => "already uncordoned",
        };
        if let Some(t) = object_line(&kind.qualified(), name, op, &inv.flags) {
            out.out(t);
        }
    }
}

/// Runs `kubectl cordon` / `kubectl uncordon`.
pub fn run(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    let targets = match node_targets(inv, ctx.sim.cluster()) {
        Ok(t) => t,
        Err(out) => return out,
    };
    let mut out = Output::new();
    cordon_nodes(&targets, inv.verb == Verb::Cordon, inv, ctx, line, &mut out);
    out
}
