//! The `:` command line through the real keymap: readline's editing keys, Ctrl-R, Up/Down
//! keeping the typed line, Tab at the cursor, pasted text, and the history kept on disk.

mod ui_common;

use kubestory::ui::app::Mode;
use kubestory::ui::{Action, update};
use ratatui_textarea::{Input, Key};
use ui_common::*;

fn alt_key(k: Key) -> Input {
    Input {
        key: k,
        alt: true,
        ..Input::default()
    }
}

fn ctrl_key(k: Key) -> Input {
    Input {
        key: k,
        ctrl: true,
        ..Input::default()
    }
}

/// The line with `|` at the cursor.
fn shown(a: &kubestory::ui::App) -> String {
    let (before, after) = a.line.text().split_at(a.line.cursor());
    format!("{before}|{after}")
}

#[test]
fn readline_keys_edit_the_command_line() {
    type K = fn() -> Input;
    let table: &[(&str, &[K], &str)] = &[
        (
            "Ctrl-A, type",
            &[|| ctrl('a'), || key('k')],
            "k|get pods -o wide",
        ),
        ("Home", &[|| special(Key::Home)], "|get pods -o wide"),
        (
            "Ctrl-E after Home",
            &[|| ctrl('a'), || ctrl('e')],
            "get pods -o wide|",
        ),
        (
            "End after ←",
            &[|| special(Key::Left), || special(Key::End)],
            "get pods -o wide|",
        ),
        (
            "← ←",
            &[|| special(Key::Left), || special(Key::Left)],
            "get pods -o wi|de",
        ),
        (
            "Ctrl-B Ctrl-F",
            &[|| ctrl('b'), || ctrl('b'), || ctrl('f')],
            "get pods -o wid|e",
        ),
        (
            "→ at the end",
            &[|| special(Key::Right)],
            "get pods -o wide|",
        ),
        ("Alt-B", &[|| alt('b')], "get pods -o |wide"),
        (
            "Alt-B Alt-B",
            &[|| alt('b'), || alt('b')],
            "get pods -|o wide",
        ),
        (
            "Ctrl-← Ctrl-→",
            &[
                || ctrl_key(Key::Left),
                || ctrl_key(Key::Left),
                || ctrl_key(Key::Right),
            ],
            "get pods -o| wide",
        ),
        (
            "Alt-F from Home",
            &[|| ctrl('a'), || alt('f')],
            "get| pods -o wide",
        ),
        ("Ctrl-W", &[|| ctrl('w')], "get pods -o |"),
        ("Ctrl-W twice", &[|| ctrl('w'), || ctrl('w')], "get pods |"),
        (
            "Alt-Backspace",
            &[|| alt_key(Key::Backspace)],
            "get pods -o |",
        ),
        (
            "Ctrl-K mid-line",
            &[|| alt('b'), || ctrl('k')],
            "get pods -o |",
        ),
        ("Ctrl-U mid-line", &[|| alt('b'), || ctrl('u')], "|wide"),
        (
            "Ctrl-U then Ctrl-Y",
            &[|| alt('b'), || ctrl('u'), || ctrl('y')],
            "get pods -o |wide",
        ),
        ("Alt-D", &[|| ctrl('a'), || alt('d')], "| pods -o wide"),
        (
            "Backspace mid-line",
            &[|| alt('b'), || special(Key::Backspace)],
            "get pods -o|wide",
        ),
        (
            "Delete mid-line",
            &[|| alt('b'), || special(Key::Delete)],
            "get pods -o |ide",
        ),
        (
            "Ctrl-D mid-line",
            &[|| alt('b'), || ctrl('d')],
            "get pods -o |ide",
        ),
        (
            "typing mid-line",
            &[|| alt('b'), || key('x')],
            "get pods -o x|wide",
        ),
    ];
    for (what, keys, want) in table {
        let mut a = app("keys");
        press(&mut a, key(':'));
        type_text(&mut a, "get pods -o wide");
        for k in *keys {
            press(&mut a, k());
        }
        assert_eq!(shown(&a), *want, "{what}");
        assert_eq!(a.mode, Mode::Command, "{what}: still typing");
    }
}

