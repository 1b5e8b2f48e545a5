//! kubectl's pod STATUS, READY and RESTARTS cells: a port of `printPod` in
//! kubernetes/kubernetes:pkg/printers/internalversion/printers.go (semantics §11.5).

use crate::sim::objects::*;
use crate::sim::{SimTime, human_duration};

/// The STATUS column: `status.reason` or the phase, overridden by a container's waiting or
/// terminated reason; `Terminating` for a pod being deleted that is not finished.
pub fn pod_status(pod: &Pod) -> String {
    let mut reason = pod
        .status
        .reason
        .clone()
        .unwrap_or_else(|| pod.status.phase.as_str().to_string());
    let mut has_running = false;
    for c in pod.status.container_statuses.iter().rev() {
        if let Some(w) = c.state.waiting.as_ref().filter(|w| !w.reason.is_empty()) {
            reason = w.reason.clone();
        } else if let Some(t) = &c.state.terminated {
            reason = match &t.reason {
                Some(r) if !r.is_empty() => r.clone(),
                _ => format!("ExitCode:{}", t.exit_code),
            };
        } else if c.ready && c.state.running.is_some() {
            has_running = true;
        }
    }
    if reason == "Completed" && has_running {
        let ready = pod
            .status
            .conditions
            .iter()
            .any(|c| c.type_ == "Ready" && c.status == "True");
        reason = if ready {
            "Running".into()
        } else {
            "NotReady".into()
        };
    }
    let terminal = matches!(pod.status.phase, PodPhase::Succeeded | PodPhase::Failed);
    if pod.metadata.deletion_timestamp.is_some() && pod.status.reason.as_deref() == Some("NodeLost")
    {
        reason = "Unknown".into();
    } else if pod.metadata.deletion_timestamp.is_some() && !terminal {
        reason = "Terminating".into();
    }
    reason
}

/// The READY column: `<ready containers>/<containers>`.
pub fn pod_ready(pod: &Pod) -> String {
    let ready = pod
        .status
        .container_statuses
        .iter()
        .filter(|c| c.ready && c.state.running.is_some())
        .count();
    format!("{ready}/{}", pod.spec.containers.len())
}

/// The RESTARTS column: the total restart count, with `(<age> ago)` of the last termination.
pub fn pod_restarts(pod: &Pod, now: SimTime) -> String {
    let restarts: u32 = pod
        .status
        .container_statuses
        .iter()
        .map(|c| c.restart_count)
        .sum();
    let last = pod
        .status
        .container_statuses
        .iter()
        .filter_map(|c| c.last_state.terminated.as_ref().and_then(|t| t.finished_at))
        .max();
    match last {
        Some(at) if restarts != 0 => format!("{restarts} ({} ago)", human_duration(now.since(at))),
        _ => restarts.to_string(),
    }
}
