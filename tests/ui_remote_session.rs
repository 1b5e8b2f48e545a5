//! One student's kubestory over SSH, driven by the bytes their terminal would send: what
//! they see (the frames and the teacher's mirror), what the class record hears (each event
//! once per occurrence), what the teacher's directives do, and what a stranger on the
//! teacher's machine may not touch (no file outside the student's own, no process).

use kubestory::class::live::{ClassEvent, Directive, Place};
use kubestory::lesson::LibraryLesson;
use kubestory::ui::remote_session::{RemoteSession, SessionSetup};

const TINY: &str = include_str!("remote/tiny.yaml");
const FS: &str = "container-filesystem";

fn lessons() -> Vec<LibraryLesson> {
    let tiny = kubestory::lesson::load_str(TINY, "tiny.yaml", std::path::Path::new("/nonexistent"))
        .expect("the test lesson loads");
    let mut v: Vec<LibraryLesson> = vec![tiny.into()];
    v.extend(
        kubestory::lesson::builtin_library()
            .into_iter()
            .filter(|l| l.card.id == FS),
    );
    v
}

fn setup(width: u16, height: u16, state_dir: Option<std::path::PathBuf>) -> SessionSetup {
    SessionSetup {
        student: "ada".into(),
        width,
        height,
        term: "xterm-256color".into(),
        no_color: false,
        ascii: false,
        state_dir,
        lessons: lessons(),
        problems: Vec::new(),
        now_ms: 0,
    }
}

/// A session drawn once (the first frame taken), at the picker.
fn session(width: u16, height: u16) -> RemoteSession {
    let mut s = RemoteSession::new(setup(width, height, None));
    assert!(s.frame().is_some(), "the first frame");
    s
}

