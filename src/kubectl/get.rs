//! Placeholder for `kubectl get` (written on another branch; replaced at merge).

use super::{Invocation, Output};
use crate::sim::Cluster;

/// Runs `kubectl get` (placeholder).
pub fn run_get(_inv: &Invocation, _cluster: &Cluster) -> Output {
    let mut out = Output::new();
    out.err_line("kubestory: `kubectl get` is not built on this branch yet.")
        .fail();
    out
}
