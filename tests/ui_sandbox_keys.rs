//! The sandbox as a place to experiment (issue 12, item 5): k9s's keys on the selected
//! object, and `kubectl edit` in the built-in editor (kubectl's editoptions.go behaviour:
//! edited, cancelled, reopened with the API server's reasons).

mod ui_common;

use kubestory::ui::app::Mode;
use kubestory::ui::selection::Item;
use kubestory::ui::update;
use ratatui_textarea::Key;
use ui_common::*;

fn with_claim(name: &str) -> kubestory::ui::App {
    let mut a = app(name);
    command(&mut a, "apply -f assets/scenarios/dynamic-pvc.yaml");
    let claim = a
        .cluster()
        .claims()
        .next()
        .expect("a claim")
        .metadata
        .clone();
    a.selected = Some(Item::Claim {
        namespace: claim.namespace_or_default().to_string(),
        name: claim.name.clone(),
    });
    a
}

fn log_text(a: &kubestory::ui::App) -> String {
    a.log
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn d_y_and_e_run_the_kubectl_command_they_stand_for_on_the_selection() {
    let mut a = with_claim("keys");
    let name = a
        .cluster()
        .claims()
        .next()
        .expect("claim")
        .metadata
        .name
        .clone();
    press(&mut a, key('d'));
    assert!(log_text(&a).contains(&format!("$ kubectl describe pvc {name}")));
    assert!(log_text(&a).contains("StorageClass:"));
    press(&mut a, key('y'));
    assert!(log_text(&a).contains(&format!("$ kubectl get pvc {name} -o yaml")));
    assert!(log_text(&a).contains("kind: PersistentVolumeClaim"));
    // The commands are in the history: one Up brings the last back.
    assert!(a.history.entries().iter().any(|e| e.contains("-o yaml")));
    press(&mut a, key('e'));
    assert_eq!(a.mode, Mode::Editor);
    assert!(
        a.editor
            .text()
            .starts_with("# Please edit the object below.")
    );
    assert!(a.editor.text().contains(&format!("name: {name}")));
}

#[test]
fn an_edit_saved_with_ctrl_s_patches_the_object_and_gives_the_draft_back() {
    let mut a = with_claim("edit");
    press(&mut a, key('n'));
    type_text(&mut a, "# my draft");
    press(&mut a, special(Key::Esc));
    let name = a
        .cluster()
        .claims()
        .next()
        .expect("claim")
        .metadata
        .name
        .clone();
    command(&mut a, &format!("kubectl edit pvc {name}"));
    assert_eq!(a.mode, Mode::Editor);
    let edited =
        a.editor
            .text()
            .replacen("metadata:\n", "metadata:\n  labels:\n    tier: gold\n", 1);
    update(&mut a, kubestory::ui::Action::SetDraft(edited));
    press(&mut a, ctrl('s'));
    assert_eq!(a.mode, Mode::Normal);
    assert!(
        log_text(&a).contains(&format!("persistentvolumeclaim/{name} edited")),
        "{}",
        log_text(&a)
    );
    let claim = a.cluster().claim("default", &name).expect("claim");
    assert_eq!(
        claim.metadata.labels.get("tier").map(String::as_str),
        Some("gold")
    );
    assert_eq!(a.editor.text().trim(), "# my draft", "the draft is back");
    // u undoes the edit as one step.
    press(&mut a, key('u'));
    let claim = a.cluster().claim("default", &name).expect("claim");
    assert_eq!(claim.metadata.labels.get("tier"), None);
}

#[test]
fn an_invalid_edit_reopens_with_the_reasons_and_esc_twice_discards_it() {
    let mut a = with_claim("invalid");
    let name = a
        .cluster()
        .claims()
        .next()
        .expect("claim")
        .metadata
        .name
        .clone();
    press(&mut a, key('e'));
    let text = a.editor.text();
    let edited = text.replace("storageClassName: standard", "storageClassName: fast");
    assert_ne!(edited, text);
    update(&mut a, kubestory::ui::Action::SetDraft(edited));
    press(&mut a, ctrl('s'));
    assert_eq!(a.mode, Mode::Editor, "kubectl reopens the file");
    assert!(log_text(&a).contains(&format!(
        "error: persistentvolumeclaims \"{name}\" is invalid"
    )));
    assert!(
        a.editor.text().contains(&format!(
            "# persistentvolumeclaims \"{name}\" was not valid:\n# * spec: Forbidden"
        )),
        "{}",
        a.editor.text()
    );
    press(&mut a, special(Key::Esc));
    assert_eq!(a.mode, Mode::Editor, "one Esc does not throw changes away");
    press(&mut a, special(Key::Esc));
    assert_eq!(a.mode, Mode::Normal);
    assert!(log_text(&a).contains("Edit cancelled, no changes made."));
    let claim = a.cluster().claim("default", &name).expect("claim");
    assert_eq!(claim.spec.storage_class_name.as_deref(), Some("standard"));
}

#[test]
fn ctrl_d_asks_before_deleting_any_selected_object() {
    let mut a = with_claim("delete");
    let name = a
        .cluster()
        .claims()
        .next()
        .expect("claim")
        .metadata
        .name
        .clone();
    press(&mut a, ctrl('d'));
    assert_eq!(
        a.message.as_deref(),
        Some(format!("delete pvc/{name}? y deletes it, n or Esc keeps it").as_str())
    );
    press(&mut a, special(Key::Esc));
    assert!(a.cluster().claim("default", &name).is_some());
    press(&mut a, ctrl('d'));
    press(&mut a, key('y'));
    assert!(log_text(&a).contains(&format!("persistentvolumeclaim \"{name}\" deleted")));
}

#[test]
fn l_and_s_need_a_pod() {
    let mut a = with_claim("pods-only");
    press(&mut a, key('l'));
    assert_eq!(
        a.message.as_deref(),
        Some("select a pod (or one of its containers) first")
    );
}

/// A sandbox on a state folder, opened as the picker's sandbox row opens it.
fn kept_sandbox(dir: &std::path::Path) -> kubestory::ui::App {
    let mut a = kubestory::ui::App::sandbox();
    a.state_dir = Some(dir.to_path_buf());
    kubestory::ui::sandbox::open(&mut a);
    a
}

fn stories(a: &kubestory::ui::App) -> Vec<String> {
    let mut all: Vec<String> = a
        .cluster()
        .data()
        .filesystems
        .values()
        .flat_map(|f| f.stories())
        .map(|s| s.text)
        .collect();
    all.sort();
    all
}

#[test]
fn the_sandbox_is_kept_across_restarts_and_replays_on_the_files_it_read_then() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = kept_sandbox(dir.path());
    // A manifest written in the editor and applied with Ctrl-S, then changed afterwards:
    // the replay uses the text that was applied.
    press(&mut a, key('n'));
    update(
        &mut a,
        kubestory::ui::Action::SetDraft(
            std::fs::read_to_string("assets/scenarios/story-emptydir.yaml").expect("manifest"),
        ),
    );
    press(&mut a, ctrl('s'));
    select_first_pod(&mut a);
    press(&mut a, key('w'));
    type_text(&mut a, "two  spaces kept");
    press(&mut a, special(Key::Enter));
    command(&mut a, "wait 1m");
    // An edit is kept as the patch it sent.
    let pod = a
        .cluster()
        .pods()
        .next()
        .expect("pod")
        .metadata
        .name
        .clone();
    command(&mut a, &format!("kubectl edit pod {pod}"));
    let edited = a.editor.text().replacen(
        "metadata:\n",
        "metadata:\n  annotations:\n    note: mine\n",
        1,
    );
    update(&mut a, kubestory::ui::Action::SetDraft(edited));
    press(&mut a, ctrl('s'));
    assert!(
        log_text(&a).contains(&format!("pod/{pod} edited")),
        "{}",
        log_text(&a)
    );
    press(&mut a, key('n'));
    update(
        &mut a,
        kubestory::ui::Action::SetDraft("kind: Nothing\n".into()),
    );
    press(&mut a, special(Key::Esc));
    let pods: Vec<String> = a
        .cluster()
        .pods()
        .map(|p| p.metadata.name.clone())
        .collect();
    let now = a.cluster().now();
    let history: Vec<String> = a.sim.history().map(str::to_string).collect();
    assert_eq!(stories(&a), vec!["two  spaces kept".to_string()]);

    let b = kept_sandbox(dir.path());
    let again: Vec<String> = b
        .cluster()
        .pods()
        .map(|p| p.metadata.name.clone())
        .collect();
    assert_eq!(again, pods);
    assert_eq!(b.cluster().now(), now);
    assert_eq!(stories(&b), vec!["two  spaces kept".to_string()]);
    assert_eq!(
        b.sim.history().map(str::to_string).collect::<Vec<_>>(),
        history
    );
    assert!(log_text(&b).contains("Your sandbox is as you left it (4 changes replayed)"));
    let replayed = b.cluster().pod("default", &pod).expect("pod");
    assert_eq!(
        replayed
            .metadata
            .annotations
            .get("note")
            .map(String::as_str),
        Some("mine")
    );

    // `cluster reset` empties it, for this run and the next.
    let mut b = b;
    command(&mut b, "cluster reset");
    assert_eq!(b.cluster().pods().count(), 0);
    let c = kept_sandbox(dir.path());
    assert_eq!(c.cluster().pods().count(), 0);
}

