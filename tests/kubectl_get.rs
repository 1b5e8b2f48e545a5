//! Golden outputs of `kubectl get`, driven through the simulator's API. The storage tables
//! match the examples of k8s-storage-semantics.md §11 byte for byte.

mod kubectl_common;

use kubectl_common::*;
use kubestory::sim::*;
use serde_json::json;

/// §11.2–§11.3: the docs' task-pv walkthrough, Available → Bound, at the ages of the examples.
#[test]
fn s11_task_pv_available_then_bound() {
    let mut c = Cluster::default();
    c.apply(task_pv()).unwrap();
    c.advance(87);
    assert_eq!(
        get(&c, "get pv"),
        ok(
            "NAME             CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n\
            task-pv-volume   10Gi       RWO            Retain           Available           manual         <unset>                          87s\n"
        )
    );
    let mut c = Cluster::default();
    c.apply(task_pv()).unwrap();
    c.advance(30);
    c.apply(task_claim()).unwrap();
    c.advance(159);
    assert_eq!(
        get(&c, "get pv"),
        ok(
            "NAME             CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM                   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n\
            task-pv-volume   10Gi       RWO            Retain           Bound    default/task-pv-claim   manual         <unset>                          3m9s\n"
        )
    );
    assert_eq!(
        get(&c, "get pvc"),
        ok(
            "NAME            STATUS   VOLUME           CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n\
            task-pv-claim   Bound    task-pv-volume   10Gi       RWO            manual         <unset>                 2m39s\n"
        )
    );
    assert_eq!(
        get(&c, "get pvc -o wide").stdout.lines().nth(1),
        Some(
            "task-pv-claim   Bound    task-pv-volume   10Gi       RWO            manual         <unset>                 2m39s   Filesystem"
        )
    );
}

/// §11.3: a claim with no volume shows blank CAPACITY and ACCESS MODES.
#[test]
fn s11_pending_claim() {
    let mut c = Cluster::default();
    c.apply(task_claim()).unwrap();
    c.advance(5);
    assert_eq!(
        get(&c, "get pvc"),
        ok(
            "NAME            STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n\
            task-pv-claim   Pending                                      manual         <unset>                 5s\n"
        )
    );
}

/// §11.2–§11.3, §7.1, §6.3: a claim in use is Terminating; once its pod is gone the claim is
/// removed and the Retain PV is Released, still showing its claim.
#[test]
fn s11_terminating_claim_then_released_volume() {
    let mut c = Cluster::default();
    c.apply(host_pv("host-pv", "1Gi")).unwrap();
    c.apply(claim("host-pvc", "1Gi", "standard")).unwrap();
    c.apply(story_pod("story", Some("host-pvc"))).unwrap();
    c.advance(19 * 60);
    c.delete(
        Kind::PersistentVolumeClaim,
        "default",
        "host-pvc",
        DeleteOptions::default(),
    )
    .unwrap();
    c.advance(60);
    assert_eq!(
        get(&c, "get pvc"),
        ok(
            "NAME       STATUS        VOLUME    CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n\
            host-pvc   Terminating   host-pv   1Gi        RWO            standard       <unset>                 20m\n"
        )
    );
    c.delete(Kind::Pod, "default", "story", DeleteOptions::default())
        .unwrap();
    c.advance(60);
    assert_eq!(
        get(&c, "get pv"),
        ok(
            "NAME      CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS     CLAIM              STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n\
            host-pv   1Gi        RWO            Retain           Released   default/host-pvc   standard       <unset>                          21m\n"
        )
    );
    assert_eq!(
        get(&c, "get pvc"),
        fine("", "No resources found in default namespace.\n")
    );
}

/// Several types: one table each, `kind/` prefixes, a blank line between them.
#[test]
fn several_types_print_several_tables() {
    let mut c = Cluster::default();
    c.apply(task_pv()).unwrap();
    c.apply(task_claim()).unwrap();
    c.advance(30);
    assert_eq!(
        get(&c, "get pv,pvc").stdout,
        "NAME                              CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM                   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n\
         persistentvolume/task-pv-volume   10Gi       RWO            Retain           Bound    default/task-pv-claim   manual         <unset>                          30s\n\
         \n\
         NAME                                  STATUS   VOLUME           CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n\
         persistentvolumeclaim/task-pv-claim   Bound    task-pv-volume   10Gi       RWO            manual         <unset>                 30s\n"
    );
    // An empty type still counts as requested: the prefix stays, no blank line is added.
    assert_eq!(
        get(&c, "get pods,pvc --no-headers").stdout,
        "persistentvolumeclaim/task-pv-claim   Bound   task-pv-volume   10Gi   RWO   manual   <unset>   30s\n"
    );
    assert_eq!(get(&c, "get pods,pv").stderr, "");
    assert_eq!(
        get(&c, "get pods,configmaps"),
        fine("", "No resources found in default namespace.\n")
    );
    assert_eq!(
        get(&c, "get pods,nodes -l x=y"),
        fine("", "No resources found\n")
    );
}

