//! `kubectl rollout status`, after kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/
//! rollout/rollout_status.go` (`Run`) and `polymorphichelpers/rollout_status.go`
//! (`DeploymentStatusViewer.Status`, `StatefulSetStatusViewer.Status`): the status message is
//! printed, then (with `-w`, the default) each new message as the rollout goes on, until it is
//! done or `--timeout` runs out (`error: timed out waiting for the condition`).
//!
//! In kubestory the simulated clock jumps from deadline to deadline, as `kubectl wait` does
//! (one undo step). When nothing is left that could change the rollout, a real kubectl would
//! wait until Ctrl-C: kubestory stops there and says so.

use crate::kubectl::execute::Context;
use crate::kubectl::get::{ListKind, lookup};
use crate::kubectl::time_flags::ROLLOUT_STATUS_DEFAULT_SECS;
use crate::kubectl::{Invocation, Output, Resources};
use crate::sim::{Cluster, Kind, SimTime};
use serde_json::Value;
use std::convert::Infallible;

/// What kubestory says when a rollout can no longer progress by itself.
pub const STUCK: &str = "kubestory: nothing left in the simulated cluster would move this rollout on; a real kubectl rollout status would keep waiting here until Ctrl-C (or its --timeout)";

/// What kubestory says when it stops waiting without `--timeout`.
pub fn gave_up() -> String {
    format!(
        "kubestory: stopped after {} of simulated time; a real kubectl rollout status would keep waiting here until Ctrl-C (or its --timeout)",
        crate::sim::human_duration(ROLLOUT_STATUS_DEFAULT_SECS)
    )
}

/// A status message, whether the rollout is done, or kubectl's error.
pub fn status(kind: Kind, v: &Value) -> Result<(String, bool), String> {
    let int = |p: &str| v.pointer(p).and_then(Value::as_i64).unwrap_or(0);
    let name = v
        .pointer("/metadata/name")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let generation = int("/metadata/generation");
    let observed = int("/status/observedGeneration");
    let spec_replicas = v.pointer("/spec/replicas").and_then(Value::as_i64);
    match kind {
        Kind::Deployment => {
            if generation > observed {
                return Ok((
                    "Waiting for deployment spec update to be observed...".into(),
                    false,
                ));
            }
            let progressing_timed_out = v
                .pointer("/status/conditions")
                .and_then(Value::as_array)
                .is_some_and(|cs| {
                    cs.iter().any(|c| {
                        c.get("type").and_then(Value::as_str) == Some("Progressing")
                            && c.get("reason").and_then(Value::as_str)
                                == Some("ProgressDeadlineExceeded")
                    })
                });
            if progressing_timed_out {
                return Err(format!(
                    "deployment \"{name}\" exceeded its progress deadline"
                ));
            }
            let updated = int("/status/updatedReplicas");
            let replicas = int("/status/replicas");
            let available = int("/status/availableReplicas");
            if let Some(want) = spec_replicas
                && updated < want
            {
                return Ok((
                    format!(
                        "Waiting for deployment \"{name}\" rollout to finish: {updated} out of {want} new replicas have been updated..."
                    ),
                    false,
                ));
            }
            if replicas > updated {
                return Ok((
                    format!(
                        "Waiting for deployment \"{name}\" rollout to finish: {} old replicas are pending termination...",
                        replicas - updated
                    ),
                    false,
                ));
            }
            if available < updated {
                return Ok((
                    format!(
                        "Waiting for deployment \"{name}\" rollout to finish: {available} of {updated} updated replicas are available..."
                    ),
                    false,
                ));
            }
            Ok((
                format!("deployment \"{name}\" successfully rolled out"),
                true,
            ))
        }
        Kind::StatefulSet => {
            let strategy = v
                .pointer("/spec/updateStrategy/type")
                .and_then(Value::as_str)
                .unwrap_or("RollingUpdate");
            if strategy != "RollingUpdate" {
                return Err(
                    "rollout status is only available for RollingUpdate strategy type".into(),
                );
            }
            if observed == 0 || generation > observed {
                return Ok((
                    "Waiting for statefulset spec update to be observed...".into(),
                    false,
                ));
            }
            let ready = int("/status/readyReplicas");
            if let Some(want) = spec_replicas
                && ready < want
            {
                return Ok((
                    format!("Waiting for {} pods to be ready...", want - ready),
                    false,
                ));
            }
            let updated = int("/status/updatedReplicas");
            // The API server defaults a RollingUpdate strategy's `rollingUpdate` to
            // `{partition: 0}` (apps/v1 `SetDefaults_StatefulSet`), so a real StatefulSet
            // always takes this branch; the simulator leaves the defaults out of its JSON.
            let partition = v
                .pointer("/spec/updateStrategy/rollingUpdate/partition")
                .and_then(Value::as_i64)
                .unwrap_or(0);
            if let Some(want) = spec_replicas
                && updated < want - partition
            {
                return Ok((
                    format!(
                        "Waiting for partitioned roll out to finish: {updated} out of {} new pods have been updated...",
                        want - partition
                    ),
                    false,
                ));
            }
            // (`statefulset rolling update complete … at revision …` is for a RollingUpdate
            // without `rollingUpdate`, which defaulting never leaves.)
            Ok((
                format!("partitioned roll out complete: {updated} new pods have been updated..."),
                true,
            ))
        }
        other => Err(format!(
            "no status viewer has been implemented for {}",
            other.name()
        )),
    }
}

