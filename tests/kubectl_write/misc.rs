//! The dispatcher, `version`, `api-resources` and `explain`.

use super::harness::*;

#[test]
fn parse_errors_are_kubectl_errors() {
    let mut s = Session::new();
    assert_eq!(
        s.fails("kubectl delete pvc --bogus"),
        "error: unknown flag: --bogus\nSee 'kubectl delete --help' for usage.\n"
    );
    assert_eq!(
        s.fails("kubectl apply"),
        "error: must specify one of -f and -k\n"
    );
    let hint = s.fails("kubectl delete pvcs2 x");
    assert!(
        hint.starts_with("error: the server doesn't have a resource type \"pvcs2\"\n"),
        "{hint}"
    );
}

#[test]
fn flag_warnings_come_first() {
    let mut s = Session::new();
    s.write("pvc.yaml", &pvc("data", "1Gi"));
    s.ok("kubectl apply -f pvc.yaml");
    assert_eq!(
        s.ok("kubectl delete pvc data --cascade=true"),
        "warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\npersistentvolumeclaim \"data\" deleted from default namespace\n"
    );
}

#[test]
fn version() {
    let mut s = Session::new();
    let out = s.run("kubectl version");
    assert!(out.success);
    assert_eq!(
        out.stdout(),
        "Client Version: v1.34.1\nKustomize Version: v5.7.1\nServer Version: v1.34.0\n"
    );
    assert!(out.stderr().starts_with("kubestory: "));
    let client = s.run("kubectl version --client");
    assert_eq!(
        client.stdout(),
        "Client Version: v1.34.1\nKustomize Version: v5.7.1\n"
    );
    let json = s.run("kubectl version -o json");
    assert!(
        json.stdout().contains("\"gitVersion\": \"v1.34.0\""),
        "{}",
        json.stdout()
    );
}

#[test]
fn api_resources_lists_the_simulated_kinds() {
    let mut s = Session::new();
    let out = s.run("kubectl api-resources");
    let stdout = out.stdout();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some("NAME                     SHORTNAMES   APIVERSION          NAMESPACED   KIND")
    );
    assert!(lines.contains(&"persistentvolumeclaims   pvc          v1                  true         PersistentVolumeClaim"));
    assert!(lines.contains(
        &"storageclasses           sc           storage.k8s.io/v1   false        StorageClass"
    ));
    let names = s.run("kubectl api-resources -o name");
    assert!(names.stdout().contains("deployments.apps\n"));
}

#[test]
fn explain_prints_fields() {
    // kubectl `explain/v2/templates/plaintext.tmpl`, as kubectl v1.34 prints `explain pod.spec`
    // (the field's description, then its type's, wrapped at 76 and indented 4).
    let mut s = Session::new();
    let out = s.run("kubectl explain pvc.spec");
    assert!(out.success);
    assert!(
        out.stdout().starts_with(
            "KIND:       PersistentVolumeClaim\nVERSION:    v1\n\nFIELD: spec <PersistentVolumeClaimSpec>\n\nDESCRIPTION:\n    spec defines the desired characteristics of a volume requested by a pod\n    author. More info:\n    https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims\n    PersistentVolumeClaimSpec describes the common attributes of storage devices\n    and allows a Source for provider-specific attributes\n    \nFIELDS:\n  accessModes\t<[]string>\n    accessModes contains the desired access modes the volume should have. More\n    info:\n"
        ),
        "{}",
        out.stdout()
    );
    let pod = s.ok("kubectl explain pods");
    assert!(
        pod.starts_with("KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n    Pod is a collection of containers that can run on a host. This resource is\n    created by clients and scheduled onto hosts.\n    \nFIELDS:\n  apiVersion\t<string>\n"),
        "{pod}"
    );
    let name = s.ok("kubectl explain pod.spec.containers.name");
    assert!(
        name.starts_with(
            "KIND:       Pod\nVERSION:    v1\n\nFIELD: name <string>\n\nDESCRIPTION:\n"
        ),
        "{name}"
    );
    assert!(!name.contains("FIELDS:"), "{name}");
    let required = s.ok("kubectl explain pod.spec.containers");
    assert!(
        required.contains("\n  name\t<string> -required-\n"),
        "{required}"
    );
    let deploy = s.run("kubectl explain deployment");
    assert!(
        deploy
            .stdout()
            .starts_with("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n"),
        "{}",
        deploy.stdout()
    );
    let recursive = s.ok("kubectl explain pvc.spec.resources --recursive");
    assert!(
        recursive.contains(
            "FIELDS:\n  limits\t<map[string]Quantity>\n  requests\t<map[string]Quantity>\n"
        ),
        "{recursive}"
    );
    // The template's `throw "error: field \"%v\" does not exist"` names the path's last field.
    assert_eq!(
        s.fails("kubectl explain pvc.spec.nope.deeper"),
        "error: field \"deeper\" does not exist\n"
    );
    assert!(
        s.ok("kubectl explain nodes.spec.unschedulable")
            .contains("FIELD: unschedulable <boolean>")
    );
    assert!(
        s.ok("kubectl explain pvc --output=plaintext")
            .starts_with("KIND:")
    );
    assert!(
        s.fails("kubectl explain pvc --output=plaintext-openapiv2")
            .starts_with("kubestory: the flag `--output` is not simulated")
    );
}

#[test]
fn read_only_commands_do_not_make_undo_steps() {
    let mut s = Session::new();
    s.run("kubectl version");
    s.run("kubectl get pods");
    s.run("kubectl describe node minikube");
    s.ok("kubectl cordon minikube --dry-run=server");
    assert_eq!(s.sim.history().count(), 0);
}

#[test]
fn create_namespace_validates_the_name() {
    let mut s = Session::new();
    let out = s.fails("kubectl create namespace Bad_Name");
    assert!(
        out.starts_with("The Namespace \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 label"),
        "{out}"
    );
    assert_eq!(s.ok("kubectl create ns shop -o name"), "namespace/shop\n");
    assert_eq!(
        s.ok("kubectl create ns lab --dry-run=client"),
        "namespace/lab created (dry run)\n"
    );
    assert!(
        s.sim
            .cluster()
            .namespaces()
            .all(|n| n.metadata.name != "lab")
    );
}
