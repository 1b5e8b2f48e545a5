//! Writes kubestory's schema of record, `assets/k8s-schema.json`, from k8s-openapi's
//! JSON schemas (Kubernetes v1.34). See README.md for the format and how to regenerate.
//!
//! Usage: `cargo run --release -- ../../assets/k8s-schema.json`

use k8s_openapi::{NamespaceResourceScope, Resource};
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};
use std::any::TypeId;
use std::collections::BTreeMap;

/// Definitions that become primitive compact types instead of object types.
const PRIMITIVE_DEFS: &[(&str, &str)] = &[
    ("io.k8s.apimachinery.pkg.api.resource.Quantity", "quantity"),
    (
        "io.k8s.apimachinery.pkg.util.intstr.IntOrString",
        "int-or-string",
    ),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.Time", "time"),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime", "time"),
    ("io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1", "any"),
    ("io.k8s.apimachinery.pkg.runtime.RawExtension", "any"),
];

const MAX_DOC_CHARS: usize = 160;

struct KindEntry {
    kind: &'static str,
    api_version: &'static str,
    plural: &'static str,
    namespaced: bool,
    /// The definition name of the kind's schema (only for simulated kinds).
    schema: Option<String>,
}

fn entry<T: Resource + 'static>(schema: Option<String>) -> KindEntry {
    KindEntry {
        kind: T::KIND,
        api_version: T::API_VERSION,
        plural: T::URL_PATH_SEGMENT,
        namespaced: TypeId::of::<T::Scope>() == TypeId::of::<NamespaceResourceScope>(),
        schema,
    }
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../../assets/k8s-schema.json".into());
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let mut kinds: Vec<KindEntry> = Vec::new();

    macro_rules! simulated {
        ($($t:ty),* $(,)?) => {$(
            let root = generator.subschema_for::<$t>();
            let name = ref_name(root.as_value()).expect("simulated kinds are definitions");
            kinds.push(entry::<$t>(Some(short_name(&name))));
        )*};
    }
    macro_rules! served {
        ($($t:ty),* $(,)?) => {$( kinds.push(entry::<$t>(None)); )*};
    }
    {
        use k8s_openapi::api::{apps::v1 as apps, core::v1 as core, storage::v1 as storage};
        simulated!(
            core::Pod,
            core::PersistentVolumeClaim,
            core::PersistentVolume,
            storage::StorageClass,
            apps::Deployment,
            apps::ReplicaSet,
            apps::StatefulSet,
            core::ConfigMap,
            core::Secret,
            core::Namespace,
        );
    }
    {
        use k8s_openapi::api::*;
        use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1 as apiextensions;
        use k8s_openapi::kube_aggregator::pkg::apis::apiregistration::v1 as apiregistration;
        // Every stable kind a v1.34 API server serves and `kubectl apply` can create. Alpha and
        // beta versions are off by default on a real cluster, so they are left out.
        served!(
            core::v1::Binding,
            core::v1::Endpoints,
            core::v1::Event,
            core::v1::LimitRange,
            core::v1::Node,
            core::v1::PodTemplate,
            core::v1::ReplicationController,
            core::v1::ResourceQuota,
            core::v1::Service,
            core::v1::ServiceAccount,
            apps::v1::ControllerRevision,
            apps::v1::DaemonSet,
            batch::v1::CronJob,
            batch::v1::Job,
            autoscaling::v1::HorizontalPodAutoscaler,
            autoscaling::v2::HorizontalPodAutoscaler,
            policy::v1::PodDisruptionBudget,
            networking::v1::Ingress,
            networking::v1::IngressClass,
            networking::v1::IPAddress,
            networking::v1::NetworkPolicy,
            networking::v1::ServiceCIDR,
            discovery::v1::EndpointSlice,
            rbac::v1::ClusterRole,
            rbac::v1::ClusterRoleBinding,
            rbac::v1::Role,
            rbac::v1::RoleBinding,
            storage::v1::CSIDriver,
            storage::v1::CSINode,
            storage::v1::CSIStorageCapacity,
            storage::v1::VolumeAttachment,
            storage::v1::VolumeAttributesClass,
            scheduling::v1::PriorityClass,
            node::v1::RuntimeClass,
            coordination::v1::Lease,
            events::v1::Event,
            certificates::v1::CertificateSigningRequest,
            resource::v1::DeviceClass,
            resource::v1::ResourceClaim,
            resource::v1::ResourceClaimTemplate,
            resource::v1::ResourceSlice,
            flowcontrol::v1::FlowSchema,
            flowcontrol::v1::PriorityLevelConfiguration,
            admissionregistration::v1::MutatingWebhookConfiguration,
            admissionregistration::v1::ValidatingWebhookConfiguration,
            admissionregistration::v1::ValidatingAdmissionPolicy,
            admissionregistration::v1::ValidatingAdmissionPolicyBinding,
            authorization::v1::LocalSubjectAccessReview,
            authorization::v1::SelfSubjectAccessReview,
            authorization::v1::SelfSubjectRulesReview,
            authorization::v1::SubjectAccessReview,
            authentication::v1::SelfSubjectReview,
            authentication::v1::TokenReview,
            apiextensions::CustomResourceDefinition,
            apiregistration::APIService,
        );
    }

    let defs = generator.definitions().clone();
    let mut types: BTreeMap<String, Value> = BTreeMap::new();
    for (name, schema) in &defs {
        if PRIMITIVE_DEFS.iter().any(|(n, _)| n == name) {
            continue;
        }
        types.insert(short_name(name), compact_object(schema));
    }

    let kinds_json: Vec<Value> = kinds
        .iter()
        .map(|k| {
            let mut o = json!({
                "kind": k.kind,
                "apiVersion": k.api_version,
                "plural": k.plural,
                "namespaced": k.namespaced,
            });
            if let Some(s) = &k.schema {
                o["schema"] = json!(s);
            }
            o
        })
        .collect();

    let doc = json!({
        "about": "Generated by tools/schema-gen from k8s-openapi 0.29 (Kubernetes v1.34). Do not edit.",
        "kubernetesVersion": "v1.34",
        "kinds": kinds_json,
        "types": types,
    });
    let text = serde_json::to_string_pretty(&doc).expect("serializable") + "\n";
    std::fs::write(&out, &text).expect("write schema file");
    eprintln!(
        "wrote {out}: {} bytes, {} types, {} kinds",
        text.len(),
        types.len(),
        kinds.len()
    );
    let explain_out = std::env::args()
        .nth(2)
        .unwrap_or_else(|| "../../assets/k8s-explain.json".into());
    write_explain(&explain_out);
}

