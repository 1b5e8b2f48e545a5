//! `--field-selector` on `get` and `delete`: kubectl passes it on; the API server parses it
//! (apimachinery `pkg/fields/selector.go` `parseSelector`), converts its labels per kind
//! (`pkg/apis/core/v1/conversion.go` `addConversionFuncs`,
//! `runtime.DefaultMetaV1FieldSelectorConversion`) and kubectl rewrites its BadRequest
//! (cli-runtime `resource/visitor.go` `EnhanceListError`).

use super::harness::*;

const BARE: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\n  labels: {app: bare}\nspec:\n  containers:\n  - name: app\n    image: nginx\n";
const WAITING: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: waiting\nspec:\n  containers:\n  - name: app\n    image: nginx\n  volumes:\n  - name: d\n    persistentVolumeClaim:\n      claimName: missing\n";

fn names(s: &mut Session, line: &str) -> String {
    s.ok(&format!("{line} -o name"))
}

#[test]
fn get_field_selector_filters_by_the_kinds_selectable_fields() {
    let mut s = Session::new();
    s.write("bare.yaml", BARE);
    s.write("waiting.yaml", WAITING);
    s.ok("kubectl apply -f bare.yaml");
    s.ok("kubectl apply -f waiting.yaml");
    s.wait(30);
    assert_eq!(
        names(
            &mut s,
            "kubectl get pods --field-selector status.phase=Running"
        ),
        "pod/bare\n"
    );
    assert_eq!(
        names(
            &mut s,
            "kubectl get pods --field-selector=status.phase!=Running"
        ),
        "pod/waiting\n"
    );
    assert_eq!(
        names(
            &mut s,
            "kubectl get po --field-selector metadata.name==bare,status.phase=Running"
        ),
        "pod/bare\n"
    );
    assert_eq!(
        names(
            &mut s,
            "kubectl get pods --field-selector spec.nodeName=minikube"
        ),
        "pod/bare\n"
    );
    // The field is accepted and empty for the pod the scheduler has not placed.
    assert_eq!(
        names(&mut s, "kubectl get pods --field-selector spec.nodeName="),
        "pod/waiting\n"
    );
    assert_eq!(
        s.ok("kubectl get pods --field-selector status.phase=Failed"),
        "No resources found in default namespace.\n"
    );
    assert_eq!(
        names(
            &mut s,
            "kubectl get nodes --field-selector spec.unschedulable=false"
        ),
        "node/minikube\n"
    );
    assert_eq!(
        names(
            &mut s,
            "kubectl get ns --field-selector metadata.name=default"
        ),
        "namespace/default\n"
    );
    assert_eq!(
        names(
            &mut s,
            "kubectl get pods -l app=bare --field-selector status.phase=Running"
        ),
        "pod/bare\n"
    );
    // Events: `involvedObject.*`, `reason`, `type`, `source` (event strategy.go `ToSelectableFields`).
    let scheduled = s.ok(
        "kubectl get events --field-selector involvedObject.kind=Pod,involvedObject.name=bare,reason=Scheduled -o jsonpath={.items[*].message}",
    );
    assert!(
        scheduled.starts_with("Successfully assigned default/bare to minikube"),
        "{scheduled}"
    );
    let warnings = s.ok(
        "kubectl get events --field-selector type=Warning,involvedObject.name=waiting -o jsonpath={.items[*].reason}",
    );
    assert!(warnings.contains("FailedScheduling"), "{warnings}");
}

#[test]
fn get_field_selector_errors_are_the_api_servers() {
    let mut s = Session::new();
    assert_eq!(
        s.fails("kubectl get pods --field-selector foo=bar"),
        "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"\", field selector \"foo=bar\": field label not supported: foo\n"
    );
    assert_eq!(
        s.fails("kubectl get pvc -l app=x --field-selector status.phase=Bound"),
        "Error from server (BadRequest): Unable to find \"/v1, Resource=persistentvolumeclaims\" that match label selector \"app=x\", field selector \"status.phase=Bound\": \"status.phase\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"\n"
    );
    assert_eq!(
        s.fails("kubectl get pods --field-selector status.phase"),
        "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"\", field selector \"status.phase\": invalid selector: 'status.phase'; can't understand 'status.phase'\n"
    );
    assert_eq!(
        s.fails("kubectl get pods x --field-selector status.phase=Running"),
        "error: name cannot be provided when a selector is specified\n"
    );
}

#[test]
fn delete_field_selector_selects_like_a_label_selector() {
    let mut s = Session::new();
    s.write("bare.yaml", BARE);
    s.write("waiting.yaml", WAITING);
    s.ok("kubectl apply -f bare.yaml");
    s.ok("kubectl apply -f waiting.yaml");
    s.wait(30);
    let out = s.ok("kubectl delete pods --field-selector status.phase=Pending --wait=false");
    assert_eq!(out, "pod \"waiting\" deleted from default namespace\n");
    // --ignore-not-found is the default with a field selector (delete.go `Complete`).
    assert_eq!(
        s.ok("kubectl delete pods --field-selector metadata.name=nothing"),
        "No resources found\n"
    );
    assert_eq!(
        s.fails("kubectl delete pods --all --field-selector status.phase=Failed"),
        "error: setting 'all' parameter but found a non empty selector. \n"
    );
    assert!(
        s.fails("kubectl delete pvc --field-selector spec.volumeName=x")
            .starts_with("Error from server (BadRequest): Unable to find \"/v1, Resource=persistentvolumeclaims\"")
    );
}
