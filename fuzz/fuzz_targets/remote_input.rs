//! Fuzzes the remote terminal decoder (issue 14: the bytes an SSH client sends): whatever
//! bytes come, in whatever chunks, decoding must not panic, must stay within its bound, and
//! must give the same events whether the bytes come whole or cut in chunks (the first byte
//! chooses the chunk size).

#![no_main]

use kubestory::ui::remote_input::{MAX_BUFFERED_BYTES, RemoteInput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let mut whole = RemoteInput::new();
    let mut want = whole.feed(bytes);
    want.extend(whole.flush_pending());

    let mut cut = RemoteInput::new();
    let mut got = Vec::new();
    for chunk in bytes.chunks(usize::from(first % 16) + 1) {
        got.extend(cut.feed(chunk));
        assert!(cut.buffered_len() <= MAX_BUFFERED_BYTES);
    }
    got.extend(cut.flush_pending());
    assert_eq!(got, want);
});
