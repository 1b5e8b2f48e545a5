//! Classroom mode through the keymap: paragraphs revealed with Space, the class's vote
//! revealed with `v` (letters do not answer), the demo played line by line, `n` moving on
//! without the class doing the step, `b` blanking, every step change published for the notes
//! terminal; themes paint the screen; snapshots of the presenter and notes screens at 80x24
//! and 160x45.

mod ui_common;

use kubestory::lesson::load_lesson;
use kubestory::ui::app::Effect;
use kubestory::ui::notes::{Notes, render as render_notes};
use kubestory::ui::present::{Session, paragraphs};
use kubestory::ui::theme::{Theme, ThemeName};
use kubestory::ui::{Action, App, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::Key;
use std::path::Path;
use ui_common::*;

fn presenting(name: &str) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lessons/present/demo.yaml");
    let lesson = load_lesson(&path).expect("fixture loads");
    let mut a = app(name);
    a.picker = kubestory::ui::picker::Picker::new(vec![lesson.clone()], Vec::new());
    kubestory::ui::player::start(&mut a, lesson, None).expect("starts");
    kubestory::ui::present::begin(&mut a, 1_700_000_000);
    a
}

fn published(a: &mut App) -> Vec<Session> {
    std::mem::take(&mut a.effects)
        .into_iter()
        .filter_map(|e| match e {
            Effect::PublishPresent(s) => Some(*s),
            _ => None,
        })
        .collect()
}

fn both(name: &str, a: &mut App) {
    insta::assert_snapshot!(format!("{name}_160x45"), screen(a, 160, 45));
    insta::assert_snapshot!(format!("{name}_80x24"), screen(a, 80, 24));
}

#[test]
fn paragraphs_split_on_blank_lines_but_keep_code_blocks_whole() {
    let text = "One.\n\nTwo\nlines.\n\n```\na\n\nb\n```\n\nEnd.";
    assert_eq!(
        paragraphs(text),
        ["One.", "Two\nlines.", "```\na\n\nb\n```", "End."]
    );
}

#[test]
fn space_reveals_the_step_paragraph_by_paragraph() {
    let mut a = presenting("present-reveal");
    let s = screen(&mut a, 160, 45);
    assert!(s.contains("The story app keeps its stories"));
    assert!(!s.contains("Watch what a crash does"), "{s}");
    assert!(s.contains("Space: more (1/3)"));
    press(&mut a, key(' '));
    press(&mut a, key(' '));
    let s = screen(&mut a, 160, 45);
    assert!(s.contains("Then ask the class why."), "{s}");
    assert!(!s.contains("Space: more"));
    press(&mut a, key(' '));
    assert!(
        a.message
            .as_deref()
            .unwrap_or("")
            .contains("whole step is shown")
    );
}

#[test]
fn the_class_votes_and_v_reveals_the_answer() {
    let mut a = presenting("present-vote");
    let before = screen(&mut a, 160, 45);
    assert!(before.contains("Class: vote! v reveals the answer."));
    // Issue 10: the goals would name the answer, so they wait for the reveal.
    assert!(
        before.contains("shown once the answer is revealed (v)"),
        "{before}"
    );
    assert!(!before.contains("Goals 0/"), "{before}");
    // Letters do not answer while presenting (b even blanks the screen).
    press(&mut a, key('a'));
    assert_eq!(a.player.as_ref().unwrap().answer, None);
    press(&mut a, key('v'));
    assert_eq!(
        a.player.as_ref().unwrap().answer,
        Some(1),
        "the correct option"
    );
    let s = screen(&mut a, 160, 45);
    assert!(
        s.contains("The story was in the container's writable layer."),
        "{s}"
    );
    assert!(
        s.contains("Goals 0/"),
        "the goals show after the reveal: {s}"
    );
}

#[test]
fn the_demo_plays_one_line_per_key_and_meets_the_goals() {
    let mut a = presenting("present-demo");
    published(&mut a);
    press(&mut a, key('d'));
    assert!(
        a.message
            .as_deref()
            .unwrap_or("")
            .contains("demo 1/4: $ kubectl apply -f story.yaml")
    );
    assert_eq!(a.cluster().deployments().count(), 1);
    let notes = published(&mut a);
    assert_eq!(
        notes.last().map(|s| s.demo_played),
        Some(1),
        "the notes see the demo move"
    );
    for _ in 0..3 {
        press(&mut a, key('d'));
    }
    assert!(a.player.as_ref().unwrap().done, "the demo did the step");
    press(&mut a, key('d'));
    assert!(a.message.as_deref().unwrap_or("").contains("demo is done"));
}

