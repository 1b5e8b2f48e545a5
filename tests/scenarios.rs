//! Golden scenario tests: every `assets/scenarios/*.sim` script runs through the headless
//! runner and its whole output (every command, every `story read`) is compared with a
//! reviewed snapshot. A change in what any pod sees after any event shows up here.

use kubestory::runner::{DirFiles, RunOptions, run_script};
use std::path::{Path, PathBuf};

fn scenario_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/scenarios")
}

fn run(name: &str, json: bool) -> String {
    let dir = scenario_dir();
    let text = std::fs::read_to_string(dir.join(name)).expect("scenario exists");
    run_script(
        &text,
        &DirFiles { base: dir },
        &RunOptions {
            fail_fast: false,
            json,
        },
    )
    .output
}

macro_rules! scenario {
    ($test:ident, $file:literal) => {
        #[test]
        fn $test() {
            insta::assert_snapshot!(run($file, false));
        }
    };
}

scenario!(container_vs_emptydir, "container-vs-emptydir.sim");
scenario!(hostpath_two_nodes, "hostpath-two-nodes.sim");
scenario!(static_pv_retain, "static-pv-retain.sim");
scenario!(dynamic_provisioning, "dynamic-provisioning.sim");
scenario!(statefulset, "statefulset.sim");
scenario!(node_failure, "node-failure.sim");
// Issue 11: failing minikube's control-plane node. kubectl prints what kubectl
// `pkg/cmd/util/helpers.go` `StandardErrorMessage` prints for an unreachable server; the node
// lifecycle controller (`pkg/controller/nodelifecycle`) stops with the node it runs on.
scenario!(control_plane_failure, "control-plane-failure.sim");
// Issue 11, cluster profiles: what a fresh kind cluster has (kind `kubeadminit/init.go` keeps
// the control plane's NoSchedule taint with workers; `const_storage.go`: local-path `standard`)
// and its failed control plane (the forwarded port refuses: kubectl `StandardErrorMessage`).
scenario!(profile_kind, "profile-kind.sim");
// The cloud profile: managed control plane, three zones, the EBS and EFS CSI drivers; a zonal
// disk follows the selected node's zone and a pod elsewhere meets the scheduler's volume node
// affinity conflict (`volumebinding` `FindPodVolumes`).
scenario!(profile_cloud, "profile-cloud.sim");
// What is not installed does not work: a driver the profile lacks (ExternalProvisioning),
// VolumeSnapshot without its CRDs, Block on minikube's hostPath provisioner, a clone.
scenario!(missing_driver, "missing-driver.sim");
// minikube's csi-hostpath-driver addon: the CSI hostpath driver clones a claim by copying its
// files (external-provisioner `getPVCSource`, csi-driver-host-path `CreateVolume` with a
// volume content source); minikube's own provisioner ignores the dataSource, and kubestory
// says so.
scenario!(addon_csi_hostpath_clone, "addon-csi-hostpath-clone.sim");

/// `--json` names the profile and each node's zone (issue 11).
#[test]
fn json_state_names_profile_and_zones() {
    let out = run("profile-cloud.sim", true);
    let start = out.rfind("\n{\n").expect("JSON on a line of its own") + 1;
    let state: serde_json::Value = serde_json::from_str(&out[start..]).expect("valid JSON");
    assert_eq!(state["profile"], "cloud");
    assert_eq!(state["nodes"][0]["controlPlane"], false);
    assert_eq!(state["nodes"][1]["zone"], "us-east-1b");
}
// Issue 11: a generic ephemeral volume. The ephemeral volume controller
// (`pkg/controller/volume/ephemeral/controller.go` `handleVolume`) creates the claim
// `<pod>-<volume>` (component-helpers `storage/ephemeral` `VolumeClaimName`) owned by the pod;
// the garbage collector deletes it with the pod; a claim of that name the pod does not own
// stops the pod (`VolumeIsForPod`: "… was not created for pod … (pod is not owner)").
scenario!(ephemeral_claim, "ephemeral-claim.sim");
// Issue 11: the app's user. A hostPath directory the kubelet makes is root's, 0755
// (`pkg/volume/hostpath/host_path.go` `makeDir`) and takes no fsGroup; an emptyDir is 0777
// (`pkg/volume/emptydir/empty_dir.go` `defaultPerm`); minikube's provisioner makes 0777
// directories (minikube `pkg/storage/storage_provisioner.go` `Provision`).
scenario!(permission_denied, "permission-denied.sim");
// Issue 11, item 4: an RWO disk stays attached while the evicted pod is Terminating on the lost
// node (AD `desired_state_of_world_populator.go`, `IsPodTerminated`); Multi-Attach is reported
// once, naming the old pod (`reportMultiAttachError`); the out-of-service taint frees it (PodGC
// `gcTerminating`, AD `reconcile` `hasOutOfServiceTaint`).
scenario!(disk_out_of_service, "disk-out-of-service.sim");
// Issue 11, item 4: a force-deleted StatefulSet pod is recreated at once; its disk is
// "exclusively attached" to the dead node until the reconciler force-detaches it after
// `maxWaitForUnmountDuration` (6 minutes).
scenario!(disk_force_delete, "disk-force-delete.sim");
// Issue 12, item 3: `-o name|jsonpath|jsonpath-as-json|custom-columns`, `--sort-by`, the `k`
// alias and pipes into grep, head, tail, wc -l and sort (anything else is refused).
scenario!(output_shaping, "output-shaping.sim");

