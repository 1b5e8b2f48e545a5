//! `kubectl run` and `kubectl create deployment|configmap|secret generic`: the generated
//! objects as `--dry-run=client -o yaml` prints them (kubernetes/kubernetes
//! `staging/src/k8s.io/kubectl/pkg/generate/versioned/run.go` `BasicPod.Generate`,
//! `pkg/cmd/create/create_deployment.go` `createDeployment`, `create_configmap.go`,
//! `create_secret.go`; kubectl ≥ 1.33 omits the zero `creationTimestamp`), what they create,
//! and their errors.

use super::harness::*;

#[test]
fn run_creates_a_bare_pod_labelled_run_name() {
    let mut s = Session::new();
    assert_eq!(
        s.ok("kubectl run nginx --image=nginx --dry-run=client -o yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    run: nginx\n  name: nginx\nspec:\n  containers:\n  - image: nginx\n    name: nginx\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n"
    );
    assert_eq!(
        s.ok("kubectl run box --image=busybox:1.28 --restart=Never -l app=box,tier=x --env=A=1 --port=8080 -n kube-public --dry-run=client -o yaml -- sleep 3600"),
        "apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: box\n    tier: x\n  name: box\n  namespace: kube-public\nspec:\n  containers:\n  - args:\n    - sleep\n    - \"3600\"\n    env:\n    - name: A\n      value: \"1\"\n    image: busybox:1.28\n    name: box\n    ports:\n    - containerPort: 8080\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Never\nstatus: {}\n"
    );
    let cmd = s.ok("kubectl run box --image=busybox --command --dry-run=client -o yaml -- sleep 1");
    assert!(
        cmd.contains("  - command:\n    - sleep\n    - \"1\"\n"),
        "{cmd}"
    );
    assert_eq!(
        s.ok("kubectl run nginx --image=nginx"),
        "pod/nginx created\n"
    );
    let pod = s.sim.cluster().pod("default", "nginx").expect("created");
    assert_eq!(
        pod.metadata.labels.get("run").map(String::as_str),
        Some("nginx")
    );
    assert_eq!(
        s.fails("kubectl run nginx --image=nginx"),
        "Error from server (AlreadyExists): pods \"nginx\" already exists\n"
    );
    assert_eq!(
        s.ok("kubectl run other --image=nginx -o name"),
        "pod/other\n"
    );
}

#[test]
fn run_errors_are_kubectls() {
    let mut s = Session::new();
    for (line, want) in [
        (
            "kubectl run nginx",
            "error: required flag(s) \"image\" not set\n",
        ),
        (
            "kubectl run --image=nginx",
            "error: NAME is required for run\n",
        ),
        (
            "kubectl run --image=nginx -- sh",
            "error: NAME is required for run\n",
        ),
        ("kubectl run x --image=", "error: --image is required\n"),
        (
            "kubectl run x --image=Nginx",
            "error: Invalid image name \"Nginx\": invalid reference format\n",
        ),
        (
            "kubectl run x --image=nginx -t",
            "error: -i/--stdin is required for containers with -t/--tty=true\n",
        ),
        (
            "kubectl run x --image=nginx --restart=Sometimes",
            "error: invalid restart policy: Sometimes\n",
        ),
        (
            "kubectl run x --image=nginx --rm",
            "error: --rm should only be used for attached containers\n",
        ),
        (
            "kubectl run x --image=nginx -it --dry-run=client",
            "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\n",
        ),
        (
            "kubectl run x --image=nginx --image-pull-policy=Sometimes",
            "error: invalid image pull policy: Sometimes\n",
        ),
        (
            "kubectl run x --image=nginx --env=NOEQUALS",
            "error: invalid env: NOEQUALS\n",
        ),
        (
            "kubectl run x --image=nginx --port=http",
            "error: strconv.ParseUint: parsing \"http\": invalid syntax\n",
        ),
    ] {
        assert_eq!(s.fails(line), want, "{line}");
    }
    let it = s.fails("kubectl run -it shell --image=busybox --rm -- sh");
    assert!(it.starts_with("kubestory: `kubectl run` with `-i`"), "{it}");
    assert_eq!(s.sim.cluster().pods().count(), 0);
}

#[test]
fn create_deployment_generates_kubectls_deployment() {
    let mut s = Session::new();
    assert_eq!(
        s.ok("kubectl create deployment web --image=nginx --dry-run=client -o yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n"
    );
    let yaml = s.ok("kubectl create deploy web --image=registry.k8s.io/nginx:1.27 --replicas=3 --port=80 --dry-run=client -o yaml");
    assert!(yaml.contains("  replicas: 3\n"), "{yaml}");
    assert!(yaml.contains("      - image: registry.k8s.io/nginx:1.27\n        name: nginx\n        ports:\n        - containerPort: 80\n"), "{yaml}");
    assert_eq!(
        s.ok("kubectl create deployment web --image=nginx --replicas=2"),
        "deployment.apps/web created\n"
    );
    s.wait(30);
    assert_eq!(s.sim.cluster().pods().count(), 2);
    assert_eq!(
        s.fails("kubectl create deployment web --image=nginx"),
        "error: failed to create deployment: deployments.apps \"web\" already exists\n"
    );
    assert_eq!(
        s.fails("kubectl create deployment --image=nginx"),
        "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n"
    );
    assert_eq!(
        s.fails("kubectl create deployment web"),
        "error: required flag(s) \"image\" not set\n"
    );
    assert_eq!(
        s.fails("kubectl create deployment web --image=a --image=b -- sleep 1"),
        "error: cannot specify multiple --image options and command\n"
    );
}

#[test]
fn create_configmap_and_secret_from_literals_and_workspace_files() {
    let mut s = Session::new();
    s.write("story.txt", "once upon a time\n");
    s.write("conf/a.properties", "a=1\n");
    s.write("conf/b.properties", "b=2\n");
    assert_eq!(
        s.ok("kubectl create configmap story --from-literal=title=Dune --from-file=story.txt --dry-run=client -o yaml"),
        "apiVersion: v1\ndata:\n  story.txt: |\n    once upon a time\n  title: Dune\nkind: ConfigMap\nmetadata:\n  name: story\n"
    );
    assert_eq!(
        s.ok("kubectl create cm conf --from-file=conf -o name"),
        "configmap/conf\n"
    );
    let cm = s.ok("kubectl get cm conf -o jsonpath={.data}");
    assert_eq!(
        cm,
        "{\"a.properties\":\"a=1\\n\",\"b.properties\":\"b=2\\n\"}"
    );
    assert_eq!(
        s.fails("kubectl create configmap x --from-literal=a=1 --from-literal=a=2"),
        "error: cannot add key \"a\", another key by that name already exists in Data for ConfigMap \"x\"\n"
    );
    let invalid = s.fails("kubectl create configmap Bad --from-literal=a=b");
    assert!(
        invalid.starts_with("error: failed to create configmap: ConfigMap \"Bad\" is invalid: metadata.name: Invalid value: \"Bad\""),
        "{invalid}"
    );
    assert_eq!(
        s.fails("kubectl create configmap x --from-file=missing.txt"),
        "error: error reading missing.txt: no such file or directory\n"
    );
    assert_eq!(
        s.fails("kubectl create configmap x --from-literal=novalue"),
        "error: invalid literal source novalue, expected key=value\n"
    );
    assert_eq!(
        s.ok("kubectl create secret generic db --from-literal=password=s3cr3t --dry-run=client -o yaml"),
        "apiVersion: v1\ndata:\n  password: czNjcjN0\nkind: Secret\nmetadata:\n  name: db\n"
    );
    assert_eq!(
        s.ok("kubectl create secret generic db --from-literal=password=s3cr3t --type=Opaque"),
        "secret/db created\n"
    );
    assert_eq!(
        s.fails("kubectl create secret generic db --from-literal=password=x"),
        "error: failed to create secret: secrets \"db\" already exists\n"
    );
    let bad = s.fails("kubectl create secret generic k --from-literal='key#1=v'");
    assert!(
        bad.starts_with("error: \"key#1\" is not valid key name for a Secret a valid config key must consist of alphanumeric characters"),
        "{bad}"
    );
}

#[test]
fn from_file_sources_are_bounded() {
    let mut s = Session::new();
    s.write("big.txt", &"x".repeat(70 * 1024));
    let out = s.fails("kubectl create configmap big --from-file=big.txt --dry-run=client -o yaml");
    assert!(
        out.starts_with("kubestory: the --from-file sources hold more than 64 KiB"),
        "{out}"
    );
}

/// cli-runtime `printers/json.go` `JSONPrinter.PrintObj`: a typed object is marshalled in
/// struct order (`kind` first), as `kubectl run … --dry-run=client -o json` shows.
#[test]
fn client_dry_run_json_is_in_go_struct_order() {
    let mut s = Session::new();
    assert_eq!(
        s.ok("kubectl run nginx --image=nginx --dry-run=client -o json"),
        "{\n    \"kind\": \"Pod\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"nginx\",\n        \"labels\": {\n            \"run\": \"nginx\"\n        }\n    },\n    \"spec\": {\n        \"containers\": [\n            {\n                \"name\": \"nginx\",\n                \"image\": \"nginx\",\n                \"resources\": {}\n            }\n        ],\n        \"restartPolicy\": \"Always\",\n        \"dnsPolicy\": \"ClusterFirst\"\n    },\n    \"status\": {}\n}\n"
    );
    let secret = s.ok(
        "kubectl create secret generic x --from-literal=a=b --type=Opaque --dry-run=client -o json",
    );
    assert!(secret.starts_with("{\n    \"kind\": \"Secret\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {\n        \"name\": \"x\"\n    },\n    \"data\": {\n        \"a\": \"Yg==\"\n    },\n    \"type\": \"Opaque\"\n}\n"), "{secret}");
}
