//! The teacher's dashboard (issue 14) without a terminal or a server: a `FakeHub` stands in
//! for the server and records what the dashboard sends. Pure parts (rows, sorting, filter, the
//! stuck rule), key handling (follow mode, reveal, watching sends nothing, the class quiz,
//! messages), and snapshots at 80x24, 100x30, 120x36 and 160x48.

use kubestory::class::live::{Directive, Place, StudentStatus, Tally};
use kubestory::ui::dashboard::fake::{FakeHub, SAMPLE_NOW_MS, sample_class};
use kubestory::ui::dashboard::keys::{DashAction, action_for};
use kubestory::ui::dashboard::render::render;
use kubestory::ui::dashboard::table::{self, SortBy, is_stuck};
use kubestory::ui::dashboard::update::{resize, update};
use kubestory::ui::dashboard::{Dashboard, Hub, Options, View};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::{Input, Key};

const SIZES: [(u16, u16); 4] = [(80, 24), (100, 30), (120, 36), (160, 48)];

fn key(c: char) -> Input {
    Input {
        key: Key::Char(c),
        ..Input::default()
    }
}

fn special(k: Key) -> Input {
    Input {
        key: k,
        ..Input::default()
    }
}

fn options() -> Options {
    Options {
        color: true,
        lessons: kubestory::lesson::builtin_library(),
        ..Options::default()
    }
}

fn class() -> (Dashboard, FakeHub) {
    (
        Dashboard::new(options()),
        FakeHub::new(sample_class(), SAMPLE_NOW_MS),
    )
}

/// Presses a key the way the shell does.
fn press(d: &mut Dashboard, hub: &FakeHub, input: Input) {
    if let Some(a) = action_for(d, input) {
        update(d, hub, a);
    }
}

fn type_text(d: &mut Dashboard, hub: &FakeHub, text: &str) {
    for c in text.chars() {
        let k = if c == '\n' {
            special(Key::Enter)
        } else {
            key(c)
        };
        press(d, hub, k);
    }
}

