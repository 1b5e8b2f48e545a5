//! A lesson being played: which step the learner is on, which goals hold, which hints are
//! open, what they predicted. The lesson room decides *whether* a goal holds
//! ([`goals::step_goals`]); this file decides what the app does about it (messages, progress,
//! the editor's manifest, moving between steps).
//!
//! Moving forward keeps the learner's own cluster (their stories, their mistakes). Moving
//! back, or `R` (restart the step), rebuilds the cluster as the lesson's solutions leave it
//! at that step's start ([`replay_to_step`]), so a step can always be done again from a known
//! state.

use super::app::{App, LogKind, Screen, Tab};
use super::drafts;
use super::editor::Editor;
use super::persist;
use super::strings;
use crate::lesson::check::{Workspace, replay_to_step};
use crate::lesson::goals::{StepStart, step_goals};
use crate::lesson::model::{Lesson, Step};
use crate::lesson::{LoadedLesson, progress};
use std::path::PathBuf;

/// The lesson being played.
pub struct Player {
    /// The lesson as loaded.
    pub loaded: LoadedLesson,
    /// The step on screen (0-based).
    pub step: usize,
    /// Where the step started (for "since the step started" goals).
    pub start: StepStart,
    /// Whether each goal of the step holds now.
    pub met: Vec<bool>,
    /// The step's goals all held at some moment (the step is done; `n` moves on).
    pub done: bool,
    /// How many hints are open.
    pub hints: usize,
    /// The option chosen for the step's predict question.
    pub answer: Option<usize>,
    /// Whether the verdict on the prediction is shown: only once the result is on screen
    /// (the question's proof holds, or the step is done), never at the key press.
    pub verdict: bool,
    /// Whether the question's proof already held when the step began (on the learner's own
    /// cluster, which lint's replay cannot foresee): then the proof proves nothing about
    /// what the learner did, and the verdict waits for the step's goals instead.
    pub proof_at_start: bool,
    /// The step was reached with `p` (going back to look again): one `n` moves on.
    pub revisit: bool,
    /// The recap is on screen (the last step is done).
    pub recap: bool,
    /// `n` was pressed once on an unfinished step; a second `n` skips it.
    pub skip_armed: bool,
    /// The folder holding the lesson's manifests for `kubectl apply -f NAME`.
    pub workspace: Workspace,
    /// How far the lesson text is scrolled.
    pub scroll: u16,
}

impl Player {
    /// The lesson.
    pub fn lesson(&self) -> &Lesson {
        &self.loaded.lesson
    }

    /// The step on screen (`None` while the recap shows).
    pub fn current(&self) -> Option<&Step> {
        if self.recap {
            None
        } else {
            self.lesson().steps.get(self.step)
        }
    }

    /// Whether the step asks a predict question the learner has not answered yet.
    pub fn awaiting_prediction(&self) -> bool {
        self.answer.is_none() && self.current().is_some_and(|s| s.predict.is_some())
    }
}

/// Opens a lesson at its saved step (or `step` when given), building the cluster as the
/// lesson's solutions leave it there. Errors are shown to the learner.
pub fn start(app: &mut App, loaded: LoadedLesson, step: Option<usize>) -> Result<(), String> {
    let id = loaded.lesson.id.clone();
    // A presentation is the class's, not the presenter's: it starts at the first step with
    // nothing answered, and never writes the presenter's progress (see `save_progress`).
    let saved = if app.present.is_some() {
        Default::default()
    } else {
        app.progress.lessons.get(&id).cloned().unwrap_or_default()
    };
    if app.present.is_some() {
        app.progress.lessons.remove(&id);
    }
    let last = loaded.lesson.steps.len().saturating_sub(1);
    let retake = saved.finished && step.is_none();
    if retake {
        // Retaking a finished lesson: the predictions are asked again and the goals met
        // again; the lesson stays finished in the list.
        *app.progress.entry(&id) = crate::lesson::progress::LessonProgress {
            finished: true,
            ..Default::default()
        };
    }
    let step = step
        .unwrap_or(if saved.finished { 0 } else { saved.step })
        .min(last);
    let workspace = Workspace::new();
    save_draft(app);
    let sim = replay_to_step(&loaded.lesson, step, &workspace)?;
    app.player = Some(Player {
        loaded,
        step,
        start: StepStart::default(),
        met: Vec::new(),
        done: false,
        hints: 0,
        answer: None,
        verdict: false,
        proof_at_start: false,
        revisit: false,
        recap: false,
        skip_armed: false,
        workspace,
        scroll: 0,
    });
    app.reset_sim(sim);
    super::command_line::switch_history(app, &id);
    app.screen = Screen::Play;
    app.tab = Tab::Lesson;
    let entry = app.progress.entry(&id);
    entry.step = step;
    app.progress.last_lesson = Some(id);
    enter_step(app, step);
    if app.present.is_some() {
        // The presentation shows this lesson from now on (its demo starts at line 1).
        super::present::sync(app);
    }
    Ok(())
}

