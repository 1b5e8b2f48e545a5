//! The typed result of parsing a kubectl command line: [`Invocation`] = a [`Verb`], the
//! [`Resources`] it targets and its [`Flags`]. The verbs consume this; nothing here looks at
//! cluster state.

use super::selector::LabelSelector;
use crate::sim::Kind;

/// A kubectl command kubestory simulates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verb {
    /// `kubectl apply -f FILE`.
    Apply,
    /// `kubectl create -f FILE`.
    Create,
    /// `kubectl create namespace NAME` (the target is the namespace).
    CreateNamespace,
    /// `kubectl delete`.
    Delete,
    /// `kubectl get`.
    Get,
    /// `kubectl describe`.
    Describe,
    /// `kubectl scale --replicas=N`.
    Scale,
    /// `kubectl rollout restart`.
    RolloutRestart,
    /// `kubectl patch -p`.
    Patch,
    /// `kubectl cordon NODE`.
    Cordon,
    /// `kubectl uncordon NODE`.
    Uncordon,
    /// `kubectl drain NODE`.
    Drain,
    /// `kubectl taint nodes NODE KEY[=VALUE]:EFFECT[-]…` (the arguments stay in
    /// [`Invocation::args`]; [`super::taint_spec`] reads them).
    Taint,
    /// `kubectl version`.
    Version,
    /// `kubectl api-resources`.
    ApiResources,
    /// `kubectl explain RESOURCE[.field…]` (the path is in [`Invocation::args`]).
    Explain,
    /// `kubectl edit TYPE NAME`: the kubestory app opens the object in its editor
    /// (`crate::ui`), a script cannot ([`super::verbs::edit`]).
    Edit,
    /// `kubectl label TYPE NAME KEY=VAL… KEY-…` (the pairs stay in [`Invocation::args`];
    /// [`super::meta_pairs`] reads them).
    Label,
    /// `kubectl annotate TYPE NAME KEY=VAL… KEY-…` (as [`Verb::Label`]).
    Annotate,
    /// `kubectl run NAME --image=IMG [-- ARGS…]` (name and arguments in [`Invocation::args`],
    /// the rest in [`Flags::generator`]).
    Run,
    /// `kubectl create deployment NAME --image=IMG…`.
    CreateDeployment,
    /// `kubectl create configmap NAME --from-literal|--from-file…`.
    CreateConfigMap,
    /// `kubectl create secret generic NAME --from-literal|--from-file… [--type]`.
    CreateSecretGeneric,
    /// `kubectl exec POD -- CMD…` ([`super::container_flags::ContainerFlags`]).
    Exec,
    /// `kubectl logs POD`.
    Logs,
    /// `kubectl cp SRC DEST`.
    Cp,
    /// `kubectl wait --for=… TYPE/NAME|TYPE -l …|--all` (moves the simulated clock).
    Wait,
    /// `kubectl rollout status deployment/x|statefulset/x` (moves the simulated clock).
    RolloutStatus,
    /// `kubectl events [--for TYPE/NAME] [--types …]`.
    Events,
}

impl Verb {
    /// The cobra command path used in kubectl's messages (`kubectl rollout restart`).
    pub fn command_path(self) -> &'static str {
        match self {
            Verb::Apply => "kubectl apply",
            Verb::Create => "kubectl create",
            Verb::CreateNamespace => "kubectl create namespace",
            Verb::Delete => "kubectl delete",
            Verb::Get => "kubectl get",
            Verb::Describe => "kubectl describe",
            Verb::Scale => "kubectl scale",
            Verb::RolloutRestart => "kubectl rollout restart",
            Verb::Patch => "kubectl patch",
            Verb::Cordon => "kubectl cordon",
            Verb::Uncordon => "kubectl uncordon",
            Verb::Drain => "kubectl drain",
            Verb::Taint => "kubectl taint",
            Verb::Version => "kubectl version",
            Verb::ApiResources => "kubectl api-resources",
            Verb::Explain => "kubectl explain",
            Verb::Edit => "kubectl edit",
            Verb::Label => "kubectl label",
            Verb::Annotate => "kubectl annotate",
            Verb::Run => "kubectl run",
            Verb::CreateDeployment => "kubectl create deployment",
            Verb::CreateConfigMap => "kubectl create configmap",
            Verb::CreateSecretGeneric => "kubectl create secret generic",
            Verb::Exec => "kubectl exec",
            Verb::Logs => "kubectl logs",
            Verb::Cp => "kubectl cp",
            Verb::Wait => "kubectl wait",
            Verb::RolloutStatus => "kubectl rollout status",
            Verb::Events => "kubectl events",
        }
    }
}

