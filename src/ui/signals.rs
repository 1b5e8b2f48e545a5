//! Every way the outside world ends or pauses the full screen, and how kubestory answers so
//! that the terminal is always given back as it was found:
//!
//! - a signal that ends a process (INT, QUIT, TERM, HUP, USR1, USR2) sets a flag; the event
//!   loop notices it within a quarter second and leaves through the normal way out (drafts,
//!   progress and quiz results saved, terminal restored), and the process exits with
//!   128 + the signal's number, as a shell reports a killed program;
//! - a watchdog thread gives the loop [`GRACE`] to notice (it may be busy), then restores the
//!   terminal itself and ends the process with the same status;
//! - the same watchdog notices a terminal that hung up without any signal (a process started
//!   with `setsid` has no controlling terminal, so closing the window sends it nothing, and
//!   crossterm 0.29 then spins forever reading the dead terminal) and treats it as SIGHUP;
//! - SIGTSTP suspends cleanly and SIGCONT draws every cell again ([`super::tty::suspend`]);
//! - SIGABRT (an abort, such as a failed allocation) restores the terminal from the handler
//!   before the default action ends the process.
//!
//! A panic restores through the hook installed in [`super::terminal`].

use super::tty;
use signal_hook::consts::{
    SIGABRT, SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU8, Ordering};
use std::time::{Duration, Instant};

/// The signals whose default action ends a process: each ends kubestory through its normal
/// way out instead.
pub const ENDING: [i32; 6] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2];

/// How long the event loop has to notice a signal or a hang-up (idle, it wakes every 250 ms)
/// before the watchdog restores the terminal and ends the process itself.
pub const GRACE: Duration = Duration::from_secs(1);

/// The same for a terminal that hung up, shorter: the loop is then most likely stuck in
/// crossterm's read of the dead terminal and cannot come back, and drafts and progress were
/// saved before it waited. A hang-up ends the process within [`HANGUP_POLL`] + this.
pub const HANGUP_GRACE: Duration = Duration::from_millis(500);

/// How long the way out (saving drafts, progress and quiz results) may take once the loop has
/// started it, before the watchdog ends the process anyway.
pub const LEAVE_LIMIT: Duration = Duration::from_secs(5);

/// How often the watchdog looks at the terminal for a hang-up (a `poll(2)` that does not wait).
pub const HANGUP_POLL: Duration = Duration::from_millis(200);

/// The ending signal that arrived first (0: none yet).
static PENDING: AtomicI32 = AtomicI32::new(0);
/// SIGTSTP arrived: suspend.
static SUSPEND: AtomicBool = AtomicBool::new(false);
/// SIGCONT arrived: the terminal may have been changed behind kubestory's back.
static CONTINUED: AtomicBool = AtomicBool::new(false);
/// `$EDITOR` runs in the foreground: Ctrl-C and Ctrl-\ are the editor's.
static CHILD: AtomicBool = AtomicBool::new(false);
/// Where the full screen is: [`RUNNING`], [`LEAVING`] or [`DONE`].
static STATE: AtomicU8 = AtomicU8::new(DONE);
const RUNNING: u8 = 0;
const LEAVING: u8 = 1;
const DONE: u8 = 2;

/// What the event loop must do about what arrived from outside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Nothing: carry on.
    Nothing,
    /// Leave (the signal's number; SIGHUP for a terminal that hung up).
    End(i32),
    /// SIGTSTP: give the terminal back and stop until continued.
    Suspend,
    /// SIGCONT without a suspension of kubestory's own: enter the full screen again.
    Redraw,
}

/// How the full screen ended, for the exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// The learner quit.
    Quit,
    /// A signal (or a hang-up, as SIGHUP) ended it.
    Signal(i32),
}

impl Exit {
    /// The process's exit status: 0, or 128 + the signal's number as shells report it.
    pub fn code(self) -> u8 {
        match self {
            Exit::Quit => 0,
            Exit::Signal(sig) => u8::try_from(128 + sig).unwrap_or(u8::MAX),
        }
    }
}

