//! A quiz session: order (shuffled by seed), score, retry-missed, and the exported results.

use kubestory::lesson::load_lesson;
use kubestory::lesson::quiz::results::{
    Format, ResultRow, SCORE_KIND, append_history, export, to_csv, with_score_row,
};
use kubestory::lesson::quiz::session::{Outcome, QuizError, QuizSession};
use std::path::Path;

fn lessons() -> Vec<kubestory::lesson::Lesson> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lessons/quiz/all-kinds.yaml");
    vec![load_lesson(&path).expect("fixture loads").lesson]
}

fn ids(s: &QuizSession) -> Vec<String> {
    (0..s.len())
        .map(|i| s.at(i).unwrap().1.id.clone())
        .collect()
}

fn answer(s: &mut QuizSession, correct: bool, text: &str) {
    s.record(Outcome {
        answer: text.into(),
        correct,
        millis: 1500,
        answered_at: "2026-11-21T20:00:00Z".into(),
    });
    s.advance();
}

#[test]
fn unshuffled_sessions_keep_lesson_order() {
    let s = QuizSession::new("all", lessons(), None).unwrap();
    assert_eq!(
        ids(&s),
        [
            "single",
            "multiple",
            "true-false",
            "survivors",
            "fix",
            "command",
            "read-claim"
        ]
    );
}

#[test]
fn a_seed_gives_the_same_order_every_time_and_another_seed_another() {
    let a = ids(&QuizSession::new("all", lessons(), Some(7)).unwrap());
    let b = ids(&QuizSession::new("all", lessons(), Some(7)).unwrap());
    let c = ids(&QuizSession::new("all", lessons(), Some(8)).unwrap());
    assert_eq!(a, b);
    assert_ne!(a, c);
    let mut sorted = a.clone();
    sorted.sort();
    let mut all = ids(&QuizSession::new("all", lessons(), None).unwrap());
    all.sort();
    assert_eq!(sorted, all, "a shuffle neither drops nor repeats questions");
}

#[test]
fn no_questions_is_an_error() {
    let mut l = lessons();
    l[0].quiz.clear();
    assert_eq!(
        QuizSession::new("x", l, None).unwrap_err(),
        QuizError::NoQuestions
    );
}

#[test]
fn score_review_and_retry_missed() {
    let mut s = QuizSession::new("all", lessons(), None).unwrap();
    answer(&mut s, true, "a: On the node");
    answer(&mut s, false, "a: An emptyDir");
    answer(&mut s, true, "True");
    assert_eq!(s.score(), (2, 3, 7));
    s.finish();
    assert!(s.finished() && s.current().is_none());
    assert_eq!(s.missed(), vec![1, 3, 4, 5, 6], "wrong and unanswered");
    let retry = s.retry_missed().expect("something to retry");
    assert_eq!(
        ids(&retry),
        ["multiple", "survivors", "fix", "command", "read-claim"]
    );
    assert_eq!(retry.score(), (0, 0, 5));
}

#[test]
fn nothing_to_retry_after_a_perfect_run() {
    let mut s = QuizSession::new("all", lessons(), None).unwrap();
    while !s.finished() {
        answer(&mut s, true, "right");
    }
    assert_eq!(s.score(), (7, 7, 7));
    assert!(s.retry_missed().is_none());
}

fn rows() -> Vec<ResultRow> {
    let mut s = QuizSession::new("quiz-kinds", lessons(), None).unwrap();
    answer(&mut s, true, "a: On the node");
    answer(
        &mut s,
        false,
        "b: The container's own filesystem, \"quoted\"\nsecond line",
    );
    s.finish();
    s.rows()
}

#[test]
fn rows_name_lesson_question_kind_answer_and_time() {
    let r = rows();
    assert_eq!(r.len(), 7);
    assert_eq!(r[0].lesson, "quiz-kinds");
    assert_eq!(r[0].question, "single");
    assert_eq!(r[0].kind, "single");
    assert!(r[0].correct && r[0].answered);
    assert_eq!(r[0].seconds, 1.5);
    assert_eq!(r[0].date, "2026-11-21T20:00:00Z");
    assert!(!r[1].correct && r[1].answered);
    assert!(!r[2].answered && r[2].answer.is_empty() && r[2].date.is_empty());
}

#[test]
fn csv_quotes_answers_with_commas_quotes_and_newlines() {
    let text = String::from_utf8(to_csv(&rows()).unwrap()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("quiz,lesson,question,kind,answer,correct,answered,seconds,date,name")
    );
    assert!(text.contains("\"b: The container's own filesystem, \"\"quoted\"\"\nsecond line\""));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let back: Vec<ResultRow> = reader.deserialize().map(Result::unwrap).collect();
    assert_eq!(back, rows(), "CSV reads back to the same rows");
}

