//! What the server needs of a student's screen: bytes in, bytes out, a status and the events
//! worth recording. The server never sees what draws it (that is `ui::remote_session`), so it
//! can be tested with a stand-in and never imports the terminal libraries.

use crate::class::live::{ClassEvent, Directive, StudentStatus};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// One student's kubestory, driven by the bytes of their SSH channel.
pub trait Screen {
    /// The bytes the student's terminal sent.
    fn input(&mut self, bytes: &[u8], now_ms: u64);
    /// The student's terminal changed size.
    fn resize(&mut self, width: u16, height: u16);
    /// The teacher sent something.
    fn directive(&mut self, directive: Directive, now_ms: u64);
    /// How long until [`Screen::poll`] has timed work (a lone ESC, the running clock);
    /// `None`: nothing until the next input.
    fn wake_in(&self, now_ms: u64) -> Option<Duration>;
    /// Does the timed work that is due.
    fn poll(&mut self, now_ms: u64);
    /// The bytes that bring the student's terminal up to date, if anything changed.
    fn frame(&mut self) -> Option<Vec<u8>>;
    /// Where the student is, for the dashboard.
    fn status(&self, now_ms: u64) -> StudentStatus;
    /// What happened since the last call, for the class record.
    fn take_events(&mut self) -> Vec<ClassEvent>;
    /// The student quit, or the session was told to end.
    fn ended(&self) -> bool;
    /// Saves the student's work and returns the bytes that give their terminal back.
    fn goodbye(&mut self) -> Vec<u8>;
    /// A copy of the screen as last drawn, for the teacher to watch.
    fn mirror(&self) -> Option<crate::ui::mirror::Mirror>;
}

/// What a new screen is made from.
#[derive(Clone, Debug)]
pub struct ScreenSetup {
    /// The student's name.
    pub student: String,
    /// The terminal's size.
    pub width: u16,
    /// The terminal's size.
    pub height: u16,
    /// `TERM` from the pty request.
    pub term: String,
    /// The client asked for no colour (`NO_COLOR` sent with `SendEnv`).
    pub no_color: bool,
    /// The client's locale as OpenSSH sends it by default (`SendEnv LANG LC_*`):
    /// `LC_ALL`, `LC_CTYPE`, `LANG`. A locale that is not UTF-8 draws ASCII.
    pub locale: [Option<String>; 3],
    /// The student's own folder for progress, drafts and history.
    pub state_dir: Option<PathBuf>,
    /// The server's clock now.
    pub now_ms: u64,
}

/// Makes a student's screen (on the student's own thread).
pub type ScreenFactory = Arc<dyn Fn(ScreenSetup) -> Box<dyn Screen> + Send + Sync>;
