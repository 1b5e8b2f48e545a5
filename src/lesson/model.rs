//! The lesson format: the types a lesson file (`lessons/*.yaml`) is read into. Every field
//! carries a doc comment, which is also its description in `assets/lesson.schema.json`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One lesson: a short story about where data lives, told in steps the learner performs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// Stable identifier (lowercase letters, digits and `-`), used for progress: `container-filesystem`.
    pub id: String,
    /// The title shown in the lesson list.
    pub title: String,
    /// One or two sentences: what the learner will find out.
    pub summary: String,
    /// How long the lesson takes, in minutes.
    pub minutes: u32,
    /// What the learner can do or explain afterwards, one sentence each.
    pub objectives: Vec<String>,
    /// The cluster the lesson starts from.
    #[serde(default)]
    pub cluster: ClusterSpec,
    /// What is in the cluster before the first step (applied silently).
    #[serde(default)]
    pub setup: Setup,
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// What to remember, shown after the last step (Markdown subset).
    pub recap: String,
    /// Questions for quiz mode about what this lesson teaches (3 or more for built-in
    /// lessons), each proved against the simulator by `kubestory lint`.
    #[serde(default)]
    pub quiz: Vec<super::quiz::Question>,
}

/// The starting cluster.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClusterSpec {
    /// Which real cluster the lesson runs on: `minikube` (the default), `kind` or `cloud` (EKS-like: managed control plane, three zones, EBS and EFS CSI drivers). It decides node names and roles, the StorageClasses and which provisioners exist; a lesson may rely on nothing its profile lacks.
    #[serde(default)]
    pub profile: Option<String>,
    /// minikube addons enabled before the lesson starts, as `minikube addons enable` does: `csi-hostpath-driver` (the CSI hostpath driver and its class `csi-hostpath-sc`, whose volumes can be cloned). minikube only.
    #[serde(default)]
    pub addons: Vec<String>,
    /// The nodes: a count (`2` gives `minikube`, `minikube-m02`) or a list of names. Default: one node `minikube`. At most 50 (`sim::limits::MAX_NODES`).
    #[serde(default)]
    pub nodes: Option<Nodes>,
    /// Whether the profile's default StorageClass exists (minikube's `standard`). Default: true.
    #[serde(default)]
    pub default_storage_class: Option<bool>,
}

/// Nodes as a count or as names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Nodes {
    /// How many nodes (named like minikube's).
    Count(usize),
    /// The node names.
    Names(Vec<String>),
}

/// What exists before the first step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Setup {
    /// Manifest files the setup script can `kubectl apply -f`.
    #[serde(default)]
    pub manifests: Vec<ManifestFile>,
    /// `kubestory sim` script lines run in order (README, "kubestory sim"); `cluster` lines are not allowed here.
    #[serde(default)]
    pub script: Vec<String>,
    /// A `.sim` file in the lesson's folder whose lines run after `script`.
    #[serde(default)]
    pub script_file: Option<String>,
}

/// A manifest file: its name as the learner sees it, and its text inline or from a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    /// The file name shown in the editor and used by `kubectl apply -f NAME` (no folders).
    pub name: String,
    /// The YAML text. Exactly one of `content` and `file`.
    #[serde(default)]
    pub content: Option<String>,
    /// A path relative to the lesson's folder (no `..`, not absolute). Exactly one of `content` and `file`.
    #[serde(default)]
    pub file: Option<String>,
}

/// One step: read, (predict,) act, see.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable identifier within the lesson (for progress and error messages).
    pub id: String,
    /// The step's title.
    pub title: String,
    /// What to read and do (Markdown subset: headings, emphasis, inline code, code blocks, lists).
    pub text: String,
    /// Manifests placed in the editor at the start of the step.
    #[serde(default)]
    pub manifests: Vec<ManifestFile>,
    /// A question asked before the learner acts.
    #[serde(default)]
    pub predict: Option<Predict>,
    /// What must be true for the step to be done, checked live against the cluster.
    pub goals: Vec<Goal>,
    /// Hints, unlocked one at a time.
    #[serde(default)]
    pub hints: Vec<String>,
    /// `kubestory sim` script lines that meet the goals from the step's start.
    pub solution: Vec<String>,
    /// Speaker notes for classroom mode (Markdown subset), shown only in the presenter's
    /// second terminal (`kubestory present --notes`).
    #[serde(default)]
    pub notes: Option<String>,
    /// A scripted demo for classroom mode: `kubestory sim` lines the presenter plays one per
    /// key press, each shown as it runs. Lint proves it meets the step's goals like `solution`.
    #[serde(default)]
    pub demo: Vec<String>,
}

