//! The checks of `kubectl label` and `kubectl annotate`, in kubectl's order: `Complete`
//! (dry run, the resource/pair split, the pairs, `--list` with `-o`), `Validate`, then the
//! builder (kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/label/label.go` and
//! `cmd/annotate/annotate.go`).

use super::args::{Flags, Resources, Verb};
use super::error::KubectlError;
use super::meta_pairs::{
    parse_annotations, parse_labels, resources_and_pairs, validate_annotations,
};
use super::resources::build;
use super::validate::{Values, builder, with_dry_run, with_output};

pub(super) fn label_or_annotate(
    verb: Verb,
    v: &Values<'_>,
    args: &[String],
    flags: Flags,
) -> Result<(Resources, Flags), KubectlError> {
    let label = verb == Verb::Label;
    let pair_type = if label { "label" } else { "annotation" };
    let flags = with_dry_run(v, flags)?;
    let flags = with_output(verb, v, flags)?;
    let (resources, pairs) = resources_and_pairs(args, pair_type).map_err(KubectlError::message)?;
    let changes = if label {
        parse_labels(&pairs)
    } else {
        parse_annotations(&pairs)
    }
    .map_err(KubectlError::message)?;
    if flags.list && !v.str("output").unwrap_or_default().is_empty() {
        return Err(KubectlError::message(
            "--list and --output may not be specified together",
        ));
    }
    // Validate
    if flags.all && flags.selector_text.is_some() {
        return Err(KubectlError::message(
            "cannot set --all and --selector at the same time",
        ));
    }
    if flags.all && flags.field_selector.is_some() {
        return Err(KubectlError::message(
            "cannot set --all and --field-selector at the same time",
        ));
    }
    if resources.is_empty() && flags.filenames.is_empty() {
        return Err(KubectlError::message(
            "one or more resources must be specified as <resource> <name> or <resource>/<name>",
        ));
    }
    if changes.is_empty() && !flags.list {
        return Err(KubectlError::message(format!(
            "at least one {pair_type} update is required"
        )));
    }
    if !label {
        validate_annotations(&changes).map_err(KubectlError::message)?;
    }
    // RunLabel / RunAnnotate: `ResourceTypeOrNameArgs(o.all, …)`.
    let selected = build(&resources, &builder(&flags, flags.all))?;
    Ok((selected, flags))
}