/// Writes `assets/k8s-explain.json`: for the kinds `kubectl explain` answers in kubestory (the
/// simulated ones, Node and Event), every type reachable from them with its full description
/// and, per field, `[type, description]` and the required fields. Compact JSON (no
/// indentation): it is embedded in the binary.
fn write_explain(out: &str) {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let mut kinds = Map::new();
    macro_rules! explained {
        ($($t:ty),* $(,)?) => {$(
            let root = generator.subschema_for::<$t>();
            let name = ref_name(root.as_value()).expect("kinds are definitions");
            kinds.insert(<$t as Resource>::KIND.to_string(), json!(short_name(&name)));
        )*};
    }
    {
        use k8s_openapi::api::{apps::v1 as apps, core::v1 as core, storage::v1 as storage};
        explained!(
            core::Pod,
            core::PersistentVolumeClaim,
            core::PersistentVolume,
            storage::StorageClass,
            apps::Deployment,
            apps::ReplicaSet,
            apps::StatefulSet,
            core::ConfigMap,
            core::Secret,
            core::Namespace,
            core::Node,
            core::Event,
        );
    }
    let defs = generator.definitions().clone();
    let mut types = Map::new();
    for (name, schema) in &defs {
        let mut t = Map::new();
        if let Some(d) = schema.get("description").and_then(Value::as_str) {
            t.insert("d".into(), json!(d));
        }
        if let Some(ty) = PRIMITIVE_DEFS.iter().find(|(n, _)| n == name) {
            t.insert("p".into(), json!(ty.1));
        }
        let mut fields = Map::new();
        if let Some(p) = schema.get("properties").and_then(Value::as_object) {
            for (field, sub) in p {
                let desc = sub.get("description").and_then(Value::as_str).unwrap_or("");
                fields.insert(field.clone(), json!([compact_type(sub), desc]));
            }
        }
        if !fields.is_empty() {
            t.insert("f".into(), Value::Object(fields));
        }
        if let Some(r) = schema.get("required").and_then(Value::as_array) {
            // As in `compact_object`: k8s-openapi marks `metadata` required, the API does not.
            let r: Vec<Value> = r
                .iter()
                .filter(|v| v.as_str() != Some("metadata"))
                .cloned()
                .collect();
            if !r.is_empty() {
                t.insert("r".into(), Value::Array(r));
            }
        }
        types.insert(short_name(name), Value::Object(t));
    }
    let doc = json!({
        "about": "Generated by tools/schema-gen from k8s-openapi 0.29 (Kubernetes v1.34): the descriptions kubectl explain prints. Do not edit.",
        "kinds": kinds,
        "types": types,
    });
    let text = serde_json::to_string(&doc).expect("serializable") + "\n";
    std::fs::write(out, &text).expect("write explain file");
    eprintln!("wrote {out}: {} bytes, {} types", text.len(), types.len());
}

