//! §8.1, who may write (issue 11, "the app's user matters"): `securityContext` runAsUser,
//! runAsGroup and fsGroup against the ownership and mode each volume plugin gives its
//! directory.

use crate::build::*;
use kubestory::sim::data::FsId;
use kubestory::sim::permissions::Perm;
use kubestory::sim::{SimError, Target};
use serde_json::{Value, json};

/// A story pod whose volume `data` (mounted at /app/story) is `volume`, with a pod-level
/// securityContext.
fn pod_as(name: &str, volume: Option<Value>, security: Value) -> Value {
    let mut v = pod_with(name, volume);
    v["spec"]["securityContext"] = security;
    v
}

/// What `story write` answered.
fn try_write(c: &mut kubestory::sim::Cluster, pod: &str, text: &str) -> Result<(), String> {
    c.write_story("default", &Target::Pod(pod.into()), None, text)
        .map(|_| ())
        .map_err(|e| match e {
            SimError::Refused(m) => m,
            other => other.to_string(),
        })
}

fn host_path(path: &str) -> Value {
    json!({"hostPath":{"path":path,"type":"DirectoryOrCreate"}})
}

/// `pkg/volume/hostpath/host_path.go` `makeDir` (`os.MkdirAll(…, 0755)`, as root): a
/// non-root app cannot create its file there; the write fails and nothing is stored.
#[test]
fn s8_1_non_root_app_cannot_write_a_root_owned_host_path_directory() {
    let mut c = cluster();
    apply(
        &mut c,
        pod_as(
            "story",
            Some(host_path("/data/story")),
            json!({"runAsUser":1000}),
        ),
    );
    let err = try_write(&mut c, "story", "refused").expect_err("permission denied");
    assert!(
        err.starts_with("error: open /app/story/text.txt: permission denied\n"),
        "{err}"
    );
    assert!(err.contains("runs as uid 1000"), "{err}");
    assert!(
        err.contains("/app/story belongs to 0:0 with mode 0755"),
        "{err}"
    );
    let disk = FsId::NodeDisk {
        node: "minikube".into(),
    };
    assert_eq!(
        c.data().count(&disk, "/data/story/text.txt"),
        0,
        "not stored"
    );
}

/// `pkg/volume/emptydir/empty_dir.go` `setupDir` with `defaultPerm` 0777: anyone may write.
#[test]
fn s8_1_an_empty_dir_is_world_writable() {
    let mut c = cluster();
    apply(
        &mut c,
        pod_as(
            "story",
            Some(json!({"emptyDir":{}})),
            json!({"runAsUser":1000}),
        ),
    );
    try_write(&mut c, "story", "fine").expect("written");
    assert_eq!(read(&c, "story"), Some(vec!["fine".to_string()]));
}

/// `pkg/securitycontext/util.go` `DetermineEffectiveSecurityContext`: the container's
/// runAsUser overrides the pod's (here back to root, who may write anywhere).
#[test]
fn s8_1_container_run_as_user_overrides_the_pods() {
    let mut c = cluster();
    let mut pod = pod_as(
        "story",
        Some(host_path("/data/story")),
        json!({"runAsUser":1000}),
    );
    pod["spec"]["containers"][0]["securityContext"] = json!({"runAsUser":0});
    apply(&mut c, pod);
    try_write(&mut c, "story", "as root").expect("root writes");
}

/// The image's own `/app/story` belongs to the image's user, root: a story app run as
/// another user cannot write its own filesystem either.
#[test]
fn s8_1_non_root_app_cannot_write_the_images_root_owned_directory() {
    let mut c = cluster();
    apply(&mut c, pod_as("story", None, json!({"runAsUser":1000})));
    let err = try_write(&mut c, "story", "x").expect_err("denied");
    assert!(err.contains("permission denied"), "{err}");
    apply(&mut c, pod_as("rooted", None, json!({})));
    try_write(&mut c, "rooted", "x").expect("root may");
}

