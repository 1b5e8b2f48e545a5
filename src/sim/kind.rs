//! The kinds kubestory simulates, with the names kubectl knows them by.

use super::objects::*;
use serde_json::Value;

/// A simulated kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// core/v1 Pod.
    Pod,
    /// core/v1 PersistentVolumeClaim.
    PersistentVolumeClaim,
    /// core/v1 PersistentVolume.
    PersistentVolume,
    /// storage.k8s.io/v1 StorageClass.
    StorageClass,
    /// apps/v1 Deployment.
    Deployment,
    /// apps/v1 ReplicaSet.
    ReplicaSet,
    /// apps/v1 StatefulSet.
    StatefulSet,
    /// core/v1 ConfigMap.
    ConfigMap,
    /// core/v1 Secret.
    Secret,
    /// core/v1 Namespace.
    Namespace,
    /// core/v1 Node.
    Node,
    /// core/v1 Event (read-only).
    Event,
}

impl Kind {
    /// Every simulated kind.
    pub const ALL: [Kind; 12] = [
        Kind::Pod,
        Kind::PersistentVolumeClaim,
        Kind::PersistentVolume,
        Kind::StorageClass,
        Kind::Deployment,
        Kind::ReplicaSet,
        Kind::StatefulSet,
        Kind::ConfigMap,
        Kind::Secret,
        Kind::Namespace,
        Kind::Node,
        Kind::Event,
    ];

    /// The `kind:` spelling.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Pod => "Pod",
            Kind::PersistentVolumeClaim => "PersistentVolumeClaim",
            Kind::PersistentVolume => "PersistentVolume",
            Kind::StorageClass => "StorageClass",
            Kind::Deployment => "Deployment",
            Kind::ReplicaSet => "ReplicaSet",
            Kind::StatefulSet => "StatefulSet",
            Kind::ConfigMap => "ConfigMap",
            Kind::Secret => "Secret",
            Kind::Namespace => "Namespace",
            Kind::Node => "Node",
            Kind::Event => "Event",
        }
    }

    /// Parses the `kind:` spelling.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The API group (`""` for core).
    pub fn group(self) -> &'static str {
        match self {
            Kind::StorageClass => "storage.k8s.io",
            Kind::Deployment | Kind::ReplicaSet | Kind::StatefulSet => "apps",
            _ => "",
        }
    }

    /// The `apiVersion:` a manifest must use.
    pub fn api_version(self) -> &'static str {
        match self.group() {
            "" => "v1",
            "apps" => "apps/v1",
            _ => "storage.k8s.io/v1",
        }
    }

    /// The lowercase plural resource name (`persistentvolumeclaims`).
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Pod => "pods",
            Kind::PersistentVolumeClaim => "persistentvolumeclaims",
            Kind::PersistentVolume => "persistentvolumes",
            Kind::StorageClass => "storageclasses",
            Kind::Deployment => "deployments",
            Kind::ReplicaSet => "replicasets",
            Kind::StatefulSet => "statefulsets",
            Kind::ConfigMap => "configmaps",
            Kind::Secret => "secrets",
            Kind::Namespace => "namespaces",
            Kind::Node => "nodes",
            Kind::Event => "events",
        }
    }

    /// The lowercase singular (`persistentvolumeclaim`).
    pub fn singular(self) -> String {
        self.name().to_ascii_lowercase()
    }

    /// kubectl's short names (`pvc`, `sts`…).
    pub fn short_names(self) -> &'static [&'static str] {
        match self {
            Kind::Pod => &["po"],
            Kind::PersistentVolumeClaim => &["pvc"],
            Kind::PersistentVolume => &["pv"],
            Kind::StorageClass => &["sc"],
            Kind::Deployment => &["deploy"],
            Kind::ReplicaSet => &["rs"],
            Kind::StatefulSet => &["sts"],
            Kind::ConfigMap => &["cm"],
            Kind::Secret => &[],
            Kind::Namespace => &["ns"],
            Kind::Node => &["no"],
            Kind::Event => &["ev"],
        }
    }

    /// Whether objects of this kind live in a namespace.
    pub fn namespaced(self) -> bool {
        !matches!(self, Kind::PersistentVolume | Kind::StorageClass | Kind::Namespace | Kind::Node)
    }

    /// `<singular>[.<group>]`, the prefix kubectl prints (`deployment.apps`,
    /// `storageclass.storage.k8s.io`, `persistentvolumeclaim`).
    pub fn qualified(self) -> String {
        match self.group() {
            "" => self.singular(),
            g => format!("{}.{g}", self.singular()),
        }
    }

    /// `<plural>[.<group>]`, as in `Error from server (NotFound): deployments.apps "x" not found`.
    pub fn qualified_plural(self) -> String {
        match self.group() {
            "" => self.plural().to_string(),
            g => format!("{}.{g}", self.plural()),
        }
    }

    /// Resolves what a learner types after `kubectl get`: `pvc`, `pods`, `pod`, `Pod`,
    /// `deployments.apps`, `deploy`… (case-insensitive, like kubectl's RESTMapper).
    pub fn from_resource(text: &str) -> Option<Kind> {
        let lower = text.to_ascii_lowercase();
        let (base, group) = match lower.split_once('.') {
            Some((b, g)) => (b.to_string(), Some(g.to_string())),
            None => (lower.clone(), None),
        };
        Kind::ALL.into_iter().find(|k| {
            let name_ok = base == k.plural()
                || base == k.singular()
                || k.short_names().contains(&base.as_str());
            let group_ok = match &group {
                None => true,
                Some(g) => g == k.group() || (k.group().is_empty() && g == "v1"),
            };
            name_ok && group_ok
        })
    }
}

