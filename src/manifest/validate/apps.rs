//! Deployment, ReplicaSet and StatefulSet validation (apps `validation.go`).

use super::meta::{
    NameRule, go_string_map, selector_matches, selector_parses, validate_label_selector,
    validate_labels, validate_object_meta,
};
use super::names::is_valid_percent;
use super::pod::{validate_pod_spec, validate_pod_template};
use super::{Errs, Obj, Validation, storage};
use crate::manifest::messages::go_quote;
use crate::manifest::tree::Node;

/// apps `ValidateDeployment` → `ValidateDeploymentSpec`.
pub(crate) fn validate_deployment(doc: Obj, errs: &mut Errs) {
    validate_object_meta(doc.child("metadata"), "metadata", NameRule::Subdomain, errs);
    let spec = doc.child("spec");
    nonnegative(spec, "spec", "replicas", errs);
    selector_and_template(spec, "deployment", errs);
    validate_strategy(spec.child("strategy"), errs);
    nonnegative(spec, "spec", "minReadySeconds", errs);
    nonnegative(spec, "spec", "revisionHistoryLimit", errs);
    nonnegative(spec, "spec", "progressDeadlineSeconds", errs);
    let deadline = spec.i64("progressDeadlineSeconds").unwrap_or(600);
    if deadline <= spec.i64("minReadySeconds").unwrap_or(0) {
        errs.invalid(
            "spec.progressDeadlineSeconds",
            spec.val_pos("progressDeadlineSeconds"),
            deadline.to_string(),
            "must be greater than minReadySeconds",
            None,
        );
    }
}

/// apps `ValidateReplicaSet` → `ValidateReplicaSetSpec` (its empty-selector message says
/// "deployment" upstream too).
pub(crate) fn validate_replica_set(doc: Obj, errs: &mut Errs) {
    validate_object_meta(doc.child("metadata"), "metadata", NameRule::Subdomain, errs);
    let spec = doc.child("spec");
    nonnegative(spec, "spec", "replicas", errs);
    nonnegative(spec, "spec", "minReadySeconds", errs);
    selector_and_template(spec, "deployment", errs);
}

/// `ValidateNonnegativeField`.
fn nonnegative(obj: Obj, path: &str, field: &str, errs: &mut Errs) {
    if let Some(n) = obj.i64(field).filter(|n| *n < 0) {
        errs.invalid(
            &format!("{path}.{field}"),
            obj.val_pos(field),
            n.to_string(),
            "must be greater than or equal to 0",
            None,
        );
    }
}

/// The selector checks and `ValidatePodTemplateSpecForReplicaSet`.
fn selector_and_template(spec: Obj, what: &str, errs: &mut Errs) {
    let selector = spec.child("selector");
    check_selector(selector, what, errs);
    if !selector_parses(selector) {
        errs.invalid(
            "spec.selector",
            selector.pos,
            go_label_selector(selector),
            "invalid label selector",
            None,
        );
        return;
    }
    let template = spec.child("template");
    labels_match(selector, template, errs);
    validate_pod_template(template, "spec.template", errs);
    restart_always(template, errs);
}

/// `selector` required, valid and not empty.
fn check_selector(selector: Obj, what: &str, errs: &mut Errs) {
    match selector.node {
        None => errs.required(
            "spec.selector",
            selector.pos,
            "",
            Some(
                "add selector: {matchLabels: {…}} with the labels of spec.template.metadata.labels"
                    .into(),
            ),
        ),
        Some(_) => {
            validate_label_selector(selector, "spec.selector", errs);
            if selector.map("matchLabels").is_empty()
                && selector.list("matchExpressions").is_empty()
            {
                errs.invalid(
                    "spec.selector",
                    selector.pos,
                    go_label_selector(selector),
                    &format!("empty selector is invalid for {what}"),
                    None,
                );
            }
        }
    }
}

