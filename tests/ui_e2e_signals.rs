//! Issue 13, "a terminal always restored", end to end: the real binary in a real terminal
//! (tmux, driven by tests/e2e/tui-drive), ended or paused from outside by every signal a
//! person or a system sends, by a terminal that hangs up, and started in terminals that cannot
//! draw a full screen. After each, tmux itself says whether the alternate screen, mouse
//! reporting and the cursor were given back, and the shell says whether cooked mode and echo
//! are back (`stty -a`) and what the exit status was. Skipped with a note when tmux is
//! missing, unless CI=true.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The private tmux socket of one test (one tmux server each, so that each test can end its
/// server and remove its socket file).
fn socket(name: &str) -> String {
    format!("kubestory-sig-{}-{name}", std::process::id())
}

/// Runs a tui-drive subcommand on the session's private socket; returns (success, stdout).
fn td(args: &[&str]) -> (bool, String) {
    let out = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/tui-drive"))
        .args(args)
        .env("TUI_DRIVE_SOCKET", socket(args[1]))
        .output()
        .expect("run tui-drive");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Runs tmux itself on the session's socket; returns its standard output, trimmed.
fn tmux(name: &str, args: &[&str]) -> String {
    Command::new("tmux")
        .args(["-L", &socket(name), "-f", "/dev/null"])
        .args(args)
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "tmux is required on CI"
        );
        eprintln!("note: tmux is not installed; skipping the end-to-end signal tests");
    }
    ok
}

/// One terminal with a shell in it, a private state folder, and whatever kubestory it starts.
/// Dropping it (also when an assertion fails) ends the tmux session, kills a kubestory still
/// running, and removes the folder.
struct Session {
    name: &'static str,
    state: PathBuf,
    /// The tmux server's socket file.
    socket_path: String,
}