/// Shows step `step` on the cluster as it is now: resets the goals' starting point, restores
/// the step's hints and answer, and puts the step's manifest in the editor.
fn enter_step(app: &mut App, step: usize) {
    let Some(p) = app.player.as_mut() else {
        return;
    };
    p.step = step;
    p.recap = false;
    // A new step is something to read: the small layout shows the lesson tab.
    app.tab = Tab::Lesson;
    p.skip_armed = false;
    p.revisit = false;
    p.scroll = 0;
    p.start = StepStart::of(app.sim.cluster());
    let start = p.start.clone();
    p.proof_at_start = p
        .lesson()
        .steps
        .get(step)
        .and_then(|s| s.predict.as_ref())
        .is_some_and(|q| {
            !q.proof.is_empty()
                && q.proof
                    .iter()
                    .all(|c| crate::lesson::goals::check_met(c, app.sim.cluster(), &start))
        });
    // The previous step's loss marks are old news in a new step.
    app.highlight_from = app.seen_losses;
    app.flash = 0;
    let id = p.lesson().id.clone();
    let step_id = p.lesson().steps.get(step).map(|s| s.id.clone());
    let title = p.lesson().steps.get(step).map(|s| s.title.clone());
    let of = p.lesson().steps.len();
    let saved = app.progress.lessons.get(&id);
    if let (Some(p), Some(sid)) = (app.player.as_mut(), &step_id) {
        p.hints = saved.and_then(|s| s.hints.get(sid)).copied().unwrap_or(0);
        p.answer = saved.and_then(|s| s.answers.get(sid)).copied();
        p.done = saved.is_some_and(|s| s.done_steps.contains(sid));
        p.verdict = p.answer.is_some() && p.done;
    }
    app.progress.entry(&id).step = step;
    save_progress(app);
    load_step_manifest(app, step);
    if let Some(t) = title {
        app.note(&strings::step_banner(step + 1, of, &t));
    }
    refresh_goals(app, false);
}

/// Puts the manifest of the latest step up to `step` that provides one into the editor: the
/// learner's draft of it when there is one, else the lesson's text. When no step so far has
/// a manifest, the editor holds this step's own (empty) draft, never another lesson's or the
/// sandbox's.
fn load_step_manifest(app: &mut App, step: usize) {
    let Some(p) = &app.player else {
        return;
    };
    let lesson = p.lesson();
    let (owner, name, original) = match lesson
        .steps
        .iter()
        .take(step + 1)
        .rev()
        .find_map(|s| s.manifests.first().map(|m| (s.id.clone(), m.clone())))
    {
        Some((owner, file)) => (owner, file.name, file.content.unwrap_or_default()),
        None => match lesson.steps.get(step) {
            Some(s) => (
                s.id.clone(),
                strings::EDITOR_FILE.to_string(),
                String::new(),
            ),
            None => return,
        },
    };
    let lesson_id = lesson.id.clone();
    let slot = drafts::step_slot(&lesson_id, &owner);
    if app.draft_slot == slot && app.editor_file == name {
        return;
    }
    let path = drafts::step_path(app, &lesson_id, &owner);
    let restored = drafts::switch(app, &slot, path).filter(|t| *t != original);
    app.editor = Editor::new(restored.as_deref().unwrap_or(&original));
    app.editor_file = name.clone();
    if restored.is_some() {
        app.note(&strings::draft_restored_for(&name));
    }
}

