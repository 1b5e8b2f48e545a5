//! `kubectl describe` (placeholder while `get` is built).

use crate::kubectl::args::Invocation;
use crate::kubectl::output::Output;
use crate::sim::Cluster;

/// Runs `kubectl describe`.
pub fn run_describe(_inv: &Invocation, _cluster: &Cluster) -> Output {
    Output::new()
}
