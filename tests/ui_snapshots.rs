//! Snapshots of the sandbox drawn on a TestBackend at 80x24 and 120x40.

mod ui_common;

use kubestory::ui::Action;
use kubestory::ui::app::Tab;
use kubestory::ui::update;
use ratatui_textarea::Key;
use ui_common::*;

fn both(name: &str, a: &mut kubestory::ui::App) {
    insta::assert_snapshot!(format!("{name}_120x40"), screen(a, 120, 40));
    insta::assert_snapshot!(format!("{name}_80x24"), screen(a, 80, 24));
}

fn with_stories(name: &str) -> kubestory::ui::App {
    let mut a = app(name);
    command(&mut a, EMPTYDIR);
    select_first_pod(&mut a);
    for text in ["first story", "second story"] {
        press(&mut a, key('w'));
        type_text(&mut a, text);
        press(&mut a, special(Key::Enter));
    }
    a
}

#[test]
fn empty_cluster() {
    both("empty", &mut app("snap-empty"));
}

#[test]
fn after_apply_and_stories() {
    let mut a = with_stories("snap-stories");
    both("stories", &mut a);
    update(&mut a, Action::ShowTab(Tab::Log));
    insta::assert_snapshot!("stories_log_tab_80x24", screen(&mut a, 80, 24));
}

#[test]
fn after_deleting_the_pod() {
    let mut a = with_stories("snap-deleted");
    press(&mut a, key('x'));
    both("deleted", &mut a);
    update(&mut a, Action::ShowTab(Tab::Log));
    insta::assert_snapshot!("deleted_log_tab_80x24", screen(&mut a, 80, 24));
}

#[test]
fn help_overlay() {
    let mut a = app("snap-help");
    press(&mut a, key('?'));
    both("help", &mut a);
}

#[test]
fn manifest_error_in_the_editor() {
    let mut a = app("snap-editor");
    press(&mut a, key('e'));
    update(
        &mut a,
        Action::SetDraft(
            "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accesModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n"
                .into(),
        ),
    );
    both("editor_error", &mut a);
}

#[test]
fn command_line_and_ascii() {
    let mut a = app("snap-ascii");
    a.ascii = true;
    a.color = false;
    press(&mut a, key(':'));
    type_text(&mut a, "get pods");
    insta::assert_snapshot!("ascii_command_80x24", screen(&mut a, 80, 24));
}

#[test]
fn enlarge_message_when_tiny() {
    insta::assert_snapshot!("enlarge_40x12", screen(&mut app("snap-tiny"), 40, 12));
}
