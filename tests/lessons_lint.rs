//! Lessons are checked like code: the shipped lessons lint clean (library and binary), every
//! step's solution replays to its goals, the committed schema is current, and every broken
//! lesson in `tests/lessons/invalid/` fails with its expected error.

use kubestory::lesson::check::{Workspace, replay_to_step};
use kubestory::lesson::goals::{StepStart, check_met};
use kubestory::lesson::schema::lesson_schema_json;
use kubestory::lesson::{lint_paths, load_dir, load_lesson, load_str, sanitize};
use kubestory::runner::run_one;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn shipped_lessons_lint_clean() {
    let (lessons, errors) = lint_paths(&[root().join("lessons")]);
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{}", shown.join("\n"));
    assert!(lessons.len() >= 2);
}

/// Issue 11: every shipped lesson says which cluster it describes (`cluster.profile`), so it
/// is linted on that cluster and relies on nothing the profile lacks.
#[test]
fn shipped_lessons_declare_their_profile() {
    let (lessons, _) = load_dir(&root().join("lessons"));
    for l in &lessons {
        let profile = l.lesson.cluster.profile.as_deref();
        assert!(
            profile.is_some_and(|p| kubestory::sim::Profile::parse(p).is_some()),
            "{} declares no known profile ({profile:?})",
            l.file
        );
    }
}

#[test]
fn binary_lint_passes_and_list_prints_lessons() {
    let exe = env!("CARGO_BIN_EXE_kubestory");
    let out = std::process::Command::new(exe)
        .current_dir(root())
        .arg("lint")
        .output()
        .expect("run kubestory lint");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = std::process::Command::new(exe)
        .current_dir(root())
        .arg("list")
        .output()
        .expect("run kubestory list");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("container-filesystem") && text.contains("min"),
        "{text}"
    );
}

#[test]
fn binary_lint_fails_on_a_broken_lesson() {
    let exe = env!("CARGO_BIN_EXE_kubestory");
    let out = std::process::Command::new(exe)
        .current_dir(root())
        .args(["lint", "tests/lessons/invalid/unknown-key.yaml"])
        .output()
        .expect("run kubestory lint");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown-key.yaml:") && err.contains("did you mean"),
        "{err}"
    );
}

/// Learn Git Branching: every step's solution, replayed from the step's start, meets the
/// step's goals (independently of `lint`'s own loop).
#[test]
fn every_solution_meets_its_goals() {
    let (lessons, errors) = load_dir(&root().join("lessons"));
    assert!(errors.is_empty(), "{errors:?}");
    for l in &lessons {
        for (i, step) in l.lesson.steps.iter().enumerate() {
            let ws = Workspace::new();
            let mut sim = replay_to_step(&l.lesson, i, &ws).expect("replay");
            let start = StepStart::of(sim.cluster());
            for line in &step.solution {
                let mut out = String::new();
                assert!(
                    run_one(&mut sim, line, &ws.files(), &mut out),
                    "{}: {line}: {out}",
                    step.id
                );
            }
            for g in &step.goals {
                assert!(
                    check_met(&g.check, sim.cluster(), &start),
                    "{} / {}: goal {:?} not met",
                    l.lesson.id,
                    step.id,
                    g.label
                );
            }
        }
    }
}

#[test]
fn lesson_schema_is_current() {
    let path = root().join("assets/lesson.schema.json");
    let fresh = lesson_schema_json();
    if std::env::var_os("KUBESTORY_BLESS").is_some() {
        std::fs::write(&path, &fresh).expect("write schema");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "assets/lesson.schema.json is stale: the lesson model changed. Regenerate it with\n  KUBESTORY_BLESS=1 cargo test --test lessons_lint lesson_schema_is_current"
    );
}

