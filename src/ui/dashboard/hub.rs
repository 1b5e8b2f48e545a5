//! What the dashboard needs from the server, as a trait: the dashboard (in `ui`, with ratatui)
//! and the SSH server (in `serve`, without it) meet here and nowhere else. The server owns the
//! students' sessions; the dashboard only reads their statuses and sends directives.

use crate::class::live::{Directive, StudentStatus, Tally};

/// The running class as the teacher's dashboard sees it. Implemented by the server's hub
/// (shared with its session tasks, hence `Send + Sync`); [`super::fake::FakeHub`] stands in
/// for it in tests. Every method is cheap and never blocks for long: the dashboard calls them
/// on its own thread between frames.
pub trait Hub: Send + Sync {
    /// Every student seen during this run, connected or not (the dashboard sorts them).
    fn students(&self) -> Vec<StudentStatus>;
    /// The server's clock (ms since it started): the times in [`StudentStatus`] are on it.
    fn now_ms(&self) -> u64;
    /// Sends a directive to one student by name, or (`None`) to every connected student.
    fn send(&self, to: Option<&str>, d: Directive);
    /// Starts mirroring one student's screen (`Some(name)`), or stops (`None`): only the
    /// watched student's frames need to be kept for [`Hub::mirror`].
    fn watch(&self, student: Option<&str>);
    /// The watched student's last screen, read-only (`None`: nothing yet, or not connected).
    fn mirror(&self) -> Option<ratatui::buffer::Buffer>;
    /// The live vote on a step's prediction (`options`: how many answers it offers, so the
    /// counts have one entry per option even before anyone voted).
    fn tally(&self, lesson: &str, step: &str, options: usize) -> Tally;
    /// The lines at the top of the dashboard, for the projector before class: the exact
    /// `ssh -p PORT NAME@HOST` line, the class code, the class name, how many are connected.
    fn banner(&self) -> Vec<String>;
    /// A counter that moves whenever anything above changed (a status, a vote, a new frame of
    /// the watched student, the banner): the dashboard draws again only then, on a key, a
    /// resize or a new second of the clock.
    fn changed(&self) -> u64;
}
