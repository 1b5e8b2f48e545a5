//! Golden outputs of `kubectl describe`, driven through the simulator's API. Long outputs are
//! insta snapshots (`tests/snapshots/`); the lines that carry a lesson are also asserted here.

mod kubectl_common;

use insta::assert_snapshot;
use kubectl_common::*;
use kubestory::sim::*;
use serde_json::json;

/// §11.7, §12: a dynamically provisioned claim: Bound, its PV, the pod that uses it, and the
/// provisioning events from the PV controller and the external provisioner.
#[test]
fn pvc_with_provisioning_events() {
    let mut c = Cluster::default();
    c.apply(claim("story-pvc", "1Gi", "standard")).unwrap();
    c.apply(story_pod("story", Some("story-pvc"))).unwrap();
    c.advance(125);
    let out = describe(&c, "describe pvc story-pvc");
    assert!(out.success);
    assert_eq!(out.stderr, "");
    assert!(out.stdout.contains("\nStatus:        Bound\n"));
    assert!(out.stdout.contains("\nUsed By:       story\n"));
    assert!(
        out.stdout
            .contains("  Normal  ProvisioningSucceeded  2m5s  ")
    );
    assert_snapshot!(out.stdout);
}

/// §7.1, §11.7: a claim deleted while in use is Terminating (with how long), still used.
#[test]
fn pvc_terminating() {
    let mut c = Cluster::default();
    c.apply(task_pv()).unwrap();
    c.apply(task_claim()).unwrap();
    c.apply(story_pod("story", Some("task-pv-claim"))).unwrap();
    c.advance(60);
    c.delete(
        Kind::PersistentVolumeClaim,
        "default",
        "task-pv-claim",
        DeleteOptions::default(),
    )
    .unwrap();
    c.advance(19 * 60);
    let out = describe(&c, "describe pvc task-pv-claim --show-events=false");
    assert_eq!(
        out,
        ok("Name:          task-pv-claim\n\
            Namespace:     default\n\
            StorageClass:  manual\n\
            Status:        Terminating (lasts 19m)\n\
            Volume:        task-pv-volume\n\
            Labels:        <none>\n\
            Annotations:   pv.kubernetes.io/bind-completed: yes\n\
            \x20              pv.kubernetes.io/bound-by-controller: yes\n\
            Finalizers:    [kubernetes.io/pvc-protection]\n\
            Capacity:      10Gi\n\
            Access Modes:  RWO\n\
            VolumeMode:    Filesystem\n\
            Used By:       story\n")
    );
}

/// §6.1, §13.7: a hostPath PV with Delete outside /tmp fails to be deleted: Failed, with the
/// deleter's message and a VolumeFailedDelete event.
#[test]
fn pv_failed_with_message() {
    let mut c = Cluster::default();
    c.apply(obj(
        json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"data-pv"},
        "spec":{"storageClassName":"manual","capacity":{"storage":"1Gi"},
        "persistentVolumeReclaimPolicy":"Delete","accessModes":["ReadWriteOnce"],
        "hostPath":{"path":"/mnt/data","type":"DirectoryOrCreate"}}}),
    ))
    .unwrap();
    c.apply(claim("data", "1Gi", "manual")).unwrap();
    c.advance(30);
    c.delete(
        Kind::PersistentVolumeClaim,
        "default",
        "data",
        DeleteOptions::default(),
    )
    .unwrap();
    c.advance(30);
    let out = describe(&c, "describe pv data-pv");
    assert!(out.stdout.contains("\nStatus:          Failed\n"));
    assert!(out.stdout.contains(
        "\nMessage:         host_path deleter only supports /tmp/.+ but received provided /mnt/data\n"
    ));
    assert!(
        out.stdout
            .contains("    HostPathType:  DirectoryOrCreate\n")
    );
    assert_snapshot!(out.stdout);
}

