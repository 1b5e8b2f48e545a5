//! `kubectl wait --for=…`, after kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/
//! wait/wait.go` (`RunWait`, `IsDeleted`, `getObjAndCheckCondition`, `extendErrWaitTimeout`):
//! the objects are visited in order, each until its condition holds (`pod/x condition met`) or
//! the one timeout (30s by default) runs out (`error: timed out waiting for the condition on
//! pods/x`); `--timeout=0` checks once (`error: condition not met for pods/x`).
//!
//! In kubestory the simulated clock jumps, as with `wait 30s`: from deadline to deadline (the
//! moments something can change by itself) until the condition holds or the timeout is
//! reached. The jump is one undo step, labelled with the command line.
//!
//! *Unconfirmed*: `--for=create` (kubectl ≥ 1.31) is written from its documentation: it waits
//! for named objects to exist, and prints `condition met` like the others.

use crate::kubectl::execute::Context;
use crate::kubectl::get::{Found, ListKind, Scope, list, lookup};
use crate::kubectl::wait_condition::Condition;
use crate::kubectl::{Invocation, Output, Resources};
use crate::sim::{Cluster, Kind, SimTime};
use std::convert::Infallible;

/// One object to wait for.
struct Target {
    kind: Kind,
    namespace: String,
    name: String,
}

impl Target {
    fn find<'a>(&self, cluster: &'a Cluster) -> Option<Found<'a>> {
        lookup(
            cluster,
            ListKind::Sim(self.kind),
            &self.namespace,
            &self.name,
        )
    }
    /// `info.ObjectName()`: `pods/x`.
    fn object_name(&self) -> String {
        format!("{}/{}", self.kind.plural(), self.name)
    }
}

/// Runs `kubectl wait`.
pub fn run(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    let text = inv.flags.time.for_condition.clone().unwrap_or_default();
    let condition = match Condition::parse(&text) {
        Ok(c) => c,
        Err(e) => {
            let mut out = Output::new();
            out.err_line(format!("error: {e}")).fail();
            return out;
        }
    };
    let ns = inv.flags.namespace_or_default().to_string();
    let cluster = ctx.sim.cluster();
    let mut targets = Vec::new();
    let mut out = Output::new();
    let waits_for_absence = matches!(condition, Condition::Delete);
    let waits_for_presence = matches!(condition, Condition::Create);
    match &inv.resources {
        Resources::Named(named) => {
            for t in named {
                let namespace = if t.kind.namespaced() {
                    ns.clone()
                } else {
                    String::new()
                };
                let target = Target {
                    kind: t.kind,
                    namespace,
                    name: t.name.clone(),
                };
                if target.find(cluster).is_none() && !waits_for_absence && !waits_for_presence {
                    // The builder's Get fails before anything is waited for.
                    out.err_line(format!(
                        "Error from server (NotFound): {} \"{}\" not found",
                        t.kind.qualified_plural(),
                        t.name
                    ))
                    .fail();
                    return out;
                }
                if target.find(cluster).is_some() || waits_for_presence {
                    targets.push(target);
                }
            }
        }
        Resources::Kinds(kinds) => {
            for &kind in kinds {
                let scope = Scope {
                    namespace: (!inv.flags.all_namespaces).then_some(ns.as_str()),
                    selector: &inv.flags.selector,
                };
                for f in list(cluster, ListKind::Sim(kind), scope) {
                    targets.push(Target {
                        kind,
                        namespace: f.namespace(),
                        name: f.name(),
                    });
                }
            }
        }
        Resources::None => {}
    }
    if targets.is_empty() {
        if !waits_for_absence {
            out.err_line("error: no matching resources found").fail();
        }
        return out;
    }
    let timeout = inv.flags.time.timeout_secs.unwrap_or(30);
    let outcome = ctx.sim.act(line, |c| {
        let until = c.now().plus(timeout);
        let mut out = Output::new();
        for t in &targets {
            if let Err(e) = wait_one(c, t, &condition, timeout, until, &mut out) {
                out.err_line(e).fail();
                break;
            }
        }
        Ok::<_, Infallible>(out)
    });
    match outcome {
        Ok(o) => o,
        Err(never) => match never {},
    }
}

/// Waits for one object; prints `kind/name condition met`, or returns the error.
fn wait_one(
    c: &mut Cluster,
    t: &Target,
    condition: &Condition,
    timeout: u64,
    until: SimTime,
    out: &mut Output,
) -> Result<(), String> {
    let met_line = || format!("{}/{} condition met", t.kind.qualified(), t.name);
    let timed_out = || {
        format!(
            "error: timed out waiting for the condition on {}",
            t.object_name()
        )
    };
    loop {
        let met = match (t.find(c), condition) {
            (None, Condition::Delete) => true,
            (None, Condition::Create) => false,
            (None, _) => {
                // preconditionFunc: the object went away while waited for.
                return Err(format!(
                    "Error from server (NotFound): {} \"{}\" not found",
                    t.kind.qualified_plural(),
                    t.name
                ));
            }
            (Some(found), cond) => {
                let value = found.value(c);
                cond.met(&value).map_err(|e| format!("error: {e}"))?
            }
        };
        if met {
            out.out_line(met_line());
            return Ok(());
        }
        if timeout == 0 {
            return Err(format!("error: condition not met for {}", t.object_name()));
        }
        if !c.step_towards(until) {
            return Err(timed_out());
        }
    }
}
