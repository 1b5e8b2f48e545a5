//! The headless `kubestory sim` runner: a script in, kubectl's text out, optionally the final
//! state as JSON. This is a contract that lessons, tests and teachers rely on (README,
//! "kubestory sim").
//!
//! Time and watches (README, "Time and watches"): time moves only with `wait`, `kubectl wait`
//! and `kubectl rollout status`, so every run prints the same. A `kubectl get -w` line prints
//! the list and stays open: after each later line it prints the changes that line made, and
//! during a `wait` each change at its moment (before `waited …`), until the script ends or
//! another `-w` line replaces it ([`run_following`]).
//!
//! `kubectl exec`, `logs` and `cp` lines run as in the TUI, except that a script's stdin is
//! never a terminal: `exec -it … -- sh` prints kubectl's `Unable to use a TTY - input is not a
//! terminal or the right kind of file` and the shell reads nothing and exits 0, and `logs -f`
//! prints what the log holds and returns (time moves only with `wait`). `kubectl cp POD:PATH
//! LOCAL` keeps the copy in memory for the rest of the script (later `-f` and `cp` lines read
//! it); nothing is written to disk. `story read` is a
//! request the app serves: it adds a line to the container's log (not an undo step).

pub mod script;
pub mod state_json;

use crate::kubectl::watch::{Follow, follow as follow_line};
use crate::kubectl::{Context, FileSource, execute};
use crate::sim::{Cluster, ClusterConfig, SimError, Simulation};
use script::{Line, NodeOp, parse_line};
use std::io::Write;

/// How to run a script.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Stop at the first failing command (exit status 1).
    pub fail_fast: bool,
    /// Print the final state as JSON after the output.
    pub json: bool,
}

/// The result of a run.
#[derive(Clone, Debug)]
pub struct RunResult {
    /// Everything printed, in order (stdout and stderr interleaved as they happened).
    pub output: String,
    /// Whether a command failed while `fail_fast` was set.
    pub failed: bool,
    /// The simulation at the end.
    pub sim: Simulation,
}

/// Reads `-f` paths relative to the script's folder, on disk (`kubestory sim SCRIPT`).
pub type DirFiles = crate::kubectl::DiskFiles;

/// Runs a script, collecting what it prints (tests, lessons). `kubestory sim` uses
/// [`stream_script`] so every line reaches the terminal as soon as it is printed.
pub fn run_script(text: &str, files: &dyn FileSource, options: &RunOptions) -> RunResult {
    let mut buffer = Vec::new();
    // Writing to a Vec cannot fail.
    let (failed, sim) = stream_script(text, files, options, &mut buffer).unwrap_or_else(|_| {
        (
            false,
            Simulation::new(Cluster::new(ClusterConfig::default())),
        )
    });
    RunResult {
        output: String::from_utf8_lossy(&buffer).into_owned(),
        failed,
        sim,
    }
}

/// Runs a script, writing each command's output to `sink` and flushing it before the next
/// command runs, so a script that is stopped (or aborts) keeps everything already printed.
/// Returns whether a command failed under `fail_fast`, and the simulation at the end; an
/// error only when `sink` cannot be written (a closed pipe), which stops the run.
pub fn stream_script(
    text: &str,
    files: &dyn FileSource,
    options: &RunOptions,
    sink: &mut dyn Write,
) -> std::io::Result<(bool, Simulation)> {
    let mut sim = Simulation::new(Cluster::new(ClusterConfig::default()));
    let mut failed = false;
    let mut started = false;
    // Files `kubectl cp` copied out of containers: in memory over the script's folder.
    let mut copies = crate::kubectl::MemoryFiles::new();
    // A `kubectl get -w` (or `events -w`) still running: it prints after every later line.
    let mut follow: Option<Box<dyn Follow>> = None;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut out = format!("$ {line}\n");
        let ok = match parse_line(line) {
            Err(e) => {
                push_line(&mut out, &e);
                false
            }
            Ok(cluster @ Line::Cluster { .. }) => {
                if started {
                    push_line(
                        &mut out,
                        "error: `cluster` must come before any other command",
                    );
                    false
                } else {
                    if let Some(config) = config_of(cluster) {
                        sim = Simulation::new(Cluster::new(config));
                    }
                    true
                }
            }
            Ok(other) => {
                started = true;
                let before = copies.clone();
                let layered = crate::kubectl::Copies {
                    copies: &before,
                    under: files,
                };
                run_following(
                    &mut sim,
                    other,
                    &layered,
                    &mut out,
                    &mut follow,
                    &mut copies,
                )
            }
        };
        sink.write_all(out.as_bytes())?;
        sink.flush()?;
        if !ok && options.fail_fast {
            failed = true;
            break;
        }
    }
    if options.json {
        let state = state_json::state_json(sim.cluster());
        let mut json = serde_json::to_string_pretty(&state).unwrap_or_default();
        json.push('\n');
        sink.write_all(json.as_bytes())?;
        sink.flush()?;
    }
    Ok((failed, sim))
}

