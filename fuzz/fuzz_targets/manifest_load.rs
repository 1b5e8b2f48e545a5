//! Fuzzes the manifest loader: any bytes, read as UTF-8 (lossily), must load or fail with a
//! rendered error, never panic, hang or exhaust memory.
//!
//! Run with `cargo +nightly fuzz run manifest_load` from the repository root.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = kubestory::manifest::load("fuzz.yaml", &text) {
        let _ = kubestory::manifest::render(&e, "creating");
    }
});
