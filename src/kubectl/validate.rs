//! Per-command checks, in the order kubectl runs them (`Complete`, `Validate`, then the
//! resource builder in `Run`), turning parsed flags into [`Flags`] and [`Resources`].
//!
//! Messages were read in kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/`:
//! `get/get.go`, `describe/describe.go`, `delete/delete.go`, `scale/scale.go`,
//! `drain/drain.go` and `util/helpers.go` (`GetDryRunStrategy`, `UsageErrorf`). Those of
//! `apply`, `create`, `patch`, `rollout restart`, `explain` and the `--cascade` parser are
//! from memory of the same tree and marked *unconfirmed* below.

use super::args::{Cascade, DryRun, Flags, Invocation, PatchType, Resources, Target, Verb};
use super::error::KubectlError;
use super::pflag::{Parsed, Value};
use super::printflags::output_format;
use super::resources::{BuilderInput, build, resolve, selector_bad_request};
use super::selector::LabelSelector;
use crate::sim::Kind;

struct Values<'a>(&'a Parsed);

impl Values<'_> {
    fn str(&self, name: &str) -> Option<String> {
        match self.0.values.get(name) {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        }
    }
    fn bool(&self, name: &str, default: bool) -> bool {
        match self.0.values.get(name) {
            Some(Value::Bool(b)) => *b,
            _ => default,
        }
    }
    fn int(&self, name: &str) -> Option<i64> {
        match self.0.values.get(name) {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        }
    }
    fn list(&self, name: &str) -> Vec<String> {
        match self.0.values.get(name) {
            Some(Value::List(l)) => l.clone(),
            _ => Vec::new(),
        }
    }
    fn changed(&self, name: &str) -> bool {
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
    };
    Ok(Invocation {
        verb,
        args,
        resources,
        flags,
    })
}

fn usage(verb: Verb, message: String) -> KubectlError {
    KubectlError::Usage {
        message,
        command_path: verb.command_path().to_string(),
    }
}