#[test]
fn n_moves_on_even_when_the_class_did_not_do_the_step() {
    let mut a = presenting("present-next");
    let first = published(&mut a);
    assert_eq!(
        first.last().map(|s| (s.step, s.title.as_str())),
        Some((1, "Crash the app"))
    );
    assert!(
        first
            .last()
            .unwrap()
            .notes
            .as_deref()
            .unwrap()
            .contains("container")
    );
    assert_eq!(
        first.last().unwrap().next.as_deref(),
        Some("Delete the pod")
    );
    press(&mut a, key('n'));
    assert_eq!(a.player.as_ref().unwrap().step, 1);
    let s = published(&mut a);
    assert_eq!(s.last().map(|s| s.step), Some(2));
    assert_eq!(
        s.last().unwrap().notes.as_deref(),
        Some("The new pod has a new name.")
    );
    assert_eq!(s.last().unwrap().next.as_deref(), Some("Recap"));
    // The new step starts with its first paragraph again.
    assert_eq!(a.present.as_ref().unwrap().revealed, 1);
}

#[test]
fn b_blanks_the_screen_and_nothing_else_works_until_b_again() {
    let mut a = presenting("present-blank");
    press(&mut a, key('b'));
    let s = screen(&mut a, 80, 24);
    assert!(!s.contains("Crash the app"), "{s}");
    assert!(!s.contains("cluster"), "{s}");
    // Keys other than b do nothing while blank.
    press(&mut a, key('n'));
    press(&mut a, key('d'));
    assert_eq!(a.player.as_ref().unwrap().step, 0);
    assert_eq!(a.cluster().deployments().count(), 0);
    press(&mut a, key('b'));
    assert!(screen(&mut a, 80, 24).contains("Crash the app"));
}

#[test]
fn themes_paint_the_screen() {
    let mut a = presenting("present-theme");
    for (theme, bg) in [
        (ThemeName::Light, Some(ratatui::style::Color::White)),
        (ThemeName::HighContrast, Some(ratatui::style::Color::Black)),
        (ThemeName::Dark, None),
    ] {
        a.theme = theme;
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| kubestory::ui::render(&a, f)).unwrap();
        let cell = &t.backend().buffer()[(40, 12)];
        match bg {
            Some(c) => assert_eq!(cell.bg, c, "{theme:?}"),
            None => assert_eq!(cell.bg, ratatui::style::Color::Reset, "{theme:?}"),
        }
    }
    // NO_COLOR wins over any theme.
    a.theme = ThemeName::Light;
    a.color = false;
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| kubestory::ui::render(&a, f)).unwrap();
    assert_eq!(
        t.backend().buffer()[(40, 12)].bg,
        ratatui::style::Color::Reset
    );
    assert_eq!(
        ThemeName::parse("high-contrast"),
        Some(ThemeName::HighContrast)
    );
    assert_eq!(ThemeName::parse("neon"), None);
}

#[test]
fn snapshot_the_presenter_with_the_question_put_to_the_class() {
    let mut a = presenting("present-snap");
    a.clock_ms = 754_000;
    press(&mut a, key(' '));
    press(&mut a, key('d'));
    press(&mut a, key('d'));
    both("present_step", &mut a);
}

fn notes_screen(notes: &Notes, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render_notes(notes, f, &Theme::new(true, false), true, false))
        .unwrap();
    format!("{}", t.backend())
}

#[test]
fn snapshot_the_notes_terminal() {
    let mut a = presenting("present-notes");
    press(&mut a, key('d'));
    let session = published(&mut a).pop().expect("published");
    let notes = Notes {
        session: Some(session),
        now_unix: 1_700_000_000 + 125,
        presenter_gone: false,
    };
    insta::assert_snapshot!("present_notes_160x45", notes_screen(&notes, 160, 45));
    insta::assert_snapshot!("present_notes_80x24", notes_screen(&notes, 80, 24));
    let waiting = notes_screen(&Notes::default(), 80, 24);
    assert!(waiting.contains("Waiting for a presentation"), "{waiting}");
    let gone = Notes {
        presenter_gone: true,
        ..notes
    };
    assert!(notes_screen(&gone, 80, 24).contains("the presenter has quit"));
}

#[test]
fn a_presenter_can_still_open_the_editor_and_the_command_line() {
    let mut a = presenting("present-keys");
    command(&mut a, "kubectl apply -f story.yaml");
    assert_eq!(a.cluster().deployments().count(), 1);
    press(&mut a, key('e'));
    assert!(screen(&mut a, 160, 45).contains("manifest editor"));
    press(&mut a, special(Key::Esc));
    update(&mut a, Action::Tick);
}

