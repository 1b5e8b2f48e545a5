//! Quiz mode's state and logic: the session, the question on screen (its scenario cluster
//! shown in the diagram, the manifest in the editor, or the command line), the answer's
//! feedback, and the review with "retry the ones I missed". Grading is
//! `lesson::quiz::grade`, the same code `kubestory lint` proves the answer keys with.

use super::app::{App, Effect, Mode, Screen};
use super::editor::Editor;
use super::{ops, player, strings};
use crate::lesson::Lesson;
use crate::lesson::check::Workspace;
use crate::lesson::quiz::grade::{
    Attempt, StoryFate, attempt_command, attempt_fix, build_scenario, choice_is_right,
    play_survivors_in, stories_at_risk, survivors_are_right,
};
use crate::lesson::quiz::session::{Outcome, QuizSession};
use crate::lesson::quiz::{Question, QuestionKind};
use std::collections::BTreeSet;

/// Where the quiz stands.
#[derive(Debug)]
pub enum Phase {
    /// The question is up, waiting for an answer.
    Asking,
    /// The answer was graded; its feedback is up until the learner moves on.
    Answered(Feedback),
    /// Every question was seen (or time ran out): the score and the list.
    Review,
}

/// What the learner sees after answering.
#[derive(Debug)]
pub struct Feedback {
    /// Right or wrong.
    pub correct: bool,
    /// The details: which options, which stories, which goals.
    pub detail: Detail,
}

/// The graded details, by kind of question.
#[derive(Debug)]
pub enum Detail {
    /// The options picked (indexes into the choices).
    Choice(BTreeSet<usize>),
    /// What became of every story, and what the learner marked.
    Survivors(Vec<StoryFate>, BTreeSet<String>),
    /// The fix or the command, its output and the goals.
    Attempt(Attempt),
    /// The question was skipped.
    Skipped,
    /// The question could not be set up (a broken lesson): not the learner's fault.
    Broken(String),
}

/// Quiz mode.
#[derive(Debug)]
pub struct QuizUi {
    /// The session: order, answers, score.
    pub session: QuizSession,
    /// Asking, answered or reviewing.
    pub phase: Phase,
    /// Options or stories picked so far.
    pub picked: BTreeSet<usize>,
    /// The stories of a `survivors` question, oldest first: its options.
    pub stories: Vec<String>,
    /// The app clock (ms) when the question was shown.
    pub asked_at: u64,
    /// The app clock (ms) at which the time limit ends the quiz.
    pub deadline: Option<u64>,
    /// The time limit (ms), for every round (a retry gets the whole limit again).
    pub limit: Option<u64>,
    /// How far the question text is scrolled.
    pub scroll: u16,
    /// The scenario's folder (`kubectl apply -f NAME` reads it).
    pub workspace: Option<Workspace>,
    /// What happened to the results (saved, exported, or why not).
    pub saved: Option<String>,
    /// `--export PATH`: where the shell also writes the results.
    pub export: Option<std::path::PathBuf>,
    /// `q` was pressed mid-quiz: the pane asks whether to end it (y) or go on (n, Esc).
    pub confirm_quit: bool,
}

impl QuizUi {
    /// The question on screen, with its lesson.
    pub fn current(&self) -> Option<(&Lesson, &Question)> {
        self.session.current()
    }

    /// Whether the current question waits for an answer of this kind.
    pub fn asking(&self, kind: QuestionKind) -> bool {
        matches!(self.phase, Phase::Asking) && self.current().is_some_and(|(_, q)| q.kind == kind)
    }

    /// Whether the current question is answered by picking (options or stories).
    pub fn picking(&self) -> bool {
        matches!(self.phase, Phase::Asking)
            && self
                .current()
                .is_some_and(|(_, q)| q.kind.is_choice() || q.kind == QuestionKind::Survivors)
    }

    /// How many things can be picked: options, or stories.
    pub fn pick_count(&self) -> usize {
        match self.current() {
            Some((_, q)) if q.kind == QuestionKind::Survivors => self.stories.len(),
            Some((_, q)) => q.choices().len(),
            None => 0,
        }
    }

    /// Whether the question on screen is the round's last (its feedback leads to the
    /// results, not to another question).
    pub fn on_last(&self) -> bool {
        self.session.position() + 1 >= self.session.len()
    }

    /// Whether the learner has picked what a question needs before Enter checks it: one
    /// option for pick-one and true/false; any set (even none) for the others.
    pub fn ready_to_check(&self) -> bool {
        match self.current() {
            Some((_, q)) if matches!(q.kind, QuestionKind::Single | QuestionKind::TrueFalse) => {
                !self.picked.is_empty()
            }
            _ => true,
        }
    }

