//! The cluster state: every object, the clock, the event log and the data store. Persistent
//! collections (`imbl`) make a clone O(1), so a snapshot per action gives exact, cheap undo.

use super::data::{DataStore, FsId};
use super::events::{Event, EventType, InvolvedObject};
use super::limits::{MAX_EVENTS, MAX_NODES};
use super::names::Rng;
use super::objects::*;
use super::profile::{NodeSoftware, Profile, REGION_LABEL, ZONE_LABEL};
use super::{Kind, SimTime};
use imbl::{OrdMap, Vector};

/// `(namespace, name)` of a namespaced object.
pub type NsName = (String, String);

/// How the cluster starts: minikube-like by default (semantics §0: the course runs on
/// minikube). `kubestory sim`'s `cluster` line sets it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterConfig {
    /// Node names, in order.
    pub nodes: Vec<String>,
    /// The node that runs the control plane (API server, etcd, scheduler, controller
    /// manager), or `None` for a managed control plane that never goes down. minikube's is
    /// its first node, `minikube` (minikube `pkg/minikube/config/profile.go`
    /// `PrimaryControlPlane`: "the first created control plane"; kubeadm runs the components
    /// there as static pods). A
    /// name that is not among `nodes` means no node is the control plane. While it is down
    /// the API cannot be reached and no controller runs ([`Cluster::api_reachable`]). This is
    /// the seed of issue 11's cluster profiles (minikube, kind, cloud), which will set it.
    pub control_plane: Option<String>,
    /// Whether the profile's default StorageClass exists (minikube's `standard`; `false` as
    /// after `minikube addons disable default-storageclass`).
    pub default_storage_class: bool,
    /// Seed for names and UIDs.
    pub seed: u64,
    /// Which real cluster this stands for: node names and roles, zones, StorageClasses,
    /// installed provisioners, what runs in kube-system ([`Profile`]).
    pub profile: Profile,
    /// Over how many of the profile's zones the nodes are spread, round-robin (cloud: 1 to
    /// 3; a node group may also live in one zone). Ignored by profiles without zones.
    pub zones: usize,
    /// minikube addons enabled before the cluster started ([`super::profile::Addon`]).
    pub addons: Vec<super::profile::Addon>,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            nodes: vec!["minikube".to_string()],
            control_plane: Some("minikube".to_string()),
            default_storage_class: true,
            seed: 1,
            profile: Profile::Minikube,
            zones: super::profile::CLOUD_ZONES.len(),
            addons: Vec::new(),
        }
    }
}

impl ClusterConfig {
    /// A fresh cluster of this profile with `n` nodes, named and given roles as that tool
    /// does ([`Profile::node_names`]).
    pub fn for_profile(profile: Profile, n: usize) -> ClusterConfig {
        let nodes = profile.node_names(n.max(1));
        ClusterConfig {
            control_plane: profile.has_control_plane_node().then(|| nodes[0].clone()),
            nodes,
            profile,
            ..ClusterConfig::default()
        }
    }

    /// Sets the node names and, as minikube and kind do, makes the first of them the
    /// control-plane node (minikube creates the primary control plane first, then
    /// `minikube-m02`…; `PrimaryControlPlane` in `pkg/minikube/config/profile.go`). Keeps a
    /// managed control plane managed.
    pub fn set_nodes(&mut self, nodes: Vec<String>) {
        if self.control_plane.is_some() {
            self.control_plane = nodes.first().cloned();
        }
        self.nodes = nodes;
    }

    /// The installed provisioner of this name: the profile's, or an enabled addon's.
    pub fn driver(&self, name: &str) -> Option<&'static super::profile::Driver> {
        self.profile.driver(name).or_else(|| {
            self.addons
                .iter()
                .map(|a| a.driver())
                .find(|d| d.name == name)
        })
    }

    /// minikube's node names for a cluster of `n` nodes: `minikube`, `minikube-m02`, …
    /// At most [`MAX_NODES`] names: check the count first with
    /// [`super::node_names::check_node_count`] to tell the learner.
    pub fn minikube_node_names(n: usize) -> Vec<String> {
        Profile::Minikube.node_names(n)
    }
}

/// Where a network (attachable) volume is attached: the attach/detach controller's actual
/// state of the world ([`super::attach_detach`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    /// The node it is attached to.
    pub node: String,
    /// When the controller first found that no pod on that node needs it any more (ASW
    /// `SetDetachRequestTime`); the forced detach counts from here. `None` while it is needed.
    pub detach_requested: Option<SimTime>,
}

