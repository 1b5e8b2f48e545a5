//! What a command prints is seen where the learner is looking, at every size: the output
//! drawer (issue "The learner's loop", item 1).

mod ui_common;

use kubestory::ui::app::{Mode, Tab};
use ratatui_textarea::Key;
use ui_common::*;

const LESSON: &str = "container-filesystem";

fn at(w: u16, h: u16) -> kubestory::ui::App {
    let mut a = lesson_app("drawer", LESSON);
    a.size = (w, h);
    a.tab = Tab::Lesson;
    a
}

#[test]
fn a_commands_output_shows_on_the_lesson_tab_at_80x24_and_100x30() {
    for (w, h) in [(80, 24), (100, 30)] {
        let mut a = at(w, h);
        command(&mut a, "kubectl apply -f story.yaml");
        command(&mut a, "kubectl get pods");
        let s = screen(&mut a, w, h);
        assert!(s.contains("$ kubectl get pods"), "{w}x{h}:\n{s}");
        assert!(s.contains("NAME") && s.contains("READY"), "{w}x{h}:\n{s}");
        assert_eq!(a.tab, Tab::Lesson, "no tab switch");
        // The next key closes it.
        press(&mut a, special(Key::Esc));
        let s = screen(&mut a, w, h);
        assert!(!s.contains("$ kubectl get pods"), "{w}x{h}:\n{s}");
    }
}

#[test]
fn a_typo_shows_the_error_and_its_did_you_mean_in_full() {
    let mut a = at(80, 24);
    command(&mut a, "kubectl aply -f story.yaml");
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("unknown command \"aply\""), "{s}");
    assert!(
        s.contains("Did you mean this?") && s.contains("apply"),
        "{s}"
    );
}

#[test]
fn wide_tables_are_cut_with_a_mark_never_wrapped_mid_word() {
    let mut a = at(100, 30);
    command(&mut a, "kubectl apply -f story.yaml");
    command(&mut a, "kubectl get pods -o wide");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("›"), "the cut is marked:\n{s}");
    assert!(
        !s.contains("NOMINATED NODE") || s.contains("READINESS"),
        "{s}"
    );
    // → scrolls sideways to the columns that were cut.
    press(&mut a, special(Key::Right));
    press(&mut a, special(Key::Right));
    press(&mut a, special(Key::Right));
    press(&mut a, special(Key::Right));
    press(&mut a, special(Key::Right));
    press(&mut a, special(Key::Right));
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("NOMINATED NODE"), "{s}");
}

#[test]
fn a_refused_apply_keeps_the_editor_and_the_text_and_shows_why() {
    let mut a = at(80, 24);
    press(&mut a, key('e'));
    let text = a
        .editor
        .text()
        .replace("kind: Deployment", "kind: Deploymnt");
    kubestory::ui::update(&mut a, kubestory::ui::Action::SetDraft(text.clone()));
    press(&mut a, ctrl('s'));
    assert_eq!(a.mode, Mode::Editor, "the editor stays open");
    assert_eq!(a.editor.text(), text, "the learner's text is kept");
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("Deploymnt"), "{s}");
    assert!(
        s.contains("$ kubectl apply -f story.yaml"),
        "the error is shown:\n{s}"
    );
    // Moving the cursor keeps the error in view; the first edit hands over to the editor's
    // own live checks (the box no longer covers the line being fixed).
    press(&mut a, special(ratatui_textarea::Key::Down));
    assert!(a.drawer.is_some(), "moving keeps the error");
    press(&mut a, key('x'));
    assert!(a.drawer.is_none(), "typing hands over to the live checks");
    assert_eq!(a.mode, Mode::Editor);
    // A good apply closes the editor.
    let fixed = text.replace("Deploymnt", "Deployment");
    kubestory::ui::update(&mut a, kubestory::ui::Action::SetDraft(fixed));
    press(&mut a, ctrl('s'));
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn the_log_tab_marks_lines_not_yet_seen() {
    let mut a = at(80, 24);
    a.tab = Tab::Cluster;
    // Something happened that no drawer showed (as a clock running would log events).
    a.push_log(kubestory::ui::app::LogKind::Event, "event: Killing pod/x");
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("2 log •"), "{s}");
    press(&mut a, key('2'));
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("2 log ") && !s.contains("2 log •"), "{s}");
}

/// The drawer at the sizes terminals open at, and where every pane shows (snapshots).
#[test]
fn snapshots_of_the_drawer() {
    for (w, h) in [(80, 24), (100, 30), (120, 36)] {
        let mut a = at(w, h);
        command(&mut a, "kubectl apply -f story.yaml");
        command(&mut a, "kubectl get pods -o wide");
        insta::assert_snapshot!(format!("drawer_table_{w}x{h}"), screen(&mut a, w, h));
        command(&mut a, "kubectl aply -f story.yaml");
        insta::assert_snapshot!(format!("drawer_typo_{w}x{h}"), screen(&mut a, w, h));
    }
    let mut a = at(80, 24);
    press(&mut a, key('e'));
    let text = a
        .editor
        .text()
        .replace("kind: Deployment", "kind: Deploymnt");
    kubestory::ui::update(&mut a, kubestory::ui::Action::SetDraft(text));
    press(&mut a, ctrl('s'));
    insta::assert_snapshot!("drawer_refused_apply_80x24", screen(&mut a, 80, 24));
}

/// From a learner's trial: `describe` opens at its top, and the Events the step asks for are
/// at the bottom; End goes there (it used to close the drawer), Home back, and the
/// two-space alignment of `Service Account:  default` is kept.
#[test]
fn end_shows_the_bottom_of_a_long_output() {
    let mut a = at(80, 24);
    command(&mut a, "kubectl apply -f story.yaml");
    command(&mut a, "wait 30s");
    press(&mut a, special(Key::Esc));
    command(&mut a, "kubectl describe pods");
    let top = screen(&mut a, 80, 24);
    assert!(top.contains("Service Account:  default"), "{top}");
    assert!(!top.contains("Events:"), "{top}");
    press(&mut a, special(Key::End));
    assert!(a.drawer.is_some(), "End scrolls, it does not close");
    let bottom = screen(&mut a, 80, 24);
    assert!(bottom.contains("Started"), "{bottom}");
    press(&mut a, special(Key::Home));
    assert!(screen(&mut a, 80, 24).contains("Name:"));
}
