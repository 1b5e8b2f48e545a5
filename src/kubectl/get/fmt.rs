//! Small formatting rules shared by `get` and `describe`: AGE (`translateTimestampSince`),
//! label selectors as text (`metav1.LabelSelectorAsSelector(...).String()`,
//! `metav1.FormatLabelSelector`) and the container cells of `-o wide` (`layoutContainerCells`).

use crate::sim::objects::{Container, LabelSelector, ObjectMeta};
use crate::sim::{SimTime, human_duration};

/// `translateTimestampSince(creationTimestamp)`: the object's age, or `<unknown>`.
pub fn age(meta: &ObjectMeta, now: SimTime) -> String {
    since(meta.creation_timestamp, now)
}

/// `translateTimestampSince`: the time since `t`, or `<unknown>` for a zero time.
pub fn since(t: Option<SimTime>, now: SimTime) -> String {
    t.map(|t| human_duration(now.since(t)))
        .unwrap_or_else(|| "<unknown>".to_string())
}

/// `LabelSelectorAsSelector(s).String()`: requirements sorted by key, `k=v`, `k in (a,b)`,
/// `k notin (a,b)`, `k`, `!k`; the empty selector gives `""`. An operator the API would
/// reject gives `None` (Go's error).
pub fn selector_string(s: &LabelSelector) -> Option<String> {
    let mut reqs: Vec<(String, String)> = s
        .match_labels
        .iter()
        .map(|(k, v)| (k.clone(), format!("{k}={v}")))
        .collect();
    for e in &s.match_expressions {
        let mut values = e.values.clone();
        values.sort();
        values.dedup();
        let text = match e.operator.as_str() {
            "In" => format!("{} in ({})", e.key, values.join(",")),
            "NotIn" => format!("{} notin ({})", e.key, values.join(",")),
            "Exists" => e.key.clone(),
            "DoesNotExist" => format!("!{}", e.key),
            _ => return None,
        };
        reqs.push((e.key.clone(), text));
    }
    reqs.sort_by(|a, b| a.0.cmp(&b.0));
    Some(
        reqs.into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join(","),
    )
}

/// `metav1.FormatLabelSelector`: like [`selector_string`], with `<none>` for the empty
/// selector and `<error>` for an invalid one.
pub fn format_label_selector(s: &LabelSelector) -> String {
    match selector_string(s) {
        None => "<error>".to_string(),
        Some(t) if t.is_empty() => "<none>".to_string(),
        Some(t) => t,
    }
}

/// `layoutContainerCells`: container names and images, comma-joined.
pub fn container_cells(containers: &[Container]) -> (String, String) {
    let names: Vec<&str> = containers.iter().map(|c| c.name.as_str()).collect();
    let images: Vec<&str> = containers.iter().map(|c| c.image.as_str()).collect();
    (names.join(","), images.join(","))
}