/// The handlers and the watchdog of one full-screen session. Dropping it tells the watchdog
/// that the terminal was restored (also when a panic unwinds).
pub struct Watch(());

impl Watch {
    /// Saves the terminal's modes, installs the handlers and starts the watchdog. Call before
    /// entering raw mode.
    pub fn start() -> std::io::Result<Watch> {
        PENDING.store(0, Ordering::SeqCst);
        SUSPEND.store(false, Ordering::SeqCst);
        CONTINUED.store(false, Ordering::SeqCst);
        CHILD.store(false, Ordering::SeqCst);
        STATE.store(RUNNING, Ordering::SeqCst);
        tty::save_modes();
        // SAFETY (each closure): only atomics, write(2), tcsetattr(3), sigaction(2) and
        // raise(3) run in the handlers, all async-signal-safe.
        for sig in ENDING {
            unsafe {
                signal_hook::low_level::register(sig, move || {
                    let keys = sig == SIGINT || sig == SIGQUIT;
                    if !(keys && CHILD.load(Ordering::SeqCst)) {
                        let _ =
                            PENDING.compare_exchange(0, sig, Ordering::SeqCst, Ordering::SeqCst);
                    }
                })?
            };
        }
        unsafe {
            signal_hook::low_level::register(SIGTSTP, || SUSPEND.store(true, Ordering::SeqCst))?;
            signal_hook::low_level::register(SIGCONT, || CONTINUED.store(true, Ordering::SeqCst))?;
            signal_hook::low_level::register(SIGABRT, on_abort)?;
        }
        std::thread::Builder::new()
            .name("kubestory-watchdog".into())
            .spawn(watchdog)?;
        Ok(Watch(()))
    }

    /// What to do now. An ending signal stays pending; a suspension or a redraw is taken.
    pub fn pending(&self) -> Pending {
        match PENDING.load(Ordering::SeqCst) {
            0 if SUSPEND.swap(false, Ordering::SeqCst) => Pending::Suspend,
            0 if CONTINUED.swap(false, Ordering::SeqCst) => Pending::Redraw,
            0 => Pending::Nothing,
            sig => Pending::End(sig),
        }
    }

    /// Answers what is pending the way every full-screen loop does: suspends and comes back
    /// (SIGTSTP), or enters the full screen again (SIGCONT). Says whether the loop must end
    /// (`Some(true)`), redraw (`Some(false)`) or carry on (`None`).
    pub fn attend(
        &self,
        terminal: &mut ratatui::DefaultTerminal,
        mouse: bool,
    ) -> std::io::Result<Option<bool>> {
        match self.pending() {
            Pending::End(_) => Ok(Some(true)),
            Pending::Suspend => self.suspend(terminal, mouse).map(|()| Some(false)),
            Pending::Redraw => tty::enter(terminal, mouse).map(|()| Some(false)),
            Pending::Nothing => Ok(None),
        }
    }

    /// Suspends (Ctrl-Z or SIGTSTP) and comes back into the full screen when continued.
    pub fn suspend(
        &self,
        terminal: &mut ratatui::DefaultTerminal,
        mouse: bool,
    ) -> std::io::Result<()> {
        let result = tty::suspend(terminal, mouse);
        // The SIGCONT that woke kubestory up is answered already.
        CONTINUED.store(false, Ordering::SeqCst);
        result
    }

    /// While a program kubestory waits for (`$EDITOR`) has the terminal, kubestory behaves as
    /// `system(3)` does: SIGINT and SIGQUIT (Ctrl-C, Ctrl-\\ in a cooked terminal) are the
    /// program's and do not end kubestory, and SIGTSTP stops kubestory with it (its default
    /// action), so that Ctrl-Z in the editor stops the whole job and `fg` continues both.
    /// Dropping the guard puts kubestory's handling back.
    pub fn foreground_child(&self) -> ForegroundChild {
        CHILD.store(true, Ordering::SeqCst);
        ForegroundChild {
            tstp: default_action(SIGTSTP),
        }
    }