/// "`selector` does not match template `labels`" (a nil selector matches nothing; an empty
/// one is skipped, as `selector.Empty()` is).
fn labels_match(selector: Obj, template: Obj, errs: &mut Errs) {
    let empty = selector.node.is_some()
        && selector.map("matchLabels").is_empty()
        && selector.list("matchExpressions").is_empty();
    let meta = template.child("metadata");
    let labels = meta
        .node
        .and_then(|m| m.get("labels"))
        .and_then(Node::as_map);
    if !empty && !selector_matches(selector, labels.unwrap_or(&[])) {
        let pos = meta.child("labels").pos;
        let hint = Some("the pods get template.metadata.labels, and the selector must pick exactly those: make them agree".into());
        let message =
            "spec.selector does not select the pods this template makes: no pod would ever match"
                .to_string();
        errs.invalid_with(
            "spec.template.metadata.labels",
            pos,
            go_string_map(labels),
            "`selector` does not match template `labels`",
            message,
            hint,
        );
    }
}

/// Workload pods always restart: `restartPolicy` must be `Always`.
fn restart_always(template: Obj, errs: &mut Errs) {
    let spec = template.child("spec");
    if let Some(p) = spec.str("restartPolicy").filter(|p| *p != "Always") {
        errs.not_supported(
            "spec.template.spec.restartPolicy",
            spec.val_pos("restartPolicy"),
            p,
            &["Always"],
        );
    }
}

/// gogo-protobuf `String()` of a LabelSelector, which `%#v` prints for a
/// `*metav1.LabelSelector`.
fn go_label_selector(selector: Obj) -> String {
    let mut labels: Vec<(String, String)> = selector
        .map("matchLabels")
        .iter()
        .map(|e| (e.key.clone(), e.value.as_str().unwrap_or("").to_string()))
        .collect();
    labels.sort();
    let labels: String = labels.iter().map(|(k, v)| format!("{k}: {v},")).collect();
    let exprs: String = selector
        .items("matchExpressions")
        .iter()
        .map(|r| {
            let values: Vec<&str> = r.list("values").iter().filter_map(Node::as_str).collect();
            format!(
                "LabelSelectorRequirement{{Key:{},Operator:{},Values:[{}],}},",
                r.str("key").unwrap_or(""),
                r.str("operator").unwrap_or(""),
                values.join(" ")
            )
        })
        .collect();
    format!(
        "&LabelSelector{{MatchLabels:map[string]string{{{labels}}},MatchExpressions:[]LabelSelectorRequirement{{{exprs}}},}}"
    )
}

/// apps `ValidateDeploymentStrategy` (after defaulting: RollingUpdate with 25%/25%).
fn validate_strategy(strategy: Obj, errs: &mut Errs) {
    let kind = strategy.str("type").unwrap_or("RollingUpdate");
    let rolling = strategy.child("rollingUpdate");
    match kind {
        "Recreate" if rolling.node.is_some() => errs.forbidden(
            "spec.strategy.rollingUpdate",
            rolling.pos,
            "may not be specified when strategy `type` is 'Recreate'",
            None,
        ),
        "Recreate" => {}
        "RollingUpdate" => {
            let path = "spec.strategy.rollingUpdate";
            let unavailable = int_or_percent(rolling, "maxUnavailable", path, errs);
            let surge = int_or_percent(rolling, "maxSurge", path, errs);
            if unavailable == 0 && surge == 0 {
                errs.invalid(
                    &format!("{path}.maxUnavailable"),
                    rolling.val_pos("maxUnavailable"),
                    "0".into(),
                    "may not be 0 when `maxSurge` is 0",
                    None,
                );
            }
            if unavailable > 100 && rolling.str("maxUnavailable").is_some() {
                let v = rolling.str("maxUnavailable").unwrap_or_default();
                errs.invalid(
                    &format!("{path}.maxUnavailable"),
                    rolling.val_pos("maxUnavailable"),
                    go_quote(v),
                    "must not be greater than 100%",
                    None,
                );
            }
        }
        other => {
            let value = format!(
                "apps.DeploymentStrategy{{Type:{}, RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}}",
                go_quote(other)
            );
            errs.invalid_not_supported(
                "spec.strategy",
                strategy.val_pos("type"),
                value,
                other,
                &["Recreate", "RollingUpdate"],
            );
        }
    }
}