/// One named object: `pvc data` or `pvc/data`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Target {
    /// The kind, resolved with [`Kind::from_resource`].
    pub kind: Kind,
    /// The object name as typed.
    pub name: String,
}

/// What the positional arguments select, following cli-runtime's `Builder`
/// (`ResourceTypeOrNameArgs`, `normalizeMultipleResourcesArgs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resources {
    /// No resource arguments (`apply -f`, `get -f`, `version`, `cordon -l …`).
    None,
    /// Every object of these kinds (narrowed by [`Flags::selector`]): `get pvc`, `get pv,pvc`,
    /// `get all` (expanded to pods, deployments, replicasets, statefulsets), `delete pvc --all`.
    /// De-duplicated, in the order typed.
    Kinds(Vec<Kind>),
    /// Specific objects in the order typed: `get pvc a b`, `get pvc/a pv/b`, and
    /// `get pvc,pv x` (= `pvc/x pv/x`).
    Named(Vec<Target>),
}

/// `-o` / `--output`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OutputFormat {
    /// No `-o`: the verb's human-readable output (a table for `get`).
    #[default]
    Default,
    /// `-o wide` (get only).
    Wide,
    /// `-o yaml`.
    Yaml,
    /// `-o json`.
    Json,
    /// `-o name`.
    Name,
    /// `-o jsonpath=TEMPLATE` (get); the template is [`Flags::template`].
    JsonPath,
    /// `-o jsonpath-file=PATH` (get); the path is [`Flags::template`] until the file is read.
    JsonPathFile,
    /// `-o jsonpath-as-json=TEMPLATE` (get): the results as one indented JSON array.
    JsonPathAsJson,
    /// `-o custom-columns=SPEC` (get); the spec is [`Flags::template`].
    CustomColumns,
    /// `-o custom-columns-file=PATH` (get); the path is [`Flags::template`] until read.
    CustomColumnsFile,
}

/// `--dry-run` (`cmdutil.GetDryRunStrategy`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DryRun {
    /// No dry run (`none`, `false`, or the flag absent).
    #[default]
    None,
    /// `client` (also bare `--dry-run` and `--dry-run=true`): messages end in ` (dry run)`.
    Client,
    /// `server`: messages end in ` (server dry run)`.
    Server,
}

/// `delete --cascade` (`background` by default; `true`/`false` are deprecated spellings).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Cascade {
    /// Dependents are deleted by the garbage collector afterwards.
    #[default]
    Background,
    /// Dependents are deleted first.
    Foreground,
    /// Dependents are left behind (ownerReferences removed).
    Orphan,
}

/// `patch --type`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PatchType {
    /// Strategic merge patch (the default).
    #[default]
    Strategic,
    /// JSON merge patch (RFC 7386).
    Merge,
    /// JSON patch (RFC 6902).
    Json,
}

