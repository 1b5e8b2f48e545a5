//! What the keys do to the simulation: each goes through [`Simulation::act`] (so `u` undoes
//! it) or through the kubectl layer, then [`observe`] logs new events and data losses.

use super::app::{App, LogKind, Mode};
use super::selection::Item;
use super::strings;
use crate::kubectl::file_source::Node;
use crate::kubectl::recorded_files::Recording;
use crate::kubectl::{Context, DiskFiles, FileSource, Overlay, Stream, execute};
use crate::sim::data::FsId;
use crate::sim::events::EventType;
use crate::sim::objects::MachineState;
use crate::sim::{SimError, Target};
use std::path::PathBuf;

/// What `-f NAME` reads from the command line and `Ctrl-S`: the editor's buffer under its
/// file name (and under `editor.yaml`), as it is on screen; other names from the lesson's (or
/// quiz question's) manifests, in memory, so a lesson reaches no other file; in the sandbox,
/// the current folder, as kubectl would.
pub(crate) struct EditorFiles {
    name: String,
    text: String,
    under: Box<dyn FileSource>,
}

impl EditorFiles {
    fn overlay(&self) -> Overlay<'_> {
        Overlay {
            name: &self.name,
            text: &self.text,
            under: self.under.as_ref(),
        }
    }

    fn is_editor_file(path: &str) -> bool {
        path.strip_prefix("./").unwrap_or(path) == strings::EDITOR_FILE
    }
}

impl FileSource for EditorFiles {
    fn node(&self, path: &str) -> Node {
        if Self::is_editor_file(path) {
            return Node::File;
        }
        self.overlay().node(path)
    }

    fn read(&self, path: &str) -> Option<String> {
        if Self::is_editor_file(path) {
            return Some(self.text.clone());
        }
        self.overlay().read(path)
    }

    fn list(&self, path: &str, max: usize) -> Vec<String> {
        self.overlay().list(path, max)
    }
}

/// The files `-f` reads now (also what Tab completes after `-f`).
pub(crate) fn files(app: &App) -> EditorFiles {
    let under: Box<dyn FileSource> = if app.copied.names().next().is_some() {
        Box::new(CopiedOver {
            copies: app.copied.clone(),
            under: base_files(app),
        })
    } else {
        base_files(app)
    };
    EditorFiles {
        name: app.editor_file.clone(),
        text: app.editor.text(),
        under,
    }
}

/// Copies over a workspace, owned (the files `-f` reads are built afresh for each command).
struct CopiedOver {
    copies: crate::kubectl::MemoryFiles,
    under: Box<dyn FileSource>,
}

impl FileSource for CopiedOver {
    fn node(&self, path: &str) -> Node {
        self.layered().node(path)
    }
    fn read(&self, path: &str) -> Option<String> {
        self.layered().read(path)
    }
    fn list(&self, path: &str, max: usize) -> Vec<String> {
        self.layered().list(path, max)
    }
}

impl CopiedOver {
    fn layered(&self) -> crate::kubectl::Copies<'_> {
        crate::kubectl::Copies {
            copies: &self.copies,
            under: self.under.as_ref(),
        }
    }
}

/// The workspace beneath the copies: the lesson's or quiz question's manifests, or the
/// current folder in the sandbox.
fn base_files(app: &App) -> Box<dyn FileSource> {
    if let Some(p) = &app.player {
        Box::new(p.workspace.files())
    } else if let Some(q) = &app.quiz {
        Box::new(q.workspace.as_ref().map(|w| w.files()).unwrap_or_default())
    } else if app.contained {
        // A remote student's sandbox: no folder of the server's is theirs to read.
        Box::new(crate::kubectl::MemoryFiles::new())
    } else {
        Box::new(DiskFiles {
            base: PathBuf::from("."),
        })
    }
}

/// The first words of the simulator's own commands (as in `kubestory sim` scripts), which the
/// command line runs besides kubectl.
/// The first words of the simulator's own lines (not kubectl).
pub const SIM_VERBS: &[&str] = &["story", "crash", "node"];

/// kubestory's own commands on the command line, for a typo's did-you-mean.
const OWN_COMMANDS: &[&str] = &["story", "crash", "node", "wait", "undo", "cluster"];