fn screen(d: &mut Dashboard, hub: &FakeHub, w: u16, h: u16) -> String {
    resize(d, hub, (w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| render(d, hub, f)).expect("draw");
    format!("{}", t.backend())
}

fn names(rows: &[table::Row]) -> Vec<&str> {
    rows.iter().map(|r| r.status.name.as_str()).collect()
}

/// Presenting the built-in `state` lesson, whose first step asks a prediction.
fn presenting() -> (Dashboard, FakeHub) {
    let (mut d, hub) = class();
    press(&mut d, &hub, key('p'));
    let i = d
        .options
        .lessons
        .iter()
        .position(|l| l.card.id == "state")
        .expect("the state lesson");
    for _ in 0..i {
        press(&mut d, &hub, key('j'));
    }
    press(&mut d, &hub, special(Key::Enter));
    assert_eq!(d.view, View::Present);
    assert_eq!(d.presented(), Some(("state".to_string(), 0)));
    (d, hub)
}

// --- the table as data ---

#[test]
fn every_sort_order_puts_the_students_a_teacher_looks_for_first() {
    let s = sample_class();
    let now = SAMPLE_NOW_MS;
    let order = |by| names(&table::rows(&s, now, by, "")).join(" ");
    assert_eq!(order(SortBy::Name), "ana ben chloe dev emma farid");
    // In a lesson by step (the furthest behind first), then the others by name.
    assert_eq!(order(SortBy::Step), "ben ana chloe dev emma farid");
    assert_eq!(order(SortBy::TimeOnStep), "chloe ben dev emma ana farid");
    assert_eq!(order(SortBy::Failures), "ben dev ana chloe emma farid");
    // The longest quiet first.
    assert_eq!(order(SortBy::LastActivity), "chloe ben farid emma ana dev");
    // `s` cycles through them all and back.
    let mut by = SortBy::Name;
    for _ in 0..5 {
        by = by.next();
    }
    assert_eq!(by, SortBy::Name);
}

#[test]
fn the_filter_matches_names_lessons_steps_and_states() {
    let s = sample_class();
    let f = |text: &str| names(&table::rows(&s, SAMPLE_NOW_MS, SortBy::Name, text)).join(" ");
    assert_eq!(f(""), "ana ben chloe dev emma farid");
    assert_eq!(f("BE"), "ben");
    assert_eq!(f("delete the"), "ana");
    assert_eq!(f("why state"), "ana ben chloe");
    assert_eq!(f("stuck"), "ben");
    assert_eq!(f("away"), "chloe");
    assert_eq!(f("sandbox"), "dev");
    assert_eq!(f("quiz"), "emma");
    assert_eq!(f("nobody"), "");
}

#[test]
fn stuck_means_long_on_a_step_with_failures_or_hints_or_very_long() {
    let min = 60_000;
    let now = 60 * min;
    let on_step = |ms: u64, failed: u32, hints: usize| StudentStatus {
        name: "x".into(),
        connected: true,
        place: Place::Lesson,
        lesson: "state".into(),
        step: Some(0),
        steps: 4,
        goals_total: 2,
        step_since_ms: now - ms,
        failed_commands: failed,
        hints,
        ..StudentStatus::default()
    };
    assert!(
        !is_stuck(&on_step(5 * min - 1, 9, 9), now),
        "not yet 5 minutes"
    );
    assert!(
        is_stuck(&on_step(5 * min, 3, 0), now),
        "5 minutes, 3 failures"
    );
    assert!(is_stuck(&on_step(5 * min, 0, 2), now), "5 minutes, 2 hints");
    assert!(
        !is_stuck(&on_step(9 * min, 2, 1), now),
        "reading, a little trying"
    );
    assert!(
        is_stuck(&on_step(10 * min, 0, 0), now),
        "10 minutes whatever"
    );
    let mut done = on_step(20 * min, 9, 9);
    done.goals_met = 2;
    assert!(
        !is_stuck(&done, now),
        "goals met: waiting for the next step"
    );
    let mut away = on_step(20 * min, 9, 9);
    away.connected = false;
    assert!(!is_stuck(&away, now), "gone");
    let mut sandbox = on_step(20 * min, 9, 9);
    sandbox.place = Place::Sandbox;
    assert!(!is_stuck(&sandbox, now), "the sandbox has no step");
}

#[test]
fn times_read_as_people_say_them() {
    assert_eq!(table::clock(95_000), "01:35");
    assert_eq!(table::clock(3_725_000), "1:02:05");
    assert_eq!(table::ago(500), "now");
    assert_eq!(table::ago(12_000), "12s ago");
    assert_eq!(table::ago(4 * 60_000 + 5_000), "4m ago");
    assert_eq!(table::ago(2 * 3_600_000), "2h ago");
}

// --- keys ---

#[test]
fn moving_sorting_and_filtering_from_the_keyboard() {
    let (mut d, hub) = class();
    press(&mut d, &hub, key('j'));
    press(&mut d, &hub, key('j'));
    assert_eq!(d.selected.as_deref(), Some("chloe"));
    // The selection stays on the student when the order changes.
    press(&mut d, &hub, key('s'));
    assert_eq!(d.sort, SortBy::Step);
    assert_eq!(d.selected.as_deref(), Some("chloe"));
    press(&mut d, &hub, key('/'));
    type_text(&mut d, &hub, "e");
    // Applied as it is typed; keys are text while the line is open.
    assert_eq!(d.filter, "e");
    type_text(&mut d, &hub, "mq");
    assert_eq!(d.filter, "emq");
    assert!(!d.confirm_quit);
    press(&mut d, &hub, special(Key::Backspace));
    press(&mut d, &hub, special(Key::Enter));
    assert_eq!(d.filter, "em");
    assert!(d.prompt.is_none());
    press(&mut d, &hub, special(Key::Esc));
    assert_eq!(d.filter, "");
    assert!(hub.sent().is_empty());
}

#[test]
fn a_click_selects_the_row_under_it() {
    let (mut d, hub) = class();
    resize(&mut d, &hub, (100, 30));
    // Two banner lines, the table's border and header: the first row is on line 4.
    let i = kubestory::ui::dashboard::render::row_at(&d, hub.banner().len(), 10, 6).expect("a row");
    update(&mut d, &hub, DashAction::SelectRow(i));
    assert_eq!(d.selected.as_deref(), Some("chloe"));
    assert_eq!(
        kubestory::ui::dashboard::render::row_at(&d, hub.banner().len(), 10, 1),
        None
    );
}

#[test]
fn messages_and_hints_go_to_whom_they_say() {
    let (mut d, hub) = class();
    press(&mut d, &hub, key('j'));
    press(&mut d, &hub, key('m'));
    type_text(&mut d, &hub, "look at the events, q is not quit\n");
    press(&mut d, &hub, key('M'));
    type_text(&mut d, &hub, "five more minutes\n");
    press(&mut d, &hub, key('h'));
    type_text(&mut d, &hub, "try kubectl describe pod\n");
    assert_eq!(
        hub.sent(),
        vec![
            (
                Some("ben".into()),
                Directive::Message("look at the events, q is not quit".into())
            ),
            (None, Directive::Message("five more minutes".into())),
            (
                Some("ben".into()),
                Directive::Hint("try kubectl describe pod".into())
            ),
        ]
    );
}

#[test]
fn esc_on_a_message_keeps_its_text_for_next_time() {
    let (mut d, hub) = class();
    press(&mut d, &hub, key('m'));
    type_text(&mut d, &hub, "half a thought");
    press(&mut d, &hub, special(Key::Esc));
    assert!(d.prompt.is_none());
    assert!(hub.sent().is_empty());
    press(&mut d, &hub, key('m'));
    assert_eq!(
        d.prompt.as_ref().map(|p| p.line.text()),
        Some("half a thought")
    );
    type_text(&mut d, &hub, ", done\n");
    assert_eq!(
        hub.sent(),
        vec![(
            Some("ana".into()),
            Directive::Message("half a thought, done".into())
        )]
    );
    // Sent: the next message starts empty.
    press(&mut d, &hub, key('m'));
    assert_eq!(d.prompt.as_ref().map(|p| p.line.text()), Some(""));
}

#[test]
fn keys_while_watching_reach_nobody() {
    let (mut d, hub) = class();
    press(&mut d, &hub, key('j'));
    press(&mut d, &hub, special(Key::Enter));
    assert_eq!(d.view, View::Watch("ben".into()));
    // A teacher typing as if at the student's keyboard: letters, a command, Enter, Tab,
    // arrows, Ctrl keys.
    type_text(&mut d, &hub, ":kubectl get pods\nabcdefgnpsvwxyz0123 /Q");
    for k in [Key::Tab, Key::Up, Key::Down, Key::Enter, Key::Delete] {
        press(&mut d, &hub, special(k));
    }
    assert_eq!(d.view, View::Watch("ben".into()));
    assert!(hub.sent().is_empty(), "{:?}", hub.sent());
    assert!(d.prompt.is_none() && d.chooser.is_none());
    press(&mut d, &hub, special(Key::Esc));
    assert_eq!(d.view, View::Table);
    assert_eq!(hub.state().watch_calls, vec![Some("ben".into()), None]);
}

#[test]
fn a_hint_while_watching_goes_to_the_watched_student() {
    let (mut d, hub) = class();
    press(&mut d, &hub, key('G'));
    press(&mut d, &hub, key('w'));
    assert_eq!(d.view, View::Watch("farid".into()));
    press(&mut d, &hub, key('h'));
    type_text(&mut d, &hub, "Enter opens the first lesson\n");
    assert_eq!(
        hub.sent(),
        vec![(
            Some("farid".into()),
            Directive::Hint("Enter opens the first lesson".into())
        )]
    );
    assert_eq!(d.view, View::Watch("farid".into()));
}

#[test]
fn q_asks_before_stopping_the_class() {
    let (mut d, hub) = class();
    press(&mut d, &hub, key('q'));
    assert!(d.confirm_quit && !d.quit);
    press(&mut d, &hub, key('n'));
    assert!(!d.confirm_quit && !d.quit);
    press(
        &mut d,
        &hub,
        Input {
            key: Key::Char('c'),
            ctrl: true,
            ..Input::default()
        },
    );
    assert!(d.confirm_quit);
    press(&mut d, &hub, key('y'));
    assert!(d.quit);
}

#[test]
fn a_class_quiz_starts_with_the_lessons_and_the_time_limit() {
    let (mut d, hub) = class();
    press(&mut d, &hub, key('Q'));
    // The first row: every lesson.
    press(&mut d, &hub, special(Key::Enter));
    type_text(&mut d, &hub, "ten minutes\n");
    // Refused, said why, and the line stays open with the text.
    assert!(hub.sent().is_empty());
    let p = d.prompt.as_ref().expect("still asking");
    assert!(
        p.error
            .as_deref()
            .unwrap_or("")
            .contains("not a time limit")
    );
    for _ in 0.."ten minutes".len() {
        press(&mut d, &hub, special(Key::Backspace));
    }
    type_text(&mut d, &hub, "10m\n");
    assert_eq!(
        hub.sent(),
        vec![(
            None,
            Directive::StartQuiz {
                lessons: vec![],
                time_limit_ms: Some(600_000),
                seed: Some(SAMPLE_NOW_MS),
            }
        )]
    );
}

#[test]
fn a_quiz_on_the_presented_lesson_without_a_time_limit() {
    let (mut d, hub) = presenting();
    press(&mut d, &hub, special(Key::Tab));
    assert_eq!(d.view, View::Table);
    press(&mut d, &hub, key('Q'));
    // The presented lesson is offered first.
    press(&mut d, &hub, special(Key::Enter));
    press(&mut d, &hub, special(Key::Enter));
    assert_eq!(
        hub.sent(),
        vec![(
            None,
            Directive::StartQuiz {
                lessons: vec!["state".into()],
                time_limit_ms: None,
                seed: Some(SAMPLE_NOW_MS),
            }
        )]
    );
}

#[test]
fn follow_mode_sends_the_presenters_step_on_every_change() {
    let (mut d, hub) = presenting();
    assert!(hub.sent().is_empty(), "presenting alone moves nobody");
    press(&mut d, &hub, key('f'));
    let follow = |step| {
        (
            None,
            Directive::Follow {
                lesson: "state".into(),
                step,
            },
        )
    };
    assert_eq!(hub.sent(), vec![follow(0)]);
    // Space reveals a paragraph: the step is the same, nothing is sent.
    press(&mut d, &hub, key(' '));
    assert_eq!(hub.sent().len(), 1);
    // `n` moves the presenter on (the class did not do the step): everyone follows.
    press(&mut d, &hub, key('n'));
    assert_eq!(d.presented(), Some(("state".to_string(), 1)));
    assert_eq!(hub.sent(), vec![follow(0), follow(1)]);
    press(&mut d, &hub, key('f'));
    assert_eq!(hub.sent().last(), Some(&(None, Directive::OwnPace)));
    // Own pace: the presenter's moves are theirs alone.
    press(&mut d, &hub, key('n'));
    assert_eq!(hub.sent().len(), 3);
}

#[test]
fn without_follow_mode_step_changes_send_nothing() {
    let (mut d, hub) = presenting();
    press(&mut d, &hub, key('n'));
    press(&mut d, &hub, key('p'));
    assert!(hub.sent().is_empty(), "{:?}", hub.sent());
}

#[test]
fn v_reveals_locally_and_to_everyone() {
    let (mut d, hub) = presenting();
    assert!(!d.revealed());
    press(&mut d, &hub, key('v'));
    assert!(d.revealed());
    assert_eq!(
        hub.sent(),
        vec![(
            None,
            Directive::Reveal {
                lesson: "state".into(),
                step: "restart".into(),
            }
        )]
    );
}

#[test]
fn q_in_the_presentation_ends_it_and_lets_the_class_go() {
    let (mut d, hub) = presenting();
    press(&mut d, &hub, key('f'));
    press(&mut d, &hub, key('q'));
    assert!(d.presenter.is_none());
    assert_eq!(d.view, View::Table);
    assert!(!d.quit);
    assert_eq!(hub.sent().last(), Some(&(None, Directive::OwnPace)));
}

#[test]
fn the_presenters_command_line_keeps_its_keys() {
    let (mut d, hub) = presenting();
    press(&mut d, &hub, key(':'));
    // f, N and Tab are text (and completion) on the presenter's command line.
    type_text(&mut d, &hub, "get pvc -f N");
    press(&mut d, &hub, special(Key::Tab));
    assert_eq!(d.view, View::Present);
    assert!(hub.sent().is_empty());
    let line = d.presenter.as_ref().map(|p| p.app.line.text().to_string());
    assert!(
        line.as_deref().unwrap_or("").starts_with("get pvc -f N"),
        "{line:?}"
    );
}

// --- snapshots ---

fn all_sizes(name: &str, d: &mut Dashboard, hub: &FakeHub) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(d, hub, w, h));
    }
}

