//! TUI benchmarks (criterion): the time to the first frame (load the built-in lessons and
//! progress, build the picker, draw it), and one frame of the lesson screen for a large
//! cluster (5 nodes × 20 pods, 40 PVs bound to 40 claims, stories on every pod) at 200x60.
//! A frame must stay well under 16 ms. Results: BENCHMARKS.md.

#[path = "workloads.rs"]
mod workloads;

use criterion::{Criterion, criterion_group, criterion_main};
use kubestory::sim::*;
use kubestory::ui::{App, Options, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::json;
use std::hint::black_box;

/// 5 nodes, a 100-replica Deployment with an emptyDir (20 pods a node), 40 PVs and 40 claims,
/// and a story written through every pod.
fn large_cluster() -> Simulation {
    let mut cluster = Cluster::new(ClusterConfig {
        nodes: ClusterConfig::minikube_node_names(5),
        ..ClusterConfig::default()
    });
    cluster.apply_all(workloads::pvs(40));
    cluster.apply_all(workloads::claims(40));
    let deploy = Object::from_value(json!({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"story"},
        "spec":{"replicas":100,"selector":{"matchLabels":{"app":"story"}},"template":{"metadata":{"labels":{"app":"story"}},
        "spec":{"containers":[{"name":"story","image":"story","volumeMounts":[{"name":"scratch","mountPath":"/app/story"}]}],
        "volumes":[{"name":"scratch","emptyDir":{}}]}}}}))
    .expect("valid deployment");
    cluster.apply(deploy).expect("applies");
    let pods: Vec<String> = cluster.pods().map(|p| p.metadata.name.clone()).collect();
    assert_eq!(pods.len(), 100);
    for pod in pods {
        cluster
            .write_story("default", &Target::Pod(pod), None, "a story")
            .expect("writes");
    }
    Simulation::new(cluster)
}

fn lesson_app() -> App {
    let (lessons, _) = kubestory::lesson::builtin_lessons();
    let mut app = kubestory::ui::terminal::prepare(
        Options {
            ascii: false,
            color: true,
            lessons,
            problems: Vec::new(),
            lesson: Some("container-filesystem".into()),
            ..Default::default()
        },
        None,
    )
    .expect("lesson opens");
    app.reset_sim(large_cluster());
    app.size = (200, 60);
    app
}

fn frame(c: &mut Criterion) {
    let app = lesson_app();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    c.bench_function("lesson_frame_200x60_large_cluster", |b| {
        b.iter(|| {
            terminal
                .draw(|f| render(black_box(&app), f))
                .expect("draws");
        })
    });
}

fn first_frame(c: &mut Criterion) {
    c.bench_function("first_frame_picker_120x40", |b| {
        b.iter(|| {
            let (lessons, problems) = kubestory::lesson::builtin_lessons();
            let app = kubestory::ui::terminal::prepare(
                Options {
                    ascii: false,
                    color: true,
                    lessons,
                    problems: problems.iter().map(|p| p.to_string()).collect(),
                    ..Default::default()
                },
                None,
            )
            .expect("prepares");
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
            terminal.draw(|f| render(&app, f)).expect("draws");
            black_box(terminal);
        })
    });
}

criterion_group!(benches, frame, first_frame);
criterion_main!(benches);