/// kubectl's top-level commands: a line starting with one of these is kubectl's, whatever
/// kubestory command it looks like (`edit` is not a typo of `wait`).
const KUBECTL_COMMANDS: &[&str] = &[
    "annotate",
    "api-resources",
    "api-versions",
    "apply",
    "attach",
    "auth",
    "autoscale",
    "certificate",
    "cluster-info",
    "completion",
    "config",
    "cordon",
    "cp",
    "create",
    "debug",
    "delete",
    "describe",
    "diff",
    "drain",
    "edit",
    "events",
    "exec",
    "explain",
    "expose",
    "get",
    "kustomize",
    "label",
    "logs",
    "patch",
    "plugin",
    "port-forward",
    "proxy",
    "replace",
    "rollout",
    "run",
    "scale",
    "set",
    "taint",
    "top",
    "uncordon",
    "version",
    "wait",
];

/// Runs a kubectl command line (the leading `kubectl` is optional) and logs its output;
/// `wait DURATION` advances the simulated clock as in `kubestory sim` scripts.
/// Returns whether the command succeeded (a demo line that fails tells the presenter).
pub fn run_command(app: &mut App, line: &str) -> bool {
    run_kubectl_or_sim(app, line)
}

/// [`run_command`], telling whether the command succeeded (and counting it in
/// [`App::failed_commands`] when it did not).
fn run_kubectl_or_sim(app: &mut App, line: &str) -> bool {
    let ok = run_line(app, line);
    if !ok {
        app.failed_commands += 1;
        app.last_failed_command = line.trim().to_string();
    }
    ok
}

fn run_line(app: &mut App, line: &str) -> bool {
    let line = line.trim();
    // `wait 30s` is kubestory's; `wait --for=… pod/x` (flags or TYPE/NAME) is kubectl's.
    if let Some(duration) = line.strip_prefix("wait ")
        && !duration
            .split_whitespace()
            .any(|w| w.starts_with('-') || w.contains('/'))
    {
        wait(app, duration);
        return true;
    }
    if line == "undo" {
        undo(app);
        return true;
    }
    let first = line.split_whitespace().next().unwrap_or("");
    if first == "cluster" {
        return super::sandbox::cluster_command(app, line);
    }
    if SIM_VERBS.contains(&first) {
        return run_sim_line(app, line);
    }
    // `stroy write …`, `crsh …`: a typo of kubestory's own command, not a kubectl line (from
    // a learner's trial: it was echoed as `kubectl stroy` with kubectl's "unknown command").
    if first != "kubectl"
        && first != "k"
        && !KUBECTL_COMMANDS.contains(&first)
        && let Some(meant) =
            crate::manifest::suggest::did_you_mean(first, OWN_COMMANDS.iter().copied())
    {
        app.push_log(LogKind::Command, &format!("$ {line}"));
        app.push_log(LogKind::Error, &strings::own_command_typo(first, meant));
        return false;
    }
    let alias = line.starts_with("k ") || line == "k";
    let full = if line.starts_with("kubectl ") || line == "kubectl" || alias {
        line.to_string()
    } else {
        format!("kubectl {line}")
    };
    if super::shell::try_open(app, &full) {
        return true;
    }
    app.push_log(LogKind::Command, &format!("$ {full}"));
    crate::ui::player::save_draft(app);
    if let Ok(inv) = crate::kubectl::parse_command_line(&full)
        && inv.verb == crate::kubectl::Verb::Edit
        && !full.contains('|')
    {
        return super::edit_session::start(app, &inv, &full);
    }
    let files = files(app);
    let recording = Recording::new(&files);
    let marker = app.cluster().change_marker();
    let out = execute(
        &full,
        &mut Context {
            sim: &mut app.sim,
            files: &recording,
        },
    );
    if app.cluster().change_marker() != marker {
        let files = recording.into_recorded();
        record(app, full.clone(), files);
    }
    for (stream, chunk) in &out.chunks {
        let kind = match stream {
            Stream::Stdout => LogKind::Output,
            Stream::Stderr => LogKind::Error,
        };
        app.push_log(kind, chunk);
    }
    for (path, text) in &out.copied_out {
        app.copied.insert(path, text);
        app.push_log(LogKind::Note, &strings::copied_out(path));
    }
    observe(app);
    if out.success {
        super::watching::start_if_following(app, &full);
    }
    out.success
}

/// `story write|read`, `crash`, `node fail|reboot|recover`: a `kubestory sim` line.
fn run_sim_line(app: &mut App, line: &str) -> bool {
    app.push_log(LogKind::Command, &format!("$ {line}"));
    let files = files(app);
    let recording = Recording::new(&files);
    let marker = app.cluster().change_marker();
    let mut out = String::new();
    let ok = crate::runner::run_one(&mut app.sim, line, &recording, &mut out);
    if app.cluster().change_marker() != marker {
        let files = recording.into_recorded();
        record(app, line.to_string(), files);
    }
    let kind = if ok { LogKind::Output } else { LogKind::Error };
    if !out.trim().is_empty() {
        app.push_log(kind, out.trim_end());
    } else if ok && line.starts_with("story read") {
        app.push_log(LogKind::Output, strings::NO_STORIES);
    }
    observe(app);
    ok
}

