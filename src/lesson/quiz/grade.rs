//! Grading: the same functions grade a learner's answer in quiz mode and prove an author's
//! answer key in `kubestory lint`, so the key cannot disagree with what the simulator does.
//!
//! Choice questions compare picked options with the correct ones. The other kinds build the
//! question's scenario (the lesson's starting cluster plus `scenario:`), act on it, and judge
//! the result with the goal language of steps.

use super::model::Question;
use crate::lesson::check::{Workspace, run_lines, starting_cluster};
use crate::lesson::goals::{StepStart, check_met};
use crate::lesson::model::{Lesson, ManifestFile};
use crate::runner::run_one;
use crate::runner::script::{Line, parse_line};
use crate::sim::Simulation;
use std::collections::BTreeSet;

/// A question's cluster, ready to be answered: the simulation and the folder its
/// `kubectl apply -f NAME` lines read.
pub struct Scenario {
    /// The cluster.
    pub sim: Simulation,
    /// The manifests of the scenario (and, for `fix_manifest`, the learner's text).
    pub ws: Workspace,
}

/// Builds the question's starting cluster. An error is a bug in the lesson (a scenario line
/// that fails), reported by lint, never the learner's fault.
pub fn build_scenario(lesson: &Lesson, q: &Question) -> Result<Scenario, String> {
    let ws = Workspace::new();
    let mut sim = starting_cluster(lesson);
    if let Some(setup) = &q.scenario {
        ws.write(&setup.manifests);
        run_lines(
            &mut sim,
            &setup.script,
            &ws,
            &format!("question {:?}'s scenario", q.id),
        )?;
    }
    Ok(Scenario { sim, ws })
}

/// Whether a set of picked options (indexes into [`Question::choices`]) is exactly the
/// correct set: for `single` and `true_false` the one right option, for `multiple` all the
/// right ones and nothing else.
pub fn choice_is_right(q: &Question, picked: &BTreeSet<usize>) -> bool {
    let correct: BTreeSet<usize> = q
        .choices()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.correct)
        .map(|(i, _)| i)
        .collect();
    !correct.is_empty() && *picked == correct
}

/// A story in a `survivors` question: its text, and what became of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryFate {
    /// The story's text.
    pub text: String,
    /// Whether it still exists somewhere after the event.
    pub survived: bool,
    /// For a lost story, the rule that destroyed it (as the diagram prints it).
    pub why: Option<String>,
}

/// The stories that exist in the scenario, oldest first, with their ids: what a `survivors`
/// question asks about.
pub fn stories_at_risk(sim: &Simulation) -> Vec<(u64, String)> {
    let mut all: Vec<(u64, String)> = sim
        .cluster()
        .data()
        .filesystems
        .values()
        .flat_map(|fs| fs.stories())
        .map(|s| (s.id, s.text))
        .collect();
    all.sort();
    all.dedup();
    all
}

/// Plays a `survivors` question's event on its scenario and reports every story's fate, in
/// the order of [`stories_at_risk`].
pub fn play_survivors(q: &Question, sc: &mut Scenario) -> Result<Vec<StoryFate>, String> {
    play_survivors_in(q, &mut sc.sim, &sc.ws)
}

/// [`play_survivors`] on a cluster the caller holds (quiz mode shows it afterwards).
pub fn play_survivors_in(
    q: &Question,
    sim: &mut Simulation,
    ws: &Workspace,
) -> Result<Vec<StoryFate>, String> {
    let before = stories_at_risk(sim);
    let losses_before = sim.cluster().data().losses.len();
    run_lines(sim, &q.then, ws, &format!("question {:?}'s `then`", q.id))?;
    let after: BTreeSet<u64> = stories_at_risk(sim).into_iter().map(|(id, _)| id).collect();
    let losses: Vec<_> = sim
        .cluster()
        .data()
        .losses
        .iter()
        .skip(losses_before)
        .cloned()
        .collect();
    Ok(before
        .into_iter()
        .map(|(id, text)| {
            let survived = after.contains(&id);
            let why = (!survived).then(|| {
                losses
                    .iter()
                    .find(|l| l.stories.iter().any(|s| s.id == id))
                    .map_or_else(|| "removed".to_string(), |l| l.why.clone())
            });
            StoryFate {
                text,
                survived,
                why,
            }
        })
        .collect())
}

/// Whether the stories the learner marked as surviving are exactly the ones that did.
pub fn survivors_are_right(fates: &[StoryFate], marked: &BTreeSet<String>) -> bool {
    let actual: BTreeSet<String> = fates
        .iter()
        .filter(|f| f.survived)
        .map(|f| f.text.clone())
        .collect();
    actual == *marked
}

