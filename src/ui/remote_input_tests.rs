//! Tests of the remote terminal decoder: the sequences xterm-compatible clients send, every
//! split point, the bounds, and arbitrary bytes.

use super::*;
use proptest::prelude::*;

const NONE: KeyModifiers = KeyModifiers::NONE;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
const ALT: KeyModifiers = KeyModifiers::ALT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

fn k(code: KeyCode, m: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, m))
}

fn c(ch: char) -> Event {
    char_key(ch, NONE)
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: NONE,
    })
}

/// Everything the bytes give, a lone ESC at the end resolved as after the wait.
fn decode(bytes: &[u8]) -> Vec<Event> {
    let mut d = RemoteInput::new();
    let mut out = d.feed(bytes);
    out.extend(d.flush_pending());
    out
}

/// The sequences, one event each. Sources: xterm's ctlseqs ("PC-Style Function Keys",
/// "Bracketed Paste Mode", "Mouse Tracking" / "SGR (1006)", "FocusIn/FocusOut"), and what
/// crossterm's unix parser (`event/sys/unix/parse.rs`) gives for the same bytes.
#[test]
fn table_of_sequences() {
    use KeyCode::*;
    let table: Vec<(&str, &[u8], Vec<Event>)> = vec![
        ("printable", b"a", vec![c('a')]),
        ("uppercase has Shift", b"A", vec![k(Char('A'), SHIFT)]),
        ("two-byte UTF-8", "é".as_bytes(), vec![c('é')]),
        ("three-byte UTF-8", "€".as_bytes(), vec![c('€')]),
        ("four-byte UTF-8", "🦀".as_bytes(), vec![c('🦀')]),
        ("Enter (CR)", b"\r", vec![k(Enter, NONE)]),
        ("Enter (CR LF) is one", b"\r\n", vec![k(Enter, NONE)]),
        ("Enter (LF)", b"\n", vec![k(Enter, NONE)]),
        (
            "two Enters (CR CR)",
            b"\r\r",
            vec![k(Enter, NONE), k(Enter, NONE)],
        ),
        ("Tab", b"\t", vec![k(Tab, NONE)]),
        ("Shift-Tab", b"\x1b[Z", vec![k(BackTab, SHIFT)]),
        ("Backspace (DEL)", b"\x7f", vec![k(Backspace, NONE)]),
        ("Backspace (BS)", b"\x08", vec![k(Backspace, NONE)]),
        ("Ctrl-A", b"\x01", vec![k(Char('a'), CTRL)]),
        ("Ctrl-C", b"\x03", vec![k(Char('c'), CTRL)]),
        ("Ctrl-R", b"\x12", vec![k(Char('r'), CTRL)]),
        ("Ctrl-Z", b"\x1a", vec![k(Char('z'), CTRL)]),
        ("Ctrl-Space (NUL)", b"\x00", vec![k(Char(' '), CTRL)]),
        ("Ctrl-\\", b"\x1c", vec![k(Char('4'), CTRL)]),
        ("Escape (after the wait)", b"\x1b", vec![k(Esc, NONE)]),
        (
            "Escape twice",
            b"\x1b\x1b",
            vec![k(Esc, NONE), k(Esc, NONE)],
        ),
        ("Alt-b", b"\x1bb", vec![k(Char('b'), ALT)]),
        ("Alt-B", b"\x1bB", vec![k(Char('B'), ALT | SHIFT)]),
        ("Alt-é", "\x1bé".as_bytes(), vec![k(Char('é'), ALT)]),
        ("Alt-Backspace", b"\x1b\x7f", vec![k(Backspace, ALT)]),
        ("Alt-[ (after the wait)", b"\x1b[", vec![k(Char('['), ALT)]),
        ("Up (CSI)", b"\x1b[A", vec![k(Up, NONE)]),
        ("Down (CSI)", b"\x1b[B", vec![k(Down, NONE)]),
        ("Right (CSI)", b"\x1b[C", vec![k(Right, NONE)]),
        ("Left (CSI)", b"\x1b[D", vec![k(Left, NONE)]),
        ("Home (CSI H)", b"\x1b[H", vec![k(Home, NONE)]),
        ("End (CSI F)", b"\x1b[F", vec![k(End, NONE)]),
        ("Up (SS3)", b"\x1bOA", vec![k(Up, NONE)]),
        ("Left (SS3)", b"\x1bOD", vec![k(Left, NONE)]),
        ("Home (SS3)", b"\x1bOH", vec![k(Home, NONE)]),
        ("End (SS3)", b"\x1bOF", vec![k(End, NONE)]),
        ("Shift-Up", b"\x1b[1;2A", vec![k(Up, SHIFT)]),
        ("Alt-Left", b"\x1b[1;3D", vec![k(Left, ALT)]),
        ("Ctrl-Right", b"\x1b[1;5C", vec![k(Right, CTRL)]),
        ("Ctrl-Shift-Left", b"\x1b[1;6D", vec![k(Left, CTRL | SHIFT)]),
        ("Ctrl-Alt-Home", b"\x1b[1;7H", vec![k(Home, CTRL | ALT)]),
        ("Home (1~)", b"\x1b[1~", vec![k(Home, NONE)]),
        ("Home (7~, rxvt)", b"\x1b[7~", vec![k(Home, NONE)]),
        ("End (4~)", b"\x1b[4~", vec![k(End, NONE)]),
        ("End (8~, rxvt)", b"\x1b[8~", vec![k(End, NONE)]),
        ("Insert", b"\x1b[2~", vec![k(Insert, NONE)]),
        ("Delete", b"\x1b[3~", vec![k(Delete, NONE)]),
        ("Ctrl-Delete", b"\x1b[3;5~", vec![k(Delete, CTRL)]),
        ("PageUp", b"\x1b[5~", vec![k(PageUp, NONE)]),
        ("PageDown", b"\x1b[6~", vec![k(PageDown, NONE)]),
        ("Shift-PageDown", b"\x1b[6;2~", vec![k(PageDown, SHIFT)]),
        ("F1 (SS3)", b"\x1bOP", vec![k(F(1), NONE)]),
        ("F4 (SS3)", b"\x1bOS", vec![k(F(4), NONE)]),
        ("Shift-F1 (CSI 1;2P)", b"\x1b[1;2P", vec![k(F(1), SHIFT)]),
        ("Ctrl-F3 (CSI 1;5R)", b"\x1b[1;5R", vec![k(F(3), CTRL)]),
        ("F1 (Linux console)", b"\x1b[[A", vec![k(F(1), NONE)]),
        ("F5 (Linux console)", b"\x1b[[E", vec![k(F(5), NONE)]),
        ("keypad Enter (SS3 M)", b"\x1bOM", vec![k(Enter, NONE)]),
        ("F1 (11~, rxvt)", b"\x1b[11~", vec![k(F(1), NONE)]),
        ("F5", b"\x1b[15~", vec![k(F(5), NONE)]),
        ("F6", b"\x1b[17~", vec![k(F(6), NONE)]),
        ("F10", b"\x1b[21~", vec![k(F(10), NONE)]),
        ("F11", b"\x1b[23~", vec![k(F(11), NONE)]),
        ("F12", b"\x1b[24~", vec![k(F(12), NONE)]),
        ("Ctrl-F12", b"\x1b[24;5~", vec![k(F(12), CTRL)]),
        (
            "bracketed paste",
            b"\x1b[200~kubectl get pods\r\x1b[A\x1b[201~",
            vec![Event::Paste("kubectl get pods\r\x1b[A".into())],
        ),
        (
            "empty paste",
            b"\x1b[200~\x1b[201~",
            vec![Event::Paste(String::new())],
        ),
        (
            "paste holding an ESC [ 2 that is not its end",
            b"\x1b[200~a\x1b[20b\x1b[201~",
            vec![Event::Paste("a\x1b[20b".into())],
        ),
        (
            "SGR mouse: left press",
            b"\x1b[<0;10;5M",
            vec![mouse(MouseEventKind::Down(MouseButton::Left), 9, 4)],
        ),
        ("SGR mouse: left release ignored", b"\x1b[<0;10;5m", vec![]),
        ("SGR mouse: right press ignored", b"\x1b[<2;10;5M", vec![]),
        ("SGR mouse: drag ignored", b"\x1b[<32;11;5M", vec![]),
        (
            "SGR mouse: wheel up",
            b"\x1b[<64;1;1M",
            vec![mouse(MouseEventKind::ScrollUp, 0, 0)],
        ),
        (
            "SGR mouse: wheel down",
            b"\x1b[<65;200;60M",
            vec![mouse(MouseEventKind::ScrollDown, 199, 59)],
        ),
        ("X10 mouse ignored whole", b"\x1b[M !!", vec![]),
        ("focus in ignored", b"\x1b[I", vec![]),
        ("focus out ignored", b"\x1b[O", vec![]),
        ("stray paste end ignored", b"\x1b[201~", vec![]),
        ("cursor report ignored", b"\x1b[12;40R", vec![]),
        ("unknown CSI dropped", b"\x1b[?1;2c", vec![]),
        ("unknown ~ number dropped", b"\x1b[99~", vec![]),
        ("unknown SS3 dropped", b"\x1bOz", vec![]),
        ("invalid UTF-8 dropped", b"\xff\xc3", vec![]),
        (
            "CSI cut by a control byte: the byte is still a key",
            b"\x1b[1;\r",
            vec![k(Enter, NONE)],
        ),
        (
            "lead byte without continuation: the next byte is still a key",
            b"\xc3a",
            vec![c('a')],
        ),
        (
            "a key after an unknown sequence",
            b"\x1b[?25hq",
            vec![c('q')],
        ),
    ];
    for (name, bytes, want) in table {
        assert_eq!(decode(bytes), want, "{name}: {bytes:?}");
    }
}