/// The kubelet's crash-loop back-off for one container (client-go `flowcontrol.Backoff`:
/// 10 s initial, doubling, 300 s max).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Backoff {
    /// Current back-off window in seconds.
    pub window: u64,
    /// When the window was last updated.
    pub last_update: SimTime,
}

/// The whole simulated cluster.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub(crate) config: ClusterConfig,
    pub(crate) now: SimTime,
    pub(crate) rng: Rng,
    pub(crate) resource_version: u64,
    pub(crate) nodes: OrdMap<String, Node>,
    pub(crate) namespaces: OrdMap<String, Namespace>,
    pub(crate) pods: OrdMap<NsName, Pod>,
    pub(crate) claims: OrdMap<NsName, PersistentVolumeClaim>,
    pub(crate) volumes: OrdMap<String, PersistentVolume>,
    pub(crate) classes: OrdMap<String, StorageClass>,
    pub(crate) deployments: OrdMap<NsName, Deployment>,
    pub(crate) replica_sets: OrdMap<NsName, ReplicaSet>,
    pub(crate) stateful_sets: OrdMap<NsName, StatefulSet>,
    pub(crate) config_maps: OrdMap<NsName, ConfigMap>,
    pub(crate) secrets: OrdMap<NsName, Secret>,
    pub(crate) others: OrdMap<(String, NsName), UnsimulatedObject>,
    pub(crate) events: Vector<Event>,
    pub(crate) event_index: OrdMap<(InvolvedObject, String, String, String), usize>,
    pub(crate) data: DataStore,
    /// Attachments by `(PV, node)`.
    pub(crate) attachments: OrdMap<(String, String), Attachment>,
    /// `(PV, node)` pairs whose Multi-Attach error was reported (the attach/detach
    /// controller's `MultiAttachErrorReported`): reported once per volume and node.
    pub(crate) multi_attach_reported: imbl::OrdSet<(String, String)>,
    /// When each deleted Node object was deleted (the pod garbage collector's quarantine).
    pub(crate) nodes_deleted_at: OrdMap<String, SimTime>,
    pub(crate) backoffs: OrdMap<(String, String), Backoff>,
    /// Pods the scheduler has assumed onto a node while their volumes bind (SB `AssumePodVolumes`).
    pub(crate) assumed: OrdMap<String, String>,
    pub(crate) pod_ip_seq: OrdMap<String, u32>,
    /// What the profile runs in kube-system ([`super::profile::system_pods`]): listed by
    /// kubectl, untouched by every controller.
    pub(crate) system_pods: OrdMap<NsName, Pod>,
    /// When the controller manager last started (the cluster's start, or the control-plane
    /// node's recovery): a restarted controller times every node and pod afresh from here.
    pub(crate) controllers_since: SimTime,
}

/// How long before the learner's first command the cluster was started, so that nodes and the
/// default StorageClass show a plausible AGE (`10m`).
pub const CLUSTER_WARMUP_SECS: u64 = 600;

impl Default for Cluster {
    fn default() -> Self {
        Cluster::new(ClusterConfig::default())
    }
}