#[test]
fn cluster_lines_switch_between_sandboxes_each_kept_on_its_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = kept_sandbox(dir.path());
    command(&mut a, EMPTYDIR);
    command(&mut a, "cluster profile=kind nodes=3");
    assert_eq!(a.cluster().nodes().count(), 3);
    assert_eq!(a.cluster().pods().count(), 0);
    command(&mut a, "kubectl create namespace shop");
    command(&mut a, "cluster profile=minikube nodes=1");
    assert_eq!(
        a.cluster().pods().count(),
        1,
        "the minikube sandbox came back"
    );
    command(&mut a, "cluster profile=kind nodes=3");
    assert!(a.cluster().namespaces().any(|n| n.metadata.name == "shop"));
    command(&mut a, "cluster profile=gke");
    assert!(log_text(&a).contains("unknown profile \"gke\""));
}

#[test]
fn a_damaged_journal_is_set_aside_and_the_sandbox_starts_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = kubestory::sim::ClusterConfig::default();
    let path = kubestory::ui::sandbox::journal_path(dir.path(), &config);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, "cluster profile=minikube nodes=1\n{broken\n").expect("write");
    let a = kept_sandbox(dir.path());
    assert!(log_text(&a).contains("could not be replayed (line 2:"));
    assert!(path.with_extension("jsonl.corrupt").exists());
    assert!(!path.exists());
}