/// A pod with every volume type the lessons use, mounts (rw, ro, subPath), ports, command and
/// environment.
#[test]
fn pod_with_mounts_and_volumes() {
    let mut c = Cluster::default();
    c.apply(obj(
        json!({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"story-config"},
        "data":{"folder":"story"}}),
    ))
    .unwrap();
    c.apply(claim("story-pvc", "1Gi", "standard")).unwrap();
    c.apply(obj(json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":"story",
        "labels":{"app":"story","tier":"web"}},
        "spec":{"containers":[{"name":"story","image":"academind/kub-data-demo:2",
            "command":["node"],"args":["app.js"],
            "ports":[{"containerPort":3000}],
            "env":[{"name":"STORY_FOLDER","valueFrom":{"configMapKeyRef":{"name":"story-config","key":"folder"}}},
                   {"name":"MODE","value":"demo"},
                   {"name":"POD","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}],
            "volumeMounts":[{"name":"story-volume","mountPath":"/app/story"},
                            {"name":"cache","mountPath":"/cache"},
                            {"name":"host","mountPath":"/host","readOnly":true},
                            {"name":"config","mountPath":"/etc/story","subPath":"conf"}]}],
        "volumes":[{"name":"story-volume","persistentVolumeClaim":{"claimName":"story-pvc"}},
                   {"name":"cache","emptyDir":{"medium":"Memory","sizeLimit":"64Mi"}},
                   {"name":"host","hostPath":{"path":"/data","type":"DirectoryOrCreate"}},
                   {"name":"config","configMap":{"name":"story-config"}}]}})))
        .unwrap();
    c.advance(42);
    let out = describe(&c, "describe pod story");
    assert!(out.stdout.contains(
        "    Mounts:\n      /app/story from story-volume (rw)\n      /cache from cache (rw)\n      /etc/story from config (rw,path=\"conf\")\n      /host from host (ro)\n"
    ));
    assert!(out.stdout.contains(
        "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:     Memory\n    SizeLimit:  64Mi\n"
    ));
    assert_snapshot!(out.stdout);
}

/// A generic ephemeral volume (issue 11): describe.go `printEphemeralVolumeSource` prints the
/// type line and then the claim template through `printPersistentVolumeClaim` on a nested
/// prefix writer (not a full PVC), so `Labels:`/`Annotations:` carry the nested indentation
/// after their tab as real kubectl prints them; `describe pvc` lists the owning pod in
/// `Used By` (`getPodsForPVC`).
#[test]
fn pod_with_ephemeral_volume() {
    let mut c = Cluster::default();
    c.apply(obj(
        json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":"story"},
        "spec":{"containers":[{"name":"story","image":"academind/kub-data-demo:2",
            "volumeMounts":[{"name":"scratch","mountPath":"/app/story"}]}],
        "volumes":[{"name":"scratch","ephemeral":{"volumeClaimTemplate":{
            "metadata":{"labels":{"type":"my-frontend-volume"}},
            "spec":{"accessModes":["ReadWriteOnce"],"storageClassName":"standard",
                "resources":{"requests":{"storage":"1Gi"}}}}}}]}}),
    ))
    .unwrap();
    let out = describe(&c, "describe pod story");
    assert!(
        out.stdout.contains(
            "  scratch:\n    Type:          EphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n    StorageClass:  standard\n    Volume:        \n    Labels:            type=my-frontend-volume\n    Annotations:       <none>\n    Capacity:      \n    Access Modes:  \n    VolumeMode:    Filesystem\n"
        ),
        "{}",
        out.stdout
    );
    let pvc = describe(&c, "describe pvc story-scratch");
    assert!(
        pvc.stdout.contains("\nUsed By:       story\n"),
        "{}",
        pvc.stdout
    );
    assert!(
        pvc.stdout.contains("\nStatus:        Bound\n"),
        "{}",
        pvc.stdout
    );
}

