//! A lesson cannot leave its folder, and nothing is written to a shared scratch folder
//! (findings 4, 5 and 8 of the hostile-input issue): lesson manifests live in memory, every
//! path a lesson names resolves inside its folder, only regular files are read.

use kubestory::lesson::check::{Workspace, lint_lesson, replay_to_step};
use kubestory::lesson::{lint_paths, load_dir, load_lesson, load_str};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A one-step lesson whose manifest comes from `file: FILE`.
fn lesson_with_file(file: &str) -> String {
    format!(
        "id: tiny\ntitle: Tiny\nsummary: One step.\nminutes: 1\nobjectives: [Write a story.]\nsteps:\n  - id: write\n    title: Write\n    text: Apply and write.\n    manifests:\n      - name: story.yaml\n        file: {file}\n    goals:\n      - label: It serves the story\n        explain: Write it.\n        check:\n          serves: {{ target: deploy/story, stories: [\"hello\"] }}\n    solution:\n      - kubectl apply -f story.yaml\n      - story write deploy/story hello\nrecap: Done.\n"
    )
}

/// Runs `f` on another thread and fails the test (instead of hanging it) if it blocks.
fn within_seconds<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(secs))
        .expect("the call blocked: a FIFO was opened for reading")
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_string_lossy().as_bytes()).expect("path");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// Before: manifests were written into `/tmp/kubestory-lesson-<pid>-<n>`, an existing folder
/// was reused, and a symlink planted there under a manifest's name made the lesson write
/// through it into the victim's file. Now nothing is written at all.
#[cfg(unix)]
#[test]
fn a_planted_scratch_folder_is_never_written_through() {
    let victim_dir = tempfile::tempdir().expect("tempdir");
    let victim = victim_dir.path().join("bashrc");
    std::fs::write(&victim, "# the victim's file\n").expect("victim");
    let mut planted = Vec::new();
    for n in 0..64 {
        let dir = std::env::temp_dir().join(format!("kubestory-lesson-{}-{n}", std::process::id()));
        if std::fs::create_dir(&dir).is_ok() {
            for name in ["story.yaml", "claim.yaml", "apps.yaml", "pods.yaml"] {
                std::os::unix::fs::symlink(&victim, dir.join(name)).expect("plant");
            }
            planted.push(dir);
        }
    }
    struct Cleanup(Vec<PathBuf>);
    impl Drop for Cleanup {
        fn drop(&mut self) {
            for d in &self.0 {
                let _ = std::fs::remove_dir_all(d);
            }
        }
    }
    let _cleanup = Cleanup(planted);
    let (lessons, errors) = load_dir(&root().join("lessons"));
    assert!(errors.is_empty(), "{errors:?}");
    for l in &lessons {
        assert!(lint_lesson(l).is_empty(), "{} lints", l.lesson.id);
        let ws = Workspace::new();
        replay_to_step(&l.lesson, l.lesson.steps.len() - 1, &ws).expect("replay");
    }
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim"),
        "# the victim's file\n",
        "a lesson wrote through a planted symlink"
    );
}

/// `file:` naming a FIFO is refused before it is opened (opening it would block lint and the
/// TUI forever, deaf to q and Ctrl-C).
#[cfg(unix)]
#[test]
fn a_fifo_named_by_file_is_refused_without_blocking() {
    let dir = tempfile::tempdir().expect("tempdir");
    mkfifo(&dir.path().join("story.yaml"));
    let folder = dir.path().to_path_buf();
    let err = within_seconds(10, move || {
        load_str(&lesson_with_file("story.yaml"), "fifo.yaml", &folder)
            .expect_err("a FIFO is refused")
    });
    assert!(
        err.iter().any(|e| e.message.contains("not a regular file")),
        "{err:?}"
    );
}

/// A lesson file that is itself a FIFO (`kubestory lint FIFO`, `--watch FIFO`).
#[cfg(unix)]
#[test]
fn a_fifo_as_the_lesson_file_is_refused_without_blocking() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("lesson.yaml");
    mkfifo(&fifo);
    let path = fifo.clone();
    let err = within_seconds(10, move || load_lesson(&path).expect_err("refused"));
    assert!(err[0].message.contains("not a regular file"), "{err:?}");
    let paths = vec![fifo];
    let (_, errors) = within_seconds(10, move || lint_paths(&paths));
    assert!(!errors.is_empty());
}

/// A lesson file in `--lessons DIR` that is a symlink (to a file outside, holding a secret) is
/// refused, and its target's content is not quoted in the error.
#[cfg(unix)]
#[test]
fn a_symlinked_lesson_file_is_refused_without_quoting_its_target() {
    let outside = tempfile::tempdir().expect("tempdir");
    let secret = outside.path().join("secret.yaml");
    std::fs::write(&secret, "password: hunter2-SECRET\n").expect("secret");
    let dir = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink(&secret, dir.path().join("00-linked.yaml")).expect("symlink");
    std::fs::copy(
        root().join("lessons/02-container-filesystem.yaml"),
        dir.path().join("01-real.yaml"),
    )
    .expect("copy");
    let (lessons, errors) = load_dir(dir.path());
    assert_eq!(lessons.len(), 1, "the regular lesson still loads");
    let shown: String = errors.iter().map(|e| format!("{e}\n")).collect();
    assert!(shown.contains("00-linked.yaml"), "{shown}");
    assert!(shown.contains("symbolic link"), "{shown}");
    assert!(!shown.contains("hunter2"), "the target was quoted: {shown}");
}

/// Every path form a lesson's line could use to leave its folder is refused at load time,
/// with the line and column of the path.
#[test]
fn script_lines_cannot_name_files_outside_the_lesson() {
    let base = lesson_with_file("story.yaml").replace("file: story.yaml", "content: \"kind: Pod\"");
    for (line, path) in [
        ("kubectl apply -f /etc/hostname", "/etc/hostname"),
        ("kubectl apply -f ../../etc/passwd", "../../etc/passwd"),
        ("kubectl apply -f sub/../../x.yaml", "sub/../../x.yaml"),
        ("kubectl apply --filename=/etc/shadow", "/etc/shadow"),
        (
            "kubectl patch deploy story --patch-file /etc/hostname",
            "/etc/hostname",
        ),
        ("kubectl apply -R -f /", "/"),
    ] {
        let text = base.replace(
            "      - kubectl apply -f story.yaml\n",
            &format!("      - kubectl apply -f story.yaml\n      - {line}\n"),
        );
        let err = load_str(&text, "escape.yaml", Path::new(".")).expect_err(line);
        let e = err
            .iter()
            .find(|e| e.message.contains("outside the lesson"))
            .unwrap_or_else(|| panic!("{line}: {err:?}"));
        let row = text.lines().position(|l| l.contains(line)).expect("line") + 1;
        let col = text
            .lines()
            .nth(row - 1)
            .expect("row")
            .find(path)
            .expect("path")
            + 1;
        assert_eq!((e.line, e.column), (row as u32, col as u32), "{line}");
    }
}
