//! `kubestory class list` and `kubestory class export` on the real binary, with a temporary
//! state folder (XDG_STATE_HOME) that a class record is written into through the library.

use kubestory::class::ClassRecord;
use std::path::Path;
use std::process::{Command, Output};

/// A temporary state folder, removed when dropped.
struct State(tempfile::TempDir);

impl State {
    fn new() -> State {
        State(tempfile::tempdir().expect("temp dir"))
    }
    /// The folder kubestory uses under XDG_STATE_HOME.
    fn dir(&self) -> std::path::PathBuf {
        self.0.path().join("kubestory")
    }
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_kubestory"))
            .args(args)
            .env("XDG_STATE_HOME", self.0.path())
            .env("HOME", self.0.path())
            .output()
            .expect("runs")
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A class of two: ada answered "q1" right, bob answered it with a comma, a quote and a line
/// break (a whole manifest can be an answer).
fn monday(state: &Path) {
    let c = ClassRecord::open_or_create(state, "monday").expect("class");
    let s = c.session_started("ada", 1_800_000_000).unwrap();
    c.step_completed("ada", "emptydir", "s1", 1_800_000_010)
        .unwrap();
    c.quiz_answer("ada", "emptydir", "q1", "kept", true, 1_800_000_020)
        .unwrap();
    c.session_ended("ada", s, 1_800_000_060).unwrap();
    c.quiz_answer(
        "bob",
        "emptydir",
        "q1",
        "lost, \"all\"\nof it",
        false,
        1_800_000_030,
    )
    .unwrap();
}

#[test]
fn list_shows_classes_with_students_and_last_activity() {
    let st = State::new();
    let out = st.run(&["class", "list"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).starts_with("no class is kept yet"));
    monday(&st.dir());
    ClassRecord::open_or_create(&st.dir(), "empty").unwrap();
    let out = st.run(&["class", "list"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
    assert!(lines[0].starts_with("CLASS"), "{lines:?}");
    assert!(
        lines[1].starts_with("empty ") && lines[1].ends_with("0  -"),
        "{lines:?}"
    );
    assert!(
        lines[2].starts_with("monday ") && lines[2].ends_with("2  2027-01-15T08:01:00Z"),
        "{lines:?}"
    );
}

#[test]
fn export_writes_csv_and_json() {
    let st = State::new();
    monday(&st.dir());
    let csv = st.0.path().join("out.csv");
    let json = st.0.path().join("out.json");
    let out = st.run(&[
        "class",
        "export",
        "monday",
        "--csv",
        csv.to_str().unwrap(),
        "--json",
        json.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("class monday: 2 student(s), 1 question(s) written to"));
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        "row,name,lessons_done,steps_done,quiz_score,seconds,lesson,question,answered,right,most_chosen_wrong\r\n\
         student,ada,0,1,1/1,60,,,,,\r\n\
         student,bob,0,0,0/1,0,,,,,\r\n\
         question,,,,,,emptydir,q1,2,1,\"lost, \"\"all\"\"\nof it\"\r\n"
    );
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(v["class"], "monday");
    assert_eq!(v["students"][1]["name"], "bob");
    assert_eq!(
        v["questions"][0]["most_chosen_wrong"],
        "lost, \"all\"\nof it"
    );
}

#[test]
fn export_errors_are_clear() {
    let st = State::new();
    monday(&st.dir());
    let out = st.run(&["class", "export", "mondy", "--csv", "x.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: there is no class \"mondy\" (did you mean \"monday\"?); the classes kept are: monday\n"
    );
    // Neither --csv nor --json: clap says one is needed.
    let out = st.run(&["class", "export", "monday"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--csv <PATH>"),
        "{}",
        text(&out.stderr)
    );
    // A folder that does not exist.
    let bad = st.0.path().join("no/such/dir/out.csv");
    let out = st.run(&["class", "export", "monday", "--csv", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with(&format!("error: cannot write {}: ", bad.display())),
        "{err}"
    );
}

#[test]
fn a_damaged_record_is_reported_and_left_in_place() {
    let st = State::new();
    let dir = st.dir().join("classes");
    std::fs::create_dir_all(&dir).unwrap();
    let junk = b"not a database at all, only text........".repeat(40);
    std::fs::write(dir.join("broken.sqlite"), &junk).unwrap();
    let out = st.run(&["class", "export", "broken", "--json", "x.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("is damaged or not a kubestory class record"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let out = st.run(&["class", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("broken"));
    assert_eq!(std::fs::read(dir.join("broken.sqlite")).unwrap(), junk);
}

/// `quiz --name` takes a student name by the class record's rule, checked before the quiz.
#[test]
fn quiz_name_follows_the_naming_rule() {
    let st = State::new();
    let out = st.run(&["quiz", "--name", "a b", "--export", "r.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: --name \"a b\" is not allowed: use 1 to 32 characters of A-Z a-z 0-9 . _ -, beginning with a letter or digit\n"
    );
}
