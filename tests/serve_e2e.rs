//! `kubestory serve` end to end with the stock OpenSSH client (issue 14's "Done when"): the
//! real binary serves on a loopback port, the teacher's dashboard runs in tmux, students run
//! `ssh` in tmux shells (tests/e2e/tui-drive) and type the class code; the refusals run `ssh`
//! directly, with the code given by an SSH_ASKPASS script. Skipped with a note when tmux or
//! ssh is missing, unless CI=true. The russh-client tests of the server: tests/serve_ssh.rs.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CODE: &str = "e2e-code";
const BIN: &str = env!("CARGO_BIN_EXE_kubestory");

/// How long a wait may take before the test fails: an upper bound only (a wait returns as
/// soon as the text shows), generous because CI runs these beside the build on two cores.
const WAIT_SECS: &str = "40";

fn drive() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/tui-drive")
}

/// The private tmux socket of one terminal (a tmux server per terminal, ended with it).
fn socket(name: &str) -> String {
    format!("kubestory-serve-e2e-{}-{name}", std::process::id())
}

/// Runs a tui-drive subcommand on the terminal's private socket; returns (success, stdout).
fn td(args: &[&str]) -> (bool, String) {
    let out = Command::new(drive())
        .args(args)
        .env(
            "TUI_DRIVE_SOCKET",
            socket(args.get(1).copied().unwrap_or("")),
        )
        .output()
        .expect("run tui-drive");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn tools_available() -> bool {
    let runs = |cmd: &str, arg: &str| {
        Command::new(cmd)
            .arg(arg)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let ok = runs("tmux", "-V") && runs("ssh", "-V");
    if !ok {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "tmux and the OpenSSH client are required on CI"
        );
        eprintln!("note: tmux or ssh is not installed; skipping the serve end-to-end tests");
    }
    ok
}

/// One terminal in tmux; stopped (its tmux server ended, its socket removed) when dropped,
/// passed or failed.
struct Term {
    name: String,
}

impl Term {
    fn start(name: &str, size: &str, command: &[&str]) -> Term {
        let mut args = vec!["start", name, "--size", size, "--"];
        args.extend_from_slice(command);
        let (ok, _) = td(&args);
        assert!(ok, "tmux session {name} did not start");
        Term {
            name: name.to_string(),
        }
    }

    fn screen(&self) -> String {
        td(&["screen", &self.name]).1
    }

    fn screen_ansi(&self) -> String {
        td(&["screen-ansi", &self.name]).1
    }

    /// Waits until `text` is on the screen; fails the test with the screen if it never is.
    fn wait(&self, text: &str) {
        let (ok, _) = td(&["wait", &self.name, text, WAIT_SECS]);
        assert!(
            ok,
            "{text:?} never appeared on {}:\n{}",
            self.name,
            self.screen()
        );
    }

    /// Waits until `text` has left the screen.
    fn gone(&self, text: &str) {
        let (ok, _) = td(&["gone", &self.name, text, WAIT_SECS]);
        assert!(ok, "{text:?} stayed on {}:\n{}", self.name, self.screen());
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["keys", self.name.as_str()];
        args.extend_from_slice(keys);
        td(&args);
    }

    fn typed(&self, text: &str) {
        td(&["type", &self.name, text]);
    }

    /// Types `line` into the student's `:` command line and runs it.
    fn run(&self, line: &str) {
        self.keys(&[":"]);
        self.typed(line);
        self.keys(&["Enter"]);
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        td(&["stop", &self.name]);
        let _ = Command::new("tmux")
            .args(["-L", &socket(&self.name), "kill-server"])
            .output();
        let dir = std::env::var("TMUX_TMPDIR").unwrap_or_else(|_| "/tmp".into());
        // SAFETY: getuid has no preconditions and cannot fail.
        let uid = unsafe { libc::getuid() };
        let _ = std::fs::remove_file(
            Path::new(&dir)
                .join(format!("tmux-{uid}"))
                .join(socket(&self.name)),
        );
    }
}

/// A running class: the teacher's dashboard in tmux, serving on a free loopback port, with a
/// private state folder. The terminal goes before the folder (field order).
struct Class {
    teacher: Term,
    port: u16,
    class: String,
    dir: tempfile::TempDir,
}

impl Class {
    /// `kubestory serve --listen 127.0.0.1:0`: the port is read from the dashboard's first
    /// line, the `ssh -p PORT` to put on the projector.
    fn start(tag: &str, class: &str) -> Class {
        let dir = tempfile::Builder::new()
            .prefix("kubestory-serve-e2e-")
            .tempdir()
            .expect("temp dir");
        let home = dir.path().display().to_string();
        let state = format!("XDG_STATE_HOME={home}/state");
        let home_var = format!("HOME={home}");
        let teacher = Term::start(
            &format!("{tag}-teacher"),
            "120x36",
            &[
                "env",
                &state,
                &home_var,
                BIN,
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--code",
                CODE,
                "--class",
                class,
            ],
        );
        teacher.wait("ssh -p ");
        let screen = teacher.screen();
        let port = screen
            .split("ssh -p ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port on the dashboard:\n{screen}"));
        Class {
            teacher,
            port,
            class: class.to_string(),
            dir,
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The OpenSSH options of every connection: this port, no config file, host keys in
    /// the test's own file, accepted the first time, and no keys or agent offered (nothing
    /// in ~/.ssh is read for keys or written).
    fn ssh_options(&self) -> Vec<String> {
        [
            "-F",
            "/dev/null",
            "-p",
            &self.port.to_string(),
            "-o",
            &format!(
                "UserKnownHostsFile={}",
                self.path().join("known_hosts").display()
            ),
            "-o",
            "GlobalKnownHostsFile=/dev/null",
            "-o",
            "StrictHostKeyChecking=accept-new",
            "-o",
            "PubkeyAuthentication=no",
            "-o",
            "IdentityAgent=none",
            "-o",
            "ConnectTimeout=20",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    /// A student's shell in tmux (its own HOME) running `ssh NAME@127.0.0.1`, then printing
    /// ssh's exit status; the code is typed at the prompt, and the lesson picker awaited.
    fn join(&self, tag: &str, name: &str, size: &str, no_color: bool) -> Term {
        let home = self.path().join(name);
        std::fs::create_dir_all(&home).expect("student home");
        let home = format!("HOME={}", home.display());
        let mut command = vec!["env", "PS1=$ ", &home];
        if no_color {
            command.push("NO_COLOR=1");
        }
        command.extend_from_slice(&["bash", "--norc", "--noprofile"]);
        let term = Term::start(&format!("{tag}-{name}"), size, &command);
        let line = format!(
            "ssh {} -o SendEnv=NO_COLOR {name}@127.0.0.1; echo SSH-EXIT=$?",
            self.ssh_options().join(" ")
        );
        term.typed(&line);
        term.keys(&["Enter"]);
        term.wait("class code:");
        term.typed(CODE);
        term.keys(&["Enter"]);
        term.wait("Pick a lesson");
        term
    }

    /// `ssh OPTIONS ARGS` run directly, the class code given by an SSH_ASKPASS script that
    /// answers `code`; returns (exit status, stdout and stderr together). A client that
    /// does not end within the wait is killed and fails the test.
    fn ssh(&self, code: &str, args: &[&str]) -> (Option<i32>, String) {
        let mut child = self.ssh_child(code, args);
        let deadline = Instant::now() + Duration::from_secs(40);
        let status = loop {
            if let Some(status) = child.0.try_wait().expect("wait for ssh") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "ssh {args:?} did not end:\n{}",
                child.output()
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        (status.code(), child.output())
    }

    fn ssh_child(&self, code: &str, args: &[&str]) -> SshChild {
        let askpass = self.path().join(format!("askpass-{code}"));
        let log = self.path().join("askpass.log");
        std::fs::write(
            &askpass,
            format!(
                "#!/bin/sh\necho \"$1\" >> '{}'\necho '{code}'\n",
                log.display()
            ),
        )
        .expect("askpass script");
        std::fs::set_permissions(&askpass, std::fs::Permissions::from_mode(0o700))
            .expect("askpass mode");
        let out_path = self.path().join(format!("ssh-{}.out", unique()));
        let out = std::fs::File::create(&out_path).expect("ssh output file");
        let child = Command::new("ssh")
            .args(self.ssh_options())
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path())
            .env("SSH_ASKPASS", &askpass)
            .env("SSH_ASKPASS_REQUIRE", "force")
            .stdin(Stdio::null())
            .stdout(out.try_clone().expect("ssh output file"))
            .stderr(out)
            .spawn()
            .expect("run ssh");
        SshChild(child, out_path)
    }

    /// How many times ssh asked for the class code (through the askpass script).
    fn prompts(&self) -> usize {
        std::fs::read_to_string(self.path().join("askpass.log"))
            .map(|s| s.lines().count())
            .unwrap_or(0)
    }
}

/// A distinct number per call (output file names).
fn unique() -> usize {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
}

/// An ssh process and the file of its output; killed when dropped if still running.
struct SshChild(std::process::Child, PathBuf);

impl SshChild {
    fn output(&self) -> String {
        std::fs::read_to_string(&self.1).unwrap_or_default()
    }
}

impl Drop for SshChild {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The line of the dashboard's table that shows `name`.
fn row(screen: &str, name: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(&format!(" {name} ")))
        .unwrap_or_else(|| panic!("no row for {name}:\n{screen}"))
        .to_string()
}

/// Whether an ANSI screen (tmux capture-pane -e) sets any foreground or background colour
/// (SGR 30–38, 40–48, 90–97, 100–107; 39 and 49, the defaults, are no colour).
fn has_colour(ansi: &str) -> bool {
    ansi.split("\x1b[").skip(1).any(|seq| {
        let Some(end) = seq.find(|c: char| c.is_ascii_alphabetic()) else {
            return false;
        };
        if &seq[end..=end] != "m" {
            return false;
        }
        let params: Vec<u32> = seq[..end]
            .split(';')
            .filter_map(|p| p.parse().ok())
            .collect();
        // The first parameter after 38/48 starts a colour; the numbers after it are not SGRs.
        params
            .iter()
            .any(|&p| matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107))
    })
}

/// Answers the first question of the class quiz on container-filesystem right. The class
/// shares a shuffled order (seeded by the clock), so the question on screen is recognised.
fn answer_container_filesystem_question(student: &Term) {
    let screen = student.screen();
    if screen.contains("which command") {
        // restart-keep-story
        student.run("crash deploy/story");
        eprintln!("quiz: restart-keep-story first");
    } else if screen.contains("CrashLoopBackOff") {
        // emptydir-gone: b, c and d are right
        student.keys(&["b", "c", "d", "Enter"]);
        eprintln!("quiz: emptydir-gone first");
    } else {
        // crash-both (the emptyDir's story survives: b) or same-pod-same-files (False: b)
        student.keys(&["b", "Enter"]);
        eprintln!("quiz: crash-both or same-pod-same-files first");
    }
}

/// After ssh ends, the student's shell is usable again: the pane is out of raw mode.
fn shell_is_sane(term: &Term) {
    term.typed("stty -a | tr ' ' '\\n' | grep -xE 'icanon|echo' | tr '\\n' ' '; echo ST-$((40+2))");
    term.keys(&["Enter"]);
    term.wait("ST-42");
    let screen = term.screen();
    assert!(
        screen.contains("icanon echo ST-42"),
        "terminal left raw on {}:\n{screen}",
        term.name
    );
}

#[test]
fn two_students_play_vote_take_a_quiz_and_the_class_ends_cleanly() {
    if !tools_available() {
        return;
    }
    let class = Class::start("flow", "e2e-flow");
    let teacher = &class.teacher;
    teacher.wait("Nobody has connected yet");

    // 1. Ada logs in with the code, opens lesson 1 and plays a step: a goal ticks, and the
    // dashboard shows her on that lesson and step with the goal counted.
    let ada = class.join("flow", "ada", "100x30", false);
    ada.keys(&["Enter"]);
    ada.wait("step 1/4 goals 0/3");
    ada.run("kubectl apply -f story.yaml");
    ada.wait("goal met: The story app runs");
    ada.wait("step 1/4 goals 1/3");
    teacher.wait("1/4 Crash the container");
    teacher.wait("1/3");
    let ada_row = row(&teacher.screen(), "ada");
    assert!(
        ada_row.contains("Why state matters")
            && ada_row.contains("1/4 Crash the container")
            && ada_row.contains("1/3"),
        "{ada_row}"
    );

    // Bob: an 80x24 terminal that asks for no colour (NO_COLOR sent with SendEnv).
    let bob = class.join("flow", "bob", "80x24", true);
    bob.keys(&["Enter"]);
    bob.wait("step 1/4 goals 0/3");
    bob.wait("a) The same pod NAME, with RESTARTS 1");
    assert!(
        has_colour(&ada.screen_ansi()),
        "ada's screen has colours:\n{}",
        ada.screen_ansi()
    );
    assert!(
        !has_colour(&bob.screen_ansi()),
        "NO_COLOR: bob's screen has none:\n{}",
        bob.screen_ansi()
    );
    teacher.wait("students 2/2 connected");

    // 5. A vote: each answers on their own screen; the presenter shows the tally; v
    // reveals the answer on both screens.
    ada.keys(&["a"]);
    bob.keys(&["b"]);
    teacher.keys(&["p"]);
    teacher.wait("present which lesson?");
    teacher.keys(&["Enter"]);
    teacher.wait("live vote: 2 of 2 answered");
    let screen = teacher.screen();
    let bar = |option: &str| {
        screen
            .lines()
            .find(|l| l.contains(&format!("┃ {option} ")))
            .map(|l| l.split_whitespace().nth(3).unwrap_or("").to_string())
            .unwrap_or_else(|| panic!("no bar for {option}:\n{screen}"))
    };
    assert_eq!(
        (bar("a"), bar("b"), bar("c")),
        ("1".into(), "1".into(), "0".into()),
        "one vote each for a and b:\n{screen}"
    );
    teacher.keys(&["v"]);
    ada.wait("✓ your prediction was right");
    bob.wait("✗ your prediction was not what happened");

    // Ada finishes the step (kept in the class record below).
    ada.run("story write deploy/story my first story");
    ada.wait("stored \"my first story\"");
    // A lone Escape is told from the start of an Alt key by the pause after it: wait
    // until it has closed the output before typing on.
    ada.keys(&["Escape"]);
    ada.gone("output · any key closes");
    ada.run("crash deploy/story");
    ada.wait("goals 3/3");

    // 6. A class quiz on lesson 2 with a time limit; Ada answers one question right.
    teacher.keys(&["Tab"]);
    teacher.wait("students 2/2 connected");
    teacher.keys(&["Q"]);
    teacher.wait("quiz the class on");
    teacher.keys(&["Down", "Enter"]);
    teacher.wait("time limit");
    teacher.typed("5m");
    teacher.keys(&["Enter"]);
    teacher.wait("quiz started");
    for student in [&ada, &bob] {
        student.wait("quiz · question 1/4");
        student.wait("Where does a container keep what it writes?");
    }
    answer_container_filesystem_question(&ada);
    ada.wait("1/1 right");

    // 7. The teacher stops the class: every ssh prints the class-over line and exits 0,
    // and the students' shells work again.
    teacher.keys(&["q"]);
    teacher.wait("Stop the class?");
    teacher.keys(&["y"]);
    for student in [&ada, &bob] {
        student.wait("SSH-EXIT=");
        let screen = student.screen();
        assert!(
            screen.contains("kubestory: The class is over")
                && screen.contains("Connection to 127.0.0.1 closed.")
                && screen.contains("SSH-EXIT=0"),
            "{}:\n{screen}",
            student.name
        );
        shell_is_sane(student);
    }
    teacher.wait("kubestory class export e2e-flow");

    // The class record keeps both students, Ada's step and quiz answer.
    let csv = class.path().join("out.csv");
    let out = Command::new(BIN)
        .args(["class", "export", &class.class, "--csv"])
        .arg(&csv)
        .env("XDG_STATE_HOME", class.path().join("state"))
        .env("HOME", class.path())
        .output()
        .expect("run class export");
    assert!(out.status.success(), "{out:?}");
    let csv = std::fs::read_to_string(&csv).expect("the export");
    let lines: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    let student = |name: &str| {
        lines
            .iter()
            .find(|l| l[0] == "student" && l[1] == name)
            .unwrap_or_else(|| panic!("no row for {name}:\n{csv}"))
    };
    // row,name,lessons_done,steps_done,quiz_score,…
    assert_eq!(student("ada")[3], "1", "ada's step is kept:\n{csv}");
    assert_eq!(student("ada")[4], "1/1", "ada's quiz answer:\n{csv}");
    assert_eq!(student("bob")[4], "0/0", "{csv}");
    let questions: Vec<_> = lines.iter().filter(|l| l[0] == "question").collect();
    assert_eq!(questions.len(), 1, "{csv}");
    // …,lesson,question,answered,right,most_chosen_wrong
    assert_eq!(questions[0][6], "container-filesystem", "{csv}");
    assert_eq!((questions[0][8], questions[0][9]), ("1", "1"), "{csv}");
}

#[test]
fn commands_forwards_and_wrong_codes_are_refused() {
    if !tools_available() {
        return;
    }
    let class = Class::start("refuse", "e2e-refuse");
    let teacher = &class.teacher;
    teacher.wait("Nobody has connected yet");

    // 3. A remote command: refused in words, nothing run, a failing exit status.
    let (status, out) = class.ssh(CODE, &["ada@127.0.0.1", "cat", "/etc/passwd"]);
    assert!(out.contains("kubestory runs no commands"), "{out}");
    assert!(!out.contains("root:"), "{out}");
    assert!(matches!(status, Some(s) if s != 0), "{status:?}\n{out}");

    // sftp (a subsystem) is refused too.
    let (status, out) = class.ssh(CODE, &["-s", "ada@127.0.0.1", "sftp"]);
    assert!(out.contains("subsystem request failed"), "{out}");
    assert!(matches!(status, Some(s) if s != 0), "{status:?}\n{out}");

    // 4. ssh -R: the server refuses to listen; ssh gives up.
    let (status, out) = class.ssh(
        CODE,
        &[
            "-N",
            "-o",
            "ExitOnForwardFailure=yes",
            "-R",
            "0:127.0.0.1:9",
            "ada@127.0.0.1",
        ],
    );
    assert!(out.contains("remote port forwarding failed"), "{out}");
    assert!(matches!(status, Some(s) if s != 0), "{status:?}\n{out}");

    // ssh -L: ssh listens locally, but the server refuses the channel to the target, so a
    // connection to the local port reads nothing and ends; the target sees nobody.
    let target = std::net::TcpListener::bind("127.0.0.1:0").expect("target");
    target.set_nonblocking(true).expect("nonblocking");
    let target_port = target.local_addr().expect("target port").port();
    let local_port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let forward = format!("{local_port}:127.0.0.1:{target_port}");
    let mut child = class.ssh_child(
        CODE,
        &[
            "-N",
            "-o",
            "ExitOnForwardFailure=yes",
            "-L",
            &forward,
            "ada@127.0.0.1",
        ],
    );
    let deadline = Instant::now() + Duration::from_secs(40);
    let mut conn = loop {
        if let Ok(c) = std::net::TcpStream::connect(("127.0.0.1", local_port)) {
            break c;
        }
        assert!(
            child.0.try_wait().expect("ssh").is_none(),
            "ssh -L ended:\n{}",
            child.output()
        );
        assert!(Instant::now() < deadline, "ssh -L never listened");
        std::thread::sleep(Duration::from_millis(50));
    };
    conn.set_read_timeout(Some(Duration::from_secs(40)))
        .expect("timeout");
    let mut buf = [0u8; 64];
    let read = std::io::Read::read(&mut conn, &mut buf);
    // Closed by ssh (end of file, or reset): not data, and not left open until the timeout.
    let closed = match &read {
        Ok(n) => *n == 0,
        Err(e) => !matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        ),
    };
    assert!(closed, "the forwarded connection was not refused: {read:?}");
    assert!(
        target.accept().is_err(),
        "the server connected to the forward's target"
    );
    let deadline = Instant::now() + Duration::from_secs(40);
    while !child.output().contains("open failed") {
        assert!(Instant::now() < deadline, "{}", child.output());
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(child);

    // 2. A wrong code: asked for, refused, never let in; the dashboard counts it.
    let before = class.prompts();
    let (status, out) = class.ssh("not-the-code", &["eve@127.0.0.1"]);
    assert!(class.prompts() > before, "the code was asked for:\n{out}");
    assert_eq!(status, Some(255), "{out}");
    assert!(
        out.contains("Permission denied") || out.contains("Too many authentication attempts"),
        "{out}"
    );
    teacher.wait("login(s) refused");
    // Nothing refused made a session.
    teacher.wait("students 0/0 connected");
}