/// Keeps the editor buffer when it changed (see [`drafts::save`]).
pub fn save_draft(app: &mut App) {
    drafts::save(app);
}

/// The draft the sandbox's editor holds, restored (or `None`), after the editor switched to
/// the sandbox's slot.
pub fn restore_draft(app: &mut App) -> Option<String> {
    let path = app
        .state_dir
        .as_ref()
        .map(|dir| dir.join(persist::SANDBOX_DRAFT));
    drafts::switch(app, drafts::SANDBOX_SLOT, path)
}

/// Saves progress when kubestory has a state folder (tests and `--no-save` runs have none).
pub fn save_progress(app: &mut App) {
    if app.present.is_some() {
        // Presenting does not change the presenter's own progress.
        return;
    }
    if let Some(dir) = &app.state_dir
        && let Err(e) = progress::save(dir, &app.progress)
    {
        app.message = Some(format!("cannot save your progress: {e}"));
    }
}

/// Re-evaluates the step's goals after anything happened; announces goals that became true
/// and the step's completion. `announce` is false when a step is entered.
pub fn refresh_goals(app: &mut App, announce: bool) {
    let Some(p) = &app.player else {
        return;
    };
    let Some(step) = p.current() else {
        return;
    };
    let now: Vec<bool> = step_goals(step, app.sim.cluster(), &p.start)
        .into_iter()
        .map(|(_, met)| met)
        .collect();
    let newly: Vec<String> = step
        .goals
        .iter()
        .zip(&now)
        .enumerate()
        .filter(|(i, (_, met))| **met && !p.met.get(*i).copied().unwrap_or(false))
        .map(|(_, (g, _))| crate::ui::markdown::plain(&g.label))
        .collect();
    let all = now.iter().all(|m| *m);
    let was_done = p.done;
    let step_id = step.id.clone();
    let lesson_id = p.lesson().id.clone();
    let last = p.step + 1 == p.lesson().steps.len();
    if let Some(p) = app.player.as_mut() {
        p.met = now;
        // Done means the goals hold now: `u`, `R` or an experiment that undoes one clears it
        // (the saved progress keeps that the step was done once).
        p.done = all;
    }
    maybe_reveal(app, all, announce);
    if was_done && !all && announce {
        app.message = Some(strings::STEP_UNDONE.into());
        app.push_log(LogKind::Goal, strings::STEP_UNDONE);
    }
    if !announce {
        return;
    }
    for label in &newly {
        app.push_log(LogKind::Goal, &format!("{}{label}", strings::GOAL_MET));
    }
    if all && !was_done {
        app.progress.entry(&lesson_id).done_steps.insert(step_id);
        save_progress(app);
        app.message = Some(if last {
            strings::LESSON_DONE_KEYS.into()
        } else {
            strings::STEP_DONE_KEYS.into()
        });
        app.push_log(LogKind::Goal, strings::STEP_DONE);
    } else if let Some(label) = newly.last() {
        // Presenting, the message line shows the demo line the class is reading; the goal
        // is ticked in the pane and logged.
        if app.present.is_none() {
            app.message = Some(format!("{}{label}", strings::GOAL_MET));
        }
    }
}

/// `n`: the next step when this one is done, on the learner's own cluster; a second `n`
/// skips an unfinished step, and the next one starts from the lesson's solutions. After the
/// last step, the recap; after the recap, back to the lessons.
pub fn next_step(app: &mut App) {
    let Some(p) = app.player.as_mut() else {
        return;
    };
    if p.recap {
        leave(app);
        return;
    }
    // A step the learner went back to with `p` (to look again) is not a skip to warn about:
    // one `n` moves on, from the lesson's solutions (from a learner's trial).
    if !p.done && p.revisit {
        p.skip_armed = true;
    }
    if !p.done && !p.skip_armed {
        p.skip_armed = true;
        let first_unmet = p
            .current()
            .and_then(|s| s.goals.iter().zip(&p.met).find(|(_, m)| !**m))
            .map(|(g, _)| crate::ui::markdown::plain(&g.label))
            .unwrap_or_default();
        app.message = Some(strings::not_done_yet(&first_unmet));
        return;
    }
    let next = p.step + 1;
    let skipping = !p.done;
    let id = p.lesson().id.clone();
    if next >= p.lesson().steps.len() {
        if p.done {
            p.recap = true;
            p.scroll = 0;
            app.progress.entry(&id).finished = true;
            save_progress(app);
            app.note(strings::RECAP_BANNER);
        } else {
            app.message = Some(strings::LAST_STEP_NOT_DONE.into());
            if let Some(p) = app.player.as_mut() {
                p.skip_armed = false;
            }
        }
        return;
    }
    if skipping {
        // A skipped step is done for the learner: the next one starts from the lesson's
        // solutions, so it can always be done.
        rebuild_at(app, next);
        return;
    }
    if let Some(p) = app.player.as_ref() {
        p.workspace.write(&p.lesson().steps[next].manifests);
    }
    enter_step(app, next);
}

