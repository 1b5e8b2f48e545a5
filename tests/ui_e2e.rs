//! End to end in a real terminal (tmux, driven by tests/e2e/tui-drive): the real binary, the
//! real keys, and a shell that is still usable afterwards. Skipped with a note when tmux is
//! missing, unless CI=true.

use std::path::PathBuf;
use std::process::Command;

fn drive() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/tui-drive")
}

/// The private tmux socket of one shell (one tmux server per test, so that each test ends
/// its server and removes its socket file: a socket per process was left in
/// /tmp/tmux-UID/ after every run).
fn socket(name: &str) -> String {
    format!("kubestory-e2e-{}-{name}", std::process::id())
}

/// Runs a tui-drive subcommand on the session's private socket; returns (success, stdout).
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

/// How long a wait may take before the test fails: an upper bound only (a wait returns as
/// soon as the text shows), generous because CI runs the e2e tests beside the build on two
/// cores, where one redraw can take seconds.
const WAIT_SECS: &str = "40";

fn wait(name: &str, text: &str) {
    let (ok, _) = td(&["wait", name, text, WAIT_SECS]);
    if !ok {
        let (_, screen) = td(&["screen", name]);
        td(&["stop", name]);
        panic!("{text:?} never appeared:\n{screen}");
    }
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
        eprintln!("note: tmux is not installed; skipping the end-to-end TUI tests");
    }
    ok
}

/// A shell in tmux and its private state folder: both go when the test ends, passed or
/// failed (the tmux session is stopped, the folder removed).
struct Shell {
    name: String,
    state: tempfile::TempDir,
}

impl std::ops::Deref for Shell {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        self.state.path()
    }
}

impl Drop for Shell {
    fn drop(&mut self) {
        td(&["stop", &self.name]);
        let _ = Command::new("tmux")
            .args(["-L", &socket(&self.name), "kill-server"])
            .output();
        // Where tmux keeps `-L` sockets: $TMUX_TMPDIR (or /tmp), tmux-UID/NAME. The test may
        // have stopped the server already, so the path is worked out, not asked.
        let dir = std::env::var("TMUX_TMPDIR").unwrap_or_else(|_| "/tmp".into());
        // SAFETY: getuid has no preconditions and cannot fail.
        let uid = unsafe { libc::getuid() };
        let _ = std::fs::remove_file(
            std::path::Path::new(&dir)
                .join(format!("tmux-{uid}"))
                .join(socket(&self.name)),
        );
    }
}

/// Starts an interactive shell in tmux with a private state directory.
fn start_shell(name: &str) -> Shell {
    let state = tempfile::Builder::new()
        .prefix("kubestory-e2e-")
        .tempdir()
        .expect("state dir");
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
    Shell {
        name: name.to_string(),
        state,
    }
}

/// Starts the sandbox (`--sandbox`) in the shell and waits for its first frame.
fn launch(name: &str, state: &std::path::Path) {
    launch_with(name, state, "--sandbox");
    wait(name, "standard (default)");
}

/// Starts kubestory with `args` in the shell (private state folder, pid recorded).
fn launch_with(name: &str, state: &std::path::Path, args: &str) {
    let bin = env!("CARGO_BIN_EXE_kubestory");
    let line = format!(
        "cd {} && EDITOR={state}/fake-editor XDG_STATE_HOME={state} sh -c 'echo $$ > {state}/pid; exec {bin} {args}'; echo EXIT=$?",
        env!("CARGO_MANIFEST_DIR"),
        state = state.display(),
    );
    td(&["type", name, &line]);
    td(&["keys", name, "Enter"]);
}

/// Types a line into the `:` command line and runs it.
fn run(name: &str, line: &str) {
    td(&["keys", name, ":"]);
    td(&["type", name, line]);
    td(&["keys", name, "Enter"]);
}

fn shell_is_sane(name: &str) {
    wait(name, "EXIT=");
    td(&[
        "type",
        name,
        "stty -a | tr ' ' '\\n' | grep -xE 'icanon|echo' | tr '\\n' ' '; echo ST-$((40+2))",
    ]);
    td(&["keys", name, "Enter"]);
    wait(name, "ST-42");
    let (_, screen) = td(&["screen", name]);
    assert!(
        screen.contains("icanon echo ST-42"),
        "terminal left raw:\n{screen}"
    );
}