#[test]
fn slash_filters_the_diagram_and_the_log_as_it_is_typed_and_esc_shows_all() {
    let mut a = app("filter");
    command(&mut a, EMPTYDIR);
    command(&mut a, "apply -f assets/scenarios/dynamic-pvc.yaml");
    let all_pods = a.cluster().pods().count();
    assert!(all_pods >= 1);
    press(&mut a, key('/'));
    type_text(&mut a, "DYNAMIC");
    // Live: the claim named dynamic-pvc (and its PV and class) stay; the pods do not.
    let view = a.view();
    assert_eq!(view.pods().count(), 0);
    assert_eq!(view.claims().count(), 1);
    assert_eq!(view.volumes().count(), 1);
    assert_eq!(view.nodes().count(), 1, "nodes stay, as the frame");
    drop(view);
    assert!(
        a.shown_log()
            .iter()
            .all(|l| l.text.to_lowercase().contains("dynamic"))
    );
    press(&mut a, special(Key::Enter));
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.filter.as_deref(), Some("DYNAMIC"));
    // The selection moves only over what is shown.
    for _ in 0..10 {
        press(&mut a, key('j'));
        assert!(!matches!(a.selected, Some(Item::Pod { .. })));
    }
    let screen = screen(&mut a, 100, 30);
    assert!(screen.contains("/DYNAMIC"), "{screen}");
    press(&mut a, special(Key::Esc));
    assert_eq!(a.filter, None);
    assert_eq!(a.view().pods().count(), all_pods);
    // A filter that keeps a pod keeps its claim.
    press(&mut a, key('/'));
    type_text(&mut a, "story-");
    let view = a.view();
    assert!(view.pods().count() >= 1);
    assert!(
        view.claims().count() >= 1,
        "the story pod's claim is kept with it"
    );
}

