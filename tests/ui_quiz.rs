//! Quiz mode through the keymap, as a learner presses keys: every kind of question answered
//! right and wrong, feedback, skip, the review, retry-missed, the time limit, and the
//! snapshots of the feedback, review and a scenario question at 80x24 and 160x45.

mod ui_common;

use kubestory::lesson::load_lesson;
use kubestory::ui::app::{Effect, Screen};
use kubestory::ui::quiz::{Detail, Phase};
use kubestory::ui::{Action, App, update};
use ratatui_textarea::Key;
use std::path::Path;
use ui_common::*;

fn fixture() -> kubestory::lesson::Lesson {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lessons/quiz/all-kinds.yaml");
    load_lesson(&path).expect("fixture loads").lesson
}

fn quiz_app(name: &str) -> App {
    let mut a = app(name);
    a.clock_date = "2026-11-21T20:00:00Z".into();
    kubestory::ui::quiz::start(&mut a, "quiz-kinds", vec![fixture()], None, None)
        .expect("quiz starts");
    a
}

fn phase(a: &App) -> &Phase {
    &a.quiz.as_ref().unwrap().phase
}

fn question_id(a: &App) -> String {
    a.quiz.as_ref().unwrap().current().unwrap().1.id.clone()
}

fn answered_right(a: &App) -> Option<bool> {
    match phase(a) {
        Phase::Answered(fb) => Some(fb.correct),
        _ => None,
    }
}

fn both(name: &str, a: &mut App) {
    insta::assert_snapshot!(format!("{name}_160x45"), screen(a, 160, 45));
    insta::assert_snapshot!(format!("{name}_80x24"), screen(a, 80, 24));
}

/// The sizes most terminals open at.
fn small(name: &str, a: &mut App) {
    insta::assert_snapshot!(format!("{name}_80x24"), screen(a, 80, 24));
    insta::assert_snapshot!(format!("{name}_100x30"), screen(a, 100, 30));
}

/// A quiz over one built-in lesson.
fn builtin_quiz(id: &str) -> App {
    let (lessons, errors) = kubestory::lesson::builtin_lessons();
    assert!(errors.is_empty(), "{errors:?}");
    let lesson = lessons
        .into_iter()
        .find(|l| l.lesson.id == id)
        .expect("built-in lesson")
        .lesson;
    let mut a = app(id);
    kubestory::ui::quiz::start(&mut a, id, vec![lesson], None, None).expect("quiz starts");
    a
}

fn status(a: &App) -> String {
    kubestory::ui::keymap::status_line(a)
}

/// Answers every question of the fixture right, by keys.
fn answer_all_right(a: &mut App) {
    // single: a selects, Enter checks
    press(a, key('a'));
    assert!(matches!(phase(a), Phase::Asking), "a letter only selects");
    press(a, special(Key::Enter));
    assert_eq!(answered_right(a), Some(true));
    press(a, special(Key::Enter));
    // multiple: a + c, Enter
    press(a, key('a'));
    press(a, key('c'));
    press(a, special(Key::Enter));
    assert_eq!(answered_right(a), Some(true));
    press(a, special(Key::Enter));
    // true/false: a (True), Enter
    press(a, key('a'));
    press(a, special(Key::Enter));
    assert_eq!(answered_right(a), Some(true));
    press(a, key('n'));
    // survivors: b ("on the node"), Enter
    assert_eq!(question_id(a), "survivors");
    press(a, key('b'));
    press(a, special(Key::Enter));
    assert_eq!(answered_right(a), Some(true));
    press(a, special(Key::Enter));
    // fix: edit ReadWriteMany → ReadWriteOnce in the editor, Ctrl-S
    assert_eq!(question_id(a), "fix");
    let fixed = a.editor.text().replace("ReadWriteMany", "ReadWriteOnce");
    update(a, Action::SetDraft(fixed));
    press(a, key('e'));
    press(a, ctrl('s'));
    assert_eq!(answered_right(a), Some(true));
    press(a, special(Key::Enter));
    // command (effect)
    command(
        a,
        r#"kubectl patch pv disk -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'"#,
    );
    assert_eq!(answered_right(a), Some(true));
    press(a, special(Key::Enter));
    // command (output), without the word kubectl
    command(a, "get pvc");
    assert_eq!(answered_right(a), Some(true));
    press(a, special(Key::Enter));
}

