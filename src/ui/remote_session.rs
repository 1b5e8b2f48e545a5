//! One student's kubestory over SSH (issue 14): the same [`App`], keymap, update and render
//! as the local terminal, driven by the bytes of the student's SSH channel and drawn into
//! bytes for it. The server (`serve`, which never sees ratatui) runs one per student on its
//! own thread: it feeds [`RemoteSession::input`], sleeps until [`RemoteSession::wake_in`],
//! calls [`RemoteSession::poll`], and sends what [`RemoteSession::frame`] returns.
//!
//! The student is a stranger on the teacher's machine, so a remote session differs from a
//! local run in what it may touch: no process is ever spawned (`$EDITOR`, Ctrl-Z), `-f` and
//! `cp` read only the editor's buffer, the lesson's manifests, in-memory copies and the
//! bundled k8s.io examples ([`App::contained`]), nothing is written outside the student's
//! own state folder, quiz results go to the class record as events, and keys are
//! rate-limited so that a flood of bytes costs bounded time.
//!
//! `Send`: the server may build it on one thread and run it on another.

use super::app::{App, Effect, LogKind, Screen};
use super::remote_class::{Snapshot, Tracker};
use super::remote_directive::{self, Follow};
use super::remote_input::{ESC_WAIT_MS, RemoteInput};
use super::remote_screen::RemoteScreen;
use super::terminal::{Options, prepare, to_action};
use super::{Action, player, quiz, strings, update};
use crate::class::live::{ClassEvent, Directive, StudentStatus};
use std::path::PathBuf;
use std::time::Duration;

/// Everything a session needs to start: who, on what terminal, with what lessons.
#[derive(Clone, Debug)]
pub struct SessionSetup {
    /// The student's name (already checked by `class::bounds::check_name`).
    pub student: String,
    /// The client's terminal size (from the pty request).
    pub width: u16,
    /// The client's terminal height.
    pub height: u16,
    /// `TERM` from the pty request (`xterm-256color`, `dumb`…).
    pub term: String,
    /// `NO_COLOR` was sent (or the teacher wants no colour).
    pub no_color: bool,
    /// Draw with ASCII only (the server's choice: [`super::remote_term::ascii`] gives the
    /// rule from the locale the client sent). A `TERM` of a hardware terminal (`vt100`…)
    /// draws in ASCII whatever this says.
    pub ascii: bool,
    /// This student's own folder (progress, drafts, history, sandbox journal); `None`: the
    /// session keeps nothing.
    pub state_dir: Option<PathBuf>,
    /// The lessons to offer (as the local `kubestory` does).
    pub lessons: Vec<crate::lesson::LibraryLesson>,
    /// Lesson files that did not load, one line each.
    pub problems: Vec<String>,
    /// The server's clock (ms) at the start.
    pub now_ms: u64,
}

/// The most keys a client may send at once before keys are dropped (a paste is one).
pub const MAX_KEYS_BURST: u32 = 1024;

/// Keys per second a client may send for as long as it likes: far above any typist, key
/// repeat or mouse wheel, low enough that a flood of garbage bytes costs bounded work.
pub const KEYS_PER_SECOND: u32 = 256;

/// The most bytes the editor holds in a session over SSH (every key re-checks the whole
/// buffer; the manifest loader refuses anything above 1 MiB anyway).
pub const MAX_REMOTE_DRAFT_BYTES: usize = 256 << 10;

/// The most lines of a paste on the command line queued as commands.
pub const MAX_PASTED_LINES: usize = 200;

/// The most log lines kept: beyond, the oldest half goes (a long session's memory stays
/// bounded).
pub const MAX_LOG_LINES: usize = 20_000;

/// How often the loss flash moves (as the local event loop).
const FLASH_MS: u64 = 150;

/// One student's session.
pub struct RemoteSession {
    app: App,
    screen: RemoteScreen,
    input: RemoteInput,
    tracker: Tracker,
    follow: Follow,
    /// Something changed since the last frame.
    dirty: bool,
    /// The session is over (`q`, or a directive), with the teacher's reason.
    ended: bool,
    reason: Option<String>,
    /// When the last byte came, and whether the decoder holds bytes waiting for more.
    last_byte_ms: u64,
    esc_pending: bool,
    /// The running clock: when wall time was last handed to the simulation.
    last_tick_ms: u64,
    last_flash_ms: u64,
    /// The quiz countdown's second on screen.
    shown_second: u64,
    /// Keys the client may still send now, and when that was counted.
    tokens: u32,
    refilled_ms: u64,
}