/// §11.5: a crashed container: Waiting in CrashLoopBackOff, Last State Terminated (Error,
/// exit code 1), not ready, one restart, and the BackOff event.
#[test]
fn pod_in_crash_loop() {
    let mut c = Cluster::default();
    c.apply(story_pod("story", None)).unwrap();
    c.advance(60);
    c.crash("default", &Target::Pod("story".into()), None)
        .unwrap();
    c.advance(5);
    c.crash("default", &Target::Pod("story".into()), None)
        .unwrap();
    c.advance(3);
    let out = describe(&c, "describe pod story");
    assert!(out.stdout.contains(
        "    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n"
    ));
    assert_snapshot!(out.stdout);
}

/// Nodes: a cordoned node, and a failed one with its unreachable taints and NotReady
/// condition; the pods table lists the pods on the node.
#[test]
fn nodes_cordoned_and_failed() {
    // The worker fails: failing the control-plane node `minikube` would stop the API server.
    let mut c = cluster_of(2);
    c.cordon("minikube", true).unwrap();
    c.apply(story_pod("story", None)).unwrap();
    c.advance(20);
    c.cordon("minikube", false).unwrap();
    c.cordon("minikube-m02", true).unwrap();
    c.fail_node("minikube-m02").unwrap();
    c.advance(120);
    let out = describe(&c, "describe node minikube-m02");
    assert!(out.stdout.contains("\nUnschedulable:      true\n"));
    assert_snapshot!(out.stdout);
    assert!(
        describe(&c, "describe no minikube")
            .stdout
            .contains("Roles:              control-plane\n")
    );
}

/// Workloads: a Deployment with its ReplicaSets, the ReplicaSet, and a StatefulSet with
/// volume claim templates.
#[test]
fn workloads() {
    let mut c = Cluster::default();
    c.apply(story_deployment("web", 2)).unwrap();
    c.advance(30);
    assert_snapshot!("deployment", describe(&c, "describe deploy web").stdout);
    assert_snapshot!("replicaset", describe(&c, "describe rs").stdout);
    c.apply(obj(json!({"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db"},
        "spec":{"serviceName":"db","replicas":1,"selector":{"matchLabels":{"app":"db"}},
        "template":{"metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"name":"db",
            "image":"postgres:16","volumeMounts":[{"name":"data","mountPath":"/var/lib/postgresql"}]}]}},
        "volumeClaimTemplates":[{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],
            "resources":{"requests":{"storage":"1Gi"}}}}]}})))
        .unwrap();
    c.advance(30);
    let sts = describe(&c, "describe sts db").stdout;
    assert!(sts.contains(
        "Volume Claims:\n  Name:          data\n  StorageClass:  \n  Labels:        <none>\n  Annotations:   <none>\n  Capacity:      1Gi\n  Access Modes:  [ReadWriteOnce]\n"
    ));
    assert_snapshot!("statefulset", sts);
}