#[test]
fn export_picks_the_format_by_extension_and_refuses_others() {
    let dir_guard = tempfile::tempdir().expect("tempdir");
    let dir = dir_guard.path().to_path_buf();
    std::fs::create_dir_all(&dir).unwrap();
    export(&rows(), &dir.join("r.json")).unwrap();
    let back: Vec<ResultRow> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("r.json")).unwrap()).unwrap();
    assert_eq!(
        back,
        with_score_row(&rows()),
        "the rows, then the score row"
    );
    export(&rows(), &dir.join("r.CSV")).unwrap();
    assert!(
        std::fs::read_to_string(dir.join("r.CSV"))
            .unwrap()
            .starts_with("quiz,")
    );
    let err = export(&rows(), &dir.join("r.txt")).unwrap_err();
    assert!(err.to_string().contains("name it .json or .csv"), "{err}");
    assert!(Format::of(Path::new("x")).is_err());
    append_history(&rows(), &dir).unwrap();
    append_history(&rows(), &dir).unwrap();
    let history = std::fs::read_to_string(dir.join("quiz-results.jsonl")).unwrap();
    assert_eq!(history.lines().count(), 14, "appended, never replaced");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Finding 7 of the hostile-input issue: an answer a learner typed as `=HYPERLINK(…)` (or
/// beginning with `+`, `-`, `@`, a tab, a carriage return) would run as a formula in the
/// spreadsheet a teacher opens the export in. OWASP "CSV Injection": prefix a `'`.
#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    let mut dangerous = rows();
    let cells = [
        "=HYPERLINK(\"http://evil\",\"x\")",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\tindent",
        "\rreturn",
    ];
    let base = dangerous[0].clone();
    dangerous = cells
        .iter()
        .map(|c| ResultRow {
            answer: c.to_string(),
            question: c.to_string(),
            ..base.clone()
        })
        .collect();
    let text = String::from_utf8(to_csv(&dangerous).unwrap()).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let back: Vec<ResultRow> = reader.deserialize().map(Result::unwrap).collect();
    for (row, cell) in back.iter().zip(cells) {
        assert_eq!(row.answer, format!("'{cell}"), "{text}");
        assert_eq!(row.question, format!("'{cell}"), "{text}");
    }
    // Ordinary answers are untouched.
    assert_eq!(
        kubestory::lesson::quiz::results::neutralize("kubectl get pvc"),
        "kubectl get pvc"
    );
}

/// What a question's feedback says: its explanation and every option's.
fn feedback_text(q: &kubestory::lesson::quiz::Question) -> String {
    let mut t = q.explain.clone().unwrap_or_default();
    for o in &q.options {
        t.push('\n');
        t.push_str(&o.explain);
    }
    norm(&t)
}

