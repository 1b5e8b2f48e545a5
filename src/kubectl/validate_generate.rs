//! The checks of `kubectl run` and `kubectl create deployment|configmap|secret generic`, in
//! kubectl's order, up to the point where the object is generated (kubernetes/kubernetes
//! `staging/src/k8s.io/kubectl/pkg/cmd/run/run.go` `ToOptions`, `Validate`,
//! `getRestartPolicy`, `verifyImagePullPolicy`; `cmd/create/create.go` `NameFromCommandArgs`;
//! `create_deployment.go`, `create_configmap.go`, `create_secret.go` `Complete`/`Validate`).
//! What the generators refuse (labels, env, ports, sources) is checked when the verb runs
//! ([`super::verbs::generate`]).

use super::args::{Flags, Resources, Verb};
use super::error::KubectlError;
use super::generator_flags::GeneratorFlags;
use super::validate::{Values, usage, with_dry_run, with_output};

pub(super) fn generator(
    verb: Verb,
    v: &Values<'_>,
    args: &[String],
    flags: Flags,
) -> Result<(Resources, Flags), KubectlError> {
    let mut flags = with_output(verb, v, with_dry_run(v, flags)?)?;
    let g = GeneratorFlags {
        images: match verb {
            Verb::Run => v.str("image").into_iter().collect(),
            _ => v.list("image"),
        },
        image_pull_policy: v.str("image-pull-policy").unwrap_or_default(),
        port: match verb {
            Verb::Run => v.str("port").unwrap_or_default(),
            _ => v.int("port").unwrap_or(-1).to_string(),
        },
        restart: v.str("restart").unwrap_or_default(),
        labels: v.str("labels").unwrap_or_default(),
        env: v.list("env"),
        annotations: v.list("annotations"),
        command: v.bool("command", false),
        attach: v.bool("attach", false) || v.bool("stdin", false),
        stdin: v.bool("stdin", false),
        tty: v.bool("tty", false),
        rm: v.bool("rm", false),
        args_len_at_dash: v.0.args_len_at_dash,
        from_literal: v.list("from-literal"),
        from_file: v.list("from-file"),
        secret_type: v.str("type").unwrap_or_default(),
    };
    if verb == Verb::Run {
        // Let kubectl run follow rules for `--` (run.go `Validate`).
        if args.is_empty() || g.args_len_at_dash == Some(0) {
            return Err(KubectlError::message("NAME is required for run"));
        }
        run(&g, &flags)?;
    } else {
        // NameFromCommandArgs: the arguments before `--`.
        let before_dash = g.args_len_at_dash.unwrap_or(args.len());
        if before_dash != 1 {
            return Err(usage(
                verb,
                format!("exactly one NAME is required, got {before_dash}"),
            ));
        }
        if verb == Verb::CreateDeployment && g.images.len() > 1 && args.len() > 1 {
            return Err(KubectlError::message(
                "cannot specify multiple --image options and command",
            ));
        }
        if args[0].is_empty() {
            return Err(KubectlError::message("name must be specified"));
        }
    }
    if verb == Verb::CreateDeployment {
        flags.replicas = Some(v.int("replicas").unwrap_or(1));
    }
    flags.generator = g;
    Ok((Resources::None, flags))
}

/// run.go `Validate`, after `NAME is required for run` (which needs the arguments).
fn run(g: &GeneratorFlags, flags: &Flags) -> Result<(), KubectlError> {
    let m = |s: String| Err(KubectlError::message(s));
    let image = g.images.first().map(String::as_str).unwrap_or("");
    if image.is_empty() {
        return m("--image is required".into());
    }
    if !super::image_ref::is_valid_reference(image) {
        return m(format!(
            "Invalid image name {}: invalid reference format",
            super::goparse::quote(image)
        ));
    }
    if g.tty && !g.stdin {
        return m("-i/--stdin is required for containers with -t/--tty=true".into());
    }
    if !matches!(g.restart.as_str(), "" | "Always" | "OnFailure" | "Never") {
        return m(format!("invalid restart policy: {}", g.restart));
    }
    if !g.attach && g.rm {
        return m("--rm should only be used for attached containers".into());
    }
    if g.attach && flags.dry_run != super::args::DryRun::None {
        return m(
            "--dry-run=[server|client] can't be used with attached containers options \
                  (--attach, --stdin, or --tty)"
                .into(),
        );
    }
    if !matches!(
        g.image_pull_policy.as_str(),
        "" | "Always" | "IfNotPresent" | "Never"
    ) {
        return m(format!(
            "invalid image pull policy: {}",
            g.image_pull_policy
        ));
    }
    Ok(())
}