#[test]
fn every_kind_answered_right_by_keys_then_the_review() {
    let mut a = quiz_app("quiz-right");
    assert_eq!(a.screen, Screen::Quiz);
    answer_all_right(&mut a);
    assert!(matches!(phase(&a), Phase::Review));
    assert_eq!(a.quiz.as_ref().unwrap().session.score(), (7, 7, 7));
    assert!(
        a.effects
            .iter()
            .any(|e| matches!(e, Effect::SaveQuizResults { rows, .. } if rows.len() == 7))
    );
    // Nothing to retry.
    press(&mut a, key('r'));
    assert!(matches!(phase(&a), Phase::Review));
    assert!(
        a.message
            .as_deref()
            .unwrap_or("")
            .contains("Nothing to retry")
    );
    // Enter: back to the picker.
    press(&mut a, special(Key::Enter));
    assert_eq!(a.screen, Screen::Picker);
    assert!(a.quiz.is_none());
}

#[test]
fn wrong_answers_show_why_and_retry_brings_back_only_those() {
    let mut a = quiz_app("quiz-wrong");
    press(&mut a, key('b')); // single: wrong
    press(&mut a, special(Key::Enter));
    assert_eq!(answered_right(&a), Some(false));
    let text = screen(&mut a, 160, 45);
    assert!(text.contains("Not quite"), "{text}");
    assert!(
        text.contains("An emptyDir is not a PersistentVolume."),
        "{text}"
    );
    assert!(text.contains("(your answer)"), "{text}");
    press(&mut a, special(Key::Enter));
    press(&mut a, key('a')); // multiple: only one of the two right options
    press(&mut a, special(Key::Enter));
    assert_eq!(answered_right(&a), Some(false));
    press(&mut a, special(Key::Enter));
    press(&mut a, key('b')); // true/false: False is wrong
    press(&mut a, special(Key::Enter));
    assert_eq!(answered_right(&a), Some(false));
    press(&mut a, special(Key::Enter));
    // survivors: mark both (the emptyDir story is lost)
    press(&mut a, key('a'));
    press(&mut a, key('b'));
    press(&mut a, special(Key::Enter));
    assert_eq!(answered_right(&a), Some(false));
    let text = screen(&mut a, 160, 45);
    assert!(text.contains("LOST"), "{text}");
    assert!(text.contains("lives exactly as long as its pod"), "{text}");
    press(&mut a, special(Key::Enter));
    // fix: apply as given (still broken)
    press(&mut a, key('e'));
    press(&mut a, ctrl('s'));
    assert_eq!(answered_right(&a), Some(false));
    match phase(&a) {
        Phase::Answered(fb) => match &fb.detail {
            Detail::Attempt(at) => assert!(at.ran && !at.goals[0].met),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    press(&mut a, special(Key::Enter));
    // command: a command that runs but does not do it
    command(&mut a, "kubectl get pv");
    assert_eq!(answered_right(&a), Some(false));
    let text = screen(&mut a, 160, 45);
    assert!(text.contains("A command that works"), "{text}");
    assert!(text.contains("Your command printed:"), "{text}");
    assert!(
        text.contains("RECLAIM POLICY"),
        "the learner sees kubectl's table: {text}"
    );
    press(&mut a, special(Key::Enter));
    // the last: skip
    press(&mut a, key('s'));
    assert!(matches!(phase(&a), Phase::Review));
    assert_eq!(a.quiz.as_ref().unwrap().session.score(), (0, 6, 7));
    // Retry: all seven again (all missed), answered right this time.
    press(&mut a, key('r'));
    assert!(matches!(phase(&a), Phase::Asking));
    assert_eq!(a.quiz.as_ref().unwrap().session.len(), 7);
    answer_all_right(&mut a);
    assert_eq!(a.quiz.as_ref().unwrap().session.score(), (7, 7, 7));
}

#[test]
fn answer_times_come_from_the_app_clock() {
    let mut a = quiz_app("quiz-clock");
    a.clock_ms = 4_250;
    press(&mut a, key('a'));
    press(&mut a, special(Key::Enter));
    let rows = a.quiz.as_ref().unwrap().session.rows();
    assert_eq!(rows[0].seconds, 4.25);
    assert_eq!(rows[0].date, "2026-11-21T20:00:00Z");
    assert_eq!(rows[0].answer, "a: On the node, for the pod's lifetime");
}

#[test]
fn the_time_limit_ends_the_quiz_and_counts_the_rest_as_missed() {
    let mut a = app("quiz-time");
    kubestory::ui::quiz::start(&mut a, "quiz-kinds", vec![fixture()], None, Some(60_000)).unwrap();
    press(&mut a, key('a'));
    press(&mut a, special(Key::Enter));
    a.clock_ms = 30_000;
    press(&mut a, special(Key::Enter));
    a.clock_ms = 59_999;
    update(&mut a, Action::Tick);
    assert!(matches!(phase(&a), Phase::Asking));
    assert!(screen(&mut a, 160, 45).contains("0:01 left"));
    a.clock_ms = 60_000;
    update(&mut a, Action::Tick);
    assert!(matches!(phase(&a), Phase::Review));
    assert_eq!(a.quiz.as_ref().unwrap().session.score(), (1, 1, 7));
    assert!(a.message.as_deref().unwrap_or("").contains("Time is up"));
    // A retry gets the whole limit again, from now.
    a.clock_ms = 100_000;
    press(&mut a, key('r'));
    assert!(matches!(phase(&a), Phase::Asking));
    assert!(screen(&mut a, 160, 45).contains("1:00 left"));
    a.clock_ms = 159_999;
    update(&mut a, Action::Tick);
    assert!(matches!(phase(&a), Phase::Asking));
    a.clock_ms = 160_000;
    update(&mut a, Action::Tick);
    assert!(matches!(phase(&a), Phase::Review));
}

#[test]
fn the_picker_starts_a_quiz_on_the_selected_lesson() {
    let mut a = lesson_app("quiz-picker", "emptydir");
    press(&mut a, key('L'));
    assert_eq!(a.screen, Screen::Picker);
    press(&mut a, key('Q'));
    assert_eq!(a.screen, Screen::Quiz);
    let quiz = a.quiz.as_ref().unwrap();
    assert_eq!(quiz.session.name, "emptydir");
    assert!(quiz.session.len() >= 3);
    // Leaving returns to the picker; the lesson's draft was not touched by the quiz.
    press(&mut a, key('L'));
    assert_eq!(a.screen, Screen::Picker);
}

#[test]
fn lesson_keys_do_nothing_in_a_quiz() {
    let mut a = quiz_app("quiz-keys");
    // `x` deletes a pod and `r` crashes in the sandbox; in a quiz they are not bound.
    let before = a.cluster().pods().count();
    press(&mut a, key('x'));
    press(&mut a, key('r'));
    assert_eq!(a.cluster().pods().count(), before);
    assert!(matches!(phase(&a), Phase::Asking));
}

#[test]
fn snapshot_feedback_of_a_wrong_choice() {
    let mut a = quiz_app("quiz-snap-choice");
    press(&mut a, key('b'));
    press(&mut a, special(Key::Enter));
    both("quiz_choice_feedback", &mut a);
}

#[test]
fn snapshot_a_survivors_question_before_and_after() {
    let mut a = quiz_app("quiz-snap-surv");
    for _ in 0..3 {
        press(&mut a, key('a'));
        press(&mut a, special(Key::Enter));
        press(&mut a, special(Key::Enter));
    }
    assert_eq!(question_id(&a), "survivors");
    press(&mut a, key('b'));
    both("quiz_survivors_asking", &mut a);
    press(&mut a, special(Key::Enter));
    both("quiz_survivors_feedback", &mut a);
}

#[test]
fn snapshot_the_review() {
    let mut a = quiz_app("quiz-snap-review");
    press(&mut a, key('a'));
    press(&mut a, special(Key::Enter));
    press(&mut a, special(Key::Enter));
    for _ in 0..6 {
        press(&mut a, key('s'));
    }
    assert!(matches!(phase(&a), Phase::Review));
    both("quiz_review", &mut a);
}

#[test]
fn a_letter_selects_and_enter_checks_for_every_kind() {
    let mut a = quiz_app("quiz-rule");
    // Pick-one: the letter selects (and can be changed); only Enter grades.
    press(&mut a, key('b'));
    assert!(matches!(phase(&a), Phase::Asking));
    assert!(screen(&mut a, 80, 24).contains("a) ( ) On the node"));
    assert!(screen(&mut a, 80, 24).contains("b) (x) In a PersistentVolume"));
    press(&mut a, key('a'));
    assert!(matches!(phase(&a), Phase::Asking));
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("a) (x) On the node"), "{text}");
    assert!(text.contains("then Enter to check"), "{text}");
    assert!(status(&a).contains("a-b pick") && status(&a).contains("Enter check"));
    press(&mut a, special(Key::Enter));
    assert_eq!(answered_right(&a), Some(true));
    press(&mut a, special(Key::Enter));
    // Multiple: letters toggle, Enter checks (the same footer).
    assert_eq!(question_id(&a), "multiple");
    assert!(status(&a).contains("a-c pick") && status(&a).contains("Enter check"));
    press(&mut a, key('a'));
    press(&mut a, key('c'));
    press(&mut a, special(Key::Enter));
    assert_eq!(answered_right(&a), Some(true));
    press(&mut a, special(Key::Enter));
    // True/false: Enter with nothing picked says so and grades nothing.
    assert_eq!(question_id(&a), "true-false");
    press(&mut a, special(Key::Enter));
    assert!(matches!(phase(&a), Phase::Asking));
    assert!(
        a.message
            .as_deref()
            .unwrap_or("")
            .contains("Pick an answer first")
    );
    press(&mut a, key('a'));
    assert!(matches!(phase(&a), Phase::Asking));
    press(&mut a, special(Key::Enter));
    assert_eq!(answered_right(&a), Some(true));
    // The help overlay says the same as the footer.
    press(&mut a, key('?'));
    let help = kubestory::ui::panes::help::lines(&a).join("\n");
    assert!(
        help.contains("a/b/c/d/e/f") && help.contains("pick"),
        "{help}"
    );
    assert!(help.contains("Enter") && help.contains("check"), "{help}");
}

#[test]
fn snapshot_a_pick_one_question_with_a_pick() {
    let mut a = quiz_app("quiz-snap-pick");
    press(&mut a, key('b'));
    small("quiz_pick_one_picked", &mut a);
}

#[test]
fn q_mid_quiz_asks_before_ending() {
    let mut a = quiz_app("quiz-quit");
    press(&mut a, key('q'));
    assert!(!a.quit, "q does not end a quiz at once");
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("End the quiz and quit?"), "{text}");
    assert!(
        status(&a).contains("y yes, end the quiz and quit")
            && status(&a).contains("n no, keep going"),
        "{}",
        status(&a)
    );
    small("quiz_quit_asking", &mut a);
    // While it asks, other keys do nothing: no pick, no skip.
    press(&mut a, key('a'));
    press(&mut a, key('s'));
    assert!(a.quiz.as_ref().unwrap().picked.is_empty());
    assert_eq!(question_id(&a), "single");
    // Esc and n go back to the question.
    press(&mut a, special(Key::Esc));
    assert!(!a.quit && !a.quiz.as_ref().unwrap().confirm_quit);
    assert!(!screen(&mut a, 80, 24).contains("End the quiz"));
    press(&mut a, key('q'));
    press(&mut a, key('n'));
    assert!(!a.quit && !a.quiz.as_ref().unwrap().confirm_quit);
    // Also while the feedback is up; y ends it.
    press(&mut a, key('a'));
    press(&mut a, special(Key::Enter));
    press(&mut a, key('q'));
    assert!(!a.quit);
    press(&mut a, key('y'));
    assert!(a.quit);
}