/// An object of any kind the simulator stores.
#[derive(Clone, Debug, PartialEq)]
pub enum Object {
    /// A Pod.
    Pod(Pod),
    /// A PersistentVolumeClaim.
    PersistentVolumeClaim(PersistentVolumeClaim),
    /// A PersistentVolume.
    PersistentVolume(PersistentVolume),
    /// A StorageClass.
    StorageClass(StorageClass),
    /// A Deployment.
    Deployment(Deployment),
    /// A ReplicaSet.
    ReplicaSet(ReplicaSet),
    /// A StatefulSet.
    StatefulSet(StatefulSet),
    /// A ConfigMap.
    ConfigMap(ConfigMap),
    /// A Secret.
    Secret(Secret),
    /// A Namespace.
    Namespace(Namespace),
    /// A real kind that is accepted but not simulated.
    Unsimulated(UnsimulatedObject),
}

impl Object {
    /// Converts a validated manifest document into a typed object. `kind` and `apiVersion` are
    /// read from the value; kinds that are not simulated become [`Object::Unsimulated`].
    pub fn from_value(value: Value) -> Result<Object, serde_json::Error> {
        let kind_name = value.get("kind").and_then(Value::as_str).unwrap_or("").to_string();
        let mut body = value;
        let Some(kind) = Kind::from_name(&kind_name).filter(|k| *k != Kind::Node && *k != Kind::Event)
        else {
            return serde_json::from_value(body).map(Object::Unsimulated);
        };
        if let Value::Object(map) = &mut body {
            map.remove("apiVersion");
            map.remove("kind");
            // Status is owned by the simulator, as the API server ignores it on create.
            map.remove("status");
        }
        Ok(match kind {
            Kind::Pod => Object::Pod(serde_json::from_value(body)?),
            Kind::PersistentVolumeClaim => Object::PersistentVolumeClaim(serde_json::from_value(body)?),
            Kind::PersistentVolume => Object::PersistentVolume(serde_json::from_value(body)?),
            Kind::StorageClass => Object::StorageClass(serde_json::from_value(body)?),
            Kind::Deployment => Object::Deployment(serde_json::from_value(body)?),
            Kind::ReplicaSet => Object::ReplicaSet(serde_json::from_value(body)?),
            Kind::StatefulSet => Object::StatefulSet(serde_json::from_value(body)?),
            Kind::ConfigMap => Object::ConfigMap(serde_json::from_value(body)?),
            Kind::Secret => Object::Secret(serde_json::from_value(body)?),
            Kind::Namespace => Object::Namespace(serde_json::from_value(body)?),
            Kind::Node | Kind::Event => unreachable!("filtered above"),
        })
    }

    /// The kind, or `None` for an unsimulated object.
    pub fn kind(&self) -> Option<Kind> {
        Some(match self {
            Object::Pod(_) => Kind::Pod,
            Object::PersistentVolumeClaim(_) => Kind::PersistentVolumeClaim,
            Object::PersistentVolume(_) => Kind::PersistentVolume,
            Object::StorageClass(_) => Kind::StorageClass,
            Object::Deployment(_) => Kind::Deployment,
            Object::ReplicaSet(_) => Kind::ReplicaSet,
            Object::StatefulSet(_) => Kind::StatefulSet,
            Object::ConfigMap(_) => Kind::ConfigMap,
            Object::Secret(_) => Kind::Secret,
            Object::Namespace(_) => Kind::Namespace,
            Object::Unsimulated(_) => return None,
        })
    }

