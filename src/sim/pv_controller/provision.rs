//! Dynamic provisioning (semantics §5): the PV controller's part (`provisionClaim`, the
//! ExternalProvisioning event) and the simulated external provisioners that then create PVs.

use super::binding::{ANN_SELECTED_NODE, PV_CONTROLLER};
use super::classes::claim_class;
use crate::sim::Cluster;
use crate::sim::cluster::involved;
use crate::sim::data::FsId;
use crate::sim::events::EventType;
use crate::sim::objects::*;

/// `pv.kubernetes.io/provisioned-by`.
pub const ANN_PROVISIONED_BY: &str = "pv.kubernetes.io/provisioned-by";
/// `volume.kubernetes.io/storage-provisioner`, set on a claim handed to an external provisioner.
pub const ANN_STORAGE_PROVISIONER: &str = "volume.kubernetes.io/storage-provisioner";
/// The beta spelling, also set.
pub const ANN_BETA_STORAGE_PROVISIONER: &str = "volume.beta.kubernetes.io/storage-provisioner";
/// The finalizer CSI provisioners put on the PVs they create.
pub const FINALIZER_EXTERNAL_PROVISIONER: &str =
    "external-provisioner.volume.kubernetes.io/finalizer";
/// The PV protection finalizer.
pub const FINALIZER_PV_PROTECTION: &str = "kubernetes.io/pv-protection";

/// How kubestory simulates an installed provisioner's volumes. Which names are installed is
/// the cluster profile's ([`crate::sim::profile::Profile::drivers`]); any other external name
/// behaves like a provisioner that is not installed: the claim stays Pending with
/// `ExternalProvisioning` events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProvisionerFamily {
    /// minikube's `k8s.io/minikube-hostpath`: hostPath PVs under `/tmp/hostpath-provisioner`,
    /// no node affinity, directory created on the node the provisioner runs on (the first).
    MinikubeHostPath,
    /// `rancher.io/local-path`: hostPath PVs pinned to the selected node (WFFC only).
    LocalPath,
    /// A CSI or cloud driver serving attachable block disks (EBS, PD, Azure Disk…).
    NetworkDisk,
    /// A CSI driver or NFS provisioner serving a shared filesystem (RWX-capable).
    SharedFs,
    /// A CSI driver whose volumes are directories on one node (the CSI hostpath driver of
    /// minikube's `csi-hostpath-driver` addon).
    NodeLocalCsi,
}

/// In-tree provisioner names that are migrated to CSI drivers (CSI migration, GA).
fn migrated_driver(provisioner: &str) -> Option<&'static str> {
    Some(match provisioner {
        "kubernetes.io/aws-ebs" => "ebs.csi.aws.com",
        "kubernetes.io/gce-pd" => "pd.csi.storage.gke.io",
        "kubernetes.io/azure-disk" => "disk.csi.azure.com",
        "kubernetes.io/azure-file" => "file.csi.azure.com",
        "kubernetes.io/cinder" => "cinder.csi.openstack.org",
        "kubernetes.io/vsphere-volume" => "csi.vsphere.vmware.com",
        "kubernetes.io/portworx-volume" => "pxd.portworx.com",
        _ => return None,
    })
}

/// Whether a provisioner name is handled outside the PV controller (anything not
/// `kubernetes.io/…`, and migrated in-tree names).
pub fn is_external(provisioner: &str) -> bool {
    !provisioner.starts_with("kubernetes.io/") || migrated_driver(provisioner).is_some()
}

/// The event source of a simulated external provisioner (`<name>_<node>_<id>`, as real
/// provisioners identify themselves).
fn provisioner_identity(cluster: &Cluster, name: &str) -> String {
    let node = cluster.config.nodes.first().cloned().unwrap_or_default();
    let hash = crate::sim::names::pod_template_hash(name, 0);
    format!("{name}_{node}_{hash}")
}

