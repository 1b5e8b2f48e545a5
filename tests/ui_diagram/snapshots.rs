//! What the diagram shows, as text snapshots.

use super::*;
use insta::assert_snapshot;

fn emptydir_deployment() -> Cluster {
    let mut c = cluster_with(1, true);
    apply(&mut c, deployment("web", 1, Some(json!({"emptyDir":{}}))));
    write(&mut c, "deploy/web", "first story");
    write(&mut c, "deploy/web", "second story");
    c
}

#[test]
fn empty_minikube() {
    let c = Cluster::default();
    assert_snapshot!(show(&c, 80, 24, &[]));
}

#[test]
fn emptydir_with_two_stories() {
    assert_snapshot!(show(&emptydir_deployment(), 80, 24, &[]));
}

#[test]
fn emptydir_lost_after_pod_deleted() {
    let mut c = emptydir_deployment();
    let before = c.data().losses.len();
    let name = c.pods().next().unwrap().metadata.name.clone();
    del(&mut c, Kind::Pod, &name);
    c.advance(60);
    let highlights: Vec<Highlight> = c
        .data()
        .losses
        .iter()
        .skip(before)
        .map(|l| Highlight::Lost { loss: l.clone() })
        .collect();
    assert!(
        !highlights.is_empty(),
        "deleting the pod loses the emptyDir"
    );
    assert_snapshot!(show(&c, 120, 40, &highlights));
    assert_snapshot!("lost_50x16", show(&c, 50, 16, &highlights));
}

#[test]
fn two_nodes_hostpath() {
    let mut c = cluster_with(2, true);
    let vol = json!({"hostPath":{"path":"/data/story","type":"DirectoryOrCreate"}});
    apply(&mut c, deployment("web", 2, Some(vol)));
    write(&mut c, "deploy/web", "on the first node's disk");
    let kept: Vec<Highlight> = c
        .data()
        .filesystems
        .values()
        .flat_map(|f| f.stories())
        .map(|s| Highlight::Kept { story_id: s.id })
        .collect();
    assert_snapshot!(show(&c, 120, 40, &kept));
}

fn pv_and_claim() -> Cluster {
    let mut c = cluster_with(1, false);
    apply(
        &mut c,
        json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv-one"},
        "spec":{"capacity":{"storage":"1Gi"},"accessModes":["ReadWriteOnce"],"storageClassName":"",
        "persistentVolumeReclaimPolicy":"Retain","hostPath":{"path":"/mnt/one"}}}),
    );
    apply(
        &mut c,
        json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"claim"},
        "spec":{"accessModes":["ReadWriteOnce"],"storageClassName":"","resources":{"requests":{"storage":"1Gi"}}}}),
    );
    apply(
        &mut c,
        pod(
            "app",
            Some(json!({"persistentVolumeClaim":{"claimName":"claim"}})),
        ),
    );
    write(&mut c, "app", "kept on the node");
    c
}

#[test]
fn pv_bound_then_released() {
    let mut c = pv_and_claim();
    assert_snapshot!("pv_bound", show(&c, 120, 40, &[]));
    del(&mut c, Kind::Pod, "app");
    c.advance(60);
    del(&mut c, Kind::PersistentVolumeClaim, "claim");
    c.advance(60);
    assert_snapshot!("pv_released", show(&c, 120, 40, &[]));
}

#[test]
fn pending_claim_and_unscheduled_pod() {
    let mut c = cluster_with(1, false);
    apply(
        &mut c,
        json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"wants"},
        "spec":{"accessModes":["ReadWriteOnce"],"storageClassName":"","resources":{"requests":{"storage":"5Gi"}}}}),
    );
    apply(
        &mut c,
        pod(
            "stuck",
            Some(json!({"persistentVolumeClaim":{"claimName":"wants"}})),
        ),
    );
    c.advance(5);
    assert_snapshot!(show(&c, 120, 40, &[]));
}

#[test]
fn failed_node() {
    let mut c = cluster_with(2, true);
    apply(
        &mut c,
        deployment("web", 2, Some(json!({"emptyDir":{"medium":"Memory"}}))),
    );
    // A worker: failing the control-plane node stops the API server (nothing goes NotReady).
    c.fail_node("minikube-m02").unwrap();
    c.advance(60);
    assert_snapshot!(show(&c, 120, 40, &[]));
}

/// Issue 11: the control-plane node fails. Nobody marks it NotReady (the node lifecycle
/// controller ran on it, `pkg/controller/nodelifecycle`), so its box says the machine is down
/// while the API's last word, Ready, stays; the worker's pod keeps running.
#[test]
fn failed_control_plane_is_down_but_never_marked_not_ready() {
    let mut c = cluster_with(2, true);
    apply(&mut c, deployment("web", 2, None));
    c.fail_node("minikube").unwrap();
    c.advance(600);
    let out = show(&c, 120, 40, &[]);
    assert!(!out.contains("NotReady"), "{out}");
    assert!(
        out.contains("node minikube ✗ machine DOWN, ● Ready control-plane"),
        "{out}"
    );
    assert_snapshot!(out);
}

#[test]
fn ascii_no_colour_80x24() {
    let c = emptydir_deployment();
    let style = DiagramStyle {
        unicode: false,
        color: false,
    };
    let buf = render_buf(&c, 80, 24, style, None, &[]);
    assert!(buf.content.iter().all(|cell| cell.symbol().is_ascii()));
    assert!(
        buf.content
            .iter()
            .all(|cell| cell.fg == ratatui::style::Color::Reset)
    );
    assert_snapshot!(text_of(&buf));
}

