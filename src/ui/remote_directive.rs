//! What the teacher's directives do to a student's app: a message or a hint on their screen
//! until their next key, following the presenter's step (the prediction's verdict held for
//! the teacher's reveal), a quiz for the class.

use super::app::{App, Mode, Screen};
use super::{player, quiz, strings};
use crate::class::live::Directive;

/// What following the presenter needs remembered between directives.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Follow {
    /// The student follows the presenter's step.
    pub following: bool,
    /// The step whose answer the teacher revealed (lesson id, step id): a vote cast on it
    /// afterwards shows its verdict at once.
    pub revealed: Option<(String, String)>,
}

/// Applies one directive. Returns the reason when it ends the session.
pub fn apply(app: &mut App, follow: &mut Follow, d: Directive) -> Option<String> {
    match d {
        Directive::Message(text) => show(app, &strings::teacher_message(&clean(&text))),
        Directive::Hint(text) => show(app, &strings::teacher_hint(&clean(&text))),
        Directive::Follow { lesson, step } => {
            follow.following = true;
            app.hold_verdict = true;
            if !on_step(app, &lesson, step) {
                open(app, &lesson, step);
            }
            app.note(strings::FOLLOWING);
        }
        Directive::OwnPace => {
            follow.following = false;
            app.hold_verdict = false;
            app.note(strings::OWN_PACE);
            if app.in_lesson() {
                // A verdict held while following shows once its result is on screen.
                player::refresh_goals(app, true);
            }
        }
        Directive::Reveal { lesson, step } => {
            follow.revealed = Some((lesson, step));
            reveal_if_due(app, follow);
            show_answer_to_non_voter(app, follow);
        }
        Directive::StartQuiz {
            lessons,
            time_limit_ms,
            seed,
        } => start_quiz(app, &lessons, time_limit_ms, seed),
        Directive::End(reason) => return Some(clean(&reason)),
    }
    None
}

/// Shows the verdict on the step the teacher revealed, once the student is on it and has
/// voted (after every action: a vote cast after the reveal shows at once).
pub fn reveal_if_due(app: &mut App, follow: &Follow) {
    let Some((lesson, step)) = &follow.revealed else {
        return;
    };
    let due = app.in_lesson()
        && app.player.as_ref().is_some_and(|p| {
            p.lesson().id == *lesson
                && p.current().is_some_and(|s| s.id == *step)
                && p.answer.is_some()
                && !p.verdict
        });
    if !due {
        return;
    }
    player::reveal_verdict(app);
    let right = app.player.as_ref().and_then(|p| {
        let q = p.current()?.predict.as_ref()?;
        Some(q.options.get(p.answer?)?.correct)
    });
    if let Some(right) = right {
        let text = if right {
            strings::PREDICTED_RIGHT
        } else {
            strings::PREDICTED_WRONG
        };
        app.push_log(super::app::LogKind::Goal, text);
        app.message = Some(text.into());
    }
}

/// A student on the revealed step who did not vote is told the right answer (a voter sees
/// it in the lesson pane with the verdict).
fn show_answer_to_non_voter(app: &mut App, follow: &Follow) {
    let Some((lesson, step)) = &follow.revealed else {
        return;
    };
    let answer = app
        .player
        .as_ref()
        .filter(|p| app.screen == Screen::Play && p.lesson().id == *lesson && p.answer.is_none())
        .and_then(|p| p.current())
        .filter(|s| s.id == *step)
        .and_then(|s| s.predict.as_ref())
        .and_then(|q| {
            let i = q.options.iter().position(|o| o.correct)?;
            Some(strings::revealed_answer(
                quiz::letter(i),
                &crate::ui::markdown::plain(&q.options[i].text),
            ))
        });
    if let Some(text) = answer {
        show(app, &text);
    }
}

/// The teacher's text on the message line (kept in the log too), until the next key.
fn show(app: &mut App, text: &str) {
    app.note(text);
    app.message = Some(text.to_string());
}

/// The text without control characters: whatever the teacher's side sends, nothing reaches
/// the student's terminal as an escape sequence.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Whether the student is on this lesson's step already.
fn on_step(app: &App, lesson: &str, step: usize) -> bool {
    app.in_lesson()
        && app
            .player
            .as_ref()
            .is_some_and(|p| p.lesson().id == lesson && p.step == step && !p.recap)
}

/// Opens the lesson at the step (leaving a quiz; its answers so far are kept).
fn open(app: &mut App, lesson: &str, step: usize) {
    let Some(loaded) = app.picker.find(lesson).cloned() else {
        app.message = Some(format!(
            "{}no lesson {lesson:?} here",
            strings::LESSON_FAILED
        ));
        return;
    };
    if app.screen == Screen::Quiz {
        quiz::leave(app);
    }
    settle(app);
    if let Err(e) = player::start(app, loaded, Some(step)) {
        app.message = Some(format!("{}{e}", strings::LESSON_FAILED));
    }
}

/// A quiz for the class, as `kubestory quiz` starts one; a quiz already running ends first
/// (its answers so far are kept).
fn start_quiz(app: &mut App, ids: &[String], time_limit_ms: Option<u64>, seed: Option<u64>) {
    let lessons: Vec<_> = if ids.is_empty() {
        app.picker
            .all_lessons()
            .into_iter()
            .map(|l| l.lesson.clone())
            .collect()
    } else {
        ids.iter()
            .filter_map(|id| app.picker.find(id).map(|l| l.lesson.clone()))
            .collect()
    };
    let name = if ids.is_empty() {
        "all".to_string()
    } else {
        ids.join("+")
    };
    if let Some(effect) = quiz::unsaved_results(app) {
        app.effects.push(effect);
    }
    settle(app);
    super::sandbox::flush(app);
    if let Err(e) = quiz::start(app, &name, lessons, seed, time_limit_ms) {
        app.message = Some(e);
    }
}

/// Closes what the student had open on the old screen before the teacher's screen replaces
/// it: a `kubectl edit` (discarded, as two Esc do), the container shell, an input line (kept
/// in the history, as Esc keeps it), the help, a question, the filter.
fn settle(app: &mut App) {
    if app.edit.is_some() {
        super::edit_session::cancel(app);
        super::edit_session::cancel(app);
    }
    super::shell::close(app, 0);
    if app.mode != Mode::Normal {
        super::command_line::cancel(app);
    }
    app.help = false;
    app.confirm = None;
    app.filter = None;
}