impl Cluster {
    /// PVC-CTRL `provisionClaim` → `provisionClaimOperationExternal`, plus the external
    /// provisioner's own work when kubestory simulates it.
    pub(crate) fn provision_claim(&mut self, claim: &PersistentVolumeClaim) {
        let who = involved("PersistentVolumeClaim", &claim.metadata);
        let class_name = claim_class(claim).to_string();
        let Some(class) = self.classes.get(&class_name).cloned() else {
            self.record(
                who,
                EventType::Warning,
                "ProvisioningFailed",
                format!("storageclass.storage.k8s.io {class_name:?} not found"),
                PV_CONTROLLER,
            );
            return;
        };
        let provisioner = migrated_driver(&class.provisioner)
            .unwrap_or(&class.provisioner)
            .to_string();
        if !is_external(&class.provisioner) {
            self.record(
                who,
                EventType::Warning,
                "ProvisioningFailed",
                format!("no volume plugin matched name: {}", class.provisioner),
                PV_CONTROLLER,
            );
            return;
        }
        let mut annotated = claim.clone();
        annotated
            .metadata
            .annotations
            .insert(ANN_STORAGE_PROVISIONER.into(), provisioner.clone());
        annotated
            .metadata
            .annotations
            .insert(ANN_BETA_STORAGE_PROVISIONER.into(), provisioner.clone());
        self.put_claim(annotated.clone());
        self.record(
            who.clone(),
            EventType::Normal,
            "ExternalProvisioning",
            format!(
                "Waiting for a volume to be created either by the external provisioner '{provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered."
            ),
            PV_CONTROLLER,
        );
        // Nobody provisions for a name the profile does not install: the claim stays Pending
        // with the event above, as on a real cluster (issue 11, "What is not installed does
        // not work").
        let Some(driver) = self.config.driver(&provisioner) else {
            return;
        };
        let family = driver.family;
        let pv_name = format!("pvc-{}", claim.metadata.uid);
        if self.volumes.contains_key(&pv_name) {
            return;
        }
        let source = provisioner_identity(self, &provisioner);
        // sig-storage-lib-external-provisioner v11 `controller.go` `canProvision`: a
        // provisioner that does not implement BlockProvisioner refuses Block before it
        // starts (the CSI external-provisioner always claims Block support and leaves the
        // answer to the driver).
        if !driver.csi && claim.spec.volume_mode() == "Block" {
            self.record(
                who.clone(),
                EventType::Warning,
                "ProvisioningFailed",
                format!("{provisioner} does not support block volume provisioning"),
                &source,
            );
            return;
        }
        self.record(
            who.clone(),
            EventType::Normal,
            "Provisioning",
            format!(
                "External provisioner is provisioning volume for claim \"{}/{}\"",
                claim.metadata.namespace_or_default(),
                claim.metadata.name
            ),
            &source,
        );
        // The library wraps every refusal (v11 `provisionClaimOperation`).
        let fail = |c: &mut Cluster, why: &str| {
            c.record(
                who.clone(),
                EventType::Warning,
                "ProvisioningFailed",
                format!("failed to provision volume with StorageClass {class_name:?}: {why}"),
                &source,
            );
        };
        if let Some(why) = self.refusal(driver, claim, &class) {
            fail(self, &why);
            return;
        }
        let clone_of = self.clone_source(driver, claim);
        let mut selected = claim.metadata.annotations.get(ANN_SELECTED_NODE).cloned();
        if family == ProvisionerFamily::NodeLocalCsi {
            // A node-local clone is made beside its source (the hostpath plugin of that node
            // holds the source's files).
            if let Some(node) = clone_of.as_ref().and_then(|src| self.volume_node(src)) {
                selected = Some(node);
            }
        }
        if family == ProvisionerFamily::LocalPath && selected.is_none() {
            fail(self, "configuration error, no node was specified");
            return;
        }
        if !self.has_room() {
            fail(self, &crate::sim::api::objects_message());
            return;
        }
        let pv = self.provisioned_volume(
            &annotated,
            &class,
            &provisioner,
            family,
            selected.as_deref(),
        );
        if let Some(src) = &clone_of {
            self.copy_volume_data(src, &pv);
        }
        self.put_volume(pv);
        self.record(
            who,
            EventType::Normal,
            "ProvisioningSucceeded",
            format!("Successfully provisioned volume {pv_name}"),
            &source,
        );
    }