#[test]
fn sandbox_apply_write_delete_resize_and_quit() {
    if !tmux_available() {
        return;
    }
    let name = "sandbox";
    let state = start_shell(name);
    launch(name, &state);
    td(&[
        "type",
        name,
        ":apply -f assets/scenarios/story-emptydir.yaml",
    ]);
    td(&["keys", name, "Enter"]);
    wait(name, "deployment.apps/story created");
    td(&["keys", name, "j", "w"]);
    wait(name, "story text:");
    td(&["type", name, "e2e story"]);
    td(&["keys", name, "Enter"]);
    wait(name, "stored \"e2e story\"");
    td(&["keys", name, "x"]);
    wait(name, "DATA LOST: \"e2e story\"");
    td(&["resize", name, "40x12"]);
    wait(name, "enlarge the terminal");
    td(&["resize", name, "120x40"]);
    wait(name, "standard (default)");
    td(&["keys", name, "q"]);
    shell_is_sane(name);
    td(&["stop", name]);
}

#[test]
fn ctrl_r_finds_a_command_from_before_a_restart() {
    if !tmux_available() {
        return;
    }
    let name = "history";
    let state = start_shell(name);
    launch(name, &state);
    // Home and typing mid-line, as in bash.
    td(&["keys", name, ":"]);
    td(&["type", name, "get sc -o wide"]);
    td(&["keys", name, "Home"]);
    td(&["type", name, "kubectl "]);
    wait(name, ":kubectl get sc -o wide");
    td(&["keys", name, "Enter"]);
    wait(name, "$ kubectl get sc -o wide");
    wait(name, "PROVISIONER");
    td(&["keys", name, "q"]);
    wait(name, "EXIT=0");
    let saved = std::fs::read_to_string(state.join("kubestory/history/sandbox.txt"))
        .expect("the sandbox's history file");
    assert_eq!(saved, "kubectl get sc -o wide\n");
    // The same state folder: the command is one Ctrl-R away.
    td(&["type", name, "clear"]);
    td(&["keys", name, "Enter"]);
    launch(name, &state);
    td(&["keys", name, ":"]);
    td(&["keys", name, "C-r"]);
    td(&["type", name, "sc -o"]);
    wait(name, "(reverse-i-search)'sc -o': kubectl get sc -o wide");
    td(&["keys", name, "Enter"]);
    wait(name, "$ kubectl get sc -o wide");
    // A bracketed paste of two commands: the first on the line, the second after Enter.
    td(&["keys", name, ":"]);
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .args(["-L", &socket(name)])
            .args(args)
            .output()
            .expect("tmux")
    };
    tmux(&["set-buffer", "$ kubectl get nodes\n$ kubectl get pv\n"]);
    tmux(&["paste-buffer", "-p", "-t", name]);
    wait(name, "pasted 2 lines");
    wait(name, ":kubectl get nodes");
    td(&["keys", name, "Enter"]);
    wait(name, ":kubectl get pv");
    td(&["keys", name, "Enter"]);
    wait(name, "$ kubectl get pv");
    td(&["keys", name, "q"]);
    shell_is_sane(name);
}

#[test]
fn sigterm_restores_the_terminal() {
    if !tmux_available() {
        return;
    }
    let name = "sigterm";
    let state = start_shell(name);
    launch(name, &state);
    let pid = std::fs::read_to_string(state.join("pid")).expect("pid file");
    let killed = Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .expect("kill");
    assert!(killed.success());
    shell_is_sane(name);
    td(&["stop", name]);
}

#[test]
fn external_editor_and_drafts_survive_a_restart() {
    if !tmux_available() {
        return;
    }
    let name = "drafts";
    let state = start_shell(name);
    let fake = state.join("fake-editor");
    std::fs::write(
        &fake,
        "#!/bin/sh\necho 'kind: Pod # from-editor' >> \"$1\"\n",
    )
    .expect("fake editor");
    let chmod = Command::new("chmod")
        .arg("+x")
        .arg(&fake)
        .status()
        .expect("chmod");
    assert!(chmod.success());
    launch(name, &state);
    td(&["keys", name, "n"]);
    wait(name, "manifest editor");
    td(&["keys", name, "C-o"]);
    wait(name, "from-editor");
    // Esc and q sent together would read as Alt-q: wait for the editor to close first.
    td(&["keys", name, "Escape"]);
    let (closed, _) = td(&["gone", name, "manifest editor", WAIT_SECS]);
    assert!(closed, "Esc did not close the editor");
    td(&["keys", name, "q"]);
    shell_is_sane(name);
    let draft = std::fs::read_to_string(state.join("kubestory/draft.yaml")).expect("draft saved");
    assert!(draft.contains("from-editor"), "{draft}");
    launch(name, &state);
    wait(name, "restored your manifest draft");
    td(&["keys", name, "q"]);
    td(&["stop", name]);
}

