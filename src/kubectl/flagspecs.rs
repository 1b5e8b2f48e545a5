//! The flags each kubectl v1.34 command accepts, with their types and defaults, so that a real
//! flag is never reported as unknown and an unknown one gets pflag's error.
//!
//! Sources: kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/{get/get.go,
//! get/get_flags.go, delete/delete_flags.go, scale/scale.go, drain/drain.go, apply/apply.go,
//! create/create.go, patch/patch.go, rollout/rollout_restart.go, describe/describe.go}`,
//! `cmd/util/helpers.go` (`AddFilenameOptionFlags`, `AddDryRunFlag`, `AddValidateFlags`…) and
//! `cli-runtime/pkg/genericclioptions/config_flags.go` for the global flags. Flags read from
//! get.go, get_flags.go, scale.go, delete.go and helpers.go were checked upstream; the others
//! are listed from memory of kubectl's `--help` and may miss a rarely used flag.

use super::pflag::{FlagSpec, FlagType, Support};

const fn spec(name: &'static str, short: Option<u8>, ty: FlagType, support: Support) -> FlagSpec {
    FlagSpec {
        name,
        short,
        ty,
        no_opt: None,
        default: "",
        support,
    }
}
const fn yes(name: &'static str, short: Option<u8>, ty: FlagType) -> FlagSpec {
    spec(name, short, ty, Support::Yes)
}
const fn ignored(name: &'static str, ty: FlagType) -> FlagSpec {
    spec(name, None, ty, Support::Ignored)
}
const fn refused(name: &'static str, short: Option<u8>, ty: FlagType) -> FlagSpec {
    spec(name, short, ty, Support::NotSimulated)
}
const fn with_default(mut s: FlagSpec, default: &'static str) -> FlagSpec {
    s.default = default;
    s
}
const fn with_no_opt(mut s: FlagSpec, no_opt: &'static str) -> FlagSpec {
    s.no_opt = Some(no_opt);
    s
}

use FlagType::{Bool, Duration, Int, Str, StringArray, StringSlice};

/// Global (persistent) flags of the `kubectl` root command.
pub(crate) const GLOBAL: &[FlagSpec] = &[
    yes("namespace", Some(b'n'), Str),
    ignored("kubeconfig", Str),
    ignored("context", Str),
    ignored("cluster", Str),
    ignored("user", Str),
    spec("server", Some(b's'), Str, Support::Ignored),
    ignored("token", Str),
    ignored("as", Str),
    ignored("as-group", StringArray),
    ignored("as-uid", Str),
    ignored("cache-dir", Str),
    ignored("certificate-authority", Str),
    ignored("client-certificate", Str),
    ignored("client-key", Str),
    ignored("insecure-skip-tls-verify", Bool),
    ignored("tls-server-name", Str),
    ignored("request-timeout", Str),
    ignored("match-server-version", Bool),
    ignored("disable-compression", Bool),
    ignored("profile", Str),
    ignored("profile-output", Str),
    ignored("warnings-as-errors", Bool),
    spec("v", Some(b'v'), Int, Support::Ignored),
    ignored("vmodule", Str),
    ignored("log-flush-frequency", Duration),
    ignored("kuberc", Str),
    ignored("username", Str),
    ignored("password", Str),
];