    /// The `kind:` spelling, for unsimulated objects too.
    pub fn kind_name(&self) -> &str {
        match self {
            Object::Unsimulated(u) => &u.kind,
            other => other.kind().map(Kind::name).unwrap_or(""),
        }
    }

    /// The object's metadata.
    pub fn metadata(&self) -> &ObjectMeta {
        match self {
            Object::Pod(o) => &o.metadata,
            Object::PersistentVolumeClaim(o) => &o.metadata,
            Object::PersistentVolume(o) => &o.metadata,
            Object::StorageClass(o) => &o.metadata,
            Object::Deployment(o) => &o.metadata,
            Object::ReplicaSet(o) => &o.metadata,
            Object::StatefulSet(o) => &o.metadata,
            Object::ConfigMap(o) => &o.metadata,
            Object::Secret(o) => &o.metadata,
            Object::Namespace(o) => &o.metadata,
            Object::Unsimulated(o) => &o.metadata,
        }
    }

    /// The object's metadata, mutably.
    pub fn metadata_mut(&mut self) -> &mut ObjectMeta {
        match self {
            Object::Pod(o) => &mut o.metadata,
            Object::PersistentVolumeClaim(o) => &mut o.metadata,
            Object::PersistentVolume(o) => &mut o.metadata,
            Object::StorageClass(o) => &mut o.metadata,
            Object::Deployment(o) => &mut o.metadata,
            Object::ReplicaSet(o) => &mut o.metadata,
            Object::StatefulSet(o) => &mut o.metadata,
            Object::ConfigMap(o) => &mut o.metadata,
            Object::Secret(o) => &mut o.metadata,
            Object::Namespace(o) => &mut o.metadata,
            Object::Unsimulated(o) => &mut o.metadata,
        }
    }

    /// The object as the API would return it (`-o json`), with apiVersion and kind.
    pub fn to_value(&self) -> Value {
        let body = match self {
            Object::Unsimulated(u) => return serde_json::to_value(u).unwrap_or(Value::Null),
            Object::Pod(o) => serde_json::to_value(o),
            Object::PersistentVolumeClaim(o) => serde_json::to_value(o),
            Object::PersistentVolume(o) => serde_json::to_value(o),
            Object::StorageClass(o) => serde_json::to_value(o),
            Object::Deployment(o) => serde_json::to_value(o),
            Object::ReplicaSet(o) => serde_json::to_value(o),
            Object::StatefulSet(o) => serde_json::to_value(o),
            Object::ConfigMap(o) => serde_json::to_value(o),
            Object::Secret(o) => serde_json::to_value(o),
            Object::Namespace(o) => serde_json::to_value(o),
        };
        let mut body = body.unwrap_or(Value::Null);
        if let (Value::Object(map), Some(kind)) = (&mut body, self.kind()) {
            map.insert("apiVersion".into(), Value::String(kind.api_version().to_string()));
            map.insert("kind".into(), Value::String(kind.name().to_string()));
        }
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_names_resolve_like_kubectl() {
        assert_eq!(Kind::from_resource("pvc"), Some(Kind::PersistentVolumeClaim));
        assert_eq!(Kind::from_resource("PersistentVolumeClaims"), Some(Kind::PersistentVolumeClaim));
        assert_eq!(Kind::from_resource("deployments.apps"), Some(Kind::Deployment));
        assert_eq!(Kind::from_resource("deploy"), Some(Kind::Deployment));
        assert_eq!(Kind::from_resource("sc"), Some(Kind::StorageClass));
        assert_eq!(Kind::from_resource("storageclass.storage.k8s.io"), Some(Kind::StorageClass));
        assert_eq!(Kind::from_resource("po"), Some(Kind::Pod));
        assert_eq!(Kind::from_resource("pods.apps"), None);
        assert_eq!(Kind::from_resource("services"), None);
    }

    #[test]
    fn qualified_names_match_kubectl_delete_output() {
        assert_eq!(Kind::Deployment.qualified(), "deployment.apps");
        assert_eq!(Kind::StorageClass.qualified(), "storageclass.storage.k8s.io");
        assert_eq!(Kind::PersistentVolumeClaim.qualified(), "persistentvolumeclaim");
        assert_eq!(Kind::Deployment.qualified_plural(), "deployments.apps");
    }
}
