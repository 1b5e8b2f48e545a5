//! What each profile runs besides the learner's work: the pods `kubectl get pods -n
//! kube-system` lists on a fresh cluster of that kind (the control plane's static pods where
//! a node runs it, the DaemonSets on every node, DNS and the storage provisioners). They are
//! shown, not simulated: no controller acts on them and the diagram leaves them out.

use super::Profile;
use crate::sim::SimTime;
use crate::sim::names::Rng;
use crate::sim::objects::*;

/// A node as the generator needs it: name and InternalIP.
pub struct NodeSeat<'a> {
    /// The node's name.
    pub name: &'a str,
    /// Its InternalIP (host-network pods share it).
    pub ip: &'a str,
}

struct Spec {
    namespace: &'static str,
    name: String,
    node: usize,
    host_network: bool,
    containers: &'static [(&'static str, &'static str)],
}

fn per_node(
    out: &mut Vec<Spec>,
    rng: &mut Rng,
    nodes: usize,
    prefix: &str,
    host_network: bool,
    containers: &'static [(&'static str, &'static str)],
) {
    for node in 0..nodes {
        out.push(Spec {
            namespace: "kube-system",
            name: format!("{prefix}-{}", rng.suffix(5)),
            node,
            host_network,
            containers,
        });
    }
}

fn replicas(
    out: &mut Vec<Spec>,
    rng: &mut Rng,
    (namespace, prefix, hash): (&'static str, &str, &str),
    on: &[usize],
    containers: &'static [(&'static str, &'static str)],
) {
    for &node in on {
        out.push(Spec {
            namespace,
            name: format!("{prefix}-{hash}-{}", rng.suffix(5)),
            node,
            host_network: false,
            containers,
        });
    }
}

fn static_pods(out: &mut Vec<Spec>, node_name: &str) {
    const PODS: [(&str, &[(&str, &str)]); 4] = [
        ("etcd", &[("etcd", "registry.k8s.io/etcd:3.6.4-0")]),
        (
            "kube-apiserver",
            &[("kube-apiserver", "registry.k8s.io/kube-apiserver:v1.34.0")],
        ),
        (
            "kube-controller-manager",
            &[(
                "kube-controller-manager",
                "registry.k8s.io/kube-controller-manager:v1.34.0",
            )],
        ),
        (
            "kube-scheduler",
            &[("kube-scheduler", "registry.k8s.io/kube-scheduler:v1.34.0")],
        ),
    ];
    for (prefix, containers) in PODS {
        out.push(Spec {
            namespace: "kube-system",
            name: format!("{prefix}-{node_name}"),
            node: 0,
            host_network: true,
            containers,
        });
    }
}

const COREDNS: &[(&str, &str)] = &[("coredns", "registry.k8s.io/coredns/coredns:v1.12.1")];
const KUBE_PROXY: &[(&str, &str)] = &[("kube-proxy", "registry.k8s.io/kube-proxy:v1.34.0")];
const KINDNET: &[(&str, &str)] = &[(
    "kindnet-cni",
    "docker.io/kindest/kindnetd:v20250512-df8de77b",
)];

/// Which namespaces a profile adds to the four every cluster has (kind runs its provisioner in
/// `local-path-storage`).
pub(crate) fn extra_namespaces(profile: Profile) -> &'static [&'static str] {
    match profile {
        Profile::Kind => &["local-path-storage"],
        _ => &[],
    }
}

