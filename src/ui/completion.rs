//! Tab completion on the command line: verbs, then kinds, then the names of objects of that
//! kind from the cluster. One candidate completes; several complete their common prefix and
//! are listed in the status bar.

use crate::sim::Cluster;

/// The kubectl verbs the simulator supports.
pub const VERBS: &[&str] = &[
    "api-resources",
    "apply",
    "cordon",
    "create",
    "delete",
    "describe",
    "drain",
    "explain",
    "get",
    "patch",
    "rollout",
    "scale",
    "taint",
    "uncordon",
    "version",
];

/// The simulator's own first words (as in `kubestory sim` scripts), besides kubectl's verbs.
pub const SIM_WORDS: &[&str] = &["crash", "node", "story", "undo", "wait"];

/// Candidates for the word at `index` of a simulator line: `story write|read TARGET`,
/// `crash TARGET`, `node fail|reboot|recover NODE`.
fn sim_candidates(c: &Cluster, args: &[&str], index: usize) -> Vec<String> {
    let targets = || {
        let mut v: Vec<String> = Vec::new();
        v.extend(
            c.deployments()
                .map(|d| format!("deploy/{}", d.metadata.name)),
        );
        v.extend(
            c.stateful_sets()
                .map(|s| format!("sts/{}", s.metadata.name)),
        );
        v.extend(c.pods().map(|p| format!("pod/{}", p.metadata.name)));
        v
    };
    let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect();
    match (args.first().copied(), index) {
        (Some("story"), 1) => words(&["read", "write"]),
        (Some("story"), 2) | (Some("crash"), 1) => targets(),
        (Some("node"), 1) => words(&["fail", "reboot", "recover"]),
        (Some("node"), 2) => c.nodes().map(|n| n.metadata.name.clone()).collect(),
        _ => Vec::new(),
    }
}

/// The kinds worth completing, as kubectl users type them.
pub const KINDS: &[&str] = &[
    "all",
    "deployments",
    "events",
    "nodes",
    "persistentvolumeclaims",
    "persistentvolumes",
    "pods",
    "pv",
    "pvc",
    "replicasets",
    "sc",
    "statefulsets",
    "storageclasses",
];

/// The names of the objects of a kind (as typed), sorted.
pub fn names(c: &Cluster, kind: &str) -> Vec<String> {
    let kind = kind.split('/').next().unwrap_or(kind).to_ascii_lowercase();
    let mut v: Vec<String> = match kind.as_str() {
        "pod" | "pods" | "po" => c.pods().map(|p| p.metadata.name.clone()).collect(),
        "pvc" | "persistentvolumeclaim" | "persistentvolumeclaims" => {
            c.claims().map(|p| p.metadata.name.clone()).collect()
        }
        "pv" | "persistentvolume" | "persistentvolumes" => {
            c.volumes().map(|p| p.metadata.name.clone()).collect()
        }
        "node" | "nodes" | "no" => c.nodes().map(|n| n.metadata.name.clone()).collect(),
        "sc" | "storageclass" | "storageclasses" => c
            .storage_classes()
            .map(|s| s.metadata.name.clone())
            .collect(),
        "deploy" | "deployment" | "deployments" => {
            c.deployments().map(|d| d.metadata.name.clone()).collect()
        }
        "sts" | "statefulset" | "statefulsets" => {
            c.stateful_sets().map(|d| d.metadata.name.clone()).collect()
        }
        "rs" | "replicaset" | "replicasets" => {
            c.replica_sets().map(|d| d.metadata.name.clone()).collect()
        }
        _ => Vec::new(),
    };
    v.sort();
    v.dedup();
    v
}

/// Completes the last word of `line`; returns the new line and, when several candidates
/// remain, a message listing them.
pub fn complete(c: &Cluster, line: &str) -> (String, Option<String>) {
    let words: Vec<&str> = line.split_whitespace().collect();
    let trailing_space = line.is_empty() || line.ends_with(' ');
    let skip = usize::from(words.first() == Some(&"kubectl"));
    let args: Vec<&str> = words[skip..]
        .iter()
        .copied()
        .filter(|w| !w.starts_with('-'))
        .collect();
    let (index, partial) = if trailing_space {
        (args.len(), "")
    } else {
        (
            args.len().saturating_sub(1),
            args.last().copied().unwrap_or(""),
        )
    };
    if !trailing_space && words.last().is_some_and(|w| w.starts_with('-')) {
        return (line.to_string(), None);
    }
    let sim_line = skip == 0 && args.first().is_some_and(|w| SIM_WORDS.contains(w));
    let candidates: Vec<String> = match (index, sim_line) {
        (0, _) if skip == 0 => {
            let mut v: Vec<String> = VERBS
                .iter()
                .chain(SIM_WORDS)
                .map(|s| s.to_string())
                .collect();
            v.sort();
            v
        }
        (0, _) => VERBS.iter().map(|s| s.to_string()).collect(),
        (_, true) => sim_candidates(c, &args, index),
        (1, false) => KINDS.iter().map(|s| s.to_string()).collect(),
        _ => names(c, args.get(1).copied().unwrap_or("")),
    };
    let matching: Vec<&String> = candidates
        .iter()
        .filter(|c| c.starts_with(partial))
        .collect();
    let head = &line[..line.len() - partial.len()];
    match matching.as_slice() {
        [] => (line.to_string(), Some("no completions".into())),
        [one] => (format!("{head}{one} "), None),
        many => {
            let prefix = common_prefix(many);
            let list = many
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            (format!("{head}{prefix}"), Some(list))
        }
    }
}

fn common_prefix(words: &[&String]) -> String {
    let first = words[0];
    let mut len = first.len();
    for w in &words[1..] {
        len = len.min(
            first
                .bytes()
                .zip(w.bytes())
                .take_while(|(a, b)| a == b)
                .count(),
        );
    }
    first[..len].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::ClusterConfig;

    #[test]
    fn completes_verbs_kinds_and_names() {
        let c = Cluster::new(ClusterConfig::default());
        assert_eq!(complete(&c, "app").0, "apply ");
        assert_eq!(complete(&c, "get no").0, "get nodes ");
        assert_eq!(
            complete(&c, "kubectl get nodes mi").0,
            "kubectl get nodes minikube "
        );
        let (line, msg) = complete(&c, "get p");
        assert_eq!(line, "get p");
        assert!(msg.is_some_and(|m| m.contains("pods") && m.contains("pvc")));
        assert_eq!(complete(&c, "de").0, "de");
    }

    #[test]
    fn completes_the_simulators_own_lines() {
        let c = Cluster::new(ClusterConfig::default());
        assert_eq!(complete(&c, "sto").0, "story ");
        assert_eq!(complete(&c, "story w").0, "story write ");
        assert_eq!(complete(&c, "node f").0, "node fail ");
        assert_eq!(complete(&c, "node fail mini").0, "node fail minikube ");
        assert_eq!(
            complete(&c, "kubectl sto").0,
            "kubectl sto",
            "not a kubectl verb"
        );
    }
}
