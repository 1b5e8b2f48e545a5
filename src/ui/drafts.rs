//! Nothing typed is lost. The editor's text has one slot per lesson step (the step whose
//! manifest it edits, or the step itself when no step so far has a manifest) and one for the
//! sandbox. Every slot is kept in memory for the session and saved atomically in the state
//! folder; when the state folder cannot be written (read-only, full, a file where a folder
//! should be) the learner is told at that moment and the text goes to a private file they
//! are shown, now and again when kubestory ends.

use super::app::App;
use super::{persist, strings};
use std::path::{Path, PathBuf};

/// The slot of the sandbox's editor.
pub const SANDBOX_SLOT: &str = "sandbox";

/// The slot of a lesson step's editor.
pub fn step_slot(lesson: &str, step: &str) -> String {
    format!("{lesson}/{step}")
}

/// Switches the editor to `slot`, saving the text being left first. Returns the slot's
/// text: this session's, else the saved draft at `path` (a corrupt one is set aside and
/// reported), else `None` (the caller shows the lesson's original).
pub fn switch(app: &mut App, slot: &str, path: Option<PathBuf>) -> Option<String> {
    save(app);
    app.draft_slot = slot.to_string();
    app.draft_path = path;
    if let Some(text) = app.drafts.get(slot) {
        return Some(text.clone());
    }
    restore(app)
}

/// Reads the draft at `app.draft_path`, reporting a draft that could not be read.
pub fn restore(app: &mut App) -> Option<String> {
    let path = app.draft_path.clone()?;
    match persist::restore(&path) {
        persist::Restored::Nothing => None,
        persist::Restored::Draft(text) => Some(text),
        persist::Restored::SetAside(aside) => {
            let note = strings::draft_set_aside(&aside.display().to_string());
            app.note(&note);
            app.message = Some(note);
            None
        }
        persist::Restored::Failed(e) => {
            let note = strings::draft_unreadable(&path.display().to_string(), &e);
            app.note(&note);
            app.message = Some(note);
            None
        }
    }
}

/// Keeps the editor's text when it changed: in memory, then in the draft file; when that
/// cannot be written, in a private rescue file the learner is told about.
pub fn save(app: &mut App) {
    // A `kubectl edit` buffer is the object's, not the learner's draft.
    if !app.draft_dirty || app.edit.is_some() {
        return;
    }
    app.draft_dirty = false;
    let text = app.editor.text();
    app.drafts.insert(app.draft_slot.clone(), text.clone());
    let Some(path) = app.draft_path.clone() else {
        return;
    };
    match persist::write_atomic(&path, &text) {
        Ok(()) => {
            // Saved where it belongs: an older rescue copy is no longer needed.
            if let Some(old) = app.rescued.remove(&app.draft_slot) {
                let _ = std::fs::remove_file(old);
            }
        }
        Err(e) => {
            let why = e.to_string();
            let kept = rescue(app, &text);
            app.message = Some(match &kept {
                Ok(to) => strings::draft_rescued(
                    &path.display().to_string(),
                    &why,
                    &to.display().to_string(),
                ),
                Err(e2) => {
                    strings::draft_not_saved(&path.display().to_string(), &why, &e2.to_string())
                }
            });
        }
    }
}

/// Keeps `text` beside the slot's draft file (`<step>.yours.yaml`) before the editor's text
/// is replaced by the lesson's (`R`), so the learner's edit survives the session too.
/// `None` when there is no state folder or it cannot be written (the editor's undo still has
/// the text).
pub fn keep_beside(app: &App, text: &str) -> Option<PathBuf> {
    let path = app.draft_path.as_ref()?.with_extension("yours.yaml");
    persist::write_atomic(&path, text).ok().map(|()| path)
}

/// Writes `text` to the slot's rescue file (created once, private, in the temporary folder).
fn rescue(app: &mut App, text: &str) -> std::io::Result<PathBuf> {
    if app.contained {
        // A remote student's text stays in their own folder or in memory, never elsewhere
        // on the server.
        return Err(std::io::Error::other(
            "no file outside your folder over SSH",
        ));
    }
    let path = match app.rescued.get(&app.draft_slot) {
        Some(p) => p.clone(),
        None => create_rescue_file()?,
    };
    std::fs::write(&path, text)?;
    app.rescued.insert(app.draft_slot.clone(), path.clone());
    Ok(path)
}

/// A new private file (`kubestory-unsaved-XXXXXX.yaml`, mode 0600, created exclusively so a
/// planted file or symlink is never written through) that outlives kubestory.
fn create_rescue_file() -> std::io::Result<PathBuf> {
    let file = tempfile::Builder::new()
        .prefix("kubestory-unsaved-")
        .suffix(".yaml")
        .tempfile()?;
    let (_, path) = file.keep().map_err(|e| e.error)?;
    Ok(path)
}

/// What to print once the terminal is restored: where text that could not be saved went.
pub fn farewell(app: &App) -> Option<String> {
    if app.rescued.is_empty() {
        return None;
    }
    let lines: Vec<String> = app
        .rescued
        .iter()
        .map(|(slot, path)| strings::rescued_on_exit(slot, &path.display().to_string()))
        .collect();
    Some(lines.join("\n"))
}

/// A private temporary copy of the editor's text (mode 0600, random name, removed when
/// dropped) for `$EDITOR` to edit.
pub fn external_copy(app: &App) -> std::io::Result<tempfile::NamedTempFile> {
    use std::io::Write;
    let mut copy = tempfile::Builder::new()
        .prefix("kubestory-edit-")
        .suffix(".yaml")
        .tempfile()?;
    copy.write_all(app.editor.text().as_bytes())?;
    copy.flush()?;
    Ok(copy)
}

/// The draft file of a lesson step in the state folder, if there is one.
pub fn step_path(app: &App, lesson: &str, step: &str) -> Option<PathBuf> {
    app.state_dir
        .as_deref()
        .map(|dir: &Path| crate::lesson::progress::draft_path(dir, lesson, step))
}
