//! The terminal's modes, turned on and off in one place: raw mode, the alternate screen, mouse
//! reporting, bracketed paste and the hidden cursor. Three ways out share it: the normal one
//! ([`leave`]), a suspension ([`suspend`], then [`enter`] again), and the emergency one
//! ([`emergency_restore`]) that signal handlers and the watchdog use when the event loop
//! cannot be trusted to run again (only async-signal-safe calls).

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::DefaultTerminal;
use std::sync::OnceLock;

/// What undoes everything kubestory turns on, as bytes a signal handler can write with one
/// `write(2)`: mouse reporting off (every mode crossterm's `EnableMouseCapture` enables),
/// bracketed paste off, colours reset, cursor shown, alternate screen left.
pub const RESTORE: &[u8] =
    b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?2004l\x1b[0m\x1b[?25h\x1b[?1049l";

/// The terminal's modes as they were before kubestory changed them (cooked, echo on), kept
/// for [`emergency_restore`]: crossterm keeps its own copy, but out of reach of a signal
/// handler.
static SAVED: OnceLock<libc::termios> = OnceLock::new();

/// The file descriptor of the terminal: standard input, as crossterm uses it when it is a
/// terminal (kubestory opens the full screen only then).
const TTY_FD: libc::c_int = libc::STDIN_FILENO;

/// Remembers the terminal's modes. Call before raw mode is entered.
pub fn save_modes() {
    // SAFETY: `termios` is plain data; tcgetattr fills it, or fails and it is not kept.
    let mut modes: libc::termios = unsafe { std::mem::zeroed() };
    if unsafe { libc::tcgetattr(TTY_FD, &mut modes) } == 0 {
        let _ = SAVED.set(modes);
    }
}

/// Puts the terminal back as it was, from any context, a signal handler included: writes
/// [`RESTORE`] to standard output and sets the saved modes. Only `write(2)` and
/// `tcsetattr(3)` are called (both async-signal-safe); errors are ignored (a hung-up terminal
/// has nothing left to restore).
pub fn emergency_restore() {
    write_all(libc::STDOUT_FILENO, RESTORE);
    if let Some(modes) = SAVED.get() {
        // SAFETY: `modes` came from tcgetattr on the same descriptor.
        unsafe { libc::tcsetattr(TTY_FD, libc::TCSANOW, modes) };
    }
}

/// `write(2)` until every byte is out or the descriptor fails (a few tries at most).
pub fn write_all(fd: libc::c_int, mut bytes: &[u8]) {
    for _ in 0..8 {
        if bytes.is_empty() {
            return;
        }
        // SAFETY: the pointer and length describe a live slice.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if n <= 0 {
            return;
        }
        bytes = &bytes[(n as usize).min(bytes.len())..];
    }
}

/// The normal way out: mouse, paste and cursor back, raw mode off, alternate screen left.
/// Errors are ignored: on a hung-up terminal there is nothing left to restore, and printing
/// the error would fail too.
pub fn leave() {
    let _ = crossterm::execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        crossterm::cursor::Show
    );
    let _ = ratatui::try_restore();
}

/// Back into the full screen after a suspension (or after anything that may have changed the
/// terminal behind kubestory's back, such as a stop and SIGCONT): raw mode, alternate screen,
/// mouse reporting when `mouse`, bracketed paste, and every cell drawn on the next frame.
pub fn enter(terminal: &mut DefaultTerminal, mouse: bool) -> std::io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableBracketedPaste
    )?;
    if mouse {
        crossterm::execute!(std::io::stdout(), EnableMouseCapture)?;
    }
    // The screen may hold anything now (a shell prompt, another program's output).
    terminal.clear()
}

/// Ctrl-Z or SIGTSTP: leaves the full screen, stops the process as a shell expects (SIGTSTP
/// with its default action, so the shell prints its prompt and `fg` continues it), and comes
/// back into the full screen when continued. In an orphaned process group (no job-control
/// shell that could continue it) the kernel discards the stop and kubestory carries on.
pub fn suspend(terminal: &mut DefaultTerminal, mouse: bool) -> std::io::Result<()> {
    leave();
    stop_with_default_action();
    enter(terminal, mouse)
}

/// Raises SIGTSTP with its default action (stop) for a moment, then puts kubestory's own
/// handler back. Returns once the process is continued (SIGCONT).
fn stop_with_default_action() {
    let Some(previous) = super::signals::default_action(libc::SIGTSTP) else {
        return;
    };
    // SAFETY: plain libc calls on a local signal set.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGTSTP);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(libc::SIGTSTP);
    }
    super::signals::put_back(libc::SIGTSTP, &previous);
}

/// Whether the terminal hung up (closed window, killed tmux session, dropped ssh link): a
/// poll of its descriptor reports POLLHUP, POLLERR or POLLNVAL. No signal is needed, so this
/// also works for a process started with `setsid`, which has no controlling terminal and gets
/// no SIGHUP.
pub fn hung_up() -> bool {
    let mut fd = libc::pollfd {
        fd: TTY_FD,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, no wait.
    let n = unsafe { libc::poll(&mut fd, 1, 0) };
    n > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

#[cfg(test)]
mod tests {
    use super::RESTORE;

    /// The emergency bytes turn off every mode crossterm's commands turn on.
    #[test]
    fn restore_bytes_match_crossterms_commands() {
        use crossterm::Command;
        let mut expected = String::new();
        crossterm::event::DisableMouseCapture
            .write_ansi(&mut expected)
            .unwrap();
        crossterm::event::DisableBracketedPaste
            .write_ansi(&mut expected)
            .unwrap();
        crossterm::cursor::Show.write_ansi(&mut expected).unwrap();
        crossterm::terminal::LeaveAlternateScreen
            .write_ansi(&mut expected)
            .unwrap();
        let restore = String::from_utf8_lossy(RESTORE);
        for part in expected.split('\x1b').filter(|p| !p.is_empty()) {
            assert!(restore.contains(part), "{part:?} missing from RESTORE");
        }
    }
}
