//! update(): keys → actions → state, without a terminal.

mod ui_common;

use kubestory::ui::app::{LogKind, Mode, Tab};
use kubestory::ui::selection::Item;
use kubestory::ui::{Action, keymap, strings, update};
use ratatui_textarea::Key;
use ui_common::*;

#[test]
fn q_and_ctrl_c_quit_even_from_the_command_line() {
    let mut a = app("quit");
    press(&mut a, key('q'));
    assert!(a.quit);
    let mut a = app("quit2");
    press(&mut a, key(':'));
    press(&mut a, key('q'));
    assert!(!a.quit, "q is text on the command line");
    press(&mut a, ctrl('c'));
    assert!(a.quit);
    // What was typed is kept in the history, as Esc keeps it.
    let mut a = app("quit3");
    press(&mut a, key(':'));
    for c in "get pv".chars() {
        press(&mut a, key(c));
    }
    press(&mut a, ctrl('c'));
    assert!(a.quit);
    assert!(
        a.history.entries().iter().any(|l| l == "get pv"),
        "{:?}",
        a.history.entries()
    );
}

#[test]
fn the_command_line_runs_kubectl_and_keeps_a_history() {
    let mut a = app("cmd");
    command(&mut a, EMPTYDIR);
    assert!(
        a.log
            .iter()
            .any(|l| l.text == "deployment.apps/story created")
    );
    assert_eq!(a.cluster().pods().count(), 1);
    command(&mut a, "get pods");
    press(&mut a, key(':'));
    press(&mut a, special(Key::Up));
    assert_eq!(a.line.text(), "get pods");
    press(&mut a, special(Key::Up));
    assert_eq!(a.line.text(), EMPTYDIR);
    press(&mut a, special(Key::Down));
    assert_eq!(a.line.text(), "get pods");
    press(&mut a, special(Key::Esc));
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn tab_completes_object_names_from_the_cluster() {
    let mut a = app("complete");
    press(&mut a, key(':'));
    type_text(&mut a, "get no");
    press(&mut a, special(Key::Tab));
    press(&mut a, key('m'));
    press(&mut a, special(Key::Tab));
    assert_eq!(a.line.text(), "get nodes minikube ");
}

#[test]
fn w_writes_through_the_selected_pod_and_x_loses_the_emptydir() {
    let mut a = app("story");
    press(&mut a, key('w'));
    assert_eq!(a.message.as_deref(), Some(strings::NEED_POD));
    command(&mut a, EMPTYDIR);
    select_first_pod(&mut a);
    press(&mut a, key('w'));
    assert_eq!(a.mode, Mode::StoryPrompt);
    type_text(&mut a, "first story");
    press(&mut a, special(Key::Enter));
    assert!(
        a.log
            .iter()
            .any(|l| l.text.starts_with("stored \"first story\""))
    );
    press(&mut a, key('x'));
    let loss = a
        .log
        .iter()
        .find(|l| l.kind == LogKind::Loss)
        .expect("a loss");
    assert!(loss.text.contains("first story"), "{}", loss.text);
    assert!(a.selected.is_some(), "the selection moves to a neighbour");
}

#[test]
fn r_crashes_and_u_undoes_with_a_log_line() {
    let mut a = app("undo");
    command(&mut a, EMPTYDIR);
    select_first_pod(&mut a);
    press(&mut a, key('r'));
    assert!(a.log.iter().any(|l| l.text.contains("exited with code 1")));
    press(&mut a, key('u'));
    assert_eq!(a.log.last().map(|l| l.text.as_str()), Some("undone: crash"));
    press(&mut a, key('u'));
    press(&mut a, key('u'));
    assert_eq!(a.message.as_deref(), Some(strings::NOTHING_TO_UNDO));
    assert_eq!(a.cluster().pods().count(), 0);
}

#[test]
fn f_fails_and_recovers_the_selected_node() {
    let mut a = app("node");
    assert_eq!(a.selected, Some(Item::Node("minikube".into())));
    press(&mut a, key('F'));
    assert!(!a.cluster().node("minikube").expect("node").is_up());
    press(&mut a, key('F'));
    assert!(a.cluster().node("minikube").expect("node").is_up());
}

#[test]
fn lesson_keys_are_inactive_in_the_sandbox_and_h_moves_to_the_parent() {
    let mut a = app("lesson");
    assert_eq!(keymap::action_for(&a, key('p')), None);
    command(&mut a, EMPTYDIR);
    select_first_pod(&mut a);
    // `l` is k9s's logs here; → moves to the child.
    press(&mut a, special(ratatui_textarea::Key::Right));
    assert!(matches!(a.selected, Some(Item::Container { .. })));
    press(&mut a, key('h'));
    assert!(matches!(a.selected, Some(Item::Pod { .. })));
    let a = lesson_app("lesson-keys", "container-filesystem");
    assert_eq!(keymap::action_for(&a, key('n')), Some(Action::NextStep));
    assert_eq!(keymap::action_for(&a, key('h')), Some(Action::NextHint));
}

#[test]
fn a_click_selects_the_row_under_it() {
    let mut a = app("click");
    command(&mut a, EMPTYDIR);
    a.size = (120, 40);
    // The diagram: row 0 is the pane border, row 1 its header, row 2 the node box, row 3
    // the pod box inside it.
    update(&mut a, Action::Click(5, 3));
    assert!(matches!(a.selected, Some(Item::Pod { .. })));
}

#[test]
fn ctrl_s_applies_the_editor_buffer_as_kubectl_apply_would() {
    let mut a = app("editor");
    press(&mut a, key('n'));
    assert_eq!(a.mode, Mode::Editor);
    let text = std::fs::read_to_string("assets/scenarios/story-emptydir.yaml").expect("asset");
    update(&mut a, Action::SetDraft(text));
    assert!(
        a.editor.diagnostics.is_empty(),
        "{:?}",
        a.editor.diagnostics
    );
    press(&mut a, ctrl('s'));
    assert!(
        a.log
            .iter()
            .any(|l| l.text == "$ kubectl apply -f editor.yaml")
    );
    assert!(
        a.log
            .iter()
            .any(|l| l.text == "deployment.apps/story created")
    );
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn the_editor_reports_a_typo_at_its_line_with_did_you_mean() {
    let mut a = app("typo");
    press(&mut a, key('n'));
    update(&mut a, Action::SetDraft(TYPO.into()));
    let d = a.editor.diagnostics.first().expect("a diagnostic");
    assert_eq!(d.line, 6);
    assert!(
        a.editor.status().contains("accessModes"),
        "{}",
        a.editor.status()
    );
    press(&mut a, key('x'));
    press(&mut a, ctrl('u'));
    assert_eq!(a.editor.text(), TYPO, "Ctrl-U undoes typing");
}

/// A claim with a misspelt field on line 6.
pub const TYPO: &str = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accesModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n";

#[test]
fn number_keys_switch_tabs() {
    let mut a = app("tabs");
    press(&mut a, key('2'));
    assert_eq!(a.tab, Tab::Log);
    press(&mut a, key('3'));
    assert_eq!(a.tab, Tab::Lesson);
}

/// The sandbox's only node is minikube, the control plane (issue 11): F stops it, and with it
/// the API server and the node lifecycle controller. The clock still moves, nobody marks the
/// node NotReady, and kubectl prints what kubectl prints for an unreachable server (kubectl
/// `pkg/cmd/util/helpers.go` `StandardErrorMessage`). F again brings it back.
#[test]
fn wait_on_the_command_line_after_the_control_plane_fails() {
    let mut a = app("wait");
    press(&mut a, key('F'));
    command(&mut a, "wait 1m");
    assert!(a.log.iter().any(|l| l.text == "waited 60s"), "{:?}", a.log);
    assert!(a.cluster().node("minikube").expect("node").is_ready());
    command(&mut a, "kubectl get nodes");
    assert!(
        a.log.iter().any(|l| l.text
            == "Unable to connect to the server: dial tcp 192.168.49.2:8443: connect: no route to host"),
        "{:?}",
        a.log
    );
    press(&mut a, key('F'));
    command(&mut a, "kubectl get nodes");
    assert!(
        a.log.last().is_some_and(|l| l.text.contains("Ready")),
        "{:?}",
        a.log
    );
    command(&mut a, "wait soon");
    assert!(a.log.last().is_some_and(|l| l.kind == LogKind::Error));
}

#[test]
fn a_paste_lands_at_the_cursor_and_is_validated() {
    let mut a = app("paste");
    press(&mut a, key('n'));
    type_text(&mut a, "kind: Pod");
    update(
        &mut a,
        Action::EditorPaste("\r\nmetadata:\r\n  name: p".into()),
    );
    assert_eq!(a.editor.text(), "kind: Pod\nmetadata:\n  name: p\n");
    assert!(a.draft_dirty);
    assert!(!a.editor.diagnostics.is_empty(), "apiVersion is missing");
}

#[test]
fn page_up_scrolls_the_log_back_and_new_lines_follow_the_end() {
    let mut a = app("scroll");
    command(&mut a, "get nodes");
    let last = screen(&mut a, 120, 40);
    assert!(last.contains("minikube   Ready"), "{last}");
    for _ in 0..3 {
        command(&mut a, "describe node minikube");
    }
    // The drawer shows the last output (and PgUp scrolls it); Esc closes it.
    press(&mut a, special(Key::Esc));
    press(&mut a, special(Key::PageUp));
    assert_eq!(a.log_scroll, 10);
    command(&mut a, "get pods");
    assert_eq!(a.log_scroll, 0);
}
