//! Tab completion on the command line, by position as kubectl's own completion works: verbs,
//! then kinds, then the names of objects of that kind from the cluster; a flag's value after
//! `-o`, `-n` and `-f`. One candidate completes; several complete their common prefix and are
//! listed on the message row above the command line (as bash lists them on a second Tab).

use crate::kubectl::FileSource;
use crate::kubectl::file_source::Node;
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
    "exec",
    "logs",
    "cp",
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

/// Output formats after `-o` (kubectl get's, cli-runtime `print_flags.go` and
/// `get_flags.go`); the template ones end with `=` and take their argument after it.
pub const FORMATS: &[&str] = &[
    "custom-columns=",
    "custom-columns-file=",
    "go-template=",
    "go-template-file=",
    "json",
    "jsonpath=",
    "jsonpath-as-json=",
    "jsonpath-file=",
    "name",
    "wide",
    "yaml",
];

/// Flags that take the next word as their value (kubectl's non-boolean flags that
/// learners type), so that value is not counted as a kind or a name.
const VALUE_FLAGS: &[&str] = &[
    "-n",
    "-o",
    "-f",
    "-l",
    "-c",
    "-p",
    "-s",
    "--namespace",
    "--output",
    "--filename",
    "--selector",
    "--container",
    "--patch",
    "--type",
    "--field-selector",
    "--sort-by",
    "--replicas",
    "--timeout",
    "--grace-period",
    "--for",
    "--template",
    "--label-columns",
    "--context",
    "--kubeconfig",
    "--cluster",
    "--user",
    "--server",
    "--cascade",
    "--tail",
    "--since",
    "--image",
    "--from-literal",
    "--from-file",
    "--chunk-size",
    "--patch-file",
];

/// Verbs whose first argument is a kind and the next ones names of that kind.
const KIND_VERBS: &[&str] = &[
    "annotate", "delete", "describe", "edit", "explain", "get", "label", "patch", "scale",
];

/// Verbs whose arguments are node names.
const NODE_VERBS: &[&str] = &["cordon", "drain", "uncordon"];

/// Completes the word `line` ends with (the text before the cursor): by position, as
/// kubectl's own shell completion does — verbs first, then kinds after `get`/`describe`/
/// `delete`…, then names of that kind (also `kind/name`), output formats after `-o`,
/// namespaces after `-n`, the files `-f` can read after `-f`. Returns the new text and, when
/// several candidates remain (or none), a message listing them.
pub fn complete(c: &Cluster, files: &dyn FileSource, line: &str) -> (String, Option<String>) {
    let words: Vec<&str> = line.split_whitespace().collect();
    let trailing_space = line.is_empty() || line.ends_with(char::is_whitespace);
    let (done, partial) = if trailing_space {
        (&words[..], "")
    } else {
        (&words[..words.len() - 1], words[words.len() - 1])
    };
    let kubectl = matches!(done.first(), Some(&"kubectl") | Some(&"k"));
    let skip = usize::from(kubectl);
    // Positional words, and whether `partial` is a flag's value (and which flag).
    let mut args: Vec<&str> = Vec::new();
    let mut value_of: Option<&str> = None;
    for w in &done[skip..] {
        if value_of.take().is_some() {
            continue;
        }
        if w.starts_with('-') {
            if !w.contains('=') && VALUE_FLAGS.contains(w) {
                value_of = Some(w);
            }
            continue;
        }
        args.push(w);
    }
    // `-o=json`, `--namespace=kube-system`: the value after `=`.
    let (flag, partial) = match value_of {
        Some(f) => (Some(f), partial),
        None => match partial.split_once('=') {
            Some((f, v)) if f.starts_with('-') => (Some(f), v),
            _ => (None, partial),
        },
    };
    if flag.is_none() && partial.starts_with('-') {
        return (line.to_string(), None);
    }
    let head = &line[..line.len() - partial.len()];
    let candidates: Vec<String> = match flag {
        Some("-o" | "--output") => words_of(FORMATS),
        Some("-n" | "--namespace") => {
            let mut v: Vec<String> = c.namespaces().map(|n| n.metadata.name.clone()).collect();
            v.sort();
            v
        }
        Some("-f" | "--filename" | "--patch-file") => file_candidates(files, partial),
        Some(_) => return (line.to_string(), None),
        None => positional(c, &args, skip, partial),
    };
    let matching: Vec<&String> = candidates
        .iter()
        .filter(|c| c.starts_with(partial))
        .collect();
    match matching.as_slice() {
        [] => (line.to_string(), Some("no completions".into())),
        [one] => {
            // A format that takes an argument, a folder: the word goes on.
            let space = if one.ends_with('=') || one.ends_with('/') {
                ""
            } else {
                " "
            };
            (format!("{head}{one}{space}"), None)
        }
        many => {
            let prefix = common_prefix(many);
            let list = many
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("  ");
            (format!("{head}{prefix}"), Some(list))
        }
    }
}