/// The mirror's text, one line per row.
fn screen(s: &RemoteSession) -> String {
    let b = s.mirror();
    let mut out = String::new();
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            out.push_str(b[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Sends bytes at a time far enough from the last (so keys are never rate-limited and a
/// lone Esc is resolved).
fn send(s: &mut RemoteSession, now: &mut u64, bytes: &[u8]) {
    *now += 1_000;
    s.input(bytes, *now);
    *now += 100;
    s.poll(*now);
}

fn command(s: &mut RemoteSession, now: &mut u64, line: &str) {
    send(s, now, format!(":{line}\r").as_bytes());
}

fn follow(s: &mut RemoteSession, now: &mut u64, lesson: &str, step: usize) {
    *now += 1_000;
    s.directive(
        Directive::Follow {
            lesson: lesson.into(),
            step,
        },
        *now,
    );
}

/// The sandbox: the picker's last row (two lessons, then the sandbox).
fn sandbox(s: &mut RemoteSession, now: &mut u64) {
    send(s, now, b"jj\r");
    assert_eq!(s.status(*now).place, Place::Sandbox);
}

fn count(events: &[ClassEvent], f: impl Fn(&ClassEvent) -> bool) -> usize {
    events.iter().filter(|e| f(e)).count()
}

fn errors(s: &RemoteSession) -> String {
    s.app()
        .log
        .iter()
        .filter(|l| l.kind == kubestory::ui::app::LogKind::Error)
        .map(|l| l.text.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_typed_command_shows_its_output_at_80x24_and_120x36() {
    for (w, h) in [(80, 24), (120, 36)] {
        let mut s = session(w, h);
        let mut now = 0;
        follow(&mut s, &mut now, "tiny", 0);
        command(&mut s, &mut now, "kubectl get pods");
        let bytes = s.frame().expect("the output is drawn");
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("No"), "{w}x{h}: {text:?}");
        let shown = screen(&s);
        assert!(
            shown.contains("No resources found in default namespace."),
            "{w}x{h}:\n{shown}"
        );
        assert!(shown.contains("kubectl get pods"), "{w}x{h}:\n{shown}");
    }
}

#[test]
fn the_first_frame_takes_the_terminal_and_an_unchanged_screen_sends_nothing() {
    let mut s = RemoteSession::new(setup(80, 24, None));
    let first = s.frame().expect("the first frame");
    for seq in ["\x1b[?1049h", "\x1b[?25l", "\x1b[?1006h", "\x1b[?2004h"] {
        assert!(
            first.windows(seq.len()).any(|w| w == seq.as_bytes()),
            "{seq:?}"
        );
    }
    assert!(screen(&s).contains("Tiny"), "{}", screen(&s));
    assert_eq!(s.frame(), None, "nothing changed");
    s.poll(10);
    assert_eq!(s.frame(), None, "nothing was due");
    // A key that changes nothing on the picker: drawn, but the diff is empty.
    s.input(b"\x1b[<35;10;10M", 20);
    assert_eq!(s.frame(), None, "a mouse move sends nothing");
    assert_eq!(s.wake_in(30), None, "asleep until input");
}

#[test]
fn a_resize_redraws_the_whole_screen_at_the_new_size() {
    let mut s = session(80, 24);
    s.resize(100, 30);
    let bytes = s.frame().expect("redrawn");
    assert!(bytes.windows(4).any(|w| w == b"\x1b[2J"), "cleared first");
    let m = s.mirror();
    assert_eq!((m.area.width, m.area.height), (100, 30));
    assert_eq!(s.frame(), None);
    s.resize(30, 8);
    s.frame().expect("redrawn");
    let shown = screen(&s).replace('\n', " ");
    assert!(shown.contains("enlarge"), "{shown}");
}

#[test]
fn a_step_started_fires_once_per_step_that_comes_on_screen() {
    let mut s = session(120, 36);
    let mut now = 0;
    // Enter on the picker's first row opens the tiny lesson.
    send(&mut s, &mut now, b"\r");
    let ev = s.take_events();
    assert_eq!(
        ev,
        vec![ClassEvent::StepStarted {
            lesson: "tiny".into(),
            step: "run".into()
        }]
    );
    // Keys that stay on the step say nothing.
    send(&mut s, &mut now, b"jk");
    assert!(s.take_events().is_empty());
    // `n` twice skips to the next step: one more start.
    send(&mut s, &mut now, b"n");
    send(&mut s, &mut now, b"n");
    let ev = s.take_events();
    assert_eq!(
        count(
            &ev,
            |e| matches!(e, ClassEvent::StepStarted { step, .. } if step == "write")
        ),
        1,
        "{ev:?}"
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    let st = s.status(now);
    assert_eq!(st.step, Some(1));
    assert_eq!(st.step_since_ms, now - 100);
}

#[test]
fn step_and_lesson_completions_fire_once() {
    let mut s = session(120, 36);
    let mut now = 0;
    follow(&mut s, &mut now, "tiny", 0);
    s.take_events();
    command(&mut s, &mut now, "kubectl apply -f story.yaml");
    let ev = s.take_events();
    assert_eq!(
        ev,
        vec![ClassEvent::StepCompleted {
            lesson: "tiny".into(),
            step: "run".into()
        }]
    );
    command(&mut s, &mut now, "kubectl get pods");
    assert!(s.take_events().is_empty(), "done already");
    send(&mut s, &mut now, b"n");
    s.take_events();
    command(&mut s, &mut now, "story write deploy/story my first story");
    let ev = s.take_events();
    assert_eq!(
        ev,
        vec![
            ClassEvent::StepCompleted {
                lesson: "tiny".into(),
                step: "write".into()
            },
            ClassEvent::LessonCompleted {
                lesson: "tiny".into()
            }
        ]
    );
    command(&mut s, &mut now, "story read deploy/story");
    send(&mut s, &mut now, b"n");
    assert!(s.take_events().is_empty(), "the recap is no new completion");
}

#[test]
fn a_hint_fires_once_per_hint_opened() {
    let mut s = session(120, 36);
    let mut now = 0;
    follow(&mut s, &mut now, "tiny", 0);
    s.take_events();
    send(&mut s, &mut now, b"h");
    send(&mut s, &mut now, b"h");
    send(&mut s, &mut now, b"h");
    let ev = s.take_events();
    let hint = |n| ClassEvent::HintOpened {
        lesson: "tiny".into(),
        step: "run".into(),
        hint: n,
    };
    assert_eq!(ev, vec![hint(1), hint(2)], "a third h opens nothing");
    assert_eq!(s.status(now).hints, 2);
}

#[test]
fn a_failed_command_fires_once_and_counts_on_the_step() {
    let mut s = session(120, 36);
    let mut now = 0;
    follow(&mut s, &mut now, "tiny", 0);
    s.take_events();
    command(&mut s, &mut now, "kubectl get nosuchthing");
    command(&mut s, &mut now, "kubectl get pods");
    let ev = s.take_events();
    assert_eq!(
        ev,
        vec![ClassEvent::CommandFailed {
            lesson: "tiny".into(),
            step: "run".into(),
            command: "kubectl get nosuchthing".into()
        }]
    );
    assert_eq!(s.status(now).failed_commands, 1);
    // Two failing commands in one burst of bytes: two events.
    now += 1_000;
    s.input(b":kubectl get nope\r:kubectl describe nope\r", now);
    assert_eq!(
        count(&s.take_events(), |e| matches!(
            e,
            ClassEvent::CommandFailed { .. }
        )),
        2
    );
    assert_eq!(s.status(now).failed_commands, 3);
}

#[test]
fn a_vote_fires_once_and_shows_on_the_dashboard_row() {
    let mut s = session(120, 36);
    let mut now = 0;
    follow(&mut s, &mut now, "tiny", 0);
    s.take_events();
    send(&mut s, &mut now, b"b");
    send(&mut s, &mut now, b"a");
    let ev = s.take_events();
    assert_eq!(
        ev,
        vec![ClassEvent::Voted {
            lesson: "tiny".into(),
            step: "run".into(),
            option: 1
        }],
        "the first answer counts"
    );
    let st = s.status(now);
    assert_eq!(st.voted, Some(1));
    assert_eq!((st.place, st.lesson.as_str()), (Place::Lesson, "tiny"));
    assert_eq!((st.goals_met, st.goals_total, st.steps), (0, 1, 2));
    assert_eq!(st.step_title, "Run the app");
    assert_eq!(st.name, "ada");
    assert_eq!(st.last_activity_ms, now - 100);
}

#[test]
fn a_class_quiz_reports_each_answer_once() {
    let mut s = session(120, 36);
    let mut now = 1_000;
    s.directive(
        Directive::StartQuiz {
            lessons: vec!["tiny".into()],
            time_limit_ms: Some(60_000),
            seed: None,
        },
        now,
    );
    assert_eq!(s.status(now).place, Place::Quiz);
    assert!(s.wake_in(now).is_some(), "the countdown ticks");
    send(&mut s, &mut now, b"a\r");
    send(&mut s, &mut now, b"n");
    let ev = s.take_events();
    assert_eq!(
        ev,
        vec![ClassEvent::QuizAnswered {
            lesson: "tiny".into(),
            question: "runs".into(),
            answer: "a: A Deployment's pod".into(),
            correct: true
        }]
    );
    assert_eq!(
        s.app().quiz.as_ref().map(|q| q.session.student.as_str()),
        Some("ada")
    );
    s.goodbye();
    assert!(s.take_events().is_empty(), "saved once");
}

#[test]
fn quitting_mid_quiz_reports_the_answers_given() {
    let mut s = session(120, 36);
    let mut now = 1_000;
    s.directive(
        Directive::StartQuiz {
            lessons: vec![],
            time_limit_ms: None,
            seed: Some(7),
        },
        now,
    );
    send(&mut s, &mut now, b"a\r");
    assert!(s.take_events().is_empty(), "kept until the round ends");
    s.goodbye();
    let ev = s.take_events();
    assert_eq!(
        count(&ev, |e| matches!(e, ClassEvent::QuizAnswered { .. })),
        1,
        "{ev:?}"
    );
}

#[test]
fn a_message_and_a_hint_show_at_80x24_until_the_next_key() {
    for (d, word) in [
        (
            Directive::Message("look at the projector".into()),
            "from the teacher",
        ),
        (
            Directive::Hint("try kubectl get pvc".into()),
            "hint from the teacher",
        ),
    ] {
        let mut s = session(80, 24);
        let mut now = 0;
        follow(&mut s, &mut now, "tiny", 0);
        s.frame();
        s.directive(d, now);
        s.frame().expect("drawn");
        let shown = screen(&s);
        assert!(shown.contains(word), "{shown}");
        send(&mut s, &mut now, b"j");
        s.frame();
        assert!(!screen(&s).contains(word), "{}", screen(&s));
    }
}

#[test]
fn follow_opens_the_step_once_and_own_pace_lets_go() {
    let mut s = session(120, 36);
    let mut now = 0;
    follow(&mut s, &mut now, FS, 1);
    let st = s.status(now);
    assert_eq!((st.lesson.as_str(), st.step), (FS, Some(1)));
    assert_eq!(s.take_events().len(), 1);
    // Already there: nothing is rebuilt.
    command(&mut s, &mut now, "story write deploy/story mine");
    follow(&mut s, &mut now, FS, 1);
    assert!(
        s.take_events()
            .iter()
            .all(|e| !matches!(e, ClassEvent::StepStarted { .. }))
    );
    assert!(
        s.app()
            .log
            .iter()
            .any(|l| l.text.contains("story write deploy/story mine"))
    );
    assert!(s.app().hold_verdict);
    s.directive(Directive::OwnPace, now);
    assert!(!s.app().hold_verdict);
}

#[test]
fn following_holds_the_verdict_until_the_teacher_reveals_it() {
    let mut s = session(120, 36);
    let mut now = 0;
    follow(&mut s, &mut now, "tiny", 0);
    send(&mut s, &mut now, b"a");
    command(&mut s, &mut now, "kubectl apply -f story.yaml");
    let p = s.app().player.as_ref().expect("playing");
    assert!(p.done, "the result is on screen");
    assert!(!p.verdict, "held for the teacher");
    s.frame();
    assert!(!screen(&s).contains("said the explanation"));
    // The student is told who gives the answer, not that the result will.
    assert!(
        screen(&s).contains("your vote is in: the answer comes when your"),
        "{}",
        screen(&s)
    );
    // A reveal of another step does nothing.
    s.directive(
        Directive::Reveal {
            lesson: "tiny".into(),
            step: "write".into(),
        },
        now,
    );
    assert!(!s.app().player.as_ref().expect("playing").verdict);
    s.directive(
        Directive::Reveal {
            lesson: "tiny".into(),
            step: "run".into(),
        },
        now,
    );
    assert!(s.app().player.as_ref().expect("playing").verdict);
    s.frame();
    assert!(
        screen(&s).contains("said the explanation"),
        "{}",
        screen(&s)
    );
}

#[test]
fn a_vote_after_the_reveal_shows_its_verdict_at_once() {
    let mut s = session(120, 36);
    let mut now = 0;
    follow(&mut s, &mut now, "tiny", 0);
    s.directive(
        Directive::Reveal {
            lesson: "tiny".into(),
            step: "run".into(),
        },
        now,
    );
    send(&mut s, &mut now, b"b");
    assert!(s.app().player.as_ref().expect("playing").verdict);
}

#[test]
fn own_pace_shows_the_verdict_as_the_result_shows() {
    let mut s = session(120, 36);
    let mut now = 0;
    follow(&mut s, &mut now, "tiny", 0);
    send(&mut s, &mut now, b"a");
    command(&mut s, &mut now, "kubectl apply -f story.yaml");
    assert!(!s.app().player.as_ref().expect("playing").verdict);
    s.directive(Directive::OwnPace, now);
    assert!(s.app().player.as_ref().expect("playing").verdict);
}

#[test]
fn end_ends_the_session_with_its_reason_and_goodbye_restores_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = RemoteSession::new(setup(80, 24, Some(dir.path().to_path_buf())));
    s.frame();
    let mut now = 0;
    follow(&mut s, &mut now, "tiny", 0);
    s.directive(Directive::End("the class is over".into()), now);
    assert!(s.ended());
    assert_eq!(s.wake_in(now), None);
    let bytes = s.goodbye();
    let text = String::from_utf8_lossy(&bytes);
    for seq in [
        "\x1b[?1049l",
        "\x1b[?25h",
        "\x1b[?1000l",
        "\x1b[?2004l",
        "\x1b[0m",
    ] {
        assert!(text.contains(seq), "{seq:?} in {text:?}");
    }
    assert!(text.contains("the class is over"), "{text:?}");
    assert!(
        dir.path().join("progress.json").exists()
            || std::fs::read_dir(dir.path()).is_ok_and(|mut d| d.next().is_some()),
        "progress is kept in the student's folder"
    );
}

#[test]
fn q_quits_and_keys_after_it_are_ignored() {
    let mut s = session(80, 24);
    s.input(b"qj\r", 1_000);
    assert!(s.ended());
    assert!(s.goodbye().windows(8).any(|w| w == b"\x1b[?1049l"));
}

#[test]
fn no_process_runs_for_e_ctrl_o_or_ctrl_z() {
    let mut s = session(120, 36);
    let mut now = 0;
    sandbox(&mut s, &mut now);
    send(&mut s, &mut now, b"E");
    assert!(
        s.app()
            .message
            .as_deref()
            .unwrap_or("")
            .contains("not available over SSH"),
        "{:?}",
        s.app().message
    );
    assert!(s.app().effects.is_empty());
    send(&mut s, &mut now, b"e\x0f");
    assert!(
        s.app()
            .message
            .as_deref()
            .unwrap_or("")
            .contains("not available over SSH"),
        "{:?}",
        s.app().message
    );
    send(&mut s, &mut now, b"\x1b");
    send(&mut s, &mut now, b"\x1a");
    assert!(!s.ended());
    assert!(s.app().effects.is_empty());
}

/// A real manifest outside the student's folder: the sandbox would apply it locally.
fn outside_manifest(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("outside.yaml");
    std::fs::write(
        &path,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: secret-of-the-teacher\n",
    )
    .expect("write");
    path
}

#[test]
fn apply_f_reads_no_file_of_the_server_in_the_sandbox() {
    let outside = tempfile::tempdir().expect("tempdir");
    let manifest = outside_manifest(outside.path());
    let state = tempfile::tempdir().expect("tempdir");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&manifest, state.path().join("link.yaml")).expect("symlink");
    let mut s = RemoteSession::new(setup(120, 36, Some(state.path().to_path_buf())));
    let mut now = 0;
    sandbox(&mut s, &mut now);
    let abs = manifest.display().to_string();
    let state_link = state.path().join("link.yaml").display().to_string();
    for path in [
        "/etc/passwd",
        "../../x",
        abs.as_str(),
        "link.yaml",
        state_link.as_str(),
        "./",
    ] {
        command(&mut s, &mut now, &format!("kubectl apply -f {path}"));
        let errs = errors(&s);
        assert!(
            errs.contains(&format!("the path \"{path}\" does not exist"))
                || errs.contains("no objects passed to apply"),
            "{path}: {errs}"
        );
    }
    command(
        &mut s,
        &mut now,
        &format!("kubectl create configmap c --from-file={abs}"),
    );
    command(
        &mut s,
        &mut now,
        &format!("kubectl cp {abs} default/nosuch:/x"),
    );
    assert!(
        s.app()
            .cluster()
            .config_maps()
            .all(|c| c.metadata.name != "secret-of-the-teacher" && c.metadata.name != "c"),
        "nothing of the server's was read"
    );
    // The editor's buffer is what -f reads.
    command(&mut s, &mut now, "kubectl apply -f editor.yaml");
    assert!(!errors(&s).contains("editor.yaml\" does not exist"));
}

#[test]
fn the_same_absolute_path_is_read_in_a_local_sandbox() {
    // What the containment test would see without it: the file is applied.
    let outside = tempfile::tempdir().expect("tempdir");
    let manifest = outside_manifest(outside.path());
    let mut a = kubestory::ui::App::sandbox();
    kubestory::ui::ops::run_command(&mut a, &format!("kubectl apply -f {}", manifest.display()));
    assert!(
        a.cluster()
            .config_maps()
            .any(|c| c.metadata.name == "secret-of-the-teacher"),
        "{:?}",
        a.log
    );
}

#[test]
fn apply_f_reads_only_the_lessons_files_in_a_lesson() {
    let outside = tempfile::tempdir().expect("tempdir");
    let manifest = outside_manifest(outside.path());
    let mut s = session(120, 36);
    let mut now = 0;
    follow(&mut s, &mut now, "tiny", 0);
    let abs = manifest.display().to_string();
    for path in ["/etc/passwd", "../../x", abs.as_str()] {
        command(&mut s, &mut now, &format!("kubectl apply -f {path}"));
        assert!(
            errors(&s).contains(&format!("the path \"{path}\" does not exist")),
            "{path}: {}",
            errors(&s)
        );
    }
    command(&mut s, &mut now, "kubectl apply -f story.yaml");
    assert!(s.app().player.as_ref().expect("playing").done);
}

#[test]
fn ctrl_r_reloads_no_lesson_file() {
    let mut s = session(120, 36);
    let mut now = 0;
    follow(&mut s, &mut now, "tiny", 0);
    send(&mut s, &mut now, b"\x12");
    assert!(
        s.app()
            .message
            .as_deref()
            .unwrap_or("")
            .contains("not available over SSH"),
        "{:?}",
        s.app().message
    );
}

#[test]
fn an_editor_paste_over_the_limit_is_refused() {
    let mut s = session(120, 36);
    let mut now = 0;
    sandbox(&mut s, &mut now);
    send(&mut s, &mut now, b"e");
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend(std::iter::repeat_n(b'x', 300 << 10));
    paste.extend_from_slice(b"\x1b[201~");
    send(&mut s, &mut now, &paste);
    assert!(s.app().editor.text().len() < 300 << 10);
    assert!(
        s.app().message.as_deref().unwrap_or("").contains("KiB"),
        "{:?}",
        s.app().message
    );
}

#[test]
fn megabytes_of_garbage_cost_bounded_work() {
    let mut s = session(80, 24);
    let mut now = 0u64;
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut chunk = vec![0u8; 32 << 10];
    let started = std::time::Instant::now();
    for _ in 0..128 {
        for b in chunk.iter_mut() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Not `q` or Ctrl-C: the session must live through all of it.
            *b = match x as u8 {
                b'q' | 0x03 => b'j',
                v => v,
            };
        }
        now += 10;
        s.input(&chunk, now);
        s.poll(now);
        let _ = s.frame();
        assert!(!s.ended());
    }
    eprintln!("garbage: {:?}", started.elapsed());
    assert!(s.app().log.len() <= kubestory::ui::remote_session::MAX_LOG_LINES + 1);
    assert!(
        s.app().editor.text().len() <= kubestory::ui::remote_session::MAX_REMOTE_DRAFT_BYTES + 64
    );
}

#[test]
fn colour_and_ascii_follow_the_client() {
    let mut dumb = setup(80, 24, None);
    dumb.term = "vt100".into();
    let s = RemoteSession::new(dumb);
    assert!(!s.app().color);
    assert!(s.app().ascii);
    let mut nc = setup(80, 24, None);
    nc.no_color = true;
    assert!(!RemoteSession::new(nc).app().color);
    assert!(RemoteSession::new(setup(80, 24, None)).app().color);
}

#[test]
fn a_session_and_its_setup_can_be_sent_to_another_thread() {
    fn send<T: Send>(_: &T) {}
    send(&setup(80, 24, None));
    let s = session(80, 24);
    send(&s);
    let handle = std::thread::spawn(move || {
        let mut s = s;
        s.input(b"q", 1_000);
        s.ended()
    });
    assert!(handle.join().expect("the thread"));
}

#[test]
fn tab_after_f_completes_no_path_of_the_server() {
    let mut s = session(120, 36);
    let mut now = 0;
    sandbox(&mut s, &mut now);
    send(&mut s, &mut now, b":kubectl apply -f /et\t");
    assert_eq!(s.app().line.text(), "kubectl apply -f /et");
    send(&mut s, &mut now, b"\x15kubectl apply -f edi\t");
    assert_eq!(s.app().line.text(), "kubectl apply -f editor.yaml ");
}

#[test]
fn the_bundled_k8s_examples_still_apply() {
    let mut s = session(120, 36);
    let mut now = 0;
    sandbox(&mut s, &mut now);
    command(
        &mut s,
        &mut now,
        "kubectl apply -f https://k8s.io/examples/pods/storage/pv-volume.yaml",
    );
    assert_eq!(errors(&s), "");
    assert_eq!(s.app().failed_commands, 0);
}

#[test]
fn a_long_paste_on_the_command_line_is_cut() {
    let mut s = session(120, 36);
    let mut now = 0;
    sandbox(&mut s, &mut now);
    send(&mut s, &mut now, b":");
    let mut paste = b"\x1b[200~".to_vec();
    for _ in 0..10_000 {
        paste.extend_from_slice(b"get pods\n");
    }
    paste.extend_from_slice(b"\x1b[201~");
    send(&mut s, &mut now, &paste);
    assert_eq!(
        s.app().pasted.len(),
        kubestory::ui::remote_session::MAX_PASTED_LINES - 1
    );
}

#[test]
fn a_flood_of_keys_is_cut_to_the_rate() {
    let mut s = session(120, 36);
    let mut now = 0;
    sandbox(&mut s, &mut now);
    send(&mut s, &mut now, b":");
    now += 10_000;
    s.input(&[b'x'; 5000], now);
    let typed = s.app().line.text().len();
    assert_eq!(
        typed,
        kubestory::ui::remote_session::MAX_KEYS_BURST as usize
    );
    assert!(
        s.app().message.as_deref().unwrap_or("").contains("dropped"),
        "{:?}",
        s.app().message
    );
}

#[test]
fn follow_closes_what_the_student_had_open() {
    let mut s = session(120, 36);
    let mut now = 0;
    sandbox(&mut s, &mut now);
    send(&mut s, &mut now, b":kubectl get po");
    follow(&mut s, &mut now, "tiny", 0);
    assert_eq!(s.app().mode, kubestory::ui::app::Mode::Normal);
    assert_eq!(s.status(now).place, Place::Lesson);
}

#[test]
fn a_lone_escape_waits_for_the_next_byte_then_acts() {
    let mut s = session(120, 36);
    let mut now = 0;
    sandbox(&mut s, &mut now);
    send(&mut s, &mut now, b":");
    now += 1_000;
    s.input(b"\x1b", now);
    assert_eq!(s.app().mode, kubestory::ui::app::Mode::Command, "not yet");
    let wait = s.wake_in(now).expect("a wake-up for the Escape");
    assert!(wait <= std::time::Duration::from_millis(50));
    s.poll(now + 50);
    assert_eq!(s.app().mode, kubestory::ui::app::Mode::Normal);
}

#[test]
fn the_running_clock_wakes_the_session_and_moves_the_cluster() {
    let mut s = session(120, 36);
    let mut now = 0;
    sandbox(&mut s, &mut now);
    s.frame();
    let before = s.app().cluster().now();
    let wait = s.wake_in(now).expect("the clock runs in the sandbox");
    now += wait.as_millis() as u64 + 1_000;
    s.poll(now);
    assert!(s.app().cluster().now() > before);
    assert!(s.frame().is_some(), "the status line's clock moved");
}

#[test]
fn a_key_and_a_clock_second_send_little() {
    let mut s = session(120, 36);
    let mut now = 0;
    follow(&mut s, &mut now, "tiny", 0);
    s.frame();
    send(&mut s, &mut now, b":");
    s.frame();
    now += 1;
    s.input(b"k", now);
    let key = s.frame().expect("the key is echoed").len();
    now += 1;
    s.input(b"u", now);
    let key2 = s.frame().expect("the key is echoed").len();
    let wait = s.wake_in(now).expect("the clock runs");
    now += wait.as_millis() as u64;
    s.poll(now);
    let tick = s.frame().map_or(0, |f| f.len());
    eprintln!("key {key} B, key {key2} B, clock second {tick} B");
    assert!(key2 < 1024, "{key2}");
    assert!(tick < 2048, "{tick}");
}

#[test]
fn time_spent_at_the_picker_does_not_run_the_sandboxs_clock() {
    let mut s = session(120, 36);
    // Ten minutes at the picker, then the sandbox.
    let mut now = 600_000;
    s.input(b"jj\r", now);
    assert_eq!(s.status(now).place, Place::Sandbox);
    let start = s.app().cluster().now();
    now += 1_000;
    s.poll(now);
    let moved = s.app().cluster().now().since(start);
    assert_eq!(moved, 1, "simulated seconds for one wall second");
}

#[test]
fn a_student_who_did_not_vote_is_told_the_revealed_answer() {
    let mut s = session(80, 24);
    let mut now = 0;
    follow(&mut s, &mut now, "tiny", 0);
    s.directive(
        Directive::Reveal {
            lesson: "tiny".into(),
            step: "run".into(),
        },
        now,
    );
    s.frame();
    assert!(
        screen(&s).contains("revealed the answer: a) Yes"),
        "{}",
        screen(&s)
    );
}

#[test]
fn a_quiz_whose_time_runs_out_reports_the_answers_given() {
    let mut s = session(120, 36);
    let mut now = 1_000;
    s.directive(
        Directive::StartQuiz {
            lessons: vec!["tiny".into()],
            time_limit_ms: Some(5_000),
            seed: None,
        },
        now,
    );
    now += 100;
    s.input(b"a\r", now);
    assert!(s.take_events().is_empty());
    // Woken once a second for the countdown, until the time is up.
    while now < 8_000 {
        now += s.wake_in(now).map_or(1_000, |d| d.as_millis() as u64);
        s.poll(now);
    }
    let ev = s.take_events();
    assert_eq!(
        count(&ev, |e| matches!(e, ClassEvent::QuizAnswered { .. })),
        1,
        "{ev:?}"
    );
    assert_eq!(s.wake_in(now), None, "the review waits for keys");
}
