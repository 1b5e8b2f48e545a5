//! Snapshots of the lesson screens at 80x24 (tabs) and 120x40 (all panes), in the states
//! that matter: the picker, a step's start, before and after a pod deletion (the flash, then
//! the settled marks), a Pending claim, a manifest error in the editor, a prediction
//! answered, the help overlay, the recap, and the ASCII/no-colour rendering.

mod ui_common;

use kubestory::ui::app::Tab;
use kubestory::ui::{Action, App, update};
use ratatui_textarea::Key;
use ui_common::*;

const LESSON: &str = "container-filesystem";

fn both(name: &str, a: &mut App) {
    insta::assert_snapshot!(format!("{name}_120x40"), screen(a, 120, 40));
    insta::assert_snapshot!(format!("{name}_80x24"), screen(a, 80, 24));
}

/// 80x24 shows one pane at a time: snapshot the given tab.
fn small_tab(name: &str, a: &mut App, tab: Tab) {
    update(a, Action::ShowTab(tab));
    insta::assert_snapshot!(format!("{name}_80x24"), screen(a, 80, 24));
}

/// Lesson 1 at its last step ("delete the pod"): the emptyDir app runs and holds a story.
fn before_deletion(name: &str) -> App {
    let mut a = lesson_app(name, LESSON);
    for _ in 0..3 {
        press(&mut a, key('n'));
        press(&mut a, key('n'));
    }
    a
}

#[test]
fn picker_with_progress() {
    let mut a = lesson_app("snap-picker", LESSON);
    command(&mut a, "kubectl apply -f story.yaml");
    command(&mut a, "story write deploy/story my first story");
    press(&mut a, key('n'));
    update(&mut a, Action::OpenPicker);
    both("lesson_picker", &mut a);
    update(&mut a, Action::PickerMove(99));
    insta::assert_snapshot!("lesson_picker_sandbox_row_80x24", screen(&mut a, 80, 24));
}

#[test]
fn a_step_at_its_start() {
    let mut a = lesson_app("snap-start", LESSON);
    both("lesson_start", &mut a);
}

#[test]
fn before_and_after_a_pod_deletion() {
    let mut a = before_deletion("snap-delete");
    insta::assert_snapshot!("lesson_before_delete_120x40", screen(&mut a, 120, 40));
    small_tab("lesson_before_delete_cluster", &mut a, Tab::Cluster);
    press(&mut a, key('b'));
    command(&mut a, "kubectl delete pod --all");
    assert!(a.flash > 0);
    insta::assert_snapshot!("lesson_deleted_flash_120x40", screen(&mut a, 120, 40));
    while a.flash > 0 {
        update(&mut a, Action::Tick);
    }
    insta::assert_snapshot!("lesson_deleted_120x40", screen(&mut a, 120, 40));
    small_tab("lesson_deleted_cluster", &mut a, Tab::Cluster);
    small_tab("lesson_deleted_lesson", &mut a, Tab::Lesson);
    small_tab("lesson_deleted_log", &mut a, Tab::Log);
}

#[test]
fn a_pending_claim() {
    let mut a = lesson_app("snap-pending", LESSON);
    let claim = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: story-pvc\nspec:\n  storageClassName: \"\"\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 5Gi\n";
    update(&mut a, Action::SetDraft(claim.into()));
    press(&mut a, key('e'));
    press(&mut a, ctrl('s'));
    command(&mut a, "kubectl get pvc");
    both("lesson_pending_claim", &mut a);
    small_tab("lesson_pending_claim_cluster", &mut a, Tab::Cluster);
}

#[test]
fn a_manifest_error_in_the_editor() {
    let mut a = lesson_app("snap-editor", LESSON);
    let broken = a.editor.text().replace("replicas: 1", "replica: 1");
    update(&mut a, Action::SetDraft(broken));
    press(&mut a, key('e'));
    both("lesson_editor_error", &mut a);
}