/// Whether `text` holds `key` as whole words (`kubectl get pv` is not in `kubectl get pvc`).
fn says(text: &str, key: &str) -> bool {
    text.match_indices(key).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + key.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn norm(s: &str) -> String {
    s.replace('`', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What would give a question away: its solution command when it is more than a bare
/// listing (not the text the command must print: knowing an event's words does not tell
/// which command shows it) and the text of its right options (when long enough to be more
/// than a word).
fn answer_key(q: &kubestory::lesson::quiz::Question) -> Vec<String> {
    // A bare listing (`kubectl get pv`) is everyday vocabulary every lesson uses, not an
    // answer only the feedback could teach.
    let mut keys: Vec<String> = q
        .solution
        .iter()
        .map(|s| norm(s))
        .filter(|s| s.split_whitespace().count() > 3)
        .collect();
    keys.extend(
        q.options
            .iter()
            .filter(|o| o.correct)
            .map(|o| norm(&o.text))
            .filter(|t| t.len() >= 12),
    );
    keys
}

#[test]
fn no_feedback_in_a_built_in_quiz_gives_a_later_question_away() {
    let (lessons, errors) = kubestory::lesson::builtin_lessons();
    assert!(errors.is_empty(), "{errors:?}");
    // In the order a quiz over every lesson asks them (`kubestory quiz`, unshuffled).
    let all: Vec<(&str, &kubestory::lesson::quiz::Question)> = lessons
        .iter()
        .flat_map(|l| l.lesson.quiz.iter().map(move |q| (l.lesson.id.as_str(), q)))
        .collect();
    let mut found = Vec::new();
    for (i, (lesson, earlier)) in all.iter().enumerate() {
        let said = feedback_text(earlier);
        for (later_lesson, later) in &all[i + 1..] {
            for key in answer_key(later) {
                if says(&said, &key) {
                    found.push(format!(
                        "{lesson}/{}'s feedback says {key:?}, the answer to {later_lesson}/{}",
                        earlier.id, later.id
                    ));
                }
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}

/// Pairs a reader found where one feedback answers the other (the mechanical check above
/// cannot see a paraphrase): the fact is asked before the question whose feedback explains
/// it, and a command question's feedback does not name the other answers of a later one.
#[test]
fn built_in_quizzes_ask_a_fact_before_the_feedback_that_explains_it() {
    let (lessons, _) = kubestory::lesson::builtin_lessons();
    let pos = |lesson: &str, id: &str| {
        lessons
            .iter()
            .find(|l| l.lesson.id == lesson)
            .and_then(|l| l.lesson.quiz.iter().position(|q| q.id == id))
            .unwrap_or_else(|| panic!("{lesson}/{id}"))
    };
    // "recreate" explains that deleting a StatefulSet keeps its claims (whenDeleted: Retain).
    assert!(pos("statefulsets", "delete-keeps-claims") < pos("statefulsets", "recreate"));
    // "three-volumes" explains that a hostPath PV's Delete fails outside /tmp/.
    assert!(
        pos("reclaim-and-protection", "hostpath-delete")
            < pos("reclaim-and-protection", "three-volumes")
    );
    // Lesson 5 no longer asks what deleting a hand-made PV's claim does (its feedback named
    // lesson 8's answer, Retain); its last question is on a PV's scope, and no lesson 5
    // feedback names a reclaim policy lesson 8 asks for.
    let l5 = lessons
        .iter()
        .find(|l| l.lesson.id == "persistent-volumes")
        .expect("lesson 5");
    for q in &l5.lesson.quiz {
        let text = feedback_text(q);
        assert!(!text.contains("retain"), "{}: {text}", q.id);
    }
    // Lesson 3's "what loses it" is about what lesson 3 adds (a node reboot, a Memory
    // medium, a second replica), not lesson 2's "emptydir-gone" again (delete, rollout,
    // scale to zero).
    let l3 = lessons
        .iter()
        .find(|l| l.lesson.id == "emptydir")
        .expect("lesson 3");
    let what = l3
        .lesson
        .quiz
        .iter()
        .find(|q| q.id == "what-loses-it")
        .expect("what-loses-it");
    let text = format!("{what:?}");
    assert!(
        !text.contains("rollout restart") && !text.contains("delete pod"),
        "{text}"
    );
    // "restart-keep-story" comes before "emptydir-gone", whose right answers include
    // `kubectl rollout restart`: its feedback must not say that a rollout restart loses it.
    let l2 = lessons
        .iter()
        .find(|l| l.lesson.id == "container-filesystem")
        .unwrap();
    let q = l2
        .lesson
        .quiz
        .iter()
        .find(|q| q.id == "restart-keep-story")
        .unwrap();
    assert!(!feedback_text(q).contains("rollout restart"), "{q:?}");
    assert!(
        pos("container-filesystem", "restart-keep-story")
            < pos("container-filesystem", "emptydir-gone")
    );
}

/// `quiz --name NAME --export`: every row carries the name (the last column, so older
/// readers keep their columns), and a score row ends the file; history lines written before
/// the name existed still read.
#[test]
fn named_exports_carry_the_name_and_end_with_a_score_row() {
    let mut s = QuizSession::new("all", lessons(), None).unwrap();
    s.student = "ada.k".into();
    answer(&mut s, true, "a: On the node");
    answer(&mut s, false, "b, \"quoted\"");
    s.finish();
    let rows = s.rows();
    assert!(rows.iter().all(|r| r.name == "ada.k"));
    let all = with_score_row(&rows);
    let score = all.last().unwrap();
    assert_eq!(score.kind, SCORE_KIND);
    assert_eq!(score.answer, "1/7");
    assert!(!score.correct && !score.answered);
    assert_eq!(score.seconds, 3.0);
    assert_eq!(score.name, "ada.k");
    let dir = tempfile::tempdir().expect("tempdir");
    let csv = dir.path().join("r.csv");
    export(&rows, &csv).unwrap();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 1 + 7 + 1, "{text}");
    assert!(
        text.ends_with("all,,,score,1/7,false,false,3.0,2026-11-21T20:00:00Z,ada.k\n"),
        "{text}"
    );
    let old = r#"{"quiz":"all","lesson":"l","question":"q","kind":"single","answer":"","correct":false,"answered":false,"seconds":0.0,"date":""}"#;
    let row: ResultRow = serde_json::from_str(old).unwrap();
    assert_eq!(row.name, "");
}
