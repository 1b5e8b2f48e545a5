//! `kubectl describe pvc` and `pv` (describe.go `describePersistentVolumeClaim`,
//! `printPersistentVolumeClaim`, `getPodsForPVC`, `printPodsMultiline`,
//! `describePersistentVolume`, `printVolumeNodeAffinity`).

use super::common::{Ctx, EventMatch, go_slice, object_events, write_events};
use super::volumes::describe_pv_source;
use crate::kubectl::describe_writer::{DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2};
use crate::kubectl::get::fmt::since;
use crate::kubectl::get::storage_string;
use crate::sim::objects::*;
use crate::sim::pv_controller::classes::{claim_class, volume_class};

/// The text of `kubectl describe pvc NAME`.
pub fn describe_claim(ctx: Ctx<'_>, pvc: &PersistentVolumeClaim) -> String {
    let mut w = DescribeWriter::new();
    let m = &pvc.metadata;
    let ns = m.namespace_or_default();
    w.write(LEVEL_0, &format!("Name:\t{}\n", m.name));
    w.write(LEVEL_0, &format!("Namespace:\t{ns}\n"));
    w.write(LEVEL_0, &format!("StorageClass:\t{}\n", claim_class(pvc)));
    match m.deletion_timestamp {
        Some(t) => w.write(
            LEVEL_0,
            &format!(
                "Status:\tTerminating (lasts {})\n",
                since(Some(t), ctx.now())
            ),
        ),
        None => w.write(
            LEVEL_0,
            &format!(
                "Status:\t{}\n",
                pvc.status.phase.map(|p| p.as_str()).unwrap_or("")
            ),
        ),
    }
    let volume = pvc.spec.volume_name.clone().unwrap_or_default();
    w.write(LEVEL_0, &format!("Volume:\t{volume}\n"));
    w.labels("Labels", &m.labels);
    w.annotations("Annotations", &m.annotations);
    w.write(
        LEVEL_0,
        &format!("Finalizers:\t{}\n", go_slice(&m.finalizers)),
    );
    let (capacity, modes) = if volume.is_empty() {
        (String::new(), String::new())
    } else {
        (
            storage_string(&pvc.status.capacity),
            access_modes_string(&pvc.status.access_modes),
        )
    };
    w.write(LEVEL_0, &format!("Capacity:\t{capacity}\n"));
    w.write(LEVEL_0, &format!("Access Modes:\t{modes}\n"));
    if let Some(mode) = &pvc.spec.volume_mode {
        w.write(LEVEL_0, &format!("VolumeMode:\t{mode}\n"));
    }
    if let Some(ds) = pvc.spec.extra.get("dataSource").filter(|d| d.is_object()) {
        w.write(LEVEL_0, "DataSource:\n");
        if let Some(g) = ds["apiGroup"].as_str() {
            w.write(LEVEL_1, &format!("APIGroup:\t{g}\n"));
        }
        w.write(
            LEVEL_1,
            &format!("Kind:\t{}\n", ds["kind"].as_str().unwrap_or("")),
        );
        w.write(
            LEVEL_1,
            &format!("Name:\t{}\n", ds["name"].as_str().unwrap_or("")),
        );
    }
    used_by(&mut w, &pods_for_claim(ctx, pvc));
    let events = object_events(ctx.cluster, "PersistentVolumeClaim", m, EventMatch::Object);
    write_events(&mut w, &events, ctx.show_events, ctx.now());
    w.finish()
}

/// `getPodsForPVC`: every pod of the namespace with a volume naming the claim (once per such
/// volume), then pods owning the claim (generic ephemeral volumes) not already listed.
fn pods_for_claim(ctx: Ctx<'_>, pvc: &PersistentVolumeClaim) -> Vec<String> {
    let ns = pvc.metadata.namespace_or_default();
    let in_ns: Vec<&Pod> = ctx
        .cluster
        .pods()
        .filter(|p| p.metadata.namespace_or_default() == ns)
        .collect();
    let mut names: Vec<String> = Vec::new();
    for p in &in_ns {
        for v in &p.spec.volumes {
            if v.persistent_volume_claim
                .as_ref()
                .is_some_and(|c| c.claim_name == pvc.metadata.name)
            {
                names.push(p.metadata.name.clone());
            }
        }
    }
    for owner in pvc
        .metadata
        .owner_references
        .iter()
        .filter(|o| o.kind == "Pod")
    {
        if let Some(p) = in_ns.iter().find(|p| p.metadata.uid == owner.uid) {
            if !names.contains(&p.metadata.name) {
                names.push(p.metadata.name.clone());
            }
        }
    }
    names.sort();
    names
}