    /// Milliseconds left before the time limit, if there is one.
    pub fn time_left(&self, now: u64) -> Option<u64> {
        self.deadline.map(|d| d.saturating_sub(now))
    }
}

/// Starts a quiz over `lessons` (their questions, shuffled with `seed` if given), replacing
/// whatever was on screen. The learner's lesson draft and progress are saved first.
pub fn start(
    app: &mut App,
    name: &str,
    lessons: Vec<Lesson>,
    seed: Option<u64>,
    time_limit_ms: Option<u64>,
) -> Result<(), String> {
    let session = QuizSession::new(name, lessons, seed).map_err(|e| e.to_string())?;
    player::save_draft(app);
    player::save_progress(app);
    app.player = None;
    app.mode = Mode::Normal;
    app.help = false;
    // The quiz's manifests are scratch, in memory: never written over a lesson's draft.
    app.draft_path = None;
    app.draft_slot = "quiz".to_string();
    app.draft_dirty = false;
    app.quiz = Some(QuizUi {
        session,
        phase: Phase::Asking,
        picked: BTreeSet::new(),
        stories: Vec::new(),
        asked_at: app.clock_ms,
        deadline: time_limit_ms.map(|t| app.clock_ms + t),
        limit: time_limit_ms,
        scroll: 0,
        workspace: None,
        saved: None,
        export: None,
        confirm_quit: false,
    });
    app.screen = Screen::Quiz;
    ask(app);
    Ok(())
}

/// Shows the current question: builds its scenario in the cluster pane, puts its broken
/// manifest in the editor, or goes to the review when none is left.
fn ask(app: &mut App) {
    let Some(quiz) = app.quiz.as_mut() else {
        return;
    };
    quiz.picked.clear();
    quiz.stories.clear();
    quiz.scroll = 0;
    quiz.asked_at = app.clock_ms;
    let Some((lesson, q)) = quiz.session.current() else {
        review(app);
        return;
    };
    let (lesson, q) = (lesson.clone(), q.clone());
    quiz.phase = Phase::Asking;
    app.mode = Mode::Normal;
    if q.kind.is_choice() {
        quiz.workspace = None;
        return;
    }
    match build_scenario(&lesson, &q) {
        Ok(sc) => {
            quiz.stories = stories_at_risk(&sc.sim)
                .into_iter()
                .map(|(_, t)| t)
                .collect();
            quiz.workspace = Some(sc.ws);
            app.reset_sim(sc.sim);
            app.log.clear();
            let intro = match q.kind {
                QuestionKind::Survivors => strings::QUIZ_SURVIVORS_LOG,
                QuestionKind::FixManifest => strings::QUIZ_FIX_LOG,
                _ => strings::QUIZ_COMMAND_LOG,
            };
            app.note(intro);
            if let Some(m) = &q.manifest {
                app.editor = Editor::new(m.content.as_deref().unwrap_or(""));
                app.editor_file = m.name.clone();
            }
        }
        Err(e) => {
            quiz.phase = Phase::Answered(Feedback {
                correct: false,
                detail: Detail::Broken(e),
            });
        }
    }
}

/// `a`–`f`: selects an option (pick-one and true/false: the one chosen; pick-every and
/// survivors: toggles it). Nothing is graded until Enter ([`submit`]), for every kind, so
/// the learner can change their mind and always sees the feedback.
pub fn pick(app: &mut App, i: usize) {
    let Some(quiz) = app.quiz.as_mut() else {
        return;
    };
    if !quiz.picking() || i >= quiz.pick_count() {
        return;
    }
    let kind = quiz.current().map(|(_, q)| q.kind);
    match kind {
        Some(QuestionKind::Single | QuestionKind::TrueFalse) => {
            quiz.picked = BTreeSet::from([i]);
        }
        _ => {
            if !quiz.picked.remove(&i) {
                quiz.picked.insert(i);
            }
        }
    }
}

