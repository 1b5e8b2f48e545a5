//! The checks of the commands that change the cluster (`delete`, `apply`, `create`, `scale`,
//! `patch`, `cordon`, `uncordon`, `drain`, `taint`), in kubectl's order; see [`super::validate`].
//!
//! `delete`, `scale` and `drain` messages were read in kubernetes/kubernetes
//! `staging/src/k8s.io/kubectl/pkg/cmd/{delete/delete.go,scale/scale.go,drain/drain.go}`;
//! those of `apply`, `create`, `patch` and the `--cascade` parser are from memory of the same
//! tree and marked *unconfirmed*.

use super::args::{Cascade, DryRun, Flags, PatchType, Resources, Target, Verb};
use super::error::KubectlError;
use super::resources::{build, resolve, selector_bad_request};
use super::selector::LabelSelector;
use super::validate::{Values, builder, usage, with_dry_run, with_output};
use crate::sim::Kind;

pub(super) fn delete(
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
    if (flags.all || flags.selector_text.is_some() || flags.field_selector.is_some())
        && !v.changed("ignore-not-found")
    {
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

pub(super) fn apply_or_create(
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

pub(super) fn scale(
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

pub(super) fn patch(
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

pub(super) fn node_command(
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

/// kubectl `pkg/cmd/taint/taint.go` `Complete` and `Validate`, in their order: the dry-run
/// value, resources before changes, at least one resource and one change, the changes parsed
/// (a usage error), only nodes, no taint both added and removed, then the `--all`/`-l` rules.
pub(super) fn taint(
    v: &Values<'_>,
    args: &[String],
    flags: Flags,
) -> Result<(Resources, Flags), KubectlError> {
    use super::taint_spec::{conflicts, parse_taints, split_args};
    let flags = with_dry_run(v, flags)?;
    let (resources, changes) = split_args(args).map_err(KubectlError::message)?;
    if resources.is_empty() {
        return Err(KubectlError::message(
            "one or more resources must be specified as <resource> <name>",
        ));
    }
    if changes.is_empty() {
        return Err(KubectlError::message(
            "at least one taint update is required",
        ));
    }
    let (add, remove) = parse_taints(&changes).map_err(|m| usage(Verb::Taint, m))?;
    let resource_type = resources[0].to_lowercase();
    if resolve(&resource_type)? != Kind::Node {
        return Err(KubectlError::message(format!(
            "invalid resource type {resource_type}, only node types are supported"
        )));
    }
    if let Some(message) = conflicts(&add, &remove) {
        return Err(KubectlError::message(message));
    }
    if flags.all && flags.selector_text.is_some() {
        return Err(KubectlError::message(
            "setting 'all' parameter with a non empty selector is prohibited",
        ));
    }
    if !flags.all && flags.selector_text.is_none() && resources.len() < 2 {
        return Err(KubectlError::message(
            "at least one resource name must be specified since 'all' parameter is not set",
        ));
    }
    let flags = with_output(Verb::Taint, v, flags)?;
    if flags.all || flags.selector_text.is_some() {
        if let Some(text) = &flags.selector_text {
            if let Err(e) = LabelSelector::parse(text) {
                return Err(KubectlError::Server(vec![selector_bad_request(
                    Kind::Node,
                    text,
                    &e.0,
                )]));
            }
        }
        return Ok((Resources::Kinds(vec![Kind::Node]), flags));
    }
    let targets = resources[1..]
        .iter()
        .map(|name| Target {
            kind: Kind::Node,
            name: name.clone(),
        })
        .collect();
    Ok((Resources::Named(targets), flags))
}