    /// The PV an external provisioner creates for a claim (semantics §5): `pvc-<uid>`, claimRef
    /// pre-set, the class's reclaim policy and mount options, exactly the requested size.
    fn provisioned_volume(
        &mut self,
        claim: &PersistentVolumeClaim,
        class: &StorageClass,
        provisioner: &str,
        family: ProvisionerFamily,
        selected_node: Option<&str>,
    ) -> PersistentVolume {
        let ns = claim.metadata.namespace_or_default().to_string();
        let name = format!("pvc-{}", claim.metadata.uid);
        let mut meta = ObjectMeta::named(&name, None);
        self.stamp_new(&mut meta);
        meta.annotations
            .insert(ANN_PROVISIONED_BY.into(), provisioner.into());
        meta.finalizers.push(FINALIZER_PV_PROTECTION.into());
        let mut spec = PersistentVolumeSpec {
            capacity: claim.spec.resources.requests.clone(),
            access_modes: claim.spec.access_modes.clone(),
            persistent_volume_reclaim_policy: Some(class.reclaim_policy()),
            storage_class_name: Some(class.metadata.name.clone()),
            volume_mode: Some(claim.spec.volume_mode().to_string()),
            mount_options: class.mount_options.clone(),
            claim_ref: Some(ObjectReference {
                kind: Some("PersistentVolumeClaim".into()),
                namespace: Some(ns.clone()),
                name: Some(claim.metadata.name.clone()),
                uid: Some(claim.metadata.uid.clone()),
                api_version: Some("v1".into()),
                resource_version: Some(claim.metadata.resource_version.clone()),
                ..ObjectReference::default()
            }),
            ..PersistentVolumeSpec::default()
        };
        match family {
            ProvisionerFamily::MinikubeHostPath => {
                let node = self.config.nodes.first().cloned().unwrap_or_default();
                meta.annotations
                    .insert("hostPathProvisionerIdentity".into(), node.clone());
                let path = format!("/tmp/hostpath-provisioner/{ns}/{}", claim.metadata.name);
                self.data.ensure(&FsId::NodeDisk { node }).mkdir_p(&path);
                spec.host_path = Some(HostPathVolumeSource {
                    path,
                    type_: Some(String::new()),
                });
            }
            ProvisionerFamily::LocalPath => {
                let node = selected_node.unwrap_or_default().to_string();
                // kind's local-path config: `"paths":["/var/local-path-provisioner"]`
                // (kind `pkg/build/nodeimage/const_storage.go`); folder
                // `<pv>_<namespace>_<claim>` (local-path `provisioner.go` `provisionFor`).
                let path = format!(
                    "/var/local-path-provisioner/{name}_{ns}_{}",
                    claim.metadata.name
                );
                self.data
                    .ensure(&FsId::NodeDisk { node: node.clone() })
                    .mkdir_p(&path);
                spec.host_path = Some(HostPathVolumeSource {
                    path,
                    type_: Some("DirectoryOrCreate".into()),
                });
                spec.node_affinity = Some(pin_to(&node));
            }
            ProvisionerFamily::SharedFs
                if !provisioner.contains(".csi.") && !provisioner.ends_with(".csi.ceph.com") =>
            {
                // nfs-subdir-external-provisioner: an NFS PV on a directory of its export.
                let path = format!("/exports/{ns}-{}-{name}", claim.metadata.name);
                let server = "nfs-server.default.svc.cluster.local".to_string();
                self.data
                    .ensure(&FsId::Network {
                        id: format!("nfs://{server}"),
                    })
                    .mkdir_p(&path);
                spec.nfs = Some(NfsVolumeSource {
                    server,
                    path,
                    read_only: None,
                });
            }
            ProvisionerFamily::NodeLocalCsi => {
                // csi-driver-host-path `CreateVolume`: a directory named by a new UUID under
                // the plugin's data dir, on the node whose provisioner took the claim (the
                // selected node, or with Immediate binding the first); strict topology pins
                // the PV to that node.
                use crate::sim::profile::addons::{HOSTPATH_DATA_DIR, HOSTPATH_TOPOLOGY_KEY};
                meta.finalizers.push(FINALIZER_EXTERNAL_PROVISIONER.into());
                let node = selected_node
                    .map(str::to_string)
                    .or_else(|| self.config.nodes.first().cloned())
                    .unwrap_or_default();
                let handle = self.rng.uuid();
                self.data
                    .ensure(&FsId::NodeDisk { node: node.clone() })
                    .mkdir_p(&format!("{HOSTPATH_DATA_DIR}/{handle}"));
                spec.csi = Some(CsiPersistentVolumeSource {
                    driver: provisioner.to_string(),
                    volume_handle: handle,
                    extra: Default::default(),
                });
                spec.node_affinity = Some(pin_by(HOSTPATH_TOPOLOGY_KEY, &node));
            }
            ProvisionerFamily::NetworkDisk | ProvisionerFamily::SharedFs => {
                meta.finalizers.push(FINALIZER_EXTERNAL_PROVISIONER.into());
                let handle = if family == ProvisionerFamily::NetworkDisk {
                    format!("vol-{:017x}", self.rng.next_u64() >> 4)
                } else if let Some(fs) = class.parameters.get("fileSystemId") {
                    // aws-efs-csi-driver: `<file system>::<access point>`.
                    format!("{fs}::fsap-{:017x}", self.rng.next_u64() >> 4)
                } else {
                    format!("{ns}/{}/{name}", claim.metadata.name)
                };
                let zonal = self
                    .config
                    .driver(provisioner)
                    .is_some_and(|d| d.topology == crate::sim::profile::Topology::Zone);
                if zonal {
                    // A zonal disk is made in the selected node's zone (WaitForFirstConsumer)
                    // or, with Immediate binding, in a zone of some node; its PV carries that
                    // zone as node affinity (aws-ebs-csi-driver `newCreateVolumeResponse`:
                    // `topology.kubernetes.io/zone`; external-provisioner
                    // `GenerateVolumeNodeAffinity`).
                    let zone = selected_node
                        .or(self.config.nodes.first().map(String::as_str))
                        .and_then(|n| self.nodes.get(n))
                        .and_then(|n| n.metadata.labels.get(crate::sim::profile::ZONE_LABEL))
                        .cloned();
                    if let Some(zone) = zone {
                        spec.node_affinity = Some(pin_to_zone(&zone));
                    }
                }
                self.data.ensure(&FsId::Network {
                    id: format!("csi://{provisioner}/{handle}"),
                });
                spec.csi = Some(CsiPersistentVolumeSource {
                    driver: provisioner.to_string(),
                    volume_handle: handle,
                    extra: Default::default(),
                });
            }
        }
        PersistentVolume {
            metadata: meta,
            spec,
            status: PersistentVolumeStatus {
                phase: Some(VolumePhase::Pending),
                ..Default::default()
            },
        }
    }
}

