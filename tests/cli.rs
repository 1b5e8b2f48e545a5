//! The real binary: `kubestory sim` from a file, from standard input, exit statuses.

use std::io::Write;
use std::process::{Command, Stdio};

fn kubestory() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kubestory"))
}

#[test]
fn sim_runs_a_script_file_with_paths_relative_to_it() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/scenarios/static-pv-retain.sim"
    );
    let out = kubestory().args(["sim", dir]).output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("$ kubectl apply -f host-pv.yaml\npersistentvolume/host-pv created\n")
    );
    assert!(text.ends_with("$ story read deploy/story\nkept on the PV\n"));
}

#[test]
fn sim_reads_standard_input_and_prints_json_last() {
    let mut child = kubestory()
        .args(["sim", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawns");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"cluster nodes=3\nkubectl get nodes -o name\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("node/minikube-m03\n"));
    let json: serde_json::Value = serde_json::from_str(&text[text.find("\n{").unwrap()..]).unwrap();
    assert_eq!(json["nodes"].as_array().unwrap().len(), 3);
}

#[test]
fn fail_fast_exits_1_and_a_missing_script_is_an_error() {
    let mut child = kubestory()
        .args(["sim", "--fail-fast"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"kubectl get pod nope\nwait 1s\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("wait 1s"));

    let out = kubestory()
        .args(["sim", "/nonexistent/script.sim"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read script"));
}

#[test]
fn no_arguments_lists_the_commands() {
    let out = kubestory().output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("sim"));
}

#[test]
fn an_unknown_lesson_id_is_refused_with_a_suggestion() {
    let out = kubestory()
        .args(["--lesson", "container-filesystm"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("did you mean \"container-filesystem\"?"),
        "{err}"
    );
}

#[test]
fn list_shows_progress_and_reset_clears_it() {
    let state_guard = tempfile::tempdir().expect("tempdir");
    let state = state_guard.path().to_path_buf();
    let dir = state.join("kubestory");
    std::fs::create_dir_all(dir.join("drafts/container-filesystem")).expect("dirs");
    std::fs::write(
        dir.join("progress.json"),
        r#"{"version":1,"lessons":{"container-filesystem":{"step":2,"done_steps":["deploy","crash"],"hints":{},"answers":{},"finished":false}},"last_lesson":"container-filesystem"}"#,
    )
    .expect("progress");
    std::fs::write(dir.join("drafts/container-filesystem/deploy.yaml"), "x").expect("draft");
    let list = |state: &std::path::Path| {
        let out = kubestory()
            .arg("list")
            .env("XDG_STATE_HOME", state)
            .output()
            .expect("runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let text = list(&state);
    assert!(
        text.lines()
            .any(|l| l.starts_with("container-filesystem") && l.contains("step 3/4")),
        "{text}"
    );
    let out = kubestory()
        .args(["reset", "container-filesystem"])
        .env("XDG_STATE_HOME", &state)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!dir.join("drafts/container-filesystem").exists());
    let text = list(&state);
    assert!(
        text.lines()
            .any(|l| l.starts_with("container-filesystem") && l.contains("new")),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&state);
}

/// `--theme` is remembered: for `present` apart from the rest; an unknown theme is refused.
#[test]
fn the_theme_is_remembered_per_mode() {
    let state_guard = tempfile::tempdir().expect("tempdir");
    let state = state_guard.path().to_path_buf();
    let run = |args: &[&str]| {
        kubestory()
            .args(args)
            .env("XDG_STATE_HOME", &state)
            .output()
            .expect("runs")
    };
    // Without a terminal kubestory prints its help, but the choice is saved first.
    assert!(run(&["--theme", "light"]).status.success());
    assert!(
        run(&["present", "--theme", "high-contrast"])
            .status
            .success()
    );
    let settings: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(state.join("kubestory/settings.json")).expect("settings"),
    )
    .unwrap();
    assert_eq!(settings["theme"], "light");
    assert_eq!(settings["present_theme"], "high-contrast");
    let out = run(&["--theme", "neon"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("possible values: dark, light, high-contrast")
    );
    let _ = std::fs::remove_dir_all(&state);
}

/// `quiz --export` with a format kubestory cannot write fails before the quiz starts.
#[test]
fn quiz_export_needs_json_or_csv() {
    let out = kubestory()
        .args(["quiz", "--export", "results.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("name it .json or .csv"));
    let out = kubestory()
        .args(["quiz", "emptydri"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean \"emptydir\"?"));
}

/// `kubestory sim X | head -1`: when the reader goes away, sim stops quietly with status 0
/// (it printed a color-eyre "Broken pipe" report with a backtrace).
#[test]
fn sim_into_a_closed_pipe_stops_quietly() {
    let script = "kubectl get pods\n".repeat(2000);
    let mut child = kubestory()
        .arg("sim")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("write script");
    // Read one line, then close our end, as `head -1` does.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    std::io::Read::read(&mut stdout, &mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("Broken pipe"), "{err}");
}
