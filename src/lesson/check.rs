//! The proof that a lesson works (rustlings' `dev check`, Learn Git Branching's replayed
//! solutions): from the lesson's setup plus the previous steps' solutions, no goal of a step
//! may hold at its start (unless marked `standing`) and all MUST hold after its solution; no
//! title, goal label or hint may give away the step's predicted answer; a predict question's
//! `proof` checks must hold after the solution; every object a goal names must exist at some
//! point of the replay.

use super::goals::{StepStart, all_met, canonical_kind, check_met, named_objects};
use super::load::{LoadedLesson, diag, load_dir, load_lesson};
use super::model::{Lesson, ManifestFile};
use crate::kubectl::MemoryFiles;
use crate::manifest::Diagnostic;
use crate::manifest::suggest::did_you_mean;
use crate::runner::run_one;
use crate::sim::{Cluster, Simulation};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The manifests a lesson's lines read (`kubectl apply -f NAME`), held in memory: the lines
/// of a lesson can name nothing else (no path reaches the disk), and there is no scratch
/// folder another user could plant or that a killed run would leave behind.
#[derive(Debug, Default)]
pub struct Workspace {
    files: RefCell<MemoryFiles>,
}

impl Workspace {
    /// An empty workspace.
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// Adds manifests (names were checked at load: plain file names), replacing any of the
    /// same name.
    pub fn write(&self, manifests: &[ManifestFile]) {
        let mut files = self.files.borrow_mut();
        for m in manifests {
            files.insert(&m.name, m.content.as_deref().unwrap_or(""));
        }
    }

    /// What `-f` paths resolve to: a copy of the manifests written so far.
    pub fn files(&self) -> MemoryFiles {
        self.files.borrow().clone()
    }
}

/// The lesson's starting cluster, before setup.
pub fn starting_cluster(lesson: &Lesson) -> Simulation {
    let mut config = super::cluster::config(&lesson.cluster);
    if let Some(d) = lesson.cluster.default_storage_class {
        config.default_storage_class = d;
    }
    Simulation::new(Cluster::new(config))
}

/// Builds the cluster at the start of step `step` (0-based): the starting cluster, the setup,
/// then the solutions of the steps before. Writes the manifests of those steps and of step
/// `step` into `ws`. Errors carry the script output of the line that failed.
pub fn replay_to_step(lesson: &Lesson, step: usize, ws: &Workspace) -> Result<Simulation, String> {
    let mut sim = starting_cluster(lesson);
    ws.write(&lesson.setup.manifests);
    run_lines(&mut sim, &lesson.setup.script, ws, "setup")?;
    for (i, s) in lesson.steps.iter().enumerate().take(step + 1) {
        ws.write(&s.manifests);
        if i < step {
            run_lines(
                &mut sim,
                &s.solution,
                ws,
                &format!("step {:?}'s solution", s.id),
            )?;
        }
    }
    Ok(sim)
}

/// Runs script lines in order; the first failure is an error naming `what` and the line.
pub(crate) fn run_lines(
    sim: &mut Simulation,
    lines: &[String],
    ws: &Workspace,
    what: &str,
) -> Result<(), String> {
    let files = ws.files();
    for line in lines {
        let mut out = String::new();
        if !run_one(sim, line, &files, &mut out) {
            return Err(format!(
                "{what}: `{}` failed: {}",
                line.trim(),
                out.trim_end()
            ));
        }
    }
    Ok(())
}

/// Every object in the cluster, as (canonical kind, name).
fn objects(c: &Cluster) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = Vec::new();
    let mut add = |k: &str, n: &str| v.push((k.to_string(), n.to_string()));
    c.pods().for_each(|o| add("Pod", &o.metadata.name));
    c.claims()
        .for_each(|o| add("PersistentVolumeClaim", &o.metadata.name));
    c.volumes()
        .for_each(|o| add("PersistentVolume", &o.metadata.name));
    c.deployments()
        .for_each(|o| add("Deployment", &o.metadata.name));
    c.stateful_sets()
        .for_each(|o| add("StatefulSet", &o.metadata.name));
    c.storage_classes()
        .for_each(|o| add("StorageClass", &o.metadata.name));
    c.config_maps()
        .for_each(|o| add("ConfigMap", &o.metadata.name));
    c.secrets().for_each(|o| add("Secret", &o.metadata.name));
    c.nodes().for_each(|o| add("Node", &o.metadata.name));
    v
}

