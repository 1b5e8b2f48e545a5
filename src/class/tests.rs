//! The class record: it survives reopening, classes do not mix, bad input is refused, and a
//! damaged file is reported and left alone.

use super::*;

fn state() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn a_class_survives_reopening() {
    let dir = state();
    {
        let c = ClassRecord::open_or_create(dir.path(), "monday").unwrap();
        let s = c.session_started("ada", 100).unwrap();
        c.step_started("ada", "state", "s1", 110).unwrap();
        c.hint_opened("ada", "state", "s1", 115).unwrap();
        c.command_failed("ada", "state", "s1", 116).unwrap();
        c.step_completed("ada", "state", "s1", 130).unwrap();
        c.lesson_completed("ada", "state", 131).unwrap();
        c.quiz_answer("ada", "state", "q1", "b", false, 140)
            .unwrap();
        c.quiz_answer("ada", "state", "q2", "a", true, 141).unwrap();
        c.session_ended("ada", s, 160).unwrap();
    }
    let c = ClassRecord::open_or_create(dir.path(), "monday").unwrap();
    assert_eq!(
        c.student_rows().unwrap(),
        vec![export::StudentRow {
            name: "ada".into(),
            lessons_done: 1,
            steps_done: 1,
            quiz_right: 1,
            quiz_answered: 2,
            seconds: 60,
        }]
    );
    let s = c.summary().unwrap();
    assert_eq!((s.students, s.last_activity), (1, Some(160)));
}

#[test]
fn two_classes_do_not_mix() {
    let dir = state();
    let a = ClassRecord::open_or_create(dir.path(), "a").unwrap();
    let b = ClassRecord::open_or_create(dir.path(), "b").unwrap();
    a.session_started("ada", 1).unwrap();
    b.session_started("bob", 1).unwrap();
    b.vote("bob", "state", "s1", "2", 2).unwrap();
    let names = |c: &ClassRecord| -> Vec<String> {
        c.student_rows()
            .unwrap()
            .into_iter()
            .map(|r| r.name)
            .collect()
    };
    assert_eq!(names(&a), ["ada"]);
    assert_eq!(names(&b), ["bob"]);
    assert!(a.tally("state", "s1").unwrap().is_empty());
    assert_eq!(list_names(dir.path()).unwrap(), ["a", "b"]);
}

#[test]
fn votes_count_people_and_questions_show_the_most_chosen_wrong_answer() {
    let dir = state();
    let c = ClassRecord::open_or_create(dir.path(), "c").unwrap();
    c.vote("ada", "l", "s", "1", 1).unwrap();
    c.vote("ada", "l", "s", "2", 2).unwrap();
    c.vote("bob", "l", "s", "2", 2).unwrap();
    c.vote("cy", "l", "s", "1", 2).unwrap();
    c.vote("di", "l", "s", "2", 2).unwrap();
    assert_eq!(
        c.tally("l", "s").unwrap(),
        [("2".to_string(), 3), ("1".to_string(), 1)]
    );
    for (who, ans, ok) in [
        ("ada", "x", false),
        ("bob", "y", false),
        ("cy", "y", false),
        ("di", "ok", true),
    ] {
        c.quiz_answer(who, "l", "q", ans, ok, 3).unwrap();
    }
    let q = c.question_rows().unwrap();
    assert_eq!(
        q,
        [export::QuestionRow {
            lesson: "l".into(),
            question: "q".into(),
            answered: 4,
            right: 1,
            most_chosen_wrong: "y".into(),
        }]
    );
}

#[test]
fn bad_names_are_refused_with_the_rule() {
    let dir = state();
    let e = ClassRecord::open_or_create(dir.path(), "../etc").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("class name \"../etc\" is not allowed: use 1 to 32 characters"),
        "{e}"
    );
    let c = ClassRecord::open_or_create(dir.path(), "c").unwrap();
    let e = c.session_started("a b", 1).unwrap_err();
    assert_eq!(
        e.to_string(),
        "student name \"a b\" is not allowed: use 1 to 32 characters of A-Z a-z 0-9 . _ -, beginning with a letter or digit"
    );
    assert!(
        c.quiz_answer("ada", "l", "q", &"x".repeat(5000), false, 1)
            .is_err()
    );
    assert!(
        c.student_rows().unwrap().is_empty(),
        "nothing half-recorded"
    );
}

#[test]
fn an_unknown_class_suggests_the_near_one() {
    let dir = state();
    ClassRecord::open_or_create(dir.path(), "monday").unwrap();
    let e = ClassRecord::open_existing(dir.path(), "mondy").unwrap_err();
    assert_eq!(
        e.to_string(),
        "there is no class \"mondy\" (did you mean \"monday\"?); the classes kept are: monday"
    );
    assert!(!classes_dir(dir.path()).join("mondy.sqlite").exists());
}

#[test]
fn a_damaged_file_is_reported_and_left_in_place() {
    let dir = state();
    std::fs::create_dir_all(classes_dir(dir.path())).unwrap();
    let path = classes_dir(dir.path()).join("broken.sqlite");
    let junk = b"this is not a database, just some bytes that happen to be here....".repeat(20);
    std::fs::write(&path, &junk).unwrap();
    let e = ClassRecord::open_existing(dir.path(), "broken").unwrap_err();
    assert!(matches!(e, ClassError::Corrupt { .. }), "{e:?}");
    assert!(
        e.to_string()
            .contains("damaged or not a kubestory class record"),
        "{e}"
    );
    let e = ClassRecord::open_or_create(dir.path(), "broken").unwrap_err();
    assert!(matches!(e, ClassError::Corrupt { .. }), "{e:?}");
    assert_eq!(std::fs::read(&path).unwrap(), junk, "left as it was");
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = state();
    {
        let c = ClassRecord::open_or_create(dir.path(), "c").unwrap();
        c.conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let e = ClassRecord::open_existing(dir.path(), "c").unwrap_err();
    assert!(matches!(e, ClassError::TooNew { found: 99, .. }), "{e:?}");
}
