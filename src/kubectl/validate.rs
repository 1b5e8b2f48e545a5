//! Per-command checks, in the order kubectl runs them (`Complete`, `Validate`, then the
//! resource builder in `Run`), turning parsed flags into [`Flags`] and [`Resources`].
//!
//! Messages were read in kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/`:
//! `get/get.go`, `describe/describe.go` and `util/helpers.go` (`GetDryRunStrategy`,
//! `UsageErrorf`). Those of `rollout restart` and `explain` are from memory of the same tree
//! and marked *unconfirmed* below. The commands that change the cluster are checked in
//! [`super::validate_changes`].

use super::args::{DryRun, Flags, Invocation, Resources, Target, Verb};
use super::error::KubectlError;
use super::pflag::{Parsed, Value};
use super::printflags::output_format;
use super::resources::{BuilderInput, build, resolve};
use super::selector::LabelSelector;
use super::validate_changes::{apply_or_create, delete, node_command, patch, scale, taint};
use crate::sim::Kind;

pub(super) struct Values<'a>(pub(super) &'a Parsed);

impl Values<'_> {
    pub(super) fn str(&self, name: &str) -> Option<String> {
        match self.0.values.get(name) {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        }
    }
    pub(super) fn bool(&self, name: &str, default: bool) -> bool {
        match self.0.values.get(name) {
            Some(Value::Bool(b)) => *b,
            _ => default,
        }
    }
    pub(super) fn int(&self, name: &str) -> Option<i64> {
        match self.0.values.get(name) {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        }
    }
    pub(super) fn list(&self, name: &str) -> Vec<String> {
        match self.0.values.get(name) {
            Some(Value::List(l)) => l.clone(),
            _ => Vec::new(),
        }
    }
    pub(super) fn changed(&self, name: &str) -> bool {
        self.0.changed.contains(name)
    }
}

/// Runs `verb`'s checks on the parsed command line.
pub(crate) fn validate(verb: Verb, parsed: Parsed) -> Result<Invocation, KubectlError> {
    let v = Values(&parsed);
    let args = parsed.positionals.clone();
    let flags = base_flags(&v)?;
    let (resources, flags) = match verb {
        Verb::Get => get(&v, &args, flags)?,
        Verb::Describe => {
            if args.is_empty() && flags.filenames.is_empty() {
                return Err(KubectlError::message(
                    "You must specify the type of resource to describe. Use \"kubectl \
                     api-resources\" for a complete list of supported resources.\n",
                ));
            }
            (build(&args, &builder(&flags, true))?, flags)
        }
        Verb::Delete => delete(&v, &args, flags)?,
        Verb::Apply | Verb::Create => apply_or_create(verb, &v, &args, flags)?,
        Verb::CreateNamespace => {
            if args.len() != 1 {
                return Err(usage(
                    verb,
                    format!("exactly one NAME is required, got {}", args.len()),
                ));
            }
            let flags = with_output(verb, &v, with_dry_run(&v, flags)?)?;
            let target = Target {
                kind: Kind::Namespace,
                name: args[0].clone(),
            };
            (Resources::Named(vec![target]), flags)
        }
        Verb::Scale => scale(&v, &args, flags)?,
        Verb::Patch => patch(&v, &args, flags)?,
        Verb::Cordon | Verb::Uncordon | Verb::Drain => node_command(verb, &v, &args, flags)?,
        Verb::Taint => taint(&v, &args, flags)?,
        Verb::RolloutRestart => {
            if args.is_empty() && flags.filenames.is_empty() {
                // Unconfirmed text (kubectl rollout/rollout_restart.go `Complete`).
                return Err(usage(verb, "required resource not specified".to_string()));
            }
            let flags = with_output(verb, &v, with_dry_run(&v, flags)?)?;
            (build(&args, &builder(&flags, true))?, flags)
        }
        Verb::Version | Verb::ApiResources => {
            if verb == Verb::ApiResources && !args.is_empty() {
                let list = format!("[{}]", args.join(" "));
                return Err(KubectlError::message(format!(
                    "unexpected arguments: {list}"
                )));
            }
            (Resources::None, with_output(verb, &v, flags)?)
        }
        Verb::Explain => explain(&args, flags)?,
        Verb::Edit => (build(&args, &builder(&flags, true))?, flags),
        Verb::Label | Verb::Annotate => {
            super::validate_meta::label_or_annotate(verb, &v, &args, flags)?
        }
        Verb::Run | Verb::CreateDeployment | Verb::CreateConfigMap | Verb::CreateSecretGeneric => {
            super::validate_generate::generator(verb, &v, &args, flags)?
        }
        Verb::Exec | Verb::Logs | Verb::Cp => {
            super::container_flags::validate(verb, &v, &args, flags)?
        }
        Verb::Wait => super::validate_time::wait(&v, &args, flags)?,
        Verb::RolloutStatus => super::validate_time::rollout_status(&v, &args, flags)?,
        Verb::Events => super::validate_time::events(&v, flags)?,
    };
    let flags = if verb == Verb::Get {
        super::validate_time::get_flags(&v, flags)?
    } else {
        flags
    };
    Ok(Invocation {
        verb,
        args,
        resources,
        flags,
    })
}

pub(super) fn usage(verb: Verb, message: String) -> KubectlError {
    KubectlError::Usage {
        message,
        command_path: verb.command_path().to_string(),
    }
}