impl Cluster {
    /// A fresh cluster: nodes Ready, namespaces `default`, `kube-system`, `kube-public`,
    /// `kube-node-lease`, and (unless disabled) minikube's default StorageClass `standard`.
    pub fn new(config: ClusterConfig) -> Cluster {
        let mut c = Cluster {
            rng: Rng::new(config.seed),
            config: config.clone(),
            now: SimTime(0),
            resource_version: 0,
            nodes: OrdMap::new(),
            namespaces: OrdMap::new(),
            pods: OrdMap::new(),
            claims: OrdMap::new(),
            volumes: OrdMap::new(),
            classes: OrdMap::new(),
            deployments: OrdMap::new(),
            replica_sets: OrdMap::new(),
            stateful_sets: OrdMap::new(),
            config_maps: OrdMap::new(),
            secrets: OrdMap::new(),
            others: OrdMap::new(),
            events: Vector::new(),
            event_index: OrdMap::new(),
            data: DataStore::default(),
            attachments: OrdMap::new(),
            multi_attach_reported: imbl::OrdSet::new(),
            nodes_deleted_at: OrdMap::new(),
            backoffs: OrdMap::new(),
            assumed: OrdMap::new(),
            pod_ip_seq: OrdMap::new(),
            system_pods: OrdMap::new(),
            controllers_since: SimTime(0),
        };
        let profile = config.profile;
        let extra = super::profile::system_pods::extra_namespaces(profile);
        for ns in ["default", "kube-node-lease", "kube-public", "kube-system"]
            .iter()
            .chain(extra)
        {
            let mut meta = ObjectMeta::named(ns, None);
            c.stamp_new(&mut meta);
            meta.labels
                .insert("kubernetes.io/metadata.name".into(), (*ns).into());
            c.namespaces.insert(
                ns.to_string(),
                Namespace {
                    metadata: meta,
                    ..Namespace::default()
                },
            );
        }
        // Callers check the names ([`super::node_names::check_node_names`]); past the limit
        // the extra nodes are not made, so no configuration can allocate without bound.
        let count = config.nodes.len().min(MAX_NODES);
        for (i, name) in config.nodes.iter().take(MAX_NODES).enumerate() {
            let control_plane = config.control_plane.as_deref() == Some(name.as_str());
            let node = c.make_node(name, i, control_plane, count);
            c.data.ensure(&FsId::NodeDisk { node: name.clone() });
            for dir in super::kubelet::STANDARD_NODE_DIRS {
                c.data
                    .ensure(&FsId::NodeDisk { node: name.clone() })
                    .mkdir_p(dir);
            }
            c.nodes.insert(name.clone(), node);
        }
        let mut classes = profile.storage_classes(config.default_storage_class);
        classes.extend(config.addons.iter().flat_map(|a| a.storage_classes()));
        for mut sc in classes {
            let mut meta = std::mem::take(&mut sc.metadata);
            c.stamp_new(&mut meta);
            sc.metadata = meta;
            c.classes.insert(sc.metadata.name.clone(), sc);
        }
        c.start_system_pods();
        c.now = SimTime(CLUSTER_WARMUP_SECS);
        c
    }

    /// The pods the profile runs in kube-system (shown by kubectl, not simulated).
    fn start_system_pods(&mut self) {
        let ips: Vec<(String, String)> = self
            .config
            .nodes
            .iter()
            .filter_map(|n| self.nodes.get(n))
            .map(|n| (n.metadata.name.clone(), n.internal_ip().unwrap_or_default()))
            .collect();
        let seats: Vec<super::profile::system_pods::NodeSeat<'_>> = ips
            .iter()
            .map(|(name, ip)| super::profile::system_pods::NodeSeat { name, ip })
            .collect();
        let mut seq = self.pod_ip_seq.clone();
        let profile = self.config.profile;
        let names: Vec<String> = ips.iter().map(|(n, _)| n.clone()).collect();
        let mut next_ip = |index: usize| {
            let node = names.get(index).cloned().unwrap_or_default();
            let n = seq.get(&node).copied().unwrap_or(2);
            seq.insert(node, n + 1);
            profile.pod_ip(index, n)
        };
        let addons = self.config.addons.clone();
        let pods = super::profile::system_pods(
            profile,
            &addons,
            &seats,
            self.now,
            self.config.seed,
            &mut next_ip,
        );
        self.pod_ip_seq = seq;
        for pod in pods {
            let key = (
                pod.metadata.namespace_or_default().to_string(),
                pod.metadata.name.clone(),
            );
            self.system_pods.insert(key, pod);
        }
    }