impl Session {
    /// An interactive shell (job control on, as a person's) in a fresh 120x40 terminal.
    fn start(name: &'static str) -> Session {
        let state =
            std::env::temp_dir().join(format!("kubestory-sig-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&state);
        std::fs::create_dir_all(&state).expect("state dir");
        td(&[
            "start",
            name,
            "--size",
            "120x40",
            "--",
            "env",
            "PS1=$ ",
            "bash",
            "--norc",
            "--noprofile",
        ]);
        let socket_path = tmux(name, &["display-message", "-p", "#{socket_path}"]);
        Session {
            name,
            state,
            socket_path,
        }
    }

    /// Types `line` into the shell and presses Enter.
    fn shell(&self, line: &str) {
        td(&["type", self.name, line]);
        td(&["keys", self.name, "Enter"]);
    }

    /// Starts kubestory with `args`, its environment prefixed by `env` (`VAR=value …`), its
    /// pid recorded; the shell prints `EXIT=<status>` when it ends (the line typed does not
    /// hold `EXIT=` itself).
    fn launch(&self, env: &str, args: &str) {
        self.shell(&format!(
            "ulimit -c 0; cd {dir} && {env} XDG_STATE_HOME={state} sh -c 'echo $$ > {state}/pid; exec {bin} {args}'; echo \"EXIT\"\"=$?\"",
            dir = env!("CARGO_MANIFEST_DIR"),
            state = self.state.display(),
            bin = env!("CARGO_BIN_EXE_kubestory"),
        ));
    }

    /// The sandbox, started and drawn.
    fn launch_sandbox(&self, env: &str) {
        self.launch(env, "--sandbox");
        self.wait("standard (default)");
    }

    fn pid(&self) -> String {
        let path = self.state.join("pid");
        for _ in 0..100 {
            if let Ok(pid) = std::fs::read_to_string(&path)
                && !pid.trim().is_empty()
            {
                return pid.trim().to_string();
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("kubestory never wrote its pid to {}", path.display());
    }

    fn kill(&self, signal: &str) {
        let ok = Command::new("kill")
            .args([&format!("-{signal}"), &self.pid()])
            .status()
            .expect("kill");
        assert!(ok.success(), "kill -{signal} failed");
    }

    fn screen(&self) -> String {
        td(&["screen", self.name]).1
    }

    fn wait(&self, text: &str) {
        let (ok, _) = td(&["wait", self.name, text, "40"]);
        assert!(ok, "{text:?} never appeared:\n{}", self.screen());
    }

    /// tmux's own view of the terminal: (alternate screen on, mouse reporting on, cursor
    /// shown).
    fn modes(&self) -> (bool, bool, bool) {
        let text = tmux(
            self.name,
            &[
                "display-message",
                "-p",
                "-t",
                self.name,
                "#{alternate_on} #{mouse_any_flag} #{cursor_flag}",
            ],
        );
        let flags: Vec<bool> = text.split_whitespace().map(|f| f == "1").collect();
        assert_eq!(flags.len(), 3, "tmux said {text:?}");
        (flags[0], flags[1], flags[2])
    }

    /// kubestory ended with `status` (printed after `marker`=), and left the terminal as it
    /// found it.
    fn ended_cleanly(&self, status: u8) {
        self.ended_with("EXIT", status);
    }

    fn ended_with(&self, marker: &str, status: u8) {
        self.wait(&format!("{marker}="));
        let screen = self.screen();
        assert!(
            screen.contains(&format!("{marker}={status}")),
            "expected {marker}={status}:\n{screen}"
        );
        self.assert_restored();
    }

    /// Main screen, no mouse reporting, cursor shown; cooked mode and echo on.
    fn assert_restored(&self) {
        assert_eq!(
            self.modes(),
            (false, false, true),
            "(alternate screen, mouse, cursor) not restored:\n{}",
            self.screen()
        );
        self.shell(
            "stty -a | tr ' ' '\\n' | grep -xE 'icanon|echo' | tr '\\n' ' '; echo ST-$((40+2))",
        );
        self.wait("ST-42");
        assert!(
            self.screen().contains("icanon echo ST-42"),
            "terminal left raw:\n{}",
            self.screen()
        );
    }

    /// Whether the kubestory this session started still runs (a stopped one counts; a zombie
    /// waiting for its new parent to reap it does not).
    fn running(&self) -> bool {
        std::fs::read_to_string(Path::new("/proc").join(self.pid()).join("stat")).is_ok_and(
            |stat| {
                !stat
                    .rsplit(')')
                    .next()
                    .unwrap_or_default()
                    .trim_start()
                    .starts_with('Z')
            },
        )
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        tmux(self.name, &["kill-server"]);
        if !self.socket_path.is_empty() {
            let _ = std::fs::remove_file(&self.socket_path);
        }
        if let Ok(pid) = std::fs::read_to_string(self.state.join("pid")) {
            let pid = pid.trim();
            if !pid.is_empty() && Path::new("/proc").join(pid).exists() {
                let _ = Command::new("kill").args(["-9", pid]).status();
            }
        }
        let _ = std::fs::remove_dir_all(&self.state);
    }
}

/// A signal that ends a process ends kubestory through its normal way out: the terminal
/// comes back and the status is 128 + the signal's number.
fn ended_by(name: &'static str, signal: &str, status: u8) {
    if !tmux_available() {
        return;
    }
    let s = Session::start(name);
    s.launch_sandbox("");
    assert_eq!(s.modes(), (true, true, false), "the TUI is not up");
    s.kill(signal);
    s.ended_cleanly(status);
}

#[test]
fn sigint_restores_the_terminal() {
    ended_by("int", "INT", 130);
}

#[test]
fn sigquit_restores_the_terminal() {
    ended_by("quit", "QUIT", 131);
}

#[test]
fn sigusr1_restores_the_terminal() {
    ended_by("usr1", "USR1", 138);
}

/// An abort (as a failed allocation ends the process) gives the terminal back before the
/// default action: the handler writes the restore sequence and the saved modes.
#[test]
fn sigabrt_restores_the_terminal() {
    ended_by("abrt", "ABRT", 134);
}

/// SIGTERM while the event loop is busy (a test hook stalls it for 30 s right after its first
/// frame): the watchdog restores the terminal itself and exits with 143, not 0.
#[test]
fn sigterm_while_busy_restores_the_terminal() {
    if !tmux_available() {
        return;
    }
    let s = Session::start("busy");
    s.launch_sandbox("KUBESTORY_TEST_STALL_MS=30000");
    s.kill("TERM");
    s.ended_cleanly(143);
}

/// `kill -TSTP`, then `fg`: the shell gets the terminal back (cooked, main screen) while
/// kubestory is stopped, and `fg` brings the whole TUI back with nothing of the shell drawn
/// over it, keys working.
#[test]
fn sigtstp_suspends_and_fg_redraws() {
    if !tmux_available() {
        return;
    }
    let s = Session::start("tstp");
    s.launch_sandbox("");
    s.kill("TSTP");
    suspended_then_resumed(&s);
}

/// Ctrl-Z inside the TUI suspends it like SIGTSTP (raw mode turns it into a key).
#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    if !tmux_available() {
        return;
    }
    let s = Session::start("ctrlz");
    s.launch_sandbox("");
    td(&["keys", s.name, "C-z"]);
    suspended_then_resumed(&s);
}

fn suspended_then_resumed(s: &Session) {
    s.wait("Stopped");
    s.assert_restored();
    // (bash runs the rest of the launch line, `echo EXIT=…`, as soon as the job stops.)
    s.shell("fg; echo \"FG\"\"=$?\"");
    s.wait("standard (default)");
    let (gone, _) = td(&["gone", s.name, "ST-42", "5"]);
    assert!(gone, "the shell is drawn over the TUI:\n{}", s.screen());
    assert_eq!(s.modes(), (true, true, false), "full screen not re-entered");
    // Keys reach kubestory again: the help opens and closes.
    td(&["keys", s.name, "?"]);
    s.wait("close help");
    td(&["keys", s.name, "Escape"]);
    let (closed, _) = td(&["gone", s.name, "close help", "5"]);
    assert!(closed, "Esc did not close the help:\n{}", s.screen());
    td(&["keys", s.name, "q"]);
    s.ended_with("FG", 0);
}

/// Ctrl-Z in `$EDITOR` (an editor stops its whole process group, as vi does) stops kubestory
/// with it, so the shell sees the job stop and `fg` continues both; the edit comes back.
#[test]
fn ctrl_z_in_the_external_editor_stops_the_whole_job() {
    if !tmux_available() {
        return;
    }
    let s = Session::start("editor");
    let editor = s.state.join("fake-editor");
    std::fs::write(
        &editor,
        "#!/bin/sh\nkill -TSTP 0\necho '# resumed-editor' >> \"$1\"\n",
    )
    .expect("fake editor");
    let chmod = Command::new("chmod")
        .arg("+x")
        .arg(&editor)
        .status()
        .expect("chmod");
    assert!(chmod.success());
    s.launch_sandbox(&format!("EDITOR={}", editor.display()));
    td(&["keys", s.name, "E"]);
    s.wait("Stopped");
    s.shell("fg; echo \"FG\"\"=$?\"");
    s.wait("resumed-editor");
    assert_eq!(s.modes(), (true, true, false), "full screen not re-entered");
    td(&["keys", s.name, "Escape"]);
    let (closed, _) = td(&["gone", s.name, "manifest editor", "5"]);
    assert!(closed, "Esc did not close the editor:\n{}", s.screen());
    td(&["keys", s.name, "q"]);
    s.ended_with("FG", 0);
}

/// Started with `setsid` (no controlling terminal, so closing it sends no SIGHUP), kubestory
/// notices the terminal hung up and ends within a few seconds instead of spinning forever.
#[test]
fn a_hung_up_terminal_without_sighup_ends_kubestory() {
    if !tmux_available() {
        return;
    }
    let s = Session::start("setsid");
    s.shell(&format!(
        "cd {dir} && XDG_STATE_HOME={state} setsid -w sh -c 'echo $$ > {state}/pid; exec {bin} --sandbox'",
        dir = env!("CARGO_MANIFEST_DIR"),
        state = s.state.display(),
        bin = env!("CARGO_BIN_EXE_kubestory"),
    ));
    s.wait("standard (default)");
    let pid = s.pid();
    // Without a controlling terminal (tty_nr, field 7 of /proc/PID/stat, is 0).
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    let after_name = stat.rsplit(')').next().unwrap_or_default();
    let tty_nr = after_name.split_whitespace().nth(4);
    assert_eq!(tty_nr, Some("0"), "kubestory has a controlling terminal");
    td(&["stop", s.name]);
    let mut gone = false;
    for _ in 0..50 {
        if !s.running() {
            gone = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(
        gone,
        "kubestory (pid {pid}) still runs 5 s after its terminal closed"
    );
}

/// `TERM=dumb`: a clear message and status 2, no full screen.
#[test]
fn a_dumb_terminal_gets_a_message_not_escape_sequences() {
    if !tmux_available() {
        return;
    }
    let s = Session::start("dumb");
    s.launch("TERM=dumb", "--sandbox");
    s.wait("EXIT=");
    let screen = s.screen();
    assert!(screen.contains("TERM=dumb"), "{screen}");
    assert!(screen.contains("TERM=xterm-256color kubestory"), "{screen}");
    s.ended_cleanly(2);
}

/// A C locale draws with ASCII, as `--ascii` does; `--ascii=false` draws boxes anyway.
#[test]
fn a_c_locale_draws_ascii_unless_told_otherwise() {
    if !tmux_available() {
        return;
    }
    let s = Session::start("locale");
    s.launch_sandbox("LC_ALL= LC_CTYPE= LANG=C");
    let screen = s.screen();
    assert!(screen.contains("+cluster---"), "no ASCII frame:\n{screen}");
    assert!(!screen.contains('│'), "box drawing under LANG=C:\n{screen}");
    td(&["keys", s.name, "q"]);
    s.ended_cleanly(0);
    s.shell("clear");
    s.launch("LC_ALL= LC_CTYPE= LANG=C", "--sandbox --ascii=false");
    s.wait("standard (default)");
    let screen = s.screen();
    assert!(!screen.contains("+cluster---"), "ASCII frame:\n{screen}");
    td(&["keys", s.name, "q"]);
    s.ended_cleanly(0);
}
