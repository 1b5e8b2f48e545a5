//! Resource names kubestory knows about besides its simulated kinds: real Kubernetes
//! resources it does not simulate, and the did-you-mean hint for a mistyped one.

use crate::sim::Kind;

/// The closest simulated resource name, for kubestory's hint.
pub(crate) fn suggest_resource(typed: &str) -> Option<String> {
    let typed = typed.to_ascii_lowercase();
    let mut best: Option<(usize, String)> = None;
    for kind in Kind::ALL {
        let mut names = vec![kind.plural().to_string(), kind.singular()];
        names.extend(kind.short_names().iter().map(|s| s.to_string()));
        for name in names {
            let d = strsim::levenshtein(&typed, &name);
            let close = d <= 2.min(name.len().saturating_sub(1)).max(1);
            if close && best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, name));
            }
        }
    }
    best.map(|(_, name)| name)
}

/// Real resource names (and short names) of kinds kubestory does not simulate.
pub(crate) const NOT_SIMULATED: &[&str] = &[
    "services",
    "service",
    "svc",
    "jobs",
    "job",
    "cronjobs",
    "cronjob",
    "cj",
    "daemonsets",
    "daemonset",
    "ds",
    "ingresses",
    "ingress",
    "ing",
    "serviceaccounts",
    "serviceaccount",
    "sa",
    "endpoints",
    "ep",
    "endpointslices",
    "endpointslice",
    "replicationcontrollers",
    "replicationcontroller",
    "rc",
    "horizontalpodautoscalers",
    "horizontalpodautoscaler",
    "hpa",
    "networkpolicies",
    "networkpolicy",
    "netpol",
    "roles",
    "role",
    "rolebindings",
    "rolebinding",
    "clusterroles",
    "clusterrole",
    "clusterrolebindings",
    "clusterrolebinding",
    "poddisruptionbudgets",
    "poddisruptionbudget",
    "pdb",
    "limitranges",
    "limitrange",
    "limits",
    "resourcequotas",
    "resourcequota",
    "quota",
    "volumeattachments",
    "volumeattachment",
    "csidrivers",
    "csidriver",
    "csinodes",
    "csinode",
    "csistoragecapacities",
    "csistoragecapacity",
    "volumeattributesclasses",
    "volumeattributesclass",
    "vac",
    "leases",
    "lease",
    "customresourcedefinitions",
    "customresourcedefinition",
    "crd",
    "crds",
    "priorityclasses",
    "priorityclass",
    "pc",
    "runtimeclasses",
    "runtimeclass",
    "ingressclasses",
    "ingressclass",
    "certificatesigningrequests",
    "certificatesigningrequest",
    "csr",
    "componentstatuses",
    "componentstatus",
    "cs",
    "podtemplates",
    "podtemplate",
    "controllerrevisions",
    "controllerrevision",
    "mutatingwebhookconfigurations",
    "validatingwebhookconfigurations",
    "apiservices",
    "apiservice",
    "bindings",
    "binding",
];
