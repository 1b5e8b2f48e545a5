//! Turning resource arguments into [`Resources`], with cli-runtime's `Builder` rules and
//! messages (kubernetes/kubernetes `staging/src/k8s.io/cli-runtime/pkg/resource/builder.go`:
//! `ResourceTypeOrNameArgs`, `normalizeMultipleResourcesArgs`, `hasCombinedTypeArgs`,
//! `splitResourceTypeName`, `mappingFor`, `visitorResult`, `visitBySelector`,
//! `visitByResource`, `visitByName`, `visitByPaths`, `missingResourceError`).

use super::args::{Resources, Target};
use super::error::KubectlError;
use super::resource_names::{NOT_SIMULATED, suggest_resource};
use super::selector::LabelSelector;
use crate::sim::Kind;

/// What the builder is told besides the arguments.
pub(crate) struct BuilderInput<'a> {
    /// `ResourceTypeOrNameArgs(allowEmptySelector, …)`: a lone type lists everything.
    pub allow_empty_selector: bool,
    /// The `-l` text, if non-blank.
    pub selector: Option<&'a str>,
    /// `--all` (`SelectAllParam`).
    pub select_all: bool,
    /// `-A`.
    pub all_namespaces: bool,
    /// Whether `-f` was given.
    pub has_paths: bool,
    /// The `--field-selector` text, if non-blank (`FieldSelectorParam`): a selector as much
    /// as `-l` is.
    pub field_selector: Option<&'a str>,
}

const MISSING_RESOURCE: &str = "You must provide one or more resources by argument or filename.\n\
Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   \
'<resource> <name>'\n   '<resource>'";

/// `SplitResourceArgument`: comma-separated, de-duplicated, empty parts kept.
fn split_types(arg: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in arg.split(',') {
        if !out.iter().any(|p| p == part) {
            out.push(part.to_string());
        }
    }
    out
}

/// The category `all` as kubectl expands it, restricted to simulated kinds.
const ALL_CATEGORY: [Kind; 4] = [
    Kind::Pod,
    Kind::Deployment,
    Kind::ReplicaSet,
    Kind::StatefulSet,
];

/// Runs the builder's checks and returns the selected resources.
pub(crate) fn build(args: &[String], input: &BuilderInput<'_>) -> Result<Resources, KubectlError> {
    let msg = |m: &str| Err(KubectlError::message(m));
    // ResourceTypeOrNameArgs
    let args = normalize(args);
    let mut types: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut tuples: Vec<(String, String)> = Vec::new();
    let mut selector = input.selector.map(str::to_string);
    if selector.is_none() && input.field_selector.is_some() {
        selector = Some(String::new());
    }
    let slashes = args.iter().filter(|a| a.contains('/')).count();
    if slashes > 0 && slashes != args.len() {
        return msg(
            "there is no need to specify a resource type as a separate argument when passing \
             arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead \
             of 'kubectl get resource resource/<resource_name>'",
        );
    } else if slashes > 0 {
        for a in &args {
            let seg: Vec<&str> = a.split('/').collect();
            if seg.len() != 2 {
                return msg("arguments in resource/name form may not have more than one slash");
            }
            if seg[0].is_empty() || seg[1].is_empty() || split_types(seg[0]).len() != 1 {
                return msg("arguments in resource/name form must have a single resource and name");
            }
            tuples.push((seg[0].to_string(), seg[1].to_string()));
        }
    } else if let Some(first) = args.first() {
        // ReplaceAliases: the category `all` becomes its member types.
        for t in split_types(first) {
            if t == "all" {
                types.extend(ALL_CATEGORY.iter().map(|k| k.plural().to_string()));
            } else {
                types.push(t);
            }
        }
        names = args[1..].to_vec();
        if args.len() == 1 && selector.is_none() && input.allow_empty_selector {
            selector = Some(String::new());
        }
    }
    // SelectAllParam / LabelSelectorParam ordering as in `kubectl delete`.
    if input.select_all {
        if input.selector.is_some() || input.field_selector.is_some() {
            return msg("setting 'all' parameter but found a non empty selector. ");
        }
        selector = Some(String::new());
    }
    // visitorResult
    if input.has_paths {
        if !types.is_empty() {
            return msg(
                "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well",
            );
        }
        if !names.is_empty() {
            return msg("name cannot be provided when a path is specified");
        }
        if !tuples.is_empty() {
            return msg("resource/name arguments cannot be provided when a path is specified");
        }
        if let Some(s) = input.selector {
            if let Err(e) = LabelSelector::parse(s) {
                return msg(&format!(
                    "the provided selector {} is not valid: {e}",
                    super::goparse::quote(s)
                ));
            }
        }
        return Ok(Resources::None);
    }
    if let Some(sel) = &selector {
        if !names.is_empty() {
            return msg("name cannot be provided when a selector is specified");
        }
        if !tuples.is_empty() {
            return msg(
                "selectors and the all flag cannot be used when passing resource/name arguments",
            );
        }
        if types.is_empty() {
            return msg("at least one resource must be specified to use a selector");
        }
        let kinds = resolve_kinds(&types)?;
        if let Err(e) = LabelSelector::parse(sel) {
            let lines = kinds
                .iter()
                .map(|k| selector_bad_request(*k, sel, &e.0))
                .collect();
            return Err(KubectlError::Server(lines));
        }
        return Ok(Resources::Kinds(kinds));
    }
    if !tuples.is_empty() {
        let mut targets = Vec::new();
        for (resource, name) in &tuples {
            let kind = resolve(resource)?;
            check_namespace(kind, input.all_namespaces)?;
            targets.push(Target {
                kind,
                name: name.clone(),
            });
        }
        return Ok(Resources::Named(targets));
    }
    if !names.is_empty() {
        if types.len() > 1 {
            return msg("you must specify only one resource");
        }
        let kind = resolve(&types[0])?;
        check_namespace(kind, input.all_namespaces)?;
        return Ok(Resources::Named(
            names
                .into_iter()
                .map(|name| Target { kind, name })
                .collect(),
        ));
    }
    if !types.is_empty() {
        resolve_kinds(&types)?;
        return msg("resource(s) were provided, but no name was specified");
    }
    Err(KubectlError::Message(MISSING_RESOURCE.to_string()))
}