/// The system pods of a fresh cluster of this profile on these nodes, started at `at`.
/// Pod IPs of pods that are not on the host network are taken from `next_ip` (the same
/// allocator the learner's pods use, so no address is given twice).
pub fn system_pods(
    profile: Profile,
    addons: &[super::Addon],
    nodes: &[NodeSeat<'_>],
    at: SimTime,
    seed: u64,
    next_ip: &mut dyn FnMut(usize) -> String,
) -> Vec<Pod> {
    // A generator of its own, so the learner's names and UIDs are the same with or without
    // these pods.
    let mut rng = Rng::new(seed ^ 0x6b75_6265_2d73_7973);
    let mut specs = Vec::new();
    let n = nodes.len();
    if n == 0 {
        return Vec::new();
    }
    match profile {
        Profile::Minikube => {
            // minikube v1.37: one CoreDNS replica, kindnet only with several nodes, the
            // storage-provisioner addon as a bare host-network pod.
            replicas(
                &mut specs,
                &mut rng,
                ("kube-system", "coredns", "66bc5c9577"),
                &[0],
                COREDNS,
            );
            static_pods(&mut specs, nodes[0].name);
            if n > 1 {
                per_node(&mut specs, &mut rng, n, "kindnet", true, KINDNET);
            }
            per_node(&mut specs, &mut rng, n, "kube-proxy", true, KUBE_PROXY);
            specs.push(Spec {
                namespace: "kube-system",
                name: "storage-provisioner".into(),
                node: 0,
                host_network: true,
                containers: &[(
                    "storage-provisioner",
                    "gcr.io/k8s-minikube/storage-provisioner:v5",
                )],
            });
        }
        Profile::Kind => {
            replicas(
                &mut specs,
                &mut rng,
                ("kube-system", "coredns", "66bc5c9577"),
                &[0, 0],
                COREDNS,
            );
            static_pods(&mut specs, nodes[0].name);
            per_node(&mut specs, &mut rng, n, "kindnet", true, KINDNET);
            per_node(&mut specs, &mut rng, n, "kube-proxy", true, KUBE_PROXY);
            replicas(
                &mut specs,
                &mut rng,
                ("local-path-storage", "local-path-provisioner", "7b8c8ddbd6"),
                &[0],
                &[(
                    "local-path-provisioner",
                    "docker.io/kindest/local-path-provisioner:v20250214-acbabc1a",
                )],
            );
        }
        Profile::Cloud => {
            let two = [0, 1 % n];
            per_node(
                &mut specs,
                &mut rng,
                n,
                "aws-node",
                true,
                &[
                    (
                        "aws-node",
                        "602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon-k8s-cni:v1.20.1-eksbuild.3",
                    ),
                    (
                        "aws-eks-nodeagent",
                        "602401143452.dkr.ecr.us-east-1.amazonaws.com/amazon/aws-network-policy-agent:v1.2.5-eksbuild.1",
                    ),
                ],
            );
            replicas(
                &mut specs,
                &mut rng,
                ("kube-system", "coredns", "6b9575c64c"),
                &two,
                &[(
                    "coredns",
                    "602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/coredns:v1.12.3-eksbuild.1",
                )],
            );
            replicas(
                &mut specs,
                &mut rng,
                ("kube-system", "ebs-csi-controller", "5d8f9c7b64"),
                &two,
                &[
                    (
                        "ebs-plugin",
                        "public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.48.0",
                    ),
                    (
                        "csi-provisioner",
                        "public.ecr.aws/csi-components/csi-provisioner:v5.3.0",
                    ),
                    (
                        "csi-attacher",
                        "public.ecr.aws/csi-components/csi-attacher:v4.9.0",
                    ),
                    (
                        "csi-snapshotter",
                        "public.ecr.aws/csi-components/csi-snapshotter:v8.3.0",
                    ),
                    (
                        "csi-resizer",
                        "public.ecr.aws/csi-components/csi-resizer:v1.14.0",
                    ),
                    (
                        "liveness-probe",
                        "public.ecr.aws/csi-components/livenessprobe:v2.16.0",
                    ),
                ],
            );
            per_node(
                &mut specs,
                &mut rng,
                n,
                "ebs-csi-node",
                false,
                &[
                    (
                        "ebs-plugin",
                        "public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.48.0",
                    ),
                    (
                        "node-driver-registrar",
                        "public.ecr.aws/csi-components/csi-node-driver-registrar:v2.14.0",
                    ),
                    (
                        "liveness-probe",
                        "public.ecr.aws/csi-components/livenessprobe:v2.16.0",
                    ),
                ],
            );
            replicas(
                &mut specs,
                &mut rng,
                ("kube-system", "efs-csi-controller", "6f7c9d8b5d"),
                &two,
                &[
                    (
                        "efs-plugin",
                        "public.ecr.aws/efs-csi-driver/amazon/aws-efs-csi-driver:v2.1.11",
                    ),
                    (
                        "csi-provisioner",
                        "public.ecr.aws/csi-components/csi-provisioner:v5.3.0",
                    ),
                    (
                        "liveness-probe",
                        "public.ecr.aws/csi-components/livenessprobe:v2.16.0",
                    ),
                ],
            );
            per_node(
                &mut specs,
                &mut rng,
                n,
                "efs-csi-node",
                true,
                &[
                    (
                        "efs-plugin",
                        "public.ecr.aws/efs-csi-driver/amazon/aws-efs-csi-driver:v2.1.11",
                    ),
                    (
                        "csi-driver-registrar",
                        "public.ecr.aws/csi-components/csi-node-driver-registrar:v2.14.0",
                    ),
                    (
                        "liveness-probe",
                        "public.ecr.aws/csi-components/livenessprobe:v2.16.0",
                    ),
                ],
            );
            per_node(
                &mut specs,
                &mut rng,
                n,
                "kube-proxy",
                true,
                &[(
                    "kube-proxy",
                    "602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/kube-proxy:v1.34.0-minimal-eksbuild.2",
                )],
            );
        }
    }
    if addons.contains(&super::Addon::CsiHostpathDriver) {
        // minikube `deploy/addons/csi-hostpath-driver/deploy/`: the plugin's DaemonSet (six
        // containers) and the attacher's and resizer's StatefulSets.
        specs.push(Spec {
            namespace: "kube-system",
            name: "csi-hostpath-attacher-0".into(),
            node: 0,
            host_network: false,
            containers: &[(
                "csi-attacher",
                "registry.k8s.io/sig-storage/csi-attacher:v4.8.0",
            )],
        });
        specs.push(Spec {
            namespace: "kube-system",
            name: "csi-hostpath-resizer-0".into(),
            node: 0,
            host_network: false,
            containers: &[(
                "csi-resizer",
                "registry.k8s.io/sig-storage/csi-resizer:v1.13.1",
            )],
        });
        per_node(
            &mut specs,
            &mut rng,
            n,
            "csi-hostpathplugin",
            false,
            &[
                (
                    "csi-external-health-monitor-controller",
                    "registry.k8s.io/sig-storage/csi-external-health-monitor-controller:v0.7.0",
                ),
                (
                    "node-driver-registrar",
                    "registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.13.0",
                ),
                (
                    "hostpath",
                    "registry.k8s.io/sig-storage/hostpathplugin:v1.15.0",
                ),
                (
                    "liveness-probe",
                    "registry.k8s.io/sig-storage/livenessprobe:v2.15.0",
                ),
                (
                    "csi-provisioner",
                    "registry.k8s.io/sig-storage/csi-provisioner:v5.2.0",
                ),
                (
                    "csi-snapshotter",
                    "registry.k8s.io/sig-storage/csi-snapshotter:v8.2.0",
                ),
            ],
        );
    }
    specs
        .into_iter()
        .map(|s| running_pod(s, nodes, at, &mut rng, next_ip))
        .collect()
}

fn running_pod(
    s: Spec,
    nodes: &[NodeSeat<'_>],
    at: SimTime,
    rng: &mut Rng,
    next_ip: &mut dyn FnMut(usize) -> String,
) -> Pod {
    let node = &nodes[s.node.min(nodes.len() - 1)];
    let mut meta = ObjectMeta::named(&s.name, Some(s.namespace));
    meta.uid = rng.uuid();
    meta.creation_timestamp = Some(at);
    meta.resource_version = "1".into();
    let pod_ip = if s.host_network {
        node.ip.to_string()
    } else {
        next_ip(s.node)
    };
    let containers: Vec<Container> = s
        .containers
        .iter()
        .map(|(name, image)| Container {
            name: (*name).into(),
            image: (*image).into(),
            ..Container::default()
        })
        .collect();
    let statuses = s
        .containers
        .iter()
        .map(|(name, image)| ContainerStatus {
            name: (*name).into(),
            image: (*image).into(),
            ready: true,
            started: true,
            container_id: Some(format!(
                "containerd://{:016x}{:016x}",
                rng.next_u64(),
                rng.next_u64()
            )),
            image_id: String::new(),
            restart_count: 0,
            state: ContainerState {
                running: Some(ContainerStateRunning { started_at: at }),
                ..ContainerState::default()
            },
            last_state: ContainerState::default(),
        })
        .collect();
    let condition = |t: &str| PodCondition {
        type_: t.into(),
        status: "True".into(),
        reason: None,
        message: None,
        last_transition_time: Some(at),
    };
    let mut spec = PodSpec {
        containers,
        node_name: Some(node.name.to_string()),
        ..PodSpec::default()
    };
    if s.host_network {
        spec.extra
            .insert("hostNetwork".into(), serde_json::Value::Bool(true));
    }
    Pod {
        metadata: meta,
        spec,
        status: PodStatus {
            phase: PodPhase::Running,
            conditions: [
                "PodReadyToStartContainers",
                "Initialized",
                "Ready",
                "ContainersReady",
                "PodScheduled",
            ]
            .into_iter()
            .map(condition)
            .collect(),
            host_ip: Some(node.ip.to_string()),
            pod_ip: Some(pod_ip),
            start_time: Some(at),
            container_statuses: statuses,
            ..PodStatus::default()
        },
    }
}
