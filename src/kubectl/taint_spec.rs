//! `kubectl taint`'s arguments and its client-side arithmetic, after kubernetes/kubectl
//! `pkg/cmd/taint/taint.go` (`Complete`: resources first, then taint changes; `Validate`;
//! `updateTaints`) and `pkg/cmd/taint/utils.go` (`parseTaints`, `parseTaint`,
//! `reorganizeTaints`, `checkIfTaintsAlreadyExists`). kubectl works out the node's new taint
//! list itself and sends it as a patch; the messages here are the ones it prints.

use crate::manifest::validate::names::{is_qualified_name, is_valid_label_value};
use crate::sim::objects::Taint;

/// What `reorganizeTaints` says happened (`node/x tainted`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaintOperation {
    /// A taint was added.
    Tainted,
    /// Only taints were removed (or nothing changed).
    Untainted,
    /// `--overwrite`, or taints both added and removed.
    Modified,
}

impl TaintOperation {
    /// The word after `node/NAME`.
    pub fn as_str(self) -> &'static str {
        match self {
            TaintOperation::Tainted => "tainted",
            TaintOperation::Untainted => "untainted",
            TaintOperation::Modified => "modified",
        }
    }
}

/// `Complete`: the arguments split into resources (`node`, `NAME`…) and taint changes. An
/// argument is a change when it contains `=` or `:` or ends with `-`; every resource must come
/// first.
pub fn split_args(args: &[String]) -> Result<(Vec<String>, Vec<String>), String> {
    let mut resources = Vec::new();
    let mut changes = Vec::new();
    for s in args {
        let is_taint = s.contains('=') || s.contains(':') || s.ends_with('-');
        match (changes.is_empty(), is_taint) {
            (_, true) => changes.push(s.clone()),
            (true, false) => resources.push(s.clone()),
            (false, false) => {
                return Err(format!(
                    "all resources must be specified before taint changes: {s}"
                ));
            }
        }
    }
    Ok((resources, changes))
}

/// `parseTaints`: the taints to add and the taints to remove (key, and effect when given).
pub fn parse_taints(spec: &[String]) -> Result<(Vec<Taint>, Vec<Taint>), String> {
    let mut add: Vec<Taint> = Vec::new();
    let mut remove: Vec<Taint> = Vec::new();
    for s in spec {
        if let Some(rest) = s.strip_suffix('-') {
            let t = parse_taint(rest)?;
            remove.push(Taint { value: None, ..t });
        } else {
            let t = parse_taint(s)?;
            if t.effect.is_empty() {
                return Err(format!("invalid taint spec: {s}"));
            }
            if add.iter().any(|a| a.key == t.key && a.effect == t.effect) {
                // Go's %v of a v1.Taint value: {Key Value Effect TimeAdded}.
                return Err(format!(
                    "duplicated taints with the same key and effect: {{{} {} {} <nil>}}",
                    t.key,
                    t.value.as_deref().unwrap_or(""),
                    t.effect
                ));
            }
            add.push(t);
        }
    }
    Ok((add, remove))
}

/// `parseTaint`: `<key>=<value>:<effect>`, `<key>:<effect>` or `<key>`.
fn parse_taint(st: &str) -> Result<Taint, String> {
    let parts: Vec<&str> = st.split(':').collect();
    let (key, value, effect) = match parts.as_slice() {
        [key] => (key.to_string(), String::new(), String::new()),
        [kv, effect] => {
            if !matches!(*effect, "NoSchedule" | "PreferNoSchedule" | "NoExecute") {
                return Err(format!(
                    "invalid taint effect: {effect}, unsupported taint effect"
                ));
            }
            let kv: Vec<&str> = kv.split('=').collect();
            match kv.as_slice() {
                [key] => (key.to_string(), String::new(), effect.to_string()),
                [key, value] => {
                    let errs = is_valid_label_value(value);
                    if !errs.is_empty() {
                        return Err(format!("invalid taint spec: {st}, {}", errs.join("; ")));
                    }
                    (key.to_string(), value.to_string(), effect.to_string())
                }
                _ => return Err(format!("invalid taint spec: {st}")),
            }
        }
        _ => return Err(format!("invalid taint spec: {st}")),
    };
    let errs = is_qualified_name(&key);
    if !errs.is_empty() {
        return Err(format!("invalid taint spec: {st}, {}", errs.join("; ")));
    }
    Ok(Taint {
        key,
        value: (!value.is_empty()).then_some(value),
        effect,
        time_added: None,
    })
}