/// `normalizeMultipleResourcesArgs`: `a,b x y` becomes `a/x a/y b/x b/y`.
fn normalize(args: &[String]) -> Vec<String> {
    if args.len() >= 2 {
        let types = split_types(&args[0]);
        if types.len() > 1 {
            return types
                .iter()
                .flat_map(|t| args[1..].iter().map(move |n| format!("{t}/{n}")))
                .collect();
        }
    }
    args.to_vec()
}

fn check_namespace(kind: Kind, all_namespaces: bool) -> Result<(), KubectlError> {
    if all_namespaces && kind.namespaced() {
        return Err(KubectlError::message(
            "a resource cannot be retrieved by name across all namespaces",
        ));
    }
    Ok(())
}

/// Resolves every type, de-duplicated in order (`resourceMappings`).
fn resolve_kinds(types: &[String]) -> Result<Vec<Kind>, KubectlError> {
    let mut kinds = Vec::new();
    for t in types {
        let kind = resolve(t)?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    Ok(kinds)
}

/// `mappingFor`: a resource argument (`pvc`, `PersistentVolumeClaims`, `deployments.apps`,
/// `deployments.v1.apps`) to a kind, or kubectl's error.
pub fn resolve(arg: &str) -> Result<Kind, KubectlError> {
    if let Some(kind) = Kind::from_resource(arg) {
        return Ok(kind);
    }
    // RESOURCE.VERSION.GROUP: drop the version.
    let parts: Vec<&str> = arg.splitn(3, '.').collect();
    if let [resource, _version, group] = parts.as_slice() {
        if let Some(kind) = Kind::from_resource(&format!("{resource}.{group}")) {
            return Ok(kind);
        }
    }
    let resource = arg.split('.').next().unwrap_or(arg);
    if NOT_SIMULATED.contains(&resource.to_ascii_lowercase().as_str()) {
        return Err(KubectlError::ResourceNotSimulated {
            resource: resource.to_string(),
        });
    }
    Err(KubectlError::UnknownResourceType {
        resource: resource.to_string(),
        suggestion: suggest_resource(resource),
    })
}

/// The API server's answer to a list request with a malformed label selector, as kubectl
/// prints it (`resource.EnhanceListError`; `schema.GroupVersionResource.String`).
pub(crate) fn selector_bad_request(kind: Kind, selector: &str, message: &str) -> String {
    let gvr = format!("{}, Resource={}", kind.api_version_path(), kind.plural());
    format!(
        "Error from server (BadRequest): Unable to find {} that match label selector {}, field selector \"\": {message}",
        super::goparse::quote(&gvr),
        super::goparse::quote(selector)
    )
}

trait ApiVersionPath {
    fn api_version_path(self) -> String;
}

impl ApiVersionPath for Kind {
    /// `group/version` as `GroupVersionResource.String` prints it (`/v1` for core).
    fn api_version_path(self) -> String {
        format!("{}/v1", self.group())
    }
}
