//! The sandbox, kept across restarts: every change the learner makes there is appended to a
//! journal in the state folder (one per cluster shape: `minikube-1`, `kind-3`…), and opening
//! the sandbox replays it on a fresh cluster of that shape. The simulator is deterministic, so
//! the replay rebuilds the same cluster, stories and undo steps; a command replays on the
//! files it read then (recorded with it), not on whatever `editor.yaml` holds now.
//!
//! `cluster profile=kind nodes=3` on the command line switches to (or creates) that
//! sandbox; `cluster reset` empties the current one. The journal is bounded
//! ([`MAX_ENTRIES`], [`MAX_BYTES`]); past the bound the sandbox goes on but is no longer
//! kept, and the learner is told. A journal that cannot be read is set aside, never fatal.

use super::app::{App, Screen, Tab};
use super::editor::Editor;
use super::{command_line, player, strings};
use crate::kubectl::recorded_files::Recorded;
use crate::sim::{Cluster, ClusterConfig, Simulation, Target};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The most changes one sandbox keeps.
pub const MAX_ENTRIES: usize = 10_000;
/// The largest journal read or written.
pub const MAX_BYTES: u64 = 8 << 20;

/// One change, as it is replayed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Entry {
    /// A `kubestory sim` line (kubectl, crash, node, wait, undo), with the files it read.
    Line {
        /// The line.
        line: String,
        /// What `-f` read.
        #[serde(default, skip_serializing_if = "Recorded::is_empty")]
        files: Recorded,
        /// The undo step's name when it differs from the line (an edit replays as a patch).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
    /// A line typed into `kubectl exec -it … -- sh`, with the shell as it was before it (its
    /// working directory, variables, `$?`).
    ShellLine {
        /// The shell before the line.
        session: Box<crate::sim::shell::Session>,
        /// The line.
        line: String,
        /// The undo step's name.
        label: String,
    },
    /// `kubectl exec -it POD -- PROGRAM…` of a program that is not a shell: run once.
    ShellArgv {
        /// The session it ran in.
        session: Box<crate::sim::shell::Session>,
        /// The program and its arguments.
        argv: Vec<String>,
        /// The undo step's name.
        label: String,
    },
    /// Seconds the running clock moved on its own (consecutive seconds kept as one entry).
    Tick {
        /// How many.
        secs: u64,
    },
    /// A story written with `w` (its text exactly as typed).
    Story {
        /// Namespace.
        namespace: String,
        /// Pod.
        pod: String,
        /// Container (`None`: the pod's first).
        container: Option<String>,
        /// The story.
        text: String,
    },
}

/// The journal being written.
#[derive(Clone, Debug)]
pub struct Journal {
    path: PathBuf,
    entries: usize,
    bytes: u64,
    /// The bound was reached: nothing more is kept.
    full: bool,
    /// Seconds the clock ran since the last entry, written before the next one (or when the
    /// sandbox closes), so that an hour of running clock is one line, not 3,600.
    pending_secs: u64,
}

/// The journal file of a cluster shape.
pub fn journal_path(state_dir: &Path, config: &ClusterConfig) -> PathBuf {
    let key: String = crate::runner::cluster_line(config)
        .trim_start_matches("cluster ")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    state_dir
        .join(crate::lesson::progress::SANDBOXES)
        .join(format!("{key}.jsonl"))
}

/// Opens the sandbox of `app.sandbox_cluster`: a fresh cluster with the journal replayed,
/// the sandbox's history and draft.
pub fn open(app: &mut App) {
    player::save_draft(app);
    flush(app);
    let config = app.sandbox_cluster.clone();
    let fresh = Simulation::new(Cluster::new(config.clone()));
    let path = app.state_dir.as_ref().map(|dir| journal_path(dir, &config));
    let (sim, entries, bytes, note) = match &path {
        Some(p) => replay(fresh, p, &config),
        None => (fresh, 0, 0, None),
    };
    app.reset_sim(sim);
    command_line::switch_history(app, super::history::SANDBOX);
    app.player = None;
    app.editor_file = strings::EDITOR_FILE.to_string();
    app.screen = Screen::Play;
    app.tab = Tab::Cluster;
    app.note(&strings::sandbox_welcome(&config));
    match player::restore_draft(app) {
        Some(text) => {
            app.editor = Editor::new(&text);
            app.note(strings::DRAFT_RESTORED);
        }
        None => app.editor = Editor::new(""),
    }
    if let Some(note) = note {
        app.note(&note);
    }
    app.journal = path.map(|path| Journal {
        path,
        entries,
        bytes,
        full: entries >= MAX_ENTRIES || bytes >= MAX_BYTES,
        pending_secs: 0,
    });
}

