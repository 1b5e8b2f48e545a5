//! Pod and container status bookkeeping shared by the kubelet's parts.

use super::super::objects::*;

/// Whether the kubelet has started the pod's containers at least once.
pub(crate) fn pod_started(pod: &Pod) -> bool {
    pod.status
        .container_statuses
        .iter()
        .any(|s| s.started || s.state.running.is_some() || s.state.terminated.is_some())
        && pod.status.pod_ip.is_some()
}

/// Updates (creating if needed) the status entry of one container.
pub(crate) fn set_status(pod: &mut Pod, c: &Container, f: impl FnOnce(&mut ContainerStatus)) {
    if !pod
        .status
        .container_statuses
        .iter()
        .any(|s| s.name == c.name)
    {
        pod.status.container_statuses.push(ContainerStatus {
            name: c.name.clone(),
            image: c.image.clone(),
            ..ContainerStatus::default()
        });
    }
    if let Some(s) = pod
        .status
        .container_statuses
        .iter_mut()
        .find(|s| s.name == c.name)
    {
        f(s);
    }
}

/// Recomputes phase and the Ready/ContainersReady conditions from container states.
pub(crate) fn refresh_pod_phase(pod: &mut Pod, now: crate::sim::SimTime) {
    let statuses = &pod.status.container_statuses;
    let all_terminated =
        !statuses.is_empty() && statuses.iter().all(|s| s.state.terminated.is_some());
    pod.status.phase = if all_terminated {
        if statuses.iter().all(|s| {
            s.state
                .terminated
                .as_ref()
                .is_some_and(|t| t.exit_code == 0)
        }) {
            PodPhase::Succeeded
        } else {
            PodPhase::Failed
        }
    } else if statuses.iter().any(|s| s.started) {
        PodPhase::Running
    } else {
        PodPhase::Pending
    };
    let ready = !statuses.is_empty() && statuses.iter().all(|s| s.ready);
    let flag = if ready { "True" } else { "False" };
    for t in [
        "PodReadyToStartContainers",
        "Initialized",
        "Ready",
        "ContainersReady",
        "PodScheduled",
    ] {
        let value = if t == "Ready" || t == "ContainersReady" {
            flag
        } else {
            "True"
        };
        match pod.status.conditions.iter_mut().find(|c| c.type_ == t) {
            Some(c) if c.status != value => {
                c.status = value.into();
                c.reason = None;
                c.message = None;
                c.last_transition_time = Some(now);
            }
            Some(_) => {}
            None => pod.status.conditions.push(PodCondition {
                type_: t.into(),
                status: value.into(),
                last_transition_time: Some(now),
                ..PodCondition::default()
            }),
        }
    }
    // The kubelet's status manager reports conditions in this order.
    const ORDER: [&str; 5] = [
        "PodReadyToStartContainers",
        "Initialized",
        "Ready",
        "ContainersReady",
        "PodScheduled",
    ];
    pod.status.conditions.sort_by_key(|c| {
        ORDER
            .iter()
            .position(|o| *o == c.type_)
            .unwrap_or(ORDER.len())
    });
}
