//! kubectl's top-level commands: which ones kubestory simulates, and cobra's "Did you mean
//! this?" suggestions for a mistyped one.
//!
//! The command list is kubectl v1.34's (kubernetes/kubernetes
//! `staging/src/k8s.io/kubectl/pkg/cmd/cmd.go` `NewKubectlCommand`, plus cobra's own `help` and
//! kubectl's `completion`). Suggestions follow spf13/cobra `command.go` `SuggestionsFor`:
//! case-insensitive Levenshtein distance ≤ 2, a prefix match, or the command's `SuggestFor`
//! list (`get`: list, ps; `delete`: rm).

/// Every top-level kubectl command in the order `NewKubectlCommand` adds them (command groups
/// first, then alpha, config, plugin, version, api-versions, api-resources, options). cobra
/// does not sort `c.commands` before `Find`, so suggestions come out in this order. cobra's own
/// `help` command is recognised but never suggested (it is not an "available" command).
pub(crate) const ALL_COMMANDS: &[&str] = &[
    "create",
    "expose",
    "run",
    "set",
    "explain",
    "get",
    "edit",
    "delete",
    "rollout",
    "scale",
    "autoscale",
    "certificate",
    "cluster-info",
    "top",
    "cordon",
    "uncordon",
    "drain",
    "taint",
    "describe",
    "logs",
    "attach",
    "exec",
    "port-forward",
    "proxy",
    "cp",
    "auth",
    "debug",
    "events",
    "diff",
    "apply",
    "patch",
    "replace",
    "wait",
    "kustomize",
    "label",
    "annotate",
    "completion",
    "alpha",
    "config",
    "plugin",
    "version",
    "api-versions",
    "api-resources",
    "options",
];

/// Explicit `SuggestFor` aliases of kubectl commands.
const SUGGEST_FOR: &[(&str, &str)] = &[("get", "list"), ("get", "ps"), ("delete", "rm")];

/// cobra's `SuggestionsFor(typed)` over kubectl's commands.
pub(crate) fn suggestions_for(typed: &str) -> Vec<String> {
    let lower = typed.to_lowercase();
    let mut out = Vec::new();
    for name in ALL_COMMANDS {
        let by_distance = levenshtein_ignore_case(&lower, name) <= 2;
        let by_prefix = name.starts_with(&lower);
        if by_distance || by_prefix {
            out.push(name.to_string());
        }
        for (command, alias) in SUGGEST_FOR {
            if command == name && alias.eq_ignore_ascii_case(typed) {
                out.push(name.to_string());
            }
        }
    }
    out
}

/// cobra's `ld(s, t, ignoreCase=true)`: Levenshtein distance over bytes, case-folded.
fn levenshtein_ignore_case(s: &str, t: &str) -> usize {
    let s = s.to_lowercase();
    let t = t.to_lowercase();
    let (s, t) = (s.as_bytes(), t.as_bytes());
    let mut row: Vec<usize> = (0..=t.len()).collect();
    for (i, &sc) in s.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &tc) in t.iter().enumerate() {
            let cost = usize::from(sc != tc);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[t.len()]
}

/// A friendly note for a real kubectl command that kubestory does not simulate.
pub(crate) fn not_simulated_note(command: &str) -> String {
    let extra = match command {
        "attach" | "port-forward" | "debug" => {
            " Containers in the simulated cluster do not run real processes: `kubectl exec POD \
             -- ls /app/story` (or `exec -it POD -- sh`) looks inside a container, \
             `kubectl logs POD` reads what its app logged and `story read` asks the app."
        }
        "replace" | "set" => {
            " Change objects with `kubectl apply -f FILE` or `kubectl patch TYPE NAME -p '…'`."
        }
        _ => "",
    };
    format!("`kubectl {command}` is not simulated in kubestory.{extra}")
}