#[test]
fn a_prediction_answered_wrong_with_hints_open() {
    let mut a = lesson_app("snap-predict", LESSON);
    press(&mut a, key('n'));
    press(&mut a, key('n'));
    insta::assert_snapshot!("lesson_predict_open_120x40", screen(&mut a, 120, 40));
    press(&mut a, key('a'));
    press(&mut a, key('h'));
    // Answered: the choice is recorded, the verdict waits for the result.
    both("lesson_predict_wrong", &mut a);
    command(&mut a, "crash deploy/story");
    press(&mut a, special(Key::Esc));
    // The result is on screen: now the verdict and why.
    both("lesson_predict_verdict", &mut a);
}

#[test]
fn the_help_overlay_in_a_lesson() {
    let mut a = lesson_app("snap-help", LESSON);
    press(&mut a, key('?'));
    both("lesson_help", &mut a);
}

#[test]
fn the_recap() {
    let mut a = before_deletion("snap-recap");
    command(&mut a, "kubectl delete pod --all");
    press(&mut a, key('n'));
    both("lesson_recap", &mut a);
}

#[test]
fn ascii_without_colour() {
    let mut a = before_deletion("snap-ascii");
    a.ascii = true;
    a.color = false;
    command(&mut a, "kubectl delete pod --all");
    insta::assert_snapshot!("lesson_ascii_120x40", screen(&mut a, 120, 40));
    update(&mut a, Action::OpenPicker);
    insta::assert_snapshot!("lesson_ascii_picker_80x24", screen(&mut a, 80, 24));
    let _ = special(Key::Enter);
}

#[test]
fn a_story_kept_through_a_crash() {
    let mut a = lesson_app("snap-kept", LESSON);
    for _ in 0..2 {
        press(&mut a, key('n'));
        press(&mut a, key('n'));
    }
    command(&mut a, "kubectl apply -f story.yaml");
    command(&mut a, "story write deploy/story survives a crash");
    command(&mut a, "crash deploy/story");
    let shown = screen(&mut a, 120, 40);
    assert!(shown.contains("KEPT"), "{shown}");
    insta::assert_snapshot!("lesson_kept_after_crash_120x40", shown);
    small_tab("lesson_kept_after_crash_cluster", &mut a, Tab::Cluster);
}

/// Issue 10, first screen: `kubestory` lists the built-in lessons from cards compiled in and
/// draws the same picker as from parsed lessons, with no lesson parsed until one is opened.
#[test]
fn the_first_screen_parses_no_lesson_and_shows_the_same_picker() {
    let (parsed, _) = kubestory::lesson::builtin_lessons();
    let mut eager = kubestory::ui::terminal::prepare(
        kubestory::ui::Options {
            lessons: parsed,
            ..Default::default()
        },
        None,
    )
    .expect("prepare");
    let mut lazy = kubestory::ui::terminal::prepare(
        kubestory::ui::Options {
            library: kubestory::lesson::builtin_library(),
            ..Default::default()
        },
        None,
    )
    .expect("prepare");
    for (w, h) in [(80, 24), (120, 36)] {
        assert_eq!(screen(&mut lazy, w, h), screen(&mut eager, w, h));
    }
    assert!(lazy.picker.lessons.iter().all(|l| !l.is_parsed()));
    update(&mut lazy, Action::PickerMove(2));
    assert!(screen(&mut lazy, 80, 24).contains("emptyDir"));
    press(&mut lazy, special(ratatui_textarea::Key::Enter));
    assert_eq!(
        lazy.player.as_ref().map(|p| p.lesson().id.as_str()),
        Some("emptydir")
    );
    let parsed: Vec<&str> = lazy
        .picker
        .lessons
        .iter()
        .filter(|l| l.is_parsed())
        .map(|l| l.card.id.as_str())
        .collect();
    assert_eq!(parsed, vec!["emptydir"], "opening a lesson parses that one");
}