/// `Validate`: a taint both added and removed (same key, and same effect or none given).
pub fn conflicts(add: &[Taint], remove: &[Taint]) -> Option<String> {
    let mut found = Vec::new();
    for a in add {
        for r in remove {
            if a.key == r.key && (r.effect.is_empty() || a.effect == r.effect) {
                found.push(format!("{}={}", r.key, r.effect));
            }
        }
    }
    (!found.is_empty()).then(|| {
        format!(
            "can not both modify and remove the following taint(s) in the same command: {}",
            found.join(", ")
        )
    })
}

/// `checkIfTaintsAlreadyExists`: the keys of taints to add that the node already has with the
/// same effect, comma-joined (empty when none).
pub fn already_exists(old: &[Taint], add: &[Taint]) -> String {
    let mut keys = Vec::new();
    for t in add {
        for o in old {
            if t.key == o.key && t.effect == o.effect {
                keys.push(t.key.clone());
            }
        }
    }
    keys.join(",")
}

/// `updateTaints`' refusal without `--overwrite`.
pub fn already_exists_error(node: &str, keys: &str) -> String {
    format!("node {node} already has {keys} taint(s) with same effect(s) and --overwrite is false")
}

/// `v1.Taint.ToString`: `key`, `key=value:`, `key:effect` or `key=value:effect`.
pub fn taint_string(t: &Taint) -> String {
    let value = t.value.as_deref().unwrap_or("");
    match (t.effect.is_empty(), value.is_empty()) {
        (true, true) => t.key.clone(),
        (true, false) => format!("{}={value}:", t.key),
        (false, true) => format!("{}:{}", t.key, t.effect),
        (false, false) => format!("{}={value}:{}", t.key, t.effect),
    }
}