/// `#/$defs/io.k8s.api.core.v1.Pod` → `io.k8s.api.core.v1.Pod`.
fn ref_name(schema: &Value) -> Option<String> {
    let r = schema.get("$ref")?.as_str()?;
    Some(r.rsplit('/').next()?.to_string())
}

/// `io.k8s.api.core.v1.Pod` → `core.v1.Pod`; `io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`
/// → `meta.v1.ObjectMeta`. The last two segments are the Go `package.Type`.
fn short_name(name: &str) -> String {
    let segs: Vec<&str> = name.split('.').collect();
    let n = segs.len();
    if n >= 3 {
        segs[n - 3..].join(".")
    } else {
        name.to_string()
    }
}

/// One object definition in compact form: `{"properties": {name: type}, "required": [...],
/// "docs": {name: first sentence}}`.
fn compact_object(schema: &Value) -> Value {
    let mut props = Map::new();
    let mut docs = Map::new();
    if let Some(p) = schema.get("properties").and_then(Value::as_object) {
        for (name, sub) in p {
            props.insert(name.clone(), Value::String(compact_type(sub)));
            if let Some(d) = sub.get("description").and_then(Value::as_str) {
                let s = first_sentence(d);
                if !s.is_empty() {
                    docs.insert(name.clone(), Value::String(s));
                }
            }
        }
    }
    let mut out = Map::new();
    out.insert("properties".into(), Value::Object(props));
    let required: Vec<Value> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                // k8s-openapi marks `metadata` required because its Rust field is not optional;
                // the API itself does not (the name check covers a missing metadata).
                .filter(|v| v.as_str() != Some("metadata"))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    if !required.is_empty() {
        out.insert("required".into(), Value::Array(required));
    }
    if !docs.is_empty() {
        out.insert("docs".into(), Value::Object(docs));
    }
    Value::Object(out)
}

/// The compact type grammar: `T := "[]" T | "{}" T | primitive | type name`, where primitive is
/// one of string, int32, int64, number, boolean, bytes, quantity, int-or-string, time, any.
fn compact_type(schema: &Value) -> String {
    if let Some(name) = ref_name(schema) {
        if let Some((_, p)) = PRIMITIVE_DEFS.iter().find(|(n, _)| *n == name) {
            return (*p).to_string();
        }
        return short_name(&name);
    }
    if schema.get("x-kubernetes-int-or-string").is_some() {
        return "int-or-string".into();
    }
    let format = schema.get("format").and_then(Value::as_str).unwrap_or("");
    match schema.get("type").and_then(Value::as_str) {
        Some("string") if format == "byte" => "bytes".into(),
        Some("string") if format == "date-time" => "time".into(),
        Some("string") => "string".into(),
        Some("integer") if format == "int64" => "int64".into(),
        Some("integer") => "int32".into(),
        Some("number") => "number".into(),
        Some("boolean") => "boolean".into(),
        Some("array") => match schema.get("items") {
            Some(items) => format!("[]{}", compact_type(items)),
            None => "[]any".into(),
        },
        Some("object") => match schema.get("additionalProperties") {
            Some(ap) if ap.is_object() => format!("{{}}{}", compact_type(ap)),
            _ => "any".into(),
        },
        _ => "any".into(),
    }
}

/// The first sentence of a description, without links, capped in length.
fn first_sentence(text: &str) -> String {
    let mut end = text.len();
    for (i, _) in text.match_indices(". ") {
        end = i + 1;
        break;
    }
    if let Some(i) = text.find('\n') {
        end = end.min(i);
    }
    let s = text[..end].trim();
    if s.chars().count() > MAX_DOC_CHARS {
        let cut: String = s.chars().take(MAX_DOC_CHARS - 1).collect();
        format!("{cut}…")
    } else {
        s.to_string()
    }
}
