//! The flags and arguments of the commands that reach into a container: `exec`, `logs`, `cp`,
//! checked in the order kubectl's `Complete` and `Validate` check them (kubernetes/kubernetes
//! `staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go`, `logs/logs.go`, `cp/cp.go`).

use super::args::{Flags, Resources, Verb};
use super::error::KubectlError;
use super::validate::{Values, usage};

/// What `exec`, `logs` and `cp` were asked to do besides the shared flags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContainerFlags {
    /// `-c/--container` (or `logs POD CONTAINER`).
    pub container: Option<String>,
    /// `exec -i/--stdin`.
    pub stdin: bool,
    /// `exec -t/--tty`.
    pub tty: bool,
    /// `exec -q/--quiet`.
    pub quiet: bool,
    /// `exec`: the command after `--`.
    pub command: Vec<String>,
    /// `logs -p/--previous`.
    pub previous: bool,
    /// `logs -f/--follow`.
    pub follow: bool,
    /// `logs --timestamps`.
    pub timestamps: bool,
    /// `logs --tail` (`-1`: all lines).
    pub tail: i64,
}

/// `logs.go` `logsUsageErrStr`.
const LOGS_USAGE: &str = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/// `cp.go` `cpUsageStr`.
const CP_USAGE: &str = "expected 'cp <file-spec-src> <file-spec-dest> [-c container]'.\n\t<file-spec> is:\n\t[namespace/]pod-name:/file/path for a remote file\n\t/file/path for a local file";

/// Checks `exec`, `logs` or `cp`; the target stays in the invocation's `args`.
pub(super) fn validate(
    verb: Verb,
    v: &Values<'_>,
    args: &[String],
    mut flags: Flags,
) -> Result<(Resources, Flags), KubectlError> {
    let mut c = ContainerFlags {
        container: v.str("container").filter(|s| !s.is_empty()),
        tail: -1,
        ..ContainerFlags::default()
    };
    match verb {
        Verb::Exec => {
            c.stdin = v.bool("stdin", false);
            c.tty = v.bool("tty", false);
            c.quiet = v.bool("quiet", false);
            // `ExecOptions.Complete`: the command is what follows `--`; without `--` a
            // second argument is the removed `exec POD COMMAND` form.
            match v.0.args_len_at_dash {
                Some(at) => c.command = args.get(at..).unwrap_or_default().to_vec(),
                None if args.len() > 1 => {
                    return Err(usage(
                        verb,
                        "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead".into(),
                    ));
                }
                None => {}
            }
            // `ExecOptions.Validate`.
            let has_pod = !args.is_empty() && v.0.args_len_at_dash != Some(0);
            if !has_pod {
                return Err(KubectlError::message(
                    "pod, type/name or --filename must be specified",
                ));
            }
            if c.command.is_empty() {
                return Err(KubectlError::message(
                    "you must specify at least one command for the container",
                ));
            }
        }
        Verb::Logs => {
            // `LogsOptions.Complete`.
            match args.len() {
                1 => {}
                2 => c.container = Some(args[1].clone()),
                _ => return Err(usage(verb, LOGS_USAGE.into())),
            }
            c.previous = v.bool("previous", false);
            c.follow = v.bool("follow", false);
            c.timestamps = v.bool("timestamps", false);
            c.tail = v.int("tail").unwrap_or(-1);
            // `LogsOptions.Validate`.
            if c.tail < -1 {
                return Err(KubectlError::message(
                    "--tail must be greater than or equal to -1",
                ));
            }
        }
        _ => {
            // `CopyOptions.Complete`.
            if args.len() != 2 {
                return Err(usage(verb, CP_USAGE.into()));
            }
        }
    }
    flags.container_cmd = c;
    Ok((Resources::None, flags))
}
