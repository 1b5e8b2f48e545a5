//! Volume sources: exactly one per pod volume or PersistentVolume, and their own fields.

use super::{Errs, Obj, storage};
use crate::manifest::messages::go_quote;

/// Pod volume sources in the order of core `validateVolumeSource`; the second element is the
/// child name the API server uses in "may not specify more than 1 volume type" (upstream
/// spells two of them differently from the JSON field: `cephFS`, `downwarAPI`).
const POD_SOURCES: &[(&str, &str)] = &[
    ("emptyDir", "emptyDir"),
    ("hostPath", "hostPath"),
    ("gitRepo", "gitRepo"),
    ("gcePersistentDisk", "gcePersistentDisk"),
    ("awsElasticBlockStore", "awsElasticBlockStore"),
    ("secret", "secret"),
    ("nfs", "nfs"),
    ("iscsi", "iscsi"),
    ("glusterfs", "glusterfs"),
    ("flocker", "flocker"),
    ("persistentVolumeClaim", "persistentVolumeClaim"),
    ("rbd", "rbd"),
    ("cinder", "cinder"),
    ("cephfs", "cephFS"),
    ("quobyte", "quobyte"),
    ("downwardAPI", "downwarAPI"),
    ("fc", "fc"),
    ("flexVolume", "flexVolume"),
    ("configMap", "configMap"),
    ("azureFile", "azureFile"),
    ("vsphereVolume", "vsphereVolume"),
    ("photonPersistentDisk", "photonPersistentDisk"),
    ("portworxVolume", "portworxVolume"),
    ("azureDisk", "azureDisk"),
    ("storageos", "storageos"),
    ("projected", "projected"),
    ("scaleIO", "scaleIO"),
    ("csi", "csi"),
    ("ephemeral", "ephemeral"),
    ("image", "image"),
];

/// PersistentVolume sources in the order of core `ValidatePersistentVolumeSpec`.
const PV_SOURCES: &[(&str, &str)] = &[
    ("hostPath", "hostPath"),
    ("gcePersistentDisk", "gcePersistentDisk"),
    ("awsElasticBlockStore", "awsElasticBlockStore"),
    ("glusterfs", "glusterfs"),
    ("flocker", "flocker"),
    ("nfs", "nfs"),
    ("rbd", "rbd"),
    ("quobyte", "quobyte"),
    ("cephfs", "cephFS"),
    ("iscsi", "iscsi"),
    ("cinder", "cinder"),
    ("fc", "fc"),
    ("flexVolume", "flexVolume"),
    ("azureFile", "azureFile"),
    ("vsphereVolume", "vsphereVolume"),
    ("photonPersistentDisk", "photonPersistentDisk"),
    ("portworxVolume", "portworxVolume"),
    ("azureDisk", "azureDisk"),
    ("scaleIO", "scaleIO"),
    ("local", "local"),
    ("storageos", "storageos"),
    ("csi", "csi"),
];

/// The hostPath `type` values (core `supportedHostPathTypes`, sorted as `sets.List` does).
const HOST_PATH_TYPES: &[&str] = &[
    "",
    "BlockDevice",
    "CharDevice",
    "Directory",
    "DirectoryOrCreate",
    "File",
    "FileOrCreate",
    "Socket",
];

/// core `validateVolumeSource` for a pod volume at `path` (`spec.volumes[0]`).
pub(crate) fn validate_pod_volume_source(vol: Obj, path: &str, errs: &mut Errs) {
    let mut count = 0;
    for (field, child) in POD_SOURCES {
        let src = vol.child(field);
        let Some(_) = src.node else { continue };
        let spath = format!("{path}.{field}");
        // emptyDir comes first and is never the "second" source.
        if count > 0 && *field != "emptyDir" {
            errs.forbidden(
                &format!("{path}.{child}"),
                src.pos,
                "may not specify more than 1 volume type",
                Some(one_source_hint()),
            );
            continue;
        }
        count += 1;
        match *field {
            "emptyDir"
                if src
                    .str("sizeLimit")
                    .is_some_and(|q| q.trim_start().starts_with('-')) =>
            {
                errs.forbidden(
                    &format!("{spath}.sizeLimit"),
                    src.val_pos("sizeLimit"),
                    "SizeLimit field must be a valid resource quantity",
                    None,
                );
            }
            "hostPath" => validate_host_path(src, &spath, errs),
            "secret" => require(src, &spath, "secretName", errs),
            "configMap" => require(src, &spath, "name", errs),
            "persistentVolumeClaim" => require(src, &spath, "claimName", errs),
            "nfs" => validate_nfs(src, &spath, errs),
            "csi" => require(src, &spath, "driver", errs),
            "ephemeral" => {
                let tmpl = src.child("volumeClaimTemplate");
                let tpath = format!("{spath}.volumeClaimTemplate");
                match tmpl.node {
                    None => errs.required(&tpath, tmpl.pos, "", None),
                    Some(_) => storage::validate_pvc_spec(
                        tmpl.child("spec"),
                        &format!("{tpath}.spec"),
                        errs,
                    ),
                }
            }
            _ => {}
        }
    }
    if count == 0 {
        errs.required(
            path,
            vol.pos,
            "must specify a volume type",
            Some(pod_source_hint()),
        );
    }
}