fn builder(flags: &Flags, allow_empty_selector: bool) -> BuilderInput<'_> {
    BuilderInput {
        allow_empty_selector,
        selector: flags.selector_text.as_deref(),
        select_all: false,
        all_namespaces: flags.all_namespaces,
        has_paths: !flags.filenames.is_empty(),
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
        ignore_daemonsets: v.bool("ignore-daemonsets", false),
        delete_emptydir_data: v.bool("delete-emptydir-data", false)
            || v.bool("delete-local-data", false),
        disable_eviction: v.bool("disable-eviction", false),
        show_labels: v.bool("show-labels", false),
        show_kind: v.bool("show-kind", false),
        label_columns: v.list("label-columns"),
        no_headers: v.bool("no-headers", false),
        ignore_not_found: v.bool("ignore-not-found", false),
        show_events: v.bool("show-events", true),
        server_side: v.bool("server-side", false),
        client_only: v.bool("client", false),
        explain_recursive: v.bool("recursive", false),
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

fn with_output(verb: Verb, v: &Values<'_>, mut flags: Flags) -> Result<Flags, KubectlError> {
    flags.output = output_format(verb, v.str("output").as_deref())?;
    Ok(flags)
}

/// `cmdutil.GetDryRunStrategy` (helpers.go; its klog deprecation warnings are not printed).
fn with_dry_run(v: &Values<'_>, mut flags: Flags) -> Result<Flags, KubectlError> {
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

fn delete(
    v: &Values<'_>,
    args: &[String],
    mut flags: Flags,
) -> Result<(Resources, Flags), KubectlError> {
    // delete_flags.go `parseCascadingFlag` (unconfirmed wording).
    let cascade = v.str("cascade").unwrap_or_else(|| "background".to_string());
    flags.cascade = match cascade.as_str() {
        "background" => Cascade::Background,
        "foreground" => Cascade::Foreground,
        "orphan" => Cascade::Orphan,
        other => match super::goparse::parse_bool(other) {
            Ok(b) => {
                let replacement = if b { "background" } else { "orphan" };
                flags.warnings.push(format!(
                    "warning: --cascade={other} is deprecated (boolean value) and can be replaced with --cascade={replacement}."
                ));
                if b {
                    Cascade::Background
                } else {
                    Cascade::Orphan
                }
            }
            Err(_) => {
                return Err(KubectlError::message(format!(
                    "invalid cascade value ({other}). Must be \"background\", \"foreground\", or \"orphan\""
                )));
            }
        },
    };
    if (flags.all || flags.selector_text.is_some()) && !v.changed("ignore-not-found") {
        flags.ignore_not_found = true;
    }
    if flags.now {
        if flags.grace_period != -1 {
            return Err(KubectlError::message(
                "--now and --grace-period cannot be specified together",
            ));
        }
        flags.grace_period = 1;
    }
    if flags.grace_period == 0 && !flags.force {
        flags.grace_period = 1;
    }
    if flags.force && flags.grace_period < 0 {
        flags.grace_period = 0;
    }
    let flags = with_dry_run(v, flags)?;
    let mut input = builder(&flags, false);
    input.select_all = flags.all;
    let resources = build(args, &input)?;
    let mut flags = with_output(Verb::Delete, v, flags)?;
    if flags.force && flags.grace_period > 0 {
        return Err(KubectlError::message(
            "--force and --grace-period greater than 0 cannot be specified together",
        ));
    }
    if flags.force && flags.grace_period == 0 {
        flags.warnings.push(
            "Warning: Immediate deletion does not wait for confirmation that the running resource \
             has been terminated. The resource may continue to run on the cluster indefinitely."
                .to_string(),
        );
    }
    Ok((resources, flags))
}

fn apply_or_create(
    verb: Verb,
    v: &Values<'_>,
    args: &[String],
    flags: Flags,
) -> Result<(Resources, Flags), KubectlError> {
    if verb == Verb::Create && flags.filenames.is_empty() {
        // create.go prints this, then its help text (not reproduced), and exits 1.
        return Err(KubectlError::Raw(
            "Error: must specify one of -f and -k\n\n".to_string(),
        ));
    }
    if verb == Verb::Apply && !args.is_empty() {
        return Err(usage(
            verb,
            format!("Unexpected args: [{}]", args.join(" ")),
        ));
    }
    let flags = with_dry_run(v, flags)?;
    if flags.filenames.is_empty() {
        return Err(KubectlError::message("must specify one of -f and -k"));
    }
    let flags = with_output(verb, v, flags)?;
    if verb == Verb::Create && !args.is_empty() {
        return Err(usage(
            verb,
            format!("Unexpected args: [{}]", args.join(" ")),
        ));
    }
    // apply.go `Validate` (unconfirmed wording).
    if verb == Verb::Apply && flags.server_side {
        if flags.dry_run == DryRun::Client {
            return Err(KubectlError::message(
                "--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)",
            ));
        }
        if flags.force {
            return Err(KubectlError::message(
                "--force cannot be used with --server-side",
            ));
        }
    }
    Ok((build(args, &builder(&flags, false))?, flags))
}

fn scale(
    v: &Values<'_>,
    args: &[String],
    flags: Flags,
) -> Result<(Resources, Flags), KubectlError> {
    let flags = with_output(Verb::Scale, v, with_dry_run(v, flags)?)?;
    if flags.replicas.unwrap_or(0) < 0 {
        return Err(KubectlError::message(
            "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0",
        ));
    }
    if flags.current_replicas < -1 {
        return Err(KubectlError::message(
            "The --current-replicas must specify an integer of -1 or greater",
        ));
    }
    let resources = build(args, &builder(&flags, flags.all))?;
    Ok((resources, flags))
}

fn patch(
    v: &Values<'_>,
    args: &[String],
    mut flags: Flags,
) -> Result<(Resources, Flags), KubectlError> {
    flags = with_output(Verb::Patch, v, with_dry_run(v, flags)?)?;
    // patch.go `Validate` (unconfirmed wording).
    let has_patch = flags.patch.as_deref().is_some_and(|p| !p.is_empty());
    let has_file = flags.patch_file.as_deref().is_some_and(|p| !p.is_empty());
    if has_patch && has_file {
        return Err(KubectlError::message(
            "cannot specify --patch and --patch-file together",
        ));
    }
    if !has_patch && !has_file {
        return Err(KubectlError::message(
            "must specify --patch or --patch-file containing the contents of the patch",
        ));
    }
    let kind = v.str("type").unwrap_or_else(|| "strategic".to_string());
    flags.patch_type = match kind.to_ascii_lowercase().as_str() {
        "strategic" => PatchType::Strategic,
        "merge" => PatchType::Merge,
        "json" => PatchType::Json,
        _ => {
            return Err(KubectlError::message(format!(
                "--type must be one of [json merge strategic], not {}",
                super::goparse::quote(&kind)
            )));
        }
    };
    Ok((build(args, &builder(&flags, false))?, flags))
}

fn node_command(
    verb: Verb,
    v: &Values<'_>,
    args: &[String],
    mut flags: Flags,
) -> Result<(Resources, Flags), KubectlError> {
    let name = verb.command_path().trim_start_matches("kubectl ");
    if args.is_empty() && !v.changed("selector") {
        return Err(usage(verb, format!("USAGE: {name} NODE [flags]")));
    }
    if !args.is_empty() && flags.selector_text.is_some() {
        return Err(usage(
            verb,
            "error: cannot specify both a node name and a --selector option".to_string(),
        ));
    }
    flags = with_dry_run(v, flags)?;
    if let Some(text) = v.str("pod-selector").filter(|s| !s.is_empty()) {
        match LabelSelector::parse(&text) {
            Ok(s) => flags.pod_selector = Some(s),
            Err(_) => {
                return Err(KubectlError::message(
                    "--pod-selector=<pod_selector> must be a valid label selector",
                ));
            }
        }
    }
    // Builder.ResourceNames("nodes", args…).SingleResourceType()
    let mut targets = Vec::new();
    for arg in args {
        let target = match arg.split_once('/') {
            Some((resource, name))
                if !resource.is_empty() && !name.is_empty() && !name.contains('/') =>
            {
                Target {
                    kind: resolve(resource)?,
                    name: name.to_string(),
                }
            }
            Some(_) => {
                return Err(KubectlError::message(
                    "arguments in resource/name form must have a single resource and name",
                ));
            }
            None => Target {
                kind: Kind::Node,
                name: arg.clone(),
            },
        };
        targets.push(target);
    }
    if !targets.is_empty() {
        return Ok((Resources::Named(targets), flags));
    }
    if let Some(text) = &flags.selector_text {
        if let Err(e) = LabelSelector::parse(text) {
            return Err(KubectlError::Server(vec![selector_bad_request(
                Kind::Node,
                text,
                &e.0,
            )]));
        }
    }
    Ok((Resources::Kinds(vec![Kind::Node]), flags))
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