/// A goal after a fix or a command: met or not, with its label and explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalResult {
    /// The goal's label.
    pub label: String,
    /// Whether it holds.
    pub met: bool,
    /// What is missing, when it does not.
    pub explain: String,
}

/// The result of trying an answer of kind `fix_manifest` or `command`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// What the apply (or the command) printed: the learner's feedback.
    pub output: String,
    /// Whether the apply or the command itself succeeded.
    pub ran: bool,
    /// Every goal, met or not.
    pub goals: Vec<GoalResult>,
    /// `command`: the expected output strings the command did not print.
    pub missing_output: Vec<String>,
    /// `then` lines that failed, with what they printed (for lint: a key whose event fails
    /// proves nothing).
    pub then_errors: Vec<String>,
}

impl Attempt {
    /// Right: it ran, every goal holds and the output has everything expected.
    pub fn passed(&self) -> bool {
        self.ran && self.goals.iter().all(|g| g.met) && self.missing_output.is_empty()
    }
}

/// Grades a `fix_manifest` answer: the learner's `text` is saved under the manifest's name
/// and applied in the scenario, the `then` lines run, and the goals are checked.
pub fn grade_fix(lesson: &Lesson, q: &Question, text: &str) -> Result<Attempt, String> {
    let mut sc = build_scenario(lesson, q)?;
    attempt_fix(q, &mut sc.sim, &sc.ws, text)
}

/// [`grade_fix`] on a scenario cluster the caller holds (quiz mode shows it afterwards).
pub fn attempt_fix(
    q: &Question,
    sim: &mut Simulation,
    ws: &Workspace,
    text: &str,
) -> Result<Attempt, String> {
    let name = q
        .manifest
        .as_ref()
        .map_or("manifest.yaml", |m| m.name.as_str());
    ws.write(&[ManifestFile {
        name: name.to_string(),
        content: Some(text.to_string()),
        file: None,
    }]);
    let start = StepStart::of(sim.cluster());
    let mut output = String::new();
    let ran = run_one(
        sim,
        &format!("kubectl apply -f {name}"),
        &ws.files(),
        &mut output,
    );
    Ok(finish(q, sim, ws, start, output, ran))
}

/// Grades a `command` answer: the learner's line runs in the scenario, then the `then`
/// lines, then the goals and the expected output are checked. Only `kubestory sim` lines
/// are accepted (`cluster` is refused: it would replace the question's cluster).
pub fn grade_command(lesson: &Lesson, q: &Question, line: &str) -> Result<Attempt, String> {
    let mut sc = build_scenario(lesson, q)?;
    Ok(attempt_command(q, &mut sc.sim, &sc.ws, line))
}

/// [`grade_command`] on a scenario cluster the caller holds (quiz mode shows it afterwards).
pub fn attempt_command(q: &Question, sim: &mut Simulation, ws: &Workspace, line: &str) -> Attempt {
    let start = StepStart::of(sim.cluster());
    let mut output = String::new();
    let ran = match parse_line(line.trim()) {
        Ok(Line::Cluster { .. }) => {
            output.push_str(
                "`cluster` would replace the question's cluster; answer with a kubectl command\n",
            );
            false
        }
        _ => run_one(sim, line, &ws.files(), &mut output),
    };
    let missing_output = q
        .output
        .iter()
        .filter(|want| !output.contains(want.as_str()))
        .cloned()
        .collect();
    let mut attempt = finish(q, sim, ws, start, output, ran);
    attempt.missing_output = missing_output;
    attempt
}

/// Runs `then` (when the answer ran) and checks the goals.
fn finish(
    q: &Question,
    sim: &mut Simulation,
    ws: &Workspace,
    start: StepStart,
    output: String,
    ran: bool,
) -> Attempt {
    let mut output = output;
    let mut then_errors = Vec::new();
    if ran {
        for line in &q.then {
            let mut out = String::new();
            if !run_one(sim, line, &ws.files(), &mut out) {
                output.push_str(&out);
                then_errors.push(format!("`{}`: {}", line.trim(), out.trim_end()));
            }
        }
    }
    let goals = q
        .goals
        .iter()
        .map(|g| GoalResult {
            label: g.label.clone(),
            met: ran && check_met(&g.check, sim.cluster(), &start),
            explain: g.explain.clone(),
        })
        .collect();
    Attempt {
        output,
        ran,
        goals,
        missing_output: Vec::new(),
        then_errors,
    }
}