const FILENAME: FlagSpec = yes("filename", Some(b'f'), StringSlice);
const KUSTOMIZE: FlagSpec = refused("kustomize", Some(b'k'), Str);
const RECURSIVE: FlagSpec = yes("recursive", Some(b'R'), Bool);
const SELECTOR: FlagSpec = yes("selector", Some(b'l'), Str);
const ALL_NAMESPACES: FlagSpec = yes("all-namespaces", Some(b'A'), Bool);
const DRY_RUN: FlagSpec = with_no_opt(with_default(yes("dry-run", None, Str), "none"), "unchanged");
const OUTPUT: FlagSpec = yes("output", Some(b'o'), Str);
const TEMPLATE: FlagSpec = refused("template", None, Str);
const MISSING_KEYS: FlagSpec = with_default(ignored("allow-missing-template-keys", Bool), "true");
const MANAGED_FIELDS: FlagSpec = ignored("show-managed-fields", Bool);
const FIELD_MANAGER: FlagSpec = ignored("field-manager", Str);
/// Only kubectl's default, strict field validation is simulated: `warn` and `ignore`
/// (`false`) would make the API server drop unknown fields instead of refusing them.
const VALIDATE: FlagSpec = with_no_opt(
    with_default(refused("validate", None, Str), "strict"),
    "strict",
);
const RECORD: FlagSpec = ignored("record", Bool);
const CHUNK_SIZE: FlagSpec = ignored("chunk-size", Int);
const FIELD_SELECTOR: FlagSpec = yes("field-selector", None, Str);
const RAW: FlagSpec = refused("raw", None, Str);
const GRACE_PERIOD: FlagSpec = with_default(yes("grace-period", None, Int), "-1");
const TIMEOUT: FlagSpec = yes("timeout", None, Duration);

/// The flags of cli-runtime's generic `PrintFlags` (`-o` plus template flags).
const PRINT: [FlagSpec; 4] = [OUTPUT, TEMPLATE, MISSING_KEYS, MANAGED_FIELDS];

pub(crate) const GET: &[FlagSpec] = &[
    OUTPUT,
    yes("no-headers", None, Bool),
    yes("show-labels", None, Bool),
    yes("show-kind", None, Bool),
    yes("label-columns", Some(b'L'), StringSlice),
    yes("sort-by", None, Str),
    yes("template", None, Str),
    MISSING_KEYS,
    MANAGED_FIELDS,
    RAW,
    yes("watch", Some(b'w'), Bool),
    yes("watch-only", None, Bool),
    yes("output-watch-events", None, Bool),
    CHUNK_SIZE,
    yes("ignore-not-found", None, Bool),
    SELECTOR,
    FIELD_SELECTOR,
    ALL_NAMESPACES,
    with_default(ignored("server-print", Bool), "true"),
    ignored("use-openapi-print-columns", Bool),
    FILENAME,
    KUSTOMIZE,
    RECURSIVE,
    refused("subresource", None, Str),
];

pub(crate) const DESCRIBE: &[FlagSpec] = &[
    ALL_NAMESPACES,
    FILENAME,
    KUSTOMIZE,
    RECURSIVE,
    SELECTOR,
    with_default(yes("show-events", None, Bool), "true"),
    CHUNK_SIZE,
];

/// staging/src/k8s.io/kubectl/pkg/cmd/edit/edit.go `NewCmdEdit` (with the printer flags of
/// `editoptions.go`: yaml or json only).
pub(crate) const EDIT: &[FlagSpec] = &[
    FILENAME,
    KUSTOMIZE,
    RECURSIVE,
    with_default(yes("output", Some(b'o'), Str), "yaml"),
    ignored("output-patch", Bool),
    ignored("windows-line-endings", Bool),
    ignored("save-config", Bool),
    ignored("show-managed-fields", Bool),
    ignored("allow-missing-template-keys", Bool),
    ignored("template", Str),
    with_default(ignored("validate", Str), "strict"),
    with_default(ignored("field-manager", Str), "kubectl-edit"),
    refused("subresource", None, Str),
];

pub(crate) const DELETE: &[FlagSpec] = &[
    yes("all", None, Bool),
    ALL_NAMESPACES,
    with_no_opt(
        with_default(yes("cascade", None, Str), "background"),
        "background",
    ),
    DRY_RUN,
    FIELD_SELECTOR,
    FILENAME,
    yes("force", None, Bool),
    GRACE_PERIOD,
    yes("ignore-not-found", None, Bool),
    refused("interactive", Some(b'i'), Bool),
    KUSTOMIZE,
    yes("now", None, Bool),
    OUTPUT,
    RAW,
    RECURSIVE,
    SELECTOR,
    TIMEOUT,
    with_default(yes("wait", None, Bool), "true"),
];