impl RemoteSession {
    /// A session at the lesson picker, its first frame not drawn yet.
    pub fn new(setup: SessionSetup) -> RemoteSession {
        let theme = setup
            .state_dir
            .as_deref()
            .and_then(|d| super::settings::load(d).theme)
            .unwrap_or_default();
        let options = Options {
            ascii: setup.ascii || super::remote_term::ascii(&setup.term, None, None, None),
            color: super::remote_term::color(&setup.term, setup.no_color),
            library: setup.lessons,
            problems: setup.problems,
            theme,
            ..Options::default()
        };
        // Only a lesson, a quiz or present asked at start can fail, and none is.
        let mut app = prepare(options, setup.state_dir).unwrap_or_else(|_| App::sandbox());
        app.contained = true;
        app.size = (setup.width.max(1), setup.height.max(1));
        let mut session = RemoteSession {
            app,
            screen: RemoteScreen::new(setup.width, setup.height),
            input: RemoteInput::new(),
            tracker: Tracker::new(&setup.student, setup.now_ms),
            follow: Follow::default(),
            dirty: true,
            ended: false,
            reason: None,
            last_byte_ms: setup.now_ms,
            esc_pending: false,
            last_tick_ms: setup.now_ms,
            last_flash_ms: setup.now_ms,
            shown_second: 0,
            tokens: MAX_KEYS_BURST,
            refilled_ms: setup.now_ms,
        };
        session.stamp(setup.now_ms);
        session
    }

    /// Bytes from the client's channel: decoded, turned into actions and applied.
    pub fn input(&mut self, bytes: &[u8], now_ms: u64) {
        if bytes.is_empty() || self.ended() {
            return;
        }
        self.stamp(now_ms);
        self.tracker.last_activity_ms = now_ms;
        self.last_byte_ms = now_ms;
        let events = self.input.feed(bytes);
        self.esc_pending = self.input.buffered_len() > 0;
        self.events(events, now_ms);
    }

    /// The client's window changed size.
    pub fn resize(&mut self, width: u16, height: u16) {
        let (width, height) = (width.max(1), height.max(1));
        self.screen.resize(width, height);
        update(&mut self.app, Action::Resize(width, height));
        self.dirty = true;
    }

    /// Something the teacher sent.
    pub fn directive(&mut self, d: Directive, now_ms: u64) {
        if self.ended() {
            return;
        }
        self.stamp(now_ms);
        let before = Snapshot::of(&self.app);
        let running = self.clock_runs();
        if let Some(reason) = remote_directive::apply(&mut self.app, &mut self.follow, d) {
            self.ended = true;
            self.reason = Some(reason);
        }
        self.after(&before, running, now_ms);
    }

    /// How long until [`Self::poll`] has work (`None`: nothing until the next input).
    pub fn wake_in(&self, now_ms: u64) -> Option<Duration> {
        if self.ended() {
            return None;
        }
        let mut due: Option<u64> = None;
        let mut at = |ms: u64| due = Some(due.map_or(ms, |d| d.min(ms)));
        if self.esc_pending {
            at(self.last_byte_ms + ESC_WAIT_MS);
        }
        if self.app.flash > 0 {
            at(self.last_flash_ms + FLASH_MS);
        }
        if let Some(q) = &self.app.quiz
            && self.app.screen == Screen::Quiz
            && q.deadline.is_some()
            && !matches!(q.phase, quiz::Phase::Review)
        {
            at((self.app.clock_ms / 1000 + 1) * 1000);
        }
        if self.clock_runs() {
            at(self.last_tick_ms + self.app.clock.wall_ms_to_next_tick());
        }
        due.map(|d| Duration::from_millis(d.saturating_sub(now_ms)))
    }

