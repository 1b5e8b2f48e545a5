//! Errors the simulated API server returns, shaped so the kubectl layer can print them exactly
//! as kubectl does (`Error from server (NotFound): persistentvolumeclaims "x" not found`).

/// One field-level cause of an `Invalid` error (`spec.accessModes: Required value: …`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldCause {
    /// Field path (`spec.resources.requests.storage`).
    pub field: String,
    /// The kind of problem, worded as the API does (`Required value`, `Forbidden`,
    /// `Invalid value: "x"`, `Unsupported value: "x"`).
    pub kind: String,
    /// Detail.
    pub detail: String,
}

impl std::fmt::Display for FieldCause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.detail.is_empty() {
            write!(f, "{}: {}", self.field, self.kind)
        } else {
            write!(f, "{}: {}: {}", self.field, self.kind, self.detail)
        }
    }
}

/// An error from the simulated API server.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The object does not exist.
    #[error("{resource} \"{name}\" not found")]
    NotFound {
        /// Qualified plural resource (`persistentvolumeclaims`, `deployments.apps`).
        resource: String,
        /// Name.
        name: String,
    },
    /// `create` of an object that exists.
    #[error("{resource} \"{name}\" already exists")]
    AlreadyExists {
        /// Qualified plural resource.
        resource: String,
        /// Name.
        name: String,
    },
    /// Validation failed (`The PersistentVolumeClaim "x" is invalid: …`).
    #[error("{kind} \"{name}\" is invalid: {}", format_causes(.causes))]
    Invalid {
        /// Kind (`PersistentVolumeClaim`), or `Kind.group` for non-core kinds.
        kind: String,
        /// Name.
        name: String,
        /// The causes.
        causes: Vec<FieldCause>,
    },
    /// An admission plugin refused (`… is forbidden: only dynamically provisioned pvc can be
    /// resized …`).
    #[error("{resource} \"{name}\" is forbidden: {message}")]
    Forbidden {
        /// Qualified plural resource.
        resource: String,
        /// Name.
        name: String,
        /// Why.
        message: String,
    },
    /// A malformed request (a bad patch, a wrong type).
    #[error("{0}")]
    BadRequest(String),
    /// No API server answered: its control-plane node is down (issue 11). There is no
    /// response, hence no status reason; the text is kubectl's line for it
    /// ([`crate::kubectl::connection::unreachable_message`]), which kubectl prints before any
    /// request is made, so only direct callers of the cluster see this error.
    #[error("{0}")]
    Unreachable(String),
}

/// Several causes print as `[a, b]`, one as itself (apimachinery `NewInvalid`).
fn format_causes(causes: &[FieldCause]) -> String {
    match causes {
        [one] => one.to_string(),
        many => format!(
            "[{}]",
            many.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

impl ApiError {
    /// The status reason kubectl prints in parentheses (`NotFound`, `Invalid`…).
    pub fn reason(&self) -> &'static str {
        match self {
            ApiError::NotFound { .. } => "NotFound",
            ApiError::AlreadyExists { .. } => "AlreadyExists",
            ApiError::Invalid { .. } => "Invalid",
            ApiError::Forbidden { .. } => "Forbidden",
            ApiError::BadRequest(_) => "BadRequest",
            ApiError::Unreachable(_) => "Unreachable",
        }
    }

    /// A NotFound error for a kind.
    pub fn not_found(kind: super::Kind, name: &str) -> ApiError {
        ApiError::NotFound {
            resource: kind.qualified_plural(),
            name: name.to_string(),
        }
    }

    /// An Invalid error with one cause.
    pub fn invalid(kind: &str, name: &str, field: &str, what: &str, detail: &str) -> ApiError {
        ApiError::Invalid {
            kind: kind.to_string(),
            name: name.to_string(),
            causes: vec![FieldCause {
                field: field.to_string(),
                kind: what.to_string(),
                detail: detail.to_string(),
            }],
        }
    }
}

/// Errors of the simulation verbs that are not API calls (writing a story, failing a node).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SimError {
    /// An API-shaped error (pod not found…).
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The target exists but cannot do what was asked (the pod is not running…).
    #[error("{0}")]
    Refused(String),
}