pub(crate) const APPLY: &[FlagSpec] = &[
    ignored("all", Bool),
    with_no_opt(
        with_default(ignored("cascade", Str), "background"),
        "background",
    ),
    DRY_RUN,
    FIELD_MANAGER,
    FILENAME,
    yes("force", None, Bool),
    ignored("force-conflicts", Bool),
    with_default(ignored("grace-period", Int), "-1"),
    KUSTOMIZE,
    ignored("openapi-patch", Bool),
    with_default(ignored("overwrite", Bool), "true"),
    refused("prune", None, Bool),
    refused("prune-allowlist", None, StringArray),
    RECURSIVE,
    SELECTOR,
    yes("server-side", None, Bool),
    ignored("timeout", Duration),
    VALIDATE,
    ignored("wait", Bool),
    RECORD,
    refused("subresource", None, Str),
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];

pub(crate) const CREATE: &[FlagSpec] = &[
    FILENAME,
    KUSTOMIZE,
    RECURSIVE,
    refused("edit", None, Bool),
    ignored("windows-line-endings", Bool),
    ignored("save-config", Bool),
    DRY_RUN,
    SELECTOR,
    RAW,
    FIELD_MANAGER,
    VALIDATE,
    RECORD,
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];

pub(crate) const CREATE_NAMESPACE: &[FlagSpec] = &[
    DRY_RUN,
    FIELD_MANAGER,
    ignored("save-config", Bool),
    VALIDATE,
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];

pub(crate) const SCALE: &[FlagSpec] = &[
    yes("all", None, Bool),
    ignored("resource-version", Str),
    with_default(yes("current-replicas", None, Int), "-1"),
    yes("replicas", None, Int),
    TIMEOUT,
    FILENAME,
    KUSTOMIZE,
    RECURSIVE,
    DRY_RUN,
    SELECTOR,
    RECORD,
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];

pub(crate) const PATCH: &[FlagSpec] = &[
    FILENAME,
    KUSTOMIZE,
    RECURSIVE,
    yes("patch", Some(b'p'), Str),
    yes("patch-file", None, Str),
    with_default(yes("type", None, Str), "strategic"),
    DRY_RUN,
    refused("local", None, Bool),
    FIELD_MANAGER,
    refused("subresource", None, Str),
    RECORD,
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];

pub(crate) const CORDON: &[FlagSpec] = &[DRY_RUN, SELECTOR];

/// kubectl `pkg/cmd/taint/taint.go` `NewCmdTaint`.
pub(crate) const TAINT: &[FlagSpec] = &[
    yes("all", None, Bool),
    DRY_RUN,
    FIELD_MANAGER,
    yes("overwrite", None, Bool),
    SELECTOR,
    VALIDATE,
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];

pub(crate) const DRAIN: &[FlagSpec] = &[
    CHUNK_SIZE,
    yes("delete-emptydir-data", None, Bool),
    yes("delete-local-data", None, Bool),
    yes("disable-eviction", None, Bool),
    DRY_RUN,
    yes("force", None, Bool),
    GRACE_PERIOD,
    yes("ignore-daemonsets", None, Bool),
    yes("pod-selector", None, Str),
    SELECTOR,
    ignored("skip-wait-for-delete-timeout", Int),
    TIMEOUT,
];

pub(crate) const ROLLOUT_RESTART: &[FlagSpec] = &[
    FILENAME,
    KUSTOMIZE,
    RECURSIVE,
    SELECTOR,
    DRY_RUN,
    FIELD_MANAGER,
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];

/// Flags of rollout subcommands kubestory does not simulate (parsed only to report them).
pub(crate) const ROLLOUT_OTHER: &[FlagSpec] = &[
    FILENAME,
    KUSTOMIZE,
    RECURSIVE,
    SELECTOR,
    ignored("revision", Int),
    ignored("watch", Bool),
    TIMEOUT,
    DRY_RUN,
    ignored("to-revision", Int),
    FIELD_MANAGER,
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];