#[test]
fn snapshot_the_table() {
    let (mut d, hub) = class();
    press(&mut d, &hub, key('j'));
    all_sizes("dashboard_table", &mut d, &hub);
    let s = screen(&mut d, &hub, 80, 24);
    assert!(s.contains("connect: ssh -p 2222 NAME@192.168.1.20"), "{s}");
    assert!(s.contains("●!"), "ben is marked stuck: {s}");
}

#[test]
fn snapshot_the_table_in_ascii_without_colour() {
    let (_, hub) = class();
    let mut d = Dashboard::new(Options {
        ascii: true,
        color: false,
        ..options()
    });
    press(&mut d, &hub, key('s'));
    let s = screen(&mut d, &hub, 80, 24);
    assert!(s.is_ascii(), "{s}");
    insta::assert_snapshot!("dashboard_table_ascii_80x24", s);
}

#[test]
fn snapshot_nobody_yet() {
    let mut d = Dashboard::new(options());
    let hub = FakeHub::new(Vec::new(), 0);
    insta::assert_snapshot!("dashboard_empty_80x24", screen(&mut d, &hub, 80, 24));
}

/// A student's screen as their session draws it: a lesson at 100x30.
fn student_screen() -> ratatui::buffer::Buffer {
    let (lessons, errors) = kubestory::lesson::builtin_lessons();
    assert!(errors.is_empty());
    let lesson = lessons
        .iter()
        .find(|l| l.lesson.id == "state")
        .cloned()
        .expect("state lesson");
    let mut app = kubestory::ui::App::sandbox();
    kubestory::ui::player::start(&mut app, lesson, Some(1)).expect("starts");
    app.size = (100, 30);
    let mut t = Terminal::new(TestBackend::new(100, 30)).expect("backend");
    t.draw(|f| kubestory::ui::render(&app, f)).expect("draw");
    t.backend().buffer().clone()
}