/// A learner's first lesson, in the real binary: pick it, write a story, crash the app and
/// see the story lost with its why, apply the fixed manifest from the editor, crash again
/// and see it survive, delete the pod, resize, reach the recap, quit, and find the progress
/// kept on the next start.
#[test]
fn lesson_walk_from_the_picker_to_the_recap_and_back() {
    if !tmux_available() {
        return;
    }
    let name = "lesson";
    let state = start_shell(name);
    launch_with(name, &state, "");
    wait(name, "Why state matters");
    // Lesson 1 (state) is first; this walk plays lesson 2, the next row.
    td(&["keys", name, "j"]);
    wait(name, "Where does a container keep what it writes?");
    td(&["keys", name, "Enter"]);
    wait(name, "step 1/4");
    run(name, "kubectl apply -f story.yaml");
    wait(name, "goal met: The story app runs");
    run(name, "story write deploy/story my first story");
    wait(name, "step done! n: next step");
    td(&["keys", name, "n"]);
    wait(name, "step 2/4");
    td(&["keys", name, "b"]);
    // Predict, observe, explain: the choice is noted, the verdict comes with the result.
    wait(name, "prediction noted");
    run(name, "crash deploy/story");
    wait(name, "your prediction was right");
    wait(name, "DATA LOST: \"my first story\"");
    wait(name, "why:");
    wait(name, "step done!");
    td(&["keys", name, "n"]);
    wait(name, "step 3/4");
    // The fixed manifest (with an emptyDir) is in the editor: apply it with Ctrl-S.
    td(&["keys", name, "e"]);
    wait(name, "manifest editor: story.yaml");
    td(&["keys", name, "C-s"]);
    // The diagram draws the new pod with its emptyDir (the log scrolls past the apply).
    wait(name, "story-volume emptyDir");
    run(name, "story write deploy/story survives a crash");
    wait(name, "stored \"survives a crash\"");
    run(name, "crash deploy/story");
    wait(name, "step done!");
    let (_, screen) = td(&["screen", name]);
    assert!(
        !screen.contains("DATA LOST: \"survives a crash\""),
        "the emptyDir kept the story through the crash:\n{screen}"
    );
    td(&["keys", name, "n"]);
    wait(name, "step 4/4");
    run(name, "kubectl delete pod --all");
    wait(name, "DATA LOST: \"survives a crash\"");
    wait(name, "last step done");
    td(&["resize", name, "40x12"]);
    wait(name, "enlarge the terminal");
    td(&["resize", name, "80x24"]);
    wait(name, "3 lesson: step 4/4");
    td(&["keys", name, "n"]);
    wait(name, "Lesson complete");
    td(&["keys", name, "q"]);
    shell_is_sane(name);
    let progress =
        std::fs::read_to_string(state.join("kubestory/progress.json")).expect("progress saved");
    assert!(progress.contains("container-filesystem"), "{progress}");
    launch_with(name, &state, "");
    wait(name, "done");
    td(&["keys", name, "q"]);
    td(&["stop", name]);
}