/// Named objects: found ones print, missing ones are NotFound errors after them.
#[test]
fn named_objects_and_not_found() {
    let mut c = Cluster::default();
    c.apply(task_pv()).unwrap();
    c.apply(task_claim()).unwrap();
    let out = get(&c, "get pvc task-pv-claim nope");
    assert_eq!(
        out,
        failed(
            "NAME            STATUS   VOLUME           CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n\
             task-pv-claim   Bound    task-pv-volume   10Gi       RWO            manual         <unset>                 0s\n",
            "Error from server (NotFound): persistentvolumeclaims \"nope\" not found\n"
        )
    );
    assert_eq!(
        get(&c, "get deploy web"),
        failed(
            "",
            "Error from server (NotFound): deployments.apps \"web\" not found\n"
        )
    );
    assert_eq!(get(&c, "get sc nope --ignore-not-found"), fine("", ""));
    let mixed = get(&c, "get pvc/task-pv-claim pv/task-pv-volume pvc/gone");
    assert!(
        mixed
            .stdout
            .starts_with("NAME                                  STATUS")
    );
    assert!(
        mixed
            .stdout
            .contains("\n\nNAME                              CAPACITY")
    );
    assert_eq!(
        mixed.stderr,
        "Error from server (NotFound): persistentvolumeclaims \"gone\" not found\n"
    );
    assert_eq!(
        get(&c, "get pod \"we ird\"").stderr,
        "Error from server (NotFound): pods \"we ird\" not found\n"
    );
}

/// `-o yaml`, `-o json`, `-o name`: one named object alone, everything else a List.
#[test]
fn structured_output() {
    let mut c = Cluster::default();
    c.apply(task_pv()).unwrap();
    let yaml = get(&c, "get pv task-pv-volume -o yaml");
    assert!(
        yaml.stdout
            .starts_with("apiVersion: v1\nkind: PersistentVolume\nmetadata:\n")
    );
    assert!(
        yaml.stdout
            .contains("\n  persistentVolumeReclaimPolicy: Retain\n")
    );
    let list = get(&c, "get pv -o yaml");
    assert!(
        list.stdout
            .starts_with("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: PersistentVolume\n")
    );
    assert!(
        list.stdout
            .ends_with("kind: List\nmetadata:\n  resourceVersion: \"\"\n")
    );
    assert_eq!(
        get(&c, "get pods -o yaml"),
        ok("apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: \"\"\n")
    );
    assert_eq!(
        get(&c, "get pods -o json").stdout,
        "{\n    \"apiVersion\": \"v1\",\n    \"items\": [],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n"
    );
    assert_eq!(
        get(&c, "get pv,sc -o name"),
        ok("persistentvolume/task-pv-volume\nstorageclass.storage.k8s.io/standard\n")
    );
    assert_eq!(get(&c, "get pods -o name"), fine("", ""));
    assert_eq!(
        get(&c, "get pv nope -o yaml"),
        failed(
            "",
            "Error from server (NotFound): persistentvolumes \"nope\" not found\n"
        )
    );
    let two = get(&c, "get pv task-pv-volume nope -o name");
    assert_eq!(
        two,
        failed(
            "persistentvolume/task-pv-volume\n",
            "Error from server (NotFound): persistentvolumes \"nope\" not found\n"
        )
    );
    let node = get(&c, "get node minikube -o json").stdout;
    assert!(node.starts_with("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Node\",\n"));
}

/// §11.4: the default class is marked by its own annotation; unset fields print defaults.
#[test]
fn s11_storage_classes() {
    let mut c = Cluster::default();
    c.advance(10 * 86_400 - 600 - 3 * 3600);
    c.apply(obj(
        json!({"apiVersion":"storage.k8s.io/v1","kind":"StorageClass",
        "metadata":{"name":"fast-disks"},"provisioner":"kubernetes.io/no-provisioner",
        "volumeBindingMode":"WaitForFirstConsumer"}),
    ))
    .unwrap();
    c.advance(3 * 3600);
    assert_eq!(
        get(&c, "get sc"),
        ok(
            "NAME                 PROVISIONER                    RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\n\
            fast-disks           kubernetes.io/no-provisioner   Delete          WaitForFirstConsumer   false                  3h\n\
            standard (default)   k8s.io/minikube-hostpath       Delete          Immediate              false                  10d\n"
        )
    );
}