/// Issue 10: the notes say "the recap follows" on the last step only, never on the recap.
#[test]
fn the_notes_on_the_recap_do_not_announce_a_recap() {
    let mut a = presenting("present-recap");
    let mut session = published(&mut a).pop().expect("published");
    session.next = None;
    session.step = session.steps;
    let last = Notes {
        session: Some(session.clone()),
        now_unix: 1_700_000_000,
        presenter_gone: false,
    };
    assert!(notes_screen(&last, 100, 30).contains("the recap follows"));
    session.step = session.steps + 1;
    let recap = Notes {
        session: Some(session),
        ..last
    };
    let screen = notes_screen(&recap, 100, 30);
    assert!(!screen.contains("the recap follows"), "{screen}");
    assert!(screen.contains("the lesson ends here"), "{screen}");
}

/// Presents the built-in emptyDir lesson at its two-replicas step (a fresh app: the
/// presenter begins before the lesson opens, as `kubestory present --lesson` does).
fn presenting_replicas(name: &str) -> App {
    let (lessons, errors) = kubestory::lesson::builtin_lessons();
    assert!(errors.is_empty(), "{errors:?}");
    let lesson = lessons
        .iter()
        .find(|l| l.lesson.id == "emptydir")
        .cloned()
        .expect("built-in lesson");
    let step = lesson
        .lesson
        .steps
        .iter()
        .position(|s| s.id == "replicas")
        .expect("the replicas step");
    let mut a = app(name);
    a.picker = kubestory::ui::picker::Picker::new(lessons, Vec::new());
    kubestory::ui::present::begin(&mut a, 1_700_000_000);
    kubestory::ui::player::start(&mut a, lesson, Some(step)).expect("starts");
    a
}

fn pod_names(a: &App) -> Vec<String> {
    let mut names: Vec<String> = a
        .cluster()
        .pods()
        .filter(|p| p.metadata.deletion_timestamp.is_none())
        .map(|p| p.metadata.name.clone())
        .collect();
    names.sort();
    names
}

/// Issue 10: after the teacher improvised (a pod deleted, so new names), the demo still
/// reads and deletes the pods it means: their names are resolved when `d` plays a line.
#[test]
fn demo_lines_name_the_pods_the_cluster_has_when_played() {
    let mut a = presenting_replicas("demo-names");
    press(&mut a, key('d'));
    // The class reads the demo line, even when it met a goal (the goal is in the pane).
    let message = a.message.clone().unwrap_or_default();
    assert!(message.starts_with("demo 1/"), "{message}");
    for _ in 0..2 {
        press(&mut a, key('d'));
    }
    // The teacher improvises: the pod that did not get the write is replaced.
    let before = pod_names(&a);
    assert_eq!(before.len(), 2);
    command(&mut a, &format!("kubectl delete pod {}", before[1]));
    command(&mut a, "wait 30s");
    press(&mut a, special(Key::Esc));
    let now = pod_names(&a);
    assert_eq!(now.len(), 2);
    assert_ne!(now, before, "a new pod replaced the deleted one");
    press(&mut a, key('d'));
    let message = a.message.clone().unwrap_or_default();
    assert!(
        message.contains(&format!("story read pod/{}", now[1])),
        "{message}"
    );
    press(&mut a, key('d'));
    assert!(
        !a.log.iter().any(|l| l.text.contains("NotFound")),
        "{:?}",
        a.log
    );
    assert!(
        !pod_names(&a).contains(&now[0]),
        "the demo deleted the first pod"
    );
}

/// Issue 10: when the cluster no longer has the pod a demo line needs, the line is not
/// played and the presenter is offered `R`; after `R`, `d` plays it.
#[test]
fn a_demo_line_the_cluster_cannot_satisfy_offers_r() {
    let mut a = presenting_replicas("demo-mismatch");
    for _ in 0..3 {
        press(&mut a, key('d'));
    }
    command(&mut a, "kubectl scale deploy/story --replicas=1");
    command(&mut a, "wait 1m");
    press(&mut a, special(Key::Esc));
    press(&mut a, key('d'));
    let message = a.message.clone().unwrap_or_default();
    assert!(message.contains("not played"), "{message}");
    assert!(message.contains("R rebuilds"), "{message}");
    assert_eq!(a.present.as_ref().map(|p| p.demo_pos), Some(3));
}
