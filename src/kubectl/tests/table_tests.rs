//! `kubectl get` tables, including the layouts quoted in k8s-storage-semantics.md §11.

use crate::kubectl::table::{
    Column, Row, Table, TableOptions, TablePrinter, cell_text, format_labels, render,
};
use std::collections::BTreeMap;

fn pv_table(rows: &[[&str; 10]]) -> Table {
    let mut columns: Vec<Column> = [
        "Name",
        "Capacity",
        "Access Modes",
        "Reclaim Policy",
        "Status",
        "Claim",
        "StorageClass",
        "VolumeAttributesClass",
        "Reason",
        "Age",
    ]
    .iter()
    .map(|n| Column::new(n))
    .collect();
    columns.push(Column::wide("VolumeMode"));
    Table {
        columns,
        rows: rows
            .iter()
            .map(|r| Row::new(r.iter().copied().chain(["Filesystem"])))
            .collect(),
        name_column: Some(0),
    }
}

#[test]
fn pv_tables_match_the_semantics_examples() {
    let t = pv_table(&[[
        "task-pv-volume",
        "10Gi",
        "RWO",
        "Retain",
        "Available",
        "",
        "manual",
        "<unset>",
        "",
        "87s",
    ]]);
    assert_eq!(
        render(&t, &TableOptions::default()),
        "NAME             CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n\
         task-pv-volume   10Gi       RWO            Retain           Available           manual         <unset>                          87s\n"
    );
    let t = pv_table(&[
        [
            "host-pv",
            "1Gi",
            "RWO",
            "Retain",
            "Released",
            "default/host-pvc",
            "standard",
            "<unset>",
            "",
            "12m",
        ],
        [
            "pvc-2cebe90f-7c21-4ce8-99b5-4e7832cdfe79",
            "500Mi",
            "RWO",
            "Delete",
            "Bound",
            "s13-volumes/dynamic-pvc",
            "standard",
            "<unset>",
            "",
            "4s",
        ],
    ]);
    assert_eq!(
        render(&t, &TableOptions::default()),
        "NAME                                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS     CLAIM                     STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n\
         host-pv                                    1Gi        RWO            Retain           Released   default/host-pvc          standard       <unset>                          12m\n\
         pvc-2cebe90f-7c21-4ce8-99b5-4e7832cdfe79   500Mi      RWO            Delete           Bound      s13-volumes/dynamic-pvc   standard       <unset>                          4s\n"
    );
}

#[test]
fn wide_no_headers_and_empty() {
    let t = pv_table(&[[
        "pv1",
        "1Gi",
        "RWO",
        "Retain",
        "Available",
        "",
        "",
        "<unset>",
        "",
        "5s",
    ]]);
    let wide = render(
        &t,
        &TableOptions {
            wide: true,
            ..TableOptions::default()
        },
    );
    assert!(wide.starts_with("NAME   CAPACITY"), "{wide}");
    assert!(wide.lines().next().unwrap().ends_with("AGE   VOLUMEMODE"));
    assert!(wide.lines().nth(1).unwrap().ends_with("5s    Filesystem"));
    let no_headers = render(
        &t,
        &TableOptions {
            no_headers: true,
            ..TableOptions::default()
        },
    );
    assert_eq!(
        no_headers,
        "pv1   1Gi   RWO   Retain   Available               <unset>         5s\n"
    );
    assert_eq!(render(&pv_table(&[]), &TableOptions::default()), "");
}

fn pods() -> Table {
    let mut labels = BTreeMap::new();
    labels.insert("app".to_string(), "web".to_string());
    labels.insert("tier".to_string(), "front".to_string());
    Table {
        columns: ["Name", "Ready", "Status", "Restarts", "Age"]
            .iter()
            .map(|n| Column::new(n))
            .collect(),
        rows: vec![
            Row {
                cells: vec![
                    "web-1".into(),
                    "1/1".into(),
                    "Running".into(),
                    "0".into(),
                    "4m".into(),
                ],
                namespace: "shop".into(),
                labels,
            },
            Row {
                cells: vec![
                    "task-pv-pod".into(),
                    "0/1".into(),
                    "Pending".into(),
                    "0".into(),
                    "8s".into(),
                ],
                namespace: "default".into(),
                labels: BTreeMap::new(),
            },
        ],
        name_column: Some(0),
    }
}

#[test]
fn decorations() {
    let opts = TableOptions {
        with_namespace: true,
        show_labels: true,
        ..TableOptions::default()
    };
    assert_eq!(
        render(&pods(), &opts),
        "NAMESPACE   NAME          READY   STATUS    RESTARTS   AGE   LABELS\n\
         shop        web-1         1/1     Running   0          4m    app=web,tier=front\n\
         default     task-pv-pod   0/1     Pending   0          8s    <none>\n"
    );
    let opts = TableOptions {
        label_columns: vec!["example.com/tier".into(), "tier".into()],
        ..TableOptions::default()
    };
    // kubectl does not trim: an empty last cell leaves the previous column's padding.
    assert_eq!(
        render(&pods(), &opts),
        "NAME          READY   STATUS    RESTARTS   AGE   TIER   TIER\n\
         web-1         1/1     Running   0          4m           front\n\
         task-pv-pod   0/1     Pending   0          8s           \n"
    );
    let opts = TableOptions {
        kind_prefix: Some("Pod".into()),
        ..TableOptions::default()
    };
    assert!(render(&pods(), &opts).contains("\npod/web-1         1/1"));
}

#[test]
fn several_kinds_get_a_blank_line_between_tables() {
    let mut p = TablePrinter::new(false);
    p.print(&pods(), &TableOptions::default());
    p.print(&pv_table(&[]), &TableOptions::default());
    p.print(
        &pv_table(&[[
            "pv1",
            "1Gi",
            "RWO",
            "Retain",
            "Available",
            "",
            "",
            "<unset>",
            "",
            "5s",
        ]]),
        &TableOptions::default(),
    );
    let out = p.finish();
    assert!(out.starts_with("NAME          READY"), "{out}");
    assert!(out.contains("8s\n\nNAME   CAPACITY"), "{out}");
    let mut p = TablePrinter::new(true);
    p.print(
        &pods(),
        &TableOptions {
            no_headers: true,
            ..TableOptions::default()
        },
    );
    p.print(
        &pods(),
        &TableOptions {
            no_headers: true,
            ..TableOptions::default()
        },
    );
    assert_eq!(p.finish().lines().count(), 4);
    let mut p = TablePrinter::new(false);
    p.print(&pv_table(&[]), &TableOptions::default());
    assert!(!p.printed_anything());
}

#[test]
fn cells_are_cut_at_line_breaks_and_escaped() {
    assert_eq!(cell_text("first\nsecond"), "first...");
    assert_eq!(cell_text("a\x1b[31mred"), "a^[[31mred");
    assert_eq!(cell_text("plain"), "plain");
    assert_eq!(format_labels(&BTreeMap::new()), "<none>");
}
