//! `kubectl scale --replicas=N`, after kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/
//! cmd/scale/scale.go` (`RunScale`, v1.34): every object is found first; with none found the
//! command fails with `no objects passed to scale` followed by the lookup error (v1.35 changed
//! this to a plain NotFound, PR #134017); each found object is scaled and printed (`scaled`);
//! the lookup errors of the others come last. A kind without a `scale` subresource stops the
//! command with the API server's NotFound.
//!
//! *Unconfirmed*: the exact NotFound text for a kind without `scale` (client-go's generic
//! 404 message is assumed) and `Expected replicas to be N, was M` (kubectl `pkg/scale`
//! `PreconditionError`, from memory).

use super::output::{object_line, print_objects};
use super::problems::{Problem, render_flat};
use super::targets::{Found, find};
use crate::kubectl::execute::Context;
use crate::kubectl::{DryRun, Invocation, Output};
use crate::sim::{ApiError, Cluster, Kind};
use std::convert::Infallible;

/// Runs `kubectl scale`.
pub fn run(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    let (found, missing) = match find(inv, ctx) {
        Ok(f) => f,
        Err(out) => return out,
    };
    let mut out = Output::new();
    if found.is_empty() {
        let detail = match missing.as_slice() {
            [] => String::new(),
            [one] => format!(" {}", text(one)),
            many => format!(
                " [{}]",
                many.iter().map(text).collect::<Vec<_>>().join(", ")
            ),
        };
        out.err_line(format!("error: no objects passed to scale{detail}"))
            .fail();
        return out;
    }
    let flags = &inv.flags;
    let replicas = flags.replicas.unwrap_or(0).clamp(0, i64::from(i32::MAX)) as i32;
    let current_replicas = flags.current_replicas;
    let scale_all = |c: &mut Cluster| -> Vec<Result<(), Problem>> {
        let mut results = Vec::new();
        for f in &found {
            let r = scale_one(c, f, replicas, current_replicas);
            let stop = r.is_err();
            results.push(r);
            if stop {
                break;
            }
        }
        results
    };
    let results = match flags.dry_run {
        DryRun::Client => found.iter().map(|_| Ok(())).collect(),
        DryRun::Server => scale_all(&mut ctx.sim.cluster().clone()),
        DryRun::None => ctx
            .sim
            .act(line, |c| Ok::<_, Infallible>(scale_all(c)))
            .unwrap_or_else(|never| match never {}),
    };
    for (f, r) in found.iter().zip(results) {
        if let Err(p) = r {
            out.err(render_flat(&[p], "scaling")).fail();
            return out;
        }
        match object_line(&f.kind.qualified(), &f.name, "scaled", flags) {
            Some(t) => out.out(t),
            None => {
                let value = ctx
                    .sim
                    .cluster()
                    .get_object(f.kind, &f.namespace, &f.name)
                    .map(|o| o.to_value())
                    .unwrap_or_default();
                out.out(print_objects(&[value], flags.output))
            }
        };
    }
    if !missing.is_empty() {
        out.err(render_flat(&missing, "scaling")).fail();
    }
    out
}

fn text(p: &Problem) -> String {
    match p {
        Problem::Api { message, .. } | Problem::Client(message) => message.clone(),
        Problem::Load { .. } => String::new(),
    }
}

fn scale_one(c: &mut Cluster, f: &Found, replicas: i32, precondition: i64) -> Result<(), Problem> {
    if !matches!(
        f.kind,
        Kind::Deployment | Kind::ReplicaSet | Kind::StatefulSet
    ) {
        // No scale subresource: client-go's GET …/scale answers 404.
        return Err(Problem::status(
            "NotFound",
            "the server could not find the requested resource",
        ));
    }
    if precondition != -1 {
        let current = c
            .get_object(f.kind, &f.namespace, &f.name)
            .and_then(|o| {
                o.to_value()
                    .pointer("/spec/replicas")
                    .and_then(|v| v.as_i64())
            })
            .unwrap_or(1);
        if current != precondition {
            // kubectl `pkg/scale` `PreconditionError`.
            return Err(Problem::Client(format!(
                "Expected replicas to be {precondition}, was {current}"
            )));
        }
    }
    c.scale(f.kind, &f.namespace, &f.name, replicas)
        .map(|_| ())
        .map_err(|e: ApiError| Problem::api(&e))
}
