//! What the server says to people: students at the edges of a session (before kubestory
//! draws, and after it stops) and the teacher at start. Plain text with `\r\n` line ends for
//! the student's terminal (a raw pty does not turn `\n` into a new line).

use std::time::Duration;

/// How students reach this server, for the texts that tell them how to connect.
#[derive(Clone, Debug)]
pub struct Ssh {
    /// The port.
    pub port: u16,
    /// The address students use (the machine's network address when listening on all).
    pub host: String,
}

impl Ssh {
    /// `ssh -p PORT NAME@HOST` with `name` for NAME.
    pub fn line(&self, name: &str) -> String {
        format!("ssh -p {} {name}@{}", self.port, self.host)
    }
}

/// Plain lines for a student's raw terminal.
fn lines(text: &str) -> String {
    let mut s = text.replace('\n', "\r\n");
    s.push_str("\r\n");
    s
}

/// The session's screen failed (a bug): the student is told, the class goes on.
pub fn crashed() -> String {
    lines(
        "\x1b[?1049l\x1b[?25h\x1b[0mkubestory stopped unexpectedly in this session (a bug). Your progress up to the last step is kept: ssh in again to go on.",
    )
}

/// The student pressed nothing for the idle timeout.
pub fn idle(limit: Duration) -> String {
    format!(
        "You were idle for {} minutes, so this session was closed. Your progress is kept: ssh in again to go on.",
        limit.as_secs() / 60
    )
}

/// The class is over (the teacher stopped the server).
pub const CLASS_OVER: &str = "The class is over: your teacher stopped the server. Your progress is kept in the class record.";

/// `ssh -T` or a client that asked for no terminal.
pub fn need_terminal(ssh: &Ssh) -> String {
    lines(&format!(
        "kubestory needs a terminal: connect with `{}` (without -T, and without a command).",
        ssh.line("NAME")
    ))
}

/// A client whose `TERM` cannot draw a full screen (`dumb`, unknown, empty).
pub fn need_full_screen(term: &str, ssh: &Ssh) -> String {
    let term: String = term
        .chars()
        .filter(|c| c.is_ascii_graphic())
        .take(32)
        .collect();
    let term = if term.is_empty() {
        "(empty)".to_string()
    } else {
        term
    };
    lines(&format!(
        "kubestory needs a full-screen terminal, and TERM={term} says this one cannot draw one.\nIf it is a terminal emulator, connect with `TERM=xterm-256color {}`.",
        ssh.line("NAME")
    ))
}

/// A remote command (`ssh HOST cat /etc/passwd`).
pub fn no_exec(ssh: &Ssh) -> String {
    lines(&format!(
        "kubestory runs no commands: this server offers only the kubestory class. Connect with `{}` and no command.",
        ssh.line("NAME")
    ))
}

/// A subsystem (sftp, scp's) request.
pub fn no_subsystem(name: &str) -> String {
    let name: String = name
        .chars()
        .filter(|c| c.is_ascii_graphic())
        .take(32)
        .collect();
    lines(&format!(
        "kubestory offers no {name:?} subsystem: this server offers only the kubestory class."
    ))
}

/// The SSH user name cannot be a student's name.
pub fn bad_name(why: &str, ssh: &Ssh) -> String {
    lines(&format!(
        "{why}\nYour SSH user name is your name in the class: connect as `{}`.",
        ssh.line("yourname")
    ))
}

/// The class cannot take this student.
pub fn cannot_join(why: &str) -> String {
    lines(why)
}

/// The keyboard-interactive prompt.
pub const CODE_PROMPT: &str = "class code: ";

/// The keyboard-interactive instruction above the prompt.
pub const CODE_INSTRUCTION: &str = "Type the class code your teacher shows.";
