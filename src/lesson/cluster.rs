//! The `cluster:` section of a lesson: the starting nodes pass the same rule as a `kubestory
//! sim` script's `cluster nodes=` ([`crate::sim::node_names`]): at most
//! [`crate::sim::limits::MAX_NODES`], each a DNS-1123 label, none twice. Errors point at the
//! count or at the offending name.

use super::load::{diag, locate};
use super::model::{ClusterSpec, Nodes};
use crate::manifest::Diagnostic;
use crate::sim::ClusterConfig;
use crate::sim::node_names::{NodeNamesError, check_node_count, check_node_names};

/// Checks `cluster: nodes:`; an error is pushed with the lesson's file:line:column.
pub(super) fn check_cluster(
    spec: &ClusterSpec,
    file: &str,
    text: &str,
    errors: &mut Vec<Diagnostic>,
) {
    if let Some(name) = &spec.profile {
        if crate::sim::Profile::parse(name).is_none() {
            let names: Vec<&str> = crate::sim::Profile::ALL.iter().map(|p| p.name()).collect();
            let hint = crate::manifest::suggest::did_you_mean(name, names.iter().copied())
                .map(|s| format!("did you mean {s:?}?"))
                .or_else(|| Some("the profiles are minikube, kind and cloud".into()));
            let at = locate(text, &["cluster:", "profile:"]);
            errors.push(diag(
                file,
                at,
                &format!("cluster.profile: unknown profile {name:?}"),
                hint,
            ));
        }
    }
    let profile = spec
        .profile
        .as_deref()
        .and_then(crate::sim::Profile::parse)
        .unwrap_or_default();
    for name in &spec.addons {
        if let Err(e) = crate::sim::profile::Addon::parse(name, profile) {
            let at = locate(text, &["cluster:", "addons:", name.as_str()]);
            errors.push(diag(file, at, &format!("cluster.addons: {e}"), None));
        }
    }
    let result = match &spec.nodes {
        None => Ok(()),
        Some(Nodes::Count(n)) => check_node_count(*n as u128),
        Some(Nodes::Names(names)) => check_node_names(names),
    };
    let Err(e) = result else { return };
    let at = position(&e, text);
    let hint = match e {
        NodeNamesError::None => {
            Some("write a count (`nodes: 3`) or a list of names (`nodes: [node-1, node-2]`)".into())
        }
        _ => None,
    };
    errors.push(diag(file, at, &format!("cluster.nodes: {e}"), hint));
}

/// Where to point: the offending name (its second use for a repeat, the empty quotes for an
/// empty one), else the value of `nodes:`.
fn position(e: &NodeNamesError, text: &str) -> (u32, u32) {
    let base = ["cluster:", "nodes:"];
    let found = |needles: &[&str]| {
        let all: Vec<&str> = base.iter().chain(needles).copied().collect();
        let at = locate(text, &all);
        (at != locate(text, &base)).then_some(at)
    };
    let named = match e {
        NodeNamesError::Invalid(_, name) => found(&[name.as_str()]),
        NodeNamesError::Duplicate(_, name) => found(&[name.as_str(), name.as_str()]),
        NodeNamesError::Empty(_) => found(&["\"\""]).or_else(|| found(&["''"])),
        NodeNamesError::None | NodeNamesError::TooMany(_) => None,
    };
    named.unwrap_or_else(|| value_of_nodes(text))
}

/// The line and column of the value after `nodes:` (the key itself when the value is on the
/// next lines).
fn value_of_nodes(text: &str) -> (u32, u32) {
    let (line, column) = locate(text, &["cluster:", "nodes:"]);
    let rest = text
        .lines()
        .nth(line as usize - 1)
        .map(|l| {
            l.chars()
                .skip(column as usize - 1 + "nodes:".len())
                .collect::<String>()
        })
        .unwrap_or_default();
    let spaces = rest.chars().take_while(|c| *c == ' ').count();
    if rest.trim().is_empty() || rest.trim_start().starts_with('#') {
        (line, column)
    } else {
        (line, column + "nodes:".len() as u32 + spaces as u32)
    }
}

/// The starting cluster's configuration: the profile (minikube when unset or unknown; the
/// loader reports an unknown one), its nodes, its default class.
pub fn config(spec: &ClusterSpec) -> ClusterConfig {
    let profile = spec
        .profile
        .as_deref()
        .and_then(crate::sim::Profile::parse)
        .unwrap_or_default();
    let count = match &spec.nodes {
        Some(Nodes::Count(n)) => *n,
        _ => 1,
    };
    let mut config = ClusterConfig::for_profile(profile, count);
    if let Some(Nodes::Names(_)) = &spec.nodes {
        if let Some(names) = node_names(spec) {
            config.set_nodes(names);
        }
    }
    if let Some(d) = spec.default_storage_class {
        config.default_storage_class = d;
    }
    for name in &spec.addons {
        if let Ok(a) = crate::sim::profile::Addon::parse(name, profile) {
            if !config.addons.contains(&a) {
                config.addons.push(a);
            }
        }
    }
    config
}

/// The node names of the starting cluster (the default single `minikube` when unset). The
/// loader has checked them; should an unchecked lesson get here, no more than
/// [`crate::sim::limits::MAX_NODES`] are made.
pub fn node_names(spec: &ClusterSpec) -> Option<Vec<String>> {
    match &spec.nodes {
        Some(Nodes::Count(n)) => Some(ClusterConfig::minikube_node_names((*n).max(1))),
        Some(Nodes::Names(names)) if !names.is_empty() => Some(
            names
                .iter()
                .take(crate::sim::limits::MAX_NODES)
                .cloned()
                .collect(),
        ),
        _ => None,
    }
}
