//! A student's keys over SSH drive the app as local keys do: the bytes a remote terminal
//! sends go through `ui::remote_input` and the same edge (`terminal::to_action`) the local
//! event loop uses, and the app ends where the same keys pressed locally leave it. No server:
//! the bytes are what an xterm-compatible client writes to the channel.

mod ui_common;

use kubestory::ui::app::Mode;
use kubestory::ui::remote_input::RemoteInput;
use kubestory::ui::terminal::to_action;
use kubestory::ui::{App, update};
use ratatui_textarea::Key;
use ui_common::*;

/// Feeds the bytes as the server would: in chunks of `chunk` bytes, every event through
/// `to_action`, and a lone ESC resolved as after the server's wait.
fn remote(app: &mut App, d: &mut RemoteInput, bytes: &[u8], chunk: usize) {
    for part in bytes.chunks(chunk.max(1)) {
        for ev in d.feed(part) {
            if let Some(a) = to_action(app, ev) {
                update(app, a);
            }
        }
    }
    for ev in d.flush_pending() {
        if let Some(a) = to_action(app, ev) {
            update(app, a);
        }
    }
}

/// `:get pods` Enter, `:` then Escape (the line abandoned), `?`: the help opens, exactly as
/// after the same local keys; whatever the chunking.
#[test]
fn a_short_remote_session_does_what_local_keys_do() {
    let mut local = app("local");
    command(&mut local, "get pods");
    press(&mut local, key(':'));
    press(&mut local, special(Key::Esc));
    press(&mut local, key('?'));
    assert!(local.help, "the help is open locally");
    assert_eq!(local.mode, Mode::Normal);
    let want = screen(&mut local, 100, 30);

    for chunk in [1, 2, 3, 64] {
        let mut a = app("remote");
        let mut d = RemoteInput::new();
        remote(&mut a, &mut d, b":get pods\r\n", chunk);
        assert_eq!(a.mode, Mode::Normal, "Enter ran the line (chunk {chunk})");
        remote(&mut a, &mut d, b":", chunk);
        assert_eq!(a.mode, Mode::Command);
        // Escape alone: resolved by the wait, not glued to the `?` after it.
        remote(&mut a, &mut d, b"\x1b", chunk);
        assert_eq!(a.mode, Mode::Normal, "Escape left the line (chunk {chunk})");
        remote(&mut a, &mut d, b"?", chunk);
        assert!(a.help, "the help is open (chunk {chunk})");
        assert_eq!(screen(&mut a, 100, 30), want, "chunk {chunk}");
    }
}

/// Readline keys as terminals send them: Ctrl-Left (`CSI 1;5D`), Alt-B (`ESC b`), Ctrl-A,
/// Alt-Backspace (`ESC DEL`), and a bracketed paste into the line.
#[test]
fn remote_readline_keys_and_paste_edit_the_command_line() {
    let mut a = app("remote");
    let mut d = RemoteInput::new();
    let shown = |a: &App| {
        let (before, after) = a.line.text().split_at(a.line.cursor());
        format!("{before}|{after}")
    };
    remote(&mut a, &mut d, b":get pods -o wide", 5);
    remote(&mut a, &mut d, b"\x1b[1;5D", 1);
    assert_eq!(shown(&a), "get pods -o |wide");
    remote(&mut a, &mut d, b"\x1bb", 1);
    assert_eq!(shown(&a), "get pods -|o wide");
    remote(&mut a, &mut d, b"\x01k", 1);
    assert_eq!(shown(&a), "k|get pods -o wide");
    remote(&mut a, &mut d, b"\x1b[F\x1b\x7f", 1);
    assert_eq!(shown(&a), "kget pods -o |");
    remote(&mut a, &mut d, b"\x1b[200~yaml\x1b[201~", 4);
    assert_eq!(shown(&a), "kget pods -o yaml|");
}
