//! Volume source blocks (describe.go `describeVolumes` and the `print*VolumeSource` functions)
//! for pod volumes and PersistentVolume sources. Each block is written at LEVEL_2; its
//! continuation lines carry their four spaces in the text, as upstream's format strings do.

use super::common::go_bool;
use crate::kubectl::describe_writer::{DescribeWriter, LEVEL_1, LEVEL_2, LEVEL_3};
use crate::sim::objects::*;
use serde_json::Value;

/// `describeVolumes`: `Volumes:` and one block per volume; `space` is `"  "` inside a pod
/// template.
pub fn describe_volumes(w: &mut DescribeWriter, volumes: &[Volume], space: &str) {
    if volumes.is_empty() {
        w.write(0, &format!("{space}Volumes:\t<none>\n"));
        return;
    }
    w.write(0, &format!("{space}Volumes:\n"));
    let name_indent = if space.is_empty() { "" } else { " " };
    for v in volumes {
        w.write(LEVEL_1, &format!("{name_indent}{}:\n", v.name));
        if let Some(hp) = &v.host_path {
            host_path(w, hp);
        } else if let Some(ed) = &v.empty_dir {
            empty_dir(w, ed);
        } else if let Some(s) = &v.secret {
            let optional = s.optional.unwrap_or(false);
            w.write(
                LEVEL_2,
                &format!(
                    "Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t{}\n    Optional:\t{}\n",
                    s.secret_name,
                    go_bool(optional)
                ),
            );
        } else if let Some(cm) = &v.config_map {
            let optional = cm.optional.unwrap_or(false);
            w.write(
                LEVEL_2,
                &format!(
                    "Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t{}\n    Optional:\t{}\n",
                    cm.name,
                    go_bool(optional)
                ),
            );
        } else if let Some(nfs) = v.extra.get("nfs") {
            nfs_source(w, nfs);
        } else if let Some(pvc) = &v.persistent_volume_claim {
            w.write(
                LEVEL_2,
                &format!(
                    "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t{}\n    ReadOnly:\t{}\n",
                    pvc.claim_name,
                    go_bool(pvc.read_only.unwrap_or(false))
                ),
            );
        } else if let Some(e) = &v.ephemeral {
            ephemeral(w, e);
        } else if let Some(d) = v.extra.get("downwardAPI") {
            downward_api(w, d);
        } else if let Some(p) = v.extra.get("projected") {
            projected(w, p);
        } else if let Some(csi) = v.extra.get("csi") {
            w.write(
                LEVEL_2,
                &format!(
                    "Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t{}\n    FSType:\t{}\n    ReadOnly:\t{}\n",
                    str_of(csi, "driver"),
                    str_of(csi, "fsType"),
                    go_bool(csi["readOnly"].as_bool().unwrap_or(false))
                ),
            );
            attributes(w, &csi["volumeAttributes"]);
        } else {
            w.write(LEVEL_1, "<unknown>\n");
        }
    }
}

fn str_of<'v>(v: &'v Value, key: &str) -> &'v str {
    v[key].as_str().unwrap_or("")
}