/// Replays the journal at `path` onto `sim`; the cluster, (entries, bytes) kept, a note.
fn replay(
    mut sim: Simulation,
    path: &Path,
    config: &ClusterConfig,
) -> (Simulation, usize, u64, Option<String>) {
    let bytes = match crate::kubectl::file_source::read_regular_bytes(path, MAX_BYTES + 1) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (sim, 0, 0, None),
        Err(e) => return (sim, 0, 0, Some(strings::sandbox_unreadable(&e.to_string()))),
    };
    let entries = match parse_journal(&bytes, config) {
        Ok(entries) => entries,
        Err(why) => {
            let aside = path.with_extension("jsonl.corrupt");
            let moved = std::fs::rename(path, &aside).is_ok();
            let note = strings::sandbox_set_aside(
                &why,
                moved.then(|| aside.display().to_string()).as_deref(),
            );
            return (sim, 0, 0, Some(note));
        }
    };
    for entry in &entries {
        apply(&mut sim, entry);
    }
    let note = (!entries.is_empty()).then(|| strings::sandbox_restored(entries.len()));
    (sim, entries.len(), bytes.len() as u64, note)
}

/// The entries of a journal, checked: its first line names the cluster it was made on.
fn parse_journal(bytes: &[u8], config: &ClusterConfig) -> Result<Vec<Entry>, String> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("it is larger than {} MiB", MAX_BYTES >> 20));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "it is not text".to_string())?;
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    if header != crate::runner::cluster_line(config) {
        return Err(format!("it was made for another cluster ({header:?})"));
    }
    let mut entries = Vec::new();
    for (i, line) in lines.enumerate() {
        if entries.len() >= MAX_ENTRIES {
            return Err(format!("it holds more than {MAX_ENTRIES} changes"));
        }
        let entry: Entry =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 2))?;
        entries.push(entry);
    }
    Ok(entries)
}

/// Runs one entry on `sim`, as it ran when it was recorded.
fn apply(sim: &mut Simulation, entry: &Entry) {
    match entry {
        Entry::Line { line, files, label } => {
            let mut sink = String::new();
            let before = sim.history().count();
            crate::runner::run_one(sim, line, files, &mut sink);
            if let Some(label) = label
                && sim.history().count() > before
            {
                sim.relabel_last(label.clone());
            }
        }
        Entry::ShellLine {
            session,
            line,
            label,
        } => {
            let mut session = (**session).clone();
            let _ = sim.act(label.clone(), |c| {
                Ok::<_, std::convert::Infallible>(c.shell_line(&mut session, line))
            });
        }
        Entry::ShellArgv {
            session,
            argv,
            label,
        } => {
            let mut session = (**session).clone();
            let _ = sim.act(label.clone(), |c| {
                Ok::<_, std::convert::Infallible>(c.exec_argv(&mut session, argv))
            });
        }
        Entry::Tick { secs } => {
            sim.tick(*secs);
        }
        Entry::Story {
            namespace,
            pod,
            container,
            text,
        } => {
            let target = Target::Pod(pod.clone());
            let _ = sim.act(format!("story write {text}"), |c| {
                c.write_story(namespace, &target, container.as_deref(), text)
            });
        }
    }
}

/// Whether changes now belong to the sandbox's journal.
fn keeping(app: &App) -> bool {
    app.player.is_none() && app.quiz.is_none() && app.screen == Screen::Play
}

