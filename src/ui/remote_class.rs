//! What a remote student's session tells the class: the events the class record keeps and
//! the dashboard row, read off the app by comparing it before and after each action (one
//! key, one directive, one tick), so the lesson code never needs to know a class exists.

use super::app::{App, Screen};
use crate::class::live::{ClassEvent, Place, StudentStatus};
use std::collections::BTreeSet;

/// What the comparison needs of the app at one moment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// The lesson's id and the step on screen, when a step of a lesson is (not the recap).
    at: Option<(String, usize)>,
    step_id: String,
    done: bool,
    hints: usize,
    answer: Option<usize>,
    last_step: bool,
    failed: u64,
}

impl Snapshot {
    /// The app now.
    pub fn of(app: &App) -> Snapshot {
        let failed = app.failed_commands;
        let Some(p) = app.player.as_ref().filter(|_| app.screen == Screen::Play) else {
            return Snapshot {
                failed,
                ..Snapshot::default()
            };
        };
        let Some(step) = p.current() else {
            return Snapshot {
                failed,
                ..Snapshot::default()
            };
        };
        Snapshot {
            at: Some((p.lesson().id.clone(), p.step)),
            step_id: step.id.clone(),
            done: p.done,
            hints: p.hints,
            answer: p.answer,
            last_step: p.step + 1 == p.lesson().steps.len(),
            failed,
        }
    }
}

/// The class's view of one student's session: events waiting to be drained, and what the
/// dashboard row needs beyond the app (times, counts).
#[derive(Debug, Default)]
pub struct Tracker {
    /// The student's name.
    pub name: String,
    /// When the step on screen began (server ms).
    pub step_since_ms: u64,
    /// Commands that failed since then.
    pub failed_commands: u32,
    /// The last input (server ms).
    pub last_activity_ms: u64,
    lessons_done: BTreeSet<String>,
    events: Vec<ClassEvent>,
}

impl Tracker {
    /// A tracker for `name`, starting at `now_ms`.
    pub fn new(name: &str, now_ms: u64) -> Tracker {
        Tracker {
            name: name.to_string(),
            step_since_ms: now_ms,
            last_activity_ms: now_ms,
            ..Tracker::default()
        }
    }

    /// Adds an event from outside the comparison (a quiz's answers).
    pub fn push(&mut self, event: ClassEvent) {
        self.events.push(event);
    }

    /// The events since the last call, oldest first.
    pub fn take(&mut self) -> Vec<ClassEvent> {
        std::mem::take(&mut self.events)
    }

    /// Compares the app with `before` (taken just before one action) and records what
    /// happened.
    pub fn compare(&mut self, before: &Snapshot, app: &App, now_ms: u64) {
        let after = Snapshot::of(app);
        let (lesson, step) = match &after.at {
            Some((l, _)) => (l.clone(), after.step_id.clone()),
            None => (String::new(), String::new()),
        };
        self.failed(before, app, &lesson, &step);
        if after.at != before.at {
            self.step_since_ms = now_ms;
            self.failed_commands = 0;
            if after.at.is_some() {
                self.events.push(ClassEvent::StepStarted { lesson, step });
            }
            return;
        }
        if after.at.is_none() {
            return;
        }
        if after.done && !before.done {
            self.events.push(ClassEvent::StepCompleted {
                lesson: lesson.clone(),
                step: step.clone(),
            });
            if after.last_step && self.lessons_done.insert(lesson.clone()) {
                self.events.push(ClassEvent::LessonCompleted {
                    lesson: lesson.clone(),
                });
            }
        }
        for hint in before.hints + 1..=after.hints {
            self.events.push(ClassEvent::HintOpened {
                lesson: lesson.clone(),
                step: step.clone(),
                hint,
            });
        }
        if let (None, Some(option)) = (before.answer, after.answer) {
            self.events.push(ClassEvent::Voted {
                lesson,
                step,
                option,
            });
        }
    }

    /// The command that failed during the action (at most one runs per action).
    fn failed(&mut self, before: &Snapshot, app: &App, lesson: &str, step: &str) {
        if app.failed_commands == before.failed {
            return;
        }
        self.failed_commands = self.failed_commands.saturating_add(1);
        self.events.push(ClassEvent::CommandFailed {
            lesson: lesson.to_string(),
            step: step.to_string(),
            command: app.last_failed_command.clone(),
        });
    }

    /// The dashboard's row for this student now.
    pub fn status(&self, app: &App) -> StudentStatus {
        let mut s = StudentStatus {
            name: self.name.clone(),
            connected: true,
            place: match app.screen {
                Screen::Picker => Place::Picker,
                Screen::Quiz => Place::Quiz,
                Screen::Play if app.player.is_some() => Place::Lesson,
                Screen::Play => Place::Sandbox,
            },
            step_since_ms: self.step_since_ms,
            failed_commands: self.failed_commands,
            last_activity_ms: self.last_activity_ms,
            ..StudentStatus::default()
        };
        if let Some(p) = app.player.as_ref().filter(|_| app.screen == Screen::Play) {
            s.lesson = p.lesson().id.clone();
            s.lesson_title = p.lesson().title.clone();
            s.steps = p.lesson().steps.len();
            if let Some(step) = p.current() {
                s.step = Some(p.step);
                s.step_title = step.title.clone();
                s.goals_total = step.goals.len();
                s.goals_met = p.met.iter().filter(|m| **m).count();
                s.hints = p.hints;
                s.voted = p.answer;
            }
        }
        s
    }
}
