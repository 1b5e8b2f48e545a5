//! The student table as data: one [`Row`] per student with the times worked out on the
//! server's clock, the stuck rule, the sort orders and the filter. Pure: no terminal, no clock
//! but the one passed in.

use crate::class::live::{Place, StudentStatus};

/// How long on one step before a student may be stuck (see [`is_stuck`]).
pub const STUCK_AFTER_MS: u64 = 5 * 60_000;
/// How long on one step before a student counts as stuck whatever else they did.
pub const STUCK_ANYWAY_MS: u64 = 10 * 60_000;
/// Failed commands on one step that, with [`STUCK_AFTER_MS`], make a student stuck.
pub const STUCK_FAILURES: u32 = 3;
/// Hints opened on one step that, with [`STUCK_AFTER_MS`], make a student stuck.
pub const STUCK_HINTS: usize = 2;

/// Which column orders the table (`s` cycles through them in this order).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// By name, A to Z.
    #[default]
    Name,
    /// By lesson, then step: the furthest behind first.
    Step,
    /// The longest time on the current step first.
    TimeOnStep,
    /// The most failed commands first.
    Failures,
    /// The longest without a key first (the quiet ones).
    LastActivity,
}

impl SortBy {
    /// The next column for `s`.
    pub fn next(self) -> SortBy {
        match self {
            SortBy::Name => SortBy::Step,
            SortBy::Step => SortBy::TimeOnStep,
            SortBy::TimeOnStep => SortBy::Failures,
            SortBy::Failures => SortBy::LastActivity,
            SortBy::LastActivity => SortBy::Name,
        }
    }

    /// How the header names it.
    pub fn label(self) -> &'static str {
        match self {
            SortBy::Name => "name",
            SortBy::Step => "step",
            SortBy::TimeOnStep => "time on step",
            SortBy::Failures => "failures",
            SortBy::LastActivity => "last activity",
        }
    }
}

/// One student's line of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The status the server reported.
    pub status: StudentStatus,
    /// How long they have been on the step on screen (ms).
    pub on_step_ms: u64,
    /// How long since their last key (ms).
    pub idle_ms: u64,
    /// Whether they look stuck ([`is_stuck`]).
    pub stuck: bool,
}

/// The stuck rule: a connected student in a lesson, on a step whose goals do not all hold,
/// who has been on it for [`STUCK_AFTER_MS`] (5 minutes) with [`STUCK_FAILURES`] (3) failed
/// commands or [`STUCK_HINTS`] (2) hints opened, or for [`STUCK_ANYWAY_MS`] (10 minutes)
/// whatever they did. Time alone at 5 minutes is reading; time with failures or hints is
/// trying without getting there, which is when a teacher's visit helps. A student who left,
/// or is in the sandbox, the picker or a quiz, is never stuck on a step.
pub fn is_stuck(s: &StudentStatus, now_ms: u64) -> bool {
    let on_step = now_ms.saturating_sub(s.step_since_ms);
    s.connected
        && s.place == Place::Lesson
        && s.step.is_some()
        && s.goals_met < s.goals_total
        && on_step >= STUCK_AFTER_MS
        && (s.failed_commands >= STUCK_FAILURES
            || s.hints >= STUCK_HINTS
            || on_step >= STUCK_ANYWAY_MS)
}

/// Whether a student matches the `/` filter: their name, lesson (id or title) or step title
/// contains it, case-insensitive; or the filter is `stuck`, `away`, `sandbox`, `quiz` and
/// they are so.
pub fn matches(row: &Row, filter: &str) -> bool {
    let f = filter.trim().to_lowercase();
    if f.is_empty() {
        return true;
    }
    let s = &row.status;
    let word = match f.as_str() {
        "stuck" => row.stuck,
        "away" | "disconnected" => !s.connected,
        "sandbox" => s.place == Place::Sandbox,
        "quiz" => s.place == Place::Quiz,
        _ => false,
    };
    word || [&s.name, &s.lesson, &s.lesson_title, &s.step_title]
        .iter()
        .any(|t| t.to_lowercase().contains(&f))
}

/// The table: every student as a row, filtered and sorted (ties by name, so the order never
/// jumps between frames).
pub fn rows(students: &[StudentStatus], now_ms: u64, sort: SortBy, filter: &str) -> Vec<Row> {
    let mut rows: Vec<Row> = students
        .iter()
        .map(|s| Row {
            status: s.clone(),
            on_step_ms: now_ms.saturating_sub(s.step_since_ms),
            idle_ms: now_ms.saturating_sub(s.last_activity_ms),
            stuck: is_stuck(s, now_ms),
        })
        .filter(|r| matches(r, filter))
        .collect();
    let name = |r: &Row| r.status.name.to_lowercase();
    rows.sort_by(|a, b| {
        let by = match sort {
            SortBy::Name => std::cmp::Ordering::Equal,
            SortBy::Step => step_key(&a.status).cmp(&step_key(&b.status)),
            SortBy::TimeOnStep => b.on_step_ms.cmp(&a.on_step_ms),
            SortBy::Failures => b.status.failed_commands.cmp(&a.status.failed_commands),
            SortBy::LastActivity => b.idle_ms.cmp(&a.idle_ms),
        };
        by.then_with(|| name(a).cmp(&name(b)))
            .then_with(|| a.status.name.cmp(&b.status.name))
    });
    rows
}

/// The order of "step": students in a lesson by lesson id and step (the recap after the last
/// step), then the others (picker, sandbox, quiz).
fn step_key(s: &StudentStatus) -> (bool, String, usize) {
    let in_lesson = s.place == Place::Lesson;
    (!in_lesson, s.lesson.clone(), s.step.unwrap_or(usize::MAX))
}

/// A duration as `mm:ss` (`h:mm:ss` from an hour on).
pub fn clock(ms: u64) -> String {
    let s = ms / 1000;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

/// How long ago, as people say it: `now`, `12s ago`, `4m ago`, `2h ago`.
pub fn ago(ms: u64) -> String {
    let s = ms / 1000;
    match s {
        0..=1 => "now".into(),
        2..=59 => format!("{s}s ago"),
        60..=3599 => format!("{}m ago", s / 60),
        _ => format!("{}h ago", s / 3600),
    }
}
