//! `kubectl describe` layout.

use crate::kubectl::describe_writer::{DescribeWriter, EventLine, LEVEL_0, LEVEL_1};
use crate::sim::SimTime;
use std::collections::BTreeMap;

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn pvc_describe_layout() {
    let mut w = DescribeWriter::new();
    w.write(LEVEL_0, "Name:\ttask-pv-claim\n");
    w.write(LEVEL_0, "Namespace:\tdefault\n");
    w.write(LEVEL_0, "StorageClass:\tmanual\n");
    w.write(LEVEL_0, "Status:\tBound\n");
    w.write(LEVEL_0, "Volume:\ttask-pv-volume\n");
    w.labels("Labels", &BTreeMap::new());
    w.annotations(
        "Annotations",
        &map(&[
            ("pv.kubernetes.io/bind-completed", "yes"),
            ("pv.kubernetes.io/bound-by-controller", "yes"),
            ("kubectl.kubernetes.io/last-applied-configuration", "{}\n"),
        ]),
    );
    w.write(LEVEL_0, "Finalizers:\t[kubernetes.io/pvc-protection]\n");
    w.write(LEVEL_0, "Capacity:\t10Gi\n");
    w.write(LEVEL_0, "Access Modes:\tRWO\n");
    w.write(LEVEL_0, "VolumeMode:\tFilesystem\n");
    w.write(LEVEL_0, "Used By:\t<none>\n");
    w.events(&[], SimTime(0));
    assert_eq!(
        w.finish(),
        "Name:          task-pv-claim\n\
         Namespace:     default\n\
         StorageClass:  manual\n\
         Status:        Bound\n\
         Volume:        task-pv-volume\n\
         Labels:        <none>\n\
         Annotations:   pv.kubernetes.io/bind-completed: yes\n\
         \x20              pv.kubernetes.io/bound-by-controller: yes\n\
         Finalizers:    [kubernetes.io/pvc-protection]\n\
         Capacity:      10Gi\n\
         Access Modes:  RWO\n\
         VolumeMode:    Filesystem\n\
         Used By:       <none>\n\
         Events:        <none>\n"
    );
}

#[test]
fn labels_continuation_lines_align() {
    let mut w = DescribeWriter::new();
    w.write(LEVEL_0, "Name:\tweb\n");
    w.labels("Labels", &map(&[("app", "web"), ("tier", "front")]));
    assert_eq!(
        w.finish(),
        "Name:    web\nLabels:  app=web\n         tier=front\n"
    );
    let mut w = DescribeWriter::new();
    w.write(LEVEL_0, "Pod Template:\n");
    w.labels_with_indent(
        "  ",
        "Labels",
        "\t",
        &map(&[("a", "1"), ("skip", "x")]),
        &["skip"],
    );
    assert_eq!(w.finish(), "Pod Template:\n  Labels:  a=1\n");
}

#[test]
fn long_and_multiline_annotations_break() {
    let long = "x".repeat(150);
    let mut w = DescribeWriter::new();
    w.annotations(
        "Annotations",
        &map(&[("a", "line1\nline2\n"), ("b", &long)]),
    );
    let want = format!(
        "Annotations:  a:\n                line1\n                line2\n              b:\n                {}...\n",
        "x".repeat(138)
    );
    assert_eq!(w.finish(), want);
}

#[test]
fn events_table() {
    let now = SimTime(600);
    let events = vec![
        EventLine {
            event_type: "Warning".into(),
            reason: "FailedBinding".into(),
            from: "persistentvolume-controller".into(),
            message: "no persistent volumes available for this claim and no storage class is set "
                .into(),
            first_timestamp: Some(SimTime(300)),
            last_timestamp: Some(SimTime(480)),
            count: 3,
        },
        EventLine {
            event_type: "Normal".into(),
            reason: "WaitForFirstConsumer".into(),
            from: "persistentvolume-controller".into(),
            message: "waiting for first consumer to be created before binding".into(),
            first_timestamp: Some(SimTime(200)),
            last_timestamp: Some(SimTime(200)),
            count: 1,
        },
    ];
    let mut w = DescribeWriter::new();
    w.write(LEVEL_0, "Used By:\t<none>\n");
    w.events(&events, now);
    assert_eq!(
        w.finish(),
        "Used By:  <none>\n\
         Events:\n\
         \x20 Type     Reason                Age              From                         Message\n\
         \x20 ----     ------                ----             ----                         -------\n\
         \x20 Normal   WaitForFirstConsumer  6m40s            persistentvolume-controller  waiting for first consumer to be created before binding\n\
         \x20 Warning  FailedBinding         2m (x3 over 5m)  persistentvolume-controller  no persistent volumes available for this claim and no storage class is set\n"
    );
    let mut w = DescribeWriter::new();
    w.line(LEVEL_1, "indented");
    w.write_line("plain");
    w.events(
        &[EventLine {
            first_timestamp: None,
            ..EventLine::default()
        }],
        now,
    );
    assert!(w.finish().starts_with("  indented\nplain\nEvents:\n"));
}
