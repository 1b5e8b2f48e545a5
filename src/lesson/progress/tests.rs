use super::*;
use crate::lesson::model::{Lesson, Step};

/// A folder of its own per test (process id + test name), removed when the test ends, even
/// when it fails.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("kubestory-progress-{}-{test}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn lesson(id: &str, steps: &[&str]) -> Lesson {
    Lesson {
        id: id.into(),
        title: "T".into(),
        summary: "S".into(),
        minutes: 5,
        objectives: vec![],
        cluster: Default::default(),
        setup: Default::default(),
        steps: steps
            .iter()
            .map(|s| Step {
                id: (*s).into(),
                title: "t".into(),
                text: "x".into(),
                manifests: vec![],
                predict: None,
                goals: vec![],
                hints: vec![],
                solution: vec![],
                notes: None,
                demo: vec![],
            })
            .collect(),
        recap: "r".into(),
        quiz: Vec::new(),
    }
}

fn sample() -> Progress {
    let mut p = Progress::default();
    let e = p.entry("container-filesystem");
    e.step = 2;
    e.done_steps.insert("write".into());
    e.done_steps.insert("crash".into());
    e.hints.insert("crash".into(), 1);
    e.answers.insert("write".into(), 0);
    p.entry("claims").finished = true;
    p.last_lesson = Some("container-filesystem".into());
    p
}

#[test]
fn progress_round_trips_through_the_file() {
    let t = TempDir::new("round-trip");
    let p = sample();
    save(&t.0, &p).expect("save");
    assert!(!t.0.join("progress.json.tmp").exists());
    let (back, outcome) = load(&t.0);
    assert_eq!(outcome, LoadOutcome::Loaded);
    assert_eq!(back, p);
    assert_eq!(back.version, VERSION);
}

#[test]
fn a_missing_file_is_a_fresh_start() {
    let t = TempDir::new("missing");
    let (p, outcome) = load(&t.0);
    assert_eq!(outcome, LoadOutcome::Fresh);
    assert_eq!(p, Progress::default());
    assert_eq!(p.version, 1);
}

