//! The event log: what `kubectl get events` and the Events section of `describe` show.

use super::SimTime;
use serde::Serialize;

/// Normal or Warning, as in `type` of a Kubernetes Event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EventType {
    /// Something expected happened.
    Normal,
    /// Something the learner should look at.
    Warning,
}

impl EventType {
    /// The API spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Normal => "Normal",
            EventType::Warning => "Warning",
        }
    }
}

/// The object an event is about (`involvedObject`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct InvolvedObject {
    /// Kind (`PersistentVolumeClaim`).
    pub kind: String,
    /// Namespace, `None` for cluster-scoped objects.
    pub namespace: Option<String>,
    /// Name.
    pub name: String,
    /// UID of the object at the time.
    pub uid: String,
}

/// One event. Repeats of the same reason and message on the same object are folded into one
/// entry with a count, as the API's event aggregation does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Order of creation.
    pub seq: u64,
    /// What it is about.
    pub object: InvolvedObject,
    /// Normal or Warning.
    #[serde(rename = "type")]
    pub type_: EventType,
    /// CamelCase reason (`ProvisioningSucceeded`).
    pub reason: String,
    /// Human-readable message, exactly as Kubernetes words it.
    pub message: String,
    /// The reporting component (`persistentvolume-controller`), describe's `From` column.
    pub source: String,
    /// First occurrence.
    pub first_seen: SimTime,
    /// Last occurrence.
    pub last_seen: SimTime,
    /// Occurrences.
    pub count: u32,
}

impl Event {
    /// `kind/name` as kubectl's OBJECT column prints it (`persistentvolumeclaim/x`).
    pub fn object_column(&self) -> String {
        format!(
            "{}/{}",
            self.object.kind.to_ascii_lowercase(),
            self.object.name
        )
    }
}