/// Sequences that must come out the same wherever a chunk boundary falls.
const SESSIONS: &[&[u8]] = &[
    "é€🦀".as_bytes(),
    b"\x1b[1;5C\x1b[3~\x1bOA\x1b[<0;10;5M\x1b[Z",
    b"\x1bb\x1b\x7fx\r\ny",
    b"\x1b[200~two\r\nlines\x1b[201~q",
    b"\x1b[200~\x1b[201\x1b[201~",
    b"\x1b[24;5~\x1b[M !!z",
    b"\x1b[[B\x1bOMx",
];

#[test]
fn every_split_point_gives_the_same_events() {
    for &bytes in SESSIONS {
        let whole = decode(bytes);
        for cut in 0..=bytes.len() {
            let mut d = RemoteInput::new();
            let mut got = d.feed(&bytes[..cut]);
            got.extend(d.feed(&bytes[cut..]));
            got.extend(d.flush_pending());
            assert_eq!(got, whole, "{bytes:?} cut at {cut}");
        }
        let mut d = RemoteInput::new();
        let mut one_by_one: Vec<Event> = bytes.iter().flat_map(|b| d.feed(&[*b])).collect();
        one_by_one.extend(d.flush_pending());
        assert_eq!(one_by_one, whole, "{bytes:?} byte by byte");
    }
}