/// Runs `kubectl rollout status`.
pub fn run(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    let mut out = Output::new();
    let ns = inv.flags.namespace_or_default().to_string();
    let target = match &inv.resources {
        Resources::Named(t) if t.len() == 1 => t[0].clone(),
        Resources::Named(t) => {
            out.err_line(format!("error: rollout status is only supported on individual resources and resource collections, but {} resources were found", t.len())).fail();
            return out;
        }
        _ => {
            out.err_line("error: required resource not specified")
                .fail();
            return out;
        }
    };
    let kind = target.kind;
    let namespace = if kind.namespaced() { ns } else { String::new() };
    let find =
        |c: &Cluster| lookup(c, ListKind::Sim(kind), &namespace, &target.name).map(|f| f.value(c));
    if find(ctx.sim.cluster()).is_none() {
        out.err_line(format!(
            "Error from server (NotFound): {} \"{}\" not found",
            kind.qualified_plural(),
            target.name
        ))
        .fail();
        return out;
    }
    let watch = inv.flags.time.rollout_watch;
    let timeout = inv.flags.time.timeout_secs;
    let result = ctx.sim.act(line, |c| {
        let mut out = Output::new();
        let until = timeout.map(|t| c.now().plus(t));
        let give_up = c.now().plus(ROLLOUT_STATUS_DEFAULT_SECS);
        let mut last = String::new();
        loop {
            let Some(value) = find(c) else {
                out.err_line(format!(
                    "Error from server (NotFound): {} \"{}\" not found",
                    kind.qualified_plural(),
                    target.name
                ))
                .fail();
                break;
            };
            match status(kind, &value) {
                Err(e) => {
                    out.err_line(format!("error: {e}")).fail();
                    break;
                }
                Ok((message, done)) => {
                    if message != last {
                        out.out_line(&message);
                        last = message;
                    }
                    if done || !watch {
                        break;
                    }
                }
            }
            let moved = match until {
                Some(u) => c.step_towards(u),
                None => match c.next_deadline().filter(|d| *d > c.now()) {
                    Some(_) if c.now() >= give_up => {
                        out.err_line(gave_up()).fail();
                        break;
                    }
                    Some(d) => c.step_towards(d.min(give_up)),
                    None => {
                        out.err_line(STUCK).fail();
                        break;
                    }
                },
            };
            if !moved {
                if until.is_some_and(|u: SimTime| c.now() >= u) {
                    out.err_line("error: timed out waiting for the condition")
                        .fail();
                } else {
                    out.err_line(STUCK).fail();
                }
                break;
            }
        }
        Ok::<_, Infallible>(out)
    });
    match result {
        Ok(o) => o,
        Err(never) => match never {},
    }
}