#[test]
fn what_a_key_prints_opens_the_drawer_where_the_learner_looks_but_not_over_an_edit() {
    let mut a = with_claim("drawer");
    a.size = (80, 24);
    press(&mut a, key('d'));
    assert!(a.drawer.is_some(), "describe's output shows at 80x24");
    press(&mut a, special(Key::Esc));
    press(&mut a, key('e'));
    assert_eq!(a.mode, Mode::Editor);
    assert!(
        a.drawer.is_none(),
        "the object is not hidden under its own command"
    );
}

#[test]
fn what_an_exec_shell_wrote_comes_back_with_the_sandbox() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = kept_sandbox(dir.path());
    command(&mut a, EMPTYDIR);
    let pod = a
        .cluster()
        .pods()
        .next()
        .expect("pod")
        .metadata
        .name
        .clone();
    command(&mut a, &format!("kubectl exec -it {pod} -- sh"));
    assert!(a.shell.is_some(), "{}", log_text(&a));
    for line in ["cd /app/story", "echo from the shell >> text.txt", "exit"] {
        type_text(&mut a, line);
        press(&mut a, special(Key::Enter));
    }
    assert!(a.shell.is_none());
    assert_eq!(stories(&a), vec!["from the shell".to_string()]);
    let b = kept_sandbox(dir.path());
    assert_eq!(stories(&b), vec!["from the shell".to_string()]);
}

#[test]
fn the_running_clock_is_kept_as_few_lines_and_replays_to_the_same_cluster() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = kept_sandbox(dir.path());
    command(&mut a, "cluster profile=kind nodes=2");
    command(&mut a, EMPTYDIR);
    let node = a
        .cluster()
        .pods()
        .next()
        .and_then(|p| p.spec.node_name.clone())
        .expect("node");
    a.selected = Some(Item::Node(node));
    press(&mut a, key('F'));
    // Ten simulated minutes, a wall second at a time: the node goes NotReady, its pod is
    // evicted and replaced while the clock runs.
    for _ in 0..600 {
        update(&mut a, kubestory::ui::Action::Elapsed(1000));
    }
    update(&mut a, kubestory::ui::Action::Quit);
    let pods: Vec<(String, String)> = a
        .cluster()
        .pods()
        .map(|p| (p.metadata.name.clone(), format!("{:?}", p.status.phase)))
        .collect();
    let now = a.cluster().now();
    assert!(now.0 >= 600, "the clock ran");
    let events = a.cluster().events().count();
    let config = kubestory::sim::ClusterConfig::for_profile(kubestory::sim::Profile::Kind, 2);
    let journal =
        std::fs::read_to_string(kubestory::ui::sandbox::journal_path(dir.path(), &config))
            .expect("journal");
    assert!(journal.lines().count() < 10, "{journal}");
    let mut b = kubestory::ui::App::sandbox();
    b.state_dir = Some(dir.path().to_path_buf());
    b.sandbox_cluster = config;
    kubestory::ui::sandbox::open(&mut b);
    let again: Vec<(String, String)> = b
        .cluster()
        .pods()
        .map(|p| (p.metadata.name.clone(), format!("{:?}", p.status.phase)))
        .collect();
    assert_eq!(again, pods);
    assert_eq!(b.cluster().now(), now);
    assert_eq!(b.cluster().events().count(), events);
}

#[test]
fn files_copied_out_of_a_container_go_with_its_cluster() {
    let mut a = app("copies");
    command(&mut a, EMPTYDIR);
    let pod = a
        .cluster()
        .pods()
        .next()
        .expect("pod")
        .metadata
        .name
        .clone();
    command(
        &mut a,
        &format!("kubectl cp {pod}:/etc/hostname hostname.txt"),
    );
    assert_eq!(a.copied.names().count(), 1, "{}", log_text(&a));
    a.reset_sim(kubestory::sim::Simulation::new(
        kubestory::sim::Cluster::new(kubestory::sim::ClusterConfig::default()),
    ));
    assert_eq!(a.copied.names().count(), 0);
}
