//! Every text kubestory itself adds to what the kubectl verbs print (gitui's `strings.rs`):
//! notes about what is not simulated, and what real kubectl would still be doing. kubectl's
//! own words live next to the code that reproduces them, with their upstream source.
//!
//! Every note goes to stderr on lines of its own starting with `kubestory: `, so kubectl's
//! text is never altered.

/// `-f -`.
pub const STDIN_NOT_SIMULATED: &str = "kubestory: `-f -` (reading a manifest from standard input) is not simulated; save the manifest in a file and pass its name to -f.";

/// `-f /dev/…`, a FIFO, a socket.
pub fn not_a_regular_file(path: &str) -> String {
    format!("kubestory: {path} is neither a regular file nor a folder, so it is not read.")
}

/// After the line of an object whose kind kubestory stores but does not simulate.
pub fn kind_not_simulated(kind: &str) -> String {
    format!(
        "kubestory: {kind} objects are stored (kubectl get and delete work with -f), but nothing in the simulated cluster acts on them."
    )
}

/// After a claim whose `dataSource` its provisioner ignores ([`crate::sim::Cluster::ignored_data_source`]).
pub fn data_source_ignored(claim: &str, provisioner: &str) -> String {
    format!(
        "kubestory: {provisioner} ignores dataSource (it is not a CSI driver), so claim {claim:?} gets a new, empty volume; only a CSI driver that supports snapshots or clones fills a volume from a source."
    )
}

/// The start of the note `kubectl delete` prints when an object is left Terminating.
pub const DELETE_WOULD_WAIT: &str = "kubestory: real kubectl would keep waiting here (--wait=true) until deletion finishes, which it has not:";

/// The end of that note.
pub const DELETE_RETURNS: &str = "kubestory: this simulation returns at once; `kubectl get` shows the object as Terminating until then.";

/// Why a claim stays: the pods that use it.
pub fn claim_in_use(pods: &[String]) -> String {
    let list = pods
        .iter()
        .map(|p| format!("pod {p:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "still used by {list}; the kubernetes.io/pvc-protection finalizer keeps the claim until no pod uses it"
    )
}

/// Why a volume stays: its claim.
pub fn volume_bound(claim: &str) -> String {
    format!(
        "still bound to claim {claim}; the kubernetes.io/pv-protection finalizer keeps the volume until it is released"
    )
}

/// Why a pod stays: its node does not answer.
pub fn pod_node_unreachable(node: &str) -> String {
    format!(
        "its node {node:?} does not respond, so no kubelet confirms that the containers stopped (--force --grace-period=0 removes the object without that confirmation)"
    )
}

/// Why a pod stays, otherwise.
pub const POD_STOPPING: &str = "its containers are still stopping";

/// Why an object stays: its finalizers.
pub fn finalizers(list: &[String]) -> String {
    format!("finalizers [{}] are still set", list.join(" "))
}

/// Why an object stays, when nothing more specific is known.
pub const CONTROLLERS_BUSY: &str = "the controllers have not finished removing it";

/// `kubectl drain` when an evicted pod does not go away.
pub fn drain_would_wait(pods: &[String]) -> String {
    format!(
        "kubestory: real kubectl would keep waiting for {} to terminate before printing `drained`; this simulation returns at once.",
        pods.join(", ")
    )
}

/// A second `rollout restart` at the same simulated second.
pub const RESTART_SAME_SECOND: &str = "kubestory: simulated time has not moved since the last restart (the restart stamp has one-second precision); let time pass with `wait 1s` first.";

/// `kubectl patch node` beyond `spec.unschedulable`.
pub const NODE_PATCH_LIMITED: &str = "kubestory: patching a node is simulated only for spec.unschedulable (what kubectl cordon and uncordon change).";

/// `kubectl version`.
pub const VERSION_NOTE: &str = "kubestory: these are the versions kubestory simulates (kubectl and a minikube cluster); there is no real server.";

/// `kubectl api-resources`.
pub const API_RESOURCES_NOTE: &str = "kubestory: only the resource types the simulated cluster knows are listed; real kubectl lists every type the API server serves.";

/// When a verb failed unexpectedly (a kubestory bug); the cluster is left as it was.
pub const INTERNAL_ERROR: &str = "kubestory: this command hit an internal error in kubestory and was not run; the cluster is unchanged. Please report it.";

/// After the last line a command may print ([`crate::sim::limits::MAX_OUTPUT_BYTES`]).
pub fn output_truncated() -> String {
    format!(
        "kubestory: the output was cut here: kubestory prints at most {} KiB per command (its limit). Ask for less: one name, a label selector (-l), a namespace (-n) or -o name.",
        crate::sim::limits::MAX_OUTPUT_BYTES / 1024
    )
}

/// After an API error about `spec.replicas` above [`crate::sim::limits::MAX_REPLICAS`], which a
/// real cluster would accept.
pub fn replicas_limit() -> String {
    let max = crate::sim::limits::MAX_REPLICAS;
    format!(
        "kubestory: kubestory simulates at most {max} replicas per Deployment, ReplicaSet or StatefulSet (its limit; a real cluster would accept more): use {max} or fewer."
    )
}

/// `kubectl run -i/-t/--attach/--rm`: kubestory's pods run no process to attach to.
pub const RUN_ATTACHED: &str = "kubestory: `kubectl run` with `-i`, `-t`, `--attach` or `--rm` is not simulated: the simulated containers run no real process to attach a terminal to. Create the pod without them (`kubectl run NAME --image=IMAGE -- sleep 3600`), then look inside with `kubectl exec NAME -- ls /` where kubestory has it, or `kubectl describe pod NAME`.";
