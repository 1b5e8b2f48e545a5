//! A watch in the TUI (`kubectl get pvc -w`, `kubectl events -w`): after the list, each change
//! streams into the log until Esc, while the learner keeps typing commands; the status line
//! says a watch is running and how to stop it. The diffing is the kubectl layer's
//! ([`crate::kubectl::watch::Follow`]); this file only holds the one running follow and
//! writes what it prints into the log (reusable for anything that follows: `logs -f`).

use super::app::{App, LogKind};
use super::strings;

/// Starts following what a command line follows, if anything (after it ran successfully):
/// a new watch replaces the one running, as a new `kubectl get -w` in the same terminal would
/// after Ctrl-C.
pub fn start_if_following(app: &mut App, line: &str) {
    if let Some(follow) = crate::kubectl::watch::follow(line, app.cluster()) {
        app.following = Some(follow);
    }
}

/// Writes what the running watch prints since the last poll into the log.
pub fn poll(app: &mut App) {
    let Some(f) = app.following.as_mut() else {
        return;
    };
    let text = f.poll(app.sim.cluster());
    if !text.is_empty() {
        app.push_log(LogKind::Output, text.trim_end_matches('\n'));
    }
}

/// Esc: stops the watch (as Ctrl-C stops kubectl).
pub fn stop(app: &mut App) {
    if let Some(f) = app.following.take() {
        app.note(&strings::watch_stopped(&f.describe()));
    }
}

/// What the status line says while a watch runs: `watching: kubectl get pvc -w`.
pub fn status(app: &App) -> Option<String> {
    app.following
        .as_ref()
        .map(|f| format!("{}{}", strings::WATCHING, f.describe()))
}
