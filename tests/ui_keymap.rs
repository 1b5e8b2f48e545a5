//! The keymap, the status line and the help overlay agree; the input edge turns crossterm
//! events into actions.

mod ui_common;

use kubestory::ui::{Action, App, keymap, panes, update};
use ui_common::*;

fn states() -> Vec<(&'static str, App)> {
    let normal = app("s-normal");
    let lesson = lesson_app("s-lesson", "container-filesystem");
    let mut cmd = app("s-cmd");
    press(&mut cmd, key(':'));
    let mut prompt = app("s-prompt");
    command(&mut prompt, EMPTYDIR);
    select_first_pod(&mut prompt);
    press(&mut prompt, key('w'));
    let mut editor = app("s-editor");
    press(&mut editor, key('n'));
    let mut help = app("s-help");
    press(&mut help, key('?'));
    let mut picker = app("s-picker");
    update(&mut picker, Action::OpenPicker);
    vec![
        ("normal", normal),
        ("lesson", lesson),
        ("command", cmd),
        ("prompt", prompt),
        ("editor", editor),
        ("help", help),
        ("picker", picker),
    ]
}

#[test]
fn keymap_status_line_and_help_agree() {
    for (name, a) in states() {
        let status = keymap::status_line(&a);
        for b in keymap::active(&a) {
            for (i, k) in b.keys.iter().enumerate() {
                // The answer binding picks the option from the key pressed.
                let expected = match b.action {
                    Action::Answer(_) => Action::Answer(i),
                    ref other => other.clone(),
                };
                assert_eq!(
                    keymap::action_for(&a, k.clone()),
                    Some(expected),
                    "{name}: {} should do {:?}",
                    keymap::key_label(k),
                    b.label
                );
            }
            if b.in_status {
                assert!(
                    status.contains(b.label),
                    "{name}: status line lacks {:?}: {status}",
                    b.label
                );
            }
        }
        let active = keymap::active(&a);
        for b in keymap::bindings().iter().filter(|b| !b.when.holds(&a)) {
            // The picker and the cluster both bind `q quit`: the active one may be shown.
            let twin = active
                .iter()
                .any(|x| x.label == b.label && x.keys.first() == b.keys.first());
            if b.in_status && !twin {
                let first = b.keys.first().map(keymap::key_label).unwrap_or_default();
                let shown = format!("{first} {}", b.label);
                assert!(
                    !status.split("  ").any(|p| p == shown),
                    "{name}: status shows inactive {shown}"
                );
            }
        }
        // A tall terminal: every key is listed (a small one folds readline's editing keys
        // into the input line's title; the snapshots show that).
        let mut a = a;
        a.size = (200, 80);
        let help = panes::help::lines(&a).join("\n");
        for b in keymap::bindings()
            .iter()
            .filter(|b| b.when != keymap::When::Help)
            .filter(|b| panes::help::shown_in_help(b.when, &a))
        {
            assert!(help.contains(b.label), "{name}: help lacks {}", b.label);
        }
    }
}

#[test]
fn the_edge_turns_crossterm_events_into_actions() {
    use crossterm::event::{
        Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton,
        MouseEvent, MouseEventKind,
    };
    use kubestory::ui::action::Move;
    use kubestory::ui::terminal::to_action;
    let a = app("edge");
    let k = |code, modifiers, kind| {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind,
            state: KeyEventState::NONE,
        })
    };
    let press_ev = |code| k(code, KeyModifiers::NONE, KeyEventKind::Press);
    assert_eq!(
        to_action(&a, press_ev(KeyCode::BackTab)),
        Some(Action::Select(Move::Up))
    );
    assert_eq!(
        to_action(&a, press_ev(KeyCode::Char('q'))),
        Some(Action::Quit)
    );
    assert_eq!(
        to_action(
            &a,
            k(KeyCode::Char('F'), KeyModifiers::SHIFT, KeyEventKind::Press)
        ),
        Some(Action::ToggleNode)
    );
    assert_eq!(
        to_action(
            &a,
            k(
                KeyCode::Char('q'),
                KeyModifiers::NONE,
                KeyEventKind::Release
            )
        ),
        None
    );
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 3,
        row: 4,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(to_action(&a, click), Some(Action::Click(3, 4)));
    assert_eq!(
        to_action(&a, Event::Resize(60, 16)),
        Some(Action::Resize(60, 16))
    );
}