/// hostPath's `SetUp` only checks the type: no ownership management, so fsGroup does not
/// help; a local PV's `SetUpAt` calls `SetVolumeOwnership` (`pkg/volume/local/local.go`), so
/// fsGroup makes its root-owned directory group-writable (`volume_linux.go`
/// `changeFilePermission`: 02770 added, group fsGroup).
#[test]
fn s8_1_fs_group_applies_to_local_volumes_not_to_host_path() {
    let mut c = cluster();
    // A root pod makes the directory the local PV will use.
    apply(
        &mut c,
        pod_as("maker", Some(host_path("/mnt/disks/ssd1")), json!({})),
    );
    apply(
        &mut c,
        pod_as(
            "hp",
            Some(host_path("/data/story")),
            json!({"runAsUser":1000,"fsGroup":2000}),
        ),
    );
    assert!(
        try_write(&mut c, "hp", "x").is_err(),
        "hostPath ignores fsGroup"
    );

    apply(
        &mut c,
        sc(
            "local",
            "kubernetes.io/no-provisioner",
            "WaitForFirstConsumer",
            false,
        ),
    );
    apply(
        &mut c,
        json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"local-pv"},
            "spec":{"capacity":{"storage":"1Gi"},"accessModes":["ReadWriteOnce"],"storageClassName":"local",
            "local":{"path":"/mnt/disks/ssd1"},
            "nodeAffinity":{"required":{"nodeSelectorTerms":[{"matchExpressions":[
                {"key":"kubernetes.io/hostname","operator":"In","values":["minikube"]}]}]}}}}),
    );
    apply(
        &mut c,
        pvc("local-claim", "1Gi", &["ReadWriteOnce"], Some("local")),
    );
    apply(
        &mut c,
        pod_as(
            "no-group",
            Some(json!({"persistentVolumeClaim":{"claimName":"local-claim"}})),
            json!({"runAsUser":1000}),
        ),
    );
    assert!(
        try_write(&mut c, "no-group", "x").is_err(),
        "root 0755 without fsGroup"
    );
    apply(
        &mut c,
        pod_as(
            "grouped",
            Some(json!({"persistentVolumeClaim":{"claimName":"local-claim"}})),
            json!({"runAsUser":1000,"fsGroup":2000}),
        ),
    );
    try_write(&mut c, "grouped", "with fsGroup").expect("fsGroup makes it writable");
    let disk = FsId::NodeDisk {
        node: "minikube".into(),
    };
    assert_eq!(
        c.data().perm(&disk, "/mnt/disks/ssd1", true),
        Perm {
            uid: 0,
            gid: 2000,
            mode: 0o2775
        }
    );
    // The new file takes the set-group-ID directory's group.
    assert_eq!(
        c.data().perm(&disk, "/mnt/disks/ssd1/text.txt", false).gid,
        2000
    );
}

/// minikube `pkg/storage/storage_provisioner.go` `Provision`: `os.MkdirAll(hostPath, 0777)`
/// then `os.Chmod(hostPath, 0777)`: a non-root app may write on a dynamically provisioned
/// claim; a hand-made hostPath PV's directory is the kubelet's root 0755.
#[test]
fn s8_1_minikube_provisioned_directories_are_world_writable_hand_made_ones_are_not() {
    let mut c = cluster();
    apply(&mut c, pvc("dynamic", "1Gi", &["ReadWriteOnce"], None));
    apply(
        &mut c,
        pod_as(
            "on-dynamic",
            Some(json!({"persistentVolumeClaim":{"claimName":"dynamic"}})),
            json!({"runAsUser":1000}),
        ),
    );
    try_write(&mut c, "on-dynamic", "fine").expect("0777");

    apply(
        &mut c,
        pv("manual-pv", "1Gi", &["ReadWriteOnce"], Some("manual")),
    );
    apply(
        &mut c,
        pvc("manual", "1Gi", &["ReadWriteOnce"], Some("manual")),
    );
    apply(
        &mut c,
        pod_as(
            "on-manual",
            Some(json!({"persistentVolumeClaim":{"claimName":"manual"}})),
            json!({"runAsUser":1000}),
        ),
    );
    assert!(try_write(&mut c, "on-manual", "x").is_err(), "root 0755");
}

/// `pkg/volume/csi/csi_mounter.go` `supportsFSGroup`: with the default fsGroupPolicy
/// `ReadWriteOnceWithFSType`, fsGroup applies to a ReadWriteOnce PV that has an fsType, and
/// not to one without.
#[test]
fn s8_1_csi_fs_group_needs_an_fs_type_and_read_write_once() {
    for (fs_type, writable) in [(Some("ext4"), true), (None, false)] {
        let mut c = cluster();
        let mut csi = json!({"driver":"ebs.csi.aws.com","volumeHandle":"vol-1"});
        if let Some(t) = fs_type {
            csi["fsType"] = json!(t);
        }
        apply(
            &mut c,
            json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"disk"},
                "spec":{"capacity":{"storage":"1Gi"},"accessModes":["ReadWriteOnce"],
                "storageClassName":"","csi":csi}}),
        );
        apply(&mut c, pvc("disk", "1Gi", &["ReadWriteOnce"], Some("")));
        apply(
            &mut c,
            pod_as(
                "story",
                Some(json!({"persistentVolumeClaim":{"claimName":"disk"}})),
                json!({"runAsUser":1000,"fsGroup":2000}),
            ),
        );
        assert_eq!(
            try_write(&mut c, "story", "x").is_ok(),
            writable,
            "fsType {fs_type:?}"
        );
    }
}

/// The emptyDir takes the fsGroup too (`empty_dir.go` `SetUpAt` calls `ChangePermissions`):
/// its directory becomes root:2000 2777, and the app's new file joins group 2000.
#[test]
fn s8_1_fs_group_on_an_empty_dir_sets_its_group() {
    let mut c = cluster();
    apply(
        &mut c,
        pod_as(
            "story",
            Some(json!({"emptyDir":{}})),
            json!({"runAsUser":1000,"fsGroup":2000}),
        ),
    );
    try_write(&mut c, "story", "grouped").expect("written");
    let uid = c.pod("default", "story").expect("pod").metadata.uid.clone();
    let fs = FsId::EmptyDir {
        pod_uid: uid,
        volume: "data".into(),
    };
    assert_eq!(
        c.data().perm(&fs, "/", true),
        Perm {
            uid: 0,
            gid: 2000,
            mode: 0o2777
        }
    );
    assert_eq!(
        c.data().perm(&fs, "/text.txt", false),
        Perm {
            uid: 1000,
            gid: 2000,
            mode: 0o644
        }
    );
}