/// `p`: the previous step, rebuilt from the lesson's solutions (from the recap: the last step).
pub fn prev_step(app: &mut App) {
    let Some(p) = app.player.as_ref() else {
        return;
    };
    let target = if p.recap {
        p.step
    } else if p.step == 0 {
        app.message = Some(strings::FIRST_STEP.into());
        return;
    } else {
        p.step - 1
    };
    rebuild_at(app, target);
    if let Some(p) = app.player.as_mut() {
        p.revisit = true;
    }
}

/// `R`: this step again, from the cluster the lesson's solutions leave at its start.
pub fn restart_step(app: &mut App) {
    if let Some(step) = app.player.as_ref().map(|p| p.step) {
        rebuild_at(app, step);
        let message = match restore_step_manifest(app, step) {
            Some(kept) => {
                let text = strings::step_restarted_with_manifest(
                    kept.map(|p| p.display().to_string()).as_deref(),
                );
                app.note(&text);
                text
            }
            None => strings::STEP_RESTARTED.into(),
        };
        app.message = Some(message);
    }
}

/// Puts the lesson's own text of the step's manifest back in the editor when the learner's
/// edit differs from it, as an edit (Ctrl-U in the editor brings the learner's text back),
/// after keeping the learner's text in a file beside the draft. Returns `None` when nothing
/// changed, else where the learner's text was kept (if the state folder took it).
fn restore_step_manifest(app: &mut App, step: usize) -> Option<Option<PathBuf>> {
    let p = app.player.as_ref()?;
    let original = p
        .lesson()
        .steps
        .iter()
        .take(step + 1)
        .rev()
        .find_map(|s| s.manifests.first())
        .filter(|m| m.name == app.editor_file)
        .and_then(|m| m.content.clone());
    match original {
        Some(text) if app.editor.text() != text => {
            let kept = drafts::keep_beside(app, &app.editor.text());
            app.editor.replace_all(&text);
            app.draft_dirty = true;
            save_draft(app);
            Some(kept)
        }
        _ => None,
    }
}

fn rebuild_at(app: &mut App, step: usize) {
    let Some(p) = app.player.as_ref() else {
        return;
    };
    match replay_to_step(p.lesson(), step, &p.workspace) {
        Ok(sim) => {
            app.reset_sim(sim);
            app.note(strings::REBUILT);
            enter_step(app, step);
        }
        Err(e) => app.push_log(LogKind::Error, &e),
    }
}

/// `h`: opens the next hint.
pub fn next_hint(app: &mut App) {
    let Some(p) = app.player.as_mut() else {
        return;
    };
    let Some(step) = p.current() else {
        return;
    };
    let total = step.hints.len();
    let sid = step.id.clone();
    if p.hints >= total {
        app.message = Some(if total == 0 {
            strings::NO_HINTS.into()
        } else {
            strings::NO_MORE_HINTS.into()
        });
        return;
    }
    p.hints += 1;
    let shown = p.hints;
    let id = p.lesson().id.clone();
    app.progress.entry(&id).hints.insert(sid, shown);
    save_progress(app);
    app.tab = Tab::Lesson;
}