/// ConfigMaps, namespaces, storage classes and secrets.
#[test]
fn config_namespace_class_secret() {
    let mut c = Cluster::default();
    c.apply(obj(
        json!({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"story-config"},
        "data":{"folder":"story","mode":"demo"}}),
    ))
    .unwrap();
    c.apply(obj(
        json!({"apiVersion":"v1","kind":"Secret","metadata":{"name":"creds"},
        "data":{"password":"c2VjcmV0"}}),
    ))
    .unwrap();
    assert_eq!(
        describe(&c, "describe cm story-config"),
        ok("Name:         story-config\n\
            Namespace:    default\n\
            Labels:       <none>\n\
            Annotations:  <none>\n\
            \n\
            Data\n\
            ====\n\
            folder:\n\
            ----\n\
            story\n\
            \n\
            mode:\n\
            ----\n\
            demo\n\
            \n\
            \n\
            BinaryData\n\
            ====\n\
            \n\
            Events:  <none>\n")
    );
    assert_eq!(
        describe(&c, "describe ns default"),
        ok("Name:         default\n\
            Labels:       kubernetes.io/metadata.name=default\n\
            Annotations:  <none>\n\
            Status:       Active\n\
            \n\
            No resource quota.\n\
            \n\
            No LimitRange resource.\n")
    );
    assert_eq!(
        describe(&c, "describe sc standard"),
        ok("Name:                  standard\n\
            IsDefaultClass:        Yes\n\
            Annotations:           storageclass.kubernetes.io/is-default-class=true\n\
            Provisioner:           k8s.io/minikube-hostpath\n\
            Parameters:            <none>\n\
            AllowVolumeExpansion:  <unset>\n\
            MountOptions:          <none>\n\
            ReclaimPolicy:         Delete\n\
            VolumeBindingMode:     Immediate\n\
            Events:                <none>\n")
    );
    assert_eq!(
        describe(&c, "describe secret creds"),
        ok("Name:         creds\n\
            Namespace:    default\n\
            Labels:       <none>\n\
            Annotations:  <none>\n\
            \n\
            Type:  Opaque\n\
            \n\
            Data\n\
            ====\n\
            password:  6 bytes\n")
    );
}

/// Which objects are described: all of a type, name prefixes, several names, and kubectl's
/// messages when nothing or not everything is found.
#[test]
fn selection_prefixes_and_errors() {
    let mut c = Cluster::default();
    c.apply(claim("data-a", "1Gi", "standard")).unwrap();
    c.apply(claim("data-b", "1Gi", "standard")).unwrap();
    c.apply(claim("logs", "1Gi", "standard")).unwrap();
    c.advance(10);
    let one = |name: &str| describe(&c, &format!("describe pvc {name}")).stdout;
    let all = describe(&c, "describe pvc");
    assert_eq!(
        all.stdout,
        format!("{}\n\n{}\n\n{}", one("data-a"), one("data-b"), one("logs"))
    );
    // No exact match: every claim whose name starts with the word, each followed by a newline.
    let prefixed = describe(&c, "describe pvc data");
    assert!(prefixed.success);
    assert_eq!(
        prefixed.stdout,
        format!("{}\n{}\n", one("data-a"), one("data-b"))
    );
    assert_eq!(
        describe(&c, "describe pvc zzz"),
        failed(
            "",
            "Error from server (NotFound): persistentvolumeclaims \"zzz\" not found\n"
        )
    );
    // Prefixes only apply to `TYPE NAME`; with more names, the missing ones are errors.
    let two = describe(&c, "describe pvc logs zzz");
    assert_eq!(
        two,
        failed(
            &one("logs"),
            "Error from server (NotFound): persistentvolumeclaims \"zzz\" not found\n"
        )
    );
    assert_eq!(
        describe(&c, "describe pvc/logs pv/zzz"),
        failed(
            "",
            "Error from server (NotFound): persistentvolumes \"zzz\" not found\n"
        )
    );
    assert_eq!(
        describe(&c, "describe pods"),
        fine("", "No resources found in default namespace.\n")
    );
    assert_eq!(
        describe(&c, "describe deploy -A"),
        fine("", "No resources found\n")
    );
    let c = Cluster::new(ClusterConfig {
        profile: Default::default(),
        zones: 3,
        addons: Vec::new(),
        nodes: vec!["minikube".into()],
        control_plane: Some("minikube".into()),
        default_storage_class: false,
        seed: 1,
    });
    // kubectl names the namespace even for a cluster-scoped type.
    assert_eq!(
        describe(&c, "describe pv"),
        fine("", "No resources found in default namespace.\n")
    );
    assert!(
        describe(&c, "describe pods -l app=x")
            .stderr
            .starts_with("No resources found")
    );
}