/// The volume sources of a PersistentVolume spec (core `ValidatePersistentVolumeSpec`).
/// Returns the JSON name of the source that counted (the first one set).
pub(crate) fn validate_pv_sources(spec: Obj, path: &str, errs: &mut Errs) -> Option<&'static str> {
    let mut chosen = None;
    for (field, child) in PV_SOURCES {
        let src = spec.child(field);
        let Some(_) = src.node else { continue };
        let spath = format!("{path}.{field}");
        // Upstream never checks flexVolume against the others.
        if chosen.is_some() && *field != "flexVolume" {
            errs.forbidden(
                &format!("{path}.{child}"),
                src.pos,
                "may not specify more than 1 volume type",
                Some(one_source_hint()),
            );
            continue;
        }
        chosen = chosen.or(Some(*field));
        match *field {
            "hostPath" => validate_host_path(src, &spath, errs),
            "nfs" => validate_nfs(src, &spath, errs),
            "local" => match src.str("path").filter(|p| !p.is_empty()) {
                None => errs.required(&format!("{spath}.path"), src.key_pos("path"), "", None),
                Some(p) => no_backsteps(p, &format!("{spath}.path"), src.val_pos("path"), errs),
            },
            "csi" => {
                require(src, &spath, "driver", errs);
                require(src, &spath, "volumeHandle", errs);
            }
            _ => {}
        }
    }
    if chosen.is_none() {
        errs.required(
            path,
            spec.pos,
            "must specify a volume type",
            Some(pv_source_hint()),
        );
    }
    chosen
}

fn one_source_hint() -> String {
    "a volume has exactly one source: keep one of them, or split them into two volumes".into()
}

fn pod_source_hint() -> String {
    "add a source such as emptyDir: {}, persistentVolumeClaim: {claimName: …}, hostPath: {path: …} or configMap: {name: …}".into()
}

fn pv_source_hint() -> String {
    "a PersistentVolume says where its data lives: add hostPath: {path: …}, local: {path: …}, nfs: {…} or csi: {…}".into()
}

/// A string field that must be non-empty.
fn require(src: Obj, path: &str, field: &str, errs: &mut Errs) {
    if src.str(field).is_none_or(str::is_empty) {
        errs.required(&format!("{path}.{field}"), src.key_pos(field), "", None);
    }
}

/// core `validateHostPathVolumeSource`.
fn validate_host_path(src: Obj, path: &str, errs: &mut Errs) {
    let Some(p) = src.str("path").filter(|p| !p.is_empty()) else {
        errs.required(
            &format!("{path}.path"),
            src.key_pos("path"),
            "",
            Some("the directory on the node, for example path: /mnt/data".into()),
        );
        return;
    };
    no_backsteps(p, &format!("{path}.path"), src.val_pos("path"), errs);
    if let Some(t) = src.str("type") {
        if !HOST_PATH_TYPES.contains(&t) {
            errs.not_supported(
                &format!("{path}.type"),
                src.val_pos("type"),
                t,
                HOST_PATH_TYPES,
            );
        }
    }
}

/// core `validateNFSVolumeSource`.
fn validate_nfs(src: Obj, path: &str, errs: &mut Errs) {
    require(src, path, "server", errs);
    match src.str("path").filter(|p| !p.is_empty()) {
        None => errs.required(&format!("{path}.path"), src.key_pos("path"), "", None),
        Some(p) if !p.starts_with('/') => errs.invalid(
            &format!("{path}.path"),
            src.val_pos("path"),
            go_quote(p),
            "must be an absolute path",
            None,
        ),
        Some(_) => {}
    }
}

/// core `validatePathNoBacksteps`.
pub(crate) fn no_backsteps(p: &str, path: &str, pos: crate::manifest::tree::Pos, errs: &mut Errs) {
    if p.replace('\\', "/").split('/').any(|part| part == "..") {
        errs.invalid(path, pos, go_quote(p), "must not contain '..'", None);
    }
}
