//! Hostile files in the state folder (issue 13): `progress.json` and `settings.json` are JSON,
//! read only if they are regular files within a size limit (deep nesting is refused by
//! serde_json's own limit); a command history (issue 12) is text lines, read under the same
//! rules. None of these may block, crash or eat memory at start.

use kubestory::lesson::progress::{self, LoadOutcome};
use kubestory::ui::settings::{self, Settings};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// A fresh state folder, removed on drop (also when a test fails).
struct StateDir(PathBuf);

impl StateDir {
    fn new(test: &str) -> StateDir {
        let dir = std::env::temp_dir().join(format!(
            "kubestory-hostile-state-{test}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create state folder");
        StateDir(dir)
    }
}

impl Drop for StateDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `f` on a thread and fails the test if it has not returned within 10 s (a blocked
/// open of a FIFO never returns; the thread is left behind and the process exits).
fn within_10s<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("blocked: a named pipe as a state file must not be opened")
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success());
}

fn why(outcome: LoadOutcome) -> String {
    match outcome {
        LoadOutcome::SetAside { why, .. } | LoadOutcome::Unusable { why } => why,
        other => panic!("expected the file to be refused, got {other:?}"),
    }
}

#[test]
fn a_progress_file_that_is_a_named_pipe_is_refused_without_blocking() {
    let dir = StateDir::new("progress-fifo");
    mkfifo(&dir.0.join(progress::FILE));
    let path = dir.0.clone();
    let (p, outcome) = within_10s(move || progress::load(&path));
    assert_eq!(p, progress::Progress::default());
    assert!(why(outcome).contains("not a regular file"));
}

#[test]
fn a_huge_progress_file_is_refused_naming_the_limit() {
    let dir = StateDir::new("progress-huge");
    let text = format!(
        "{{\"version\": 1, \"last_lesson\": \"{}\"}}",
        "x".repeat(progress::MAX_BYTES as usize)
    );
    std::fs::write(dir.0.join(progress::FILE), text).expect("write");
    let (_, outcome) = progress::load(&dir.0);
    let why = why(outcome);
    assert!(why.contains(&progress::MAX_BYTES.to_string()), "{why}");
}

/// 100,000 levels of `[` (200 KB, within the size limit): serde_json refuses them where a
/// type expects something else and skips them without recursing under an unknown key;
/// either way no deep recursion, so no stack overflow at start.
#[test]
fn deeply_nested_progress_json_neither_recurses_nor_crashes() {
    let dir = StateDir::new("progress-deep");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    std::fs::write(dir.0.join(progress::FILE), &deep).expect("write");
    let (p, outcome) = progress::load(&dir.0);
    assert_eq!(p, progress::Progress::default());
    let first = why(outcome);
    assert!(first.contains("not valid progress JSON"), "{first}");
    let nested = format!("{{\"version\": 1, \"unknown\": {deep}}}");
    std::fs::write(dir.0.join(progress::FILE), nested).expect("write");
    assert_eq!(progress::load(&dir.0).1, LoadOutcome::Loaded);
    let lessons = format!(
        "{{\"version\": 1, \"lessons\": {}",
        "{\"a\": ".repeat(100_000)
    );
    std::fs::write(dir.0.join(progress::FILE), lessons).expect("write");
    let third = why(progress::load(&dir.0).1);
    assert!(third.contains("not valid progress JSON"), "{third}");
}

#[test]
fn hostile_settings_files_give_the_defaults_without_blocking() {
    let dir = StateDir::new("settings");
    let file = dir.0.join(settings::FILE);
    mkfifo(&file);
    let path = dir.0.clone();
    assert_eq!(
        within_10s(move || settings::load(&path)),
        Settings::default()
    );
    std::fs::remove_file(&file).expect("remove fifo");
    let huge = format!(
        "{{\"theme\": \"light\"{}}}",
        " ".repeat(settings::MAX_BYTES as usize)
    );
    std::fs::write(&file, huge).expect("write");
    assert_eq!(settings::load(&dir.0), Settings::default());
    std::fs::write(
        &file,
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
    )
    .expect("write");
    assert_eq!(settings::load(&dir.0), Settings::default());
    std::fs::write(&file, "{\"theme\": \"light\"}").expect("write");
    assert_ne!(settings::load(&dir.0), Settings::default());
}

#[test]
fn hostile_history_files_neither_block_nor_reach_the_screen() {
    use kubestory::ui::history::{self, History, Loaded};
    let dir = StateDir::new("history");
    let path = history::path(&dir.0, history::SANDBOX);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    // A named pipe: refused without blocking, and never written to.
    mkfifo(&path);
    let p = path.clone();
    let (mut h, loaded) = within_10s(move || History::load(&p));
    assert!(matches!(loaded, Loaded::Unusable(_)), "{loaded:?}");
    within_10s(move || h.push("get pods").map(|()| h.entries().len()))
        .map(|n| assert_eq!(n, 1))
        .expect("kept in memory");
    std::fs::remove_file(&path).expect("rm fifo");
    // Past the size limit: set aside, not read whole.
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(history::MAX_FILE_BYTES + 1).expect("grow");
    let (h, loaded) = History::load(&path);
    assert!(h.entries().is_empty());
    assert!(
        matches!(&loaded, Loaded::SetAside(_, why) if why.contains("larger than")),
        "{loaded:?}"
    );
    // A line longer than the command line allows: not something kubestory wrote.
    std::fs::write(&path, format!("{}\n", "x".repeat(5000))).expect("write");
    assert!(matches!(History::load(&path).1, Loaded::SetAside(..)));
}
