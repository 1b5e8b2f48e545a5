//! Generated from `lessons/*.yaml` by `KUBESTORY_BLESS=1 cargo test --test lessons_lint
//! builtin_cards_are_current`: what the picker shows of each built-in lesson, so the
//! first screen parses no lesson. Do not edit; regenerate after changing a lesson.

use super::card::BuiltinCard;

/// One card per entry of `BUILTIN`, in the same order.
#[rustfmt::skip]
pub(super) const CARDS: &[BuiltinCard] = &[
    BuiltinCard {
        id: "state",
        title: "Why state matters",
        summary: "The story app keeps what its users write. Crash its container, delete its pod and lose its node, and see what each does to the stories. Then declare a volume in the pod spec, the Kubernetes way, and crash the app again.",
        minutes: 10,
        objectives: &["Tell user data (which must survive) from temporary data (which may be lost).", "Recognise a restarted pod, a replaced pod and a replacement on another node in kubectl get pods -o wide.", "Explain why a volume must be declared in the pod spec, not attached to a running container."],
        step_ids: &["restart", "replace", "move", "volume"],
        quiz: 4,
    },
    BuiltinCard {
        id: "container-filesystem",
        title: "Where does a container keep what it writes?",
        summary: "The story app writes to its own filesystem. Crash it and find out what survives, then give it an emptyDir and find out what a crash and a pod deletion do to that.",
        minutes: 8,
        objectives: &["Explain why a file written in a container's own filesystem is gone after a restart.", "Mount an emptyDir so data survives a container crash.", "Explain why an emptyDir is gone when its pod is deleted."],
        step_ids: &["deploy", "crash", "emptydir", "delete-pod"],
        quiz: 4,
    },
    BuiltinCard {
        id: "emptydir",
        title: "emptyDir: the pod's own scratch space",
        summary: "A closer look at the emptyDir: what a crash, a deleted pod, a second replica and a node reboot do to it, on disk and with `medium: Memory`.",
        minutes: 12,
        objectives: &["Explain why an emptyDir survives a container crash but not its pod.", "Explain why two replicas of a Deployment do not share an emptyDir.", "Tell a disk emptyDir from a Memory (tmpfs) one on a node reboot."],
        step_ids: &["crash", "delete-pod", "replicas", "memory"],
        quiz: 4,
    },
    BuiltinCard {
        id: "hostpath",
        title: "hostPath: a directory on the node",
        summary: "Mount a directory of the node itself. Check its type, replace the pod on the same node, then on the other node, and lose a node: what does the app find each time?",
        minutes: 14,
        objectives: &["Choose between the hostPath types Directory and DirectoryOrCreate, and read a FailedMount event.", "Keep data across pod replacement with a hostPath volume.", "Explain why a hostPath is per node, and what a replacement pod on another node sees.", "Explain what happens to hostPath data when its node fails."],
        step_ids: &["type-check", "hostpath-kept", "other-node", "node-fail"],
        quiz: 4,
    },
    BuiltinCard {
        id: "persistent-volumes",
        title: "PersistentVolumes: storage with a life of its own",
        summary: "Create a PersistentVolume as the cluster's admin, claim it for a Postgres database, delete the pod, then fail the node: where are the rows each time?",
        minutes: 12,
        objectives: &["Explain what a PersistentVolume is, and who creates and deletes it.", "Run a Postgres Deployment on a claim bound to a static PV.", "Explain why the rows survive a pod deletion, unlike an emptyDir.", "Explain why a hostPath PV is for single-node testing only."],
        step_ids: &["create-pv", "claim-and-run", "delete-pod", "node-fails"],
        quiz: 4,
    },
    BuiltinCard {
        id: "claims-static-binding",
        title: "Claims: how a PVC picks a PV",
        summary: "Stock a store room with three PersistentVolumes, place orders (claims), and find out which drive each order gets and how to read an order nobody can fill.",
        minutes: 12,
        objectives: &["Explain a PersistentVolumeClaim as a request matched against PVs by class, access modes and size.", "Predict which PV a claim binds, and what CAPACITY `kubectl get pvc` shows.", "Diagnose a Pending claim with `kubectl describe pvc` and `kubectl get pv`, and fix it."],
        step_ids: &["store-room", "first-order", "pending", "fix-order"],
        quiz: 4,
    },
    BuiltinCard {
        id: "dynamic-provisioning",
        title: "StorageClasses: volumes made to order",
        summary: "Let a StorageClass create PersistentVolumes for you: the default class, leaving `storageClassName` out versus setting it to \"\", and a class with another binding mode.",
        minutes: 12,
        objectives: &["Read `kubectl get sc` and find the default StorageClass.", "Explain how a claim with no storageClassName gets a dynamically provisioned PV.", "Tell `storageClassName: \"\"` apart from leaving the field out.", "Explain why a WaitForFirstConsumer claim stays Pending until a pod uses it."],
        step_ids: &["default-class", "empty-class", "wait-for-consumer", "first-consumer"],
        quiz: 4,
    },
    BuiltinCard {
        id: "reclaim-and-protection",
        title: "Reclaim policies and protection",
        summary: "Delete claims under each reclaim policy, and one that a pod still uses, and watch what becomes of the PV and of the data on it.",
        minutes: 14,
        objectives: &["Explain what the Delete reclaim policy does to a PV and its data.", "Explain why a Released PV with Retain keeps its data but is not reused on its own.", "Make a Released PV available again by clearing its claimRef.", "Explain why a claim that a pod still uses stays Terminating.", "Explain why a hand-made hostPath PV with the Delete policy ends Failed."],
        step_ids: &["delete-policy", "in-use", "retain-released", "reuse", "hostpath-delete"],
        quiz: 5,
    },
    BuiltinCard {
        id: "access-modes",
        title: "Access modes: who can use a volume at once",
        summary: "On an EKS-like cloud cluster: one ReadWriteOnce EBS disk, a second pod on its node and a third on another node of its zone; then ReadWriteOncePod, and ReadWriteMany on EFS.",
        minutes: 12,
        objectives: &["Explain that ReadWriteOnce limits a volume to one node, not to one pod.", "Recognise the Multi-Attach error and a pod stuck in ContainerCreating.", "Tell ReadWriteOncePod (one pod) from ReadWriteOnce, and name ReadWriteMany (many nodes)."],
        step_ids: &["same-node", "other-node", "once-pod", "many"],
        quiz: 6,
    },
    BuiltinCard {
        id: "statefulsets",
        title: "StatefulSets: a claim for every replica",
        summary: "A StatefulSet with volumeClaimTemplates: which claims it makes, and what a deleted pod and a scale down and up do to its pods and their data.",
        minutes: 10,
        objectives: &["Predict the claim names a StatefulSet's volumeClaimTemplates create (`data-web-0`…).", "Explain why a deleted StatefulSet pod comes back with the same name and the same data.", "Explain why scaling down keeps the claims, and scaling up reuses them."],
        step_ids: &["templates", "delete-pod", "scale"],
        quiz: 5,
    },
    BuiltinCard {
        id: "capstone",
        title: "Capstone: make it survive, fix what is broken",
        summary: "Challenges, checked by the simulator: move the story app's data to storage that survives a pod deletion and a replacement on another node, then fix four mistakes in three manifests (a typo, a claim that binds the wrong volume, a PV too small for its claim, an access mode no PV offers).",
        minutes: 20,
        objectives: &["Choose storage that survives a pod deletion and a replacement on another node.", "Change a claim's class the only way Kubernetes allows, by recreating it.", "Read a refused manifest and fix the field it names.", "Diagnose Bound-to-the-wrong-PV and Pending claims with kubectl get pv,pvc and kubectl describe pvc."],
        step_ids: &["survive", "typo", "wrong-volume", "pending"],
        quiz: 6,
    },
];
