//! The proof that a lesson's questions are right: each answer key is replayed against the
//! simulator with the same graders quiz mode uses. A `survivors` key must match the stories
//! that really survive; a `fix_manifest` question must fail as given and pass with `fixed`;
//! a `command` question's solution must pass, its `wrong` commands must fail, and its goals
//! must not hold without a command.

use super::grade::{
    Attempt, build_scenario, grade_command, grade_fix, play_survivors, stories_at_risk,
};
use super::model::{Question, QuestionKind};
use crate::lesson::load::{LoadedLesson, diag};
use crate::manifest::Diagnostic;
use crate::manifest::suggest::did_you_mean;

/// What a learner would type when they do nothing: a comment line, which runs and changes
/// nothing.
const NO_ANSWER: &str = "# no answer";

/// Replays every question of a loaded lesson; returns the problems found.
pub fn lint_questions(loaded: &LoadedLesson) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for q in &loaded.lesson.quiz {
        let id_needle = format!("id: {}", q.id);
        let at = |field: &str| loaded.locate(&["quiz:", &id_needle, field]);
        let mut err = |field: &str, msg: String, hint: Option<String>| {
            errors.push(diag(
                &loaded.file,
                at(field),
                &format!("question {:?}: {msg}", q.id),
                hint,
            ))
        };
        match q.kind {
            QuestionKind::Survivors => lint_survivors(loaded, q, &mut err),
            QuestionKind::FixManifest => lint_fix(loaded, q, &mut err),
            QuestionKind::Command => lint_command(loaded, q, &mut err),
            _ => {}
        }
    }
    errors
}

type Report<'a> = dyn FnMut(&str, String, Option<String>) + 'a;

fn lint_survivors(loaded: &LoadedLesson, q: &Question, err: &mut Report) {
    let mut sc = match build_scenario(&loaded.lesson, q) {
        Ok(sc) => sc,
        Err(e) => return err("scenario:", e, None),
    };
    let at_risk = stories_at_risk(&sc.sim);
    let texts: Vec<&str> = at_risk.iter().map(|(_, t)| t.as_str()).collect();
    if texts.len() < 2 {
        err(
            "scenario:",
            format!(
                "the scenario leaves {} stories in the cluster; a survivors question needs at least two to choose from",
                texts.len()
            ),
            Some("add `story write TARGET TEXT` lines to the scenario's script".into()),
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for t in &texts {
        if seen.contains(t) {
            err(
                "scenario:",
                format!("two stories read {t:?}; the learner could not tell them apart"),
                Some("give every story in the scenario its own text".into()),
            );
        }
        seen.push(t);
    }
    let key = q.survivors.clone().unwrap_or_default();
    for s in &key {
        if !texts.contains(&s.as_str()) {
            err(
                "survivors:",
                format!("{s:?} is not a story of the scenario (they are {texts:?})"),
                did_you_mean(s, texts.iter().copied()).map(|d| format!("did you mean {d:?}?")),
            );
        }
    }
    let fates = match play_survivors(q, &mut sc) {
        Ok(f) => f,
        Err(e) => return err("then:", e, None),
    };
    let kept: Vec<&str> = fates
        .iter()
        .filter(|f| f.survived)
        .map(|f| f.text.as_str())
        .collect();
    let mut key_sorted: Vec<&str> = key.iter().map(String::as_str).collect();
    key_sorted.sort_unstable();
    let mut kept_sorted = kept.clone();
    kept_sorted.sort_unstable();
    if key_sorted != kept_sorted {
        let lost: Vec<String> = fates
            .iter()
            .filter_map(|f| f.why.as_ref().map(|w| format!("{:?} ({w})", f.text)))
            .collect();
        err(
            "survivors:",
            format!(
                "the answer key says {key_sorted:?} survive, but in the simulator {kept_sorted:?} do; lost: {}",
                if lost.is_empty() {
                    "none".to_string()
                } else {
                    lost.join(", ")
                }
            ),
            Some("fix `survivors:` (or the scenario, if the question meant another event)".into()),
        );
    }
}

fn lint_fix(loaded: &LoadedLesson, q: &Question, err: &mut Report) {
    let broken = q
        .manifest
        .as_ref()
        .and_then(|m| m.content.clone())
        .unwrap_or_default();
    match grade_fix(&loaded.lesson, q, &broken) {
        Err(e) => return err("scenario:", e, None),
        Ok(a) if a.passed() => err(
            "manifest:",
            "the broken manifest already passes every goal, so there is nothing to fix".into(),
            Some("break it (or add the goal the break violates)".into()),
        ),
        Ok(_) => {}
    }
    if let Some(fixed) = &q.fixed {
        if fixed.trim() == broken.trim() {
            err(
                "fixed:",
                "`fixed` is the same text as the broken manifest".into(),
                None,
            );
        }
        match grade_fix(&loaded.lesson, q, fixed) {
            Err(e) => err("scenario:", e, None),
            Ok(a) => {
                if !a.passed() {
                    err("fixed:", failure("the fixed manifest", &a), None);
                }
            }
        }
    }
}

fn lint_command(loaded: &LoadedLesson, q: &Question, err: &mut Report) {
    let Some(solution) = &q.solution else { return };
    match grade_command(&loaded.lesson, q, solution) {
        Err(e) => return err("scenario:", e, None),
        Ok(a) if !a.passed() => err(
            "solution:",
            failure(&format!("the solution `{}`", solution.trim()), &a),
            None,
        ),
        Ok(_) => {}
    }
    for w in &q.wrong {
        if let Ok(a) = grade_command(&loaded.lesson, q, w)
            && a.passed()
        {
            err(
                w.trim(),
                format!("`{}` is listed under `wrong` but is graded right", w.trim()),
                Some("tighten the goals or `output`, or drop it from `wrong`".into()),
            );
        }
    }
    if !q.goals.is_empty()
        && let Ok(a) = grade_command(&loaded.lesson, q, NO_ANSWER)
        && a.goals.iter().all(|g| g.met)
    {
        err(
            "goals:",
            "the goals hold without any command, so any answer would pass".into(),
            Some("add a goal that only the right command makes true".into()),
        );
    }
}

/// Why an attempt failed, in one sentence.
fn failure(what: &str, a: &Attempt) -> String {
    if !a.ran {
        return format!("{what} does not run: {}", a.output.trim_end());
    }
    let mut parts = Vec::new();
    let unmet: Vec<&str> = a
        .goals
        .iter()
        .filter(|g| !g.met)
        .map(|g| g.label.as_str())
        .collect();
    if !unmet.is_empty() {
        parts.push(format!("leaves goals unmet: {unmet:?}"));
    }
    if !a.missing_output.is_empty() {
        parts.push(format!("does not print {:?}", a.missing_output));
    }
    if !a.then_errors.is_empty() {
        parts.push(format!("then: {}", a.then_errors.join("; ")));
    }
    format!("{what} {}", parts.join(", "))
}