#[test]
fn snapshot_watching_a_student() {
    let (mut d, hub) = class();
    hub.state().mirror = Some(student_screen());
    press(&mut d, &hub, key('w'));
    all_sizes("dashboard_watch", &mut d, &hub);
    let s = screen(&mut d, &hub, 120, 36);
    assert!(s.contains("reading ana's screen"), "{s}");
    assert!(
        s.contains("Delete the pod"),
        "the student's lesson shows: {s}"
    );
}

#[test]
fn watching_before_the_screen_arrives_says_so() {
    let (mut d, hub) = class();
    press(&mut d, &hub, key('w'));
    let s = screen(&mut d, &hub, 80, 24);
    assert!(s.contains("waiting for ana's screen"), "{s}");
}

#[test]
fn snapshot_the_message_editor() {
    let (mut d, hub) = class();
    press(&mut d, &hub, key('j'));
    press(&mut d, &hub, key('m'));
    type_text(
        &mut d,
        &hub,
        "Ben, look at the pod's events: kubectl describe pod",
    );
    all_sizes("dashboard_message", &mut d, &hub);
}

#[test]
fn snapshot_the_presentation_with_a_live_vote() {
    let (mut d, hub) = presenting();
    press(&mut d, &hub, key('f'));
    hub.state().tallies.insert(
        ("state".into(), "restart".into()),
        Tally {
            counts: vec![3, 1],
            by_student: vec![
                ("ana".into(), 0),
                ("ben".into(), 1),
                ("dev".into(), 0),
                ("emma".into(), 0),
            ],
            connected: 5,
        },
    );
    all_sizes("dashboard_present_vote", &mut d, &hub);
    let s = screen(&mut d, &hub, 120, 36);
    assert!(s.contains("live vote: 4 of 5 answered"), "{s}");
    assert!(!s.contains("ana, dev"), "names are private by default: {s}");
    press(&mut d, &hub, key('N'));
    press(&mut d, &hub, key('v'));
    let s = screen(&mut d, &hub, 120, 36);
    assert!(s.contains("a: ana, dev, emma"), "{s}");
    insta::assert_snapshot!("dashboard_present_revealed_names_120x36", s);
}

