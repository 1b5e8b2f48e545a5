//! `kubestory serve --headless`: the class without the dashboard, for a server with no
//! terminal, scripts and the load benchmark. Prints how to connect, then one line per student
//! who joins or leaves, until SIGINT or SIGTERM.

use super::hub::Hub;
use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Runs until an ending signal. Write errors (a closed standard output) are ignored: the class
/// goes on.
pub fn run(hub: &Hub) -> std::io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(sig, stop.clone())?;
    }
    let mut out = std::io::stdout();
    for line in hub.banner() {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(
        out,
        "Ctrl-C stops the class (every student's progress is kept)."
    );
    let _ = out.flush();
    let mut seen: BTreeMap<String, bool> = BTreeMap::new();
    let mut changed = 0;
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(200));
        if hub.changed() == changed {
            continue;
        }
        changed = hub.changed();
        for s in hub.students() {
            let was = seen.insert(s.name.clone(), s.connected);
            if was != Some(s.connected) {
                let what = if s.connected { "joined" } else { "left" };
                let _ = writeln!(out, "{} {what}", s.name);
            }
        }
        let _ = out.flush();
    }
    Ok(())
}