/// Keeps a change in the sandbox's journal (nothing in a lesson or a quiz).
fn record(app: &mut App, line: String, files: crate::kubectl::recorded_files::Recorded) {
    super::sandbox::record(
        app,
        super::sandbox::Entry::Line {
            line,
            files,
            label: None,
        },
    );
}

/// `Ctrl-S` in the editor: saves the draft and runs `kubectl apply -f NAME` on the buffer.
pub fn apply_editor(app: &mut App) {
    // The buffer is applied as it is on screen, whether or not the draft could be saved
    // (save_draft says so when it cannot).
    app.draft_dirty = true;
    crate::ui::player::save_draft(app);
    let name = app.editor_file.clone();
    let applied = run_kubectl_or_sim(app, &format!("kubectl apply -f {name}"));
    // A refused apply keeps the editor open with the learner's text; the error shows under
    // it (the drawer) until the next apply or Esc.
    app.mode = if applied { Mode::Normal } else { Mode::Editor };
}

fn selected_pod(app: &mut App) -> Option<(String, String)> {
    let pod = app
        .selected
        .as_ref()
        .and_then(|s| s.pod())
        .map(|(n, p)| (n.to_string(), p.to_string()));
    if pod.is_none() {
        app.message = Some(strings::NEED_POD.into());
    }
    pod
}

fn selected_container(app: &App) -> Option<String> {
    match &app.selected {
        Some(Item::Container { container, .. }) => Some(container.clone()),
        _ => None,
    }
}

fn report(app: &mut App, result: Result<String, SimError>) {
    match result {
        Ok(text) => app.push_log(LogKind::Output, &text),
        Err(SimError::Api(e)) => app.push_log(
            LogKind::Error,
            &format!("Error from server ({}): {e}", e.reason()),
        ),
        Err(SimError::Refused(msg)) => app.push_log(LogKind::Error, &msg),
    }
    observe(app);
}

/// `w`: the app in the selected pod stores a story (`POST /story`).
pub fn write_story(app: &mut App, text: &str) {
    let Some((ns, pod)) = selected_pod(app) else {
        return;
    };
    let container = selected_container(app);
    app.push_log(LogKind::Command, &format!("$ story write pod/{pod} {text}"));
    let target = Target::Pod(pod.clone());
    let result = app
        .sim
        .act(format!("story write {text}"), |c| {
            c.write_story(&ns, &target, container.as_deref(), text)
        })
        .inspect(|_| {
            let entry = super::sandbox::Entry::Story {
                namespace: ns.clone(),
                pod: pod.clone(),
                container: container.clone(),
                text: text.to_string(),
            };
            super::sandbox::record(app, entry);
        })
        .map(|w| {
            let place = match &w.fs {
                FsId::NodeDisk { node } => format!("the disk of node {node}"),
                other => other.describe(),
            };
            format!(
                "stored {:?} via pod/{} in {place} at {}",
                w.story.text, w.pod, w.path
            )
        });
    report(app, result);
}

/// `r`: the app in the selected container exits with code 1 (`GET /error`).
pub fn crash(app: &mut App) {
    let Some((ns, pod)) = selected_pod(app) else {
        return;
    };
    let container = selected_container(app);
    app.push_log(LogKind::Command, &format!("$ crash pod/{pod}"));
    let target = Target::Pod(pod.clone());
    let result = app
        .sim
        .act("crash", |c| c.crash(&ns, &target, container.as_deref()))
        .map(|pod| format!("pod/{pod}: the app exited with code 1 (GET /error)"));
    if result.is_ok() {
        let c = container.map(|c| format!(" -c {c}")).unwrap_or_default();
        record(
            app,
            format!("crash pod/{pod} -n {ns}{c}"),
            Default::default(),
        );
    }
    report(app, result);
}

/// `x`: `kubectl delete pod NAME -n NAMESPACE`.
pub fn delete_pod(app: &mut App) {
    let Some((ns, pod)) = selected_pod(app) else {
        return;
    };
    run_command(app, &format!("kubectl delete pod {pod} -n {ns}"));
}