#[test]
fn a_lone_esc_waits_for_the_next_byte() {
    let mut d = RemoteInput::new();
    assert_eq!(d.feed(b"\x1b"), vec![]);
    assert_eq!(d.feed(b"[A"), vec![k(KeyCode::Up, NONE)]);
    assert_eq!(d.feed(b"\x1b"), vec![]);
    assert_eq!(d.flush_pending(), vec![k(KeyCode::Esc, NONE)]);
    assert_eq!(d.feed(b"?"), vec![c('?')]);
}

#[test]
fn a_paste_over_the_limit_is_cut_and_the_keys_after_it_come_through() {
    let mut d = RemoteInput::new();
    assert!(d.feed(b"\x1b[200~").is_empty());
    let chunk = vec![b'x'; 64 * 1024];
    for _ in 0..(MAX_PASTE_BYTES / chunk.len() + 4) {
        assert!(d.feed(&chunk).is_empty());
        assert!(d.buffered_len() <= MAX_BUFFERED_BYTES);
    }
    let out = d.feed(b"\x1b[201~q");
    let [Event::Paste(text), q] = out.as_slice() else {
        panic!("{} events", out.len());
    };
    assert_eq!(text.len(), MAX_PASTE_BYTES);
    assert_eq!(q, &c('q'));
    assert_eq!(d.buffered_len(), 0);
}