/// `reorganizeTaints`: the new list (the added taints first, then the old ones they do not
/// replace, minus the removed ones), what to print, and one `taint "…" not found` per removal
/// that matched nothing. As upstream, "removed" is whether the *last* removal matched.
pub fn reorganize(
    old: &[Taint],
    overwrite: bool,
    add: &[Taint],
    remove: &[Taint],
) -> (TaintOperation, Vec<Taint>, Vec<String>) {
    let mut new: Vec<Taint> = add.to_vec();
    for o in old {
        if !new.iter().any(|t| t.key == o.key && t.effect == o.effect) {
            new.push(o.clone());
        }
    }
    let added = old.len() != new.len();
    let mut errors = Vec::new();
    let mut removed = false;
    for r in remove {
        let before = new.len();
        new.retain(|t| !(t.key == r.key && (r.effect.is_empty() || t.effect == r.effect)));
        removed = new.len() != before;
        if !removed {
            errors.push(format!("taint {:?} not found", taint_string(r)));
        }
    }
    let op = if (added && removed) || overwrite {
        TaintOperation::Modified
    } else if added {
        TaintOperation::Tainted
    } else {
        TaintOperation::Untainted
    };
    (op, new, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    fn taint(key: &str, value: Option<&str>, effect: &str) -> Taint {
        Taint {
            key: key.into(),
            value: value.map(String::from),
            effect: effect.into(),
            time_added: None,
        }
    }

    /// taint.go `Complete`: resources must come before changes.
    #[test]
    fn complete_resources_before_taint_changes() {
        let (r, c) = split_args(&words("nodes a b k=v:NoSchedule k2-")).unwrap();
        assert_eq!(r, words("nodes a b"));
        assert_eq!(c, words("k=v:NoSchedule k2-"));
        assert_eq!(
            split_args(&words("nodes k=v:NoSchedule a")).unwrap_err(),
            "all resources must be specified before taint changes: a"
        );
    }

    /// utils.go `parseTaint`: the out-of-service taint of non-graceful node shutdown.
    #[test]
    fn parse_taint_key_value_effect() {
        let (add, remove) = parse_taints(&words(
            "node.kubernetes.io/out-of-service=nodeshutdown:NoExecute",
        ))
        .unwrap();
        assert_eq!(
            add,
            vec![taint(
                "node.kubernetes.io/out-of-service",
                Some("nodeshutdown"),
                "NoExecute"
            )]
        );
        assert!(remove.is_empty());
        let (add, remove) = parse_taints(&words("dedicated:NoSchedule- other-")).unwrap();
        assert!(add.is_empty());
        assert_eq!(
            remove,
            vec![
                taint("dedicated", None, "NoSchedule"),
                taint("other", None, "")
            ]
        );
    }

    /// utils.go `validateTaintEffect`.
    #[test]
    fn parse_taint_unsupported_effect() {
        assert_eq!(
            parse_taints(&words("k=v:NoRun")).unwrap_err(),
            "invalid taint effect: NoRun, unsupported taint effect"
        );
    }

    /// utils.go `parseTaints`: a key alone cannot be added; too many `:` or `=`.
    #[test]
    fn parse_taint_invalid_spec() {
        assert_eq!(
            parse_taints(&words("k")).unwrap_err(),
            "invalid taint spec: k"
        );
        assert_eq!(
            parse_taints(&words("a:b:NoSchedule")).unwrap_err(),
            "invalid taint spec: a:b:NoSchedule"
        );
        assert_eq!(
            parse_taints(&words("a=b=c:NoSchedule")).unwrap_err(),
            "invalid taint spec: a=b=c:NoSchedule"
        );
    }

    /// utils.go `parseTaint`: `IsQualifiedName` on the key, `IsValidLabelValue` on the value.
    #[test]
    fn parse_taint_invalid_key_or_value() {
        let err = parse_taints(&words("-bad=v:NoSchedule")).unwrap_err();
        assert!(
            err.starts_with("invalid taint spec: -bad=v:NoSchedule, name part must consist of"),
            "{err}"
        );
        let err = parse_taints(&words("k=-v:NoSchedule")).unwrap_err();
        assert!(
            err.starts_with("invalid taint spec: k=-v:NoSchedule, a valid label must be"),
            "{err}"
        );
    }

    /// utils.go `parseTaints`: the same key and effect twice.
    #[test]
    fn parse_taints_duplicated() {
        assert_eq!(
            parse_taints(&words("k=a:NoSchedule k=b:NoSchedule")).unwrap_err(),
            "duplicated taints with the same key and effect: {k b NoSchedule <nil>}"
        );
    }

    /// taint.go `Validate`.
    #[test]
    fn validate_modify_and_remove_conflict() {
        let (add, remove) = parse_taints(&words("k=v:NoSchedule k-")).unwrap();
        assert_eq!(
            conflicts(&add, &remove).unwrap(),
            "can not both modify and remove the following taint(s) in the same command: k="
        );
    }

    /// taint.go `updateTaints` + utils.go `checkIfTaintsAlreadyExists`.
    #[test]
    fn update_taints_already_exists_without_overwrite() {
        let old = vec![taint(
            "node.kubernetes.io/out-of-service",
            Some("nodeshutdown"),
            "NoExecute",
        )];
        let keys = already_exists(&old, &old);
        assert_eq!(
            already_exists_error("minikube-m02", &keys),
            "node minikube-m02 already has node.kubernetes.io/out-of-service taint(s) with same effect(s) and --overwrite is false"
        );
    }

    /// utils.go `reorganizeTaints`: tainted, untainted, modified, not found.
    #[test]
    fn reorganize_taints_operations() {
        let oos = taint("node.kubernetes.io/out-of-service", Some("x"), "NoExecute");
        let (op, new, errs) = reorganize(&[], false, std::slice::from_ref(&oos), &[]);
        assert_eq!((op.as_str(), new.len(), errs.len()), ("tainted", 1, 0));
        let remove = vec![taint(&oos.key, None, "")];
        let (op, new, errs) = reorganize(std::slice::from_ref(&oos), false, &[], &remove);
        assert_eq!((op.as_str(), new.len(), errs.len()), ("untainted", 0, 0));
        let (op, _, _) = reorganize(
            std::slice::from_ref(&oos),
            true,
            std::slice::from_ref(&oos),
            &[],
        );
        assert_eq!(op.as_str(), "modified");
        let (op, new, errs) = reorganize(&[], false, &[], &[taint("gone", None, "NoSchedule")]);
        assert_eq!(op.as_str(), "untainted");
        assert!(new.is_empty());
        assert_eq!(
            errs,
            vec!["taint \"gone:NoSchedule\" not found".to_string()]
        );
    }
}