    /// The loop noticed and is on its way out: the watchdog now waits up to [`LEAVE_LIMIT`].
    pub fn leaving(&self) {
        let _ = STATE.compare_exchange(RUNNING, LEAVING, Ordering::SeqCst, Ordering::SeqCst);
    }

    /// How the session ended, given that the loop left on its own.
    pub fn exit(&self) -> Exit {
        match PENDING.load(Ordering::SeqCst) {
            0 => Exit::Quit,
            sig => Exit::Signal(sig),
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        STATE.store(DONE, Ordering::SeqCst);
    }
}

/// See [`Watch::foreground_child`].
pub struct ForegroundChild {
    /// kubestory's SIGTSTP handling, to put back.
    tstp: Option<libc::sigaction>,
}

impl Drop for ForegroundChild {
    fn drop(&mut self) {
        if let Some(previous) = &self.tstp {
            put_back(SIGTSTP, previous);
        }
        CHILD.store(false, Ordering::SeqCst);
    }
}

/// Gives `sig` its default action; returns the action it had (`None`: it could not be
/// changed).
pub(crate) fn default_action(sig: i32) -> Option<libc::sigaction> {
    // SAFETY: sigaction with a zeroed action and SIG_DFL is the documented way to reset a
    // disposition; the previous one is returned whole, to be put back unchanged.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        let mut previous: libc::sigaction = std::mem::zeroed();
        (libc::sigaction(sig, &default, &mut previous) == 0).then_some(previous)
    }
}

/// Puts back an action [`default_action`] returned.
pub(crate) fn put_back(sig: i32, previous: &libc::sigaction) {
    // SAFETY: `previous` came from sigaction for the same signal.
    unsafe { libc::sigaction(sig, previous, std::ptr::null_mut()) };
}

/// SIGABRT: the terminal back first (the process is about to die with it raw), then the
/// default action.
fn on_abort() {
    if STATE.load(Ordering::SeqCst) != DONE {
        tty::emergency_restore();
        tty::write_all(libc::STDERR_FILENO, b"kubestory: aborted\n");
    }
    let _ = signal_hook::low_level::emulate_default_handler(SIGABRT);
}

/// Watches for an ending signal the loop does not notice in time, and for a hung-up terminal.
fn watchdog() {
    loop {
        std::thread::sleep(HANGUP_POLL);
        if STATE.load(Ordering::SeqCst) == DONE {
            return;
        }
        let mut grace = GRACE;
        if PENDING.load(Ordering::SeqCst) == 0 {
            if !tty::hung_up() {
                continue;
            }
            let _ = PENDING.compare_exchange(0, SIGHUP, Ordering::SeqCst, Ordering::SeqCst);
            grace = HANGUP_GRACE;
        }
        let sig = PENDING.load(Ordering::SeqCst);
        if !wait_for(|| STATE.load(Ordering::SeqCst) != RUNNING, grace)
            || !wait_for(|| STATE.load(Ordering::SeqCst) == DONE, LEAVE_LIMIT)
        {
            tty::emergency_restore();
            // SAFETY: ends the process at once; the loop is stuck and cannot be waited for.
            unsafe { libc::_exit(128 + sig) };
        }
        return;
    }
}

/// Whether `done` became true within `limit` (looked at every 20 ms).
fn wait_for(done: impl Fn() -> bool, limit: Duration) -> bool {
    let start = Instant::now();
    while !done() {
        if start.elapsed() >= limit {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::Exit;

    /// Shells report a program killed by signal N as 128 + N.
    #[test]
    fn exit_status_of_a_signal_is_128_plus_its_number() {
        assert_eq!(Exit::Quit.code(), 0);
        assert_eq!(Exit::Signal(signal_hook::consts::SIGTERM).code(), 143);
        assert_eq!(Exit::Signal(signal_hook::consts::SIGINT).code(), 130);
    }
}