/// Closing the terminal (the tmux session goes, as a window closes) sends SIGHUP: kubestory
/// must end, not keep running without a terminal (crossterm spins on a hung-up tty).
#[test]
fn closing_the_terminal_ends_kubestory() {
    if !tmux_available() {
        return;
    }
    let name = "hangup";
    let state = start_shell(name);
    launch(name, &state);
    let pid = std::fs::read_to_string(state.join("pid")).expect("pid file");
    let pid = pid.trim().to_string();
    td(&["stop", name]);
    let proc_dir = std::path::Path::new("/proc").join(&pid);
    let mut gone = false;
    for _ in 0..50 {
        if !proc_dir.exists() {
            gone = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    if !gone {
        // Do not leave a spinning process behind on the test machine.
        let _ = Command::new("kill").args(["-9", &pid]).status();
    }
    assert!(
        gone,
        "kubestory (pid {pid}) still runs after its terminal closed"
    );
}

/// `--watch FILE`: saving the lesson file reloads it in the running TUI, with no key pressed.
#[test]
fn watch_reloads_a_saved_lesson_file() {
    if !tmux_available() {
        return;
    }
    let name = "watch";
    let state = start_shell(name);
    let file = state.join("lesson.yaml");
    let original = include_str!("../lessons/02-container-filesystem.yaml");
    std::fs::write(&file, original).expect("write lesson");
    launch_with(name, &state, &format!("--watch {}", file.display()));
    wait(name, "Run the story app and write a story");
    // A second later, so the modification time surely differs on coarse filesystems.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(
        &file,
        original.replace(
            "title: Run the story app and write a story",
            "title: Start the story app, then write",
        ),
    )
    .expect("save lesson");
    wait(name, "Start the story app, then write");
    td(&["keys", name, "q"]);
    shell_is_sane(name);
    td(&["stop", name]);
}

/// What a line prints first, as the learner should see it: the first data row of a table
/// (its header is the same for every `get`), else the first line; at most 24 columns, which
/// the narrowest pane shows unwrapped. `None` when the line prints nothing.
fn first_printed(out: &str) -> Option<String> {
    let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    let first = *lines.first()?;
    let pick = if first.contains("   ") && lines.len() > 1 {
        lines[1]
    } else {
        first
    };
    let needle: String = pick.trim_start().chars().take(24).collect();
    Some(needle.trim_end().to_string())
}

/// Issue 10: every built-in lesson walked in the real binary at `size`, as a learner who
/// knows the answers types each step's solution on the `:` line. After each command, what it
/// printed (or its error) is on the screen the learner is on, without a tab switch; then the
/// step is seen done, `n`, until the recap. The expected output comes from replaying the same
/// lines on the same (deterministic) cluster in-process.
fn walk_every_lesson(size: &str) {
    if !tmux_available() {
        return;
    }
    let (lessons, errors) = kubestory::lesson::builtin_lessons();
    assert!(errors.is_empty(), "{errors:?}");
    for loaded in lessons {
        let lesson = &loaded.lesson;
        let name = format!("walk-{size}-{}", lesson.id);
        let state = start_shell(&name);
        td(&["resize", &name, size]);
        launch_with(&name, &state, &format!("--lesson {}", lesson.id));
        let ws = kubestory::lesson::check::Workspace::new();
        let mut sim = kubestory::lesson::check::replay_to_step(lesson, 0, &ws).expect("replay");
        let of = lesson.steps.len();
        for (i, step) in lesson.steps.iter().enumerate() {
            wait(&name, &format!("step {}/{of}", i + 1));
            ws.write(&step.manifests);
            for line in &step.solution {
                let line = line.trim();
                let mut out = String::new();
                kubestory::runner::run_one(&mut sim, line, &ws.files(), &mut out);
                run(&name, line);
                if let Some(needle) = first_printed(&out) {
                    let (ok, _) = td(&["wait", &name, &needle, WAIT_SECS]);
                    if !ok {
                        let (_, screen) = td(&["screen", &name]);
                        panic!(
                            "{size}, lesson {} step {:?}: `{line}` printed {needle:?} first, and it is not on screen:\n{screen}",
                            lesson.id, step.id
                        );
                    }
                }
            }
            // The step is done: the tab bar counts every goal met (the "step done" message
            // may have shown at an earlier line of the solution, and the next command's
            // output replaced it).
            let goals = step.goals.len();
            let done = format!("goals {goals}/{goals}");
            let (ok, _) = td(&["wait", &name, &done, WAIT_SECS]);
            if !ok {
                let (_, screen) = td(&["screen", &name]);
                panic!(
                    "{size}, lesson {} step {:?}: the typed solution did not finish the step:\n{screen}",
                    lesson.id, step.id
                );
            }
            // `n` moves on with the output drawer open (it closes it). No Escape first: an
            // Escape followed at once by a key reaches the program as Alt and that key.
            td(&["keys", &name, "n"]);
        }
        wait(&name, "Lesson complete");
        td(&["keys", &name, "q"]);
        shell_is_sane(&name);
    }
}

#[test]
fn every_built_in_lesson_walked_at_80x24_shows_each_commands_output() {
    walk_every_lesson("80x24");
}

#[test]
fn every_built_in_lesson_walked_at_100x30_shows_each_commands_output() {
    walk_every_lesson("100x30");
}

/// Issue 5: a quiz answered in the real binary (right and wrong answers, retry missed), then
/// the exported JSON and CSV checked.
#[test]
fn quiz_in_the_terminal_with_retry_and_exports() {
    if !tmux_available() {
        return;
    }
    let name = "quiz";
    let _sessions = [Ended("quiz"), Ended("quiz-csv")];
    let state = start_shell(name);
    let json = state.join("results.json");
    launch_with(
        name,
        &state,
        &format!("quiz emptydir --name ada --export {}", json.display()),
    );
    // 1: survivors (disk, Memory, container fs across a reboot): only the disk one survives.
    wait(name, "question 1/4");
    wait(name, "in the disk emptyDir");
    td(&["keys", name, "a"]);
    td(&["keys", name, "Enter"]);
    wait(name, "Right!");
    wait(name, "LOST \"in the Memory emptyDir\"");
    td(&["keys", name, "Enter"]);
    // 2: single, answered wrong on purpose.
    wait(name, "question 2/4");
    td(&["keys", name, "a"]);
    td(&["keys", name, "Enter"]);
    wait(name, "Not quite.");
    wait(name, "(your answer)");
    td(&["keys", name, "Enter"]);
    // 3: true/false, right (False).
    wait(name, "question 3/4");
    td(&["keys", name, "b"]);
    td(&["keys", name, "Enter"]);
    wait(name, "Right!");
    td(&["keys", name, "Enter"]);
    // 4: multiple: skipped.
    wait(name, "question 4/4");
    td(&["keys", name, "s"]);
    wait(name, "2 of 4 right");
    wait(name, "retry the 2 missed");
    wait(name, "Results exported to");
    // Retry: only the two missed come back; both right this time.
    td(&["keys", name, "r"]);
    wait(name, "question 1/2");
    td(&["keys", name, "d"]);
    td(&["keys", name, "Enter"]);
    wait(name, "Right!");
    td(&["keys", name, "Enter"]);
    wait(name, "question 2/2");
    // what-loses-it: only b) (a Memory emptyDir through a node reboot) loses them.
    for k in ["b", "Enter"] {
        td(&["keys", name, k]);
    }
    wait(name, "Right!");
    td(&["keys", name, "Enter"]);
    wait(name, "2 of 2 right");
    td(&["keys", name, "q"]);
    shell_is_sane(name);
    td(&["stop", name]);

    // The export holds the retry round (the last session), one row per question.
    let rows: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("results.json")).unwrap();
    let rows = rows.as_array().expect("an array");
    assert_eq!(rows.len(), 3, "two rows and the score row: {rows:?}");
    assert!(
        rows[..2]
            .iter()
            .all(|r| r["correct"] == true && r["lesson"] == "emptydir" && r["name"] == "ada")
    );
    assert_eq!(rows[2]["kind"], "score");
    assert_eq!(rows[2]["answer"], "2/2");
    assert_eq!(rows[0]["question"], "replicas-share");
    assert!(rows[0]["answer"].as_str().unwrap().starts_with("d: "));
    assert!(rows[0]["date"].as_str().unwrap().starts_with("20"));
    // The local history has every answer of both rounds.
    let history = std::fs::read_to_string(state.join("kubestory/quiz-results.jsonl"))
        .or_else(|_| {
            // The platform's state folder is XDG_STATE_HOME/<app>; find the file.
            let mut found = String::new();
            for e in walk(&state) {
                if e.ends_with("quiz-results.jsonl") {
                    found = std::fs::read_to_string(e).unwrap();
                }
            }
            Ok::<_, std::io::Error>(found)
        })
        .unwrap();
    assert_eq!(history.lines().count(), 6, "4 rows, then 2:\n{history}");
    assert!(
        history.contains("\"question\":\"what-loses-it\",\"kind\":\"multiple\",\"answer\":\"\"")
    );

    // CSV: a second run, one question answered, then quit from the question.
    let name = "quiz-csv";
    let state = start_shell(name);
    let csv = state.join("results.csv");
    launch_with(
        name,
        &state,
        &format!("quiz emptydir --export {}", csv.display()),
    );
    wait(name, "question 1/4");
    td(&["keys", name, "a"]);
    td(&["keys", name, "Enter"]);
    wait(name, "Right!");
    td(&["keys", name, "Enter"]);
    wait(name, "question 2/4");
    td(&["keys", name, "L"]);
    wait(name, "Pick a lesson");
    td(&["keys", name, "q"]);
    shell_is_sane(name);
    td(&["stop", name]);
    let text = std::fs::read_to_string(&csv).expect("results.csv");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("quiz,lesson,question,kind,answer,correct,answered,seconds,date,name")
    );
    let first = lines.next().unwrap();
    assert!(
        first.starts_with("emptydir,emptydir,reboot,survivors,in the disk emptyDir,true,true,"),
        "{first}"
    );
    assert_eq!(
        text.lines().count(),
        6,
        "a header, four rows and the score row:\n{text}"
    );
    assert!(text.contains("emptydir,,,score,1/4,false,false,"), "{text}");
}

