//! Issue 12, "Time runs": the running clock, its keys and the watch in the TUI, driven through
//! actions (`Action::Elapsed` stands for wall time: no test reads the wall clock).

mod ui_common;

use kubestory::sim::{Cluster, ClusterConfig, Profile, Simulation};
use kubestory::ui::{Action, App, update};
use ratatui_textarea::Key;
use ui_common::*;

/// `secs` seconds of wall time, one second at a time (as the event loop sends them).
fn run_clock(a: &mut App, secs: u64) {
    for _ in 0..secs {
        update(a, Action::Elapsed(1000));
    }
}

/// The AGE of the first pod, from `kubectl get pods`.
fn first_pod_age(a: &mut App) -> String {
    command(a, "get pods --no-headers");
    let row = a
        .log
        .iter()
        .rev()
        .find(|l| l.text.starts_with("story-"))
        .expect("a pod row")
        .text
        .clone();
    row.split_whitespace()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn ticks_move_age_pause_stops_it_and_speed_multiplies_it() {
    let mut a = app("clock");
    command(&mut a, EMPTYDIR);
    assert_eq!(first_pod_age(&mut a), "0s");
    run_clock(&mut a, 5);
    assert_eq!(first_pod_age(&mut a), "5s");
    // `t` pauses: wall time passes, simulated time does not.
    press(&mut a, special(Key::Esc));
    press(&mut a, key('t'));
    assert!(a.clock.paused);
    run_clock(&mut a, 30);
    assert_eq!(first_pod_age(&mut a), "5s");
    // `t` again runs it; `>` makes a wall second ten simulated ones.
    press(&mut a, special(Key::Esc));
    press(&mut a, key('t'));
    press(&mut a, key('>'));
    run_clock(&mut a, 3);
    assert_eq!(first_pod_age(&mut a), "35s");
    press(&mut a, special(Key::Esc));
    press(&mut a, key('>'));
    run_clock(&mut a, 1);
    assert_eq!(first_pod_age(&mut a), "95s");
    press(&mut a, special(Key::Esc));
    press(&mut a, key('<'));
    press(&mut a, key('<'));
    run_clock(&mut a, 1);
    assert_eq!(first_pod_age(&mut a), "96s");
}

#[test]
fn a_second_of_clock_is_not_an_undo_step_and_undo_keeps_the_time() {
    let mut a = app("undo");
    command(&mut a, EMPTYDIR);
    let steps = a.sim.history().count();
    run_clock(&mut a, 20);
    assert_eq!(a.sim.history().count(), steps, "ticks add no undo step");
    let now = a.cluster().now();
    press(&mut a, special(Key::Esc));
    press(&mut a, key('u'));
    assert_eq!(a.cluster().pods().count(), 0, "the apply is undone");
    assert_eq!(a.cluster().now(), now, "undo does not take the clock back");
    // `wait` is an action: undoing it takes its jump back.
    command(&mut a, "wait 5m");
    press(&mut a, special(Key::Esc));
    press(&mut a, key('u'));
    assert_eq!(a.cluster().now(), now);
}

#[test]
fn a_failed_node_is_evicted_while_the_learner_watches() {
    // kind with a worker: failing it leaves the control plane (and its controllers) running.
    let mut a = App::new(Simulation::new(Cluster::new(ClusterConfig::for_profile(
        Profile::Kind,
        2,
    ))));
    command(&mut a, EMPTYDIR);
    command(&mut a, "node fail kind-worker");
    press(&mut a, special(Key::Esc));
    press(&mut a, key('>'));
    press(&mut a, key('>'));
    // Ten minutes at ×60: the node goes NotReady, its pods are marked for eviction.
    run_clock(&mut a, 10);
    assert!(
        a.log
            .iter()
            .any(|l| l.text.contains("NodeNotReady") || l.text.contains("TaintManagerEviction")),
        "{:#?}",
        a.log.iter().rev().take(15).collect::<Vec<_>>()
    );
}

#[test]
fn quiz_and_present_keep_the_clock_still() {
    let mut a = lesson_app("present", "emptydir");
    kubestory::ui::present::begin(&mut a, 0);
    assert!(a.clock.paused, "a presentation starts paused");
    let now = a.cluster().now();
    run_clock(&mut a, 5);
    assert_eq!(a.cluster().now(), now);
}

fn kind_app() -> App {
    App::new(Simulation::new(Cluster::new(ClusterConfig::for_profile(
        Profile::Kind,
        1,
    ))))
}

#[test]
fn get_pvc_w_streams_pending_then_bound_until_esc() {
    let mut a = kind_app();
    command(&mut a, "apply -f assets/scenarios/watch-wffc.pvc.yaml");
    command(&mut a, "get pvc -w");
    assert!(a.following.is_some());
    let rows = |a: &App| {
        a.log
            .iter()
            .filter(|l| l.text.starts_with("data "))
            .map(|l| l.text.split_whitespace().nth(1).unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(rows(&a), ["Pending"]);
    press(&mut a, special(Key::Esc));
    assert!(a.following.is_some(), "Esc closed the output drawer first");
    // The learner keeps typing commands: the pod arrives, the claim binds, a row streams in.
    command(&mut a, "apply -f assets/scenarios/watch-wffc.pod.yaml");
    assert_eq!(rows(&a), ["Pending", "Bound"]);
    // Time passing alone prints nothing when nothing changes.
    run_clock(&mut a, 3);
    assert_eq!(rows(&a), ["Pending", "Bound"]);
    let screen80 = screen(&mut a, 80, 24);
    assert!(
        screen80.contains("stop watching: kubectl get pvc -w"),
        "{screen80}"
    );
    press(&mut a, special(Key::Esc)); // closes the output drawer
    press(&mut a, special(Key::Esc)); // stops the watch
    assert!(a.following.is_none());
    command(&mut a, "delete pod story");
    assert_eq!(
        rows(&a),
        ["Pending", "Bound"],
        "a stopped watch prints nothing"
    );
}

/// The status line with the clock (and a watch) at 80x24 and 120x36.
#[test]
fn status_line_snapshots() {
    let mut a = kind_app();
    run_clock(&mut a, 7);
    let last = |s: &str| {
        s.lines()
            .rev()
            .find(|l| !l.trim_matches(['"', ' ']).is_empty())
            .unwrap_or("")
            .to_string()
    };
    insta::assert_snapshot!("clock_status_80x24", last(&screen(&mut a, 80, 24)));
    command(&mut a, "get pvc -w");
    press(&mut a, special(Key::Esc));
    press(&mut a, key('t'));
    insta::assert_snapshot!("clock_status_watch_120x36", last(&screen(&mut a, 120, 36)));
}

/// A watch belongs to its cluster: opening another (a step restarted, the sandbox reopened)
/// ends it.
#[test]
fn a_new_cluster_ends_the_watch() {
    let mut a = kind_app();
    command(&mut a, "get pvc -w");
    assert!(a.following.is_some());
    a.reset_sim(Simulation::new(Cluster::new(ClusterConfig::default())));
    assert!(a.following.is_none());
}

/// On the command line `wait 30s` is kubestory's jump and `wait --for=… TYPE/NAME` kubectl's.
#[test]
fn wait_with_flags_is_kubectls() {
    let mut a = app("wait");
    command(&mut a, EMPTYDIR);
    command(
        &mut a,
        "wait --for=condition=Ready pod -l app=story --timeout=5s",
    );
    assert!(
        a.log.iter().any(|l| l.text.ends_with(" condition met")),
        "{:#?}",
        a.log.iter().rev().take(5).collect::<Vec<_>>()
    );
    let now = a.cluster().now();
    command(&mut a, "wait 30s");
    assert_eq!(a.cluster().now().since(now), 30);
}