/// No line panics, on an empty cluster or a busy one, whatever the kind, flags and names.
#[test]
fn every_read_line_runs_without_panicking() {
    let empty = Cluster::new(ClusterConfig {
        profile: Default::default(),
        zones: 3,
        addons: Vec::new(),
        nodes: vec![],
        control_plane: None,
        default_storage_class: false,
        seed: 7,
    });
    let mut busy = cluster_of(2);
    busy.apply(task_pv()).unwrap();
    busy.apply(task_claim()).unwrap();
    busy.apply(claim("dyn", "1Gi", "standard")).unwrap();
    busy.apply(story_pod("story", Some("task-pv-claim")))
        .unwrap();
    busy.apply(story_deployment("web", 2)).unwrap();
    busy.apply(obj(
        json!({"apiVersion":"v1","kind":"Service","metadata":{"name":"story-svc"},
        "spec":{"type":"LoadBalancer","selector":{"app":"story"},
        "ports":[{"port":80,"targetPort":3000,"nodePort":30080}]}}),
    ))
    .unwrap();
    busy.advance(90);
    busy.fail_node("minikube-m02").unwrap();
    busy.advance(400);
    let kinds = [
        "pods", "pvc", "pv", "sc", "nodes", "deploy", "rs", "sts", "cm", "secrets", "ns", "events",
        "all", "pv,pvc", "all,pvc",
    ];
    let names = [
        "",
        "story",
        "web",
        "task-pv-volume",
        "minikube",
        "default",
        "x",
        "\"ä ö\"",
    ];
    let flags = [
        "",
        "-o wide",
        "-o yaml",
        "-o json",
        "-o name",
        "-A",
        "-l app=web",
        "--show-labels",
        "--no-headers",
        "-n kube-system",
        "-L app",
        "--show-kind",
        "--ignore-not-found",
    ];
    for c in [&empty, &busy] {
        for verb in ["get", "describe"] {
            for kind in kinds {
                for name in names {
                    for flag in flags {
                        let line = format!("{verb} {kind} {name} {flag}");
                        let Ok(inv) = kubestory::kubectl::parse_command_line(&line) else {
                            continue;
                        };
                        let out = if verb == "get" {
                            kubestory::kubectl::get::run_get(&inv, c)
                        } else {
                            kubestory::kubectl::describe::run_describe(&inv, c)
                        };
                        assert!(
                            !out.combined().is_empty() || out.success,
                            "{line}: failed silently"
                        );
                    }
                }
            }
        }
    }
}

/// A local PV: node affinity terms, the LocalVolume source, no events.
#[test]
fn pv_local_with_node_affinity() {
    let mut c = Cluster::default();
    c.apply(obj(json!({"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"local-pv"},
        "spec":{"storageClassName":"local-storage","capacity":{"storage":"5Gi"},
        "accessModes":["ReadWriteOnce"],"local":{"path":"/mnt/disks/ssd1"},
        "nodeAffinity":{"required":{"nodeSelectorTerms":[{"matchExpressions":[
            {"key":"kubernetes.io/hostname","operator":"In","values":["minikube","minikube-m02"]}]}]}}}})))
        .unwrap();
    c.advance(3);
    assert_eq!(
        describe(&c, "describe pv local-pv"),
        ok("Name:              local-pv\n\
            Labels:            <none>\n\
            Annotations:       <none>\n\
            Finalizers:        [kubernetes.io/pv-protection]\n\
            StorageClass:      local-storage\n\
            Status:            Available\n\
            Claim:             \n\
            Reclaim Policy:    Retain\n\
            Access Modes:      RWO\n\
            VolumeMode:        Filesystem\n\
            Capacity:          5Gi\n\
            Node Affinity:     \n\
            \x20 Required Terms:  \n\
            \x20   Term 0:        kubernetes.io/hostname in [minikube, minikube-m02]\n\
            Message:           \n\
            Source:\n\
            \x20   Type:  LocalVolume (a persistent volume backed by local storage on a node)\n\
            \x20   Path:  /mnt/disks/ssd1\n\
            Events:    <none>\n")
    );
}
