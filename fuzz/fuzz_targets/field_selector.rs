//! Fuzzes `--field-selector` (apimachinery's `fields.ParseSelector`, as the API server runs
//! it): whatever text is given, parsing, checking it for each kind and matching it against an
//! object must not panic.

#![no_main]

use kubestory::kubectl::field_selector::{FieldSelector, list_error};
use kubestory::kubectl::get::ListKind;
use kubestory::sim::Kind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for kind in Kind::ALL {
        let _ = list_error(ListKind::Sim(kind), "", &text);
    }
    if let Ok(sel) = FieldSelector::parse(&text) {
        let _ = sel.matches(&|f: &str| f.to_string());
    }
});
