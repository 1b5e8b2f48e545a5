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
    press(&mut a, key('n'));
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

/// The screen with a line under the input row marking where the terminal's cursor is
/// (TestBackend keeps the cursor apart from the cells).
fn screen_with_cursor(a: &mut kubestory::ui::App, w: u16, h: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    a.size = (w, h);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| kubestory::ui::render(a, f)).expect("draw");
    let pos = t.get_cursor_position().expect("cursor");
    format!(
        "{}\n{}^ cursor at column {}, row {}",
        t.backend(),
        " ".repeat(usize::from(pos.x) + 1),
        pos.x,
        pos.y
    )
}

#[test]
fn command_line_cursor_mid_line_and_scrolled() {
    let mut a = app("snap-cursor");
    press(&mut a, key(':'));
    type_text(&mut a, "get pods -o wide");
    for _ in 0..2 {
        press(&mut a, alt('b'));
    }
    insta::assert_snapshot!("cursor_mid_line_80x24", screen_with_cursor(&mut a, 80, 24));
    insta::assert_snapshot!(
        "cursor_mid_line_120x40",
        screen_with_cursor(&mut a, 120, 40)
    );
    insta::assert_snapshot!(
        "cursor_mid_line_100x30",
        screen_with_cursor(&mut a, 100, 30)
    );
    // A line longer than the screen: the part around the cursor shows, `<` marks the rest.
    press(&mut a, ctrl('e'));
    type_text(&mut a, &" --selector app=story".repeat(5));
    press(&mut a, alt('b'));
    insta::assert_snapshot!("cursor_long_line_80x24", screen_with_cursor(&mut a, 80, 24));
}

#[test]
fn reverse_search_prompt() {
    let mut a = app("snap-search");
    command(&mut a, "get pvc");
    command(&mut a, "story read deploy/story");
    command(&mut a, "get nodes");
    press(&mut a, key(':'));
    type_text(&mut a, "half typed");
    press(&mut a, ctrl('r'));
    type_text(&mut a, "get p");
    insta::assert_snapshot!("reverse_search_80x24", screen_with_cursor(&mut a, 80, 24));
    insta::assert_snapshot!("reverse_search_100x30", screen_with_cursor(&mut a, 100, 30));
    type_text(&mut a, "x");
    insta::assert_snapshot!(
        "reverse_search_failed_100x30",
        screen_with_cursor(&mut a, 100, 30)
    );
}

#[test]
fn tab_lists_the_candidates_above_the_command_line() {
    let mut a = app("snap-tab");
    press(&mut a, key(':'));
    type_text(&mut a, "get p");
    press(&mut a, special(Key::Tab));
    insta::assert_snapshot!("tab_candidates_80x24", screen_with_cursor(&mut a, 80, 24));
    // Many candidates: three rows at most, then `…`.
    press(&mut a, ctrl('u'));
    press(&mut a, special(Key::Tab));
    insta::assert_snapshot!("tab_first_words_80x24", screen_with_cursor(&mut a, 80, 24));
}