    fn make_node(&mut self, name: &str, index: usize, control_plane: bool, count: usize) -> Node {
        let profile = self.config.profile;
        let mut meta = ObjectMeta::named(name, None);
        self.stamp_new(&mut meta);
        let labels = [
            ("beta.kubernetes.io/arch", "amd64"),
            ("beta.kubernetes.io/os", "linux"),
            ("kubernetes.io/arch", "amd64"),
            (HOSTNAME_LABEL, name),
            ("kubernetes.io/os", "linux"),
        ];
        for (k, v) in labels {
            meta.labels.insert(k.into(), v.into());
        }
        let mut taints = Vec::new();
        if control_plane {
            meta.labels.insert(
                "node-role.kubernetes.io/control-plane".into(),
                String::new(),
            );
            match profile {
                Profile::Minikube => {
                    meta.labels
                        .insert("minikube.k8s.io/primary".into(), "true".into());
                }
                _ => {
                    meta.labels.insert(
                        "node.kubernetes.io/exclude-from-external-load-balancers".into(),
                        String::new(),
                    );
                }
            }
            if profile.control_plane_tainted(count) {
                taints.push(Taint {
                    key: "node-role.kubernetes.io/control-plane".into(),
                    value: None,
                    effect: "NoSchedule".into(),
                    time_added: None,
                });
            }
        }
        if let Some(zone) = profile.zone(index, self.config.zones) {
            meta.labels.insert(ZONE_LABEL.into(), zone.into());
            meta.labels
                .insert(REGION_LABEL.into(), super::profile::CLOUD_REGION.into());
            meta.labels
                .insert("node.kubernetes.io/instance-type".into(), "m5.large".into());
            meta.labels
                .insert("eks.amazonaws.com/nodegroup".into(), "default".into());
        }
        if !self.config.addons.is_empty() {
            // The hostpath plugin's registrar puts its topology key on every node (the
            // kubelet's CSINode registration labels the Node).
            meta.labels.insert(
                super::profile::addons::HOSTPATH_TOPOLOGY_KEY.into(),
                name.into(),
            );
        }
        let pod_cidr = (profile != Profile::Cloud).then(|| format!("10.244.{index}.0/24"));
        let NodeSoftware {
            kubelet,
            os_image,
            runtime,
        } = profile.node_software();
        Node {
            metadata: meta,
            spec: NodeSpec {
                pod_cidrs: pod_cidr.iter().cloned().collect(),
                pod_cidr,
                taints,
                ..NodeSpec::default()
            },
            status: NodeStatus {
                conditions: [
                    (
                        "MemoryPressure",
                        "False",
                        "KubeletHasSufficientMemory",
                        "kubelet has sufficient memory available",
                    ),
                    (
                        "DiskPressure",
                        "False",
                        "KubeletHasNoDiskPressure",
                        "kubelet has no disk pressure",
                    ),
                    (
                        "PIDPressure",
                        "False",
                        "KubeletHasSufficientPID",
                        "kubelet has sufficient PID available",
                    ),
                    (
                        "Ready",
                        "True",
                        "KubeletReady",
                        "kubelet is posting ready status",
                    ),
                ]
                .into_iter()
                .map(|(t, st, reason, message)| NodeCondition {
                    type_: t.into(),
                    status: st.into(),
                    reason: Some(reason.into()),
                    message: Some(message.into()),
                    last_transition_time: Some(self.now),
                })
                .collect(),
                addresses: vec![
                    NodeAddress {
                        type_: "InternalIP".into(),
                        address: profile.node_ip(index),
                    },
                    NodeAddress {
                        type_: "Hostname".into(),
                        address: name.into(),
                    },
                ],
                node_info: NodeSystemInfo {
                    kubelet_version: kubelet.into(),
                    os_image: os_image.into(),
                    kernel_version: "6.8.0-kubestory".into(),
                    container_runtime_version: runtime.into(),
                },
            },
            machine: MachineState::Up,
        }
    }

    // ----- reading -------------------------------------------------------------------------

    /// The simulated time now.
    pub fn now(&self) -> SimTime {
        self.now
    }
    /// A cheap fingerprint that changes whenever the state changes (objects, clock, events,
    /// stories, losses), so undo can tell a no-op from a change without comparing states.
    pub fn change_marker(&self) -> (u64, SimTime, usize, u64, usize) {
        (
            self.resource_version,
            self.now,
            self.events.back().map_or(0, |e| e.seq as usize + 1),
            self.data.next_story,
            self.data.losses.len(),
        )
    }

