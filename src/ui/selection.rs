//! What a learner can select on screen. Keys act on the selection (`w` writes through the
//! selected pod, `r` crashes the selected container, `x` deletes the selected pod, `F` fails
//! or recovers the selected node), so the diagram and the app shell share this type.

/// One selectable thing, named as the cluster names it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// A node.
    Node(String),
    /// A pod.
    Pod {
        /// Namespace.
        namespace: String,
        /// Name.
        name: String,
    },
    /// A container of a pod.
    Container {
        /// Namespace.
        namespace: String,
        /// Pod name.
        pod: String,
        /// Container name.
        container: String,
    },
    /// A volume of a pod (emptyDir, hostPath, a claim reference…).
    PodVolume {
        /// Namespace.
        namespace: String,
        /// Pod name.
        pod: String,
        /// Volume name.
        volume: String,
    },
    /// A PersistentVolumeClaim.
    Claim {
        /// Namespace.
        namespace: String,
        /// Name.
        name: String,
    },
    /// A PersistentVolume.
    PersistentVolume(String),
    /// A StorageClass.
    StorageClass(String),
}

impl Item {
    /// The pod this item belongs to, if any (a pod, its container or its volume).
    pub fn pod(&self) -> Option<(&str, &str)> {
        match self {
            Item::Pod { namespace, name } => Some((namespace, name)),
            Item::Container { namespace, pod, .. } | Item::PodVolume { namespace, pod, .. } => {
                Some((namespace, pod))
            }
            _ => None,
        }
    }
}
