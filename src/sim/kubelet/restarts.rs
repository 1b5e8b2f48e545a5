//! Crashes, restarts and the crash-loop back-off (client-go `flowcontrol.Backoff`).

use super::super::Cluster;
use super::super::cluster::{Backoff, involved};
use super::super::data::FsId;
use super::super::events::EventType;
use super::super::objects::*;
use super::status::{refresh_pod_phase, set_status};
use super::{BACKOFF_INITIAL, BACKOFF_MAX, KUBELET};

impl Cluster {
    /// Restarts containers whose crash-loop back-off has passed.
    pub(super) fn restart_after_backoff(&mut self, mut pod: Pod) {
        let now = self.now;
        let mut changed = false;
        for c in pod.spec.containers.clone() {
            let Some(status) = pod
                .status
                .container_statuses
                .iter()
                .find(|s| s.name == c.name)
            else {
                continue;
            };
            let in_backoff = status
                .state
                .waiting
                .as_ref()
                .is_some_and(|w| w.reason == "CrashLoopBackOff");
            if !in_backoff {
                continue;
            }
            let finished = status
                .last_state
                .terminated
                .as_ref()
                .and_then(|t| t.finished_at)
                .unwrap_or(now);
            let key = (pod.metadata.uid.clone(), c.name.clone());
            let window = self
                .backoffs
                .get(&key)
                .map(|b| b.window)
                .unwrap_or(BACKOFF_INITIAL);
            if now.since(finished) >= window {
                self.next_backoff(&key, now);
                self.restart_container(&mut pod, &c, "restarted after a crash");
                changed = true;
            }
        }
        if changed {
            self.put_pod(pod);
        }
    }

    /// client-go `Backoff.Next`: start at 10 s, double up to 300 s; reset when the last update
    /// is more than twice the maximum ago.
    pub(super) fn next_backoff(&mut self, key: &(String, String), at: crate::sim::SimTime) {
        let window = match self.backoffs.get(key) {
            Some(b) if at.since(b.last_update) <= 2 * BACKOFF_MAX => {
                (b.window * 2).min(BACKOFF_MAX)
            }
            _ => BACKOFF_INITIAL,
        };
        self.backoffs.insert(
            key.clone(),
            Backoff {
                window,
                last_update: at,
            },
        );
    }

    /// Throws away a container's writable layer and starts it again (restart count + 1).
    pub(crate) fn restart_container(&mut self, pod: &mut Pod, c: &Container, cause: &str) {
        let uid = pod.metadata.uid.clone();
        let mut old = 0;
        set_status(pod, c, |s| {
            old = s.restart_count;
            s.restart_count += 1;
        });
        let fs = FsId::ContainerLayer {
            pod_uid: uid,
            container: c.name.clone(),
            instance: old,
        };
        let why = format!(
            "container {:?} of {} {cause}: a container's own filesystem starts fresh on every restart",
            c.name, pod.metadata.name
        );
        let now = self.now;
        self.data.destroy(&fs, why, now);
        self.start_container(pod, c);
    }

    /// The story app's `GET /error`: the process exits 1. The kubelet restarts the container
    /// at once the first time, then with back-off (`CrashLoopBackOff`), per restartPolicy.
    pub(crate) fn crash_container(&mut self, mut pod: Pod, c: &Container) {
        let now = self.now;
        let who = involved("Pod", &pod.metadata);
        let started_at = pod
            .status
            .container_statuses
            .iter()
            .find(|s| s.name == c.name)
            .and_then(|s| s.state.running.as_ref())
            .map(|r| r.started_at);
        set_status(&mut pod, c, |s| {
            s.last_state = ContainerState {
                terminated: Some(ContainerStateTerminated {
                    exit_code: 1,
                    reason: Some("Error".into()),
                    started_at,
                    finished_at: Some(now),
                }),
                ..ContainerState::default()
            };
            s.state = s.last_state.clone();
            s.ready = false;
        });
        if pod.spec.restart_policy() == "Never" {
            refresh_pod_phase(&mut pod, now);
            self.put_pod(pod);
            return;
        }
        let key = (pod.metadata.uid.clone(), c.name.clone());
        let in_backoff = self
            .backoffs
            .get(&key)
            .is_some_and(|b| now.since(b.last_update) <= 2 * BACKOFF_MAX);
        if in_backoff {
            let window = self
                .backoffs
                .get(&key)
                .map(|b| b.window)
                .unwrap_or(BACKOFF_INITIAL);
            let (ns, name, uid) = (
                pod.metadata.namespace_or_default().to_string(),
                pod.metadata.name.clone(),
                pod.metadata.uid.clone(),
            );
            set_status(&mut pod, c, |s| {
                s.state = ContainerState::waiting(
                    "CrashLoopBackOff",
                    Some(format!(
                        "back-off {window}s restarting failed container={} pod={name}_{ns}({uid})",
                        c.name
                    )),
                );
            });
            self.record(
                who,
                EventType::Warning,
                "BackOff",
                format!(
                    "Back-off restarting failed container {} in pod {name}_{ns}({uid})",
                    c.name
                ),
                KUBELET,
            );
            refresh_pod_phase(&mut pod, now);
            self.put_pod(pod);
        } else {
            self.next_backoff(&key, now);
            self.restart_container(&mut pod, c, "crashed (exit code 1) and was restarted");
            self.put_pod(pod);
        }
    }
}
