//! The StorageClasses each profile starts with, as `kubectl get storageclass` shows them on a
//! fresh cluster of that kind.

use super::Profile;
use crate::sim::objects::*;
use std::collections::BTreeMap;

fn class(
    name: &str,
    provisioner: &str,
    binding: VolumeBindingMode,
    expansion: Option<bool>,
    parameters: &[(&str, &str)],
) -> StorageClass {
    StorageClass {
        metadata: ObjectMeta::named(name, None),
        provisioner: provisioner.into(),
        parameters: parameters
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
        reclaim_policy: Some(ReclaimPolicy::Delete),
        volume_binding_mode: Some(binding),
        allow_volume_expansion: expansion,
        ..StorageClass::default()
    }
}

fn default_class(mut sc: StorageClass) -> StorageClass {
    sc.metadata
        .annotations
        .insert(DEFAULT_CLASS_ANNOTATION.into(), "true".into());
    sc
}

impl super::Addon {
    /// The classes the addon installs, unstamped (uid, time and resource version are the
    /// cluster's to give): `csi-hostpath-sc` (minikube
    /// `deploy/addons/csi-hostpath-driver/deploy/csi-hostpath-storageclass.yaml`).
    pub(crate) fn storage_classes(self) -> Vec<StorageClass> {
        let mut sc = class(
            "csi-hostpath-sc",
            super::addons::HOSTPATH_CSI.name,
            VolumeBindingMode::Immediate,
            None,
            &[],
        );
        sc.metadata
            .labels
            .insert("addonmanager.kubernetes.io/mode".into(), "Reconcile".into());
        vec![sc]
    }
}

impl Profile {
    /// The classes of a fresh cluster; with `with_default` false the default one is left out
    /// (minikube's `addons disable default-storageclass`, and its like elsewhere).
    pub(crate) fn storage_classes(self, with_default: bool) -> Vec<StorageClass> {
        let mut out = Vec::new();
        match self {
            Profile::Minikube => {
                // minikube `deploy/addons/storageclass/storageclass.yaml.tmpl`.
                let mut sc = default_class(class(
                    "standard",
                    "k8s.io/minikube-hostpath",
                    VolumeBindingMode::Immediate,
                    None,
                    &[],
                ));
                sc.metadata.labels.insert(
                    "addonmanager.kubernetes.io/mode".into(),
                    "EnsureExists".into(),
                );
                if with_default {
                    out.push(sc);
                }
            }
            Profile::Kind => {
                // kind `pkg/build/nodeimage/const_storage.go`.
                if with_default {
                    out.push(default_class(class(
                        "standard",
                        "rancher.io/local-path",
                        VolumeBindingMode::WaitForFirstConsumer,
                        None,
                        &[],
                    )));
                }
            }
            Profile::Cloud => {
                // EKS 1.30 and later: the EBS CSI add-on's `ebs-csi-default-sc` is the
                // default (the add-on's `defaultStorageClass` option, no parameters: gp3),
                // EKS's own `gp2` (in-tree name, migrated to the CSI driver) is not.
                if with_default {
                    out.push(default_class(class(
                        "ebs-csi-default-sc",
                        "ebs.csi.aws.com",
                        VolumeBindingMode::WaitForFirstConsumer,
                        Some(true),
                        &[],
                    )));
                }
                out.push(class(
                    "gp2",
                    "kubernetes.io/aws-ebs",
                    VolumeBindingMode::WaitForFirstConsumer,
                    None,
                    &[("fsType", "ext4"), ("type", "gp2")],
                ));
                // The class the EFS CSI driver's documentation has the administrator create
                // for dynamic provisioning (aws-efs-csi-driver
                // `examples/kubernetes/dynamic_provisioning/specs/storageclass.yaml`).
                out.push(class(
                    "efs-sc",
                    "efs.csi.aws.com",
                    VolumeBindingMode::Immediate,
                    None,
                    &[
                        ("directoryPerms", "700"),
                        ("fileSystemId", "fs-0a1b2c3d4e5f60718"),
                        ("provisioningMode", "efs-ap"),
                    ],
                ));
            }
        }
        out
    }
}