pub(crate) const VERSION: &[FlagSpec] = &[yes("client", None, Bool), OUTPUT];

pub(crate) const API_RESOURCES: &[FlagSpec] = &[
    yes("api-group", None, Str),
    ignored("cached", Bool),
    yes("categories", None, StringSlice),
    with_default(yes("namespaced", None, Bool), "true"),
    yes("no-headers", None, Bool),
    OUTPUT,
    yes("sort-by", None, Str),
    yes("verbs", None, StringSlice),
];

pub(crate) const EXPLAIN: &[FlagSpec] = &[
    ignored("api-version", Str),
    // Only the default OpenAPI v3 `plaintext` rendering is simulated, not `plaintext-openapiv2`.
    with_default(refused("output", None, Str), "plaintext"),
    yes("recursive", None, Bool),
];

/// kubectl `pkg/cmd/label/label.go` `NewCmdLabel` and `pkg/cmd/annotate/annotate.go`
/// `NewCmdAnnotate` (the same flags; `--local` is not simulated).
pub(crate) const LABEL: &[FlagSpec] = &[
    yes("overwrite", None, Bool),
    yes("list", None, Bool),
    refused("local", None, Bool),
    FIELD_SELECTOR,
    yes("all", None, Bool),
    ALL_NAMESPACES,
    yes("resource-version", None, Str),
    FILENAME,
    KUSTOMIZE,
    RECURSIVE,
    DRY_RUN,
    FIELD_MANAGER,
    SELECTOR,
    RECORD,
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];

/// kubectl `pkg/cmd/run/run.go` `NewCmdRun`/`addRunFlags` (with the deprecated delete flags
/// it still accepts, and its own `--dry-run`, a plain string flag without a bare form).
pub(crate) const RUN: &[FlagSpec] = &[
    yes("annotations", None, StringArray),
    yes("image", None, Str),
    yes("image-pull-policy", None, Str),
    yes("rm", None, Bool),
    yes("env", None, StringArray),
    yes("port", None, Str),
    with_default(yes("dry-run", None, Str), "none"),
    yes("labels", Some(b'l'), Str),
    yes("stdin", Some(b'i'), Bool),
    yes("tty", Some(b't'), Bool),
    yes("attach", None, Bool),
    ignored("leave-stdin-open", Bool),
    yes("restart", None, Str),
    yes("command", None, Bool),
    refused("expose", None, Bool),
    spec("quiet", Some(b'q'), Bool, Support::Ignored),
    refused("privileged", None, Bool),
    ignored("save-config", Bool),
    FIELD_MANAGER,
    refused("overrides", None, Str),
    with_default(ignored("override-type", Str), "merge"),
    ignored("pod-running-timeout", Duration),
    spec("filename", Some(b'f'), StringSlice, Support::Ignored),
    spec("kustomize", Some(b'k'), Str, Support::Ignored),
    spec("recursive", Some(b'R'), Bool, Support::Ignored),
    ignored("force", Bool),
    with_default(ignored("grace-period", Int), "-1"),
    ignored("timeout", Duration),
    ignored("wait", Bool),
    with_no_opt(
        with_default(ignored("cascade", Str), "background"),
        "background",
    ),
    RECORD,
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];

/// kubectl `pkg/cmd/create/create_deployment.go` `NewCmdCreateDeployment`.
pub(crate) const CREATE_DEPLOYMENT: &[FlagSpec] = &[
    ignored("save-config", Bool),
    VALIDATE,
    DRY_RUN,
    yes("image", None, StringSlice),
    with_default(yes("port", None, Int), "-1"),
    with_default(yes("replicas", Some(b'r'), Int), "1"),
    FIELD_MANAGER,
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];

/// kubectl `pkg/cmd/create/create_configmap.go` `NewCmdCreateConfigMap`.
pub(crate) const CREATE_CONFIGMAP: &[FlagSpec] = &[
    ignored("save-config", Bool),
    VALIDATE,
    DRY_RUN,
    yes("from-file", None, StringSlice),
    yes("from-literal", None, StringArray),
    refused("from-env-file", None, StringSlice),
    refused("append-hash", None, Bool),
    FIELD_MANAGER,
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];

