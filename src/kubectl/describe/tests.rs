//! Unit tests of the describers' helpers; whole-command goldens live in
//! `tests/kubectl_describe.rs`.

use super::qos_class;
use crate::sim::objects::PodSpec;
use serde_json::json;

fn spec(v: serde_json::Value) -> PodSpec {
    serde_json::from_value(v).expect("pod spec")
}

#[test]
fn qos_classes_follow_get_pod_qos() {
    let best = spec(json!({"containers": [{"name": "a", "image": "x"}]}));
    assert_eq!(qos_class(&best), "BestEffort");
    let burst = spec(json!({"containers": [{"name": "a", "image": "x",
        "resources": {"requests": {"memory": "64Mi"}}}]}));
    assert_eq!(qos_class(&burst), "Burstable");
    let guaranteed = spec(json!({"containers": [{"name": "a", "image": "x",
        "resources": {"limits": {"memory": "64Mi", "cpu": "500m"},
                      "requests": {"cpu": "0.5"}}}]}));
    assert_eq!(qos_class(&guaranteed), "Guaranteed");
    let zero = spec(json!({"containers": [{"name": "a", "image": "x",
        "resources": {"requests": {"cpu": "0"}}}]}));
    assert_eq!(qos_class(&zero), "BestEffort");
}