/// Runs one line while a watch may be running (see the `sim` contract in the README: "Time
/// and watches"): the watch prints what the line changed, after the line's own output; during
/// a `wait` it prints at every deadline on the way, before `waited …`. A successful `get -w`
/// or `events -w` line starts a new watch (replacing the one running).
fn run_following(
    sim: &mut Simulation,
    line: Line,
    files: &dyn FileSource,
    out: &mut String,
    follow: &mut Option<Box<dyn Follow>>,
    copies: &mut crate::kubectl::MemoryFiles,
) -> bool {
    if let (Line::Wait(secs), Some(f)) = (&line, follow.as_mut()) {
        let secs = *secs;
        let left = crate::sim::limits::MAX_SIMULATED_SECS.saturating_sub(sim.cluster().now().0);
        if secs <= left {
            let mut rows = String::new();
            let _ = sim.act(format!("wait {secs}s"), |c| {
                let until = c.now().plus(secs);
                while c.step_towards(until) {
                    rows.push_str(&f.poll(c));
                }
                Ok::<_, std::convert::Infallible>(())
            });
            out.push_str(&rows);
            push_line(out, &format!("waited {}", crate::sim::human_duration(secs)));
            return true;
        }
    }
    let command = match &line {
        Line::Kubectl(text) => Some(text.clone()),
        _ => None,
    };
    let ok = run_line_keeping(sim, line, files, out, copies);
    if let Some(f) = follow.as_mut() {
        out.push_str(&f.poll(sim.cluster()));
    }
    if ok
        && let Some(text) = command
        && let Some(new) = follow_line(&text, sim.cluster())
    {
        *follow = Some(new);
    }
    ok
}

fn push_line(out: &mut String, text: &str) {
    out.push_str(text);
    if !text.ends_with('\n') {
        out.push('\n');
    }
}

/// Runs one script line against an existing simulation (lessons replay their setup and
/// solutions this way), appending what it prints to `out`; returns whether it succeeded.
/// Blank and `#` lines succeed and print nothing; `cluster` lines are refused, since the
/// cluster already exists.
pub fn run_one(sim: &mut Simulation, text: &str, files: &dyn FileSource, out: &mut String) -> bool {
    let line = text.trim();
    if line.is_empty() || line.starts_with('#') {
        return true;
    }
    match parse_line(line) {
        Err(e) => {
            push_line(out, &e);
            false
        }
        Ok(Line::Cluster { .. }) => {
            push_line(out, "error: `cluster` must come before any other command");
            false
        }
        Ok(other) => run_line(sim, other, files, out),
    }
}

/// The cluster a `cluster …` line asks for (`None` for any other line).
fn config_of(line: Line) -> Option<ClusterConfig> {
    let Line::Cluster {
        profile,
        addons,
        count,
        nodes,
        default_storage_class,
        seed,
    } = line
    else {
        return None;
    };
    let mut config = ClusterConfig::for_profile(profile.unwrap_or_default(), count.unwrap_or(1));
    if let Some(n) = nodes {
        config.set_nodes(n);
    }
    config.addons = addons;
    if let Some(d) = default_storage_class {
        config.default_storage_class = d;
    }
    if let Some(s) = seed {
        config.seed = s;
    }
    Some(config)
}

/// The cluster a `cluster profile=… nodes=…` line describes (the sandbox's own `cluster`
/// command uses the script's syntax), or the line's error.
pub fn cluster_config(line: &str) -> Result<ClusterConfig, String> {
    config_of(parse_line(line.trim())?)
        .ok_or_else(|| "error: expected a `cluster profile=… nodes=…` line".into())
}

