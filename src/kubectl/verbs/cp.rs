//! placeholder
use crate::kubectl::{Context, Invocation, Output};
/// Runs `kubectl cp`.
pub fn run(_inv: &Invocation, _ctx: &mut Context, _label: &str) -> Output {
    Output::new()
}