/// Replays a loaded lesson and returns every problem found (none: the lesson works).
pub fn lint_lesson(loaded: &LoadedLesson) -> Vec<Diagnostic> {
    let lesson = &loaded.lesson;
    let file = &loaded.file;
    let mut errors = Vec::new();
    let ws = Workspace::new();
    let mut sim = starting_cluster(lesson);
    let mut seen: BTreeSet<(String, String)> = objects(sim.cluster()).into_iter().collect();
    ws.write(&lesson.setup.manifests);
    for line in &lesson.setup.script {
        let mut out = String::new();
        if !run_one(&mut sim, line, &ws.files(), &mut out) {
            errors.push(diag(
                file,
                loaded.locate(&["setup:", line.trim()]),
                &format!("setup line `{}` failed: {}", line.trim(), out.trim_end()),
                None,
            ));
        }
        seen.extend(objects(sim.cluster()));
    }
    for step in &lesson.steps {
        let id_needle = format!("id: {}", step.id);
        let anchor = ["steps:", id_needle.as_str()];
        ws.write(&step.manifests);
        let start = StepStart::of(sim.cluster());
        if !step.demo.is_empty() {
            errors.extend(lint_demo(loaded, step, &sim, &ws, &start));
        }
        errors.extend(lint_goals_at_start(loaded, step, sim.cluster(), &start));
        errors.extend(super::spoilers::lint_spoilers(loaded, step));
        if all_met(step.goals.iter().map(|g| &g.check), sim.cluster(), &start) {
            errors.push(diag(
                file,
                loaded.locate(&[anchor[0], anchor[1], "goals:"]),
                &format!(
                    "step {:?}: its goals are all met already at the step's start, so the learner has nothing to do",
                    step.id
                ),
                Some("add a goal that only the step's action makes true (a restart count, a story served, stories_lost, an event)".into()),
            ));
        }
        let mut solution_ok = true;
        for line in &step.solution {
            let mut out = String::new();
            if !run_one(&mut sim, line, &ws.files(), &mut out) {
                solution_ok = false;
                errors.push(diag(
                    file,
                    loaded.locate(&[anchor[0], anchor[1], "solution:", line.trim()]),
                    &format!(
                        "step {:?}: solution line `{}` failed: {}",
                        step.id,
                        line.trim(),
                        out.trim_end()
                    ),
                    None,
                ));
            }
            seen.extend(objects(sim.cluster()));
        }
        for goal in &step.goals {
            if solution_ok && !check_met(&goal.check, sim.cluster(), &start) {
                errors.push(diag(
                    file,
                    loaded.locate(&[anchor[0], anchor[1], "goals:", &format!("label: {}", goal.label)]),
                    &format!(
                        "step {:?}: the solution does not meet the goal {:?}",
                        step.id, goal.label
                    ),
                    Some("fix the solution's lines or the goal's check; `kubestory sim` shows what the lines do".into()),
                ));
            }
        }
        if let Some(p) = &step.predict {
            for check in &p.proof {
                if solution_ok && !check_met(check, sim.cluster(), &start) {
                    errors.push(diag(
                        file,
                        loaded.locate(&[anchor[0], anchor[1], "proof:"]),
                        &format!(
                            "step {:?}: the predict question's proof {check:?} does not hold after the solution, so the correct answer is not what the simulator shows",
                            step.id
                        ),
                        None,
                    ));
                }
            }
        }
    }
    // Objects goals name must exist somewhere in the replay.
    for step in &lesson.steps {
        let id_needle = format!("id: {}", step.id);
        let proofs = step.predict.iter().flat_map(|p| p.proof.iter());
        for check in step.goals.iter().map(|g| &g.check).chain(proofs) {
            for (kind, name) in named_objects(check) {
                let canon = canonical_kind(&kind);
                if seen.contains(&(canon.clone(), name.clone())) {
                    continue;
                }
                let same_kind: Vec<&str> = seen
                    .iter()
                    .filter(|(k, _)| *k == canon)
                    .map(|(_, n)| n.as_str())
                    .collect();
                errors.push(diag(
                    file,
                    loaded.locate(&["steps:", &id_needle, "goals:", &name]),
                    &format!(
                        "step {:?}: a goal names {kind} {name:?}, which never exists in this lesson (setup, solutions)",
                        step.id
                    ),
                    did_you_mean(&name, same_kind).map(|s| format!("did you mean {s:?}?")),
                ));
            }
        }
    }
    errors.extend(super::quiz::lint::lint_questions(loaded));
    errors
}