fn words_of(w: &[&str]) -> Vec<String> {
    w.iter().map(|s| s.to_string()).collect()
}

/// Candidates for a positional word: `args` are the positional words before it.
fn positional(c: &Cluster, args: &[&str], skip: usize, partial: &str) -> Vec<String> {
    let index = args.len();
    let verb = args.first().copied().unwrap_or("");
    if skip == 0 && SIM_WORDS.contains(&verb) {
        return sim_candidates(c, args, index);
    }
    match index {
        0 if skip == 0 => {
            let mut v = words_of(VERBS);
            v.extend(words_of(SIM_WORDS));
            v.push("kubectl".to_string());
            v.sort();
            v
        }
        0 => words_of(VERBS),
        _ if NODE_VERBS.contains(&verb) => names(c, "nodes"),
        1 if verb == "taint" => words_of(&["nodes"]),
        2 if verb == "taint" => names(c, "nodes"),
        1 if verb == "rollout" => {
            words_of(&["history", "pause", "restart", "resume", "status", "undo"])
        }
        2 if verb == "rollout" => slash_names(c, &["deployment", "statefulset"]),
        // `exec`, `logs`: a pod, or a workload that picks one.
        1 if matches!(verb, "exec" | "logs") => {
            let mut v = names(c, "pods");
            v.extend(slash_names(c, &["deployment", "statefulset"]));
            v
        }
        _ if !KIND_VERBS.contains(&verb) => Vec::new(),
        // `get pod/web-0`: names after `kind/`.
        _ if partial.contains('/') => {
            let kind = partial.split('/').next().unwrap_or("");
            names(c, kind)
                .into_iter()
                .map(|n| format!("{kind}/{n}"))
                .collect()
        }
        1 => words_of(KINDS),
        _ if args[1].contains('/') => Vec::new(),
        _ => names(c, args[1]),
    }
}

/// `deployment/story`, `statefulset/web` for the kinds given.
fn slash_names(c: &Cluster, kinds: &[&str]) -> Vec<String> {
    kinds
        .iter()
        .flat_map(|k| names(c, k).into_iter().map(move |n| format!("{k}/{n}")))
        .collect()
}

/// The extensions kubectl completes after `-f` (`resource.FileExtensions`, which
/// `cmdutil.AddJsonFilenameFlag` hands to cobra as `BashCompFilenameExt`).
const FILE_EXTENSIONS: &[&str] = &[".json", ".yaml", ".yml"];

