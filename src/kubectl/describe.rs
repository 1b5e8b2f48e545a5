//! Placeholder for `kubectl describe` (written on another branch; replaced at merge).

use super::{Invocation, Output};
use crate::sim::Cluster;

/// Runs `kubectl describe` (placeholder).
pub fn run_describe(_inv: &Invocation, _cluster: &Cluster) -> Output {
    let mut out = Output::new();
    out.err_line("kubestory: `kubectl describe` is not built on this branch yet.")
        .fail();
    out
}