/// `printEphemeralVolumeSource`: the type line, then the claim template as
/// `printPersistentVolumeClaim(NewNestedPrefixWriter(w, LEVEL_2), …, false)` prints a claim that
/// is not a full PVC (no name, namespace, status or finalizers; `Volume` and `Capacity` empty
/// until bound, which a template never is).
fn ephemeral(w: &mut DescribeWriter, e: &EphemeralVolumeSource) {
    w.write(
        LEVEL_2,
        "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n",
    );
    let Some(t) = &e.volume_claim_template else {
        return;
    };
    // `storageutil.GetPersistentVolumeClaimClass` (the beta annotation first).
    let as_claim = PersistentVolumeClaim {
        metadata: t.metadata.clone(),
        spec: t.spec.clone(),
        status: Default::default(),
    };
    let class = crate::sim::pv_controller::classes::claim_class(&as_claim);
    w.write(LEVEL_2, &format!("StorageClass:\t{class}\n"));
    let volume = t.spec.volume_name.as_deref().unwrap_or("");
    w.write(LEVEL_2, &format!("Volume:\t{volume}\n"));
    w.labels_nested(LEVEL_2, "", "Labels", "\t", &t.metadata.labels, &[]);
    w.annotations_nested(LEVEL_2, "Annotations", &t.metadata.annotations);
    // With a volumeName the template's (empty) status is printed: nothing either way.
    w.write(LEVEL_2, "Capacity:\t\n");
    w.write(LEVEL_2, "Access Modes:\t\n");
    if let Some(mode) = &t.spec.volume_mode {
        w.write(LEVEL_2, &format!("VolumeMode:\t{mode}\n"));
    }
    if let Some(ds) = t.spec.extra.get("dataSource").filter(|d| d.is_object()) {
        w.write(LEVEL_2, "DataSource:\n");
        if let Some(g) = ds["apiGroup"].as_str() {
            w.write(LEVEL_3, &format!("APIGroup:\t{g}\n"));
        }
        w.write(LEVEL_3, &format!("Kind:\t{}\n", str_of(ds, "kind")));
        w.write(LEVEL_3, &format!("Name:\t{}\n", str_of(ds, "name")));
    }
}

/// `printHostPathVolumeSource`.
pub fn host_path(w: &mut DescribeWriter, hp: &HostPathVolumeSource) {
    let kind = hp.type_.as_deref().unwrap_or("<none>");
    w.write(
        LEVEL_2,
        &format!(
            "Type:\tHostPath (bare host directory volume)\n    Path:\t{}\n    HostPathType:\t{kind}\n",
            hp.path
        ),
    );
}

/// `printEmptyDirVolumeSource`.
fn empty_dir(w: &mut DescribeWriter, ed: &EmptyDirVolumeSource) {
    let limit = ed
        .size_limit
        .as_ref()
        .filter(|q| q.value() > 0)
        .map(ToString::to_string)
        .unwrap_or_else(|| "<unset>".to_string());
    w.write(
        LEVEL_2,
        &format!(
            "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t{}\n    SizeLimit:\t{limit}\n",
            ed.medium.as_deref().unwrap_or("")
        ),
    );
}

/// `printNFSVolumeSource` (from the JSON, as pods and PVs both keep it).
fn nfs_source(w: &mut DescribeWriter, nfs: &Value) {
    w.write(
        LEVEL_2,
        &format!(
            "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t{}\n    Path:\t{}\n    ReadOnly:\t{}\n",
            str_of(nfs, "server"),
            str_of(nfs, "path"),
            go_bool(nfs["readOnly"].as_bool().unwrap_or(false))
        ),
    );
}

/// `printDownwardAPIVolumeSource`.
fn downward_api(w: &mut DescribeWriter, d: &Value) {
    w.write(
        LEVEL_2,
        "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n",
    );
    for item in d["items"].as_array().into_iter().flatten() {
        if let Some(f) = item["fieldRef"]["fieldPath"].as_str() {
            w.write(3, &format!("{f} -> {}\n", str_of(item, "path")));
        }
        if let Some(r) = item["resourceFieldRef"]["resource"].as_str() {
            w.write(3, &format!("{r} -> {}\n", str_of(item, "path")));
        }
    }
}