/// Rule A (issue 10, "goals mean what they say"): a goal that already holds at its step's
/// start ticks before the learner does anything, so it must be marked `standing: true`; and a
/// goal marked standing must hold then (or it is not standing, it is the step's work).
fn lint_goals_at_start(
    loaded: &LoadedLesson,
    step: &super::model::Step,
    cluster: &Cluster,
    start: &StepStart,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    // The same for the prediction's proof: the verdict shows once the proof holds, so a proof
    // that holds already would answer the question at the key press (issue 10: lesson 1's
    // second step said "your prediction was right" before any pod was deleted).
    if let Some(q) = &step.predict
        && !q.proof.is_empty()
        && q.proof.iter().all(|c| check_met(c, cluster, start))
    {
        let id_needle = format!("id: {}", step.id);
        errors.push(diag(
            &loaded.file,
            loaded.locate(&["steps:", &id_needle, "proof:"]),
            &format!(
                "step {:?}: the prediction's proof already holds at the step's start, so the verdict would show as soon as the learner answers, before anything happened",
                step.id
            ),
            Some("make the proof need the step's action (`new_pod`, `after_restart`, `since_start`, an event)".into()),
        ));
    }
    for goal in &step.goals {
        let holds = check_met(&goal.check, cluster, start);
        let at = loaded.locate_label(&step.id, &goal.label);
        if holds && !goal.standing {
            errors.push(diag(
                &loaded.file,
                at,
                &format!(
                    "step {:?}: the goal {:?} already holds at the step's start, so it ticks before the learner does anything",
                    step.id, goal.label
                ),
                Some("make the check need what the step does (`new_pod`, `since_start`, `after_restart`, an event, stories_lost), or mark it `standing: true` if it is a condition that must stay true".into()),
            ));
        } else if !holds && goal.standing {
            errors.push(diag(
                &loaded.file,
                at,
                &format!(
                    "step {:?}: the goal {:?} is marked `standing: true` but does not hold at the step's start",
                    step.id, goal.label
                ),
                Some("remove `standing: true`: the step's action makes it true".into()),
            ));
        }
    }
    errors
}

/// A step's demo, played on a copy of the cluster at the step's start: every line must run
/// and the step's goals must hold afterwards (the class sees the step done).
fn lint_demo(
    loaded: &LoadedLesson,
    step: &super::model::Step,
    sim: &Simulation,
    ws: &Workspace,
    start: &StepStart,
) -> Vec<Diagnostic> {
    let id_needle = format!("id: {}", step.id);
    let mut errors = Vec::new();
    let mut demo = sim.clone();
    for written in &step.demo {
        // `{{pod deploy/NAME N}}` is resolved on the cluster as the line is played, as
        // `present` does (src/lesson/placeholders.rs).
        let line = match super::placeholders::resolve(written, demo.cluster()) {
            Ok(line) => line,
            Err(why) => {
                errors.push(diag(
                    &loaded.file,
                    loaded.locate(&["steps:", &id_needle, " demo:", written.trim()]),
                    &format!("step {:?}: demo line `{}`: {why}", step.id, written.trim()),
                    Some(
                        "placeholders are resolved on the cluster the lesson's solutions build before this line".into(),
                    ),
                ));
                return errors;
            }
        };
        let line = &line;
        let mut out = String::new();
        if !run_one(&mut demo, line, &ws.files(), &mut out) {
            errors.push(diag(
                &loaded.file,
                loaded.locate(&["steps:", &id_needle, " demo:", written.trim()]),
                &format!(
                    "step {:?}: demo line `{}` failed: {}",
                    step.id,
                    line.trim(),
                    out.trim_end()
                ),
                None,
            ));
            return errors;
        }
    }
    for goal in &step.goals {
        if !check_met(&goal.check, demo.cluster(), start) {
            errors.push(diag(
                &loaded.file,
                loaded.locate(&["steps:", &id_needle, " demo:"]),
                &format!(
                    "step {:?}: after the demo the goal {:?} does not hold, so the class would not see the step done",
                    step.id, goal.label
                ),
                Some("add the missing action to `demo:` (it is played instead of the learner's actions)".into()),
            ));
        }
    }
    errors
}

/// What `kubestory lint` checks: files or folders (every `*.yaml` in a folder). Returns the
/// lessons that loaded and every problem found (loading and replay).
pub fn lint_paths(paths: &[PathBuf]) -> (Vec<LoadedLesson>, Vec<Diagnostic>) {
    let mut lessons = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            let (mut l, mut e) = load_dir(p);
            lessons.append(&mut l);
            errors.append(&mut e);
        } else {
            match load_lesson(Path::new(p)) {
                Ok(l) => lessons.push(l),
                Err(mut e) => errors.append(&mut e),
            }
        }
    }
    let mut ids = BTreeSet::new();
    for l in &lessons {
        if !ids.insert(l.lesson.id.clone()) {
            errors.push(diag(
                &l.file,
                l.locate(&["id:"]),
                &format!("another lesson already has the id {:?}", l.lesson.id),
                None,
            ));
        }
        errors.extend(lint_lesson(l));
    }
    (lessons, errors)
}