    /// The configuration the cluster was built from.
    pub fn config(&self) -> &ClusterConfig {
        &self.config
    }
    /// The control-plane node, if one of the nodes is (`None`: a managed control plane).
    pub fn control_plane(&self) -> Option<&Node> {
        self.config
            .control_plane
            .as_deref()
            .and_then(|n| self.nodes.get(n))
    }
    /// Whether the API server answers: its node is up, or the control plane is managed.
    /// While it does not, kubectl cannot connect and no controller runs; kubelets keep
    /// their containers running (issue 11, "The control plane is a node that can fail").
    pub fn api_reachable(&self) -> bool {
        self.control_plane().is_none_or(|n| n.is_up())
    }
    /// Where kubectl reaches the API server and how a dial fails while its node is down
    /// ([`Profile::api_server`]): minikube's is the control-plane node's InternalIP and port
    /// 8443 (minikube `pkg/minikube/constants/constants.go` `APIServerPort`; the docker
    /// driver's first network is 192.168.49.0/24, `pkg/drivers/kic/oci/network_create.go`
    /// `firstSubnetAddr`, so `minikube` is 192.168.49.2); kind's is a port forwarded from the
    /// host's loopback.
    pub fn api_server(&self) -> Option<super::profile::ApiServer> {
        let ip = self.control_plane()?.internal_ip()?;
        Some(self.config.profile.api_server(&ip))
    }
    /// [`Cluster::api_server`], or minikube's address where no node runs the control plane
    /// (only reached by a caller that did not check [`Cluster::api_reachable`]).
    pub fn api_server_or_default(&self) -> super::profile::ApiServer {
        self.api_server()
            .unwrap_or_else(|| Profile::Minikube.api_server("192.168.49.2"))
    }
    /// Nodes by name.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.nodes.values()
    }
    /// One node.
    pub fn node(&self, name: &str) -> Option<&Node> {
        self.nodes.get(name)
    }
    /// Namespaces by name.
    pub fn namespaces(&self) -> impl Iterator<Item = &Namespace> {
        self.namespaces.values()
    }
    /// Pods, ordered by namespace then name.
    pub fn pods(&self) -> impl Iterator<Item = &Pod> {
        self.pods.values()
    }
    /// The profile's own pods (kube-system and the like): shown by kubectl, not simulated.
    pub fn system_pods(&self) -> impl Iterator<Item = &Pod> {
        self.system_pods.values()
    }
    /// Every pod the API server lists: the learner's and the profile's own, in its key order
    /// (namespace, then name), for kubectl's listings.
    pub fn listed_pods(&self) -> Vec<&Pod> {
        let mut pods: Vec<&Pod> = self.pods().chain(self.system_pods()).collect();
        pods.sort_by(|a, b| {
            (a.metadata.namespace_or_default(), &a.metadata.name)
                .cmp(&(b.metadata.namespace_or_default(), &b.metadata.name))
        });
        pods
    }
    /// One of the profile's own pods.
    pub fn system_pod(&self, ns: &str, name: &str) -> Option<&Pod> {
        self.system_pods.get(&key(ns, name))
    }
    /// The profile the cluster stands for.
    pub fn profile(&self) -> Profile {
        self.config.profile
    }
    /// One pod.
    pub fn pod(&self, ns: &str, name: &str) -> Option<&Pod> {
        self.pods.get(&key(ns, name))
    }
    /// Claims, ordered by namespace then name.
    pub fn claims(&self) -> impl Iterator<Item = &PersistentVolumeClaim> {
        self.claims.values()
    }
    /// One claim.
    pub fn claim(&self, ns: &str, name: &str) -> Option<&PersistentVolumeClaim> {
        self.claims.get(&key(ns, name))
    }
    /// PersistentVolumes by name.
    pub fn volumes(&self) -> impl Iterator<Item = &PersistentVolume> {
        self.volumes.values()
    }
    /// One PersistentVolume.
    pub fn volume(&self, name: &str) -> Option<&PersistentVolume> {
        self.volumes.get(name)
    }
    /// StorageClasses by name.
    pub fn storage_classes(&self) -> impl Iterator<Item = &StorageClass> {
        self.classes.values()
    }
    /// One StorageClass.
    pub fn storage_class(&self, name: &str) -> Option<&StorageClass> {
        self.classes.get(name)
    }
    /// Deployments.
    pub fn deployments(&self) -> impl Iterator<Item = &Deployment> {
        self.deployments.values()
    }
    /// One Deployment.
    pub fn deployment(&self, ns: &str, name: &str) -> Option<&Deployment> {
        self.deployments.get(&key(ns, name))
    }
    /// ReplicaSets.
    pub fn replica_sets(&self) -> impl Iterator<Item = &ReplicaSet> {
        self.replica_sets.values()
    }
    /// StatefulSets.
    pub fn stateful_sets(&self) -> impl Iterator<Item = &StatefulSet> {
        self.stateful_sets.values()
    }
    /// One StatefulSet.
    pub fn stateful_set(&self, ns: &str, name: &str) -> Option<&StatefulSet> {
        self.stateful_sets.get(&key(ns, name))
    }
    /// ConfigMaps.
    pub fn config_maps(&self) -> impl Iterator<Item = &ConfigMap> {
        self.config_maps.values()
    }
    /// Secrets.
    pub fn secrets(&self) -> impl Iterator<Item = &Secret> {
        self.secrets.values()
    }
    /// Objects of kinds that are accepted but not simulated.
    pub fn unsimulated(&self) -> impl Iterator<Item = &UnsimulatedObject> {
        self.others.values()
    }
    /// Every event, oldest first.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.events.iter()
    }
    /// Events about one object (by kind and name, and namespace when namespaced), oldest first.
    pub fn events_for(&self, kind: &str, ns: Option<&str>, name: &str) -> Vec<&Event> {
        self.events
            .iter()
            .filter(|e| {
                e.object.kind == kind
                    && e.object.name == name
                    && e.object.namespace.as_deref() == ns
            })
            .collect()
    }
    /// The data store: every filesystem and every loss.
    pub fn data(&self) -> &DataStore {
        &self.data
    }
    /// Where a network volume is attached (the first node, when several are).
    pub fn attachment(&self, pv: &str) -> Option<&Attachment> {
        self.attachments
            .iter()
            .find(|((p, _), _)| p == pv)
            .map(|(_, a)| a)
    }

    /// The default StorageClass: among classes marked default, the newest by creation time,
    /// ties broken by name ascending (DSC `GetDefaultClass`, semantics §1.3).
    pub fn default_storage_class(&self) -> Option<&StorageClass> {
        let mut defaults: Vec<&StorageClass> =
            self.classes.values().filter(|c| c.is_default()).collect();
        defaults.sort_by(|a, b| {
            b.metadata
                .creation_timestamp
                .cmp(&a.metadata.creation_timestamp)
                .then_with(|| a.metadata.name.cmp(&b.metadata.name))
        });
        defaults.first().copied()
    }

    /// Any object by kind, namespace and name, as a typed [`super::Object`] (for `-o yaml`).
    pub fn get_object(&self, kind: Kind, ns: &str, name: &str) -> Option<super::Object> {
        use super::Object as O;
        let k = key(ns, name);
        Some(match kind {
            Kind::Pod => O::Pod(self.pods.get(&k)?.clone()),
            Kind::PersistentVolumeClaim => O::PersistentVolumeClaim(self.claims.get(&k)?.clone()),
            Kind::PersistentVolume => O::PersistentVolume(self.volumes.get(name)?.clone()),
            Kind::StorageClass => O::StorageClass(self.classes.get(name)?.clone()),
            Kind::Deployment => O::Deployment(self.deployments.get(&k)?.clone()),
            Kind::ReplicaSet => O::ReplicaSet(self.replica_sets.get(&k)?.clone()),
            Kind::StatefulSet => O::StatefulSet(self.stateful_sets.get(&k)?.clone()),
            Kind::ConfigMap => O::ConfigMap(self.config_maps.get(&k)?.clone()),
            Kind::Secret => O::Secret(self.secrets.get(&k)?.clone()),
            Kind::Namespace => O::Namespace(self.namespaces.get(name)?.clone()),
            Kind::Node | Kind::Event => return None,
        })
    }

    // ----- writing (crate-internal) ---------------------------------------------------------

    /// The next resourceVersion.
    pub(crate) fn bump(&mut self) -> String {
        self.resource_version += 1;
        self.resource_version.to_string()
    }

    /// Fills uid, creationTimestamp and resourceVersion of a new object. `generation` is set
    /// only by kinds whose API tracks it (pods and apps workloads), with [`Cluster::stamp_generated`].
    pub(crate) fn stamp_new(&mut self, meta: &mut ObjectMeta) {
        meta.uid = self.rng.uuid();
        meta.creation_timestamp = Some(self.now);
        meta.resource_version = self.bump();
        meta.generation = 0;
        meta.deletion_timestamp = None;
    }

    /// Like `stamp_new`, for kinds whose API sets `metadata.generation` (pods, Deployments,
    /// ReplicaSets, StatefulSets).
    pub(crate) fn stamp_generated(&mut self, meta: &mut ObjectMeta) {
        self.stamp_new(meta);
        meta.generation = 1;
    }

    /// Records an event, folding a repeat of the same reason and message on the same object into
    /// the existing entry (count and last-seen). A repeat at the same instant is ignored: the
    /// controllers re-run until nothing changes, and that must not inflate counts.
    pub(crate) fn record(
        &mut self,
        object: InvolvedObject,
        type_: EventType,
        reason: &str,
        message: String,
        source: &str,
    ) {
        if !self.api_reachable() {
            // Nothing can post an event while the API server is down (client-go
            // `tools/record/event.go` `recordToSink` gives up after `maxTriesPerEvent`).
            return;
        }
        let index_key = (
            object.clone(),
            reason.to_string(),
            message.clone(),
            source.to_string(),
        );
        let first_seq = self.events.front().map_or(0, |e| e.seq);
        if let Some(&seq) = self.event_index.get(&index_key) {
            let i = (seq as u64).saturating_sub(first_seq) as usize;
            if let Some(e) = self.events.get_mut(i) {
                if e.last_seen < self.now {
                    e.count += 1;
                    e.last_seen = self.now;
                }
            }
            return;
        }
        let seq = self.events.back().map_or(0, |e| e.seq + 1);
        if self.events.len() >= MAX_EVENTS {
            self.drop_oldest_event();
        }
        self.events.push_back(Event {
            seq,
            object,
            type_,
            reason: reason.to_string(),
            message,
            source: source.to_string(),
            first_seen: self.now,
            last_seen: self.now,
            count: 1,
        });
        self.event_index.insert(index_key, seq as usize);
    }
}

