//! Unit tests of the `get` helpers; whole-command goldens live in `tests/kubectl_get.rs`.

use super::fmt::{format_label_selector, selector_string};
use super::{ListKind, Request, node_roles, node_status, requests};
use crate::kubectl::parse_command_line;
use crate::sim::Kind;
use crate::sim::objects::*;
use serde_json::json;

fn selector(v: serde_json::Value) -> LabelSelector {
    serde_json::from_value(v).expect("selector")
}

#[test]
fn selectors_print_like_label_selector_as_selector() {
    let s = selector(json!({"matchLabels": {"tier": "db", "app": "web"},
        "matchExpressions": [{"key": "env", "operator": "In", "values": ["prod", "dev"]},
                             {"key": "zone", "operator": "DoesNotExist"},
                             {"key": "canary", "operator": "Exists"},
                             {"key": "b", "operator": "NotIn", "values": ["x"]}]}));
    assert_eq!(
        selector_string(&s).as_deref(),
        Some("app=web,b notin (x),canary,env in (dev,prod),tier=db,!zone")
    );
    assert_eq!(format_label_selector(&LabelSelector::default()), "<none>");
    let bad = selector(json!({"matchExpressions": [{"key": "a", "operator": "Near"}]}));
    assert_eq!(format_label_selector(&bad), "<error>");
}

#[test]
fn node_status_follows_print_node() {
    let mut n = Node::default();
    assert_eq!(node_status(&n), "Unknown");
    n.status.conditions.push(NodeCondition {
        type_: "Ready".into(),
        status: "Unknown".into(),
        ..NodeCondition::default()
    });
    assert_eq!(node_status(&n), "NotReady");
    n.spec.unschedulable = true;
    assert_eq!(node_status(&n), "NotReady,SchedulingDisabled");
    n.status.conditions[0].status = "True".into();
    assert_eq!(node_status(&n), "Ready,SchedulingDisabled");
}

#[test]
fn node_roles_come_from_both_label_forms() {
    let mut n = Node::default();
    assert!(node_roles(&n).is_empty());
    for (k, v) in [
        ("node-role.kubernetes.io/worker", ""),
        ("node-role.kubernetes.io/", ""),
        ("kubernetes.io/role", "master"),
        ("node-role.kubernetes.io/control-plane", "x"),
    ] {
        n.metadata.labels.insert(k.into(), v.into());
    }
    assert_eq!(node_roles(&n), vec!["control-plane", "master", "worker"]);
}

#[test]
fn all_expands_in_place_with_services() {
    let inv = parse_command_line("get pvc,all").expect("parses");
    assert_eq!(
        requests(&inv).expect("requests"),
        vec![
            Request::List(ListKind::Sim(Kind::PersistentVolumeClaim)),
            Request::List(ListKind::Sim(Kind::Pod)),
            Request::List(ListKind::Service),
            Request::List(ListKind::Sim(Kind::Deployment)),
            Request::List(ListKind::Sim(Kind::ReplicaSet)),
            Request::List(ListKind::Sim(Kind::StatefulSet)),
        ]
    );
    let inv = parse_command_line("get pvc/a pv/b").expect("parses");
    assert_eq!(
        requests(&inv).expect("requests"),
        vec![
            Request::Named(ListKind::Sim(Kind::PersistentVolumeClaim), "a".into()),
            Request::Named(ListKind::Sim(Kind::PersistentVolume), "b".into()),
        ]
    );
}