#[test]
fn editing_keys_in_the_editor_and_the_cluster_keep_their_own_meaning() {
    // Ctrl-D outside the command line deletes the selected pod, as k9s does: after a question
    // that n (or Esc) answers by keeping it and y by deleting it.
    let mut a = app("ctrl-d");
    command(&mut a, EMPTYDIR);
    select_first_pod(&mut a);
    press(&mut a, ctrl('d'));
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.starts_with("delete pod/"))
    );
    press(&mut a, key('j'));
    assert!(a.confirm.is_some(), "only y, n and Esc answer the question");
    press(&mut a, key('n'));
    assert!(!a.log.iter().any(|l| l.text.contains("deleted")));
    press(&mut a, ctrl('d'));
    press(&mut a, key('y'));
    assert!(
        a.log
            .iter()
            .any(|l| l.text.contains("$ kubectl delete pod "))
    );
    assert!(a.log.iter().any(|l| l.text.contains("deleted")));
    // Ctrl-U in the editor is its undo, not a kill of the line.
    let mut a = app("ctrl-u");
    press(&mut a, key('n'));
    type_text(&mut a, "kind: Pod");
    press(&mut a, ctrl('u'));
    assert_eq!(a.editor.text().trim(), "kind: Po");
}

#[test]
fn up_and_down_give_back_the_line_being_typed() {
    let mut a = app("updown");
    command(&mut a, "get pods");
    press(&mut a, key(':'));
    type_text(&mut a, "get pv");
    press(&mut a, special(Key::Up));
    assert_eq!(a.line.text(), "get pods");
    press(&mut a, special(Key::Down));
    assert_eq!(a.line.text(), "get pv", "typed text is never lost");
}

#[test]
fn ctrl_r_finds_older_commands_and_esc_gives_the_line_back() {
    let mut a = app("search");
    for c in ["get pvc", "story read deploy/story", "get pods", "wait 1m"] {
        command(&mut a, c);
    }
    press(&mut a, key(':'));
    type_text(&mut a, "half typed");
    press(&mut a, ctrl('r'));
    type_text(&mut a, "get");
    let s = a.search.as_ref().expect("searching");
    assert_eq!(s.prompt(), "(reverse-i-search)'get': ");
    assert_eq!(s.result(a.history.entries()).text(), "get pods");
    press(&mut a, ctrl('r'));
    assert_eq!(
        a.search
            .as_ref()
            .map(|s| s.result(a.history.entries()).text().to_string()),
        Some("get pvc".into()),
        "Ctrl-R again: the next older match"
    );
    // Esc cancels: the line as it was, still open.
    press(&mut a, special(Key::Esc));
    assert!(a.search.is_none());
    assert_eq!((a.mode, shown(&a).as_str()), (Mode::Command, "half typed|"));
    // Ctrl-G cancels too.
    press(&mut a, ctrl('r'));
    type_text(&mut a, "story");
    press(&mut a, ctrl('g'));
    assert_eq!(a.line.text(), "half typed");
    // → takes the match into the line, the cursor moved from where the match is.
    press(&mut a, ctrl('r'));
    type_text(&mut a, "read");
    press(&mut a, special(Key::Right));
    assert!(a.search.is_none());
    assert_eq!(shown(&a), "story r|ead deploy/story");
    // Backspace edits the query, not the line.
    press(&mut a, ctrl('u'));
    press(&mut a, ctrl('r'));
    type_text(&mut a, "wx");
    assert!(a.search.as_ref().is_some_and(|s| s.failed));
    press(&mut a, special(Key::Backspace));
    assert!(
        a.search
            .as_ref()
            .is_some_and(|s| !s.failed && s.query == "w")
    );
    // Enter runs the match.
    let before = a.log.len();
    press(&mut a, special(Key::Enter));
    assert_eq!(a.mode, Mode::Normal);
    assert!(
        a.log[before..].iter().any(|l| l.text.contains("wait 1m")),
        "ran the match"
    );
}

#[test]
fn esc_keeps_an_abandoned_line_one_up_away() {
    let mut a = app("esc");
    press(&mut a, key(':'));
    type_text(&mut a, "get persistentvolumeclaims -o wide");
    press(&mut a, special(Key::Esc));
    assert_eq!(a.mode, Mode::Normal);
    press(&mut a, key(':'));
    press(&mut a, special(Key::Up));
    assert_eq!(a.line.text(), "get persistentvolumeclaims -o wide");
}

