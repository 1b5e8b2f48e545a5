//! Fuzzes `kubectl::execute`: whatever is typed (one command per line, up to
//! [`MAX_LINES`]), running it against a cluster with objects of every kind in it must not
//! panic, and a failed command must say something.
//!
//! The starting cluster (3 nodes, a Deployment, a StatefulSet with claims, static and
//! dynamic volumes, stories written) is built once; each input runs on a clone, which is
//! cheap because the simulator's state is persistent (imbl).

#![no_main]

use kubestory::kubectl::{Context, execute};
use kubestory::sim::Simulation;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[path = "../common/mod.rs"]
mod common;

/// The most command lines run per input: enough for create-then-act sequences.
const MAX_LINES: usize = 16;

fn start() -> &'static Simulation {
    static START: OnceLock<Simulation> = OnceLock::new();
    START.get_or_init(common::rich_cluster)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut sim = start().clone();
    let files = common::scenario_files();
    let mut ctx = Context {
        sim: &mut sim,
        files: &files,
    };
    for line in text.lines().take(MAX_LINES) {
        let out = execute(line, &mut ctx);
        assert!(out.success || !out.combined().is_empty());
        assert!(!out.combined().contains("internal error in kubestory"));
    }
});
