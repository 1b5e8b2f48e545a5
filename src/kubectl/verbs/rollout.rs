//! `kubectl rollout restart`, after kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/
//! rollout/rollout_restart.go` (`RunRestart`) and `polymorphichelpers/objectrestarter.go`: the
//! pod template gets a `kubectl.kubernetes.io/restartedAt` stamp (one-second precision), the
//! object prints `restarted`; other kinds fail with `error: <resource> "<name>" restarting is
//! not supported`; a restart within the same second produces an empty patch and an error.
//!
//! *Unconfirmed*: the same-second message (`if restart has already been triggered within the
//! past second…`) is from memory of recent kubectl; the version read upstream said `empty
//! patch`. `No resources found in <ns> namespace.` for an empty selection is from memory too.

use super::output::object_line;
use super::problems::{Problem, render_flat};
use super::targets::{Found, find};
use crate::kubectl::execute::Context;
use crate::kubectl::{DryRun, Invocation, Output, Resources, strings};
use crate::sim::{Cluster, Kind};
use std::convert::Infallible;

const RESTARTED_AT: &str = "kubectl.kubernetes.io/restartedAt";

/// Runs `kubectl rollout restart`.
pub fn run(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    let (found, mut problems) = match find(inv, ctx) {
        Ok(f) => f,
        Err(out) => return out,
    };
    let mut out = Output::new();
    if found.is_empty() && problems.is_empty() {
        if matches!(inv.resources, Resources::Kinds(_)) {
            out.out(format!(
                "No resources found in {} namespace.\n",
                inv.flags.namespace_or_default()
            ));
        }
        return out;
    }
    let restart_all = |c: &mut Cluster| -> Vec<Result<(), (Problem, bool)>> {
        found.iter().map(|f| restart_one(c, f)).collect()
    };
    let results = match inv.flags.dry_run {
        DryRun::Client => found
            .iter()
            .map(|f| restart_one(&mut ctx.sim.cluster().clone(), f))
            .collect(),
        DryRun::Server => restart_all(&mut ctx.sim.cluster().clone()),
        DryRun::None => ctx
            .sim
            .act(line, |c| Ok::<_, Infallible>(restart_all(c)))
            .unwrap_or_else(|never| match never {}),
    };
    let mut same_second = false;
    for (f, r) in found.iter().zip(results) {
        match r {
            Ok(()) => {
                if let Some(t) = object_line(&f.kind.qualified(), &f.name, "restarted", &inv.flags)
                {
                    out.out(t);
                }
            }
            Err((p, again)) => {
                same_second |= again;
                problems.push(p);
            }
        }
    }
    if !problems.is_empty() {
        out.err(render_flat(&problems, "restarting")).fail();
    }
    if same_second {
        out.err_line(strings::RESTART_SAME_SECOND);
    }
    out
}

/// Restarts one object; the error says whether it was the same-second case.
fn restart_one(c: &mut Cluster, f: &Found) -> Result<(), (Problem, bool)> {
    if !matches!(f.kind, Kind::Deployment | Kind::StatefulSet) {
        return Err((
            Problem::Client(format!(
                "error: {} \"{}\" restarting is not supported",
                f.kind.qualified_plural(),
                f.name
            )),
            false,
        ));
    }
    let stamp = c.now().rfc3339();
    let current = c.get_object(f.kind, &f.namespace, &f.name).and_then(|o| {
        o.to_value()
            .pointer("/spec/template/metadata/annotations")
            .and_then(|a| a.get(RESTARTED_AT))
            .and_then(|v| v.as_str().map(str::to_string))
    });
    if current.as_deref() == Some(stamp.as_str()) {
        return Err((
            Problem::Client(format!(
                "failed to create patch for {}: if restart has already been triggered within the past second, please wait before attempting to trigger another",
                f.name
            )),
            true,
        ));
    }
    c.rollout_restart(f.kind, &f.namespace, &f.name)
        .map_err(|e| (Problem::Client(format!("failed to patch: {e}")), false))
}
