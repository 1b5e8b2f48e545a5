//! A [`Hub`] without a server, for tests (the dashboard's and the server's): statuses set by
//! hand, a clock set by hand, and a record of every directive sent and every watch asked for.

use super::hub::Hub;
use crate::class::live::{Directive, Place, StudentStatus, Tally};
use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

/// What a [`FakeHub`] holds and records; reach it with [`FakeHub::state`].
#[derive(Clone, Debug, Default)]
pub struct FakeState {
    /// What [`Hub::students`] answers.
    pub students: Vec<StudentStatus>,
    /// What [`Hub::now_ms`] answers.
    pub now_ms: u64,
    /// Every directive sent, in order: (to whom, `None` = everyone; what).
    pub sent: Vec<(Option<String>, Directive)>,
    /// Every call of [`Hub::watch`], in order.
    pub watch_calls: Vec<Option<String>>,
    /// What [`Hub::mirror`] answers.
    pub mirror: Option<ratatui::buffer::Buffer>,
    /// The tallies by (lesson, step id); a missing one is empty.
    pub tallies: BTreeMap<(String, String), Tally>,
    /// What [`Hub::banner`] answers.
    pub banner: Vec<String>,
    /// What [`Hub::changed`] answers.
    pub changed: u64,
}

/// A hub for tests: see [`FakeState`].
#[derive(Debug, Default)]
pub struct FakeHub(Mutex<FakeState>);

impl FakeHub {
    /// A hub with these students, the clock at `now_ms`, and a banner like the server's.
    pub fn new(students: Vec<StudentStatus>, now_ms: u64) -> FakeHub {
        FakeHub(Mutex::new(FakeState {
            students,
            now_ms,
            banner: vec![
                "connect: ssh -p 2222 NAME@192.168.1.20".into(),
                "class code: tulip-42 · class: storage-101 · 5 connected".into(),
            ],
            ..FakeState::default()
        }))
    }

    /// The state, to change it or to read what was recorded (a poisoned lock is taken over:
    /// a test that panicked holding it has failed already).
    pub fn state(&self) -> MutexGuard<'_, FakeState> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The directives sent so far.
    pub fn sent(&self) -> Vec<(Option<String>, Directive)> {
        self.state().sent.clone()
    }
}

impl Hub for FakeHub {
    fn students(&self) -> Vec<StudentStatus> {
        self.state().students.clone()
    }
    fn now_ms(&self) -> u64 {
        self.state().now_ms
    }
    fn send(&self, to: Option<&str>, d: Directive) {
        let mut s = self.state();
        s.sent.push((to.map(str::to_string), d));
        s.changed += 1;
    }
    fn watch(&self, student: Option<&str>) {
        self.state().watch_calls.push(student.map(str::to_string));
    }
    fn mirror(&self) -> Option<ratatui::buffer::Buffer> {
        self.state().mirror.clone()
    }
    fn tally(&self, lesson: &str, step: &str, options: usize) -> Tally {
        let s = self.state();
        let mut t = s
            .tallies
            .get(&(lesson.to_string(), step.to_string()))
            .cloned()
            .unwrap_or_default();
        t.counts.resize(options, 0);
        if t.connected == 0 {
            t.connected = s.students.iter().filter(|st| st.connected).count();
        }
        t
    }
    fn banner(&self) -> Vec<String> {
        self.state().banner.clone()
    }
    fn changed(&self) -> u64 {
        self.state().changed
    }
}

/// A class of six in every state the dashboard shows, the clock at 30 minutes: `ana` on the
/// first lesson's second step, doing well; `ben` stuck (nine minutes on a step, five failed
/// commands, two hints); `chloe` disconnected; `dev` in the sandbox; `emma` in a quiz; `farid`
/// choosing a lesson. Their lesson is the built-in `state` lesson.
pub fn sample_class() -> Vec<StudentStatus> {
    let now: u64 = 30 * 60_000;
    let lesson = |name: &str, step: usize, title: &str| StudentStatus {
        name: name.into(),
        connected: true,
        place: Place::Lesson,
        lesson: "state".into(),
        lesson_title: "Why state matters".into(),
        step: Some(step),
        steps: 4,
        step_title: title.into(),
        goals_total: 2,
        ..StudentStatus::default()
    };
    vec![
        StudentStatus {
            goals_met: 1,
            step_since_ms: now - 95_000,
            hints: 0,
            failed_commands: 1,
            last_activity_ms: now - 4_000,
            voted: Some(0),
            ..lesson("ana", 1, "Delete the pod")
        },
        StudentStatus {
            goals_met: 0,
            step_since_ms: now - 9 * 60_000 - 12_000,
            hints: 2,
            failed_commands: 5,
            last_activity_ms: now - 40_000,
            ..lesson("ben", 0, "Crash the container")
        },
        StudentStatus {
            connected: false,
            goals_met: 2,
            step_since_ms: now - 20 * 60_000,
            last_activity_ms: now - 12 * 60_000,
            ..lesson("chloe", 2, "Lose a node")
        },
        StudentStatus {
            name: "dev".into(),
            connected: true,
            place: Place::Sandbox,
            step_since_ms: now - 5 * 60_000,
            failed_commands: 2,
            last_activity_ms: now - 1_000,
            ..StudentStatus::default()
        },
        StudentStatus {
            name: "emma".into(),
            connected: true,
            place: Place::Quiz,
            step_since_ms: now - 3 * 60_000,
            last_activity_ms: now - 20_000,
            ..StudentStatus::default()
        },
        StudentStatus {
            name: "farid".into(),
            connected: true,
            place: Place::Picker,
            step_since_ms: now - 30_000,
            last_activity_ms: now - 30_000,
            ..StudentStatus::default()
        },
    ]
}

/// The clock of [`sample_class`]: 30 minutes.
pub const SAMPLE_NOW_MS: u64 = 30 * 60_000;