/// Every flag the simulated verbs honour, with kubectl's defaults. Flags a verb does not
/// accept keep their defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct Flags {
    /// `-n/--namespace`, when given.
    pub namespace: Option<String>,
    /// `-A/--all-namespaces`.
    pub all_namespaces: bool,
    /// `-f/--filename` (repeatable, comma-separated), in order.
    pub filenames: Vec<String>,
    /// `-R/--recursive`.
    pub recursive: bool,
    /// `-o/--output`.
    pub output: OutputFormat,
    /// The argument of a template format: `-o jsonpath=ARG` or `--template ARG`.
    pub template: String,
    /// `--allow-missing-template-keys` (true by default).
    pub allow_missing_keys: bool,
    /// `-l/--selector`, parsed and valid (the empty selector when absent).
    pub selector: LabelSelector,
    /// The `-l` text as typed, when given (kubectl echoes it in some messages).
    pub selector_text: Option<String>,
    /// `--all` (delete, scale).
    pub all: bool,
    /// `--force` (delete, apply, drain).
    pub force: bool,
    /// `--grace-period`, after kubectl's adjustments: `-1` means the object's own period; `0`
    /// only with `--force` (a bare `--force` also gives 0, printed as `force deleted`); `--now`
    /// and `--grace-period=0` without `--force` give 1.
    pub grace_period: i64,
    /// `--now`.
    pub now: bool,
    /// `--wait` (delete waits for the object to be gone by default).
    pub wait: bool,
    /// `--timeout` in seconds (fractions rounded down); `None` when absent or 0.
    pub timeout_seconds: Option<u64>,
    /// `--cascade`.
    pub cascade: Cascade,
    /// `--replicas` (scale; required there).
    pub replicas: Option<i64>,
    /// `--current-replicas` precondition (`-1` = none).
    pub current_replicas: i64,
    /// `-p/--patch`.
    pub patch: Option<String>,
    /// `--patch-file`.
    pub patch_file: Option<String>,
    /// `--type`.
    pub patch_type: PatchType,
    /// `--overwrite` (taint).
    pub overwrite: bool,
    /// `--ignore-daemonsets` (drain).
    pub ignore_daemonsets: bool,
    /// `--delete-emptydir-data` (or the deprecated `--delete-local-data`) (drain).
    pub delete_emptydir_data: bool,
    /// `--disable-eviction` (drain).
    pub disable_eviction: bool,
    /// `--pod-selector` (drain), parsed.
    pub pod_selector: Option<LabelSelector>,
    /// `--dry-run`.
    pub dry_run: DryRun,
    /// `--sort-by` (get), as typed.
    pub sort_by: Option<String>,
    /// `--show-labels` (get).
    pub show_labels: bool,
    /// `--show-kind` (get).
    pub show_kind: bool,
    /// `-L/--label-columns` (get), in order.
    pub label_columns: Vec<String>,
    /// `--no-headers` (get, api-resources).
    pub no_headers: bool,
    /// `--ignore-not-found` (get, delete). For delete it defaults to true with `--all` or `-l`.
    pub ignore_not_found: bool,
    /// `--show-events` (describe).
    pub show_events: bool,
    /// `--server-side` (apply).
    pub server_side: bool,
    /// `--client` (version).
    pub client_only: bool,
    /// `--recursive` of `explain`.
    pub explain_recursive: bool,
    /// `--field-selector` (get, delete, label, annotate), trimmed, when non-blank. kubectl
    /// only passes it on; [`super::field_selector`] does what the API server does with it.
    pub field_selector: Option<String>,
    /// `--list` (label, annotate).
    pub list: bool,
    /// `--resource-version` (label, annotate), when non-empty.
    pub resource_version: Option<String>,
    /// The flags of `run` and `create deployment|configmap|secret generic`.
    pub generator: super::generator_flags::GeneratorFlags,
    /// Lines kubectl writes to stderr while reading its flags, before doing anything
    /// (`warning: --cascade=true is deprecated…`, delete's `Warning: Immediate deletion…`).
    pub warnings: Vec<String>,
    /// The flags of `exec`, `logs` and `cp`.
    pub container_cmd: super::container_flags::ContainerFlags,
    /// The flags of the commands about time: `get -w`, `wait`, `rollout status`, `events`.
    pub time: super::time_flags::TimeFlags,
}

impl Default for Flags {
    fn default() -> Self {
        Flags {
            namespace: None,
            all_namespaces: false,
            filenames: Vec::new(),
            recursive: false,
            output: OutputFormat::Default,
            template: String::new(),
            allow_missing_keys: true,
            selector: LabelSelector::default(),
            selector_text: None,
            all: false,
            force: false,
            grace_period: -1,
            now: false,
            wait: true,
            timeout_seconds: None,
            cascade: Cascade::Background,
            replicas: None,
            current_replicas: -1,
            patch: None,
            patch_file: None,
            patch_type: PatchType::Strategic,
            overwrite: false,
            ignore_daemonsets: false,
            delete_emptydir_data: false,
            disable_eviction: false,
            pod_selector: None,
            dry_run: DryRun::None,
            sort_by: None,
            show_labels: false,
            show_kind: false,
            label_columns: Vec::new(),
            no_headers: false,
            ignore_not_found: false,
            show_events: true,
            server_side: false,
            client_only: false,
            explain_recursive: false,
            field_selector: None,
            list: false,
            resource_version: None,
            generator: Default::default(),
            warnings: Vec::new(),
            container_cmd: Default::default(),
            time: super::time_flags::TimeFlags::default(),
        }
    }
}

impl Flags {
    /// The namespace a namespaced command works in: `-n`, else `default`.
    pub fn namespace_or_default(&self) -> &str {
        self.namespace.as_deref().unwrap_or("default")
    }
}

/// A fully parsed, validated kubectl command line.
#[derive(Clone, Debug, PartialEq)]
pub struct Invocation {
    /// The command.
    pub verb: Verb,
    /// The positional arguments after the command (and subcommand), as typed.
    pub args: Vec<String>,
    /// What the arguments select.
    pub resources: Resources,
    /// The flags.
    pub flags: Flags,
}
