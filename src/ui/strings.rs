//! Every text the learner reads in the app shell, in one place (gitui's `strings.rs`): easy to
//! review, to keep consistent and one day to translate.

/// The title of the cluster pane.
pub const CLUSTER_TITLE: &str = "cluster";
/// The title of the event log pane.
pub const LOG_TITLE: &str = "log";
/// The title of the lesson pane.
pub const LESSON_TITLE: &str = "lesson";
/// The title of the editor pane.
pub const EDITOR_TITLE: &str = "manifest editor";
/// The title of the help overlay.
pub const HELP_TITLE: &str = "keys (? or Esc to close)";
/// The lesson pane in the sandbox, until lessons arrive.
pub const LESSON_PLACEHOLDER: &str = "Sandbox: no lesson is running.\n\nApply a manifest with `e` or `:apply -f`, write a story with `w`, then crash (`r`) or delete (`x`) its pod and watch what survives.";
/// The cluster pane when nothing exists yet besides the nodes.
pub const EMPTY_CLUSTER: &str = "(no objects yet: press e to write a manifest)";
/// The log pane before anything happened.
pub const EMPTY_LOG: &str = "Welcome to the kubestory sandbox: a one-node minikube cluster.";
/// The prompt of the story input line.
pub const STORY_PROMPT: &str = "story text: ";
/// The prompt of the kubectl command line.
pub const COMMAND_PROMPT: &str = ":kubectl ";
/// Shown when a key needs a pod and none is selected.
pub const NEED_POD: &str = "select a pod (or one of its containers) first";
/// Shown when a key needs a node and none is selected.
pub const NEED_NODE: &str = "select a node first";
/// Shown when `u` has nothing to undo.
pub const NOTHING_TO_UNDO: &str = "nothing to undo";
/// Prefix of the log line after an undo.
pub const UNDONE: &str = "undone: ";
/// Shown for lesson-only keys in the sandbox.
pub const LESSON_ONLY: &str = "(in lessons)";
/// Prefix of a data-loss log line.
pub const LOST: &str = "DATA LOST";
/// The editor's status when the manifest is valid.
pub const MANIFEST_OK: &str = "manifest is valid: Ctrl-S applies it";
/// The editor's status when the buffer is empty.
pub const MANIFEST_EMPTY: &str = "type a manifest (Kubernetes YAML)";
/// The virtual file name of the editor buffer, as kubectl prints it.
pub const EDITOR_FILE: &str = "editor.yaml";
/// Shown after a draft was restored from the last session.
pub const DRAFT_RESTORED: &str = "restored your manifest draft from last time";
/// Shown when `$EDITOR` could not be run.
pub const EXTERNAL_EDITOR_FAILED: &str = "could not run $EDITOR";

/// The message shown when the terminal is too small.
pub fn enlarge(width: u16, height: u16, min_w: u16, min_h: u16) -> String {
    format!("enlarge the terminal (now {width}x{height}, need {min_w}x{min_h})")
}

/// The message shown when the saved draft could not be read and was set aside.
pub fn draft_set_aside(path: &str) -> String {
    format!("your saved draft could not be read; it was kept as {path}")
}
