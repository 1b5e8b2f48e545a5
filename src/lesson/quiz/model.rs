//! The quiz format: the questions a lesson file lists under `quiz:`. Kept beside the lesson
//! they test, so an author changing a lesson sees its questions, and `kubestory lint` proves
//! them against the simulator in the same run.
//!
//! A question is one flat map with a `kind`; which other fields a kind uses is checked at
//! load (`quiz::shape`), so a misplaced field gets a precise error instead of serde's
//! "data did not match any variant".

use crate::lesson::model::{Goal, ManifestFile, PredictOption, Setup};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What kind of answer a question takes, and so how it is graded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Options, exactly one correct.
    Single,
    /// Options, one or more correct; the answer is right when exactly the correct ones are picked.
    Multiple,
    /// A statement that is true or false (`answer`), with one `explain`.
    TrueFalse,
    /// Predict the survivors: the `scenario` is built and shown, the learner marks the stories
    /// that will still exist after the `then` lines, which then play out.
    Survivors,
    /// Fix the manifest: the broken `manifest` goes in the editor; the learner's text is
    /// applied in the `scenario`, the `then` lines run, and the `goals` grade it.
    FixManifest,
    /// Which command: the learner types one command; it runs in the `scenario`, the `then`
    /// lines run, and its effect (`goals`) and/or its printed `output` grade it.
    Command,
}

impl QuestionKind {
    /// The name as written in lesson files.
    pub fn name(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::TrueFalse => "true_false",
            QuestionKind::Survivors => "survivors",
            QuestionKind::FixManifest => "fix_manifest",
            QuestionKind::Command => "command",
        }
    }

    /// Whether the learner answers by picking options (`single`, `multiple`, `true_false`).
    pub fn is_choice(self) -> bool {
        matches!(
            self,
            QuestionKind::Single | QuestionKind::Multiple | QuestionKind::TrueFalse
        )
    }
}

/// One quiz question. Which fields apply depends on `kind` (see each field).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable identifier within the lesson (results and exports name questions by it).
    pub id: String,
    /// How the question is answered and graded.
    pub kind: QuestionKind,
    /// The question (Markdown subset).
    pub question: String,
    /// `single`, `multiple`: 2 to 6 options (keys a to f), each explained.
    #[serde(default)]
    pub options: Vec<PredictOption>,
    /// `true_false`: whether the statement is true.
    #[serde(default)]
    pub answer: Option<bool>,
    /// Why the answer is what it is, shown after answering. Required except for `single` and
    /// `multiple`, whose options carry their own explanations.
    #[serde(default)]
    pub explain: Option<String>,
    /// `survivors`, `fix_manifest`, `command`: the cluster the question starts from: the
    /// lesson's `cluster:` plus these manifests and script lines.
    #[serde(default)]
    pub scenario: Option<Setup>,
    /// `survivors`: the event played out after the learner answers. `fix_manifest`,
    /// `command`: lines run after the learner's fix or command, before the goals are checked
    /// (the crash or deletion the fix must survive).
    #[serde(default)]
    pub then: Vec<String>,
    /// `survivors`: the texts of the stories that still exist somewhere after `then`.
    #[serde(default)]
    pub survivors: Option<Vec<String>>,
    /// `fix_manifest`: the broken file, placed in the editor under its name.
    #[serde(default)]
    pub manifest: Option<ManifestFile>,
    /// `fix_manifest`: a corrected text, which lint proves passes.
    #[serde(default)]
    pub fixed: Option<String>,
    /// `fix_manifest`, `command`: what must hold afterwards (the goal language of steps).
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// `command`: text the command must print (each string somewhere in its output), for
    /// questions about reading the cluster rather than changing it.
    #[serde(default)]
    pub output: Vec<String>,
    /// `command`: a command that answers the question (shown after a wrong answer).
    #[serde(default)]
    pub solution: Option<String>,
    /// `command`: plausible wrong commands, which lint proves are graded wrong (so an
    /// `output` check is not met by any command that happens to print a name).
    #[serde(default)]
    pub wrong: Vec<String>,
}

/// An option as the learner sees it: a choice question's own options, or the two a
/// true/false statement implies.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// The option's text.
    pub text: String,
    /// Whether picking it is right.
    pub correct: bool,
    /// Why it is right or wrong.
    pub explain: String,
}

impl Question {
    /// The options to pick from: `options` for `single`/`multiple`, True and False for
    /// `true_false` (both explained by `explain`), none for the other kinds.
    pub fn choices(&self) -> Vec<Choice> {
        match self.kind {
            QuestionKind::Single | QuestionKind::Multiple => self
                .options
                .iter()
                .map(|o| Choice {
                    text: o.text.clone(),
                    correct: o.correct,
                    explain: o.explain.clone(),
                })
                .collect(),
            QuestionKind::TrueFalse => {
                let answer = self.answer.unwrap_or(true);
                let explain = self.explain.clone().unwrap_or_default();
                [("True", answer), ("False", !answer)]
                    .into_iter()
                    .map(|(text, correct)| Choice {
                        text: text.into(),
                        correct,
                        explain: explain.clone(),
                    })
                    .collect()
            }
            _ => Vec::new(),
        }
    }
}