/// kubectl `pkg/cmd/create/create_secret.go` `NewCmdCreateSecretGeneric`.
pub(crate) const CREATE_SECRET_GENERIC: &[FlagSpec] = &[
    ignored("save-config", Bool),
    VALIDATE,
    DRY_RUN,
    yes("from-file", None, StringSlice),
    yes("from-literal", None, StringArray),
    refused("from-env-file", None, StringSlice),
    yes("type", None, Str),
    refused("append-hash", None, Bool),
    FIELD_MANAGER,
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];

/// `kubectl exec` (`cmd/exec/exec.go` `NewCmdExec`, `cmdutil.AddPodRunningTimeoutFlag`,
/// `AddJsonFilenameFlag`, `AddContainerVarFlags`).
pub(crate) const EXEC: &[FlagSpec] = &[
    yes("container", Some(b'c'), Str),
    refused("filename", Some(b'f'), StringSlice),
    with_default(ignored("pod-running-timeout", Duration), "1m0s"),
    yes("quiet", Some(b'q'), Bool),
    yes("stdin", Some(b'i'), Bool),
    yes("tty", Some(b't'), Bool),
];

/// `kubectl logs` (`cmd/logs/logs.go` `NewCmdLogs`, `AddFlags`).
pub(crate) const LOGS: &[FlagSpec] = &[
    refused("all-containers", None, Bool),
    refused("all-pods", None, Bool),
    yes("container", Some(b'c'), Str),
    yes("follow", Some(b'f'), Bool),
    ignored("ignore-errors", Bool),
    ignored("insecure-skip-tls-verify-backend", Bool),
    refused("limit-bytes", None, Int),
    ignored("max-log-requests", Int),
    with_default(ignored("pod-running-timeout", Duration), "20s"),
    refused("prefix", None, Bool),
    yes("previous", Some(b'p'), Bool),
    refused("selector", Some(b'l'), Str),
    refused("since", None, Duration),
    refused("since-time", None, Str),
    with_default(yes("tail", None, Int), "-1"),
    yes("timestamps", None, Bool),
];

/// `kubectl cp` (`cmd/cp/cp.go` `NewCmdCp`).
pub(crate) const CP: &[FlagSpec] = &[
    yes("container", Some(b'c'), Str),
    ignored("no-preserve", Bool),
    ignored("retries", Int),
];

/// `kubectl wait` (kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go`
/// `AddFlags`: PrintFlags, ResourceBuilderFlags with a label and field selector, `--all`,
/// `-A`, `--local`; `--timeout`, `--for`).
pub(crate) const WAIT: &[FlagSpec] = &[
    yes("for", None, Str),
    yes("timeout", None, Duration),
    yes("all", None, Bool),
    ALL_NAMESPACES,
    SELECTOR,
    FIELD_SELECTOR,
    FILENAME,
    KUSTOMIZE,
    RECURSIVE,
    ignored("local", Bool),
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];

/// `kubectl rollout status` (`cmd/rollout/rollout_status.go`: `-w` true by default,
/// `--revision`, `--timeout`, the filename flags and `-l`).
pub(crate) const ROLLOUT_STATUS: &[FlagSpec] = &[
    FILENAME,
    KUSTOMIZE,
    RECURSIVE,
    SELECTOR,
    with_default(yes("watch", Some(b'w'), Bool), "true"),
    refused("revision", None, Int),
    yes("timeout", None, Duration),
];

/// `kubectl events` (`cmd/events/events.go` `AddFlags` and its PrintFlags).
pub(crate) const EVENTS: &[FlagSpec] = &[
    yes("watch", Some(b'w'), Bool),
    ALL_NAMESPACES,
    yes("for", None, Str),
    yes("types", None, StringSlice),
    yes("no-headers", None, Bool),
    CHUNK_SIZE,
    PRINT[0],
    PRINT[1],
    PRINT[2],
    PRINT[3],
];
