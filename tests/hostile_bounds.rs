//! Issue 13, finding 1 and part of finding 8: hostile sizes are refused with an error that
//! names the limit and the line, instead of aborting the process. The hostile files are in
//! `tests/hostile/bounds/`; the `kubestory sim` goldens run the real binary, built by `cargo
//! test` with overflow checks on, so a wrapped clock would panic here.

use kubestory::lesson::lint_paths;
use kubestory::runner::{DirFiles, RunOptions, stream_script};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/bounds")
}

/// Lints one hostile lesson; its errors as `kubestory lint` prints them, the file named
/// as given (`lesson.yaml`, relative to the fixtures' folder).
fn lint(name: &str) -> Vec<String> {
    let (_, errors) = lint_paths(&[dir().join(name)]);
    let prefix = format!("{}/", dir().display());
    errors
        .iter()
        .map(|e| e.to_string().replacen(&prefix, "", 1))
        .collect()
}

#[test]
fn a_lesson_with_a_trillion_nodes_is_refused_at_its_line() {
    assert_eq!(
        lint("lesson-nodes-1e12.yaml"),
        [
            "lesson-nodes-1e12.yaml:9:10: cluster.nodes: 1000000000000 nodes: kubestory simulates at most 50 nodes per cluster (its limit; a lesson never needs more): use 50 or fewer"
        ]
    );
}

#[test]
fn the_node_limit_holds_at_its_boundary() {
    assert_eq!(lint("lesson-nodes-50.yaml"), Vec::<String>::new());
    assert_eq!(
        lint("lesson-nodes-51.yaml"),
        [
            "lesson-nodes-51.yaml:8:10: cluster.nodes: 51 nodes: kubestory simulates at most 50 nodes per cluster (its limit; a lesson never needs more): use 50 or fewer"
        ]
    );
}

#[test]
fn duplicate_empty_and_slashed_node_names_are_refused_at_the_name() {
    assert_eq!(
        lint("lesson-node-names-duplicate.yaml"),
        [
            "lesson-node-names-duplicate.yaml:11:7: cluster.nodes: node name \"node-a\" is given twice: node names must be unique"
        ]
    );
    assert_eq!(
        lint("lesson-node-names-empty.yaml"),
        [
            "lesson-node-names-empty.yaml:8:19: cluster.nodes: node name 2 is empty: every node needs a name such as \"node-1\""
        ]
    );
    assert_eq!(
        lint("lesson-node-names-slash.yaml"),
        [
            "lesson-node-names-slash.yaml:10:7: cluster.nodes: \"../etc\" is not a valid node name: use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (no '/', '.', spaces or capitals)"
        ]
    );
}

/// Runs `kubestory sim FILE` from the fixtures' folder; (stdout, exit success).
fn sim(script: &str) -> (String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_kubestory"))
        .arg("sim")
        .arg(script)
        .current_dir(dir())
        .output()
        .expect("run kubestory sim");
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.success(),
    )
}

fn golden(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).expect("golden output")
}

#[test]
fn a_billion_replicas_is_refused_by_every_way_in() {
    let (out, ok) = sim("replicas-1e9.sim");
    assert!(ok);
    assert_eq!(out, golden("replicas-1e9.out"));
    // The manifest's error points at the field, as other manifest errors do.
    assert!(out.contains("kubestory: replicas-1e9.yaml:7:13: spec.replicas is 1000000000: kubestory simulates at most 200 replicas per workload"));
}

#[test]
fn waiting_u64_max_seconds_is_refused_without_overflow() {
    let (out, ok) = sim("wait-overflow.sim");
    assert!(ok);
    assert_eq!(out, golden("wait-overflow.out"));
}

#[test]
fn sim_script_nodes_follow_the_same_rule() {
    let run = |line: &str| {
        let text = format!("{line}\nkubectl get nodes --no-headers\n");
        let mut out = Vec::new();
        stream_script(
            &text,
            &DirFiles { base: dir() },
            &RunOptions::default(),
            &mut out,
        )
        .expect("a Vec takes every write");
        String::from_utf8(out).expect("utf-8")
    };
    let fifty = run("cluster nodes=50");
    assert_eq!(fifty.lines().filter(|l| l.contains(" Ready ")).count(), 50);
    assert!(run("cluster nodes=51").contains(
        "error: 51 nodes: kubestory simulates at most 50 nodes per cluster (its limit; a lesson never needs more): use 50 or fewer"
    ));
    assert!(
        run("cluster nodes=a,a")
            .contains("error: node name \"a\" is given twice: node names must be unique")
    );
    assert!(run("cluster nodes=a,,b").contains("error: node name 2 is empty"));
    assert!(run("cluster nodes=a/b").contains("error: \"a/b\" is not a valid node name"));
}

/// A sink that remembers what had been written at each flush.
#[derive(Default)]
struct Flushes {
    pending: Vec<u8>,
    flushed: Vec<String>,
}

impl Write for Flushes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        let text = String::from_utf8_lossy(&self.pending).into_owned();
        self.flushed.push(text);
        self.pending.clear();
        Ok(())
    }
}

#[test]
fn sim_output_is_flushed_after_every_command() {
    let script = "wait 1s\n# a comment\nkubectl get pods\nwait 18446744073709551615\n";
    let mut sink = Flushes::default();
    stream_script(
        script,
        &DirFiles { base: dir() },
        &RunOptions::default(),
        &mut sink,
    )
    .expect("the sink takes every write");
    assert_eq!(
        sink.flushed,
        [
            "$ wait 1s\nwaited 1s\n".to_string(),
            "$ kubectl get pods\nNo resources found in default namespace.\n".to_string(),
            "$ wait 18446744073709551615\nerror: cannot wait 584942417355y: kubestory's simulated clock stops 10 years after the simulation's start (its limit); at most 315359399s (9y) can still pass\n".to_string(),
        ]
    );
}

#[test]
fn a_script_larger_than_the_limit_is_refused() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kubestory"))
        .arg("sim")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kubestory sim");
    {
        let mut stdin = child.stdin.take().expect("stdin");
        let line = "# padding\n";
        let big = line.repeat(kubestory::sim::limits::MAX_SCRIPT_BYTES / line.len() + 1);
        // The process may stop reading at the limit; a broken pipe then is expected.
        let _ = stdin.write_all(big.as_bytes());
    }
    let out = child.wait_with_output().expect("wait for kubestory");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the script is larger than 1024 KiB, kubestory's limit for a script"),
        "{err}"
    );
}
