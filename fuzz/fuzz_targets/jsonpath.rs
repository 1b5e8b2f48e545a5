//! Fuzzes kubectl's JSONPath templates: whatever `-o jsonpath=` is given, parsing it and
//! running it over an object must not panic.

#![no_main]

use kubestory::kubectl::jsonpath::JsonPath;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let object = serde_json::json!({
        "kind": "List",
        "items": [{"metadata": {"name": "a", "labels": {"x": "1"}},
                   "spec": {"accessModes": ["ReadWriteOnce"], "n": 3, "f": 1.5, "b": true, "z": null}}]
    });
    if let Ok(j) = JsonPath::parse(&text) {
        let _ = j.execute(&object);
    }
});