/// Enter: grades the options or stories picked (any picking kind). A pick-one or
/// true/false question with nothing picked says so instead.
pub fn submit(app: &mut App) {
    let now = app.clock_ms;
    let date = app.clock_date.clone();
    let Some(quiz) = app.quiz.as_mut() else {
        return;
    };
    if !quiz.picking() {
        return;
    }
    if !quiz.ready_to_check() {
        app.message = Some(strings::quiz_pick_first(quiz.pick_count()));
        return;
    }
    let Some((_, q)) = quiz.session.current() else {
        return;
    };
    let q = q.clone();
    let (correct, answer, detail) = if q.kind == QuestionKind::Survivors {
        let marked: BTreeSet<String> = quiz
            .picked
            .iter()
            .filter_map(|&i| quiz.stories.get(i).cloned())
            .collect();
        let Some(ws) = quiz.workspace.as_ref() else {
            return;
        };
        let mut sim = app.sim.clone();
        match play_survivors_in(&q, &mut sim, ws) {
            Ok(fates) => {
                let correct = survivors_are_right(&fates, &marked);
                let answer = if marked.is_empty() {
                    "none survive".to_string()
                } else {
                    marked.iter().cloned().collect::<Vec<_>>().join("; ")
                };
                app.sim = sim;
                ops::observe(app);
                (correct, answer, Detail::Survivors(fates, marked))
            }
            Err(e) => (false, String::new(), Detail::Broken(e)),
        }
    } else {
        let choices = q.choices();
        let correct = choice_is_right(&q, &quiz.picked);
        let answer = quiz
            .picked
            .iter()
            .filter_map(|&i| choices.get(i).map(|c| format!("{}: {}", letter(i), c.text)))
            .collect::<Vec<_>>()
            .join("; ");
        (correct, answer, Detail::Choice(quiz.picked.clone()))
    };
    record(app, correct, answer, detail, now, date);
}

/// Ctrl-S in a fix-the-manifest question: applies the editor's text in a fresh copy of the
/// scenario and grades it by the question's goals.
pub fn submit_fix(app: &mut App) {
    let now = app.clock_ms;
    let date = app.clock_date.clone();
    let text = app.editor.text();
    let Some(quiz) = app.quiz.as_mut() else {
        return;
    };
    if !quiz.asking(QuestionKind::FixManifest) {
        return;
    }
    let Some((lesson, q)) = quiz.session.current() else {
        return;
    };
    let (lesson, q) = (lesson.clone(), q.clone());
    // A fresh scenario each try, so a first wrong apply does not leave objects behind.
    match build_scenario(&lesson, &q) {
        Ok(mut sc) => match attempt_fix(&q, &mut sc.sim, &sc.ws, &text) {
            Ok(attempt) => {
                app.mode = Mode::Normal;
                show_attempt(
                    app,
                    sc,
                    &attempt,
                    &format!("kubectl apply -f {}", app.editor_file),
                );
                let correct = attempt.passed();
                record(app, correct, text, Detail::Attempt(attempt), now, date);
            }
            Err(e) => record(app, false, text, Detail::Broken(e), now, date),
        },
        Err(e) => record(app, false, text, Detail::Broken(e), now, date),
    }
}

/// Enter on the command line in a which-command question: runs the line in a fresh copy of
/// the scenario and grades it by its effect and output.
pub fn submit_command(app: &mut App, line: &str) {
    let now = app.clock_ms;
    let date = app.clock_date.clone();
    let Some(quiz) = app.quiz.as_mut() else {
        return;
    };
    if !quiz.asking(QuestionKind::Command) || line.trim().is_empty() {
        return;
    }
    let Some((lesson, q)) = quiz.session.current() else {
        return;
    };
    let (lesson, q) = (lesson.clone(), q.clone());
    let full = if line.trim_start().starts_with("kubectl")
        || ops::SIM_VERBS.contains(&line.split_whitespace().next().unwrap_or(""))
    {
        line.trim().to_string()
    } else {
        format!("kubectl {}", line.trim())
    };
    match build_scenario(&lesson, &q) {
        Ok(mut sc) => {
            let attempt = attempt_command(&q, &mut sc.sim, &sc.ws, &full);
            show_attempt(app, sc, &attempt, &full);
            let correct = attempt.passed();
            record(app, correct, full, Detail::Attempt(attempt), now, date);
        }
        Err(e) => record(app, false, full, Detail::Broken(e), now, date),
    }
}

/// Puts the graded cluster on screen, with the answer's output in the log.
fn show_attempt(
    app: &mut App,
    sc: crate::lesson::quiz::grade::Scenario,
    attempt: &Attempt,
    shown: &str,
) {
    // The fresh scenario is the one on screen, rebuilt (the simulator is deterministic), so
    // `observe` reports only what the answer did.
    app.sim = sc.sim;
    app.push_log(super::app::LogKind::Command, &format!("$ {shown}"));
    let kind = if attempt.ran {
        super::app::LogKind::Output
    } else {
        super::app::LogKind::Error
    };
    app.push_log(kind, attempt.output.trim_end());
    ops::observe(app);
    if let Some(quiz) = app.quiz.as_mut() {
        quiz.workspace = Some(sc.ws);
    }
}

