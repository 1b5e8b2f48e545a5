//! Fuzzes the files kept between runs: any text as `progress.json` (read, written back,
//! every lesson entry touched) and as `settings.json`, never a panic.

#![no_main]

use kubestory::lesson::progress;
use kubestory::ui::settings;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(mut p) = progress::from_json(&text) {
        let _ = serde_json::to_string(&p);
        let ids: Vec<String> = p.lessons.keys().cloned().collect();
        for id in ids {
            let _ = p.entry(&id);
        }
    }
    let s = settings::from_json(&text);
    let _ = serde_json::to_string(&s);
});
