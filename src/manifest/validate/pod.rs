//! Pod and pod template validation: volumes, containers and their mounts.

use super::meta::{NameRule, validate_labels, validate_object_meta};
use super::names::is_dns1123_label;
use super::volumes::{no_backsteps, validate_pod_volume_source};
use super::{Errs, Obj};
use crate::manifest::messages::{did_you_mean, go_quote};
use crate::manifest::suggest;

/// core `ValidatePodCreate` → `validatePodMetadataAndSpec`.
pub(crate) fn validate_pod(doc: Obj, errs: &mut Errs) {
    validate_object_meta(doc.child("metadata"), "metadata", NameRule::Subdomain, errs);
    validate_pod_spec(doc.child("spec"), "spec", &[], errs);
}

/// core `ValidatePodTemplateSpec`: labels, annotations and the pod spec. (Upstream validates
/// the template's labels at `<path>.labels`, not `<path>.metadata.labels`.)
pub(crate) fn validate_pod_template(tmpl: Obj, path: &str, errs: &mut Errs) {
    validate_labels(
        tmpl.child("metadata").child("labels").node,
        &format!("{path}.labels"),
        errs,
    );
    validate_pod_spec(tmpl.child("spec"), &format!("{path}.spec"), &[], errs);
}

/// core `ValidatePodSpec` (the parts that matter for storage and for a learner's first pods).
/// `extra_volumes` are volume names that exist without being listed (a StatefulSet's claim
/// templates, which its controller adds to each pod).
pub(crate) fn validate_pod_spec(spec: Obj, path: &str, extra_volumes: &[String], errs: &mut Errs) {
    let (mut volumes, declared) = validate_volumes(spec, &format!("{path}.volumes"), errs);
    volumes.extend(extra_volumes.iter().cloned());
    let containers = spec.items("containers");
    let cpath = format!("{path}.containers");
    if containers.is_empty() {
        errs.required(
            &cpath,
            spec.key_pos("containers"),
            "",
            Some(
                "a pod runs at least one container: containers: [{name: app, image: nginx}]".into(),
            ),
        );
    }
    let vols = Volumes {
        valid: &volumes,
        declared: &declared,
    };
    validate_containers(&containers, &cpath, &vols, errs);
    let init = spec.items("initContainers");
    validate_containers(&init, &format!("{path}.initContainers"), &vols, errs);
    if let Some(p) = spec.str("restartPolicy") {
        // core `validateRestartPolicy` (this order, not sorted).
        let allowed = ["Always", "OnFailure", "Never"];
        if p.is_empty() {
            errs.required(
                &format!("{path}.restartPolicy"),
                spec.key_pos("restartPolicy"),
                "",
                None,
            );
        } else if !allowed.contains(&p) {
            errs.not_supported(
                &format!("{path}.restartPolicy"),
                spec.val_pos("restartPolicy"),
                p,
                &allowed,
            );
        }
    }
    validate_labels(
        spec.child("nodeSelector").node,
        &format!("{path}.nodeSelector"),
        errs,
    );
}

/// The pod's volume names: the valid ones (only those can be mounted, as upstream's `vols`
/// map) and all declared ones (to explain a failed mount).
struct Volumes<'v> {
    valid: &'v [String],
    declared: &'v [String],
}

/// core `ValidateVolumes`: returns the valid and the declared volume names.
fn validate_volumes(spec: Obj, path: &str, errs: &mut Errs) -> (Vec<String>, Vec<String>) {
    let mut names: Vec<String> = Vec::new();
    let mut declared: Vec<String> = Vec::new();
    for (i, vol) in spec.items("volumes").into_iter().enumerate() {
        let vpath = format!("{path}[{i}]");
        let mut el = Errs::default();
        validate_pod_volume_source(vol, &vpath, &mut el);
        let name = vol.str("name").unwrap_or("");
        declared.push(name.to_string());
        let npath = format!("{vpath}.name");
        if name.is_empty() {
            el.required(&npath, vol.key_pos("name"), "", None);
        } else {
            for m in is_dns1123_label(name) {
                el.invalid(&npath, vol.val_pos("name"), go_quote(name), &m, None);
            }
        }
        if names.iter().any(|n| n == name) {
            el.duplicate(&npath, vol.val_pos("name"), name);
        }
        if el.list.is_empty() {
            names.push(name.to_string());
        } else {
            errs.extend(el.list);
        }
    }
    (names, declared)
}

