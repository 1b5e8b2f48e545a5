//! Fuzzes lesson loading (`lesson::load_str`): any text is a lesson or a list of
//! diagnostics with positions, never a panic, a hang or unbounded memory (the YAML limits:
//! size, depth, aliases with their text counted). File references resolve in `lessons/`.

#![no_main]

use kubestory::lesson::load_str;
use libfuzzer_sys::fuzz_target;

#[path = "../common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let folder = common::repo().join("lessons");
    match load_str(&text, "fuzz.yaml", &folder) {
        Ok(loaded) => assert!(!loaded.lesson.steps.is_empty()),
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in &errors {
                assert!(e.line >= 1 && e.column >= 1, "{e}");
                let _ = e.to_string();
            }
        }
    }
});
