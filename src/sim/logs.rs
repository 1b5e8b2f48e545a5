//! Container logs, as the kubelet keeps them (`/var/log/pods/…`): one log per container
//! instance, the current one and the last terminated one (`kubectl logs --previous`); all of
//! them go with the pod.
//!
//! The lines are kubestory's stand-in for the app's output: the course's story app logs its
//! start, each request it serves (`POST /story`, `GET /story`) and its crash (`GET /error`).
//! The real app's wording may differ; what matters is which instance's log holds which line.

use super::SimTime;
use imbl::{OrdMap, Vector};

/// Lines kept per container instance; older lines are dropped first, as the kubelet rotates
/// logs (`containerLogMaxSize`).
pub use super::limits::MAX_LOG_LINES;

/// One log line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogLine {
    /// When it was written.
    pub at: SimTime,
    /// The text.
    pub text: String,
}

/// `(pod uid, container, instance)`: the instance is the restart count when it started.
pub type LogKey = (String, String, u32);

/// Every container instance's log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContainerLogs {
    by_instance: OrdMap<LogKey, Vector<LogLine>>,
}

impl ContainerLogs {
    /// Appends a line to one instance's log (bounded by [`MAX_LOG_LINES`]).
    pub fn push(&mut self, pod_uid: &str, container: &str, instance: u32, at: SimTime, text: &str) {
        let log = self
            .by_instance
            .entry((pod_uid.to_string(), container.to_string(), instance))
            .or_default();
        log.push_back(LogLine {
            at,
            text: text.to_string(),
        });
        while log.len() > MAX_LOG_LINES {
            log.pop_front();
        }
    }

    /// One instance's log, if that instance started.
    pub fn lines(&self, pod_uid: &str, container: &str, instance: u32) -> Option<&Vector<LogLine>> {
        self.by_instance
            .get(&(pod_uid.to_string(), container.to_string(), instance))
    }

    /// The kubelet keeps the current instance's log and the previous one's: forget older ones.
    pub fn keep_from(&mut self, pod_uid: &str, container: &str, oldest: u32) {
        let doomed: Vec<LogKey> = self
            .by_instance
            .keys()
            .filter(|(p, c, i)| p == pod_uid && c == container && *i < oldest)
            .cloned()
            .collect();
        for k in doomed {
            self.by_instance.remove(&k);
        }
    }

    /// A deleted pod's logs go with it.
    pub fn forget_pod(&mut self, pod_uid: &str) {
        let doomed: Vec<LogKey> = self
            .by_instance
            .keys()
            .filter(|(p, _, _)| p == pod_uid)
            .cloned()
            .collect();
        for k in doomed {
            self.by_instance.remove(&k);
        }
    }
}