/// Issue 10, first screen: the picker draws from cards compiled in (no lesson parsed before
/// the first screen); they must say what the lessons say.
#[test]
fn builtin_cards_are_current() {
    let path = root().join("src/lesson/builtin_cards.rs");
    let fresh = kubestory::lesson::builtin::builtin_cards_source();
    if std::env::var_os("KUBESTORY_BLESS").is_some() {
        std::fs::write(&path, &fresh).expect("write cards");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "src/lesson/builtin_cards.rs is stale: a lesson's title, summary, steps or quiz changed. Regenerate it with\n  KUBESTORY_BLESS=1 cargo test --test lessons_lint builtin_cards_are_current"
    );
    let cards: Vec<_> = kubestory::lesson::builtin_library()
        .into_iter()
        .map(|l| l.card)
        .collect();
    let (lessons, _) = kubestory::lesson::builtin_lessons();
    let parsed: Vec<_> = lessons
        .iter()
        .map(|l| kubestory::lesson::LessonCard::of(&l.lesson))
        .collect();
    assert_eq!(cards, parsed);
}

/// bottom's `invalid_configs`: each file is one failure mode; its first line is
/// `# expect: TEXT` (several allowed), and every TEXT must appear in the errors.
#[test]
fn each_invalid_lesson_fails_with_its_error() {
    let dir = root().join("tests/lessons/invalid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("invalid dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 9, "expected one file per failure mode");
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read");
        let expects: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# expect: "))
            .collect();
        assert!(!expects.is_empty(), "{}: no `# expect:` line", f.display());
        let (_, errors) = lint_paths(std::slice::from_ref(&f));
        let shown: String = errors.iter().map(|e| format!("{e}\n")).collect();
        for e in expects {
            assert!(
                shown.contains(e),
                "{}: expected {e:?} in:\n{shown}",
                f.display()
            );
        }
    }
}

#[test]
fn yaml_bomb_is_refused() {
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for name in "bcdefghi".chars() {
        let refs = vec![format!("*{prev}"); 9].join(",");
        text.push_str(&format!("{name}: &{name} [{refs}]\n"));
        prev = name;
    }
    let err = load_str(&text, "bomb.yaml", Path::new(".")).expect_err("bomb refused");
    let shown = err[0].to_string();
    assert!(shown.contains("huge document"), "{shown}");
    let big = "x".repeat(300 * 1024);
    let err = load_str(&big, "big.yaml", Path::new(".")).expect_err("size refused");
    assert!(err[0].message.contains("limited to"));
}

#[test]
fn control_characters_are_neutralised_at_load() {
    let l = load_lesson(&root().join("tests/lessons/control-chars.yaml")).expect("loads");
    assert!(!l.lesson.title.contains('\u{1b}'), "{:?}", l.lesson.title);
    assert!(l.lesson.title.contains('\u{FFFD}'));
    assert!(!l.lesson.steps[0].text.contains('\u{1b}'));
    assert_eq!(sanitize("\u{1b}]0;pwned\u{7}"), "\u{FFFD}]0;pwned\u{FFFD}");
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

        /// Any text: the loader answers with a lesson or errors, never a panic.
        #[test]
        fn loading_arbitrary_text_never_panics(text in "\\PC{0,400}") {
            let _ = load_str(&text, "fuzz.yaml", Path::new("."));
        }

        /// Lesson-shaped text with random keys and values (closer to what authors type).
        #[test]
        fn loading_lesson_shaped_text_never_panics(
            keys in proptest::collection::vec("(id|title|steps|goals|check|serves|target|file|manifests|[a-z]{1,6})", 1..8),
            values in proptest::collection::vec("(\\[\\]|\\{\\}|[a-z/.]{0,8}|-1|1e9|&a x|\\*a|\"\\\\e\")", 1..8),
        ) {
            let text: String = keys
                .iter()
                .zip(values.iter())
                .enumerate()
                .map(|(i, (k, v))| format!("{}{k}: {v}\n", "  ".repeat(i % 3)))
                .collect();
            let _ = load_str(&text, "fuzz.yaml", Path::new("."));
        }
    }
}