impl Cluster {
    /// Drops the oldest event and its index entry, as the API server forgets events after
    /// their TTL; keeps the log at [`MAX_EVENTS`].
    fn drop_oldest_event(&mut self) {
        if let Some(old) = self.events.pop_front() {
            let key = (old.object, old.reason, old.message, old.source);
            if self.event_index.get(&key) == Some(&(old.seq as usize)) {
                self.event_index.remove(&key);
            }
        }
    }
}

/// A `(namespace, name)` key.
pub fn key(ns: &str, name: &str) -> NsName {
    (ns.to_string(), name.to_string())
}

/// The `involvedObject` of an event about an object with this kind and metadata.
pub fn involved(kind: &str, meta: &ObjectMeta) -> InvolvedObject {
    InvolvedObject {
        kind: kind.to_string(),
        namespace: meta.namespace.clone(),
        name: meta.name.clone(),
        uid: meta.uid.clone(),
    }
}

/// Writes `value` into `map` at `k` if it differs from what is stored, bumping its
/// resourceVersion; returns whether anything changed. Controllers call this on every pass, so
/// an unchanged object must stay byte-for-byte the same (which lets `settle` find its fixpoint).
pub(crate) fn store<K: Ord + Clone, V: Clone + PartialEq + HasMeta>(
    map: &mut OrdMap<K, V>,
    counter: &mut u64,
    k: K,
    mut value: V,
) -> bool {
    if let Some(old) = map.get(&k) {
        // Compare with the stored version's resourceVersion in place (no clone).
        value.meta_mut().resource_version = old.meta().resource_version.clone();
        if &value == old {
            return false;
        }
    }
    *counter += 1;
    value.meta_mut().resource_version = counter.to_string();
    map.insert(k, value);
    true
}

