//! Fuzzes `kubectl wait --for=…` (issue 12): whatever condition is given, parsing it
//! (`condition=`, `jsonpath=` with its `=`/`==` splitting, `delete`, `create`) and checking it
//! on an object must not panic.

#![no_main]

use kubestory::kubectl::wait_condition::Condition;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let object = serde_json::json!({
        "metadata": {"name": "a", "generation": 2},
        "status": {"phase": "Bound", "observedGeneration": 1, "readyReplicas": 3,
                   "conditions": [{"type": "Ready", "status": "True", "observedGeneration": 2}]}
    });
    if let Ok(c) = Condition::parse(&text) {
        let _ = c.met(&object);
    }
});
