//! The `kubestory sim` script language: one command per line, `#` comments, blank lines
//! ignored. Lines are `kubectl …`, `cluster …`, `story write|read`, `crash`, `node fail|reboot|
//! recover`, `wait DURATION` and `undo`.

use crate::kubectl::tokenize::tokenize;
use crate::sim::node_names::{check_node_count, check_node_names};
use crate::sim::{Target, parse_duration};

/// One parsed line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// `kubectl …` (the whole line, for the kubectl layer).
    Kubectl(String),
    /// `cluster profile=minikube|kind|cloud nodes=N|NAME,NAME… default-storageclass=none|default
    /// seed=N`.
    Cluster {
        /// Which real cluster, if given (minikube otherwise).
        profile: Option<crate::sim::Profile>,
        /// minikube addons to enable (`addons=csi-hostpath-driver`).
        addons: Vec<crate::sim::profile::Addon>,
        /// Node count, if given as a count (the profile names them).
        count: Option<usize>,
        /// Node names, if given as names.
        nodes: Option<Vec<String>>,
        /// Whether the default StorageClass exists, if given.
        default_storage_class: Option<bool>,
        /// Seed, if given.
        seed: Option<u64>,
    },
    /// `story write TARGET TEXT…`.
    StoryWrite {
        /// Where.
        target: Target,
        /// `-c CONTAINER`, if given.
        container: Option<String>,
        /// `-n NAMESPACE`, if given.
        namespace: Option<String>,
        /// The text.
        text: String,
    },
    /// `story read TARGET`.
    StoryRead {
        /// Where.
        target: Target,
        /// `-c CONTAINER`, if given.
        container: Option<String>,
        /// `-n NAMESPACE`, if given.
        namespace: Option<String>,
    },
    /// `crash TARGET [CONTAINER]`.
    Crash {
        /// Where.
        target: Target,
        /// Which container.
        container: Option<String>,
        /// `-n NAMESPACE`, if given.
        namespace: Option<String>,
    },
    /// `node fail|reboot|recover NODE`.
    Node {
        /// `fail`, `reboot` or `recover`.
        op: NodeOp,
        /// The node.
        node: String,
    },
    /// `wait DURATION`.
    Wait(u64),
    /// `undo`: take back the last action that changed the cluster.
    Undo,
}

/// What happens to a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeOp {
    /// The machine stops.
    Fail,
    /// The machine restarts.
    Reboot,
    /// A failed machine comes back.
    Recover,
}

/// Parses one non-empty, non-comment line. Errors are the text to print.
pub fn parse_line(line: &str) -> Result<Line, String> {
    // A kubectl line may end in pipes (`| grep x`); kubestory's own lines may not.
    let (head, _) = crate::kubectl::pipe::split(line);
    let head_words = tokenize(&head).map_err(|e| e.to_string())?;
    if head_words
        .first()
        .is_some_and(|w| w == "kubectl" || w == "k")
    {
        return Ok(Line::Kubectl(line.to_string()));
    }
    let words = tokenize(line).map_err(|e| e.to_string())?;
    let Some(first) = words.first() else {
        return Err("error: empty command".into());
    };
    match first.as_str() {
        "cluster" => parse_cluster(&words[1..]),
        "story" => parse_story(&words[1..]),
        "crash" => {
            let (flags, rest) = split_flags(&words[1..])?;
            let target = rest
                .first()
                .ok_or("error: usage: crash TARGET [CONTAINER]")?;
            if rest.len() > 2 {
                return Err("error: usage: crash TARGET [CONTAINER]".into());
            }
            Ok(Line::Crash {
                target: Target::parse(target)?,
                container: rest.get(1).cloned().or(flags.container),
                namespace: flags.namespace,
            })
        }
        "node" => {
            let usage = "error: usage: node fail|reboot|recover NODE";
            let (op, node) = match words.as_slice() {
                [_, op, node] => (op.as_str(), node.clone()),
                _ => return Err(usage.into()),
            };
            let op = match op {
                "fail" => NodeOp::Fail,
                "reboot" => NodeOp::Reboot,
                "recover" => NodeOp::Recover,
                other => {
                    let hint = crate::manifest::suggest::did_you_mean(
                        other,
                        ["fail", "reboot", "recover"],
                    )
                    .map(|s| format!(" (did you mean {s:?}?)"))
                    .unwrap_or_default();
                    return Err(format!(
                        "error: unknown node operation {other:?}{hint}; usage: node fail|reboot|recover NODE"
                    ));
                }
            };
            Ok(Line::Node { op, node })
        }
        "wait" => match words.as_slice() {
            [_, d] => parse_duration(d)
                .map(Line::Wait)
                .ok_or_else(|| format!("error: invalid duration {d:?} (use 30s, 5m, 1h or 1h30m)")),
            _ => Err("error: usage: wait DURATION (30s, 5m, 1h)".into()),
        },
        "undo" if words.len() == 1 => Ok(Line::Undo),
        other => Err(format!(
            "error: unknown command {other:?}: expected kubectl, cluster, story, crash, node, wait or undo"
        )),
    }
}

#[derive(Default)]
struct Flags {
    container: Option<String>,
    namespace: Option<String>,
}

