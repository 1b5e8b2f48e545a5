//! Every size kubestory accepts, in one place (issue 13, "bounded everything").
//!
//! Lessons are shared files and `kubestory sim` scripts come from anyone, so nothing a file or a
//! command line says may make the simulation allocate or compute without bound: one hostile
//! `replicas: 1000000000` used to abort the process with the terminal left raw. Each limit
//! below is far above what any lesson needs (the built-in lessons use at most 2 nodes, 2
//! replicas and a few dozen objects) and low enough that every command stays well under a
//! second at the limit (figures in BENCHMARKS.md, "Limits").
//!
//! The limits hold for every entry: lesson files, manifests, `kubestory sim` scripts, kubectl
//! command lines (scale, patch, apply) and the controllers themselves. Each error names the
//! limit, says it is kubestory's (a real cluster would accept more) and what to do.

/// Nodes in a cluster (`cluster: nodes:` of a lesson, `cluster nodes=` of a script). Storage
/// lessons show node loss and placement with 1 or 2 nodes; 50 keeps the diagram and every
/// per-node loop (scheduler, kubelets) small.
pub const MAX_NODES: usize = 50;

/// `spec.replicas` of one Deployment, ReplicaSet or StatefulSet (manifests, `kubectl scale`,
/// `kubectl patch`, apply of a changed object). A StatefulSet rolls out one pod per settle
/// round, so its rollout work grows with the square of this number; 200 rolls out in well
/// under a second.
pub const MAX_REPLICAS: i64 = 200;

/// API objects stored in one cluster (pods, claims, volumes, classes, workloads, config maps,
/// secrets, namespaces, nodes, other kinds; events are bounded by [`MAX_EVENTS`]). Ten
/// workloads at [`MAX_REPLICAS`] with a claim each fit. Creations beyond it are refused:
/// by the API for a learner's object, by a controller (a `FailedCreate` event, as a
/// ResourceQuota would) for what it makes.
pub const MAX_OBJECTS: usize = 2_000;

/// Bytes of one stored object, as JSON (the last-applied annotation included). With
/// [`MAX_OBJECTS`] this bounds the memory a cluster can take (2,000 × 64 KiB = 125 MiB at
/// most); a lesson's largest object, a StatefulSet with its template, is under 4 KiB. The
/// real API server's limit is 1.5 MiB per request.
pub const MAX_OBJECT_BYTES: usize = 64 * 1024;

/// Containers in one pod (init containers included), in a pod or a workload's pod template.
/// Sidecar lessons need two or three.
pub const MAX_CONTAINERS_PER_POD: usize = 20;

/// Volumes in one pod (including a StatefulSet's volume claim templates, which become
/// volumes of each pod).
pub const MAX_VOLUMES_PER_POD: usize = 50;

/// Stories in one story file (`story write` appends one). A lesson writes a handful; the
/// diagram and `story read` list them all.
pub const MAX_STORIES_PER_FILE: usize = 500;

/// Bytes of one story's text.
pub const MAX_STORY_BYTES: usize = 1_024;

/// Events kept in the event log. Older ones are dropped first, as the API server drops events
/// after their TTL (one hour by default), so `kubectl get events` and `describe` stay short.
pub const MAX_EVENTS: usize = 1_000;

/// Bytes one command may print (stdout and stderr together). The rest is dropped and a
/// `kubestory:` note says so; `kubectl get` of the whole cluster at [`MAX_OBJECTS`] prints
/// about 200 KiB.
pub const MAX_OUTPUT_BYTES: usize = 1024 * 1024;

/// Bytes of one `kubestory sim` script (a lesson file is limited to 256 KiB the same way):
/// the script is read whole before it runs, and the longest scenario is a few KiB.
pub const MAX_SCRIPT_BYTES: usize = 1024 * 1024;

/// How far the simulated clock may run from the start of the simulation: ten years, in
/// seconds. Every timer a lesson shows (grace periods, back-offs, evictions) is minutes long;
/// the limit keeps the clock and every timestamp printed far from overflow
/// (`wait 18446744073709551615` used to wrap it).
pub const MAX_SIMULATED_SECS: u64 = 10 * 365 * 86_400;

/// The API-style detail of the replicas limit (`must be less than or equal to 200`), shared by
/// the manifest checks and the simulated API server so both print the same line.
pub fn replicas_detail() -> String {
    format!("must be less than or equal to {MAX_REPLICAS}")
}

/// Bytes of one command given to the container shell (`kubectl exec … -- CMD`, `sh -c '…'`,
/// a line of the interactive shell): Linux's own terminal line limit.
pub const MAX_EXEC_COMMAND_BYTES: usize = 4096;

/// Simple commands one exec (or one line of the interactive shell) may run: `true;` repeated
/// stops here rather than running on.
pub const MAX_EXEC_STEPS: usize = 1_000;

/// How deep `sh -c 'sh -c …'` may nest in the container shell.
pub const MAX_EXEC_DEPTH: usize = 8;

/// Bytes one exec may print (stdout and stderr together); the rest is cut with a note.
pub const MAX_EXEC_OUTPUT_BYTES: usize = 256 * 1024;

/// Log lines kept per container instance (the oldest go first, as the kubelet rotates logs).
pub const MAX_LOG_LINES: usize = 500;