/// Every file under a folder.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// Issue 5: `present` and `present --notes` side by side on one machine; the notes follow
/// the presenter's steps and demo, and say when the presenter quits.
#[test]
fn present_and_notes_side_by_side() {
    if !tmux_available() {
        return;
    }
    let (p, n) = ("presenter", "notes");
    // Both sessions end even when a wait fails (a failing wait stops only its own).
    let _sessions = [Ended(p), Ended(n)];
    let state = start_shell(p);
    let _notes_shell = start_shell(n);
    launch_with(n, &state, "present --notes");
    wait(n, "Waiting for a presentation");
    launch_with(p, &state, "present container-filesystem");
    wait(p, "step 1/4");
    wait(p, "Space: more");
    // The notes terminal picks the presentation up.
    wait(n, "step 1/4");
    wait(n, "Run the story app and write a story");
    wait(n, "Next: Crash the container");
    // The demo, line by line: the notes tick it off.
    td(&["keys", p, "d"]);
    wait(p, "goal met: The story app runs");
    wait(n, "Demo (1/");
    td(&["keys", p, "n"]);
    wait(p, "step 2/4");
    wait(n, "step 2/4");
    wait(n, "Crash the container");
    wait(p, "Class: vote!");
    td(&["keys", p, "v"]);
    wait(p, "b) ✓ Nothing, the story is gone");
    td(&["keys", p, "b"]);
    wait(n, "the class sees a blank screen");
    let (_, blank) = td(&["screen", p]);
    assert!(!blank.contains("step 2/4"), "blanked:\n{blank}");
    td(&["keys", p, "b"]);
    wait(n, "following the presenter");
    wait(p, "step 2/4");
    td(&["keys", p, "q"]);
    shell_is_sane(p);
    wait(n, "the presenter has quit");
    td(&["keys", n, "q"]);
    shell_is_sane(n);
    td(&["stop", p]);
    td(&["stop", n]);
}

