//! What the command line's keys do to the app: readline editing ([`super::line_edit`]),
//! Up/Down and Ctrl-R over the history ([`super::history`], [`super::search`]), Tab
//! ([`super::completion`]) at the cursor, and pasted text. [`super::update`] routes here.

use super::app::{App, Mode, Screen};
use super::history::{History, Loaded};
use super::line_edit::{Edit, MAX_LINE_BYTES};
use super::search::Search;
use super::strings;

/// A character typed: into the search while Ctrl-R is on, else at the cursor.
pub fn type_char(app: &mut App, c: char) {
    if let Some(s) = app.search.as_mut() {
        s.push(c, app.history.entries());
        return;
    }
    if !app.line.insert(c) && !c.is_control() {
        app.message = Some(strings::line_full(MAX_LINE_BYTES));
    }
}

/// An editing key. During a search Backspace shortens the query; any other key takes the
/// match into the line first (readline's rule), then edits it.
pub fn edit(app: &mut App, e: Edit) {
    if let Some(s) = app.search.as_mut()
        && e == Edit::Backspace
    {
        s.pop(app.history.entries());
        return;
    }
    end_search(app);
    app.line.apply(e);
}

/// Ctrl-R: starts a search, or (again) finds the next older match.
pub fn search(app: &mut App) {
    match app.search.as_mut() {
        Some(s) => s.older(app.history.entries()),
        None => app.search = Some(Search::new(app.line.clone())),
    }
}

/// Esc or Ctrl-G during a search: the line exactly as it was before Ctrl-R.
pub fn cancel_search(app: &mut App) {
    if let Some(s) = app.search.take() {
        app.line = s.before;
    }
}

/// Ends a search, keeping the match as the line to edit or run.
pub fn end_search(app: &mut App) {
    if let Some(s) = app.search.take() {
        app.line = s.result(app.history.entries());
    }
}

/// Esc on the command line: it closes. What was typed is not thrown away: it goes into the
/// history, one Up away (as Vim keeps an abandoned `:` line), and pasted lines still to
/// come are dropped (they are still on the clipboard).
pub fn cancel(app: &mut App) {
    let line = app.line.take();
    let kept = app.history.entries().contains(&line);
    if app.mode == Mode::Command && app.screen != Screen::Quiz && !line.trim().is_empty() && !kept {
        record(app, &line);
        app.message = Some(strings::LINE_KEPT.into());
    }
    if !app.pasted.is_empty() {
        app.message = Some(strings::pasted_dropped(app.pasted.len()));
        app.pasted.clear();
    }
    app.search = None;
    app.mode = Mode::Normal;
}

/// Up (`back`) or Down: the previous or next command; Down past the newest gives back the
/// line as it was typed.
pub fn history(app: &mut App, back: bool) {
    end_search(app);
    let text = if back {
        app.history.older(app.line.text()).map(str::to_string)
    } else {
        app.history.newer()
    };
    if let Some(text) = text {
        app.line.set(&text);
    }
}

/// Tab: completes the word before the cursor (what follows the cursor stays).
pub fn complete(app: &mut App) {
    end_search(app);
    let cursor = app.line.cursor();
    let (before, after) = app.line.text().split_at(cursor);
    let files = super::ops::files(app);
    let (done, msg) = super::completion::complete(app.cluster(), &files, before);
    // A completed word ends with a space; one already after the cursor is not doubled.
    let after = match after.strip_prefix(' ') {
        Some(rest) if done.ends_with(' ') && done.len() > before.len() => rest,
        _ => after,
    };
    let text = format!("{done}{after}");
    app.line.set_with_cursor(&text, done.len());
    app.message = msg;
}

/// Records a command that ran in the history (and its file); says once when the file
/// cannot be written (the history is still kept for the session).
pub fn record(app: &mut App, line: &str) {
    if let Err(e) = app.history.push(line) {
        let note = strings::history_not_saved(&e.to_string());
        app.note(&note);
        app.message = Some(note);
        app.history.stop_saving();
    }
}