/// §11.5: RESTARTS shows the last termination's age; a second crash inside the back-off is
/// CrashLoopBackOff with the container not ready.
#[test]
fn s11_pods_after_a_crash() {
    let mut c = Cluster::default();
    c.apply(story_pod("story", None)).unwrap();
    c.advance(240);
    c.crash("default", &Target::Pod("story".into()), None)
        .unwrap();
    c.advance(5);
    assert_eq!(
        get(&c, "get pods"),
        ok("NAME    READY   STATUS    RESTARTS     AGE\n\
            story   1/1     Running   1 (5s ago)   4m5s\n")
    );
    c.crash("default", &Target::Pod("story".into()), None)
        .unwrap();
    c.advance(2);
    assert_eq!(
        get(&c, "get pods"),
        ok("NAME    READY   STATUS             RESTARTS     AGE\n\
            story   0/1     CrashLoopBackOff   1 (2s ago)   4m7s\n")
    );
}

/// Pending (unbound claim), ContainerCreating (a failing mount), Running, with `-o wide`,
/// `-L`, `--show-labels` and `-l`.
#[test]
fn pod_states_wide_and_labels() {
    let mut c = cluster_of(2);
    c.apply(story_deployment("web", 2)).unwrap();
    c.apply(obj(
        json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":"mount-fail"},
        "spec":{"nodeName":"minikube","containers":[{"name":"c","image":"busybox",
        "volumeMounts":[{"name":"h","mountPath":"/data"}]}],
        "volumes":[{"name":"h","hostPath":{"path":"/nope","type":"Directory"}}]}}),
    ))
    .unwrap();
    c.apply(story_pod("lonely", Some("missing"))).unwrap();
    c.advance(30);
    assert_eq!(
        get(&c, "get pods -o wide"),
        ok(
            "NAME                   READY   STATUS              RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES\n\
            lonely                 0/1     Pending             0          30s   <none>       <none>         <none>           <none>\n\
            mount-fail             0/1     ContainerCreating   0          30s   <none>       minikube       <none>           <none>\n\
            web-7675dc89b5-kmcs7   1/1     Running             0          30s   10.244.0.3   minikube       <none>           <none>\n\
            web-7675dc89b5-pxzfj   1/1     Running             0          30s   10.244.1.2   minikube-m02   <none>           <none>\n"
        )
    );
    assert_eq!(
        get(&c, "get pods -L app"),
        ok(
            "NAME                   READY   STATUS              RESTARTS   AGE   APP\n\
            lonely                 0/1     Pending             0          30s   story\n\
            mount-fail             0/1     ContainerCreating   0          30s   \n\
            web-7675dc89b5-kmcs7   1/1     Running             0          30s   web\n\
            web-7675dc89b5-pxzfj   1/1     Running             0          30s   web\n"
        )
    );
    assert_eq!(
        get(&c, "get pods -l app=web --show-labels"),
        ok(
            "NAME                   READY   STATUS    RESTARTS   AGE   LABELS\n\
            web-7675dc89b5-kmcs7   1/1     Running   0          30s   app=web,pod-template-hash=7675dc89b5\n\
            web-7675dc89b5-pxzfj   1/1     Running   0          30s   app=web,pod-template-hash=7675dc89b5\n"
        )
    );
    assert_eq!(
        get(&c, "get pods -l app=nope -n kube-system"),
        fine("", "No resources found in kube-system namespace.\n")
    );
}

/// `kubectl get all`: pods, the `kubernetes` Service, deployments and replicasets, each with
/// its `kind/` prefix; `-A` adds NAMESPACE.
#[test]
fn get_all() {
    let mut c = Cluster::default();
    c.apply(story_deployment("web", 1)).unwrap();
    c.advance(30);
    assert_eq!(
        get(&c, "get all"),
        ok(
            "NAME                       READY   STATUS    RESTARTS   AGE\n\
            pod/web-7675dc89b5-b2pxz   1/1     Running   0          30s\n\
            \n\
            NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n\
            service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   10m\n\
            \n\
            NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n\
            deployment.apps/web   1/1     1            1           30s\n\
            \n\
            NAME                             DESIRED   CURRENT   READY   AGE\n\
            replicaset.apps/web-7675dc89b5   1         1         1       30s\n"
        )
    );
    assert_eq!(
        get(&c, "get all -A").stdout.lines().next(),
        Some(
            "NAMESPACE     NAME                                   READY   STATUS    RESTARTS   AGE"
        )
    );
    // minikube's kube-system pods (issue 11, cluster profiles): the control plane's static
    // pods on `minikube`, CoreDNS, kube-proxy, the storage provisioner.
    let system = get(&c, "get all -n kube-system").stdout;
    for pod in [
        "pod/etcd-minikube ",
        "pod/kube-apiserver-minikube ",
        "pod/kube-controller-manager-minikube ",
        "pod/kube-scheduler-minikube ",
        "pod/storage-provisioner ",
        "pod/coredns-66bc5c9577-",
        "pod/kube-proxy-",
    ] {
        assert!(system.contains(pod), "{pod} in\n{system}");
    }
    assert_eq!(
        get(&c, "get deploy -o wide").stdout,
        "NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES                      SELECTOR\n\
         web    1/1     1            1           30s   story        academind/kub-data-demo:1   app=web\n"
    );
}

