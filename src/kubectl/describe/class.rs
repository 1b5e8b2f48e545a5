//! `kubectl describe storageclass` (describe.go `describeStorageClass`,
//! `printAllowedTopologies`).

use super::common::{Ctx, EventMatch, object_events, write_events};
use crate::kubectl::describe_writer::{DescribeWriter, LEVEL_0, LEVEL_1};
use crate::kubectl::table::format_labels;
use crate::sim::objects::*;
use serde_json::Value;

/// The text of `kubectl describe storageclass NAME`.
pub fn describe_class(ctx: Ctx<'_>, sc: &StorageClass) -> String {
    let mut w = DescribeWriter::new();
    let m = &sc.metadata;
    w.write(LEVEL_0, &format!("Name:\t{}\n", m.name));
    let default = if sc.is_default() { "Yes" } else { "No" };
    w.write(LEVEL_0, &format!("IsDefaultClass:\t{default}\n"));
    w.write(
        LEVEL_0,
        &format!("Annotations:\t{}\n", format_labels(&m.annotations)),
    );
    w.write(LEVEL_0, &format!("Provisioner:\t{}\n", sc.provisioner));
    w.write(
        LEVEL_0,
        &format!("Parameters:\t{}\n", format_labels(&sc.parameters)),
    );
    let expansion = match sc.allow_volume_expansion {
        Some(true) => "True",
        Some(false) => "False",
        None => "<unset>",
    };
    w.write(LEVEL_0, &format!("AllowVolumeExpansion:\t{expansion}\n"));
    if sc.mount_options.is_empty() {
        w.write(LEVEL_0, "MountOptions:\t<none>\n");
    } else {
        w.write(LEVEL_0, "MountOptions:\n");
        for o in &sc.mount_options {
            w.write(LEVEL_1, &format!("{o}\n"));
        }
    }
    if let Some(p) = sc.reclaim_policy {
        w.write(LEVEL_0, &format!("ReclaimPolicy:\t{}\n", p.as_str()));
    }
    if let Some(b) = sc.volume_binding_mode {
        w.write(LEVEL_0, &format!("VolumeBindingMode:\t{}\n", b.as_str()));
    }
    if let Some(terms) = sc.extra.get("allowedTopologies").and_then(Value::as_array) {
        allowed_topologies(&mut w, terms);
    }
    let events = object_events(ctx.cluster, "StorageClass", m, EventMatch::Object);
    write_events(&mut w, &events, ctx.show_events, ctx.now());
    w.finish()
}

/// `printAllowedTopologies`.
fn allowed_topologies(w: &mut DescribeWriter, terms: &[Value]) {
    w.write(LEVEL_0, "AllowedTopologies:\t");
    if terms.is_empty() {
        w.write_line("<none>");
        return;
    }
    w.write_line("");
    for (i, term) in terms.iter().enumerate() {
        w.write(LEVEL_1, &format!("Term {i}:\t"));
        let reqs = term["matchLabelExpressions"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if reqs.is_empty() {
            w.write_line("<none>");
            continue;
        }
        for (j, r) in reqs.iter().enumerate() {
            if j != 0 {
                w.write(LEVEL_1, "\t");
            }
            let values: Vec<&str> = r["values"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let mut expr = format!("{} in", r["key"].as_str().unwrap_or(""));
            if !values.is_empty() {
                expr = format!("{expr} [{}]", values.join(", "));
            }
            w.write(LEVEL_0, &format!("{expr}\n"));
        }
    }
}