pub(super) fn builder(flags: &Flags, allow_empty_selector: bool) -> BuilderInput<'_> {
    BuilderInput {
        allow_empty_selector,
        selector: flags.selector_text.as_deref(),
        select_all: false,
        all_namespaces: flags.all_namespaces,
        has_paths: !flags.filenames.is_empty(),
        field_selector: flags.field_selector.as_deref(),
    }
}

/// Flags every command shares; the selector is parsed later by the builder's rules.
fn base_flags(v: &Values<'_>) -> Result<Flags, KubectlError> {
    let mut f = Flags {
        namespace: v.str("namespace").filter(|n| !n.is_empty()),
        all_namespaces: v.bool("all-namespaces", false),
        filenames: v.list("filename"),
        recursive: v.bool("recursive", false),
        selector_text: v
            .str("selector")
            .filter(|s| !s.trim().is_empty())
            .map(|s| s.trim().to_string()),
        all: v.bool("all", false),
        force: v.bool("force", false),
        grace_period: v.int("grace-period").unwrap_or(-1),
        now: v.bool("now", false),
        wait: v.bool("wait", true),
        replicas: v.int("replicas"),
        current_replicas: v.int("current-replicas").unwrap_or(-1),
        patch: v.str("patch"),
        patch_file: v.str("patch-file"),
        overwrite: v.bool("overwrite", false),
        ignore_daemonsets: v.bool("ignore-daemonsets", false),
        delete_emptydir_data: v.bool("delete-emptydir-data", false)
            || v.bool("delete-local-data", false),
        disable_eviction: v.bool("disable-eviction", false),
        show_labels: v.bool("show-labels", false),
        show_kind: v.bool("show-kind", false),
        label_columns: v.list("label-columns"),
        sort_by: v.str("sort-by").filter(|s| !s.is_empty()),
        no_headers: v.bool("no-headers", false),
        ignore_not_found: v.bool("ignore-not-found", false),
        show_events: v.bool("show-events", true),
        server_side: v.bool("server-side", false),
        client_only: v.bool("client", false),
        explain_recursive: v.bool("recursive", false),
        field_selector: v
            .str("field-selector")
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        list: v.bool("list", false),
        resource_version: v.str("resource-version").filter(|s| !s.is_empty()),
        ..Flags::default()
    };
    if let Some(Value::Duration(ns)) = v.0.values.get("timeout") {
        f.timeout_seconds = Some((*ns / 1_000_000_000).max(0) as u64).filter(|s| *s > 0);
    }
    if let Some(text) = &f.selector_text {
        if let Ok(selector) = LabelSelector::parse(text) {
            f.selector = selector;
        }
    }
    Ok(f)
}

pub(super) fn with_output(
    verb: Verb,
    v: &Values<'_>,
    mut flags: Flags,
) -> Result<Flags, KubectlError> {
    let raw = v.str("output").unwrap_or_default();
    flags.output = output_format(verb, Some(&raw))?;
    // `-o FORMAT=ARG` wins; else `--template` (cli-runtime `JSONPathPrintFlags.ToPrinter`).
    flags.template = match raw.split_once('=') {
        Some((_, arg)) => arg.to_string(),
        None => v.str("template").unwrap_or_default(),
    };
    flags.allow_missing_keys = v.bool("allow-missing-template-keys", true);
    // `--template` without `-o` means `-o go-template` (cli-runtime `print_flags.go`).
    if raw.is_empty() && !flags.template.is_empty() {
        output_format(verb, Some("go-template"))?;
    }
    Ok(flags)
}

/// `cmdutil.GetDryRunStrategy` (helpers.go; its klog deprecation warnings are not printed).
pub(super) fn with_dry_run(v: &Values<'_>, mut flags: Flags) -> Result<Flags, KubectlError> {
    let text = v.str("dry-run").unwrap_or_else(|| "none".to_string());
    flags.dry_run = match text.as_str() {
        "unchanged" | "client" => DryRun::Client,
        "server" => DryRun::Server,
        "none" => DryRun::None,
        other => match super::goparse::parse_bool(other) {
            Ok(true) => DryRun::Client,
            Ok(false) => DryRun::None,
            Err(_) => {
                return Err(KubectlError::message(format!(
                    "Invalid dry-run value ({other}). Must be \"none\", \"server\", or \"client\"."
                )));
            }
        },
    };
    Ok(flags)
}

fn get(v: &Values<'_>, args: &[String], flags: Flags) -> Result<(Resources, Flags), KubectlError> {
    if args.is_empty() && flags.filenames.is_empty() {
        return Err(KubectlError::GetWithoutType);
    }
    let output = v.str("output").unwrap_or_default();
    if flags.show_labels && !output.is_empty() && output != "wide" {
        return Err(KubectlError::message(format!(
            "--show-labels option cannot be used with {output} printer"
        )));
    }
    let resources = build(args, &builder(&flags, true))?;
    Ok((resources, with_output(Verb::Get, v, flags)?))
}

fn explain(args: &[String], flags: Flags) -> Result<(Resources, Flags), KubectlError> {
    // explain.go (unconfirmed wording).
    if args.is_empty() {
        return Err(usage(
            Verb::Explain,
            "You must specify the type of resource to explain. Use \"kubectl api-resources\" \
             for a complete list of supported resources.\n"
                .to_string(),
        ));
    }
    if args.len() > 1 {
        return Err(usage(
            Verb::Explain,
            "We accept only this format: explain RESOURCE\n".to_string(),
        ));
    }
    let resource = args[0].split('.').next().unwrap_or_default();
    Ok((Resources::Kinds(vec![resolve(resource)?]), flags))
}