/// core `validateContainers` / `validateContainerCommon`: name, image, pull policy, ports,
/// env and volume mounts.
fn validate_containers(containers: &[Obj], path: &str, volumes: &Volumes, errs: &mut Errs) {
    let mut names: Vec<&str> = Vec::new();
    for (i, c) in containers.iter().enumerate() {
        let cpath = format!("{path}[{i}]");
        let name = c.str("name").unwrap_or("");
        if name.is_empty() {
            errs.required(&format!("{cpath}.name"), c.key_pos("name"), "", None);
        } else {
            for m in is_dns1123_label(name) {
                errs.invalid(
                    &format!("{cpath}.name"),
                    c.val_pos("name"),
                    go_quote(name),
                    &m,
                    None,
                );
            }
        }
        if c.str("image").is_none_or(str::is_empty) {
            errs.required(
                &format!("{cpath}.image"),
                c.key_pos("image"),
                "",
                Some("which image runs here? for example image: nginx".into()),
            );
        }
        if let Some(p) = c.str("imagePullPolicy").filter(|p| !p.is_empty()) {
            let allowed = ["Always", "IfNotPresent", "Never"];
            if !allowed.contains(&p) {
                errs.not_supported(
                    &format!("{cpath}.imagePullPolicy"),
                    c.val_pos("imagePullPolicy"),
                    p,
                    &allowed,
                );
            }
        }
        validate_ports(*c, &format!("{cpath}.ports"), errs);
        for (j, env) in c.items("env").into_iter().enumerate() {
            if env.str("name").is_none_or(str::is_empty) {
                errs.required(
                    &format!("{cpath}.env[{j}].name"),
                    env.key_pos("name"),
                    "",
                    None,
                );
            }
        }
        validate_volume_mounts(*c, &format!("{cpath}.volumeMounts"), volumes, errs);
        if names.contains(&name) {
            errs.duplicate(&format!("{cpath}.name"), c.val_pos("name"), name);
        } else {
            names.push(name);
        }
    }
}

/// core `validateContainerPorts` (containerPort and protocol).
fn validate_ports(c: Obj, path: &str, errs: &mut Errs) {
    for (i, port) in c.items("ports").into_iter().enumerate() {
        let ppath = format!("{path}[{i}]");
        match port.i64("containerPort") {
            None | Some(0) => errs.required(
                &format!("{ppath}.containerPort"),
                port.key_pos("containerPort"),
                "",
                None,
            ),
            Some(n) if !(1..=65535).contains(&n) => errs.invalid(
                &format!("{ppath}.containerPort"),
                port.val_pos("containerPort"),
                n.to_string(),
                "must be between 1 and 65535, inclusive",
                None,
            ),
            Some(_) => {}
        }
        if let Some(p) = port.str("protocol").filter(|p| !p.is_empty()) {
            let allowed = ["SCTP", "TCP", "UDP"];
            if !allowed.contains(&p) {
                errs.not_supported(
                    &format!("{ppath}.protocol"),
                    port.val_pos("protocol"),
                    p,
                    &allowed,
                );
            }
        }
    }
}

/// core `ValidateVolumeMounts`.
fn validate_volume_mounts(c: Obj, path: &str, volumes: &Volumes, errs: &mut Errs) {
    let mut mount_points: Vec<&str> = Vec::new();
    for (i, m) in c.items("volumeMounts").into_iter().enumerate() {
        let mpath = format!("{path}[{i}]");
        let name = m.str("name").unwrap_or("");
        if name.is_empty() {
            errs.required(&format!("{mpath}.name"), m.key_pos("name"), "", None);
        }
        if !volumes.valid.iter().any(|v| v == name) {
            let message = if volumes.declared.iter().any(|v| v == name) {
                format!(
                    "volume {} cannot be mounted because its own definition is invalid (see above)",
                    go_quote(name)
                )
            } else if volumes.declared.is_empty() {
                format!(
                    "this pod has no volume named {}: it has no volumes at all",
                    go_quote(name)
                )
            } else {
                format!("this pod has no volume named {}", go_quote(name))
            };
            let declared = volumes.declared.iter().any(|v| v == name);
            let hint = suggest::did_you_mean(name, volumes.declared.iter().map(String::as_str))
                .map(did_you_mean)
                .or_else(|| (!declared).then(|| format!("declare it under spec.volumes (name: {name}) next to containers, or mount an existing volume")));
            errs.not_found(
                &format!("{mpath}.name"),
                m.val_pos("name"),
                name,
                message,
                hint,
            );
        }
        let mount_path = m.str("mountPath").unwrap_or("");
        if mount_path.is_empty() {
            errs.required(
                &format!("{mpath}.mountPath"),
                m.key_pos("mountPath"),
                "",
                Some("where in the container? for example mountPath: /data".into()),
            );
        }
        if mount_points.contains(&mount_path) {
            errs.invalid(
                &format!("{mpath}.mountPath"),
                m.val_pos("mountPath"),
                go_quote(mount_path),
                "must be unique",
                None,
            );
        }
        mount_points.push(mount_path);
        if let Some(sub) = m.str("subPath").filter(|s| !s.is_empty()) {
            // Upstream reports subPath errors at `volumeMounts.subPath`, without the index.
            let spath = format!("{path}.subPath");
            if sub.starts_with('/') {
                errs.invalid(
                    &spath,
                    m.val_pos("subPath"),
                    go_quote(sub),
                    "must be a relative path",
                    None,
                );
            }
            no_backsteps(sub, &spath, m.val_pos("subPath"), errs);
        }
    }
}