#[test]
fn q_on_the_results_quits_at_once() {
    let mut a = quiz_app("quiz-quit-review");
    for _ in 0..7 {
        press(&mut a, key('s'));
    }
    assert!(matches!(phase(&a), Phase::Review));
    press(&mut a, key('q'));
    assert!(a.quit);
}

#[test]
fn the_last_question_leads_to_the_results() {
    let mut a = quiz_app("quiz-last");
    for _ in 0..6 {
        press(&mut a, key('s'));
    }
    assert_eq!(question_id(&a), "read-claim");
    command(&mut a, "kubectl get pvc");
    assert!(matches!(phase(&a), Phase::Answered(_)));
    let text = screen(&mut a, 160, 45);
    assert!(text.contains("Enter: see your results."), "{text}");
    assert!(!text.contains("next question"), "{text}");
    assert!(status(&a).contains("Enter results"), "{}", status(&a));
    small("quiz_last_feedback", &mut a);
    press(&mut a, special(Key::Enter));
    assert!(matches!(phase(&a), Phase::Review));
}

#[test]
fn survivors_feedback_marks_right_and_wrong_apart_from_kept_and_lost() {
    let mut a = quiz_app("quiz-marks");
    for _ in 0..3 {
        press(&mut a, key('s'));
    }
    assert_eq!(question_id(&a), "survivors");
    // Wrong: both marked as surviving; the emptyDir story is lost.
    press(&mut a, key('a'));
    press(&mut a, key('b'));
    press(&mut a, special(Key::Enter));
    let text = screen(&mut a, 80, 24);
    assert!(
        text.contains("LOST \"in the emptyDir\" — you said kept ✗"),
        "{text}"
    );
    assert!(
        text.contains("KEPT \"on the node\" — you said kept ✓"),
        "{text}"
    );
    assert!(!text.contains("(you: lost)"), "{text}");
    small("quiz_survivors_wrong", &mut a);
}