/// Objects with metadata.
pub trait HasMeta {
    /// The metadata.
    fn meta(&self) -> &ObjectMeta;
    /// The metadata, mutably.
    fn meta_mut(&mut self) -> &mut ObjectMeta;
}

macro_rules! has_meta {
    ($($t:ty),*) => {$(
        impl HasMeta for $t {
            fn meta(&self) -> &ObjectMeta { &self.metadata }
            fn meta_mut(&mut self) -> &mut ObjectMeta { &mut self.metadata }
        }
    )*};
}
has_meta!(
    Pod,
    PersistentVolumeClaim,
    PersistentVolume,
    StorageClass,
    Deployment,
    ReplicaSet,
    StatefulSet,
    ConfigMap,
    Secret,
    Namespace,
    Node,
    UnsimulatedObject
);

/// Keeps only the entries for which `keep` is true (imbl's OrdMap has no `retain`).
pub(crate) fn retain<K: Ord + Clone, V: Clone>(
    map: &mut OrdMap<K, V>,
    keep: impl Fn(&K, &V) -> bool,
) {
    let doomed: Vec<K> = map
        .iter()
        .filter(|(k, v)| !keep(k, v))
        .map(|(k, _)| k.clone())
        .collect();
    for k in doomed {
        map.remove(&k);
    }
}