/// A node affinity on one value of one node label.
pub fn pin_by(key: &str, value: &str) -> VolumeNodeAffinity {
    VolumeNodeAffinity {
        required: Some(NodeSelector {
            node_selector_terms: vec![NodeSelectorTerm {
                match_expressions: vec![NodeSelectorRequirement {
                    key: key.into(),
                    operator: "In".into(),
                    values: vec![value.to_string()],
                }],
                match_fields: vec![],
            }],
        }),
    }
}

/// A node affinity that keeps a PV in one zone.
pub fn pin_to_zone(zone: &str) -> VolumeNodeAffinity {
    VolumeNodeAffinity {
        required: Some(NodeSelector {
            node_selector_terms: vec![NodeSelectorTerm {
                match_expressions: vec![NodeSelectorRequirement {
                    key: crate::sim::profile::ZONE_LABEL.into(),
                    operator: "In".into(),
                    values: vec![zone.to_string()],
                }],
                match_fields: vec![],
            }],
        }),
    }
}

/// A node affinity that pins a PV to one node by hostname.
pub fn pin_to(node: &str) -> VolumeNodeAffinity {
    VolumeNodeAffinity {
        required: Some(NodeSelector {
            node_selector_terms: vec![NodeSelectorTerm {
                match_expressions: vec![NodeSelectorRequirement {
                    key: HOSTNAME_LABEL.into(),
                    operator: "In".into(),
                    values: vec![node.to_string()],
                }],
                match_fields: vec![],
            }],
        }),
    }
}