/// `a`–`d`: answers the step's predict question (the first answer counts).
pub fn answer(app: &mut App, option: usize) {
    let Some(p) = app.player.as_mut() else {
        return;
    };
    let Some(step) = p.current() else {
        return;
    };
    let Some(predict) = &step.predict else {
        app.message = Some(strings::NO_QUESTION.into());
        return;
    };
    if option >= predict.options.len() {
        app.message = Some(strings::answer_keys(predict.options.len()));
        return;
    }
    if p.answer.is_some() {
        app.message = Some(strings::ALREADY_ANSWERED.into());
        return;
    }
    let sid = step.id.clone();
    p.answer = Some(option);
    let id = p.lesson().id.clone();
    app.progress.entry(&id).answers.insert(sid, option);
    save_progress(app);
    // Predict, observe, explain: the choice is recorded; the verdict waits for the result.
    app.message = Some(strings::PREDICTION_RECORDED.into());
    app.tab = Tab::Lesson;
}

/// Shows the verdict on the learner's prediction at once (`v` while presenting: the
/// class has voted, the presenter reveals).
pub fn reveal_verdict(app: &mut App) {
    if let Some(p) = app.player.as_mut() {
        p.verdict = p.answer.is_some();
    }
}

/// After an action: once the prediction's proof holds (the result is on screen) or the step
/// is done, the verdict and the explanation are shown, and the log says so.
fn maybe_reveal(app: &mut App, all_met: bool, announce: bool) {
    let Some(p) = &app.player else {
        return;
    };
    let Some(step) = p.current() else {
        return;
    };
    let (Some(q), Some(choice)) = (&step.predict, p.answer) else {
        return;
    };
    if p.verdict || app.hold_verdict {
        return;
    }
    let proved = !p.proof_at_start
        && !q.proof.is_empty()
        && q.proof
            .iter()
            .all(|c| crate::lesson::goals::check_met(c, app.sim.cluster(), &p.start));
    if !(proved || all_met) {
        return;
    }
    let right = q.options.get(choice).is_some_and(|o| o.correct);
    if let Some(p) = app.player.as_mut() {
        p.verdict = true;
    }
    if announce {
        let text = if right {
            strings::PREDICTED_RIGHT
        } else {
            strings::PREDICTED_WRONG
        };
        app.push_log(LogKind::Goal, text);
        app.message = Some(text.into());
    }
}

/// `L`: back to the lesson picker (progress and the draft are saved; the cluster is not).
pub fn leave(app: &mut App) {
    save_draft(app);
    save_progress(app);
    app.player = None;
    app.screen = Screen::Picker;
    if let Some(id) = app.progress.last_lesson.clone() {
        app.picker.select_id(&id);
    }
}

/// The file's modification time (`None` when it cannot be read).
pub fn modified(file: &std::path::Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(file).and_then(|m| m.modified()).ok()
}

/// `--watch` / `Ctrl-R`: reads the lesson file again and plays the new version on the cluster
/// as it is (no rebuild), at the same step when it still exists. A file with errors leaves
/// the last good version playing and lists the errors in the log.
pub fn reload(app: &mut App) {
    let file = match (&app.watch, &app.player) {
        (Some(w), _) => w.file.clone(),
        (None, Some(p)) if p.loaded.folder.is_dir() => PathBuf::from(&p.loaded.file),
        _ => {
            app.message = Some(strings::NOT_A_FILE.into());
            return;
        }
    };
    if let Some(w) = app.watch.as_mut() {
        w.modified = modified(&file);
    }
    let display = file.display().to_string();
    match crate::lesson::load_lesson(&file) {
        Ok(loaded) => {
            let Some(p) = app.player.as_mut() else {
                return;
            };
            let step = p.step.min(loaded.lesson.steps.len().saturating_sub(1));
            let of = loaded.lesson.steps.len();
            p.workspace.write(
                loaded
                    .lesson
                    .steps
                    .get(step)
                    .map(|s| s.manifests.as_slice())
                    .unwrap_or_default(),
            );
            p.loaded = loaded;
            p.step = step;
            p.met.clear();
            refresh_goals(app, false);
            app.message = Some(strings::reloaded(&display, step + 1, of));
            app.note(&strings::reloaded(&display, step + 1, of));
        }
        Err(errors) => {
            for e in &errors {
                app.push_log(LogKind::Error, &e.to_string());
            }
            app.message = Some(strings::reload_failed(errors.len()));
        }
    }
}