/// The running clock moved `secs` on its own: kept, and written with the next entry.
pub fn note_tick(app: &mut App, secs: u64) {
    if !keeping(app) {
        return;
    }
    if let Some(j) = app.journal.as_mut() {
        j.pending_secs = j.pending_secs.saturating_add(secs);
    }
}

/// Writes the clock's pending seconds (before leaving the sandbox or quitting).
pub fn flush(app: &mut App) {
    let Some(secs) = app
        .journal
        .as_mut()
        .map(|j| std::mem::take(&mut j.pending_secs))
    else {
        return;
    };
    if secs > 0 {
        write(app, Entry::Tick { secs });
    }
}

/// Appends a change the learner just made (call only when the cluster changed).
pub fn record(app: &mut App, entry: Entry) {
    if !keeping(app) {
        return;
    }
    flush(app);
    write(app, entry);
}

/// Appends one entry to the journal, within its bounds.
fn write(app: &mut App, entry: Entry) {
    let config_line = crate::runner::cluster_line(&app.sandbox_cluster);
    let Some(journal) = app.journal.as_mut() else {
        return;
    };
    if journal.full {
        return;
    }
    let Ok(json) = serde_json::to_string(&entry) else {
        return;
    };
    let line_bytes = json.len() as u64 + 1;
    if journal.entries + 1 > MAX_ENTRIES || journal.bytes + line_bytes > MAX_BYTES {
        journal.full = true;
        app.note(strings::SANDBOX_FULL);
        return;
    }
    let result = append(&journal.path, &config_line, journal.entries == 0, &json);
    match result {
        Ok(written) => {
            journal.entries += 1;
            journal.bytes += written;
        }
        Err(e) => {
            journal.full = true;
            app.note(&strings::sandbox_unwritable(&e.to_string()));
        }
    }
}

/// Appends one line (the header first, for a new journal); the bytes written.
fn append(path: &Path, header: &str, new: bool, json: &str) -> std::io::Result<u64> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    let mut text = String::new();
    if new {
        // A journal starts afresh: an old file (set aside or reset) never mixes in.
        file.set_len(0)?;
        text.push_str(header);
        text.push('\n');
    }
    text.push_str(json);
    text.push('\n');
    file.write_all(text.as_bytes())?;
    Ok(text.len() as u64)
}

/// `cluster …` typed in the sandbox: `cluster reset` empties this sandbox; `cluster
/// profile=… nodes=…` opens the sandbox of that shape (its own journal). Returns whether
/// the line was understood.
pub fn cluster_command(app: &mut App, line: &str) -> bool {
    app.push_log(super::app::LogKind::Command, &format!("$ {line}"));
    if !keeping(app) {
        app.push_log(super::app::LogKind::Error, strings::CLUSTER_SANDBOX_ONLY);
        return false;
    }
    if line.trim() == "cluster reset" {
        if let Some(j) = &app.journal {
            let _ = std::fs::remove_file(&j.path);
        }
        open(app);
        app.note(strings::SANDBOX_RESET);
        return true;
    }
    match crate::runner::cluster_config(line) {
        Ok(config) => {
            app.sandbox_cluster = config;
            open(app);
            true
        }
        Err(e) => {
            app.push_log(super::app::LogKind::Error, &e);
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journal_for_another_cluster_or_with_a_bad_line_is_refused() {
        let config = ClusterConfig::default();
        let header = crate::runner::cluster_line(&config);
        let good = format!("{header}\n{{\"line\":{{\"line\":\"wait 5s\"}}}}\n");
        assert_eq!(
            parse_journal(good.as_bytes(), &config),
            Ok(vec![Entry::Line {
                line: "wait 5s".into(),
                files: Recorded::default(),
                label: None,
            }])
        );
        let other = ClusterConfig::for_profile(crate::sim::Profile::Kind, 2);
        assert!(
            parse_journal(good.as_bytes(), &other)
                .unwrap_err()
                .contains("another cluster")
        );
        let bad = format!("{header}\nnot json\n");
        assert!(
            parse_journal(bad.as_bytes(), &config)
                .unwrap_err()
                .starts_with("line 2:")
        );
        assert!(parse_journal(&[0xff, 0xfe], &config).is_err());
    }
}
