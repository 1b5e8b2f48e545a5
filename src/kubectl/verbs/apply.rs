//! `kubectl apply -f` (client-side apply, and `--server-side`), after kubernetes/kubernetes
//! `staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go`: `Run` reads every object first
//! (`GetObjects`, errors kept), applies each (`applyOneObject`: create when absent, else a
//! three-way patch that prints `configured` or `unchanged`), then returns the reading errors
//! followed by the objects' errors. `-o yaml|json` prints the objects at the end
//! (`printObjects`), only when nothing failed.
//!
//! The objects are sent with [`crate::sim::Cluster::apply_all`] (one settle for the whole
//! file) and carry the `kubectl.kubernetes.io/last-applied-configuration` annotation, so
//! re-applying an unchanged file changes nothing and prints `unchanged`. With `--force`, an
//! update refused as Invalid deletes and recreates the object ([`super::apply_force`]).
//!
//! Texts confirmed in apply.go: `created`/`configured`/`unchanged`/`serverside-applied`,
//! `warningNoLastAppliedConfigAnnotation`, `warningChangesOnDeletingResource`, `cannot use
//! generate name with apply`, `no objects passed to apply`, and the shape of `error when
//! applying patch:\n<patch>\nto:\n<info>\nfor: "<file>": error when patching "<file>": …`.
//! The patch inside that message is approximated ([`super::three_way`]). A document the
//! loader refuses for the API server's reasons is reported with `error when creating` even
//! when the object exists (kubectl would show the patch form).

use super::apply_force::{Sent, send};
use super::objects::{Item, LAST_APPLIED, list_of, plural, resource_name};
use super::output::{NoteOnce, object_line, print_objects};
use super::problems::{Problem, render_grouped};
use super::sources::{Entry, deferred_warnings, read};
use super::three_way::patch_text;
use crate::kubectl::execute::Context;
use crate::kubectl::{DryRun, Invocation, Output, OutputFormat};
use crate::sim::{ApiError, ApplyOutcome, Cluster, Object};
use std::convert::Infallible;

/// What happens to one document, in file order.
enum Step {
    /// Sent: the index in the objects sent.
    Send(usize),
    /// Refused before or by the API server.
    Fail(Problem),
}

/// Runs `kubectl apply`.
pub fn run(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    if inv.flags.dry_run == DryRun::Server && inv.flags.force {
        // apply.go `Complete`.
        let mut out = Output::new();
        out.err_line("error: --dry-run=server cannot be used with --force")
            .fail();
        return out;
    }
    let entries = match read(inv, ctx.files, ctx.crds()) {
        Ok(e) => e,
        Err(out) => return out,
    };
    let flags = &inv.flags;
    let ssa = flags.server_side;
    let mut reading = Vec::new();
    let mut steps = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    for e in &entries {
        match e {
            Entry::Item(item) if item.doc.name.is_empty() => {
                let prefix = item.doc.object.metadata().generate_name.clone();
                steps.push(Step::Fail(Problem::Client(format!(
                    "from {}: cannot use generate name with apply",
                    prefix.unwrap_or_default()
                ))));
            }
            Entry::Item(item) => {
                let mut item = (**item).clone();
                if !ssa {
                    item.annotate_last_applied();
                }
                steps.push(Step::Send(items.len()));
                items.push(item);
            }
            Entry::ReadError(p) => reading.push(p.clone()),
            Entry::ServerError { problem, .. } => steps.push(Step::Fail(problem.clone())),
        }
    }
    let mut out = Output::new();
    if steps.is_empty() && reading.is_empty() {
        out.err_line("error: no objects passed to apply").fail();
        return out;
    }
    let before: Vec<Option<Object>> = items.iter().map(|i| i.current(ctx.sim.cluster())).collect();
    let existed: Vec<bool> = before.iter().map(Option::is_some).collect();
    let force = flags.force && !ssa;
    let (sent, after): (Sent, Cluster) = match flags.dry_run {
        DryRun::Client => {
            let results = existed
                .iter()
                .map(|e| {
                    Ok(if *e {
                        ApplyOutcome::Configured
                    } else {
                        ApplyOutcome::Created
                    })
                })
                .collect();
            let sent = Sent {
                results,
                waiting: Vec::new(),
            };
            (sent, ctx.sim.cluster().clone())
        }
        DryRun::Server => {
            let mut c = ctx.sim.cluster().clone();
            (send(&mut c, &items, &existed, force), c)
        }
        DryRun::None => {
            let sent = ctx
                .sim
                .act(line, |c| {
                    Ok::<_, Infallible>(send(c, &items, &existed, force))
                })
                .unwrap_or_else(|never| match never {});
            (sent, ctx.sim.cluster().clone())
        }
    };
    let results = sent.results;
    let mut problems = Vec::new();
    let mut notes = NoteOnce::default();
    let mut printed = Vec::new();
    for step in steps {
        let i = match step {
            Step::Fail(p) => {
                problems.push(p);
                continue;
            }
            Step::Send(i) => i,
        };
        let item = &items[i];
        let existed = before[i].as_ref();
        if let (Some(b), false, false) = (existed, ssa, flags.dry_run == DryRun::Client) {
            if !b.metadata().annotations.contains_key(LAST_APPLIED) {
                out.err(missing_annotation_warning(item));
            }
        }
        if sent.waiting.iter().any(|(w, _)| *w == i) {
            continue;
        }
        let outcome = match &results[i] {
            Ok(o) => *o,
            Err(e) => {
                problems.push(apply_error(e, item, existed));
                continue;
            }
        };
        let now = item.current(&after);
        let deleting = now
            .as_ref()
            .is_some_and(|o| o.metadata().deletion_timestamp.is_some());
        if existed.is_some() && flags.dry_run != DryRun::Client && deleting {
            // apply.go `WarnIfDeleting`.
            out.err(format!(
                "Warning: Detected changes to resource {} which is currently being deleted.\n",
                item.doc.name
            ));
        }
        let op = if ssa {
            "serverside-applied"
        } else {
            outcome.as_str()
        };
        if let Some(text) = object_line(&item.prefix(), &item.doc.name, op, flags) {
            out.out(text);
        }
        notes.after(&mut out, item);
        if op == "created" {
            NoteOnce::after_claim(&mut out, item, ctx.sim.cluster());
        }
        printed.push(match (flags.dry_run, now) {
            (DryRun::Client, _) | (_, None) => item.doc.value.clone(),
            (_, Some(o)) => o.to_value(),
        });
    }
    let failed = !reading.is_empty() || !problems.is_empty();
    if failed {
        out.err(render_grouped(&reading, &problems, "creating"))
            .fail();
    } else if matches!(flags.output, OutputFormat::Yaml | OutputFormat::Json) {
        let value = match printed.len() {
            1 => printed.remove(0),
            _ => list_of(printed),
        };
        out.out(print_objects(&[value], flags.output));
    }
    let left: Vec<_> = sent.waiting.into_iter().map(|(_, l)| l).collect();
    out.err(super::terminating::note(&after, &left));
    out.err(deferred_warnings(&entries));
    out
}