/// Pulls `-c X`, `--container X`, `-n X`, `--namespace X` (and `=` forms) out of the words.
fn split_flags(words: &[String]) -> Result<(Flags, Vec<String>), String> {
    let mut flags = Flags::default();
    let mut rest = Vec::new();
    let mut it = words.iter();
    while let Some(w) = it.next() {
        let (name, inline) = match w.split_once('=') {
            Some((n, v)) if n.starts_with('-') => (n, Some(v.to_string())),
            _ => (w.as_str(), None),
        };
        let slot = match name {
            "-c" | "--container" => &mut flags.container,
            "-n" | "--namespace" => &mut flags.namespace,
            _ => {
                rest.push(w.clone());
                continue;
            }
        };
        let value = match inline {
            Some(v) => v,
            None => it
                .next()
                .cloned()
                .ok_or_else(|| format!("error: flag needs an argument: {name}"))?,
        };
        *slot = Some(value);
    }
    Ok((flags, rest))
}

fn parse_story(words: &[String]) -> Result<Line, String> {
    let usage = "error: usage: story write TARGET TEXT… | story read TARGET";
    let (verb, rest) = words.split_first().ok_or(usage)?;
    let (flags, rest) = split_flags(rest)?;
    let target = Target::parse(rest.first().ok_or(usage)?)?;
    match verb.as_str() {
        "write" if rest.len() >= 2 => Ok(Line::StoryWrite {
            target,
            container: flags.container,
            namespace: flags.namespace,
            text: rest[1..].join(" "),
        }),
        "read" if rest.len() == 1 => Ok(Line::StoryRead {
            target,
            container: flags.container,
            namespace: flags.namespace,
        }),
        _ => Err(usage.into()),
    }
}

fn parse_cluster(words: &[String]) -> Result<Line, String> {
    let usage = "error: usage: cluster profile=minikube|kind|cloud nodes=N|NAME,NAME… addons=csi-hostpath-driver default-storageclass=none|default seed=N";
    if words.is_empty() {
        return Err(usage.into());
    }
    let (mut profile, mut count, mut nodes, mut default_storage_class, mut seed) =
        (None, None, None, None, None);
    let mut addon_names: Vec<&str> = Vec::new();
    for w in words {
        let (k, v) = w.split_once('=').ok_or(usage)?;
        match k {
            "profile" => {
                profile = Some(crate::sim::Profile::parse(v).ok_or_else(|| {
                    format!(
                        "error: unknown profile {v:?}: the profiles are minikube, kind and cloud"
                    )
                })?)
            }
            "nodes" => {
                let n = (!v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| v.parse::<u128>().unwrap_or(u128::MAX));
                match n {
                    Some(n) => {
                        check_node_count(n).map_err(|e| format!("error: {e}"))?;
                        count = Some(n as usize);
                    }
                    None => {
                        let names: Vec<String> = v.split(',').map(str::to_string).collect();
                        check_node_names(&names).map_err(|e| format!("error: {e}"))?;
                        nodes = Some(names);
                    }
                }
            }
            "default-storageclass" => {
                default_storage_class = Some(match v {
                    "none" => false,
                    "default" | "standard" => true,
                    _ => return Err(usage.into()),
                })
            }
            "seed" => seed = Some(v.parse().map_err(|_| usage.to_string())?),
            "addons" => addon_names.extend(v.split(',').filter(|a| !a.is_empty())),
            _ => return Err(usage.into()),
        }
    }
    let mut addons = Vec::new();
    for name in addon_names {
        let addon = crate::sim::profile::Addon::parse(name, profile.unwrap_or_default())
            .map_err(|e| format!("error: {e}"))?;
        if !addons.contains(&addon) {
            addons.push(addon);
        }
    }
    Ok(Line::Cluster {
        profile,
        addons,
        count,
        nodes,
        default_storage_class,
        seed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistyped_node_operation_gets_a_did_you_mean() {
        let err = parse_line("node fial minikube").expect_err("typo");
        assert!(err.contains("did you mean \"fail\"?"), "{err}");
        assert!(
            err.contains("usage: node fail|reboot|recover NODE"),
            "{err}"
        );
    }

    #[test]
    fn lines_parse() {
        assert_eq!(parse_line("wait 5m"), Ok(Line::Wait(300)));
        assert_eq!(
            parse_line("story write deploy/story hello world"),
            Ok(Line::StoryWrite {
                target: Target::Deployment("story".into()),
                container: None,
                namespace: None,
                text: "hello world".into()
            })
        );
        assert_eq!(
            parse_line("cluster nodes=2"),
            Ok(Line::Cluster {
                profile: None,
                addons: Vec::new(),
                count: Some(2),
                nodes: None,
                default_storage_class: None,
                seed: None
            })
        );
        assert_eq!(
            parse_line("cluster profile=kind nodes=a,b"),
            Ok(Line::Cluster {
                profile: Some(crate::sim::Profile::Kind),
                addons: Vec::new(),
                count: None,
                nodes: Some(vec!["a".into(), "b".into()]),
                default_storage_class: None,
                seed: None
            })
        );
        assert!(
            parse_line("cluster profile=gke")
                .unwrap_err()
                .contains("the profiles are minikube, kind and cloud")
        );
        assert!(parse_line("node explode x").is_err());
        assert!(parse_line("wait soon").is_err());
        assert!(parse_line("dance").is_err());
    }
}