/// `ValidatePositiveIntOrPercent`; returns the value (percent or int), 25 when unset.
fn int_or_percent(obj: Obj, field: &str, path: &str, errs: &mut Errs) -> i64 {
    let fpath = format!("{path}.{field}");
    if let Some(s) = obj.str(field) {
        if !is_valid_percent(s) {
            let msg = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
            errs.invalid(&fpath, obj.val_pos(field), go_quote(s), msg, None);
            return -1;
        }
        return s.trim_end_matches('%').parse().unwrap_or(0);
    }
    match obj.i64(field) {
        Some(n) if n < 0 => {
            errs.invalid(
                &fpath,
                obj.val_pos(field),
                n.to_string(),
                "must be greater than or equal to 0",
                None,
            );
            n
        }
        Some(n) => n,
        None => 25,
    }
}

/// apps `ValidateStatefulSet`. The pod template's spec and the claim templates are not
/// validated at creation (upstream `ValidatePodTemplateSpecForStatefulSet` leaves a TODO);
/// their problems surface when the controller creates claims and pods, so they are reported
/// as deferred.
pub(crate) fn validate_stateful_set(doc: Obj, out: &mut Validation) {
    let mut errs = Errs::default();
    validate_object_meta(
        doc.child("metadata"),
        "metadata",
        NameRule::Label,
        &mut errs,
    );
    let spec = doc.child("spec");
    if let Some(p) = spec
        .str("podManagementPolicy")
        .filter(|p| !matches!(*p, "OrderedReady" | "Parallel"))
    {
        errs.invalid(
            "spec.podManagementPolicy",
            spec.val_pos("podManagementPolicy"),
            go_quote(p),
            "must be 'OrderedReady' or 'Parallel'",
            None,
        );
    }
    let policy = spec.child("persistentVolumeClaimRetentionPolicy");
    for field in ["whenDeleted", "whenScaled"] {
        if let Some(v) = policy
            .str(field)
            .filter(|v| !matches!(*v, "Retain" | "Delete"))
        {
            errs.not_supported(
                &format!("spec.persistentVolumeClaimRetentionPolicy.{field}"),
                policy.val_pos(field),
                v,
                &["Retain", "Delete"],
            );
        }
    }
    nonnegative(spec, "spec", "replicas", &mut errs);
    nonnegative(spec, "spec", "minReadySeconds", &mut errs);
    let selector = spec.child("selector");
    check_selector(selector, "statefulset", &mut errs);
    let template = spec.child("template");
    if selector_parses(selector) {
        labels_match(selector, template, &mut errs);
        validate_labels(
            template.child("metadata").child("labels").node,
            "spec.template.labels",
            &mut errs,
        );
    } else {
        errs.invalid(
            "spec.selector",
            selector.pos,
            go_label_selector(selector),
            "",
            None,
        );
    }
    restart_always(template, &mut errs);
    out.errors.extend(errs.list);

    let mut deferred = Errs::default();
    let mut claim_names = Vec::new();
    for (i, claim) in spec.items("volumeClaimTemplates").into_iter().enumerate() {
        let path = format!("spec.volumeClaimTemplates[{i}]");
        let name = claim.child("metadata").str("name").unwrap_or("");
        if name.is_empty() {
            deferred.required(
                &format!("{path}.metadata.name"),
                claim.pos,
                "name or generateName is required",
                None,
            );
        }
        claim_names.push(name.to_string());
        storage::validate_pvc_spec(claim.child("spec"), &format!("{path}.spec"), &mut deferred);
    }
    validate_pod_spec(
        template.child("spec"),
        "spec.template.spec",
        &claim_names,
        &mut deferred,
    );
    out.deferred.extend(deferred.list);
}

impl Errs {
    /// `field.NotSupported` for a struct value (printed with `%#v`).
    fn invalid_not_supported(
        &mut self,
        path: &str,
        pos: crate::manifest::tree::Pos,
        go_value: String,
        raw: &str,
        supported: &[&str],
    ) {
        let quoted: Vec<String> = supported.iter().map(|s| go_quote(s)).collect();
        let detail = format!("supported values: {}", quoted.join(", "));
        let message = format!("{} is not a deployment strategy", go_quote(raw));
        let hint = crate::manifest::suggest::did_you_mean(raw, supported.iter().copied())
            .map(crate::manifest::messages::did_you_mean);
        self.push(
            path,
            super::ErrorType::NotSupported,
            Some(go_value),
            &detail,
            pos,
            message,
            hint,
        );
    }
}