/// apply.go `warningNoLastAppliedConfigAnnotation`, with `info.ObjectName()`
/// (`persistentvolumeclaims/data`).
fn missing_annotation_warning(item: &Item) -> String {
    let plural = plural(&item.doc.kind, &item.doc.api_version);
    format!(
        "Warning: resource {plural}/{} is missing the {LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n",
        item.doc.name
    )
}

/// The error of one object: `error when creating "f": …` for a new object; for an existing
/// one, the patcher's `error when patching "f": …` inside apply's `error when applying
/// patch:\n<patch>\nto:\n<info>\nfor: "f": …`.
fn apply_error(e: &ApiError, item: &Item, existed: Option<&Object>) -> Problem {
    let problem = Problem::api(&fix_resource(e, item));
    let Some(current) = existed else {
        return problem.with_source("creating", &item.file);
    };
    let (group, version) = match item.doc.api_version.split_once('/') {
        Some((g, v)) => (g.to_string(), v.to_string()),
        None => (String::new(), item.doc.api_version.clone()),
    };
    let plural = plural(&item.doc.kind, &item.doc.api_version);
    let info = format!(
        "Resource: \"{group}/{version}, Resource={plural}\", GroupVersionKind: \"{group}/{version}, Kind={}\"\nName: \"{}\", Namespace: \"{}\"",
        item.doc.kind,
        item.doc.name,
        item.ns()
    );
    let verb = format!(
        "applying patch:\n{}\nto:\n{info}\nfor:",
        patch_text(current, &item.doc.value)
    );
    problem
        .with_source("patching", &item.file)
        .with_source(&verb, &item.file)
}

/// The simulator names unsimulated resources `<kind>s`; the API server uses the real plural
/// and group (`ingresses.networking.k8s.io`).
pub fn fix_resource(e: &ApiError, item: &Item) -> ApiError {
    let real = resource_name(&item.doc.kind, &item.doc.api_version);
    let guess = format!("{}s", item.doc.kind.to_ascii_lowercase());
    match e {
        ApiError::NotFound { resource, name } if *resource == guess => ApiError::NotFound {
            resource: real,
            name: name.clone(),
        },
        ApiError::AlreadyExists { resource, name } if *resource == guess => {
            ApiError::AlreadyExists {
                resource: real,
                name: name.clone(),
            }
        }
        other => other.clone(),
    }
}
