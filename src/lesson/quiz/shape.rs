//! Load-time checks of a lesson's questions: the fields a kind needs are there, the fields
//! it does not use are absent, the number of correct options fits the kind, and every script
//! line, manifest name and goal is well formed. Replaying the answers against the simulator
//! is `quiz::lint`'s job.

use super::model::{Question, QuestionKind};
use crate::lesson::load::{
    check_names, check_script, diag, locate, markdown_problem, resolve_manifest,
};
use crate::manifest::Diagnostic;
use std::collections::BTreeSet;
use std::path::Path;

/// Most options a choice question may have: learners answer with the keys a to f.
pub const MAX_QUIZ_OPTIONS: usize = 6;

/// Checks every question's shape, filling `file:` manifests from the lesson's folder.
pub fn check_questions(
    quiz: &mut [Question],
    folder: &Path,
    file: &str,
    text: &str,
    errors: &mut Vec<Diagnostic>,
) {
    let mut seen: Vec<String> = Vec::new();
    for q in quiz.iter_mut() {
        let id_needle = format!("id: {}", q.id);
        let anchor = ["quiz:", id_needle.as_str()];
        let at = |field: &str| {
            let mut n = anchor.to_vec();
            n.push(field);
            locate(text, &n)
        };
        let mut err = |pos, msg: String, hint: Option<&str>| {
            errors.push(diag(
                file,
                pos,
                &format!("question {:?}: {msg}", q.id),
                hint.map(str::to_string),
            ))
        };
        if q.id.is_empty()
            || !q
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            err(
                locate(text, &anchor),
                "the id must be lowercase letters, digits and `-`".into(),
                None,
            );
        }
        if seen.contains(&q.id) {
            err(
                locate(text, &anchor),
                "another question in this lesson has the same id".into(),
                Some("ids name questions in results and exports; make each unique"),
            );
        }
        seen.push(q.id.clone());
        if q.question.trim().is_empty() {
            err(at("question:"), "the question is empty".into(), None);
        }
        if let Some(problem) = markdown_problem(&q.question) {
            err(at("question:"), format!("question: {problem}"), None);
        }

        let kind = q.kind;
        let uses = Uses::of(kind);
        let mut unused = |present: bool, field: &str, what: &str| {
            if present {
                err(
                    at(&format!("{field}:")),
                    format!("`{field}` is not used by kind `{}`", kind.name()),
                    Some(what),
                );
            }
        };
        unused(
            !uses.options && !q.options.is_empty(),
            "options",
            "options belong to `single` and `multiple`; a `true_false` question has `answer`",
        );
        unused(
            !uses.answer && q.answer.is_some(),
            "answer",
            "`answer: true|false` belongs to `true_false`; choice questions mark options `correct`",
        );
        unused(
            !uses.scenario && q.scenario.is_some(),
            "scenario",
            "choice questions have no cluster; use `survivors`, `fix_manifest` or `command` to grade with the simulator",
        );
        unused(
            !uses.then && !q.then.is_empty(),
            "then",
            "`then` lines run after a survivors answer, a fix or a command",
        );
        unused(
            !uses.survivors && q.survivors.is_some(),
            "survivors",
            "`survivors` is the answer key of kind `survivors`",
        );
        unused(
            !uses.manifest && q.manifest.is_some(),
            "manifest",
            "`manifest` is the broken file of kind `fix_manifest`",
        );
        unused(
            !uses.manifest && q.fixed.is_some(),
            "fixed",
            "`fixed` is the corrected text of kind `fix_manifest`",
        );
        unused(
            !uses.goals && !q.goals.is_empty(),
            "goals",
            "goals grade `fix_manifest` and `command` answers",
        );
        unused(
            !uses.command && !q.output.is_empty(),
            "output",
            "`output` grades what a `command` answer prints",
        );
        unused(
            !uses.command && !q.wrong.is_empty(),
            "wrong",
            "`wrong` lists commands a `command` question must grade wrong",
        );
        unused(
            !uses.command && q.solution.is_some(),
            "solution",
            "`solution` is the model command of kind `command`",
        );

        let mut missing = |absent: bool, field: &str, what: &str| {
            if absent {
                err(
                    locate(text, &anchor),
                    format!("kind `{}` needs `{field}`", kind.name()),
                    Some(what),
                );
            }
        };
        missing(
            kind != QuestionKind::Single && kind != QuestionKind::Multiple && q.explain.is_none(),
            "explain",
            "say why the answer is what it is; it is shown after answering",
        );
        missing(
            kind == QuestionKind::TrueFalse && q.answer.is_none(),
            "answer",
            "`answer: true` or `answer: false`",
        );
        missing(
            kind == QuestionKind::Survivors && q.survivors.is_none(),
            "survivors",
            "the texts of the stories that still exist after `then` (`[]` if none)",
        );
        missing(
            kind == QuestionKind::Survivors && q.then.is_empty(),
            "then",
            "the event to play out, e.g. `then: [kubectl delete pod --all]`",
        );
        missing(
            kind == QuestionKind::FixManifest && q.manifest.is_none(),
            "manifest",
            "the broken file: `manifest: {name: story.yaml, content: ...}`",
        );
        missing(
            kind == QuestionKind::FixManifest && q.fixed.is_none(),
            "fixed",
            "a corrected text, so lint can prove the question can be answered",
        );
        missing(
            kind == QuestionKind::FixManifest && q.goals.is_empty(),
            "goals",
            "what the fixed manifest makes true, e.g. `claim_phase: {claim: data, phase: Bound}`",
        );
        missing(
            kind == QuestionKind::Command && q.goals.is_empty() && q.output.is_empty(),
            "goals or output",
            "grade the command by its effect (`goals`) or by what it prints (`output`)",
        );
        missing(
            kind == QuestionKind::Command && q.solution.is_none(),
            "solution",
            "a command that answers the question, e.g. `solution: kubectl get pvc`",
        );

        if uses.options {
            let correct = q.options.iter().filter(|o| o.correct).count();
            if q.options.len() < 2 || q.options.len() > MAX_QUIZ_OPTIONS {
                err(
                    at("options:"),
                    format!(
                        "{} options; a choice question has 2 to {MAX_QUIZ_OPTIONS} (keys a to f)",
                        q.options.len()
                    ),
                    None,
                );
            }
            if kind == QuestionKind::Single && correct != 1 {
                err(
                    at("options:"),
                    format!(
                        "kind `single` needs exactly one `correct: true` option, not {correct}"
                    ),
                    Some(if correct == 0 {
                        "mark the right option `correct: true`"
                    } else {
                        "use `kind: multiple` when several options are right"
                    }),
                );
            }
            if kind == QuestionKind::Multiple && correct == 0 {
                err(
                    at("options:"),
                    "kind `multiple` needs at least one `correct: true` option".into(),
                    None,
                );
            }
            let mut texts: Vec<&str> = Vec::new();
            for o in &q.options {
                if texts.contains(&o.text.as_str()) {
                    err(at(&o.text), format!("two options read {:?}", o.text), None);
                }
                texts.push(&o.text);
            }
        }

        if let Some(setup) = q.scenario.as_mut() {
            for m in &mut setup.manifests {
                resolve_manifest(m, folder, file, text, &anchor, errors);
            }
            if setup.script_file.is_some() {
                errors.push(diag(
                    file,
                    at("script_file:"),
                    &format!(
                        "question {:?}: a scenario lists its lines under `script:`",
                        q.id
                    ),
                    None,
                ));
            }
        }
        // A question's lines read its scenario's manifests and its broken manifest.
        let known: BTreeSet<String> = q
            .scenario
            .iter()
            .flat_map(|s| s.manifests.iter())
            .chain(q.manifest.iter())
            .map(|m| m.name.clone())
            .collect();
        if let Some(setup) = &q.scenario {
            check_script(&setup.script, file, text, &anchor, Some(&known), errors);
        }
        check_script(&q.then, file, text, &anchor, Some(&known), errors);
        if let Some(m) = q.manifest.as_mut() {
            resolve_manifest(m, folder, file, text, &anchor, errors);
        }
        if let Some(line) = &q.solution {
            if line.lines().count() > 1 {
                errors.push(diag(
                    file,
                    at("solution:"),
                    &format!("question {:?}: the solution is one command line", q.id),
                    None,
                ));
            }
            check_script(
                std::slice::from_ref(line),
                file,
                text,
                &anchor,
                Some(&known),
                errors,
            );
        }
        // Wrong answers may name a file that does not exist (a typo is a wrong answer), but
        // never one outside the lesson.
        check_script(&q.wrong, file, text, &anchor, None, errors);
        for g in &q.goals {
            check_names(&g.check, file, text, &anchor, errors);
        }
    }
}

/// Which optional fields a kind reads.
struct Uses {
    options: bool,
    answer: bool,
    scenario: bool,
    then: bool,
    survivors: bool,
    manifest: bool,
    goals: bool,
    command: bool,
}

impl Uses {
    fn of(kind: QuestionKind) -> Uses {
        let sim = !kind.is_choice();
        Uses {
            options: matches!(kind, QuestionKind::Single | QuestionKind::Multiple),
            answer: kind == QuestionKind::TrueFalse,
            scenario: sim,
            then: sim,
            survivors: kind == QuestionKind::Survivors,
            manifest: kind == QuestionKind::FixManifest,
            goals: matches!(kind, QuestionKind::FixManifest | QuestionKind::Command),
            command: kind == QuestionKind::Command,
        }
    }
}