/// `F`: fails the selected node's machine, or recovers it when it is down.
pub fn toggle_node(app: &mut App) {
    let Some(Item::Node(name)) = app.selected.clone() else {
        app.message = Some(strings::NEED_NODE.into());
        return;
    };
    let down = matches!(
        app.cluster().node(&name).map(|n| &n.machine),
        Some(MachineState::Down { .. })
    );
    let (label, verb) = if down {
        ("node recover", "recovered")
    } else {
        ("node fail", "failed")
    };
    app.push_log(LogKind::Command, &format!("$ {label} {name}"));
    let result = app
        .sim
        .act(format!("{label} {name}"), |c| {
            if down {
                c.recover_node(&name)
            } else {
                c.fail_node(&name)
            }
        })
        .map(|()| format!("node/{name} {verb}"));
    if result.is_ok() {
        record(app, format!("{label} {name}"), Default::default());
    }
    report(app, result);
}

/// `wait DURATION`: timed events (eviction, detach, back-off) happen on the way.
pub fn wait(app: &mut App, duration: &str) {
    app.push_log(LogKind::Command, &format!("$ wait {duration}"));
    let Some(secs) = crate::sim::parse_duration(duration) else {
        app.push_log(
            LogKind::Error,
            &format!("error: invalid duration {duration:?} (try 30s, 5m, 1h)"),
        );
        return;
    };
    // A running watch sees every deadline on the way, as in `kubestory sim`.
    let mut rows = String::new();
    let following = &mut app.following;
    let result = app
        .sim
        .act(format!("wait {secs}s"), |c| {
            let Some(f) = following.as_mut() else {
                return c.try_advance(secs);
            };
            let left = crate::sim::limits::MAX_SIMULATED_SECS.saturating_sub(c.now().0);
            if secs > left {
                return c.try_advance(secs);
            }
            let until = c.now().plus(secs);
            while c.step_towards(until) {
                rows.push_str(&f.poll(c));
            }
            Ok(())
        })
        .map(|()| format!("waited {}", crate::sim::human_duration(secs)));
    if !rows.is_empty() {
        app.push_log(LogKind::Output, rows.trim_end_matches('\n'));
    }
    if result.is_ok() {
        record(app, format!("wait {secs}s"), Default::default());
    }
    report(app, result);
}

/// `u`: takes back the last event that changed the cluster.
pub fn undo(app: &mut App) {
    match app.sim.undo() {
        Some(label) => {
            record(app, "undo".to_string(), Default::default());
            app.note(&format!("{}{label}", strings::UNDONE));
            app.seen_event_seq = app.cluster().events().map(|e| e.seq).max().unwrap_or(0);
            app.seen_losses = app.cluster().data().losses.len();
            app.highlight_from = app.seen_losses;
            app.fix_selection();
        }
        None => app.message = Some(strings::NOTHING_TO_UNDO.into()),
    }
}

/// How many frames the data-loss flash lasts (the event loop ticks every 150 ms).
pub const FLASH_FRAMES: u8 = 7;

/// Logs what the cluster did since last time: new Kubernetes events and data losses with
/// their `why`; keeps the selection valid.
pub fn observe(app: &mut App) {
    let mut lines = Vec::new();
    let mut events: Vec<_> = app
        .cluster()
        .events()
        .filter(|e| e.seq > app.seen_event_seq)
        .collect();
    events.sort_by_key(|e| e.seq);
    let mut max_seq = app.seen_event_seq;
    for e in events {
        max_seq = max_seq.max(e.seq);
        lines.push((
            LogKind::Event,
            format!(
                "{}: {} {}/{}: {}",
                if e.type_ == EventType::Warning {
                    "warning"
                } else {
                    "event"
                },
                e.reason,
                e.object.kind.to_ascii_lowercase(),
                e.object.name,
                e.message
            ),
        ));
    }
    let losses = &app.cluster().data().losses;
    for loss in losses
        .iter()
        .skip(app.seen_losses)
        .filter(|l| !l.stories.is_empty())
    {
        let texts: Vec<String> = loss
            .stories
            .iter()
            .map(|s| format!("{:?}", s.text))
            .collect();
        lines.push((
            LogKind::Loss,
            format!("{}: {} — {}", strings::LOST, texts.join(", "), loss.why),
        ));
    }
    let total = losses.len();
    if lines.iter().any(|(k, _)| *k == LogKind::Loss) {
        app.flash = FLASH_FRAMES;
    }
    app.highlight_from = app.seen_losses.min(total);
    app.seen_losses = total;
    app.seen_event_seq = max_seq;
    for (kind, text) in lines {
        app.push_log(kind, &text);
    }
    app.fix_selection();
}
