//! The node names a cluster may start with: one to [`MAX_NODES`], each a DNS-1123 label
//! (what minikube and kubeadm accept as a hostname), none twice. Lessons (`cluster: nodes:`)
//! and `kubestory sim` scripts (`cluster nodes=`) are checked by the same rule, so a name that
//! would break `kubectl get node NAME`, a `node/NAME` target or the diagram never gets in.

use super::limits::MAX_NODES;

/// Why a list of node names cannot make a cluster.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NodeNamesError {
    /// No node at all.
    #[error("a cluster needs at least one node")]
    None,
    /// More than [`MAX_NODES`].
    #[error(
        "{0} nodes: kubestory simulates at most {MAX_NODES} nodes per cluster (its limit; a lesson never needs more): use {MAX_NODES} or fewer"
    )]
    TooMany(u128),
    /// An empty name (0-based index).
    #[error("node name {} is empty: every node needs a name such as \"node-1\"", .0 + 1)]
    Empty(usize),
    /// A name that is not a DNS-1123 label (0-based index, the name).
    #[error(
        "{1:?} is not a valid node name: use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (no '/', '.', spaces or capitals)"
    )]
    Invalid(usize, String),
    /// A name given twice (0-based index of the second, the name).
    #[error("node name {1:?} is given twice: node names must be unique")]
    Duplicate(usize, String),
}

impl NodeNamesError {
    /// The 0-based index of the offending name, when one name is at fault.
    pub fn index(&self) -> Option<usize> {
        match self {
            NodeNamesError::Empty(i)
            | NodeNamesError::Invalid(i, _)
            | NodeNamesError::Duplicate(i, _) => Some(*i),
            NodeNamesError::None | NodeNamesError::TooMany(_) => None,
        }
    }
}

/// Checks a node count before any name is made (so `nodes: 1000000000000` allocates nothing).
pub fn check_node_count(n: u128) -> Result<(), NodeNamesError> {
    match n {
        0 => Err(NodeNamesError::None),
        n if n > MAX_NODES as u128 => Err(NodeNamesError::TooMany(n)),
        _ => Ok(()),
    }
}

/// Checks node names: count, each a DNS-1123 label, none twice.
pub fn check_node_names(names: &[String]) -> Result<(), NodeNamesError> {
    check_node_count(names.len() as u128)?;
    for (i, name) in names.iter().enumerate() {
        if name.is_empty() {
            return Err(NodeNamesError::Empty(i));
        }
        if !is_dns1123_label(name) {
            return Err(NodeNamesError::Invalid(i, name.clone()));
        }
        if names[..i].contains(name) {
            return Err(NodeNamesError::Duplicate(i, name.clone()));
        }
    }
    Ok(())
}

/// A DNS-1123 label: 1 to 63 of `[a-z0-9-]`, starting and ending alphanumeric.
pub fn is_dns1123_label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("node-{i}")).collect()
    }

    #[test]
    fn the_node_limit_is_inclusive() {
        assert_eq!(check_node_names(&names(MAX_NODES)), Ok(()));
        assert_eq!(
            check_node_names(&names(MAX_NODES + 1)),
            Err(NodeNamesError::TooMany(MAX_NODES as u128 + 1))
        );
        assert_eq!(check_node_count(MAX_NODES as u128), Ok(()));
        assert_eq!(
            check_node_count(1_000_000_000_000),
            Err(NodeNamesError::TooMany(1_000_000_000_000))
        );
        assert_eq!(check_node_count(0), Err(NodeNamesError::None));
    }

    #[test]
    fn empty_slashed_and_repeated_names_are_refused() {
        let v = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            check_node_names(&v(&["a", ""])),
            Err(NodeNamesError::Empty(1))
        );
        assert_eq!(
            check_node_names(&v(&["a/b"])),
            Err(NodeNamesError::Invalid(0, "a/b".into()))
        );
        assert_eq!(
            check_node_names(&v(&["a", "b", "a"])),
            Err(NodeNamesError::Duplicate(2, "a".into()))
        );
        assert_eq!(check_node_names(&v(&["a", "b"])), Ok(()));
        assert!(!is_dns1123_label(&"a".repeat(64)));
        assert!(is_dns1123_label(&"a".repeat(63)));
    }
}