/// Switches to the history of `slot` (a lesson id, or the sandbox's), read from the state
/// folder; a file that is not a history is set aside and the learner told.
pub fn switch_history(app: &mut App, slot: &str) {
    app.search = None;
    app.pasted.clear();
    let Some(dir) = app.state_dir.clone() else {
        app.history = History::default();
        return;
    };
    let path = super::history::path(&dir, slot);
    let (history, loaded) = History::load(&path);
    app.history = history;
    let note = match loaded {
        Loaded::Fine => return,
        Loaded::SetAside(aside, why) => {
            strings::history_set_aside(&aside.display().to_string(), &why)
        }
        Loaded::Unusable(why) => strings::history_unusable(&path.display().to_string(), &why),
    };
    app.note(&note);
    app.message = Some(note);
}

/// Text pasted into an input line (bracketed paste: it arrives whole, never as keys).
///
/// One line is inserted at the cursor, as a shell does. Several lines are what people copy
/// from a tutorial: a shell with bracketed paste (bash 5.1 and later, zsh, fish) puts them in
/// the buffer and runs nothing until Enter, and then runs them one after the other. Here the
/// first line is inserted and the others wait: each Enter runs the line on screen and
/// brings up the next, so every command is seen (and can be edited) before it runs, and
/// Esc drops the rest. A manifest is not commands: YAML pasted into the command line is
/// left out with a pointer to the editor (`e`), where it belongs (joined into one line it
/// would be neither YAML nor a command). A leading `$ ` (a prompt copied with the command)
/// is dropped. The story line takes the text as one story: newlines become spaces.
pub fn paste(app: &mut App, text: &str) {
    end_search(app);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if app.mode == Mode::StoryPrompt {
        let joined = text.split('\n').collect::<Vec<_>>().join(" ");
        if !app.line.insert_str(joined.trim_end()) {
            app.message = Some(strings::line_full(MAX_LINE_BYTES));
        }
        return;
    }
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_end())
        .filter(|l| !l.trim().is_empty())
        .collect();
    if lines.len() > 1 && looks_like_yaml(&lines) {
        app.message = Some(strings::pasted_manifest(lines.len()));
        return;
    }
    let Some((first, rest)) = lines.split_first() else {
        return;
    };
    if !app.line.insert_str(strip_prompt(first)) {
        app.message = Some(strings::line_full(MAX_LINE_BYTES));
    }
    app.pasted = rest
        .iter()
        .map(|l| strip_prompt(l).trim().to_string())
        .collect();
    if !app.pasted.is_empty() {
        app.message = Some(strings::pasted_lines(app.pasted.len() + 1));
    }
}

/// After Enter: the next pasted line comes up on the command line, if one is waiting.
pub fn next_pasted(app: &mut App) {
    let Some(next) = app.pasted.pop_front() else {
        return;
    };
    app.mode = Mode::Command;
    app.line.set(&next);
    app.history.reset_pos();
    app.message = Some(strings::pasted_next(app.pasted.len()));
}

/// `$ kubectl get pods` → `kubectl get pods`.
fn strip_prompt(line: &str) -> &str {
    let t = line.trim_start();
    t.strip_prefix("$ ").unwrap_or(t)
}

/// Whether pasted lines are a manifest rather than commands: a document marker, or a first
/// line that is a YAML key (`apiVersion: v1`, `kind:`), which no command line starts with.
fn looks_like_yaml(lines: &[&str]) -> bool {
    let Some(first) = lines.iter().find(|l| !l.trim_start().starts_with('#')) else {
        return false;
    };
    let first = first.trim();
    if first == "---" {
        return true;
    }
    let key = first.split(':').next().unwrap_or("");
    first.contains(':')
        && !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && (first.ends_with(':') || first[key.len()..].starts_with(": "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_are_told_from_commands() {
        assert!(looks_like_yaml(&["apiVersion: v1", "kind: Pod"]));
        assert!(looks_like_yaml(&["# a claim", "metadata:", "  name: x"]));
        assert!(looks_like_yaml(&["---", "kind: Pod"]));
        assert!(!looks_like_yaml(&["kubectl get pods", "kubectl get pvc"]));
        assert!(!looks_like_yaml(&["story write deploy/story a: b", "x"]));
        assert!(!looks_like_yaml(&["$ kubectl get pods", "x"]));
    }
}