/// The manifests and folders `-f` can read whose path starts like `partial` (a folder's
/// entries after its `/`); folders end with `/`. At most a few hundred entries are listed.
fn file_candidates(files: &dyn FileSource, partial: &str) -> Vec<String> {
    let (dir, shown) = match partial.rfind('/') {
        Some(i) => (&partial[..=i], &partial[..=i]),
        None => (".", ""),
    };
    files
        .list(dir, 500)
        .into_iter()
        .filter(|n| {
            !n.starts_with('.')
                || partial
                    .rsplit('/')
                    .next()
                    .is_some_and(|p| p.starts_with('.'))
        })
        .filter_map(|n| {
            let path = format!("{shown}{n}");
            match files.node(&path) {
                Node::Folder => Some(format!("{path}/")),
                _ if FILE_EXTENSIONS.iter().any(|e| n.ends_with(e)) => Some(path),
                _ => None,
            }
        })
        .collect()
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
    use crate::kubectl::MemoryFiles;
    use crate::sim::ClusterConfig;

    fn files() -> MemoryFiles {
        let mut f = MemoryFiles::new();
        f.insert("story-pvc.yaml", "");
        f.insert("story-deployment.yaml", "");
        f.insert("claim.yaml", "");
        f.insert("notes.txt", "");
        f
    }

    fn done(c: &Cluster, line: &str) -> String {
        complete(c, &files(), line).0
    }

    #[test]
    fn completes_verbs_kinds_and_names() {
        let c = Cluster::new(ClusterConfig::default());
        assert_eq!(done(&c, "app"), "apply ");
        assert_eq!(done(&c, "get no"), "get nodes ");
        assert_eq!(
            done(&c, "kubectl get nodes mi"),
            "kubectl get nodes minikube "
        );
        let (line, msg) = complete(&c, &files(), "get p");
        assert_eq!(line, "get p");
        assert!(msg.is_some_and(|m| m.contains("pods") && m.contains("pvc")));
        assert_eq!(done(&c, "de"), "de");
        assert_eq!(done(&c, "describe node/mi"), "describe node/minikube ");
        assert_eq!(done(&c, "cordon mi"), "cordon minikube ");
    }

    #[test]
    fn completes_by_position_after_flags() {
        let c = Cluster::new(ClusterConfig::default());
        // Not a claim's name (the old completion offered names of the kind after `-o `).
        assert_eq!(done(&c, "get pvc -o ya"), "get pvc -o yaml ");
        assert_eq!(done(&c, "get pods -o json"), "get pods -o json");
        assert_eq!(done(&c, "get pods -o jsonpath"), "get pods -o jsonpath");
        assert_eq!(done(&c, "get pods -o=wi"), "get pods -o=wide ");
        assert_eq!(
            done(&c, "get pods -o custom-c"),
            "get pods -o custom-columns"
        );
        assert_eq!(
            done(&c, "get pods -o custom-columns="),
            "get pods -o custom-columns="
        );
        assert_eq!(done(&c, "get pods -n kube-s"), "get pods -n kube-system ");
        assert_eq!(
            done(&c, "get pods --namespace=kube-s"),
            "get pods --namespace=kube-system "
        );
        assert_eq!(done(&c, "apply -f cl"), "apply -f claim.yaml ");
        assert_eq!(
            done(&c, "apply -f no"),
            "apply -f no",
            "only manifests, as kubectl"
        );
        assert_eq!(done(&c, "kub"), "kubectl ");
        let (line, msg) = complete(&c, &files(), "apply -f story-");
        assert_eq!(line, "apply -f story-");
        assert_eq!(
            msg.as_deref(),
            Some("story-deployment.yaml  story-pvc.yaml")
        );
        // A flag's value is not a positional word: the name after it is still a node's.
        assert_eq!(
            done(&c, "get -n default nodes mi"),
            "get -n default nodes minikube "
        );
        assert_eq!(
            done(&c, "get nodes -o wide mi"),
            "get nodes -o wide minikube "
        );
        assert_eq!(
            done(&c, "get pods -l app=x"),
            "get pods -l app=x",
            "no values for -l"
        );
    }

    #[test]
    fn completes_paths_on_disk_in_the_sandbox() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("manifests")).expect("mkdir");
        std::fs::write(dir.path().join("manifests/pvc.yaml"), "").expect("write");
        std::fs::write(dir.path().join("Cargo.toml"), "").expect("write");
        let disk = crate::kubectl::DiskFiles {
            base: dir.path().to_path_buf(),
        };
        let c = Cluster::new(ClusterConfig::default());
        assert_eq!(complete(&c, &disk, "apply -f ma").0, "apply -f manifests/");
        assert_eq!(
            complete(&c, &disk, "apply -f manifests/").0,
            "apply -f manifests/pvc.yaml "
        );
        assert_eq!(
            complete(&c, &disk, "apply -f C").0,
            "apply -f C",
            "not a manifest"
        );
    }

    #[test]
    fn completes_the_simulators_own_lines() {
        let c = Cluster::new(ClusterConfig::default());
        assert_eq!(done(&c, "sto"), "story ");
        assert_eq!(done(&c, "story w"), "story write ");
        assert_eq!(done(&c, "node f"), "node fail ");
        assert_eq!(done(&c, "node fail mini"), "node fail minikube ");
        assert_eq!(done(&c, "kubectl sto"), "kubectl sto", "not a kubectl verb");
    }
}