/// The `cluster` line that builds `config` again (node names as a count when they are the
/// profile's own).
pub fn cluster_line(config: &ClusterConfig) -> String {
    let own = ClusterConfig::for_profile(config.profile, config.nodes.len());
    let nodes = if own.nodes == config.nodes {
        config.nodes.len().to_string()
    } else {
        config.nodes.join(",")
    };
    let mut line = format!("cluster profile={} nodes={nodes}", config.profile.name());
    if !config.addons.is_empty() {
        let names: Vec<&str> = config.addons.iter().map(|a| a.name()).collect();
        line.push_str(&format!(" addons={}", names.join(",")));
    }
    if !config.default_storage_class {
        line.push_str(" default-storageclass=none");
    }
    if config.seed != own.seed {
        line.push_str(&format!(" seed={}", config.seed));
    }
    line
}

/// Runs one line; returns whether it succeeded.
fn run_line(sim: &mut Simulation, line: Line, files: &dyn FileSource, out: &mut String) -> bool {
    run_line_keeping(
        sim,
        line,
        files,
        out,
        &mut crate::kubectl::MemoryFiles::new(),
    )
}

/// [`run_line`], keeping what `kubectl cp` copies out of a container in `copies`.
fn run_line_keeping(
    sim: &mut Simulation,
    line: Line,
    files: &dyn FileSource,
    out: &mut String,
    copies: &mut crate::kubectl::MemoryFiles,
) -> bool {
    let result: Result<String, SimError> = match line {
        Line::Kubectl(text) => {
            let mut ctx = Context { sim, files };
            let output = execute(&text, &mut ctx);
            for (path, text) in &output.copied_out {
                copies.insert(path, text);
            }
            // stdout and stderr, interleaved in the order the command wrote them.
            for (_, chunk) in &output.chunks {
                out.push_str(chunk);
            }
            return output.success;
        }
        Line::Cluster { .. } => Ok(String::new()),
        Line::StoryWrite {
            target,
            container,
            namespace,
            text,
        } => {
            let ns = namespace.unwrap_or_else(|| "default".into());
            sim.act(format!("story write {text}"), |c| {
                c.write_story(&ns, &target, container.as_deref(), &text)
            })
            .map(|w| {
                let place = match &w.fs {
                    crate::sim::data::FsId::NodeDisk { node } => format!("the disk of node {node}"),
                    other => other.describe(),
                };
                format!(
                    "stored {:?} via pod/{} in {place} at {}",
                    w.story.text, w.pod, w.path
                )
            })
        }
        Line::StoryRead {
            target,
            container,
            namespace,
        } => {
            let ns = namespace.unwrap_or_else(|| "default".into());
            sim.act("story read", |c| {
                c.read_stories_logged(&ns, &target, container.as_deref())
            })
            .map(|stories| stories.into_iter().map(|s| s.text + "\n").collect())
        }
        Line::Crash {
            target,
            container,
            namespace,
        } => {
            let ns = namespace.unwrap_or_else(|| "default".into());
            sim.act("crash", |c| c.crash(&ns, &target, container.as_deref()))
                .map(|pod| format!("pod/{pod}: the app exited with code 1 (GET /error)"))
        }
        Line::Node { op, node } => {
            let (label, verb) = match op {
                NodeOp::Fail => ("node fail", "failed"),
                NodeOp::Reboot => ("node reboot", "rebooted"),
                NodeOp::Recover => ("node recover", "recovered"),
            };
            sim.act(format!("{label} {node}"), |c| match op {
                NodeOp::Fail => c.fail_node(&node),
                NodeOp::Reboot => c.reboot_node(&node),
                NodeOp::Recover => c.recover_node(&node),
            })
            .map(|()| format!("node/{node} {verb}"))
        }
        Line::Wait(secs) => sim
            .act(format!("wait {secs}s"), |c| c.try_advance(secs))
            .map(|()| format!("waited {}", crate::sim::human_duration(secs))),
        Line::Undo => match sim.undo() {
            Some(label) => Ok(format!("undone: {label}")),
            None => Err(SimError::Refused("error: nothing to undo".into())),
        },
    };
    match result {
        Ok(text) => {
            if !text.is_empty() {
                push_line(out, &text);
            }
            true
        }
        Err(SimError::Api(crate::sim::ApiError::Unreachable(line))) => {
            push_line(out, &line);
            false
        }
        Err(SimError::Api(e)) => {
            push_line(out, &format!("Error from server ({}): {e}", e.reason()));
            false
        }
        Err(SimError::Refused(msg)) => {
            push_line(out, &msg);
            false
        }
    }
}