/// Records the outcome and shows the feedback.
fn record(app: &mut App, correct: bool, answer: String, detail: Detail, now: u64, date: String) {
    let Some(quiz) = app.quiz.as_mut() else {
        return;
    };
    quiz.session.record(Outcome {
        answer,
        correct,
        millis: now.saturating_sub(quiz.asked_at),
        answered_at: date,
    });
    quiz.phase = Phase::Answered(Feedback { correct, detail });
    quiz.scroll = 0;
}

/// `s`: skips the question (it counts as missed, so "retry missed" brings it back).
pub fn skip(app: &mut App) {
    let Some(quiz) = app.quiz.as_mut() else {
        return;
    };
    if matches!(quiz.phase, Phase::Asking) {
        quiz.phase = Phase::Answered(Feedback {
            correct: false,
            detail: Detail::Skipped,
        });
        next(app);
    }
}

/// Enter or `n` after the feedback: the next question, or the review after the last.
pub fn next(app: &mut App) {
    let Some(quiz) = app.quiz.as_mut() else {
        return;
    };
    if !matches!(quiz.phase, Phase::Answered(_)) {
        return;
    }
    quiz.session.advance();
    ask(app);
}

/// Ends the quiz: the review screen, and the results saved (history, `--export`).
fn review(app: &mut App) {
    let Some(quiz) = app.quiz.as_mut() else {
        return;
    };
    quiz.session.finish();
    // A question about ending the round is moot once it has ended (the time ran out).
    quiz.confirm_quit = false;
    if !matches!(quiz.phase, Phase::Review) {
        quiz.phase = Phase::Review;
        quiz.scroll = 0;
        let effect = save_effect(quiz);
        app.effects.push(effect);
    }
    app.mode = Mode::Normal;
}

/// `r` in the review: a new round with only the questions missed.
pub fn retry_missed(app: &mut App) {
    let Some(quiz) = app.quiz.as_mut() else {
        return;
    };
    if !matches!(quiz.phase, Phase::Review) {
        return;
    }
    match quiz.session.retry_missed() {
        Some(session) => {
            quiz.session = session;
            quiz.phase = Phase::Asking;
            quiz.saved = None;
            quiz.deadline = quiz.limit.map(|limit| app.clock_ms + limit);
            ask(app);
        }
        None => app.message = Some(strings::QUIZ_NOTHING_MISSED.into()),
    }
}

/// Every clock update: ends the quiz when the time limit is reached.
pub fn check_time(app: &mut App) {
    let now = app.clock_ms;
    if let Some(quiz) = app.quiz.as_ref()
        && app.screen == Screen::Quiz
        && !matches!(quiz.phase, Phase::Review)
        && quiz.deadline.is_some_and(|d| now >= d)
    {
        app.message = Some(strings::QUIZ_TIME_UP.into());
        review(app);
    }
}

/// `q`: on the results it quits; before them it asks whether to end the quiz (`y`) or go
/// on (`n`, Esc), so a stray key does not end a round.
pub fn ask_quit(app: &mut App) {
    match app.quiz.as_mut() {
        Some(quiz) if !matches!(quiz.phase, Phase::Review) => {
            quiz.confirm_quit = true;
            app.message = Some(strings::QUIZ_QUIT_ASK.into());
        }
        _ => app.quit = true,
    }
}

/// The answer to [`ask_quit`]: `true` quits kubestory (the answers given so far are saved
/// on the way out), `false` goes back to the question as it was.
pub fn answer_quit(app: &mut App, quit: bool) {
    if let Some(quiz) = app.quiz.as_mut() {
        quiz.confirm_quit = false;
    }
    if quit {
        app.quit = true;
    }
}

/// Leaves quiz mode for the picker.
pub fn leave(app: &mut App) {
    if let Some(effect) = unsaved_results(app) {
        app.effects.push(effect);
    }
    app.quiz = None;
    app.mode = Mode::Normal;
    app.screen = Screen::Picker;
}

/// The key of option `i`: a, b, c…
pub fn letter(i: usize) -> char {
    (b'a' + (i as u8).min(25)) as char
}

/// The effect that saves the round's results.
fn save_effect(quiz: &QuizUi) -> Effect {
    Effect::SaveQuizResults {
        rows: quiz.session.rows(),
        export: quiz.export.clone(),
    }
}

/// Results of a round left before its review (leaving with `L`, quitting): answers given so
/// far are results too. `None` when nothing was answered or the review already saved them.
pub fn unsaved_results(app: &App) -> Option<Effect> {
    let quiz = app.quiz.as_ref()?;
    (!matches!(quiz.phase, Phase::Review) && quiz.session.score().1 > 0).then(|| save_effect(quiz))
}
