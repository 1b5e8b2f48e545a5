//! The quiz graders on a lesson with one question of every kind: right answers pass, wrong
//! ones fail with feedback the learner can act on. Lint uses the same graders
//! (tests/lessons/invalid/quiz-*.yaml prove lint's checks).

use kubestory::lesson::quiz::grade::{
    build_scenario, choice_is_right, grade_command, grade_fix, play_survivors, stories_at_risk,
    survivors_are_right,
};
use kubestory::lesson::quiz::{Question, QuestionKind};
use kubestory::lesson::{LoadedLesson, lint_lesson, load_lesson};
use std::collections::BTreeSet;
use std::path::Path;

fn lesson() -> LoadedLesson {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lessons/quiz/all-kinds.yaml");
    load_lesson(&path).expect("the fixture loads")
}

fn question<'a>(l: &'a LoadedLesson, id: &str) -> &'a Question {
    l.lesson
        .quiz
        .iter()
        .find(|q| q.id == id)
        .expect("question exists")
}

fn set(items: &[usize]) -> BTreeSet<usize> {
    items.iter().copied().collect()
}

#[test]
fn the_fixture_lints_clean() {
    let l = lesson();
    assert_eq!(lint_lesson(&l), vec![]);
    assert_eq!(l.lesson.quiz.len(), 7);
}

#[test]
fn single_choice_takes_exactly_the_right_option() {
    let l = lesson();
    let q = question(&l, "single");
    assert!(choice_is_right(q, &set(&[0])));
    assert!(!choice_is_right(q, &set(&[1])));
    assert!(!choice_is_right(q, &set(&[0, 1])));
    assert!(!choice_is_right(q, &set(&[])));
}

#[test]
fn multiple_choice_needs_all_right_options_and_no_wrong_one() {
    let l = lesson();
    let q = question(&l, "multiple");
    assert!(choice_is_right(q, &set(&[0, 2])));
    assert!(!choice_is_right(q, &set(&[0])), "one right option missing");
    assert!(
        !choice_is_right(q, &set(&[0, 1, 2])),
        "a wrong option picked"
    );
}

#[test]
fn true_false_offers_true_and_false_both_explained() {
    let l = lesson();
    let q = question(&l, "true-false");
    assert_eq!(q.kind, QuestionKind::TrueFalse);
    let choices = q.choices();
    assert_eq!(choices.len(), 2);
    assert_eq!(
        (choices[0].text.as_str(), choices[0].correct),
        ("True", true)
    );
    assert_eq!(
        (choices[1].text.as_str(), choices[1].correct),
        ("False", false)
    );
    assert!(
        choices
            .iter()
            .all(|c| c.explain.contains("as long as its pod"))
    );
    assert!(choice_is_right(q, &set(&[0])));
    assert!(!choice_is_right(q, &set(&[1])));
}

#[test]
fn survivors_plays_the_event_and_names_the_rule_for_each_loss() {
    let l = lesson();
    let q = question(&l, "survivors");
    let mut sc = build_scenario(&l.lesson, q).expect("scenario builds");
    let at_risk: Vec<String> = stories_at_risk(&sc.sim)
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert_eq!(at_risk, ["in the emptyDir", "on the node"]);
    let fates = play_survivors(q, &mut sc).expect("the event plays");
    let lost = fates.iter().find(|f| f.text == "in the emptyDir").unwrap();
    assert!(!lost.survived);
    assert!(
        lost.why.as_deref().unwrap_or("").contains("emptyDir"),
        "{lost:?}"
    );
    let kept = fates.iter().find(|f| f.text == "on the node").unwrap();
    assert!(kept.survived && kept.why.is_none());
    let marked = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert!(survivors_are_right(&fates, &marked(&["on the node"])));
    assert!(!survivors_are_right(
        &fates,
        &marked(&["on the node", "in the emptyDir"])
    ));
    assert!(!survivors_are_right(&fates, &marked(&[])));
}

#[test]
fn fix_manifest_grades_by_the_goals_after_applying_the_learners_text() {
    let l = lesson();
    let q = question(&l, "fix");
    let broken = q.manifest.as_ref().and_then(|m| m.content.clone()).unwrap();
    let wrong = grade_fix(&l.lesson, q, &broken).unwrap();
    assert!(wrong.ran, "the broken claim applies: {}", wrong.output);
    assert!(!wrong.passed());
    assert_eq!(wrong.goals[0].label, "The claim is bound to disk");
    assert!(!wrong.goals[0].met);

    let right = grade_fix(
        &l.lesson,
        q,
        &broken.replace("ReadWriteMany", "ReadWriteOnce"),
    )
    .unwrap();
    assert!(right.passed(), "{right:?}");
    assert!(right.output.contains("persistentvolumeclaim/data created"));

    let typo = grade_fix(&l.lesson, q, &broken.replace("accessModes", "accesModes")).unwrap();
    assert!(!typo.ran && !typo.passed());
    assert!(
        typo.output.contains("accesModes"),
        "the learner sees the manifest error: {}",
        typo.output
    );
}

#[test]
fn command_is_graded_by_effect_not_by_the_words() {
    let l = lesson();
    let q = question(&l, "command");
    let model = q.solution.clone().unwrap();
    assert!(grade_command(&l.lesson, q, &model).unwrap().passed());
    // Another spelling with the same effect passes too.
    let other = r#"kubectl patch persistentvolume disk --type merge -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'"#;
    let a = grade_command(&l.lesson, q, other).unwrap();
    assert!(a.passed(), "{a:?}");
    // A command that runs but does something else fails.
    let a = grade_command(&l.lesson, q, "kubectl get pv").unwrap();
    assert!(a.ran && !a.passed());
    // `cluster` would replace the question's cluster: refused.
    let a = grade_command(&l.lesson, q, "cluster nodes=2").unwrap();
    assert!(!a.ran && a.output.contains("kubectl command"));
}

#[test]
fn command_is_graded_by_what_it_prints() {
    let l = lesson();
    let q = question(&l, "read-claim");
    assert!(
        grade_command(&l.lesson, q, "kubectl get pvc")
            .unwrap()
            .passed()
    );
    assert!(
        grade_command(&l.lesson, q, "kubectl describe pvc data")
            .unwrap()
            .passed()
    );
    let a = grade_command(&l.lesson, q, "kubectl get nodes").unwrap();
    assert!(!a.passed());
    assert_eq!(a.missing_output, ["disk"]);
}
