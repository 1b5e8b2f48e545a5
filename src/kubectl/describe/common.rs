//! Helpers shared by the describers: RFC 1123 times, Go's `%v` of a string slice, the events
//! of one object (`searchEvents`) and the `Events:` section.
//!
//! Which fields are shown: describe renders the object as stored. Where the API server's
//! defaulting (`SetDefaults_*`) fills a field that describe prints unconditionally and the
//! simulator leaves it unset (a StatefulSet's update strategy, a container port's protocol), the
//! API default is shown. Fields set by admission plugins or controllers (a pod's priority and
//! service account, the default tolerations, a Deployment's conditions) are shown only when the
//! simulator has set them, exactly as kubectl would for such an object.

use crate::kubectl::describe_writer::{DescribeWriter, EventLine};
use crate::sim::events::Event;
use crate::sim::objects::ObjectMeta;
use crate::sim::{Cluster, SimTime};

/// Unix time of the simulation's epoch (2026-01-01T00:00:00Z), as `sim::clock` defines it.
const EPOCH_UNIX: u64 = 1_767_225_600;

/// Go's `time.RFC1123Z` layout in UTC: `Thu, 01 Jan 2026 00:10:00 +0000`.
pub fn rfc1123z(t: SimTime) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = (EPOCH_UNIX + t.0) / 86_400;
    // 1970-01-01 was a Thursday.
    let weekday = DAYS[((days + 4) % 7) as usize];
    // `2026-01-01T00:10:00Z`
    let iso = t.rfc3339();
    let month = iso
        .get(5..7)
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
        .copied()
        .unwrap_or("Jan");
    format!(
        "{weekday}, {} {month} {} {} +0000",
        iso.get(8..10).unwrap_or("01"),
        iso.get(0..4).unwrap_or("0001"),
        iso.get(11..19).unwrap_or("00:00:00")
    )
}

/// RFC 1123 of an optional time; Go formats the zero time as year 1.
pub fn rfc1123z_or_zero(t: Option<SimTime>) -> String {
    t.map(rfc1123z)
        .unwrap_or_else(|| "Mon, 01 Jan 0001 00:00:00 +0000".to_string())
}

/// Go's `%v` of a `[]string`: `[a b]`, `[]` when empty.
pub fn go_slice(items: &[String]) -> String {
    format!("[{}]", items.join(" "))
}

/// Go's `%v` of a bool.
pub fn go_bool(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}

/// How `searchEvents` matches an object's events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventMatch {
    /// Kind, namespace, name and uid (the usual reference).
    Object,
    /// A pod's reference has no kind: namespace, name and uid.
    Pod,
    /// A node: kind and name, with uid the node's uid or its name (the kubelet's events).
    Node,
}

/// The events about an object (`searchEvents` with `GetFieldSelector(name, ns, kind, uid)`).
pub fn object_events<'c>(
    cluster: &'c Cluster,
    kind: &str,
    meta: &ObjectMeta,
    how: EventMatch,
) -> Vec<&'c Event> {
    let ns = meta.namespace.as_deref().filter(|n| !n.is_empty());
    cluster
        .events()
        .filter(|e| {
            let o = &e.object;
            let same_ns = o.namespace.as_deref().filter(|n| !n.is_empty()) == ns;
            match how {
                EventMatch::Object => {
                    o.kind == kind && o.name == meta.name && same_ns && o.uid == meta.uid
                }
                EventMatch::Pod => o.name == meta.name && same_ns && o.uid == meta.uid,
                EventMatch::Node => {
                    o.kind == kind
                        && o.name == meta.name
                        && (o.uid == meta.uid || o.uid == meta.name)
                }
            }
        })
        .collect()
}

/// Writes the `Events:` section (`DescribeEvents`) unless `--show-events=false`.
pub fn write_events(w: &mut DescribeWriter, events: &[&Event], show: bool, now: SimTime) {
    if !show {
        return;
    }
    let lines: Vec<EventLine> = events
        .iter()
        .map(|e| EventLine {
            event_type: e.type_.as_str().to_string(),
            reason: e.reason.clone(),
            from: e.source.clone(),
            message: e.message.clone(),
            first_timestamp: Some(e.first_seen),
            last_timestamp: Some(e.last_seen),
            count: e.count,
        })
        .collect();
    w.events(&lines, now);
}

/// The context every describer gets.
#[derive(Clone, Copy)]
pub struct Ctx<'c> {
    /// The cluster.
    pub cluster: &'c Cluster,
    /// `--show-events`.
    pub show_events: bool,
}

impl Ctx<'_> {
    /// The simulated time now.
    pub fn now(&self) -> SimTime {
        self.cluster.now()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc1123z_matches_go() {
        assert_eq!(rfc1123z(SimTime(0)), "Thu, 01 Jan 2026 00:00:00 +0000");
        assert_eq!(rfc1123z(SimTime(600)), "Thu, 01 Jan 2026 00:10:00 +0000");
        assert_eq!(
            rfc1123z(SimTime(86_400 * 59 + 3661)),
            "Sun, 01 Mar 2026 01:01:01 +0000"
        );
        assert_eq!(rfc1123z_or_zero(None), "Mon, 01 Jan 0001 00:00:00 +0000");
        assert_eq!(go_slice(&[]), "[]");
        assert_eq!(go_slice(&["a".to_string(), "b".to_string()]), "[a b]");
    }
}