/// Ends a tmux session when dropped, so a failing test leaves no program running.
struct Ended(&'static str);

impl Drop for Ended {
    fn drop(&mut self) {
        td(&["stop", self.0]);
    }
}

/// The sandbox is kept across restarts (issue 12, item 5): a pod and a story written in one
/// run are there in the next, and `cluster reset` empties it; `d` on the selection prints
/// `kubectl describe`.
#[test]
fn the_sandbox_comes_back_after_a_restart_with_its_story() {
    if !tmux_available() {
        return;
    }
    let name = "kept";
    let state = start_shell(name);
    launch(name, &state);
    run(name, "apply -f assets/scenarios/story-emptydir.yaml");
    wait(name, "Running");
    run(name, "story write deploy/story kept across restarts");
    wait(name, "stored \"kept across restarts\"");
    // (Esc and q sent together would read as Alt-q: the output fits the log, nothing to close.)
    td(&["keys", name, "q"]);
    wait(name, "EXIT=0");
    launch(name, &state);
    wait(name, "Your sandbox is as you left it (2 changes");
    run(name, "story read deploy/story");
    wait(name, "kept across restarts");
    // k9s's d on the selected node.
    td(&["keys", name, "d"]);
    wait(name, "$ kubectl describe node minikube");
    td(&["keys", name, "Escape"]);
    let (closed, _) = td(&["gone", name, "any key closes", WAIT_SECS]);
    assert!(closed, "Esc closes describe's output");
    run(name, "cluster reset");
    wait(name, "the sandbox is empty again");
    td(&["keys", name, "q"]);
    shell_is_sane(name);
}

/// Issue 12: an `exec -it` shell session writes a file and `exit`s; the story app reads it.
#[test]
fn exec_it_shell_writes_a_file_and_exits() {
    if !tmux_available() {
        return;
    }
    let name = "execshell";
    let state = start_shell(name);
    launch(name, &state);
    run(name, "apply -f assets/scenarios/story-emptydir.yaml");
    wait(name, "deployment.apps/story created");
    run(name, "exec -it deploy/story -- sh");
    wait(name, ":/app#");
    td(&[
        "type",
        name,
        "echo written in the shell >> story/text.txt; cat story/text.txt",
    ]);
    td(&["keys", name, "Enter"]);
    wait(name, "written in the shell");
    td(&["type", name, "exit"]);
    td(&["keys", name, "Enter"]);
    run(name, "story read deploy/story");
    wait(name, "$ story read deploy/story");
    let (_, screen) = td(&["screen", name]);
    assert!(
        screen.matches("written in the shell").count() >= 2,
        "story read did not show the line:\n{screen}"
    );
    td(&["keys", name, "q"]);
    shell_is_sane(name);
    td(&["stop", name]);
}

/// The status line's simulated clock (`t/> 00:10:03 ×1`), if on screen.
fn clock_on(name: &str) -> Option<String> {
    let (_, screen) = td(&["screen", name]);
    let at = screen.find("t/> ")? + 4;
    screen.get(at..at + 8).map(str::to_string)
}

/// Issue 12, "Time runs": in a real terminal the simulated clock moves on its own (the
/// status line's clock, a claim's AGE), and `kubectl get pvc -w` shows a WaitForFirstConsumer
/// claim go Pending → Bound when a pod arrives, until Esc.
#[test]
fn the_clock_runs_and_get_pvc_w_streams_pending_then_bound() {
    if !tmux_available() {
        return;
    }
    let name = "clock";
    let state = start_shell(name);
    launch_with(name, &state, "--sandbox --profile kind");
    wait(name, "t/> ");
    let first = clock_on(name).expect("the clock in the status line");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(40);
    // Time passes without a key: the clock moves by itself.
    let mut later = first.clone();
    while later <= first && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(200));
        later = clock_on(name).unwrap_or_default();
    }
    assert!(later > first, "the clock stayed at {first}");
    run(name, "apply -f assets/scenarios/watch-wffc.pvc.yaml");
    wait(name, "persistentvolumeclaim/data created");
    td(&["keys", name, "Escape"]);
    // Two simulated seconds later the claim is no longer 0s old.
    let secs = |t: &str| -> u64 {
        t.split(':')
            .filter_map(|p| p.parse::<u64>().ok())
            .fold(0, |acc, n| acc * 60 + n)
    };
    let applied = secs(&clock_on(name).unwrap_or_default());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(40);
    while secs(&clock_on(name).unwrap_or_default()) < applied + 2
        && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    run(name, "get pvc -w");
    wait(name, "stop watching: kubectl get pvc -w");
    wait(name, "data   Pending");
    let (_, screen) = td(&["screen", name]);
    let row = screen
        .lines()
        .find(|l| l.contains("data   Pending"))
        .unwrap_or_default()
        .to_string();
    assert!(
        !row.trim_end_matches(['│', ' ']).ends_with(" 0s"),
        "AGE did not grow: {row}"
    );
    td(&["keys", name, "Escape"]);
    run(name, "apply -f assets/scenarios/watch-wffc.pod.yaml");
    wait(name, "data   Bound");
    td(&["keys", name, "Escape"]);
    td(&["keys", name, "Escape"]);
    wait(name, "watch stopped (Esc)");
    td(&["keys", name, "q"]);
    shell_is_sane(name);
}
