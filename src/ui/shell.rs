//! The interactive container shell: `kubectl exec -it POD -- sh` (or `bash`) in the TUI opens
//! a simulated shell in the container ([`crate::sim::shell`]) on the command line. Its prompt
//! names the user, the pod's hostname and the working directory (`root@story-5d…:/app# `, or
//! `$ ` for another user); ↑/↓ and Ctrl-R walk the shell's own history (kept only while it
//! is open); what it prints goes to the log, which comes to the front on the small layout.
//! `exit`, Ctrl-D on an empty line or Esc return to the normal view.
//!
//! Each line runs through [`crate::sim::Simulation::act`], so `u` undoes what a line wrote.

use super::app::{App, LogKind, Mode, Tab};
use super::history::History;
use crate::kubectl::{Verb, parse_command_line};
use crate::sim::shell::{Flavor, Session};

/// An open shell.
pub struct ShellUi {
    /// The session (pod, container, working directory, variables).
    pub session: Session,
    /// The command line's own history, put back when the shell closes.
    pub outer_history: History,
}

/// The shells `exec -it` opens interactively.
fn shell_flavor(argv: &[String]) -> Option<Flavor> {
    let first = argv.first()?;
    let base = first.rsplit('/').next().unwrap_or(first);
    // `sh`, `bash`, `bash -l`, `sh -i`: a shell that reads its terminal (not `sh -c '…'`).
    if argv[1..].iter().any(|a| !a.starts_with('-') || a == "-c") {
        return None;
    }
    match base {
        "sh" | "dash" => Some(Flavor::Dash),
        "bash" => Some(Flavor::Bash),
        _ => None,
    }
}

/// Opens the shell when `line` is `kubectl exec -it … -- sh` (or bash) and the container can
/// run it; returns whether the line was handled here. Other lines (and a refused exec) are
/// left to kubectl's own path, which prints its errors.
pub fn try_open(app: &mut App, full: &str) -> bool {
    let Ok(inv) = parse_command_line(full) else {
        return false;
    };
    let c = &inv.flags.container_cmd;
    if inv.verb != Verb::Exec || !(c.stdin && c.tty) {
        return false;
    }
    let flavor = shell_flavor(&c.command);
    let ns = inv.flags.namespace_or_default().to_string();
    let mut notes = crate::kubectl::Output::new();
    let target = inv.args.first().cloned().unwrap_or_default();
    let picked = match crate::kubectl::verbs::container::pick(
        app.sim.cluster(),
        &ns,
        &target,
        c.container.as_deref(),
        c.quiet,
        false,
        &mut notes,
    ) {
        Ok(p) => p,
        Err(_) => return false,
    };
    if crate::kubectl::verbs::container::require_running(app.sim.cluster(), &picked).is_err() {
        return false;
    }
    app.push_log(LogKind::Command, &format!("$ {full}"));
    for (_, chunk) in &notes.chunks {
        app.push_log(LogKind::Error, chunk);
    }
    let mut session = Session::new(&ns, &picked.pod.metadata.name, &picked.container);
    session.tty = true;
    // `-it` with a program that reads no terminal (`ls`, `sh -c '…'`): it runs once with a
    // terminal on its output (the TUI is one, so kubectl has nothing to warn about).
    let Some(flavor) = flavor else {
        let label = full.trim().to_string();
        let before = session.clone();
        let marker = app.cluster().change_marker();
        let Ok(out) = app.sim.act(label.clone(), |cl| {
            Ok::<_, std::convert::Infallible>(cl.exec_argv(&mut session, &c.command))
        });
        if app.cluster().change_marker() != marker {
            let entry = super::sandbox::Entry::ShellArgv {
                session: Box::new(before),
                argv: c.command.clone(),
                label,
            };
            super::sandbox::record(app, entry);
        }
        log_output(app, &out);
        if out.status != 0 {
            app.push_log(
                LogKind::Error,
                &format!("command terminated with exit code {}", out.status),
            );
        }
        super::ops::observe(app);
        return true;
    };
    session.interactive = true;
    session.flavor = flavor;
    let outer = std::mem::replace(&mut app.history, History::in_memory(Vec::new()));
    app.shell = Some(ShellUi {
        session,
        outer_history: outer,
    });
    app.mode = Mode::Command;
    app.line.clear();
    app.tab = Tab::Log;
    app.message = Some(super::strings::shell_opened(&picked.pod.metadata.name));
    true
}

/// The prompt: `root@HOST:CWD# ` for root, `$ ` for another user.
pub fn prompt(shell: &ShellUi, app: &App) -> String {
    let s = &shell.session;
    let uid = app
        .sim
        .cluster()
        .pod(&s.namespace, &s.pod)
        .and_then(|p| {
            p.spec
                .containers
                .iter()
                .find(|c| c.name == s.container)
                .map(|c| crate::sim::permissions::identity(p, c).uid)
        })
        .unwrap_or(0);
    if uid != 0 {
        return "$ ".into();
    }
    let host = app
        .sim
        .cluster()
        .pod(&s.namespace, &s.pod)
        .map(crate::sim::shell::view::hostname)
        .unwrap_or_else(|| s.pod.clone());
    format!("root@{host}:{}# ", s.cwd)
}

/// Runs one line typed into the shell.
pub fn submit(app: &mut App, line: &str) {
    let Some(mut shell) = app.shell.take() else {
        return;
    };
    let shown = format!("{}{line}", prompt(&shell, app));
    app.push_log(LogKind::Command, &shown);
    if !line.trim().is_empty() {
        super::command_line::record(app, line);
    }
    let label = format!("kubectl exec {}: {line}", shell.session.pod);
    let before = shell.session.clone();
    let marker = app.cluster().change_marker();
    let session = &mut shell.session;
    let Ok(out) = app.sim.act(label.clone(), |c| {
        Ok::<_, std::convert::Infallible>(c.shell_line(session, line))
    });
    if app.cluster().change_marker() != marker {
        let entry = super::sandbox::Entry::ShellLine {
            session: Box::new(before),
            line: line.to_string(),
            label,
        };
        super::sandbox::record(app, entry);
    }
    log_output(app, &out);
    super::ops::observe(app);
    app.shell = Some(shell);
    let exited = app.shell.as_ref().and_then(|s| s.session.exited);
    match exited {
        Some(code) => close(app, code),
        None => {
            app.mode = Mode::Command;
            app.history.reset_pos();
        }
    }
}

/// Closes the shell (`exit`, Ctrl-D, Esc): kubectl then reports a non-zero status.
pub fn close(app: &mut App, code: i32) {
    let Some(shell) = app.shell.take() else {
        return;
    };
    app.history = shell.outer_history;
    if code != 0 {
        app.push_log(
            LogKind::Error,
            &format!("command terminated with exit code {code}"),
        );
    }
    app.mode = Mode::Normal;
    app.line.clear();
    app.message = None;
}

/// Ctrl-D on an empty line ends the shell, as end of input does.
pub fn ctrl_d(app: &mut App) -> bool {
    if app.shell.is_some() && app.line.is_empty() {
        let status = app.shell.as_ref().map_or(0, |s| s.session.status);
        app.push_log(LogKind::Command, "exit");
        close(app, status);
        return true;
    }
    false
}

/// What a command printed, into the log in the order it was written.
fn log_output(app: &mut App, out: &crate::sim::shell::ExecOutput) {
    for (is_err, chunk) in &out.chunks {
        let kind = if *is_err {
            LogKind::Error
        } else {
            LogKind::Output
        };
        for text in chunk.lines() {
            app.push_log(kind, text);
        }
    }
}