    /// The timed work that is due: a lone Escape, the loss flash, a quiz's countdown, the
    /// running clock's next second.
    pub fn poll(&mut self, now_ms: u64) {
        if self.ended() {
            return;
        }
        self.stamp(now_ms);
        if self.esc_pending && now_ms >= self.last_byte_ms + ESC_WAIT_MS {
            self.esc_pending = false;
            let events = self.input.flush_pending();
            self.events(events, now_ms);
        }
        if self.app.flash > 0 && now_ms >= self.last_flash_ms + FLASH_MS {
            self.last_flash_ms = now_ms;
            self.act(Action::Tick, now_ms);
        }
        if self.app.quiz.as_ref().is_some_and(|q| q.deadline.is_some())
            && self.app.clock_ms / 1000 != self.shown_second
        {
            self.shown_second = self.app.clock_ms / 1000;
            self.act(Action::Tick, now_ms);
        }
        if !self.clock_runs() {
            self.last_tick_ms = now_ms;
        } else {
            let spent = now_ms.saturating_sub(self.last_tick_ms);
            if spent >= self.app.clock.wall_ms_to_next_tick() {
                self.last_tick_ms = now_ms;
                self.act(Action::Elapsed(spent), now_ms);
            }
        }
    }

    /// The bytes to send when the screen changed (the first call also takes over the
    /// client's terminal: alternate screen, hidden cursor, mouse, bracketed paste); `None`
    /// when the client already shows this.
    pub fn frame(&mut self) -> Option<Vec<u8>> {
        if !std::mem::take(&mut self.dirty) {
            return None;
        }
        self.app.size = self.screen.size();
        self.screen.draw(&self.app)
    }

    /// The dashboard's row for this student.
    pub fn status(&self, _now_ms: u64) -> StudentStatus {
        self.tracker.status(&self.app)
    }

    /// What the class record should keep since the last call.
    pub fn take_events(&mut self) -> Vec<ClassEvent> {
        self.tracker.take()
    }

    /// The student quit, or the teacher ended the session.
    pub fn ended(&self) -> bool {
        self.ended || self.app.quit
    }

    /// Ends the session: saves what a local run saves on quitting (the draft, the sandbox's
    /// clock, progress; a quiz's answers so far become events), and returns the bytes that
    /// give the client its terminal back, with a farewell line.
    pub fn goodbye(&mut self) -> Vec<u8> {
        self.ended = true;
        player::save_draft(&mut self.app);
        super::sandbox::flush(&mut self.app);
        player::save_progress(&mut self.app);
        if let Some(effect) = quiz::unsaved_results(&self.app) {
            self.app.effects.push(effect);
        }
        // Saved once: a second goodbye finds nothing unsaved.
        self.app.quiz = None;
        self.effects();
        let mut out = self.screen.leave();
        out.extend_from_slice(
            strings::remote_farewell(self.reason.as_deref(), self.app.state_dir.is_some())
                .as_bytes(),
        );
        out.extend_from_slice(b"\r\n");
        out
    }

    /// A copy of the screen last sent, for the teacher to watch.
    pub fn mirror(&self) -> ratatui::buffer::Buffer {
        self.screen.mirror()
    }

    /// The app, for tests and the teacher's view.
    pub fn app(&self) -> &App {
        &self.app
    }

    fn events(&mut self, events: Vec<crossterm::event::Event>, now_ms: u64) {
        self.refill(now_ms);
        let mut dropped = 0usize;
        for ev in events {
            if self.ended() {
                break;
            }
            // A key costs a token before the keymap looks at it (that look is the cost
            // of a flood); mouse events that mean nothing (a drag's motion) cost none.
            let key = matches!(ev, crossterm::event::Event::Key(_));
            let action = if key {
                None
            } else {
                to_action(&self.app, ev.clone())
            };
            if !key && action.is_none() {
                continue;
            }
            if self.tokens == 0 {
                dropped += 1;
                continue;
            }
            self.tokens -= 1;
            if let Some(action) = action.or_else(|| to_action(&self.app, ev)) {
                self.act(action, now_ms);
            }
        }
        if dropped > 0 {
            self.app.message = Some(format!(
                "{dropped} keys were dropped: more than {KEYS_PER_SECOND} a second"
            ));
            self.dirty = true;
        }
        // The editor's text is kept as it is typed, as the local shell does.
        player::save_draft(&mut self.app);
    }

    fn refill(&mut self, now_ms: u64) {
        let gained = now_ms.saturating_sub(self.refilled_ms) * u64::from(KEYS_PER_SECOND) / 1000;
        if gained > 0 {
            self.refilled_ms = now_ms;
            self.tokens = (u64::from(self.tokens) + gained).min(u64::from(MAX_KEYS_BURST)) as u32;
        }
    }

