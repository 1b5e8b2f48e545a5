//! Fuzzes the kubectl command-line parser: whatever is typed, parsing and printing the
//! result or the error must not panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let line = String::from_utf8_lossy(data);
    match kubestory::kubectl::parse_command_line(&line) {
        Ok(invocation) => {
            let _ = format!("{invocation:?}");
        }
        Err(error) => {
            let _ = error.to_output_with_hint();
        }
    }
});