#[test]
fn a_cut_paste_never_splits_a_character() {
    let mut d = RemoteInput::new();
    d.feed(b"\x1b[200~x");
    d.feed(&"é".repeat(MAX_PASTE_BYTES).into_bytes()[..MAX_PASTE_BYTES + 8]);
    let out = d.feed(b"\x1b[201~");
    let [Event::Paste(text)] = out.as_slice() else {
        panic!("{} events", out.len());
    };
    assert_eq!(text.len(), MAX_PASTE_BYTES - 1);
    assert!(!text.contains('\u{fffd}'));
}

#[test]
fn an_endless_csi_is_bounded_and_the_next_key_comes_through() {
    let mut d = RemoteInput::new();
    d.feed(b"\x1b[");
    for _ in 0..10_000 {
        assert!(d.feed(b"1;2;3;4;").is_empty());
        assert!(d.buffered_len() <= MAX_SEQUENCE_BYTES);
    }
    // The final byte ends the skipped sequence; the keys after it are read.
    assert_eq!(d.feed(b"~q\x1b[A"), vec![c('q'), k(KeyCode::Up, NONE)]);
}

/// Valid keys: (bytes, the event).
fn keys() -> Vec<(&'static [u8], Event)> {
    vec![
        (b"q", c('q')),
        (b"\r", k(KeyCode::Enter, NONE)),
        (b"\x03", k(KeyCode::Char('c'), CTRL)),
        (b"\x1b[A", k(KeyCode::Up, NONE)),
        (b"\x1bOB", k(KeyCode::Down, NONE)),
        (b"\x1b[1;5C", k(KeyCode::Right, CTRL)),
        (b"\x1b[3~", k(KeyCode::Delete, NONE)),
        (b"\x1bb", k(KeyCode::Char('b'), ALT)),
        ("é".as_bytes(), c('é')),
        (
            b"\x1b[<0;3;4M",
            mouse(MouseEventKind::Down(MouseButton::Left), 2, 3),
        ),
    ]
}

/// Feeds `bytes` cut at the given points.
fn feed_in_chunks(d: &mut RemoteInput, bytes: &[u8], cuts: &[usize]) -> Vec<Event> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut cuts: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    cuts.sort_unstable();
    for c in cuts {
        out.extend(d.feed(&bytes[start..c.max(start)]));
        start = c.max(start);
    }
    out.extend(d.feed(&bytes[start..]));
    out
}

proptest! {
    #[test]
    fn arbitrary_bytes_in_arbitrary_chunks_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
        cuts in proptest::collection::vec(any::<usize>(), 0..8),
    ) {
        let mut d = RemoteInput::new();
        let _ = feed_in_chunks(&mut d, &bytes, &cuts);
        prop_assert!(d.buffered_len() <= MAX_BUFFERED_BYTES);
        let _ = d.flush_pending();
    }

    /// Garbage, then the pause the server resolves with `flush_pending`, then a key: the key
    /// comes through (unless the garbage opened a bracketed paste, which by design holds
    /// everything to its end marker).
    #[test]
    fn a_key_after_garbage_still_arrives(
        garbage in proptest::collection::vec(
            prop_oneof![any::<u8>(), Just(0x1bu8), Just(b'['), Just(b';'), Just(b'1')], 0..200),
        cuts in proptest::collection::vec(any::<usize>(), 0..6),
        which in 0usize..10,
        key_cut in any::<usize>(),
    ) {
        let mut d = RemoteInput::new();
        let _ = feed_in_chunks(&mut d, &garbage, &cuts);
        let _ = d.flush_pending();
        prop_assume!(d.paste.is_none());
        let (bytes, want) = keys().swap_remove(which);
        let got = feed_in_chunks(&mut d, bytes, &[key_cut]);
        prop_assert_eq!(got, vec![want]);
    }
}
