//! The flags of the commands that build an object from the command line instead of a file:
//! `kubectl run` (kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/run/run.go`
//! `addRunFlags`), `kubectl create deployment|configmap|secret generic`
//! (`pkg/cmd/create/create_deployment.go`, `create_configmap.go`, `create_secret.go`).
//! The generators themselves are in [`super::verbs::generate`].

/// Values of the generator flags, as typed (the generators check them, in kubectl's order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GeneratorFlags {
    /// `--image` (run: one; create deployment: repeatable, comma-separated).
    pub images: Vec<String>,
    /// `--image-pull-policy` (run).
    pub image_pull_policy: String,
    /// `--port`: run's text, or create deployment's number as text (`-1` when absent).
    pub port: String,
    /// `--restart` (run).
    pub restart: String,
    /// `-l/--labels` (run).
    pub labels: String,
    /// `--env` (run), in order.
    pub env: Vec<String>,
    /// `--annotations` (run), in order.
    pub annotations: Vec<String>,
    /// `--command` (run).
    pub command: bool,
    /// `--attach`, `-i/--stdin`, `-t/--tty`, `--rm` (run): an attached, interactive pod.
    pub attach: bool,
    /// `-i/--stdin`.
    pub stdin: bool,
    /// `-t/--tty`.
    pub tty: bool,
    /// `--rm`.
    pub rm: bool,
    /// cobra's `ArgsLenAtDash`: how many arguments came before `--`, if it was given.
    pub args_len_at_dash: Option<usize>,
    /// `--from-literal` (create configmap|secret), in order.
    pub from_literal: Vec<String>,
    /// `--from-file` (create configmap|secret), in order.
    pub from_file: Vec<String>,
    /// `--type` (create secret generic).
    pub secret_type: String,
}