#[test]
fn tab_completes_at_the_cursor_and_keeps_what_follows() {
    let mut a = app("tab-mid");
    press(&mut a, key(':'));
    type_text(&mut a, "get no -o wide");
    for _ in 0..2 {
        press(&mut a, alt('b'));
    }
    press(&mut a, special(Key::Left));
    press(&mut a, special(Key::Left));
    assert_eq!(shown(&a), "get no| -o wide");
    press(&mut a, special(Key::Tab));
    assert_eq!(shown(&a), "get nodes |-o wide");
    // Ambiguous: the candidates are listed where the learner looks.
    press(&mut a, ctrl('u'));
    press(&mut a, ctrl('k'));
    type_text(&mut a, "get pods -o ");
    press(&mut a, special(Key::Tab));
    let msg = a.message.clone().unwrap_or_default();
    assert!(
        msg.contains("json") && msg.contains("wide") && msg.contains("yaml"),
        "{msg}"
    );
}

#[test]
fn a_pasted_line_is_inserted_and_several_come_up_one_by_one() {
    let mut a = app("paste");
    press(&mut a, key(':'));
    type_text(&mut a, "get  -o wide");
    for _ in 0..3 {
        press(&mut a, special(Key::Left));
    }
    for _ in 0..5 {
        press(&mut a, special(Key::Left));
    }
    update(&mut a, Action::LinePaste("pods\n".into()));
    assert_eq!(shown(&a), "get pods| -o wide");
    press(&mut a, special(Key::Esc));
    // Lines copied from a tutorial, prompts and all: each comes up before it runs.
    press(&mut a, key(':'));
    update(
        &mut a,
        Action::LinePaste(format!("$ kubectl {EMPTYDIR}\n$ kubectl get pods\r\n")),
    );
    assert_eq!(a.line.text(), format!("kubectl {EMPTYDIR}"));
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.contains("pasted 2 lines"))
    );
    press(&mut a, special(Key::Enter));
    assert_eq!(a.cluster().pods().count(), 1, "the first line ran");
    assert_eq!(a.mode, Mode::Command);
    assert_eq!(
        a.line.text(),
        "kubectl get pods",
        "the next one waits on the line"
    );
    press(&mut a, special(Key::Enter));
    assert_eq!(a.mode, Mode::Normal);
    // A manifest is not a command: the line is left alone, the editor is named.
    press(&mut a, key(':'));
    type_text(&mut a, "get");
    update(
        &mut a,
        Action::LinePaste(
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: x\n".into(),
        ),
    );
    assert_eq!(a.line.text(), "get");
    assert!(
        a.message.as_deref().is_some_and(|m| m.contains("editor")),
        "{:?}",
        a.message
    );
}

#[test]
fn the_history_is_kept_per_lesson_and_for_the_sandbox() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app("persist");
    a.state_dir = Some(dir.path().to_path_buf());
    kubestory::ui::command_line::switch_history(&mut a, kubestory::ui::history::SANDBOX);
    command(&mut a, "get pods");
    command(&mut a, "get pvc");
    // Another run of kubestory on the same state folder.
    let mut b = app("persist-2");
    b.state_dir = Some(dir.path().to_path_buf());
    kubestory::ui::command_line::switch_history(&mut b, kubestory::ui::history::SANDBOX);
    assert_eq!(b.history.entries(), ["get pods", "get pvc"]);
    kubestory::ui::command_line::switch_history(&mut b, "container-filesystem");
    assert!(b.history.entries().is_empty(), "a lesson has its own");
    // A damaged file: set aside, and the learner is told where it went.
    let file = kubestory::ui::history::path(dir.path(), kubestory::ui::history::SANDBOX);
    std::fs::write(&file, b"get pods\n\xff\n").expect("write");
    kubestory::ui::command_line::switch_history(&mut b, kubestory::ui::history::SANDBOX);
    assert!(b.history.entries().is_empty());
    let msg = b.message.clone().unwrap_or_default();
    assert!(msg.contains("sandbox.txt.corrupt"), "{msg}");
    assert!(b.log.iter().any(|l| l.text == msg));
}