#[test]
fn corrupt_files_are_set_aside_under_new_names() {
    let t = TempDir::new("corrupt");
    fs::create_dir_all(&t.0).expect("mkdir");
    let file = t.0.join(FILE);

    fs::write(&file, "{ not json").expect("write");
    let (p, outcome) = load(&t.0);
    assert_eq!(p, Progress::default());
    let LoadOutcome::SetAside { aside: first, why } = outcome else {
        panic!("expected SetAside, got {outcome:?}");
    };
    assert_eq!(first, t.0.join("progress.json.corrupt-1"));
    assert!(why.contains("not valid progress JSON"), "{why}");
    assert!(!why.contains('\n'), "one line: {why}");
    assert!(!file.exists());
    assert_eq!(fs::read_to_string(&first).expect("aside"), "{ not json");

    fs::write(&file, r#"{"version": 7, "lessons": {}}"#).expect("write");
    let LoadOutcome::SetAside { aside: second, why } = load(&t.0).1 else {
        panic!("expected SetAside");
    };
    assert_eq!(second, t.0.join("progress.json.corrupt-2"));
    assert!(why.contains("version 7"), "{why}");
    assert!(first.exists(), "the first set-aside file is kept");

    fs::write(&file, [0xff, 0xfe, 0x00]).expect("write");
    assert!(matches!(load(&t.0).1, LoadOutcome::SetAside { .. }));
    assert_eq!(load(&t.0).1, LoadOutcome::Fresh);
}

#[test]
fn resetting_one_lesson_keeps_the_others() {
    let t = TempDir::new("reset-one");
    save(&t.0, &sample()).expect("save");
    let draft = draft_path(&t.0, "container-filesystem", "write");
    fs::create_dir_all(draft.parent().expect("parent")).expect("mkdir");
    fs::write(&draft, "kind: Pod\n").expect("draft");
    let other = draft_path(&t.0, "claims", "bind");
    fs::create_dir_all(other.parent().expect("parent")).expect("mkdir");
    fs::write(&other, "kind: PersistentVolumeClaim\n").expect("draft");

    let msg = reset(&t.0, Some("container-filesystem")).expect("reset");
    assert_eq!(msg, "cleared progress of lesson container-filesystem");
    let (p, _) = load(&t.0);
    assert!(!p.lessons.contains_key("container-filesystem"));
    assert!(p.lessons.contains_key("claims"));
    assert_eq!(p.last_lesson, None);
    assert!(!draft.exists());
    assert!(other.exists());

    let msg = reset(&t.0, Some("container-filesystem")).expect("again");
    assert_eq!(msg, "nothing saved for lesson container-filesystem");
}

#[test]
fn resetting_everything_removes_progress_and_drafts_and_never_fails() {
    let t = TempDir::new("reset-all");
    assert_eq!(reset(&t.0, None).expect("empty"), "nothing saved yet");
    assert_eq!(
        reset(&t.0, Some("claims")).expect("empty"),
        "nothing saved for lesson claims"
    );
    save(&t.0, &sample()).expect("save");
    let draft = draft_path(&t.0, "claims", "bind");
    fs::create_dir_all(draft.parent().expect("parent")).expect("mkdir");
    fs::write(&draft, "x").expect("draft");
    assert_eq!(
        reset(&t.0, None).expect("reset"),
        "cleared all progress, drafts and sandboxes"
    );
    assert!(!t.0.join(FILE).exists());
    assert!(!t.0.join("drafts").exists());
    assert_eq!(load(&t.0).1, LoadOutcome::Fresh);
}

#[test]
fn status_clamps_to_the_lessons_current_steps() {
    let mut p = Progress::default();
    let l = lesson("l", &["a", "b", "c"]);
    assert_eq!(p.status(&l), Status::NotStarted);
    p.entry("l");
    assert_eq!(p.status(&l), Status::NotStarted, "opened, nothing done");

    let e = p.entry("l");
    e.step = 9;
    e.done_steps.insert("a".into());
    e.done_steps.insert("gone".into());
    assert_eq!(
        p.status(&l),
        Status::InProgress {
            step: 2,
            of: 3,
            done: 1
        }
    );
    let shorter = lesson("l", &[]);
    assert_eq!(
        p.status(&shorter),
        Status::InProgress {
            step: 0,
            of: 0,
            done: 0
        }
    );
    p.entry("l").finished = true;
    assert_eq!(p.status(&l), Status::Finished);
}

#[test]
fn ids_that_could_leave_the_folder_are_refused_or_replaced() {
    let t = TempDir::new("injection");
    for bad in ["../x", "a/b", "a\\b", "..", ".hidden", ""] {
        let err = reset(&t.0, Some(bad)).expect_err(bad);
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{bad}");
        assert!(check_id(bad).is_err(), "{bad}");
    }
    assert!(check_id("container-filesystem").is_ok());

    let drafts = t.0.join("drafts");
    for (lesson, step) in [
        ("..", ".."),
        ("../../etc", "passwd"),
        ("a", "../../x"),
        (".", ""),
    ] {
        let path = draft_path(&t.0, lesson, step);
        assert!(path.starts_with(&drafts), "{}", path.display());
        let below: Vec<_> = path
            .strip_prefix(&drafts)
            .expect("below")
            .components()
            .collect();
        assert_eq!(below.len(), 2, "{}", path.display());
        assert!(
            below
                .iter()
                .all(|c| matches!(c, std::path::Component::Normal(_))),
            "{}",
            path.display()
        );
        assert!(!path.to_string_lossy().contains(".."), "{}", path.display());
    }
    assert_eq!(
        draft_path(&t.0, "claims", "bind"),
        t.0.join("drafts").join("claims").join("bind.yaml")
    );
}
