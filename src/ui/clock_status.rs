//! The status line's first items while a cluster is on screen: the running clock
//! (`t/> 00:05:12 ×1`, or `paused`) and a running watch (`Esc stop watching: kubectl get pvc
//! -w`). Their keys come from the keymap ([`super::keymap::key_for`]).

use super::action::Action;
use super::app::{App, Screen};
use super::keymap::key_for;

/// `(keys, words)` pairs, in order; empty when no cluster is on screen.
pub fn items(app: &App) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if app.screen != Screen::Play {
        return out;
    }
    if let Some(stop) = key_for(app, &Action::StopWatch)
        && let Some(words) = super::watching::status(app)
    {
        out.push((stop, format!("stop {words}")));
    }
    if let (Some(pause), Some(faster)) = (
        key_for(app, &Action::ToggleClock),
        key_for(app, &Action::ClockFaster),
    ) {
        let label = app.clock.label(app.cluster().now());
        let label = if app.ascii {
            label.replace('×', "x")
        } else {
            label
        };
        out.push((format!("{pause}/{faster}"), label));
    }
    out
}