/// The CSI external-provisioner's error when a claim's `dataSource` names a VolumeSnapshot
/// and the snapshot cannot be read: without the snapshot CRDs the API server has no such
/// resource (external-provisioner `pkg/controller/controller.go` `getSnapshotSource`, wrapped
/// by `Provision`: "error getting handle for DataSource Type … by Name …").
fn snapshot_not_found(name: &str) -> String {
    format!(
        "error getting handle for DataSource Type VolumeSnapshot by Name {name}: error getting snapshot {name} from api server: the server could not find the requested resource (get volumesnapshots.snapshot.storage.k8s.io {name})"
    )
}

/// A claim's `dataSource` (or `dataSourceRef`): kind and name.
pub fn data_source(claim: &PersistentVolumeClaim) -> Option<(String, String)> {
    let source = claim
        .spec
        .extra
        .get("dataSourceRef")
        .or_else(|| claim.spec.extra.get("dataSource"))?;
    let kind = source.get("kind")?.as_str()?.to_string();
    let name = source.get("name")?.as_str()?.to_string();
    Some((kind, name))
}

impl Cluster {
    /// The installed provisioner that will ignore this claim's `dataSource`, if one will: a
    /// sig-storage-lib-external-provisioner program (minikube's hostPath provisioner,
    /// local-path) never reads it and makes an empty volume, with no event to say so. kubectl
    /// prints kubestory's note, so the empty volume is never a silent surprise (issue 11).
    pub fn ignored_data_source(&self, ns: &str, claim: &str) -> Option<String> {
        let claim = self.claim(ns, claim)?;
        data_source(claim)?;
        let class = self.classes.get(claim_class(claim))?;
        let provisioner = migrated_driver(&class.provisioner).unwrap_or(&class.provisioner);
        let driver = self.config.driver(provisioner)?;
        (!driver.csi).then(|| provisioner.to_string())
    }

    /// Why an installed provisioner refuses this claim, in its own words (`None`: it
    /// provisions). CSI drivers: the external-provisioner's capability checks
    /// (`checkDriverCapabilities`), its selector check, then the driver's CreateVolume
    /// (capabilities, required parameters). local-path: `provisioner.go` `provisionFor`.
    /// minikube's hostPath provisioner checks nothing (minikube `pkg/storage/
    /// storage_provisioner.go` `Provision`; its library, v6, has no selector check either).
    fn refusal(
        &self,
        driver: &crate::sim::profile::Driver,
        claim: &PersistentVolumeClaim,
        class: &StorageClass,
    ) -> Option<String> {
        let shared = claim
            .spec
            .access_modes
            .iter()
            .any(|m| matches!(m, AccessMode::ReadWriteMany | AccessMode::ReadOnlyMany));
        let block = claim.spec.volume_mode() == "Block";
        if driver.csi {
            if let Some((kind, name)) = data_source(claim) {
                match kind.as_str() {
                    "VolumeSnapshot" if !driver.snapshots => {
                        return Some("CSI driver does not support snapshot restore: controller CREATE_DELETE_SNAPSHOT capability is not reported".into());
                    }
                    "VolumeSnapshot" if !self.config.profile.has_snapshot_crds() => {
                        return Some(snapshot_not_found(&name));
                    }
                    "PersistentVolumeClaim" if !driver.clone => {
                        return Some("CSI driver does not support clone operations: controller CLONE_VOLUME capability is not reported".into());
                    }
                    "PersistentVolumeClaim" => {
                        if let Err(why) = self.clone_source_checked(driver, claim, &name) {
                            return Some(format!(
                                "error getting handle for DataSource Type PersistentVolumeClaim by Name {name}: {why}"
                            ));
                        }
                    }
                    _ => {}
                }
            }
            if claim.spec.selector.is_some() {
                return Some("claim Selector is not supported".into());
            }
            if (block && !driver.block) || (shared && !driver.shared_access && !block) {
                return Some(crate::sim::profile::drivers::CAPABILITIES_NOT_SUPPORTED.into());
            }
            for required in driver.required {
                if !class.parameters.contains_key(required.key) {
                    return Some(required.missing.into());
                }
            }
            return None;
        }
        if driver.family == ProvisionerFamily::LocalPath {
            if claim.spec.selector.is_some() {
                return Some("claim.Spec.Selector is not supported".into());
            }
            if shared {
                return Some(driver.shared_access_error.into());
            }
        }
        None
    }
}