#[test]
fn a_command_answer_shows_the_lines_that_prove_it() {
    // Lesson 4's "why is web stuck": describe prints the pod, then its Events at the end.
    let mut a = builtin_quiz("hostpath");
    press(&mut a, key('s'));
    assert_eq!(question_id(&a), "why-stuck");
    command(&mut a, "kubectl describe pod web");
    assert_eq!(answered_right(&a), Some(true));
    let text = screen(&mut a, 80, 24);
    assert!(text.contains("hostPath type check failed"), "{text}");
    assert!(text.contains("Events:"), "{text}");
    assert!(text.contains("lines; the ones that matter"), "{text}");
    small("quiz_command_proof", &mut a);
}

#[test]
fn proof_lines_keep_short_output_whole_and_pick_the_proof_from_long_output() {
    use kubestory::ui::panes::quiz_pane::{Shown, proof_lines};
    let wants = vec!["type check failed".to_string()];
    // Short: every line, the proving one marked.
    let short = "Name: web\nStatus: Pending\n  Warning FailedMount hostPath type check failed\n";
    let shown = proof_lines(short, &wants, 12);
    assert_eq!(shown.len(), 3);
    assert_eq!(
        shown[2],
        Shown::Line(
            "  Warning FailedMount hostPath type check failed".into(),
            true
        )
    );
    // Long: not the head, but the Events section with the line that proves it.
    let mut long: Vec<String> = vec!["Name:         web".into()];
    long.extend((0..40).map(|i| format!("  Field{i}:  value")));
    long.push("Events:".into());
    long.push("  Type     Reason       Message".into());
    long.push("  ----     ------       -------".into());
    long.push("  Warning  FailedMount  hostPath type check failed: /srv/web".into());
    let text = long.join("\n");
    let shown = proof_lines(&text, &wants, 12);
    let lines: Vec<&str> = shown
        .iter()
        .filter_map(|l| match l {
            Shown::Line(t, _) => Some(t.as_str()),
            Shown::Skipped(_) => None,
        })
        .collect();
    assert!(!lines.contains(&"Name:         web"), "{shown:?}");
    assert!(!lines.iter().any(|l| l.contains("Field3")), "{shown:?}");
    assert_eq!(
        lines,
        [
            "Events:",
            "  Type     Reason       Message",
            "  ----     ------       -------",
            "  Warning  FailedMount  hostPath type check failed: /srv/web"
        ]
    );
    let skipped: usize = shown
        .iter()
        .map(|l| match l {
            Shown::Skipped(n) => *n,
            Shown::Line(..) => 1,
        })
        .sum();
    assert_eq!(skipped, long.len(), "every line is shown or counted");
    // Nothing expected (an effect-graded question): the tail, where the Events are.
    let shown = proof_lines(&text, &[], 12);
    assert!(matches!(shown.last(), Some(Shown::Line(t, false)) if t.contains("FailedMount")));
    assert!(matches!(&shown[0], Shown::Line(t, _) if t.starts_with("Name:")));
}

#[test]
fn the_time_limit_ending_the_round_closes_the_quit_question() {
    let mut a = app("quiz-time-quit");
    kubestory::ui::quiz::start(&mut a, "quiz-kinds", vec![fixture()], None, Some(60_000)).unwrap();
    press(&mut a, key('q'));
    assert!(a.quiz.as_ref().unwrap().confirm_quit);
    a.clock_ms = 60_000;
    update(&mut a, Action::Tick);
    assert!(matches!(phase(&a), Phase::Review));
    assert!(!a.quiz.as_ref().unwrap().confirm_quit);
    // The results' keys work again.
    press(&mut a, key('r'));
    assert!(matches!(phase(&a), Phase::Asking));
}