/// `printProjectedVolumeSource`.
fn projected(w: &mut DescribeWriter, p: &Value) {
    w.write(
        LEVEL_2,
        "Type:\tProjected (a volume that contains injected data from multiple sources)\n",
    );
    for s in p["sources"].as_array().into_iter().flatten() {
        let optional = |v: &Value| go_bool(v["optional"].as_bool().unwrap_or(false));
        if s["secret"].is_object() {
            let v = &s["secret"];
            let text = format!(
                "SecretName:\t{}\n    Optional:\t{}\n",
                str_of(v, "name"),
                optional(v)
            );
            w.write(LEVEL_2, &text);
        } else if s["downwardAPI"].is_object() {
            w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
        } else if s["configMap"].is_object() {
            let v = &s["configMap"];
            let text = format!(
                "ConfigMapName:\t{}\n    Optional:\t{}\n",
                str_of(v, "name"),
                optional(v)
            );
            w.write(LEVEL_2, &text);
        } else if s["serviceAccountToken"].is_object() {
            let secs = s["serviceAccountToken"]["expirationSeconds"]
                .as_i64()
                .unwrap_or(3600);
            w.write(LEVEL_2, &format!("TokenExpirationSeconds:\t{secs}\n"));
        }
    }
}

/// `printCSIPersistentVolumeAttributesMultiline`: `VolumeAttributes:` with `k=v` lines.
fn attributes(w: &mut DescribeWriter, attrs: &Value) {
    w.write(LEVEL_2, "VolumeAttributes:\t");
    let Some(map) = attrs.as_object().filter(|m| !m.is_empty()) else {
        w.write_line("<none>");
        return;
    };
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    for (i, k) in keys.iter().enumerate() {
        if i != 0 {
            w.write(LEVEL_2, "\t");
        }
        let line = format!("{k}={}", map[*k].as_str().unwrap_or_default());
        let line = match line.char_indices().nth(140) {
            Some((cut, _)) => format!("{}...", &line[..cut]),
            None => line,
        };
        w.write(LEVEL_2, &format!("{line}\n"));
    }
}

/// The `Source:` block of a PersistentVolume (`describePersistentVolume`'s switch).
pub fn describe_pv_source(w: &mut DescribeWriter, spec: &PersistentVolumeSpec) {
    if let Some(hp) = &spec.host_path {
        host_path(w, hp);
    } else if let Some(nfs) = &spec.nfs {
        nfs_source(w, &serde_json::to_value(nfs).unwrap_or(Value::Null));
    } else if let Some(local) = &spec.local {
        w.write(
            LEVEL_2,
            &format!(
                "Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t{}\n",
                local.path
            ),
        );
    } else if let Some(csi) = &spec.csi {
        let extra = |k: &str| csi.extra.get(k).cloned().unwrap_or(Value::Null);
        w.write(
            LEVEL_2,
            &format!(
                "Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t{}\n    FSType:\t{}\n    VolumeHandle:\t{}\n    ReadOnly:\t{}\n",
                csi.driver,
                extra("fsType").as_str().unwrap_or(""),
                csi.volume_handle,
                go_bool(extra("readOnly").as_bool().unwrap_or(false))
            ),
        );
        attributes(w, &extra("volumeAttributes"));
    } else if let Some(gce) = spec.extra.get("gcePersistentDisk") {
        w.write(
            LEVEL_2,
            &format!(
                "Type:\tGCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)\n    PDName:\t{}\n    FSType:\t{}\n    Partition:\t{}\n    ReadOnly:\t{}\n",
                str_of(gce, "pdName"),
                str_of(gce, "fsType"),
                gce["partition"].as_i64().unwrap_or(0),
                go_bool(gce["readOnly"].as_bool().unwrap_or(false))
            ),
        );
    } else if let Some(aws) = spec.extra.get("awsElasticBlockStore") {
        w.write(
            LEVEL_2,
            &format!(
                "Type:\tAWSElasticBlockStore (a Persistent Disk resource in AWS)\n    VolumeID:\t{}\n    FSType:\t{}\n    Partition:\t{}\n    ReadOnly:\t{}\n",
                str_of(aws, "volumeID"),
                str_of(aws, "fsType"),
                aws["partition"].as_i64().unwrap_or(0),
                go_bool(aws["readOnly"].as_bool().unwrap_or(false))
            ),
        );
    } else {
        w.write(LEVEL_1, "<unknown>\n");
    }
}