/// `printPodsMultiline(w, "Used By", pods)`.
fn used_by(w: &mut DescribeWriter, pods: &[String]) {
    w.write(LEVEL_0, "Used By:\t");
    if pods.is_empty() {
        w.write_line("<none>");
        return;
    }
    for (i, name) in pods.iter().enumerate() {
        if i != 0 {
            w.write(LEVEL_0, "\t");
        }
        w.write(LEVEL_0, &format!("{name}\n"));
    }
}

/// The text of `kubectl describe pv NAME`.
pub fn describe_volume(ctx: Ctx<'_>, pv: &PersistentVolume) -> String {
    let mut w = DescribeWriter::new();
    let m = &pv.metadata;
    w.write(LEVEL_0, &format!("Name:\t{}\n", m.name));
    w.labels("Labels", &m.labels);
    w.annotations("Annotations", &m.annotations);
    w.write(
        LEVEL_0,
        &format!("Finalizers:\t{}\n", go_slice(&m.finalizers)),
    );
    w.write(LEVEL_0, &format!("StorageClass:\t{}\n", volume_class(pv)));
    match m.deletion_timestamp {
        Some(t) => w.write(
            LEVEL_0,
            &format!(
                "Status:\tTerminating (lasts {})\n",
                since(Some(t), ctx.now())
            ),
        ),
        None => w.write(
            LEVEL_0,
            &format!(
                "Status:\t{}\n",
                pv.status.phase.map(|p| p.as_str()).unwrap_or("")
            ),
        ),
    }
    let claim = pv
        .spec
        .claim_ref
        .as_ref()
        .map(|r| format!("{}/{}", r.ns(), r.name_str()))
        .unwrap_or_default();
    w.write(LEVEL_0, &format!("Claim:\t{claim}\n"));
    let policy = pv
        .spec
        .persistent_volume_reclaim_policy
        .map(|p| p.as_str())
        .unwrap_or("");
    w.write(LEVEL_0, &format!("Reclaim Policy:\t{policy}\n"));
    w.write(
        LEVEL_0,
        &format!(
            "Access Modes:\t{}\n",
            access_modes_string(&pv.spec.access_modes)
        ),
    );
    if let Some(mode) = &pv.spec.volume_mode {
        w.write(LEVEL_0, &format!("VolumeMode:\t{mode}\n"));
    }
    w.write(
        LEVEL_0,
        &format!("Capacity:\t{}\n", storage_string(&pv.spec.capacity)),
    );
    node_affinity(&mut w, pv.spec.node_affinity.as_ref());
    w.write(
        LEVEL_0,
        &format!("Message:\t{}\n", pv.status.message.as_deref().unwrap_or("")),
    );
    w.write(LEVEL_0, "Source:\n");
    describe_pv_source(&mut w, &pv.spec);
    let events = object_events(ctx.cluster, "PersistentVolume", m, EventMatch::Object);
    write_events(&mut w, &events, ctx.show_events, ctx.now());
    w.finish()
}

/// `printVolumeNodeAffinity` with `printNodeSelectorTermsMultilineWithIndent`.
fn node_affinity(w: &mut DescribeWriter, affinity: Option<&VolumeNodeAffinity>) {
    w.write(LEVEL_0, "Node Affinity:\t");
    let Some(required) = affinity.and_then(|a| a.required.as_ref()) else {
        w.write_line("<none>");
        return;
    };
    w.write_line("");
    w.write(LEVEL_1, "Required Terms:\t");
    if required.node_selector_terms.is_empty() {
        w.write_line("<none>");
        return;
    }
    w.write_line("");
    for (i, term) in required.node_selector_terms.iter().enumerate() {
        w.write(LEVEL_2, &format!("Term {i}:\t"));
        if term.match_expressions.is_empty() {
            w.write_line("<none>");
            continue;
        }
        for (j, req) in term.match_expressions.iter().enumerate() {
            if j != 0 {
                w.write(LEVEL_2, "\t");
            }
            let mut expr = format!("{} {}", req.key, req.operator.to_lowercase());
            if !req.values.is_empty() {
                expr = format!("{expr} [{}]", req.values.join(", "));
            }
            w.write(LEVEL_0, &format!("{expr}\n"));
        }
    }
}