    /// One action, as the local event loop applies it, with what must differ over SSH.
    fn act(&mut self, action: Action, now_ms: u64) {
        let before = Snapshot::of(&self.app);
        let running = self.clock_runs();
        match action {
            Action::ReloadLesson => self.app.message = Some(strings::REMOTE_NO_RELOAD.into()),
            // The size comes from the channel's window changes only.
            Action::Resize(..) => {}
            Action::EditorPaste(text)
                if self.app.editor.text().len() + text.len() > MAX_REMOTE_DRAFT_BYTES =>
            {
                self.app.message = Some(strings::remote_draft_full(MAX_REMOTE_DRAFT_BYTES));
            }
            Action::LinePaste(text) if text.lines().nth(MAX_PASTED_LINES).is_some() => {
                // One command a line, run one per Enter: more than a lesson ever needs is
                // cut (each line queued costs memory out of proportion to its bytes).
                let kept: Vec<&str> = text.lines().take(MAX_PASTED_LINES).collect();
                update(&mut self.app, Action::LinePaste(kept.join("\n")));
                self.app.message = Some(strings::remote_paste_cut(MAX_PASTED_LINES));
            }
            Action::EditorInput(input)
                if grows(&input) && self.app.editor.text().len() >= MAX_REMOTE_DRAFT_BYTES =>
            {
                self.app.message = Some(strings::remote_draft_full(MAX_REMOTE_DRAFT_BYTES));
            }
            action => update(&mut self.app, action),
        }
        self.after(&before, running, now_ms);
    }

    /// After anything changed the app: the effects a remote session allows, a verdict the
    /// teacher revealed, the class's events, the log's bound. `running`: whether the clock
    /// ran before (one that starts now counts wall time from now, not from the picker).
    fn after(&mut self, before: &Snapshot, running: bool, now_ms: u64) {
        if !running || !self.clock_runs() {
            self.last_tick_ms = now_ms;
        }
        self.effects();
        remote_directive::reveal_if_due(&mut self.app, &self.follow);
        if let Some(q) = self.app.quiz.as_mut()
            && q.session.student.is_empty()
        {
            q.session.student = self.tracker.name.clone();
        }
        self.tracker.compare(before, &self.app, now_ms);
        trim_log(&mut self.app);
        self.dirty = true;
    }

    fn effects(&mut self) {
        for effect in std::mem::take(&mut self.app.effects) {
            match effect {
                Effect::ExternalEditor => {
                    self.app.message = Some(strings::REMOTE_NO_EDITOR.into());
                }
                Effect::SaveQuizResults { rows, .. } => {
                    for row in rows.into_iter().filter(|r| r.answered) {
                        self.tracker.push(ClassEvent::QuizAnswered {
                            lesson: row.lesson,
                            question: row.question,
                            answer: row.answer,
                            correct: row.correct,
                        });
                    }
                    if let Some(q) = self.app.quiz.as_mut() {
                        q.saved = Some(strings::REMOTE_QUIZ_SAVED.into());
                    }
                }
                Effect::Suspend | Effect::PublishPresent(_) => {}
            }
        }
    }

    /// Sets the app's clock before an action, as the local shell does.
    fn stamp(&mut self, now_ms: u64) {
        self.app.clock_ms = now_ms;
        self.app.clock_date =
            humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    }

    fn clock_runs(&self) -> bool {
        self.app.screen == Screen::Play && !self.app.clock.paused && self.app.quiz.is_none()
    }
}

/// Whether an editor key adds text (the ones refused when the editor is full).
fn grows(input: &ratatui_textarea::Input) -> bool {
    use ratatui_textarea::Key;
    !input.ctrl && !input.alt && matches!(input.key, Key::Char(_) | Key::Enter | Key::Tab)
}

/// Drops the oldest half of the log when it passed [`MAX_LOG_LINES`], keeping the drawer,
/// the scroll and the unread mark on the same lines.
fn trim_log(app: &mut App) {
    if app.log.len() <= MAX_LOG_LINES {
        return;
    }
    let cut = app.log.len() - MAX_LOG_LINES / 2;
    app.log.drain(..cut);
    app.log_seen = app.log_seen.saturating_sub(cut);
    app.log_scroll = app.log_scroll.min(app.log.len().saturating_sub(1));
    app.drawer = None;
    app.push_log(LogKind::Note, strings::REMOTE_LOG_TRIMMED);
}