impl Cluster {
    /// external-provisioner `getPVCSource`: the claim to clone must exist, be Bound to a CSI
    /// volume of the same driver, and be no larger than the new claim; its PV is returned.
    fn clone_source_checked(
        &self,
        driver: &crate::sim::profile::Driver,
        claim: &PersistentVolumeClaim,
        source: &str,
    ) -> Result<PersistentVolume, String> {
        let ns = claim.metadata.namespace_or_default();
        let src = self.claim(ns, source).ok_or_else(|| {
            format!(
                "error getting PVC {source} (namespace {ns:?}) from api server: persistentvolumeclaims {source:?} not found"
            )
        })?;
        if src.status.phase != Some(ClaimPhase::Bound) {
            return Err(format!(
                "the PVC DataSource {source} must have a status of Bound.  Got {{Pending}}"
            ));
        }
        let requested = claim.spec.request().map(|q| q.value()).unwrap_or(0);
        let available = src.spec.request().map(|q| q.value()).unwrap_or(0);
        if requested < available {
            return Err(format!(
                "error, new PVC request must be greater than or equal in size to the specified PVC data source, requested {requested} but source is {available}"
            ));
        }
        let invalid = || "claim in dataSource not bound or invalid".to_string();
        let pv = src
            .spec
            .volume_name()
            .and_then(|n| self.volumes.get(n))
            .ok_or_else(invalid)?;
        match &pv.spec.csi {
            Some(csi) if csi.driver == driver.name => Ok(pv.clone()),
            _ => Err(invalid()),
        }
    }

    /// The PV a claim is cloned from, when its driver clones and the source checks out.
    fn clone_source(
        &self,
        driver: &crate::sim::profile::Driver,
        claim: &PersistentVolumeClaim,
    ) -> Option<PersistentVolume> {
        let (kind, name) = data_source(claim)?;
        if kind != "PersistentVolumeClaim" || !driver.csi || !driver.clone {
            return None;
        }
        self.clone_source_checked(driver, claim, &name).ok()
    }

    /// The node a node-local PV lives on (its node affinity's single value).
    fn volume_node(&self, pv: &PersistentVolume) -> Option<String> {
        pv.spec
            .node_affinity
            .as_ref()?
            .required
            .as_ref()?
            .node_selector_terms
            .first()?
            .match_expressions
            .first()?
            .values
            .first()
            .cloned()
    }

    /// Where a PV's files are: the filesystem and the directory in it.
    fn volume_storage(&self, pv: &PersistentVolume) -> Option<(FsId, String)> {
        match crate::sim::location::volume_placement(pv) {
            crate::sim::location::Placement::NodeLocal { path } => Some((
                FsId::NodeDisk {
                    node: self.volume_node(pv)?,
                },
                path,
            )),
            crate::sim::location::Placement::Network { fs, path, .. } => Some((fs, path)),
        }
    }

    /// A clone's content: every file of the source volume, copied into the new volume (new
    /// stories with the same text and writer: a copy, which the source keeps too).
    fn copy_volume_data(&mut self, from: &PersistentVolume, to: &PersistentVolume) {
        let (Some((src_fs, src_dir)), Some((dst_fs, dst_dir))) =
            (self.volume_storage(from), self.volume_storage(to))
        else {
            return;
        };
        let files: Vec<(String, Vec<crate::sim::data::Story>)> = self
            .data
            .filesystems
            .get(&src_fs)
            .map(|fs| {
                fs.files
                    .iter()
                    .filter(|(path, _)| crate::sim::data::is_within(path, &src_dir))
                    .map(|(path, stories)| (path.clone(), stories.iter().cloned().collect()))
                    .collect()
            })
            .unwrap_or_default();
        let now = self.now;
        for (path, stories) in files {
            let rel = path
                .strip_prefix(src_dir.trim_end_matches('/'))
                .unwrap_or(&path)
                .trim_start_matches('/');
            let target = crate::sim::data::join(&dst_dir, rel);
            for story in stories {
                self.data
                    .append(&dst_fs, &target, &story.text, &story.writer, now);
            }
        }
    }
}
