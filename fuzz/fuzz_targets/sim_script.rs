//! Fuzzes `kubestory sim`: any script text (`cluster`, `kubectl`, `story`, `node`, `wait`
//! lines) runs to the end without panicking; `-f` reads only the scenario folder.

#![no_main]

use kubestory::runner::{RunOptions, run_script};
use libfuzzer_sys::fuzz_target;

#[path = "../common/mod.rs"]
mod common;

/// The most script lines run per input (a long script only repeats what short ones reach).
const MAX_LINES: usize = 24;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let script: String = text
        .lines()
        .take(MAX_LINES)
        .flat_map(|l| [l, "\n"])
        .collect();
    let files = common::scenario_files();
    let options = RunOptions {
        fail_fast: false,
        json: data.first().is_some_and(|b| b & 1 == 1),
    };
    let result = run_script(&script, &files, &options);
    assert!(!result.output.contains("internal error in kubestory"));
});