/// Node failure (§9.3): NotReady after the grace period, the evicted pod Terminating;
/// cordoning adds SchedulingDisabled. The node is the worker: failing the control-plane node
/// `minikube` would stop the API server (issue 11).
#[test]
fn nodes_not_ready_and_cordoned() {
    let mut c = cluster_of(2);
    c.cordon("minikube", true).unwrap();
    c.apply(story_pod("story", None)).unwrap();
    c.cordon("minikube", false).unwrap();
    c.advance(10);
    let node = c
        .pod("default", "story")
        .and_then(|p| p.spec.node_name.clone())
        .unwrap();
    c.fail_node(&node).unwrap();
    c.advance(400);
    c.cordon("minikube-m02", true).unwrap();
    assert_eq!(node, "minikube-m02");
    assert_eq!(
        get(&c, "get nodes"),
        ok(
            "NAME           STATUS                        ROLES           AGE   VERSION\n\
            minikube       Ready                         control-plane   16m   v1.34.0\n\
            minikube-m02   NotReady,SchedulingDisabled   <none>          16m   v1.34.0\n"
        )
    );
    assert_eq!(
        get(&c, "get pods"),
        ok("NAME    READY   STATUS        RESTARTS   AGE\n\
            story   0/1     Terminating   0          6m50s\n")
    );
}

/// `kubectl get events`: ordered by event name (object name, then time), LAST SEEN from the
/// last occurrence; `-o wide` adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME.
#[test]
fn events_table() {
    let mut c = Cluster::new(ClusterConfig {
        profile: Default::default(),
        zones: 3,
        addons: Vec::new(),
        nodes: vec!["minikube".into()],
        control_plane: Some("minikube".into()),
        default_storage_class: false,
        seed: 1,
    });
    c.apply(obj(
        json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data"},
        "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}),
    ))
    .unwrap();
    c.apply(story_pod("story", None)).unwrap();
    c.advance(65);
    assert_eq!(
        get(&c, "get events"),
        ok(
            "LAST SEEN   TYPE     REASON          OBJECT                       MESSAGE\n\
            0s          Normal   FailedBinding   persistentvolumeclaim/data   no persistent volumes available for this claim and no storage class is set\n\
            65s         Normal   Scheduled       pod/story                    Successfully assigned default/story to minikube\n\
            65s         Normal   Pulled          pod/story                    Container image \"academind/kub-data-demo\" already present on machine\n\
            65s         Normal   Created         pod/story                    Created container: story\n\
            65s         Normal   Started         pod/story                    Started container story\n"
        )
    );
    let wide = get(&c, "get events -o wide").stdout;
    assert_eq!(
        wide.lines().take(3).collect::<Vec<_>>(),
        vec![
            "LAST SEEN   TYPE     REASON          OBJECT                       SUBOBJECT   SOURCE                        MESSAGE                                                                      FIRST SEEN   COUNT   NAME",
            "0s          Normal   FailedBinding   persistentvolumeclaim/data               persistentvolume-controller   no persistent volumes available for this claim and no storage class is set   65s          2       data.188672dda0c37000",
            "65s         Normal   Scheduled       pod/story                                default-scheduler             Successfully assigned default/story to minikube                              65s          1       story.188672dda0c37001",
        ]
    );
    assert!(wide.contains("   kubelet, minikube   "));
    assert_eq!(
        get(&c, "get events -A").stdout.lines().next(),
        Some(
            "NAMESPACE   LAST SEEN   TYPE     REASON          OBJECT                       MESSAGE"
        )
    );
    assert_eq!(
        get(&c, "get events -n kube-system"),
        fine("", "No resources found in kube-system namespace.\n")
    );
}

/// §3.1: a claim pre-bound to a PV that does not exist is Pending with VOLUME set; printers.go
/// then prints the (empty) status capacity, which is the zero quantity `0`.
#[test]
fn prebound_pending_claim_shows_zero_capacity() {
    let mut c = Cluster::default();
    c.apply(obj(
        json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"pre"},
        "spec":{"volumeName":"ghost","storageClassName":"","accessModes":["ReadWriteOnce"],
        "resources":{"requests":{"storage":"1Gi"}}}}),
    ))
    .unwrap();
    c.advance(7);
    assert_eq!(
        get(&c, "get pvc"),
        ok(
            "NAME   STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE\n\
            pre    Pending   ghost    0                                        <unset>                 7s\n"
        )
    );
}