/// A question with options, asked before an action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Predict {
    /// The question.
    pub question: String,
    /// The possible answers.
    pub options: Vec<PredictOption>,
    /// What the simulator checks after the solution runs, to prove the correct answers right.
    #[serde(default, deserialize_with = "checks_by_map")]
    pub proof: Vec<Check>,
}

/// One answer to a predict or quiz question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PredictOption {
    /// The answer's text.
    pub text: String,
    /// Whether this answer is correct (several may be).
    pub correct: bool,
    /// Why it is right or wrong, shown after answering.
    pub explain: String,
}

/// A goal: a check with the label the learner sees and the explanation shown while it fails.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Short, visible label: "The story survives the crash".
    pub label: String,
    /// Shown while the goal is not met: what is missing and where to look.
    pub explain: String,
    /// The condition on the cluster.
    #[serde(deserialize_with = "check_by_map")]
    pub check: Check,
    /// A standing condition: it already holds when the step begins and must still hold at
    /// the end (the app keeps running). `kubestory lint` fails a step in which any other goal
    /// holds at the step's start; the goals pane marks a standing goal "(already true)".
    #[serde(default)]
    pub standing: bool,
}

/// The goal language: one condition on the simulated cluster. Targets are written as in
/// `kubestory sim` (`deploy/story`, `sts/web`, `pod/NAME`); namespaces default to `default`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// A pod of the target is Running (and, if `node` is given, on that node).
    Running {
        /// `deploy/NAME`, `sts/NAME` or `pod/NAME`.
        target: String,
        /// The node it must run on.
        #[serde(default)]
        node: Option<String>,
        /// If true, the serving pod did not exist when the step began (a replacement, a pod
        /// of a new rollout): "the new pod runs".
        #[serde(default)]
        new_pod: bool,
        /// Namespace (default `default`).
        #[serde(default)]
        namespace: Option<String>,
    },
    /// The target's serving pod has restarted its containers at least this many times.
    Restarts {
        /// `deploy/NAME`, `sts/NAME` or `pod/NAME`.
        target: String,
        /// The minimum restart count.
        at_least: u32,
        /// If true, only restarts since the step began count (a pod that restarted in an
        /// earlier step starts again from 0).
        #[serde(default)]
        since_start: bool,
        /// If true, the serving pod did not exist when the step began.
        #[serde(default)]
        new_pod: bool,
        /// Namespace (default `default`).
        #[serde(default)]
        namespace: Option<String>,
    },
    /// What `story read TARGET` returns.
    Serves {
        /// `deploy/NAME`, `sts/NAME` or `pod/NAME`.
        target: String,
        /// Stories that must be served (at least these, unless `exactly`).
        #[serde(default)]
        stories: Vec<String>,
        /// If true, exactly `stories` and nothing else, in order.
        #[serde(default)]
        exactly: bool,
        /// How many stories must be served.
        #[serde(default)]
        count: Option<usize>,
        /// If true, the serving pod did not exist when the step began: "the new pod serves …".
        #[serde(default)]
        new_pod: bool,
        /// If true, every story in `stories` (every story served, when `stories` is empty)
        /// was written before a restart of the serving pod's containers, and that restart
        /// came after the step began: "the crash kept the story" needs the crash after the
        /// write.
        #[serde(default)]
        after_restart: bool,
        /// If true, every story in `stories` (every story served, when `stories` is empty)
        /// was written through a pod on another node than the serving pod's: a pod never
        /// moves, so this needs the writer gone and a new pod elsewhere ("survive a move").
        /// The writer is known by name: its node is its own while it exists, else the one
        /// its `Scheduled` event named.
        #[serde(default)]
        from_other_node: bool,
        /// Namespace (default `default`).
        #[serde(default)]
        namespace: Option<String>,
    },
    /// A PersistentVolumeClaim is in this phase (`Pending`, `Bound`, `Lost`).
    ClaimPhase {
        /// The claim's name.
        claim: String,
        /// The phase.
        phase: String,
        /// Namespace (default `default`).
        #[serde(default)]
        namespace: Option<String>,
    },
    /// A PersistentVolumeClaim is Bound to this PersistentVolume (the CLAIM column's pair).
    ClaimBoundTo {
        /// The claim's name.
        claim: String,
        /// The volume's name.
        volume: String,
        /// Namespace (default `default`).
        #[serde(default)]
        namespace: Option<String>,
    },
    /// A PersistentVolumeClaim has this `storageClassName` (`""` for "no class"): shows that
    /// the default class was written in, or that `""` was kept.
    ClaimClass {
        /// The claim's name.
        claim: String,
        /// The class (`""` for none).
        class: String,
        /// Namespace (default `default`).
        #[serde(default)]
        namespace: Option<String>,
    },
    /// A Bound PersistentVolumeClaim reports this capacity (the PV's, not the request):
    /// compared as quantities, so `5Gi` equals `5120Mi`.
    ClaimCapacity {
        /// The claim's name.
        claim: String,
        /// The capacity (`5Gi`).
        capacity: String,
        /// Namespace (default `default`).
        #[serde(default)]
        namespace: Option<String>,
    },
    /// An object was asked to go but waits for a finalizer (Terminating): a claim still in
    /// use, a pod on a dead node.
    Terminating {
        /// The kind as kubectl takes it (`pvc`, `pv`, `pod`…).
        kind: String,
        /// The name.
        name: String,
        /// Namespace (default `default`; ignored for cluster-scoped kinds).
        #[serde(default)]
        namespace: Option<String>,
    },
    /// A PersistentVolume is in this phase (`Available`, `Bound`, `Released`, `Failed`).
    VolumePhase {
        /// The volume's name.
        volume: String,
        /// The phase.
        phase: String,
    },
    /// A PersistentVolume has this reclaim policy (`Retain`, `Delete`).
    ReclaimPolicy {
        /// The volume's name.
        volume: String,
        /// The policy.
        policy: String,
    },
    /// An object exists.
    Exists {
        /// The kind as kubectl takes it (`pvc`, `pv`, `deployment`, `pod`…).
        kind: String,
        /// The name.
        name: String,
        /// Namespace (default `default`; ignored for cluster-scoped kinds).
        #[serde(default)]
        namespace: Option<String>,
    },
    /// An object does not exist (never created, or deleted).
    Absent {
        /// The kind as kubectl takes it (`pvc`, `pv`, `deployment`, `pod`…).
        kind: String,
        /// The name.
        name: String,
        /// Namespace (default `default`; ignored for cluster-scoped kinds).
        #[serde(default)]
        namespace: Option<String>,
    },
    /// An event with this reason was recorded since the step started.
    Event {
        /// The event's reason (`Scheduled`, `ProvisioningSucceeded`, `BackOff`…).
        reason: String,
    },
    /// At least this many stories were lost since the step started.
    StoriesLost {
        /// The minimum number of lost stories.
        at_least: usize,
    },
    /// A node is (or is not) Ready.
    NodeReady {
        /// The node's name.
        node: String,
        /// Whether it must be Ready (default true).
        #[serde(default = "yes")]
        ready: bool,
    },
}

fn yes() -> bool {
    true
}

/// A check written as a one-key map (`serves: {…}`), handed to the derived enum through
/// serde's `MapAccessDeserializer`, so the map form holds whatever deserializer reads the
/// lesson (serde_yaml, which lessons were first read with, took enums only as `!tags`).
struct ByMap(Check);

impl<'de> Deserialize<'de> for ByMap {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = ByMap;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "a map with one key naming the check, such as `serves: {target: deploy/story}`",
                )
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<ByMap, A::Error> {
                Check::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(ByMap)
            }
        }
        d.deserialize_map(V)
    }
}

fn check_by_map<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Check, D::Error> {
    ByMap::deserialize(d).map(|b| b.0)
}

fn checks_by_map<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Check>, D::Error> {
    Vec::<ByMap>::deserialize(d).map(|v| v.into_iter().map(|b| b.0).collect())
}
