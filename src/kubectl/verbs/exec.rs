//! `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]`: runs the
//! command in the container's simulated shell ([`crate::sim::shell`]). kubectl's own steps
//! and messages follow `staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go` (`Complete`,
//! `Validate`, `Run`, `StreamOptions.SetupTTY`); a remote exit status other than 0 prints
//! `command terminated with exit code N` (client-go `remotecommand`'s `CodeExitError`).
//!
//! `-it` with a shell opens the interactive shell in the TUI (`src/ui/shell.rs`); here, as in
//! a `kubestory sim` script, stdin is not a terminal: kubectl says `Unable to use a TTY - input
//! is not a terminal or the right kind of file` and the shell reads an empty stdin and exits.

use super::container::pick_running;
use crate::kubectl::{Context, Invocation, Output};
use crate::sim::shell::Session;

/// Runs `kubectl exec`.
pub fn run(inv: &Invocation, ctx: &mut Context, label: &str) -> Output {
    let ns = inv.flags.namespace_or_default().to_string();
    let c = &inv.flags.container_cmd;
    let mut out = Output::new();
    let target = inv.args.first().cloned().unwrap_or_default();
    let picked = match pick_running(
        ctx.sim.cluster(),
        &ns,
        &target,
        c.container.as_deref(),
        c.quiet,
        &mut out,
    ) {
        Ok(p) => p,
        Err(e) => {
            out.extend(e);
            return out;
        }
    };
    // `SetupTTY`: a TTY needs stdin, and a terminal on it (a script's stdin is none).
    if c.stdin && c.tty && !c.quiet {
        out.err_line("Unable to use a TTY - input is not a terminal or the right kind of file");
    }
    let mut session = Session::new(&ns, &picked.pod.metadata.name, &picked.container);
    let result = ctx.sim.act(label, |cluster| {
        Ok::<_, std::convert::Infallible>(cluster.exec_argv(&mut session, &c.command))
    });
    let Ok(result) = result;
    super::exec::print_result(&mut out, &result);
    out
}

/// What a command run in a container printed, in the order it wrote it, and kubectl's
/// `command terminated with exit code N` when it failed (exec.go `Run`; `cp` runs `tar` the
/// same way).
pub(super) fn print_result(out: &mut Output, result: &crate::sim::shell::ExecOutput) {
    for (is_err, text) in &result.chunks {
        if *is_err {
            out.err(text);
        } else {
            out.out(text);
        }
    }
    if result.status != 0 {
        out.err_line(format!(
            "command terminated with exit code {}",
            result.status
        ));
        out.fail();
    }
}