/// The complete example in lessons/README.md is a lesson that lints clean.
#[test]
fn readme_example_lints_clean() {
    let readme = std::fs::read_to_string(root().join("lessons/README.md")).expect("README");
    let start = readme.find("```yaml\n").expect("yaml block") + "```yaml\n".len();
    let end = start + readme[start..].find("\n```").expect("block end");
    let loaded = load_str(&readme[start..=end], "README.md", &root().join("lessons"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let errors = kubestory::lesson::lint_lesson(&loaded);
    assert!(errors.is_empty(), "{errors:?}");
}

/// The goal language against a live simulation, including "since the step started".
#[test]
fn goal_language_reads_the_cluster() {
    use kubestory::lesson::model::Check;
    let dir = root().join("assets/scenarios");
    let files = kubestory::runner::DirFiles { base: dir };
    let mut sim = kubestory::sim::Simulation::new(kubestory::sim::Cluster::new(
        kubestory::sim::ClusterConfig {
            nodes: kubestory::sim::ClusterConfig::minikube_node_names(2),
            ..Default::default()
        },
    ));
    let run = |sim: &mut kubestory::sim::Simulation, line: &str| {
        let mut out = String::new();
        assert!(run_one(sim, line, &files, &mut out), "{line}: {out}");
    };
    let start = StepStart::of(sim.cluster());
    let deploy = Check::Exists {
        kind: "deploy".into(),
        name: "story".into(),
        namespace: None,
    };
    let gone = Check::Absent {
        kind: "deployment".into(),
        name: "story".into(),
        namespace: None,
    };
    assert!(!check_met(&deploy, sim.cluster(), &start) && check_met(&gone, sim.cluster(), &start));
    run(&mut sim, "kubectl apply -f dynamic-pvc.yaml");
    let scheduled = Check::Event {
        reason: "Scheduled".into(),
    };
    assert!(check_met(&deploy, sim.cluster(), &start));
    assert!(check_met(&scheduled, sim.cluster(), &start));
    // A later step starts after the scheduling: the old event no longer counts.
    let later = StepStart::of(sim.cluster());
    assert!(!check_met(&scheduled, sim.cluster(), &later));
    let bound = Check::ClaimPhase {
        claim: "dynamic-pvc".into(),
        phase: "Bound".into(),
        namespace: None,
    };
    assert!(check_met(&bound, sim.cluster(), &later));
    let volume = sim
        .cluster()
        .volumes()
        .map(|v| v.metadata.name.clone())
        .next()
        .unwrap_or_default();
    let delete = Check::ReclaimPolicy {
        volume: volume.clone(),
        policy: "Delete".into(),
    };
    let bound_pv = Check::VolumePhase {
        volume,
        phase: "Bound".into(),
    };
    assert!(
        check_met(&delete, sim.cluster(), &later) && check_met(&bound_pv, sim.cluster(), &later)
    );
    let down = Check::NodeReady {
        node: "minikube-m02".into(),
        ready: false,
    };
    assert!(!check_met(&down, sim.cluster(), &later));
    run(&mut sim, "node fail minikube-m02");
    run(&mut sim, "wait 1m");
    assert!(check_met(&down, sim.cluster(), &later));
}

/// A symlink inside the lesson's folder is refused like `..` (wherever it leads), and its
/// target is not quoted.
#[cfg(unix)]
#[test]
fn symlink_out_of_the_folder_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let link = dir.path().join("story.yaml");
    std::os::unix::fs::symlink(root().join("assets/scenarios/story-deployment.yaml"), &link)
        .expect("symlink");
    let text = std::fs::read_to_string(root().join("tests/lessons/invalid/missing-file.yaml"))
        .expect("read")
        .replace("file: nothere.yaml", "file: story.yaml");
    let err = load_str(&text, "link.yaml", dir.path()).expect_err("refused");
    assert!(
        err.iter().any(|e| e.message.contains("is a symbolic link")),
        "{err:?}"
    );
}

#[test]
fn every_lesson_file_is_built_in_and_loads_from_its_embedded_text() {
    let mut on_disk: Vec<String> = std::fs::read_dir(root().join("lessons"))
        .expect("lessons folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
        .collect();
    on_disk.sort();
    let built_in: Vec<String> = kubestory::lesson::builtin::BUILTIN
        .iter()
        .map(|(name, _)| name.to_string())
        .collect();
    assert_eq!(
        built_in, on_disk,
        "add new lesson files to src/lesson/builtin.rs"
    );
    let (lessons, errors) = kubestory::lesson::builtin_lessons();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(lessons.len(), on_disk.len());
}

#[test]
fn goal_language_reads_claims_classes_capacity_and_finalizers() {
    use kubestory::lesson::model::Check;
    let files = kubestory::runner::DirFiles {
        base: root().join("assets/scenarios"),
    };
    let mut sim = kubestory::sim::Simulation::new(kubestory::sim::Cluster::new(
        kubestory::sim::ClusterConfig::default(),
    ));
    let mut run = |line: &str| {
        let mut out = String::new();
        assert!(run_one(&mut sim, line, &files, &mut out), "{line}: {out}");
    };
    run("kubectl apply -f dynamic-pvc.yaml");
    let start = StepStart::default();
    let c = sim.cluster();
    let volume = c
        .volumes()
        .map(|v| v.metadata.name.clone())
        .next()
        .expect("provisioned");
    let claim = |check: Check| check_met(&check, sim.cluster(), &start);
    let class = |class: &str| Check::ClaimClass {
        claim: "dynamic-pvc".into(),
        class: class.into(),
        namespace: None,
    };
    assert!(claim(class("standard")), "the default class is written in");
    assert!(!claim(class("")));
    let bound_to = |v: &str| Check::ClaimBoundTo {
        claim: "dynamic-pvc".into(),
        volume: v.into(),
        namespace: None,
    };
    assert!(claim(bound_to(&volume)));
    assert!(!claim(bound_to("another-pv")));
    let request = sim
        .cluster()
        .claim("default", "dynamic-pvc")
        .and_then(|c| c.spec.request().cloned())
        .expect("a request")
        .to_string();
    let capacity = |q: &str| Check::ClaimCapacity {
        claim: "dynamic-pvc".into(),
        capacity: q.into(),
        namespace: None,
    };
    assert!(claim(capacity(&request)));
    assert!(!claim(capacity("999Gi")));
    let terminating = Check::Terminating {
        kind: "pvc".into(),
        name: "dynamic-pvc".into(),
        namespace: None,
    };
    assert!(!claim(terminating.clone()));
    let mut out = String::new();
    assert!(run_one(
        &mut sim,
        "kubectl delete pvc dynamic-pvc",
        &files,
        &mut out
    ));
    assert!(
        check_met(&terminating, sim.cluster(), &start),
        "a claim in use waits for pvc-protection: {out}"
    );
}

/// Issue 4: 3+ questions per built-in lesson; issue 5: 40+ in all, every kind used, and
/// enough graded by the simulator (not only multiple choice).
#[test]
fn the_question_bank_covers_every_lesson_and_every_kind() {
    use kubestory::lesson::quiz::QuestionKind;
    let (lessons, errors) = kubestory::lesson::builtin_lessons();
    assert!(errors.is_empty(), "{errors:?}");
    for l in &lessons {
        assert!(
            l.lesson.quiz.len() >= 3,
            "{} has {} quiz questions; every lesson needs 3 or more",
            l.lesson.id,
            l.lesson.quiz.len()
        );
        assert!(
            l.lesson.quiz.iter().any(|q| !q.kind.is_choice()),
            "{}: at least one question should be graded by the simulator",
            l.lesson.id
        );
    }
    let all: Vec<QuestionKind> = lessons
        .iter()
        .flat_map(|l| l.lesson.quiz.iter().map(|q| q.kind))
        .collect();
    assert!(
        all.len() >= 40,
        "{} questions in all; 40 or more",
        all.len()
    );
    for kind in [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::TrueFalse,
        QuestionKind::Survivors,
        QuestionKind::FixManifest,
        QuestionKind::Command,
    ] {
        assert!(all.contains(&kind), "no question of kind {}", kind.name());
    }
}

/// Rule A's way out: a goal marked `standing: true` may hold at its step's start; the other
/// goals of the fixture need a crash after the write and a new pod.
#[test]
fn a_standing_goal_is_accepted() {
    let path = root().join("tests/lessons/valid/standing.yaml");
    let (lessons, errors) = lint_paths(std::slice::from_ref(&path));
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{}", shown.join("\n"));
    assert!(lessons[0].lesson.steps[0].goals[0].standing);
    // The same lesson without the mark fails rule A at that goal.
    let text = std::fs::read_to_string(&path)
        .expect("read")
        .replace("        standing: true\n", "");
    let loaded =
        load_str(&text, "standing.yaml", &root().join("tests/lessons/valid")).expect("loads");
    let errors = kubestory::lesson::lint_lesson(&loaded);
    assert!(
        errors.iter().any(|e| e.to_string().starts_with(
            "standing.yaml:37:9: step \"crash\": the goal \"The app runs\" already holds at the step's start"
        )),
        "{errors:?}"
    );
}

/// Goals mean what they say: "the crash kept the story" needs the crash AFTER the write, "the
/// new pod" a pod that did not exist when the step began, "restarted" restarts since then.
#[test]
fn goals_order_a_crash_after_the_write_and_know_a_new_pod() {
    use kubestory::lesson::model::Check;
    let files = kubestory::runner::DirFiles {
        base: root().join("assets/scenarios"),
    };
    let mut sim = kubestory::sim::Simulation::new(kubestory::sim::Cluster::new(
        kubestory::sim::ClusterConfig::default(),
    ));
    let run = |sim: &mut kubestory::sim::Simulation, line: &str| {
        let mut out = String::new();
        assert!(run_one(sim, line, &files, &mut out), "{line}: {out}");
    };
    run(&mut sim, "kubectl apply -f story-emptydir.yaml");
    let kept = |text: &str| Check::Serves {
        target: "deploy/story".into(),
        stories: vec![text.into()],
        exactly: false,
        count: None,
        new_pod: false,
        after_restart: true,
        from_other_node: false,
        namespace: None,
    };
    let restarted = Check::Restarts {
        target: "deploy/story".into(),
        at_least: 1,
        since_start: true,
        new_pod: false,
        namespace: None,
    };
    let start = StepStart::of(sim.cluster());
    run(&mut sim, "story write deploy/story before");
    assert!(
        !check_met(&kept("before"), sim.cluster(), &start),
        "no crash yet: the goal must not tick at the write"
    );
    run(&mut sim, "crash deploy/story");
    assert!(check_met(&kept("before"), sim.cluster(), &start));
    assert!(check_met(&restarted, sim.cluster(), &start));
    // A story written after the crash was not kept through it.
    run(&mut sim, "story write deploy/story after");
    assert!(!check_met(&kept("after"), sim.cluster(), &start));
    // A later step: the old crash counts neither as a restart nor as a crash after a write.
    let later = StepStart::of(sim.cluster());
    assert!(!check_met(&restarted, sim.cluster(), &later));
    assert!(!check_met(&kept("before"), sim.cluster(), &later));
    let new_pod = Check::Running {
        target: "deploy/story".into(),
        node: None,
        new_pod: true,
        namespace: None,
    };
    assert!(
        !check_met(&new_pod, sim.cluster(), &later),
        "the pod is old"
    );
    run(&mut sim, "kubectl delete pod --all");
    assert!(check_met(&new_pod, sim.cluster(), &later), "a replacement");
}

/// "Survive a move" (the capstone's challenge): a story counts as moved only once a pod on
/// another node than the one it was written through serves it; a rollout or a deletion that
/// lands on the writer's node does not.
#[test]
fn a_story_served_from_another_node_than_its_writer_proves_a_move() {
    use kubestory::lesson::model::{Check, ManifestFile};
    let ws = Workspace::new();
    ws.write(&[ManifestFile {
        name: "nfs.yaml".into(),
        content: Some(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: story}\nspec:\n  selector: {matchLabels: {app: story}}\n  template:\n    metadata: {labels: {app: story}}\n    spec:\n      containers:\n        - name: story\n          image: academind/kub-data-demo:1\n          volumeMounts: [{name: data, mountPath: /app/story}]\n      volumes:\n        - name: data\n          nfs: {server: files.example, path: /stories}\n"
                .into(),
        ),
        file: None,
    }]);
    let mut sim = kubestory::sim::Simulation::new(kubestory::sim::Cluster::new(
        kubestory::sim::ClusterConfig {
            nodes: kubestory::sim::ClusterConfig::minikube_node_names(2),
            ..Default::default()
        },
    ));
    let run = |sim: &mut kubestory::sim::Simulation, line: &str| {
        let mut out = String::new();
        assert!(run_one(sim, line, &ws.files(), &mut out), "{line}: {out}");
    };
    let moved = Check::Serves {
        target: "deploy/story".into(),
        stories: vec!["kept".into()],
        exactly: false,
        count: None,
        new_pod: false,
        after_restart: false,
        from_other_node: true,
        namespace: None,
    };
    let start = StepStart::default();
    run(&mut sim, "kubectl cordon minikube-m02");
    run(&mut sim, "kubectl apply -f nfs.yaml");
    run(&mut sim, "story write deploy/story kept");
    assert!(
        !check_met(&moved, sim.cluster(), &start),
        "written here, served here"
    );
    run(&mut sim, "kubectl delete pod --all");
    assert!(
        !check_met(&moved, sim.cluster(), &start),
        "a deletion back onto the same node is not a move"
    );
    run(&mut sim, "kubectl uncordon minikube-m02");
    run(&mut sim, "kubectl cordon minikube");
    run(&mut sim, "kubectl delete pod --all");
    assert!(
        check_met(&moved, sim.cluster(), &start),
        "served on minikube-m02 now"
    );
}

/// Issue 10: the capstone's first challenge passed by applying the `files` class alone (the
/// rollout ticked "a pod was deleted" and landed on minikube-m02). Now the rollout and a
/// written story are not enough; the solution (a deletion onto the other node) is.
#[test]
fn the_capstone_challenge_needs_a_deletion_and_a_move() {
    use kubestory::lesson::goals::all_met;
    let l = load_lesson(&root().join("lessons/11-capstone.yaml")).expect("loads");
    let step = &l.lesson.steps[0];
    let ws = Workspace::new();
    let mut sim = replay_to_step(&l.lesson, 0, &ws).expect("replay");
    let start = StepStart::of(sim.cluster());
    let goals = || step.goals.iter().map(|g| &g.check);
    for line in [
        "kubectl apply -f story-files.yaml",
        "story write deploy/story kept through everything",
    ] {
        let mut out = String::new();
        assert!(
            run_one(&mut sim, line, &ws.files(), &mut out),
            "{line}: {out}"
        );
    }
    assert!(
        !all_met(goals(), sim.cluster(), &start),
        "the rollout alone passed"
    );
    for line in &step.solution[2..] {
        let mut out = String::new();
        assert!(
            run_one(&mut sim, line, &ws.files(), &mut out),
            "{line}: {out}"
        );
    }
    assert!(all_met(goals(), sim.cluster(), &start));
}

/// A standing goal is drawn apart from the goals the learner ticks: `•` and "(already
/// true)" instead of a `✓`, at 80x24.
#[test]
fn the_goals_pane_marks_a_standing_goal_as_already_true() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let loaded = load_lesson(&root().join("tests/lessons/valid/standing.yaml")).expect("loads");
    let mut app = kubestory::ui::App::sandbox();
    kubestory::ui::player::start(&mut app, loaded, None).expect("starts");
    app.size = (80, 24);
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    t.draw(|f| kubestory::ui::render(&app, f)).expect("draw");
    let shown = format!("{}", t.backend());
    assert!(shown.contains("• The app runs (already true)"), "{shown}");
    assert!(
        shown.contains("○ The story was there before a crash"),
        "{shown}"
    );
    assert!(!shown.contains("✓ The app runs"), "{shown}");
}