#[test]
fn selection_is_marked_and_small_sizes_degrade() {
    let c = emptydir_deployment();
    let pod = c.pods().next().unwrap();
    let item = Item::Pod {
        namespace: "default".into(),
        name: pod.metadata.name.clone(),
    };
    let buf = render_buf(&c, 50, 16, DiagramStyle::default(), Some(&item), &[]);
    assert_snapshot!("selected_50x16", text_of(&buf));
    assert_snapshot!("tiny_20x5", show(&c, 20, 5, &[]));
}

#[test]
fn network_volume_provisioned_by_a_class() {
    // The cloud profile installs the EBS CSI driver (issue 11: nothing else does).
    let mut c = Cluster::new(ClusterConfig {
        default_storage_class: false,
        ..ClusterConfig::for_profile(kubestory::sim::Profile::Cloud, 2)
    });
    apply(
        &mut c,
        json!({"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"ebs"},
        "provisioner":"ebs.csi.aws.com","volumeBindingMode":"Immediate"}),
    );
    apply(
        &mut c,
        json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"db"},
        "spec":{"accessModes":["ReadWriteOnce"],"storageClassName":"ebs","resources":{"requests":{"storage":"2Gi"}}}}),
    );
    apply(
        &mut c,
        deployment(
            "db",
            1,
            Some(json!({"persistentVolumeClaim":{"claimName":"db"}})),
        ),
    );
    write(&mut c, "deploy/db", "safe off the nodes");
    assert_snapshot!(show(&c, 120, 40, &[]));
}

#[test]
fn three_nodes_stack_when_narrow() {
    let mut c = cluster_with(3, true);
    apply(&mut c, deployment("web", 3, Some(json!({"emptyDir":{}}))));
    assert_snapshot!(show(&c, 50, 16, &[]));
}

#[test]
fn colour_is_only_an_extra_and_loss_reads_the_same_without_it() {
    let mut c = emptydir_deployment();
    let name = c.pods().next().unwrap().metadata.name.clone();
    del(&mut c, Kind::Pod, &name);
    c.advance(60);
    let lost: Vec<Highlight> = c
        .data()
        .losses
        .iter()
        .map(|l| Highlight::Lost { loss: l.clone() })
        .collect();
    let coloured = render_buf(&c, 100, 30, DiagramStyle::default(), None, &lost);
    assert!(
        coloured
            .content
            .iter()
            .any(|cell| cell.fg == ratatui::style::Color::Red)
    );
    let plain = DiagramStyle {
        unicode: true,
        color: false,
    };
    let mono = render_buf(&c, 100, 30, plain, None, &lost);
    assert!(
        mono.content
            .iter()
            .all(|cell| cell.fg == ratatui::style::Color::Reset)
    );
    assert_eq!(
        text_of(&coloured),
        text_of(&mono),
        "colour adds nothing the text lacks"
    );
    let ascii = DiagramStyle {
        unicode: false,
        color: false,
    };
    let text = text_of(&render_buf(&c, 100, 30, ascii, None, &lost));
    assert!(text.is_ascii(), "{text}");
    assert!(text.contains("x LOST 2 stories in emptyDir"), "{text}");
    assert!(text.contains("why: pod deleted"), "{text}");
    assert!(text.contains("lost: 2"), "{text}");
}

/// Issue 11: a generic ephemeral volume is drawn as its claim `<pod>-<volume>` and the PV
/// behind it (here minikube's provisioned directory on the node's disk), not as an emptyDir.
#[test]
fn ephemeral_volume_links_to_its_claim() {
    let mut c = cluster_with(1, true);
    let vol = json!({"ephemeral":{"volumeClaimTemplate":{"spec":{
        "accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}}});
    apply(&mut c, pod("story", Some(vol)));
    write(&mut c, "story", "on the claim");
    let text = show(&c, 120, 40, &[]);
    assert!(text.contains("ephemeral pvc story-"), "{text}");
    assert!(!text.contains("emptyDir"), "{text}");
    assert_snapshot!(text);
}

/// Issue 11: cloud node names are long. Where two boxes side by side would cut a node's
/// state, the boxes stack, so every node's `● Ready` and its zone stay readable at 80 columns.
#[test]
fn cloud_nodes_keep_their_state_visible_at_80_columns() {
    let c = Cluster::new(ClusterConfig::for_profile(
        kubestory::sim::Profile::Cloud,
        3,
    ));
    let out = show(&c, 80, 24, &[]);
    for (name, zone) in [
        ("ip-10-0-0-10.ec2.internal", "us-east-1a"),
        ("ip-10-0-32-10.ec2.internal", "us-east-1b"),
        ("ip-10-0-64-10.ec2.internal", "us-east-1c"),
    ] {
        assert!(
            out.contains(&format!("node {name} ● Ready {zone}")),
            "{name} in\n{out}"
        );
    }
    assert_snapshot!(out);
}

/// Stacked node boxes share the height by need: the node with pods gets the room, the empty
/// ones shrink to a line (four cloud nodes at 80 columns, lesson 9's cluster).
#[test]
fn stacked_nodes_give_room_to_the_node_with_pods() {
    let mut c = Cluster::new(ClusterConfig::for_profile(
        kubestory::sim::Profile::Cloud,
        4,
    ));
    let mut d = deployment("story", 2, None);
    d["spec"]["template"]["spec"]["nodeSelector"] =
        json!({"kubernetes.io/hostname": "ip-10-0-0-10.ec2.internal"});
    apply(&mut c, d);
    let out = show(&c, 78, 18, &[]);
    assert_eq!(out.matches("pod story-").count(), 2, "{out}");
    assert_snapshot!(out);
}