#[test]
fn snapshot_the_help_and_the_lesson_list() {
    let (mut d, hub) = class();
    press(&mut d, &hub, key('?'));
    insta::assert_snapshot!("dashboard_help_100x30", screen(&mut d, &hub, 100, 30));
    press(&mut d, &hub, special(Key::Esc));
    press(&mut d, &hub, key('p'));
    insta::assert_snapshot!("dashboard_present_list_80x24", screen(&mut d, &hub, 80, 24));
}

#[test]
fn the_status_line_fits_80_columns_everywhere() {
    let (mut d, hub) = class();
    let s = screen(&mut d, &hub, 80, 24);
    let status = s.lines().nth(23).unwrap_or("");
    assert!(
        status.contains("stop") && status.contains("help"),
        "{status}"
    );
}

#[test]
fn the_status_line_keeps_stop_and_help_while_presenting() {
    let (mut d, hub) = presenting();
    press(&mut d, &hub, special(Key::Tab));
    let s = screen(&mut d, &hub, 80, 24);
    let status = s.lines().nth(23).unwrap_or("");
    assert!(
        status.contains("Tab slides") && status.contains("? help"),
        "{status}"
    );
}

#[test]
fn ctrl_z_never_stops_the_server() {
    let (mut d, hub) = presenting();
    let ctrl_z = Input {
        key: Key::Char('z'),
        ctrl: true,
        ..Input::default()
    };
    assert_eq!(action_for(&d, ctrl_z.clone()), Some(DashAction::NoSuspend));
    press(&mut d, &hub, ctrl_z);
    assert!(
        d.message
            .as_deref()
            .unwrap_or("")
            .contains("Ctrl-Z would stop the server")
    );
    assert!(
        d.presenter
            .as_ref()
            .is_some_and(|p| p.app.effects.is_empty())
    );
}

