//! `kubectl edit` in the app: the object opens in the built-in editor under kubectl's header;
//! Ctrl-S saves it as quitting kubectl's editor does (the object is patched, or the editor
//! comes back with the API server's reasons at the top, as kubectl reopens its file); Esc
//! leaves the edit. The learner's own draft is set aside meanwhile and comes back afterwards:
//! the edit buffer is never saved as their draft.

use super::app::{App, LogKind, Mode};
use super::editor::Editor;
use super::strings;
use crate::kubectl::verbs::edit::{self, EditSession, Finished};
use crate::kubectl::{Context, Invocation, Output, Stream};

/// An edit in progress, with the draft it displaced.
#[derive(Clone, Debug)]
pub struct UiEdit {
    /// What kubectl fetched and opened.
    pub session: EditSession,
    /// The draft the editor held before.
    pub draft: String,
    /// The name the draft goes by (`editor.yaml`, the step's manifest).
    pub draft_file: String,
    /// Esc was pressed once on a changed buffer: the next Esc discards the changes.
    pub confirm_discard: bool,
}

/// `kubectl edit …` typed or sent by `e`: opens the object, or logs kubectl's error.
pub fn start(app: &mut App, inv: &Invocation, line: &str) -> bool {
    super::player::save_draft(app);
    let files = super::ops::files(app);
    let begun = edit::begin(
        inv,
        &Context {
            sim: &mut app.sim,
            files: &files,
        },
        line,
    );
    match begun {
        Err(out) => {
            log_output(app, &out);
            false
        }
        Ok(session) => {
            let draft = app.editor.text();
            app.editor = Editor::new(&session.buffer);
            let draft_file = std::mem::replace(&mut app.editor_file, edit_file_name());
            app.edit = Some(UiEdit {
                session,
                draft,
                draft_file,
                confirm_discard: false,
            });
            app.mode = Mode::Editor;
            app.message = Some(strings::EDIT_OPENED.into());
            true
        }
    }
}

/// The name the editor pane shows while an object is edited (kubectl's temporary file).
fn edit_file_name() -> String {
    edit::TEMP_FILE
        .rsplit('/')
        .next()
        .unwrap_or(edit::TEMP_FILE)
        .to_string()
}

/// Ctrl-S: kubectl's editor returned with the buffer saved.
pub fn save(app: &mut App) {
    let Some(ui) = app.edit.clone() else {
        return;
    };
    let text = app.editor.text();
    let marker = app.cluster().change_marker();
    let files = super::ops::files(app);
    let finished = edit::finish(
        &ui.session,
        &text,
        &mut Context {
            sim: &mut app.sim,
            files: &files,
        },
    );
    match finished {
        Finished::Done(out) => {
            log_output(app, &out);
            if app.cluster().change_marker() != marker
                && let Some(patch) = edit::patch_text(&ui.session, &text)
            {
                record_patch(app, &ui.session, patch);
            }
            close(app);
        }
        Finished::Reopen { text, out } => {
            log_output(app, &out);
            app.editor = Editor::new(&text);
            if let Some(e) = app.edit.as_mut() {
                e.confirm_discard = false;
            }
            app.message = Some(strings::EDIT_REOPENED.into());
        }
    }
    super::ops::observe(app);
}

/// Esc: an unchanged buffer is kubectl's "Edit cancelled, no changes made."; a changed one
/// asks for a second Esc first (nothing typed is lost by one key).
pub fn cancel(app: &mut App) {
    let Some(ui) = app.edit.as_mut() else {
        return;
    };
    let changed = app.editor.text() != ui.session.buffer;
    if changed && !ui.confirm_discard {
        ui.confirm_discard = true;
        app.message = Some(strings::EDIT_DISCARD_ASK.into());
        return;
    }
    app.push_log(LogKind::Error, "Edit cancelled, no changes made.");
    if changed {
        app.note(strings::EDIT_DISCARDED);
    }
    close(app);
}

/// Gives the editor its draft back.
fn close(app: &mut App) {
    if let Some(ui) = app.edit.take() {
        app.editor = Editor::new(&ui.draft);
        app.editor_file = ui.draft_file;
    }
    app.mode = Mode::Normal;
}

/// The sandbox keeps an edit as the patch it sent (replayed from a file of its own).
fn record_patch(app: &mut App, session: &EditSession, patch: String) {
    const FILE: &str = "kubestory-edit.json";
    let f = &session.found;
    let ns = if f.namespace.is_empty() {
        String::new()
    } else {
        format!(" -n {}", f.namespace)
    };
    let line = format!(
        "kubectl patch {} {}{ns} --type merge --patch-file {FILE}",
        f.kind.plural(),
        f.name
    );
    let mut files = crate::kubectl::recorded_files::Recorded::default();
    files.files.insert(FILE.to_string(), patch);
    let label = Some(session.label.clone());
    super::sandbox::record(app, super::sandbox::Entry::Line { line, files, label });
}

fn log_output(app: &mut App, out: &Output) {
    for (stream, chunk) in &out.chunks {
        let kind = match stream {
            Stream::Stdout => LogKind::Output,
            Stream::Stderr => LogKind::Error,
        };
        app.push_log(kind, chunk);
    }
}