/// `--json` names the control-plane node (issue 11: per node `controlPlane`), and after the
/// control plane's failure and recovery every node is Ready: nothing was marked NotReady.
#[test]
fn json_state_names_the_control_plane_node() {
    let out = run("control-plane-failure.sim", true);
    let start = out
        .rfind("\n{\n")
        .expect("JSON starts on a line of its own")
        + 1;
    let state: serde_json::Value = serde_json::from_str(&out[start..]).expect("valid JSON");
    assert_eq!(
        state["nodes"],
        serde_json::json!([
            {"name": "minikube", "ready": true, "controlPlane": true, "zone": null},
            {"name": "minikube-m02", "ready": true, "controlPlane": false, "zone": null}
        ])
    );
}

#[test]
fn every_scenario_file_has_a_golden_test() {
    let mut names: Vec<String> = std::fs::read_dir(scenario_dir())
        .expect("scenario folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sim"))
        .collect();
    names.sort();
    let source = include_str!("scenarios.rs");
    for n in names {
        assert!(
            source.contains(&format!("\"{n}\"")),
            "{n} has no scenario! line in tests/scenarios.rs"
        );
    }
}

#[test]
fn json_state_of_the_dynamic_provisioning_scenario() {
    let out = run("dynamic-provisioning.sim", true);
    let start = out
        .rfind("\n{\n")
        .expect("JSON starts on a line of its own")
        + 1;
    let state: serde_json::Value = serde_json::from_str(&out[start..]).expect("valid JSON");
    assert_eq!(
        state["pvs"],
        serde_json::json!([]),
        "the Delete policy removed the PV"
    );
    assert_eq!(state["pvcs"], serde_json::json!([]));
    assert_eq!(
        state["storageClasses"],
        serde_json::json!([{"name": "standard", "default": true}])
    );
    let reasons: Vec<&str> = state["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["reason"].as_str())
        .collect();
    assert!(reasons.contains(&"ProvisioningSucceeded"));
}

#[test]
fn json_reports_what_each_pod_serves() {
    let dir = scenario_dir();
    let script = "kubectl apply -f story-emptydir.yaml\nstory write deploy/story one\nstory write deploy/story two\n";
    let out = run_script(
        script,
        &DirFiles { base: dir },
        &RunOptions {
            fail_fast: false,
            json: true,
        },
    )
    .output;
    let start = out.rfind("\n{\n").unwrap() + 1;
    let state: serde_json::Value = serde_json::from_str(&out[start..]).unwrap();
    assert_eq!(
        state["pods"][0]["stories"],
        serde_json::json!(["one", "two"])
    );
    assert_eq!(state["pods"][0]["status"], "Running");
    assert_eq!(
        state["nodes"],
        serde_json::json!([{"name": "minikube", "ready": true, "controlPlane": true, "zone": null}])
    );
}

#[test]
fn failing_commands_print_their_error_and_the_script_goes_on() {
    let script = "kubectl get pvc nope\nstory read nope\nwait 5\n";
    let r = run_script(
        script,
        &DirFiles {
            base: scenario_dir(),
        },
        &RunOptions::default(),
    );
    assert!(!r.failed);
    assert_eq!(
        r.output,
        "$ kubectl get pvc nope\nError from server (NotFound): persistentvolumeclaims \"nope\" not found\n$ story read nope\nError from server (NotFound): pods \"nope\" not found\n$ wait 5\nwaited 5s\n"
    );
    let r = run_script(
        script,
        &DirFiles {
            base: scenario_dir(),
        },
        &RunOptions {
            fail_fast: true,
            json: false,
        },
    );
    assert!(r.failed);
    assert!(
        !r.output.contains("story read"),
        "fail-fast stops at the first failure"
    );
}

#[test]
fn cluster_line_only_before_other_commands() {
    let r = run_script(
        "wait 1s\ncluster nodes=2\n",
        &DirFiles {
            base: scenario_dir(),
        },
        &RunOptions::default(),
    );
    assert!(
        r.output
            .contains("error: `cluster` must come before any other command")
    );
    assert_eq!(r.sim.cluster().nodes().count(), 1);
}

/// `--json` lists a generic ephemeral volume's claim as the normal claim it is (issue 11: the
/// ephemeral volume controller creates `<pod>-<volume>`, provisioned through the class).
#[test]
fn json_state_lists_the_ephemeral_claim_as_a_claim() {
    let out = run_script(
        "kubectl apply -f story-ephemeral.yaml\nstory write story on the claim\n",
        &DirFiles {
            base: scenario_dir(),
        },
        &RunOptions {
            fail_fast: true,
            json: true,
        },
    )
    .output;
    let start = out
        .rfind("\n{\n")
        .expect("JSON starts on a line of its own")
        + 1;
    let state: serde_json::Value = serde_json::from_str(&out[start..]).expect("valid JSON");
    let pvcs = state["pvcs"].as_array().expect("pvcs");
    assert_eq!(pvcs.len(), 1);
    assert_eq!(pvcs[0]["name"], "story-scratch");
    assert_eq!(pvcs[0]["phase"], "Bound");
    assert_eq!(pvcs[0]["storageClass"], "standard");
    assert_eq!(pvcs[0]["capacity"], "1Gi");
    assert_eq!(state["pvs"][0]["claim"], "default/story-scratch");
    assert_eq!(
        state["pods"][0]["stories"],
        serde_json::json!(["on the claim"])
    );
}
// Issue 12, item 3: everyday verbs. `kubectl label` takes pods out of their ReplicaSet
// (`controller_ref_manager.go` `ClaimPods`), `--field-selector` filters on the API server's
// selectable fields, `run`/`create` generate kubectl's objects, `-f https://k8s.io/examples/…`
// reads the bundled official examples.
scenario!(everyday_verbs, "everyday-verbs.sim");
// Issue 12: what `kubectl exec` writes lives in the storage behind the path: the container
// layer dies with a crash, an emptyDir with its pod, hostPath stays on its node, a claim's
// volume follows the claim; `kubectl logs --previous` reads the crashed instance's log.
scenario!(exec_survival, "exec-survival.sim");
// Issue 12: kubectl exec/logs/cp refusals and the container shell's messages (kubectl
// `cmd/exec/exec.go`, `cmd/logs/logs.go`, `cmd/cp/cp.go`; dash; GNU coreutils).
scenario!(exec_errors, "exec-errors.sim");
// Issue 12, "Time runs": `kubectl get pvc -w` in a script stays open across the next lines
// (kubectl `get/get.go` `watch`: rows without the header, widths remembered) and shows the
// WaitForFirstConsumer claim go Pending → Bound when its pod arrives; `kubectl events`
// (`events/events.go`, `event_printer.go`) and `kubectl wait` (`wait/wait.go`) on the way.
scenario!(watch_wffc, "watch-wffc.sim");
// Issue 12: `kubectl wait` (`cmd/wait/wait.go`: `condition met`, the timeout and
// `--timeout=0` errors, `no matching resources found`, `unrecognized condition`), `kubectl
// rollout status` (`polymorphichelpers/rollout_status.go`) and `kubectl events`
// (`cmd/events/events.go`: `--for`, `--types`, `No events found in … namespace.`).
scenario!(time_commands, "time-commands.sim");
