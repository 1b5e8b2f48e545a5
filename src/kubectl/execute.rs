//! Running one kubectl command line against the simulated cluster: parse it (kubectl's
//! errors for a bad line), print the warnings kubectl writes while reading its flags, then
//! dispatch to the verb.
//!
//! Every command that changes the cluster goes through [`Simulation::act`] with the command
//! line as its label, so `undo` takes back one command at a time; read-only commands only
//! borrow [`Simulation::cluster`].

use super::{Invocation, Output, Verb, describe, get, parse_command_line, strings, verbs};
use crate::sim::Simulation;
use std::panic::{AssertUnwindSafe, catch_unwind};

pub use super::file_source::FileSource;

/// What a command acts on.
pub struct Context<'a> {
    /// The cluster and its undo history.
    pub sim: &'a mut Simulation,
    /// Where `-f` paths are read from.
    pub files: &'a dyn FileSource,
}

impl Context<'_> {
    /// The CRDs the cluster's profile installs (manifests of other CRDs' kinds fail to map).
    pub fn crds(&self) -> crate::manifest::Crds {
        crate::manifest::Crds {
            snapshots: self.sim.cluster().profile().has_snapshot_crds(),
        }
    }
}

/// Runs one kubectl command line; never panics, whatever is typed.
///
/// Should a verb panic all the same (a bug), the cluster is restored to what it was before
/// the command and kubestory says so on stderr.
pub fn execute(line: &str, ctx: &mut Context) -> Output {
    let snapshot = ctx.sim.clone();
    match catch_unwind(AssertUnwindSafe(|| run(line, ctx))) {
        Ok(out) => out,
        Err(_) => {
            *ctx.sim = snapshot;
            let mut out = Output::new();
            out.err_line(strings::INTERNAL_ERROR).fail();
            out
        }
    }
}

fn run(line: &str, ctx: &mut Context) -> Output {
    let (line, filters) = super::pipe::split(line);
    let mut pipeline = Vec::new();
    for text in &filters {
        match super::pipe::parse_filter(text) {
            Ok(f) => pipeline.push(f),
            Err(super::pipe::PipeError::Refused(e)) => {
                return super::KubectlError::from(e).to_output_with_hint();
            }
            Err(super::pipe::PipeError::Usage(text)) => {
                // The filter fails before kubectl's output reaches it.
                let mut out = Output::new();
                out.err(text).fail();
                return out;
            }
        }
    }
    let out = run_kubectl(&line, ctx);
    if pipeline.is_empty() {
        out
    } else {
        super::pipe::run(out, &pipeline)
    }
}

fn run_kubectl(line: &str, ctx: &mut Context) -> Output {
    let inv = match parse_command_line(line) {
        Ok(inv) => inv,
        Err(e) => return e.to_output_with_hint(),
    };
    let mut out = Output::new();
    for w in &inv.flags.warnings {
        out.err_line(w);
    }
    if let Some(refused) = super::connection::refuse_unreachable(&inv, ctx.sim.cluster()) {
        out.extend(refused);
        return out;
    }
    out.extend(dispatch(&inv, ctx, line));
    add_limit_notes(&mut out);
    out
}

/// The API server's refusal of replicas above kubestory's limit looks like kubectl's; a
/// `kubestory:` line says it is kubestory's limit (unless the manifest's pointer line has
/// said so already).
fn add_limit_notes(out: &mut Output) {
    let err = out.stderr();
    let refused = err.contains("spec.replicas: Invalid value: ")
        && err.contains(&crate::sim::limits::replicas_detail());
    if refused && !err.contains("kubestory simulates at most") {
        out.err_line(strings::replicas_limit());
    }
}

fn dispatch(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    let label = line.trim();
    match inv.verb {
        Verb::Get if super::watch::wants_watch(inv) => super::watch::run(inv, ctx.sim.cluster()),
        Verb::Get => get::run_get_with_files(inv, ctx.sim.cluster(), Some(ctx.files)),
        Verb::Describe => describe::run_describe(inv, ctx.sim.cluster()),
        Verb::Apply => verbs::apply::run(inv, ctx, label),
        Verb::Create => verbs::create::run(inv, ctx, label),
        Verb::CreateNamespace => verbs::create::run_namespace(inv, ctx, label),
        Verb::Delete => verbs::delete::run(inv, ctx, label),
        Verb::Patch => verbs::patch::run(inv, ctx, label),
        Verb::Scale => verbs::scale::run(inv, ctx, label),
        Verb::RolloutRestart => verbs::rollout::run(inv, ctx, label),
        Verb::Cordon | Verb::Uncordon => verbs::cordon::run(inv, ctx, label),
        Verb::Drain => verbs::drain::run(inv, ctx, label),
        Verb::Taint => verbs::taint::run(inv, ctx, label),
        Verb::Version => verbs::misc::version(inv),
        Verb::ApiResources => verbs::misc::api_resources(inv),
        Verb::Explain => verbs::misc::explain(inv),
        Verb::Edit => verbs::edit::not_interactive(),
        Verb::Label | Verb::Annotate => verbs::metadata::run(inv, ctx, label),
        Verb::Run | Verb::CreateDeployment | Verb::CreateConfigMap | Verb::CreateSecretGeneric => {
            verbs::generate::run(inv, ctx, label)
        }
        Verb::Exec => verbs::exec::run(inv, ctx, label),
        Verb::Logs => verbs::logs::run(inv, ctx.sim.cluster()),
        Verb::Cp => verbs::cp::run(inv, ctx, label),
        Verb::Wait => verbs::wait::run(inv, ctx, label),
        Verb::RolloutStatus => verbs::rollout_status::run(inv, ctx, label),
        Verb::Events => verbs::events::run(inv, ctx.sim.cluster()),
    }
}