#[test]
fn without_colour_no_cell_is_coloured() {
    let hub = FakeHub::new(sample_class(), SAMPLE_NOW_MS);
    let mut d = Dashboard::new(Options {
        ascii: true,
        color: false,
        ..options()
    });
    resize(&mut d, &hub, (80, 24));
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    t.draw(|f| render(&d, &hub, f)).expect("draw");
    for cell in t.backend().buffer().content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "{cell:?}");
    }
}

/// The shell's edge: crossterm events as the terminal gives them.
mod edge {
    use super::*;
    use crossterm::event::{
        Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
    };
    use kubestory::ui::dashboard::shell::handle;

    fn click(col: u16, row: u16) -> Event {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: col,
            row,
            modifiers: KeyModifiers::NONE,
        })
    }

    fn key_event(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    #[test]
    fn a_click_on_the_table_selects_and_a_paste_fills_the_open_line() {
        let (mut d, hub) = class();
        resize(&mut d, &hub, (100, 30));
        // Banner (2), border, header: the fourth student is on row 7.
        assert!(handle(&mut d, &hub, click(20, 7)));
        assert_eq!(d.selected.as_deref(), Some("dev"));
        handle(&mut d, &hub, key_event('m'));
        handle(&mut d, &hub, Event::Paste("line one\nline two".into()));
        assert_eq!(
            d.prompt.as_ref().map(|p| p.line.text()),
            Some("line one line two")
        );
        assert!(hub.sent().is_empty());
    }

    #[test]
    fn events_while_watching_reach_nobody() {
        let (mut d, hub) = class();
        handle(&mut d, &hub, key_event('w'));
        for c in "kubectl delete pod --all".chars() {
            handle(&mut d, &hub, key_event(c));
        }
        handle(&mut d, &hub, Event::Paste("rm -rf /".into()));
        handle(&mut d, &hub, click(5, 5));
        assert_eq!(d.view, View::Watch("ana".into()));
        assert!(hub.sent().is_empty());
        assert!(d.prompt.is_none());
    }
}

#[test]
fn a_filtered_table_says_so_and_keeps_its_status_keys() {
    let (mut d, hub) = class();
    press(&mut d, &hub, key('/'));
    type_text(&mut d, &hub, "stuck\n");
    let s = screen(&mut d, &hub, 80, 24);
    assert!(s.contains("filter: stuck (Esc: all)"), "{s}");
    let status = s.lines().nth(23).unwrap_or("");
    assert!(
        status.contains("q stop") && status.contains("? help"),
        "{status}"
    );
    insta::assert_snapshot!("dashboard_filtered_80x24", s);
}

#[test]
fn a_quiz_time_limit_is_a_duration_from_a_second_to_a_day() {
    use kubestory::ui::dashboard::update::parse_limit;
    assert_eq!(parse_limit(""), Ok(None));
    assert_eq!(parse_limit("10m"), Ok(Some(600_000)));
    assert_eq!(parse_limit("1h 30m"), Ok(Some(5_400_000)));
    assert_eq!(parse_limit("90s"), Ok(Some(90_000)));
    for bad in ["0s", "25h", "ten", "10", "-5m"] {
        assert!(parse_limit(bad).is_err(), "{bad}");
    }
}
