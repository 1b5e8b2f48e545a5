//! The checks of the commands about time, in kubectl's order: `get -w`, `wait` (kubernetes/
//! kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go` `ToOptions`,
//! `conditionFuncFor`), `rollout status` (`cmd/rollout/rollout_status.go`) and `events`
//! (`cmd/events/events.go` `Complete`, `Validate`).

use super::args::{Flags, OutputFormat, Resources, Verb};
use super::error::KubectlError;
use super::pflag::Value;
use super::resources::build;
use super::time_flags::{
    MAX_TIMEOUT_SECS, NEGATIVE_TIMEOUT_SECS, TimeFlags, WAIT_DEFAULT_TIMEOUT_SECS,
};
use super::validate::{Values, builder, usage, with_output};

/// `--timeout` in whole seconds (`None` when absent); negative means a week. Above
/// [`MAX_TIMEOUT_SECS`] it is refused (kubestory's limit, not kubectl's).
fn timeout(v: &Values<'_>) -> Result<Option<u64>, KubectlError> {
    let secs = match v.0.values.get("timeout") {
        Some(Value::Duration(ns)) if *ns < 0 => NEGATIVE_TIMEOUT_SECS,
        Some(Value::Duration(ns)) => (*ns / 1_000_000_000) as u64,
        _ => return Ok(None),
    };
    if secs > MAX_TIMEOUT_SECS {
        return Err(KubectlError::NotSimulated(
            "`--timeout` is at most 168h (a week) in kubestory (its limit; SECURITY.md): the \
             simulated clock stops at every moment something can change on the way, so a \
             longer wait is not computed. Use `--timeout=168h` or less."
                .to_string(),
        ));
    }
    Ok(Some(secs))
}

/// The time flags of `get` (`-w`, `--watch-only`, `--output-watch-events`).
pub(super) fn get_flags(v: &Values<'_>, mut flags: Flags) -> Result<Flags, KubectlError> {
    flags.time.watch = v.bool("watch", false);
    flags.time.watch_only = v.bool("watch-only", false);
    flags.time.output_watch_events = v.bool("output-watch-events", false);
    let watching = flags.time.watch || flags.time.watch_only;
    let shaped = !matches!(
        flags.output,
        OutputFormat::Default | OutputFormat::Wide | OutputFormat::Name
    );
    if watching && (shaped || flags.sort_by.is_some()) {
        return Err(KubectlError::NotSimulated(
            "`kubectl get -w` is simulated with the table, `-o wide` and `-o name`; run \
             `kubectl get` again with `-o yaml|json|jsonpath|custom-columns` or `--sort-by` to \
             see the new state."
                .to_string(),
        ));
    }
    if watching && !flags.filenames.is_empty() {
        return Err(KubectlError::NotSimulated(
            "`kubectl get -f FILE -w` is not simulated; name the type instead (`kubectl get \
             pvc -w`)."
                .to_string(),
        ));
    }
    Ok(flags)
}

/// `kubectl wait`: the condition is checked first (`ToOptions`), then the resources.
pub(super) fn wait(
    v: &Values<'_>,
    args: &[String],
    flags: Flags,
) -> Result<(Resources, Flags), KubectlError> {
    let mut flags = with_output(Verb::Wait, v, flags)?;
    let condition = v.str("for").unwrap_or_default();
    check_condition(&condition)?;
    flags.time.for_condition = Some(condition);
    flags.time.timeout_secs = Some(timeout(v)?.unwrap_or(WAIT_DEFAULT_TIMEOUT_SECS));
    let mut input = builder(&flags, false);
    input.select_all = flags.all;
    let resources = build(args, &input)?;
    Ok((resources, flags))
}

/// `conditionFuncFor`'s errors (wait.go), and `processJSONPathInput`'s.
pub(crate) fn check_condition(condition: &str) -> Result<(), KubectlError> {
    let lower = condition.to_lowercase();
    if lower == "delete" || lower == "create" || condition.starts_with("condition=") {
        return Ok(());
    }
    if let Some(input) = condition.strip_prefix("jsonpath=") {
        return super::wait_condition::parse_jsonpath(input)
            .map(|_| ())
            .map_err(KubectlError::message);
    }
    Err(KubectlError::message(format!(
        "unrecognized condition: {}",
        super::goparse::quote(condition)
    )))
}

/// `kubectl rollout status`: one resource (`rollout_status.go` `Validate`: "required resource
/// not specified").
pub(super) fn rollout_status(
    v: &Values<'_>,
    args: &[String],
    mut flags: Flags,
) -> Result<(Resources, Flags), KubectlError> {
    if args.is_empty() && flags.filenames.is_empty() {
        return Err(usage(
            Verb::RolloutStatus,
            "required resource not specified".to_string(),
        ));
    }
    flags.time.rollout_watch = v.bool("watch", true);
    flags.time.timeout_secs = timeout(v)?.filter(|s| *s > 0);
    let resources = build(args, &builder(&flags, true))?;
    Ok((resources, flags))
}

/// `kubectl events` (`ToOptions`, `Validate`): positional arguments are ignored, as cobra
/// passes them to a command that never reads them.
pub(super) fn events(v: &Values<'_>, mut flags: Flags) -> Result<(Resources, Flags), KubectlError> {
    let raw = v.str("output").unwrap_or_default();
    flags.output = match raw.as_str() {
        "" => OutputFormat::Default,
        "yaml" => OutputFormat::Yaml,
        "json" => OutputFormat::Json,
        _ => {
            return Err(KubectlError::NotSimulated(format!(
                "`kubectl events -o {raw}` is not simulated; `-o yaml` and `-o json` are, and \
                 `kubectl get events -o {raw}` shapes the events as get does."
            )));
        }
    };
    let for_object = v.str("for").filter(|s| !s.is_empty());
    if let Some(f) = &for_object {
        // `decodeResourceTypeName`.
        if !f.contains('/') {
            return Err(KubectlError::message("--for must be in resource/name form"));
        }
        let seg: Vec<&str> = f.split('/').collect();
        if seg.len() != 2 {
            return Err(KubectlError::message(
                "arguments in resource/name form may not have more than one slash",
            ));
        }
        if crate::sim::Kind::from_resource(seg[0]).is_none() {
            return Err(KubectlError::message(format!(
                "the server doesn't have a resource type {}",
                super::goparse::quote(seg[0])
            )));
        }
    }
    let types: Vec<String> = v
        .list("types")
        .into_iter()
        .map(|t| t.trim().to_string())
        .collect();
    if types
        .iter()
        .any(|t| !t.eq_ignore_ascii_case("normal") && !t.eq_ignore_ascii_case("warning"))
    {
        return Err(KubectlError::message("valid --types are Normal or Warning"));
    }
    flags.time = TimeFlags {
        watch: v.bool("watch", false),
        for_object,
        types,
        ..TimeFlags::default()
    };
    Ok((Resources::None, flags))
}
