//! Helpers for the app-shell tests: an app with a private draft file, key presses through the
//! keymap, and rendering to a TestBackend.
#![allow(dead_code)]

use kubestory::ui::{App, keymap, render, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key};

/// A sandbox whose drafts are not kept (no state folder): nothing is written to disk.
pub fn app(_name: &str) -> App {
    App::sandbox()
}

/// A plain key.
pub fn key(c: char) -> Input {
    Input {
        key: Key::Char(c),
        ..Input::default()
    }
}

/// A Ctrl key.
pub fn ctrl(c: char) -> Input {
    Input {
        key: Key::Char(c),
        ctrl: true,
        ..Input::default()
    }
}

/// A special key.
pub fn special(k: Key) -> Input {
    Input {
        key: k,
        ..Input::default()
    }
}

/// Presses a key the way the event loop does.
pub fn press(app: &mut App, input: Input) {
    if let Some(a) = keymap::action_for(app, input) {
        update(app, a);
    }
}

/// Types text (into whatever has the keyboard).
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, key(c));
    }
}

/// Runs a command through the `:` line.
pub fn command(app: &mut App, line: &str) {
    press(app, key(':'));
    type_text(app, line);
    press(app, special(Key::Enter));
}

/// Selects the first pod in the tree.
pub fn select_first_pod(app: &mut App) {
    for _ in 0..50 {
        if matches!(
            app.selected,
            Some(kubestory::ui::selection::Item::Pod { .. })
        ) {
            return;
        }
        press(app, key('j'));
    }
    panic!("no pod in the tree");
}

/// Renders the app at a size and returns the screen as text.
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    app.size = (w, h);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| render(app, f)).expect("draw");
    format!("{}", t.backend())
}

/// The deployment with an emptyDir from the scenarios.
pub const EMPTYDIR: &str = "apply -f assets/scenarios/story-emptydir.yaml";

/// An app playing a built-in lesson from its first step (nothing saved to disk).
pub fn lesson_app(name: &str, id: &str) -> App {
    let mut a = app(name);
    let (lessons, errors) = kubestory::lesson::builtin_lessons();
    assert!(errors.is_empty(), "{errors:?}");
    let lesson = lessons
        .iter()
        .find(|l| l.lesson.id == id)
        .cloned()
        .expect("built-in lesson");
    a.picker = kubestory::ui::picker::Picker::new(lessons, Vec::new());
    kubestory::ui::player::start(&mut a, lesson, None).expect("lesson starts");
    a
}

/// An Alt key (what a terminal sends as Esc and the letter).
pub fn alt(c: char) -> Input {
    Input {
        key: Key::Char(c),
        alt: true,
        ..Input::default()
    }
}
